"""Score the parser on the corpus of real published pages (tests/fixtures/real/).

Runs ``govdisclosure.parse_text`` (``parse_html`` for .html pages) on every page of the corpus, and on
each statutory page's tables re-laid by ``tests/real/flatten.py`` as ``|`` rows, tab rows and one cell
a line, and compares the result with the truth read off the pages by hand
(``tests/fixtures/real/truth.json``). Prints a score table, then what was wrong on each page. Exits 0
whatever the score (a missed target is a figure to report, not a failure); ``--json`` prints the same
figures as JSON.

    python benchmarks/score_real.py            # the table and the per-page faults
    python benchmarks/score_real.py --json     # machine output
    python benchmarks/score_real.py --page erlang-zhen-2019   # one page (name or file)
    python benchmarks/score_real.py --corpus tests/fixtures/holdout   # the held-out pages
    python benchmarks/score_real.py --corpus tests/fixtures/holdout7  # the seventh held-out set
    python benchmarks/score_real.py --corpus tests/fixtures/real-files  # published PDFs, as stored

The held-out pages (tests/fixtures/holdout/) are pages no parser change was tuned on: their score is the honest one. Files (PDF, DOCX) are scored as
published only: there is no text to re-lay. A truth may leave out a field the page is ambiguous about
(said in the page's notes); that field is not scored. Never tune on them; fold them into the development
corpus only after a release's score is taken, and collect new ones.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # tests.real; govdisclosure as installed (or PYTHONPATH)

from tests.real.check import ALL_LAYOUTS, PageResult, check_page, pages  # noqa: E402

TARGETS = {
    "year": 95.0,
    "title": 95.0,
    "format": 95.0,
    "catalogue": 100.0,
    "cells": 98.0,
    "row_label_sections": 0,
}


def _pct(right: int, total: int) -> float | None:
    return round(100.0 * right / total, 1) if total else None


def score(results: list[PageResult]) -> dict[str, Any]:
    fields: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    cells: dict[str, list[int]] = {layout: [0, 0] for layout in ALL_LAYOUTS}
    for result in results:
        for check in result.checks:
            if check.field.startswith("cell "):
                tally = cells[check.layout]
            elif check.field.startswith("catalogue."):
                tally = fields["catalogue"]
            else:
                tally = fields[check.field]
            tally[0] += check.right
            tally[1] += 1
    row_label_pages = [r.page.name for r in results if r.row_label_sections]
    return {
        "pages": len(results),
        "fields": {
            name: {"right": r, "total": t, "percent": _pct(r, t)}
            for name, (r, t) in fields.items()
            if name != "no_row_label_sections"
        },
        "cells": {
            layout: {"right": r, "total": t, "percent": _pct(r, t)}
            for layout, (r, t) in cells.items()
        },
        "pages_with_row_labels_as_sections": row_label_pages,
        "targets": TARGETS,
        "wrong": {
            r.page.name: [
                {
                    "field": c.field,
                    "layout": c.layout,
                    "expected": c.expected,
                    "got": c.got
                    if isinstance(c.got, (str, int, list, type(None)))
                    else repr(c.got),
                }
                for c in r.wrong()
            ]
            for r in results
            if r.wrong()
        },
    }


def _row(name: str, entry: dict[str, Any], target: str) -> str:
    pct = "—" if entry["percent"] is None else f"{entry['percent']:5.1f} %"
    return f"{name:<28}{entry['right']:>6} / {entry['total']:<6}{pct:>9}   {target}"


def show(figures: dict[str, Any]) -> str:
    lines = [f"Real published pages: {figures['pages']} ({figures['truth']})", ""]
    lines.append(f"{'field':<28}{'right / checked':>15}{'':>4}{'score':>6}   target")
    order = ["year", "title", "publisher", "format", "catalogue", "headings"]
    for name in order:
        if name in figures["fields"]:
            target = f"≥ {TARGETS[name]:.0f} %" if name in TARGETS else ""
            lines.append(_row(name, figures["fields"][name], target))
    for layout, entry in figures["cells"].items():
        lines.append(_row(f"table cells, {layout}", entry, f"≥ {TARGETS['cells']:.0f} %"))
    bad = figures["pages_with_row_labels_as_sections"]
    lines.append(f"{'pages: row labels as sections':<28}{len(bad):>6}{'':>20}   0")
    lines.append("")
    lines.append("What was wrong, page by page (expected ← got):")
    for page, wrong in figures["wrong"].items():
        lines.append(f"  {page}")
        seen_layout_cells: dict[str, int] = defaultdict(int)
        for w in wrong:
            if w["field"].startswith("cell ") and w["layout"] != "stored":
                seen_layout_cells[w["layout"]] += 1
                continue
            got = w["got"]
            if isinstance(got, str) and len(got) > 60:
                got = got[:57] + "…"
            lines.append(f"    {w['field']}: {w['expected']!r} ← {got!r}")
        for layout, n in seen_layout_cells.items():
            lines.append(f"    cells wrong when re-laid as {layout}: {n}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--page", action="append", help="only this page (file or name); repeatable")
    parser.add_argument(
        "--corpus",
        type=Path,
        default=None,
        help="a folder of pages with its truth.json (default: tests/fixtures/real)",
    )
    args = parser.parse_args(argv)
    corpus = pages() if args.corpus is None else pages(args.corpus.resolve())
    chosen = [p for p in corpus if not args.page or p.file in args.page or p.name in args.page]
    results = [check_page(p) for p in chosen]
    figures = score(results)
    folder = chosen[0].folder if chosen else ROOT
    figures["truth"] = str((folder / "truth.json").relative_to(ROOT))
    out = (
        json.dumps(figures, ensure_ascii=False, indent=2, default=str)
        if args.json
        else show(figures)
    )
    try:
        print(out)
    except BrokenPipeError:  # piped into head: the reader has what it wanted
        sys.stderr.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
