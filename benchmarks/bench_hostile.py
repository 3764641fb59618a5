"""Hostile HTML grows linearly: parse_html's time on pages 1×, 10× and 100× as large.

    python benchmarks/bench_hostile.py [--base 3000] [--quick]

Each input is a real page (the seed's HTML rendering) followed by a run of markup that made the standard
library's tokenizer (CPython 3.11) or the table grid quadratic: unterminated comments and tags (``<!--``,
``</``, ``<?``, ``<![``, ``<a ``), and table cells spanning 100 × 100 grid positions. For each, the page is
timed with the run repeated ``base``, 10 × ``base`` and 100 × ``base`` times; the row gives the growth of
the time from 10× to 100× (10.0 is linear, 100 quadratic). The peer is the standard library's
``html.parser`` fed the same 10× input on its own (what the parser did before it bounded such runs), timed
once; it is not run at 100×, where it takes minutes.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from html.parser import HTMLParser

from benchlib import EXAMPLES, Row, clock, print_rows

from govdisclosure import load, render
from govdisclosure.parse import parse_html

RUNS = {
    "<!--": "<!--",
    "</": "</",
    "<?": "<?",
    "<![": "<![",
    "<a ": "<a ",
    "spans": "<table><tr>" + "<td rowspan=100 colspan=100>1</td>" * 10 + "</tr></table>",
}
TARGET = 15.0
"""Growth from 10× to 100× at most 15 (linear is 10; noise and the garbage collector add some)."""


def _seconds(function: object, page: str) -> float:
    start = clock()
    function(page)  # type: ignore[operator]
    return clock() - start


def _stdlib(page: str) -> None:
    parser = HTMLParser()
    try:
        parser.feed(page)
        parser.close()
    except (
        AssertionError
    ):  # html.parser gives up on <![ it does not know: the time until then counts
        pass


def main(argv: Sequence[str] | None = None) -> list[Row]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=int, default=300, help="repeats of the run at 1×")
    parser.add_argument("--quick", action="store_true", help="smoke run: base 10")
    args = parser.parse_args(argv)
    base = 10 if args.quick else args.base
    page = render(load(EXAMPLES / "dehua_2014" / "report.json"), "html", full_page=True)
    rows = []
    for name, run in RUNS.items():
        times = [_seconds(parse_html, page + run * (base * k)) for k in (1, 10, 100)]
        growth = times[2] / max(times[1], 1e-9)
        peer = _seconds(_stdlib, page + run * (base * 10)) if name != "spans" else None
        rows.append(
            Row(
                benchmark=f"hostile HTML {name!r}: 1×/10×/100× of {base}",
                ours=" / ".join(f"{t * 1000:.0f} ms" for t in times) + f" (growth {growth:.1f})",
                peer="" if peer is None else f"html.parser alone at 10×: {peer * 1000:.0f} ms",
                ratio=None,
                target=f"growth ≤ {TARGET:.0f}",
                met=None if args.quick else growth <= TARGET,
            )
        )
    return rows


if __name__ == "__main__":
    print_rows(main())
