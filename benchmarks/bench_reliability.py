"""Two costs that grew faster than their input: ``parse``'s diagnostic positions, and ``batch --compare all``
on reports written from one template.

    python benchmarks/bench_reliability.py            # 1× / 10× / 100× pages; 2,000 templated reports
    python benchmarks/bench_reliability.py --count 500
    python benchmarks/bench_reliability.py --quick    # a smoke run

1. ``govdisclosure parse`` prints each diagnostic with its line and column. It used to find them by
   counting the newlines before each diagnostic (``Span.line_column``): time ∝ diagnostics × text, both
   growing with the page (5.5 MB took 3.3 s against 1.0 s through the API). Now the line starts are found
   once and each position is a binary search. Timed in CPU time, best of a few runs, on the seed page
   with its body repeated 1×, 10× and 100× (``bench_parse.scaled``): the positions alone, the old way
   and the new, and the whole command (read, parse, JSON, diagnostics) in this process. Target: linear
   (time per character at 100× within 1.5× of that at 1×).
2. ``govdisclosure batch --compare all`` on ``count`` varied copies of the seed page
   (``bench_corpus.generate``: ``count / 10`` bureaus with ten years each), in a fresh interpreter with
   ``--jobs 2``: wall-clock seconds and the pairs found. Every report shares the seed's text, so by the
   whole text every pair is alike; before the boilerplate shingles were left out of the search, 1,942
   such reports made 183,000 pairs and 2.2 million passage rows and did not finish in 15 minutes.
   Target: done within 5 minutes at 2,000.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from contextlib import redirect_stderr
from pathlib import Path

from bench_corpus import generate
from bench_parse import scaled
from benchlib import ROOT, Row, machine, print_rows

from govdisclosure.cli import main as cli
from govdisclosure.cli._parse import summary
from govdisclosure.parse import ParseResult, parse_text

COMPARE_LIMIT = 300.0
"""Seconds within which ``batch --compare all`` must finish on 2,000 templated reports."""


def cpu(fn: Callable[[], object], repeat: int) -> float:
    """The best CPU time of ``repeat`` calls, in seconds."""
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        fn()
        best = min(best, time.process_time() - start)
    return best


def rescan(result: ParseResult) -> list[str]:
    """The positions as the command found them before: a scan of the text per diagnostic."""
    return ["{}:{}".format(*d.span.line_column(result.text)) for d in result.diagnostics if d.span]


def positions(quick: bool) -> list[Row]:
    rows = []
    sizes = (1, 10) if quick else (1, 10, 100)
    per_char: dict[str, list[float]] = {"old": [], "new": [], "command": []}
    with tempfile.TemporaryDirectory(prefix="bench-parse-cli-") as temporary:
        for k in sizes:
            text = scaled(k)
            page = Path(temporary) / f"page-{k}.txt"
            page.write_text(text, encoding="utf-8")
            result = parse_text(text)
            repeat = 2 if quick else 5

            def command(page: Path = page) -> None:
                with redirect_stderr(io.StringIO()):
                    cli(["parse", str(page), "-o", os.devnull])

            per_char["old"].append(cpu(lambda r=result: rescan(r), repeat) / len(text))
            per_char["new"].append(cpu(lambda r=result: summary(r), repeat) / len(text))
            per_char["command"].append(cpu(command, repeat) / len(text))
            count = len(result.diagnostics)
            rows.append(
                Row(
                    benchmark=f"parse CLI, seed × {k} ({len(text):,} chars, {count} diagnostics)",
                    ours=f"command {per_char['command'][-1] * len(text) * 1000:,.1f} ms; positions "
                    f"{per_char['new'][-1] * len(text) * 1000:,.2f} ms",
                    peer=f"positions by rescan {per_char['old'][-1] * len(text) * 1000:,.2f} ms",
                    ratio=None,
                    target="",
                    met=None,
                )
            )
    for what in ("new", "command", "old"):
        growth = [t / per_char[what][0] for t in per_char[what]]
        rows.append(
            Row(
                benchmark={
                    "new": "parse CLI positions, time per character",
                    "command": "parse CLI command, time per character",
                    "old": "positions by rescan (before), time per character",
                }[what],
                ours=" / ".join(f"{g:.2f}" for g in growth)
                + f" at {' / '.join(f'{k}×' for k in sizes)}",
                peer="",
                ratio=None,
                target="linear (≤ 1.5 at 100×)" if what != "old" else "",
                met=growth[-1] <= 1.5 if what != "old" else None,
            )
        )
    return rows


def _batch(inputs: Path, out: Path, compare: str) -> tuple[float, dict[str, int], int]:
    """Seconds, the summary and the passages of ``batch --compare COMPARE --jobs 2`` in a fresh
    interpreter."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    argv = [sys.executable, "-m", "govdisclosure", "batch", str(inputs), "--jobs", "2"]
    argv += ["--compare", compare, "--no-progress", "-o", str(out)]
    start = time.perf_counter()
    done = subprocess.run(argv, capture_output=True, text=True, env=env, check=False)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"batch failed ({done.returncode}): {done.stderr[-2000:]}")
    found = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    passages = sum(1 for _ in (out / "passages.csv").open(encoding="utf-8")) - 1
    return seconds, found, passages


def compare_all(count: int) -> list[Row]:
    with tempfile.TemporaryDirectory(prefix="bench-compare-") as temporary:
        root = Path(temporary)
        generate(root / "in", count)
        baseline, _, _ = _batch(root / "in", root / "out-none", "none")
        seconds, found, passages = _batch(root / "in", root / "out-all", "all")
    return [
        Row(
            benchmark=f"batch --compare all --jobs 2, {count:,} templated reports",
            ours=f"{seconds:,.1f} s ({baseline:,.1f} s with --compare none); "
            f"{found['similar_pairs']:,} pairs ({found['copied_pairs']:,} copied), {passages:,} "
            "passages",
            peer="before: 183,000 pairs at 1,942, not done in 15 min",
            ratio=None,
            target=f"≤ {COMPARE_LIMIT:,.0f} s at 2,000",
            met=seconds <= COMPARE_LIMIT if count >= 2000 else None,
        )
    ]


def main(argv: Sequence[str] | None = None) -> list[Row]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--count", type=int, default=2_000, help="templated reports (default 2,000)"
    )
    parser.add_argument("--quick", action="store_true", help="a smoke run: 20 reports, 1× and 10×")
    args = parser.parse_args(argv)
    if args.quick:
        args.count = 20
    return positions(args.quick) + compare_all(args.count)


if __name__ == "__main__":
    results = main(sys.argv[1:])
    print(machine())
    print_rows(results)
