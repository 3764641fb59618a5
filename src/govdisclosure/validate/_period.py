"""GD311–GD314: the statistical period (统计期限) and the years the text speaks of.

Reports state the period their figures cover in a sentence of the preamble: "本报告所列数据的统计期限自2020年
1月1日起至2020年12月31日止" (or 统计期间, 统计时限, 所列统计数据的期限, 截至…). The model keeps no field for it,
so these rules read it from the paragraphs. Real reports get it wrong in three ways: a period that does not
run over the whole calendar year ("自2020年1月1日至12月21日", GD311), a year that is not a year
("截至202020年12月31日", GD312) and a period of another year (GD313). And a report whose body still speaks of
last year throughout was written over last year's text (GD314).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator

import attrs

from govdisclosure.model import Diagnostic, DisclosureReport, Section, Severity
from govdisclosure.validate._examples import report, section
from govdisclosure.validate._rule import Context, Rule
from govdisclosure.zh import NumeralError, from_chinese

# Hand-written: a sentence of running text is no date for dateutil, and the faults looked for (a six-digit
# year, a period's end with its year left out) are what a date reader would reject or guess over.
_DIGITS = r"[0-9〇零一二三四五六七八九十]"
_DATE = re.compile(
    rf"(?:(?<![0-9])(?P<year>{_DIGITS}+)\s*年\s*(?:度\s*)?)?"
    rf"(?P<month>(?<![0-9]){_DIGITS}{{1,3}})\s*月\s*(?P<day>{_DIGITS}{{1,3}})\s*[日号]"
)
_PERIOD_WORDS = re.compile(
    r"统计(?:的)?(?:期限|期间|时限|时间|区间|时段|周期)|数据(?:的)?(?:期限|期间|时限|时段)"
    r"|(?P<span>涵盖|时间范围|时间跨度)"
)
_UNTIL = re.compile(r"截[至止]\s*$")
_SENTENCE = re.compile(r"[^。；;！!？?]+")


@attrs.frozen
class _Date:
    year_text: str | None
    """the year as written (None where the date leaves it out: 至12月31日)"""
    month: int
    day: int
    until: bool
    """introduced by 截至 / 截止"""

    @property
    def year(self) -> int | None:
        """The year, where it is written with four digits."""
        if self.year_text is None or len(self.year_text) != 4:
            return None
        return _number(self.year_text)

    def shown(self, year: int | None = None) -> str:
        shown_year = self.year_text if self.year_text is not None else year
        prefix = f"{shown_year}年" if shown_year is not None else ""
        return f"{prefix}{self.month}月{self.day}日"


def _number(text: str) -> int | None:
    try:
        return int(text) if text.isdigit() else int(from_chinese(text))
    except (NumeralError, ValueError):
        return None


def _dates(sentence: str) -> list[_Date]:
    found = []
    for m in _DATE.finditer(sentence):
        month, day = _number(m.group("month")), _number(m.group("day"))
        if month is None or day is None or not (1 <= month <= 12 and 1 <= day <= 31):
            continue
        until = _UNTIL.search(sentence, 0, m.start()) is not None
        found.append(_Date(m.group("year"), month, day, until))
    return found


@attrs.frozen
class Period:
    """A statistical period as a report states it."""

    path: str
    """the paragraph stating it"""
    sentence: str
    start: _Date | None
    end: _Date | None

    @property
    def end_year(self) -> int | None:
        """The end's year; where the end leaves it out (至12月31日), the start's."""
        if self.end is not None and self.end.year_text is not None:
            return self.end.year
        return self.start.year if self.start is not None else None


def _paragraphs(report: DisclosureReport) -> Iterator[tuple[str, str, Section]]:
    for ref in report.sections():
        for i, text in enumerate(ref.node.paragraphs):
            yield f"{ref.path}.paragraphs[{i}]", unicodedata.normalize("NFKC", text), ref.node


def periods(report: DisclosureReport) -> list[Period]:
    """The statistical periods the report's paragraphs state, in reading order.

    >>> from govdisclosure.validate._examples import report
    >>> [p.sentence for p in periods(report(Section(paragraphs=["本报告统计期限自2020年1月1日至12月31日。"])))]
    ['本报告统计期限自2020年1月1日至12月31日']
    """
    found = []
    for path, text, _ in _paragraphs(report):
        for m in _SENTENCE.finditer(text):
            sentence = m.group().strip()
            words = _PERIOD_WORDS.search(sentence)
            if words is None:
                continue
            dates = _dates(sentence[words.end() :])
            if not dates or (words.group("span") and len(dates) < 2):
                continue  # 涵盖 … introduces a period only with both its ends
            if dates[0].until or len(dates) == 1:
                start, end = (None, dates[0]) if dates[0].until else (dates[0], None)
            else:
                start, end = dates[0], dates[1]
            found.append(Period(path, sentence, start, end))
    return found


def _check_period_bounds(report: DisclosureReport, context: Context) -> Iterator[Diagnostic]:
    """The statistical period (统计期限) does not run from 1 January to 31 December: "统计期限自2020年1月1日至
    12月21日".

    An annual report covers the calendar year; a period that ends on another day is a typo or a period
    copied from a report of another kind. The period is read from the sentence that states it
    (统计期限, 统计期间, 统计时限, 所列数据的期限 … followed by its dates, or 截至 and one date).
    """
    for period in periods(report):
        year = period.start.year if period.start is not None else None
        faults = []
        if period.start is not None and (period.start.month, period.start.day) != (1, 1):
            faults.append(("起始日", "starts on", period.start.shown(), "1月1日"))
        if period.end is not None and (period.end.month, period.end.day) != (12, 31):
            faults.append(("截止日", "ends on", period.end.shown(year), "12月31日"))
        for name, name_en, found, should in faults:
            yield context.diagnostic(
                period.path,
                f"统计期限的{name}为{found}，年度报告应为{should}：“{period.sentence}”",
                f"the statistical period {name_en} {found}, not {should} as an annual report's: "
                f"{period.sentence}",
                expected=should,
                found=found,
            )


def _example_period_bounds() -> DisclosureReport:
    preamble = Section(paragraphs=["本报告所列数据的统计期限自2014年1月1日至12月21日。"])
    return report(preamble, section(1, "一、"))


# A year is four digits; a run of three or of five and more before 年 and a month and a day is a typo.
def _bad_year(text: str | None) -> bool:
    return text is not None and text.isdigit() and len(text) != 4 and len(text) >= 3


# A date whose 年 and 月 are lost: a year and more digits run together before 日 (201711日, 20171231日).
_RUN_TOGETHER = re.compile(r"(?<![0-9])(?:19|20)[0-9]{3,8}日")


def _check_year_not_a_year(report: DisclosureReport, context: Context) -> Iterator[Diagnostic]:
    """A date in the text is garbled: its year is not a year ("截至202020年12月31日", six digits; "202年1月1日"),
    or its 年 and 月 are lost and the figures run together ("统计期限为201711日至20171231日").

    Any date of the text is looked at, the statistical period's above all: a year of three digits, or of
    five and more, before 年 is a typo; a year and more figures run together before 日 is a date whose 年
    and 月 were lost (by the publisher or on the way: either way the text cannot be read as a date).
    """
    for path, text, _ in _paragraphs(report):
        for m in _DATE.finditer(text):
            year = m.group("year")
            if _bad_year(year):
                shown = m.group().strip()
                yield context.diagnostic(
                    path,
                    f"日期“{shown}”的年份“{year}”不是四位数的年份",
                    f"the date {shown} has the year {year}, which is not a four-digit year",
                    expected="YYYY年",
                    found=f"{year}年",
                )
        for m in _RUN_TOGETHER.finditer(text):
            yield context.diagnostic(
                path,
                f"日期“{m.group()}”无法读作日期：“年”“月”缺失，数字连在一起",
                f"{m.group()} cannot be read as a date: 年 and 月 are lost and the figures run together",
                expected="YYYY年M月D日",
                found=m.group(),
            )


def _example_year_not_a_year() -> DisclosureReport:
    preamble = Section(paragraphs=["本报告统计期限截至201414年12月31日。"])
    return report(preamble, section(1, "一、"))


def _check_period_year(report: DisclosureReport, context: Context) -> Iterator[Diagnostic]:
    """The statistical period is of another year than the report's: a report on 2020 whose figures run "自
    2019年1月1日至2019年12月31日", often a sentence kept from last year's report.

    Both ends are compared (an end written without its year, 至12月31日, has the start's); a year that is
    not a year is GD312's.
    """
    assert report.year is not None  # a rule that needs_year: run on a known year only
    for period in periods(report):
        years = {
            year
            for d in (period.start, period.end)
            if d is not None and (year := d.year) is not None and year != report.year
        }
        for year in sorted(years):
            yield context.diagnostic(
                period.path,
                f"统计期限为{year}年，而报告年度为{report.year}年：“{period.sentence}”",
                f"the statistical period is in {year}, but the report is on {report.year}: "
                f"{period.sentence}",
                expected=str(report.year),
                found=str(year),
            )


def _example_period_year() -> DisclosureReport:
    preamble = Section(paragraphs=["本报告统计期限自2013年1月1日起至2013年12月31日止。"])
    overview = Section(ordinal=1, label="一、", heading="总体情况", paragraphs=["2014年，……"])
    return report(preamble, overview)


# A year mentioned in the text: 2019年 or 二〇一九年 (2019年度 too), not inside a longer number.
_YEAR_MENTION = re.compile(
    r"(?<![0-9])((?:19|20)[0-9]{2}|[〇零一二][〇零一二三四五六七八九]{3})\s*年"
)


def _title_years(title: str) -> set[int]:
    return {
        year for m in _YEAR_MENTION.finditer(title) if (year := _number(m.group(1))) is not None
    }


def year_mentions(report: DisclosureReport) -> Counter[int]:
    """How often each year is named in the body's headings and paragraphs (2019年, 二〇一九年).

    >>> year_mentions(report(Section(paragraphs=["2013年，我局……2013年度……二〇一二年"]))).most_common()
    [(2013, 2), (2012, 1)]
    """
    counts: Counter[int] = Counter()
    for ref in report.sections():
        for text in (ref.node.heading or "", *ref.node.paragraphs):
            for m in _YEAR_MENTION.finditer(unicodedata.normalize("NFKC", text)):
                year = _number(m.group(1))
                if year is not None:
                    counts[year] += 1
    return counts


def _check_last_years_text(report: DisclosureReport, context: Context) -> Iterator[Diagnostic]:
    """Last year's text carried over: the title names the year reported on, but the body never does, and
    the year it names most is the year before (at least twice).

    A report on 2020 whose 总体情况 says "2019年，我局……" throughout was written over the 2019 report and not
    brought up to date; its figures may be last year's too.
    """
    assert report.year is not None  # a rule that needs_year: run on a known year only
    if report.year not in _title_years(report.title):
        return
    counts = year_mentions(report)
    if report.year in counts or not counts:
        return
    (most, times), *rest = counts.most_common()
    if most != report.year - 1 or times < 2 or (rest and rest[0][1] == times):
        return
    listed = "、".join(f"{y}年{n}次" for y, n in counts.most_common(3))
    yield context.diagnostic(
        "$.body",
        f"标题为{report.year}年的报告，正文未提及{report.year}年，而提及最多的是上一年（{listed}），"
        "疑为沿用上年报告文本",
        f"the title is of {report.year}, but the body never names {report.year} and names the year "
        f"before most ({', '.join(f'{y}: {n}' for y, n in counts.most_common(3))}): last year's text "
        "carried over?",
        expected=f"{report.year}年",
        found=listed,
    )


def _example_last_years_text() -> DisclosureReport:
    overview = Section(
        ordinal=1,
        label="一、",
        heading="总体情况",
        paragraphs=["2013年，我局主动公开政府信息120条。", "2013年，我局未收到政府信息公开申请。"],
    )
    return report(overview)


# A year's work points (《2019年政务公开工作要点》, 《广东省2020年政务公开工作要点》): the annual plan a report
# on that year answers to.
_WORK_POINTS = re.compile(r"《[^《》]{0,20}?((?:19|20)[0-9]{2})\s*年[^《》]{0,20}?工作要点》")


def _check_last_years_points(report: DisclosureReport, context: Context) -> Iterator[Diagnostic]:
    """The report cites the work points (政务公开工作要点) of a year before the one it reports on: a
    report on 2020 "对照国务院办公厅《2019年政务公开工作要点》要求" was written over last year's text.

    Each year's 政务公开工作要点 (the State Council's, a province's) sets that year's tasks, so a report on a
    year answers to that year's; naming an earlier year's is a sentence not brought up to date.
    """
    assert report.year is not None  # a rule that needs_year: run on a known year only
    for path, text, _ in _paragraphs(report):
        for m in _WORK_POINTS.finditer(text):
            year = int(m.group(1))
            if year < report.year:
                yield context.diagnostic(
                    path,
                    f"{report.year}年度报告援引{year}年的{m.group()}，疑为沿用往年报告文本",
                    f"the report on {report.year} cites {m.group()}, the work points of {year}: "
                    "an earlier report's text carried over?",
                    expected=f"{report.year}年",
                    found=f"{year}年",
                )


def _example_last_years_points() -> DisclosureReport:
    overview = Section(
        ordinal=1,
        label="一、",
        heading="总体情况",
        paragraphs=["2014年，我局对照《2013年政务公开工作要点》要求，……"],
    )
    return report(overview)


RULES = (
    Rule(
        code="GD311",
        severity=Severity.WARNING,
        summary="The statistical period does not run from 1 January to 31 December",
        summary_zh="统计期限不是1月1日至12月31日",
        check=_check_period_bounds,
        example=_example_period_bounds,
    ),
    Rule(
        code="GD312",
        severity=Severity.ERROR,
        summary="A date in the text is garbled: a year not of four digits, or 年 and 月 lost",
        summary_zh="正文日期有误：年份不是四位数，或“年”“月”缺失",
        check=_check_year_not_a_year,
        example=_example_year_not_a_year,
    ),
    Rule(
        code="GD313",
        needs_year=True,
        severity=Severity.WARNING,
        summary="The statistical period is of another year than the report's",
        summary_zh="统计期限不在报告年度",
        check=_check_period_year,
        example=_example_period_year,
    ),
    Rule(
        code="GD314",
        needs_year=True,
        severity=Severity.WARNING,
        summary="The body names last year most and never the year reported on: last year's text carried over",
        summary_zh="正文未提及报告年度而多次提及上一年，疑为沿用上年文本",
        check=_check_last_years_text,
        example=_example_last_years_text,
    ),
    Rule(
        code="GD315",
        needs_year=True,
        severity=Severity.WARNING,
        summary="The report cites the work points (工作要点) of an earlier year: older text carried over",
        summary_zh="报告援引往年的工作要点，疑为沿用往年文本",
        check=_check_last_years_points,
        example=_example_last_years_points,
    ),
)
