"""Tables of PDF pages as their grid: rows a page break left open, and empty boxes in a label column.

The pages are written by hand (Helvetica, ASCII), so each test says exactly which rules a page draws;
``tests/fixtures/real-files/`` holds the published PDFs that showed both cases.
"""

from __future__ import annotations

import pytest

from govdisclosure.parse._blocks import GridCell, Writer
from govdisclosure.parse._limits import DEFAULT_LIMITS, Deadline
from tests.files.helpers import one_page_pdf

pytest.importorskip("pdfplumber")


def _page(rows: list[tuple[str, str, str]], top: int, drawn_bottom: bool) -> bytes:
    """A page with a table of three columns (x 100, 200, 300, 400) whose rows are 40 points tall from
    ``top`` (PDF coordinates: up from the page's foot) down; the last row's bottom rule is drawn only
    when ``drawn_bottom``, while the vertical rules always run to the last row's foot."""
    ops = [b"0.5 w"]
    foot = top - 40 * len(rows)
    ruled = len(rows) + 1 if drawn_bottom else len(rows)
    for k in range(ruled):
        y = top - 40 * k
        ops.append(b"100 %d m 400 %d l S" % (y, y))
    for x in (100, 200, 300, 400):
        ops.append(b"%d %d m %d %d l S" % (x, top, x, foot))
    for k, row in enumerate(rows):
        y = top - 40 * k - 25
        for x, text in zip((110, 210, 310), row, strict=True):
            if text:
                ops.append(b"BT /F1 10 Tf %d %d Td (%s) Tj ET" % (x, y, text.encode()))
    return one_page_pdf(b"\n".join(ops))


def _read(data: bytes) -> Writer:
    from govdisclosure.parse._pdf import read_pdf

    writer = read_pdf(data, DEFAULT_LIMITS, Deadline(30), [])
    assert isinstance(writer, Writer)
    return writer


ROWS = [("label", "head1", "head2"), ("alpha", "1", "2"), ("beta", "3", "4"), ("gamma", "5", "6")]


def test_a_last_row_without_its_bottom_rule_at_the_page_end_is_a_row() -> None:
    # The table ends 122 points above the page's foot: its last row is open (the rule under it is
    # on the next page, as WPS draws a table that goes on).
    writer = _read(_page(ROWS, top=282, drawn_bottom=False))
    (table,) = writer.tables
    assert [[c.text for c in row] for row in table.rows] == [list(r) for r in ROWS]
    assert writer.text.count("gamma") == 1  # in the table, not also as a line of text


def test_the_same_table_with_its_bottom_rule_reads_the_same() -> None:
    closed = _read(_page(ROWS, top=282, drawn_bottom=True))
    opened = _read(_page(ROWS, top=282, drawn_bottom=False))
    assert [[c.text for c in r] for r in closed.tables[0].rows] == [
        [c.text for c in r] for r in opened.tables[0].rows
    ]


def test_an_open_row_in_the_middle_of_a_page_is_not_taken_into_the_table() -> None:
    # Rules that stop mid-page without a rule under the text are not a page break's open row: the
    # text stays text, as pdfplumber gives it.
    writer = _read(_page(ROWS, top=600, drawn_bottom=False))
    (table,) = writer.tables
    assert [c.text for c in table.rows[-1]] == ["beta", "3", "4"]
    assert "gamma" in writer.text


def _texts(writer: Writer) -> list[list[str]]:
    return [[c.text for c in row] for row in writer.tables[0].rows]


def test_an_empty_box_in_a_column_of_labels_is_no_blank_figure() -> None:
    writer = Writer()
    writer.table(
        drawn_boxes=True,
        cells=[
            GridCell("group", 0, 0, rowspan=3),
            GridCell("a", 0, 1),
            GridCell("1", 0, 2),
            GridCell("2", 0, 3),
            GridCell("b", 1, 1),
            GridCell("3", 1, 2),
            GridCell("", 1, 3),  # a blank figure: its column holds figures
            GridCell("", 2, 1),  # an empty box beside a label that spans no sub-label
            GridCell("5", 2, 2),
            GridCell("6", 2, 3),
            GridCell("total", 3, 0),
            GridCell("", 3, 1),
            GridCell("9", 3, 2),
            GridCell("", 3, 3),
        ],
    )
    assert _texts(writer) == [
        ["group", "a", "1", "2"],
        ["b", "3", ""],
        ["5", "6"],
        ["total", "9", ""],
    ]
    assert "total | 9 |  |" in writer.text


def test_a_column_of_blank_figures_under_a_header_keeps_its_cells() -> None:
    # 其他 printed in the header row, every figure under it blank: the column is not one of labels.
    writer = Writer()
    writer.table(
        drawn_boxes=True,
        cells=[
            GridCell("", 0, 0),
            GridCell("natural", 0, 1),
            GridCell("other", 0, 2),
            GridCell("received", 1, 0),
            GridCell("4", 1, 1),
            GridCell("", 1, 2),
            GridCell("closed", 2, 0),
            GridCell("4", 2, 1),
            GridCell("", 2, 2),
        ],
    )
    assert _texts(writer) == [["", "natural", "other"], ["received", "4", ""], ["closed", "4", ""]]
