"""The statutory tables as a spreadsheet (XLSX), through openpyxl (extra ``xlsx``).

One sheet per table (``表二 主动公开政府信息情况`` …), in the official layout of :mod:`govdisclosure.render._grid`
as HTML and DOCX draw it: the same rows and columns from A1, each merged cell of the reference a merged range
with its text in the top-left cell, header and label cells as text, figures as numbers (a count or a signed
change an integer, an amount or a sum of money a decimal number in the unit it was written in, the unit in
the number format: ``286.45``, ``1289.4`` shown ``1289.4万元``), a blank figure an empty cell — never 0. The
publisher, the year and the source (the report's ``来源``, else its publisher) are in each sheet's page
header, and the title, publisher and subject in the workbook's properties. Header rows are frozen and repeat
on each printed page; the page is A4, fitted to its width.

The output is deterministic (like the DOCX): the properties' times come from the report and every ZIP entry
carries a fixed timestamp, so that equal reports give equal bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final

from govdisclosure.model import STATUTORY_TABLES, CellKind, DisclosureReport, Money, RowKind
from govdisclosure.render._common import (
    MissingDependencyError,
    RenderError,
    check_report,
    display_width,
    fixed_zip,
    one_line,
)
from govdisclosure.render._grid import Cell, Grid, table_grid

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet


class NoTablesError(RenderError, ValueError):
    """The report has no statutory tables (a narrative report, or a statutory one without them): there is
    nothing to put in a spreadsheet."""

    __module__ = "govdisclosure.render"


_EPOCH: Final = dt.datetime(1980, 1, 1)
_MODIFIED: Final = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")
# Characters a cell cannot hold (XML 1.0) and characters a sheet name cannot hold.
_NOT_XML: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_NOT_IN_SHEET_NAME: Final = re.compile(r"[\[\]:*?/\\]")
LABEL_WIDTH: Final = {"t2": (18,), "t3": (10, 16, 40), "t4": ()}
"""The width of each label column, in characters of the default font (a Chinese character is about 2)."""
FIGURE_WIDTH: Final = {"t2": 16, "t3": 8, "t4": 6}
"""The width of a figure column."""
LINE_HEIGHT: Final = 15
"""Points per line of text in a row (11 pt text): a row is as tall as its longest text wrapped to its
column needs, since neither openpyxl nor LibreOffice, opening the file, fits the rows to wrapped text."""
NUMBER_FORMATS: Final = {
    CellKind.COUNT: "0",
    CellKind.SIGNED: "+0;-0;0",
    CellKind.AMOUNT: "General",
}
"""The number format of each kind of figure; money adds its unit (``General"万元"``)."""


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", one_line(text))


def sheet_name(key: str) -> str:
    """The name of a table's sheet: ``表二 主动公开政府信息情况`` (at most 31 characters, as Excel allows).

    >>> sheet_name("t4")
    '表四 政府信息公开行政复议、行政诉讼情况'
    """
    table = next(t for t in STATUTORY_TABLES if t.key == key)
    return _NOT_IN_SHEET_NAME.sub("", f"{table.name} {table.heading}")[:31]


def cell_value(cell: Cell) -> tuple[int | Decimal | str | None, str | None]:
    """What a grid cell holds in the sheet and its number format: text for a header or a label, a number
    for a figure (``int``, or a ``Decimal`` in the unit it was written in), None for a blank figure.

    >>> from decimal import Decimal
    >>> from govdisclosure.model import MoneyUnit
    >>> cell = Cell("", 0, 0, 1, 1, "value", None, "k", kind=CellKind.MONEY, value=Money(Decimal(12894000), MoneyUnit.WAN_YUAN))
    >>> cell_value(cell)
    (Decimal('1289.4'), 'General"万元"')
    """
    if cell.role != "value":
        return _clean(cell.text), None
    value = cell.value
    if value is None:
        return None, None
    kind = cell.kind if cell.kind is not None else CellKind.COUNT
    if isinstance(value, Money):
        return value.in_unit(), f'General"{value.unit.value}"'
    if not isinstance(
        value, int | Decimal
    ):  # pragma: no cover - the model's figures are int or Decimal
        raise TypeError(f"unexpected figure {value!r} in {cell.key}")
    return value, NUMBER_FORMATS.get(kind)


def render_xlsx(report: DisclosureReport) -> bytes:
    """The statutory tables of ``report`` as an XLSX workbook (bytes), one sheet per table (see the module
    docstring).

    Needs openpyxl: ``pip install 'govdisclosure[xlsx]'``; without it, raises
    :class:`~govdisclosure.render.MissingDependencyError`. A report without statutory tables raises
    :class:`~govdisclosure.render.NoTablesError`.
    """
    report = check_report(report)
    if report.tables is None:
        raise NoTablesError(
            f"the report has no statutory tables (format {report.format.value!r}): XLSX holds the tables"
            " 二, 三 and 四 of the 2019 and 2021 formats"
        )
    try:
        import openpyxl
    except ImportError:
        raise MissingDependencyError(
            "XLSX output needs openpyxl: pip install 'govdisclosure[xlsx]'"
        ) from None

    workbook = openpyxl.Workbook()
    workbook.remove(workbook.worksheets[0])
    header = report.header
    publisher = header.publisher or (report.signature.authority if report.signature else None)
    source = header.source or publisher
    for table in STATUTORY_TABLES:
        grid = table_grid(report.tables, table.key)
        sheet = workbook.create_sheet(sheet_name(table.key))
        _sheet(sheet, grid)
        _page(sheet, grid, publisher=publisher, year=report.year, source=source)
    moment = _properties(workbook, report, publisher)
    out = io.BytesIO()
    workbook.save(out)
    stamp = moment.strftime("%Y-%m-%dT%H:%M:%SZ").encode()

    def modified(core: bytes) -> bytes:
        # openpyxl sets the modification time to the time of saving, whatever the properties say.
        return _MODIFIED.sub(rb"\g<1>" + stamp + rb"\g<2>", core)

    return fixed_zip(out.getvalue(), {"docProps/core.xml": modified})


def _sheet(sheet: Worksheet, grid: Grid) -> None:
    from openpyxl.styles import Alignment, Border, Font, Side

    thin = Side(style="thin", color="000000")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    bold = Font(bold=True)
    centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
    left = Alignment(horizontal="left", vertical="center", wrap_text=True)
    owner = grid.owners()
    for r, row in enumerate(owner, 1):
        for c, cell in enumerate(row, 1):
            target = sheet.cell(row=r, column=c)
            target.border = border  # every place, so that a merged range is ruled all round
            if cell.row + 1 != r or cell.col + 1 != c:
                continue
            value, number_format = cell_value(cell)
            if value is not None:
                target.value = value
            if number_format is not None:
                target.number_format = number_format
            labels_left = cell.role in ("title", "corner") or (
                cell.role == "row" and cell.row_kind is RowKind.DATA
            )
            target.alignment = left if labels_left else centre
            if cell.role == "title":
                target.font = bold
            if cell.rowspan > 1 or cell.colspan > 1:
                sheet.merge_cells(
                    start_row=r,
                    start_column=c,
                    end_row=r + cell.rowspan - 1,
                    end_column=c + cell.colspan - 1,
                )
    from openpyxl.utils import get_column_letter

    labels = LABEL_WIDTH[grid.key]
    widths = [labels[c] if c < len(labels) else FIGURE_WIDTH[grid.key] for c in range(grid.columns)]
    for c, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(c)].width = width
    # Lines per grid row: a cell's text wrapped to the width of the columns it spans (a Chinese character
    # is two units of width, as display_width counts it), shared among the rows it spans.
    lines = [1] * grid.rows
    for cell in grid.cells():
        room = max(1, sum(widths[cell.col : cell.col + cell.colspan]) - 1)
        need = -(-display_width(_clean(cell.text)) // room)
        per_row = -(-need // cell.rowspan)
        for r in range(cell.row, cell.row + cell.rowspan):
            lines[r] = max(lines[r], per_row)
    for r, count in enumerate(lines, 1):
        if count > 1:
            sheet.row_dimensions[r].height = LINE_HEIGHT * count
    if grid.head_rows:
        sheet.freeze_panes = f"{get_column_letter(len(labels) + 1)}{grid.head_rows + 1}"


def _page(
    sheet: Worksheet, grid: Grid, *, publisher: str | None, year: int | None, source: str | None
) -> None:
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "portrait"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    from openpyxl.worksheet.properties import PageSetupProperties

    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    if grid.head_rows:
        sheet.print_title_rows = f"1:{grid.head_rows}"

    def header_text(text: str) -> str:
        # & starts a code in a header: written twice it is an ampersand.
        return _clean(text).replace("&", "&&")[:80]

    header, footer = sheet.oddHeader, sheet.oddFooter
    if header is None or footer is None:  # pragma: no cover - a new sheet has both
        return
    if publisher:
        header.left.text = header_text(publisher)
    if year is not None:
        header.center.text = header_text(f"{year}年度 {grid.caption}")
    if source:
        header.right.text = header_text(f"来源：{source}")
    footer.center.text = "— &P —"


def _properties(workbook: Any, report: DisclosureReport, publisher: str | None) -> dt.datetime:
    header = report.header
    when = header.document_date or (report.signature.date if report.signature else None)
    moment = dt.datetime(when.year, when.month, when.day) if when is not None else _EPOCH
    props = workbook.properties
    props.title = _clean(report.title)[:255]
    props.subject = _clean(header.subject or "政府信息公开工作年度报告")[:255]
    props.creator = _clean(publisher or "")[:255] or None
    props.lastModifiedBy = "govdisclosure"
    props.keywords = "政府信息公开"
    props.language = "zh-CN"
    props.created = moment
    props.modified = moment
    return moment
