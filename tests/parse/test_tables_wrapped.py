"""Statutory tables printed over several lines (a text rendering wrapped to a width; a page whose labels
ran over lines): the reader puts a row back together only where that gives the table's labels exactly."""

from __future__ import annotations

import pytest

from govdisclosure import DisclosureReport, load
from govdisclosure.parse import parse_text
from govdisclosure.parse._tables import Cell, _is_figure, split_cells
from govdisclosure.parse._wrapped import unwrap_rows
from govdisclosure.render import display_width, render
from tests.conftest import ROOT

EXAMPLE = ROOT / "examples" / "statutory_2021" / "report.json"


def rows(text: str) -> list[tuple[int, list[Cell]]]:
    return [(n, split_cells(line, 0)) for n, line in enumerate(text.splitlines())]


def texts(found: list[tuple[int, list[Cell]]]) -> list[list[str]]:
    return [[cell.text for cell in cells] for _, cells in found]


def test_a_label_continued_under_itself_is_joined() -> None:
    found = unwrap_rows(
        rows(
            "一、本年新收政府信息 |  76 |   8 |\n"
            "公开申请数量         |     |     |\n"
            "二、上年结转政府信息 |   3 |   0 |\n"
            "公开申请数量         |     |     |"
        ),
        _is_figure,
    )
    assert texts(found) == [
        ["一、本年新收政府信息公开申请数量", "76", "8"],
        [],
        ["二、上年结转政府信息公开申请数量", "3", "0"],
        [],
    ]
    # The joined cell spans both pieces in the source.
    assert found[0][1][0].start == 0


def test_pieces_that_make_no_label_stay_as_they_were() -> None:
    lines = "一、本年新收政府信息 | 76 |\n公开的数量           |    |\n规章 |  |\n规章 |  |"
    assert texts(unwrap_rows(rows(lines), _is_figure)) == texts(rows(lines))


def test_a_row_one_figure_a_line_is_one_row_of_figures() -> None:
    found = unwrap_rows(
        rows(
            "行政规范性文件 |\n本年制发件数 | 2 |\n本年废止 | 1 |\n件数     |   |\n现行有效件数 |  |"
        ),
        _is_figure,
    )
    assert texts(found) == [["行政规范性文件"], ["2", "1", ""], [], [], []]


def test_column_lines_that_are_not_a_tables_columns_are_left_alone() -> None:
    lines = "规章 |\n本年制发件数 | 2 |\n现行有效件数 | 7 |"  # 本年废止件数 missing
    assert texts(unwrap_rows(rows(lines), _is_figure)) == texts(rows(lines))


@pytest.fixture(scope="module")
def example() -> DisclosureReport:
    return load(EXAMPLE)


@pytest.mark.parametrize("width", [40, 60, 80, 100])
def test_the_wrapped_tables_read_back_exactly(example: DisclosureReport, width: int) -> None:
    text = render(example, "text", width=width)
    assert isinstance(text, str)
    tables = [line for line in text.splitlines() if line.endswith("|")]
    assert max(display_width(line) for line in tables) <= width
    result = parse_text(text)
    assert result.report.tables == example.tables
    assert result.diagnostics == ()
