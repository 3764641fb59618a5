"""Time govdisclosure.zh's to_chinese/from_chinese against cn2an on the same numbers.

    python benchmarks/bench_zh.py [--count 100000] [--repeats 5] [--seed 2014]

Draws ``--count`` integers (the number of digits uniform in 1..16, then the digits uniform, so small
and large numbers and zero gaps all occur), checks that both libraries agree on them, then times
each conversion over the whole list ``--repeats`` times in this process and prints the median run,
the per-call time, the throughput and the ratio to cn2an. Both readers read the same texts (ours,
which cn2an reads back exactly; see tests/zh/test_zh_cn2an.py).
"""

from __future__ import annotations

import argparse
import gc
import platform
import random
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from typing import Any

import cn2an  # type: ignore[import-untyped]

from govdisclosure.zh import from_chinese, to_chinese


def numbers(count: int, seed: int) -> list[int]:
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        digits = rng.randint(1, 16)
        out.append(rng.randrange(10 ** (digits - 1) if digits > 1 else 0, 10**digits))
    return out


def median_seconds(function: Callable[[Any], object], inputs: Sequence[Any], repeats: int) -> float:
    runs = []
    for _ in range(repeats):
        gc.collect()
        gc.disable()
        try:
            start = time.perf_counter()
            for item in inputs:
                function(item)
            runs.append(time.perf_counter() - start)
        finally:
            gc.enable()
    return statistics.median(runs)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--seed", type=int, default=2014)
    args = parser.parse_args(argv)

    ints = numbers(args.count, args.seed)
    texts = [to_chinese(n) for n in ints]
    # Same answers first: a benchmark of wrong results would mean nothing.
    mismatches = sum(
        1
        for n, text in zip(ints, texts, strict=True)
        if from_chinese(text) != n or cn2an.cn2an(text, "strict") != n
    )
    if mismatches:
        print(f"{mismatches} numbers where the readers disagree; not timing", file=sys.stderr)
        return 1

    cases: list[tuple[str, str, Callable[[Any], object], Sequence[Any]]] = [
        ("write", "govdisclosure.zh.to_chinese", to_chinese, ints),
        ("write", "cn2an.an2cn", cn2an.an2cn, ints),
        ("read", "govdisclosure.zh.from_chinese", from_chinese, texts),
        ("read", "cn2an.cn2an (strict)", lambda s: cn2an.cn2an(s, "strict"), texts),
        ("read", "cn2an.cn2an (smart)", lambda s: cn2an.cn2an(s, "smart"), texts),
    ]
    results = [
        (task, name, median_seconds(fn, inputs, args.repeats)) for task, name, fn, inputs in cases
    ]

    print(
        f"{args.count:,} numbers (1-16 digits), median of {args.repeats} runs, "
        f"Python {platform.python_version()}, cn2an {getattr(cn2an, '__version__', '?')}"
    )
    header = f"{'task':<6} {'implementation':<30} {'median s':>9} {'µs/call':>8} {'calls/s':>11}"
    print(header + f" {'ours ×':>7}")
    print("-" * (len(header) + 8))
    ours = {task: seconds for task, name, seconds in results if name.startswith("govdisclosure")}
    for task, name, seconds in results:
        per_call = seconds / args.count * 1e6
        speed = args.count / seconds
        ratio = "" if name.startswith("govdisclosure") else f"{seconds / ours[task]:.1f}"
        print(f"{task:<6} {name:<30} {seconds:9.3f} {per_call:8.2f} {speed:11,.0f} {ratio:>7}")
    print("ours × = cn2an's time / ours (how many times faster govdisclosure.zh is)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
