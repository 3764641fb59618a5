"""The foundation's subcommands: ``demo``, ``schema`` and ``check``."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from govdisclosure.cli._common import UsageError, example_json, read_bytes, say, write_output
from govdisclosure.render import render_text
from govdisclosure.serialize import LoadError, dumps, json_schema, loads


def register(commands: Any) -> None:
    demo = commands.add_parser(
        "demo",
        help="print the bundled worked example (德化县科学技术局, 2014)",
        description="Print the bundled worked example, the 2014 report of 德化县科学技术局, as plain "
        "text (or as JSON with --json).",
    )
    demo.add_argument("--json", action="store_true", help="print the report's JSON instead")
    demo.set_defaults(run=run_demo)

    schema = commands.add_parser(
        "schema",
        help="print the JSON Schema of the report format",
        description="Print the JSON Schema (draft 2020-12) of report files, derived from the model.",
    )
    schema.add_argument(
        "-o", "--output", metavar="OUT", help="write to OUT instead of standard output"
    )
    schema.set_defaults(run=run_schema)

    check = commands.add_parser(
        "check",
        help="check that report JSON files load",
        description="Load each report JSON file and print OK, or every problem with its JSON path. "
        "Exit status 0 when all load, 2 otherwise.",
    )
    check.add_argument(
        "files", nargs="+", metavar="FILE", help="report JSON files (- for standard input)"
    )
    check.set_defaults(run=run_check)


def run_demo(args: argparse.Namespace) -> int:
    report = loads(example_json())
    write_output(dumps(report, indent=2) if args.json else render_text(report), None)
    return 0


def run_schema(args: argparse.Namespace) -> int:
    write_output(json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n", args.output)
    return 0


def run_check(args: argparse.Namespace) -> int:
    status = 0
    for name in args.files:
        try:
            loads(read_bytes(name), source=name)
        except UsageError as exc:
            status = 2
            say(f"govdisclosure: error: {exc}")
        except LoadError as exc:
            status = 2
            for issue in exc.issues:
                say(f"{name}: {issue}")
        else:
            say(f"{name}: OK", sys.stdout)
    return status
