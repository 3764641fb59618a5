"""``govdisclosure batch``: parse and validate many files in parallel, compare across years and texts."""

from __future__ import annotations

import argparse
import contextlib
import json
import signal
import sys
import time
from collections.abc import Iterator
from typing import Any, TextIO

from govdisclosure.cli._common import UsageError, say, terminal_line
from govdisclosure.corpus import (
    COPIED,
    MIN_PASSAGE,
    SIMILAR,
    CrossYear,
    Exporter,
    FileResult,
    Limits,
    MissingExtraError,
    Pair,
    SimilarityMode,
    Summary,
    TableSink,
    collect,
    default_jobs,
    run,
)
from govdisclosure.corpus._export import SUMMARY
from govdisclosure.corpus._process import MAX_BYTES, MAX_SECONDS
from govdisclosure.validate import rules

_EPILOG = """\
inputs:
  FILEs as given, and in each DIR its .txt/.text, .html/.htm/… and .json files, recursively, sorted
  by path (hidden files skipped); - reads the paths from standard input, one a line (find … | batch -).
  .json files are report JSON, loaded; other files are pages, parsed (as --from says, else by their
  ending or content). A file that is not a report fails with the reason, and the rest carry on: not a
  regular file (a FIFO, a device), empty, binary, larger than --max-size, nothing of a report in it,
  more than --time-limit seconds spent on it, its worker killed twice (out of memory); so does a
  folder that cannot be listed.

output:
  with -o OUT, a directory: reports.csv, cells.csv, diagnostics.csv, pairs.csv, passages.csv (and
  the same .parquet with --parquet, cells.xlsx with --xlsx) and summary.json; columns and types in
  the documentation of govdisclosure.corpus. The run is written into a hidden directory beside OUT and put in place when
  complete: OUT holds the previous complete run until then, and keeps it if the run fails or is
  interrupted. OUT must be new, empty or a batch's output. With --bom (for Excel), text cells
  starting with = + - @, a tab or a carriage return get a ' in front, so that Excel does not run
  them as formulas (OWASP's advice on CSV injection). Without -o, one line per finding on standard
  output, in input order (control characters in them escaped):
      FILE:PATH: CODE SEVERITY: MESSAGE              a diagnostic (parse GP…, validate GD…)
      FILE: failed: ERROR                            a file that gave no report
      FILE:PATH: CODE SEVERITY: MESSAGE (previous: PREV)   a rule comparing years
      FILE ~ PREV: copied, Jaccard 0.93, …            a similar pair (with --compare)
  Results are written as they come, in input order (workers run ahead by at most 2 × jobs chunks).
  The summary (files, reports, failures, diagnostics by code, pairs) goes to standard error, after a
  progress bar when standard error is a terminal.

exit status:
  0 every file gave a report (whatever its diagnostics), 1 some files failed (each named in the
  output and the summary), 2 a usage error (no such path, a bad option, an extra not installed) or
  OUT cannot be written (a full disk), 130 interrupted by Ctrl-C (SIGINT), 143 by SIGTERM: the
  workers are ended and the summary says what was done.
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
    parser.add_argument(
        "paths",
        nargs="+",
        metavar="DIR|FILE",
        help="files and directories (- for a list of paths on standard input, one a line)",
    )
    parser.add_argument(
        "--from",
        dest="source_format",
        choices=("text", "html"),
        help="read pages as this format (default: by the file's ending, else its content)",
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
        "--xlsx",
        action="store_true",
        help="with -o, also write the cells table as cells.xlsx (needs govdisclosure[xlsx])",
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
        "--select",
        action="append",
        metavar="CODES",
        help="run only the validation rules with these codes or code prefixes (as validate does)",
    )
    parser.add_argument(
        "--ignore",
        action="append",
        metavar="CODES",
        help="skip the validation rules with these codes or prefixes",
    )
    parser.add_argument(
        "--max-size",
        type=float,
        default=MAX_BYTES / 1024 / 1024,
        metavar="MB",
        help=f"a larger file fails unread (default {MAX_BYTES // 1024 // 1024} MB; 0: no limit)",
    )
    parser.add_argument(
        "--time-limit",
        type=float,
        default=MAX_SECONDS,
        metavar="S",
        help=f"a file taking longer fails (default {MAX_SECONDS:g} s; 0: no limit)",
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
            terminal_line(f"{result.file}:{d.path}: {d.code} {d.severity.value}: {d.message}")
            for _, d in result.all_diagnostics()
        ]
        if not result.ok:
            lines.append(terminal_line(f"{result.file}: failed: {result.error}"))
        self.stream.write("".join(lines))

    def cross_year(self, found: CrossYear) -> None:
        self.stream.write(
            "".join(
                terminal_line(
                    f"{found.file}:{d.path}: {d.code} {d.severity.value}: {d.message} "
                    f"(previous: {found.previous_file})"
                )
                for d in found.diagnostics
            )
        )

    def pair(self, pair: Pair) -> None:
        longest = max((p.length for p in pair.passages), default=0)
        self.stream.write(
            terminal_line(
                f"{pair.file_b} ~ {pair.file_a}: {pair.verdict}, Jaccard {pair.jaccard:.2f}, "
                f"{pair.containment:.0%} of it in the other, {len(pair.passages)} common passages "
                f"(longest {longest} characters)"
            )
        )


def _summary_json(summary: Summary) -> str:
    data = {
        "complete": not summary.interrupted,
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


class _Terminated(KeyboardInterrupt):
    """SIGTERM, handled as Ctrl-C is: the batch stops, its workers are ended, the summary printed."""

    status = 128 + signal.SIGTERM
    """The exit status where it escapes the batch (before the run, say)."""


@contextlib.contextmanager
def _sigterm_as_interrupt(received: list[int]) -> Iterator[None]:
    """Within the block, SIGTERM raises :class:`_Terminated` (and is noted in ``received``), as SIGINT
    raises KeyboardInterrupt: without it the process dies at once and leaves its workers behind."""

    def terminated(signum: int, frame: object) -> None:
        received.append(signum)
        raise _Terminated

    try:
        previous = signal.signal(signal.SIGTERM, terminated)
    except ValueError:  # not the main thread: leave SIGTERM alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """SIGINT and SIGTERM wait while the run is put in place (a few renames), then arrive."""
    held = {signal.SIGINT, signal.SIGTERM}
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _paths(given: list[str]) -> list[str]:
    """The paths given, with ``-`` replaced by the lines of standard input (blank lines skipped)."""
    if given.count("-") > 1:
        raise UsageError("- (paths on standard input) may be given once")
    if "-" not in given:
        return given
    listed = [line.rstrip("\r") for line in sys.stdin.read().split("\n")]
    at = given.index("-")
    return [*given[:at], *(line for line in listed if line.strip()), *given[at + 1 :]]


def _codes(values: list[str] | None) -> list[str] | None:
    if values is None:
        return None
    return [code.strip() for value in values for code in value.split(",") if code.strip()]


def _limits(args: argparse.Namespace) -> Limits:
    if args.max_size < 0 or args.time_limit < 0:
        raise UsageError("--max-size and --time-limit must be 0 (no limit) or more")
    size = int(args.max_size * 1024 * 1024)
    return Limits(max_bytes=size or None, max_seconds=args.time_limit or None)


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
    select, ignore = _codes(args.select), _codes(args.ignore)
    if args.xlsx and args.output is None:
        raise UsageError("--xlsx needs -o OUT")
    try:
        rules(select=select, ignore=ignore)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    paths = _paths(args.paths)
    try:
        files = collect(paths)
    except FileNotFoundError as exc:
        raise UsageError(str(exc)) from None
    if not files:
        raise UsageError(f"no report files in {' '.join(paths)}")
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
        "select": select,
        "ignore": ignore,
        "limits": _limits(args),
    }
    received: list[int] = []
    notes: list[str] = []
    try:
        with _sigterm_as_interrupt(received):
            if args.output is None:
                summary = run(files, sink=_Printer(sys.stdout), **options)
            else:
                summary = _to_directory(args, files, options, notes)
    except MissingExtraError as exc:
        raise UsageError(str(exc)) from None
    except OSError as exc:
        name = exc.filename if isinstance(exc.filename, str) else args.output
        raise UsageError(f"cannot write {name}: {exc.strerror or exc}") from None
    finally:
        if progress is not None:
            progress.clear()
    sys.stdout.flush()
    for line in [*summary.lines(), *notes]:
        say(line)
    if summary.interrupted:
        return 128 + (signal.SIGTERM if received else signal.SIGINT)
    return 1 if summary.failed else 0


def _to_directory(
    args: argparse.Namespace, files: list[str], options: dict[str, Any], notes: list[str]
) -> Summary:
    """Run into the directory ``-o OUT``: the tables in a hidden directory, put in place when the run
    is complete (summary.json written last), removed when it is not."""
    try:
        exporter = Exporter(args.output, parquet=args.parquet, bom=args.bom, xlsx=args.xlsx)
    except (NotADirectoryError, FileExistsError) as exc:
        raise UsageError(f"-o {args.output}: {exc.strerror}") from None
    with exporter:
        summary = run(files, sink=TableSink(exporter), **options)
        if summary.interrupted:
            exporter.discard()
            notes.append(f"the run was not complete: {args.output} is left as it was")
            return summary
        with _signals_held():
            exporter.commit({SUMMARY: _summary_json(summary)})
    if exporter.escaped:
        notes.append(
            f"note: {exporter.escaped} rows held text that is not Unicode (lone surrogates), "
            "written as \\udcxx escapes"
        )
    return summary
