"""The statutory tables 二, 三 and 四 read from a page's table rows (表格解析).

Hand-written: no library reads these tables from the ways pages flatten them. One reader serves every
source; what it is given is a run of rows, each a list of cells (text and where it is in the source):

- HTML: the rows of a ``<table>``, each cell placed in the grid (its column after row and column spans);
- text with a line per row, cells ended by ``|`` (``规章 | 0 | 0 | 0 |``; the text rendering's layout, and
  pages whose tables text extraction flattened so); rule lines (``----+----+``) are skipped;
- text with a cell per line, each ended by ``|`` (``规章 |`` then ``0 |`` …); there a line of pipes alone
  (``||``, ``|||``) is what was left of empty or merged cells at a row's end, and is skipped;
- text with cells between tabs, or a cell a line or a paragraph without ``|``;
- text of labels and figures between spaces: where the columns are aligned by spaces (a table pasted as
  text), a row's figures are placed by where they stand on the line (:func:`_align`), so that a blank
  cell that only spaces show stays blank in its column.
- text whose row labels have their figures run on to them, one run of digits (``规章000``): the run is a
  cell, which the reader reads one digit a column only where it has as many digits as the row has
  columns (the one reading; GP515), and otherwise leaves blank (GP516).

The reader walks the cells in reading order and is led by the labels (a label is matched after normalising,
with tolerance: :mod:`._labels`). A label of table 二, 三 or 四 starts (or resumes) that table; a row label
starts a row, and the figures after it, up to the next label, are its cells in column order (the cells of a
row are never placed by guesswork: a row with more figures than columns, or fewer, is reported and left
blank). Table 四 has no row labels: its 15 figures are the cells of the rows under its header. The format
(2019 or 2021) is told by the labels only one format has (行政规范性文件, 本年制发件数 … against 规范性文件,
本年新制作数量 …), else by the report's year.

A table is read as far as it goes: a run that ends inside a row gives that row the figures it has, and the
reader says where the table stopped (GP504). Rows the format has but the page lacks are blank and reported.
"""

from __future__ import annotations

import enum
import functools
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from decimal import Decimal
from itertools import combinations, pairwise
from typing import Any, Final, NamedTuple, Protocol

import attrs

from govdisclosure.model import (
    STATUTORY_TABLES,
    CellKind,
    ColumnSpec,
    Money,
    MoneyUnit,
    ReportFormat,
    RowKind,
    Span,
    StatutoryTables,
    StatutoryTablesV2019,
    StatutoryTablesV2021,
    Table2V2019,
    Table2V2021,
    Table3V2019,
    Table3V2021,
    Table4,
)
from govdisclosure.parse._context import Context
from govdisclosure.parse._html import Table, TableCell
from govdisclosure.parse._labels import (
    LABELS,
    ROW_ROLES,
    LabelRole,
    Match,
    glued_lead,
    match_label,
    normalise,
    owners,
    versions_of,
)
from govdisclosure.parse._lines import Line
from govdisclosure.parse._vocabulary import TABLE_BLANK_MARKS, TABLE_CORNER_WORD
from govdisclosure.parse._wrapped import unwrap_rows

__all__ = [
    "NO_TABLES",
    "Cell",
    "TablesRead",
    "TokenKind",
    "read_tables",
    "split_cells",
    "table_runs",
]

V2019, V2021 = ReportFormat.V2019, ReportFormat.V2021
_NAMES: Final = {table.key: table.numeral for table in STATUTORY_TABLES}
_T2: Final[dict[ReportFormat, Any]] = {V2019: Table2V2019, V2021: Table2V2021}
_T3: Final[dict[ReportFormat, Any]] = {V2019: Table3V2019, V2021: Table3V2021}
_MINUS: Final = str.maketrans({"−": "-", "–": "-", "﹣": "-"})
_FIGURE: Final = re.compile(
    r"(?P<sign>[+\-])?(?P<number>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<fraction>\d+))?"
    r"(?P<unit>万元|亿元|元|件|个|项|条|次|宗)?"
)
_ROW_ROLES: Final = frozenset(ROW_ROLES.values())
_MONEY_UNITS: Final = {"元": MoneyUnit.YUAN, "万元": MoneyUnit.WAN_YUAN, "亿元": MoneyUnit.YI_YUAN}
_RULE: Final = re.compile(r"[-+]*\+[-+]*")
_MIN_LONE_LABEL: Final = (
    8  # a row label this long, alone with its figures, is a table's row by itself
)
_MAX_CELL_WORD: Final = (
    3  # a word this long or shorter among a row's figures is a cell (无), not a label
)


class Cell(NamedTuple):
    """A cell as the reader gets it: its text (stripped), where it is in the source, its grid column
    where the source has a grid (HTML), and where it stands on its line in text whose columns are aligned
    by spaces (display columns, a wide character two).

    A named tuple (immutable, compared by value) rather than an attrs class: a table page makes hundreds,
    and a tuple is made in a third of the time of a frozen attrs instance."""

    text: str
    start: int
    end: int
    col: int | None = None
    x: tuple[int, int] | None = None


def split_cells(text: str, source: int) -> list[Cell]:
    """The cells of a text line, each ended by ``|`` (or ``｜``); text after the last ``|`` is a cell too
    when it is not blank.

    >>> [c.text for c in split_cells("规章 | 0 |  | 3 |", 0)]
    ['规章', '0', '', '3']
    >>> [c.text for c in split_cells("||", 0)], [c.text for c in split_cells("行政许可 | 0", 0)]
    (['', ''], ['行政许可', '0'])
    """
    parts = _PIPE.split(text)
    if not parts[-1].strip():
        parts.pop()  # nothing after the last | (or nothing at all)
    cells: list[Cell] = []
    start = source
    for part in parts:
        stripped = part.strip()
        left = start + len(part) - len(part.lstrip())
        cells.append(Cell(stripped, left, left + len(stripped)))
        start += len(part) + 1
    return cells


_PIPE: Final = re.compile("[|｜]")


class TokenKind(enum.StrEnum):
    """What a cell is to the reader."""

    BLANK = "blank"
    """empty, or a mark printed for 'none' (``-``, ``/``, ``—``)"""
    FIGURE = "figure"
    """a number (with its sign and unit where printed)"""
    TEXT = "text"
    """anything else: a label, or a word where a figure should be (无)"""


class _Token:
    """A cell in reading order, as a :class:`TokenKind`.

    A plain class with slots rather than an attrs one: hundreds are made per table page, and an attrs
    frozen class's ``__init__`` costs twice as much; tokens are never compared, hashed or changed."""

    __slots__ = ("cell", "figure", "kind", "line", "norm")

    def __init__(
        self,
        cell: Cell,
        kind: TokenKind,
        norm: str,
        line: int,
        figure: re.Match[str] | None = None,
    ) -> None:
        self.cell = cell
        self.kind = kind
        self.norm = norm
        self.line = line
        self.figure = figure


def _token(cell: Cell, line: int) -> _Token:
    kind, norm, figure = _classify(cell.text)
    return _Token(cell, kind, norm, line, figure)


@functools.lru_cache(maxsize=8192)
def _classify(text: str) -> tuple[TokenKind, str, re.Match[str] | None]:
    """What a cell's text is to the reader: its kind, its text as compared, its figure (cached: a page's
    cells are mostly the same few labels and small figures, and the same on every page)."""
    if not text:
        return TokenKind.BLANK, "", None
    flat = unicodedata.normalize("NFKC", text).strip().translate(_MINUS)  # 1 1 is not 11
    if flat in TABLE_BLANK_MARKS:
        return TokenKind.BLANK, flat, None
    m = _FIGURE.fullmatch(flat)
    if m is None and flat[:1] in _FIGURE_LEAD:
        # 减4 / 增2 (本年增/减 in words), or a figure after a character the page lost (? 0, \ufffd0)
        flat = (_FIGURE_LEAD[flat[0]] + flat[1:].lstrip()).strip()
        m = _FIGURE.fullmatch(flat)
    if m is not None:
        return TokenKind.FIGURE, flat, m
    return TokenKind.TEXT, normalise(text), None


_FIGURE_LEAD: Final = {"减": "-", "增": "+", "?": "", "\ufffd": ""}


def _cell_like(token: _Token) -> bool:
    """A short word (无, 不详) that stands where a figure should: a cell, not a label."""
    return len(token.norm) <= _MAX_CELL_WORD


@attrs.frozen
class TablesRead:
    """What the reader found: the tables (None when none was found), the lines they were read from, and
    the format they are in."""

    tables: StatutoryTables | None
    lines: frozenset[int]
    """the indices of the source lines the tables were read from (not body text)"""
    version: ReportFormat | None


NO_TABLES: Final = TablesRead(None, frozenset(), None)
"""What a page without tables gives."""


# -------------------------------------------------------------------------------------------------
# Cells


class _Reporter(Protocol):
    """Where :func:`_value` says what it could not read: the parse's context, or a reader's pending notes."""

    def report(self, code: str, path: str, span: Span | None, **fields: object) -> None: ...


def _value(token: _Token, column: ColumnSpec, where: str, context: _Reporter) -> Any:
    """The value of a cell for its column, or None (blank, or not a figure of this column: GP506)."""
    if token.kind is TokenKind.BLANK:
        return None
    m = token.figure
    if m is not None and _accepts(m, column.kind):
        sign, unit, fraction = m.group("sign"), m.group("unit"), m.group("fraction")
        digits = m.group("number").replace(",", "")
        kind = column.kind
        if kind is CellKind.COUNT:
            return int(digits)
        if kind is CellKind.SIGNED:
            return -int(digits) if sign == "-" else int(digits)
        if kind in (CellKind.AMOUNT, CellKind.MONEY):
            number = Decimal(digits + ("." + fraction if fraction else ""))
            if kind is CellKind.AMOUNT:  # in 万元, as the header says
                if unit is None or unit == "万元":
                    return number
                return number * _MONEY_UNITS[unit].factor / MoneyUnit.WAN_YUAN.factor
            if unit is None:
                context.report(
                    "GP512", where, _span(token), found=token.cell.text, column=column.label
                )
                return Money(number)
            money_unit = _MONEY_UNITS[unit]
            return Money(number * money_unit.factor, money_unit)
    context.report("GP506", where, _span(token), found=token.cell.text, column=column.label)
    return None


def _accepts(m: re.Match[str], kind: CellKind) -> bool:
    """Whether a figure is one a column of this kind holds (a count has no sign, no decimals and no
    money unit; a signed change no decimals nor money unit; an amount no minus sign)."""
    sign, unit, fraction = m.group("sign"), m.group("unit"), m.group("fraction")
    if kind is CellKind.COUNT:
        return sign is None and fraction is None and unit not in _MONEY_UNITS
    if kind is CellKind.SIGNED:
        return fraction is None and unit not in _MONEY_UNITS
    return sign != "-" and unit in (None, *_MONEY_UNITS)  # an amount, or money


def _fits(token: _Token, column: ColumnSpec) -> bool:
    """Whether a cell may stand in a column: a blank anywhere, a figure where its form fits."""
    if token.kind is TokenKind.BLANK:
        return True
    return token.figure is not None and _accepts(token.figure, column.kind)


def _placed(tokens: Sequence[_Token], columns: Sequence[ColumnSpec]) -> tuple[int, ...] | None:
    """The columns of a row's figures where the layout lost its blank cells and the figures' form says
    where each one stands; None where nothing is to be placed or the form does not say.

    A row with fewer figures than columns is placed by form when its layout gives no place (fewer cells
    than columns: blank cells left no trace), or gives one where a figure cannot stand (a signed +239 under
    上一年项目数量: the empty cell before it was dropped and one added after, ``行政处罚 | +239 | 239 | |``);
    and then only when exactly one order-keeping placement fits every figure to its column (+239 can only
    be 本年增/减, and 239 after it only 处理决定数量). Where several fit, nothing is placed: the row is read
    as laid, a misfit reported (GP506), a short row left blank (GP503).
    """
    figures = [t for t in tokens if t.kind is not TokenKind.BLANK]
    if not figures or len(figures) >= len(columns) or any(t.figure is None for t in figures):
        return None
    if len(tokens) >= len(columns) and all(
        _fits(t, c) for t, c in zip(tokens, columns, strict=False)
    ):
        return None  # the layout places every cell, and every figure may stand where it is
    found: tuple[int, ...] | None = None
    for places in combinations(range(len(columns)), len(figures)):
        if all(_fits(t, columns[k]) for t, k in zip(figures, places, strict=True)):
            if found is not None:
                return None  # more than one placement fits: the form does not say
            found = places
    return found


def _glued(label: _Token, token: _Token) -> bool:
    """Whether a figure is glued to the row label before it (规章000): no cell of any layout touches the
    one before it, but the run of digits the line reader cut off a label (:func:`_glued_cells`)."""
    return token.kind is TokenKind.FIGURE and token.cell.start == label.cell.end


def _span(token: _Token) -> Span:
    return Span(token.cell.start, token.cell.end)


# -------------------------------------------------------------------------------------------------
# The tables


@attrs.frozen
class _Slot:
    """A row of a table with figures or a label (二, 三): printed order, label, role, figure columns."""

    index: int
    key: str
    label: str
    role: LabelRole  # ROW, SUM or GROUP
    columns: tuple[ColumnSpec, ...]


class _Pending:
    __slots__ = ("label", "slot", "tokens")

    def __init__(self, slot: _Slot, label: _Token) -> None:
        self.slot = slot
        self.label = label
        self.tokens: list[_Token] = []


class _Reader:
    """One table being read, across the runs of rows it is in."""

    def __init__(self, table: str, version: ReportFormat, context: Context) -> None:
        self.table = table
        self.name = _NAMES[table]
        self.version = version
        self.context = context
        self.labels: set[tuple[str, str]] = set()
        self.diagnostics: list[tuple[str, str, Span | None, dict[str, object]]] = []
        self.provenance: list[tuple[str, tuple[int, int]]] = []
        self.shifted: list[str] = []

    @property
    def found(self) -> bool:
        """Enough of the table's labels to say it is this table (two: one word could be chance)."""
        return len(self.labels) >= 2

    def note(self, code: str, path: str, token: _Token | None, **fields: object) -> None:
        self.diagnostics.append((code, path, None if token is None else _span(token), fields))

    def matched(self, token: _Token, match: Match, path: str) -> None:
        self.labels.add((match.label.role, match.label.key))
        if match.approximate:
            self.note(
                "GP501",
                path,
                token,
                found=token.cell.text,
                expected=match.label.text,
                table=self.name,
            )

    def values(
        self, tokens: Sequence[_Token], columns: Sequence[ColumnSpec], path: str
    ) -> list[Any]:
        """The cells' values in column order (blank where a token is missing), with their provenance."""
        found: list[Any] = []
        for k, column in enumerate(columns):
            if k >= len(tokens):
                found.append(None)
                continue
            token = tokens[k]
            if token.kind is TokenKind.BLANK:
                found.append(None)
                continue
            where = f"{path}.{column.key}"
            if (
                token.figure is not None
                and column.kind is CellKind.COUNT
                and token.norm.isdecimal()
            ):
                value: Any = int(
                    token.norm
                )  # (the usual cell: what _value gives, without its steps)
            else:
                value = _value(token, column, where, self)
            if value is not None:
                self.provenance.append((where, (token.cell.start, token.cell.end)))
            found.append(value)
        return found

    def report(self, code: str, path: str, span: Span | None, **fields: object) -> None:
        """What :func:`_value` could not read, kept until the table is known to be one."""
        self.diagnostics.append((code, path, span, dict(fields, table=self.name)))

    def check_columns(
        self, tokens: Sequence[_Token], expected: Sequence[int | None], label: str
    ) -> None:
        """HTML: the figures' grid columns against their headers' (a wrong colspan shifts them)."""
        cols = [t.cell.col for t in tokens]
        known = len(cols) == len(expected) and None not in cols and None not in expected
        if known and cols != list(expected):
            self.shifted.append(label)

    def flush(self) -> None:
        for code, path, span, fields in self.diagnostics:
            self.context.report(code, path, span, **fields)
        for path, bounds in self.provenance:
            self.context.source(path, bounds)


def _slots(table: str, version: ReportFormat) -> tuple[_Slot, ...]:
    if table == "t2":
        return tuple(
            _Slot(k, row.key, row.label, LabelRole.ROW, block.columns)
            for k, (block, row) in enumerate(
                (block, row) for block in _T2[version].BLOCKS for row in block.rows
            )
        )
    t3 = _T3[version]
    return tuple(
        _Slot(
            k,
            spec.key,
            spec.label,
            ROW_ROLES[spec.kind],
            t3.COLUMNS if spec.kind is RowKind.DATA else (),
        )
        for k, spec in enumerate(t3.ROWS)
    )


class _RowReader(_Reader):
    """Table 二 or 三: rows led by their labels."""

    def __init__(self, table: str, version: ReportFormat, context: Context) -> None:
        super().__init__(table, version, context)
        self.slots = _slots(table, version)
        self.by_key = {slot.key: slot for slot in self.slots}
        self.pending: _Pending | None = None
        self.orphans = False  # figures after an unknown label, or outside any row: not read
        self.seen: dict[str, int] = {}  # row key → index, for rows met (read or reported)
        self.at: dict[str, _Token] = {}  # row key → its label's cell
        self.rows: dict[str, list[Any]] = {}
        self.cut: dict[str, int] = {}  # rows a run ended inside → how many figures they had
        self.column_cols: dict[str, int] = {}  # HTML: the grid column of each column header
        self.exact: set[str] = (
            set()
        )  # rows whose label was met exactly, and long enough to be no chance

    @property
    def found(self) -> bool:
        """Two labels of the table; or one long row label, exactly, with every figure of its row (a page
        cut just before the table's last row: 四、结转下年度继续办理 0 0 0 0 0 0 0)."""
        if len(self.labels) >= 2:
            return True
        return any(
            key in self.rows and key not in self.cut and len(self.by_key[key].columns) >= 3
            for key in self.exact
        )

    def path(self, key: str) -> str:
        return f"$.tables.{self.table}.rows.{key}"

    def text(self, token: _Token, matches: list[Match], line_labels: bool) -> None:
        pending = self.pending
        if (
            not matches
            and pending is not None
            and _cell_like(token)
            and len(pending.tokens) < len(pending.slot.columns)
        ):
            pending.tokens.append(token)  # a word where a figure should be (无): GP506
            return
        self.close(cut=False)
        if not matches:
            self.note(
                "GP509", f"$.tables.{self.table}", token, found=token.cell.text, table=self.name
            )
            self.orphans = True
            return
        match = matches[0]
        label = match.label
        self.orphans = False
        if label.role in _ROW_ROLES:
            slot = self.by_key[label.key]
            self.matched(token, match, self.path(slot.key))
            if slot.key in self.seen:
                self.note(
                    "GP511", self.path(slot.key), token, found=token.cell.text, table=self.name
                )
                self.orphans = True
                return
            self.seen[slot.key] = slot.index
            self.at[slot.key] = token
            if not match.approximate and len(token.norm) >= _MIN_LONE_LABEL:
                self.exact.add(slot.key)
            self.pending = _Pending(slot, token)
            return
        self.matched(token, match, f"$.tables.{self.table}")
        if label.role is LabelRole.TITLE:
            self.column_cols = {}
        elif label.role is LabelRole.COLUMN and token.cell.col is not None:
            self.column_cols.setdefault(label.key, token.cell.col)

    def figure(self, token: _Token) -> None:
        if self.pending is not None:
            self.pending.tokens.append(token)
        elif token.kind is TokenKind.FIGURE and not self.orphans:
            self.note(
                "GP509", f"$.tables.{self.table}", token, found=token.cell.text, table=self.name
            )
            self.orphans = True

    def close(self, cut: bool) -> None:
        pending, self.pending = self.pending, None
        if pending is None:
            return
        slot, tokens = pending.slot, pending.tokens
        n = len(slot.columns)
        if n > 1 and len(tokens) == 1 and _glued(pending.label, tokens[0]):
            # The row's figures run together and glued to its label (规章000): one digit a column is the
            # only reading where there are as many digits as columns; any other run cannot be cut.
            run = tokens[0]
            digits = run.cell.text
            fields = {"row": slot.label, "table": self.name, "columns": n, "found": digits}
            if len(digits) != n or not run.norm.isdecimal():
                self.note("GP516", self.path(slot.key), run, count=len(digits), **fields)
                return
            self.note("GP515", self.path(slot.key), run, **fields)
            start = run.cell.start
            tokens = [
                _token(Cell(c, start + k, start + k + 1), run.line) for k, c in enumerate(digits)
            ]
        extra = [t for t in tokens[n:] if t.kind is not TokenKind.BLANK]
        if cut and len(extra) == 1 and extra[0] is tokens[-1] and self.starts_next(slot, extra[0]):
            # The page ends on one figure too many, the numeral that opens the next row's label
            # (1.属于国家秘密 0 … 0 then 2 where 2.其他法律行政法规禁止公开 was cut): that label, not a figure.
            tokens, extra = tokens[:-1], []
        elif cut and len(extra) == 1 and extra[0] is tokens[-1] and self.ends_table(slot, extra[0]):
            # The page ends on one figure too many after the table's last row (政府集中采购 0 0 then 20):
            # no row of the table comes after it, so it is what followed the table, cut (20 of 2020年).
            self.note(
                "GP509",
                f"$.tables.{self.table}",
                extra[0],
                found=extra[0].cell.text,
                table=self.name,
            )
            tokens, extra = tokens[:-1], []
        path = self.path(slot.key)
        if extra and not n:
            self.note(
                "GP514",
                path,
                pending.label,
                row=slot.label,
                table=self.name,
                count=len(extra),
                found=" | ".join(t.cell.text for t in extra),
            )
            return
        if extra:
            self.note(
                "GP502",
                path,
                pending.label,
                row=slot.label,
                table=self.name,
                count=n + len([t for t in tokens[n:] if t.kind is not TokenKind.BLANK]),
                columns=n,
                found=" | ".join(t.cell.text for t in tokens),
            )
            return
        if not n:
            return
        places = None if cut else _placed(tokens, slot.columns)
        if places is not None:
            figures = [t for t in tokens if t.kind is not TokenKind.BLANK]
            self.note(
                "GP513",
                path,
                pending.label,
                row=slot.label,
                table=self.name,
                count=len(figures),
                columns=n,
                found=" | ".join(t.cell.text for t in figures),
            )
            label = pending.label
            blank = _Token(
                Cell("", label.cell.end, label.cell.end), TokenKind.BLANK, "", label.line
            )
            tokens = [blank] * n
            for token, k in zip(figures, places, strict=True):
                tokens[k] = token
        if len(tokens) < n and not cut:
            self.note(
                "GP503",
                path,
                pending.label,
                row=slot.label,
                table=self.name,
                count=len(tokens),
                columns=n,
                found=" | ".join(t.cell.text for t in tokens),
            )
            return
        taken = tokens[:n]
        self.rows[slot.key] = self.values(taken, slot.columns, path)
        if len(tokens) < n:
            self.cut[slot.key] = len(tokens)
        else:
            self.check_columns(
                taken, [self.column_cols.get(c.key) for c in slot.columns], slot.label
            )

    def starts_next(self, slot: _Slot, token: _Token) -> bool:
        """Whether ``token`` is a bare numeral that opens the label of the row after ``slot``."""
        if slot.index + 1 >= len(self.slots) or not token.norm.isdigit():
            return False
        after = normalise(self.slots[slot.index + 1].label)
        return after.startswith(token.norm) and after[len(token.norm) : len(token.norm) + 1] in (
            ".",
            "、",
        )

    def ends_table(self, slot: _Slot, token: _Token) -> bool:
        """Whether ``slot`` is the table's last row and ``token`` a bare number (no figure of a row after
        it: what follows the table)."""
        return slot.index == len(self.slots) - 1 and token.norm.isdecimal()

    def end(self, cut: bool) -> None:
        self.close(cut)
        self.orphans = False

    def finish(self) -> None:
        data = [slot for slot in self.slots if slot.role is LabelRole.ROW]
        last = max(
            (self.seen[s.key] for s in data if s.key in self.seen), default=-1
        )  # the last data row met
        for key, count in self.cut.items():
            if self.seen[key] != last:  # a run ended inside a row, and the table went on after it
                slot = self.by_key[key]
                del self.rows[key]
                self.note(
                    "GP503",
                    self.path(key),
                    self.at[key],
                    row=slot.label,
                    table=self.name,
                    count=count,
                    columns=len(slot.columns),
                    found="",
                )
        missing_after = [s for s in data if s.index > last]
        for slot in data:
            if slot.index < last and slot.key not in self.seen:
                self.note("GP505", self.path(slot.key), None, row=slot.label, table=self.name)
        last_slot = next((s for s in data if s.index == last), None)
        if last_slot is None:
            self.note(
                "GP504",
                f"$.tables.{self.table}",
                None,
                table=self.name,
                row="表头",
                read=0,
                columns=0,
                missing=len(data),
            )
        elif missing_after or last_slot.key in self.cut:
            self.note(
                "GP504",
                self.path(last_slot.key),
                self.at[last_slot.key],
                table=self.name,
                row=last_slot.label,
                read=self.cut.get(last_slot.key, len(last_slot.columns)),
                columns=len(last_slot.columns),
                missing=len(missing_after),
            )
        if self.shifted:
            self.note(
                "GP507",
                f"$.tables.{self.table}",
                None,
                table=self.name,
                row=self.shifted[0],
                count=len(self.shifted),
            )
        self.flush()

    def build(self) -> Any:
        if self.table == "t2":
            return _T2[self.version].from_rows(self.rows)
        return _T3[self.version].from_rows(self.rows)


class _T4Reader(_Reader):
    """Table 四: a header of labels, then one row of 15 figures (three groups of five)."""

    def __init__(self, version: ReportFormat, context: Context) -> None:
        super().__init__("t4", version, context)
        self.columns = [(g, c) for g in Table4.GROUPS for c in g.columns]
        self.header_cols: list[int | None] = []
        self.in_row = False  # whether a figure or blank read so far came from a line of cells
        self.tokens: list[_Token] = []
        self.cut = False
        self.done = False
        self.values_read: list[
            Any
        ] = []  # the 15 cells' values, once read (blank if the row was not)
        # Table 四 turned on its side (each group a row of five: 行政复议 | 2 | 1 | 0 | 1 | 4, as this
        # library's Markdown and some portals print it): the group of the line being read, and each
        # group's cells.
        self.group: str | None = None
        self.groups: dict[str, list[_Token]] = {}

    def text(self, token: _Token, matches: list[Match], line_labels: bool) -> None:
        if not matches:
            if not line_labels and _cell_like(token) and not self.done:
                self.tokens.append(token)  # a word where a figure should be (无): GP506
                return
            self.note("GP509", "$.tables.t4", token, found=token.cell.text, table=self.name)
            return
        self.matched(token, matches[0], "$.tables.t4")
        if (
            not self.done
            and self.tokens
            and not self.in_row
            and all(t.kind is TokenKind.BLANK for t in self.tokens)
        ):
            # Blank cells alone on their lines before a label of the header are the header's (under a
            # merged 行政复议, where a text rendering pads it, laid one cell a line): the row's cells come
            # after the header. Blanks of a line of cells are cells (a narrow rendering's 结果维持 |   |
            # pairs, unwrapped into one row).
            self.tokens = []
        if matches[0].label.role is LabelRole.COLUMN and len(self.header_cols) < len(self.columns):
            self.header_cols.append(token.cell.col)

    def figure(self, token: _Token, header_line: bool = False, row_line: bool = False) -> None:
        if self.group is not None:
            self.groups[self.group].append(token)
            return
        if header_line or self.done:
            return  # the empty cells of the header rows
        self.tokens.append(token)
        self.in_row = self.in_row or row_line

    def end(self, cut: bool) -> None:
        if self.tokens:
            self.done = True
            self.cut = cut
        elif not self.done:
            self.cut = cut  # no figures: cut (a truncated page), or the row is blank (GP503)

    def group_row(self, key: str) -> bool:
        """Start reading the row of group ``key`` (a line led by its label, with figures); False if that
        group's row was read already, or figures of the one long row were (its cells are then not read)."""
        if key in self.groups or self.tokens:
            return False
        self.group = key
        self.groups[key] = []
        return True

    def finish_groups(self) -> list[Any]:
        """The 15 cells' values from the rows of groups (blank where a group's row is missing or not
        read), each row's faults reported as a row of table 二 or 三's are."""
        values: list[Any] = []
        for group in Table4.GROUPS:
            n = len(group.columns)
            path = f"$.tables.t4.{group.key}"
            tokens = self.groups.get(group.key)
            if tokens is None:
                self.note("GP505", path, None, row=group.label, table=self.name)
                values += [None] * n
                continue
            count = len([t for t in tokens if t.kind is not TokenKind.BLANK])
            at = tokens[0] if tokens else None
            found = " | ".join(t.cell.text for t in tokens)
            if any(t.kind is not TokenKind.BLANK for t in tokens[n:]):
                self.note(
                    "GP502",
                    path,
                    at,
                    row=group.label,
                    table=self.name,
                    count=count,
                    columns=n,
                    found=found,
                )
                values += [None] * n
            elif len(tokens) < n:
                self.note(
                    "GP503",
                    path,
                    at,
                    row=group.label,
                    table=self.name,
                    count=len(tokens),
                    columns=n,
                    found=found,
                )
                values += [None] * n
            else:
                values += self.values(tokens[:n], list(group.columns), path)
        return values

    def finish(self) -> None:
        if self.groups:
            self.values_read = self.finish_groups()
            self.flush()
            return
        n = len(self.columns)
        tokens = self.tokens
        extra = [t for t in tokens[n:] if t.kind is not TokenKind.BLANK]
        if extra:
            self.note(
                "GP502",
                "$.tables.t4",
                tokens[0],
                row="行政复议、行政诉讼",
                table=self.name,
                count=n + len(extra),
                columns=n,
                found=" | ".join(t.cell.text for t in tokens),
            )
        elif len(tokens) < n and not self.cut:
            self.note(
                "GP503",
                "$.tables.t4",
                tokens[0] if tokens else None,
                row="行政复议、行政诉讼",
                table=self.name,
                count=len(tokens),
                columns=n,
                found=" | ".join(t.cell.text for t in tokens),
            )
        else:
            values = []
            for k, (group, column) in enumerate(self.columns):
                path = f"$.tables.t4.{group.key}"
                values.append(self.values(tokens[k : k + 1], [column], path)[0])
            self.values_read = values
            if len(tokens) < n:
                group, column = self.columns[len(tokens)] if tokens else self.columns[0]
                self.note(
                    "GP504",
                    f"$.tables.t4.{group.key}",
                    tokens[-1] if tokens else None,
                    table=self.name,
                    row=f"{group.label}{column.label}" if tokens else "表头",
                    read=len(tokens),
                    columns=n,
                    missing=0,
                )
            elif len(self.header_cols) == n:
                self.check_columns(tokens[:n], self.header_cols, "行政复议、行政诉讼")
        if self.shifted:
            self.note("GP507", "$.tables.t4", None, table=self.name, row=self.shifted[0], count=1)
        self.flush()

    def build(self) -> Table4:
        values = self.values_read
        if not values:
            return Table4()
        groups: dict[str, list[Any]] = {}
        for (group, _), value in zip(self.columns, values, strict=True):
            groups.setdefault(group.key, []).append(value)
        return Table4.from_groups(groups)


_T4_GROUPS: Final = frozenset(group.key for group in Table4.GROUPS)


def _t4_group(tokens: Sequence[_Token], version: ReportFormat) -> str | None:
    """The group of table 四 whose row a line of cells is: one label, the group's (行政复议, 复议后起诉,
    行政诉讼 / 未经复议直接起诉), and at least one figure among the cells after it; else None."""
    texts = [t for t in tokens if t.kind is TokenKind.TEXT]
    if (
        len(texts) != 1
        or texts[0] is not tokens[0]
        or not any(t.kind is TokenKind.FIGURE for t in tokens)
    ):
        return None  # (blank cells alone beside 行政复议 are a merged header's padding)
    matches = match_label(texts[0].norm, "t4", version)
    if not matches or matches[0].label.key not in _T4_GROUPS:
        return None
    return matches[0].label.key


# -------------------------------------------------------------------------------------------------
# Runs of rows, and the tables in them

Row = tuple[int, list[Cell]]
"""A row as the reader gets it: the index of its source line, and its cells (none for a rule line)."""


class _Run:
    """A run's rows as tokens, and whether each row is a line of cells (a row of the table, which its
    figures end) or a cell alone (a row's figures then follow its label across lines)."""

    __slots__ = ("last", "rows")

    def __init__(self, run: Sequence[Row]) -> None:
        self.last = run[-1][0] if run else -1
        rows: list[tuple[int, list[_Token], bool]] = []
        for line, cells in run:
            if not cells:
                continue
            tokens: list[_Token] = []
            for cell in cells:
                text = cell.text
                # (_split, skipped for a cell without spaces: the usual one, which is itself; a cell
                # ending in a digit that is no figure may be a row label with its figures glued)
                if " " in text or "\u3000" in text:
                    parts: Sequence[Cell] = _split(cell)
                elif text[-1:].isdecimal() and not _is_figure(text):
                    parts = _glued_cells(text, ((0, len(text)),), cell.start) or (cell,)
                else:
                    parts = (cell,)
                for c in parts:
                    kind, norm, figure = _classify(c.text)
                    tokens.append(_Token(c, kind, norm, line, figure))
            rows.append((line, tokens, len(cells) >= 2))
        self.rows = rows


def _split(cell: Cell) -> list[Cell]:
    """A cell of a row as the labels in it: a cell that is no label but labels between spaces (a PDF's
    header row flattened into one cell: 行政复议 行政诉讼) is those labels; one that is words of a header
    cut apart (结果 结果 其他 尚未 总) is none; any other cell is itself."""
    text = cell.text
    if " " not in text and "\u3000" not in text:
        return [cell]
    if owners(normalise(text)):
        return [cell]
    pieces = [(m.start(), m.end()) for m in _PIECE.finditer(text)]
    if any(_is_figure(text[s:e]) for s, e in pieces):
        return [cell]
    labels = _label_cells(text, pieces, cell.start)
    if labels is not None:
        return labels
    return [] if _header_fragments(text, pieces) else [cell]


def _version(runs: Iterable[_Run], year: int) -> tuple[ReportFormat, bool]:
    """The tables' format by the labels only one format has, else by the year; and whether the labels
    told it."""
    votes = {V2019: 0, V2021: 0}
    for run in runs:
        for _, tokens, _ in run.rows:
            for token in tokens:
                if token.kind is not TokenKind.TEXT:
                    continue
                for table in owners(token.norm):
                    versions = versions_of(token.norm, table)
                    if len(versions) == 1:
                        votes[next(iter(versions))] += 1
    if votes[V2019] != votes[V2021]:
        return (V2019 if votes[V2019] > votes[V2021] else V2021), True
    return (V2019 if 2019 <= year <= 2020 else V2021), False


def read_tables(
    runs: Sequence[Sequence[Row]], year: int, context: Context, end: int = -1
) -> TablesRead:
    """The statutory tables in the runs of table rows of a page (each run: rows with no other text between
    them). A run with no table of the format stays text (its lines are not in the result). ``end`` is the
    index of the text's last content line: a run that reaches it may be cut short (a truncated page); a
    row that other text follows is not cut, it is short."""
    tokenised = [_Run(unwrap_rows(run, _is_figure)) for run in runs]  # wrapped rows joined first
    if not any(run.rows for run in tokenised):
        return NO_TABLES
    version, told = _version(tokenised, year)
    readers: dict[str, _RowReader | _T4Reader] = {}
    spans: list[
        list[Any]
    ] = []  # [table, first line, last line] of each stretch of a run read as a table
    for run in tokenised:
        current: _RowReader | _T4Reader | None = None
        first_span = len(spans)
        for line, tokens, row_line in run.rows:
            header_line = any(t.kind is TokenKind.TEXT and "t4" in owners(t.norm) for t in tokens)
            if header_line and row_line and isinstance(current, _T4Reader):
                key = _t4_group(tokens, version)
                if key is not None and current.group_row(key):
                    header_line = False  # a group's row of figures, not the header's empty cells
            for token in tokens:
                if token.kind is not TokenKind.TEXT:
                    if isinstance(current, _RowReader):
                        pending = current.pending
                        if pending is not None:
                            pending.tokens.append(token)  # (the usual case of figure(), inline)
                        else:
                            current.figure(token)
                    elif current is not None:
                        current.figure(token, header_line, row_line)
                    continue
                named = owners(token.norm)
                if len(named) == 1 and (current is None or current.table not in named):
                    if current is not None:
                        current.end(cut=False)
                    table = next(iter(named))
                    current = readers.get(table)
                    if current is None:
                        current = readers[table] = (
                            _T4Reader(version, context)
                            if table == "t4"
                            else _RowReader(table, version, context)
                        )
                    spans.append([table, line, line])
                if current is not None:
                    current.text(
                        token, match_label(token.norm, current.table, version), header_line
                    )
            if (
                isinstance(current, _RowReader)
                and row_line
                and current.pending is not None
                and current.pending.tokens
            ):
                # a line of cells is a row: its figures end with it
                current.close(cut=line == run.last and run.last >= end)
            elif isinstance(current, _T4Reader):
                current.group = None  # a group's row ends with its line
        if current is not None:
            current.end(cut=run.last >= end)
        # A stretch runs to the line before the next one, the last to the end of the run (rule lines and
        # rows of pipes after the last cell are the table's).
        for k in range(first_span, len(spans)):
            spans[k][2] = spans[k + 1][1] - 1 if k + 1 < len(spans) else run.last
    found = {table: reader for table, reader in readers.items() if reader.found}
    if not found:
        return NO_TABLES
    for reader in found.values():
        reader.finish()
    for table in ("t2", "t3", "t4"):
        if table not in found:
            context.report("GP510", f"$.tables.{table}", None, table=_NAMES[table])
    implied = V2019 if 2019 <= year <= 2020 else V2021 if year >= 2021 else None
    if told and year and implied is not version:
        context.report(
            "GP508",
            "$.format",
            None,
            found=version.value,
            year=year,
            expected="" if implied is None else implied.value,
        )
    kwargs: dict[str, Any] = {table: reader.build() for table, reader in found.items()}
    tables: StatutoryTables = (
        StatutoryTablesV2019(**kwargs) if version is V2019 else StatutoryTablesV2021(**kwargs)
    )
    lines = frozenset(
        line for table, first, last in spans if table in found for line in range(first, last + 1)
    )
    return TablesRead(tables, lines, version)


def table_runs(
    lines: Sequence[Line], content: Sequence[int], html: Sequence[Table] = (), source: str = ""
) -> list[list[Row]]:
    """The runs of table rows among the content lines ``content`` (indices into ``lines``), with no other
    content line between them. A line is a row of cells when it has a ``|`` (cells ended by ``|``; a line
    that is a row of an HTML table in ``html``, from :func:`._html.extract_text`, has that row's cells,
    placed in the grid), a tab (cells between tabs), or is made of table labels and figures only
    (separated by spaces: space-aligned columns, a row label alone, a figure alone); rule lines and, inside
    a run, a short word that may be a cell (无) or a mistyped label are rows too. Each run is then put in
    one layout (:func:`_layout`): debris dropped, blank cells that only empty lines show made cells.
    ``source`` (the text) shows the rows of tabs alone that a copied row of blank cells is."""
    runs: list[list[Row]] = []
    run: list[Row] = []
    rows: list[tuple[int, int, tuple[TableCell, ...]]] = []  # HTML rows by where their line is
    for table in html:
        for html_row in table.rows:
            if html_row:
                rows.append((html_row[0].start, html_row[-1].end + 2, html_row))
    rows.sort(key=lambda r: r[0])
    starts = [r[0] for r in rows]
    previous_end = 0
    for i in content:
        line = lines[i]
        between = source[previous_end : line.source]
        previous_end = line.source + len(line.text) + len(line.trail)
        if run and "\t" in between:  # rows of blank cells copied from a browser: tabs alone
            for blank in between.split("\n")[1:-1]:  # (not the line before's end, this one's start)
                if "\t" in blank and not blank.strip():
                    end = run[-1][1][-1].end if run[-1][1] else line.source
                    run.append((run[-1][0], [Cell("", end, end)] * (blank.count("\t") + 1)))
        text = line.text
        cells: list[Cell] | None
        if "|" in text or "｜" in text:
            cells = _cells(line, rows, starts)
        elif "\t" in text or "\t" in line.trail or "\t" in line.lead:
            cells = _tab_cells(line)
        elif _RULE.fullmatch(text):
            if run:
                run.append((i, []))
            continue
        else:
            cells = _plain_cells(line, bool(run))
        if cells is None:
            if run:
                runs.append(run)
                run = []
            continue
        run.append((i, cells))
    if run:
        runs.append(run)
    return [_align(_layout(run, lines)) for run in runs]


def _tab_cells(line: Line) -> list[Cell]:
    """The cells of a line copied from a browser's table: cells between tabs (blank ones included)."""
    cells = [Cell("", line.source, line.source)] * line.lead.count("\t")  # cells before, blank
    position = 0
    for part in (line.text + line.trail).split("\t"):
        stripped = part.strip()
        left = position + (len(part) - len(part.lstrip()))
        cells.append(Cell(stripped, line.source + left, line.source + left + len(stripped)))
        position += len(part) + 1
    return cells


_PIECE: Final = re.compile(r"[^\s\u200b\ufeff]+")
_MAX_PLAIN_ROW: Final = (
    160  # a row of labels and figures is short (table 三's corner is 40 characters)
)
_MAX_FIRST_ROW: Final = 120  # a row that starts a table (one label and its figures at most)
_MAX_LABEL: Final = 40  # a label is shorter, but for table 三's corner (told by its word)
_MAX_LABEL_PIECES: Final = 6  # a label printed with spaces inside (商业 企业) has few of them


@functools.lru_cache(maxsize=8192)
def _is_figure(text: str) -> bool:
    flat = unicodedata.normalize("NFKC", text).translate(_MINUS)
    if flat[:1] in _LOST:
        flat = flat[1:].lstrip()
    return flat in TABLE_BLANK_MARKS or _FIGURE.fullmatch(flat) is not None


_LOST: Final = ("?", "\ufffd")  # a character the page lost, printed before a figure (? 0)


def _plain_cells(line: Line, in_run: bool) -> list[Cell] | None:
    """The cells of a line without ``|`` or tabs, when it is made of table labels and figures only: the
    figures are the pieces between spaces at its end, the labels the rest (a label may have spaces inside:
    the longest run of pieces that is a label is taken). A line of figures only is a row inside a run;
    inside a run, a short word (无) or a label mistyped beyond the known typos is one cell too."""
    text = line.text
    size = len(text) if "   " not in text else len(" ".join(text.split()))  # (columns padded)
    if (
        size > (_MAX_PLAIN_ROW if in_run else _MAX_FIRST_ROW)
        or "。" in text
        or (not in_run and size > _MAX_LABEL and TABLE_CORNER_WORD not in text)
    ):
        return None
    source = line.source
    pieces: list[tuple[int, int]] = []
    for m in _PIECE.finditer(text):
        if (
            pieces
            and text[pieces[-1][0] : pieces[-1][1]] in _LOST
            and m.start() - pieces[-1][1] == 1
            and _is_figure(m.group())
        ):
            pieces[-1] = (pieces[-1][0], m.end())  # ? 0: a figure after a character the page lost
            continue
        pieces.append((m.start(), m.end()))
    k = len(pieces)
    while k > 0 and _is_figure(text[pieces[k - 1][0] : pieces[k - 1][1]]):
        k -= 1
    cells = _label_cells(text, pieces[:k], source)
    if cells is None and k == len(pieces) and text[pieces[-1][1] - 1 :][:1].isdecimal():
        cells = _glued_cells(text, pieces, source)  # (with the figures glued to the last label)
    if cells is None:
        if in_run and k == len(pieces) and _loose_cell(text):
            return [Cell(text, source, source + len(text))]
        if in_run and _header_fragments(text, pieces):
            return []  # a header printed over lines by a PDF's narrow columns: no cells
        return None
    if not cells and not in_run:
        return None  # figures alone start no table
    cells += [Cell(text[s:e], source + s, source + e) for s, e in pieces[k:]]
    if len(cells) < 2:
        return cells
    # Where each cell stands on the line (for columns aligned by spaces: :func:`_align`).
    lead = _width(line.lead)
    return [
        cell._replace(
            x=(
                lead + _width(text[: cell.start - source]),
                lead + _width(text[: cell.end - source]),
            ),
        )
        for cell in cells
    ]


def _glued_cells(text: str, pieces: Sequence[tuple[int, int]], source: int) -> list[Cell] | None:
    """The cells of a line whose last piece is a row label with its figures glued to it, one run of
    digits (规章000, 行政许可707, 三、本年度办理结果(一)予以公开1000001): the labels, then the run as one
    cell, which the reader splits where the reading is unique (:meth:`_RowReader.close`); None when the
    text before the digits is no row label."""
    s, e = pieces[-1]
    j = e
    while j > s and text[j - 1].isdecimal():
        j -= 1
    if j > s + 1 and text[j - 1] in ".．" and text[j - 2].isdecimal():  # 0.5 (an amount)
        j -= 1
        while j > s and text[j - 1].isdecimal():
            j -= 1
    if j == s:
        return None
    label = normalise(text[s:j])
    if not _row_label(label):
        lead = glued_lead(label)
        if not lead or not _row_label(label[lead:]):
            return None
        cut = next(i for i in range(s + 1, j + 1) if len(normalise(text[s:i])) >= lead)
        parts = [*pieces[:-1], (s, cut), (cut, j)]
    else:
        parts = [*pieces[:-1], (s, j)]
    cells = _label_cells(text, parts, source)
    if cells is None:
        return None
    return [*cells, Cell(text[j:e], source + j, source + e)]


def _row_label(norm: str) -> bool:
    """Whether a normalised text is a label of a row of table 二 or 三 (exactly, or through a known typo
    or variant)."""
    return any(
        m.label.role in _ROW_ROLES
        for table in owners(norm) & _ROW_TABLES
        for version in (V2019, V2021)
        for m in match_label(norm, table, version)
    )


_ROW_TABLES: Final = frozenset({"t2", "t3"})


def _width(text: str) -> int:
    """Display width: a wide or full-width character (East Asian Width W or F) is two columns."""
    if text.isascii():
        return len(text.expandtabs())
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _label_cells(text: str, pieces: Sequence[tuple[int, int]], source: int) -> list[Cell] | None:
    """The labels that the pieces (between spaces) of ``text`` are, one after another; None when a piece
    is in no label. A label may have spaces inside (商业 企业): the longest run of pieces that is a label
    is taken, and pieces apart by more than one space are cells apart."""
    apart = {
        k
        for k in range(1, len(pieces))
        if pieces[k][0] - pieces[k - 1][1] > 1 or text[pieces[k][0] - 1] != " "
    }
    cells: list[Cell] = []
    i, k = 0, len(pieces)
    while i < k:
        for j in range(min(k, i + _MAX_LABEL_PIECES), i, -1):
            if any(m in apart for m in range(i + 1, j)):
                continue
            start, end = pieces[i][0], pieces[j - 1][1]
            if owners(normalise(text[start:end])):
                cells.append(Cell(text[start:end], source + start, source + end))
                i = j
                break
        else:
            return None
    return cells


def _header_fragments(text: str, pieces: Sequence[tuple[int, int]]) -> bool:
    """A line of header words cut apart by a PDF's narrow columns: a character a line (结 结 其 尚 /
    总计 果 果 他 未), or a word a line (结果 结果 其他 尚未 总 / 维持 纠正 结果 审结 计); every piece is a
    part of a heading or column label of table 三 or 四, and there are several."""
    if len(pieces) < 3:
        return False
    for s, e in pieces:
        piece = text[s:e]
        if not all("\u4e00" <= c <= "\u9fff" for c in piece):
            return False
        if not any(piece in label for label in _HEADER_WORDS):
            return False
    return True


_MIN_PREFIX: Final = 4  # a label cut short to this many characters is still told apart
_ROW_WORDS: Final = tuple(
    {
        normalise(label.text)
        for label in LABELS
        if label.table in ("t2", "t3") and label.role in _ROW_ROLES
    }
)
_HEADER_WORDS: Final = tuple(
    {
        normalise(label.text)
        for label in LABELS
        if label.table in ("t3", "t4") and label.role in (LabelRole.COLUMN, LabelRole.HEADING)
    }
)


# Every start of a row label (a set: one look-up instead of a scan of the labels).
_ROW_STARTS: Final = frozenset(word[:k] for word in _ROW_WORDS for k in range(1, len(word) + 1))


@functools.lru_cache(maxsize=8192)
def _loose_cell(text: str) -> bool:
    """A short word where a figure should be (无), or a label of a table mistyped beyond the known typos."""
    norm = normalise(text)
    if len(norm) <= _MAX_CELL_WORD:
        return True
    if len(norm) > 60:
        return False
    if len(norm) >= _MIN_PREFIX and norm in _ROW_STARTS:
        return True  # a label cut short where the page ends (三、本年度办)
    return any(
        match_label(norm, table, version) for table in ("t2", "t3") for version in (V2019, V2021)
    )


def _layout(run: list[Row], lines: Sequence[Line]) -> list[Row]:
    """A run's rows as the reader wants them, whatever the layout.

    - Where cells are a line each, lines of pipes alone with two cells or more (``||``, ``|||``) are what
      was left of empty or merged cells at a row's end: dropped.
    - A ``|`` alone on a line between cells that are not ended by ``|`` separates them: dropped (blank
      cells are then two separators in a row, or an empty line between them).
    - Where most cells are a line each ended by ``|``, a ``|`` alone right under a cell not ended by one
      is that cell's end (its ``|`` fell onto the next line): dropped.
    - Where cells are a line each without ``|`` (a scraper's text, a cell per paragraph), an empty cell is
      an empty line more than the layout puts between cells: the gap between two cells (no empty line,
      or one) is the least over the run, and each further gap of its size is a blank cell.
    """
    piped = {i: ("|" in lines[i].text or "\uff5c" in lines[i].text) for i, _ in run}
    lone = {i for i, cells in run if cells and piped[i] and not any(c.text for c in cells)}
    texts = [i for i, cells in run if any(c.text for c in cells)]
    # (separators stand between most cells: a | or two left by the page elsewhere are not the layout)
    separators = 2 * len(lone) >= len(texts) and not any(piped[i] for i in texts)
    cell_per_line = all(sum(1 for c in cells if c.text) <= 1 for _, cells in run)
    # Where cells are a line each ended by `|` (most are), a cell whose `|` fell onto the next line
    # (行政规范性文件 then `|` alone) is closed by it: that `|` is no blank cell.
    ended = cell_per_line and 3 * sum(1 for i in texts if piped[i]) >= 2 * len(texts)
    previous = {b: a for a, b in pairwise(i for i, _ in run)}
    kept: list[Row] = []
    dropped: set[int] = set()
    for i, cells in run:
        if (
            cells
            and not any(c.text for c in cells)
            and (
                (len(cells) >= 2 and cell_per_line)
                or separators
                or (ended and i in lone and previous.get(i) == i - 1 and not piped[i - 1])
            )
        ):
            dropped.add(i)
            continue
        kept.append((i, cells))
    if separators:
        # Between separators, consecutive lines are one cell printed over lines (商业<br>企业).
        merged: list[Row] = []
        for i, cells in kept:
            if (
                merged
                and len(cells) == 1
                and len(merged[-1][1]) == 1
                and merged[-1][1][0].text
                and cells[0].text
                and not piped[i]
                and not any(k in dropped or not lines[k].text for k in range(merged[-1][0] + 1, i))
            ):
                before = merged[-1][1][0]
                merged[-1] = (
                    merged[-1][0],
                    [Cell(before.text + cells[0].text, before.start, cells[0].end)],
                )
                continue
            merged.append((i, cells))
        kept = merged
    single = [i for i, cells in kept if len(cells) == 1 and cells[0].text and not piped[i]]
    # Dropped lines stay as rows without cells: they are still the table's lines.
    debris: list[Row] = [(i, []) for i in sorted(dropped)]
    if len(single) < 2:
        return sorted(kept + debris, key=lambda row: row[0])
    singles = set(single)

    def units(a: int, b: int) -> int:
        return sum(1 for k in range(a + 1, b) if k in dropped or not lines[k].text)

    gaps = [units(a, b) for (a, _), (b, _) in pairwise(kept) if a in singles and b in singles]
    if not gaps:
        return sorted(kept + debris, key=lambda row: row[0])
    base = min(gaps)  # header cells follow each other: the least gap is the layout's
    # After the run's last cell, the empty lines up to the next text are blank cells too (a blank cell
    # too many is harmless: a row ignores blank cells after its last column).
    after = kept[-1][0] + 1
    while after < len(lines) and (not lines[after].text or after in dropped):
        after += 1
    following = after if after < len(lines) else -1
    out: list[Row] = []
    for k, (i, cells) in enumerate(kept):
        out.append((i, cells))
        following_row = kept[k + 1][0] if k + 1 < len(kept) else following
        if i in singles and (following_row in singles or (k + 1 == len(kept) and following > 0)):
            extra = units(i, following_row) - base
            if extra > 0:
                end = cells[0].end
                # (at the end, the last blank cell has no gap after it: rounded up)
                last = k + 1 == len(kept)
                out += [(i, [Cell("", end, end)])] * ((extra + base * last) // (base + 1))
    return sorted(out + debris, key=lambda row: row[0])


def _cells(
    line: Line, rows: Sequence[tuple[int, int, tuple[TableCell, ...]]], starts: Sequence[int]
) -> list[Cell]:
    source = line.source
    k = bisect_right(starts, source + len(line.text)) - 1
    if k >= 0:
        start, end, cells = rows[k]
        if start <= source + len(line.text) and source <= end:
            return [Cell(c.text, c.start, c.end, c.col) for c in cells]
    return split_cells(line.text, source)


# -------------------------------------------------------------------------------------------------
# Columns aligned by spaces

_VERSIONS: Final = (V2021, V2019)
_COUNTS: Final = {
    **{
        ("t2", row.key): len(block.columns)
        for t2 in (Table2V2019, Table2V2021)
        for block in t2.BLOCKS
        for row in block.rows
    },
    **{
        ("t3", spec.key): len(t3.COLUMNS)
        for t3 in (Table3V2019, Table3V2021)
        for spec in t3.ROWS
        if spec.kind is RowKind.DATA
    },
}
_T4_COLUMNS: Final = sum(len(group.columns) for group in Table4.GROUPS)


@attrs.frozen
class _Aligned:
    """A row of space-aligned text as :func:`_align` sees it: the table and number of figure columns it
    belongs to, its label cells, and its figure cells (a header row: its column labels, no figures)."""

    table: str
    columns: int
    labels: tuple[Cell, ...]
    figures: tuple[Cell, ...]
    header: bool


def _aligned(cells: Sequence[Cell], t4_header: bool) -> _Aligned | None:
    if not cells or any(c.x is None for c in cells):
        return None
    k = len(cells)
    while k > 0 and _is_figure(cells[k - 1].text):
        k -= 1
    labels, figures = tuple(cells[:k]), tuple(cells[k:])
    if not labels:
        return _Aligned("t4", _T4_COLUMNS, (), figures, False) if t4_header else None
    norms = [normalise(c.text) for c in labels]
    if not figures:  # a header: its last cells the labels of the table's figure columns
        for table in ("t2", "t3", "t4"):
            count = 0
            for norm in reversed(norms):
                if table not in owners(norm) or not any(
                    m.label.role is LabelRole.COLUMN
                    for v in _VERSIONS
                    for m in match_label(norm, table, v)
                ):
                    break
                count += 1
            if count >= 2:
                return _Aligned(table, count, labels[:-count], labels[-count:], True)
        return None
    norm = norms[-1]
    named = owners(norm)
    for table in [t for t in ("t2", "t3") if t in named]:
        for version in _VERSIONS:
            for m in match_label(norm, table, version):
                columns = _COUNTS.get((table, m.label.key))
                if m.label.role is LabelRole.ROW and columns:
                    return _Aligned(table, columns, labels, figures, False)
    return None


def _align(run: list[Row]) -> list[Row]:
    """A run's rows with the blank cells that only spaces show made cells, where the text's columns are
    aligned by spaces (a table pasted as text, a blank cell a run of spaces).

    A row with fewer figures than its table has columns is placed by where its figures stand: against
    the columns that the same table's header (its column labels) and full rows of the run show, in the
    stretch of rows under that header. Only where the layout proves itself aligned: a header of column
    labels, or two full rows or more, that agree on every column (each column's cells overlap, the
    columns apart); rows padded (the gaps between cells differ, where text joined by a fixed separator
    has one gap); and each figure standing in one column, in order. Anything else is left as it is: the
    reader then reports the row short and leaves it blank (GP503), never shifting a figure into a column
    it may not be in.
    """
    if sum(1 for _, cells in run if cells and cells[0].x is not None) < 2:
        return run
    # Each row with the stretch it is in: a header of column labels, or a change of table, starts one.
    seen: list[tuple[int, int, _Aligned]] = []
    t4_header = False
    stretch = 0
    for k, (_, cells) in enumerate(run):
        row = _aligned(cells, t4_header)
        if row is not None:
            if row.header or (seen and seen[-1][2].table != row.table):
                stretch += 1
            seen.append((k, stretch, row))
            t4_header = row.header and row.table == "t4" and row.columns == _T4_COLUMNS
        elif cells:
            t4_header = False
    out = list(run)
    for k, where, row in seen:
        if row.header or not 0 < len(row.figures) < row.columns:
            continue
        anchors = [
            other
            for _, there, other in seen
            if there == where
            and other.table == row.table
            and other.columns == row.columns
            and len(other.figures) == row.columns
        ]
        places = _places(row, anchors)
        if places is None:
            continue
        line = run[k][0]
        cells = list(row.labels)
        for column in range(row.columns):
            if column in places:
                cells.append(row.figures[places.index(column)])
            else:
                end = cells[-1].end if cells else row.figures[0].start
                cells.append(Cell("", end, end))
        out[k] = (line, cells)
    return out


def _places(row: _Aligned, anchors: Sequence[_Aligned]) -> list[int] | None:
    """The column of each of the row's figures, or None where the layout does not say."""
    if len(anchors) < 2 and not any(anchor.header for anchor in anchors):
        return None  # one full row alone proves no alignment; a header of column labels does
    regions: list[tuple[int, int]] = []
    for column in range(row.columns):
        spans = [_x(anchor.figures[column]) for anchor in anchors]
        if any(a[1] <= b[0] or b[1] <= a[0] for a in spans for b in spans):
            return None  # the anchors disagree: not aligned
        regions.append((min(a for a, _ in spans), max(b for _, b in spans)))
    if any(a[1] > b[0] for a, b in pairwise(regions)):
        return None
    gaps = {
        _x(b)[0] - _x(a)[1]
        for cells in (*(a.figures for a in anchors), (*row.labels[-1:], *row.figures))
        for a, b in pairwise(cells)
    }
    if len(gaps) < 2:
        return None  # one gap everywhere: cells joined by a separator, not padded into columns
    places: list[int] = []
    for cell in row.figures:
        x0, x1 = _x(cell)
        hits = [c for c, (a, b) in enumerate(regions) if x0 < b and a < x1]
        if len(hits) != 1 or (places and hits[0] <= places[-1]):
            return None
        places.append(hits[0])
    return places


def _x(cell: Cell) -> tuple[int, int]:
    assert cell.x is not None  # (only cells of space-aligned lines are placed)
    return cell.x
