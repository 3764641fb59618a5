"""DOCX files read back: the library's own rendering gives the report again, exactly (the header and the
one-line title from the file's custom properties)."""

from __future__ import annotations

import io

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govdisclosure import DisclosureReport, ReportFormat, StatutoryTables, load, statutory_body
from govdisclosure.parse import parse_docx
from govdisclosure.render import render
from tests.conftest import ROOT
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
    assert result.report == report
    # The renderer breaks a long title by meaning over two lines (GB/T 9704); the file's properties say
    # it is the title, so nothing is repaired.
    assert result.diagnostics == ()
    check_provenance(result)


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
    result = parse_docx(_docx(report))
    assert result.report == report
    assert "GP103" not in {d.code for d in result.diagnostics}  # the title is the report's own


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


def _with_part(docx: bytes, name: str, data: bytes) -> bytes:
    """The DOCX with its part ``name`` replaced by ``data``."""
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx)) as source, zipfile.ZipFile(out, "w") as target:
        for entry in source.infolist():
            target.writestr(entry, data if entry.filename == name else source.read(entry))
    return out.getvalue()


def _custom(*properties: tuple[str, str]) -> bytes:
    body = "".join(
        f'<property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="{n}" name="{name}">'
        f"<vt:lpwstr>{value}</vt:lpwstr></property>"
        for n, (name, value) in enumerate(properties, 2)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        f"{body}</Properties>"
    ).encode()


_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE Properties [<!ENTITY a "哈哈哈哈哈哈哈哈">'
    + "".join(f'<!ENTITY {chr(98 + k)} "{("&" + chr(97 + k) + ";") * 10}">' for k in range(8))
    + "]>"
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="govdisclosure.header.1">'
    "<vt:lpwstr>来源：&i;</vt:lpwstr></property></Properties>"
).encode()


@pytest.mark.parametrize(
    ("custom", "found"),
    [
        (
            _custom(("govdisclosure.header.1", "来源：某局"), ("Reviewer", "张三")),
            "unknown name 'Reviewer'",
        ),
        (_custom(("govdisclosure.header.1", "来源：" + "长" * 3000)), "over 2000 characters"),
        (_custom(("govdisclosure.header.1", "no label here")), "not a header line"),
        (b"<Properties><property", "not well-formed"),
        (b"<Properties>" + b" " * 300_000 + b"</Properties>", "over 262144 bytes"),
        (_LAUGHS, "custom.xml"),  # "not well-formed" (libxml2's amplification limit) or "has a DTD"
        (
            b'<!DOCTYPE Properties [<!ENTITY a "\xe5\x93\x88">]>'
            + _custom(("govdisclosure.header.1", "来源：&a;")).split(b"?>", 1)[1],
            "has a DTD",
        ),
    ],
)
def test_a_tampered_property_is_left_out_and_said(custom: bytes, found: str) -> None:
    report = load(ROOT / "examples" / "dehua_2014" / "report.json")
    result = parse_docx(_with_part(_docx(report), "docProps/custom.xml", custom))
    notes = [d for d in result.diagnostics if d.code == "GP813"]
    assert len(notes) == 1
    assert found in notes[0].message_en
    # the body is read all the same, and no property's text leaks in
    assert result.report.body == report.body
    assert "张三" not in result.text
    assert "哈哈" not in result.text
    if b"Reviewer" in custom:  # the good property is read
        assert result.report.header.source == "某局"


def test_a_clerks_custom_properties_are_not_read() -> None:
    import io

    import docx

    document = docx.Document()
    document.add_paragraph("2022年政府信息公开工作年度报告")
    out = io.BytesIO()
    document.save(out)
    # What WPS writes into every file it saves, and a header line that is not this file's
    custom = _custom(
        ("KSOProductBuildVer", "2052-11.1.0"), ("govdisclosure.header.1", "来源：某局")
    )
    result = parse_docx(_with_part(out.getvalue(), "docProps/custom.xml", custom))
    assert result.report.header.source is None
    assert "GP813" not in {d.code for d in result.diagnostics}


def test_invisible_characters_in_runs_are_removed_as_from_a_page() -> None:
    """Zero-width spaces, byte order marks and soft hyphens pasted into Word hide headings and labels from
    matching: removed, from paragraphs, the title and table cells alike, and said once (GP020)."""
    import io

    import docx

    document = docx.Document()
    title = document.add_paragraph("2022年政府信\u00ad息公开工作年度报告")
    title.alignment = 1  # centred
    document.add_paragraph("一、总\u200b体情况")
    paragraph = document.add_paragraph("\ufeff全年主动公开政府信息")
    paragraph.add_run("32\u200b6条。")
    table = document.add_table(rows=2, cols=2)
    for cell, text in zip(
        table._cells, ["项\u200b目", "数量", "主动公开", "32\u00ad6"], strict=True
    ):
        cell.text = text
    out = io.BytesIO()
    document.save(out)
    result = parse_docx(out.getvalue())
    assert result.report.title == "2022年政府信息公开工作年度报告"
    (section,) = result.report.body
    assert (section.label, section.heading) == ("一、", "总体情况")
    assert section.paragraphs[0] == "全年主动公开政府信息326条。"
    assert "主动公开 | 326 |" in result.text
    assert not {"\u200b", "\ufeff", "\u00ad"} & set(result.text)
    (note,) = [d for d in result.diagnostics if d.code == "GP020"]
    assert note.found == "U+00AD"  # the first, in the title
    assert "removed 6 " in note.message_en


def test_numbering_and_centring_are_inherited_through_based_on() -> None:
    """A clerk's styles: 章标题 based on a numbered 编号 style (chineseCounting ``%1、``), the title in a style
    based on a centred one; and two styles based on each other, which must not hang the reader."""
    import io

    import docx
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(
        0,
        parse_xml(
            f'<w:abstractNum {w} w:abstractNumId="91"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
            '<w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum>'
        ),
    )
    numbering.append(parse_xml(f'<w:num {w} w:numId="91"><w:abstractNumId w:val="91"/></w:num>'))
    styles = document.styles
    numbered = styles.add_style("编号", WD_STYLE_TYPE.PARAGRAPH)
    numbered.element.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {w}><w:ilvl w:val="0"/><w:numId w:val="91"/></w:numPr>')
    )
    chapter = styles.add_style("章标题", WD_STYLE_TYPE.PARAGRAPH)
    chapter.base_style = numbered
    centred = styles.add_style("居中", WD_STYLE_TYPE.PARAGRAPH)
    centred.paragraph_format.alignment = 1
    title = styles.add_style("大标题", WD_STYLE_TYPE.PARAGRAPH)
    title.base_style = centred
    loop_a = styles.add_style("甲", WD_STYLE_TYPE.PARAGRAPH)
    loop_b = styles.add_style("乙", WD_STYLE_TYPE.PARAGRAPH)
    loop_b.base_style = loop_a
    loop_a.element.append(parse_xml(f'<w:basedOn {w} w:val="{loop_b.style_id}"/>'))
    document.add_paragraph("某县人民政府办公室", style=title)
    document.add_paragraph("2022年政府信息公开工作年度报告", style=title)
    document.add_paragraph("总体情况", style=chapter)
    document.add_paragraph("全年主动公开政府信息326条。", style=loop_a)
    document.add_paragraph("存在的主要问题及改进情况", style=chapter)
    out = io.BytesIO()
    document.save(out)
    result = parse_docx(out.getvalue())
    assert result.report.title == "某县人民政府办公室2022年政府信息公开工作年度报告"
    assert [(s.label, s.heading) for s in result.report.body] == [
        ("一、", "总体情况"),
        ("二、", "存在的主要问题及改进情况"),
    ]
    assert result.report.body[0].paragraphs == ("全年主动公开政府信息326条。",)


def test_a_title_property_the_document_does_not_begin_with_is_left_out() -> None:
    # The title edited in Word, the property left as it was: the page's title wins.
    report = load(ROOT / "examples" / "dehua_2014" / "report.json")
    custom = _custom(
        ("govdisclosure.title", "另一个标题"), ("govdisclosure.header.1", "来源：某局")
    )
    result = parse_docx(_with_part(_docx(report), "docProps/custom.xml", custom))
    assert result.report.title == report.title
    assert result.report.header.source == "某局"
    (note,) = [d for d in result.diagnostics if d.code == "GP813"]
    assert "govdisclosure.title: not the title the document begins with" in note.message_en


@pytest.mark.parametrize("padding", ["\u3000", "\u2002", " \u2003 ", "\xa0"])
def test_a_box_padded_with_wide_spaces_is_blank_without_a_warning(padding: str) -> None:
    # a blank box as WPS and Word users fill it: spaces of any width (the 2021 blank form as WPS saves
    # it, tests/fixtures/real-files/forms/, pads with U+3000); en/em spaces were "not a figure" (GP506)
    document = docx.Document()
    document.add_paragraph("二、主动公开政府信息情况")
    rows = [
        ["第二十条第（一）项", "", "", ""],
        ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
        ["规章", padding, "5", "7"],
        ["行政规范性文件", "1", padding, "3"],
    ]
    table = document.add_table(rows=len(rows), cols=4)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    table.cell(0, 0).merge(table.cell(0, 3)).text = "第二十条第（一）项"
    out = io.BytesIO()
    document.save(out)
    result = parse_docx(out.getvalue())
    tables = result.report.tables
    assert tables is not None
    assert tables.t2.rows.regulations.values() == (None, 5, 7)
    assert tables.t2.rows.normative_documents.values() == (1, None, 3)
    assert "GP506" not in {d.code for d in result.diagnostics}
