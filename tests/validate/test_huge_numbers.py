"""Numbers of any size: validate never raises (issue 18, item 9: 99999999999999999999亿元 made quantize fail)."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from govdisclosure import DisclosureReport, Money, MoneyUnit, ReportFormat, Section, validate
from govdisclosure.parse import parse_text

amounts = st.decimals(allow_nan=False, allow_infinity=False, places=None).filter(
    lambda d: abs(d.adjusted()) < 400
)


@given(st.lists(amounts, min_size=1, max_size=4), st.sampled_from(list(MoneyUnit)))
def test_amounts_of_any_size_are_checked_without_an_exception(
    values: list[Decimal], unit: MoneyUnit
) -> None:
    section = Section(paragraphs=["x"], amounts=[Money(v, unit) for v in values])
    report = DisclosureReport(title="t", year=2014, format=ReportFormat.NARRATIVE, body=[section])
    for d in validate(report):
        assert d.code.startswith("GD")


def test_the_amount_a_page_printed_is_checked() -> None:
    page = "2014年政府信息公开工作报告\n\n　　一、概述\n\n　　投入资金99999999999999999999亿元，另5.123元。"
    report = parse_text(page).report
    assert report.body[0].amounts[0].yuan == Decimal("9" * 20) * 10**8
    assert "GD502" in [d.code for d in validate(report)]
