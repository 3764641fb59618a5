"""The statutory tables as typed data: labels as the formats print them, construction, access, sums, errors."""

from __future__ import annotations

import pickle
import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govdisclosure import (
    DisclosureReport,
    FeeAmount,
    ItemChanges,
    Money,
    ReportFormat,
    RowKind,
    StatutoryTables,
    StatutoryTablesV2019,
    StatutoryTablesV2021,
    Table2V2019,
    Table2V2021,
    Table3Row,
    Table3V2019,
    Table3V2021,
    Table4,
    Table4Group,
    UnknownLabelError,
    blank_tables,
)
from tests.conftest import FIXTURES, SHARED
from tests.strategies_tables import any_tables

REFERENCE = FIXTURES / "annual-report-format.md"
VERSIONS = [ReportFormat.V2019, ReportFormat.V2021]
T3_CLASSES = {ReportFormat.V2019: Table3V2019, ReportFormat.V2021: Table3V2021}
T2_CLASSES = {ReportFormat.V2019: Table2V2019, ReportFormat.V2021: Table2V2021}


def _reference_section(number: int) -> str:
    text = REFERENCE.read_text(encoding="utf-8")
    return text.split(f"\n## {number}.")[1].split("\n## ")[0]


def _code_lines(section: str) -> list[str]:
    return [
        line.strip() for line in section.splitlines() if line.startswith("    ") and line.strip()
    ]


# --- labels, against the format reference -----------------------------------------------------------------


@pytest.mark.parametrize("version", VERSIONS)
def test_table3_rows_are_the_reference_labels_in_order(version: ReportFormat) -> None:
    expected = []
    for line in _code_lines(_reference_section(4)):
        label, only_2021 = re.subn(r"\s{2,}\(2021 only\)$", "", line)
        if version is ReportFormat.V2021 or not only_2021:
            expected.append(label)
    assert [spec.label for spec in T3_CLASSES[version].ROWS] == expected


def test_table3_row_counts_and_hierarchy() -> None:
    assert len(Table3V2019.data_rows()) == 23
    assert len(Table3V2021.data_rows()) == 25
    sums = {v: [s.key for s in T3_CLASSES[v].ROWS if s.kind is RowKind.SUM] for v in VERSIONS}
    assert sums[ReportFormat.V2019] == ["withheld", "unavailable", "not_processed"]
    assert sums[ReportFormat.V2021] == [
        "withheld",
        "unavailable",
        "not_processed",
        "other_handling",
    ]
    withheld = Table3V2021.row_spec("（三）不予公开")
    assert (withheld.parent, withheld.depth, len(withheld.children)) == ("results", 1, 8)
    results = Table3V2021.row_spec("三、本年度办理结果")
    assert results.kind is RowKind.GROUP
    assert results.children[0] == "disclosed"
    assert results.children[-1] == "total_handled"
    # the 三、本年度办理结果 cell spans 20 (2019) or 22 (2021) printed rows: its data rows
    for version, span in ((ReportFormat.V2019, 20), (ReportFormat.V2021, 22)):
        inside = [s for s in T3_CLASSES[version].data_rows() if s.depth > 0]
        assert len(inside) == span
    for spec in Table3V2021.ROWS:
        for child in spec.children:
            assert Table3V2021.row_spec(child).parent == spec.key


def test_the_quotation_marks_are_the_curly_ones() -> None:
    label = Table3V2021.row_spec("withheld_security_stability").label
    assert label == "3.危及\u201c三安全一稳定\u201d"


def test_table3_columns_and_corner_are_the_reference_ones() -> None:
    section = _reference_section(4)
    columns = re.search(r"Columns: (.*?) — seven", section, re.S)
    corner = re.search(r"header cell reads (（.*?）)\.", section, re.S)
    assert columns is not None
    assert corner is not None
    flat = columns.group(1).replace("(", "|").replace(")", "").replace("法人或其他组织", "")
    assert [c.strip() for c in flat.split("|") if c.strip()] == [c.label for c in Table3Row.COLUMNS]
    assert corner.group(1).replace("\n", "") == Table3V2021.CORNER
    organisations = [c.label for c in Table3Row.COLUMNS if "法人或其他组织" in c.headers]
    assert organisations == ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]


def test_table2_2021_blocks_are_the_reference_layout() -> None:
    block = _reference_section(3).split("2021 format")[1].split("2019 format")[0]
    expected = _code_lines(block)
    printed = []
    for b in Table2V2021.BLOCKS:
        printed.append(b.title)
        printed.append(" | ".join([b.header, *(c.label for c in b.columns)]))
        printed.extend(r.label for r in b.rows)
    assert printed == expected


def test_table2_2019_blocks_are_the_reference_layout() -> None:
    block = _reference_section(3).split("2019 format")[1]
    found = re.findall(r"(第二十条第（.）项): (.*?) — rows? (.*)", block)
    assert len(found) == 5
    columns = ""
    for (title, header, rows), spec in zip(found, Table2V2019.BLOCKS, strict=True):
        columns = columns if header == "same columns" else header
        assert spec.title == title
        assert " | ".join([spec.header, *(c.label for c in spec.columns)]) == columns
        assert [r.label for r in spec.rows] == rows.split(", ")


def test_table4_groups_are_the_reference_layout() -> None:
    lines = _code_lines(_reference_section(5))
    printed = [
        ", ".join([*g.headers, g.label]) + ": " + " | ".join(c.label for c in g.columns)
        for g in Table4.GROUPS
    ]
    assert printed == lines


def _normalise(text: str) -> str:
    """What a parser does at least: half-width punctuation to full-width, no spaces."""
    return text.translate(str.maketrans({"(": "（", ")": "）", ":": "：", ",": "，", " ": None}))


@pytest.mark.parametrize(
    ("name", "last_row", "typos"),
    [
        ("jiuyuan-zwfwj-2022.txt", "4.保护第三方合法权益", []),
        (
            "erdao-fwzsb-2022.txt",
            "8.属于行政查询事项",
            ["（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "5.属于三类内部事务信息"],
        ),
    ],
)
def test_labels_match_real_2021_reports_but_for_their_typos(
    name: str, last_row: str, typos: list[str]
) -> None:
    fixture = FIXTURES / name
    cells = {_normalise(c) for c in re.split(r"[|\n]", fixture.read_text(encoding="utf-8"))}
    blocks = Table2V2021.BLOCKS
    labels = [b.title for b in blocks] + [b.header for b in blocks]
    labels += [c.label for b in blocks for c in b.columns] + [
        r.label for b in blocks for r in b.rows
    ]
    labels += [Table3V2021.CORNER, "申请人情况", "法人或其他组织"]
    labels += [c.label for c in Table3Row.COLUMNS]
    rows = Table3V2021.ROWS
    labels += [s.label for s in rows[: rows.index(Table3V2021.row_spec(last_row)) + 1]]
    assert [label for label in labels if label not in cells] == typos


# --- construction and access ------------------------------------------------------------------------------


@given(st.sampled_from(VERSIONS).flatmap(any_tables))
def test_building_by_labels_and_by_keys_gives_equal_tables(tables: StatutoryTables) -> None:
    t2, t3, t4 = tables.t2, tables.t3, tables.t4
    t3_rows = t3.data_rows()
    by_label = {s.label: {c.label: t3[s.key][c.key] for c in t3.COLUMNS} for s in t3_rows}
    by_key = {s.key: list(t3[s.key].values()) for s in t3_rows}
    assert type(t3).from_rows(by_label) == type(t3).from_rows(by_key) == t3
    t2_labels = {
        r.label: {c.label: t2[r.key][c.key] for c in b.columns} for b in t2.BLOCKS for r in b.rows
    }
    t2_keys = {r.key: t2[r.key].values() for b in t2.BLOCKS for r in b.rows}
    assert type(t2).from_rows(t2_labels) == type(t2).from_rows(t2_keys) == t2
    t4_labels = {g.label: {c.label: t4[g.key][c.key] for c in g.columns} for g in t4.GROUPS}
    t4_keys = {g.key: {c.key: t4[g.key][c.key] for c in g.columns} for g in t4.GROUPS}
    assert Table4.from_groups(t4_labels) == Table4.from_groups(t4_keys) == t4


@given(st.sampled_from(VERSIONS).flatmap(any_tables))
def test_access_by_label_and_by_attribute_agree(tables: StatutoryTables) -> None:
    t3 = tables.t3
    for spec in t3.ROWS:
        if spec.kind is RowKind.GROUP:
            continue
        row = getattr(t3.rows, spec.key)
        assert t3[spec.label] == t3[spec.key] == row
        for column in t3.COLUMNS:
            assert row[column.label] == row[column.key] == getattr(row, column.key)
    for block in tables.t2.BLOCKS:
        for r in block.rows:
            for c in block.columns:
                assert tables.t2[r.label][c.label] == getattr(getattr(tables.t2.rows, r.key), c.key)
    for g in Table4.GROUPS:
        for c in g.columns:
            assert tables.t4[g.label][c.label] == getattr(getattr(tables.t4, g.key), c.key)


def test_the_issue_s_access_examples() -> None:
    t3 = Table3V2021.from_rows({"（七）总计": [877, 0, 0, 0, 0, 0, 877]})
    assert t3["（七）总计"]["自然人"] == 877
    assert t3.rows.total_handled.natural_person == 877


@given(st.sampled_from(VERSIONS).flatmap(any_tables))
def test_sum_rows_add_their_sub_rows_and_are_blank_where_a_part_is(
    tables: StatutoryTables,
) -> None:
    t3 = tables.t3
    for spec in t3.ROWS:
        if spec.kind is not RowKind.SUM:
            continue
        for column in t3.COLUMNS:
            parts = [t3[child][column.key] for child in spec.children]
            expected = None if None in parts else sum(p for p in parts if p is not None)
            assert t3[spec.key][column.key] == expected


def test_a_sum_over_zeros_is_zero_and_over_a_blank_is_blank() -> None:
    zeros = [0, 0, 0, 0, 0, 0, 0]
    t3 = Table3V2021.from_rows(
        {
            "1.本机关不掌握相关政府信息": [3, 0, 0, 0, 1, 0, 4],
            "2.没有现成信息需要另行制作": [1, 0, 0, 0, 0, 0, 1],
            "3.补正后申请内容仍不明确": [0, 0, 0, 0, 0, 0, None],
            **{f"{n}.{t}": zeros for n, t in enumerate(["信访举报投诉类申请", "重复申请"], 1)},
            "3.要求提供公开出版物": zeros,
            "4.无正当理由大量反复申请": zeros,
            "5.要求行政机关确认或重新出具已获取信息": zeros,
        }
    )
    assert t3.rows.unavailable == Table3Row(4, 0, 0, 0, 1, 0, None)
    assert t3.rows.not_processed == Table3Row(*zeros)
    assert t3.rows.withheld == Table3Row()  # every sub-row blank
    assert t3["（四）无法提供"] == t3.rows.unavailable


def test_2019_other_handling_is_stored_and_2021_computed() -> None:
    t2019 = Table3V2019.from_rows({"（六）其他处理": [1, 0, 0, 0, 0, 0, 1]})
    assert t2019.rows.other_handling == Table3Row(1, 0, 0, 0, 0, 0, 1)
    t2021 = Table3V2021.from_rows(
        {
            "other_handling_no_correction": [1, 0, 0, 0, 0, 0, 1],
            "other_handling_fee_unpaid": [0, 0, 0, 0, 0, 0, 0],
            "3.其他": [2, 0, 0, 0, 0, 0, 2],
        }
    )
    assert t2021.rows.other_handling == Table3Row(3, 0, 0, 0, 0, 0, 3)
    with pytest.raises(ValueError, match="（六）其他处理 has no figures of its own"):
        Table3V2021.from_rows({"（六）其他处理": [1, 0, 0, 0, 0, 0, 1]})
    with pytest.raises(UnknownLabelError):
        Table3V2019.from_rows({"3.其他": [1, 0, 0, 0, 0, 0, 1]})


def test_table2_cells() -> None:
    assert ItemChanges(12, -2, 340)["本年增/减"] == -2
    assert FeeAmount("286.45").amount == Decimal("286.45")
    fee = FeeAmount(Decimal("0.5")).money
    assert fee is not None
    assert fee.yuan == 5000
    assert FeeAmount().money is None
    t2 = Table2V2019.from_rows({"政府集中采购": {"采购项目数量": 3, "采购总金额": Money("251000")}})
    assert t2["政府集中采购"]["采购总金额"] == Money(Decimal(251000))


# --- errors -----------------------------------------------------------------------------------------------


def test_unknown_labels_list_the_valid_ones() -> None:
    t3 = Table3V2021()
    with pytest.raises(UnknownLabelError) as info:
        t3["（八）总计"]
    message = str(info.value)
    assert "'（八）总计'" in message
    assert "（七）总计 (total_handled)" in message
    assert "1.属于国家秘密 (withheld_state_secret)" in message
    assert isinstance(info.value, KeyError)
    assert len(info.value.valid) == 29  # 25 data rows and 4 sums; 三、本年度办理结果 has no figures
    with pytest.raises(UnknownLabelError, match="三、本年度办理结果"):
        t3["三、本年度办理结果"]
    with pytest.raises(UnknownLabelError, match=r"自然人 \(natural_person\)"):
        t3.rows.received["法人"]
    # exact matching: the typos of real pages are the parser's to tolerate
    with pytest.raises(UnknownLabelError):
        Table3V2021.from_rows({"5.属于三类内容事务信息": [0] * 7})
    assert str(pickle.loads(pickle.dumps(info.value))) == message
    with pytest.raises(UnknownLabelError, match=r"column of 规章.*本年制发件数 \(issued\)"):
        Table2V2021.from_rows({"规章": {"制发": 1}})
    with pytest.raises(UnknownLabelError, match=r"复议后起诉 \(litigation_after_review\)"):
        Table4.from_groups({"行政诉讼": [0, 0, 0, 0, 0]})


@pytest.mark.parametrize(
    ("build", "error", "message"),
    [
        (lambda: Table3Row(-1), ValueError, "natural_person: a count must be 0 or more, got -1"),
        (lambda: Table3Row(True), TypeError, "expected a count"),
        (lambda: Table3Row(1.0), TypeError, "expected a count"),
        (lambda: Table4Group(upheld="1"), TypeError, "expected a count"),
        (
            lambda: Table3V2021.from_rows({"（七）总计": [1, 2, 3]}),
            ValueError,
            r"（七）总计: expected 7 cells \(自然人 \| 商业企业",
        ),
        (
            lambda: Table3V2021.from_rows({"（七）总计": {"自然人": -3}}),
            ValueError,
            "（七）总计: natural_person: a count must be 0 or more",
        ),
        (
            lambda: Table3V2021.from_rows({"total_handled": [0] * 7, "（七）总计": [0] * 7}),
            ValueError,
            "given twice",
        ),
        (lambda: Table3V2021.from_rows({"received": "1234567"}), TypeError, "a mapping by column"),
        (lambda: ItemChanges(change=True), TypeError, "signed"),
        (lambda: FeeAmount(1.5), TypeError, "never float"),
        (lambda: FeeAmount("-1"), ValueError, "0 or more"),
        (lambda: Table2V2019.from_rows({"政府集中采购": [1, 251000]}), TypeError, "expected Money"),
        (
            lambda: Table2V2019.from_rows({"政府集中采购": [1, Money(-1)]}),
            ValueError,
            "0 or more",
        ),
    ],
)
def test_bad_figures_are_refused_with_where_and_what(build, error, message) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(error, match=message):
        build()


def test_a_report_s_tables_must_be_of_its_format() -> None:
    with pytest.raises(
        ValueError, match="tables are of the 2021 format but the report's format is 2019"
    ):
        DisclosureReport(
            title="t", year=2020, format=ReportFormat.V2019, tables=StatutoryTablesV2021()
        )
    with pytest.raises(
        ValueError, match="tables are of the 2019 format but the report's format is 2021"
    ):
        DisclosureReport(
            title="t", year=2022, format=ReportFormat.V2021, tables=StatutoryTablesV2019()
        )
    with pytest.raises(ValueError, match=r"narrative \(pre-2019\) report has no statutory tables"):
        DisclosureReport(
            title="t", year=2014, format=ReportFormat.NARRATIVE, tables=StatutoryTablesV2021()
        )
    # a statutory report whose tables are missing (published as images, say) is still a report
    assert DisclosureReport(title="t", year=2022, format=ReportFormat.V2021).tables is None


def test_the_tables_of_one_format_take_only_that_format_s_tables() -> None:
    with pytest.raises(
        TypeError, match=r"t3 must be a Table3V2021 \(2021 format\), got a Table3V2019"
    ):
        StatutoryTablesV2021(t3=Table3V2019())  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="t2 must be a Table2V2019"):
        StatutoryTablesV2019(t2=Table2V2021())  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="version of StatutoryTablesV2021 must be 2021"):
        StatutoryTablesV2021(version=ReportFormat.V2019)  # type: ignore[arg-type]


def test_blank_tables() -> None:
    for version in VERSIONS:
        tables = blank_tables(version)
        assert tables.version is version
        assert tables.t3.VERSION is version
        assert tables.t2.VERSION is version
        assert all(v is None for s in tables.t3.data_rows() for v in tables.t3[s.key].values())
    assert blank_tables(ReportFormat.V2021) == StatutoryTablesV2021()
    with pytest.raises(ValueError, match="narrative"):
        blank_tables(ReportFormat.NARRATIVE)


def test_the_reference_copy_is_the_shared_reference() -> None:
    shared = SHARED / "spec" / "annual-report-format.md"
    if not shared.exists():
        pytest.skip("no shared/ folder beside this checkout")
    assert REFERENCE.read_bytes() == shared.read_bytes()
