"""The top of a page: the metadata block (索引号, 发布机构 …) and the title, which portals interleave."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Final

import attrs

from govdisclosure.model import (
    REPORT_YEARS,
    TITLE_LABELS,
    DocumentNumber,
    Header,
    HeaderField,
    IndexNumber,
    Span,
)
from govdisclosure.parse._context import Context
from govdisclosure.parse._dates import read_datetime
from govdisclosure.parse._lines import Line, squash
from govdisclosure.parse._numbers import read_document_number
from govdisclosure.parse._piece import Piece
from govdisclosure.parse._traditional import to_simplified
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
    r"(?:^|(?<=[\s\u3000\xa0?\ufffd]))(?P<label>"
    + "|".join(_GAP.join(re.escape(c) for c in label) for label in _KNOWN)
    + r")"
    + _GAP
    + r"[:：]"
)
# Any short label before the title: 2 to 10 Chinese characters and a colon.
_OTHER_FIELD: Final = re.compile(r"(?P<label>[\u4e00-\u9fff]{2,10})" + _GAP + r"[:：]")
_KNOWN_SET: Final = frozenset(_KNOWN)
# A known label anywhere a field may start (the line's start, after white space or |), with or without
# its colon: catalogue blocks print ``索 引 号 | 014416330/2018-04736 | 分 类 | …`` and ``发布机构 市政府办
# 发文日期 2018-02-28`` as well as ``索引号：…``.
_LOOSE_FIELD: Final = re.compile(
    r"(?:^|(?<=[\s\u3000\xa0|｜]))(?P<label>"
    + "|".join(_GAP.join(re.escape(c) for c in label) for label in _KNOWN)
    + r")"
    + _GAP
    + r"(?P<colon>[:：])?"
)
# Labels a value may be glued to (索引号000014349/2023-74857): the ones no sentence starts with.
_GLUED: Final = frozenset(
    label
    for label, name in HEADER_LABELS.items()
    if name in ("index_number", "document_date", "published_at") and len(label) >= 3
)
_MAX_LOOSE_VALUE: Final = 60
# A date (and time) at the start of a date field's value; what follows is chrome (阅读次数 …).
_DATE_VALUE: Final = re.compile(
    r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*[日号]?(?:[\sT]*\d{1,2}\s*[:：时]\s*\d{1,2}"
    r"(?:\s*[:：分]\s*\d{1,2}\s*秒?)?)?"
)


def _loose_fields(line: Line) -> list[tuple[str, Piece]] | None:
    """Header fields without colons, between ``|``, several on a line, or glued to their label."""
    text = line.text
    matches = list(_LOOSE_FIELD.finditer(text))
    if not matches or text[: matches[0].start()].strip(" |｜\t\u3000\xa0"):
        return None
    pairs: list[tuple[str, Piece]] = []
    for m, following in zip(matches, [*matches[1:], None], strict=True):
        end = following.start() if following is not None else len(text)
        label = squash(m.group("label"))
        value = line.piece.slice(m.end(), end).strip()
        value = value.slice(0, len(value.text.rstrip(" |｜\t\u3000\xa0"))).strip()
        while value.text[:1] in ("|", "｜"):
            value = value.slice(1).strip()
        separated = (
            m.group("colon") is not None
            or m.end() == end
            or text[m.end() - 1] in " |｜\t\u3000\xa0"
            or (m.end() < len(text) and text[m.end()] in " |｜\t\u3000\xa0")
        )
        if not separated and not (label in _GLUED and text[m.end() : m.end() + 1].isalnum()):
            return None
        pairs.append((label, value))
    if len(pairs) == 1 and len(pairs[0][1].text) > _MAX_LOOSE_VALUE:
        return None
    return pairs


def _trim_dates(pairs: list[tuple[str, Piece]]) -> list[tuple[str, Piece]]:
    """A date field's value is its date (and time): chrome printed after it is cut; characters the page
    lost (``??``, U+FFFD) at a value's end are cut too."""
    out = []
    for label, value in pairs:
        kept = value.text.rstrip("?\ufffd \u3000")
        if len(kept) != len(value.text):
            value = value.slice(0, len(kept))
        if HEADER_LABELS.get(label) in ("document_date", "published_at"):
            m = _DATE_VALUE.match(value.text)
            if m is not None:
                value = value.slice(0, m.end()).strip()
        out.append((label, value))
    return out


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
    simplified = to_simplified(line.text)
    if simplified != line.text:  # 索引號, 發布機構: matched simplified, values kept as printed
        shadow = Line(simplified, line.source, line.indented, line.lead, line.trail)
        found = _field_values(shadow, allow_other)
        if found is None:
            return None
        return [
            (label, line.piece.slice(v.bounds()[0] - line.source, v.bounds()[1] - line.source))
            for label, v in found
        ]
    pairs = _strict_fields(line, allow_other)
    if pairs is None:
        pairs = _loose_fields(line)
    return None if pairs is None else _trim_dates(pairs)


def _strict_fields(line: Line, allow_other: bool) -> list[tuple[str, Piece]] | None:
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


_PAGE_HEADER: Final = re.compile(r"Page\s*\d")  # a PDF's running head (Page 9 - 2020年报_审计局)


def _title_like(line: Line) -> bool:
    """A line that may be a title: short, no table row nor heading, no sentence, no breadcrumb."""
    text = line.text
    return (
        0 < len(text) <= 100
        and "|" not in text
        and ">" not in text
        and not (("，" in text or "," in text) and len(text) > 30)
        and not text.endswith(("：", ":", "。"))
        and _PAGE_HEADER.match(text) is None
        and parse_label(text) is None
    )


def read_header_zone(lines: list[Line], skip: set[int], context: Context) -> HeaderZone:
    """Read header fields and the title from the top of ``lines`` (``skip``: chrome lines)."""
    fields: dict[str, Any] = {}
    other: list[HeaderField] = []
    title: Piece | None = None
    i = 0
    n = len(lines)
    strong = _strong_title(lines, skip)
    dropped: list[int] = []
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
        if title is None and strong is not None and i < strong[0]:
            dropped.append(i)  # a site name, a breadcrumb, a search box above the title: chrome
            i += 1
            continue
        if title is None:
            if strong is not None and i == strong[1]:
                title = strong[2]
            elif not _title_like(line):
                break
            else:
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
    if dropped:
        first, last = lines[dropped[0]], lines[dropped[-1]]
        context.report(
            "GP010",
            "$",
            Span(first.source, last.source + len(last.text)),
            count=len(dropped),
            first=first.text,
        )
    if title is None:
        title = _quoted_title(lines, i)
        if title is not None:
            context.report("GP110", "$.title", title.span(), found=title.text)
            context.source("$.title", title.bounds())
    header = Header(other=tuple(other), **fields)
    return HeaderZone(header=header, title=title, body_start=i)


# What a report's title looks like: a year, then (within a few words) 公开, then 报告 / 年报 / 成绩单.
_STRONG: Final = re.compile(
    r"(?:19|20)\d\d\s*年度?[^，,。；;：:>›»]{0,40}?公开[^，,。；;：:>›»]{0,20}?(?:报告|年报|成绩单)"
)
_TITLE_PREFIX: Final = re.compile(r"^(?:Page\s*\d+\s*[-–—]\s*)")
_TITLE_END: Final = re.compile(r"(?:报告|年报|成绩单)(?=\s*[-_－—|｜]\s*[^报告]{1,20}$)")
_AGENCY_END: Final = re.compile(
    r"(?:局|办|委|政府|院|中心|镇|乡|街道|办事处|厅|部|会|所|站|室|处|队|馆|署|司|委员会|公司|机关)$"
)
_TITLE_WINDOW: Final = 60
_QUOTED: Final = re.compile(
    r"现(?:将|予)?公布((?![我本])[^，,。；;：:《》]{2,60}?(?:19|20)\d\d年[^，,。；;：:《》]{0,30}?(?:报告|年报))"
    r"|《([^《》]{0,40}?(?:19|20)\d\d年[^《》]{0,30}?(?:报告|年报))》"
)


_PINYIN: Final = re.compile(r"\([a-zü\u00e0-\u00fc\u0101-\u01dc]{1,7}\)")


def _without_pinyin(text: str) -> str:
    """The text without the pinyin a mirror site prints after characters (報(bào)告), for matching."""
    return _PINYIN.sub("", text) if "(" in text else text


def _strong_title(lines: list[Line], skip: set[int]) -> tuple[int, int, Piece] | None:
    """The line (among the first ones, before the first section) that reads as a report's title:
    (where the title starts, the line, the title as cut from it) — it starts on the line before when
    that line is the agency (a title printed over two lines)."""
    seen = 0
    previous = -1
    for i, line in enumerate(lines):
        text = line.text
        if not text or i in skip:
            continue
        seen += 1
        if seen > _TITLE_WINDOW:
            return None
        if "、" in text[:5]:  # (a cheap test before the label parser: 一、 … 九十九、)
            label = parse_label(text)
            if label is not None and label.level == 1:
                return None
        if "公" not in text and "报" not in text and "報" not in text:
            previous = i
            continue
        m = _STRONG.search(_without_pinyin(to_simplified(text)))
        if (
            m is None
            or len(text) > 80
            or any(mark in text for mark in "，,。；;>")
            or text.endswith(("：", ":"))
        ):
            previous = i
            continue
        piece = line.piece
        prefix = _TITLE_PREFIX.match(piece.text)
        if prefix is not None:
            piece = piece.slice(prefix.end())
        end = _TITLE_END.search(to_simplified(piece.text))
        if end is not None:
            piece = piece.slice(0, end.end())
        piece = piece.slice(0, len(piece.text.rstrip(" |｜\u3000")))
        start = i
        if (
            m.start() == 0
            and previous >= 0
            and len(lines[previous].text) <= 30
            and _AGENCY_END.search(lines[previous].text) is not None
            and not any(c.isdigit() for c in lines[previous].text)
        ):
            start = previous
        return start, i, piece.strip()
    return None


def _quoted_title(lines: list[Line], start: int) -> Piece | None:
    """A title the first sentences quote (现公布泰州市人民政府2017年…年度报告, 《辽宁省2019年度…报告》)."""
    seen = 0
    for line in lines[start:]:
        if not line.text:
            continue
        seen += 1
        if seen > 3:
            return None
        m = _QUOTED.search(line.text)
        if m is not None:
            group = 1 if m.group(1) is not None else 2
            return line.piece.slice(m.start(group), m.end(group)).strip()
    return None


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


_PERIOD: Final = re.compile(r"统计(?:期限|时限|时间|区间|周期)[^。]{0,20}?((?:19|20)\d\d)\s*年")
_OPENING_YEAR: Final = re.compile(r"^((?:19|20)\d\d)\s*年度?(?![\d月底末初])")
# Last: the year the body names most (2023年, not a date): a page without title, period or catalogue.
_BODY_YEAR: Final = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*年(?!\s*\d{1,2}\s*月)")
# 现将我局2020年度政府信息公开情况报告如下 (traditional 現將 too: the sentence is not in the vocabulary)
_REPORTING: Final = re.compile(
    r"[现現][将將予][^。]{0,20}?((?:19|20)\d\d)\s*年度?[^。]{0,30}?[报報]告如下"
)
_BODY_WINDOW: Final = 8  # the introduction: the first lines of the body


def report_year(
    title: Piece | None,
    header: Header,
    context: Context,
    lines: list[Line] | None = None,
    body_start: int = 0,
) -> tuple[int | None, Piece | None]:
    """The year the report is on, from its sources in this order: the title; the statistical period
    (统计期限自2014年1月1日起…); the year opening the introduction (2023年，……); the catalogue's dates and
    索引号 (the year of publication: the year before, when published in its first half). Sources that
    disagree with the one taken are reported (GP111); a year not from the title is reported (GP107)."""
    found: list[tuple[str, str, int, Piece | None]] = []
    if title is not None:
        m = _YEAR.search(title.text)
        if m is not None:
            found.append(("标题", "title", int(m.group(1)), title.slice(m.start(1), m.end(1))))
    if lines is not None:
        period = opening = None
        seen = 0
        for line in lines[body_start:]:
            if not line.text:
                continue
            seen += 1
            text = line.text
            if period is None and "统计" in text:
                m = _PERIOD.search(text)
                if m is not None:
                    period = (
                        "统计期限",
                        "statistical period",
                        int(m.group(1)),
                        line.piece.slice(m.start(1), m.end(1)),
                    )
            if opening is None and seen <= _BODY_WINDOW and (m := _REPORTING.search(text)):
                opening = (
                    "引言",
                    "introduction",
                    int(m.group(1)),
                    line.piece.slice(m.start(1), m.end(1)),
                )
            if opening is None and seen <= _BODY_WINDOW and "年" in text[:12]:
                label = parse_label(text)
                rest = text[label.end :] if label is not None else text
                m = _OPENING_YEAR.match(rest)
                if m is not None:
                    shift = len(text) - len(rest)
                    opening = (
                        "引言",
                        "introduction",
                        int(m.group(1)),
                        line.piece.slice(shift + m.start(1), shift + m.end(1)),
                    )
            if seen > 200 or (period is not None and opening is not None):
                break
        found += [f for f in (period, opening) if f is not None]
    for source, source_en, when in (
        ("公文生成日期", "document date", header.document_date),
        ("发布时间", "publication time", header.published_at),
    ):
        if when is not None:
            found.append((source, source_en, when.year - 1 if when.month <= 6 else when.year, None))
    if header.index_number is not None and header.index_number.parts is not None:
        year = header.index_number.parts.year
        if year:
            found.append(("索引号", "index number", year - 1, None))
    if not found and lines is not None:
        counts: dict[int, int] = {}
        for line in lines[body_start : body_start + 400]:
            if "年" in line.text:
                for m in _BODY_YEAR.finditer(line.text):
                    counts[int(m.group(1))] = counts.get(int(m.group(1)), 0) + 1
        if counts:
            best = max(counts, key=lambda y: (counts[y], y))
            found.append(("正文", "body", best, None))
    found = [f for f in found if f[2] in REPORT_YEARS]
    if not found:
        context.report("GP108", "$.year", None)
        return None, None
    source, source_en, year, piece = found[0]
    disagree = [f"{s}{y}" for s, _, y, _ in found[1:3] if y != year]
    if disagree and not (
        source == "标题"
        and all(
            s in ("公文生成日期", "发布时间", "索引号") for s, _, y, _ in found[1:3] if y != year
        )
    ):
        context.report(
            "GP111",
            "$.year",
            None,
            found="，".join(disagree),
            year=year,
            source=source,
            source_en=source_en,
        )
    if source != "标题":
        context.report("GP107", "$.year", None, source=source, source_en=source_en, year=year)
    return year, piece
