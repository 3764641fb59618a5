"""One file in, one :class:`FileResult` out: read, parse or load, validate; never raise for a bad file."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from pathlib import Path, PurePath

import attrs

from govdisclosure.model import Diagnostic, DisclosureReport, Severity
from govdisclosure.parse import parse_file, parse_html, parse_text, sniff
from govdisclosure.serialize import LoadError, loads
from govdisclosure.validate import validate

HTML_SUFFIXES = frozenset({".html", ".htm", ".shtml", ".xhtml", ".asp", ".aspx", ".jsp", ".php"})
"""File name endings read as HTML pages."""
TEXT_SUFFIXES = frozenset({".txt", ".text"})
"""File name endings read as plain-text pages."""
JSON_SUFFIXES = frozenset({".json"})
"""File name endings loaded as report JSON (not parsed)."""
DOCUMENT_SUFFIXES = frozenset({".pdf", ".docx", ".doc", ".wps"})
"""File name endings of documents (PDF, Word, WPS), read by their content (:func:`~govdisclosure.parse.sniff`)."""
_HTML_MARKERS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<meta", b"<div", b"<p>", b"<p ")


class Source(enum.StrEnum):
    """How a file was read (读取方式)."""

    TEXT = "text"
    """A plain-text page, parsed with :func:`~govdisclosure.parse.parse_text`."""
    HTML = "html"
    """An HTML page, parsed with :func:`~govdisclosure.parse.parse_html`."""
    JSON = "json"
    """Report JSON, loaded with :func:`~govdisclosure.serialize.loads`."""
    DOCX = "docx"
    """A Word file, parsed with :func:`~govdisclosure.parse.parse_docx`."""
    PDF = "pdf"
    """A PDF file, parsed with :func:`~govdisclosure.parse.parse_pdf`."""
    DOC = "doc"
    """A Word 97–2003 or WPS file, converted by LibreOffice (:func:`~govdisclosure.parse.parse_doc`)."""


class Status(enum.StrEnum):
    """Whether a file gave a report (处理状态)."""

    OK = "ok"
    """A report was read (it may still have diagnostics, errors included)."""
    FAILED = "failed"
    """No report: the file could not be read, its JSON could not be loaded, or processing raised."""


class DiagnosticSource(enum.StrEnum):
    """Who found a diagnostic (诊断来源)."""

    PARSE = "parse"
    """The parser (GP codes): repairs, guesses, what it could not read."""
    VALIDATE = "validate"
    """Validation of the report alone (GD codes)."""
    CROSS_YEAR = "cross_year"
    """Validation against the same publisher's report on the year before (the GD rules that compare years)."""


def _diagnostics(value: Iterable[Diagnostic]) -> tuple[Diagnostic, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True)
class FileResult:
    """What processing one file gave (单个文件的处理结果): the report and its diagnostics, or the error.

    It pickles (it crosses process boundaries in a batch and in Dask) and holds no source text, so a
    stream of results stays small.
    """

    file: str
    """文件: the path as given"""
    source: Source | None
    """读取方式: text, html or json; None where the file could not be read"""
    status: Status
    """处理状态: ok or failed"""
    report: DisclosureReport | None = None
    """报告: None when the file failed"""
    parse_diagnostics: tuple[Diagnostic, ...] = attrs.field(default=(), converter=_diagnostics)
    """解析诊断 (GP codes); empty for JSON"""
    diagnostics: tuple[Diagnostic, ...] = attrs.field(default=(), converter=_diagnostics)
    """校验诊断 (GD codes) of the report alone"""
    error: str | None = None
    """错误: why the file failed, one line: the stage (read, load, parse, validate), then what went wrong
    (``load: $.year: expected an integer, got 'abc'``)"""

    @property
    def ok(self) -> bool:
        """Whether a report was read."""
        return self.status is Status.OK

    def all_diagnostics(self) -> Iterable[tuple[DiagnosticSource, Diagnostic]]:
        """The parse diagnostics, then the validation ones, each with who found it."""
        for d in self.parse_diagnostics:
            yield DiagnosticSource.PARSE, d
        for d in self.diagnostics:
            yield DiagnosticSource.VALIDATE, d

    def count(self, severity: Severity) -> int:
        """How many diagnostics (parse and validation) have this severity."""
        return sum(1 for _, d in self.all_diagnostics() if d.severity is severity)


def guess_source(name: str, data: bytes) -> Source:
    """How to read a file: by its name's ending, else markup at the start of its content.

    >>> guess_source("a/b.JSON", b""), guess_source("x", b"<!DOCTYPE html>"), guess_source("x", b"abc")
    (<Source.JSON: 'json'>, <Source.HTML: 'html'>, <Source.TEXT: 'text'>)
    """
    suffix = PurePath(name).suffix.lower()
    if suffix in JSON_SUFFIXES:
        return Source.JSON
    sniffed = sniff(data)
    if sniffed in ("pdf", "docx", "doc"):
        return Source(sniffed)
    if suffix in HTML_SUFFIXES:
        return Source.HTML
    if suffix in TEXT_SUFFIXES:
        return Source.TEXT
    head = data[:2048].lstrip().lower()
    return Source.HTML if any(marker in head for marker in _HTML_MARKERS) else Source.TEXT


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _failed(name: str, source: Source | None, error: str) -> FileResult:
    return FileResult(file=name, source=source, status=Status.FAILED, error=error)


def process_file(
    path: str | PurePath,
    *,
    source_format: str | None = None,
    check: bool = True,
) -> FileResult:
    """Read one file into a :class:`FileResult`; a bad file gives a failed result, never an exception.

    ``.json`` files are loaded as report JSON; other files are parsed as a page, as ``source_format``
    says (``"text"`` or ``"html"``) or, without it, as the file's name or content suggests; text is
    decoded by :func:`~govdisclosure.parse.parse_text` (byte order mark, UTF-8, GB18030). With ``check``
    (the default) the report is validated on its own; the rules that compare years need last year's report and run later (:func:`cross_year`).

    >>> result = process_file("examples/dehua_2014/report.json")
    >>> result.status, result.source, result.report.year, [d.code for d in result.diagnostics]
    (<Status.OK: 'ok'>, <Source.JSON: 'json'>, 2014, ['GD102', 'GD103', 'GD104'])
    >>> process_file("no/such/file.txt").error
    'read: FileNotFoundError: No such file or directory'
    """
    name = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        return _failed(name, None, f"read: {type(exc).__name__}: {exc.strerror or exc}")
    source = guess_source(name, data)
    if (
        source is not Source.JSON
        and source_format is not None
        and (source_format not in ("text", "html") or source in (Source.TEXT, Source.HTML))
    ):
        source = Source(source_format)
    stage = "load" if source is Source.JSON else "parse"
    try:
        parse_diagnostics: tuple[Diagnostic, ...] = ()
        if source is Source.JSON:
            report = loads(data, source=name)
        elif source is Source.HTML:
            parsed = parse_html(data)
            report, parse_diagnostics = parsed.report, parsed.diagnostics
        elif source in (Source.PDF, Source.DOCX, Source.DOC):
            parsed = parse_file(data, source_format=source.value)
            unreadable = [d for d in parsed.diagnostics if "GP800" <= d.code <= "GP806"]
            if unreadable:
                return _failed(
                    name, source, f"parse: {unreadable[0].code} {unreadable[0].message_en}"
                )
            report, parse_diagnostics = parsed.report, parsed.diagnostics
        else:
            parsed = parse_text(data)
            report, parse_diagnostics = parsed.report, parsed.diagnostics
        stage = "validate"
        found = validate(report) if check else []
    except LoadError as exc:
        first = exc.issues[0] if exc.issues else exc
        more = f" (and {len(exc.issues) - 1} more)" if len(exc.issues) > 1 else ""
        return _failed(name, source, f"load: {first}{more}")
    except Exception as exc:  # one bad file must not stop the rest: recorded, with the file's name
        return _failed(name, source, f"{stage}: {_one_line(exc)}")
    return FileResult(
        file=name,
        source=source,
        status=Status.OK,
        report=report,
        parse_diagnostics=parse_diagnostics,
        diagnostics=found,
    )


def process_chunk(paths: Sequence[str], source_format: str | None, check: bool) -> list[FileResult]:
    """:func:`process_file` on each path: the unit of work sent to a worker process."""
    return [process_file(p, source_format=source_format, check=check) for p in paths]
