"""Table 四, 政府信息公开行政复议、行政诉讼情况: one row of 15 cells in three groups (both formats)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import ClassVar

import attrs

from govdisclosure.model._tables import (
    Cells,
    ColumnSpec,
    Count,
    GroupSpec,
    TablePart,
    count_cell,
    find,
)

_LITIGATION = "行政诉讼"


@attrs.frozen
class Table4Group(Cells):
    """One group of table 四: results upheld, corrected, other, pending, and the total; None where blank.

    >>> g = Table4Group(2, 1, 0, 1, 4)
    >>> g.upheld, g["结果纠正"], g["total"]
    (2, 1, 4)
    """

    COLUMNS: ClassVar[tuple[ColumnSpec, ...]] = (
        ColumnSpec("upheld", "结果维持"),
        ColumnSpec("corrected", "结果纠正"),
        ColumnSpec("other", "其他结果"),
        ColumnSpec("pending", "尚未审结"),
        ColumnSpec("total", "总计"),
    )

    upheld: Count | None = attrs.field(default=None, validator=count_cell)
    """结果维持"""
    corrected: Count | None = attrs.field(default=None, validator=count_cell)
    """结果纠正"""
    other: Count | None = attrs.field(default=None, validator=count_cell)
    """其他结果"""
    pending: Count | None = attrs.field(default=None, validator=count_cell)
    """尚未审结"""
    total: Count | None = attrs.field(default=None, validator=count_cell)
    """总计"""

    def __getitem__(self, name: str) -> int | None:
        value: int | None = super().__getitem__(name)
        return value


@attrs.frozen(kw_only=True)
class Table4(TablePart):
    """Table 四 (政府信息公开行政复议、行政诉讼情况), the same in both formats: three groups of five cells.

    Groups by key or by printed header (行政复议, 未经复议直接起诉, 复议后起诉):

    >>> t4 = Table4.from_groups({"行政复议": [2, 1, 0, 1, 4], "litigation_direct": {"总计": 0}})
    >>> t4["行政复议"]["结果维持"], t4.review.total, t4.litigation_direct.total
    (2, 4, 0)
    >>> [g.key for g in Table4.GROUPS]
    ['review', 'litigation_direct', 'litigation_after_review']
    """

    GROUPS: ClassVar[tuple[GroupSpec, ...]] = (
        GroupSpec("review", "行政复议", (), Table4Group.COLUMNS),
        GroupSpec("litigation_direct", "未经复议直接起诉", (_LITIGATION,), Table4Group.COLUMNS),
        GroupSpec("litigation_after_review", "复议后起诉", (_LITIGATION,), Table4Group.COLUMNS),
    )
    """The three column groups in printed order, with the header cells above them."""

    review: Table4Group = attrs.field(factory=Table4Group)
    """行政复议"""
    litigation_direct: Table4Group = attrs.field(factory=Table4Group)
    """行政诉讼 / 未经复议直接起诉"""
    litigation_after_review: Table4Group = attrs.field(factory=Table4Group)
    """行政诉讼 / 复议后起诉"""

    @classmethod
    def group_spec(cls, name: str) -> GroupSpec:
        """The group with this printed header (行政复议) or key (``review``)."""
        return find(cls.GROUPS, name, "group of table 四")

    def __getitem__(self, name: str) -> Table4Group:
        group: Table4Group = getattr(self, self.group_spec(name).key)
        return group

    @classmethod
    def from_groups(
        cls, groups: Mapping[str, Table4Group | Mapping[str, int | None] | Sequence[int | None]]
    ) -> Table4:
        """The table from figures by group and column, each named by printed header or key; groups not
        given are blank. A group is a mapping by column or its five cells in column order."""
        kwargs: dict[str, Table4Group] = {}
        for name, given in groups.items():
            spec = cls.group_spec(name)
            if spec.key in kwargs:
                raise ValueError(f"group {spec.label} given twice")
            kwargs[spec.key] = Table4Group.build(given, where=spec.label)
        return cls(**kwargs)
