"""PDF files read back: the library's renderings printed to PDF by Chromium (from the full-page HTML) and
by LibreOffice (from the DOCX) give every paragraph's text and every table cell again.

The printers are needed (CI installs both); without them these tests skip.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from govdisclosure import DisclosureReport, load
from govdisclosure.parse import parse_pdf
from govdisclosure.render import render
from tests.conftest import ROOT
from tests.files.helpers import (
    chromium_pdf,
    needs_chromium,
    needs_soffice,
    soffice_pdf,
)
from tests.parse.helpers import check_provenance
from tests.parse.textual import text_reports

EXAMPLES = ["dehua_2014", "statutory_2021"]


def _same_text_and_cells(found: DisclosureReport, expected: DisclosureReport) -> None:
    assert found.title == expected.title
    assert found.body == expected.body
    assert found.tables == expected.tables
    assert found.signature == expected.signature
    assert found.attachments == expected.attachments


@needs_chromium
@pytest.mark.parametrize("name", EXAMPLES)
def test_the_examples_printed_by_chromium_read_back(name: str, tmp_path: Path) -> None:
    report = load(ROOT / "examples" / name / "report.json")
    result = parse_pdf(chromium_pdf(report, tmp_path))
    _same_text_and_cells(result.report, report)  # the header block is not printed
    # the browser's own header and footer (date, title, address, page x/y) are chrome; so are its radicals;
    # the header block is not printed, so the publisher is the agency the title names (GP115) or the
    # first sentence's subject (GP121: 2014年以来，县科技局根据…)
    assert {d.code for d in result.diagnostics} <= {"GP807", "GP808", "GP810", "GP115", "GP121"}
    check_provenance(result)


@needs_soffice
@pytest.mark.parametrize("name", EXAMPLES)
def test_the_examples_docx_printed_by_libreoffice_read_back(name: str, tmp_path: Path) -> None:
    report = load(ROOT / "examples" / name / "report.json")
    docx = render(report, "docx")
    assert isinstance(docx, bytes)
    result = parse_pdf(soffice_pdf(docx, tmp_path))
    _same_text_and_cells(result.report, report)
    assert {d.code for d in result.diagnostics} <= {
        "GP807",
        "GP808",
        "GP115",
        "GP121",
    }  # GP115, GP121: publisher from the title or the first sentence's subject
    check_provenance(result)


@needs_chromium
@given(report=text_reports())
@settings(
    max_examples=2,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_generated_reports_printed_by_chromium_read_back(
    report: DisclosureReport, tmp_path: Path
) -> None:
    result = parse_pdf(chromium_pdf(report, tmp_path))
    _same_text_and_cells(result.report, report)


@needs_soffice
@given(report=text_reports())
@settings(
    max_examples=2,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_generated_reports_printed_by_libreoffice_read_back(
    report: DisclosureReport, tmp_path: Path
) -> None:
    docx = render(report, "docx")
    assert isinstance(docx, bytes)
    result = parse_pdf(soffice_pdf(docx, tmp_path))
    _same_text_and_cells(result.report, report)
