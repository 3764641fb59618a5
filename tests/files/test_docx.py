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
    # The renderer breaks a long title by meaning over two lines (GB/T 9704): joined, and said (GP103).
    assert [d.code for d in result.diagnostics] in ([], ["GP103"])
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


def _numbered_docx() -> bytes:
    """Sections numbered by Word itself: 一、 (chineseCounting, %1、) and （一） at the level below, the
    lower level restarting under each upper one, as the official template's heading styles number them."""
    import io

    import docx
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(
        0,
        parse_xml(
            f'<w:abstractNum {w} w:abstractNumId="90">'
            '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
            '<w:lvlText w:val="%1、"/></w:lvl>'
            '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
            '<w:lvlText w:val="（%2）"/></w:lvl></w:abstractNum>'
        ),
    )
    numbering.append(parse_xml(f'<w:num {w} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    document.add_paragraph("2022年政府信息公开工作年度报告")

    def numbered(text: str, level: int) -> None:
        p = document.add_paragraph(text)
        p._p.get_or_add_pPr().insert(
            0,
            parse_xml(f'<w:numPr {w}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'),
        )

    numbered("总体情况", 0)
    numbered("主动公开", 1)
    document.add_paragraph("全年主动公开政府信息326条。")
    numbered("依申请公开", 1)
    numbered("存在的主要问题及改进情况", 0)
    numbered("存在的主要问题", 1)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_words_own_numbering_is_written_out() -> None:
    result = parse_docx(_numbered_docx())
    body = result.report.body
    assert [(s.label, s.heading) for s in body] == [
        ("一、", "总体情况"),
        ("二、", "存在的主要问题及改进情况"),
    ]
    assert [(c.label, c.heading) for c in body[0].children] == [
        ("（一）", "主动公开"),
        ("（二）", "依申请公开"),
    ]
    assert [(c.label, c.heading) for c in body[1].children] == [("（一）", "存在的主要问题")]
    assert body[0].children[0].paragraphs == ("全年主动公开政府信息326条。",)
    assert "GP811" in {d.code for d in result.diagnostics}
