"""Files made the way a clerk makes them (tests/files/make_fixtures.py), as DOCX and through LibreOffice as
PDF: the figures typed into the official tables come back, whatever the merges, page breaks and seals."""

from __future__ import annotations

import pytest

from govdisclosure import DisclosureReport, ReportFormat, load
from govdisclosure.parse import ParseResult, parse_docx, parse_pdf
from tests.conftest import ROOT
from tests.files.make_fixtures import V2019_TABLES

DATA = ROOT / "tests" / "files" / "data"
EXAMPLE = load(ROOT / "examples" / "statutory_2021" / "report.json")
READERS = [pytest.param(parse_docx, "docx", id="docx"), pytest.param(parse_pdf, "pdf", id="pdf")]


def _read(reader: object, suffix: str, name: str) -> ParseResult:
    result = reader(DATA / f"{name}.{suffix}")  # type: ignore[operator]
    assert isinstance(result, ParseResult)
    return result


def _codes(result: ParseResult) -> set[str]:
    return {d.code for d in result.diagnostics}


@pytest.mark.parametrize(("reader", "suffix"), READERS)
def test_the_2021_file_gives_the_figures_the_clerk_typed(reader: object, suffix: str) -> None:
    result = _read(reader, suffix, "clerk_2021")
    report: DisclosureReport = result.report
    # typed from the worked example's tables: table 三 cut over two pages by hand, merged headers
    assert report.tables == EXAMPLE.tables
    assert report.title == "清溪县自然资源局2022年政府信息公开工作年度报告"  # typed on two lines
    assert (report.year, report.format) == (2022, ReportFormat.V2021)
    assert report.signature is not None
    assert str(report.signature.date) == "2023-01-16"
    assert report.signature.authority == "清溪县自然资源局"  # not dropped as the page header's twin
    assert [s.heading for s in report.body][:2] == ["总体情况", "主动公开政府信息情况"]
    assert not any(d.severity.value == "error" for d in result.diagnostics)
    assert not _codes(result) & {"GP501", "GP502", "GP503", "GP505", "GP509", "GP510", "GP511"}


@pytest.mark.parametrize(("reader", "suffix"), READERS)
def test_the_2019_file_gives_its_figures_and_its_blanks(reader: object, suffix: str) -> None:
    result = _read(reader, suffix, "clerk_2019")
    assert result.report.tables == V2019_TABLES  # blank cells stay blank, not 0
    assert result.report.format is ReportFormat.V2019
    assert not _codes(result) & {"GP501", "GP502", "GP503", "GP505", "GP509", "GP510", "GP511"}


@pytest.mark.parametrize(("reader", "suffix"), READERS)
def test_the_narrative_file_reads_like_the_seed(reader: object, suffix: str) -> None:
    result = _read(reader, suffix, "clerk_2014")
    report = result.report
    assert report.title == "2014年政府信息公开工作进展情况“成绩单”"
    assert report.year == 2014
    power = report.section("s1.i1").power
    assert power is not None
    assert power.matters.value == 51
    assert [q.value for q in power.categories] == [2, 4, 35]
    plan = report.body[1]
    # Word numbered these itself (List Number): the labels are written out
    assert [(c.label, c.heading) for c in plan.children] == [
        ("1.", "加强宣传政务信息公开工作"),
        ("2.", "健全信息公开工作机制"),
    ]


def test_the_seal_and_the_numbering_are_reported_in_the_docx() -> None:
    result = parse_docx(DATA / "clerk_2014.docx")
    assert {"GP809", "GP811"} <= _codes(result)
    assert "德化县科学技术局" not in result.report.title  # the page header is another part


def test_page_headers_and_numbers_are_dropped_from_the_pdf() -> None:
    result = parse_pdf(DATA / "clerk_2021.pdf")
    assert "GP807" in _codes(result)
    assert "— 1 —" not in result.text
    assert "GP808" in _codes(result)  # table 三's second part joined to its first
    origin = result.origin_of("$.tables.t3.rows.total_handled.total")
    assert origin is not None
    assert origin.kind == "cell"
    assert origin.page is not None
    assert origin.page >= 2
