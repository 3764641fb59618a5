"""The top of a page: the metadata block (索引号, 发布机构 …) and the title, which portals interleave."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from typing import Any, Final

import attrs

from govdisclosure.model import DocumentNumber, Header, HeaderField, IndexNumber, Span
from govdisclosure.parse._catalogue import (
    CHROME,
    TITLE,
    FieldLine,
    is_label_line,
    label_kind,
    read_field_line,
    read_value_row,
)
from govdisclosure.parse._context import Context
from govdisclosure.parse._dates import read_datetime
from govdisclosure.parse._lines import Line, squash
from govdisclosure.parse._numbers import read_document_number
from govdisclosure.parse._piece import Piece
from govdisclosure.parse._title import (
    agency_like,
    continues_title,
    in_full,
    is_breadcrumb,
    is_spam,
    maker_agency,
    quoted_agency,
    quoted_title,
    strip_furniture,
    subject_agency,
    title_agency,
    title_score,
)
from govdisclosure.parse._vocabulary import HEADER_LABELS, INLINE_CHROME_TAIL
from govdisclosure.parse._year import report_year as year_of_report
from govdisclosure.zh import parse_label

__all__ = ["HeaderZone", "read_header_zone", "report_year", "unfold_title_line"]

_DATE_PREFIX: Final = re.compile(
    r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*[日号]?"
    r"(?:[\sT]*\d{1,2}\s*[:：时]\s*\d{1,2}(?:\s*[:：分]\s*\d{1,2}\s*秒?)?)?"
)
_MAX_ZONE: Final = 60  # lines of the page's top read for the catalogue and the title
_UNLABELLED_DATE: Final = "发布日期"  # the label an unlabelled catalogue date is kept under
_SPACE: Final = " \t\u3000\xa0|｜"
_GAP: Final = re.compile(r"[ \t\u3000\xa0]+")
# A numbered heading's words run into the text after them (一、总体情况 2019年，…).
_RUN_IN_HEADING: Final = re.compile(r"[一二三四五六七八九十]{1,3}、[^\s。，,；;：:]{1,20}(?=\s)")
# A line that is only a month or a day (2013年3月): with an agency above it, the report's 落款 at its top.
_MONTH_LINE: Final = re.compile(r"(?:19|20)\d\d\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?")
_EDGE: Final = _SPACE + "【】[]"
# A list's bullet, as a copy prints it (- 政策解读).
_BULLET: Final = re.compile(r"[ \t\u3000]*[-*•·][ \t\u3000]")
_FONT_SIZE: Final = "字号"
_NUMBER_LABEL: Final = "文号"
# What a catalogue prints as 发布机构 where it names no agency (发布机构 其他): no publisher.
_NO_AGENCY: Final = frozenset({"其他", "其它", "无", "暂无", "—", "-", "/"})


@attrs.define
class HeaderZone:
    """What the top of the page gave, and where the body starts."""

    header: Header
    title: Piece | None
    body_start: int
    """index of the first line after the header zone"""
    top: list[Piece] = attrs.field(factory=list)
    """the lines of the page's top that are neither title nor catalogue (dropped, GP112, or the body's)"""


def _body_like(text: str, open_label: bool = False) -> bool:
    """A line of the report's text, not of the page's top: a heading, a sentence, a long line.
    ``open_label``: the line is read as catalogue fields whose last label ends it with its colon
    (… 来源:新九镇党政办 阅读次数:), which is that label's, not a sentence's 如下：."""
    if parse_label(text) is not None:
        return True
    if "。" in text or len(text) > 100:
        return True
    if len(text) > 20 and text.endswith((":", "：")) and not open_label:
        return True  # 现将…报告如下：
    return len(text) > 60 and sum(c in "，,；;" for c in text) >= 2


@attrs.define
class _Candidate:
    index: int
    piece: Piece
    score: int


def _units(candidates: list[_Candidate], adjacent: set[int]) -> list[tuple[int, int, Piece, int]]:
    """Title candidates: each line alone, and two adjacent lines a title continues over
    (first index, last index, text, score)."""
    units = [(c.index, c.index, c.piece, c.score) for c in candidates]
    for k in range(len(candidates) - 1):
        a, b = candidates[k], candidates[k + 1]
        if k in adjacent and continues_title(a.piece.text, b.piece.text):
            joined = a.piece + b.piece
            units.append(
                (a.index, b.index, joined, max(title_score(joined.text), a.score, b.score))
            )
    return units


def read_header_zone(lines: list[Line], skip: set[int], context: Context) -> HeaderZone:
    """Read the catalogue fields and the title from the top of ``lines`` (``skip``: chrome lines).

    The top runs to the first line of the report's text (a heading, a sentence). In it, catalogue lines
    (:mod:`govdisclosure.parse._catalogue`) are read as fields; of the other lines, the one that looks
    most like a title (:func:`~govdisclosure.parse._title.title_score`), joined with the line before or
    after where the title is printed over two, is the title, unless a 名称/标题 field names it. Repeats
    of the title are dropped (GP102); breadcrumbs and lines above the title are dropped (GP112); lines
    after the last field or title are the body's. Without a title line, the title quoted in the first
    sentence is taken (GP110). Without 发布机构, the agency the title names is the publisher (GP115).
    """
    fields: dict[str, Any] = {}
    other: list[HeaderField] = []
    field_lines: list[tuple[int, FieldLine]] = []
    candidates: list[_Candidate] = []
    adjacent: set[int] = (
        set()
    )  # k: candidates[k] and candidates[k + 1] have only blank lines between
    dropped: list[int] = []
    consumed: set[int] = set()
    n = len(lines)
    # The catalogue reading of a line, by (index, allow_any): the start is looked for first, over the
    # same lines the zone is then read from.
    read: dict[tuple[int, bool], FieldLine | None] = {}

    def field_line(k: int, allow_any: bool) -> FieldLine | None:
        key = (k, allow_any)
        if key not in read:
            read[key] = read_field_line(lines[k].piece, allow_any=allow_any)
        return read[key]

    i = _full_title_below_text(lines, skip, field_line)
    dropped += [k for k in range(i) if lines[k].text and k not in skip]
    consumed.update(dropped)
    seen = 0
    title_seen = False
    last_kind = ""
    while i < n and seen < _MAX_ZONE:
        line = lines[i]
        text = line.text
        if not text or i in skip or not text.strip(_EDGE):
            i += 1
            continue
        seen += 1
        if is_breadcrumb(text):
            dropped.append(i)
            last_kind = "chrome"
            i += 1
            continue
        found = field_line(i, not title_seen)
        if found is not None and not (
            _body_like(text, found.open_label)
            and found.pairs[0][0] not in ("内容概述",)
            and found.unlabelled
        ):
            consumed.add(i)
            below = (
                read_value_row(line.piece, found, lines[i + 1].piece)
                if i + 1 < n and i + 1 not in skip and not _body_like(lines[i + 1].text)
                else None
            )
            if below is not None:  # 索引号 | 公开方式 | 发布机构 | over its row of values
                found = below
                consumed.add(i + 1)
                i += 1
            elif (
                found.open_label
                and i + 1 < n
                and lines[i + 1].text
                and i + 1 not in skip
                and field_line(i + 1, False) is None
                and not is_label_line(lines[i + 1].text)  # 主题分类: then 主题词:
                and title_score(lines[i + 1].text) < 3
                and not _body_like(lines[i + 1].text)
            ):
                label, _ = found.pairs[-1]
                found.pairs[-1] = (label, lines[i + 1].piece)
                consumed.add(i + 1)
                i += 1
            field_lines.append((i, found))
            last_kind = "field"
            i += 1
            continue
        if _body_like(text):
            break
        # furniture first (a tag in brackets before the title), then the edges' brackets and bars
        piece = strip_furniture(line.piece.strip(_SPACE)).strip(_EDGE)
        if last_kind == "candidate":
            adjacent.add(len(candidates) - 1)
        if _menu_item(lines, i, skip):  # a site's menu printed as a list: chrome
            dropped.append(i)
            consumed.add(i)
            last_kind = "chrome"
            i += 1
            continue
        score = title_score(piece.text)
        if last_kind == "candidate" and score < 4 and is_spam(candidates[-1].piece.text):
            score = 0  # the rest of a spam title broken over two lines (…官方网站 2024年政府 / 信息公开…)
        candidates.append(_Candidate(i, piece, score))
        title_seen = title_seen or score >= 3
        last_kind = "candidate"
        i += 1
    zone_end = i

    field_title: Piece | None = None
    source: Piece | None = None  # the first 来源's value
    # A date printed without a label in the catalogue block (2022年01月18日来源:1, a line • 2024-03-08
    # among the fields) is its publication date when it is the block's only date: no labelled date,
    # no other unlabelled one (GP120). Anything else without a label is not read (GP117).
    dated = _unlabelled_dates(field_lines, candidates)
    labelled_date = any(
        HEADER_LABELS.get(label) in ("published_at", "document_date")
        for _index, found in field_lines
        for label, _value in found.pairs
    )
    date_read: Piece | None = dated[0] if len(dated) == 1 and not labelled_date else None
    for _index, found in field_lines:
        if (
            found.unlabelled is not None
            and found.unlabelled.text
            and found.unlabelled is not date_read
        ):
            context.report(
                "GP117", "$.header", found.unlabelled.span(), found=found.unlabelled.text
            )
        for label, value in found.pairs:
            kind = label_kind(label)
            if kind == CHROME:
                if label != _FONT_SIZE or read_document_number(_value(value).text) is None:
                    continue
                # 字号 is a law database's 文号 where a document number follows it (【字 号】武政函〔2021〕
                # 20号), a font size's chrome elsewhere (字号：大 中 小)
                label = _NUMBER_LABEL
                kind = label_kind(label)
            value = _value(value)
            if kind in ("publisher", "source"):
                value = _without_trailing_date(value, context)
            if kind == "source" and source is None and value.text:
                source = value
            if kind == TITLE:
                if field_title is None and value.text:
                    field_title = value
                continue
            _apply(label, value, fields, other, context)

    if date_read is not None:
        context.report(
            "GP120",
            "$.header",
            date_read.span(),
            label=_UNLABELLED_DATE,
            label_en="publication date",
            found=date_read.text,
        )
        _apply(_UNLABELLED_DATE, date_read, fields, other, context, said=True)
        for c in candidates:
            if c.piece is date_read and field_lines and c.index < field_lines[-1][0]:
                consumed.add(c.index)  # a line of the block, not a line above the title

    title: Piece | None = field_title
    first_title_line = zone_end
    units = _units(candidates, adjacent)
    if title is None:
        # Of equal scores, a title naming its agency (蒲纺工业园区2020年…报告) wins over one naming none (a
        # site's label 2020年信息公开年报, a short headline over the agency and title on two lines);
        # then the first.
        best = _best_title(units)
        if best is not None and best[3] >= 2:
            title = best[2]
            first_title_line = best[0]
            consumed.update({best[0], best[1]})
            if best[0] != best[1]:
                context.report("GP103", "$.title", title.span(), count=2)
    if title is not None:
        context.source("$.title", title.bounds())
        flat_title = squash(title.text)
        for start, end, piece, _score in units:
            if start in consumed or end in consumed:
                continue
            flat = squash(piece.text)
            # a repeat, or a repeat the store cut short (兴国镇人民政府2025年政府信息公开工作 / 年度报)
            if flat == flat_title or (
                start == end
                and start > first_title_line
                and 4 * len(flat) >= 3 * len(flat_title)
                and flat_title.startswith(flat)
            ):
                context.report("GP102", "$.title", piece.span())
                consumed.update({start, end})
    body_start = max(consumed, default=-1) + 1
    dropped += [c.index for c in candidates if c.index < body_start and c.index not in consumed]
    dropped = sorted(d for d in dropped if d < body_start)
    if dropped:
        first, last = lines[dropped[0]], lines[dropped[-1]]
        context.report(
            "GP112",
            "$",
            Span(first.source, last.source + len(last.text)),
            count=len(dropped),
            first=first.text,
        )
    if title is None:
        title = _first_sentence_title(lines, body_start, skip)
        if title is not None:
            context.report("GP110", "$.title", title.span(), found=title.text)
            context.source("$.title", title.bounds())
    if "publisher" not in fields and title is not None:
        where = title_agency(title.text)
        if where is not None:
            agency = title.slice(*where)
            # a title naming its agency by its level only (市政府研究室), the 来源 naming it in full
            # (铜陵市人民政府研究室): the full name
            if source is not None and in_full(agency.text, source.text):
                agency = source
            fields["publisher"] = agency.text
            context.source("$.header.publisher", agency.bounds())
            context.report("GP115", "$.header.publisher", agency.span(), found=agency.text)
    # Without 发布机构 and an agency in the title, in this order: an agency printed alone above the text
    # with a date under it (GP122); the maker the first sentence names (GP118); the agency the first
    # sentence names as its subject, or as the owner of a report it names without a year (GP121).
    if "publisher" not in fields:
        signed = _agency_above_date(candidates, adjacent, consumed)
        if signed is not None:
            _publisher(fields, signed, "GP122", context)
    if "publisher" not in fields:
        maker = _first_paragraphs(lines, body_start, skip, maker_agency)
        if maker is not None:
            _publisher(fields, maker, "GP118", context)
    if "publisher" not in fields:
        named = _first_sentence(lines, body_start, skip, quoted_agency) or _first_paragraphs(
            lines, body_start, skip, subject_agency
        )
        if named is not None:
            _publisher(fields, named, "GP121", context)
    header = Header(other=tuple(other), **fields)
    top = [c.piece for c in candidates if c.index not in consumed]
    return HeaderZone(header=header, title=title, body_start=body_start, top=top)


def _menu_item(lines: list[Line], i: int, skip: set[int]) -> bool:
    """Whether line ``i`` is an item of a menu printed as a list (- 政策解读 / - 发展报告 / - 项目中心): it
    opens with a bullet, and so does the line of text before or after it. A list's item is no title."""
    if _BULLET.match(lines[i].text) is None:
        return False
    for step in (-1, 1):
        k = i + step
        while 0 <= k < len(lines) and (not lines[k].text or k in skip):
            k += step
        if 0 <= k < len(lines) and _BULLET.match(lines[k].text) is not None:
            return True
    return False


def _publisher(fields: dict[str, Any], agency: Piece, code: str, context: Context) -> None:
    fields["publisher"] = agency.text
    context.source("$.header.publisher", agency.bounds())
    context.report(code, "$.header.publisher", agency.span(), found=agency.text)


def _agency_above_date(
    candidates: list[_Candidate], adjacent: set[int], consumed: set[int]
) -> Piece | None:
    """An agency printed alone on a line of the page's top with a month or a day under it (廣州市人民政府 /
    2013年3月): the report's 落款 printed above it."""
    for k in range(len(candidates) - 1):
        a, b = candidates[k], candidates[k + 1]
        if (
            k in adjacent
            and a.index not in consumed
            and _MONTH_LINE.fullmatch(b.piece.text) is not None
            and agency_like(a.piece.text)
        ):
            return a.piece
    return None


def unfold_title_line(lines: list[Line]) -> list[Line]:
    """``lines`` with the page's first line cut after the title, where the title is run into the text
    (a PDF's or a one-line page's line breaks became spaces: 生态环境部2018年度政府信息公开工作报告 2018年，…),
    and after the words of a numbered heading that opens the rest (一、总体情况 2019年，…). The title is
    the shortest run of the line's words, to a space in its first 90 characters, that looks fully like
    one (a year, 信息公开 and 报告: :func:`~govdisclosure.parse._title.title_score` 4). Other pages are
    returned as they are.

    >>> page = [Line("某县2019年 政府信息公开工作年度报告 一、总体情况 2019年，" + "正文。" * 40, 0, False)]
    >>> title, heading, text = unfold_title_line(page)
    >>> title.text, heading.text, text.text[:6]
    ('某县2019年 政府信息公开工作年度报告', '一、总体情况', '2019年，')
    """
    k = next((k for k, line in enumerate(lines) if line.text), None)
    if k is None or len(lines[k].text) <= 100:  # the common case: a title line, a short first line
        return lines
    line = lines[k]
    text = line.text
    cut = next((m for m in _GAP.finditer(text, 0, 90) if title_score(text[: m.start()]) >= 4), None)
    if cut is None:
        return lines
    parts = [Line(text[: cut.start()], line.source, line.indented, line.lead)]
    at = cut.end()
    heading = _RUN_IN_HEADING.match(text, at)
    if heading is not None:
        parts.append(Line(text[at : heading.end()], line.source + at, False))
        gap = _GAP.match(text, heading.end())
        at = heading.end() if gap is None else gap.end()
    parts.append(Line(text[at:], line.source + at, False, "", line.trail))
    return [*lines[:k], *parts, *lines[k + 1 :]]


def _best_title(units: list[tuple[int, int, Piece, int]]) -> tuple[int, int, Piece, int] | None:
    """The unit of the highest score; of equal ones, the first naming its agency, else the first."""
    best = max(units, key=lambda u: (u[3], -u[0]), default=None)
    if best is None or best[3] < 3:
        return best
    tied = [u for u in units if u[3] == best[3]]
    if len({u[2].text for u in tied}) == 1:  # the common cases: one title, or one printed twice
        return best
    named = [u for u in tied if title_agency(u[2].text) is not None]
    return min(named, key=lambda u: u[0]) if named else best


def _full_title_below_text(
    lines: list[Line], skip: set[int], field_line: Callable[[int, bool], FieldLine | None]
) -> int:
    """Where a page's top starts: 0, or the line of a full title (its year, 信息公开 and 报告) printed under
    lines of text that are no heading (a copied page's address and a note above it: chrome)."""
    text_above = False
    looked = 0
    for i, line in enumerate(lines):
        if not line.text or i in skip:
            continue
        looked += 1
        if looked > 12 or parse_label(line.text) is not None:
            return 0
        if field_line(i, True) is not None:
            return 0  # a catalogue: the top is read from the start
        if _body_like(line.text):
            text_above = True
        elif text_above and title_score(strip_furniture(line.piece).text) >= 4:
            return i
    return 0


def _value(value: Piece) -> Piece:
    """A field's value without the page chrome portals print after it (【打印】, 字号：大 中 小)."""
    tail = max(0, len(value.text) - 60)  # chrome is short: look at the value's end only
    chrome = INLINE_CHROME_TAIL.search(value.text, tail)
    if chrome is not None:
        value = value.slice(0, chrome.start())
    return value.strip(_EDGE + "?？")


# A date (and time) after a name, apart from it (生态环境局信息中心 2021-01-07 15:30).
_TRAILING_DATE: Final = re.compile(r"[ \t\u3000\xa0]+(" + _DATE_PREFIX.pattern + r")$")


def _without_trailing_date(value: Piece, context: Context) -> Piece:
    """An agency's value (发布机构, 来源) without a date printed after it with no label of its own
    (来源:生态环境局信息中心 2021-01-07 15:30): the date is not the agency's, and is not read (GP117)."""
    m = _TRAILING_DATE.search(value.text)
    if m is None or m.start() == 0:
        return value
    date = value.slice(m.start(1), m.end(1))
    context.report("GP117", "$.header", date.span(), found=date.text)
    return value.slice(0, m.start())


def _unlabelled_dates(
    field_lines: list[tuple[int, FieldLine]], candidates: list[_Candidate]
) -> list[Piece]:
    """The dates printed without a label in the catalogue block: text glued before a field's label that
    is a date, and lines that are only a date between the block's first and last field lines or right
    after its last (a portal's date line among its fields)."""
    if not field_lines:
        return []
    dates = [
        found.unlabelled
        for _index, found in field_lines
        if found.unlabelled is not None and read_datetime(found.unlabelled.text) is not None
    ]
    first, last = field_lines[0][0], field_lines[-1][0]
    dates += [
        c.piece
        for c in candidates
        if first - 2 <= c.index <= last + 1
        and c.score == 0
        and _DATE_PREFIX.fullmatch(c.piece.text) is not None
        and read_datetime(c.piece.text) is not None
    ]
    return dates


def _first_sentence_title(lines: list[Line], start: int, skip: set[int]) -> Piece | None:
    """The title the first paragraph names (现公布…年度报告), looked for in the first two lines of text."""
    return _first_sentence(lines, start, skip, quoted_title)


def _first_sentence(
    lines: list[Line], start: int, skip: set[int], read: Callable[[Piece], Piece | None]
) -> Piece | None:
    """What ``read`` finds in the first paragraph: the first two lines of text that are no heading."""
    looked = 0
    for i in range(start, len(lines)):
        line = lines[i]
        if not line.text or i in skip:
            continue
        if parse_label(line.text) is None:
            found = read(line.piece)
            if found is not None:
                return found
        looked += 1
        if looked >= 2:
            break
    return None


def _paragraph(lines: list[Line], i: int, skip: set[int]) -> tuple[Piece, int]:
    """Line ``i``, with the lines after it where it breaks inside a book title (…根據《 / 中華人民共和國
    政府信息公開條例》…: a copy's links broken across lines), and the index after the last line taken."""
    piece = lines[i].piece
    k = i + 1
    while piece.text.rstrip().endswith("《") and k < min(len(lines), i + 6):
        if lines[k].text and k not in skip:
            piece = piece + lines[k].piece
        k += 1
    return piece, k


def _first_paragraphs(
    lines: list[Line], start: int, skip: set[int], read: Callable[[Piece], Piece | None]
) -> Piece | None:
    """What ``read`` finds in the first sentence of the first two paragraphs, headings passed over, and
    of the first paragraph under the first heading (the introduction's, then section 一's: 一、总体情况 /
    2020年，武汉市坚持…, also after an introduction of more paragraphs); a paragraph broken inside a
    book title is read whole (:func:`_paragraph`), a heading run into its paragraph ((一)总体公开情况说明。
    2021年，县卫生健康局…) from its first sentence after the heading. Twelve lines of text at most."""
    looked = 0
    headed = False  # a heading passed
    under = False  # a paragraph under a heading read
    seen = 0
    i = start
    while i < len(lines) and seen < 12:
        line = lines[i]
        if not line.text or i in skip:
            i += 1
            continue
        seen += 1
        label = parse_label(line.text)
        if label is not None:
            i += 1
            stop = line.text.find("。", label.end, label.end + 30) if label.level > 0 else -1
            if stop < 0 or stop + 1 == len(line.text):
                headed = True
                continue
            paragraph = line.piece.slice(stop + 1)  # a heading run into its paragraph
            headed = True
        else:
            paragraph, i = _paragraph(lines, i, skip)
            if looked >= 2 and not headed:
                continue  # the introduction's later paragraphs
        found = read(paragraph)
        if found is not None:
            return found
        looked += 1
        under = under or headed
        if looked >= 2 and under:
            break
    return None


def _apply(
    label: str,
    value: Piece,
    fields: dict[str, Any],
    other: list[HeaderField],
    context: Context,
    said: bool = False,
) -> None:
    """Put one header entry into ``fields`` (by model field) or ``other``."""
    text = value.text
    name = HEADER_LABELS.get(label)
    parsed: object = None

    def unread(what: str, what_en: str) -> None:
        """GP104: the value printed after ``label`` is not a ``what`` (kept as printed in ``other``)."""
        context.report(
            "GP104",
            f"$.header.other[{len(other)}]",
            value.span(),
            label=label,
            what=what,
            what_en=what_en,
            found=text,
        )

    if name is None:
        parsed = None
    elif not text:
        return
    elif name == "index_number":
        parsed = IndexNumber(text)
    elif name == "publisher" and text in _NO_AGENCY:
        # 发布机构 其他: the catalogue's placeholder names no agency; the title's is read instead
        unread("机关", "agency")
    elif name in ("publisher", "source", "subject"):
        parsed = text
    elif name == "document_date":
        text = _date_text(text)
        when = read_datetime(text)
        if isinstance(when, dt.datetime):
            when = when.date()
        if when is None:
            unread("日期", "date")
        parsed = when
    elif name == "published_at":
        text = _date_text(text)
        when = read_datetime(text)
        if when is None:
            unread("时间", "date and time")
        elif not isinstance(when, dt.datetime):
            if not said:  # an unlabelled date was said once already (GP120)
                context.report("GP106", f"$.header.other[{len(other)}]", value.span(), found=text)
            when = None
        parsed = when
    elif name == "document_number":
        read = read_document_number(text)
        if read is None:
            unread("发文字号", "document number")
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


def _date_text(text: str) -> str:
    """The date (and time) at the start of a value; what follows it is chrome (阅读次数 …)."""
    m = _DATE_PREFIX.match(text)
    return text if m is None else text[: m.end()].strip()


def report_year(
    title: Piece | None,
    header: Header,
    context: Context,
    body: Iterable[Piece] = (),
    top: list[Piece] | None = None,
) -> tuple[Any, Piece | None]:
    """The year the report is on, from the title, the statistical period, the introduction (``body``:
    the pieces of text after the header zone), the page's top (``top``: :attr:`HeaderZone.top`) or the
    catalogue: see :mod:`govdisclosure.parse._year`."""
    return year_of_report(title, header, body, context, top)
