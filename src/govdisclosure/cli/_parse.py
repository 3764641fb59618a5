"""``govdisclosure parse``: a published page or file (text, HTML, DOCX, PDF, DOC) into report JSON, diagnostics
on stderr."""

from __future__ import annotations

import argparse
import bisect
import re
from pathlib import PurePath
from typing import Any

from govdisclosure.cli._common import (
    UsageError,
    looks_like_report_json,
    read_bytes,
    say,
    write_output,
)
from govdisclosure.model import Severity
from govdisclosure.parse import ParseResult, parse_file, sniff
from govdisclosure.serialize import dumps

_HTML_SUFFIXES = {".html", ".htm", ".shtml", ".xhtml", ".asp", ".aspx", ".jsp", ".php"}
_HTML_MARKERS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<meta", b"<div", b"<p>", b"<p ")


def register(commands: Any) -> None:
    parse = commands.add_parser(
        "parse",
        help="read a published report (text, HTML, DOCX, PDF or DOC) into report JSON",
        description="Read a published report, a page (plain text or HTML) or a file (DOCX, PDF, DOC or "
        "WPS), into the report model and print it as JSON. Diagnostics (repairs, guesses, what could not "
        "be read) go to standard error, one per line as FILE:line:col: CODE severity: message (FILE: "
        "CODE … where there is no position), then their counts. Exit status 0 (diagnostics are not "
        "failures), 2 when the file cannot be read (a corrupt, encrypted or scanned file, one over the "
        "bounds, a missing extra) or holds no text (an empty file, an image, binary data).",
    )
    parse.add_argument("file", metavar="FILE", help="the page (- for standard input)")
    parse.add_argument(
        "--from",
        dest="source_format",
        choices=("text", "html", "docx", "pdf", "doc"),
        help="the input's format (default: from its content: %%PDF, a Word ZIP, an OLE file, markup; "
        "else from the file name)",
    )
    parse.add_argument(
        "-o", "--output", metavar="OUT", help="write the JSON to OUT instead of standard output"
    )
    parse.add_argument(
        "--lang",
        choices=("zh", "en"),
        default="zh",
        help="language of the diagnostics' messages (default: zh)",
    )
    parse.set_defaults(run=run_parse)


def guess_format(name: str, data: bytes) -> str:
    """``pdf``, ``docx`` or ``doc`` by the content's magic bytes; else ``html`` or ``text`` by the file's
    extension, else by markup at the start of the content."""
    sniffed = sniff(data)
    if sniffed in ("pdf", "docx", "doc"):
        return sniffed
    suffix = PurePath(name).suffix.lower() if name != "-" else ""
    if suffix in _HTML_SUFFIXES:
        return "html"
    if suffix in (".txt", ".text"):
        return "text"
    head = data[:2048].lstrip().lower()
    return "html" if any(marker in head for marker in _HTML_MARKERS) else "text"


class LineIndex:
    """Line and column of offsets in one text, from the line starts found once: a page with many
    diagnostics costs one scan plus a binary search each, not a rescan of the text per diagnostic.

    >>> LineIndex("ab\\ncdef").line_column(4)
    (2, 2)
    """

    def __init__(self, text: str) -> None:
        self.starts = [0, *(m.end() for m in re.finditer("\n", text))]

    def line_column(self, offset: int) -> tuple[int, int]:
        """The 1-based line and column of ``offset``, as :meth:`Span.line_column` counts them."""
        line = bisect.bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1


def summary(result: ParseResult, name: str = "-", lang: str = "zh") -> list[str]:
    """One line per diagnostic (``FILE:line:col: CODE severity: message``, or ``FILE: CODE …`` where the
    diagnostic has no position), then the counts."""
    lines = []
    shown = "<stdin>" if name == "-" else name
    index: LineIndex | None = None
    for d in result.diagnostics:
        if d.span is None:
            where = shown
        else:
            index = index or LineIndex(result.text)
            where = "{}:{}:{}".format(shown, *index.line_column(d.span.start))
        message = d.message if lang == "zh" else d.message_en
        lines.append(f"{where}: {d.code} {d.severity}: {message}")
    counts = [(result.count(s), s) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)]
    lines.append(", ".join(f"{n} {s}" for n, s in counts))
    return lines


def run_parse(args: argparse.Namespace) -> int:
    data = read_bytes(args.file)
    if args.source_format is None and looks_like_report_json(data):
        raise UsageError(
            f"{args.file} is report JSON, not a page: parse reads a published page (text or HTML); "
            "validate or render read report JSON"
        )
    source_format = args.source_format or guess_format(args.file, data)
    # parse_file reads each format, and says where a page holds no text (empty, an image, binary data)
    result = parse_file(data, source_format=source_format)
    unreadable = [d for d in result.diagnostics if "GP800" <= d.code <= "GP806"]
    if unreadable:
        d = unreadable[0]
        raise UsageError(f"cannot read {args.file} as {source_format}: {d.code} {d.message}")
    write_output(dumps(result.report) + "\n", args.output, inputs=[args.file])
    for line in summary(result, args.file, args.lang):
        say(line)
    return 0
