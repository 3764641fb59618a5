"""``govdisclosure validate``: check reports' consistency and print coded diagnostics."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from govdisclosure.cli._common import (
    UsageError,
    looks_like_page,
    read_bytes,
    say,
    terminal_line,
    write_output,
)
from govdisclosure.model import Diagnostic, DisclosureReport, Severity
from govdisclosure.serialize import LoadError, loads
from govdisclosure.validate import rules, validate

_EPILOG = """\
output:
  text (default): one line per diagnostic, in reading order,
      FILE:PATH: CODE SEVERITY: MESSAGE
  e.g.
      report.json:$.body[1].children[2].power.matters: GD102 warning: 行政权利事项51项，…
  PATH is the JSON path of the field, SEVERITY is error, warning or info, and MESSAGE is in
  Chinese (--lang en for English). Nothing is printed for a file without findings.
  json: one JSON list of objects with the keys file, code, severity, path, message, message_en,
  expected and found (null where a figure does not apply).

exit status:
  0 no error-level diagnostic, 1 at least one error, 2 a file could not be read or loaded
  (one line on standard error for each problem).

CODES are rule codes or prefixes, comma-separated and repeatable: --select GD1,GD301.
--rules lists the rules; the rule reference (docs/reference/rules.md in the source
tree) describes each with an example.
"""


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "validate",
        help="check reports' consistency and print coded diagnostics",
        description="Check report JSON files for inconsistencies (totals against their parts, "
        "numbering, dates, document numbers, money, required sections, the statutory tables) and print each finding "
        "with its code, severity and JSON path.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "files", nargs="*", metavar="FILE", help="report JSON files (- for standard input)"
    )
    parser.add_argument(
        "--format",
        "--to",
        dest="format",
        choices=("text", "json"),
        default="text",
        help="output format (default: text; see below)",
    )
    parser.add_argument(
        "--select",
        action="append",
        metavar="CODES",
        help="run only the rules with these codes or code prefixes",
    )
    parser.add_argument(
        "--ignore",
        action="append",
        metavar="CODES",
        help="skip the rules with these codes or prefixes",
    )
    parser.add_argument(
        "--previous",
        metavar="PREV",
        help="last year's report of the same agency, for the rules that compare years",
    )
    parser.add_argument(
        "--lang",
        choices=("zh", "en"),
        default="zh",
        help="language of messages in text output and --rules (default: zh)",
    )
    parser.add_argument(
        "--rules",
        action="store_true",
        help="print the rules (code, severity, what it checks) chosen by --select/--ignore and exit",
    )
    parser.set_defaults(run=run_validate)


def _codes(values: list[str] | None) -> list[str] | None:
    if values is None:
        return None
    return [code.strip() for value in values for code in value.split(",") if code.strip()]


class _Unloadable(Exception):
    """A file could not be read or loaded; the problems are already printed."""


def _load(name: str) -> DisclosureReport:
    try:
        data = read_bytes(name)
        return loads(data, source=name)
    except UsageError as exc:
        say(f"govdisclosure: error: {exc}")
    except LoadError as exc:
        if looks_like_page(data):
            say(
                f"{name}: not report JSON but a page (text or HTML): "
                f"govdisclosure parse {name} reads it into report JSON"
            )
        else:
            for issue in exc.issues:
                say(f"{name}: {issue}")
    raise _Unloadable(name)


def _record(name: str, d: Diagnostic) -> dict[str, str | None]:
    return {
        "file": name,
        "code": d.code,
        "severity": d.severity.value,
        "path": d.path,
        "message": d.message,
        "message_en": d.message_en,
        "expected": d.expected,
        "found": d.found,
    }


def _line(name: str, d: Diagnostic, lang: str) -> str:
    message = d.message if lang == "zh" else d.message_en
    return terminal_line(f"{name}:{d.path}: {d.code} {d.severity.value}: {message}")


def _publisher(report: DisclosureReport) -> str | None:
    return report.header.publisher or (report.signature.authority if report.signature else None)


def _warn_other_publisher(
    name: str, report: DisclosureReport, previous_name: str, previous: DisclosureReport
) -> None:
    """Compared years of two different agencies mean nothing: say so (the comparison still runs)."""
    this, that = _publisher(report), _publisher(previous)
    if this and that and this != that:
        print(
            f"{name}: warning: --previous {previous_name} is by another publisher ({that}, this report: "
            f"{this}); the rules that compare years assume the same agency",
            file=sys.stderr,
        )


def run_validate(args: argparse.Namespace) -> int:
    select, ignore = _codes(args.select), _codes(args.ignore)
    try:
        chosen = rules(select=select, ignore=ignore)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    if args.rules:
        width = max((len(r.name) for r in chosen), default=0)
        lines = [
            f"{r.code}  {r.severity.value:<7}  {r.name:<{width}}  "
            f"{r.summary_zh if args.lang == 'zh' else r.summary}"
            for r in chosen
        ]
        write_output("".join(line + "\n" for line in lines), None)
        return 0
    if not args.files:
        raise UsageError("validate needs at least one FILE (or --rules)")
    previous = None
    if args.previous is not None:
        try:
            previous = _load(args.previous)
        except _Unloadable:
            return 2

    unloadable, errors = False, False
    records: list[dict[str, str | None]] = []
    for name in args.files:
        try:
            report = _load(name)
        except _Unloadable:
            unloadable = True
            continue
        if (
            previous is not None
            and report.year is not None
            and previous.year not in (report.year - 1, None)
        ):
            print(
                f"{name}: the report is on {report.year}, --previous {args.previous} on "
                f"{previous.year} (expected {report.year - 1})",
                file=sys.stderr,
            )
            unloadable = True
            continue
        if previous is not None:
            _warn_other_publisher(name, report, args.previous, previous)
        found = validate(report, select=select, ignore=ignore, previous=previous)
        errors = errors or any(d.severity is Severity.ERROR for d in found)
        if args.format == "json":
            records.extend(_record(name, d) for d in found)
        elif found:
            write_output("".join(_line(name, d, args.lang) for d in found), None)
    if args.format == "json":
        write_output(json.dumps(records, ensure_ascii=False, indent=2) + "\n", None)
    return 2 if unloadable else 1 if errors else 0
