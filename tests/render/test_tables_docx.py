"""The statutory tables in DOCX, opened again with python-docx: the grid, merged cells and texts of the HTML
layout, the header rows repeated, the table style, and the place of each table in the body."""

from __future__ import annotations

import io
from typing import Any

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt, Twips
from hypothesis import given, settings

from govdisclosure import (
    DisclosureReport,
    ReportFormat,
    Section,
    StatutoryTables,
    StatutoryTablesV2019,
    StatutoryTablesV2021,
)
from govdisclosure.render import render_docx, render_html
from tests.render.golden import build
from tests.render.tables import HtmlTables, statutory_report
from tests.strategies_tables import any_tables

TEXT_WIDTH = Twips(11906 - 1587 - 1474)  # the page less the GB/T 9704 margins


def _open(data: bytes) -> Any:
    return Document(io.BytesIO(data))


@pytest.fixture(scope="module")
def example() -> DisclosureReport:
    return build("statutory_2021")


@pytest.fixture(scope="module")
def document(example: DisclosureReport) -> Any:
    return _open(render_docx(example))


def spans(table: Any) -> dict[int, tuple[int, int, int, int]]:
    """Each distinct cell (by its w:tc) with its first row, first column, rows and columns."""
    rows, columns = len(table.rows), len(table.columns)
    seen: dict[int, list[tuple[int, int]]] = {}
    cells = table._cells
    for r in range(rows):
        for c in range(columns):
            seen.setdefault(id(cells[r * columns + c]._tc), []).append((r, c))
    out = {}
    for key, places in seen.items():
        rs = [r for r, _ in places]
        cs = [c for _, c in places]
        assert len(places) == (max(rs) - min(rs) + 1) * (max(cs) - min(cs) + 1)
        out[key] = (min(rs), min(cs), max(rs) - min(rs) + 1, max(cs) - min(cs) + 1)
    return out


def check_docx_tables(data: bytes, report: DisclosureReport) -> None:
    """The DOCX tables have the grid of the HTML tables (itself checked against the model): the same size,
    the same merged cells, the same text at every place."""
    document = _open(data)
    html = HtmlTables(render_html(report)).tables
    assert len(document.tables) == len(html) == 3
    for table, reference in zip(document.tables, html, strict=True):
        rows, columns = len(table.rows), len(table.columns)
        assert (rows, columns) == (len(reference.grid), reference.width)
        cells = table._cells
        merged = spans(table)
        for r in range(rows):
            for c in range(columns):
                cell = cells[r * columns + c]
                ref = reference.grid[r][c]
                assert cell.text == ref.text, (r, c)
                top, left, height, width = merged[id(cell._tc)]
                assert (top, left) == reference.anchor(ref)
                assert (height, width) == (ref.rowspan, ref.colspan)
        head = sum(1 for row in reference.rows if row[0].section == "thead")
        for r, row in enumerate(table.rows):
            trPr = row._tr.trPr
            assert trPr.find(qn("w:cantSplit")) is not None
            assert (trPr.find(qn("w:tblHeader")) is not None) == (r < head)


def test_example_tables(example: DisclosureReport) -> None:
    check_docx_tables(render_docx(example), example)


@settings(max_examples=10, deadline=None)
@given(any_tables(ReportFormat.V2019) | any_tables(ReportFormat.V2021))
def test_any_tables(tables: StatutoryTables) -> None:
    report = statutory_report(tables)
    check_docx_tables(render_docx(report), report)


@pytest.mark.parametrize("version", [ReportFormat.V2019, ReportFormat.V2021], ids=str)
def test_spans_of_the_reference(version: ReportFormat) -> None:
    tables = StatutoryTablesV2019() if version is ReportFormat.V2019 else StatutoryTablesV2021()
    document = _open(render_docx(statutory_report(tables)))
    t2, t3, t4 = document.tables
    by_text = {}
    for table in (t3, t4):
        cells = table._cells
        for top, left, height, width in spans(table).values():
            text = cells[top * len(table.columns) + left].text
            by_text.setdefault(text, (height, width))
    results = 20 if version is ReportFormat.V2019 else 22
    assert by_text["三、本年度办理结果"] == (results, 1)
    assert by_text["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"] == (3, 3)
    assert by_text["申请人情况"] == (1, 7)
    assert by_text["法人或其他组织"] == (1, 5)
    assert by_text["（三）不予公开"] == (8, 1)
    assert by_text["行政复议"] == (1, 5)
    assert by_text["行政诉讼"] == (1, 10)
    assert by_text["未经复议直接起诉"] == by_text["复议后起诉"] == (1, 5)
    assert (len(t2.columns), len(t3.columns), len(t4.columns)) == (4, 10, 15)
    assert len(t3.rows) == 3 + (23 if version is ReportFormat.V2019 else 25)


def test_table_style_borders_and_widths(document: Any) -> None:
    style = document.styles["Table Text"]
    assert style.font.name == "仿宋_GB2312"
    assert style.font.size == Pt(12)  # 小四
    assert style.paragraph_format.first_line_indent == 0
    assert style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert style.element.pPr.find(qn("w:snapToGrid")).get(qn("w:val")) == "0"
    for table in document.tables:
        tblPr = table._tbl.tblPr
        borders = tblPr.find(qn("w:tblBorders"))
        sides = {child.tag.rsplit("}", 1)[1]: child.get(qn("w:val")) for child in borders}
        assert sides == dict.fromkeys(
            ("top", "left", "bottom", "right", "insideH", "insideV"), "single"
        )
        assert tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
        assert sum(column.width for column in table.columns) == TEXT_WIDTH
        for row in table.rows:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    assert paragraph.style.name == "Table Text"


def test_figures_centred_and_labels_left(document: Any) -> None:
    t3 = document.tables[1]
    row = t3.rows[3]  # 一、本年新收政府信息公开申请数量
    label, figure = row.cells[0].paragraphs[0], row.cells[3].paragraphs[0]
    assert label.text == "一、本年新收政府信息公开申请数量"
    assert label.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.LEFT
    assert figure.text == "76"
    assert figure.paragraph_format.alignment is None  # the style's: centred
    assert t3.rows[0].cells[3].paragraphs[0].paragraph_format.alignment is None  # a column header


def test_each_table_after_its_section_text(document: Any) -> None:
    body = document.element.body
    order = []
    for child in body:
        if child.tag == qn("w:tbl"):
            order.append("<table>")
        elif child.tag == qn("w:p"):
            text = "".join(t.text or "" for t in child.iter(qn("w:t")))
            if text[:2] in ("二、", "三、", "四、", "五、"):
                order.append(text[:2])
    assert order == ["二、", "<table>", "三、", "<table>", "四、", "<table>", "五、"]


def test_adjacent_tables_are_kept_apart() -> None:
    report = DisclosureReport(
        title="报告",
        year=2022,
        format=ReportFormat.V2021,
        body=[Section(paragraphs=["正文。"])],
        tables=StatutoryTablesV2021(),
    )
    body = _open(render_docx(report)).element.body
    kinds = [child.tag.rsplit("}", 1)[1] for child in body if child.tag != qn("w:sectPr")]
    assert kinds[-5:] == ["tbl", "p", "tbl", "p", "tbl"]


def test_narrative_report_has_no_table_nor_table_style() -> None:
    document = _open(render_docx(build("dehua_2014")))
    assert document.tables == []
    assert "Table Text" not in [s.name for s in document.styles]


def test_block_titles_bold_and_rows_kept_together(document: Any) -> None:
    t2, t3 = document.tables[0], document.tables[1]
    titles = [row.cells[0] for row in t2.rows if row.cells[0].text.startswith("第二十条")]
    assert len(titles) == 4
    for cell in titles:
        assert all(run.bold for run in cell.paragraphs[0].runs), cell.text
    # The other cells are not bold.
    assert not any(run.bold for run in t2.rows[1].cells[0].paragraphs[0].runs)
    # Every row but the last kept with the next (the table is not split where it fits on a page).
    for table in (t2, t3):
        keep = [
            all(
                p._p.pPr.find(qn("w:keepNext")) is not None for c in row.cells for p in c.paragraphs
            )
            for row in table.rows
        ]
        assert keep == [True] * (len(keep) - 1) + [False]
    # Table 三's text is 五号 (10.5 pt), to fit on one page.
    sizes = {
        run.font.size for row in t3.rows for c in row.cells for p in c.paragraphs for run in p.runs
    }
    assert sizes == {Pt(10.5)}
