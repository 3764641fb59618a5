"""GD5xx: money (金额): amounts are non-negative, exact to the fen, and written in consistent units."""

# The model's sequence fields convert with ``converter=tuple``, which the attrs mypy plugin types as
# Iterable[_T_co]: mypy then rejects every list of Quantity, Money, … passed to them. The examples below
# pass lists as users write them; drop this line once the model's converters are typed per field.

from __future__ import annotations

import decimal
from collections.abc import Iterator
from decimal import ROUND_DOWN, Decimal

import attrs

from govdisclosure.model import (
    Diagnostic,
    DisclosureReport,
    Money,
    MoneyUnit,
    Section,
    Severity,
)
from govdisclosure.validate._examples import TEXT, report
from govdisclosure.validate._rule import Context, Rule
from govdisclosure.zh import format_amount

_FEN = Decimal("0.01")


def _down_to_fen(yuan: Decimal) -> Decimal:
    """``yuan`` cut to whole fen, with as many digits as it needs (the default context's 28 would make
    quantize fail on the 99999999999999999999亿元 a page may print)."""
    context = decimal.Context(prec=max(len(yuan.as_tuple().digits), yuan.adjusted() + 1) + 4)
    return yuan.quantize(_FEN, rounding=ROUND_DOWN, context=context)


@attrs.frozen
class _Amount:
    path: str
    money: Money

    @property
    def shown(self) -> str:
        """The amount as the text writes it, in its own unit (1289.4万元)."""
        return format_amount(self.money.yuan, unit=self.money.unit.value)


def _amounts(report: DisclosureReport) -> Iterator[_Amount]:
    """Every amount of money in reading order."""
    for ref in report.sections():
        for i, money in enumerate(ref.node.amounts):
            yield _Amount(f"{ref.path}.amounts[{i}]", money)
        stats = ref.node.disclosure
        if stats is not None and stats.funding is not None:
            yield _Amount(f"{ref.path}.disclosure.funding", stats.funding)


def _check_negative(report: DisclosureReport, context: Context) -> Iterator[Diagnostic]:
    """An amount of money is negative. Amounts a report states (funding, fees) are never below zero."""
    for amount in _amounts(report):
        if amount.money.yuan < 0:
            yield context.diagnostic(
                f"{amount.path}.yuan",
                f"金额{amount.shown}为负数",
                f"the amount {amount.shown} is negative",
                expected="≥ 0",
                found=amount.shown,
            )


def _example_negative() -> DisclosureReport:
    return report(
        Section(paragraphs=[TEXT], amounts=[Money(Decimal("-50000"), MoneyUnit.WAN_YUAN)])
    )


def _check_fen(report: DisclosureReport, context: Context) -> Iterator[Diagnostic]:
    """An amount is not a whole number of fen (分), the smallest unit of the yuan.

    1289.4万元 is 12894000元; 0.123456万元 would be 1234.56元, but 0.1234567万元 is no amount of money: the
    figure or its unit is wrong.
    """
    for amount in _amounts(report):
        yuan = amount.money.yuan
        fen = _down_to_fen(yuan)
        if yuan != fen:
            yield context.diagnostic(
                f"{amount.path}.yuan",
                f"金额{amount.shown}不足一分的部分无法表示",
                f"the amount {amount.shown} has a fraction of a fen",
                expected=f"{fen}元 or a whole fen",
                found=f"{yuan}元",
            )


def _example_fen() -> DisclosureReport:
    return report(Section(paragraphs=[TEXT], amounts=[Money(Decimal("1234.567"))]))


def _check_units(report: DisclosureReport, context: Context) -> Iterator[Diagnostic]:
    """Amounts are written in different units (元 and 万元) in one report.

    Not wrong in itself, but readers compare figures at a glance, and a mixture is how a unit gets lost
    (a 万元 figure read as 元). Each amount written otherwise than the first is reported.
    """
    first: _Amount | None = None
    for amount in _amounts(report):
        if first is None:
            first = amount
        elif amount.money.unit != first.money.unit:
            unit, first_unit = amount.money.unit.value, first.money.unit.value
            yield context.diagnostic(
                f"{amount.path}.unit",
                f"金额{amount.shown}以{unit}为单位，前文金额以{first_unit}为单位",
                f"the amount {amount.shown} is in {unit}, the first amount in {first_unit}",
                expected=first_unit,
                found=unit,
            )


def _example_units() -> DisclosureReport:
    return report(
        Section(
            paragraphs=[TEXT],
            amounts=[Money(Decimal("12894000"), MoneyUnit.WAN_YUAN), Money(Decimal("251000"))],
        )
    )


RULES = (
    Rule(
        code="GD501",
        severity=Severity.ERROR,
        summary="An amount of money is negative",
        summary_zh="金额为负数",
        check=_check_negative,
        example=_example_negative,
    ),
    Rule(
        code="GD502",
        severity=Severity.WARNING,
        summary="An amount of money is not a whole number of fen",
        summary_zh="金额精度小于一分",
        check=_check_fen,
        example=_example_fen,
    ),
    Rule(
        code="GD503",
        severity=Severity.INFO,
        summary="Amounts of money are written in different units",
        summary_zh="金额单位前后不一",
        check=_check_units,
        example=_example_units,
    ),
)
