"""The statutory tables in the text rendering: the pipe layout of the text renderer's docstring (Tables, 8–13),
read back here by a reader written apart from the renderer, aligned by display width."""

from __future__ import annotations

import itertools
import re
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govdisclosure import (
    CellKind,
    DisclosureReport,
    Money,
    MoneyUnit,
    ReportFormat,
    RowKind,
    Section,
    StatutoryTables,
    StatutoryTablesV2019,
    StatutoryTablesV2021,
    Table2V2021,
)
from govdisclosure.render import display_width, render_text
from tests.conftest import FIXTURES
from tests.render.golden import build
from tests.render.tables import statutory_report
from tests.strategies_tables import any_tables

RULE = re.compile(r"-[-+]*\+")


def table_blocks(text: str) -> list[list[str]]:
    """The blocks of a text rendering that are tables: no paragraph indent, every line a row (ending in
    ``|``) or a rule."""
    out = []
    for block in text.removesuffix("\n").split("\n\n"):
        lines = block.split("\n")
        if block.startswith("\u3000") or not all(
            line.endswith("|") or RULE.fullmatch(line) for line in lines
        ):
            continue
        out.append(lines)
    return out


def cells(line: str) -> list[str]:
    """A row's cells: split at ``|``, the empty piece after the last one dropped, each stripped."""
    pieces = line.split("|")
    assert pieces[-1] == ""
    return [piece.strip(" ") for piece in pieces[:-1]]


def rows_of(lines: list[str]) -> tuple[list[list[str]], list[int]]:
    """The rows and the indexes (among the rows) after which a rule stands."""
    rows: list[list[str]] = []
    rules = []
    for line in lines:
        if RULE.fullmatch(line):
            rules.append(len(rows) - 1)
        else:
            rows.append(cells(line))
    return rows, rules


_MONEY = re.compile(r"(\d+(?:\.\d+)?)(元|万元|亿元)")


def read(text: str, kind: CellKind) -> Any:
    if text == "":
        return None
    if kind is CellKind.AMOUNT:
        return Decimal(text)
    if kind is CellKind.MONEY:
        m = _MONEY.fullmatch(text)
        assert m is not None, text
        unit = MoneyUnit(m.group(2))
        return Money(Decimal(m.group(1)) * unit.factor, unit)
    if kind is CellKind.SIGNED:
        assert text == "0" or text[0] in "+-", text
    return int(text)


def check_text_tables(text: str, tables: StatutoryTables) -> None:
    """The three tables, in order, read back to the model's labels and figures."""
    blocks = table_blocks(text)
    assert len(blocks) == 3
    for lines in blocks:
        # Aligned: every line as wide as the others, no trailing space, no ideographic indent.
        widths = {display_width(line) for line in lines}
        assert len(widths) == 1, widths
        assert not any(line.endswith(" ") or line.startswith("\u3000") for line in lines)
        # Each rule has a + under each | of the line above it.
        for above, line in itertools.pairwise(lines):
            if RULE.fullmatch(line):
                assert _columns(line, "+") == _columns(above, "|")
    t2, t3, t4 = (rows_of(lines) for lines in blocks)

    # Table 二: per block, its title, its header, a rule under the header, its rows.
    rows, rules = t2
    at = 0
    for block in tables.t2.BLOCKS:
        assert rows[at] == [block.title]
        assert rows[at + 1] == [block.header, *(c.label for c in block.columns)]
        assert at + 1 in rules
        for n, spec in enumerate(block.rows, at + 2):
            figures = getattr(tables.t2.rows, spec.key)
            assert rows[n][0] == spec.label
            got = [read(t, c.kind) for t, c in zip(rows[n][1:], block.columns, strict=True)]
            assert got == [getattr(figures, c.key) for c in block.columns]
        at += 2 + len(block.rows)
    assert at == len(rows)

    # Table 三: three header rows, a rule, one row per data row.
    rows, rules = t3
    t = tables.t3
    assert rows[0] == [t.CORNER, "申请人情况"]
    assert rows[1] == ["", "自然人", "法人或其他组织", "总计"]
    assert rows[2] == ["", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""]
    assert rules == [2]
    specs = {s.key: s for s in t.ROWS}
    data = [s for s in t.ROWS if s.kind is RowKind.DATA]
    assert len(rows) == 3 + len(data)
    first_of: dict[str, str] = {}  # heading key -> the first data row under it
    for spec in data:
        parent = spec.parent
        while parent is not None:
            first_of.setdefault(parent, spec.key)
            parent = specs[parent].parent
    for row, spec in zip(rows[3:], data, strict=True):
        labels, figures = row[:-7], row[-7:]
        headings = [s.label for s in t.ROWS if first_of.get(s.key) == spec.key]
        assert [label for label in labels if label] == [*headings, spec.label]
        assert (
            len(labels) == spec.depth + 1
        )  # a cell (maybe empty) for each heading above, then its own
        values = getattr(t.rows, spec.key)
        assert [read(x, CellKind.COUNT) for x in figures] == list(values.values())

    # Table 四: three header rows, a rule, fifteen figures.
    rows, rules = t4
    results = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    assert rows[0] == ["行政复议", "行政诉讼"]
    assert rows[1] == [*results, "未经复议直接起诉", "复议后起诉"]
    assert rows[2] == [""] * 5 + results * 2
    assert rules == [2]
    assert len(rows) == 4
    expected = [v for g in tables.t4.GROUPS for v in getattr(tables.t4, g.key).values()]
    assert [read(x, CellKind.COUNT) for x in rows[3]] == expected


def _columns(line: str, mark: str) -> list[int]:
    out, col = [], 0
    for c in line:
        if c == mark:
            out.append(col)
        col += display_width(c)
    return out


@pytest.fixture(scope="module")
def example() -> DisclosureReport:
    return build("statutory_2021")


def test_example_tables_read_back(example: DisclosureReport) -> None:
    assert example.tables is not None
    check_text_tables(render_text(example), example.tables)


@settings(max_examples=30)
@given(any_tables(ReportFormat.V2019) | any_tables(ReportFormat.V2021))
def test_any_tables_read_back(tables: StatutoryTables) -> None:
    check_text_tables(render_text(statutory_report(tables)), tables)


def test_tables_follow_their_section_text_and_fit_the_width(example: DisclosureReport) -> None:
    text = render_text(example, width=30)
    blocks = text.removesuffix("\n").split("\n\n")
    headings = [n for n, b in enumerate(blocks) if b.startswith("\u3000\u3000二、")]
    at = headings[0]
    assert blocks[at + 1].startswith("第二十条第（一）项")
    assert blocks[at + 2].startswith("\u3000\u3000三、收到")
    assert blocks[at + 3].startswith("（本列数据的勾稽关系为")
    assert blocks[at + 4].startswith("\u3000\u3000四、政府")
    assert blocks[at + 5].lstrip(" ").startswith("行政复议")
    assert blocks[at + 6].startswith("\u3000\u3000五、存在")
    # Width fits the tables too (table 三 was 187 columns wide whatever the width).
    for block in blocks[at + 1 : at + 6 : 2]:
        assert max(display_width(line) for line in block.split("\n")) <= 30
    unwrapped = render_text(example).removesuffix("\n").split("\n\n")
    assert max(display_width(line) for line in unwrapped[at + 3].split("\n")) > 100


# A figure as printed (counts, signed changes, amounts, money with its unit).
FIGURE = re.compile(r"[+-]?\d+(?:\.\d+)?(?:元|万元|亿元)?")


@settings(max_examples=25)
@given(
    any_tables(ReportFormat.V2019) | any_tables(ReportFormat.V2021),
    st.sampled_from([40, 60, 80, 100]),
)
def test_tables_fit_any_width_with_figures_right_aligned(
    tables: StatutoryTables, width: int
) -> None:
    text = render_text(statutory_report(tables), width=width)
    for lines in table_blocks(text):
        ruled = any(RULE.fullmatch(line) for line in lines)
        if ruled:  # the grid, its labels wrapped: every line as wide as the others
            assert len({display_width(line) for line in lines}) == 1
        for line in lines:
            figures = [cell for cell in line.split("|")[:-1] if FIGURE.fullmatch(cell.strip())]
            if display_width(line) > width:
                # only where a figure with a one-character column header does not fit (docstring, 15)
                assert not ruled, line
                assert figures, line
                assert display_width(figures[0].strip()) + 7 > width, line
            for cell in figures:  # right-aligned: only the separator's space after the figure
                assert cell.endswith(cell.strip() + " "), line


@settings(max_examples=15)
@given(any_tables(ReportFormat.V2019) | any_tables(ReportFormat.V2021))
def test_a_width_the_tables_fit_changes_nothing(tables: StatutoryTables) -> None:
    report = statutory_report(tables)
    natural = table_blocks(render_text(report))
    widest = max(display_width(line) for lines in natural for line in lines)
    assert table_blocks(render_text(report, width=widest)) == natural


def test_one_row_a_block_where_the_figures_do_not_fit(example: DisclosureReport) -> None:
    """Table 四's fifteen columns do not fit in 60: its group headings, then a line per figure."""
    lines = table_blocks(render_text(example, width=60))[2]
    assert [line.rstrip(" |") for line in lines[:2]] == ["行政复议", "结果维持 | 2"]
    assert [cells(line) for line in lines[6:9]] == [
        ["行政诉讼"],
        ["未经复议直接起诉"],
        ["结果维持", "1"],
    ]
    assert len(lines) == 3 * 5 + 4


def test_wrapped_labels_continue_under_themselves(example: DisclosureReport) -> None:
    """Table 三 in 100 columns: each row's figures on its first line, the pieces of its labels under them
    with the figure cells empty; the pieces joined give the unwrapped row."""
    wrapped, rules = rows_of(table_blocks(render_text(example, width=100))[1])
    unwrapped = rows_of(table_blocks(render_text(example))[1])[0]
    body = wrapped[rules[-1] + 1 :]  # under the header rows
    joined: list[list[str]] = []
    for row in body:
        if any(row[-7:]):  # a row's first line
            joined.append(row)
        else:
            assert len(row) == len(joined[-1])  # the same cells as the first line
            joined[-1] = [a + b for a, b in zip(joined[-1], row, strict=True)]
    assert joined == unwrapped[3:]
    assert len(body) > len(joined)  # some labels did take several lines


def test_section_paragraphs_before_and_sub_sections_after_the_table() -> None:
    note = Section(paragraphs=["注：本表数据截至12月31日。"])
    report = statutory_report(StatutoryTablesV2021(), t2_notes=["本年主动公开信息326条。", note])
    text = render_text(report)
    assert text.index("\u3000\u3000本年主动公开信息326条。\n\n第二十条第（一）项") < text.index(
        "|\n\n\u3000\u3000注：本表数据截至12月31日。\n\n\u3000\u3000三、"
    )


def test_tables_without_their_sections_follow_the_body() -> None:
    report = DisclosureReport(
        title="报告",
        year=2022,
        format=ReportFormat.V2019,
        body=[Section(paragraphs=["正文。"])],
        tables=StatutoryTablesV2019(),
    )
    blocks = render_text(report).removesuffix("\n").split("\n\n")
    assert blocks[1] == "\u3000\u3000正文。"
    assert [b.split("\n")[0].split(" |")[0].strip() for b in blocks[2:]] == [
        "第二十条第（一）项",
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
        "行政复议",
    ]


def test_example_table3_lines(example: DisclosureReport) -> None:
    """The shape that the parser reads (docstring 12), on a few lines of the example."""
    lines = table_blocks(render_text(example))[1]
    assert re.fullmatch(r"一、本年新收政府信息公开申请数量 +\| +76 \| +8 \| .* \| +88 \|", lines[4])
    assert re.fullmatch(r"三、本年度办理结果 \| （一）予以公开 +\| +31 \| .* \| +38 \|", lines[6])
    assert re.fullmatch(r" +\| （三）不予公开 \| 1\.属于国家秘密 +\| +0 \| .*", lines[8])
    assert re.fullmatch(r" +\| +\| 2\.其他法律行政法规禁止公开 +\| +0 \| .*", lines[9])


def test_one_reader_for_real_pages_and_ours() -> None:
    """The rows of table 二 on a real page (pipe-separated, as text extraction gives them) and in our rendering
    of the same figures split into the same cells."""
    fixture = FIXTURES / "jiuyuan-zwfwj-2022.txt"
    page = fixture.read_text(encoding="utf-8").splitlines()
    real = [
        cells(line)
        for line in page
        if line.split(" |")[0] in ("规章", "行政规范性文件", "行政许可")
    ]
    t2 = Table2V2021.from_rows({"规章": [0, 0, 0], "行政规范性文件": [0, 0, 0], "行政许可": [0]})
    ours = [
        row
        for row in rows_of(
            table_blocks(render_text(statutory_report(StatutoryTablesV2021(t2=t2))))[0]
        )[0]
        if row[0] in ("规章", "行政规范性文件", "行政许可")
    ]
    # The real page repeats the merged cell's residue as empty cells ("0 | ||"); the labels and figures agree.
    assert [[c for c in row if c] for row in real] == ours
