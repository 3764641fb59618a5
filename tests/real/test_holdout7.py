"""The seventh held-out set (``tests/fixtures/holdout7/``): its truth is well formed, none of its pages
is a page of another set (same address or same title), and it spans the eras and levels. Its pages are
only scored (``benchmarks/score_real.py --corpus tests/fixtures/holdout7``), never tested field by
field."""

from __future__ import annotations

import pytest

from tests.real.check import CORPUS, HOLDOUT7, Page, flat, pages
from tests.real.test_truth import LEVELS
from tests.real.test_truth import test_page_truth_is_well_formed as well_formed


def _other_sets() -> tuple[Page, ...]:
    """Every other folder of pages with a truth (the development corpus, the earlier held-out sets,
    whichever of them still exist), so the check outlives a set being folded into development."""
    folders = sorted(
        d for d in CORPUS.parent.iterdir() if (d / "truth.json").is_file() and d != HOLDOUT7
    )
    return tuple(p for folder in folders for p in pages(folder))


def test_the_seventh_held_out_set_is_new_and_spread() -> None:
    seventh = pages(HOLDOUT7)
    assert len(seventh) >= 45
    assert {p.name for p in seventh} == {f.stem for f in HOLDOUT7.glob("*.txt")}
    assert len({p.truth["source"]["url"] for p in seventh}) == len(seventh)
    others = _other_sets()
    assert len(others) >= 100
    assert not {p.truth["source"]["url"] for p in others} & {
        p.truth["source"]["url"] for p in seventh
    }
    # titles compared as the score compares them (NFKC, no whitespace)
    titles = {flat(p.truth.get("title")) for p in others} - {""}
    assert not titles & {flat(p.truth.get("title")) for p in seventh}
    assert {p.truth["era"] for p in seventh if "era" in p.truth} == {"narrative", "2019", "2021"}
    assert {p.truth["level"] for p in seventh} == LEVELS
    # both recent years the 2021 format covers, and enough statutory tables read by hand
    assert {2024, 2025} <= {p.truth.get("year") for p in seventh}
    assert len([p for p in seventh if p.truth["cells"]]) >= 15
    assert sum(len(p.truth["cells"]) for p in seventh) >= 200


@pytest.mark.parametrize("page", pages(HOLDOUT7), ids=lambda p: p.name)
def test_seventh_held_out_truth_is_well_formed(page: Page) -> None:
    well_formed(page)
