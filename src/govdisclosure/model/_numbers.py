"""Identifiers printed on government documents: 发文字号 and 索引号."""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

import attrs

# Year brackets seen in published document numbers, opening -> closing. GB/T 9704-2012 prescribes
# 〔〕 (U+3014/U+3015); pages also use [] () ［］ ﹝﹞ （） 【】 and the six-point brackets 〖〗.
YEAR_BRACKETS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "〔": "〕",
        "[": "]",
        "(": ")",
        "［": "］",
        "﹝": "﹞",
        "（": "）",
        "【": "】",
        "〖": "〗",
    }
)
"""The year brackets of a 发文字号, opening → closing: the one table of them (the parser's repair of a lost
closing bracket reads it too)."""
_BRACKETS = YEAR_BRACKETS
_OPEN = re.escape("".join(_BRACKETS))
_CLOSE = re.escape("".join(_BRACKETS.values()))
_DOCUMENT_NUMBER = re.compile(
    rf"(?P<issuer>[^\s{_OPEN}{_CLOSE}\d]+?)\s*(?P<open>[{_OPEN}])\s*(?P<year>\d{{4}})\s*"
    rf"(?P<close>[{_CLOSE}])\s*第?\s*(?P<serial>\d+)\s*号"
)


class DocumentNumberError(ValueError):
    """A text is not a document number (发文字号). The message quotes the text and the expected form."""


def _positive(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if value < 1:
        raise ValueError(f"{attribute.name} must be positive, got {value}")


def _four_digit_year(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if not 1000 <= value <= 9999:
        raise ValueError(f"{attribute.name} must be a four-digit year, got {value}")


def _issuer_text(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not value or value != value.strip() or any(c in _BRACKETS or c.isdigit() for c in value):
        raise ValueError(
            f"issuer must be a non-empty 机关代字 without brackets or digits, got {value!r}"
        )


@attrs.frozen(order=True)
class DocumentNumber:
    """A document number (发文字号): issuer code, year and serial, as in 闽政办函〔2014〕130号.

    ``str()`` gives the GB/T 9704-2012 form: year in 〔〕 (U+3014/U+3015), no 第, no leading zeros.

    >>> n = DocumentNumber.parse("闽政办函[2014]130号")
    >>> n
    DocumentNumber(issuer='闽政办函', year=2014, serial=130)
    >>> str(n)
    '闽政办函〔2014〕130号'
    >>> DocumentNumber.parse("闽政办函〔2014130号")
    Traceback (most recent call last):
    ...
    govdisclosure.model._numbers.DocumentNumberError: not a document number (发文字号): expected 机关代字〔年份〕序号号 such as 闽政办函〔2014〕130号, got '闽政办函〔2014130号'
    """

    issuer: str = attrs.field(validator=[attrs.validators.instance_of(str), _issuer_text])
    """机关代字, e.g. 闽政办函"""
    year: int = attrs.field(validator=[attrs.validators.instance_of(int), _four_digit_year])
    """年份, the full year written in the brackets"""
    serial: int = attrs.field(validator=[attrs.validators.instance_of(int), _positive])
    """发文顺序号"""

    def __str__(self) -> str:
        return f"{self.issuer}〔{self.year}〕{self.serial}号"

    @classmethod
    def parse(cls, text: str) -> DocumentNumber:
        """Read a document number written with any of the usual year brackets.

        Accepts 〔〕 [] () ［］ ﹝﹞ （） 【】 〖〗 (a matching pair), spaces, an optional 第 and leading zeros.
        Anything else raises :class:`DocumentNumberError`; a damaged number (a lost bracket) is not repaired
        here: that is the parser's job, which says so in a diagnostic.
        """
        m = _DOCUMENT_NUMBER.fullmatch(text.strip())
        if (
            m is None
            or _BRACKETS[m.group("open")] != m.group("close")
            or int(m.group("serial")) < 1
        ):
            raise DocumentNumberError(
                "not a document number (发文字号): expected 机关代字〔年份〕序号号 such as "
                f"闽政办函〔2014〕130号, got {text!r}"
            )
        return cls(
            issuer=m.group("issuer"), year=int(m.group("year")), serial=int(m.group("serial"))
        )


@attrs.frozen
class IndexNumberParts:
    """The parts of an index number under a known scheme (索引号组成)."""

    agency: str
    """信息生成机构代码 (agency code)"""
    year: int
    """信息生成年度"""
    serial: str
    """年度信息流水号, as written (leading zeros kept)"""
    category: str | None = None
    """信息类别 (category code), where the scheme has one"""
    month: int | None = None
    """月份, where the scheme writes year and month (…/202110-00013)"""


# Schemes seen on catalogue pages (format reference §9). There is no national standard, so an index number
# that fits none of them is kept as it is: parts are read where a known scheme matches, never required.
_INDEX_SCHEMES = (
    # Quanzhou and others: agency-category-year-serial (qz11402-1000-2014-00002, j602402--2023-0165)
    re.compile(r"(?P<agency>[0-9A-Za-z]+)-(?P<category>\d*)-(?P<year>\d{4})-(?P<serial>\d+)"),
    # agency/year[month]-serial (014416330/2018-04736, 11341702486344515H/202110-00013, 0142768-8/2022-00185)
    re.compile(
        r"(?P<agency>[0-9A-Za-z-]+)/(?P<year>\d{4})(?P<month>0[1-9]|1[0-2])?-(?P<serial>\d+)"
    ),
    # agency-year-serial (01527918X-2020-153077)
    re.compile(r"(?P<agency>[0-9A-Za-z]+)-(?P<year>\d{4})-(?P<serial>\d+)"),
)


@attrs.frozen
class IndexNumber:
    """A catalogue index number (索引号), kept exactly as published.

    Each province or department has its own scheme; :attr:`parts` reads the parts where a known scheme
    matches and is ``None`` otherwise. An index number is never rejected for its form.

    >>> IndexNumber("qz11402-1000-2014-00002").parts
    IndexNumberParts(agency='qz11402', year=2014, serial='00002', category='1000', month=None)
    >>> IndexNumber("11341702486344515H/202110-00013").parts.month
    10
    >>> IndexNumber("第三批").parts is None
    True
    """

    raw: str = attrs.field(validator=attrs.validators.instance_of(str))
    """索引号, as printed"""

    def __str__(self) -> str:
        return self.raw

    @property
    def parts(self) -> IndexNumberParts | None:
        """The parts under the first known scheme that matches the whole text, or ``None``."""
        text = self.raw.strip()
        for scheme in _INDEX_SCHEMES:
            m = scheme.fullmatch(text)
            if m is not None:
                groups = m.groupdict()
                month = groups.get("month")
                return IndexNumberParts(
                    agency=groups["agency"],
                    year=int(groups["year"]),
                    serial=groups["serial"],
                    category=groups.get("category") or None,
                    month=int(month) if month else None,
                )
        return None
