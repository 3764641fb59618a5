"""Properties: parts that add up never trip a sum rule; any valid report validates, deterministically."""

from __future__ import annotations

import attrs
from hypothesis import given
from hypothesis import strategies as st

from govdisclosure import (
    DisclosureReport,
    DisclosureStats,
    PowerInventory,
    Quantity,
    ReportFormat,
    RiskInventory,
    RiskPoint,
    Section,
)
from govdisclosure.validate import rules, validate
from govdisclosure.validate._paths import reading_key
from tests.strategies import reports

SUM_RULES = {"GD101", "GD102", "GD103", "GD105", "GD107"}
units = st.sampled_from(["项", "个", "条"])


@st.composite
def power_that_adds_up(draw: st.DrawFn) -> PowerInventory:
    unit = draw(units)
    parts = draw(st.lists(st.integers(0, 10_000), min_size=1, max_size=4))
    return PowerInventory(
        matters=Quantity(sum(parts), unit, "行政权力事项"),
        categories=[Quantity(n, unit, f"类别{i}") for i, n in enumerate(parts)],
    )


@st.composite
def risks_that_add_up(draw: st.DrawFn) -> RiskInventory:
    # Any grade may be left unstated: the stated ones still add up to the points.
    grades = [draw(st.none() | st.integers(0, 6)) for _ in range(3)]
    points = sum(g for g in grades if g is not None)
    listed = draw(st.booleans())
    return RiskInventory(
        points=Quantity(points, "个"),
        high=None if grades[0] is None else Quantity(grades[0], "个", "高级"),
        medium=None if grades[1] is None else Quantity(grades[1], "个", "中级"),
        low=None if grades[2] is None else Quantity(grades[2], "个", "低级"),
        measures=draw(st.none() | st.builds(Quantity, st.integers(0, 30), st.just("个"))),
        items=[RiskPoint(f"风险点{i}", measures=["措施"]) for i in range(points)] if listed else [],
    )


@st.composite
def stats_that_add_up(draw: st.DrawFn) -> DisclosureStats:
    items = draw(st.integers(0, 10_000))
    cumulative = items + draw(st.integers(0, 10_000))
    return DisclosureStats(items=Quantity(items, "条"), cumulative=Quantity(cumulative, "条"))


@st.composite
def reports_whose_parts_add_up(draw: st.DrawFn) -> DisclosureReport:
    report = draw(reports(max_depth=2))

    def fix(node: Section) -> Section:
        return attrs.evolve(
            node,
            power=draw(st.none() | power_that_adds_up()),
            risks=draw(st.none() | risks_that_add_up()),
            disclosure=draw(st.none() | stats_that_add_up()),
            children=[fix(child) for child in node.children],
        )

    return attrs.evolve(report, body=[fix(node) for node in report.body])


@given(reports_whose_parts_add_up())
def test_parts_that_add_up_trip_no_sum_rule(report: DisclosureReport) -> None:
    codes = {d.code for d in validate(report)}
    assert not codes & SUM_RULES


@given(power_that_adds_up(), st.integers(1, 50))
def test_a_total_off_by_any_amount_is_caught(power: PowerInventory, off: int) -> None:
    assert power.matters is not None
    more = attrs.evolve(power, matters=attrs.evolve(power.matters, value=power.matters.value + off))
    body = [Section(paragraphs=["……"], power=more)]
    report = DisclosureReport(title="报告", year=2014, format=ReportFormat.NARRATIVE, body=body)
    assert [d.code for d in validate(report, select="GD1")] == ["GD102"]
    if power.matters.value >= off:
        less = attrs.evolve(
            power, matters=attrs.evolve(power.matters, value=power.matters.value - off)
        )
        report = attrs.evolve(report, body=[Section(paragraphs=["……"], power=less)])
        assert [d.code for d in validate(report, select="GD1")] == ["GD101"]


@given(reports())
def test_any_report_validates_in_reading_order(report: DisclosureReport) -> None:
    found = validate(report)
    assert found == validate(report)
    keys = [(reading_key(d.path), d.code) for d in found]
    assert keys == sorted(keys)
    for d in found:
        assert d.path.startswith("$")
        assert d.message
        assert d.message_en


@given(reports(), st.one_of(st.none(), st.sampled_from([1900, 2199]), st.integers(1900, 2199)))
def test_any_year_validates_and_an_unknown_year_trips_no_year_rule(
    report: DisclosureReport, year: int | None
) -> None:
    """A report on any year validates without raising (the parser gives None when it cannot tell); where
    the year is unknown, the rules that reason about it find nothing."""
    report = attrs.evolve(report, year=year)
    found = validate(report)
    if year is None:
        year_rules = {r.code for r in rules() if r.needs_year}
        assert year_rules >= {"GD303", "GD310", "GD402", "GD604"}
        assert not [d for d in found if d.code in year_rules]


def test_a_parsed_page_whose_year_is_unknown_validates() -> None:
    """The 二道区 fixture with its year struck out (the parser reads 2022 from its title, and from its
    introduction): the parser says it cannot tell (GP108, year None)."""
    from govdisclosure.parse import parse_text
    from tests.conftest import FIXTURES

    page = (FIXTURES / "erdao-fwzsb-2022.txt").read_text(encoding="utf-8").replace("2022", "")
    result = parse_text(page)
    assert result.report.year is None
    assert "GP108" in {d.code for d in result.diagnostics}
    codes = {d.code for d in validate(result.report)}
    assert not codes & {r.code for r in rules() if r.needs_year}
