"""Statutory tables read from text: the renderer's layout and the two ways real pages flatten tables.

Round trips (hypothesis: consistent tables of both formats, blanks included, and tables with any figures),
then tolerance: what real pages do to labels and rows, each with its diagnostic and nothing silently wrong.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

import attrs
import pytest
from hypothesis import example as also
from hypothesis import given
from hypothesis import strategies as st

from govdisclosure import (
    CellKind,
    Diagnostic,
    DisclosureReport,
    ReportFormat,
    StatutoryTables,
    StatutoryTablesV2019,
    Table2V2019,
    Table3V2019,
    Table3V2021,
    Table4,
    Table4Group,
    load,
    statutory_body,
    validate,
)
from govdisclosure.parse import ParseResult, parse_text
from govdisclosure.render import render
from tests.conftest import ROOT
from tests.parse.flat import (
    aligned_lines,
    bare_cell_lines,
    cell_lines,
    figure,
    label_then_figures,
    page,
    paragraph_lines,
    pipe_lines,
    report_with,
    separated_lines,
    space_lines,
    t2_rows,
    t3_rows,
    t4_aligned_rows,
    t4_rows,
    tab_lines,
)
from tests.parse.helpers import check_provenance
from tests.strategies_tables import any_tables, consistent_tables, with_cell

EXAMPLE = ROOT / "examples" / "statutory_2021" / "report.json"
VERSIONS = st.sampled_from([ReportFormat.V2019, ReportFormat.V2021])


@st.composite
def tables(draw: st.DrawFn) -> StatutoryTables:
    version = draw(VERSIONS)
    found: StatutoryTables = draw(consistent_tables(version) | any_tables(version))
    return found


def codes(result: ParseResult) -> list[str]:
    return [d.code for d in result.diagnostics]


@pytest.fixture(scope="module")
def example() -> DisclosureReport:
    return load(EXAMPLE)


@pytest.fixture(scope="module")
def rendered(example: DisclosureReport) -> str:
    text = render(example, "text")
    assert isinstance(text, str)
    return text


# --- round trips -----------------------------------------------------------------------------------------


# A narrow rendering prints table 四 as label | figure pairs; their blanks are cells, not the padding of a
# merged heading (a rule for that padding once dropped them: GP503, "5 figures for 15 columns").
@also(
    StatutoryTablesV2019(
        t2=Table2V2019(), t3=Table3V2019(), t4=Table4(litigation_after_review=Table4Group(total=0))
    ),
    30,
)
@given(tables(), st.sampled_from([None, 30, 40, 60, 80, 100]))
def test_the_text_rendering_of_any_tables_reads_back(
    found: StatutoryTables, width: int | None
) -> None:
    report = report_with(found)
    text = render(report, "text", width=width)
    assert isinstance(text, str)
    result = parse_text(text)
    assert result.report.tables == found
    assert result.report == report  # the whole report: sections, roles, format
    assert result.diagnostics == ()


LAYOUTS: dict[str, Callable[..., list[str]]] = {
    "pipe per row": pipe_lines,
    "cell per line": cell_lines,
    "tab per row": tab_lines,
    "bare cell per line": bare_cell_lines,
    "cell per paragraph": paragraph_lines,
    "pipe between cells": separated_lines,
}
# Layouts where a blank cell leaves no trace: a row with one is reported and left blank, never shifted.
BLIND_LAYOUTS: dict[str, Callable[..., list[str]]] = {
    "space aligned": space_lines,
    "label then figures": label_then_figures,
}


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
@given(found=tables(), debris=st.booleans())
def test_flattened_tables_read_back(layout: str, found: StatutoryTables, debris: bool) -> None:
    write = LAYOUTS[layout]
    report = report_with(found)
    text = page(
        report,
        {
            "t2": write(t2_rows(found), debris),
            "t3": write(t3_rows(found), debris),
            "t4": write(t4_rows(found), debris),
        },
    )
    result = parse_text(text)
    assert result.report.tables == found, text
    assert result.diagnostics == (), text
    assert [s.paragraphs for s in result.report.body] == [()] * 6  # no table row became a paragraph
    check_provenance(result)


def test_the_three_layouts_give_one_table(example: DisclosureReport, rendered: str) -> None:
    assert example.tables is not None
    flat = {
        name: parse_text(
            page(example, {t: write(rows(example.tables)) for t, rows in ROWS.items()})
        ).report.tables
        for name, write in LAYOUTS.items()
    }
    assert parse_text(rendered).report.tables == example.tables
    assert flat == dict.fromkeys(LAYOUTS, example.tables)


def _row_values(tables: StatutoryTables) -> dict[str, list[object]]:
    """Every row of tables 二 and 三 (key → its cells), and table 四 as one row of 15 cells."""
    rows = {
        f"t2.{a.name}": list(attrs.astuple(getattr(tables.t2.rows, a.name), recurse=False))
        for a in attrs.fields(type(tables.t2.rows))
    }
    for spec in tables.t3.data_rows():
        rows[f"t3.{spec.key}"] = list(
            attrs.astuple(getattr(tables.t3.rows, spec.key), recurse=False)
        )
    rows["t4"] = [
        cell
        for group in attrs.astuple(tables.t4, recurse=False)
        for cell in attrs.astuple(group, recurse=False)
    ]
    return rows


@pytest.mark.parametrize("layout", sorted(BLIND_LAYOUTS))
@given(found=tables())
def test_where_blank_cells_leave_no_trace_rows_with_one_are_blank_not_shifted(
    layout: str, found: StatutoryTables
) -> None:
    write = BLIND_LAYOUTS[layout]
    text = page(report_with(found), {t: write(rows(found)) for t, rows in ROWS.items()})
    result = parse_text(text)
    assert result.report.tables is not None, text
    expected, read = _row_values(found), _row_values(result.report.tables)
    by_form = {key for key, cells in expected.items() if None in cells and _one_place(found, key)}
    for key, cells in expected.items():
        if None in cells and key not in by_form:
            assert all(v is None for v in read[key]), (key, text)
        else:
            assert read[key] == cells, (key, text)
    blind = {key for key, cells in expected.items() if None in cells} - by_form
    reported = _reported_blank(result)
    assert reported == blind, text
    placed = {d.path.replace("$.tables.", "").replace(".rows", "") for d in _coded(result, "GP513")}
    assert placed == by_form, text
    assert [s.paragraphs for s in result.report.body] == [()] * 6


ROWS = {"t2": t2_rows, "t3": t3_rows, "t4": t4_rows}

# The forms a figure is printed in, by its column's kind (format reference §3): a count in digits, a
# change with its sign (or 0), an amount in decimals, money with its unit.
_FORMS = {
    CellKind.COUNT: re.compile(r"\d+"),
    CellKind.SIGNED: re.compile(r"[+-]?\d+"),
    CellKind.AMOUNT: re.compile(r"\d+(\.\d+)?"),
    CellKind.MONEY: re.compile(r"\d+(\.\d+)?(元|万元|亿元)?"),
}


def _one_place(found: StatutoryTables, key: str) -> bool:
    """Whether the printed figures of a row of table 二 with blank cells fit its columns in one way only
    (in order, each in a column whose form it has): then the row is read, not left blank."""
    if not key.startswith("t2."):
        return False  # (tables 三 and 四: counts only, any blank makes several placements)
    spec = found.t2.row_spec(key.removeprefix("t2."))
    block = next(b for b in found.t2.BLOCKS if spec in b.rows)
    cells = found.t2[spec.key]
    kinds = [c.kind for c in block.columns]
    printed = [figure(getattr(cells, c.key), c.kind) for c in block.columns]
    printed = [p for p in printed if p]
    if not printed:
        return False
    fits = [
        places
        for places in itertools.combinations(range(len(kinds)), len(printed))
        if all(_FORMS[kinds[k]].fullmatch(p) for p, k in zip(printed, places, strict=True))
    ]
    return len(fits) == 1


def _coded(result: ParseResult, code: str) -> list[Diagnostic]:
    return [d for d in result.diagnostics if d.code == code]


# --- tolerance -------------------------------------------------------------------------------------------


def _replace_in_tables(text: str, old: str, new: str) -> str:
    """``text`` with ``old`` replaced in table lines only (lines with a ``|``)."""
    return "\n".join(line.replace(old, new) if "|" in line else line for line in text.split("\n"))


HALF_WIDTH = str.maketrans("（）：，", "():,")


def test_half_width_punctuation_and_spaces_in_labels_are_exact(
    example: DisclosureReport, rendered: str
) -> None:
    text = "\n".join(
        line.translate(HALF_WIDTH).replace("商业企业", "商业 企业").replace("科研机构", "科研 机构")
        if "|" in line
        else line
        for line in rendered.split("\n")
    )
    assert "(二)部分公开(区分处理的,只计这一情形,不计其他情形)" in text
    result = parse_text(text)
    assert result.report.tables == example.tables
    assert result.diagnostics == ()  # normalising is not guessing: no GP501


PARTLY = "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"


@pytest.mark.parametrize(
    ("label", "written", "key"),
    [
        # the known typos of 二道区 2022
        ("5.属于三类内部事务信息", "5.属于三类内容事务信息", "withheld_internal_affairs"),
        (PARTLY, PARTLY.replace("只计这一情形", "只计这一情况"), "partly_disclosed"),
        # one character off: similar enough (0.91)
        ("4.保护第三方合法权益", "4.保护第三方合法权利", "withheld_third_party_rights"),
        # shortened: a known variant
        (PARTLY, "（二）部分公开", "partly_disclosed"),
    ],
)
def test_label_typos_are_read_and_reported(
    example: DisclosureReport, rendered: str, label: str, written: str, key: str
) -> None:
    text = _replace_in_tables(rendered, label, written)
    assert text != rendered
    result = parse_text(text)
    assert result.report.tables == example.tables
    (approximate,) = result.diagnostics
    assert (approximate.code, approximate.path) == ("GP501", f"$.tables.t3.rows.{key}")
    assert (approximate.found, approximate.expected) == (written, label)
    assert result.source_of(approximate.path) is None  # a label is not a value: no provenance
    assert approximate.span is not None
    assert result.text[approximate.span.start : approximate.span.end] == written


def test_a_label_too_far_from_any_is_not_guessed(example: DisclosureReport, rendered: str) -> None:
    text = _replace_in_tables(rendered, "4.保护第三方合法权益", "4.第三方权益")
    result = parse_text(text)
    assert result.report.tables is not None
    assert result.report.tables.t3.rows.withheld_third_party_rights.values() == (None,) * 7
    assert sorted(codes(result)) == ["GP505", "GP509"]  # the label not read; its row missing
    assert example.tables is not None
    assert result.report.tables == with_row(
        example.tables, "withheld_third_party_rights", [None] * 7
    )


def _line(text: str, label: str) -> int:
    lines = text.split("\n")
    return next(i for i, line in enumerate(lines) if label in line and "|" in line)


def test_a_row_shifted_by_an_empty_cell_is_not_read(
    example: DisclosureReport, rendered: str
) -> None:
    # A wrong colspan where the page was made: an empty cell before the figures, so one figure too many.
    lines = rendered.split("\n")
    k = _line(rendered, "（一）予以公开")
    lines[k] = lines[k].replace("（一）予以公开", "（一）予以公开 |     ")
    result = parse_text("\n".join(lines))
    (shifted,) = result.diagnostics
    assert (shifted.code, shifted.path) == ("GP502", "$.tables.t3.rows.disclosed")
    assert "8 figures for 7 columns" in shifted.message_en
    assert example.tables is not None
    expected = with_row(example.tables, "disclosed", [None] * 7)
    assert result.report.tables == expected  # the row is blank, every other row as it was


def test_a_row_with_a_figure_missing_is_not_read(example: DisclosureReport, rendered: str) -> None:
    lines = rendered.split("\n")
    k = _line(rendered, "2.重复申请")
    cells = lines[k].split("|")
    del cells[3]
    lines[k] = "|".join(cells)
    result = parse_text("\n".join(lines))
    (fewer,) = result.diagnostics
    assert (fewer.code, fewer.path) == ("GP503", "$.tables.t3.rows.not_processed_repeated")
    assert example.tables is not None
    assert result.report.tables == with_row(example.tables, "not_processed_repeated", [None] * 7)


def test_a_missing_row_is_blank_and_reported(example: DisclosureReport, rendered: str) -> None:
    lines = rendered.split("\n")
    del lines[_line(rendered, "6.属于四类过程性信息")]
    result = parse_text("\n".join(lines))
    (missing,) = result.diagnostics
    assert (missing.code, missing.path) == (
        "GP505",
        "$.tables.t3.rows.withheld_process_information",
    )
    assert example.tables is not None
    assert result.report.tables == with_row(
        example.tables, "withheld_process_information", [None] * 7
    )


# (the layouts whose lines are rows or cells: the test cuts them by line)
@pytest.mark.parametrize("layout", ["pipe per row", "cell per line", "bare cell per line"])
def test_a_truncated_table_is_read_as_far_as_it_goes(
    example: DisclosureReport, layout: str
) -> None:
    assert example.tables is not None
    lines = LAYOUTS[layout](t3_rows(example.tables))
    # cut inside 3.补正后申请内容仍不明确 after two of its seven figures
    start = next(i for i, line in enumerate(lines) if "3.补正后申请内容仍不明确" in line)
    if layout == "pipe per row":
        cut = lines[: start + 1]
        cut[-1] = "|".join(cut[-1].split("|")[:3]) + "|"
    else:
        cut = lines[: start + 3]
    # the page ends there (a row that other text follows is short, not cut: GP503)
    report = attrs.evolve(example, body=statutory_body()[:3], signature=None)
    text = page(report, {"t3": cut})
    result = parse_text(text)
    assert result.report.tables is not None
    rows = result.report.tables.t3.rows
    assert rows.unavailable_unclear.values() == (2, 0, None, None, None, None, None)
    assert rows.unavailable_needs_creation == example.tables.t3.rows.unavailable_needs_creation
    assert rows.total_handled.values() == (None,) * 7
    stop = next(d for d in result.diagnostics if d.code == "GP504")
    assert stop.path == "$.tables.t3.rows.unavailable_unclear"
    assert "3.补正后申请内容仍不明确 (2 of 7 figures)" in stop.message_en
    assert "the 10 rows after it are blank" in stop.message_en  # （五）1–5, （六）1–3, （七）, 四
    assert sorted(codes(result)) == [
        "GP115",  # no 发布机构 on the page: the publisher is the agency the title names
        "GP504",
        "GP510",
        "GP510",
    ]  # and tables 二 and 四 are not there
    assert result.source_of("$.tables.t3.rows.unavailable_unclear.research") is None


def test_signed_changes_and_money_with_units(rendered: str) -> None:
    text = (
        "2020年政府信息公开工作年度报告\n\n二、主动公开政府信息情况\n"
        "第二十条第（五）项 | |||\n信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |\n"
        "行政许可 | 40 | -2 | 1324 |\n其他对外管理服务事项 | 12 | +4 | 0 |\n"
        "第二十条第（九）项 | |||\n信息内容 | 采购项目数量 | 采购总金额 | |\n"
        "政府集中采购 | 3 | 251000元 | |\n"
    )
    result = parse_text(text)
    tables = result.report.tables
    assert tables is not None
    assert tables.version is ReportFormat.V2019
    rows = tables.t2.rows
    assert rows.licensing.values() == (40, -2, 1324)
    assert rows.other_services.change == 4
    assert rows.procurement.amount is not None
    assert (rows.procurement.amount.yuan, rows.procurement.amount.unit.value) == (251000, "元")
    assert "GP506" not in codes(result)


@pytest.mark.parametrize(
    ("cell", "value", "code"),
    [
        ("286.45", "286.45", None),
        ("286.45万元", "286.45", None),
        ("2864500元", "286.45", None),  # the header's unit is 万元
        ("", None, None),
        ("—", None, None),  # a dash: nothing reported
        ("无", None, "GP506"),  # a word: blank, and said
        ("-3", None, "GP506"),
    ],
)
def test_the_fee_in_wan_yuan(cell: str, value: str | None, code: str | None) -> None:
    text = (
        "2022年政府信息公开工作年度报告\n\n二、主动公开政府信息情况\n"
        "第二十条第（八）项 | |||\n信息内容 | 本年收费金额（单位：万元） | ||\n"
        f"行政事业性收费 | {cell} | ||\n"
    )
    result = parse_text(text)
    assert result.report.tables is not None
    amount = result.report.tables.t2.rows.fees.amount
    assert (None if amount is None else f"{amount.normalize():f}") == value
    assert [c for c in codes(result) if c not in ("GP504", "GP505", "GP510")] == (
        [] if code is None else [code]
    )


def test_blank_is_not_zero() -> None:
    text = (
        "2022年政府信息公开工作年度报告\n\n三、收到和处理政府信息公开申请情况\n"
        "一、本年新收政府信息公开申请数量 | 5 | | 0 | | | | |\n"
        "二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n"
    )
    result = parse_text(text)
    assert result.report.tables is not None
    assert result.report.tables.t3.rows.received.values() == (5, None, 0, None, None, None, None)


def test_a_local_table_in_a_narrative_report_stays_text() -> None:
    text = "2014年政府信息公开工作报告\n\n　　一、概述\n\n项目 | 数量 |\n规章 | 3 |\n总计 | 3 |\n"
    result = parse_text(text)
    assert result.report.tables is None
    assert result.report.format is ReportFormat.NARRATIVE
    assert result.report.body[0].paragraphs == ("项目 | 数量 |", "规章 | 3 |", "总计 | 3 |")
    assert codes(result) == ["GP005"]


def test_tables_found_set_the_format_over_the_year() -> None:
    text = (
        "2022年政府信息公开工作年度报告\n\n二、主动公开政府信息情况\n第二十条第（一）项 |\n"
        "信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |\n规章 | 1 | 1 | 5 |\n"
    )
    result = parse_text(text)
    assert result.report.format is ReportFormat.V2019
    assert result.report.tables is not None
    assert result.report.tables.t2.rows.regulations.values() == (1, 1, 5)
    assert "GP508" in codes(result)


def with_row(found: StatutoryTables, key: str, values: list[int | None]) -> StatutoryTables:
    for column, value in zip(Table3V2021.COLUMNS, values, strict=True):
        found = with_cell(found, ("t3", "rows", key, column.key), value)
    return found


# --- figures in the narrative ----------------------------------------------------------------------------


def test_figures_the_text_gives_of_the_tables_stay_quantities_for_validation(rendered: str) -> None:
    # The example's （二）依申请公开 says 新收政府信息公开申请88件, as table 三 has it; the page is edited so
    # the text says 87: the parser keeps the text's figure as a Quantity (not folded into a disclosure
    # fact), and validation compares it with the table it read.
    assert rendered.count("新收政府信息公开申请88件") == 1
    result = parse_text(rendered.replace("新收政府信息公开申请88件", "新收政府信息公开申请87件"))
    assert codes(result) == []
    report = result.report
    applications = report.body[0].children[1]
    assert applications.quantities[0].value == 87
    assert applications.quantities[0].subject == "新收政府信息公开申请"
    assert result.source_of("$.body[0].children[1].quantities[0]") == "新收政府信息公开申请87件"
    assert report.tables is not None
    assert report.tables.t3.rows.received.total == 88
    found = [(d.code, d.path, d.found, d.expected) for d in validate(report)]
    assert found == [("GD710", "$.body[0].children[1].quantities[0]", "87", "88")]


def test_the_same_words_in_a_narrative_report_are_no_table_figures() -> None:
    # Before 2019 there are no tables: the count is the disclosure figure of the narrative families.
    text = "2014年政府信息公开工作报告\n\n　　一、概述\n\n　　全年受理政府信息公开申请12件。\n"
    report = parse_text(text).report
    assert report.format is ReportFormat.NARRATIVE
    section = report.body[0]
    assert section.disclosure is not None
    assert section.quantities == ()


def test_a_figure_after_a_lost_character_keeps_a_cell_a_line_table_going() -> None:
    # A mirror's page lost a character before a figure (? 0): the cell is the figure, the run goes on.
    text = (
        "2021年政府信息公开工作年度报告\n\n二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\n"
        "本年制发件数\n本年废止件数\n现行有效件数\n规章\n1\n? 2\n3\n行政规范性文件\n4\n\ufffd 5\n6\n"
    )
    tables = parse_text(text).report.tables
    assert tables is not None
    assert tables.t2["规章"].values() == (1, 2, 3)
    assert tables.t2["行政规范性文件"].values() == (4, 5, 6)


@pytest.mark.parametrize("blank_before", [False, True])
def test_a_pipe_that_fell_onto_the_next_line_closes_its_cell(blank_before: bool) -> None:
    # Cells a line each, ended by |; one label's | printed on the line under it closes that cell. After
    # a cell that is ended by | (行政处罚 | then | alone), a | alone is the row's blank cell instead.
    licensing = "行政许可 |\n|\n5 |\n" if blank_before else "行政许可 |\n7 |\n"
    text = (
        "2021年政府信息公开工作年度报告\n\n二、主动公开政府信息情况\n第二十条第（一）项 |\n|||\n"
        "信息内容 |\n本年制发件数 |\n本年废止件数 |\n现行有效件数 |\n规章 |\n1 |\n2 |\n3 |\n"
        "行政规范性文件\n|\n4 |\n0 |\n6 |\n第二十条第（五）项 |\n|||\n信息内容 |\n本年处理决定数量 |\n"
        + licensing
        + "三、收到和处理政府信息公开申请情况\n\n本年未收到申请。\n"
    )
    tables = parse_text(text).report.tables
    assert tables is not None
    assert tables.t2["规章"].values() == (1, 2, 3)
    assert tables.t2["行政规范性文件"].values() == (4, 0, 6)
    assert tables.t2["行政许可"].values() == ((None,) if blank_before else (7,))


_T4_WORDS = (
    "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况\n"
    "行政复议 行政诉讼\n未经复议直接起诉 复议后起诉\n"
    "结果 结果 其他 尚未 总\n维持 纠正 结果 审结 计 结果 结果 其他 尚未 总 结果 结果 其他 尚未 总\n"
    "维持 纠正 结果 审结 计 维持 纠正 结果 审结 计\n"
)


@pytest.mark.parametrize("sep", ["\n", " | "])
def test_table_four_with_its_header_words_cut_over_lines(sep: str) -> None:
    # A PDF's narrow columns print 结果维持 as 结果 / 维持 on two lines; flattened to one row of cells,
    # the same words stand in cells (行政复议 行政诉讼 | 结果 结果 其他 尚未 总 | …).
    header = _T4_WORDS if sep == "\n" else " | ".join(_T4_WORDS.split("\n")[1:-1]) + " |\n"
    text = (
        "2022年政府信息公开工作年度报告\n\n"
        + _T4_WORDS.split("\n")[0]
        + "\n"
        + header
        + " ".join(str(k) for k in range(1, 16))
        + "\n五、存在的主要问题及改进情况\n\n今后改进。\n"
    )
    tables = parse_text(text).report.tables
    assert tables is not None
    assert tables.t4.review.values() == (1, 2, 3, 4, 5)
    assert tables.t4.litigation_after_review.values() == (11, 12, 13, 14, 15)


def test_prose_of_header_words_is_no_header() -> None:
    text = "2022年政府信息公开工作年度报告\n\n一、总体情况\n\n结果 其他 尚未 总计\n"
    result = parse_text(text)
    assert result.report.tables is None
    assert result.report.body[0].paragraphs == ("结果 其他 尚未 总计",)


def test_a_page_that_opens_with_table_three_s_last_row_reads_it() -> None:
    text = "四、结转下年度继续办理 0 1 2 3 4 5 15\n四、政府信息公开行政复议、行政诉讼情况\n\n本年未发生。\n"
    tables = parse_text(text).report.tables
    assert tables is not None
    assert tables.t3.rows.carried_forward.values() == (0, 1, 2, 3, 4, 5, 15)


_T3_OPENING = (
    "2020年政府信息公开工作年度报告\n\n三、收到和处理政府信息公开申请情况\n"
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\n"
    "一、本年新收政府信息公开申请数量\n1\n0\n0\n0\n0\n0\n1\n"
    "二、上年结转政府信息公开申请数量\n0\n0\n0\n0\n0\n0\n0\n"
    "三、本年度办理结果\n（一）予以公开\n1\n0\n0\n0\n0\n0\n1\n（三）不予公开\n1.属于国家秘密\n"
)


@pytest.mark.parametrize(("tail", "read"), [("2", True), ("3", False), ("2\n0", False)])
def test_a_page_cut_after_the_next_row_s_numeral_reads_the_row(tail: str, read: bool) -> None:
    # A stored page stops inside table 三: a row's seven figures, then the 2 that opened the next row's
    # label (2.其他法律行政法规禁止公开). That 2 is the label, not an eighth figure; any other figure too
    # many (3, or 2 then more) still leaves the row unread (GP502).
    text = _T3_OPENING + "0\n" * 7 + tail + "\n"
    result = parse_text(text)
    assert result.report.tables is not None
    row = result.report.tables.t3.rows.withheld_state_secret
    assert row.values() == ((0,) * 7 if read else (None,) * 7)
    assert ("GP502" in {d.code for d in result.diagnostics}) is not read


def test_a_short_label_alone_is_no_table() -> None:
    text = "2022年政府信息公开工作年度报告\n\n一、总体情况\n\n行政许可 3\n"
    assert parse_text(text).report.tables is None


def test_a_label_cut_where_the_page_ends_is_the_table_s_not_a_section() -> None:
    text = (
        "2022年政府信息公开工作年度报告\n\n三、收到和处理政府信息公开申请情况\n"
        "一、本年新收政府信息公开申请数量 | 8 | 0 | 0 | 0 | 0 | 0 | 8 |\n"
        "二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n三、本年度办\n"
    )
    result = parse_text(text)
    assert result.report.tables is not None
    assert [s.heading for s in result.report.body] == ["收到和处理政府信息公开申请情况"]


# --- columns aligned by spaces --------------------------------------------------------------------------


@given(found=tables())
def test_space_aligned_columns_place_figures_by_position_and_never_shift_one(
    found: StatutoryTables,
) -> None:
    rows = {"t2": t2_rows(found), "t3": t3_rows(found), "t4": t4_aligned_rows(found)}
    text = page(report_with(found), {t: aligned_lines(r) for t, r in rows.items()})
    result = parse_text(text)
    assert result.report.tables is not None, text
    expected, read = _row_values(found), _row_values(result.report.tables)
    reported = _reported_blank(result)
    for key, cells in expected.items():
        if key in reported:  # the layout did not say where its figures stand: blank, never shifted
            assert None in cells, (key, text)
            assert all(v is None for v in read[key]), (key, text)
        else:
            assert read[key] == cells, (key, text)
    assert [s.paragraphs for s in result.report.body] == [()] * 6


ALIGNED = """\
2022年政府信息公开工作年度报告

二、主动公开政府信息情况
第二十条第（一）项
信息内容          本年制发件数    本年废止件数    现行有效件数
规章                         3                               12
行政规范性文件                          1              7
三、收到和处理政府信息公开申请情况
一、本年新收政府信息公开申请数量      76    8          1     3          88
二、上年结转政府信息公开申请数量       3    0    0     0     0     0     3
三、本年度办理结果  （一）予以公开    31    4    0     1     2     0    38
四、结转下年度继续办理                      1                0           1
四、因政府信息公开工作被申请行政复议、提起行政诉讼情况
行政复议                                  行政诉讼
结果维持  结果纠正  其他结果  尚未审结  总计  结果维持  结果纠正  其他结果  尚未审结  总计  结果维持  结果纠正  其他结果  尚未审结  总计
       1                   1         0     2         0                                                                           1     1
"""


def test_a_pasted_table_s_blank_cells_are_the_columns_its_spaces_leave() -> None:
    result = parse_text(ALIGNED)
    tables = result.report.tables
    assert tables is not None
    assert tables.t2["规章"].values() == (3, None, 12)
    assert tables.t2["行政规范性文件"].values() == (None, 1, 7)
    assert tables.t3.rows.received.values() == (76, 8, None, 1, 3, None, 88)
    assert tables.t3.rows.carried_forward.values() == (None, 1, None, None, 0, None, 1)
    assert [
        cell
        for group in attrs.astuple(tables.t4, recurse=False)
        for cell in attrs.astuple(group, recurse=False)
    ] == [1, None, 1, 0, 2, 0] + [None] * 7 + [1, 1]
    assert tables.t3.rows.brought_forward.values() == (3, 0, 0, 0, 0, 0, 3)
    assert "GP503" not in codes(result)


def test_figures_between_columns_are_not_placed() -> None:
    # 5 straddles the 本年废止件数 and 现行有效件数 columns: the row is reported and left blank
    text = ALIGNED.replace(
        "行政规范性文件                          1              7",
        "行政规范性文件                          1        5",
    )
    result = parse_text(text)
    assert result.report.tables is not None
    assert result.report.tables.t2["行政规范性文件"].values() == (None, None, None)
    assert "GP503" in codes(result)


def _reported_blank(result: ParseResult) -> set[str]:
    """The rows (t4 as a whole) a GP503 says were left blank."""
    return {
        "t4"
        if d.path.startswith("$.tables.t4")
        else d.path.replace("$.tables.", "").replace(".rows", "")
        for d in result.diagnostics
        if d.code == "GP503"
    }


# --- blank cells lost: figures placed by their form ---------------------------------------------------

_T2_2019_PAGE = (
    "2020年政府信息公开工作年度报告\n\n二、主动公开政府信息情况\n"
    "第二十条第（五）项 | |||\n信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |\n"
    "{licensing}\n其他对外管理服务事项 | 12 | 0 | 5 |\n"
    "第二十条第（九）项 | |||\n信息内容 | 采购项目数量 | 采购总金额 | |\n"
    "{procurement}\n以上为本年主动公开情况。\n"  # (text after the table: its last row is not cut short)
)


@pytest.mark.parametrize(
    "licensing",
    [
        "行政许可 | +239 | 239 | |",  # the blank cell moved to the row's end (a relayout dropped it)
        "行政许可\t+239\t239",  # tab rows: the blank cell left no trace
        "行政许可\n+239\n239",  # one cell a line, the blank dropped
        "行政许可 |\n+239 |\n239 |",  # one cell a line ended by |, the blank dropped
    ],
)
def test_a_row_that_lost_its_blank_cell_is_placed_by_the_sign_of_its_change(licensing: str) -> None:
    result = parse_text(
        _T2_2019_PAGE.format(licensing=licensing, procurement="政府集中采购 | 3 | 5元 |")
    )
    tables = result.report.tables
    assert tables is not None
    rows = tables.t2.rows
    assert rows.licensing.values() == (
        None,
        239,
        239,
    )  # not +239 under 上一年项目数量, read as blank
    assert rows.other_services.values() == (12, 0, 5)
    (placed,) = _coded(result, "GP513")
    assert placed.path == "$.tables.t2.rows.licensing"
    assert "2 figures for 3 columns" in placed.message_en
    assert not _coded(result, "GP506")
    assert not _coded(result, "GP503")
    assert result.source_of("$.tables.t2.rows.licensing.change") == "+239"
    assert result.source_of("$.tables.t2.rows.licensing.items_last_year") is None


def test_money_with_its_unit_is_placed_in_the_amount_column() -> None:
    result = parse_text(
        _T2_2019_PAGE.format(
            licensing="行政许可 | 1 | 0 | 2 |", procurement="政府集中采购\t251000元"
        )
    )
    tables = result.report.tables
    assert tables is not None
    amount = tables.t2.rows.procurement.amount
    assert tables.t2.rows.procurement.projects is None
    assert amount is not None
    assert (amount.yuan, amount.unit.value) == (251000, "元")
    assert [d.path for d in _coded(result, "GP513")] == ["$.tables.t2.rows.procurement"]


def test_a_lone_change_is_placed_in_its_column() -> None:
    result = parse_text(
        _T2_2019_PAGE.format(licensing="行政许可\t-2", procurement="政府集中采购 | 3 | 5元 |")
    )
    tables = result.report.tables
    assert tables is not None
    assert tables.t2.rows.licensing.values() == (None, -2, None)
    assert [d.path for d in _coded(result, "GP513")] == ["$.tables.t2.rows.licensing"]


@pytest.mark.parametrize(
    ("licensing", "code"),
    [
        ("行政许可\t5\t239", "GP503"),  # no sign: 5 may be last year's items or the change
        ("行政许可\t7", "GP503"),  # 7 fits any of the three columns
        # the layout places every cell, and each fits: read as laid
        ("行政许可 | 7 | +3 | |", None),
    ],
)
def test_where_the_form_does_not_say_the_row_is_not_placed(
    licensing: str, code: str | None
) -> None:
    result = parse_text(
        _T2_2019_PAGE.format(licensing=licensing, procurement="政府集中采购 | 3 | 5元 |")
    )
    tables = result.report.tables
    assert tables is not None
    assert not _coded(result, "GP513")
    if code is None:
        assert tables.t2.rows.licensing.values() == (7, 3, None)
    else:
        assert tables.t2.rows.licensing.values() == (None, None, None)
        assert [d.path for d in _coded(result, code)] == ["$.tables.t2.rows.licensing"]


# --- figures run together and glued to their row's label (xinye-wjw-2021) ---------------------------

_GLUED_PAGE = (
    "2021年政府信息公开工作年度报告\n\n  二、主动公开政府信息情况  \n\n"
    "第二十条第(一)项\n信息内容本年制发件数本年废止件数现行有效件数\n{rules}\n"
    "第二十条第(五)项\n信息内容本年处理决定数量\n行政许可707\n\n"
    "  三、收到和处理政府信息公开申请情况  \n\n"
    "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)申请人情况\n"
    "自然人法人或其他组织总计\n商业企业科研机构社会公益组织法律服务机构其他\n"
    "一、本年新收政府信息公开申请数量2000002\n二、上年结转政府信息公开申请数量0000000\n"
    "三、本年度办理结果(一)予以公开1000001\n(三)不予公开1.属于国家秘密0000000\n"
)


@pytest.mark.parametrize("sep", ["\n", " |\n"])
def test_glued_digits_one_a_column_are_read_one_a_column(sep: str) -> None:
    text = _GLUED_PAGE.format(rules="规章000\n行政规范性文件040")
    if sep != "\n":  # the same rows as cells ended by |: 规章000 |
        text = "\n".join(
            line + " |" if line[-1:].isdigit() and "、" not in line[:2] else line
            for line in text.split("\n")
        )
    result = parse_text(text)
    tables = result.report.tables
    assert tables is not None
    rows = tables.t2.rows
    assert rows.regulations.values() == (0, 0, 0)
    assert rows.normative_documents.values() == (0, 4, 0)
    assert rows.licensing.values() == (707,)  # one column: the whole run is its cell
    t3 = tables.t3.rows
    assert t3.received.values() == (2, 0, 0, 0, 0, 0, 2)
    assert t3.disclosed.values() == (1, 0, 0, 0, 0, 0, 1)
    assert t3.withheld_state_secret.values() == (0,) * 7
    glued = {d.path for d in _coded(result, "GP515")}
    assert "$.tables.t2.rows.normative_documents" in glued
    assert "$.tables.t3.rows.disclosed" in glued
    headings = [s.heading for s in result.report.body if s.heading]
    assert headings == ["主动公开政府信息情况", "收到和处理政府信息公开申请情况"]  # no table row


def test_glued_digits_not_one_a_column_leave_the_row_blank() -> None:
    # 4 digits for 3 columns (0 40? 04 0?): no reading is certain
    result = parse_text(_GLUED_PAGE.format(rules="规章000\n行政规范性文件0400"))
    tables = result.report.tables
    assert tables is not None
    assert tables.t2.rows.regulations.values() == (0, 0, 0)
    assert tables.t2.rows.normative_documents.values() == (None, None, None)
    (d,) = _coded(result, "GP516")
    assert d.path == "$.tables.t2.rows.normative_documents"


@pytest.mark.parametrize(
    "line", ["一、本年新收政府信息公开申请数量2000002", "三、本年度办理结果(一)予以公开1000001"]
)
def test_a_row_of_table_3_with_its_figures_glued_is_never_a_section(line: str) -> None:
    from govdisclosure.parse import _body

    assert _body._table_row(line)
    assert not _body._table_row("一、2020年政务公开工作完成情况及成效")


def test_a_number_after_the_last_row_of_a_cut_page_is_not_a_figure_of_it() -> None:
    # tongyu-tuanjie-xiang-2020: one cell a paragraph, the page cut after table 二 (20 of 2020年…)
    text = (
        "2020年政府信息公开工作年度报告\n\n二、主动公开政府信息情况\n\n第二十条第(九)项\n\n信息内容\n\n"
        "采购项目数量\n\n采购总金额\n\n政府集中采购\n\n0\n\n0\n\n20"
    )
    result = parse_text(text)
    tables = result.report.tables
    assert tables is not None
    procurement = tables.t2.rows.procurement
    assert procurement.projects == 0
    assert procurement.amount is not None
    assert procurement.amount.yuan == 0
    assert len(_coded(result, "GP509")) == 1  # 20: said, not read
