"""Dates and times as pages print them, read without raising.

The common numeric forms (2014-12-04, 2014/12/4, 2014年12月4日, with a time) are read by one regular
expression (fast: a page has a few of them and the parser must read a thousand pages a second); anything
else goes to :func:`govdisclosure.zh.parse_date` (二〇一四年十二月四日 …).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Final

from govdisclosure.zh import parse_date

__all__ = ["damaged_date_readings", "read_date", "read_datetime"]

_NUMERIC: Final = re.compile(
    r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?"
    r"(?:[\sT]*(\d{1,2})\s*[:：时]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2})\s*秒?)?(?:\s*分)?)?"
)
_DAMAGED: Final = re.compile(r"(\d{4})(?:\s+|\s*年\s*)(\d{2,4})\s*日?")


def _nfkc(text: str) -> str:
    return (text if text.isascii() else unicodedata.normalize("NFKC", text)).strip()


def read_datetime(text: str) -> dt.date | dt.datetime | None:
    """A date, or a date and time, as a page prints it; None if it is neither (or cannot exist).

    >>> read_datetime("2014-12-04 15:51"), read_datetime("2014年12月4日")
    (datetime.datetime(2014, 12, 4, 15, 51), datetime.date(2014, 12, 4))
    >>> read_datetime("二〇一四年十二月四日"), read_datetime("2014-02-30")
    (datetime.date(2014, 12, 4), None)
    """
    normal = _nfkc(text)
    m = _NUMERIC.fullmatch(normal)
    if m is not None:
        y, mo, d, hh, mm, ss = m.groups()
        try:
            if hh is None:
                return dt.date(int(y), int(mo), int(d))
            return dt.datetime(int(y), int(mo), int(d), int(hh), int(mm), int(ss or 0))
        except ValueError:
            return None
    return read_date(normal)


def read_date(text: str) -> dt.date | None:
    """A full date (year, month and day) or None.

    >>> read_date("2014年12月4日"), read_date("2014 124")
    (datetime.date(2014, 12, 4), None)
    """
    normal = _nfkc(text)
    if not normal or len(normal) > 30:
        return None
    m = _NUMERIC.fullmatch(normal)
    if m is not None:
        if m.group(4) is not None:
            return None
        try:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    if not any(map(normal.__contains__, "年〇零○一二三四五六七八九十")):
        return None
    try:
        return parse_date(normal)
    except (ValueError, ArithmeticError):
        return None


def damaged_date_readings(text: str) -> tuple[str, list[dt.date]] | None:
    """A date whose 年/月/日 were lost (``2014 124``): the text as printed and every date it can be.

    None when the text is not of that form. The list may be empty (no reading is a real date).

    >>> damaged_date_readings("2014 124")
    ('2014 124', [datetime.date(2014, 1, 24), datetime.date(2014, 12, 4)])
    >>> damaged_date_readings("2014 1231")
    ('2014 1231', [datetime.date(2014, 12, 31)])
    """
    normal = _nfkc(text)
    m = _DAMAGED.fullmatch(normal)
    if m is None:
        return None
    year, digits = int(m.group(1)), m.group(2)
    readings = []
    for cut in (1, 2):
        month, day = digits[:cut], digits[cut:]
        if not day or len(day) > 2:
            continue
        try:
            readings.append(dt.date(year, int(month), int(day)))
        except ValueError:
            continue
    return text.strip(), sorted(set(readings))
