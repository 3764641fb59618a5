"""Test-side oracles for the statutory tables, written apart from the renderers.

- :class:`HtmlTables`: the ``<table>`` elements of an HTML page as a real HTML parser (the standard library's)
  sees them, each resolved into a grid by the HTML table model (rowspan/colspan, a cell placed in the first
  free slot of its row).
- :func:`expected_cells`: every stored cell of a report's tables with the labels that head it, read from the
  model's metadata, and its value as the reference prints it.
"""

from __future__ import annotations

from decimal import Decimal
from html.parser import HTMLParser
from typing import Any, NamedTuple

from govdisclosure import (
    STATUTORY_SECTIONS,
    CellKind,
    DisclosureReport,
    Money,
    ReportFormat,
    Role,
    RowKind,
    StatutoryTables,
    statutory_body,
)

# --- HTML -------------------------------------------------------------------------------------------


class HtmlCell(NamedTuple):
    tag: str
    attrs: dict[str, str | None]
    text: str
    section: str  # thead or tbody
    section_index: int  # which thead/tbody of its table, from 0

    @property
    def rowspan(self) -> int:
        return int(self.attrs.get("rowspan") or 1)

    @property
    def colspan(self) -> int:
        return int(self.attrs.get("colspan") or 1)


class HtmlTable:
    """One ``<table>``: its attributes, caption, colgroups, rows of cells, and the grid they make."""

    def __init__(self, attrs: dict[str, str | None]) -> None:
        self.attrs = attrs
        self.caption = ""
        self.colgroups: list[int] = []
        self.rows: list[list[HtmlCell]] = []
        self.grid: list[list[HtmlCell]] = []

    def resolve(self) -> None:
        """Place each cell in the first free slot of its row and mark the slots its spans cover."""
        taken: dict[tuple[int, int], HtmlCell] = {}
        for r, row in enumerate(self.rows):
            c = 0
            for cell in row:
                while (r, c) in taken:
                    c += 1
                for dr in range(cell.rowspan):
                    for dc in range(cell.colspan):
                        assert (r + dr, c + dc) not in taken, (
                            f"overlapping cells at {(r + dr, c + dc)}"
                        )
                        taken[(r + dr, c + dc)] = cell
                c += cell.colspan
        width = 1 + max(c for _, c in taken)
        assert len(taken) == len(self.rows) * width, "the grid has holes or rows of unequal width"
        self.grid = [[taken[(r, c)] for c in range(width)] for r in range(len(self.rows))]

    def anchor(self, cell: HtmlCell) -> tuple[int, int]:
        for r, row in enumerate(self.grid):
            for c, other in enumerate(row):
                if other is cell:
                    return r, c
        raise KeyError(cell)

    @property
    def width(self) -> int:
        return len(self.grid[0])

    def row_headers(self, r: int, c: int) -> list[HtmlCell]:
        """The distinct ``th`` left of (r, c) in its grid row, left to right."""
        out: list[HtmlCell] = []
        for cell in self.grid[r][:c]:
            if cell.tag == "th" and cell not in out:
                out.append(cell)
        return out

    def column_headers(self, r: int, c: int) -> list[HtmlCell]:
        """The distinct column headers (``th`` with scope col or colgroup) above (r, c) in its grid column,
        top to bottom: the nearest run of them (table 二: the header row of the cell's own block)."""
        out: list[HtmlCell] = []
        for above in range(r - 1, -1, -1):
            cell = self.grid[above][c]
            if cell.tag == "th" and cell.attrs.get("scope") in ("col", "colgroup"):
                if cell not in out:
                    out.insert(0, cell)
            elif cell.tag == "td" and out:
                break
        return out


class HtmlTables(HTMLParser):
    """Every ``<table>`` of an HTML document."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[HtmlTable] = []
        self._table: HtmlTable | None = None
        self._cell: tuple[str, dict[str, str | None]] | None = None
        self._text: list[str] = []
        self._section = ""
        self._sections = -1
        self._in_caption = False
        self.feed(html)
        self.close()
        for table in self.tables:
            table.resolve()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "table":
            assert self._table is None, "nested table"
            self._table = HtmlTable(a)
            self._sections = -1
        elif self._table is None:
            return
        elif tag == "caption":
            self._in_caption = True
        elif tag == "colgroup":
            self._table.colgroups.append(int(a.get("span") or 1))
        elif tag in ("thead", "tbody"):
            self._section = tag
            self._sections += 1
        elif tag == "tr":
            self._table.rows.append([])
        elif tag in ("th", "td"):
            self._cell = (tag, a)
            self._text = []

    def handle_endtag(self, tag: str) -> None:
        if self._table is None:
            return
        if tag == "caption":
            self._in_caption = False
        elif tag in ("th", "td") and self._cell is not None:
            cell_tag, attrs = self._cell
            self._table.rows[-1].append(
                HtmlCell(cell_tag, attrs, "".join(self._text), self._section, self._sections)
            )
            self._cell = None
        elif tag == "table":
            self.tables.append(self._table)
            self._table = None

    def handle_data(self, data: str) -> None:
        if self._table is None:
            return
        if self._in_caption:
            self._table.caption += data
        elif self._cell is not None:
            self._text.append(data)


# --- what the model says ----------------------------------------------------------------------------


def printed(value: Any, kind: CellKind) -> str:
    """A figure as the format prints it, written here apart from the renderers."""
    if value is None:
        return ""
    if kind is CellKind.SIGNED:
        return "0" if value == 0 else ("+" if value > 0 else "-") + str(abs(value))
    if kind is CellKind.AMOUNT:
        assert isinstance(value, Decimal)
        return f"{value:f}"
    if kind is CellKind.MONEY:
        assert isinstance(value, Money)
        amount = value.yuan / value.unit.factor
        text = (
            f"{amount.normalize():f}" if amount != amount.to_integral_value() else str(int(amount))
        )
        return text + value.unit.value
    return str(value)


class Expected(NamedTuple):
    """A stored cell: which table, its id (row key . column key), the labels heading it, its value."""

    table: str
    key: str
    block: str | None  # table 二: the block title
    rows: tuple[str, ...]  # row labels, outermost first (table 四: none)
    columns: tuple[str, ...]  # column labels, outermost first
    value: Any
    kind: CellKind


def expected_cells(tables: StatutoryTables) -> list[Expected]:
    """Every stored cell, in printed order, with its headers from the metadata."""
    out = []
    t2 = tables.t2
    for block in t2.BLOCKS:
        for spec in block.rows:
            cells = getattr(t2.rows, spec.key)
            for column in block.columns:
                out.append(
                    Expected(
                        "t2",
                        f"{spec.key}.{column.key}",
                        block.title,
                        (spec.label,),
                        (column.label,),
                        getattr(cells, column.key),
                        column.kind,
                    )
                )
    t3 = tables.t3
    specs = {spec.key: spec for spec in t3.ROWS}
    for spec in t3.ROWS:
        if spec.kind is not RowKind.DATA:
            continue
        path = [spec.label]
        parent = spec.parent
        while parent is not None:
            path.insert(0, specs[parent].label)
            parent = specs[parent].parent
        for column in t3.COLUMNS:
            out.append(
                Expected(
                    "t3",
                    f"{spec.key}.{column.key}",
                    None,
                    tuple(path),
                    (*column.headers, column.label),
                    getattr(getattr(t3.rows, spec.key), column.key),
                    column.kind,
                )
            )
    for group in tables.t4.GROUPS:
        for column in group.columns:
            out.append(
                Expected(
                    "t4",
                    f"{group.key}.{column.key}",
                    None,
                    (),
                    (*group.headers, group.label, column.label),
                    getattr(getattr(tables.t4, group.key), column.key),
                    column.kind,
                )
            )
    return out


CAPTIONS = {
    "t2": next(h.heading for h in STATUTORY_SECTIONS if h.role is Role.PROACTIVE_DISCLOSURE),
    "t3": next(h.heading for h in STATUTORY_SECTIONS if h.role is Role.REQUESTS),
    "t4": next(h.heading for h in STATUTORY_SECTIONS if h.role is Role.REVIEW_AND_LITIGATION),
}


def statutory_report(tables: StatutoryTables, **body: Any) -> DisclosureReport:
    """A report of the tables' format with the six standard sections around them."""
    return DisclosureReport(
        title="报告",
        year=2022,
        format=ReportFormat(tables.version),
        body=statutory_body(**body),
        tables=tables,
    )
