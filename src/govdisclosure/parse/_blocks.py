"""Documents (DOCX, PDF) to the parser's text: paragraphs and tables written as the HTML reader writes them.

A document reader gives paragraphs and tables (cells placed in their grid, merged cells resolved); this
writer lays them out as :func:`._html.extract_text` lays out a page (a paragraph a line, blank lines between
blocks, a table row a line of ``|``-ended cells) and hands the text and the :class:`._html.Table` objects to
the one pipeline of :func:`._parser._parse`. So a DOCX or PDF file is read by the same code as a page, and
what differs (where a stretch of text was in the file) is kept as :class:`._result.Origin` records. The
invisible characters a page is cleaned of (:func:`._decode.clean_text`: U+200B, U+FEFF, soft hyphens …) are
removed from each paragraph and cell as it is written, and said once for the file (GP020, GP021).
"""

from __future__ import annotations

import importlib
import os
import re
import unicodedata
from collections.abc import Callable, Sequence
from types import ModuleType
from typing import Final

import attrs

from govdisclosure.model import Diagnostic, DisclosureReport, ReportFormat, Span
from govdisclosure.parse._codes import diagnostic
from govdisclosure.parse._context import Context
from govdisclosure.parse._decode import clean_text
from govdisclosure.parse._html import Table, TableCell, _normalise
from govdisclosure.parse._limits import Deadline, Limits, read_source
from govdisclosure.parse._parser import _parse
from govdisclosure.parse._result import Origin, ParseResult

__all__ = [
    "GridCell",
    "Reader",
    "Writer",
    "clean",
    "failed",
    "finish",
    "is_layout",
    "library",
    "read_file",
]

# A table whose cells are this long, or that has a single column, lays out a page rather than holding data
# (the rule of the HTML reader, _html._MAX_LAYOUT_CELL): its cells are written as paragraphs.
MAX_LAYOUT_CELL = 200


def clean(text: str) -> str:
    """A paragraph's or cell's text on one line: breaks between CJK characters dropped, other runs of white
    space one space (as the HTML reader does), no white space at the ends: any Unicode white space, the
    ideographic (U+3000) and en/em spaces (U+2002, U+2003) editors pad blank boxes with among it."""
    return _normalise(text.replace("\t", " ")).strip()


def is_layout(cells: Sequence[GridCell]) -> bool:
    """Whether a table lays out a page rather than holding data: one column, or a cell over 200
    characters (the rule of the HTML reader); its cells are then read as paragraphs."""
    width = max((c.col + c.colspan for c in cells), default=0)
    return width < 2 or any(len(clean(c.text)) > MAX_LAYOUT_CELL for c in cells)


@attrs.frozen
class GridCell:
    """A table cell placed in its grid (0-based), merged cells as one cell with their spans."""

    text: str
    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1


_FIGURE: Final = re.compile(r"[-−]?\d[\d,.，]*")


def _label_columns(cells: Sequence[GridCell], texts: Sequence[str]) -> tuple[set[int], set[int]]:
    """The grid columns of a table that hold row labels and never a figure (a column where some row
    with figures has a label, a text that is not a figure, and no row has a figure), and the rows with
    figures. A page that draws an empty box beside a label that spans no sub-label column (（六）其他处理
    beside 1.属于国家秘密's column) leaves an empty cell there, which is not a blank cell of figures."""
    figure_rows: set[int] = set()
    figure_cols: set[int] = set()
    for cell, text in zip(cells, texts, strict=True):
        if _FIGURE.fullmatch(unicodedata.normalize("NFKC", text)):
            figure_rows.add(cell.row)
            figure_cols.update(range(cell.col, cell.col + cell.colspan))
    labelled: set[int] = set()
    for cell, text in zip(cells, texts, strict=True):
        if text and cell.row in figure_rows and cell.colspan == 1 and cell.col not in figure_cols:
            labelled.add(cell.col)
    return labelled - figure_cols, figure_rows


class Writer:
    """The text, tables and origins of one document, block by block."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.tables: list[Table] = []
        self.origins: list[Origin] = []
        self.paragraphs = 0
        self.table_count = 0
        # GP020 / GP021 of all the text written: code → [the first one's diagnostic, how many]
        self.cleaned: dict[str, tuple[Diagnostic, int]] = {}

    def _scrub(self, text: str) -> str:
        """``text`` without invisible characters (:func:`._decode.clean_text`), counted for :meth:`notes`."""
        cleaned, notes = clean_text(text, at=Span(self.length, self.length))
        for note in notes:
            if note.code == "GP020":
                count = len(text) - len(cleaned)
            else:  # GP021: a lone surrogate replaced by U+FFFD
                count = cleaned.count("\ufffd") - text.count("\ufffd")
            first, before = self.cleaned.get(note.code, (note, 0))
            self.cleaned[note.code] = (first, before + count)
        return cleaned

    def notes(self) -> list[Diagnostic]:
        """What was removed from the text written (GP020, GP021): one diagnostic each for the file."""
        return [
            diagnostic(code, "$", first.span, found=first.found, count=count)
            for code, (first, count) in self.cleaned.items()
        ]

    def _emit(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def paragraph(self, text: str, *, page: int | None = None) -> None:
        """One paragraph; its manual line breaks (``\n``) stay line breaks. Nothing for an empty one."""
        lines = [line for line in (clean(part) for part in self._scrub(text).split("\n")) if line]
        if not lines:
            return
        self.paragraphs += 1
        start = self.length
        body = "\n".join(lines)
        self._emit(body + "\n\n")
        self.origins.append(
            Origin(
                start=start,
                end=start + len(body),
                kind="paragraph",
                page=page,
                paragraph=self.paragraphs,
            )
        )

    def table(
        self,
        cells: Sequence[GridCell],
        *,
        pages: Sequence[int | None] = (),
        drawn_boxes: bool = False,
    ) -> None:
        """A data table from its cells (any order); ``pages[r]`` is the PDF page of grid row ``r``.
        ``drawn_boxes``: the grid comes from a page's ruling lines (PDF), where an empty box in a column
        of row labels is drawn, not a cell (:func:`_label_columns`)."""
        cells = sorted(cells, key=lambda c: (c.row, c.col))
        texts = [clean(self._scrub(c.text)) for c in cells]
        labels, figure_rows = _label_columns(cells, texts) if drawn_boxes else (set(), set())
        if (
            labels
        ):  # an empty box in a column of labels is no blank figure: it would shift the figures
            kept = [
                (cell, text)
                for cell, text in zip(cells, texts, strict=True)
                if text
                or cell.row not in figure_rows
                or not set(range(cell.col, cell.col + cell.colspan)) <= labels
            ]
            cells, texts = [c for c, _ in kept], [t for _, t in kept]
        width = max((c.col + c.colspan for c in cells), default=0)
        self.table_count += 1
        rows: dict[int, list[tuple[GridCell, str]]] = {}
        for cell, text in zip(cells, texts, strict=True):
            rows.setdefault(cell.row, []).append((cell, text))
        height = max(c.row + c.rowspan for c in cells)
        table_start = self.length
        placed: list[tuple[TableCell, ...]] = []
        for r in range(height):
            row = rows.get(r, [])
            row_page = pages[r] if r < len(pages) else None
            offset = self.length
            out: list[TableCell] = []
            for cell, text in row:
                out.append(
                    TableCell(
                        text,
                        cell.row,
                        cell.col,
                        cell.rowspan,
                        cell.colspan,
                        offset,
                        offset + len(text),
                    )
                )
                self.origins.append(
                    Origin(
                        start=offset,
                        end=offset + len(text),
                        kind="cell",
                        page=row_page,
                        table=self.table_count,
                        row=cell.row + 1,
                        column=cell.col + 1,
                    )
                )
                offset += len(text) + 3  # the " | " after it
            placed.append(tuple(out))
            if row:
                self._emit(" | ".join(text for _, text in row) + " |\n")
        self.tables.append(
            Table(rows=tuple(placed), width=width, span=Span(table_start, self.length))
        )
        self._emit("\n")

    def properties(self, lines: Sequence[str]) -> None:
        """Lines of the document's properties (label：value), written as a page's header block."""
        lines = [line for line in (clean(self._scrub(line)) for line in lines) if line]
        for line in lines:
            start = self.length
            self._emit(line + "\n")
            self.origins.append(Origin(start=start, end=start + len(line), kind="properties"))
        if lines:
            self._emit("\n")

    @property
    def text(self) -> str:
        text = "".join(self.parts).rstrip("\n")
        return text + "\n" if text else ""


def finish(writer: Writer, notes: Sequence[Diagnostic]) -> ParseResult:
    """Parse what the writer holds with the pipeline of :func:`~govdisclosure.parse.parse_html`."""
    text = writer.text
    context = Context(text)
    context.diagnostics.extend([*writer.notes(), *notes])
    result = _parse(text, context, join_wrapped=False, tables=tuple(writer.tables))
    return attrs.evolve(result, origins=tuple(writer.origins))


def failed(notes: Sequence[Diagnostic]) -> ParseResult:
    """The result for a file that could not be read at all: an empty report and the diagnostics saying why
    (not the pipeline's findings on empty text, which would bury the reason)."""
    return ParseResult(
        report=DisclosureReport(title="", year=None, format=ReportFormat.NARRATIVE),
        diagnostics=tuple(notes),
        text="",
    )


Reader = Callable[[bytes, Limits, Deadline, list[Diagnostic]], Writer | Diagnostic]
"""A file format's reader: the file's bytes, its bounds, its deadline and a list for its notes in; its blocks,
or the one diagnostic saying why it cannot be read, out."""


def read_file(
    source: str | os.PathLike[str] | bytes | bytearray,
    limits: Limits,
    reader: Reader,
    kind: str,
    notes: list[Diagnostic] | None = None,
) -> ParseResult:
    """Read one file (a path or its bytes) with ``reader`` within ``limits``, and parse what it gives."""
    deadline = Deadline(limits.max_seconds)
    data = read_source(source, limits, kind)
    if isinstance(data, Diagnostic):
        return failed([data])
    notes = [] if notes is None else notes
    read = reader(data, limits, deadline, notes)
    if isinstance(read, Diagnostic):
        return failed([read])
    return finish(read, notes)


def library(module: str, kind: str, what: str, extra: str) -> ModuleType | Diagnostic:
    """The library a file format needs, imported; or GP805 naming the extra that installs it."""
    try:
        return importlib.import_module(module)
    except ImportError:
        install = f"pip install 'govdisclosure[{extra}]'"
        return diagnostic("GP805", "$", None, kind=kind, what=what, install=install)
