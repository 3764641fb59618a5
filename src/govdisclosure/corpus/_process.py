"""One file in, one :class:`FileResult` out: read, parse or load, validate; never raise for a bad file."""

from __future__ import annotations

import contextlib
import enum
import gc
import math
import os
import signal
import stat
import sys
import threading
import types
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path, PurePath

import attrs

from govdisclosure._text import shorten
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
_UNICODE_BOMS = (b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")  # UTF-16/32 text has NUL bytes

MAX_BYTES = 32 * 1024 * 1024
"""The largest file read by default (32 MiB): the longest reports published are a few hundred KB."""
MAX_SECONDS = 60.0
"""The longest one file may take by default, in seconds: parsing a 1 MB page takes about a second."""


@attrs.frozen
class Limits:
    """What one file may cost (单个文件的限额); a file over a limit is a failure of that file, the rest
    carry on. ``None`` is no limit."""

    max_bytes: int | None = MAX_BYTES
    """The largest file read, in bytes."""
    max_seconds: float | None = MAX_SECONDS
    """The longest reading, parsing and validating one file may take, in seconds (wall clock)."""


DEFAULT_LIMITS = Limits()
"""The limits by default: :data:`MAX_BYTES` and :data:`MAX_SECONDS`."""


class TimeLimitExceeded(BaseException):
    """Processing a file took longer than :attr:`Limits.max_seconds`.

    A :class:`BaseException`, as :class:`KeyboardInterrupt` is: an ``except Exception`` of the code
    interrupted must not swallow it."""


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
    text = shorten(" ".join(str(exc).split()))
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


class NotAReport(Exception):
    """A file that is not a report: empty, binary, over the size limit, not a regular file."""


def _kind(mode: int) -> str:
    kinds = {
        stat.S_ISDIR: "a folder",
        stat.S_ISFIFO: "a FIFO (named pipe)",
        stat.S_ISSOCK: "a socket",
        stat.S_ISCHR: "a character device",
        stat.S_ISBLK: "a block device",
    }
    return next((name for test, name in kinds.items() if test(mode)), "not a regular file")


def read_input(path: str | PurePath, max_bytes: int | None = MAX_BYTES) -> bytes:
    """The bytes of a regular file of at most ``max_bytes``; :class:`NotAReport` for a FIFO, device,
    socket or folder (opening a FIFO would wait for a writer for ever), an empty file or one too large;
    :class:`OSError` where it cannot be read.

    A folder that cannot be listed reaches here from :func:`~govdisclosure.corpus.collect`: its error
    says why it could not be listed.
    """
    mode = os.stat(path).st_mode
    if stat.S_ISDIR(mode):
        os.listdir(path)  # raises the reason it could not be listed (PermissionError …)
    if not stat.S_ISREG(mode):
        raise NotAReport(f"not a regular file: {_kind(mode)}, skipped")
    with Path(path).open("rb") as f:
        data = f.read() if max_bytes is None else f.read(max_bytes + 1)
    if max_bytes is not None and len(data) > max_bytes:
        raise NotAReport(f"larger than the limit of {max_bytes:,} bytes")
    if not data.strip():
        raise NotAReport("empty file" if not data else "blank file: only white space")
    return data


def _binary(data: bytes) -> bool:
    """Whether a page is binary, not text: a NUL byte in its first 8,000 bytes (as git and grep
    decide), unless it starts with a UTF-16 or UTF-32 byte-order mark."""
    return b"\x00" in data[:8000] and not data.startswith(_UNICODE_BOMS)


def _empty(report: DisclosureReport) -> bool:
    """Whether a parsed page holds nothing of a report: neither the year it is on nor a numbered or
    headed section (a title, a header or loose paragraphs alone are any web page's)."""
    return report.year is None and not any(s.label or s.heading for s in report.body)


@contextlib.contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise :class:`TimeLimitExceeded` in the block once it has run ``seconds`` (wall clock).

    A real-time interval timer (SIGALRM) interrupts the running Python code; it works in the main
    thread of a process (each worker's), and elsewhere (a thread, a platform without SIGALRM) the
    block runs without a limit. Code that does not return to the interpreter is not interrupted.
    """
    usable = (
        seconds is not None
        and math.isfinite(seconds)
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable or seconds is None:
        yield
        return

    done = False
    fired = False

    def expired(signum: int, frame: types.FrameType | None) -> None:
        nonlocal fired
        if done:
            return
        fired = True
        if _in_gc_callback(frame):
            # An exception raised in a garbage-collection callback is printed and dropped: leave it to
            # the timer's next tick, which comes when the callback has long returned.
            return
        raise TimeLimitExceeded(message)

    def unraisable(info: sys.UnraisableHookArgs) -> None:
        # The limit raised where the interpreter cannot raise (a weakref callback, a __del__): dropped
        # without the "Exception ignored" report; the next tick raises it again.
        if not isinstance(info.exc_value, TimeLimitExceeded):
            hook(info)

    message = f"took longer than the limit of {seconds:g} s"
    hook = sys.unraisablehook
    sys.unraisablehook = unraisable
    previous = signal.signal(signal.SIGALRM, expired)
    # The timer ticks again every 50 ms after the limit: an exception the interpreter drops (in a gc
    # callback, a __del__, a generator closed by the collector) is raised again at the next tick.
    signal.setitimer(signal.ITIMER_REAL, seconds, 0.05)
    try:
        yield
    finally:
        done = True
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        sys.unraisablehook = hook
    if fired:  # every tick was dropped and the block ran to its end: it still took too long
        raise TimeLimitExceeded(message)


def _in_gc_callback(frame: types.FrameType | None) -> bool:
    """Whether ``frame`` runs inside one of :data:`gc.callbacks` (a profiler's, a test library's)."""
    codes = {getattr(callback, "__code__", None) for callback in gc.callbacks}
    while frame is not None:
        if frame.f_code in codes:
            return True
        frame = frame.f_back
    return False


def _failed(name: str, source: Source | None, error: str) -> FileResult:
    return FileResult(file=name, source=source, status=Status.FAILED, error=error)


def process_file(
    path: str | PurePath,
    *,
    source_format: str | None = None,
    check: bool = True,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> FileResult:
    """Read one file into a :class:`FileResult`; a bad file gives a failed result, never an exception.

    ``.json`` files are loaded as report JSON; other files are parsed as a page, as ``source_format``
    says (``"text"`` or ``"html"``) or, without it, as the file's name or content suggests; text is
    decoded by :func:`~govdisclosure.parse.parse_text` (byte order mark, UTF-8, GB18030). With ``check``
    (the default) the report is validated on its own; the rules that compare years need last year's
    report and run later (:func:`cross_year`); ``select`` and ``ignore`` choose the rules as in
    :func:`~govdisclosure.validate.validate`.

    A file that is not a report fails with the reason: not a regular file (a FIFO, a device), empty,
    binary, over ``limits.max_bytes``, nothing of a report found in it, or ``limits.max_seconds`` spent
    on it.

    >>> result = process_file("examples/dehua_2014/report.json")
    >>> result.status, result.source, result.report.year, [d.code for d in result.diagnostics]
    (<Status.OK: 'ok'>, <Source.JSON: 'json'>, 2014, ['GD102', 'GD103', 'GD104'])
    >>> process_file("no/such/file.txt").error
    'read: FileNotFoundError: No such file or directory'
    """
    name = str(path)
    try:
        data = read_input(path, limits.max_bytes)
    except OSError as exc:
        return _failed(name, None, f"read: {type(exc).__name__}: {exc.strerror or exc}")
    except NotAReport as exc:
        return _failed(name, None, f"read: {exc}")
    source = guess_source(name, data)
    if (
        source is not Source.JSON
        and source_format is not None
        and (source_format not in ("text", "html") or source in (Source.TEXT, Source.HTML))
    ):
        source = Source(source_format)
    if source in (Source.TEXT, Source.HTML) and _binary(data):  # pages are text; other formats not
        return _failed(name, source, "read: binary content (NUL bytes), not a text or HTML page")
    stage = "load" if source is Source.JSON else "parse"
    try:
        with time_limit(limits.max_seconds):
            report, parse_diagnostics, found = _read_report(
                data, name, source, check, select, ignore
            )
    except LoadError as exc:
        first = exc.issues[0] if exc.issues else exc
        more = f" (and {len(exc.issues) - 1} more)" if len(exc.issues) > 1 else ""
        return _failed(name, source, f"load: {first}{more}")
    except _Stage as exc:
        if isinstance(exc.cause, _Unreadable):
            return _failed(name, source, f"{exc.stage}: {exc.cause}")
        return _failed(name, source, f"{exc.stage}: {_one_line(exc.cause)}")
    except TimeLimitExceeded as exc:
        return _failed(name, source, f"{stage}: {exc}")
    if report is None:
        return _failed(name, source, "parse: not a report: no year and no section found")
    return FileResult(
        file=name,
        source=source,
        status=Status.OK,
        report=report,
        parse_diagnostics=parse_diagnostics,
        diagnostics=found,
    )


class _Unreadable(Exception):
    """A PDF or Word file the parser could not read (GP800–GP806: corrupt, encrypted, scanned …)."""


class _Stage(Exception):
    def __init__(self, stage: str, cause: BaseException) -> None:
        self.stage, self.cause = stage, cause


def _read_report(
    data: bytes,
    name: str,
    source: Source,
    check: bool,
    select: Sequence[str] | None,
    ignore: Sequence[str] | None,
) -> tuple[DisclosureReport | None, tuple[Diagnostic, ...], list[Diagnostic]]:
    """Parse or load, then validate: the report (None if a parsed page held nothing of a report), the
    parse diagnostics and the validation's; :class:`_Stage` naming the stage of any other exception."""
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
                raise _Unreadable(f"{unreadable[0].code} {unreadable[0].message_en}")
            report, parse_diagnostics = parsed.report, parsed.diagnostics
        else:
            parsed = parse_text(data)
            report, parse_diagnostics = parsed.report, parsed.diagnostics
        if source is not Source.JSON and _empty(report):
            return None, parse_diagnostics, []
        stage = "validate"
        found = (
            validate(report, select=select, ignore=ignore, parse_diagnostics=parse_diagnostics)
            if check
            else []
        )
    except LoadError:
        raise
    except Exception as exc:  # one bad file must not stop the rest: recorded, with the file's name
        raise _Stage(stage, exc) from exc
    return report, parse_diagnostics, found


def process_chunk(
    paths: Sequence[str],
    source_format: str | None,
    check: bool,
    *,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> list[FileResult]:
    """:func:`process_file` on each path: the unit of work sent to a worker process."""
    return [
        process_file(
            p, source_format=source_format, check=check, select=select, ignore=ignore, limits=limits
        )
        for p in paths
    ]
