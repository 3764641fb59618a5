"""GD1xx: totals against their parts (总数与分项).

A total the text states (行政权力事项51项, 排查廉政风险点47个) is checked against the parts it states with
其中 (行政执法权2项 …; 高级8个 …): parts that add up to more than the total are an error; parts that add up
to less leave some uncategorised, which is a warning where the parts are meant to be complete and a hint
where a part is simply not stated.
"""

# The model's sequence fields convert with ``converter=tuple``, which the attrs mypy plugin types as
# Iterable[_T_co]: mypy then rejects every list of Quantity, Money, … passed to them. The examples below
# pass lists as users write them; drop this line once the model's converters are typed per field.

from __future__ import annotations

from collections.abc import Iterator, Sequence

import attrs

from govdisclosure.model import (
    Diagnostic,
    DisclosureReport,
    DisclosureStats,
    PowerInventory,
    Quantity,
    RiskInventory,
    RiskLevel,
    RiskPoint,
    Severity,
)
from govdisclosure.validate._examples import report, section
from govdisclosure.validate._rule import Context, Rule

_GRADE_ZH = {RiskLevel.HIGH: "高级", RiskLevel.MEDIUM: "中级", RiskLevel.LOW: "低级"}


@attrs.frozen
class _Part:
    path: str
    quantity: Quantity


@attrs.frozen
class _Group:
    """A stated total and its stated parts."""

    path: str
    total: Quantity
    parts: tuple[_Part, ...]
    name: str
    """what is counted, in Chinese (the text's own word where it gives one)"""
    name_en: str
    sorted_by: tuple[str, str]
    """how the parts divide the total, in Chinese and English (分类 / categories, 分级 / grades)"""
    complete: bool
    """True where the parts are meant to cover the total (every category or grade is stated)"""
    unstated: tuple[RiskLevel, ...] = ()
    """risk grades the text does not state"""

    @property
    def values(self) -> list[int]:
        return [part.quantity.value for part in self.parts]

    @property
    def sum(self) -> int:
        return sum(self.values)


def _expression(values: Sequence[int]) -> str:
    """``2 + 4 + 35 = 41``; a single part is just its figure."""
    if len(values) == 1:
        return str(values[0])
    return " + ".join(map(str, values)) + f" = {sum(values)}"


def _groups(report: DisclosureReport) -> Iterator[_Group]:
    for ref in report.sections():
        power, risks = ref.node.power, ref.node.risks
        if power is not None and power.matters is not None and power.categories:
            base = f"{ref.path}.power"
            yield _Group(
                path=f"{base}.matters",
                total=power.matters,
                parts=tuple(
                    _Part(f"{base}.categories[{i}]", q) for i, q in enumerate(power.categories)
                ),
                name=power.matters.subject or "行政权力事项",
                name_en="administrative power matters",
                sorted_by=("分类", "categories"),
                # The categories a report names are the ones it sorted the matters into.
                complete=True,
            )
        if risks is not None and risks.points is not None and risks.by_level():
            base = f"{ref.path}.risks"
            graded = risks.by_level()
            yield _Group(
                path=f"{base}.points",
                total=risks.points,
                parts=tuple(
                    _Part(f"{base}.{level.name.lower()}", q) for level, q in graded.items()
                ),
                name=risks.points.subject or "廉政风险点",
                name_en="risk points",
                sorted_by=("分级", "grades"),
                complete=len(graded) == len(RiskLevel),
                unstated=tuple(level for level in RiskLevel if level not in graded),
            )


def _check_parts_exceed_total(report: DisclosureReport, context: Context) -> Iterator[Diagnostic]:
    """A total (行政权力事项, 廉政风险点) is smaller than the sum of the parts the text states for it.

    The parts are listed with 其中 and each counts some of the total, so they cannot add up to more: one of
    the figures is wrong.
    """
    for group in _groups(report):
        if group.sum > group.total.value:
            unit = group.total.unit
            yield context.diagnostic(
                group.path,
                f"{group.name}{group.total.value}{unit}，少于其分项之和{group.sum}{unit}"
                f"（{' + '.join(map(str, group.values))}）",
                f"{group.total.value} {group.name_en} stated, fewer than the sum of their parts, "
                f"{group.sum} ({' + '.join(map(str, group.values))})",
                expected=_expression(group.values),
                found=str(group.total.value),
            )


def _example_parts_exceed_total() -> DisclosureReport:
    return report(
        section(
            1,
            "一、",
            power=PowerInventory(
                matters=Quantity(5, "项", "行政权力事项"),
                categories=[Quantity(3, "项", "行政执法权"), Quantity(4, "项", "内部管理权")],
            ),
        )
    )


def _check_uncategorised(report: DisclosureReport, context: Context) -> Iterator[Diagnostic]:
    """A total is larger than the sum of parts that are meant to cover it: some are left uncategorised.

    Applies to the categories of the administrative powers (行政执法权, 重大事项决策权, 内部管理权 …) and to the
    risk grades when all three (高, 中, 低) are stated. The seed report states 51 matters and categorises
    2 + 4 + 35 = 41.
    """
    for group in _groups(report):
        if group.complete and group.sum < group.total.value:
            unit, left = group.total.unit, group.total.value - group.sum
            what, what_en = group.sorted_by
            yield context.diagnostic(
                group.path,
                f"{group.name}{group.total.value}{unit}，{what}合计{group.sum}{unit}"
                f"（{' + '.join(map(str, group.values))}），{left}{unit}未归类",
                f"{group.total.value} {group.name_en} stated, but the {what_en} add up to {group.sum} "
                f"({' + '.join(map(str, group.values))}): {left} left uncategorised",
                expected=_expression(group.values),
                found=str(group.total.value),
            )


def _example_uncategorised() -> DisclosureReport:
    return report(
        section(
            1,
            "一、",
            power=PowerInventory(
                matters=Quantity(10, "项", "行政权力事项"),
                categories=[Quantity(3, "项", "行政执法权"), Quantity(4, "项", "内部管理权")],
            ),
        )
    )


def _check_ungraded(report: DisclosureReport, context: Context) -> Iterator[Diagnostic]:
    """Risk points outnumber the graded counts the text states, and a grade is not stated.

    The rest may be of the grade the text leaves out (often 低) or not graded at all; nothing is wrong for
    certain, so this is a hint. The seed report finds 47 risk points and grades 8 高 + 9 中.
    """
    for group in _groups(report):
        if group.unstated and group.sum < group.total.value:
            unit, left = group.total.unit, group.total.value - group.sum
            grades = "、".join(_GRADE_ZH[level] for level in group.unstated)
            grades_en = " or ".join(level.value for level in group.unstated)
            yield context.diagnostic(
                group.path,
                f"{group.name}{group.total.value}{unit}，分级合计{group.sum}{unit}"
                f"（{' + '.join(map(str, group.values))}），{left}{unit}未分级或为{grades}",
                f"{group.total.value} {group.name_en} stated, {group.sum} graded "
                f"({' + '.join(map(str, group.values))}): {left} are not graded or {grades_en}",
                expected=_expression(group.values),
                found=str(group.total.value),
            )


def _example_ungraded() -> DisclosureReport:
    return report(
        section(
            1,
            "一、",
            risks=RiskInventory(points=Quantity(12, "个"), high=Quantity(2, "个", "高级")),
        )
    )


def _check_few_measures(report: DisclosureReport, context: Context) -> Iterator[Diagnostic]:
    """Fewer preventive measures (防控措施) are stated than risk points (廉政风险点).

    A measure is usually drawn up for each risk point, so fewer measures than points suggests that some
    points have none. But one measure can cover several points, and a count of measures beside a count of
    points does not tie them to each other (the seed: 47 points, 42 measures), so nothing is wrong for
    certain: a hint, not a warning. Where the points are listed one by one with their measures, GD106 says
    which point has none.
    """
    for ref in report.sections():
        risks = ref.node.risks
        if risks is None or risks.points is None or risks.measures is None:
            continue
        if risks.measures.value < risks.points.value:
            points, measures = risks.points, risks.measures
            yield context.diagnostic(
                f"{ref.path}.risks.measures",
                f"{measures.subject or '防控措施'}{measures.value}{measures.unit}，"
                f"少于{points.subject or '廉政风险点'}{points.value}{points.unit}",
                f"{measures.value} preventive measures for {points.value} risk points",
                expected=f"≥ {points.value}",
                found=str(measures.value),
            )


def _example_few_measures() -> DisclosureReport:
    return report(
        section(
            1,
            "一、",
            risks=RiskInventory(points=Quantity(12, "个"), measures=Quantity(10, "个")),
        )
    )


def _check_listed_points(report: DisclosureReport, context: Context) -> Iterator[Diagnostic]:
    """The risk points listed one by one are not as many as the count the text states."""
    for ref in report.sections():
        risks = ref.node.risks
        if risks is None or risks.points is None or not risks.items:
            continue
        if len(risks.items) != risks.points.value:
            points = risks.points
            yield context.diagnostic(
                f"{ref.path}.risks.items",
                f"列出廉政风险点{len(risks.items)}个，与所述{points.value}{points.unit}不符",
                f"{len(risks.items)} risk points listed, but {points.value} stated",
                expected=str(points.value),
                found=str(len(risks.items)),
            )


def _example_listed_points() -> DisclosureReport:
    return report(
        section(
            1,
            "一、",
            risks=RiskInventory(
                points=Quantity(3, "个"),
                items=[
                    RiskPoint("项目评审", measures=["集体评审"]),
                    RiskPoint("经费拨付", measures=["公示"]),
                ],
            ),
        )
    )


def _check_point_without_measure(
    report: DisclosureReport, context: Context
) -> Iterator[Diagnostic]:
    """A listed risk point has no preventive measure, while other listed points have theirs.

    Where the list gives each point its measures, the text ties measures to points, and a point left
    without one is a gap. A list that gives no point a measure ties nothing and is not checked.
    """
    for ref in report.sections():
        risks = ref.node.risks
        if risks is None or not any(item.measures for item in risks.items):
            continue
        for i, item in enumerate(risks.items):
            if not item.measures:
                yield context.diagnostic(
                    f"{ref.path}.risks.items[{i}].measures",
                    f"廉政风险点“{item.description}”未列防控措施",
                    f"the risk point {item.description!r} has no preventive measure",
                    expected="≥ 1",
                    found="0",
                )


def _example_point_without_measure() -> DisclosureReport:
    return report(
        section(
            1,
            "一、",
            risks=RiskInventory(
                points=Quantity(2, "个"),
                items=[RiskPoint("项目评审", measures=["集体评审"]), RiskPoint("经费拨付")],
            ),
        )
    )


def _disclosures(report: DisclosureReport) -> Iterator[tuple[str, DisclosureStats]]:
    for ref in report.sections():
        if ref.node.disclosure is not None:
            yield f"{ref.path}.disclosure", ref.node.disclosure


def _check_cumulative_below_year(
    report: DisclosureReport, context: Context
) -> Iterator[Diagnostic]:
    """The cumulative count of published items (历年累计) is smaller than this year's count (本年公开)."""
    for path, stats in _disclosures(report):
        if stats.items is None or stats.cumulative is None:
            continue
        if stats.cumulative.value < stats.items.value:
            yield context.diagnostic(
                f"{path}.cumulative",
                f"历年累计发布{stats.cumulative.value}{stats.cumulative.unit}，"
                f"少于本年公开{stats.items.value}{stats.items.unit}",
                f"{stats.cumulative.value} items published over the years, fewer than the "
                f"{stats.items.value} published this year",
                expected=f"≥ {stats.items.value}",
                found=str(stats.cumulative.value),
            )


def _example_cumulative_below_year() -> DisclosureReport:
    return report(
        section(
            1,
            "一、",
            disclosure=DisclosureStats(items=Quantity(30, "条"), cumulative=Quantity(20, "条")),
        )
    )


def _check_cumulative_fell(report: DisclosureReport, context: Context) -> Iterator[Diagnostic]:
    """The cumulative count of published items is smaller than the one last year's report gave.

    Needs last year's report (``previous``). A cumulative count only grows; restructuring or a change of
    what is counted can break it, so this is a warning.
    """
    previous = context.previous
    if previous is None:
        return
    before = next(
        (s.cumulative for _, s in _disclosures(previous) if s.cumulative is not None), None
    )
    if before is None:
        return
    for path, stats in _disclosures(report):
        now = stats.cumulative
        if now is not None and now.value < before.value:
            yield context.diagnostic(
                f"{path}.cumulative",
                f"历年累计发布{now.value}{now.unit}，少于上年报告所述{before.value}{before.unit}",
                f"{now.value} items published over the years, fewer than the {before.value} "
                f"of last year's report",
                expected=f"≥ {before.value}",
                found=str(now.value),
            )


def _example_cumulative_fell() -> DisclosureReport:
    return report(section(1, "一、", disclosure=DisclosureStats(cumulative=Quantity(150, "条"))))


def _example_cumulative_fell_previous() -> DisclosureReport:
    return report(
        section(1, "一、", disclosure=DisclosureStats(cumulative=Quantity(163, "条"))), year=2013
    )


def _check_part_unit(report: DisclosureReport, context: Context) -> Iterator[Diagnostic]:
    """A part is counted with a different measure word (量词) than its total (51项 but 2个)."""
    for group in _groups(report):
        for part in group.parts:
            if part.quantity.unit != group.total.unit:
                yield context.diagnostic(
                    f"{part.path}.unit",
                    f"分项以“{part.quantity.unit}”计，总数以“{group.total.unit}”计",
                    f"a part is counted in {part.quantity.unit!r}, its total in "
                    f"{group.total.unit!r}",
                    expected=group.total.unit,
                    found=part.quantity.unit,
                )


def _example_part_unit() -> DisclosureReport:
    return report(
        section(
            1,
            "一、",
            power=PowerInventory(
                matters=Quantity(6, "项"),
                categories=[Quantity(2, "项", "行政执法权"), Quantity(4, "个", "内部管理权")],
            ),
        )
    )


RULES = (
    Rule(
        code="GD101",
        severity=Severity.ERROR,
        summary="A total is smaller than the sum of its parts",
        summary_zh="总数小于其分项之和",
        check=_check_parts_exceed_total,
        example=_example_parts_exceed_total,
    ),
    Rule(
        code="GD102",
        severity=Severity.WARNING,
        summary="A total is larger than the sum of its parts: some are uncategorised",
        summary_zh="总数大于其分项之和，部分未归类",
        check=_check_uncategorised,
        example=_example_uncategorised,
    ),
    Rule(
        code="GD103",
        severity=Severity.INFO,
        summary="Risk points outnumber the grades stated: the rest are ungraded or of a grade not stated",
        summary_zh="廉政风险点多于所列分级之和，其余未分级或属未列等级",
        check=_check_ungraded,
        example=_example_ungraded,
    ),
    Rule(
        code="GD104",
        severity=Severity.INFO,
        summary="Fewer preventive measures than risk points",
        summary_zh="防控措施少于廉政风险点",
        check=_check_few_measures,
        example=_example_few_measures,
    ),
    Rule(
        code="GD105",
        severity=Severity.WARNING,
        summary="The risk points listed are not as many as the count stated",
        summary_zh="所列廉政风险点个数与所述总数不符",
        check=_check_listed_points,
        example=_example_listed_points,
    ),
    Rule(
        code="GD106",
        severity=Severity.WARNING,
        summary="A listed risk point has no preventive measure",
        summary_zh="所列廉政风险点未列防控措施",
        check=_check_point_without_measure,
        example=_example_point_without_measure,
    ),
    Rule(
        code="GD107",
        severity=Severity.ERROR,
        summary="The cumulative count of published items is smaller than this year's",
        summary_zh="历年累计公开数少于本年公开数",
        check=_check_cumulative_below_year,
        example=_example_cumulative_below_year,
    ),
    Rule(
        code="GD108",
        severity=Severity.WARNING,
        summary="The cumulative count of published items is smaller than last year's report gave",
        summary_zh="历年累计公开数少于上年报告所述",
        check=_check_cumulative_fell,
        example=_example_cumulative_fell,
        example_previous=_example_cumulative_fell_previous,
    ),
    Rule(
        code="GD109",
        severity=Severity.INFO,
        summary="A part is counted with a different measure word than its total",
        summary_zh="分项与总数的量词不一致",
        check=_check_part_unit,
        example=_example_part_unit,
    ),
)
