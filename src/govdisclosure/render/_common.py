"""What every renderer shares: errors, option checks, the header labels, the outline of the body, and the
display width of text.

The outline is the body as the renderers see it: each node with its path id, its kind, its structure level
(the GB/T 9704 level of a numbered section: 1 for 一、, 2 for （一）, …, counted by nesting) and its children
grouped into runs of items, which HTML shows as one ``<ol>``.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterator, Mapping
from typing import Final, Literal, NamedTuple

from govdisclosure.model import (
    HEADER_LABELS,
    PATH_ID_PREFIXES,
    Attachment,
    DisclosureReport,
    Header,
    NodeKind,
    Section,
    Signature,
    path_id,
)
from govdisclosure.zh import DateStyle as _DateStyle
from govdisclosure.zh import format_date

DateStyle = _DateStyle | Literal["arabic", "chinese", "iso"]
"""What ``date_style`` takes: a :class:`govdisclosure.zh.DateStyle`, or its value."""
DATE_STYLES: Final = tuple(_DateStyle)


class RenderError(Exception):
    """Base class of the errors of :mod:`govdisclosure.render`."""

    __module__ = "govdisclosure.render"


class UnknownFormatError(RenderError, ValueError):
    """``render(report, to)`` was asked for a format it does not know; the message names the formats."""

    __module__ = "govdisclosure.render"


class UnknownOptionError(RenderError, TypeError):
    """A renderer was given an option it does not take; the message names the options it takes."""

    __module__ = "govdisclosure.render"


class OptionValueError(RenderError, ValueError):
    """An option has a value the renderer cannot use; the message names the values allowed."""

    __module__ = "govdisclosure.render"


class MissingDependencyError(RenderError, ImportError):
    """A format needs an optional dependency that is not installed (DOCX: ``govdisclosure[docx]``)."""

    __module__ = "govdisclosure.render"


def check_report(report: object) -> DisclosureReport:
    if not isinstance(report, DisclosureReport):
        raise TypeError(f"expected a DisclosureReport, got {type(report).__name__}")
    return report


def check_date_style(date_style: object) -> DateStyle:
    if date_style not in DATE_STYLES:
        allowed = ", ".join(repr(s.value) for s in DATE_STYLES)
        raise OptionValueError(f"date_style must be one of {allowed}, got {date_style!r}")
    return _DateStyle(str(date_style))


# -------------------------------------------------------------------------------------------------
# Text of one line

# What str.splitlines() breaks at: \n \r \v \f \x1c \x1d \x1e \x85 U+2028 U+2029.
_LINE_BREAKS: Final = re.compile("\r\n|[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


def one_line(text: str) -> str:
    """``text`` with each line break written as a space, so that a field never breaks a line-based layout.

    >>> one_line("a\\r\\nb\\u2028c")
    'a b c'
    """
    return _LINE_BREAKS.sub(" ", text)


# Hand-written: textwrap (and len()) count code points, but a terminal or a fixed-pitch page gives a Chinese
# character two columns. unicodedata has the East Asian width of each character; this adds it up.
def char_width(c: str) -> int:
    """The display columns of one character: 2 for East Asian Wide/Fullwidth, 0 for combining marks, format
    and control characters, 1 for the rest (East Asian Ambiguous included)."""
    o = ord(c)
    if o < 0x300:
        return 1 if 0x20 <= o < 0x7F or o >= 0xA0 else 0
    # The common cases first: CJK ideographs, CJK punctuation (U+3000–U+303E), full-width forms.
    if 0x4E00 <= o <= 0x9FFF or 0x3000 <= o <= 0x303E or 0xFF01 <= o <= 0xFF60:
        return 2
    if unicodedata.category(c) in ("Mn", "Me", "Cf", "Cc"):
        return 0
    return 2 if unicodedata.east_asian_width(c) in ("W", "F") else 1


def display_width(text: str) -> int:
    """The display columns of ``text`` (see :func:`char_width`).

    >>> display_width("2014年12月4日"), display_width("　　一是")
    (13, 8)
    """
    if text.isascii() and text.isprintable():
        return len(text)
    return sum(map(char_width, text))


# -------------------------------------------------------------------------------------------------
# Header metadata


class MetaEntry(NamedTuple):
    """One entry of the header metadata, as the renderers show it."""

    key: str
    """The model field (``index_number`` …), or ``other`` for a :class:`~govdisclosure.model.HeaderField`"""
    label: str
    """索引号, 发布机构 …, or the label of an ``other`` entry as printed"""
    value: str
    """The value as text: ISO date ``2014-12-04``, time ``2014-12-04 15:51``"""
    machine: str | None = None
    """For a date or time, its ISO 8601 form (for ``<time datetime>``); None otherwise"""


def format_datetime(value: dt.datetime) -> str:
    """``2014-12-04 15:51``; seconds only when not zero, microseconds only when not zero."""
    text = f"{value.year:04d}-{value.month:02d}-{value.day:02d} {value.hour:02d}:{value.minute:02d}"
    if value.second or value.microsecond:
        text += f":{value.second:02d}"
    if value.microsecond:
        text += f".{value.microsecond:06d}"
    return text


def _iso_datetime(value: dt.datetime) -> str:
    return format_datetime(value).replace(" ", "T")


def header_entries(header: Header) -> list[MetaEntry]:
    """The header fields that are present, in the order of the text format, then the ``other`` entries."""
    entries = []
    for header_label in HEADER_LABELS:
        key, label = header_label.field, header_label.label
        value = getattr(header, key)
        if value is None:
            continue
        if isinstance(value, dt.datetime):
            entries.append(MetaEntry(key, label, format_datetime(value), _iso_datetime(value)))
        elif isinstance(value, dt.date):
            entries.append(MetaEntry(key, label, value.isoformat(), value.isoformat()))
        else:
            entries.append(MetaEntry(key, label, str(value)))
    entries.extend(MetaEntry("other", field.label, field.value) for field in header.other)
    return entries


# -------------------------------------------------------------------------------------------------
# Signature and attachments


class SignatureLines(NamedTuple):
    """The signature as shown: the authority, the date as text and, where it is a date, its ISO form."""

    authority: str | None
    date: str | None
    date_iso: str | None


def signature_lines(signature: Signature | None, date_style: DateStyle) -> SignatureLines | None:
    """The signature's authority and date as text, or None when there is nothing to show.

    The date is written in ``date_style``; an unresolved ``date_text`` is shown as printed.
    """
    if signature is None:
        return None
    authority = signature.authority or None
    if signature.date is not None:
        date: str | None = format_date(signature.date, style=date_style)
        date_iso: str | None = signature.date.isoformat()
    else:
        date, date_iso = signature.date_text or None, None
    if authority is None and date is None:
        return None
    return SignatureLines(authority, date, date_iso)


_LINE_COLUMNS: Final = 56
"""The GB/T 9704 text column: 28 characters of 2 display columns."""


def signature_indents(authority: str | None, date: str | None) -> tuple[int, int]:
    """The right indents, in display columns, of the authority and of the date (GB/T 9704-2012 7.3.5.2).

    Without a seal, the authority stands two characters (4 columns) from the right, and the date on the next
    line starts two characters right of the authority's start; a date longer than that stands two characters
    from the right and the authority moves left as much.

    >>> signature_indents("德化县科学技术局", "2014年12月4日")  # the date is the longer: 13 + 4 > 16
    (5, 4)
    >>> signature_indents("德化县人民政府办公室", "2014年12月4日")
    (4, 7)
    >>> signature_indents("局" * 30_000, "2014年12月4日")  # wider than the line: it wraps, both at the rule's 4
    (4, 4)
    """
    name_w = display_width(authority or "")
    date_w = display_width(date or "")
    if authority is None or date is None or max(name_w, date_w) + 8 > _LINE_COLUMNS:
        return 4, 4
    if date_w + 4 <= name_w:
        return 4, name_w - date_w
    return date_w + 8 - name_w, 4


_SAFE_URL: Final = re.compile(r"https?://[^\s\"'<>\\^`{|}\x00-\x1f\x7f]+", re.ASCII | re.IGNORECASE)


def safe_url(url: str | None) -> str | None:
    """``url`` if it is an absolute http(s) URL without characters that could break out of an attribute or
    a Markdown link; None otherwise (``javascript:`` and every other scheme, relative URLs, spaces).

    >>> safe_url("https://example.org/a.doc"), safe_url("javascript:alert(1)"), safe_url(" https://x")
    ('https://example.org/a.doc', None, None)
    """
    if url is None or _SAFE_URL.fullmatch(url) is None:
        return None
    return url


def attachment_names(attachments: tuple[Attachment, ...]) -> list[str]:
    return [one_line(a.name) for a in attachments]


# -------------------------------------------------------------------------------------------------
# The outline of the body


class Node(NamedTuple):
    """A node of the body as the renderers see it."""

    id: str
    """path id, ``s1.i2``"""
    kind: NodeKind
    """section, item or block (a str: ``node.kind == "item"``)"""
    level: int
    """structure level: for a section, 1 + the number of numbered sections above it; for an item or a block,
    the level of the numbered section it is in (0 at the top)"""
    node: Section
    children: tuple[Node, ...]

    @property
    def label(self) -> str | None:
        return self.node.label

    @property
    def heading(self) -> str | None:
        return self.node.heading

    @property
    def paragraphs(self) -> tuple[str, ...]:
        return self.node.paragraphs


def outline(report: DisclosureReport) -> tuple[Node, ...]:
    """The body as a tree of :class:`Node`, with the path ids of :meth:`DisclosureReport.sections`.

    The ids follow the model's rule (:func:`~govdisclosure.model.path_id`), computed here in one pass with
    the levels because rendering is a hot path; a test keeps them equal to the model's.
    """
    return _outline(report.body, "", 0)


# A module-level function, not a closure: a closure that calls itself is a reference cycle, left for the
# garbage collector after every rendering (a stream of reports then grows until a full collection).
def _outline(sections: tuple[Section, ...], parent: str, level: int) -> tuple[Node, ...]:
    nodes = []
    seen = dict.fromkeys(PATH_ID_PREFIXES, 0)
    for section in sections:
        kind = section.kind
        seen[kind] += 1
        node_id = path_id(parent, kind, seen[kind])
        own = level + 1 if kind == "section" else level
        nodes.append(Node(node_id, kind, own, section, _outline(section.children, node_id, own)))
    return tuple(nodes)


def walk(nodes: tuple[Node, ...]) -> Iterator[Node]:
    """Every node, depth first in reading order."""
    for node in nodes:
        yield node
        yield from walk(node.children)


class BodyLine(NamedTuple):
    """One paragraph of the body as the text and DOCX renderings lay it out (without the indent)."""

    node: Node
    text: str
    heading: bool
    """True for the heading line of a numbered section"""
    table: str | None = None
    """Where a statutory table goes: its key (``t2`` …), with ``text`` empty; None for a line of text"""
    bold: tuple[int, int] | None = None
    """The part of ``text`` that HTML shows bold (``<strong>``), as (start, end) offsets: an item's lead
    phrase (一是**提高思想认识**。…) or the heading of an unlabelled block; None for none"""


def body_lines(
    nodes: tuple[Node, ...], tables: Mapping[str, tuple[str, ...]] | None = None
) -> list[BodyLine]:
    """Every paragraph of the body in reading order, one string each, laid out as the text format says: a
    numbered section's heading line (label + heading), an item's first line (label + heading + 。 + first
    paragraph), an unlabelled block's heading (if any) and then the paragraphs. Line breaks inside fields are
    spaces.

    ``tables`` maps a node's path id to the statutory tables placed after its own lines and before its
    children; each is a line whose ``table`` is the table's key."""
    out = []
    for node in walk(nodes):
        label = one_line(node.label) if node.label is not None else ""
        heading = one_line(node.heading) if node.heading is not None else None
        paragraphs = [one_line(p) for p in node.paragraphs]
        if node.kind == "section":
            out.append(BodyLine(node, label + (heading or ""), True))
        elif node.kind == "item":
            first = label + (heading + "。" if heading is not None else "")
            if paragraphs:
                first += paragraphs.pop(0)
            lead = (len(label), len(label) + len(heading)) if heading else None
            out.append(BodyLine(node, first, False, bold=lead))
        elif heading is not None:
            out.append(BodyLine(node, heading, False, bold=(0, len(heading)) if heading else None))
        out.extend(BodyLine(node, p, False) for p in paragraphs)
        if tables:
            out.extend(BodyLine(node, "", False, key) for key in tables.get(node.id, ()))
    return out


# -------------------------------------------------------------------------------------------------
# The title, broken by meaning

TITLE_CHARS: Final = 20
"""Characters of 2号 (22 pt) in a line of the 156 mm text block (GB/T 9704-2012): the title's line length."""

# Where a title may break by meaning: before a year (which also ends an agency's name that precedes it),
# after the year (…年 / …年度, before 政府信息公开), after 政府信息公开工作 (before 年度报告, 进展情况 …).
# Hand-written: no line breaker (ICU's included) knows the parts of a 公文 title.
_TITLE_BREAKS: Final = re.compile(r"(?<=.)(?=[0-9０-９]{4}年)|(?<=政府信息公开工作)(?=.)")
# After the year: a weaker break, taken only where the others leave a line too long or make more lines.
_WEAK_BREAKS: Final = re.compile(
    r"(?<=[0-9０-９]{4}年度)(?=.)|(?<=[0-9０-９]{4}年)(?=政府信息公开)"
)
_MAX_BREAKS: Final = 8


def _title_width(text: str) -> int:
    # In a Chinese font the East Asian Ambiguous characters (“ ” ‘ ’ · —) are full width.
    return sum(2 if unicodedata.east_asian_width(c) == "A" else char_width(c) for c in text)


def title_breaks(title: str, publisher: str | None = None) -> tuple[int, ...]:
    """The offsets in ``title`` where it may break by meaning, in order: after the agency's name (``publisher``
    where the title starts with it), before the year, after the year, after 政府信息公开工作.

    >>> title = "清溪县自然资源局2022年政府信息公开工作年度报告"
    >>> [title[:i] for i in title_breaks(title)]
    ['清溪县自然资源局', '清溪县自然资源局2022年', '清溪县自然资源局2022年政府信息公开工作']
    """
    points = {m.start() for m in _TITLE_BREAKS.finditer(title)}
    points.update(m.start() for m in _WEAK_BREAKS.finditer(title))
    if publisher and title.startswith(publisher) and len(publisher) < len(title):
        points.add(len(publisher))
    points.discard(0)
    return tuple(sorted(points))


def title_lines(
    title: str, publisher: str | None = None, *, chars: int = TITLE_CHARS
) -> tuple[str, ...]:
    """``title`` broken into lines by meaning (GB/T 9704-2012 7.3.1: 回行时要做到词意完整，排列对称), each
    shorter than ``chars`` characters (a CJK character or a quotation mark “ is one, a digit half) where the
    breaks of :func:`title_breaks` allow it: the fewest lines, then the fewest breaks after the year, then the
    most even. A title that fits is one line; where no choice of breaks fits, the one whose longest line is
    shortest (the renderer then wraps that line).

    >>> title_lines("清溪县自然资源局2022年政府信息公开工作年度报告")
    ('清溪县自然资源局', '2022年政府信息公开工作年度报告')
    >>> title_lines("2014年政府信息公开工作进展情况“成绩单”")
    ('2014年政府信息公开工作', '进展情况“成绩单”')
    >>> title_lines("2014年政府信息公开工作年度报告")
    ('2014年政府信息公开工作年度报告',)
    """
    title = one_line(title)
    # Half a character to spare: a font's digits and quotation marks may be wider than half and whole.
    limit = 2 * chars - 1
    if _title_width(title) <= limit:
        return (title,)
    points = title_breaks(title, publisher)[:_MAX_BREAKS]
    weak = {m.start() for m in _WEAK_BREAKS.finditer(title)}
    best: tuple[tuple[int, int, int, int], tuple[str, ...]] | None = None
    # Every subset of at most 8 points (256): cheap, and simpler than a dynamic programme.
    for mask in range(1 << len(points)):
        cuts = [p for n, p in enumerate(points) if mask >> n & 1]
        lines = tuple(title[a:b] for a, b in zip([0, *cuts], [*cuts, len(title)], strict=True))
        widths = [_title_width(line) for line in lines]
        longest = max(widths)
        over = max(0, longest - limit)
        score = (over, len(lines) if over == 0 else 0, len(weak.intersection(cuts)), longest)
        if best is None or score < best[0]:
            best = (score, lines)
    assert best is not None
    return best[1]


# -------------------------------------------------------------------------------------------------
# Deterministic ZIP packages (DOCX, XLSX)


def fixed_zip(data: bytes, rewrite: Mapping[str, Callable[[bytes], bytes]] | None = None) -> bytes:
    """The same package with every ZIP entry dated 1980-01-01, so that equal documents are equal bytes
    (python-docx and openpyxl stamp entries with the time of saving); ``rewrite`` maps an entry's name to a
    function that rewrites its content (openpyxl writes the time of saving into ``docProps/core.xml``)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = 3
            entry.external_attr = 0o644 << 16
            content = source.read(info.filename)
            if rewrite is not None and info.filename in rewrite:
                content = rewrite[info.filename](content)
            target.writestr(entry, content)
    return out.getvalue()
