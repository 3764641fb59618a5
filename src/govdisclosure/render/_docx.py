"""The DOCX rendering in the GB/T 9704-2012 layout (党政机关公文格式), through python-docx (extra ``docx``).

- Page: A4 (210 × 297 mm); margins top 37 mm, left (binding) 28 mm, right 26 mm, bottom 35 mm, so the text
  block is 156 × 225 mm; a document grid of 22 lines × 28 characters (line pitch 28.95 pt, the characters of
  3号 drawn 15.79 pt apart).
- Title (style ``Title``): 2号 (22 pt) 方正小标宋简体, centred, then one empty line.
- Body (style ``Normal``): 3号 (16 pt) 仿宋_GB2312, justified, first line indented two characters, exact line
  spacing of the grid. Numbered sections on their own line in ``Heading 1``–``Heading 4`` by structure level
  (so Word's navigation pane shows them): 一、 黑体, （一） 楷体_GB2312 in bold (so that it stays apart from the
  body where 楷体 is missing), 1. and （1） 仿宋_GB2312, all 3号 and the others not bold, indented like the text.
  The font table gives each of these fonts its other name and classification (仿宋_GB2312 is 仿宋 on today's
  Windows, 楷体_GB2312 楷体: :mod:`govdisclosure.render._docx_fonts`). Items (一是…) are paragraphs as in
  the text rendering.
- The statutory tables (二 in section 二, 三 in 三, 四 in 四, after the section's own paragraphs) as in the
  HTML rendering: the official layout with its merged cells (``w:gridSpan``, ``w:vMerge``), the header rows of
  tables 三 and 四 repeated on each page (``w:tblHeader``), no row split across pages; ruled with ½ pt lines,
  the full text width, fixed column widths (the figure columns share 60 % in table 二, 42 % in table
  三), every row kept with the next, so that a table that fits on a page is not split: a block title of
  table 二 never ends a page, and no merged group (三、本年度办理结果) goes on over a page with its label left
  behind. Table 三 is set in 五号 (10.5 pt) without padding above and below its text so that it fits on one
  page (its rows and labels are the format's, whatever the report). Their text is in the paragraph style
  ``Table Text``: 小四 (12 pt) 仿宋_GB2312 — the customary size for tables in a 公文, which GB/T 9704 does not
  fix; 3号 would not fit the fifteen columns of table 四 —, single line spacing off the document grid,
  figures, column headers and the computed-sum and heading cells centred, row labels and titles left-aligned,
  every cell centred vertically. Two tables in a row are kept apart by an empty paragraph.
- Attachments as GB/T 9704 places 附件说明: one line below the text, two characters in, ``附件：1.name`` and the
  next names under the first (so, unlike the text and HTML renderings, they come before the signature).
- Signature without a seal (7.3.5.2): one line below, the authority two characters from the right, the date
  on the next line starting two characters right of the authority (a longer date stands two characters from
  the right and the authority moves left), both placed by right indents computed from the display width.
- Page numbers in the footer: 4号 (14 pt) 宋体, ``— 1 —``, odd pages on the right and even pages on the left,
  one character in.
- Fonts are named, not embedded; East Asian names are set on ``w:rFonts/@w:eastAsia`` as well as for Latin
  text, and theme fonts are removed so that they cannot win.
- The header metadata (索引号 …) is no part of a 公文's body: it goes into the file's properties, not the
  page. The core properties get what Word shows of it (title, subject, author, identifier), and the custom
  properties (``docProps/custom.xml``) all of it, for :func:`govdisclosure.parse_docx` to read back:
  ``govdisclosure.title``, the title on one line (the page breaks it over two), and
  ``govdisclosure.header.1`` …, each a line of the text rendering's header block (``索引号：…``, in its
  order).
- The output is deterministic: the core properties' times come from the report (公文生成日期, else the
  signature date, else 1980-01-01) and the ZIP entries carry a fixed timestamp.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from typing import TYPE_CHECKING, Any, Final

from govdisclosure.model import ATTACHMENT_LABEL, DisclosureReport, RowKind
from govdisclosure.render._common import (
    DateStyle,
    MissingDependencyError,
    attachment_names,
    body_lines,
    check_date_style,
    check_report,
    fixed_zip,
    header_entries,
    one_line,
    outline,
    signature_indents,
    signature_lines,
    title_lines,
)
from govdisclosure.render._docx_fonts import add_font_entries
from govdisclosure.render._grid import Grid, place_tables, table_grid

if TYPE_CHECKING:
    from docx.document import Document
    from docx.styles.style import ParagraphStyle
    from docx.text.paragraph import Paragraph

FANGSONG: Final = "仿宋_GB2312"
XIAOBIAOSONG: Final = "方正小标宋简体"
HEITI: Final = "黑体"
KAITI: Final = "楷体_GB2312"
SONGTI: Final = "宋体"
HEADING_FONTS: Final = {1: HEITI, 2: KAITI, 3: FANGSONG, 4: FANGSONG}
"""The font of each structure level (GB/T 9704-2012 7.3.3)."""

BODY_PT: Final = 16  # 3号
TITLE_PT: Final = 22  # 2号
PAGE_NUMBER_PT: Final = 14  # 4号
TABLE_PT: Final = 12  # 小4
TABLE_STYLE: Final = "Table Text"
TABLE_STYLE_ID: Final = "TableText"

# Twips (1/20 pt). 210 × 297 mm and the margins 37/35/28/26 mm, rounded as Word writes them.
PAGE_WIDTH: Final = 11906
PAGE_HEIGHT: Final = 16838
MARGIN_TOP: Final = 2098
MARGIN_BOTTOM: Final = 1984
MARGIN_LEFT: Final = 1587
MARGIN_RIGHT: Final = 1474
FOOTER_DISTANCE: Final = 1247  # 22 mm: the page number's top about 7 mm below the text block
LINE_PITCH: Final = 579  # 225 mm / 22 lines = 28.95 pt
CHARS_PER_LINE: Final = 28
TEXT_WIDTH: Final = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT
# 28 characters of 16 pt take 448 pt; the text block is 442.25 pt wide. Word would squeeze them with a
# character grid (w:docGrid type="linesAndChars" and a negative w:charSpace), but LibreOffice gives each
# character two cells of such a grid. Condensing the text by 0.25 pt (w:spacing, in twentieths of a point)
# fits 28 characters a line (441 pt) everywhere; the grid is a line grid. In twentieths of a point, the room
# each character lacks, rounded down so the line never overflows: -5.
CONDENSE: Final = (TEXT_WIDTH - CHARS_PER_LINE * BODY_PT * 20) // CHARS_PER_LINE
TWO_CHARS: Final = 2 * BODY_PT * 20
TABLE_BORDER: Final = 4  # eighths of a point: ½ pt
TABLE_CELL_MARGIN: Final = (
    45  # twips left and right (0.8 mm): two characters of 小4 fit the columns of table 四
)
TABLE_CELL_PADDING: Final = {"t2": 28, "t3": 0, "t4": 28}
"""Twips above and below the text of a cell (0.5 mm; none in table 三, to fit on one page)."""
FIGURES_SHARE: Final = {"t2": 0.6, "t3": 0.42}
"""The share of the text width for the figure columns of tables 二 and 三: two characters of 小4 a line in
table 三's seven, so that its labels take few lines and the table fits on one page."""
SMALL_TABLE_HALF_PT: Final = {"t3": 21}
"""Tables whose text is 五号 (10.5 pt, in half-points) rather than 小4: table 三, to fit on one page."""

_EPOCH: Final = dt.datetime(1980, 1, 1)
# XML 1.0 cannot carry these; a control character from data becomes U+FFFD.
_NOT_XML: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", one_line(text))


def render_docx(report: DisclosureReport, *, date_style: DateStyle = "arabic") -> bytes:
    """The report as a DOCX file (bytes) in the GB/T 9704-2012 layout (see the module docstring).

    Needs python-docx: ``pip install 'govdisclosure[docx]'``; without it, raises
    :class:`~govdisclosure.render.MissingDependencyError`.
    """
    report = check_report(report)
    date_style = check_date_style(date_style)
    try:
        import docx
    except ImportError:
        raise MissingDependencyError(
            "DOCX output needs python-docx: pip install 'govdisclosure[docx]'"
        ) from None

    document = docx.Document()
    _page_setup(document)
    _styles(document)
    add_font_entries(document)
    _core_properties(document, report)
    _custom_properties(document, report)

    _title(document, report)
    document.add_paragraph()  # GB/T 9704: one empty line below the title
    nodes = outline(report)
    placement = place_tables(report, nodes)
    tables = [] if report.tables is None else [*placement.end]
    after_table = False
    if report.tables is not None:
        _table_style(document)
    for line in (*body_lines(nodes, placement.after), *(None for _ in tables)):
        key = tables.pop(0) if line is None else line.table
        if key is not None:
            assert report.tables is not None
            if after_table:
                document.add_paragraph()  # adjacent tables would join into one
            _table(document, table_grid(report.tables, key))
            after_table = True
            continue
        assert line is not None
        style = f"Heading {min(line.node.level, 4)}" if line.heading else None  # None: Normal
        if line.bold is None:
            document.add_paragraph(_clean(line.text), style=style)
        else:
            # The lead phrase of an item (一是**提高思想认识**。) or a block's heading, bold as in HTML.
            start, end = line.bold
            p = document.add_paragraph(_clean(line.text[:start]), style=style)
            p.add_run(_clean(line.text[start:end])).bold = True
            if line.text[end:]:
                p.add_run(_clean(line.text[end:]))
            if start == 0 and end == len(line.text):
                p.paragraph_format.keep_with_next = True  # a block's heading stays with its text
        after_table = False

    names = [_clean(n) for n in attachment_names(report.attachments)]
    if names:
        document.add_paragraph()
        several = len(names) > 1
        for n, name in enumerate(names, 1):
            number = f"{n}." if several else ""
            if n == 1:
                p = document.add_paragraph(f"{ATTACHMENT_LABEL}{number}{name}")
                _indent(p, left=5 * BODY_PT * 20, first_line=-3 * BODY_PT * 20)
            else:
                p = document.add_paragraph(f"{number}{name}")
                _indent(p, left=5 * BODY_PT * 20, first_line=0)

    signature = signature_lines(report.signature, date_style)
    if signature is not None:
        document.add_paragraph()
        authority = _clean(signature.authority) if signature.authority is not None else None
        date = _clean(signature.date) if signature.date is not None else None
        name_indent, date_indent = signature_indents(authority, date)
        for text, columns in ((authority, name_indent), (date, date_indent)):
            if text is not None:
                p = document.add_paragraph(text)
                # A display column is half a character of 3号 (a half-width digit in 仿宋_GB2312). No extra
                # space between Chinese and digits, so that the widths add up.
                _indent(p, right=columns * BODY_PT * 10, first_line=0, align="right")
                _no_autospace(p)

    _page_numbers(document)
    out = io.BytesIO()
    document.save(out)
    return fixed_zip(out.getvalue())


# -------------------------------------------------------------------------------------------------
# Low-level WordprocessingML: python-docx sets only w:ascii and w:hAnsi of a font, and its default template
# styles carry theme fonts and colours, so these helpers write the elements directly.


def _qn(tag: str) -> str:
    from docx.oxml.ns import qn

    return str(qn(tag))


def _element(tag: str, **attributes: str) -> Any:
    from docx.oxml import OxmlElement

    element = OxmlElement(tag)
    for name, value in attributes.items():
        element.set(_qn(f"w:{name}"), value)
    return element


def _set_fonts(rPr: Any, font: str, size_pt: int | None = None) -> None:
    """Name ``font`` for Latin, East Asian and complex-script text alike, and drop theme fonts."""
    rFonts = rPr.get_or_add_rFonts()
    for attribute in list(rFonts.attrib):
        del rFonts.attrib[attribute]
    for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
        rFonts.set(_qn(f"w:{slot}"), font)
    if size_pt is not None:
        for tag in ("w:sz", "w:szCs"):
            for old in rPr.findall(_qn(tag)):
                rPr.remove(old)
        rPr.append(_element("w:sz", val=str(size_pt * 2)))
        rPr.append(_element("w:szCs", val=str(size_pt * 2)))
        _reorder_rpr(rPr)


# The order of w:rPr children that the schema requires (the ones used here).
_RPR_ORDER: Final = (
    "rStyle",
    "rFonts",
    "b",
    "bCs",
    "i",
    "iCs",
    "color",
    "spacing",
    "kern",
    "sz",
    "szCs",
    "lang",
)


def _reorder_rpr(rPr: Any) -> None:
    def rank(child: Any) -> int:
        local = child.tag.rsplit("}", 1)[-1]
        return _RPR_ORDER.index(local) if local in _RPR_ORDER else len(_RPR_ORDER)

    children = sorted(rPr, key=rank)
    for child in children:
        rPr.remove(child)
        rPr.append(child)


def _reset_style(style: ParagraphStyle, font: str, size_pt: int) -> None:
    """Clear a style of the default template down to its outline level, then name font and size."""
    element = style.element
    pPr = element.get_or_add_pPr()
    for child in list(pPr):
        if child.tag != _qn("w:outlineLvl"):
            pPr.remove(child)
    rPr = element.get_or_add_rPr()
    for child in list(rPr):
        rPr.remove(child)
    _set_fonts(rPr, font, size_pt)
    style.font.bold = False
    style.font.italic = False


def _line_spacing(style: ParagraphStyle) -> None:
    from docx.enum.text import WD_LINE_SPACING
    from docx.shared import Twips

    pf = style.paragraph_format
    pf.space_before = Twips(0)
    pf.space_after = Twips(0)
    pf.line_spacing = Twips(LINE_PITCH)
    pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY


def _indent(
    paragraph: Paragraph,
    *,
    left: int | None = None,
    right: int | None = None,
    first_line: int | None = None,
    align: str | None = None,
) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Twips

    pf = paragraph.paragraph_format
    if left is not None:
        pf.left_indent = Twips(left)
    if right is not None:
        pf.right_indent = Twips(right)
    if first_line is not None:
        pf.first_line_indent = Twips(first_line)
    if align == "right":
        pf.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    elif align == "left":
        pf.alignment = WD_ALIGN_PARAGRAPH.LEFT


# The order of the w:pPr children that may follow w:autoSpaceDN (ECMA-376 CT_PPrBase).
_AFTER_AUTOSPACE: Final = (
    "bidi",
    "adjustRightInd",
    "snapToGrid",
    "spacing",
    "ind",
    "contextualSpacing",
    "mirrorIndents",
    "suppressOverlap",
    "jc",
)


def _no_autospace(paragraph: Paragraph) -> None:
    """Turn off the extra space Word puts between Chinese and Latin text or digits (autoSpaceDE/DN)."""
    pPr = paragraph._p.get_or_add_pPr()
    anchor = next(
        (child for child in pPr if child.tag.rsplit("}", 1)[-1] in _AFTER_AUTOSPACE), None
    )
    for tag in ("w:autoSpaceDE", "w:autoSpaceDN"):
        element = _element(tag, val="0")
        if anchor is None:
            pPr.append(element)
        else:
            anchor.addprevious(element)


def _page_setup(document: Document) -> None:
    from docx.shared import Twips

    section = document.sections[0]
    section.page_width = Twips(PAGE_WIDTH)
    section.page_height = Twips(PAGE_HEIGHT)
    section.top_margin = Twips(MARGIN_TOP)
    section.bottom_margin = Twips(MARGIN_BOTTOM)
    section.left_margin = Twips(MARGIN_LEFT)
    section.right_margin = Twips(MARGIN_RIGHT)
    section.footer_distance = Twips(FOOTER_DISTANCE)
    section.gutter = Twips(0)
    grid = section._sectPr.find(_qn("w:docGrid"))
    if grid is None:
        grid = _element("w:docGrid")
        section._sectPr.append(grid)
    for attribute in list(grid.attrib):
        del grid.attrib[attribute]
    grid.set(_qn("w:type"), "lines")
    grid.set(_qn("w:linePitch"), str(LINE_PITCH))


def _styles(document: Document) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Twips

    styles = document.styles
    # Document defaults: 仿宋 3号, Chinese as the East Asian language.
    rPr_default = (
        styles.element.find(_qn("w:docDefaults")).find(_qn("w:rPrDefault")).find(_qn("w:rPr"))
    )
    for child in list(rPr_default):
        rPr_default.remove(child)
    _set_fonts(rPr_default, FANGSONG, BODY_PT)
    rPr_default.append(_element("w:spacing", val=str(CONDENSE)))
    rPr_default.append(_element("w:lang", val="en-US", eastAsia="zh-CN", bidi="ar-SA"))
    _reorder_rpr(rPr_default)
    pPr_default = (
        styles.element.find(_qn("w:docDefaults")).find(_qn("w:pPrDefault")).find(_qn("w:pPr"))
    )
    for child in list(pPr_default):
        pPr_default.remove(child)

    normal: ParagraphStyle = styles["Normal"]
    _reset_style(normal, FANGSONG, BODY_PT)
    _line_spacing(normal)
    normal.paragraph_format.first_line_indent = Twips(TWO_CHARS)
    normal.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    normal.paragraph_format.widow_control = False

    title: ParagraphStyle = styles["Title"]
    _reset_style(title, XIAOBIAOSONG, TITLE_PT)
    _line_spacing(title)
    title.paragraph_format.first_line_indent = Twips(0)
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.keep_with_next = True
    _snap_off(title.element.get_or_add_pPr())

    for level, font in HEADING_FONTS.items():
        heading: ParagraphStyle = styles[f"Heading {level}"]
        _reset_style(heading, font, BODY_PT)
        # （一） in bold 楷体: where 楷体 is missing (LibreOffice on Linux, which ignores the font table's other
        # names) it would look like the body text; bold keeps the level apart (_docx_fonts).
        heading.font.bold = font == KAITI
        _line_spacing(heading)
        heading.paragraph_format.first_line_indent = Twips(TWO_CHARS)
        heading.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        heading.paragraph_format.keep_with_next = True

    footer: ParagraphStyle = styles["Footer"]
    _reset_style(footer, SONGTI, PAGE_NUMBER_PT)
    pf = footer.paragraph_format
    pf.first_line_indent = Twips(0)
    pf.space_before = Twips(0)
    pf.space_after = Twips(0)
    pf.line_spacing = 1.0


def _title(document: Document, report: DisclosureReport) -> None:
    """The title broken by meaning (:func:`~govdisclosure.render._common.title_lines`), a line break
    between its lines; off the document grid, so that each line takes one line of 2号, not two of the grid."""
    publisher = report.header.publisher or (
        report.signature.authority if report.signature is not None else None
    )
    paragraph = document.add_paragraph(style="Title")
    for n, line in enumerate(title_lines(report.title, publisher)):
        run = paragraph.add_run(_clean(line))
        if n:
            run._r.addprevious(_element("w:r"))
            run._r.getprevious().append(_element("w:br"))


def _snap_off(pPr: Any) -> None:
    """``w:snapToGrid w:val="0"`` in its place among the children of ``pPr``."""
    anchor = next(
        (child for child in pPr if child.tag.rsplit("}", 1)[-1] in _AFTER_AUTOSPACE[3:]), None
    )
    grid = _element("w:snapToGrid", val="0")
    if anchor is None:
        pPr.append(grid)
    else:
        anchor.addprevious(grid)


def _table_style(document: Document) -> None:
    """``Table Text``: 小4 仿宋, no indent, single spacing, off the document grid (so rows stay compact)."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Twips

    style: ParagraphStyle = document.styles.add_style(TABLE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    _reset_style(style, FANGSONG, TABLE_PT)
    pf = style.paragraph_format
    pf.first_line_indent = Twips(0)
    pf.space_before = Twips(0)
    pf.space_after = Twips(0)
    pf.line_spacing = 1.0
    pf.alignment = WD_ALIGN_PARAGRAPH.CENTER
    pf.widow_control = False
    _snap_off(style.element.get_or_add_pPr())


def _column_widths(grid: Grid) -> list[int]:
    """Twips per grid column, filling the text width: the figure columns share ``FIGURES_SHARE`` (table 四: all equal);
    of the label columns, the last (the longest labels) takes half the rest and the others share the other
    half."""
    labels = grid.colgroups[0] if grid.key != "t4" else 0
    figures = grid.columns - labels
    if labels == 0:
        widths = [TEXT_WIDTH // figures] * figures
    else:
        figure = int(TEXT_WIDTH * FIGURES_SHARE[grid.key] / figures)
        rest = TEXT_WIDTH - figure * figures
        if labels == 1:
            widths = [rest] + [figure] * figures
        else:
            last = rest // 2
            first = (rest - last) // (labels - 1)
            widths = [first] * (labels - 1) + [rest - first * (labels - 1)] + [figure] * figures
    widths[-1] += TEXT_WIDTH - sum(widths)
    return widths


def _table(document: Document, grid: Grid) -> None:
    """One statutory table: the grid of the official layout, merged and ruled (module docstring).

    The rows are written as WordprocessingML directly, each merged cell as one ``w:tc`` with its
    ``w:gridSpan`` and ``w:vMerge`` (and an empty continuation ``w:tc`` in each row below it): python-docx's
    ``Cell.merge`` finds cells by scanning the whole table and its setters insert each element in schema
    order, which made a report's tables take half a second.
    """
    from docx.shared import Twips

    table = document.add_table(rows=0, cols=grid.columns)
    table.autofit = False
    tblPr = table._tbl.tblPr
    for tag in ("w:tblW", "w:tblBorders", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:jc"):
        for old in tblPr.findall(_qn(tag)):
            tblPr.remove(old)
    # CT_TblPr order: tblStyle … tblW, jc, … tblBorders, shd, tblLayout, tblCellMar, tblLook.
    tblPr.append(_element("w:tblW", w=str(TEXT_WIDTH), type="dxa"))
    tblPr.append(_element("w:jc", val="center"))
    borders = _element("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(
            _element(f"w:{side}", val="single", sz=str(TABLE_BORDER), space="0", color="000000")
        )
    tblPr.append(borders)
    tblPr.append(_element("w:tblLayout", type="fixed"))
    margins = _element("w:tblCellMar")
    for side, width in (
        ("top", TABLE_CELL_PADDING[grid.key]),
        ("left", TABLE_CELL_MARGIN),
        ("bottom", TABLE_CELL_PADDING[grid.key]),
        ("right", TABLE_CELL_MARGIN),
    ):
        margins.append(_element(f"w:{side}", w=str(width), type="dxa"))
    tblPr.append(margins)

    widths = _column_widths(grid)
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Twips(width)
    owner = grid.owners()
    tbl = table._tbl
    for r in range(grid.rows):
        # Elements appended in the order the schema requires (CT_Row, CT_Tc, CT_TcPr, CT_P), not through
        # python-docx's ordered inserts, which cost most of the time of a table.
        tr = _element("w:tr")
        trPr = _element("w:trPr")
        trPr.append(_element("w:cantSplit"))
        if r < grid.head_rows:
            trPr.append(_element("w:tblHeader"))  # repeated at the top of each page
        tr.append(trPr)
        c = 0
        while c < grid.columns:
            cell = owner[r][c]
            tc = _element("w:tc")
            tcPr = _element("w:tcPr")
            tcPr.append(_element("w:tcW", w=str(sum(widths[c : c + cell.colspan])), type="dxa"))
            if cell.colspan > 1:
                tcPr.append(_element("w:gridSpan", val=str(cell.colspan)))
            if cell.rowspan > 1:
                tcPr.append(
                    _element("w:vMerge", val="restart") if cell.row == r else _element("w:vMerge")
                )
            tcPr.append(_element("w:vAlign", val="center"))
            tc.append(tcPr)
            p = _element("w:p")
            pPr = _element("w:pPr")
            pPr.append(_element("w:pStyle", val=TABLE_STYLE_ID))
            if r < grid.rows - 1:
                # Every row kept with the next: a table that fits on a page is not split, so that no
                # merged group (三、本年度办理结果, （三）不予公开) goes on over a page with its label left
                # behind, and a block title of table 二 stays with its rows.
                pPr.append(_element("w:keepNext"))
            if cell.row == r and (
                cell.role in ("title", "corner")
                or (cell.role == "row" and cell.row_kind is RowKind.DATA)
            ):
                pPr.append(_element("w:jc", val="left"))
            p.append(pPr)
            if cell.row == r and cell.text:
                run = _element("w:r")
                small = SMALL_TABLE_HALF_PT.get(grid.key)
                if cell.role == "title" or small is not None:
                    rPr = _element("w:rPr")
                    if cell.role == "title":  # the block titles of table 二, bold as in HTML
                        rPr.append(_element("w:b"))
                    if small is not None:
                        rPr.append(_element("w:sz", val=str(small)))
                        rPr.append(_element("w:szCs", val=str(small)))
                    run.append(rPr)
                text = _element("w:t")
                text.text = _clean(cell.text)
                run.append(text)
                p.append(run)
            tc.append(p)
            tr.append(tc)
            c += cell.colspan
        tbl.append(tr)


def _page_numbers(document: Document) -> None:
    """— 1 — in the footer: odd pages right, even pages left, one character (4号) in."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Twips

    document.settings.odd_and_even_pages_header_footer = True
    section = document.sections[0]
    one_char = PAGE_NUMBER_PT * 20
    for footer, align in (
        (section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
        (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT),
    ):
        footer.is_linked_to_previous = False
        paragraph = footer.paragraphs[0]
        paragraph.style = document.styles["Footer"]
        pf = paragraph.paragraph_format
        pf.alignment = align
        if align == WD_ALIGN_PARAGRAPH.RIGHT:
            pf.right_indent = Twips(one_char)
        else:
            pf.left_indent = Twips(one_char)
        paragraph.add_run("— ")
        # A PAGE field: begin, instruction, separate, the number shown until fields update, end.
        paragraph.add_run()._r.append(_element("w:fldChar", fldCharType="begin"))
        instruction = _element("w:instrText")
        instruction.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        instruction.text = " PAGE "
        paragraph.add_run()._r.append(instruction)
        paragraph.add_run()._r.append(_element("w:fldChar", fldCharType="separate"))
        paragraph.add_run("1")
        paragraph.add_run()._r.append(_element("w:fldChar", fldCharType="end"))
        paragraph.add_run(" —")


def _core_properties(document: Document, report: DisclosureReport) -> None:
    def prop(text: str | None) -> str:
        # The core properties hold at most 255 characters each.
        return _clean(text)[:255] if text else ""

    header = report.header
    when = header.document_date or (report.signature.date if report.signature else None)
    moment = dt.datetime(when.year, when.month, when.day) if when is not None else _EPOCH
    author = header.publisher or (report.signature.authority if report.signature else None)
    core = document.core_properties
    core.title = prop(report.title)
    core.subject = prop(header.subject)
    core.author = prop(author)
    core.identifier = prop(header.index_number.raw if header.index_number else None)
    core.keywords = "政府信息公开"
    core.category = "政府信息公开工作年度报告"
    core.comments = "govdisclosure"
    core.language = "zh-CN"
    core.last_modified_by = "govdisclosure"
    core.revision = 1
    core.created = moment
    core.modified = moment


# The custom properties (ECMA-376 part 1, 22.3): the format ID of user-defined properties, and the names
# govdisclosure writes (the reader, parse/_docx.py, spells the same contract).
_USER_DEFINED: Final = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"
_CUSTOM_NS: Final = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
_VT_NS: Final = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
TITLE_PROPERTY: Final = "govdisclosure.title"
HEADER_PROPERTY: Final = "govdisclosure.header.{n}"


def _custom_properties(document: Document, report: DisclosureReport) -> None:
    """The title and the whole header block as custom properties (see the module), so that the file gives
    the report back: the header lines as the text rendering writes them, which the parser reads as it
    reads a page's header block."""
    from xml.sax.saxutils import escape, quoteattr

    from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    values = [(TITLE_PROPERTY, report.title)] if report.title else []
    values += [
        (HEADER_PROPERTY.format(n=n), f"{one_line(e.label)}：{one_line(e.value)}")
        for n, e in enumerate(header_entries(report.header), 1)
    ]
    properties = "".join(
        f'<property fmtid="{_USER_DEFINED}" pid="{pid}" name={quoteattr(name)}>'
        f"<vt:lpwstr>{escape(_clean(value))}</vt:lpwstr></property>"
        for pid, (name, value) in enumerate(values, 2)  # pid 0 and 1 are reserved
    )
    blob = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<Properties xmlns="{_CUSTOM_NS}" xmlns:vt="{_VT_NS}">{properties}</Properties>'
    ).encode()
    package = document.part.package
    part = Part(PackURI("/docProps/custom.xml"), CONTENT_TYPE.OFC_CUSTOM_PROPERTIES, blob, package)
    package.relate_to(part, RELATIONSHIP_TYPE.CUSTOM_PROPERTIES)
