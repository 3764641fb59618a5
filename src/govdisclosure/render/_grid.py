"""The statutory tables laid out as the formats print them, for every renderer.

A :class:`Grid` is one table as the reference lays it out (format reference §3–5): rows of cells anchored at a
grid position with their row and column spans, header cells marked as such, each value cell with the header
cells that label it. It is built from the model's metadata (``BLOCKS``, ``ROWS``, ``COLUMNS``, ``GROUPS``,
``CORNER``), never from copies of the labels, so a label exists in one place: the model. HTML, text and DOCX
draw the grid; Markdown, which has no merged cells, writes the flattened form of :func:`flat_tables`.

The layouts:

- Table 二: one column of labels and as many figure columns as the widest block (3). Each block is a row group:
  its title row (one cell spanning every column), its header row (信息内容 and the block's column headers) and
  its data rows; in a block with fewer columns the last one spans the remaining columns.
- Table 三: three label columns (the depth of the row tree) and the seven applicant columns. The header rows
  are the column tree: 申请人情况 over the seven, 法人或其他组织 over its five, 自然人 and 总计 spanning down;
  the corner cell (the 勾稽关系 text) spans the label columns and the header rows. Each data row is a grid row;
  a heading without figures (三、本年度办理结果, 20 or 22 rows) and a computed sum (（三）（四）（五）, and
  （六） in 2021) are a cell spanning the rows of their sub-rows, as the format prints them: the sums have no
  row and no figures of their own. A label spans the label columns left of it to the right edge.
- Table 四: the column tree of the three groups (行政复议 over five, 行政诉讼 over 未经复议直接起诉 and 复议后起诉
  over five each; a leaf spans down to the last header row) and one data row of fifteen cells.

Placement: each table goes in the section of its role (二 proactive_disclosure, 三 requests, 四
review_and_litigation), after the section's own paragraphs and before its sub-sections; a table whose section
is missing goes after the body.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from enum import StrEnum
from typing import Any, Final, NamedTuple

from govdisclosure.model import (
    STATUTORY_TABLES,
    TABLE_KEYS,
    CellKind,
    ColumnSpec,
    DisclosureReport,
    Money,
    RowKind,
    RowSpec,
    StatutoryTables,
)
from govdisclosure.render._common import Node, walk

TABLE_ROLES: Final = {table.key: table.role for table in STATUTORY_TABLES}
"""The role of the section each table belongs in."""

_CAPTIONS: Final = {table.key: table.heading for table in STATUTORY_TABLES}

LABEL_SEPARATOR: Final = " / "
"""What joins a merged header to the labels under it where a rendering flattens the table (Markdown)."""


def format_value(value: object, kind: CellKind) -> str:
    """A figure as every rendering prints it; blank (None) is the empty string.

    >>> from decimal import Decimal
    >>> from govdisclosure.model import Money, MoneyUnit
    >>> [format_value(v, CellKind.SIGNED) for v in (4, -2, 0)]
    ['+4', '-2', '0']
    >>> format_value(Decimal("286.45"), CellKind.AMOUNT), format_value(None, CellKind.COUNT)
    ('286.45', '')
    >>> format_value(Money(251000), CellKind.MONEY), format_value(Money(12894000, MoneyUnit.WAN_YUAN), CellKind.MONEY)
    ('251000元', '1289.4万元')
    """
    if value is None:
        return ""
    if kind is CellKind.SIGNED and isinstance(value, int):
        return f"{value:+d}" if value else "0"
    if kind is CellKind.AMOUNT and isinstance(value, Decimal):
        return format(value, "f")  # never an exponent: 1E+3 is 1000
    if kind is CellKind.MONEY and isinstance(value, Money):
        return f"{value.in_unit():f}{value.unit.value}"
    return str(value)


class CellRole(StrEnum):
    """What a grid cell is (单元格类别); each member is equal to its value (``cell.role == "value"``)."""

    CORNER = "corner"
    """Table 三's top-left cell (the 勾稽关系 text)."""
    TITLE = "title"
    """A block title of table 二."""
    COLUMN = "column"
    """A column header."""
    ROW = "row"
    """A row label, a heading or a computed sum spanning its sub-rows."""
    VALUE = "value"
    """A figure (blank where not reported)."""


class Cell(NamedTuple):
    """A cell of a :class:`Grid`, anchored at ``(row, col)`` (0-based) and spanning ``rowspan`` × ``colspan``."""

    text: str
    """What the cell shows: a label as the model's metadata prints it, or a figure (:func:`format_value`)."""
    row: int
    col: int
    rowspan: int
    colspan: int
    role: CellRole
    """What the cell is: :class:`CellRole` (``corner``, ``title``, ``column``, ``row`` or ``value``)."""
    scope: str | None
    """For a header cell, what it heads: ``col``, ``colgroup``, ``row`` or ``rowgroup``; None otherwise."""
    key: str
    """The cell's id within its table: a row key (``received``), ``block1`` …, ``h<row>.<col>`` (a column header,
    1-based) or, for a value, ``<row key>.<column key>`` (``received.natural_person``; table 四:
    ``review.upheld``). Empty for the corner."""
    headers: tuple[str, ...] = ()
    """For a value, the keys of its header cells: the block title, the row headers (outermost first), then
    the column headers (top first)."""
    kind: CellKind | None = None
    """For a value, what its column holds."""
    row_kind: RowKind | None = None
    """For a row header, what the row is (a data row, a computed sum, a heading)."""
    value: Any = None
    """For a value, the model's value (None where blank)."""

    @property
    def header(self) -> bool:
        """Whether the cell is a header cell (``th``): titles, column headers and row headers."""
        return self.role in (CellRole.TITLE, CellRole.COLUMN, CellRole.ROW)

    @property
    def blank(self) -> bool:
        """A value cell that is blank (not reported)."""
        return self.role == CellRole.VALUE and self.value is None


class RowGroup(NamedTuple):
    """Consecutive grid rows: the header rows (``head``) or a group of body rows."""

    head: bool
    rows: tuple[tuple[Cell, ...], ...]
    """The cells anchored in each row, left to right."""
    first: int
    """The grid row of the first row."""


class Grid(NamedTuple):
    """One statutory table laid out as the reference prints it."""

    key: str
    """``t2``, ``t3`` or ``t4``."""
    caption: str
    """The table's title: its section's heading (主动公开政府信息情况 …)."""
    columns: int
    """The number of grid columns."""
    colgroups: tuple[int, ...]
    """The spans of the column groups: the label columns, then each top-level column header."""
    groups: tuple[RowGroup, ...]
    rules: frozenset[int]
    """The grid rows that end a run of header rows (where a text rendering draws a rule)."""
    head_rows: int
    """The number of header rows at the top (repeated on each page by DOCX); 0 for table 二."""

    @property
    def rows(self) -> int:
        return sum(len(group.rows) for group in self.groups)

    def cells(self) -> list[Cell]:
        """Every cell, row by row."""
        return [cell for group in self.groups for row in group.rows for cell in row]

    def owners(self) -> list[list[Cell]]:
        """The cell that covers each place of the grid (its anchor or a place its spans cover), row by row.

        >>> from govdisclosure.model import StatutoryTablesV2019
        >>> owners = table_grid(StatutoryTablesV2019(), "t3").owners()
        >>> owners[2][0].text[:5], owners[2][3].text, owners[2][4].text
        ('（本列数据', '自然人', '商业企业')
        """
        places: list[list[Cell | None]] = [[None] * self.columns for _ in range(self.rows)]
        for cell in self.cells():
            for r in range(cell.row, cell.row + cell.rowspan):
                places[r][cell.col : cell.col + cell.colspan] = [cell] * cell.colspan
        out: list[list[Cell]] = []
        for r, row in enumerate(places):
            full = [cell for cell in row if cell is not None]
            if len(full) != self.columns:  # pragma: no cover - the builders cover every place
                raise AssertionError(f"{self.key}: a place of row {r} is not covered")
            out.append(full)
        return out


def _column_headers(
    paths: Sequence[tuple[str, ...]], first_col: int
) -> tuple[list[list[Cell]], dict[int, list[str]]]:
    """The header rows of a tree of columns given as label paths (outermost first): consecutive columns
    under the same header share one cell; a leaf spans down to the last header row. Also the keys of the
    header cells above each column."""
    depth = max(len(path) for path in paths)
    rows: list[list[Cell]] = [[] for _ in range(depth)]
    above: dict[int, list[str]] = {first_col + j: [] for j in range(len(paths))}
    for level in range(depth):
        j = 0
        while j < len(paths):
            path = paths[j]
            if len(path) <= level:
                j += 1
                continue
            k = j + 1
            if len(path) > level + 1:  # not a leaf: gather the columns under the same header
                while k < len(paths) and paths[k][: level + 1] == path[: level + 1]:
                    k += 1
            leaf = len(path) == level + 1
            col = first_col + j
            key = f"h{level + 1}.{col + 1}"
            scope = "col" if leaf or level > 0 else "colgroup"
            rows[level].append(
                Cell(
                    path[level],
                    level,
                    col,
                    depth - level if leaf else 1,
                    k - j,
                    CellRole.COLUMN,
                    scope,
                    key,
                )
            )
            for c in range(col, first_col + k):
                above[c].append(key)
            j = k
    return rows, above


def _data_rows(specs: Sequence[RowSpec]) -> int:
    return sum(1 for spec in specs if spec.kind is RowKind.DATA)


def _t2(t2: Any) -> Grid:
    blocks = t2.BLOCKS
    figures = max(len(block.columns) for block in blocks)
    width = 1 + figures
    groups: list[RowGroup] = []
    rules = set()
    r = 0
    for n, block in enumerate(blocks, 1):
        first = r
        title = f"block{n}"
        rows: list[tuple[Cell, ...]] = [
            (Cell(block.title, r, 0, 1, width, CellRole.TITLE, "rowgroup", title),)
        ]
        r += 1
        head = [Cell(block.header, r, 0, 1, 1, CellRole.COLUMN, "col", f"h{r + 1}.1")]
        spans = []
        for j, column in enumerate(block.columns):
            span = 1 if j < len(block.columns) - 1 else figures - j
            head.append(
                Cell(column.label, r, 1 + j, 1, span, CellRole.COLUMN, "col", f"h{r + 1}.{j + 2}")
            )
            spans.append(span)
        rows.append(tuple(head))
        rules.add(r)
        r += 1
        for spec in block.rows:
            cells = getattr(t2.rows, spec.key)
            row = [Cell(spec.label, r, 0, 1, 1, CellRole.ROW, "row", spec.key, row_kind=spec.kind)]
            for j, (column, span) in enumerate(zip(block.columns, spans, strict=True)):
                value = getattr(cells, column.key)
                row.append(
                    Cell(
                        format_value(value, column.kind),
                        r,
                        1 + j,
                        1,
                        span,
                        CellRole.VALUE,
                        None,
                        f"{spec.key}.{column.key}",
                        (title, spec.key, head[1 + j].key),
                        column.kind,
                        value=value,
                    )
                )
            rows.append(tuple(row))
            r += 1
        groups.append(RowGroup(False, tuple(rows), first))
    return Grid("t2", _CAPTIONS["t2"], width, (1, figures), tuple(groups), frozenset(rules), 0)


def _t3(t3: Any) -> Grid:
    specs: tuple[RowSpec, ...] = t3.ROWS
    columns: tuple[ColumnSpec, ...] = t3.COLUMNS
    by_key = {spec.key: spec for spec in specs}
    labels = 1 + max(spec.depth for spec in specs)
    head_rows, above = _column_headers([(*c.headers, c.label) for c in columns], labels)
    depth = len(head_rows)
    head_rows[0].insert(0, Cell(t3.CORNER, 0, 0, depth, labels, CellRole.CORNER, None, ""))

    def subtree(spec: RowSpec) -> list[RowSpec]:
        out = []
        for child in spec.children:
            out.append(by_key[child])
            out.extend(subtree(by_key[child]))
        return out

    def ancestors(spec: RowSpec) -> list[str]:
        keys: list[str] = []
        while spec.parent is not None:
            spec = by_key[spec.parent]
            keys.insert(0, spec.key)
        return keys

    def top(spec: RowSpec) -> RowSpec:
        while spec.parent is not None:
            spec = by_key[spec.parent]
        return spec

    groups = [RowGroup(True, tuple(tuple(row) for row in head_rows), 0)]
    pending: list[RowSpec] = []
    body: list[tuple[Cell, ...]] = []
    segment: str | None = None
    r = depth
    for spec in specs:
        if spec.kind is not RowKind.DATA:
            pending.append(spec)
            continue
        root = top(spec)
        this = root.key if root.kind is not RowKind.DATA else "data"
        if body and this != segment:
            groups.append(RowGroup(False, tuple(body), r - len(body)))
            body = []
        segment = this
        row = [
            Cell(
                heading.label,
                r,
                heading.depth,
                _data_rows(subtree(heading)),
                1,
                CellRole.ROW,
                "rowgroup" if heading.depth == 0 else "row",
                heading.key,
                row_kind=heading.kind,
            )
            for heading in pending
        ]
        pending = []
        row.append(
            Cell(
                spec.label,
                r,
                spec.depth,
                1,
                labels - spec.depth,
                CellRole.ROW,
                "row",
                spec.key,
                row_kind=spec.kind,
            )
        )
        row_headers = (*ancestors(spec), spec.key)
        cells = getattr(t3.rows, spec.key)
        for j, column in enumerate(columns):
            value = getattr(cells, column.key)
            col = labels + j
            row.append(
                Cell(
                    format_value(value, column.kind),
                    r,
                    col,
                    1,
                    1,
                    CellRole.VALUE,
                    None,
                    f"{spec.key}.{column.key}",
                    (*row_headers, *above[col]),
                    column.kind,
                    value=value,
                )
            )
        body.append(tuple(row))
        r += 1
    groups.append(RowGroup(False, tuple(body), r - len(body)))
    colgroups = (labels, *(cell.colspan for cell in head_rows[0][1:]))
    return Grid(
        "t3",
        _CAPTIONS["t3"],
        labels + len(columns),
        colgroups,
        tuple(groups),
        frozenset({depth - 1}),
        depth,
    )


def _t4(t4: Any) -> Grid:
    columns = [(group, column) for group in t4.GROUPS for column in group.columns]
    head_rows, above = _column_headers(
        [(*group.headers, group.label, column.label) for group, column in columns], 0
    )
    depth = len(head_rows)
    row = []
    for col, (group, column) in enumerate(columns):
        value = getattr(getattr(t4, group.key), column.key)
        row.append(
            Cell(
                format_value(value, column.kind),
                depth,
                col,
                1,
                1,
                CellRole.VALUE,
                None,
                f"{group.key}.{column.key}",
                tuple(above[col]),
                column.kind,
                value=value,
            )
        )
    groups = (
        RowGroup(True, tuple(tuple(r) for r in head_rows), 0),
        RowGroup(False, (tuple(row),), depth),
    )
    colgroups = tuple(cell.colspan for cell in head_rows[0])
    return Grid(
        "t4", _CAPTIONS["t4"], len(columns), colgroups, groups, frozenset({depth - 1}), depth
    )


_BUILDERS: Final = {"t2": _t2, "t3": _t3, "t4": _t4}


def table_grid(tables: StatutoryTables, key: str) -> Grid:
    """The table ``key`` (``t2``, ``t3``, ``t4``) of ``tables`` laid out as its format prints it.

    >>> from govdisclosure.model import StatutoryTablesV2021
    >>> grid = table_grid(StatutoryTablesV2021(), "t3")
    >>> grid.columns, grid.rows, grid.head_rows, grid.colgroups
    (10, 28, 3, (3, 7))
    >>> [(c.text, c.rowspan) for c in grid.cells() if c.row_kind is not None and c.row_kind.value != "data"]
    [('三、本年度办理结果', 22), ('（三）不予公开', 8), ('（四）无法提供', 3), ('（五）不予处理', 5), ('（六）其他处理', 3)]
    """
    return _BUILDERS[key](getattr(tables, key))


# -------------------------------------------------------------------------------------------------
# Flattened, for a format without merged cells


class FlatTable(NamedTuple):
    """A table without merged cells: a header row and data rows of the same length."""

    title: str | None
    """A line to print above the table (table 二: the block title), or None."""
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    figures: int
    """How many columns at the right hold figures (the others hold labels)."""


def flat_tables(tables: StatutoryTables, key: str) -> tuple[FlatTable, ...]:
    """The table ``key`` without merged cells. A merged header is repeated in the label of every row or
    column under it, joined by `` / `` (``三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密``). Table 二 is one
    table per block, titled by the block; table 三 keeps its layout (data rows only: the computed sums are not
    printed, as in the format); table 四 is transposed to one row per group (its groups share their columns).

    >>> from govdisclosure.model import StatutoryTablesV2019
    >>> [t.header for t in flat_tables(StatutoryTablesV2019(), "t4")]
    [('', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计')]
    >>> [row[0] for row in flat_tables(StatutoryTablesV2019(), "t4")[0].rows]
    ['行政复议', '行政诉讼 / 未经复议直接起诉', '行政诉讼 / 复议后起诉']
    """
    table = getattr(tables, key)
    flatten = {"t2": _flat_t2, "t3": _flat_t3, "t4": _flat_t4}[key]
    return flatten(table)


def _flat_t2(table: Any) -> tuple[FlatTable, ...]:
    out = []
    for block in table.BLOCKS:
        rows: list[tuple[str, ...]] = []
        for spec in block.rows:
            cells = getattr(table.rows, spec.key)
            figures = (format_value(getattr(cells, c.key), c.kind) for c in block.columns)
            rows.append((spec.label, *figures))
        header = (block.header, *(c.label for c in block.columns))
        out.append(FlatTable(block.title, header, tuple(rows), len(block.columns)))
    return tuple(out)


def _flat_t3(table: Any) -> tuple[FlatTable, ...]:
    by_key = {spec.key: spec for spec in table.ROWS}

    def path(spec: RowSpec) -> tuple[str, ...]:
        return (*path(by_key[spec.parent]), spec.label) if spec.parent else (spec.label,)

    columns: tuple[ColumnSpec, ...] = table.COLUMNS
    rows: list[tuple[str, ...]] = []
    for spec in table.data_rows():
        cells = getattr(table.rows, spec.key)
        figures = (format_value(getattr(cells, c.key), c.kind) for c in columns)
        rows.append((LABEL_SEPARATOR.join(path(spec)), *figures))
    header = (table.CORNER, *(LABEL_SEPARATOR.join((*c.headers, c.label)) for c in columns))
    return (FlatTable(None, header, tuple(rows), len(columns)),)


def _flat_t4(table: Any) -> tuple[FlatTable, ...]:
    groups = table.GROUPS
    columns: tuple[ColumnSpec, ...] = groups[0].columns
    if any(group.columns != columns for group in groups):  # pragma: no cover - the format's shape
        raise AssertionError("the groups of table 四 differ in their columns")
    rows: list[tuple[str, ...]] = []
    for group in groups:
        cells = getattr(table, group.key)
        figures = (format_value(getattr(cells, c.key), c.kind) for c in columns)
        rows.append((LABEL_SEPARATOR.join((*group.headers, group.label)), *figures))
    return (FlatTable(None, ("", *(c.label for c in columns)), tuple(rows), len(columns)),)


# -------------------------------------------------------------------------------------------------
# Placement


class Placement(NamedTuple):
    """Where each table of a report goes."""

    after: dict[str, tuple[str, ...]]
    """By path id of a node: the tables printed after that node's own paragraphs, before its children."""
    end: tuple[str, ...]
    """The tables whose section is missing, printed after the body."""


def place_tables(report: DisclosureReport, nodes: tuple[Node, ...]) -> Placement:
    """Each table in the first node (depth first) of its role; the others after the body."""
    if report.tables is None:
        return Placement({}, ())
    wanted = {role: key for key, role in TABLE_ROLES.items()}
    after: dict[str, tuple[str, ...]] = {}
    for node in walk(nodes):
        key = wanted.pop(node.node.role, None) if node.node.role is not None else None
        if key is not None:
            after[node.id] = (*after.get(node.id, ()), key)
        if not wanted:
            break
    placed = {key for keys in after.values() for key in keys}
    return Placement(after, tuple(key for key in TABLE_KEYS if key not in placed))
