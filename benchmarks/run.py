"""Run every benchmark (``benchmarks/bench_*.py``) and print one table of results against their targets.

    python benchmarks/run.py            # everything, full size (several minutes)
    python benchmarks/run.py --quick    # a smoke run: every benchmark, tiny sizes, a few seconds each
    python benchmarks/run.py json zh    # only bench_json.py and bench_zh.py

Each ``bench_<name>.py`` exposes ``main(argv) -> list[benchlib.Row]`` and accepts ``--quick``; this runs
them in turn, in this process, and prints their rows together. The exit status is 0 when every benchmark
ran (met targets or not: a missed target is a figure to report, not a crash), 1 when one failed.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import time
import traceback
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
if (
    str(HERE) not in sys.path
):  # run as a file from anywhere: the benchmarks import each other by name
    sys.path.insert(0, str(HERE))

from benchlib import Row, machine, print_rows, versions  # noqa: E402


def benchmarks() -> list[str]:
    """The benchmark names, from the files ``bench_<name>.py`` beside this one, sorted."""
    return sorted(path.stem.removeprefix("bench_") for path in HERE.glob("bench_*.py"))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help=f"benchmarks to run (default all: {benchmarks()})")
    parser.add_argument("--quick", action="store_true", help="smoke run: tiny sizes")
    args = parser.parse_args(argv)
    names = args.names or benchmarks()
    unknown = sorted(set(names) - set(benchmarks()))
    if unknown:
        parser.error(f"no benchmark {', '.join(unknown)}; there are {', '.join(benchmarks())}")

    print(machine())
    print(versions(["govdisclosure", "attrs", "cattrs", "pydantic", "msgspec", "orjson", "cn2an"]))
    rows: list[Row] = []
    failed = []
    for name in names:
        start = time.perf_counter()
        try:
            module = importlib.import_module(f"bench_{name}")
            rows.extend(module.main(["--quick"] if args.quick else []))
        except (Exception, SystemExit):
            failed.append(name)
            traceback.print_exc()
        print(f"bench_{name}: {time.perf_counter() - start:.1f} s", file=sys.stderr)
    print()
    print_rows(rows)
    missed = [row.benchmark for row in rows if row.met is False]
    print(
        f"\n{len(rows)} results, {len(missed)} targets missed"
        + (f"; {failed} FAILED" if failed else "")
    )
    if args.quick:
        print("--quick: sizes too small and runs too short for these figures to mean anything")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
