"""Peak memory of a stream of reports: load, validate, render and dump one after another, 10,000 of them.

    python benchmarks/bench_memory.py [--count 10000] [--quick]

The reports are the seed report (examples/dehua_2014) varied for each one (title, year, index number,
figures, a paragraph), generated as JSON text one at a time so that the input does not pile up. Each goes
through every stage of :data:`STAGES` and is dropped. ``tracemalloc`` records the peak of memory allocated
by Python during the stream, after a warm-up of 1,000 reports; the peak after 100, 1,000 and 10,000
reports must stay flat, and what is still allocated after the stream is reported too.

The warm-up fills what is built once (cattrs' hooks, the numeral tables, compiled patterns) and CPython's
free lists of tuples, lists, dicts and floats: objects kept for reuse count as allocated for tracemalloc,
and they fill up over the first few hundred reports (up to CPython's fixed caps), which would look like
growth. A full ``gc.collect()`` empties them, so none is run between the warm-up and the end.

Stages are ``(name, function of the previous stage's output)``; the renderers and the parser plug in here.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import sys
import tracemalloc
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import attrs
from benchlib import EXAMPLES, Row, machine, print_rows

from govdisclosure import DisclosureReport, IndexNumber, Section, dumps, loads
from govdisclosure.render import render_html, render_text
from govdisclosure.validate import validate

SEED = EXAMPLES / "dehua_2014" / "report.json"
# The peak after the whole stream may be at most this many times the peak after the first hundredth.
GROWTH_LIMIT = 1.10
WARM_UP = 1_000  # reports run before measuring (see the module docstring)


def _validate(report: DisclosureReport) -> DisclosureReport:
    validate(report)
    return report


def _render(report: DisclosureReport) -> DisclosureReport:
    render_html(report)
    render_text(report)
    return report


# Each stage takes what the previous one returned; what a stage only uses (diagnostics, HTML) is dropped.
# The parser plugs in here: a stage that renders the report as text and parses it back, for instance.
STAGES: list[tuple[str, Callable[[Any], Any]]] = [
    ("load", loads),
    ("validate", _validate),
    ("render html and text", _render),
    ("dump", dumps),
]


def _varied(base: DisclosureReport, i: int) -> DisclosureReport:
    """The seed report, made the i-th of a stream: other title, year, index number, figures and text."""
    return attrs.evolve(
        base,
        title=f"{base.title}（{i}）",
        year=2008 + i % 11,
        header=attrs.evolve(base.header, index_number=IndexNumber(f"qz11402-1000-2014-{i:05d}")),
        body=[_varied_section(section, i) for section in base.body],
    )


# Not a closure in _varied: a closure calling itself is a reference cycle, garbage for the collector.
def _varied_section(section: Section, i: int) -> Section:
    return attrs.evolve(
        section,
        paragraphs=[*section.paragraphs, f"第{i}份报告的补充说明。"] if section.paragraphs else (),
        quantities=[attrs.evolve(q, value=q.value + i % 97) for q in section.quantities],
        children=[_varied_section(child, i) for child in section.children],
    )


def reports(count: int) -> Iterator[str]:
    """``count`` report texts, generated one at a time."""
    base = loads(SEED.read_bytes())
    for i in range(count):
        yield dumps(_varied(base, i))


def stream(texts: Iterator[str], checkpoints: Sequence[int]) -> dict[int, int]:
    """Run every stage on each text; the traced peak (bytes) after each checkpoint count."""
    peaks = {}
    for done, text in enumerate(texts, start=1):
        value: Any = text
        for _, stage in STAGES:
            value = stage(value)
        if done in checkpoints:
            peaks[done] = tracemalloc.get_traced_memory()[1]
    return peaks


def main(argv: Sequence[str] | None = None) -> list[Row]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--quick", action="store_true", help="a smoke run: 100 reports")
    args = parser.parse_args(argv)
    if args.quick:
        args.count = 100
    checkpoints = sorted({c for c in (args.count // 100, args.count // 10, args.count) if c})

    warm_up = 20 if args.quick else WARM_UP
    texts = reports(warm_up + args.count)
    gc.collect()
    tracemalloc.start()
    try:
        # No full collection after the warm-up: it would empty CPython's free lists, which the stream
        # would then fill again (bounded, but it looks like growth).
        stream(itertools.islice(texts, warm_up), [])
        tracemalloc.reset_peak()
        start = tracemalloc.get_traced_memory()[0]
        peaks = stream(texts, checkpoints)
        end = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()

    first, last = peaks[checkpoints[0]], peaks[checkpoints[-1]]
    growth = last / first
    stages = " + ".join(name for name, _ in STAGES)
    figures = " / ".join(f"{peaks[c] / 1024:,.0f}" for c in checkpoints)
    counts = " / ".join(f"{c:,}" for c in checkpoints)
    return [
        Row(
            benchmark=f"peak memory, stream of {stages}",
            ours=f"{figures} KiB at {counts} (retained {(end - start) / 1024:+,.0f} KiB)",
            peer="",
            ratio=None,
            target=f"flat (≤ {GROWTH_LIMIT:.2f}×)",
            met=growth <= GROWTH_LIMIT,
        )
    ]


if __name__ == "__main__":
    results = main(sys.argv[1:])
    print(machine())
    print_rows(results)
