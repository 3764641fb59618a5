"""Facts a report states: quantities, money, cited documents and the structured inventories.

Each fact is attached to the :class:`~govdisclosure.model.Section` whose text states it. Facts keep what the
text says (measure words, subjects, units as written); nothing is derived or invented here.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal, InvalidOperation

import attrs

from govdisclosure.model._checks import type_checks
from govdisclosure.model._enums import MoneyUnit, RiskLevel
from govdisclosure.model._numbers import DocumentNumber
from govdisclosure.zh import YearMonth


def _tuple_of_str(value: Iterable[str]) -> tuple[str, ...]:
    # A lone string is iterable too; taking it for a sequence of characters would silently mangle data.
    if isinstance(value, str):
        raise TypeError(f"expected a sequence of strings, got the string {value!r}")
    return tuple(value)


# Typed converters, one per element type: mypy's attrs plugin types an __init__ argument by its converter's
# parameter, and `converter=tuple` would leave it an unsolved Iterable[_T_co] that rejects every list.
def _quantities(value: Iterable[Quantity]) -> tuple[Quantity, ...]:
    return tuple(value)


def _risk_points(value: Iterable[RiskPoint]) -> tuple[RiskPoint, ...]:
    return tuple(value)


def _non_negative(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if value < 0:
        raise ValueError(f"{attribute.name} must not be negative, got {value}")


def _count(value: object) -> int:
    # bool is an int subclass; True is not a count.
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"a count must be an int, got {value!r}")
    return value


def _decimal(value: Decimal | int | str) -> Decimal:
    """Accept Decimal, int or a decimal string; refuse float (money is never float)."""
    if isinstance(value, bool | float) or not isinstance(value, Decimal | int | str):
        raise TypeError(f"an amount must be a Decimal (never float), got {value!r}")
    try:
        number = Decimal(value)
    except InvalidOperation:
        raise ValueError(f"expected a decimal number, got {value!r}") from None
    if not number.is_finite():
        raise ValueError(f"an amount must be a finite number, got {value!r}")
    return number


@attrs.frozen
class Quantity:
    """A count with its measure word and what it counts (数量), e.g. 规章制度 20 部(份), 流程图 14 幅.

    >>> Quantity(20, "部(份)", "规章制度")
    Quantity(value=20, unit='部(份)', subject='规章制度')
    """

    __attrs_post_init__ = type_checks(globals())  # skipped when loading JSON (model._checks)

    value: int = attrs.field(converter=_count, validator=_non_negative)
    """数量"""
    unit: str
    """量词, as written (个, 项, 条, 部(份), 幅 …)"""
    subject: str | None = None
    """计数对象, what is counted, as written; None where the text leaves it implied"""


@attrs.frozen
class Money:
    """An amount of money (金额), in yuan as a Decimal, keeping the unit it was written in.

    ``Money(Decimal("12894000"), MoneyUnit.WAN_YUAN)`` is the text's 1289.4万元.

    >>> Money(Decimal("12894000"), MoneyUnit.WAN_YUAN).in_unit()
    Decimal('1289.4')
    >>> Money(0.1)
    Traceback (most recent call last):
    ...
    TypeError: an amount must be a Decimal (never float), got 0.1
    """

    __attrs_post_init__ = type_checks(globals())  # skipped when loading JSON (model._checks)

    yuan: Decimal = attrs.field(converter=_decimal)
    """金额 in 元"""
    unit: MoneyUnit = MoneyUnit.YUAN
    """金额单位 as written (元, 万元, 亿元)"""
    subject: str | None = None
    """款项, what the money is (e.g. 项目经费), where the text says"""

    def in_unit(self) -> Decimal:
        """The amount in the unit it was written in, without trailing zeros."""
        value = self.yuan / self.unit.factor
        return (
            value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()
        )


@attrs.frozen
class CitedDocument:
    """A document the report cites (引用文件): 《title》 and its document number (发文字号) if given."""

    __attrs_post_init__ = type_checks(globals())  # skipped when loading JSON (model._checks)

    title: str
    """文件标题, without the 《》"""
    number: DocumentNumber | None = None
    """发文字号"""


@attrs.frozen
class Channels:
    """The channels through which information is published (公开渠道)."""

    __attrs_post_init__ = type_checks(globals())  # skipped when loading JSON (model._checks)

    primary: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str)
    """主渠道 (以…为主)"""
    auxiliary: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str)
    """辅助渠道 (以…为辅)"""


@attrs.frozen
class PowerInventory:
    """The review of administrative powers (行政权力清理): what was reviewed, listed and drawn.

    Counts are stored as the text states them; a total that its categories do not add up to is kept as
    it is (validation reports it), and no missing category is invented.
    """

    __attrs_post_init__ = type_checks(globals())  # skipped when loading JSON (model._checks)

    rules: Quantity | None = None
    """清理规章制度 (规章制度 20 部(份))"""
    matters: Quantity | None = None
    """行政权力事项总数 (51 项)"""
    categories: tuple[Quantity, ...] = attrs.field(default=(), converter=_quantities)
    """其中 by category: 行政执法权, 重大事项决策权, 内部管理权 and any other named category"""
    flowcharts: Quantity | None = None
    """流程图 (14 幅)"""
    documents: Quantity | None = None
    """完善、制定出台制度文件 (1 份)"""
    published_on: str | None = None
    """发布平台, where the inventory was published"""


@attrs.frozen
class RiskPoint:
    """One integrity risk point (廉政风险点), where a report lists them individually."""

    __attrs_post_init__ = type_checks(globals())  # skipped when loading JSON (model._checks)

    description: str
    """风险点描述"""
    level: RiskLevel | None = None
    """风险等级"""
    measures: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str)
    """防控措施"""
    post: str | None = None
    """责任岗位"""


@attrs.frozen
class RiskInventory:
    """The integrity-risk review (廉政风险点排查): points found, graded, and preventive measures."""

    __attrs_post_init__ = type_checks(globals())  # skipped when loading JSON (model._checks)

    points: Quantity | None = None
    """排查廉政风险点 in total (47 个)"""
    high: Quantity | None = None
    """高级 (一级) risk points, with the grade's name as written as subject"""
    medium: Quantity | None = None
    """中级 (二级) risk points"""
    low: Quantity | None = None
    """低级 (三级) risk points"""
    measures: Quantity | None = None
    """制定防控措施 (42 个)"""
    items: tuple[RiskPoint, ...] = attrs.field(default=(), converter=_risk_points)
    """individual risk points (风险点清单), where listed"""
    published_on: str | None = None
    """发布平台"""

    def by_level(self) -> dict[RiskLevel, Quantity]:
        """The graded counts that the text states, by level."""
        graded = {RiskLevel.HIGH: self.high, RiskLevel.MEDIUM: self.medium, RiskLevel.LOW: self.low}
        return {level: q for level, q in graded.items() if q is not None}


@attrs.frozen
class DisclosureStats:
    """Figures on what was disclosed (信息公开情况): items, cumulative items, topics, projects and funding."""

    __attrs_post_init__ = type_checks(globals())  # skipped when loading JSON (model._checks)

    as_of: YearMonth | None = None
    """截至 (as-of month of the figures, e.g. 截至11月)"""
    items: Quantity | None = None
    """本年公开信息 (累计公开政府信息 30 条)"""
    cumulative: Quantity | None = None
    """历年累计发布 (163 条)"""
    focus_areas: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str)
    """公开重点 (党风廉政, 民主评议 …)"""
    by_topic: tuple[Quantity, ...] = attrs.field(default=(), converter=_quantities)
    """分类公开数量 (科技管理和项目经费信息 9 条)"""
    projects: Quantity | None = None
    """涉及项目 (62 个)"""
    funding: Money | None = None
    """涉及金额 (1289.4万元)"""


@attrs.frozen
class WorkPlan:
    """The facts of a work plan (工作计划); its items are the children of the section it is attached to."""

    __attrs_post_init__ = type_checks(globals())  # skipped when loading JSON (model._checks)

    target_year: int | None = None
    """计划年度 (2015)"""
    principles: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str)
    """原则 (依法公开、真实公正 …)"""
