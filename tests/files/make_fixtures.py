"""Write the DOCX and PDF files the file tests read (``python tests/files/make_fixtures.py``).

The DOCX files are made the way a clerk makes them in Word, with python-docx's own API (not the library's
renderer): the official tables typed into a grid and merged with ``Cell.merge``, section numbers typed by
hand, a table that the clerk split over two pages (the second part repeating the header rows), a seal as
a picture beside the signature, a page header and a page-number footer, and a list Word numbers itself.
Each is converted to PDF by LibreOffice. The hostile files: a PDF whose fonts lost their ToUnicode map
(``(cid:N)``), a scan (one image, no text), an encrypted PDF (LibreOffice's export with a password).

Needs python-docx, Pillow, pypdfium2 and LibreOffice (``soffice``). The outputs are committed (a few KB
each), so the tests need none of these.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.shared import Mm, Pt
from PIL import Image, ImageDraw

from govdisclosure import StatutoryTables, load
from govdisclosure.render._grid import table_grid

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
ROOT = HERE.parent.parent
EXAMPLE = ROOT / "examples" / "statutory_2021" / "report.json"
SEED = ROOT / "examples" / "dehua_2014" / "report.json"


def seal_png() -> bytes:
    """A red round seal (a ring and a star), as clerks paste a scanned one."""
    image = Image.new("RGBA", (160, 160), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((6, 6, 154, 154), outline=(210, 20, 20, 255), width=8)
    draw.polygon(
        [
            (80, 40),
            (92, 72),
            (126, 72),
            (98, 92),
            (108, 124),
            (80, 104),
            (52, 124),
            (62, 92),
            (34, 72),
            (68, 72),
        ],
        fill=(210, 20, 20, 255),
    )
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def page_setup(document: Any) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    style = document.styles["Normal"]
    style.font.size = Pt(16)
    style.font.name = "仿宋_GB2312"
    style.element.rPr.rFonts.set(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia", "仿宋_GB2312"
    )


def chrome(document: Any, header_text: str) -> None:
    """A page header with the agency's name and a footer with a typed page number, as templates have."""
    section = document.sections[0]
    section.header.paragraphs[0].text = header_text
    section.header.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("— ")
    run = footer.add_run()
    for kind, text in (
        ("begin", None),
        (None, " PAGE "),
        ("separate", None),
        (None, None),
        ("end", None),
    ):
        if kind is not None:
            element = docx.oxml.OxmlElement("w:fldChar")
            element.set(docx.oxml.ns.qn("w:fldCharType"), kind)
            run._r.append(element)
        elif text is not None:
            element = docx.oxml.OxmlElement("w:instrText")
            element.text = text
            run._r.append(element)
        else:
            footer.add_run("1")
            run = footer.add_run()
    footer.add_run(" —")


def title(document: Any, *lines: str) -> None:
    """The title typed over lines of its own, centred and large (a clerk breaks it by hand)."""
    for line in lines:
        p = document.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = p.add_run(line)
        run.font.size = Pt(22)
    document.add_paragraph()


def body(document: Any, text: str) -> None:
    """A paragraph indented by two ideographic spaces typed at its start, as clerks indent."""
    document.add_paragraph("\u3000\u3000" + text)


def signature(document: Any, authority: str, date: str, seal: bytes) -> None:
    document.add_paragraph()
    p = document.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    p.add_run(authority + "\u3000\u3000")
    p.add_run().add_picture(io.BytesIO(seal), width=Mm(40))
    p = document.add_paragraph(date + "\u3000\u3000")
    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def grid_table(document: Any, cells: Sequence[Any], rows: int, columns: int) -> None:
    """An official table typed into a grid, merged cells merged with python-docx's Cell.merge."""
    table = document.add_table(rows=rows, cols=columns)
    table.style = "Table Grid"
    for cell in cells:
        target = table.cell(cell.row, cell.col)
        if cell.rowspan > 1 or cell.colspan > 1:
            target = target.merge(
                table.cell(cell.row + cell.rowspan - 1, cell.col + cell.colspan - 1)
            )
        target.text = cell.text
        for p in target.paragraphs:
            for run in p.runs:
                run.font.size = Pt(10.5)


def official(
    document: Any, tables: StatutoryTables, key: str, split_after: int | None = None
) -> None:
    grid = table_grid(tables, key)
    cells = grid.cells()
    if split_after is None:
        grid_table(document, cells, grid.rows, grid.columns)
        return
    # The clerk split the table over two pages: the rows after ``split_after`` go into a second table
    # after a page break, under a copy of the header rows; a merged cell across the cut is cut in two.
    head = grid.head_rows
    first = [_clip(c, 0, split_after) for c in cells if c.row < split_after]
    second = [c for c in cells if c.row < head] + [
        _clip(c, split_after, grid.rows, shift=split_after - head)
        for c in cells
        if c.row + c.rowspan > split_after and c.row >= head
    ]
    grid_table(document, first, split_after, grid.columns)
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    grid_table(document, second, head + grid.rows - split_after, grid.columns)


def _clip(cell: Any, start: int, end: int, shift: int = 0) -> Any:
    top = max(cell.row, start)
    bottom = min(cell.row + cell.rowspan, end)
    text = cell.text if cell.row >= start else ""
    return cell._replace(row=top - shift, rowspan=bottom - top, text=text)


def statutory_docx(seal: bytes) -> bytes:
    """A 2021-format report: typed numbering, the three tables, table 三 split over two pages, a seal."""
    report = load(EXAMPLE)
    assert report.tables is not None
    document = docx.Document()
    page_setup(document)
    chrome(document, "清溪县自然资源局")
    title(document, "清溪县自然资源局", "2022年政府信息公开工作年度报告")
    body(document, "一、总体情况")
    body(
        document,
        "2022年，清溪县自然资源局认真落实《中华人民共和国政府信息公开条例》，全年主动公开政府信息326条。",
    )
    body(document, "二、主动公开政府信息情况")
    official(document, report.tables, "t2")
    body(document, "三、收到和处理政府信息公开申请情况")
    official(document, report.tables, "t3", split_after=14)
    body(document, "四、政府信息公开行政复议、行政诉讼情况")
    official(document, report.tables, "t4")
    body(document, "五、存在的主要问题及改进情况")
    body(document, "政策解读形式较为单一。")
    body(document, "六、其他需要报告的事项")
    body(document, "本年度无其他需要报告的事项。")
    signature(document, "清溪县自然资源局", "2023年1月16日", seal)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def narrative_docx(seal: bytes) -> bytes:
    """A 2014 report as the seed's agency would type it, with a list Word numbers itself (List Number)."""
    document = docx.Document()
    page_setup(document)
    chrome(document, "德化县科学技术局")
    title(document, "2014年政府信息公开工作", "进展情况“成绩单”")
    body(document, "一、主要作法及成效")
    body(
        document,
        "一是推进权力公开。我局共清理出相关的规章制度20部(份)，涉及行政权利事项51项，"
        "其中行政执法权2项，重大事项决策权4项，内部管理权35项。",
    )
    body(document, "二是突出公开重点。截至11月，累计公开政府信息30条，历年累计发布163条。")
    body(document, "二、2015年工作计划")
    for item in ("加强宣传政务信息公开工作。", "健全信息公开工作机制。"):
        document.add_paragraph(item, style="List Number")
    signature(document, "德化县科学技术局", "2014年12月4日", seal)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def v2019_docx(seal: bytes) -> bytes:
    """A 2019-format report whose tables the clerk filled by hand (blank cells left blank)."""
    tables = V2019_TABLES
    document = docx.Document()
    page_setup(document)
    chrome(document, "某县人民政府办公室")
    title(document, "某县人民政府办公室2019年政府信息公开工作年度报告")
    body(document, "一、总体情况")
    body(document, "2019年，本办全年新收政府信息公开申请12件。")
    body(document, "二、主动公开政府信息情况")
    official(document, tables, "t2")
    body(document, "三、收到和处理政府信息公开申请情况")
    official(document, tables, "t3")
    body(document, "四、政府信息公开行政复议、行政诉讼情况")
    official(document, tables, "t4")
    signature(document, "某县人民政府办公室", "2020年1月20日", seal)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _v2019_tables() -> StatutoryTables:
    from govdisclosure import StatutoryTablesV2019, Table3V2019

    t3 = Table3V2019.from_rows(
        {
            "一、本年新收政府信息公开申请数量": [12, 0, 0, 0, 0, 0, 12],
            "（一）予以公开": [7, None, None, None, None, None, 7],
            "（七）总计": [12, 0, 0, 0, 0, 0, 12],
        }
    )
    return StatutoryTablesV2019(t3=t3)


V2019_TABLES = _v2019_tables()
"""The figures the clerk typed into the 2019-format file (the tests check them)."""


def to_pdf(docx_path: Path, options: str = "pdf") -> Path:
    soffice = shutil.which("soffice")
    assert soffice is not None, "needs LibreOffice"
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation={Path(profile).as_uri()}",
                "--headless",
                "--convert-to",
                options,
                "--outdir",
                str(docx_path.parent),
                str(docx_path),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
    return docx_path.with_suffix(".pdf")


def main() -> None:
    DATA.mkdir(exist_ok=True)
    seal = seal_png()
    for name, make in (
        ("clerk_2021", statutory_docx),
        ("clerk_2014", narrative_docx),
        ("clerk_2019", v2019_docx),
    ):
        path = DATA / f"{name}.docx"
        path.write_bytes(make(seal))
        to_pdf(path)
    # Hostile PDFs from a small one.
    small = DATA / "small.docx"
    document = docx.Document()
    document.add_paragraph("2022年政府信息公开工作年度报告")
    document.add_paragraph("\u3000\u3000全年主动公开政府信息326条。")
    document.save(small)
    plain = to_pdf(small)
    data = plain.read_bytes()
    # The fonts' ToUnicode maps renamed away (same length, so the cross-reference offsets stay right).
    (DATA / "cid.pdf").write_bytes(data.replace(b"/ToUnicode", b"/ToUnicodX"))
    import pypdfium2

    page = pypdfium2.PdfDocument(str(plain))[0]
    page.render(scale=0.5).to_pil().convert("L").save(DATA / "scan.pdf", "PDF", resolution=36)
    encrypted = to_pdf(
        small,
        'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},'
        '"DocumentOpenPassword":{"type":"string","value":"secret"}}',
    )
    encrypted.rename(DATA / "encrypted.pdf")
    plain.unlink(missing_ok=True)
    small.unlink()


if __name__ == "__main__":
    main()
