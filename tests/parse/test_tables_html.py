"""Statutory tables read from HTML: row and column spans resolved into a grid, then the labels lead.

The renderer's HTML has the official layout (rowspans, colspans); real pages get spans wrong. A wrong
colspan moves figures away from their headers in the grid (said, GP507, and read in order, which is right);
a missing or extra cell changes a row's count of figures (said, and the row left blank).
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govdisclosure import DisclosureReport, ReportFormat, StatutoryTables, load, statutory_body
from govdisclosure.parse import ParseResult, parse_html
from govdisclosure.parse._html import extract_text
from govdisclosure.render import render
from tests.conftest import ROOT
from tests.parse.flat import t3_rows, year_of
from tests.parse.helpers import check_provenance
from tests.strategies_tables import any_tables, consistent_tables, with_cell

EXAMPLE = ROOT / "examples" / "statutory_2021" / "report.json"
VERSIONS = st.sampled_from([ReportFormat.V2019, ReportFormat.V2021])


@pytest.fixture(scope="module")
def example() -> DisclosureReport:
    return load(EXAMPLE)


@pytest.fixture(scope="module")
def html(example: DisclosureReport) -> str:
    page = render(example, "html")
    assert isinstance(page, str)
    return page


def codes(result: ParseResult) -> list[str]:
    return [d.code for d in result.diagnostics]


@st.composite
def tables(draw: st.DrawFn) -> StatutoryTables:
    version = draw(VERSIONS)
    found: StatutoryTables = draw(consistent_tables(version) | any_tables(version))
    return found


@given(tables())
def test_the_html_rendering_of_any_tables_reads_back(found: StatutoryTables) -> None:
    year = year_of(found.version)
    report = DisclosureReport(
        title=f"{year}年政府信息公开工作年度报告",
        year=year,
        format=found.version,
        body=statutory_body(),
        tables=found,
    )
    page = render(report, "html")
    assert isinstance(page, str)
    result = parse_html(page)
    assert result.report.tables == found
    assert result.report == report
    assert result.diagnostics == ()
    check_provenance(result)


# --- the grid ----------------------------------------------------------------------------------------


def test_the_grid_places_cells_after_the_spans_above_them(html: str) -> None:
    t3 = extract_text(html).tables[1]
    assert t3.width == 10
    # the corner spans 3 rows × 3 columns, 申请人情况 7 columns; 自然人 and 总计 span 2 rows
    corner, applicants = t3.rows[0]
    assert (corner.col, corner.rowspan, corner.colspan) == (0, 3, 3)
    assert (applicants.col, applicants.colspan) == (3, 7)
    assert [(c.text, c.col) for c in t3.rows[2]][:2] == [("商业企业", 4), ("科研机构", 5)]
    # 三、本年度办理结果 spans the 22 rows of the results (2021); （三）不予公开 its 8 sub-rows
    group = next(c for row in t3.rows for c in row if c.text == "三、本年度办理结果")
    assert (group.col, group.rowspan) == (0, 22)
    below = t3.rows[group.row + 3]  # （一） （二） （三）1. then this one
    assert below[0].text == "2.其他法律行政法规禁止公开"
    assert below[0].col == 2  # after the two headings spanning down from above
    assert [c.col for c in below[1:]] == list(range(3, 10))
    grid = t3.grid
    assert grid[group.row + 3][:3] == (
        "三、本年度办理结果",
        "（三）不予公开",
        "2.其他法律行政法规禁止公开",
    )


def test_cells_know_where_their_text_is(html: str) -> None:
    extracted = extract_text(html)
    for table in extracted.tables:
        for row in table.rows:
            for cell in row:
                assert extracted.text[cell.start : cell.end] == cell.text


# --- wrong spans -------------------------------------------------------------------------------------


def _with(html: str, old: str, new: str) -> str:
    assert html.count(old) == 1, old
    return html.replace(old, new)


def test_a_wrong_colspan_on_a_label_is_said_and_the_figures_read_in_order(
    example: DisclosureReport, html: str
) -> None:
    page = _with(
        html,
        'colspan="3" scope="row">一、本年新收政府信息公开申请数量',
        'scope="row">一、本年新收政府信息公开申请数量',
    )
    result = parse_html(page)
    assert result.report.tables == example.tables
    (shifted,) = result.diagnostics
    assert (shifted.code, shifted.path) == ("GP507", "$.tables.t3")
    assert "一、本年新收政府信息公开申请数量" in shifted.message


def test_a_wrong_colspan_on_a_header_is_said(example: DisclosureReport, html: str) -> None:
    page = _with(
        html, 'colspan="5" scope="col">法人或其他组织', 'colspan="4" scope="col">法人或其他组织'
    )
    result = parse_html(page)
    assert result.report.tables == example.tables  # the figures are read in order, as they are
    assert codes(result) == ["GP507"]
    assert "25 row" in result.diagnostics[0].message_en  # every data row is off its header


def test_a_missing_cell_leaves_its_row_blank(example: DisclosureReport, html: str) -> None:
    page = re.sub(r'<td class="gd-count" id="gd-t3\.received\.research"[^>]*>0</td>', "", html)
    assert page != html
    result = parse_html(page)
    (fewer,) = result.diagnostics
    assert (fewer.code, fewer.path) == ("GP503", "$.tables.t3.rows.received")
    assert example.tables is not None
    expected = example.tables
    for column in example.tables.t3.COLUMNS:  # the whole row: six figures for seven columns
        expected = with_cell(expected, ("t3", "rows", "received", column.key), None)
    assert result.report.tables == expected


def test_a_table_cut_short_is_read_as_far_as_it_goes(example: DisclosureReport, html: str) -> None:
    # The page ends inside table 三's row 5.属于三类内部事务信息, after its first figure.
    cut = html.index('id="gd-t3.withheld_internal_affairs.commercial"')
    page = html[: html.rindex("<td", 0, cut)] + "</tr></table>"
    result = parse_html(page)
    tables = result.report.tables
    assert tables is not None
    assert example.tables is not None
    assert tables.t2 == example.tables.t2
    rows = tables.t3.rows
    assert rows.withheld_internal_affairs.values() == (1, None, None, None, None, None, None)
    assert rows.withheld_third_party_rights == example.tables.t3.rows.withheld_third_party_rights
    assert rows.total_handled.values() == (None,) * 7
    assert sorted(codes(result)) == ["GP504", "GP510"]
    stop = next(d for d in result.diagnostics if d.code == "GP504")
    assert stop.path == "$.tables.t3.rows.withheld_internal_affairs"


def test_tables_of_a_real_page_shape() -> None:
    # As portals publish them: <td> only, labels with stray spaces and half-width brackets, blank cells
    # as &nbsp;, the fee with its unit, table 四's header without scope.
    page = (
        "<html><body><h1>2022年政府信息公开工作年度报告</h1><p>二、主动公开政府信息情况</p>"
        "<table><tr><td colspan=4>第二十条 第(一)项</td></tr>"
        "<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>"
        "<tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr>"
        "<tr><td>行政规范性文件</td><td>3</td><td>&nbsp;</td><td>12</td></tr>"
        "<tr><td colspan=4>第二十条第(八)项</td></tr>"
        "<tr><td>信息内容</td><td colspan=3>本年收费金额(单位:万元)</td></tr>"
        "<tr><td>行政事业性收费</td><td colspan=3>1.5万元</td></tr></table>"
        "<p>四、政府信息公开行政复议、行政诉讼情况</p>"
        "<table><tr><td colspan=5>行政复议</td><td colspan=10>行政诉讼</td></tr>"
        "<tr><td rowspan=2>结果维持</td><td rowspan=2>结果纠正</td><td rowspan=2>其他结果</td>"
        "<td rowspan=2>尚未审结</td><td rowspan=2>总计</td><td colspan=5>未经复议直接起诉</td>"
        "<td colspan=5>复议后起诉</td></tr><tr>"
        + "<td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td>" * 2
        + "</tr><tr>"
        + "<td>1</td><td>0</td><td>0</td><td>0</td><td>1</td>"
        + "<td>0</td>" * 10
        + "</tr></table></body></html>"
    )
    result = parse_html(page)
    tables = result.report.tables
    assert tables is not None
    assert tables.t2.rows.normative_documents.values() == (3, None, 12)
    assert str(tables.t2.rows.fees.amount) == "1.5"
    assert tables.t4.review.values() == (1, 0, 0, 0, 1)
    assert tables.t4.litigation_after_review.total == 0
    assert sorted(codes(result)) == ["GP505", "GP505", "GP505", "GP510"]  # 许可 处罚 强制; no 三
    assert result.report.body[1].paragraphs == ()


def _wrapped(text: str) -> str:
    """A cell's content as editors wrap it: a table of its own, paragraphs and spans inside."""
    return f"<table><tbody><tr><td><p><span>{text}</span></p></td></tr></tbody></table>"


T2_BLOCK = (
    "<tr><td colspan=4><p>第二十条第(一)项</p></td></tr>"
    "<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>"
)


def test_cells_wrapped_in_tables_of_their_own_keep_blank_cells_in_place() -> None:
    page = (
        "<h1>2022年政府信息公开工作年度报告</h1><p>二、主动公开政府信息情况</p><table>"
        + T2_BLOCK
        + f"<tr><td>规章</td><td>{_wrapped(0)}</td><td>{_wrapped(1)}</td><td>{_wrapped(2)}</td></tr>"
        + f"<tr><td>{_wrapped('行政规范性文件')}</td><td>{_wrapped(3)}</td><td></td>"
        + f"<td>{_wrapped('12<br>')}</td></tr></table>"
    )
    tables = parse_html(page).report.tables
    assert tables is not None
    assert tables.t2.rows.regulations.values() == (0, 1, 2)
    assert tables.t2.rows.normative_documents.values() == (3, None, 12)


@pytest.mark.parametrize(
    "padding", ["\u3000", "\u3000\u3000", "\u2002", "<p>\u3000</p>", "&ensp;&emsp;"]
)
def test_a_box_padded_with_wide_spaces_is_blank_and_keeps_its_row(padding: str) -> None:
    # WPS and Word users type ideographic (U+3000) or en/em spaces into a blank box (the 2021 format's
    # blank form as WPS saves it does, tests/fixtures/real-files/forms/); a box of only those was one
    # figure too few for the row, which was then not read at all (GP503)
    page = (
        "<h1>2022年政府信息公开工作年度报告</h1><p>二、主动公开政府信息情况</p><table>"
        + T2_BLOCK
        + f"<tr><td>规章</td><td>{padding}</td><td>5</td><td>7</td></tr>"
        + f"<tr><td>行政规范性文件</td><td>3</td><td>{padding}</td><td>12</td></tr></table>"
    )
    result = parse_html(page)
    tables = result.report.tables
    assert tables is not None
    assert tables.t2.rows.regulations.values() == (None, 5, 7)
    assert tables.t2.rows.normative_documents.values() == (3, None, 12)
    assert not {"GP503", "GP506"} & set(codes(result))


def test_a_nested_table_of_one_row_stands_for_its_cells() -> None:
    figures = "".join(f"<td>{k}</td>" if k != 7 else "<td><p>&nbsp;</p></td>" for k in range(15))
    page = (
        "<h1>2022年政府信息公开工作年度报告</h1><p>四、政府信息公开行政复议、行政诉讼情况</p><table>"
        "<tr><td colspan=5>行政复议</td><td colspan=10>行政诉讼</td></tr>"
        "<tr><td colspan=5></td><td colspan=5>未经复议直接起诉</td><td colspan=5>复议后起诉</td></tr>"
        + "<tr>"
        + "<td>结果<br>维持</td><td>结果<br>纠正</td><td>其他<br>结果</td><td>尚未<br>审结</td><td>总计</td>"
        * 3
        + f"</tr><tr><td colspan=15><table><tr>{figures}</tr></table></td></tr></table>"
    )
    tables = parse_html(page).report.tables
    assert tables is not None
    assert tables.t4.review.values() == (0, 1, 2, 3, 4)
    assert tables.t4.litigation_direct.values() == (5, 6, None, 8, 9)
    assert tables.t4.litigation_after_review.values() == (10, 11, 12, 13, 14)


def test_a_statutory_table_inside_a_layout_table_is_read() -> None:
    inner = (
        "<table>"
        + T2_BLOCK
        + "<tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr>"
        + "<tr><td>行政规范性文件</td><td>3</td><td> </td><td>12</td></tr></table>"
    )
    page = (
        "<table><tr><td><a href='/'>首页</a></td><td><h1>2022年政府信息公开工作年度报告</h1>"
        f"<p>二、主动公开政府信息情况</p>{inner}</td></tr></table>"
    )
    result = parse_html(page)
    assert result.report.tables is not None
    assert result.report.tables.t2.rows.normative_documents.values() == (3, None, 12)
    assert result.report.title == "2022年政府信息公开工作年度报告"


def test_a_cell_holding_a_larger_table_makes_a_layout_table() -> None:
    grid = "<table>" + "<tr><td>甲</td><td>乙</td></tr>" * 2 + "</table>"
    text = extract_text(f"<table><tr><td>左</td><td>{grid}</td></tr></table>").text
    assert "甲 | 乙 |" in text  # the inner table is the data table
    assert "左 |" not in text  # the outer one is layout


# --- fuzz --------------------------------------------------------------------------------------------

LABELS = [cell for row in t3_rows(load(EXAMPLE).tables) for cell in row]  # type: ignore[arg-type]


@st.composite
def garbled_tables(draw: st.DrawFn) -> str:
    """A table of statutory labels and figures with random row and column spans and missing cells."""
    rows = []
    for _ in range(draw(st.integers(0, 30))):
        cells = []
        for _ in range(draw(st.integers(0, 12))):
            text = draw(
                st.sampled_from(LABELS) | st.sampled_from(["", "0", "7", "-1", "无", "1.5万元"])
            )
            span = draw(
                st.sampled_from(
                    ["", " rowspan=3", " colspan=2", " rowspan=0", " colspan=x", " rowspan=40"]
                )
            )
            cells.append(f"<td{span}>{text}</td>")
        rows.append("<tr>" + "".join(cells) + draw(st.sampled_from(["</tr>", ""])))
    return "<h1>2022年政府信息公开工作年度报告</h1><table>" + "".join(rows) + "</table>"


@settings(max_examples=60)
@given(garbled_tables())
def test_garbled_tables_never_raise(page: str) -> None:
    result = parse_html(page)
    assert "GP999" not in codes(result)
    check_provenance(result)
