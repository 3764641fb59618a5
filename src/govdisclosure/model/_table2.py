"""Table 二, 主动公开政府信息情况: blocks by article of 条例第二十条, different in each format.

2021: four blocks, six rows (规章 and 行政规范性文件 issued / repealed / in force; decisions on 行政许可,
行政处罚, 行政强制; the 行政事业性收费 amount in 万元). 2019: five blocks, nine rows (规章 and 规范性文件 made /
published / total; item counts with their signed 本年增/减 and decisions; fees; 政府集中采购 with its amount as
written). Each block's rows share a row class whose ``COLUMNS`` give the block's header cells.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from typing import Any, ClassVar, TypeVar

import attrs

from govdisclosure.model._enums import MoneyUnit, ReportFormat
from govdisclosure.model._facts import Money, _decimal
from govdisclosure.model._tables import (
    BlockSpec,
    CellKind,
    Cells,
    ColumnSpec,
    Count,
    RowKind,
    RowSpec,
    TablePart,
    count_cell,
    find,
    row_specs,
    signed_cell,
    type_hints,
)

_HEADER = "信息内容"


def _optional_amount(value: Decimal | int | str | None) -> Decimal | None:
    return None if value is None else _decimal(value)


def _non_negative_amount(
    instance: object, attribute: attrs.Attribute[Decimal | None], value: Decimal | None
) -> None:
    if value is not None and value < 0:
        raise ValueError(f"{attribute.name}: an amount must be 0 or more, got {value}")


def _non_negative_money(
    instance: object, attribute: attrs.Attribute[Money | None], value: object
) -> None:
    if value is None:
        return
    if not isinstance(value, Money):
        raise TypeError(f"{attribute.name}: expected Money or None (blank), got {value!r}")
    if value.yuan < 0:
        raise ValueError(f"{attribute.name}: an amount must be 0 or more, got {value.yuan} yuan")


# --- 2021 format -----------------------------------------------------------------------------------------


@attrs.frozen
class DocumentCounts(Cells):
    """A row of table 二 (2021), 第二十条第（一）项: 规章 or 行政规范性文件 issued, repealed and in force.

    >>> DocumentCounts(2, 1, 9)["现行有效件数"]
    9
    """

    COLUMNS: ClassVar[tuple[ColumnSpec, ...]] = (
        ColumnSpec("issued", "本年制发件数"),
        ColumnSpec("repealed", "本年废止件数"),
        ColumnSpec("in_force", "现行有效件数"),
    )

    issued: Count | None = attrs.field(default=None, validator=count_cell)
    """本年制发件数"""
    repealed: Count | None = attrs.field(default=None, validator=count_cell)
    """本年废止件数"""
    in_force: Count | None = attrs.field(default=None, validator=count_cell)
    """现行有效件数"""


@attrs.frozen
class DecisionCount(Cells):
    """A row of table 二 (2021), 第二十条第（五）（六）项: 行政许可, 行政处罚 or 行政强制 decisions this year."""

    COLUMNS: ClassVar[tuple[ColumnSpec, ...]] = (ColumnSpec("decisions", "本年处理决定数量"),)

    decisions: Count | None = attrs.field(default=None, validator=count_cell)
    """本年处理决定数量"""


@attrs.frozen
class FeeAmount(Cells):
    """The row of table 二 (2021), 第二十条第（八）项: 行政事业性收费, the amount collected this year in 万元.

    >>> fee = FeeAmount("286.45")
    >>> fee.amount, fee.money.yuan
    (Decimal('286.45'), Decimal('2864500.00'))
    """

    COLUMNS: ClassVar[tuple[ColumnSpec, ...]] = (
        ColumnSpec("amount", "本年收费金额（单位：万元）", CellKind.AMOUNT),
    )

    amount: Decimal | None = attrs.field(
        default=None, converter=_optional_amount, validator=_non_negative_amount
    )
    """本年收费金额 in 万元, as the header states (may have decimals)"""

    @property
    def money(self) -> Money | None:
        """The amount as :class:`~govdisclosure.model.Money` (yuan, written in 万元); None where blank."""
        if self.amount is None:
            return None
        return Money(self.amount * MoneyUnit.WAN_YUAN.factor, MoneyUnit.WAN_YUAN)


@attrs.frozen(kw_only=True)
class Table2RowsV2021(TablePart):
    """The six rows of table 二 in the 2021 format, by key."""

    regulations: DocumentCounts = attrs.field(factory=DocumentCounts)
    """规章"""
    normative_documents: DocumentCounts = attrs.field(factory=DocumentCounts)
    """行政规范性文件"""
    licensing: DecisionCount = attrs.field(factory=DecisionCount)
    """行政许可"""
    penalties: DecisionCount = attrs.field(factory=DecisionCount)
    """行政处罚"""
    coercion: DecisionCount = attrs.field(factory=DecisionCount)
    """行政强制"""
    fees: FeeAmount = attrs.field(factory=FeeAmount)
    """行政事业性收费"""


# --- 2019 format -----------------------------------------------------------------------------------------


@attrs.frozen
class PublicationCounts(Cells):
    """A row of table 二 (2019), 第二十条第（一）项: 规章 or 规范性文件 made, published and public in total."""

    COLUMNS: ClassVar[tuple[ColumnSpec, ...]] = (
        ColumnSpec("produced", "本年新制作数量"),
        ColumnSpec("published", "本年新公开数量"),
        ColumnSpec("total_published", "对外公开总数量"),
    )

    produced: Count | None = attrs.field(default=None, validator=count_cell)
    """本年新制作数量"""
    published: Count | None = attrs.field(default=None, validator=count_cell)
    """本年新公开数量"""
    total_published: Count | None = attrs.field(default=None, validator=count_cell)
    """对外公开总数量"""


@attrs.frozen
class ItemChanges(Cells):
    """A row of table 二 (2019), 第二十条第（五）（六）项: last year's items, this year's change, decisions.

    >>> ItemChanges(12, -2, 340)["本年增/减"]
    -2
    """

    COLUMNS: ClassVar[tuple[ColumnSpec, ...]] = (
        ColumnSpec("items_last_year", "上一年项目数量"),
        ColumnSpec("change", "本年增/减", CellKind.SIGNED),
        ColumnSpec("decisions", "处理决定数量"),
    )

    items_last_year: Count | None = attrs.field(default=None, validator=count_cell)
    """上一年项目数量"""
    change: int | None = attrs.field(default=None, validator=signed_cell)
    """本年增/减, signed (+4 is 4, -2 is -2)"""
    decisions: Count | None = attrs.field(default=None, validator=count_cell)
    """处理决定数量"""


@attrs.frozen
class FeeItems(Cells):
    """The row of table 二 (2019), 第二十条第（八）项: 行政事业性收费 items last year and this year's change."""

    COLUMNS: ClassVar[tuple[ColumnSpec, ...]] = (
        ColumnSpec("items_last_year", "上一年项目数量"),
        ColumnSpec("change", "本年增/减", CellKind.SIGNED),
    )

    items_last_year: Count | None = attrs.field(default=None, validator=count_cell)
    """上一年项目数量"""
    change: int | None = attrs.field(default=None, validator=signed_cell)
    """本年增/减, signed"""


@attrs.frozen
class Procurement(Cells):
    """The row of table 二 (2019), 第二十条第（九）项: 政府集中采购 projects and total amount.

    The header of 采购总金额 states no unit and real cells carry one (``251000元``), so the amount is
    :class:`~govdisclosure.model.Money`, which keeps the unit the cell was written in.

    >>> Procurement(3, Money(251000))["采购总金额"].in_unit()
    Decimal('251000')
    """

    COLUMNS: ClassVar[tuple[ColumnSpec, ...]] = (
        ColumnSpec("projects", "采购项目数量"),
        ColumnSpec("amount", "采购总金额", CellKind.MONEY),
    )

    projects: Count | None = attrs.field(default=None, validator=count_cell)
    """采购项目数量"""
    amount: Money | None = attrs.field(default=None, validator=_non_negative_money)
    """采购总金额, with the unit written in the cell"""


@attrs.frozen(kw_only=True)
class Table2RowsV2019(TablePart):
    """The nine rows of table 二 in the 2019 format, by key."""

    regulations: PublicationCounts = attrs.field(factory=PublicationCounts)
    """规章"""
    normative_documents: PublicationCounts = attrs.field(factory=PublicationCounts)
    """规范性文件"""
    licensing: ItemChanges = attrs.field(factory=ItemChanges)
    """行政许可"""
    other_services: ItemChanges = attrs.field(factory=ItemChanges)
    """其他对外管理服务事项"""
    penalties: ItemChanges = attrs.field(factory=ItemChanges)
    """行政处罚"""
    coercion: ItemChanges = attrs.field(factory=ItemChanges)
    """行政强制"""
    fees: FeeItems = attrs.field(factory=FeeItems)
    """行政事业性收费"""
    procurement: Procurement = attrs.field(factory=Procurement)
    """政府集中采购"""


# --- the tables ------------------------------------------------------------------------------------------


def _block(title: str, cells: type[Cells], *rows: tuple[str, str]) -> BlockSpec:
    specs = row_specs(*((key, "", label, RowKind.DATA, None) for key, label in rows))
    return BlockSpec(title, _HEADER, cells.COLUMNS, specs)


T = TypeVar("T", bound="_Table2")


class _Table2(TablePart):
    """What both versions of table 二 offer; ``rows`` is the subclass's attrs field."""

    __slots__ = ()
    VERSION: ClassVar[ReportFormat]
    """The format this class lays out."""
    BLOCKS: ClassVar[tuple[BlockSpec, ...]]
    """The blocks in printed order, each with its title, header cells and rows."""

    rows: Any

    @classmethod
    def row_specs(cls) -> tuple[RowSpec, ...]:
        """Every row in printed order, across the blocks."""
        return tuple(row for block in cls.BLOCKS for row in block.rows)

    @classmethod
    def row_spec(cls, name: str) -> RowSpec:
        """The row with this printed label (规章) or key (``regulations``)."""
        return find(cls.row_specs(), name, f"row of table 二 ({cls.VERSION} format)")

    def __getitem__(self, name: str) -> Any:
        return getattr(self.rows, self.row_spec(name).key)

    @classmethod
    def from_rows(cls: type[T], rows: Mapping[str, Cells | Mapping[str, Any] | Sequence[Any]]) -> T:
        """The table from figures by row and column, each named by printed label or key; rows not given
        are blank. A row is a mapping by column or its cells in column order."""
        rows_type = type_hints(cls)["rows"]
        row_types = type_hints(rows_type)
        kwargs: dict[str, Cells] = {}
        for name, given in rows.items():
            spec = cls.row_spec(name)
            if spec.key in kwargs:
                raise ValueError(f"row {spec.label} given twice")
            kwargs[spec.key] = row_types[spec.key].build(given, where=spec.label)
        make: Callable[..., T] = cls  # the subclass's attrs __init__ takes rows
        return make(rows=rows_type(**kwargs))


@attrs.frozen(kw_only=True)
class Table2V2021(_Table2):
    """Table 二 (主动公开政府信息情况) in the 2021 format: four blocks, six rows.

    >>> t2 = Table2V2021.from_rows({"行政规范性文件": [2, 1, 9], "行政许可": [1324], "fees": ["286.45"]})
    >>> t2["行政规范性文件"]["本年废止件数"], t2.rows.licensing.decisions, t2.rows.fees.amount
    (1, 1324, Decimal('286.45'))
    >>> t2.rows.regulations
    DocumentCounts(issued=None, repealed=None, in_force=None)
    """

    VERSION: ClassVar[ReportFormat] = ReportFormat.V2021
    BLOCKS: ClassVar[tuple[BlockSpec, ...]] = (
        _block(
            "第二十条第（一）项",
            DocumentCounts,
            ("regulations", "规章"),
            ("normative_documents", "行政规范性文件"),
        ),
        _block("第二十条第（五）项", DecisionCount, ("licensing", "行政许可")),
        _block(
            "第二十条第（六）项", DecisionCount, ("penalties", "行政处罚"), ("coercion", "行政强制")
        ),
        _block("第二十条第（八）项", FeeAmount, ("fees", "行政事业性收费")),
    )

    rows: Table2RowsV2021 = attrs.field(factory=Table2RowsV2021)
    """行: the rows by key"""


@attrs.frozen(kw_only=True)
class Table2V2019(_Table2):
    """Table 二 (主动公开政府信息情况) in the 2019 format: five blocks, nine rows.

    >>> t2 = Table2V2019.from_rows({
    ...     "行政许可": {"上一年项目数量": 40, "本年增/减": -2, "处理决定数量": 1324},
    ...     "政府集中采购": [3, Money("251000")],
    ... })
    >>> t2["行政许可"]["本年增/减"], t2.rows.procurement.amount.yuan
    (-2, Decimal('251000'))
    """

    VERSION: ClassVar[ReportFormat] = ReportFormat.V2019
    BLOCKS: ClassVar[tuple[BlockSpec, ...]] = (
        _block(
            "第二十条第（一）项",
            PublicationCounts,
            ("regulations", "规章"),
            ("normative_documents", "规范性文件"),
        ),
        _block(
            "第二十条第（五）项",
            ItemChanges,
            ("licensing", "行政许可"),
            ("other_services", "其他对外管理服务事项"),
        ),
        _block(
            "第二十条第（六）项", ItemChanges, ("penalties", "行政处罚"), ("coercion", "行政强制")
        ),
        _block("第二十条第（八）项", FeeItems, ("fees", "行政事业性收费")),
        _block("第二十条第（九）项", Procurement, ("procurement", "政府集中采购")),
    )

    rows: Table2RowsV2019 = attrs.field(factory=Table2RowsV2019)
    """行: the rows by key"""
