"""What the statutory tables share: cell kinds, row and column metadata, lookup by label, blank-aware sums.

A cell is a figure or blank. Blank (``None``) means "not reported" and is not 0: real reports leave cells
(often a whole 总计 column) empty. Every table class derives from :class:`TablePart`; its figures are typed
fields named by stable English keys (the JSON keys), and its class-level metadata (``COLUMNS``, ``ROWS``,
``BLOCKS``, ``GROUPS``) gives the labels exactly as each format prints them, in printed order, for renderers,
parsers and validators to iterate.
"""

from __future__ import annotations

import typing
from collections.abc import Iterable, Mapping, Sequence
from enum import StrEnum
from typing import Annotated, Any, ClassVar, Protocol, TypeAlias, TypeVar

import attrs


class CellKind(StrEnum):
    """What a cell holds (单元格类型)."""

    COUNT = "count"
    """A count: an int, 0 or more (件数, 数量)."""
    SIGNED = "signed"
    """A signed change: an int that may be negative (本年增/减, printed ``+4`` / ``-2``)."""
    AMOUNT = "amount"
    """A ``Decimal`` in the unit the column header states (本年收费金额（单位：万元）)."""
    MONEY = "money"
    """A :class:`~govdisclosure.model.Money`, keeping the unit written in the cell (采购总金额 ``251000元``)."""


Count: TypeAlias = Annotated[int, CellKind.COUNT]
"""The type of a count cell: an ``int``, 0 or more. The JSON layer and the JSON Schema recognise it."""


class RowKind(StrEnum):
    """What a row of a table is (行类别)."""

    DATA = "data"
    """A row whose figures are stored."""
    SUM = "sum"
    """A heading row whose figures are the sums of its sub-rows: computed, never stored (（三）不予公开)."""
    GROUP = "group"
    """A heading cell spanning the rows under it, with no figures at all (三、本年度办理结果)."""


@attrs.frozen
class ColumnSpec:
    """A column as a format prints it (列): its key, its header cell and the header cells above it."""

    key: str
    """The stable English key: the field name and the JSON key (``natural_person``)."""
    label: str
    """The header cell text as the format prints it (自然人)."""
    kind: CellKind = CellKind.COUNT
    """What the column's cells hold."""
    headers: tuple[str, ...] = ()
    """The header cells printed above this one, outermost first (申请人情况, 法人或其他组织)."""


@attrs.frozen
class RowSpec:
    """A row as a format prints it (行): key, numbering, label text, and its place in the hierarchy.

    >>> spec = RowSpec("withheld", "（三）", "不予公开", RowKind.SUM, parent="results")
    >>> spec.label
    '（三）不予公开'
    """

    key: str
    """The stable English key: the field or property name and, for a data row, the JSON key."""
    number: str
    """The numbering printed before the text (一、 （三） 1.), empty where the row has none."""
    text: str
    """The label text after the numbering, verbatim (属于国家秘密)."""
    kind: RowKind = RowKind.DATA
    """Stored, computed from its sub-rows, or a heading without figures."""
    parent: str | None = None
    """The key of the row this one is printed under (``withheld`` for 1.属于国家秘密); None at the top."""
    children: tuple[str, ...] = ()
    """The keys of the rows printed under this one, in order."""
    depth: int = 0
    """0 at the top level, 1 under a top-level heading, and so on."""

    @property
    def label(self) -> str:
        """The row's label cell as printed: numbering and text (（三）不予公开)."""
        return self.number + self.text


@attrs.frozen
class BlockSpec:
    """A block of table 二 (第二十条第（一）项 …): its title row, column header row and data rows."""

    title: str
    """The block's title row, spanning all columns (第二十条第（一）项)."""
    header: str
    """The first header cell, above the row labels (信息内容)."""
    columns: tuple[ColumnSpec, ...]
    """The block's figure columns, in printed order."""
    rows: tuple[RowSpec, ...]
    """The block's rows, in printed order."""


@attrs.frozen
class GroupSpec:
    """A group of columns of table 四 (行政复议; 行政诉讼 / 未经复议直接起诉 …)."""

    key: str
    """The stable English key (``review``)."""
    label: str
    """The group's header cell as printed (行政复议, 未经复议直接起诉)."""
    headers: tuple[str, ...]
    """The header cells printed above the group's own, outermost first (行政诉讼)."""
    columns: tuple[ColumnSpec, ...]
    """The group's columns, in printed order."""


class _Spec(Protocol):
    @property
    def key(self) -> str: ...
    @property
    def label(self) -> str: ...


S = TypeVar("S", bound=_Spec)


class UnknownLabelError(KeyError):
    """A row, column or group name that is neither a printed label nor a key of the table.

    ``str()`` names what was looked up and lists every valid label with its key; :attr:`valid` holds the
    valid (label, key) pairs.
    """

    def __init__(self, what: str, name: object, valid: Iterable[tuple[str, str]]) -> None:
        self.what = what
        self.name = name
        self.valid: tuple[tuple[str, str], ...] = tuple(valid)
        choices = "; ".join(f"{label} ({key})" for label, key in self.valid)
        super().__init__(f"no {what} {name!r}; expected a label or key: {choices}")

    def __str__(self) -> str:
        return str(self.args[0])

    def __reduce__(self) -> tuple[object, ...]:
        return (UnknownLabelError, (self.what, self.name, self.valid))


def _pairs(specs: Iterable[_Spec]) -> tuple[tuple[str, str], ...]:
    return tuple((s.label, s.key) for s in specs)


def find(specs: Iterable[S], name: str, what: str) -> S:
    """The spec whose printed label or English key is ``name`` (exactly); :class:`UnknownLabelError` if none.

    Matching is exact on purpose: tolerance for the variants and typos of real pages is the parser's job.
    """
    specs = tuple(specs)
    for spec in specs:
        if name in (spec.key, spec.label):
            return spec
    raise UnknownLabelError(what, name, _pairs(specs))


def blank_sum(values: Iterable[int | None]) -> int | None:
    """The sum of figures, or blank (``None``) if any of them is blank.

    A blank cell is "not reported", so a sum over it is not known either: a partial sum would pass off a lower
    bound as a figure, and a check built on it would fail where it should say "cannot be checked".

    >>> blank_sum([3, 0, 2]), blank_sum([3, None, 2]), blank_sum([None, None]), blank_sum([])
    (5, None, None, 0)
    """
    total = 0
    for value in values:
        if value is None:
            return None
        total += value
    return total


def row_specs(*rows: tuple[str, str, str, RowKind, str | None]) -> tuple[RowSpec, ...]:
    """Row specs in printed order from ``(key, number, text, kind, parent)``, with children and depth filled."""
    parents = {key: parent for key, _, _, _, parent in rows}

    def depth(key: str) -> int:
        parent = parents[key]
        return 0 if parent is None else depth(parent) + 1

    return tuple(
        RowSpec(
            key,
            number,
            text,
            kind,
            parent,
            tuple(k for k, *_, p in rows if p == key),
            depth(key),
        )
        for key, number, text, kind, parent in rows
    )


class TablePart:
    """The base of every class of the statutory tables.

    JSON writes such an object whole, every cell included (``null`` where blank), so a table keeps its shape.
    """

    __slots__ = ()


def _cell_error(attribute: attrs.Attribute[Any], expected: str, value: object) -> TypeError:
    return TypeError(f"{attribute.name}: expected {expected} or None (blank), got {value!r}")


def count_cell(instance: object, attribute: attrs.Attribute[int | None], value: object) -> None:
    """attrs validator of a count cell: an int 0 or more (not a bool), or None."""
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int):
        raise _cell_error(attribute, "a count (an int)", value)
    if value < 0:
        raise ValueError(f"{attribute.name}: a count must be 0 or more, got {value}")


def signed_cell(instance: object, attribute: attrs.Attribute[int | None], value: object) -> None:
    """attrs validator of a signed cell (本年增/减): an int of any sign (not a bool), or None."""
    if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
        raise _cell_error(attribute, "a signed whole number (an int)", value)


class Cells(TablePart):
    """A row of figures: the cells of one row (table 二, 三) or one column group (table 四).

    Subclasses are attrs classes whose fields are the cells, in the order of ``COLUMNS``.
    """

    __slots__ = ()
    COLUMNS: ClassVar[tuple[ColumnSpec, ...]]
    """The columns, in printed order; their keys are the field names."""

    @classmethod
    def column(cls, name: str) -> ColumnSpec:
        """The column with this printed label or key; :class:`UnknownLabelError` if none."""
        return find(cls.COLUMNS, name, f"column of {cls.__name__}")

    def __getitem__(self, name: str) -> Any:
        return getattr(self, self.column(name).key)

    def values(self) -> tuple[Any, ...]:
        """The cells in column order."""
        return tuple(getattr(self, c.key) for c in self.COLUMNS)

    @classmethod
    def build(
        cls: type[C], given: C | Mapping[str, Any] | Sequence[Any], where: str | None = None
    ) -> C:
        """The row from an instance, a mapping by column label or key, or a sequence in column order.

        Errors are prefixed by ``where`` (the row's label; the class name by default) so that they name the
        row and the column.
        """
        where = cls.__name__ if where is None else where
        if isinstance(given, cls):
            return given
        kwargs: dict[str, Any] = {}
        if isinstance(given, Mapping):
            for name, value in given.items():
                try:
                    key = cls.column(name).key
                except UnknownLabelError as exc:
                    raise UnknownLabelError(
                        f"column of {where}", name, _pairs(cls.COLUMNS)
                    ) from exc
                if key in kwargs:
                    raise ValueError(f"{where}: column {key} given twice")
                kwargs[key] = value
        elif isinstance(given, Sequence) and not isinstance(given, str):
            if len(given) != len(cls.COLUMNS):
                labels = " | ".join(c.label for c in cls.COLUMNS)
                raise ValueError(
                    f"{where}: expected {len(cls.COLUMNS)} cells ({labels}), got {len(given)}"
                )
            kwargs = {c.key: value for c, value in zip(cls.COLUMNS, given, strict=True)}
        else:
            raise TypeError(
                f"{where}: expected the cells as a mapping by column or a sequence, got {given!r}"
            )
        try:
            return cls(**kwargs)
        except (TypeError, ValueError) as exc:
            raise type(exc)(f"{where}: {exc}") from None


C = TypeVar("C", bound=Cells)


_HINTS: dict[object, dict[str, Any]] = {}


def type_hints(cls: object) -> dict[str, Any]:
    """The types of a class's fields (``typing.get_type_hints``), found once per class: a table's
    ``from_rows`` asks for its rows' types every time, and a parse builds its tables so."""
    hints = _HINTS.get(cls)
    if hints is None:
        hints = _HINTS[cls] = typing.get_type_hints(cls)
    return hints
