"""The result of a parse: the report, what the parser noticed, and where each fact came from."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping
from types import MappingProxyType

import attrs

from govdisclosure.model import Diagnostic, DisclosureReport, Severity, Span

__all__ = ["Origin", "ParseResult"]


def _diagnostics(value: Iterable[Diagnostic]) -> tuple[Diagnostic, ...]:
    return tuple(value)


class SpanMap(Mapping[str, Span]):
    """A read-only mapping of JSON paths to spans, kept as offsets until a span is asked for.

    Parsing a page records a hundred provenance entries or more; most are never read, so they are not
    made into :class:`Span` objects until they are.
    """

    __slots__ = ("_bounds",)

    def __init__(self, bounds: Mapping[str, tuple[int, int]]) -> None:
        self._bounds = dict(bounds)

    def __getitem__(self, path: str) -> Span:
        start, end = self._bounds[path]
        return Span(start, end)

    def __iter__(self) -> Iterator[str]:
        return iter(self._bounds)

    def __len__(self) -> int:
        return len(self._bounds)

    def __contains__(self, path: object) -> bool:
        return path in self._bounds

    def __repr__(self) -> str:
        return f"SpanMap({len(self._bounds)} paths)"


@attrs.frozen(kw_only=True)
class Origin:
    """Where a stretch of :attr:`ParseResult.text` was in a document file (文件内位置): a paragraph, a table
    cell, or the document's properties; positions count from 1.

    ``parse_docx`` and ``parse_pdf`` record one for each paragraph and each table cell they extracted.
    """

    start: int
    """offset in :attr:`ParseResult.text` where the stretch starts"""
    end: int
    """offset where it ends"""
    kind: str
    """``paragraph`` (段落), ``cell`` (单元格) or ``properties`` (文档属性)"""
    page: int | None = None
    """页码: the PDF page (None for a DOCX, which has no fixed pages)"""
    paragraph: int | None = None
    """段落序号: the paragraph's place among the document's paragraphs (DOCX: the body's ``w:p``, those
    in table cells not counted; PDF: among the paragraphs rebuilt from the text lines)"""
    table: int | None = None
    """表格序号: the table's place among the document's tables"""
    row: int | None = None
    """行: the cell's grid row in its table (after merged cells are resolved)"""
    column: int | None = None
    """列: the cell's grid column"""


def _origins(value: Iterable[Origin]) -> tuple[Origin, ...]:
    return tuple(value)


def _frozen_mapping(value: Mapping[str, Span]) -> Mapping[str, Span]:
    if isinstance(value, SpanMap):
        return value
    return MappingProxyType(dict(value))


@attrs.frozen(kw_only=True, eq=False)
class ParseResult:
    """What :func:`parse_text`, :func:`parse_html`, :func:`parse_docx`, :func:`parse_pdf` and
    :func:`parse_file` give (解析结果).

    ``diagnostics`` carry spans into :attr:`text`; ``provenance`` maps the JSON path of each extracted
    field (the syntax of load errors: ``$.body[1].children[2].power.matters``) to the span of :attr:`text`
    it was read from.
    """

    report: DisclosureReport
    """the report read (解析所得报告)"""
    diagnostics: tuple[Diagnostic, ...] = attrs.field(default=(), converter=_diagnostics)
    """诊断: repairs, guesses and what could not be read, codes GP001–GP999"""
    text: str
    """原文: the text the spans refer to (the input of parse_text, the text extracted by parse_html, the
    text a DOCX or PDF file was laid out as)"""
    provenance: Mapping[str, Span] = attrs.field(factory=dict, converter=_frozen_mapping)
    """来源位置: JSON path → span of :attr:`text`"""
    origins: tuple[Origin, ...] = attrs.field(default=(), converter=_origins)
    """文件内位置: for a DOCX or PDF file, where each stretch of :attr:`text` was in the file (in text
    order); empty for text and HTML"""

    def source_of(self, path: str) -> str | None:
        """The text a field was read from, or None if the parser did not record it.

        >>> from govdisclosure.parse import parse_text
        >>> parse_text("2014年报告\\n\\n　　举办培训班3期。").source_of("$.body[0].quantities[0]")
        '培训班3期'
        """
        span = self.provenance.get(path)
        return None if span is None else self.text[span.start : span.end]

    def origin_of(self, path: str) -> Origin | None:
        """Where in the DOCX or PDF file a field was read from: the :class:`Origin` holding the start of
        its span, or None (no span recorded, or the result of text or HTML)."""
        span = self.provenance.get(path)
        if span is None or not self.origins:
            return None
        k = bisect_right([o.start for o in self.origins], span.start) - 1
        if k >= 0 and span.start < max(self.origins[k].end, self.origins[k].start + 1):
            return self.origins[k]
        return None

    def count(self, severity: Severity) -> int:
        """How many diagnostics have this severity."""
        return sum(1 for d in self.diagnostics if d.severity is severity)
