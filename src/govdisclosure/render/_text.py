"""The plain-text rendering: the layout that :func:`govdisclosure.parse.parse_text` reads back.

This is the contract between the renderer and the parser; both follow it exactly.

1. Header block, one line per field present, in this order, label + full-width colon ``：`` + value:
   ``索引号：`` raw · ``发布机构：`` · ``公文生成日期：`` ISO date ``2014-12-04`` · ``来源：`` · ``时间：``
   ``2014-12-04 15:51`` (``YYYY-MM-DD HH:MM``, seconds only when non-zero) · ``主题分类：`` · ``文号：``
   str(DocumentNumber) · then each ``Header.other`` entry as ``label：value``. Then one blank line. (No header
   block when the header is empty.)
2. Title: one line (not indented). Then one blank line.
3. Body, depth first in reading order. Every paragraph begins with two ideographic spaces ``　　`` (U+3000×2,
   the GB/T 9704 first-line indent); paragraphs and heading lines are separated by ONE blank line.

   - A numbered section (label not ending in 是): a heading line ``　　`` + label + heading (e.g.
     ``　　一、主要作法及成效``, ``　　（一）主动公开``). Its own paragraphs follow, then its children.
   - An item (label ending in 是): its first line is ``　　`` + label + (heading + ``。`` if it has a heading)
     + its first paragraph, e.g. ``　　一是提高思想认识。我局定期…``; further paragraphs follow as ordinary
     paragraphs; then children. An item with a heading and no paragraph is ``　　一是提高思想认识。``.
   - An unlabelled block: just its paragraphs, then its children.
4. Signature: after the body one blank line, then the authority on its own line and the date on the next
   line, both right-aligned as GB/T 9704 places them (the renderer pads with spaces for the given width; the
   parser strips leading spaces). Date style ``2014年12月4日`` (option ``date_style="chinese"`` gives
   ``二〇一四年十二月四日``); an unresolved ``Signature.date_text`` is printed as is.
5. Attachments: one blank line, then ``附件：`` + name (one attachment) or ``附件：1.name`` and following lines
   ``　　　2.name`` (several). URLs are not part of the text rendering.
6. Wrapping: ``width=None`` means no wrapping (one line per paragraph). With a width, a paragraph is wrapped
   to that many display columns (East Asian Wide/Fullwidth count 2); continuation lines carry no indent. A
   reader joins the lines of a paragraph (no space between CJK characters).
7. Text is UTF-8, lines end with ``\\n``, the file ends with one ``\\n``.

Tables
------
A 2019- or 2021-format report with ``report.tables`` prints its statutory tables 二, 三 and 四 as pipe tables,
one line per row of the official layout (the rows, headers and merged cells of the HTML rendering and the
format reference §3–5), so that one table reader serves both this rendering and the flattened tables of
real pages (``|`` ends each cell, as there).

8. Placement: table 二 goes in the section whose role is ``proactive_disclosure`` (二、主动公开政府信息情况),
   三 in ``requests``, 四 in ``review_and_litigation`` (the first such node, depth first): after the
   section's own heading line and paragraphs, before its sub-sections. A table whose section is missing
   follows the body (before the signature), in the order 二, 三, 四. A table is one block of lines: one blank
   line before it and one after, no blank line inside.
9. A line is the cells of one grid row, left to right, each cell followed by `` |``, cells separated by one
   space: ``规章 | 0 | 0 | 0 |``. Cells are padded with spaces (ASCII) to align the columns by display width
   (CJK counts 2): labels left-aligned, column headers centred, figures right-aligned; a reader strips each
   cell. A line never begins with U+3000 and never ends with a space. Without a width a table is never
   wrapped; with one it is fitted to it as 14 and 15 say. Cells never contain ``|``: splitting a line at ``|`` and dropping the empty piece after the last one gives
   its cells.
10. A merged cell (colspan) is one cell as wide as the columns it spans. A place covered by a cell of a row
    above (rowspan) is an empty cell as wide as that cell. So each line has the cells of its grid row: the
    label cells, then the figures.
11. Under the header rows (table 二: under each block's 信息内容 row; tables 三 and 四: under the last of their
    header rows) a rule line: ``-`` with ``+`` under each ``|`` of the line above (``-----+------+``). A reader
    skips lines made only of ``-`` and ``+``.
12. The lines of each table, top to bottom (``⟨n⟩`` a cell spanning n columns, ``∅`` an empty cell):

    - Table 二 (4 columns; 2021: 4 blocks, 6 data rows; 2019: 5 blocks, 9 data rows), for each block: its
      title ``第二十条第（一）项⟨4⟩``; its header ``信息内容 | <column headers>``, the last header spanning the
      remaining columns (2021 （五）: ``信息内容 | 本年处理决定数量⟨3⟩``); the rule; one line per data row,
      ``<label> | <figures>``, the last figure spanning as its header does.
    - Table 三 (10 columns: 3 of labels, 7 of figures). Header: ``<勾稽关系 corner text>⟨3⟩ | 申请人情况⟨7⟩``,
      ``∅⟨3⟩ | 自然人 | 法人或其他组织⟨5⟩ | 总计``, ``∅⟨3⟩ | ∅ | 商业企业 | 科研机构 | 社会公益组织 |
      法律服务机构 | 其他 | ∅``; the rule; then one line per data row in printed order (23 in 2019, 25 in
      2021). A top-level row: ``一、本年新收政府信息公开申请数量⟨3⟩ | <7 figures>``. Under 三、本年度办理结果
      (a cell spanning 20 or 22 rows, printed on the line of （一）予以公开 only; ∅ on the other lines):
      ``三、本年度办理结果 | （一）予以公开⟨2⟩ | <7>``, ``∅ | （二）…⟨2⟩ | <7>``; a computed row
      (（三）不予公开 …, and （六）其他处理 in 2021) has no line of its own and no figures: its label is a cell
      on the line of its first sub-row (``∅ | （三）不予公开 | 1.属于国家秘密 | <7>``) and ∅ on the lines of the
      others (``∅ | ∅ | 2.其他法律行政法规禁止公开 | <7>``); 2019's （六）其他处理 is a data row
      (``∅ | （六）其他处理⟨2⟩ | <7>``). ``（七）总计⟨2⟩`` and then ``四、结转下年度继续办理⟨3⟩``.
    - Table 四 (15 columns). Header: ``行政复议⟨5⟩ | 行政诉讼⟨10⟩``, ``结果维持 | 结果纠正 | 其他结果 | 尚未审结 |
      总计 | 未经复议直接起诉⟨5⟩ | 复议后起诉⟨5⟩``, ``∅ | ∅ | ∅ | ∅ | ∅ | 结果维持 | … | 总计 | 结果维持 | … |
      总计``; the rule; one line of 15 figures.

    Labels are exactly the model's (``ROWS``, ``COLUMNS``, ``BLOCKS``, ``GROUPS``, ``CORNER``).
13. Figures: a data line ends with its figures in column order; the cells before them are labels. A blank
    figure (not reported) is an empty cell; 0 is ``0``. Counts in decimal digits; 本年增/减 with its sign
    (``+4``, ``-2``, ``0``); 本年收费金额 in 万元, the header's unit, as a decimal number as stored
    (``286.45``); 采购总金额 (2019) as the amount in the unit it was written in, then the unit (``251000元``,
    ``25.1万元``). The computed sums (（三）（四）（五）, 2021 （六）) are not printed; a reader recomputes them.
14. Width: without one (``width=None``), or where a table's lines are no wider than it, each grid row is one
    line as above. Otherwise the label, title, corner and column-header cells are wrapped (by display width,
    with the line-breaking rule of the paragraphs) so that the table fits: a column header to no fewer than
    two characters, a row label, title or corner to no fewer than four (or its widest word); from their
    unwrapped widths, the columns are narrowed one at a time, each as far as its cells take one line more at
    most, the column that gains the most first. A grid row then takes as many lines as its tallest cell. Its figures stand on the row's **first** line, right-aligned as ever; each
    further line has the same cells as the first, all empty but for the continued pieces of the labels, each
    under the piece before it (``一、本年新收政府信息公开申请 |   76 | … |`` then ``数量 |      | … |``). The rule
    follows the last line of the header rows. A reader joins a cell with the pieces under it (without
    spaces) where that gives a label of the table exactly.
15. Where even that is wider than the width (the figure columns with their headers at two characters and
    the labels at four; table 四's fifteen columns, table 三 below about 80 columns), the table is printed
    **one row a block**, from top to bottom: table 三's corner text first; then for each grid row the
    label cells that begin on it, in column order (a block title of table 二, 三、本年度办理结果, a computed
    sum, the row's label; table 二's 信息内容 header rows and the other column headers are not printed), each
    a line ``label |`` (wrapped to the width, a line a piece, padded to a common width); then one line
    ``column | figure |`` per figure of the row, in column order, ``column`` the column header right above
    the figure (table 三: 自然人, 商业企业 … 其他, 总计; table 二: the block's headers; table 四: 结果维持 …
    总计), the figure right-aligned, an empty cell where blank. Table 四 has no row labels: the headings over
    its figures stand before the first figure under them (``行政复议 |``; ``行政诉讼 |``, ``未经复议直接起诉 |``;
    ``复议后起诉 |``). A column header too wide is wrapped as in 14, the figure on its first line. A reader
    reads a run of ``column | figure |`` lines whose columns are a table's columns in order (table 三's
    seven, a block's of table 二, a group's of table 四) as the row of those figures. A line of this layout
    is wider than the width only where the table's widest figure with a column header of one character and
    the separators (``本 | 0.000001万元 |``) is.

What text cannot carry (and so the text round trip does not cover): ``Section.role`` (the parser infers roles
from wording), structured facts (the parser re-extracts them from the wording), attachment URLs,
``Header.other`` order relative to known fields, and in tables the 款项 (``Money.subject``) of an amount.

Details of this renderer within the contract:

- Line breaks inside a field are written as spaces, so that no field can break the layout.
- Only body paragraphs (heading lines and item lines included) and the statutory tables (14, 15) are
  wrapped. The header lines, the title, the signature and the attachment lines are one line each, as the
  contract says (so they may be wider than ``width``).
- Wrapping keeps runs of Latin letters and digits (``2014``, ``1289.4``, ``2014-2015``) and the two-character
  marks ``……`` and ``——`` whole where they fit on a line, and follows the usual Chinese line-breaking rule:
  a line does not start with closing punctuation (，。、；：？！）》” …) nor end with opening punctuation
  (（《“ …); the character before is carried over instead.
- Without a width, the signature is aligned on the GB/T 9704 line of 28 characters (56 columns).
- The header's ``时间`` shows microseconds (``15:51:07.250000``) when it has any.
- An unlabelled block with a heading (which the contract has no place for) shows it as a paragraph line.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from typing import Final

from govdisclosure.model import ATTACHMENT_LABEL, DisclosureReport
from govdisclosure.render._common import (
    DateStyle,
    OptionValueError,
    attachment_names,
    body_lines,
    char_width,
    check_date_style,
    check_report,
    display_width,
    header_entries,
    one_line,
    outline,
    signature_indents,
    signature_lines,
)
from govdisclosure.render._grid import Cell, Grid, place_tables, table_grid

INDENT: Final = "\u3000\u3000"
"""The GB/T 9704 first-line indent: two ideographic spaces."""
PAGE_COLUMNS: Final = 56
"""The GB/T 9704 line of 28 characters, in display columns: where the signature aligns without a width."""
MIN_WIDTH: Final = 8
"""The narrowest width accepted: the indent and two characters."""

# Line-breaking rule (行首行尾禁则, as in GB/T 15834 practice): marks that may not start a line, and marks
# that may not end one. Half-width forms are included because the published pages use them.
_NO_LINE_START: Final = frozenset("，。、；：？！）》」』】〕〗〙〛〉’”…‥～·％,.;:?!)]}%")
_NO_LINE_END: Final = frozenset("（《「『【〔〖〘〚〈‘“([{")
# Units that are not split across lines where they fit: Latin words and numbers, and the two-character
# ellipsis and dash.
_UNITS: Final = re.compile(
    r"……|——|[A-Za-z0-9]+(?:[.,:/@_'\-][A-Za-z0-9]+)*|.", re.DOTALL | re.ASCII
)


def render_text(
    report: DisclosureReport, *, width: int | None = None, date_style: DateStyle = "arabic"
) -> str:
    """The report as plain text in the layout of the module docstring (the contract with the parser).

    ``width`` wraps body paragraphs to that many display columns (at least 8), and fits the statutory tables
    to it (their labels wrapped, or one row a block: module docstring, 14–15); ``None`` does not wrap.
    ``date_style`` writes the signature date: ``"arabic"`` 2014年12月4日 (GB/T 9704-2012), ``"chinese"``
    二〇一四年十二月四日, ``"iso"`` 2014-12-04.

    >>> import datetime as dt
    >>> from govdisclosure.model import DisclosureReport, ReportFormat, Section, Signature
    >>> report = DisclosureReport(title="2014年政府信息公开工作报告", year=2014, format=ReportFormat.NARRATIVE,
    ...     body=[Section(ordinal=1, label="一是", heading="提高思想认识", paragraphs=["我局定期组织召开专题会议。"])],
    ...     signature=Signature(authority="德化县科学技术局", date=dt.date(2014, 12, 4)))
    >>> render_text(report, width=24).splitlines()  # doctest: +NORMALIZE_WHITESPACE
    ['2014年政府信息公开工作报告', '',
     '\\u3000\\u3000一是提高思想认识。我', '局定期组织召开专题会议。', '',
     '   德化县科学技术局', '       2014年12月4日']
    """
    report = check_report(report)
    date_style = check_date_style(date_style)
    if width is not None and (
        isinstance(width, bool) or not isinstance(width, int) or width < MIN_WIDTH
    ):
        raise OptionValueError(
            f"width must be None or an int of at least {MIN_WIDTH}, got {width!r}"
        )

    blocks: list[list[str]] = []
    header = [f"{one_line(e.label)}：{one_line(e.value)}" for e in header_entries(report.header)]
    if header:
        blocks.append(header)
    blocks.append([one_line(report.title)])
    nodes = outline(report)
    placement = place_tables(report, nodes)
    for line in body_lines(nodes, placement.after):
        if line.table is not None:
            blocks.append(table_lines(table_grid(report.tables, line.table), width))  # type: ignore[arg-type]
            continue
        paragraph = INDENT + line.text
        blocks.append(wrap(paragraph, width) if width is not None else [paragraph])
    for key in placement.end:
        blocks.append(table_lines(table_grid(report.tables, key), width))  # type: ignore[arg-type]

    signature = signature_lines(report.signature, date_style)
    if signature is not None:
        line_width = PAGE_COLUMNS if width is None else width
        authority = one_line(signature.authority) if signature.authority is not None else None
        date = one_line(signature.date) if signature.date is not None else None
        name_indent, date_indent = signature_indents(authority, date)
        lines = []
        for text, indent in ((authority, name_indent), (date, date_indent)):
            if text is not None:
                pad = max(0, line_width - indent - display_width(text))
                lines.append(" " * pad + text)
        blocks.append(lines)

    names = attachment_names(report.attachments)
    if len(names) == 1:
        blocks.append([ATTACHMENT_LABEL + names[0]])
    elif names:
        blocks.append(
            [f"{ATTACHMENT_LABEL}1.{names[0]}"]
            + [f"\u3000\u3000\u3000{n}.{name}" for n, name in enumerate(names[1:], 2)]
        )
    # rstrip: an empty title with nothing after it must not leave the file ending in blank lines.
    return "\n\n".join("\n".join(lines) for lines in blocks).rstrip("\n") + "\n"


def _units(text: str) -> list[tuple[str, int]]:
    """``text`` cut into the pieces a line may break between, each with its display width; a zero-width
    character (a combining mark, a format character) stays with the piece before it."""
    units: list[tuple[str, int]] = []
    for piece in _UNITS.findall(text):
        w = char_width(piece) if len(piece) == 1 else display_width(piece)
        if w == 0 and units and len(piece) == 1:
            units[-1] = (units[-1][0] + piece, units[-1][1])
        else:
            units.append((piece, w))
    return units


def wrap(paragraph: str, width: int) -> list[str]:
    """``paragraph`` (indent included) broken into lines of at most ``width`` display columns.

    A line is wider only where it holds a single character wider than ``width``, or ends with the spaces
    at which it was broken (no line after the first begins with a space). Nothing is added or dropped:
    the lines joined give the paragraph back.

    >>> wrap("　　今年，我局按照县政府要求。", 12)
    ['　　今年，我', '局按照县政府', '要求。']
    >>> wrap("　　版本2014-2015年度", 12)
    ['　　版本', '2014-2015年', '度']
    """
    indented = paragraph.startswith(INDENT)
    pending = _units(paragraph[len(INDENT) :] if indented else paragraph)
    pending.reverse()  # a stack: pop() takes the next unit
    lines: list[str] = []
    line: list[tuple[str, int]] = [(INDENT, display_width(INDENT))] if indented else []
    fixed = len(line)  # units at the start of the line that may not move (the indent)
    used = sum(w for _, w in line)

    while pending:
        unit, w = pending.pop()
        if used + w <= width:
            line.append((unit, w))
            used += w
            continue
        if len(unit) > 1 and (w > width or len(line) == fixed):
            # A word that fits no line, or that would leave this line empty: break it into characters.
            pending.extend(reversed(_units_of_chars(unit)))
            continue
        if len(line) == fixed:
            line.append((unit, w))  # a single character wider than the line: it stands alone
            used += w
            continue
        if unit.isspace():
            # Break at a space: the space (and any that follow) ends this line, so that the next line
            # does not begin with one, which a reader would take for a paragraph's indent. It is
            # invisible, so the line may be that much wider than `width`.
            line.append((unit, w))
            while pending and pending[-1][0].isspace():
                line.append(pending.pop())
            lines.append("".join(u for u, _ in line))
            line, fixed, used = [], 0, 0
            continue
        # Break before `unit`. Carry units over so that the next line does not start with closing
        # punctuation and this one does not end with opening punctuation, while both keep something.
        carried: list[tuple[str, int]] = []
        carried_w = 0
        first = unit
        while len(line) - fixed > 1 and (
            first[0] in _NO_LINE_START or line[-1][0][-1] in _NO_LINE_END
        ):
            moved = line[-1]
            if carried_w + moved[1] + w > width:
                break
            line.pop()
            carried.insert(0, moved)
            carried_w += moved[1]
            first = moved[0]
        lines.append("".join(u for u, _ in line))
        line = [*carried, (unit, w)]
        fixed = 0
        used = carried_w + w
    lines.append("".join(u for u, _ in line))
    return lines


def _units_of_chars(word: str) -> list[tuple[str, int]]:
    units: list[tuple[str, int]] = []
    for c in word:
        w = char_width(c)
        if units and w == 0:
            units[-1] = (units[-1][0] + c, units[-1][1])
        else:
            units.append((c, w))
    return units


# -------------------------------------------------------------------------------------------------
# Tables (module docstring, 8–13)


def _pad(text: str, width: int, align: str) -> str:
    space = width - display_width(text)
    if align == "right":
        return " " * space + text
    if align == "center":
        return " " * (space // 2) + text + " " * (space - space // 2)
    return text + " " * space


def table_lines(grid: Grid, width: int | None = None) -> list[str]:
    """The lines of one statutory table (module docstring, 9–14): each grid row's cells padded to a common
    width per column, ``|`` after each, and a rule under the header rows. With a ``width``, the label and
    header cells are wrapped so that the table fits it (14), or the table is printed one row a block (15).

    >>> from govdisclosure.model import StatutoryTablesV2021, Table4
    >>> from govdisclosure.render._grid import table_grid
    >>> tables = StatutoryTablesV2021(t4=Table4.from_groups({"行政复议": [2, 1, 0, 1, 4]}))
    >>> lines = table_lines(table_grid(tables, "t4"))
    >>> print(lines[-1][:50])
           2 |        1 |        0 |        1 |    4 |
    >>> [cell.strip() for cell in lines[-1].split("|")[:-1]]  # how a reader gets the cells back
    ['2', '1', '0', '1', '4', '', '', '', '', '', '', '', '', '', '']
    >>> print("\\n".join(table_lines(table_grid(tables, "t4"), width=24)[:7]))
    行政复议             |
    结果维持 |         2 |
    结果纠正 |         1 |
    其他结果 |         0 |
    尚未审结 |         1 |
    总计     |         4 |
    行政诉讼             |
    """
    columns = _column_widths(grid, lambda cell: display_width(cell.text))
    if width is not None and _line_width(columns) > width:
        fitted = _fit(grid, columns, width)
        if fitted is None:
            return _block_lines(grid, width)
        columns = fitted
    return _grid_lines(grid, columns)


_MIN_HEADER: Final = 4
"""The narrowest a column header is wrapped to: two Chinese characters."""
_MIN_LABEL: Final = 8
"""The narrowest a row label (or title, or table 三's corner) is wrapped to: four Chinese characters."""


def _column_widths(grid: Grid, need: Callable[[Cell], int]) -> list[int]:
    """The width of each column so that every cell gets what it ``need``s (a merged cell the columns it spans
    and the separators between them)."""
    # Hand-written: no table library measures East Asian width and merges cells across columns.
    widths = [1] * grid.columns
    for cell in sorted(grid.cells(), key=lambda c: c.colspan):
        span = slice(cell.col, cell.col + cell.colspan)
        room = sum(widths[span]) + 3 * (cell.colspan - 1)
        wanted = need(cell)
        if wanted > room:
            widths[cell.col + cell.colspan - 1] += wanted - room
    return widths


def _line_width(columns: Sequence[int]) -> int:
    return sum(columns) + 3 * (len(columns) - 1) + 2


def _least(cell: Cell) -> int:
    """The narrowest a cell may be: a figure whole, a column header wrapped to two characters, a label to
    four (or its widest word)."""
    full = display_width(cell.text)
    if cell.role == "value":
        return full
    least = _MIN_HEADER if cell.role == "column" else _MIN_LABEL
    return min(full, max(least, *(w for _, w in _units(cell.text))))


def _fit(grid: Grid, natural: Sequence[int], width: int) -> list[int] | None:
    """Column widths within ``width``, or None when even the narrowest each column may be do not fit.

    From the natural widths, one column at a time is narrowed as far as it goes while its cells (those of
    one column) take one line more at most, the column that gains the most first: so that a label is cut
    into balanced lines (行政规范/性文件, not 行政规范性文/件) and the long labels are cut before the short.
    The room then left is given back where it saves a line."""
    floor = _column_widths(grid, _least)
    own: list[list[str]] = [[] for _ in range(grid.columns)]
    for cell in grid.cells():
        if cell.colspan == 1 and cell.role != "value":
            own[cell.col].append(cell.text)

    def height(j: int, w: int) -> int:
        return max((_height(text, w) for text in own[j]), default=1)

    widths = list(natural)
    while _line_width(widths) > width:
        best: tuple[int, int, int] | None = None  # saving, column, new width
        for j, w in enumerate(widths):
            if w <= floor[j]:
                continue
            most = height(j, w) + 1
            narrow = w - 1  # (at least one column narrower, whatever its cells do)
            while narrow - 1 >= floor[j] and height(j, narrow - 1) <= most:
                narrow -= 1
            if best is None or w - narrow > best[0]:
                best = (w - narrow, j, narrow)
        if best is None:
            return None
        widths[best[1]] = best[2]
    # The room left goes back where it saves a line: the least widening that does, first.
    while True:
        room = width - _line_width(widths)
        gains = [
            (d, j)
            for j, w in enumerate(widths)
            for d in (_widening(height, j, w, min(room, natural[j] - w)),)
            if d
        ]
        if not gains:
            return widths
        d, j = min(gains)
        widths[j] += d


def _widening(height: Callable[[int, int], int], j: int, w: int, most: int) -> int:
    """The least widening of column ``j`` (``w`` wide), at most ``most``, that takes a line off its tallest
    cell; 0 if none does."""
    now = height(j, w)
    return next((d for d in range(1, most + 1) if height(j, w + d) < now), 0)


@functools.lru_cache(maxsize=4096)
def _height(text: str, width: int) -> int:
    """How many lines a label takes in a column ``width`` wide (labels are the format's: a small cache)."""
    return 1 if display_width(text) <= width else len(wrap(text, width))


def _cell_lines(cell: Cell, width: int) -> list[str]:
    if cell.role == "value" or display_width(cell.text) <= width:
        return [cell.text]
    return wrap(cell.text, width)


def _grid_lines(grid: Grid, widths: Sequence[int]) -> list[str]:
    """The grid, each row on as many lines as its tallest cell needs (figures on the first)."""
    owner = grid.owners()
    lines = []
    for r in range(grid.rows):
        places: list[
            tuple[int, list[str], str]
        ] = []  # width, lines, alignment of each cell of the row
        c = 0
        while c < grid.columns:
            cell = owner[r][c]
            room = sum(widths[c : c + cell.colspan]) + 3 * (cell.colspan - 1)
            if cell.row != r:
                places.append((room, [], "left"))
            else:
                align = (
                    "right"
                    if cell.role == "value"
                    else "center"
                    if cell.role == "column"
                    else "left"
                )
                places.append((room, _cell_lines(cell, room), align))
            c += cell.colspan
        for k in range(max(len(texts) for _, texts, _ in places)):
            parts = [
                _pad(texts[k] if k < len(texts) else "", room, align)
                for room, texts, align in places
            ]
            lines.append(" | ".join(parts) + " |")
        if r in grid.rules:
            lines.append("-+-".join("-" * room for room, _, _ in places) + "-+")
    return lines


def _block_lines(grid: Grid, width: int) -> list[str]:
    """The table one row a block (module docstring, 15): the row's labels, then a line ``column | figure |``
    for each of its figures."""
    owner = grid.owners()
    head = range(grid.head_rows)

    def column_of(cell: Cell) -> str:
        """The column header right above a figure."""
        for r in range(cell.row - 1, -1, -1):
            above = owner[r][cell.col]
            if above.role == "column":
                return above.text
        raise AssertionError(f"{grid.key}: no column header above {cell.key}")  # pragma: no cover

    items: list[tuple[str, Cell | None]] = []  # (a label line's text, None) or (column, figure)
    for cell in grid.cells():
        if cell.role in ("corner", "title", "row"):
            items.append((cell.text, None))
        elif cell.role == "value":
            labelled = any(c.role == "row" and c.row == cell.row for c in owner[cell.row])
            if not labelled:  # table 四: the headings over the figures, where they begin
                for r in head:
                    above = owner[r][cell.col]
                    if above.role == "column" and above.colspan > 1 and above.col == cell.col:
                        items.append((above.text, None))
            items.append((column_of(cell), cell))
    figure = max((display_width(c.text) for _, c in items if c is not None), default=1)
    names = max((display_width(t) for t, c in items if c is not None), default=2)
    name_room = max(2, min(names, width - figure - 5))
    label_room = max(2, width - 2)
    folded = [
        (_fold(text, label_room if cell is None else name_room), cell) for text, cell in items
    ]
    label_pad = max(
        (display_width(p) for pieces, c in folded if c is None for p in pieces), default=0
    )
    lines = []
    for pieces, valued in folded:
        if valued is None:
            lines += [_pad(piece, label_pad, "left") + " |" for piece in pieces]
            continue
        for k, piece in enumerate(pieces):
            value = valued.text if k == 0 else ""
            lines.append(f"{_pad(piece, name_room, 'left')} | {_pad(value, figure, 'right')} |")
    return lines


def _fold(text: str, width: int) -> list[str]:
    return [text] if display_width(text) <= width else wrap(text, width)
