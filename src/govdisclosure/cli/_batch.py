"""``govdisclosure batch``: parse and validate many files in parallel, compare across years and texts."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any, TextIO

from govdisclosure.cli._common import UsageError
from govdisclosure.corpus import (
    COPIED,
    MIN_PASSAGE,
    SIMILAR,
    CrossYear,
    Exporter,
    FileResult,
    MissingExtraError,
    Pair,
    SimilarityMode,
    Summary,
    TableSink,
    collect,
    default_jobs,
    run,
)

_EPILOG = """\
inputs:
  FILEs as given, and in each DIR its .txt/.text, .html/.htm/…, .pdf, .docx, .doc/.wps and .json
  files, recursively, sorted by path (hidden files skipped). .json files are report JSON, loaded; PDF
  and Word files are told by their content; other files are pages, parsed (as --from says, else by
  their ending or content). An unreadable file (corrupt, encrypted, scanned, over the bounds) is a
  failure with its reason.

output:
  with -o OUT, a directory: reports.csv, cells.csv, diagnostics.csv, pairs.csv, passages.csv (and
  the same .parquet with --parquet) and summary.json; columns and types in the documentation of
  govdisclosure.corpus. Without -o, one line per finding on standard output, in input order:
      FILE:PATH: CODE SEVERITY: MESSAGE              a diagnostic (parse GP…, validate GD…)
      FILE: failed: ERROR                            a file that gave no report
      FILE:PATH: CODE SEVERITY: MESSAGE (previous: PREV)   a rule comparing years
      FILE ~ PREV: copied, Jaccard 0.93, …            a similar pair (with --compare)
  Results are written as they come, in input order (workers run ahead by at most 2 × jobs chunks).
  The summary (files, reports, failures, diagnostics by code, pairs) goes to standard error, after a
  progress bar when standard error is a terminal.

exit status:
  0 every file gave a report (whatever its diagnostics), 1 some files failed (each named in the
  output and the summary), 2 a usage error (no such path, a bad option, an extra not installed).
"""


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "batch",
        help="parse and validate many files in parallel; compare years and texts; tidy tables",
        description="Parse (pages) or load (.json) and validate many report files in worker "
        "processes, check each report against its publisher's report on the year before, optionally "
        "compare texts to find copied reports, and write tidy tables for analysis.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("paths", nargs="+", metavar="DIR|FILE", help="files and directories")
    parser.add_argument(
        "--from",
        dest="source_format",
        choices=("text", "html"),
        help="read pages as this format (default: by the file's ending, else its content; PDF and "
        "Word files are always told by their content)",
    )
    parser.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=None,
        metavar="N",
        help="worker processes (default: the cores this process may use; 1 runs in-process)",
    )
    parser.add_argument(
        "-o", "--output", metavar="OUT", help="write the tables into the directory OUT"
    )
    parser.add_argument(
        "--parquet",
        action="store_true",
        help="with -o, also write .parquet files (needs govdisclosure[parquet])",
    )
    parser.add_argument(
        "--bom",
        action="store_true",
        help="with -o, start the CSV files with a UTF-8 BOM, for Excel",
    )
    parser.add_argument(
        "--no-validate", action="store_true", help="parse or load only; no validation rules"
    )
    parser.add_argument(
        "--no-cross-year",
        action="store_true",
        help="do not check reports against their publisher's report on the year before",
    )
    parser.add_argument(
        "--compare",
        choices=[m.value for m in SimilarityMode],
        default=SimilarityMode.NONE.value,
        help="compare texts: none (default), consecutive years of a publisher, or all pairs the "
        "MinHash search finds",
    )
    parser.add_argument(
        "--copied",
        type=float,
        default=COPIED,
        metavar="J",
        help=f"Jaccard similarity from which a pair is copied (default {COPIED})",
    )
    parser.add_argument(
        "--similar",
        type=float,
        default=SIMILAR,
        metavar="J",
        help=f"Jaccard similarity from which a pair is similar (default {SIMILAR})",
    )
    parser.add_argument(
        "--min-passage",
        type=int,
        default=MIN_PASSAGE,
        metavar="N",
        help=f"shortest common passage reported, in characters (default {MIN_PASSAGE})",
    )
    parser.add_argument(
        "--no-progress", action="store_true", help="no progress bar, even on a terminal"
    )
    parser.set_defaults(run=run_batch)


class _Progress:
    """A one-line progress bar on a terminal, redrawn at most ten times a second (hand-written: a
    line of text does not need a dependency)."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.started = time.perf_counter()
        self.drawn = 0.0

    def __call__(self, done: int, total: int) -> None:
        now = time.perf_counter()
        if done < total and now - self.drawn < 0.1:
            return
        self.drawn = now
        width = 30
        filled = width * done // total if total else width
        rate = done / (now - self.started) if now > self.started else 0.0
        bar = "#" * filled + "." * (width - filled)
        self.stream.write(f"\r[{bar}] {done}/{total} files, {rate:.1f}/s")
        self.stream.flush()

    def clear(self) -> None:
        self.stream.write("\r\033[K")
        self.stream.flush()


class _Printer:
    """A batch sink printing one line per finding on standard output."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def result(self, result: FileResult) -> None:
        lines = [
            f"{result.file}:{d.path}: {d.code} {d.severity.value}: {d.message}\n"
            for _, d in result.all_diagnostics()
        ]
        if not result.ok:
            lines.append(f"{result.file}: failed: {result.error}\n")
        self.stream.write("".join(lines))

    def cross_year(self, found: CrossYear) -> None:
        self.stream.write(
            "".join(
                f"{found.file}:{d.path}: {d.code} {d.severity.value}: {d.message} "
                f"(previous: {found.previous_file})\n"
                for d in found.diagnostics
            )
        )

    def pair(self, pair: Pair) -> None:
        longest = max((p.length for p in pair.passages), default=0)
        self.stream.write(
            f"{pair.file_b} ~ {pair.file_a}: {pair.verdict}, Jaccard {pair.jaccard:.2f}, "
            f"{pair.containment:.0%} of it in the other, {len(pair.passages)} common passages "
            f"(longest {longest} characters)\n"
        )


def _summary_json(summary: Summary) -> str:
    data = {
        "files": summary.files,
        "reports": summary.reports,
        "failed": summary.failed,
        "failures": [{"file": f, "error": e} for f, e in summary.failures],
        "diagnostics": dict(summary.diagnostics),
        "severities": dict(summary.severities),
        "cross_year_pairs": summary.cross_year_pairs,
        "similar_pairs": summary.similar_pairs,
        "copied_pairs": summary.copied_pairs,
        "seconds": round(summary.seconds, 3),
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def run_batch(args: argparse.Namespace) -> int:
    jobs = default_jobs() if args.jobs is None else args.jobs
    if jobs < 1:
        raise UsageError(f"--jobs must be 1 or more, got {jobs}")
    if not 0 < args.similar <= args.copied <= 1:
        raise UsageError(
            f"expected 0 < --similar ≤ --copied ≤ 1, got {args.similar} and {args.copied}"
        )
    if (args.parquet or args.bom) and args.output is None:
        raise UsageError("--parquet and --bom need -o OUT")
    try:
        files = collect(args.paths)
    except FileNotFoundError as exc:
        raise UsageError(str(exc)) from None
    if not files:
        raise UsageError(f"no report files in {' '.join(args.paths)}")
    progress = None
    if not args.no_progress and sys.stderr.isatty():
        progress = _Progress(sys.stderr)
    options: dict[str, Any] = {
        "jobs": jobs,
        "source_format": args.source_format,
        "check": not args.no_validate,
        "cross_years": not args.no_cross_year,
        "compare": args.compare,
        "copied": args.copied,
        "similar": args.similar,
        "min_passage": args.min_passage,
        "progress": progress,
    }
    try:
        if args.output is None:
            summary = run(files, sink=_Printer(sys.stdout), **options)
        else:
            out = Path(args.output)
            if out.exists() and not out.is_dir():
                raise UsageError(f"-o {out}: not a directory")
            with Exporter(out, parquet=args.parquet, bom=args.bom) as exporter:
                summary = run(files, sink=TableSink(exporter), **options)
            (out / "summary.json").write_text(_summary_json(summary), encoding="utf-8")
    except MissingExtraError as exc:
        raise UsageError(str(exc)) from None
    except OSError as exc:
        raise UsageError(f"cannot write {args.output}: {exc.strerror or exc}") from None
    finally:
        if progress is not None:
            progress.clear()
    sys.stdout.flush()
    for line in summary.lines():
        print(line, file=sys.stderr)
    return 1 if summary.failed else 0
