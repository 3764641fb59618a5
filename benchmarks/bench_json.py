"""JSON round trip (loads, then dumps) of real reports: govdisclosure against pydantic v2, msgspec and orjson.

    python benchmarks/bench_json.py [--repeats 7] [--seconds 0.3] [--quick] [--profile]

The inputs are the two worked examples: the seed report (examples/dehua_2014, a narrative report of 2014)
and a full 2021 statutory report (examples/statutory_2021, with its three tables). Every implementation
reads the same text and writes it back; the peers are the equivalent models in ``benchmarks/peers/``, and
``orjson.dumps(orjson.loads(text))`` (dicts and lists, no model, no checks) is the floor.

govdisclosure is timed as installed (``dumps`` compact by default; orjson where installed, as the
``bench`` extra does) and, for comparison, on the stdlib's ``json`` and with ``indent=2``.

First it checks that every implementation gives back the same data (a benchmark of wrong results would mean
nothing), then it times them side by side in this process, interleaved, in CPU time, and reports the median
throughput (round trips per second) and the median ratio within a repeat.

``--profile`` profiles govdisclosure's round trip of each input with pyinstrument instead, and prints the
call tree (where the time goes).
"""

from __future__ import annotations

import argparse
import functools
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import orjson
from benchlib import (
    EXAMPLES,
    Row,
    Timing,
    machine,
    paired_ratio,
    print_rows,
    rate,
    time_side_by_side,
    versions,
)
from peers import msgspec_models, pydantic_models

from govdisclosure.serialize import _converter, dumps, loads

INPUTS = {
    "seed report": EXAMPLES / "dehua_2014" / "report.json",
    "2021 report": EXAMPLES / "statutory_2021" / "report.json",
}
TARGETS = {"pydantic": 1.0, "msgspec": 0.4}
OURS = "govdisclosure"


@contextmanager
def _stdlib_json() -> Iterator[None]:
    """govdisclosure on the stdlib's json, as without the ``fast`` extra (the module's codec swapped)."""
    saved = getattr(_converter, "_JSON", None)
    if saved is not None:
        _converter._JSON = _converter._STDLIB  # type: ignore[misc]
    try:
        yield
    finally:
        if saved is not None:
            _converter._JSON = saved  # type: ignore[misc]


def _on_stdlib(function: Callable[[str], object]) -> Callable[[str], object]:
    def run(text: str) -> object:
        with _stdlib_json():
            return function(text)

    return run


def backend() -> str:
    codec = getattr(_converter, "_JSON", None)
    return "json" if codec is None else str(codec.name)


def ours() -> dict[str, Callable[[str], object]]:
    """govdisclosure's round trips: as installed, then the variants worth comparing (vs pydantic only)."""
    variants: dict[str, Callable[[str], object]] = {OURS: lambda text: dumps(loads(text))}
    if hasattr(_converter, "_JSON") and backend() != "json":
        variants[f"{OURS} on json"] = _on_stdlib(lambda text: dumps(loads(text)))
    variants[f"{OURS} indent=2"] = lambda text: dumps(loads(text), indent=2)
    if hasattr(_converter, "_JSON") and backend() != "json":
        variants[f"{OURS} indent=2 on json"] = _on_stdlib(lambda text: dumps(loads(text), indent=2))
    return variants


PEERS: dict[str, Callable[[str], object]] = {
    "pydantic": lambda text: pydantic_models.dumps(pydantic_models.loads(text)),
    "msgspec": lambda text: msgspec_models.dumps(msgspec_models.loads(text)),
    "orjson (dicts, floor)": lambda text: orjson.dumps(orjson.loads(text)),
}


def check_same_data(text: str, functions: dict[str, Callable[[str], object]]) -> list[str]:
    """The implementations whose round trip does not give back the input's data."""
    expected = json.loads(text)
    return [
        name for name, round_trip in functions.items() if json.loads(round_trip(text)) != expected
    ]  # type: ignore[arg-type]


def profile(rounds: int = 2_000) -> None:
    """Print pyinstrument's call tree of govdisclosure's round trips of each input."""
    from pyinstrument import Profiler

    for label, path in INPUTS.items():
        text = Path(path).read_text(encoding="utf-8")
        for _ in range(100):  # warm up: cattrs generates its functions on first use
            dumps(loads(text))
        profiler = Profiler(interval=0.0002)
        with profiler:
            for _ in range(rounds):
                dumps(loads(text))
        print(f"--- {label}: {rounds} round trips")
        print(profiler.output_text(unicode=True, color=False))


def main(argv: Sequence[str] | None = None) -> list[Row]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--seconds", type=float, default=0.3, help="length of one timed batch")
    parser.add_argument("--quick", action="store_true", help="a smoke run: 1 short repeat")
    parser.add_argument("--profile", action="store_true", help="profile ours with pyinstrument")
    args = parser.parse_args(argv)
    if args.quick:
        args.repeats, args.seconds = 1, 0.02
    if args.profile:
        profile()
        return []

    functions = {**ours(), **PEERS}
    rows: list[Row] = []
    for label, path in INPUTS.items():
        text = Path(path).read_text(encoding="utf-8")
        wrong = check_same_data(text, functions)
        if wrong:
            raise SystemExit(f"{label}: {', '.join(wrong)} do not give back the input's data")
        timings = time_side_by_side(
            {name: functools.partial(fn, text) for name, fn in functions.items()},
            repeats=args.repeats,
            seconds=args.seconds,
        )
        rows.extend(_rows(label, timings))
    return rows


def _rows(label: str, timings: dict[str, Timing]) -> list[Row]:
    rows = []
    for name, timing in timings.items():
        if not name.startswith(OURS):
            continue
        variant = name.removeprefix(OURS)
        # The default is compared with every peer; a variant with pydantic only, to show what it costs.
        peers = [p for p in PEERS if not variant or p == "pydantic"]
        for peer_name in peers:
            peer = timings[peer_name]
            ratio = paired_ratio(timing, peer)
            target = TARGETS.get(peer_name) if not variant else None
            rows.append(
                Row(
                    benchmark=f"json round trip, {label}{variant and ','}{variant}",
                    ours=rate(timing.median),
                    peer=f"{peer_name} {rate(peer.median)}",
                    ratio=ratio,
                    target="" if target is None else f"≥ {target}×",
                    met=None if target is None else ratio >= target,
                )
            )
    return rows


if __name__ == "__main__":
    results = main(sys.argv[1:])
    print(machine())
    print(versions(["govdisclosure", "cattrs", "attrs", "pydantic", "msgspec", "orjson"]))
    print(f"govdisclosure's JSON library: {backend()}")
    print_rows(results)
