"""The parser's entry points: text in, report, diagnostics and provenance out."""

from __future__ import annotations

from typing import Final

import attrs

from govdisclosure.model import (
    Diagnostic,
    DisclosureReport,
    ReportFormat,
    Span,
    format_for_year,
    is_statutory,
    types_checked,
)
from govdisclosure.parse._body import build_body, join_paragraphs
from govdisclosure.parse._context import Context
from govdisclosure.parse._dates import damaged_date_readings, read_date
from govdisclosure.parse._decode import clean_text, decode_text
from govdisclosure.parse._header import read_header_zone, report_year, unfold_title_line
from govdisclosure.parse._html import Table, extract_text
from govdisclosure.parse._lines import Line, is_chrome, split_lines
from govdisclosure.parse._result import ParseResult, SpanMap
from govdisclosure.parse._runin import split_run_in_headings
from govdisclosure.parse._tables import NO_TABLES, read_tables, table_runs
from govdisclosure.parse._tail import read_tail, signature_like
from govdisclosure.parse._vocabulary import TABLE_ANCHORS
from govdisclosure.parse._year import check_format

__all__ = ["parse_html", "parse_text"]


def parse_text(text: str | bytes) -> ParseResult:
    """Read a report from plain text: a page copied or scraped, or the text rendering.

    Bytes are decoded by their byte order mark (UTF-8, UTF-16, UTF-32), else as UTF-8 (a few bad bytes
    replaced and reported, GP004), else as GB18030 (GP002). Invisible format and control characters are
    removed before reading (GP020): :attr:`ParseResult.text` is the text read, and spans refer to it.
    Never raises on content: what it cannot read, it says in the diagnostics.

    >>> result = parse_text("2014年政府信息公开工作报告\\n\\n　　一、主动公开\\n\\n　　截至11月，累计公开信息30条。")
    >>> section = result.report.body[0]
    >>> section.heading, section.disclosure.items, str(section.disclosure.as_of)
    ('主动公开', Quantity(value=30, unit='条', subject='信息'), '2014-11')
    """
    notes: list[Diagnostic] = []
    if isinstance(text, bytes | bytearray):
        text, _codec, notes = decode_text(bytes(text))
    elif not isinstance(text, str):
        raise TypeError(f"parse_text expects str or bytes, got {type(text).__name__}")
    text, cleaned = clean_text(text)
    context = Context(text)
    context.diagnostics.extend(notes + cleaned)
    return _parse(text, context, join_wrapped=True, tables=())


def parse_html(html: str | bytes) -> ParseResult:
    """Read a report from an HTML page (str, or bytes in any of the encodings Chinese portals use).

    The page's text is extracted first (scripts, styles and navigation dropped, blocks as lines, tables as
    rows of ``|``-separated cells; invisible format and control characters removed, GP020);
    :attr:`ParseResult.text` is that text and the spans refer to it.

    >>> page = "<html><body><h1>2014年工作报告</h1><p>　　一、概述</p><p>　　我局以门户网站为主。</p></body></html>"
    >>> parse_html(page.encode("gbk")).report.body[0].channels.primary
    ('门户网站',)
    """
    if not isinstance(html, str | bytes | bytearray):
        raise TypeError(f"parse_html expects str or bytes, got {type(html).__name__}")
    extracted = extract_text(html)
    context = Context(extracted.text)
    context.diagnostics.extend(extracted.diagnostics)
    return _parse(extracted.text, context, join_wrapped=False, tables=extracted.tables)


def _parse(
    text: str, context: Context, join_wrapped: bool, tables: tuple[Table, ...]
) -> ParseResult:
    try:
        # The parser builds every value with the model's own types (the round-trip and real-page tests
        # load each parsed report back through the JSON converter, which checks them): the constructors'
        # type checks would cost a sixth of the parse.
        with types_checked():
            report = _read(text, context, join_wrapped, tables)
    except Exception as error:  # the safety net: a bug must not make the parser partial (tests assert it stays unused)
        context.report("GP999", "$", None, error=f"{type(error).__name__}: {error}")
        report = DisclosureReport(title="", year=None, format=ReportFormat.NARRATIVE)
    diagnostics = sorted(
        _one_per_cause(context.diagnostics),
        key=lambda d: (-1 if d.span is None else d.span.start, d.code),
    )
    return ParseResult(
        report=report,
        diagnostics=tuple(diagnostics),
        text=text,
        provenance=SpanMap(context.provenance),
    )


# Codes a page can give many times over for one cause (every row of a local table, every stray cell of a
# table): one diagnostic, the first, says how many there were.
_MERGED: Final = frozenset({"GP005", "GP509"})


def _one_per_cause(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """One diagnostic per code and path for the codes of :data:`_MERGED`, with the count."""
    out: list[Diagnostic] = []
    first: dict[tuple[str, str], list[int]] = {}
    for d in diagnostics:
        if d.code in _MERGED:
            seen = first.get((d.code, d.path))
            if seen is not None:
                seen[1] += 1
                continue
            first[(d.code, d.path)] = [len(out), 1]
        out.append(d)
    for k, n in first.values():
        if n > 1:
            d = out[k]
            out[k] = attrs.evolve(
                d,
                message=f"{d.message}（同类共 {n} 处）",
                message_en=f"{d.message_en} ({n} like it in all)",
            )
    return out


def _classify(lines: list[Line], context: Context, join_wrapped: bool) -> tuple[set[int], set[int]]:
    """The lines that continue a wrapped paragraph (text only: not indented, right after a line of a
    paragraph), and the lines of page chrome, reported in runs (GP010). A continuation is never chrome."""
    continuations: set[int] = set()
    chrome: set[int] = set()
    run: list[int] = []
    continued = False  # the line before is part of a paragraph that may go on
    for i, line in enumerate(lines):
        text = line.text
        if not text:
            continued = False
            continue
        if join_wrapped and continued and not line.indented and not _signature_date(lines, i):
            continuations.add(i)
        elif is_chrome(text):
            chrome.add(i)
            run.append(i)
            continued = False
            continue
        else:
            continued = line.indented
        if run:
            _report_chrome(lines, run, context)
            run = []
        continued = continued or i in continuations
    if run:
        _report_chrome(lines, run, context)
    return continuations, chrome


def _signature_date(lines: list[Line], i: int) -> bool:
    """A date right under a one-line authority: the signature, even when narrow alignment left it
    without an indent (it is not the continuation of a wrapped paragraph)."""
    text = lines[i].text
    if len(text) > 20 or not (
        i >= 2 and not lines[i - 2].text and signature_like(lines[i - 1].text)
    ):
        return False
    return read_date(text) is not None or damaged_date_readings(text) is not None


def _report_chrome(lines: list[Line], run: list[int], context: Context) -> None:
    first, last = lines[run[0]], lines[run[-1]]
    span = Span(first.source, last.source + len(last.text))
    context.report("GP010", "$", span, count=len(run), first=first.text)


def _read(
    text: str, context: Context, join_wrapped: bool, html_tables: tuple[Table, ...]
) -> DisclosureReport:
    lines = unfold_title_line(split_lines(text))  # a title run into the text on the first line
    continuations, chrome = _classify(lines, context, join_wrapped)
    zone = read_header_zone(lines, chrome, context)
    header = zone.header
    # The year: title, statistical period, introduction, catalogue (parse._year); the body is read for it,
    # as far as its introduction goes (a generator: the lines after it are not made pieces).
    after = (lines[i].piece for i in range(zone.body_start, len(lines)) if lines[i].text)
    year, year_piece = report_year(zone.title, header, context, after, zone.top)
    if year_piece is not None:
        context.source("$.year", year_piece.bounds())
    if zone.title is None:
        context.report("GP101", "$.title", None)
    content = [i for i in range(zone.body_start, len(lines)) if lines[i].text and i not in chrome]
    # The statutory tables come out of the body: their lines are neither paragraphs nor the signature.
    # (A page without any of the tables' anchor words has none: a few scans of the text say so.)
    found = (
        read_tables(
            table_runs(lines, content, html_tables, text),
            year or 0,
            context,
            content[-1] if content else -1,
        )
        if any(map(text.__contains__, TABLE_ANCHORS))
        else NO_TABLES
    )
    if found.lines:
        content = [i for i in content if i not in found.lines]
    if found.version is not None:
        report_format = found.version
    else:
        report_format = ReportFormat.NARRATIVE if year is None else format_for_year(year)
    check_format(year, report_format, context)  # a year its tables' format cannot have: GP116
    # A line that continues a wrapped paragraph is never the signature nor an attachment.
    last_continued = max((k for k, i in enumerate(content) if i in continuations), default=-1)
    tail = read_tail([lines[i] for i in content], last_continued + 1, header, context)
    paragraphs = split_run_in_headings(
        join_paragraphs(lines, content[: tail.body_end], join_wrapped, context), context
    )
    statutory = report_format if is_statutory(report_format) else None
    body = build_body(paragraphs, year or 0, context, statutory)  # 0: unknown, to the readers
    return DisclosureReport(
        title="" if zone.title is None else zone.title.text,
        year=year,
        format=report_format,
        header=header,
        body=tuple(body),
        tables=found.tables,
        signature=tail.signature,
        attachments=tuple(tail.attachments),
    )
