"""HTML and text renderings per second of the seed report and of the full 2021 statutory report.

    python benchmarks/bench_render.py [--repeats 7] [--seconds 0.3] [--quick] [--profile]

govdisclosure's ``render_html`` (the fragment, as a web application embeds it; and the full page) and
``render_text`` (unwrapped, and wrapped at 40 columns) of the two worked examples, timed side by side in this
process, interleaved, in CPU time, with the median of the repeats. Target: at least 2,000 HTML renderings
of the seed report per second.

The peer is a floor, not a competitor: ``peers/plain_page.html.j2``, one plain Jinja2 template written
straight against the model, producing the same markup for the seed's title, header, sections, paragraphs and
signature, with the same environment settings (autoescape on). What govdisclosure adds over it is the view
of the report prepared in Python (path ids, items gathered into lists, tables placed by role, dates written
in the signature's style) and the includes of overridable templates. The floor renders the seed only: it
has no statutory tables, so the 2021 report has absolute figures.

``--profile`` profiles ``render_html`` of the seed with pyinstrument instead and prints the call tree.
"""

from __future__ import annotations

import argparse
import functools
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import jinja2
import markupsafe
from benchlib import (
    EXAMPLES,
    Row,
    machine,
    paired_ratio,
    print_rows,
    rate,
    time_side_by_side,
    versions,
)

from govdisclosure import DisclosureReport, load
from govdisclosure.render import render_html, render_text

HERE = Path(__file__).resolve().parent
INPUTS = {
    "seed report": EXAMPLES / "dehua_2014" / "report.json",
    "2021 report": EXAMPLES / "statutory_2021" / "report.json",
}
TARGET = 2_000
"""HTML renderings of the seed report per second (the fragment)."""

OURS: dict[str, Callable[[DisclosureReport], str]] = {
    "html": render_html,
    "html, full page": functools.partial(render_html, full_page=True),
    "text": render_text,
    "text, width 40": functools.partial(render_text, width=40),
}


@functools.cache
def plain_template() -> jinja2.Template:
    """The floor: one plain template of the same page (see the module docstring)."""
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "peers"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )
    return environment.get_template("plain_page.html.j2")


def plain_html(report: DisclosureReport) -> str:
    return plain_template().render(report=report)


def check_floor(report: DisclosureReport) -> None:
    """The floor writes every paragraph of the seed, escaped, as ours does (a floor of less work means nothing)."""
    ours, floor = render_html(report), plain_html(report)
    paragraphs = [p for ref in report.sections() for p in ref.node.paragraphs]
    missing = [p for p in paragraphs if str(markupsafe.escape(p)) not in floor]
    if missing or floor.count("<p ") < ours.count("<p ") - ours.count('class="gd-date"'):
        raise SystemExit(f"the plain template misses {len(missing)} paragraphs of the seed")


def profile(rounds: int = 2_000) -> None:
    from pyinstrument import Profiler

    report = load(INPUTS["seed report"])
    for _ in range(100):
        render_html(report)
    profiler = Profiler(interval=0.0002)
    with profiler:
        for _ in range(rounds):
            render_html(report)
    print(f"--- seed report: {rounds} render_html")
    print(profiler.output_text(unicode=True, color=False))


def main(argv: Sequence[str] | None = None) -> list[Row]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--seconds", type=float, default=0.3, help="length of one timed batch")
    parser.add_argument("--quick", action="store_true", help="a smoke run: 1 short repeat")
    parser.add_argument(
        "--profile", action="store_true", help="profile render_html with pyinstrument"
    )
    args = parser.parse_args(argv)
    if args.quick:
        args.repeats, args.seconds = 1, 0.02
    if args.profile:
        profile()
        return []

    rows: list[Row] = []
    for label, path in INPUTS.items():
        report = load(path)
        functions = {name: functools.partial(fn, report) for name, fn in OURS.items()}
        seed = label == "seed report"
        if seed:
            check_floor(report)
            functions["plain Jinja2 (floor)"] = functools.partial(plain_html, report)
        for function in functions.values():  # first use: templates compiled, tables built
            function()
        timings = time_side_by_side(functions, repeats=args.repeats, seconds=args.seconds)
        floor = timings.get("plain Jinja2 (floor)")
        for name in OURS:
            timing = timings[name]
            target = seed and name == "html"
            with_floor = floor is not None and name.startswith("html")
            rows.append(
                Row(
                    benchmark=f"render {name}, {label}",
                    ours=rate(timing.median),
                    peer=f"plain Jinja2 (floor) {rate(floor.median)}"
                    if with_floor and floor
                    else "",
                    ratio=paired_ratio(timing, floor) if with_floor and floor else None,
                    target=f"≥ {TARGET:,}/s" if target else "",
                    met=timing.median >= TARGET if target else None,
                )
            )
    return rows


if __name__ == "__main__":
    results = main(sys.argv[1:])
    print(machine())
    print(versions(["govdisclosure", "Jinja2", "MarkupSafe"]))
    print_rows(results)
