"""Published reports as files (PDF; Word when one is found): the parser against the truth read by hand
off the pages drawn as images, every field and cell (``tests/fixtures/real-files/``)."""

from __future__ import annotations

import attrs
import pytest

from govdisclosure import parse_docx
from govdisclosure.model import StatutoryTablesV2021
from tests.real.check import CORPUS, FILES, HOLDOUT, Page, check_page, pages, sections
from tests.real.test_truth import test_page_truth_is_well_formed as well_formed

pytest.importorskip("pdfplumber")


def test_the_files_are_all_in_the_truth_and_new() -> None:
    files = pages(FILES)
    assert {p.file for p in files} == {
        f.name for f in FILES.iterdir() if f.suffix in {".pdf", ".docx", ".html"}
    }
    others = [p for folder in (CORPUS, HOLDOUT) if folder.is_dir() for p in pages(folder)]
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


def test_a_blank_form_as_wps_saved_it_is_read_as_blank() -> None:
    """``forms/wps-2021-blank-form.docx``: the 2021 format's empty form, a WPS DOCX found in a public
    repository (see the README). Read off the pages drawn as images: the six headings, the three tables with
    every box empty, no year, no agency. Every cell must stay blank: no figure is invented or shifted."""
    result = parse_docx(FILES / "forms" / "wps-2021-blank-form.docx")
    report = result.report
    assert report.year is None
    assert report.header.publisher is None
    assert sections(report) == [
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项",
    ]
    tables = report.tables
    assert isinstance(tables, StatutoryTablesV2021)
    rows = [tables.t2.rows, tables.t3.rows, tables.t4]
    cells = [
        cell
        for table in rows
        for row in attrs.astuple(table, recurse=False)
        for cell in attrs.astuple(row)
    ]
    assert len(cells) == 10 + 25 * 7 + 15  # the boxes of tables 二, 三 and 四
    assert all(cell is None for cell in cells)
    assert not [d for d in result.diagnostics if d.severity.value == "error"]
