"""The batch on a generated corpus: throughput with 1 and 2 worker processes, and peak memory by size.

    python benchmarks/bench_corpus.py [--count 10000] [--quick]

Generates ``count`` text pages from the seed page (examples/dehua_2014/page.txt), each varied: the
agency (``count / 10`` made-up bureaus), the year (ten consecutive years per bureau, so the cross-year
pass has nine pairs per bureau), one figure and a closing sentence. Then runs
``govdisclosure batch DIR --jobs N -o OUT`` (parse, validate, the cross-year rules, the CSV tables) in a
fresh interpreter for the first tenth of the files and for all of them, with ``--jobs 1`` and
``--jobs 2``, and reports:

- throughput: files per second of wall-clock time, from the start of the interpreter to its exit (the
  workers' start-up included: it is what a user waits for);
- peak memory: the maximum resident set size of the main process (``getrusage``) and of the largest
  worker (``VmHWM`` in /proc, polled ten times a second), at a tenth of the files and at all of them.
  Results stream to the tables; what grows with the files is the list of paths and, for the second pass
  (the rules comparing years), a few fields per report (its path, publisher, year, where its JSON is
  spilled): a few hundred bytes. The target is that growth: at most 1 KiB per file between a tenth of
  the files and all of them (the ratio of the two peaks is printed too). The workers' peak must not
  grow at all (they hold a chunk of files at a time).

The machine is shared: wall-clock figures vary with its load (printed first); the ratio of ``--jobs 2``
to ``--jobs 1`` is the figure to trust on a machine with two free cores.

The measures (rates, 重复率 with the corpus's boilerplate, publisher keys, findings and their review file;
on by default) against ``--no-measures``: ``batch DIR --jobs 2 -o OUT`` on all the files, each way
twice, alternating (off, on, off, on), the faster of each taken; the target is at most 1.5× the time
without them. ``--measures-only`` runs just this.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from benchlib import EXAMPLES, ROOT, Row, machine, print_rows

SEED = EXAMPLES / "dehua_2014" / "page.txt"
MEASURES_LIMIT = 1.5
"""The batch with the measures takes at most this many times as long as without them."""
PER_FILE_LIMIT = 1024
"""Bytes of the main process's peak memory per file, at most (the second pass's index of reports)."""

# Runs the batch in a fresh interpreter and prints its peak memory as the last line of stderr: its own
# (getrusage) and that of the largest descendant, polled from /proc (the workers are the forkserver's
# children, not this process's, so RUSAGE_CHILDREN does not see them).
_DRIVER = """
import json, os, resource, sys, threading
from govdisclosure.cli import main

def descendants_peak(stop, found):
    me = os.getpid()
    while not stop.wait(0.1):
        parents, peaks = {}, {}
        for name in os.listdir("/proc"):
            if not name.isdigit():
                continue
            try:
                with open(f"/proc/{name}/status") as f:
                    fields = dict(line.split(":", 1) for line in f if ":" in line)
            except OSError:
                continue
            parents[int(name)] = int(fields["PPid"])
            if "VmHWM" in fields:
                peaks[int(name)] = int(fields["VmHWM"].split()[0])
        for pid, peak in peaks.items():
            up = parents.get(pid)
            while up and up != me:
                up = parents.get(up)
            if up == me:
                found[pid] = max(found.get(pid, 0), peak)

stop, found = threading.Event(), {}
watcher = threading.Thread(target=descendants_peak, args=(stop, found), daemon=True)
watcher.start()
status = main(sys.argv[1:])
stop.set()
watcher.join()
peak = {"main": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        "workers": max(found.values(), default=0), "status": status}
print(json.dumps(peak), file=sys.stderr)
"""


def generate(directory: Path, count: int) -> list[Path]:
    """``count`` varied copies of the seed page in ``directory``, named in input order."""
    seed = SEED.read_text(encoding="utf-8")
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        agency, year = f"德化县第{i // 10 + 1}局", 2005 + i % 10
        text = (
            seed.replace("德化县科学技术局", agency)
            .replace("2014", str(year))
            .replace("行政权利事项51项", f"行政权利事项{51 + i % 7}项")
            .replace("着力打造“阳光科技”", f"着力打造“阳光科技”，本局第{i}号报告", 1)
        )
        path = directory / f"{i:06d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def batch(files: Path, jobs: int, out: Path, *options: str) -> dict[str, float]:
    """Run the batch on the directory ``files`` in a fresh interpreter: seconds and peak memory (KiB)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    argv = [sys.executable, "-c", _DRIVER, "batch", str(files), "--jobs", str(jobs), "-o", str(out)]
    argv.extend(options)
    start = time.perf_counter()
    done = subprocess.run(argv, capture_output=True, text=True, env=env, check=False)
    seconds = time.perf_counter() - start
    lines = done.stderr.strip().splitlines()
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"batch failed ({done.returncode}): {done.stderr[-2000:]}")
    peak = json.loads(lines[-1])
    if peak["status"] != 0:
        raise RuntimeError(f"batch reported failed files: {done.stderr[-2000:]}")
    return {"seconds": seconds, "main": peak["main"], "workers": peak["workers"]}


def main(argv: Sequence[str] | None = None) -> list[Row]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--quick", action="store_true", help="a smoke run: 30 files")
    parser.add_argument(
        "--measures-only", action="store_true", help="only the measures against --no-measures"
    )
    args = parser.parse_args(argv)
    if args.quick:
        args.count = 30
    if args.measures_only:
        return [measures_row(args.count)]
    sizes = (args.count // 10, args.count)
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-corpus-") as temporary:
        root = Path(temporary)
        for size in sizes:
            generate(root / f"in-{size}", size)
        figures: dict[tuple[int, int], dict[str, float]] = {}
        for jobs in (1, 2):
            for size in sizes:
                figures[jobs, size] = batch(root / f"in-{size}", jobs, root / f"out-{jobs}-{size}")
        for jobs in (1, 2):
            rates = [size / figures[jobs, size]["seconds"] for size in sizes]
            rows.append(
                Row(
                    benchmark=f"batch --jobs {jobs} (parse, validate, years, CSV), seed-size pages",
                    ours=" / ".join(
                        f"{r:,.0f} files/s at {s:,}" for r, s in zip(rates, sizes, strict=True)
                    ),
                    peer="",
                    ratio=None,
                    target="",
                    met=None,
                )
            )
            small, large = figures[jobs, sizes[0]], figures[jobs, sizes[1]]
            growth = large["main"] / small["main"]
            per_file = (large["main"] - small["main"]) * 1024 / (sizes[1] - sizes[0])
            rows.append(
                Row(
                    benchmark=f"batch --jobs {jobs}, peak RSS at {sizes[0]:,} / {sizes[1]:,} files",
                    ours=f"main {small['main'] / 1024:,.0f} / {large['main'] / 1024:,.0f} MiB "
                    f"({growth:.2f}×, {per_file:,.0f} bytes per file)"
                    + (
                        f", workers {small['workers'] / 1024:,.0f} / {large['workers'] / 1024:,.0f} MiB"
                        if jobs > 1
                        else ""
                    ),
                    peer="",
                    ratio=None,
                    target=f"≤ {PER_FILE_LIMIT:,} bytes per file",
                    met=per_file <= PER_FILE_LIMIT,
                )
            )
        speedup = figures[1, sizes[1]]["seconds"] / figures[2, sizes[1]]["seconds"]
        rows.append(
            Row(
                benchmark=f"batch --jobs 2 against --jobs 1, {sizes[1]:,} files",
                ours=f"{speedup:.2f}× as fast",
                peer="",
                ratio=None,
                target="",
                met=None,
            )
        )
    rows.append(measures_row(args.count))
    return rows


def measures_row(count: int) -> Row:
    """``batch --jobs 2`` on ``count`` files with the measures and with ``--no-measures``."""
    with tempfile.TemporaryDirectory(prefix="bench-measures-") as temporary:
        root = Path(temporary)
        generate(root / "in", count)
        seconds: dict[bool, list[float]] = {False: [], True: []}
        for run in range(4):
            on = run % 2 == 1
            options = () if on else ("--no-measures",)
            out = root / f"out-{run}"
            seconds[on].append(batch(root / "in", 2, out, *options)["seconds"])
        off_s, on_s = min(seconds[False]), min(seconds[True])
    ratio = on_s / off_s
    return Row(
        benchmark=f"batch --jobs 2, {count:,} files: measures on / --no-measures",
        ours=f"{on_s:,.1f} s / {off_s:,.1f} s (runs: on "
        + ", ".join(f"{s:.1f}" for s in seconds[True])
        + "; off "
        + ", ".join(f"{s:.1f}" for s in seconds[False])
        + ")",
        peer="",
        ratio=ratio,
        target=f"≤ {MEASURES_LIMIT}×",
        met=ratio <= MEASURES_LIMIT,
    )


if __name__ == "__main__":
    results = main(sys.argv[1:])
    print(machine())
    print_rows(results)
