"""The year–month value type (年月), for partial dates such as 截至11月 or 2014年12月."""

from __future__ import annotations

import calendar
import datetime as dt
import re

import attrs

_ISO = re.compile(r"([0-9]{4})-([0-9]{2})")


def _check_month(instance: YearMonth, attribute: attrs.Attribute[int], value: int) -> None:
    if not 1 <= value <= 12:
        raise ValueError(f"month must be 1..12, got {value}")


@attrs.frozen(order=True)
class YearMonth:
    """A calendar month of a year (年月), where the text gives no day.

    >>> YearMonth(2014, 11)
    YearMonth(year=2014, month=11)
    >>> str(YearMonth(2014, 11))
    '2014-11'
    >>> YearMonth.fromisoformat("2014-11").last_day()
    datetime.date(2014, 11, 30)
    """

    year: int = attrs.field(validator=attrs.validators.instance_of(int))
    """年"""
    month: int = attrs.field(
        validator=[attrs.validators.instance_of(int), _check_month],
    )
    """月 (1–12)"""

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    def isoformat(self) -> str:
        """The ISO 8601 form ``YYYY-MM``."""
        return str(self)

    @classmethod
    def fromisoformat(cls, text: str) -> YearMonth:
        """Read the ISO 8601 form ``YYYY-MM``; raise :class:`ValueError` otherwise."""
        m = _ISO.fullmatch(text)
        if m is None:
            raise ValueError(f"expected a year and month as YYYY-MM, got {text!r}")
        return cls(int(m.group(1)), int(m.group(2)))

    def first_day(self) -> dt.date:
        """The first day of the month."""
        return dt.date(self.year, self.month, 1)

    def last_day(self) -> dt.date:
        """The last day of the month."""
        return dt.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and (day.year, day.month) == (self.year, self.month)
