"""``govdisclosure render``: a report JSON file as text, Markdown, HTML, DOCX or XLSX."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from govdisclosure.cli._common import UsageError, looks_like_page, read_bytes, write_output
from govdisclosure.render import FORMATS, RenderError, render
from govdisclosure.render._text import MIN_WIDTH
from govdisclosure.serialize import loads


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "render",
        help="render a report as text, Markdown, HTML, DOCX or XLSX",
        description="Render a report JSON file as plain text (the layout the parser reads back), "
        "Markdown, HTML (a fragment, or a full page with --full-page), DOCX in the GB/T 9704-2012 layout "
        "(needs govdisclosure[docx]) or XLSX, the statutory tables 二 三 四 of a 2019- or 2021-format report "
        "one sheet each (needs govdisclosure[xlsx]). A file is written atomically: never half-written.",
    )
    parser.add_argument("file", metavar="FILE", help="report JSON file (- for standard input)")
    parser.add_argument(
        "--to",
        "--format",
        dest="to",
        required=True,
        choices=FORMATS,
        metavar="FORMAT",
        help=f"one of {', '.join(FORMATS)}",
    )
    parser.add_argument(
        "-o", "--output", metavar="OUT", help="write to OUT instead of standard output"
    )
    parser.add_argument(
        "--width",
        type=int,
        metavar="N",
        help="text: wrap paragraphs and tables to N display columns (a Chinese character is 2)",
    )
    parser.add_argument(
        "--full-page", action="store_true", help="html: a complete page with the stylesheet"
    )
    parser.add_argument(
        "--date-style",
        choices=("arabic", "chinese", "iso"),
        default="arabic",
        help="the signature date: 2014年12月4日 (arabic, the default), 二〇一四年十二月四日 (chinese) or "
        "2014-12-04 (iso)",
    )
    parser.set_defaults(run=run_render)


def run_render(args: argparse.Namespace) -> int:
    # The spreadsheet has no date to write: the other formats write the signature's.
    options: dict[str, Any] = {} if args.to == "xlsx" else {"date_style": args.date_style}
    if args.width is not None:
        if args.to != "text":
            raise UsageError("--width applies to --to text only")
        options["width"] = args.width
    if args.full_page:
        if args.to != "html":
            raise UsageError("--full-page applies to --to html only")
        options["full_page"] = True
    to_terminal = args.output in (None, "-") and sys.stdout.isatty()
    if args.to in ("docx", "xlsx") and to_terminal:
        raise UsageError(f"{args.to.upper()} is binary: give -o FILE or redirect standard output")
    data = read_bytes(args.file)
    if looks_like_page(data):
        raise UsageError(
            f"{args.file} is not report JSON but a page (text or HTML): "
            f"govdisclosure parse {args.file} reads it into report JSON"
        )
    if args.width is not None and args.width < MIN_WIDTH:
        raise UsageError(f"--width must be at least {MIN_WIDTH} display columns, got {args.width}")
    report = loads(data, source=args.file)
    try:
        output = render(report, args.to, **options)
    except RenderError as exc:
        raise UsageError(str(exc)) from None
    write_output(output, args.output, inputs=[args.file])
    return 0
