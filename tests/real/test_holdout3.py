"""The third held-out set (``tests/fixtures/holdout3/``): its truth is well formed, none of its pages is
a page of another set (same address or same title), and it spans the eras and levels. Its pages are only
scored (``benchmarks/score_real.py --corpus tests/fixtures/holdout3``), never tested field by field."""

from __future__ import annotations

import pytest

from tests.real.check import CORPUS, HOLDOUT3, Page, pages
from tests.real.test_truth import LEVELS
from tests.real.test_truth import test_page_truth_is_well_formed as well_formed


def _other_sets() -> tuple[Page, ...]:
    """Every other folder of pages with a truth (the development corpus, the earlier held-out sets,
    whichever of them still exist), so the check outlives a set being folded into development."""
    folders = sorted(
        d for d in CORPUS.parent.iterdir() if (d / "truth.json").is_file() and d != HOLDOUT3
    )
    return tuple(p for folder in folders for p in pages(folder))


def test_the_third_held_out_set_is_new_and_spread() -> None:
    third = pages(HOLDOUT3)
    assert len(third) >= 30
    assert {p.name for p in third} == {f.stem for f in HOLDOUT3.glob("*.txt")}
    assert len({p.truth["source"]["url"] for p in third}) == len(third)
    others = _other_sets()
    assert len(others) >= 50
    assert not {p.truth["source"]["url"] for p in others} & {
        p.truth["source"]["url"] for p in third
    }
    titles = {p.truth.get("title") for p in others} - {None}
    assert not titles & {p.truth.get("title") for p in third}
    assert {p.truth["era"] for p in third if "era" in p.truth} == {"narrative", "2019", "2021"}
    assert {p.truth["level"] for p in third} == LEVELS
    # enough statutory tables read by hand for the cells' figure to say something
    assert len([p for p in third if p.truth["cells"]]) >= 10
    assert sum(len(p.truth["cells"]) for p in third) >= 80


@pytest.mark.parametrize("page", pages(HOLDOUT3), ids=lambda p: p.name)
def test_third_held_out_truth_is_well_formed(page: Page) -> None:
    well_formed(page)
