"""Table rows printed over several lines, put back together before the tables are read (表格折行).

A text rendering wrapped to a width (``render_text(report, width=N)``, the contract's "Tables", 14) prints a
label too wide for its column over several lines, and a table too wide for the width one row a block. Two
shapes are undone here, on a run's rows of text cells (never on HTML rows, whose cells are placed):

- **A label continued over lines.** A row whose text cells include a fragment of a label (the start of one,
  not yet the whole of it), followed by lines with as many cells, no figures, and text only where the
  fragments are, is one row: each fragment joined with the text under it. The join is kept only when
  every joined cell is then a label exactly; otherwise the lines stay as they were (a real page's rows are
  read as before). The figures stand on the first line of the row.
- **One row a block.** Consecutive lines ``column | figure |`` (a column label, then a figure or a blank
  cell), whose column labels are a table's columns in order (table 三's seven, a block's of table 二, a
  group's of table 四), are the figures of the row whose label lines come before them: they become one row
  of those figures.

Lines absorbed into the row before them stay as rows without cells (they are still the table's lines).
Hand-written, as the rest of the table reader: no library reads these layouts.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Final

from govdisclosure.model import (
    Table2V2019,
    Table2V2021,
    Table3V2019,
    Table3V2021,
    Table4,
)
from govdisclosure.parse._labels import LABELS, normalise

if TYPE_CHECKING:
    from govdisclosure.parse._tables import Cell

    Row = tuple[int, list[Cell]]

__all__ = ["unwrap_rows"]

_EXACT: Final = frozenset(normalise(label.text) for label in LABELS)
_normal: Final = normalise  # (cached: cells repeat, labels and small figures)
_PREFIXES: Final = frozenset(text[:k] for text in _EXACT for k in range(1, len(text) + 1))
_COLUMN_RUNS: Final = frozenset(
    tuple(normalise(column.label) for column in columns)
    for columns in (
        *(block.columns for t2 in (Table2V2019, Table2V2021) for block in t2.BLOCKS),
        Table3V2019.COLUMNS,
        Table3V2021.COLUMNS,
        *(group.columns for group in Table4.GROUPS),
    )
)
_COLUMNS: Final = frozenset(label for run in _COLUMN_RUNS for label in run)


def unwrap_rows(run: Sequence[Row], is_figure: Callable[[str], bool]) -> list[Row]:
    """The rows of ``run`` with labels continued over lines joined, and the lines of a row printed one
    ``column | figure`` a line made one row of figures (module docstring). ``is_figure`` tells a figure
    (or a mark of a blank cell) from text."""
    rows = list(run)
    k = 0
    while k < len(rows):
        k = _join_continued(rows, k, is_figure)
    k = 0
    while k < len(rows):
        k = _gather_pairs(rows, k, is_figure)
    return rows


def _text_row(cells: Sequence[Cell]) -> bool:
    return bool(cells) and all(cell.col is None for cell in cells)


def _join_continued(rows: list[Row], k: int, is_figure: Callable[[str], bool]) -> int:
    """Join the lines that continue the labels of row ``k``; the index of the row after them."""
    line, cells = rows[k]
    if not _text_row(cells):
        return k + 1
    texts = [cell.text for cell in cells]
    fragments = {
        n
        for n, text in enumerate(texts)
        if text and not is_figure(text) and _normal(text) in _PREFIXES
    }
    if not fragments:
        return k + 1
    last: dict[int, Cell] = {}
    j = k + 1
    while j < len(rows) and _continues(rows[j][1], cells, texts, fragments):
        for n, cell in enumerate(rows[j][1]):
            if cell.text:
                texts[n] += cell.text
                last[n] = cell
        j += 1
    if not last or any(_normal(texts[n]) not in _EXACT for n in last):
        return k + 1
    joined = [
        cell._replace(text=texts[n], end=last[n].end) if n in last else cell
        for n, cell in enumerate(cells)
    ]
    rows[k] = (line, joined)
    for m in range(k + 1, j):
        rows[m] = (rows[m][0], [])
    return j


def _continues(
    cells: Sequence[Cell],
    first: Sequence[Cell],
    texts: Sequence[str],
    fragments: set[int],
) -> bool:
    """Whether a line's cells continue the fragments of a row: as many cells, text only under fragments,
    each joined text still the start of a label (a piece may look like a figure or a blank mark: the ／ of
    本年增／减)."""
    if len(cells) != len(first) or not _text_row(cells):
        return False
    filled = [n for n, cell in enumerate(cells) if cell.text]
    return bool(filled) and all(
        n in fragments and _normal(texts[n] + cells[n].text) in _PREFIXES for n in filled
    )


def _pair(cells: Sequence[Cell], is_figure: Callable[[str], bool]) -> str | None:
    """The column label of a line ``column | figure |``, or None."""
    if len(cells) != 2 or not _text_row(cells):
        return None
    label, figure = cells
    norm = _normal(label.text)
    if norm not in _COLUMNS or (figure.text and not is_figure(figure.text)):
        return None
    return norm


def _gather_pairs(rows: list[Row], k: int, is_figure: Callable[[str], bool]) -> int:
    """Make the lines ``column | figure |`` from row ``k`` on one row of figures, when their columns are a
    table's; the index of the row after them."""
    pairs: list[int] = []  # the rows of the pairs (rows without cells between them are skipped)
    labels: list[str] = []
    j = k
    while j < len(rows):
        if rows[j][1]:
            label = _pair(rows[j][1], is_figure)
            if label is None:
                break
            labels.append(label)
            pairs.append(j)
        j += 1
    if not labels or pairs[0] != k:
        return k + 1
    if tuple(labels) not in _COLUMN_RUNS:
        return j
    rows[k] = (rows[k][0], [rows[m][1][1] for m in pairs])
    for m in pairs[1:]:
        rows[m] = (rows[m][0], [])
    return j
