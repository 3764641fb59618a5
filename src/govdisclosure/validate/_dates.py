"""GD3xx: dates (日期) against each other and against the year reported on.

A report on year Y is written at the end of Y or early in Y+1 and published by 3月31日 of Y+1 (条例 2007
第三十一条; 2019 第四十九、五十条). Its dates (成文日期 in the header, the signature's date, the portal's
publication time), the as-of month of its figures (截至11月), its plan's year and the year in its title
must fit that.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

import attrs

from govdisclosure.model import (
    Diagnostic,
    DisclosureReport,
    DisclosureStats,
    Header,
    ReportFormat,
    Severity,
    Signature,
    WorkPlan,
    YearMonth,
    is_statutory,
)
from govdisclosure.validate._examples import report, section, six_sections, tables
from govdisclosure.validate._rule import Context, Rule
from govdisclosure.zh import format_date, from_chinese


@attrs.frozen
class _Dated:
    path: str
    date: dt.date
    name: str
    name_en: str
    shown: str
    """the value as the JSON file writes it"""


def _dates(report: DisclosureReport, *, publication: bool = True) -> list[_Dated]:
    """The report's own dates: 成文日期, the signature's date and (unless told not to) the publication time."""
    found = []
    if report.header.document_date is not None:
        day = report.header.document_date
        found.append(_Dated("$.header.document_date", day, "成文日期", "document date", str(day)))
    if report.signature is not None and report.signature.date is not None:
        day = report.signature.date
        found.append(_Dated("$.signature.date", day, "落款日期", "signature date", str(day)))
    if publication and report.header.published_at is not None:
        at = report.header.published_at
        found.append(
            _Dated(
                "$.header.published_at",
                at.date(),
                "发布时间",
                "publication time",
                f"{at:%Y-%m-%dT%H:%M}",
            )
        )
    return found


def written(report: DisclosureReport) -> dt.date | None:
    """When the report was written: its 成文日期, else its signature's date; None if it gives neither."""
    dates = _dates(report, publication=False)
    return dates[0].date if dates else None


def _check_signature_date(report: DisclosureReport, context: Context) -> Iterator[Diagnostic]:
    """The signature's date differs from the 成文日期 in the header.

    Both are the date the report was signed off. Portals sometimes fill 生成日期 with the upload date, so
    this is a warning.
    """
    signed = report.signature.date if report.signature is not None else None
    dated = report.header.document_date
    if signed is not None and dated is not None and signed != dated:
        yield context.diagnostic(
            "$.signature.date",
            f"落款日期{format_date(signed)}与成文日期{format_date(dated)}不一致",
            f"the signature date {signed} differs from the document date {dated}",
            expected=str(dated),
            found=str(signed),
        )


def _example_signature_date() -> DisclosureReport:
    return report(
        section(1, "一、"),
        header=Header(document_date=dt.date(2015, 1, 20)),
        signature=Signature(authority="某县科学技术局", date=dt.date(2015, 1, 21)),
    )


def _check_published_before_written(
    report: DisclosureReport, context: Context
) -> Iterator[Diagnostic]:
    """The report was published before the date it was written (成文日期 or the signature's date)."""
    at = report.header.published_at
    if at is None:
        return
    latest = max((d for d in _dates(report, publication=False)), key=lambda d: d.date, default=None)
    if latest is not None and at.date() < latest.date:
        yield context.diagnostic(
            "$.header.published_at",
            f"发布时间{format_date(at.date())}早于{latest.name}{format_date(latest.date)}",
            f"published on {at.date()}, before its {latest.name_en} {latest.date}",
            expected=f"≥ {latest.date}",
            found=f"{at:%Y-%m-%dT%H:%M}",
        )


def _example_published_before_written() -> DisclosureReport:
    return report(
        section(1, "一、"),
        header=Header(
            document_date=dt.date(2015, 1, 20), published_at=dt.datetime(2015, 1, 19, 9, 30)
        ),
    )


def _check_before_year(report: DisclosureReport, context: Context) -> Iterator[Diagnostic]:
    """A date of the report (成文日期, signature, publication) falls before the year it reports on began."""
    assert report.year is not None  # a rule that needs_year: run on a known year only
    start = dt.date(report.year, 1, 1)
    for dated in _dates(report):
        if dated.date < start:
            yield context.diagnostic(
                dated.path,
                f"{dated.name}{format_date(dated.date)}早于报告年度{report.year}年",
                f"the {dated.name_en} {dated.date} is before the year reported on, {report.year}",
                expected=f"≥ {start}",
                found=dated.shown,
            )


def _example_before_year() -> DisclosureReport:
    return report(section(1, "一、"), header=Header(document_date=dt.date(2013, 12, 30)))


def _check_long_after(report: DisclosureReport, context: Context) -> Iterator[Diagnostic]:
    """The report is dated (成文日期 or signature) after the end of the year following the year reported on.

    A report on 2014 is written by 2015; a later date suggests a wrong year, in the date or in the report.
    The publication time is not checked here: portals re-publish old reports when they move (see GD306).
    """
    assert report.year is not None  # a rule that needs_year: run on a known year only
    end = dt.date(report.year + 1, 12, 31)
    for dated in _dates(report, publication=False):
        if dated.date > end:
            yield context.diagnostic(
                dated.path,
                f"{dated.name}{format_date(dated.date)}晚于{report.year + 1}年底",
                f"the {dated.name_en} {dated.date} is after the end of {report.year + 1}",
                expected=f"≤ {end}",
                found=dated.shown,
            )


def _example_long_after() -> DisclosureReport:
    return report(section(1, "一、"), header=Header(document_date=dt.date(2016, 2, 1)))


def _check_within_year(report: DisclosureReport, context: Context) -> Iterator[Diagnostic]:
    """An annual report in the 2019 or 2021 format is dated or published before the year it reports on ended.

    The national formats are annual reports on a whole year. (Older narrative reports were sometimes
    progress reports written in the year, like the seed's "成绩单" of December 2014, so they are not checked.)
    """
    if not is_statutory(report.format):
        return
    for dated in _dates(report):
        if dated.date.year == report.year:
            yield context.diagnostic(
                dated.path,
                f"{dated.name}{format_date(dated.date)}在报告年度{report.year}年结束之前",
                f"the {dated.name_en} {dated.date} is before the year reported on, {report.year}, ended",
                expected=f"≥ {report.year + 1}-01-01",
                found=dated.shown,
            )


def _example_within_year() -> DisclosureReport:
    return report(
        *six_sections(),
        year=2022,
        format=ReportFormat.V2021,
        header=Header(document_date=dt.date(2022, 12, 20)),
        tables=tables(),
    )


def _check_published_late(report: DisclosureReport, context: Context) -> Iterator[Diagnostic]:
    """The report was published after 3月31日 of the following year, the statutory deadline.

    A hint: portals that move re-publish old reports with a new time, so a late time is not always a late
    report.
    """
    assert report.year is not None  # a rule that needs_year: run on a known year only
    at = report.header.published_at
    deadline = dt.date(report.year + 1, 3, 31)
    if at is not None and at.date() > deadline:
        yield context.diagnostic(
            "$.header.published_at",
            f"发布时间{format_date(at.date())}晚于法定期限{format_date(deadline)}",
            f"published on {at.date()}, after the statutory deadline {deadline}",
            expected=f"≤ {deadline}",
            found=f"{at:%Y-%m-%dT%H:%M}",
        )


def _example_published_late() -> DisclosureReport:
    return report(section(1, "一、"), header=Header(published_at=dt.datetime(2015, 6, 1, 10, 0)))


def _as_of(report: DisclosureReport) -> Iterator[tuple[str, YearMonth]]:
    for ref in report.sections():
        stats = ref.node.disclosure
        if stats is not None and stats.as_of is not None:
            yield f"{ref.path}.disclosure.as_of", stats.as_of


def _check_as_of_outside_year(report: DisclosureReport, context: Context) -> Iterator[Diagnostic]:
    """The as-of month of the figures (截至11月) is not in the year reported on."""
    for path, month in _as_of(report):
        if month.year != report.year:
            yield context.diagnostic(
                path,
                f"统计截至{month.year}年{month.month}月，不在报告年度{report.year}年内",
                f"figures as of {month}, outside the year reported on, {report.year}",
                expected=f"{report.year}-01 … {report.year}-12",
                found=str(month),
            )


def _example_as_of_outside_year() -> DisclosureReport:
    return report(section(1, "一、", disclosure=DisclosureStats(as_of=YearMonth(2015, 1))))


def _check_as_of_after_written(report: DisclosureReport, context: Context) -> Iterator[Diagnostic]:
    """The as-of month of the figures had not begun when the report was written (成文日期 or signature)."""
    day = written(report)
    if day is None:
        return
    for path, month in _as_of(report):
        if month.first_day() > day:
            yield context.diagnostic(
                path,
                f"统计截至{month.year}年{month.month}月，晚于成文日期{format_date(day)}",
                f"figures as of {month}, a month that had not begun on the report's date, {day}",
                expected=f"≤ {day:%Y-%m}",
                found=str(month),
            )


def _example_as_of_after_written() -> DisclosureReport:
    return report(
        section(1, "一、", disclosure=DisclosureStats(as_of=YearMonth(2014, 12))),
        header=Header(document_date=dt.date(2014, 11, 20)),
    )


def _check_plan_year(report: DisclosureReport, context: Context) -> Iterator[Diagnostic]:
    """A work plan's target year is not the year after the year reported on.

    A report on 2014 plans 2015. A plan for another year is often text copied from an earlier report.
    """
    assert report.year is not None  # a rule that needs_year: run on a known year only
    for ref in report.sections():
        plan = ref.node.plan
        if plan is None or plan.target_year is None or plan.target_year == report.year + 1:
            continue
        yield context.diagnostic(
            f"{ref.path}.plan.target_year",
            f"工作计划年度{plan.target_year}年，应为{report.year + 1}年",
            f"the work plan is for {plan.target_year}; a report on {report.year} plans {report.year + 1}",
            expected=str(report.year + 1),
            found=str(plan.target_year),
        )


def _example_plan_year() -> DisclosureReport:
    return report(section(1, "一、", "下一步工作计划", plan=WorkPlan(target_year=2014)))


# A year in a title: 2014年 or 二〇一四年 (2014年度 too). Hand-written: a title is not a date for dateutil.
_TITLE_YEAR = re.compile(r"([0-9]{4}|[〇零一二三四五六七八九]{4})\s*年")


def _check_title_year(report: DisclosureReport, context: Context) -> Iterator[Diagnostic]:
    """The title names a year, and not the year reported on (2013年…年度报告 for a report on 2014)."""
    years = [int(from_chinese(m.group(1))) for m in _TITLE_YEAR.finditer(report.title)]
    if years and report.year not in years:
        yield context.diagnostic(
            "$.title",
            f"标题所称{years[0]}年与报告年度{report.year}年不符",
            f"the title names {years[0]}, but the report is on {report.year}",
            expected=str(report.year),
            found=str(years[0]),
        )


def _example_title_year() -> DisclosureReport:
    return report(section(1, "一、"), title="2013年政府信息公开工作年度报告")


RULES = (
    Rule(
        code="GD301",
        severity=Severity.WARNING,
        summary="The signature's date differs from the document date",
        summary_zh="落款日期与成文日期不一致",
        check=_check_signature_date,
        example=_example_signature_date,
    ),
    Rule(
        code="GD302",
        severity=Severity.ERROR,
        summary="Published before the date it was written",
        summary_zh="发布时间早于成文日期",
        check=_check_published_before_written,
        example=_example_published_before_written,
    ),
    Rule(
        code="GD303",
        needs_year=True,
        severity=Severity.ERROR,
        summary="A date of the report is before the year it reports on",
        summary_zh="报告日期早于报告年度",
        check=_check_before_year,
        example=_example_before_year,
    ),
    Rule(
        code="GD304",
        needs_year=True,
        severity=Severity.WARNING,
        summary="Dated after the end of the year following the year reported on",
        summary_zh="成文日期晚于报告年度次年年底",
        check=_check_long_after,
        example=_example_long_after,
    ),
    Rule(
        code="GD305",
        needs_year=True,
        severity=Severity.WARNING,
        summary="An annual report (2019/2021 format) is dated within the year it reports on",
        summary_zh="年度报告（2019/2021格式）的日期在报告年度之内",
        check=_check_within_year,
        example=_example_within_year,
    ),
    Rule(
        code="GD306",
        needs_year=True,
        severity=Severity.INFO,
        summary="Published after the statutory deadline, 31 March of the following year",
        summary_zh="发布时间晚于次年3月31日的法定期限",
        check=_check_published_late,
        example=_example_published_late,
    ),
    Rule(
        code="GD307",
        needs_year=True,
        severity=Severity.WARNING,
        summary="The as-of month of the figures is outside the year reported on",
        summary_zh="统计截止月份不在报告年度内",
        check=_check_as_of_outside_year,
        example=_example_as_of_outside_year,
    ),
    Rule(
        code="GD308",
        severity=Severity.ERROR,
        summary="The as-of month of the figures had not begun when the report was written",
        summary_zh="统计截止月份晚于成文日期",
        check=_check_as_of_after_written,
        example=_example_as_of_after_written,
    ),
    Rule(
        code="GD309",
        needs_year=True,
        severity=Severity.WARNING,
        summary="A work plan is not for the year after the year reported on",
        summary_zh="工作计划年度不是报告年度的次年",
        check=_check_plan_year,
        example=_example_plan_year,
    ),
    Rule(
        code="GD310",
        needs_year=True,
        severity=Severity.WARNING,
        summary="The title names a year other than the year reported on",
        summary_zh="标题所称年度与报告年度不符",
        check=_check_title_year,
        example=_example_title_year,
    ),
)
