"""The DOCX rendering, opened again with python-docx: GB/T 9704-2012 page, styles, fonts and reading order."""

from __future__ import annotations

import builtins
import datetime as dt
import io
import re
import zipfile
from typing import Any

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from hypothesis import assume, given, settings
from lxml.etree import fromstring as etree_fromstring

from govdisclosure import Attachment, DisclosureReport, ReportFormat, Section, Signature
from govdisclosure.render import MissingDependencyError, render, render_docx, render_text
from tests.strategies import reports

MM = Mm(1)


def _open(data: bytes) -> Any:
    return Document(io.BytesIO(data))


@pytest.fixture(scope="module")
def docx_of_example(example_report: DisclosureReport) -> Any:
    return _open(render_docx(example_report))


def _fonts(element: Any) -> dict[str, str]:
    rFonts = element.find(qn("w:rPr")).find(qn("w:rFonts"))
    return {k.split("}")[1]: v for k, v in rFonts.attrib.items()}


def test_page_is_a4_with_the_gbt_9704_margins(docx_of_example: Any) -> None:
    section = docx_of_example.sections[0]
    assert abs(section.page_width - Mm(210)) < MM / 10
    assert abs(section.page_height - Mm(297)) < MM / 10
    assert abs(section.top_margin - Mm(37)) < MM / 10
    assert abs(section.left_margin - Mm(28)) < MM / 10
    assert abs(section.right_margin - Mm(26)) < MM / 10
    assert abs(section.bottom_margin - Mm(35)) < MM / 10
    text_width = section.page_width - section.left_margin - section.right_margin
    text_height = section.page_height - section.top_margin - section.bottom_margin
    assert abs(text_width - Mm(156)) < MM / 10
    assert abs(text_height - Mm(225)) < MM / 10
    grid = section._sectPr.find(qn("w:docGrid"))
    assert grid.get(qn("w:linePitch")) == "579"  # 225 mm / 22 lines = 28.95 pt
    assert 22 * 579 <= text_height / 635 < 23 * 579  # 22 lines fit, not 23


def test_styles_fonts_and_sizes(docx_of_example: Any) -> None:
    styles = docx_of_example.styles
    expected = {
        "Normal": ("仿宋_GB2312", 16),
        "Title": ("方正小标宋简体", 22),
        "Heading 1": ("黑体", 16),
        "Heading 2": ("楷体_GB2312", 16),
        "Heading 3": ("仿宋_GB2312", 16),
        "Heading 4": ("仿宋_GB2312", 16),
        "Footer": ("宋体", 14),
    }
    for name, (font, size) in expected.items():
        style = styles[name]
        assert style.font.name == font, name
        assert style.font.size == Pt(size), name
        # Only （一） is bold: it keeps the level apart from the body where 楷体 is missing.
        assert bool(style.font.bold) is (name == "Heading 2"), name
        assert not style.font.italic, name
        assert style.font.color.rgb is None, name  # no theme colour left
        fonts = _fonts(style.element)
        assert fonts == {"ascii": font, "hAnsi": font, "eastAsia": font, "cs": font}, name
    for name in ("Normal", "Title", "Heading 1", "Heading 2"):
        pf = styles[name].paragraph_format
        assert pf.line_spacing == Pt(28.95)
        assert pf.line_spacing_rule == WD_LINE_SPACING.EXACTLY
    assert styles["Normal"].paragraph_format.first_line_indent == Pt(32)  # two characters of 3号
    assert styles["Heading 1"].paragraph_format.first_line_indent == Pt(32)
    assert styles["Title"].paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert styles["Title"].paragraph_format.first_line_indent == 0
    defaults = docx_of_example.styles.element.find(qn("w:docDefaults"))
    rPr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    assert rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "仿宋_GB2312"
    assert rPr.find(qn("w:lang")).get(qn("w:eastAsia")) == "zh-CN"
    # 28 characters of 3号, condensed by 0.25 pt, fit the 156 mm line; 29 do not.
    assert 28 * (16 - 0.25) <= 156 / 25.4 * 72 < 29 * (16 - 0.25)
    assert rPr.find(qn("w:spacing")).get(qn("w:val")) == "-5"


def test_paragraphs_follow_the_text_rendering(example_report: DisclosureReport) -> None:
    document = _open(render_docx(example_report))
    paragraphs = [p for p in document.paragraphs if p.text]
    text_blocks = (
        render_text(example_report).removesuffix("\n").split("\n\n")[1:]
    )  # no header block
    expected = [block.strip(" \u3000") for block in text_blocks]
    signature = [line.strip() for line in text_blocks[-1].splitlines()]
    # The title is one paragraph broken by meaning (a line break), one line in the text rendering.
    assert paragraphs[0].text == "2014年政府信息公开工作\n进展情况“成绩单”"
    assert [p.text.replace("\n", "") for p in paragraphs] == expected[:-1] + signature
    styles = [p.style.name for p in paragraphs]
    assert styles[0] == "Title"
    assert styles.count("Heading 1") == 2
    assert paragraphs[2].text == "一、主要作法及成效"
    assert styles[2] == "Heading 1"
    assert set(styles[1:]) == {"Normal", "Heading 1"}
    assert document.paragraphs[1].text == ""  # one empty line below the title
    # The lead phrases of the items bold, as in HTML; the rest of the line not.
    item = next(p for p in paragraphs if p.text.startswith("一是"))
    assert [(r.text, bool(r.bold)) for r in item.runs][:2] == [
        ("一是", False),
        ("提高思想认识", True),
    ]
    assert not item.runs[2].bold
    assert item.runs[2].text.startswith("。我局定期")
    # The title off the document grid, kept with what follows.
    title_pPr = document.styles["Title"].element.pPr
    assert title_pPr.find(qn("w:snapToGrid")).get(qn("w:val")) == "0"
    assert document.styles["Title"].paragraph_format.keep_with_next


def test_signature_right_indents(example_report: DisclosureReport) -> None:
    document = _open(render_docx(example_report))
    name, date = document.paragraphs[-2], document.paragraphs[-1]
    assert (name.text, date.text) == ("德化县科学技术局", "2014年12月4日")
    for p in (name, date):
        assert p.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.RIGHT
        assert p.paragraph_format.first_line_indent == 0
    # The date (6.5 characters) is longer than the authority (8) less two: it stands two characters from the
    # right and the authority starts two characters left of it (GB/T 9704-2012 7.3.5.2).
    assert date.paragraph_format.right_indent == Pt(32)
    assert name.paragraph_format.right_indent == Pt(40)
    assert document.paragraphs[-3].text == ""  # one line below the text


def test_attachments_come_before_the_signature_as_gbt_9704_places_them() -> None:
    report = DisclosureReport(
        title="报告",
        year=2014,
        format=ReportFormat.NARRATIVE,
        body=[Section(paragraphs=["正文。"])],
        signature=Signature(authority="某局", date=dt.date(2015, 1, 5)),
        attachments=[Attachment(name="统计表"), Attachment(name="说明")],
    )
    texts = [p.text for p in _open(render_docx(report)).paragraphs]
    assert texts == [
        "报告",
        "",
        "正文。",
        "",
        "附件：1.统计表",
        "2.说明",
        "",
        "某局",
        "2015年1月5日",
    ]
    first, second = _open(render_docx(report)).paragraphs[4:6]
    assert first.paragraph_format.left_indent == Pt(80)
    assert first.paragraph_format.first_line_indent == Pt(-48)  # 附件： two characters in
    assert second.paragraph_format.left_indent == Pt(80)  # the names one under the other


def test_page_numbers_odd_right_even_left(docx_of_example: Any) -> None:
    assert docx_of_example.settings.odd_and_even_pages_header_footer
    section = docx_of_example.sections[0]
    for footer, alignment in (
        (section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
        (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT),
    ):
        paragraph = footer.paragraphs[0]
        assert paragraph.text == "— 1 —"  # the PAGE field shows 1 until the application updates it
        assert paragraph.paragraph_format.alignment == alignment
        instructions = paragraph._p.findall(".//" + qn("w:instrText"))
        assert [i.text.strip() for i in instructions] == ["PAGE"]
        assert paragraph.style.name == "Footer"


def test_core_properties_and_deterministic_bytes(example_report: DisclosureReport) -> None:
    data = render_docx(example_report)
    assert data == render_docx(example_report)
    core = _open(data).core_properties
    assert core.title == example_report.title
    assert core.author == "德化县科学技术局"
    assert core.identifier == "qz11402-1000-2014-00002"
    assert core.created == dt.datetime(2014, 12, 4, tzinfo=dt.UTC)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert {info.date_time for info in package.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert package.testzip() is None


def test_render_dispatches_docx_to_bytes(example_report: DisclosureReport) -> None:
    assert render(example_report, "docx") == render_docx(example_report)


def test_without_python_docx_the_error_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, example_report: DisclosureReport
) -> None:
    real_import = builtins.__import__

    def no_docx(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "docx" or name.startswith("docx."):
            raise ImportError(f"No module named {name!r}")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_docx)
    with pytest.raises(MissingDependencyError, match=r"pip install 'govdisclosure\[docx\]'"):
        render(example_report, "docx")
    with pytest.raises(ImportError):
        render_docx(example_report)


_LINE_BREAK = re.compile("\r\n|[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_XML_UNSAFE = re.compile("[\x00-\x08\x0e-\x1f\ufffe\uffff]")


def _paragraph_count(report: DisclosureReport) -> int:
    count = 2  # the title and the empty line below it
    for ref in report.sections():
        node = ref.node
        if node.kind == "section":
            count += 1 + len(node.paragraphs)
        elif node.kind == "item":
            count += max(1, len(node.paragraphs))
        else:
            count += (node.heading is not None) + len(node.paragraphs)
    if report.attachments:
        count += 1 + len(report.attachments)
    sig = report.signature
    if sig is not None:
        shown = [sig.authority or None, sig.date or sig.date_text or None]
        if any(shown):
            count += 1 + sum(1 for s in shown if s)
    return count


def _has_empty_line(report: DisclosureReport) -> bool:
    for ref in report.sections():
        node = ref.node
        if any(not p.strip() for p in node.paragraphs) or (
            node.heading is not None and not node.heading
        ):
            return True
        if node.kind == "section" and not (node.label or node.heading):
            return True
    return False


@settings(max_examples=25)
@given(reports())
def test_any_report_makes_a_document_python_docx_reads(report: DisclosureReport) -> None:
    """Any text from data makes a valid package: line breaks become spaces, characters XML cannot carry
    become U+FFFD; every paragraph is there."""
    document = _open(render_docx(report))
    assert document.paragraphs[0].text.replace("\n", "") == _XML_UNSAFE.sub(
        "\ufffd", _LINE_BREAK.sub(" ", report.title)
    )
    # An empty paragraph keeps two adjacent statutory tables apart: an empty paragraph between two tables is
    # that spacer, unless the report itself has an empty line that could stand there (then the count cannot
    # tell them apart, and the example is skipped).
    body = [
        ("tbl", "") if child.tag == qn("w:tbl") else ("p", "".join(child.itertext()))
        for child in document.element.body
        if child.tag in (qn("w:tbl"), qn("w:p"))
    ]
    spacers = sum(
        1
        for n in range(len(body) - 2)
        if body[n][0] == body[n + 2][0] == "tbl" and body[n + 1] == ("p", "")
    )
    assume(not (spacers and _has_empty_line(report)))
    assert len(document.paragraphs) == _paragraph_count(report) + spacers
    assert len(document.tables) == (0 if report.tables is None else 3)


def test_a_signature_wider_than_the_line_does_not_overflow_the_indents() -> None:
    # Issue 18, item 10: a 30,000-character authority made a right indent beyond int32.
    report = DisclosureReport(
        title="t",
        year=2014,
        format=ReportFormat.NARRATIVE,
        signature=Signature(authority="局" * 30_000, date=dt.date(2014, 12, 4)),
    )
    assert render(report, "docx")[:2] == b"PK"


def test_the_font_table_names_the_gbt_fonts_other_names(example_report: DisclosureReport) -> None:
    """Each GB/T 9704 font the styles name has a font-table entry with the name today's Windows installs
    it under (w:altName: 楷体_GB2312 is 楷体) and its classification, for a reader without the old fonts."""
    with zipfile.ZipFile(io.BytesIO(render_docx(example_report))) as package:
        fonts = etree_fromstring(package.read("word/fontTable.xml"))
    entries = {font.get(qn("w:name")): font for font in fonts.findall(qn("w:font"))}
    expected = {"仿宋_GB2312": "仿宋", "楷体_GB2312": "楷体", "黑体": "SimHei", "宋体": "SimSun"}
    for name, alt in expected.items():
        font = entries[name]
        assert font.find(qn("w:altName")).get(qn("w:val")) == alt
        assert font.find(qn("w:charset")).get(qn("w:val")) == "86"  # GB2312
        assert re.fullmatch(r"[0-9A-F]{20}", font.find(qn("w:panose1")).get(qn("w:val")))
        # the schema's order of the children
        names = [child.tag.split("}")[1] for child in font]
        assert names == ["altName", "panose1", "charset", "family", "pitch"]
    assert "方正小标宋简体" in entries
