"""The GD7xx rules on the statutory tables: the worked example and its faulty copy, generated tables with one
cell changed or some cells blank, the heuristics, the years compared, the text against the tables.

Expected paths and figures are written by hand from the tables as printed (examples/statutory_2021/build.py
and the comments of build_errors.py), or computed by the test strategies' own account of which cells each
identity involves (tests/strategies_tables.py), never taken from the rules under test.
"""

from __future__ import annotations

import json
import random
import runpy
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from govdisclosure import (
    DisclosureReport,
    Money,
    Quantity,
    ReportFormat,
    Role,
    Section,
    Severity,
    StatutoryTables,
    StatutoryTablesV2019,
    Table2V2019,
    Table3Row,
    Table3V2019,
    Table4,
    dumps,
    load,
    statutory_body,
)
from govdisclosure.cli import main
from govdisclosure.model import TABLE_PHRASES, match_table_phrase
from govdisclosure.validate import validate
from govdisclosure.validate._examples import tables as zero_tables
from govdisclosure.validate._paths import reading_key
from govdisclosure.validate._tables import unchecked
from tests.conftest import ROOT
from tests.parse.helpers import resolve
from tests.strategies_tables import (
    _cells_of,
    any_tables,
    consistent_tables,
    get_cell,
    perturb,
    with_cell,
)

EXAMPLE = ROOT / "examples" / "statutory_2021"
REPORT_JSON = EXAMPLE / "report.json"
T3 = "$.tables.t3.rows"
TABLE_RULES = ["GD701", "GD702", "GD703", "GD704"]
CODE = {"T3-1": "GD701", "T3-2": "GD702", "T3-3": "GD703", "T4-1": "GD704"}
YEAR = {ReportFormat.V2019: 2020, ReportFormat.V2021: 2022}


def _at(identity: str, where: str) -> str:
    """Where a failing identity instance is reported: the cell that states its total."""
    if identity in ("T3-1", "T3-2"):
        return f"{T3}.total_handled.{where}"
    if identity == "T3-3":
        return f"{T3}.{where}.total"
    return f"$.tables.t4.{where}.total"


def _statutory(tables: StatutoryTables, year: int | None = None) -> DisclosureReport:
    year = YEAR[tables.version] if year is None else year
    return DisclosureReport(
        title=f"某局{year}年政府信息公开工作年度报告",
        year=year,
        format=tables.version,
        body=statutory_body(overview="……", t2_notes="……", t3_notes="……", t4_notes="……"),
        tables=tables,
    )


def _summary(found: list[Any]) -> list[tuple[str, str, str | None, str | None]]:
    return [(d.code, d.path, d.expected, d.found) for d in found]


@pytest.fixture(scope="module")
def example() -> DisclosureReport:
    built: DisclosureReport = runpy.run_path(str(EXAMPLE / "build.py"))["build"]()
    return built


@pytest.fixture(scope="module")
def faulty() -> dict[str, Any]:
    return runpy.run_path(str(EXAMPLE / "build_errors.py"))


# --- the worked example ----------------------------------------------------------------------------------


def test_the_worked_example_gives_no_diagnostic_at_all(example: DisclosureReport) -> None:
    # Every identity holds and no cell is blank (GD701–GD705); no previous year (GD706, GD707); a 2021
    # report (GD708, GD709); the figures its text states as Quantity are the tables' (GD710). The other rules: the
    # dates agree (成文 2023-01-16, published 2023-01-18, both in the deadline), the index number's year is
    # 2023, the six sections are in order, and sections 二–四 hold the tables (not empty: GD206).
    assert validate(load(REPORT_JSON)) == []
    assert validate(example) == []


# The faulty copy: what each deliberate error breaks, by build_errors.py's comments, with its figures.
FAULTY = [
    # the text's 新收政府信息公开申请88件 against the faulty 一、本年新收 总计 89 (a warning)
    ("GD710", "$.body[0].children[1].quantities[0]", "89", "88"),
    # 一、本年新收 总计 89 against 76 + 8 + 0 + 1 + 3 + 0 = 88
    ("GD703", f"{T3}.received.total", "76 + 8 + 0 + 1 + 3 + 0 = 88", "89"),
    # （一）予以公开 法律服务机构 3 (was 2): the row adds up to 39, its 总计 says 38
    ("GD703", f"{T3}.disclosed.total", "31 + 4 + 0 + 1 + 3 + 0 = 39", "38"),
    # 自然人: 一 76 + 二 3 against （七）75 + 四 5 (was 4)
    ("GD701", f"{T3}.total_handled.natural_person", "76 + 3 = 79", "75 + 5 = 80"),
    # 法律服务机构: （一）3 + （四）1 against （七）总计 3
    ("GD702", f"{T3}.total_handled.legal_services", "3 + 0 + 0 + 1 + 0 + 0 = 4", "3"),
    # 总计: 一 89 + 二 3 against （七）86 + 四 5
    ("GD701", f"{T3}.total_handled.total", "89 + 3 = 92", "86 + 5 = 91"),
    # 四、结转下年度 总计 5 against 5 + 1 + 0 + 0 + 0 + 0
    ("GD703", f"{T3}.carried_forward.total", "5 + 1 + 0 + 0 + 0 + 0 = 6", "5"),
    # 未经复议直接起诉: 结果维持 2 (was 1) + 0 + 0 + 1 against 总计 2
    ("GD704", "$.tables.t4.litigation_direct.total", "2 + 0 + 0 + 1 = 3", "2"),
]


def test_the_faulty_copy_trips_each_table_rule_where_it_says(faulty: dict[str, Any]) -> None:
    wrong = faulty["build_with_errors"]()
    found = validate(wrong)
    assert _summary(found) == FAULTY  # and nothing else: the copy differs only in four cells
    narrative, *table_rules = found
    assert all(d.severity is Severity.ERROR for d in table_rules)
    breaks = set().union(*(e.breaks for e in faulty["ERRORS"]))
    assert {(d.code, d.path) for d in table_rules} == {(CODE[i], _at(i, w)) for i, w in breaks}
    stated = faulty["NARRATIVE"]
    assert (narrative.path, narrative.found, narrative.expected) == (
        stated.path,
        str(stated.stated),
        str(stated.table),
    )
    assert narrative.severity is Severity.WARNING
    assert get_cell(wrong.tables, stated.cell) == stated.table
    assert resolve(wrong, stated.path).value == stated.stated
    first = found[3]
    assert first.message == "表三“自然人”列：一+二 = 79，但三（七）+四 = 80"
    assert first.message_en == (
        "table 三, column 自然人: received + brought forward = 79 but total handled + carried forward = 80"
    )


# --- generated tables ------------------------------------------------------------------------------------

VERSIONS = st.sampled_from([ReportFormat.V2019, ReportFormat.V2021])


@st.composite
def versioned(draw: st.DrawFn, blanks: bool = True) -> StatutoryTables:
    tables: StatutoryTables = draw(consistent_tables(draw(VERSIONS), blanks=blanks))
    return tables


def _heuristic_2019(tables: StatutoryTables) -> set[str]:
    """GD708's paths, by the reference: 对外公开总数量 ≥ 本年新公开数量 (2019 format), blanks not compared."""
    if not isinstance(tables, StatutoryTablesV2019):
        return set()
    return {
        f"$.tables.t2.rows.{key}.total_published"
        for key in ("regulations", "normative_documents")
        if (row := getattr(tables.t2.rows, key)).published is not None
        and row.total_published is not None
        and row.total_published < row.published
    }


def _uncheckable(tables: StatutoryTables) -> set[tuple[str, str]]:
    """Every identity instance with a blank cell, from the strategies' account of the cells it involves."""
    instances = [("T3-1", c.key) for c in Table3Row.COLUMNS] + [
        ("T3-2", c.key) for c in Table3Row.COLUMNS
    ]
    instances += [("T3-3", s.key) for s in tables.t3.data_rows()]
    instances += [("T4-1", g.key) for g in Table4.GROUPS]
    return {i for i in instances if any(get_cell(tables, c) is None for c in _cells_of(tables, i))}


@given(versioned(blanks=False))
def test_consistent_full_tables_give_nothing_but_the_2019_heuristic(
    tables: StatutoryTables,
) -> None:
    found = validate(_statutory(tables), select="GD7")
    # table 二 is drawn freely, so the 2019 heuristic may fire, exactly where it fails
    assert {d.path for d in found if d.code == "GD708"} == _heuristic_2019(tables)
    assert [d for d in found if d.code != "GD708"] == []


@given(versioned())
def test_blank_cells_give_only_hints_for_the_identities_they_touch(tables: StatutoryTables) -> None:
    found = [d for d in validate(_statutory(tables), select="GD7") if d.code != "GD708"]
    assert all(d.code == "GD705" and d.severity is Severity.INFO for d in found)
    missing = _uncheckable(tables)
    assert {(i, w) for i, ws in unchecked(tables).items() for w in ws} == missing
    tables_hinted = {"$.tables.t3" if i.startswith("T3") else "$.tables.t4" for i, _ in missing}
    assert [d.path for d in found] == sorted(tables_hinted)  # one hint per table, t3 first
    for d in found:
        prefix = "T3" if d.path == "$.tables.t3" else "T4"
        for identity in {i for i, _ in missing if i.startswith(prefix)}:
            assert identity in d.message


@given(st.data(), versioned())
def test_one_changed_cell_fires_exactly_the_identities_it_breaks(
    data: st.DataObject, tables: StatutoryTables
) -> None:
    changed, p = data.draw(perturb(tables))
    found = validate(_statutory(changed), select=TABLE_RULES)
    assert {(d.code, d.path) for d in found} == {(CODE[i], _at(i, w)) for i, w in p.breaks}
    assert len(found) == len(p.breaks)  # one diagnostic per failing column, row or group
    assert all(d.severity is Severity.ERROR and d.expected and d.found for d in found)
    # a changed figure is not a blank: the hints stay as they were
    hints = lambda t: validate(_statutory(t), select="GD705")  # noqa: E731
    assert hints(changed) == hints(tables)


@given(any_tables(ReportFormat.V2019))
def test_the_2019_heuristic_fires_exactly_where_the_total_is_smaller(
    tables: StatutoryTables,
) -> None:
    found = validate(_statutory(tables), select="GD708")
    assert {d.path for d in found} == _heuristic_2019(tables)
    assert all(d.severity is Severity.WARNING for d in found)


# --- blank cells: the hint ------------------------------------------------------------------------------


def _without_total_column(tables: StatutoryTables) -> StatutoryTables:
    for spec in tables.t3.data_rows():
        tables = with_cell(tables, ("t3", "rows", spec.key, "total"), None)
    return tables


def test_a_blank_total_column_is_one_readable_hint(example: DisclosureReport) -> None:
    assert example.tables is not None
    report = attrs.evolve(example, tables=_without_total_column(example.tables))
    found = validate(report)
    assert [(d.code, d.severity, d.path) for d in found] == [
        ("GD705", Severity.INFO, "$.tables.t3")
    ]
    assert found[0].message == (
        "表三有25个空白单元格（“总计”列），无法核对：T3-1（总计列）、T3-2（总计列）、T3-3（全部25行）"
    )
    assert found[0].message_en == (
        "table 三 has 25 blank cells (column 总计): cannot check T3-1 (column 总计), "
        "T3-2 (column 总计), T3-3 (all 25 rows)"
    )


def test_blank_rows_cells_and_groups_are_named(example: DisclosureReport) -> None:
    tables = example.tables
    assert tables is not None
    for column in Table3Row.COLUMNS:  # 二、上年结转 not reported at all
        tables = with_cell(tables, ("t3", "rows", "brought_forward", column.key), None)
    tables = with_cell(tables, ("t3", "rows", "withheld_state_secret", "research"), None)
    tables = attrs.evolve(tables, t4=attrs.evolve(tables.t4, review=Table4.from_groups({}).review))
    found = validate(attrs.evolve(example, tables=tables))
    assert [d.path for d in found] == ["$.tables.t3", "$.tables.t4"]
    t3, t4 = found
    assert t3.message == (
        "表三有8个空白单元格（“二、上年结转政府信息公开申请数量”行；“（三）1.属于国家秘密”行“科研机构”列），"
        "无法核对：T3-1（全部7列）、T3-2（科研机构列）、T3-3（二、上年结转政府信息公开申请数量、"
        "（三）1.属于国家秘密行）"
    )
    assert t4.message == "表四有5个空白单元格（“行政复议”全部），无法核对：T4-1（行政复议）"
    assert t4.message_en == (
        "table 四 has 5 blank cells (all of 行政复议): cannot check T4-1 (行政复议)"
    )


def test_an_entirely_blank_table_three() -> None:
    tables = StatutoryTablesV2019(t3=Table3V2019(), t4=Table4.from_groups({}))
    found = validate(_statutory(tables), select="GD705")
    assert [d.message for d in found] == [
        "表三有161个空白单元格（全部空白），无法核对：T3-1（全部7列）、T3-2（全部7列）、T3-3（全部23行）",
        "表四有15个空白单元格（全部空白），无法核对：T4-1（行政复议、行政诉讼（未经复议直接起诉）、"
        "行政诉讼（复议后起诉））",
    ]


def test_a_report_without_tables_gets_no_table_diagnostic(example: DisclosureReport) -> None:
    assert validate(attrs.evolve(example, tables=None), select="GD7") == []


# --- across years ---------------------------------------------------------------------------------------


def _last_year(report: DisclosureReport, tables: StatutoryTables) -> DisclosureReport:
    """Last year's report: these tables and no text (its plan would be this year's, not followed up: GD801)."""
    return attrs.evolve(report, year=report.year - 1, format=tables.version, tables=tables, body=())


def _in_force_agrees(tables: StatutoryTables) -> StatutoryTables:
    """Last year's tables with 6 行政规范性文件 in force, as the example's 2022 figures (2 issued, 1 repealed,
    7 in force) imply, so that the years compare on table 三 alone."""
    return with_cell(tables, ("t2", "rows", "normative_documents", "in_force"), 6)


def test_brought_forward_against_last_year(example: DisclosureReport) -> None:
    assert example.tables is not None
    # this year's 二、上年结转 is 3 for 自然人 and 3 in 总计; last year carried 3 forward
    agree = with_cell(
        _in_force_agrees(example.tables), ("t3", "rows", "carried_forward", "natural_person"), 3
    )
    agree = with_cell(agree, ("t3", "rows", "carried_forward", "commercial"), 0)
    agree = with_cell(agree, ("t3", "rows", "carried_forward", "total"), 3)
    assert validate(example, previous=_last_year(example, agree)) == []
    differs = with_cell(agree, ("t3", "rows", "carried_forward", "natural_person"), 2)
    differs = with_cell(differs, ("t3", "rows", "carried_forward", "total"), 2)
    found = validate(example, previous=_last_year(example, differs))
    assert _summary(found) == [
        ("GD706", f"{T3}.brought_forward.natural_person", "2", "3"),
        ("GD706", f"{T3}.brought_forward.total", "2", "3"),
    ]
    assert (
        found[0].message
        == "表三“自然人”列：二、上年结转 = 3，但2021年报告的四、结转下年度继续办理 = 2"
    )
    assert all(d.severity is Severity.WARNING for d in found)
    # a blank cell on either side is not compared
    blank = with_cell(differs, ("t3", "rows", "carried_forward", "natural_person"), None)
    assert [
        d.path for d in validate(example, select="GD706", previous=_last_year(example, blank))
    ] == [f"{T3}.brought_forward.total"]
    # without last year's tables there is nothing to compare
    no_tables = attrs.evolve(example, year=2021, tables=None)
    assert validate(example, select="GD706", previous=no_tables) == []


def test_brought_forward_across_the_change_of_format() -> None:
    # 2020 (2019 format) carried 4 forward; the 2021 report (2021 format) brings 3
    now = consistent_full_2021(brought=3)
    then = StatutoryTablesV2019(
        t3=Table3V2019.from_rows({"四、结转下年度继续办理": [4, 0, 0, 0, 0, 0, 4]})
    )
    report = _statutory(now, year=2021)
    found = validate(report, select="GD706", previous=_statutory(then, year=2020))
    assert _summary(found) == [
        ("GD706", f"{T3}.brought_forward.natural_person", "4", "3"),
        ("GD706", f"{T3}.brought_forward.total", "4", "3"),
    ]
    # the 2019 format has no 现行有效件数: GD707 needs two 2021-format years
    assert validate(report, select="GD707", previous=_statutory(then, year=2020)) == []


def consistent_full_2021(brought: int) -> StatutoryTables:
    """2021-format tables, every cell given: ``brought`` requests of a 自然人 brought forward and disclosed."""
    row = [brought, 0, 0, 0, 0, 0, brought]
    t3 = {"二、上年结转政府信息公开申请数量": row, "（一）予以公开": row, "（七）总计": row}
    return zero_tables(t3=t3)


def test_documents_in_force_against_last_year(example: DisclosureReport) -> None:
    assert example.tables is not None
    # 2022: 行政规范性文件 issued 2, repealed 1, in force 7; 规章 0, 0, 0
    last = with_cell(example.tables, ("t2", "rows", "normative_documents", "in_force"), 6)
    assert validate(example, select="GD707", previous=_last_year(example, last)) == []
    last = with_cell(last, ("t2", "rows", "normative_documents", "in_force"), 5)
    last = with_cell(last, ("t2", "rows", "regulations", "in_force"), 1)
    found = validate(example, select="GD707", previous=_last_year(example, last))
    assert _summary(found) == [
        ("GD707", "$.tables.t2.rows.regulations.in_force", "1 + 0 − 0 = 1", "0"),
        ("GD707", "$.tables.t2.rows.normative_documents.in_force", "5 + 2 − 1 = 6", "7"),
    ]
    assert found[1].message == (
        "表二“行政规范性文件”：现行有效件数 = 7，但上年现行有效5 + 本年制发2 − 本年废止1 = 6"
    )
    # a blank cell, this year or last, is not compared
    previous = _last_year(example, last)
    now = attrs.evolve(
        example,
        tables=with_cell(example.tables, ("t2", "rows", "normative_documents", "repealed"), None),
    )
    assert [d.path for d in validate(now, select="GD707", previous=previous)] == [
        "$.tables.t2.rows.regulations.in_force"
    ]
    blank = with_cell(last, ("t2", "rows", "regulations", "in_force"), None)
    assert [
        d.path for d in validate(example, select="GD707", previous=_last_year(example, blank))
    ] == ["$.tables.t2.rows.normative_documents.in_force"]


def _table2_2019(**rows: list[Any]) -> StatutoryTablesV2019:
    given = {
        "规章": [0, 0, 0],
        "规范性文件": [2, 2, 10],
        "行政许可": [40, -2, 100],
        "其他对外管理服务事项": [5, 0, 3],
        "行政处罚": [12, 1, 30],
        "行政强制": [3, 0, 2],
        "行政事业性收费": [4, 0],
        "政府集中采购": [1, Money("251000")],
    }
    given.update(rows)
    return StatutoryTablesV2019(t2=Table2V2019.from_rows(given))


def test_the_2019_format_pair() -> None:
    # 2019: 行政许可 40, −2; 行政处罚 12, +1 … so 2020 starts from 38 and 13
    then = _statutory(_table2_2019(), year=2019)
    now = _table2_2019(行政许可=[38, 0, 90], 行政处罚=[13, 0, 20], 行政强制=[3, 1, 2])
    clean = _statutory(now, year=2020)
    assert validate(clean, select=["GD707", "GD708", "GD709"], previous=then) == []
    wrong = _statutory(
        _table2_2019(行政许可=[40, 3, 90], 行政处罚=[13, 0, 20], 规范性文件=[3, 5, 4]), year=2020
    )
    found = validate(wrong, select=["GD708", "GD709"], previous=then)
    assert _summary(found) == [
        ("GD708", "$.tables.t2.rows.normative_documents.total_published", "≥ 5", "4"),
        ("GD709", "$.tables.t2.rows.licensing.items_last_year", "40 − 2 = 38", "40"),
    ]
    # a rise is written with its sign too: 行政处罚 was 12 + 1 in 2019
    fewer = _statutory(_table2_2019(行政许可=[38, 0, 90], 行政处罚=[12, 0, 20]), year=2020)
    assert _summary(validate(fewer, select="GD709", previous=then)) == [
        ("GD709", "$.tables.t2.rows.penalties.items_last_year", "12 + 1 = 13", "12"),
    ]
    assert (
        found[1].message
        == "表二“行政许可”：上一年项目数量 = 40，但2019年报告的上一年项目数量加本年增/减为40 − 2 = 38"
    )
    # without last year's report the 2019 heuristic still runs; GD709 does not
    assert [d.code for d in validate(wrong, select=["GD708", "GD709"])] == ["GD708"]


# --- the text against the tables ------------------------------------------------------------------------

ON_REQUEST = (
    0,
    1,
)  # $.body[0].children[1]: （二）依申请公开, whose text repeats table 三's figures

# The figures the worked example's text states, with the subjects as written (build.py's on_request and
# proactive paragraphs); 现行有效7件 and 废止1件 leave their subject implied, so they are not here.
STATED = [
    Quantity(88, "件", "新收政府信息公开申请"),
    Quantity(3, "件", "上年结转"),
    Quantity(86, "件", "办结"),
    Quantity(38, "件", "予以公开"),
    Quantity(6, "件", "部分公开"),
    Quantity(5, "件", "结转下年度继续办理"),
]
PROACTIVE = [
    Quantity(2, "件", "制发行政规范性文件"),
    Quantity(412, "件", "行政许可决定"),
    Quantity(37, "件", "行政处罚决定"),
    Quantity(3, "件", "行政强制决定"),
]


def _stating(report: DisclosureReport, on_request: list[Quantity]) -> DisclosureReport:
    overview = report.body[0]
    children = list(overview.children)
    children[0] = attrs.evolve(children[0], quantities=PROACTIVE)
    children[1] = attrs.evolve(children[1], quantities=on_request)
    return attrs.evolve(report, body=[attrs.evolve(overview, children=children), *report.body[1:]])


def test_the_examples_text_agrees_with_its_tables(example: DisclosureReport) -> None:
    assert validate(_stating(example, STATED)) == []
    both = [*STATED, Quantity(44, "件", "予以公开及部分公开"), Quantity(4, "件", "行政复议")]
    assert validate(_stating(example, both)) == []


def test_a_figure_the_text_contradicts(example: DisclosureReport) -> None:
    stated = [*STATED, Quantity(45, "件", "予以公开及部分公开"), Quantity(2, "件", "行政诉讼")]
    stated[3] = Quantity(39, "件", "予以公开")
    found = validate(_stating(example, stated))
    base = "$.body[0].children[1].quantities"
    assert _summary(found) == [
        ("GD710", f"{base}[3]", "38", "39"),
        ("GD710", f"{base}[6]", "38 + 6 = 44", "45"),
        ("GD710", f"{base}[7]", "2 + 1 = 3", "2"),
    ]
    assert (
        found[1].message
        == "正文“予以公开及部分公开45件”，但表三（一）予以公开 + （二）部分公开 = 44"
    )
    assert found[2].message_en == (
        "the text states 行政诉讼 2 件, but table 四 gives 行政诉讼（未经复议直接起诉） + "
        "行政诉讼（复议后起诉） = 3"
    )
    assert all(d.severity is Severity.WARNING for d in found)


def test_a_blank_total_is_taken_as_the_sum_of_the_row(example: DisclosureReport) -> None:
    assert example.tables is not None
    blank_total = attrs.evolve(example, tables=_without_total_column(example.tables))
    found = validate(_stating(blank_total, STATED), select="GD710")
    assert found == []  # 76 + 8 + 0 + 1 + 3 + 0 = 88 新收 …
    wrong = validate(
        _stating(blank_total, [Quantity(87, "件", "新收政府信息公开申请")]), select="GD710"
    )
    assert _summary(wrong) == [("GD710", "$.body[0].children[1].quantities[0]", "88", "87")]
    # with a part blank too, the figure is not known: nothing is compared
    tables = with_cell(blank_total.tables, ("t3", "rows", "received", "research"), None)
    unknown = attrs.evolve(blank_total, tables=tables)
    assert (
        validate(_stating(unknown, [Quantity(87, "件", "新收政府信息公开申请")]), select="GD710")
        == []
    )


# --- the phrase table -----------------------------------------------------------------------------------

# Wordings seen in real reports (and the worked example), with the phrase each is.
WORDINGS = {
    "新收政府信息公开申请": "received",
    "本年新收政府信息公开申请": "received",
    "全年共受理政府信息公开申请": "received",
    "收到 政府信息公开申请": "received",
    "上年结转": "brought_forward",
    "上年结转政府信息公开申请": "brought_forward",
    "予以公开": "disclosed",
    "同意公开": "disclosed",
    "部分公开": "partly_disclosed",
    "予以公开及部分公开": "disclosed_or_partly",
    "公开和部分公开": "disclosed_or_partly",
    "不予公开": "withheld",
    "无法提供": "unavailable",
    "不予处理": "not_processed",
    "其他处理": "other_handling",
    "办结": "total_handled",
    "已办结": "total_handled",
    "答复": "total_handled",
    "办理结果总计": "total_handled",
    "结转下年度继续办理": "carried_forward",
    "结转下一年度": "carried_forward",
    "行政复议": "review",
    "被申请行政复议": "review",
    "政府信息公开行政复议案件": "review",
    "行政诉讼": "litigation",
    "被提起行政诉讼": "litigation",
    "行政许可决定": "licensing_decisions",
    "行政处罚决定": "penalty_decisions",
    "行政强制决定": "coercion_decisions",
}
WORDINGS_2021 = {
    "制发行政规范性文件": "normative_documents_issued",
    "现行有效行政规范性文件": "normative_documents_in_force",
    "废止规章": "regulations_repealed",
}
WORDINGS_2019 = {"新制作规范性文件": "normative_documents_produced"}
NOT_PHRASES = ["政府信息", "主动公开政府信息", "申请", "公开", "行政许可事项", "总计", "信息处理费"]


@pytest.mark.parametrize("version", [ReportFormat.V2019, ReportFormat.V2021])
def test_known_wordings_name_their_cells(version: ReportFormat) -> None:
    own = WORDINGS_2019 if version is ReportFormat.V2019 else WORDINGS_2021
    other = WORDINGS_2021 if version is ReportFormat.V2019 else WORDINGS_2019
    for subject, key in {**WORDINGS, **own}.items():
        phrase = match_table_phrase(subject, version)
        assert phrase is not None, subject
        assert phrase.key == key, subject
    for subject in [*NOT_PHRASES, *other]:
        assert match_table_phrase(subject, version) is None, subject
    assert match_table_phrase(None, version) is None


def _resolves(tables: StatutoryTables, path: str) -> bool:
    value: Any = tables
    for name in path.split("."):
        if not hasattr(value, name):
            return False
        value = getattr(value, name)
    return value is None or (isinstance(value, int) and not isinstance(value, bool))


def test_every_phrase_names_cells_its_formats_have() -> None:
    keys = [p.key for p in TABLE_PHRASES]
    assert len(set(keys)) == len(keys)
    for phrase in TABLE_PHRASES:
        for version in (ReportFormat.V2019, ReportFormat.V2021):
            tables = consistent_full(version)
            resolves = all(_resolves(tables, path) for path in phrase.cells)
            assert resolves == (version in phrase.formats), (phrase.key, version)


def consistent_full(version: ReportFormat) -> StatutoryTables:
    """Tables of the format with every cell 0."""
    return zero_tables(version)


@given(
    st.text(
        alphabet="予以同意全部公开及和与部分不处理无法提供上年结转下一度继续办结答复总计行政复议诉讼被申请提起新收受理规范性文件制发废止现行有效决定许可处罚强制",
        max_size=14,
    )
)
def test_no_subject_is_two_phrases(subject: str) -> None:
    for version in (ReportFormat.V2019, ReportFormat.V2021):
        matching = [p.key for p in TABLE_PHRASES if version in p.formats and p.matches(subject)]
        assert len(matching) <= 1, (subject, matching)


# --- the six sections, and sections that hold a table ---------------------------------------------------


def test_a_report_built_with_statutory_body_has_its_six_sections(example: DisclosureReport) -> None:
    assert validate(example, select=["GD601", "GD602", "GD603"]) == []
    body = statutory_body(overview="……")
    report = attrs.evolve(example, body=body[:3] + body[4:])
    assert [(d.code, d.path) for d in validate(report, select="GD6")] == [("GD601", "$.body")]


def test_a_section_is_the_part_its_role_says() -> None:
    body = list(statutory_body(overview="……", t4_notes="……", problems="……", other="无。"))
    body[3] = attrs.evolve(body[3], heading="复议诉讼")  # a wording no key word of part 四 matches
    report = _statutory(consistent_full(ReportFormat.V2021))
    assert validate(attrs.evolve(report, body=body), select="GD6") == []
    body[3] = attrs.evolve(body[3], role=None)
    assert [(d.code, d.path) for d in validate(attrs.evolve(report, body=body), select="GD6")] == [
        ("GD601", "$.body"),
        ("GD603", "$.body[3].heading"),
    ]


def test_sections_two_to_four_hold_their_tables(example: DisclosureReport) -> None:
    assert validate(example, select="GD206") == []
    # without the tables they are empty; section 五 emptied is empty whatever the tables
    assert [d.path for d in validate(attrs.evolve(example, tables=None), select="GD206")] == [
        "$.body[1]",
        "$.body[2]",
        "$.body[3]",
    ]
    body = [*example.body[:4], attrs.evolve(example.body[4], children=()), example.body[5]]
    assert [d.path for d in validate(attrs.evolve(example, body=body), select="GD206")] == [
        "$.body[4]"
    ]


def test_some_section_at_depth_two_is_not_a_table_holder(example: DisclosureReport) -> None:
    # 一、总体情况's （一）主动公开 has the role of a sub-heading, not of section 二: emptied, it is empty
    overview = example.body[0]
    children = [
        Section(ordinal=1, label="（一）", heading="主动公开", role=Role.OVERVIEW_PROACTIVE)
    ]
    report = attrs.evolve(
        example, body=[attrs.evolve(overview, children=children), *example.body[1:]]
    )
    assert [d.path for d in validate(report, select="GD206")] == ["$.body[0].children[0]"]


# --- order ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("version", [ReportFormat.V2019, ReportFormat.V2021])
def test_table_paths_sort_in_printed_order(version: ReportFormat) -> None:
    tables = consistent_full(version)
    printed = [
        f"{T3}.{spec.key}.{column.key}"
        for spec in tables.t3.data_rows()
        for column in Table3Row.COLUMNS
    ]
    printed += [f"$.tables.t4.{g.key}.{c.key}" for g in Table4.GROUPS for c in g.columns]
    t2 = [
        f"$.tables.t2.rows.{row.key}.{c.key}"
        for block in tables.t2.BLOCKS
        for row in block.rows
        for c in block.columns
    ]
    everything = ["$.body[5]", *t2, "$.tables.t3", *printed, "$.signature.date"]
    scrambled = random.Random(7).sample(everything, len(everything))
    assert scrambled != everything
    assert sorted(scrambled, key=reading_key) == everything


# --- the command line -----------------------------------------------------------------------------------


def test_cli_on_the_worked_example(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(REPORT_JSON)]) == 0
    assert capsys.readouterr().out == ""


def test_cli_on_the_faulty_copy(
    faulty: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "faulty.json"
    path.write_text(dumps(faulty["build_with_errors"]()), encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"{path}:$.body[0].children[1].quantities[0]: GD710 warning: 正文“新收政府信息公开申请88件”，"
        "但表三一、本年新收政府信息公开申请数量 = 89",
        f"{path}:{T3}.received.total: GD703 error: 表三“一、本年新收政府信息公开申请数量”行：总计 = 89，"
        "但各申请人之和 = 88",
        f"{path}:{T3}.disclosed.total: GD703 error: 表三“（一）予以公开”行：总计 = 38，但各申请人之和 = 39",
        f"{path}:{T3}.total_handled.natural_person: GD701 error: 表三“自然人”列：一+二 = 79，但三（七）+四 = 80",
        f"{path}:{T3}.total_handled.legal_services: GD702 error: 表三“法律服务机构”列：三（七）总计 = 3，"
        "但（一）至（六）之和 = 4",
        f"{path}:{T3}.total_handled.total: GD701 error: 表三“总计”列：一+二 = 92，但三（七）+四 = 91",
        f"{path}:{T3}.carried_forward.total: GD703 error: 表三“四、结转下年度继续办理”行：总计 = 5，"
        "但各申请人之和 = 6",
        f"{path}:$.tables.t4.litigation_direct.total: GD704 error: 表四“行政诉讼（未经复议直接起诉）”："
        "总计 = 2，但结果维持+结果纠正+其他结果+尚未审结 = 3",
    ]
    assert main(["validate", "--format", "json", "--select", "GD704", str(path)]) == 1
    assert json.loads(capsys.readouterr().out) == [
        {
            "file": str(path),
            "code": "GD704",
            "severity": "error",
            "path": "$.tables.t4.litigation_direct.total",
            "message": "表四“行政诉讼（未经复议直接起诉）”：总计 = 2，但结果维持+结果纠正+其他结果+尚未审结 = 3",
            "message_en": "table 四, 行政诉讼（未经复议直接起诉）: total = 2 but upheld + corrected + "
            "other + pending = 3",
            "expected": "2 + 0 + 0 + 1 = 3",
            "found": "2",
        }
    ]


def test_cli_with_last_years_statutory_report(
    example: DisclosureReport, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert example.tables is not None
    carried = with_cell(
        _in_force_agrees(example.tables), ("t3", "rows", "carried_forward", "natural_person"), 2
    )
    previous = tmp_path / "2021.json"
    previous.write_text(dumps(_last_year(example, carried)), encoding="utf-8")
    assert main(["validate", "--previous", str(previous), str(REPORT_JSON)]) == 0  # warnings only
    assert capsys.readouterr().out.splitlines() == [
        f"{REPORT_JSON}:{T3}.brought_forward.natural_person: GD706 warning: 表三“自然人”列：二、上年结转 = 3，"
        "但2021年报告的四、结转下年度继续办理 = 2",
        f"{REPORT_JSON}:{T3}.brought_forward.commercial: GD706 warning: 表三“商业企业”列：二、上年结转 = 0，"
        "但2021年报告的四、结转下年度继续办理 = 1",
        f"{REPORT_JSON}:{T3}.brought_forward.total: GD706 warning: 表三“总计”列：二、上年结转 = 3，"
        "但2021年报告的四、结转下年度继续办理 = 5",
    ]
