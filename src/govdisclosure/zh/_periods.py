"""The period value type (期间): a run of whole days, such as 2014年1月至11月 or 2014年度."""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

import attrs
from dateutil.relativedelta import relativedelta

from govdisclosure.zh._yearmonth import YearMonth

__all__ = ["Period"]

_ISO: Final = re.compile(r"([0-9]{4}-[0-9]{2}-[0-9]{2})/([0-9]{4}-[0-9]{2}-[0-9]{2})")
_ONE_DAY: Final = dt.timedelta(days=1)


def _plain_date(instance: object, attribute: attrs.Attribute[dt.date], value: object) -> None:
    # datetime is a subclass of date, but comparing it with a date raises: refuse it.
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise TypeError(f"{attribute.name} must be a datetime.date, got {type(value).__name__}")


def _not_before_start(
    instance: Period, attribute: attrs.Attribute[dt.date], value: dt.date
) -> None:
    if value < instance.start:
        raise ValueError(f"a period cannot end ({value}) before it starts ({instance.start})")


@attrs.frozen(order=True)
class Period:
    """A period of whole days (期间), from ``start`` to ``end``, both included.

    Its string form is the ISO 8601 interval ``start/end`` (as a JSON serializer stores it), read
    back by :meth:`fromisoformat`:

    >>> p = Period(dt.date(2014, 1, 1), dt.date(2014, 11, 30))
    >>> str(p)
    '2014-01-01/2014-11-30'
    >>> Period.fromisoformat("2014-01-01/2014-11-30") == p
    True
    >>> p.length
    relativedelta(months=+11)
    >>> p.days, dt.date(2014, 6, 1) in p
    (334, True)
    >>> Period.of_year(2014), Period.of_month(YearMonth(2014, 2)).length
    (Period(start=datetime.date(2014, 1, 1), end=datetime.date(2014, 12, 31)),
    relativedelta(months=+1))
    """

    start: dt.date = attrs.field(validator=_plain_date)
    """起始日 (first day, included)"""
    end: dt.date = attrs.field(validator=[_plain_date, _not_before_start])
    """截止日 (last day, included)"""

    @classmethod
    def of_year(cls, year: int) -> Period:
        """The whole calendar year (年度)."""
        return cls(dt.date(year, 1, 1), dt.date(year, 12, 31))

    @classmethod
    def of_month(cls, month: YearMonth) -> Period:
        """The whole month."""
        return cls(month.first_day(), month.last_day())

    @property
    def length(self) -> relativedelta:
        """How long the period is, as a :class:`~dateutil.relativedelta.relativedelta`.

        Whole months and years come out as such (a year, not 365 days); the end day counts.
        """
        start, end = self.start, self.end
        if end == dt.date.max:
            if start.year <= 400:  # nothing to shift: count the end day on top
                return relativedelta(end, start) + relativedelta(days=1)
            # the Gregorian calendar repeats every 400 years: measure the same period earlier
            start, end = start.replace(year=start.year - 400), end.replace(year=end.year - 400)
        return relativedelta(end + _ONE_DAY, start)

    @property
    def days(self) -> int:
        """The number of days, both ends included."""
        return (self.end - self.start).days + 1

    def __str__(self) -> str:
        return f"{self.start.isoformat()}/{self.end.isoformat()}"

    def isoformat(self) -> str:
        """The ISO 8601 interval ``YYYY-MM-DD/YYYY-MM-DD``."""
        return str(self)

    @classmethod
    def fromisoformat(cls, text: str) -> Period:
        """Read the ISO 8601 interval ``YYYY-MM-DD/YYYY-MM-DD``, or raise :class:`ValueError`."""
        m = _ISO.fullmatch(text) if isinstance(text, str) else None
        if m is None:
            raise ValueError(f"expected a period as YYYY-MM-DD/YYYY-MM-DD, got {text!r}")
        return cls(dt.date.fromisoformat(m.group(1)), dt.date.fromisoformat(m.group(2)))

    def __contains__(self, day: object) -> bool:
        if isinstance(day, YearMonth):
            return self.start <= day.first_day() and day.last_day() <= self.end
        if isinstance(day, dt.date) and not isinstance(day, dt.datetime):
            return self.start <= day <= self.end
        return False
