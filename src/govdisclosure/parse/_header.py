"""The top of a page: the metadata block (索引号, 发布机构 …) and the title, which portals interleave."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Final

import attrs

from govdisclosure.model import TITLE_LABELS, DocumentNumber, Header, HeaderField, IndexNumber
from govdisclosure.parse._context import Context
from govdisclosure.parse._dates import read_datetime
from govdisclosure.parse._lines import Line, squash
from govdisclosure.parse._numbers import read_document_number
from govdisclosure.parse._piece import Piece
from govdisclosure.parse._vocabulary import (
    HEADER_LABELS,
    INLINE_CHROME_TAIL,
    OTHER_HEADER_LABELS,
    TITLE_WORDS,
)
from govdisclosure.zh import parse_label

__all__ = ["HeaderZone", "read_header_zone"]

_TITLE_LABELS: Final = TITLE_LABELS
_KNOWN: Final = sorted(
    [*HEADER_LABELS, *OTHER_HEADER_LABELS, *_TITLE_LABELS], key=len, reverse=True
)
_GAP: Final = r"[ \t\u3000\xa0]*"
# A known label (spaces tolerated inside it: 索 引 号) and its colon, at the line's start or after a space.
_FIELD: Final = re.compile(
    r"(?:^|(?<=[\s\u3000\xa0]))(?P<label>"
    + "|".join(_GAP.join(re.escape(c) for c in label) for label in _KNOWN)
    + r")"
    + _GAP
    + r"[:：]"
)
# Any short label before the title: 2 to 10 Chinese characters and a colon.
_OTHER_FIELD: Final = re.compile(r"(?P<label>[\u4e00-\u9fff]{2,10})" + _GAP + r"[:：]")
_KNOWN_SET: Final = frozenset(_KNOWN)
_CELL: Final = re.compile(r"[^|｜]+")
_YEAR: Final = re.compile(r"(?<!\d)((?:19|20|21)\d\d)(?!\d)")


@attrs.define
class HeaderZone:
    """What the top of the page gave, and where the body starts."""

    header: Header
    title: Piece | None
    body_start: int
    """index of the first line after the header zone"""


def _table_fields(line: Line, allow_other: bool) -> list[tuple[str, Piece]] | None:
    """Header fields laid out as a table row: 索引号： | qz11402-… | 发布机构： | 德化县科学技术局 |."""
    cells = [line.piece.slice(m.start(), m.end()).strip() for m in _CELL.finditer(line.text)]
    cells = [c for c in cells if c.text]
    pairs: list[tuple[str, Piece]] = []
    i = 0
    while i < len(cells):
        cell = cells[i]
        m = _FIELD.match(cell.text)
        if m is None and allow_other:
            m = _OTHER_FIELD.match(cell.text)
        if m is not None:
            label, value = squash(m.group("label")), cell.slice(m.end()).strip()
        elif squash(cell.text) in _KNOWN_SET:
            label, value = squash(cell.text), cell.slice(len(cell.text))
        else:
            return None
        if (
            not value.text
            and i + 1 < len(cells)
            and not _is_label_cell(cells[i + 1].text, allow_other)
        ):
            i += 1
            value = cells[i]
        pairs.append((label, value))
        i += 1
    return pairs or None


def _is_label_cell(text: str, allow_other: bool) -> bool:
    if squash(text) in _KNOWN_SET:
        return True
    m = _FIELD.match(text) or (_OTHER_FIELD.match(text) if allow_other else None)
    return m is not None and not text[m.end() :].strip()


def _field_values(line: Line, allow_other: bool) -> list[tuple[str, Piece]] | None:
    """The (label, value) pairs of a header line, or None if it is not one."""
    text = line.text
    if "|" in text or "｜" in text:
        return _table_fields(line, allow_other)
    first_field = _FIELD.match(text)
    matches = [] if first_field is None else list(_FIELD.finditer(text))
    if not matches:
        if not allow_other:
            return None
        first = _OTHER_FIELD.match(text)
        if first is None:
            return None
        matches = [first, *(m for m in matches if m.start() >= first.end())]
    pairs = []
    for m, following in zip(matches, [*matches[1:], None], strict=True):
        end = following.start() if following is not None else len(text)
        value = line.piece.slice(m.end(), end).strip()
        tail = max(0, len(value.text) - 60)  # chrome is short: look at the value's end only
        chrome = INLINE_CHROME_TAIL.search(value.text, tail)
        if chrome is not None:
            value = value.slice(0, chrome.start()).strip()
        pairs.append((squash(m.group("label")), value))
    return pairs


def _title_like(line: Line) -> bool:
    text = line.text
    return 0 < len(text) <= 100 and "|" not in text and parse_label(text) is None


def read_header_zone(lines: list[Line], skip: set[int], context: Context) -> HeaderZone:
    """Read header fields and the title from the top of ``lines`` (``skip``: chrome lines)."""
    fields: dict[str, Any] = {}
    other: list[HeaderField] = []
    title: Piece | None = None
    i = 0
    n = len(lines)
    while i < n:
        line = lines[i]
        if not line.text or i in skip:
            i += 1
            continue
        pairs = _field_values(line, allow_other=title is None)
        if pairs is not None:
            for label, value in pairs:
                if label in _TITLE_LABELS and title is None and value.text:
                    title = value
                    context.source("$.title", value.bounds())
                    continue
                _apply(label, value, fields, other, context)
            i += 1
            continue
        if title is None:
            if not _title_like(line):
                break
            title = line.piece
            i += 1
            parts = 1
            # A title printed on two lines (agency, then 2022年政府信息公开工作年度报告)
            while (
                i < n
                and lines[i].text
                and i not in skip
                and not any(w in title.text for w in TITLE_WORDS)
                and _title_like(lines[i])
                and any(w in lines[i].text for w in TITLE_WORDS)
                and _field_values(lines[i], allow_other=False) is None
                and len(title.text) + len(lines[i].text) <= 100
            ):
                title = title + lines[i].piece
                parts += 1
                i += 1
            if parts > 1:
                context.report("GP103", "$.title", title.span(), count=parts)
            context.source("$.title", title.bounds())
            continue
        if squash(line.text) == squash(title.text):
            context.report("GP102", "$.title", line.piece.span())
            i += 1
            continue
        break
    header = Header(other=tuple(other), **fields)
    return HeaderZone(header=header, title=title, body_start=i)


def _apply(
    label: str,
    value: Piece,
    fields: dict[str, Any],
    other: list[HeaderField],
    context: Context,
) -> None:
    """Put one header entry into ``fields`` (by model field) or ``other``."""
    text = value.text
    name = HEADER_LABELS.get(label)
    parsed: object = None
    if name is None:
        parsed = None
    elif not text:
        return
    elif name == "index_number":
        parsed = IndexNumber(text)
    elif name in ("publisher", "source", "subject"):
        parsed = text
    elif name == "document_date":
        when = read_datetime(text)
        if isinstance(when, dt.datetime):
            when = when.date()
        if when is None:
            context.report(
                "GP104",
                f"$.header.other[{len(other)}]",
                value.span(),
                label=label,
                what="日期",
                what_en="date",
                found=text,
            )
        parsed = when
    elif name == "published_at":
        when = read_datetime(text)
        if when is None:
            context.report(
                "GP104",
                f"$.header.other[{len(other)}]",
                value.span(),
                label=label,
                what="时间",
                what_en="date and time",
                found=text,
            )
        elif not isinstance(when, dt.datetime):
            context.report("GP106", f"$.header.other[{len(other)}]", value.span(), found=text)
            when = None
        parsed = when
    elif name == "document_number":
        read = read_document_number(text)
        if read is None:
            context.report(
                "GP104",
                f"$.header.other[{len(other)}]",
                value.span(),
                label=label,
                what="发文字号",
                what_en="document number",
                found=text,
            )
        else:
            number: DocumentNumber = read[0]
            if read[1] is not None:
                context.report(
                    "GP301",
                    "$.header.document_number",
                    value.span(),
                    found=read[1],
                    expected=str(number),
                )
            parsed = number
    if name is not None and parsed is not None:
        if name not in fields:
            fields[name] = parsed
            context.source(f"$.header.{name}", value.bounds())
            return
        if fields[name] == parsed:
            return
        context.report("GP105", f"$.header.other[{len(other)}]", value.span(), label=label)
    context.source(f"$.header.other[{len(other)}]", value.bounds())
    other.append(HeaderField(label, text))


def report_year(title: Piece | None, header: Header, context: Context) -> tuple[int, Piece | None]:
    """The year the report is on: from the title, else from the header's dates (GP107), else 0 (GP108)."""
    if title is not None:
        m = _YEAR.search(title.text)
        if m is not None:
            return int(m.group(1)), title.slice(m.start(1), m.end(1))
    candidates: list[tuple[str, str, int | None]] = [
        (
            "公文生成日期",
            "document date",
            header.document_date.year if header.document_date else None,
        ),
        ("发布时间", "publication time", header.published_at.year if header.published_at else None),
        (
            "索引号",
            "index number",
            header.index_number.parts.year
            if header.index_number is not None and header.index_number.parts is not None
            else None,
        ),
    ]
    for source, source_en, year in candidates:
        if year is not None:
            context.report("GP107", "$.year", None, source=source, source_en=source_en, year=year)
            return year, None
    context.report("GP108", "$.year", None)
    return 0, None
