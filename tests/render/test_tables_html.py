"""The statutory tables in HTML: the official layout (format reference §3–5), checked on the grid a real HTML
parser sees, against the model's metadata and values, for the worked example and for generated tables."""

from __future__ import annotations

import jinja2
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govdisclosure import (
    DisclosureReport,
    ReportFormat,
    Section,
    StatutoryTables,
    StatutoryTablesV2019,
    StatutoryTablesV2021,
    Table3V2019,
    Table3V2021,
)
from govdisclosure.render import render_html
from tests.render.golden import build
from tests.render.tables import (
    CAPTIONS,
    HtmlTable,
    HtmlTables,
    expected_cells,
    printed,
    statutory_report,
)
from tests.strategies_tables import any_tables, consistent_tables

VERSIONS = [ReportFormat.V2019, ReportFormat.V2021]


@pytest.fixture(scope="module")
def example() -> DisclosureReport:
    return build("statutory_2021")


def _tables_by_id(html: str) -> dict[str, HtmlTable]:
    tables = HtmlTables(html).tables
    by_id = {str(t.attrs.get("id")).removeprefix("gd-"): t for t in tables}
    assert len(by_id) == len(tables)
    return by_id


def _texts(cells: list[object]) -> tuple[str, ...]:
    return tuple(c.text for c in cells)  # type: ignore[attr-defined]


def check_tables(html: str, tables: StatutoryTables) -> None:
    """Every figure of the model is in its table exactly once, under the row and column headers that the
    metadata gives it (by grid position), with its value as printed, its headers attribute naming exactly
    those header cells, and blank cells empty."""
    found = _tables_by_id(html)
    assert sorted(found) == ["t2", "t3", "t4"]
    expected = expected_cells(tables)
    seen: set[tuple[str, str]] = set()
    for key, table in found.items():
        assert table.attrs["class"] == f"gd-table gd-{key}"
        assert table.caption == CAPTIONS[key]
        assert sum(table.colgroups) == table.width
        ids = {c.attrs.get("id"): c for row in table.grid for c in row if c.attrs.get("id")}
        for r, row in enumerate(table.grid):
            for c, cell in enumerate(row):
                if cell.tag != "td" or cell.section != "tbody" or table.anchor(cell) != (r, c):
                    continue
                cell_id = str(cell.attrs["id"]).removeprefix(f"gd-{key}.")
                assert (key, cell_id) not in seen
                seen.add((key, cell_id))
                want = next(e for e in expected if (e.table, e.key) == (key, cell_id))
                rows = table.row_headers(r, c)
                columns = table.column_headers(r, c)
                assert _texts(columns) == want.columns, (key, cell_id)
                heads = list(rows)
                if want.block is not None:  # table 二: the title row of the cell's row group
                    title = next(t for t in table.grid if t[0].section_index == cell.section_index)[
                        0
                    ]
                    assert title.tag == "th"
                    assert title.attrs["scope"] == "rowgroup"
                    assert title.colspan == table.width
                    assert title.text == want.block
                    heads.insert(0, title)
                assert _texts(rows) == want.rows, (key, cell_id)
                assert cell.text == printed(want.value, want.kind)
                classes = str(cell.attrs["class"]).split()
                assert f"gd-{want.kind.value}" in classes
                assert ("gd-blank" in classes) == (want.value is None)
                # The headers attribute names the same cells, and they all exist.
                named = str(cell.attrs["headers"]).split()
                assert [ids[i] for i in named] == heads + columns
                for header in rows:
                    assert header.attrs["scope"] in ("row", "rowgroup")
                for header in columns:
                    assert header.attrs["scope"] in ("col", "colgroup")
    assert seen == {(e.table, e.key) for e in expected}


def test_example_tables(example: DisclosureReport) -> None:
    assert example.tables is not None
    check_tables(render_html(example), example.tables)


@settings(max_examples=20)
@pytest.mark.parametrize("version", VERSIONS, ids=str)
@given(data=st.data())
def test_generated_consistent_tables(version: ReportFormat, data: st.DataObject) -> None:
    tables = data.draw(consistent_tables(version))
    check_tables(render_html(statutory_report(tables)), tables)


@settings(max_examples=20)
@given(tables=any_tables(ReportFormat.V2019) | any_tables(ReportFormat.V2021))
def test_generated_tables_with_any_figures(tables: StatutoryTables) -> None:
    """Signed 本年增/减, amounts in 万元, money with its unit, blanks anywhere."""
    check_tables(render_html(statutory_report(tables)), tables)


# --- the spans of the reference --------------------------------------------------------------------


def _cell(table: HtmlTable, text: str) -> object:
    return next(c for row in table.rows for c in row if c.text == text)


@pytest.mark.parametrize("version", VERSIONS, ids=str)
def test_table3_spans_as_the_reference(version: ReportFormat) -> None:
    tables = StatutoryTablesV2019() if version is ReportFormat.V2019 else StatutoryTablesV2021()
    t3 = _tables_by_id(render_html(statutory_report(tables)))["t3"]
    assert t3.width == 10
    assert len(t3.grid) == 3 + (23 if version is ReportFormat.V2019 else 25)
    corner = t3.rows[0][0]
    assert corner.tag == "td"
    assert corner.text == "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    assert (corner.rowspan, corner.colspan) == (3, 3)
    spans = {c.text: (c.rowspan, c.colspan, c.tag) for row in t3.rows for c in row}
    assert spans["申请人情况"] == (1, 7, "th")
    assert spans["法人或其他组织"] == (1, 5, "th")
    assert spans["自然人"] == spans["总计"] == (2, 1, "th")
    results = 20 if version is ReportFormat.V2019 else 22
    assert spans["三、本年度办理结果"] == (results, 1, "th")
    assert spans["（三）不予公开"] == (8, 1, "th")
    assert spans["（四）无法提供"] == (3, 1, "th")
    assert spans["（五）不予处理"] == (5, 1, "th")
    if version is ReportFormat.V2021:
        assert spans["（六）其他处理"] == (3, 1, "th")
    else:
        assert spans["（六）其他处理"] == (1, 2, "th")
    assert spans["（一）予以公开"] == spans["（七）总计"] == (1, 2, "th")
    assert spans["一、本年新收政府信息公开申请数量"] == (1, 3, "th")
    assert spans["四、结转下年度继续办理"] == (1, 3, "th")
    # The computed sums have no row and no figures: as many body rows as data rows.
    data = (Table3V2019 if version is ReportFormat.V2019 else Table3V2021).data_rows()
    assert sum(1 for row in t3.rows if any(c.tag == "td" for c in row)) == len(data) + 1  # + corner
    # thead, then 一/二, 三 (its own row group, with a rowgroup header), 四.
    sections = [(c.section, c.section_index) for row in t3.rows for c in row[:1]]
    assert sorted(set(sections)) == [("tbody", 1), ("tbody", 2), ("tbody", 3), ("thead", 0)]
    assert _cell(t3, "三、本年度办理结果").attrs["scope"] == "rowgroup"  # type: ignore[attr-defined]


def test_table4_spans_as_the_reference() -> None:
    t4 = _tables_by_id(render_html(statutory_report(StatutoryTablesV2021())))["t4"]
    assert t4.width == 15
    assert len(t4.grid) == 4
    top = [(c.text, c.rowspan, c.colspan) for c in t4.rows[0]]
    assert top == [("行政复议", 1, 5), ("行政诉讼", 1, 10)]
    second = [(c.text, c.rowspan, c.colspan) for c in t4.rows[1]]
    assert second == [
        *((label, 2, 1) for label in ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")),
        ("未经复议直接起诉", 1, 5),
        ("复议后起诉", 1, 5),
    ]
    assert [c.text for c in t4.rows[2]] == [
        "结果维持",
        "结果纠正",
        "其他结果",
        "尚未审结",
        "总计",
    ] * 2
    assert [c.tag for c in t4.rows[3]] == ["td"] * 15
    assert t4.colgroups == [5, 10]
    assert [c.attrs["scope"] for c in t4.rows[0]] == ["colgroup", "colgroup"]


@pytest.mark.parametrize("version", VERSIONS, ids=str)
def test_table2_blocks_as_the_reference(version: ReportFormat) -> None:
    tables = StatutoryTablesV2019() if version is ReportFormat.V2019 else StatutoryTablesV2021()
    t2 = _tables_by_id(render_html(statutory_report(tables)))["t2"]
    assert t2.width == 4
    titles = [row[0].text for row in t2.rows if row[0].attrs.get("scope") == "rowgroup"]
    assert titles == [b.title for b in tables.t2.BLOCKS]
    for row in t2.rows:
        # Every row fills the four columns: a title spans them all, a short block's last cell spans the rest.
        assert sum(c.colspan for c in row) == 4
    headers = [tuple(c.text for c in row) for row in t2.rows if row[0].text == "信息内容"]
    assert headers == [("信息内容", *(c.label for c in b.columns)) for b in tables.t2.BLOCKS]
    # Each block is its own row group, without a thead.
    assert {c.section for row in t2.rows for c in row} == {"tbody"}
    assert len({row[0].section_index for row in t2.rows}) == len(tables.t2.BLOCKS)


def test_example_values_as_printed(example: DisclosureReport) -> None:
    html = render_html(example)
    assert (
        '<td class="gd-amount" id="gd-t2.fees.amount" colspan="3"'
        ' headers="gd-t2.block4 gd-t2.fees gd-t2.h13.2">286.45</td>'
    ) in html
    assert (
        '<td class="gd-count" id="gd-t3.received.natural_person" headers="gd-t3.received gd-t3.h1.4'
        ' gd-t3.h2.4">76</td>'
    ) in html


def test_signed_money_and_blank_cells() -> None:
    from govdisclosure import Money, MoneyUnit, Table2V2019

    t2 = Table2V2019.from_rows(
        {
            "行政许可": [40, -2, 1324],
            "其他对外管理服务事项": [12, 4, None],
            "行政事业性收费": [3, 0],
            "政府集中采购": [3, Money(251000)],
        }
    )
    html = render_html(statutory_report(StatutoryTablesV2019(t2=t2)))
    t2_table = _tables_by_id(html)["t2"]
    values = {str(c.attrs["id"]): c.text for row in t2_table.rows for c in row if c.tag == "td"}
    assert values["gd-t2.licensing.change"] == "-2"
    assert values["gd-t2.other_services.change"] == "+4"
    assert values["gd-t2.fees.change"] == "0"
    assert values["gd-t2.other_services.decisions"] == ""
    assert values["gd-t2.procurement.amount"] == "251000元"
    assert '<td class="gd-count gd-blank" id="gd-t2.other_services.decisions"' in html
    wan = Table2V2019.from_rows({"政府集中采购": [1, Money(251000, MoneyUnit.WAN_YUAN)]})
    html = render_html(statutory_report(StatutoryTablesV2019(t2=wan)))
    assert ">25.1万元</td>" in html


# --- placement and templates ------------------------------------------------------------------------


def test_each_table_in_its_section_after_the_text(example: DisclosureReport) -> None:
    html = render_html(example)
    for section, key in (("gd-s2", "t2"), ("gd-s3", "t3"), ("gd-s4", "t4")):
        start = html.index(f'id="{section}"')
        end = html.index("</section>", html.index(f'id="gd-{key}"'))
        body = html[start:end]
        assert f'id="gd-{key}"' in body
        # After the heading (and the section's paragraphs, if any), before the next section.
        assert body.index("</h2>") < body.index(f'id="gd-{key}"')
    assert html.index('id="gd-t2"') < html.index('id="gd-s3"') < html.index('id="gd-t3"')
    assert html.index('id="gd-t3"') < html.index('id="gd-s4"') < html.index('id="gd-t4"')
    assert html.index('id="gd-t4"') < html.index('id="gd-s5"')


def test_table_before_the_sub_sections_and_after_the_paragraphs() -> None:
    note = Section(paragraphs=["注：本表数据截至12月31日。"])
    report = statutory_report(StatutoryTablesV2021(), t2_notes=["本年主动公开信息326条。", note])
    html = render_html(report)
    assert html.index("本年主动公开信息326条。") < html.index('id="gd-t2"') < html.index("注：本表")


def test_tables_without_their_sections_follow_the_body() -> None:
    report = DisclosureReport(
        title="报告",
        year=2022,
        format=ReportFormat.V2021,
        body=[Section(paragraphs=["正文。"])],
        tables=StatutoryTablesV2021(),
    )
    html = render_html(report)
    body_end = html.index("</div>\n</article>")
    assert html.index("正文。") < html.index('id="gd-t2"') < html.index('id="gd-t3"')
    assert html.index('id="gd-t3"') < html.index('id="gd-t4"') < body_end


def test_narrative_report_has_no_table() -> None:
    report = build("dehua_2014")
    assert "<table" not in render_html(report)


def test_one_table_template_overridden_alone(example: DisclosureReport) -> None:
    loader = jinja2.DictLoader({"table4.html.j2": '<p class="my-t4">{{ node.caption }}</p>'})
    html = render_html(example, loader=loader)
    assert '<p class="my-t4">政府信息公开行政复议、行政诉讼情况</p>' in html
    assert sorted(_tables_by_id(html)) == ["t2", "t3"]
    # The override sees the table node, the model's table and the report.
    loader = jinja2.DictLoader(
        {
            "table3.html.j2": "<p>{{ node.table.rows.received.total }} {{ report.tables.version }}</p>"
        }
    )
    assert "<p>88 2021</p>" in render_html(example, loader=loader)


def test_id_prefix_reaches_cells_and_headers(example: DisclosureReport) -> None:
    html = render_html(example, id_prefix="r-")
    assert 'id="r-t3.received.natural_person" headers="r-t3.received r-t3.h1.4 r-t3.h2.4"' in html
    assert 'id="gd-' not in html
