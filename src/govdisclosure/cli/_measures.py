"""The options of ``govdisclosure batch`` for the measures: aliases, manifest, review, thresholds."""

from __future__ import annotations

import argparse
import re
from typing import Any, TextIO

from govdisclosure.cli._common import UsageError
from govdisclosure.corpus import (
    BOILERPLATE,
    DEADLINE,
    REPEAT_THRESHOLD,
    AliasError,
    ManifestError,
    Measures,
    ReviewError,
    load_aliases,
    load_manifest,
    load_review,
)

_MONTH_DAY = re.compile(r"(\d{1,2})-(\d{1,2})")


def add_measure_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group(
        "measures",
        "rates (rates.csv), 重复率 against last year, publisher keys, publication facts and review "
        "state (findings.csv, review.csv, lookalikes.csv); on unless --no-measures",
    )
    group.add_argument(
        "--no-measures",
        action="store_true",
        help="no rates, repetition, publisher keys, publication rules or review",
    )
    group.add_argument(
        "--aliases",
        metavar="CSV",
        help="publisher aliases: a CSV with the header alias,canonical[,code]",
    )
    group.add_argument(
        "--manifest",
        metavar="CSV",
        help="publication facts: a CSV with the header file,source_url,column,first_seen,last_changed",
    )
    group.add_argument(
        "--review",
        metavar="CSV",
        help="the review file of an earlier run (its review.csv, edited): findings dismissed there "
        "are not reported",
    )
    group.add_argument(
        "--repeat-threshold",
        type=float,
        default=REPEAT_THRESHOLD,
        metavar="R",
        help=f"重复率 from which a report is reported, GC101 (default {REPEAT_THRESHOLD})",
    )
    group.add_argument(
        "--boilerplate",
        type=int,
        default=BOILERPLATE,
        metavar="N",
        help="a sentence that N or more publishers use is boilerplate, left out of the 重复率 "
        f"(default {BOILERPLATE})",
    )
    group.add_argument(
        "--deadline",
        default=f"{DEADLINE[0]:02d}-{DEADLINE[1]:02d}",
        metavar="MM-DD",
        help="the deadline in the year after the report's, GC201 (default %(default)s; 01-31 for "
        "a department's report since 2019)",
    )


def measures_from(args: argparse.Namespace) -> Measures | None:
    """The measures the options ask for (None with --no-measures); a bad file or value is a usage error."""
    if args.no_measures:
        return None
    if not 0 < args.repeat_threshold <= 1:
        raise UsageError(f"--repeat-threshold must be in (0, 1], got {args.repeat_threshold}")
    if args.boilerplate < 1:
        raise UsageError(f"--boilerplate must be 1 or more, got {args.boilerplate}")
    match = _MONTH_DAY.fullmatch(args.deadline)
    month_day = (int(match.group(1)), int(match.group(2))) if match else (0, 0)
    if not (1 <= month_day[0] <= 12 and 1 <= month_day[1] <= 31) or month_day == (2, 29):
        raise UsageError(f"--deadline: expected a month and day as MM-DD, got {args.deadline!r}")
    try:
        return Measures(
            publishers=None if args.aliases is None else load_aliases(args.aliases),
            manifest=None if args.manifest is None else load_manifest(args.manifest),
            review=None if args.review is None else load_review(args.review),
            repeat_threshold=args.repeat_threshold,
            boilerplate=args.boilerplate,
            deadline=month_day,
        )
    except (AliasError, ManifestError, ReviewError) as exc:
        raise UsageError(str(exc)) from None


def print_measure_row(stream: TextIO, table: str, row: tuple[Any, ...]) -> None:
    """Without -o: a corpus rule's finding (GC codes) as one line; the rules' own (GD) are printed
    with their file already."""
    if table != "findings" or not str(row[3]).startswith("GC"):
        return
    fingerprint, _, _, rule, severity, _, _, path, *_, message, file = row
    stream.write(f"{file}:{path}: {rule} {severity}: {message} [{fingerprint}]\n")
