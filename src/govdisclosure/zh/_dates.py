"""Dates as Chinese documents write them, and the partial dates and periods reports give.

dateutil reads the dates once they are in Arabic digits (a :class:`~dateutil.parser.parserinfo` that
skips 年, 月 and 日); what is hand-written here is what it cannot do: Chinese numerals
(二〇一四年十二月四日), refusing text that lacks a day instead of inventing one, and the partial
forms (2014年12月, 截至11月, 2014年1月至11月, 2014年度).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from enum import StrEnum
from typing import TYPE_CHECKING, Final, Literal, NamedTuple

from govdisclosure.zh._numerals import (
    NumeralError,
    NumeralStyle,
    from_chinese,
    spell_lower,
    to_chinese,
)
from govdisclosure.zh._periods import Period
from govdisclosure.zh._yearmonth import YearMonth

__all__ = [
    "DateError",
    "DateStyle",
    "format_date",
    "parse_as_of",
    "parse_date",
    "parse_partial_date",
]


class DateError(ValueError):
    """A text is not a date (or month, or period) that can exist; ``text`` is the input.

    >>> try:
    ...     parse_date("2014年2月30日")
    ... except DateError as e:
    ...     print(e)
    impossible date '2014年2月30日': day is out of range for month
    """

    __module__ = "govdisclosure.zh"

    def __init__(self, message: str, text: str) -> None:
        super().__init__(message)
        self.text = text


class DateStyle(StrEnum):
    """How :func:`format_date` writes a date (日期写法); each member is equal to its value, which ``style``
    also takes.

    >>> DateStyle("chinese") is DateStyle.CHINESE, DateStyle.ISO == "iso"
    (True, True)
    """

    __module__ = "govdisclosure.zh"

    ARABIC = "arabic"
    """GB/T 9704-2012's form for 成文日期: Arabic numerals, no padding (2014年12月4日)."""
    CHINESE = "chinese"
    """The older form: the year digit by digit, month and day as cardinals (二〇一四年十二月四日)."""
    ISO = "iso"
    """ISO 8601 (2014-12-04)."""


def format_date(
    d: dt.date,
    *,
    style: DateStyle | Literal["arabic", "chinese", "iso"] = DateStyle.ARABIC,
) -> str:
    """Write a date as Chinese documents do.

    ``style`` is a :class:`DateStyle` or its value: ``"arabic"`` is the GB/T 9704-2012 form for 成文日期 (Arabic numerals, no
    padding); ``"chinese"`` the older form with the year digit by digit and month
    and day as cardinals; ``"iso"`` is ISO 8601.

    >>> d = dt.date(2014, 12, 4)
    >>> format_date(d), format_date(d, style="chinese"), format_date(d, style="iso")
    ('2014年12月4日', '二〇一四年十二月四日', '2014-12-04')
    """
    if not isinstance(d, dt.date):
        raise TypeError(f"format_date expects a datetime.date, got {type(d).__name__}")
    if style == DateStyle.ARABIC:
        # The standard fixes this form whatever the locale; CLDR's zh "long" date is the same.
        return f"{d.year}年{d.month}月{d.day}日"
    if style == DateStyle.CHINESE:
        return f"{to_chinese(d.year, style=NumeralStyle.DIGITS)}年{spell_lower(d.month)}月{spell_lower(d.day)}日"
    if style == DateStyle.ISO:
        return d.isoformat()
    raise ValueError(f"style must be 'arabic', 'chinese' or 'iso', got {style!r}")


if TYPE_CHECKING:
    from collections.abc import Callable

    from dateutil.parser import parserinfo


@functools.cache
def _dateutil_parser() -> tuple[Callable[..., dt.datetime], parserinfo]:
    """dateutil's ``parse``, and a parserinfo that skips 年/月/日 and never guesses a century.

    Imported and built on first use: dateutil's parser takes longer to import than the rest of the package.
    """
    from dateutil import parser as dateutil_parser

    class ChineseParserInfo(dateutil_parser.parserinfo):
        JUMP = [*dateutil_parser.parserinfo.JUMP, "年", "月", "日"]  # noqa: RUF012 (dateutil's API)

        def convertyear(self, year: int, century_specified: bool = False) -> int:
            return year

    return dateutil_parser.parse, ChineseParserInfo(yearfirst=True)


_CHINESE_NUMBER: Final = re.compile("[〇零○一二三四五六七八九十两]+")
_WHITESPACE: Final = re.compile(r"\s+")
_FULL_DATE: Final = re.compile(
    r"[0-9]{4}(?:年[0-9]{1,2}月[0-9]{1,2}日|([-/.])[0-9]{1,2}\1[0-9]{1,2})"
)


def _normalize(text: str) -> str:
    """Full-width to half-width (NFKC), no spaces, 号 → 日, Chinese numerals → Arabic digits."""
    if not isinstance(text, str):
        raise TypeError(f"expected str, got {type(text).__name__}")
    normal = _WHITESPACE.sub("", unicodedata.normalize("NFKC", text)).replace("号", "日")
    try:
        return _CHINESE_NUMBER.sub(lambda m: str(from_chinese(m.group())), normal)
    except NumeralError as error:
        raise DateError(f"cannot read the numeral in {text!r}: {error}", text) from None


def _read_date(normal: str, text: str) -> dt.date:
    """A full date in Arabic digits, read by dateutil; ``text`` is the input for messages."""
    try:
        parse, info = _dateutil_parser()
        return parse(normal, parserinfo=info).date()
    except (ValueError, OverflowError) as error:
        why = str(error).split(":")[0]
        raise DateError(f"impossible date {text!r}: {why}", text) from None


def parse_date(s: str) -> dt.date:
    """Read a full date: ``2014年12月4日`` (or 号 for 日), ``二〇一四年十二月四日``, ``2014-12-04``,
    ``2014/12/4``, ``2014.12.04``, with full-width digits or spaces.

    >>> parse_date("2014年12月4日"), parse_date("二〇一四年十二月四号")
    (datetime.date(2014, 12, 4), datetime.date(2014, 12, 4))
    >>> parse_date("２０１４．１２．０４") == parse_date("2014/12/4") == dt.date(2014, 12, 4)
    True

    A text without year, month and day (2014年12月: see :func:`parse_partial_date`), with a time, or
    naming a day that does not exist raises :class:`DateError` (a :class:`ValueError`).
    """
    normal = _normalize(s)
    if _FULL_DATE.fullmatch(normal) is None:
        raise DateError(f"not a date with year, month and day: {s!r}", s)
    return _read_date(normal, s)


# -------------------------------------------------------------------------------------------------
# Partial dates and periods

_YEAR: Final = r"(?P<y>[0-9]{4})"
_POINTS: Final[list[tuple[Literal["day", "month", "year", "part"], re.Pattern[str]]]] = [
    ("day", re.compile(_YEAR + r"年(?P<m>[0-9]{1,2})月(?P<d>[0-9]{1,2})日")),
    ("day", re.compile(_YEAR + r"(?P<sep>[-/.])(?P<m>[0-9]{1,2})(?P=sep)(?P<d>[0-9]{1,2})")),
    ("day", re.compile(r"(?P<m>[0-9]{1,2})月(?P<d>[0-9]{1,2})日")),
    ("day", re.compile(r"(?P<d>[0-9]{1,2})日")),
    ("month", re.compile(_YEAR + r"年(?P<m>[0-9]{1,2})月份?")),
    ("month", re.compile(_YEAR + r"(?:-(?P<iso>[0-9]{2})|[/.](?P<m>[0-9]{1,2}))")),
    ("month", re.compile(r"(?P<m>[0-9]{1,2})月份?")),
    ("year", re.compile(_YEAR + r"年度?")),
    ("part", re.compile(r"(?:" + _YEAR + r"年)?(?:第(?P<q>[1-4])季度|(?P<h>[上下])半年)")),
]
_RANGE_SEPARATORS: Final = re.compile("至|到|-|~|—|–")
# 2014年1-11月 and 2014-2015年: one suffix for both ends.
_SHARED_SUFFIX: Final = re.compile(
    r"(?:" + _YEAR + r"年)?(?P<m1>[0-9]{1,2})(?:至|到|-|~|—|–)(?P<m2>[0-9]{1,2})月份?"
    r"|(?P<y1>[0-9]{4})(?:至|到|-|~|—|–)(?P<y2>[0-9]{4})年度?"
)
_AS_OF: Final = re.compile(r"(?:截至|截止)(?:到|至)?(?P<rest>.+?)(?:底|末)?(?:为止|止)?")


class _Point(NamedTuple):
    """One end of a period as the text gives it; None where the text leaves a field out."""

    kind: Literal["day", "month", "year", "part"]
    year: int | None
    month: int | None  # for a part: its first month
    day: int | None
    span: int = 0  # for a part (quarter, half): the number of months it covers


def _point(normal: str, text: str) -> _Point | None:
    for kind, pattern in _POINTS:
        m = pattern.fullmatch(normal)
        if m is None:
            continue
        groups = m.groupdict()
        year = int(groups["y"]) if groups.get("y") else None
        month_text = groups.get("m") or groups.get("iso")
        month = int(month_text) if month_text else None
        day = int(groups["d"]) if groups.get("d") else None
        if year is not None and year < 1:
            raise DateError(f"impossible year {year} in {text!r}", text)
        if month is not None and not 1 <= month <= 12:
            raise DateError(f"impossible month {month} in {text!r}", text)
        if day is not None and not 1 <= day <= 31:
            raise DateError(f"impossible day {day} in {text!r}", text)
        if kind == "part":
            quarter = groups.get("q")
            if quarter:
                return _Point("part", year, (int(quarter) - 1) * 3 + 1, None, 3)
            return _Point("part", year, 1 if groups.get("h") == "上" else 7, None, 6)
        return _Point(kind, year, month, day)
    return None


def _need_year(text: str) -> DateError:
    return DateError(f"{text!r} gives no year: pass year=", text)


def _resolve(
    point: _Point, year: int | None, month: int | None, text: str
) -> dt.date | YearMonth | Period:
    """The value of ``point``, with year (and month) from the context where the text has none."""
    y = point.year if point.year is not None else year
    if y is None:
        raise _need_year(text)
    if point.kind == "year":
        return Period.of_year(y)
    if point.kind == "part":
        assert point.month is not None
        first = YearMonth(y, point.month)
        last = YearMonth(y, point.month + point.span - 1)
        return Period(first.first_day(), last.last_day())
    m = point.month if point.month is not None else month
    if m is None:
        raise DateError(f"{text!r} gives no month", text)
    if point.kind == "month":
        return YearMonth(y, m)
    assert point.day is not None
    return _read_date(f"{y}年{m}月{point.day}日", text)


def _bounds(value: dt.date | YearMonth | Period) -> tuple[dt.date, dt.date]:
    if isinstance(value, Period):
        return value.start, value.end
    if isinstance(value, YearMonth):
        return value.first_day(), value.last_day()
    return value, value


def _range(normal: str, text: str, year: int | None) -> Period | None:
    shared = _SHARED_SUFFIX.fullmatch(normal)
    if shared is not None:
        groups = shared.groupdict()
        if groups["y1"]:
            start, end = Period.of_year(int(groups["y1"])), Period.of_year(int(groups["y2"]))
        else:
            y = int(groups["y"]) if groups["y"] else year
            if y is None:
                raise _need_year(text)
            months = [int(groups["m1"]), int(groups["m2"])]
            if not all(1 <= m <= 12 for m in months):
                raise DateError(f"impossible month in {text!r}", text)
            start, end = (
                Period.of_month(YearMonth(y, months[0])),
                Period.of_month(YearMonth(y, months[1])),
            )
        return _period(start, end, text)
    # Try each separator: "-" also sits inside ISO dates, so only a split whose both sides read
    # wins.
    found: list[Period] = []
    errors: list[DateError] = []
    for separator in _RANGE_SEPARATORS.finditer(normal):
        try:
            left = _point(normal[: separator.start()], text)
            right = _point(normal[separator.end() :], text)
            if left is None or right is None:
                continue
            first = _resolve(left, year, None, text)
            y = left.year if left.year is not None else year
            start_month = first.month if isinstance(first, dt.date | YearMonth) else None
            last = _resolve(right, y, start_month, text)
            found.append(_period(first, last, text))
        except DateError as error:
            errors.append(error)
    if len(found) > 1:
        raise DateError(f"ambiguous period {text!r}", text)
    if not found and errors:
        raise errors[0]
    return found[0] if found else None


def _period(
    first: dt.date | YearMonth | Period, last: dt.date | YearMonth | Period, text: str
) -> Period:
    start, _ = _bounds(first)
    _, end = _bounds(last)
    if end < start:
        raise DateError(f"period {text!r} ends before it starts", text)
    return Period(start, end)


def parse_partial_date(s: str, *, year: int | None = None) -> dt.date | YearMonth | Period:
    """Read a date, a month or a period, without inventing what the text leaves out.

    - a full date (as :func:`parse_date`) gives a :class:`~datetime.date`;
    - a month (``2014年12月``, ``2014-12``, ``11月`` with ``year``) gives a :class:`YearMonth`;
    - a year (``2014年``, ``2014年度``), quarter (``第三季度``), half (``上半年``) or range
      (``2014年1月至11月``, ``2014年1-11月``, ``2014-2015年``, ``2014年1月1日至12月31日``) gives a
      :class:`Period` from the first day of its start to the last day of its end.

    ``year`` supplies the year where the text gives none (a report's own year). A leading 截至 or
    截止 ("as of", optionally with 底/末/为止 after it) is read and dropped: the value is the month
    or day the running count reaches, so ``截至11月`` gives ``YearMonth(year, 11)``. Use
    :func:`parse_as_of` to insist on that prefix.

    >>> parse_partial_date("2014年12月")
    YearMonth(year=2014, month=12)
    >>> parse_partial_date("截至11月", year=2014)
    YearMonth(year=2014, month=11)
    >>> print(parse_partial_date("2014年1月至11月"), parse_partial_date("2014年度"))
    2014-01-01/2014-11-30 2014-01-01/2014-12-31
    >>> parse_partial_date("二〇一四年十二月四日")
    datetime.date(2014, 12, 4)

    Raises :class:`DateError` (a :class:`ValueError`) for anything else, for months and days that
    cannot exist, for periods that end before they start, and for text with no year when ``year`` is
    None.
    """
    _check_year(year)
    normal = _normalize(s)
    as_of = _AS_OF.fullmatch(normal)
    try:
        if as_of is not None:
            return _as_of(as_of.group("rest"), s, year)
        return _partial(normal, s, year)
    except DateError:
        raise
    except ValueError as error:  # a year the calendar lacks (0000年度)
        raise DateError(f"impossible date {s!r}: {error}", s) from None


def _check_year(year: object) -> None:
    if year is None:
        return
    if isinstance(year, bool) or not isinstance(year, int):
        raise TypeError(f"year must be an int or None, got {type(year).__name__}")
    if not 1 <= year <= 9999:
        raise ValueError(f"year must be 1..9999, got {year}")


def _partial(normal: str, text: str, year: int | None) -> dt.date | YearMonth | Period:
    point = _point(normal, text)
    if point is not None:
        return _resolve(point, year, None, text)
    period = _range(normal, text, year)
    if period is None:
        raise DateError(f"not a date, month or period: {text!r}", text)
    return period


def _as_of(rest: str, text: str, year: int | None) -> dt.date | YearMonth:
    point = _point(rest, text)
    if point is None:
        if _range(rest, text, year) is not None:
            raise DateError(f"{text!r}: 截至 needs a day, a month or a year, not a period", text)
        raise DateError(f"not a date, month or period: {text!r}", text)
    value = _resolve(point, year, None, text)
    if isinstance(value, Period):  # 截至2014年底, 截至上半年: up to the last month
        return YearMonth(value.end.year, value.end.month)
    return value


def parse_as_of(s: str, *, year: int | None = None) -> dt.date | YearMonth:
    """Read an "as of" phrase (截至, 截止): the day or month up to which a running count goes.

    The text must start with 截至 or 截止 (optionally 到/至 after it, and 底, 末 or 为止 at the
    end); a year alone (截至2014年底) gives its last month.

    >>> parse_as_of("截至11月", year=2014)
    YearMonth(year=2014, month=11)
    >>> parse_as_of("截止2014年12月4日"), parse_as_of("截至2014年底")
    (datetime.date(2014, 12, 4), YearMonth(year=2014, month=12))

    Raises :class:`DateError` without the prefix, or where :func:`parse_partial_date` would.
    """
    _check_year(year)
    normal = _normalize(s)
    as_of = _AS_OF.fullmatch(normal)
    if as_of is None:
        raise DateError(f"not an 'as of' phrase (截至…): {s!r}", s)
    try:
        return _as_of(as_of.group("rest"), s, year)
    except DateError:
        raise
    except ValueError as error:  # a year the calendar lacks (截至0000年底)
        raise DateError(f"impossible date {s!r}: {error}", s) from None
