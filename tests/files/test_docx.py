"""DOCX files read back: the library's own rendering gives the report again, as far as a DOCX carries it."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govdisclosure import DisclosureReport, ReportFormat, StatutoryTables, load, statutory_body
from govdisclosure.parse import parse_docx
from govdisclosure.render import render
from tests.conftest import ROOT
from tests.files.helpers import carried
from tests.parse.flat import year_of
from tests.parse.helpers import check_provenance
from tests.parse.textual import text_reports
from tests.strategies_tables import any_tables, consistent_tables

EXAMPLES = ["dehua_2014", "statutory_2021"]


def _docx(report: DisclosureReport) -> bytes:
    data = render(report, "docx")
    assert isinstance(data, bytes)
    return data


@pytest.mark.parametrize("name", EXAMPLES)
def test_the_examples_read_back_from_their_docx(name: str) -> None:
    report = load(ROOT / "examples" / name / "report.json")
    result = parse_docx(_docx(report))
    assert result.report == carried(report)
    assert result.diagnostics == ()
    check_provenance(result)


@pytest.mark.parametrize("name", EXAMPLES)
def test_a_report_whose_header_the_docx_carries_comes_back_equal(name: str) -> None:
    report = carried(load(ROOT / "examples" / name / "report.json"))
    assert parse_docx(_docx(report)).report == report


def test_every_field_has_its_origin_in_the_file() -> None:
    report = load(ROOT / "examples" / "statutory_2021" / "report.json")
    result = parse_docx(_docx(report))
    cells = [p for p in result.provenance if p.startswith("$.tables.")]
    assert cells
    for path in cells:
        origin = result.origin_of(path)
        assert origin is not None, path
        assert (origin.kind, origin.page) == ("cell", None)
        assert None not in (origin.table, origin.row, origin.column)
    title = result.origin_of("$.body[0].heading")
    assert title is not None
    assert (title.kind, title.paragraph) == ("paragraph", 2)


@given(report=text_reports())
@settings(max_examples=15)
def test_generated_reports_read_back_from_their_docx(report: DisclosureReport) -> None:
    assert parse_docx(_docx(report)).report == carried(report)


@st.composite
def _tables(draw: st.DrawFn) -> StatutoryTables:
    version = draw(st.sampled_from([ReportFormat.V2019, ReportFormat.V2021]))
    found: StatutoryTables = draw(consistent_tables(version) | any_tables(version))
    return found


@given(_tables())
@settings(max_examples=10)
def test_generated_tables_read_back_from_their_docx(found: StatutoryTables) -> None:
    year = year_of(found.version)
    report = DisclosureReport(
        title=f"{year}年政府信息公开工作年度报告",
        year=year,
        format=found.version,
        body=statutory_body(),
        tables=found,
    )
    result = parse_docx(_docx(report))
    assert result.report == report
    assert result.diagnostics == ()
