"""The truth file itself: every page has its fields, every cell names a row and column of the format,
every file is there (a typo in the truth must fail here, not pass as a parser fault)."""

from __future__ import annotations

import pytest

from govdisclosure.model import Table2V2019, Table2V2021, Table3V2019, Table3V2021, Table4
from tests.real.check import (
    CATALOGUE_FIELDS,
    CORPUS,
    HOLDOUT,
    OPTIONAL_FIELDS,
    Page,
    pages,
)

LEVELS = {
    "township",
    "county-department",
    "county",
    "city-department",
    "city",
    "province-department",
    "province",
    "ministry",
}
KEYS = {
    "file",
    "source",
    "level",
    "era",
    "year",
    "title",
    "publisher",
    "catalogue",
    "headings",
    "cells",
    "faults",
}


def _labels(era: str, table: str) -> dict[str, set[str]]:
    """Row label → its column labels, for one table of one format."""
    if table == "t4":
        return {g.label: {c.label for c in g.columns} for g in Table4.GROUPS}
    if table == "t2":
        t2 = Table2V2019 if era == "2019" else Table2V2021
        return {r.label: {c.label for c in b.columns} for b in t2.BLOCKS for r in b.rows}
    t3 = Table3V2019 if era == "2019" else Table3V2021
    columns = {c.label for c in t3.COLUMNS}
    return {r.label: columns for r in t3.ROWS if r.kind.value == "data"}


def test_the_corpus_has_its_spread() -> None:
    all_pages = pages()
    assert len(all_pages) >= 40
    assert {p.truth["era"] for p in all_pages if "era" in p.truth} == {"narrative", "2019", "2021"}
    assert {p.truth["level"] for p in all_pages} == LEVELS
    assert len({p.file for p in all_pages}) == len(all_pages)
    assert len({p.truth["source"]["url"] for p in all_pages}) == len(all_pages)
    files = [*CORPUS.glob("*.txt"), *CORPUS.glob("*.html")]
    assert {p.name for p in all_pages} == {f.stem for f in files}


def test_the_held_out_pages_are_none_of_the_development_pages() -> None:
    held_out = pages(HOLDOUT)
    assert {p.name for p in held_out} == {f.stem for f in HOLDOUT.glob("*.txt")}
    urls = {p.truth["source"]["url"] for p in pages()}
    assert not urls & {p.truth["source"]["url"] for p in held_out}


@pytest.mark.parametrize("page", pages() + pages(HOLDOUT), ids=lambda p: p.name)
def test_page_truth_is_well_formed(page: Page) -> None:
    truth = page.truth
    # a page may leave out a field it is ambiguous about, saying why in its notes
    optional = set(OPTIONAL_FIELDS)
    left_out = (KEYS & optional) - set(truth)
    assert set(truth) >= KEYS - optional, KEYS - optional - set(truth)
    for name in left_out:
        assert any(note.startswith(f"{name} left out") for note in truth.get("notes", ())), name
    if truth["cells"]:
        assert "era" in truth, "cells are read against the era's tables"
    assert (page.folder / page.file).is_file()
    assert truth["source"]["url"].startswith("http")
    assert isinstance(truth["source"]["cut"], bool)
    assert truth["level"] in LEVELS
    assert truth.get("era", "narrative") in {"narrative", "2019", "2021"}
    year = truth.get("year")
    assert year is None or 2008 <= year <= 2025
    if year is not None and truth.get("era", "narrative") != "narrative":
        assert year >= 2019, "a statutory format before 2019"
    assert set(truth["catalogue"]) <= set(CATALOGUE_FIELDS)
    assert set(truth.get("catalogue_empty", ())) <= set(CATALOGUE_FIELDS)
    assert truth["faults"], "every page of the corpus has something a reader notes"
    for table, row, column, printed, value in truth["cells"]:
        assert truth["era"] != "narrative"
        known = _labels(truth["era"], table)
        assert row in known, (table, row)
        assert column in known[row], (table, row, column)
        assert isinstance(printed, str)
        assert value is None or isinstance(value, (int, str))
    if truth.get("era", "narrative") != "narrative" and truth["cells"]:
        assert len(truth["cells"]) >= 5
