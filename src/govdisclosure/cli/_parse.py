"""``govdisclosure parse``: a published page (text or HTML) into report JSON, diagnostics on stderr."""

from __future__ import annotations

import argparse
import sys
from pathlib import PurePath
from typing import Any

from govdisclosure.cli._common import read_bytes, write_output
from govdisclosure.model import Severity
from govdisclosure.parse import ParseResult, parse_html, parse_text
from govdisclosure.serialize import dumps

_HTML_SUFFIXES = {".html", ".htm", ".shtml", ".xhtml", ".asp", ".aspx", ".jsp", ".php"}
_HTML_MARKERS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<meta", b"<div", b"<p>", b"<p ")


def register(commands: Any) -> None:
    parse = commands.add_parser(
        "parse",
        help="read a published report page (text or HTML) into report JSON",
        description="Read a published report page, plain text or HTML, into the report model and print "
        "it as JSON. Diagnostics (repairs, guesses, what could not be read) go to standard error, one "
        "per line as line:col: CODE severity: message, then their counts. Exit status 0 (diagnostics "
        "are not failures), 2 when the file cannot be read.",
    )
    parse.add_argument("file", metavar="FILE", help="the page (- for standard input)")
    parse.add_argument(
        "--from",
        dest="source_format",
        choices=("text", "html"),
        help="the input's format (default: guessed from the file name, else from its content)",
    )
    parse.add_argument(
        "-o", "--output", metavar="OUT", help="write the JSON to OUT instead of standard output"
    )
    parse.set_defaults(run=run_parse)


def guess_format(name: str, data: bytes) -> str:
    """``html`` or ``text``: by the file's extension, else by markup at the start of the content."""
    suffix = PurePath(name).suffix.lower() if name != "-" else ""
    if suffix in _HTML_SUFFIXES:
        return "html"
    if suffix in (".txt", ".text"):
        return "text"
    head = data[:2048].lstrip().lower()
    return "html" if any(marker in head for marker in _HTML_MARKERS) else "text"


def summary(result: ParseResult) -> list[str]:
    """One line per diagnostic (``line:col: CODE severity: message``), then the counts."""
    lines = []
    for d in result.diagnostics:
        where = "-:-" if d.span is None else "{}:{}".format(*d.span.line_column(result.text))
        lines.append(f"{where}: {d.code} {d.severity}: {d.message}")
    counts = [(result.count(s), s) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)]
    lines.append(", ".join(f"{n} {s}" for n, s in counts))
    return lines


def run_parse(args: argparse.Namespace) -> int:
    data = read_bytes(args.file)
    source_format = args.source_format or guess_format(args.file, data)
    result = parse_html(data) if source_format == "html" else parse_text(data)
    write_output(dumps(result.report), args.output)
    for line in summary(result):
        print(line, file=sys.stderr)
    return 0
