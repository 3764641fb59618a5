"""What every benchmark script shares: the result row, paired timing, and a description of the machine.

A benchmark script ``bench_<name>.py`` exposes ``main(argv) -> list[Row]`` (``--quick`` for a smoke run) and,
run on its own, prints its rows with :func:`print_rows`. ``run.py`` runs them all into one table.
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


@dataclass(frozen=True)
class Row:
    """One line of the results table: one comparison (or one absolute figure) and its target."""

    benchmark: str
    """What was measured, e.g. ``json round trip, 2021 report``."""
    ours: str
    """govdisclosure's figure, formatted with its unit."""
    peer: str
    """The peer and its figure (empty for an absolute target)."""
    ratio: float | None
    """How many times the peer's throughput ours reaches (ours / peer); None for an absolute target."""
    target: str
    """The target as text (``≥ 1.0×``, ``≤ 150 ms``, ``flat``), empty where there is none."""
    met: bool | None
    """Whether the target is met; None where there is no target."""


def print_rows(rows: Sequence[Row], file: TextIO | None = None) -> None:
    """The rows as an aligned plain-text table."""
    out = sys.stdout if file is None else file
    headers = ("benchmark", "ours", "peer", "ratio", "target", "met?")
    cells = [
        (
            row.benchmark,
            row.ours,
            row.peer,
            "" if row.ratio is None else f"{row.ratio:.2f}×",
            row.target,
            "" if row.met is None else ("yes" if row.met else "NO"),
        )
        for row in rows
    ]
    widths = [max(len(h), *(len(c[i]) for c in cells)) for i, h in enumerate(headers)]
    line = "  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True))
    print(line, file=out)
    print("-" * len(line), file=out)
    for c in cells:
        print("  ".join(v.ljust(w) for v, w in zip(c, widths, strict=True)), file=out)


def clock() -> float:
    """The CPU time of this process, in seconds: the benchmarks' clock.

    The machines these run on are shared; wall-clock time would count the time this process waits for a
    core. CPU time does not (cache and memory contention from other jobs still slow it somewhat, alike for
    every implementation timed side by side).
    """
    return time.process_time()


def calibrate(function: Callable[[], object], seconds: float) -> int:
    """How many calls of ``function`` take about ``seconds`` (at least 1)."""
    number = 1
    while True:
        start = clock()
        for _ in range(number):
            function()
        elapsed = clock() - start
        if elapsed >= seconds / 4 or number >= 1_000_000:
            return max(1, int(number * seconds / max(elapsed, 1e-9)))
        number *= 4


@dataclass(frozen=True)
class Timing:
    """The calls per second of one implementation in each repeat, and their median."""

    name: str
    per_second: tuple[float, ...]

    @property
    def median(self) -> float:
        return statistics.median(self.per_second)


def time_side_by_side(
    functions: Mapping[str, Callable[[], object]], *, repeats: int, seconds: float
) -> dict[str, Timing]:
    """Time each function in the same process, interleaved: every repeat runs each of them once in turn.

    Time is this process's CPU time (:func:`clock`), so time spent waiting for a core that other jobs hold
    does not count.

    Each function runs a batch sized to take about ``seconds``; the repeats interleave the implementations
    so that a change in the machine's load hits all of them alike. The garbage collector stays on (it is
    part of the cost of building objects) but collects before each batch.
    """
    numbers = {name: calibrate(fn, seconds) for name, fn in functions.items()}
    runs: dict[str, list[float]] = {name: [] for name in functions}
    for _ in range(repeats):
        for name, fn in functions.items():
            number = numbers[name]
            gc.collect()
            start = clock()
            for _ in range(number):
                fn()
            runs[name].append(number / (clock() - start))
    return {name: Timing(name, tuple(values)) for name, values in runs.items()}


def paired_ratio(ours: Timing, peer: Timing) -> float:
    """The median over repeats of ours/peer within each repeat: robust to load that changes between repeats."""
    return statistics.median(a / b for a, b in zip(ours.per_second, peer.per_second, strict=True))


def rate(per_second: float) -> str:
    return f"{per_second:,.0f}/s"


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def machine() -> str:
    """One line on where and when this ran: CPU, cores, load, Python, date."""
    cores = os.cpu_count()
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else cores
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    return (
        f"{cpu_model()}, {usable}/{cores} cores, load {load}, "
        f"{platform.python_implementation()} {platform.python_version()}, "
        f"{dt.datetime.now().astimezone().isoformat(timespec='minutes')}"
    )


def versions(names: Iterable[str]) -> str:
    from importlib.metadata import PackageNotFoundError, version

    found = []
    for name in names:
        try:
            found.append(f"{name} {version(name)}")
        except PackageNotFoundError:
            found.append(f"{name} (not installed)")
    return ", ".join(found)
