"""Published reports as files (PDF; Word when one is found): the parser against the truth read by hand
off the pages drawn as images, every field and cell (``tests/fixtures/real-files/``)."""

from __future__ import annotations

import pytest

from tests.real.check import CORPUS, FILES, HOLDOUT, HOLDOUT2, Page, check_page, pages
from tests.real.test_truth import test_page_truth_is_well_formed as well_formed

pytest.importorskip("pdfplumber")


def test_the_files_are_all_in_the_truth_and_new() -> None:
    files = pages(FILES)
    assert {p.file for p in files} == {
        f.name for f in FILES.iterdir() if f.suffix in {".pdf", ".docx"}
    }
    others = [p for folder in (CORPUS, HOLDOUT, HOLDOUT2) if folder.is_dir() for p in pages(folder)]
    assert not {p.truth["source"]["url"] for p in others} & {
        p.truth["source"]["url"] for p in files
    }


@pytest.mark.parametrize("page", pages(FILES), ids=lambda p: p.name)
def test_file_truth_is_well_formed(page: Page) -> None:
    well_formed(page)


@pytest.mark.parametrize("page", pages(FILES), ids=lambda p: p.name)
def test_real_file(page: Page) -> None:
    result = check_page(page)
    assert not result.row_label_sections
    assert [(c.field, c.expected, c.got) for c in result.wrong()] == []
