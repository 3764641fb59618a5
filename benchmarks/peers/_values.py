"""The value types and string forms both peers share: the same strict forms as govdisclosure's converter.

The value types (DocumentNumber, IndexNumber, YearMonth) are small plain classes, as a user of pydantic or
msgspec would write them (msgspec would read an attrs class as a JSON object, so govdisclosure's own cannot
be reused). They accept exactly what govdisclosure's JSON accepts: a document number in its GB/T 9704 form
(the only form govdisclosure's JSON reads), a month as ``YYYY-MM``, an index number as any string.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

__all__ = [
    "DocumentNumber",
    "IndexNumber",
    "YearMonth",
    "decimal_from_str",
    "decimal_text",
    "decimal_to_str",
    "document_number_from_str",
    "index_number_from_str",
    "minute_datetime_from_str",
    "minute_datetime_text",
    "minute_datetime_to_str",
    "year_month_from_str",
]

_DECIMAL = re.compile(r"-?\d+(\.\d+)?")


def _expect_str(value: object, what: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected {what} as a string, got {value!r}")
    return value


def decimal_text(value: object) -> str:
    text = _expect_str(value, "a decimal number")
    if not _DECIMAL.fullmatch(text):
        raise ValueError(f"expected a decimal number, got {text!r}")
    return text


def decimal_from_str(value: object) -> Decimal:
    return Decimal(decimal_text(value))


def decimal_to_str(value: Decimal) -> str:
    return format(value, "f")


def minute_datetime_text(value: object) -> str:
    text = _expect_str(value, "a date and time (YYYY-MM-DDTHH:MM)")
    if "T" not in text:
        raise ValueError(f"expected a date and time as YYYY-MM-DDTHH:MM, got {text!r}")
    return text


def minute_datetime_from_str(value: object) -> dt.datetime:
    return dt.datetime.fromisoformat(minute_datetime_text(value))


def minute_datetime_to_str(value: dt.datetime) -> str:
    whole_minute = value.second == 0 and value.microsecond == 0
    return value.isoformat(timespec="minutes" if whole_minute else "auto")


_BRACKETS = re.escape("〔〕[]()［］﹝﹞（）【】〖〗")
_DOCUMENT_NUMBER = re.compile(rf"([^\s\d{_BRACKETS}]+)〔([1-9][0-9]{{3}})〕([1-9][0-9]*)号")
_YEAR_MONTH = re.compile(r"([0-9]{4})-([0-9]{2})")


class DocumentNumber:
    """发文字号: issuer, year, serial."""

    __slots__ = ("issuer", "serial", "year")

    def __init__(self, issuer: str, year: int, serial: int) -> None:
        self.issuer = issuer
        self.year = year
        self.serial = serial

    def __str__(self) -> str:
        return f"{self.issuer}〔{self.year}〕{self.serial}号"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, DocumentNumber) and str(self) == str(other)

    def __hash__(self) -> int:
        return hash(str(self))


class YearMonth:
    """年月."""

    __slots__ = ("month", "year")

    def __init__(self, year: int, month: int) -> None:
        if not 1 <= month <= 12:
            raise ValueError(f"month must be 1..12, got {month}")
        self.year = year
        self.month = month

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, YearMonth) and (self.year, self.month) == (other.year, other.month)

    def __hash__(self) -> int:
        return hash((self.year, self.month))


class IndexNumber:
    """索引号, as published."""

    __slots__ = ("raw",)

    def __init__(self, raw: str) -> None:
        self.raw = raw

    def __str__(self) -> str:
        return self.raw

    def __eq__(self, other: object) -> bool:
        return isinstance(other, IndexNumber) and self.raw == other.raw

    def __hash__(self) -> int:
        return hash(self.raw)


def year_month_from_str(value: object) -> YearMonth:
    text = _expect_str(value, "a year and month (YYYY-MM)")
    m = _YEAR_MONTH.fullmatch(text)
    if m is None:
        raise ValueError(f"expected a year and month as YYYY-MM, got {text!r}")
    return YearMonth(int(m.group(1)), int(m.group(2)))


def document_number_from_str(value: object) -> DocumentNumber:
    text = _expect_str(value, "a document number")
    m = _DOCUMENT_NUMBER.fullmatch(text)
    if m is None:
        raise ValueError(
            f"expected a document number written as 闽政办函〔2014〕130号, got {text!r}"
        )
    return DocumentNumber(m.group(1), int(m.group(2)), int(m.group(3)))


def index_number_from_str(value: object) -> IndexNumber:
    return IndexNumber(_expect_str(value, "an index number"))
