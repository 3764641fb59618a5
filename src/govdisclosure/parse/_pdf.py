"""PDF files into the parser's text, through pdfplumber (on pdfminer.six; the ``pdf`` extra).

pdfplumber gives each character with its box and font size, and finds tables from their ruling lines; the
rest is hand-written here because no library rebuilds a 公文's paragraphs and tables from a page:

- **Text lines**: the characters outside tables, grouped into lines by their vertical centre and ordered
  left to right. A space is kept where the PDF draws one; a gap without one becomes a space only between two
  Latin letters or digits (Word and LibreOffice widen the gap between Chinese and digits, "2022 年", without a
  space in the text).
- **Page chrome**: a page's first and last lines that are page numbers (``— 1 —``, ``- 1 -``, ``第1页``,
  ``1/6`` …) or recur on most pages with only their digits changed (a browser's date, title and address),
  dropped and reported (GP807).
- **Paragraphs**: a line continues the paragraph before it when that one reached the right margin and this
  one starts at the left margin (a new paragraph is indented two characters, or follows a short line, a wide
  gap or a change of size), also over a page break. Lines in the title's size go together.
- **Tables**: each table pdfplumber finds from ruling lines is a grid of the distinct x and y positions of
  its cells' edges, so a merged cell gets its row and column spans; a table that opens a page right after a
  table that ended the page before is the same table continued: its repeated header rows are dropped and a
  merged cell split by the page break is joined again (GP808). A row the page break left open (WPS and
  Word draw the rule between a page's last row and the next page's first on one of the two pages only) is
  still a row where the table's vertical rules run on past its last horizontal one at the page's end (or
  before its first at the page's start); an empty box in a column of row labels (beside （六）其他处理) is
  not a blank figure (:meth:`._blocks.Writer.table`, ``drawn_boxes``).
- **Unreadable text layers** (fonts without a ToUnicode map give ``(cid:123)`` or U+FFFD; a scan gives no
  characters at all) are one error saying OCR would read them (GP803, GP804), never a report of garbage.
- **Bounds inside a page**: the time bound (:attr:`Limits.max_seconds`) is checked as a page's content stream
  is interpreted and its tables looked for, not only between pages, and the crossings of a page's ruling
  lines are bounded (:attr:`Limits.max_crossings`) before pdfplumber pairs them: a page of a few kilobytes
  can hold millions of operators or a sheet of graph paper (GP801).
- Kangxi and CJK radical characters, which Chromium writes for ideographs its fonts draw with the same glyph
  (⼀ for 一, ⺠ for 民), are normalised (GP810).
"""

from __future__ import annotations

import bisect
import functools
import io
import itertools
import logging
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from typing import Any, Final

import attrs

from govdisclosure.model import Diagnostic
from govdisclosure.parse._blocks import GridCell, Writer, clean, is_layout, library, read_file
from govdisclosure.parse._codes import diagnostic
from govdisclosure.parse._labels import normalise, owners
from govdisclosure.parse._limits import (
    DEFAULT_LIMITS,
    Deadline,
    Limits,
    OverLimit,
    stream_problem,
)
from govdisclosure.parse._result import ParseResult

__all__ = ["parse_pdf", "read_pdf"]

_CJK: Final = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]")
# CJK Radicals Supplement forms that fonts draw with the glyph of an ideograph (hand-written: Unicode gives
# these no compatibility mapping, unlike the Kangxi radicals, which NFKC maps).
_RADICALS: Final = str.maketrans(
    {
        "\u2e9f": "母",
        "\u2ea0": "民",
        "\u2ec4": "西",
        "\u2ec5": "见",
        "\u2ec6": "角",
        "\u2ec9": "贝",
        "\u2eca": "足",
        "\u2ecb": "车",
        "\u2ed3": "长",
        "\u2ed4": "门",
        "\u2ed8": "青",
        "\u2ed9": "韦",
        "\u2eda": "页",
        "\u2edb": "风",
        "\u2edc": "飞",
        "\u2edd": "食",
        "\u2ee1": "首",
        "\u2ee2": "马",
        "\u2ee3": "骨",
        "\u2ee4": "鬼",
        "\u2ee5": "鱼",
        "\u2ee6": "鸟",
        "\u2ee7": "卤",
        "\u2ee8": "麦",
        "\u2ee9": "黄",
        "\u2eec": "齐",
        "\u2eee": "齿",
        "\u2ef0": "龙",
        "\u2ef3": "龟",
    }
)
# Kangxi radicals whose NFKC form is the traditional character while the simplified font draws the
# simplified one with the radical's glyph.
_KANGXI_SIMPLIFIED: Final = str.maketrans({"\u2f3e": "户", "\u2fc8": "黄", "\u2fad": "青"})
_RADICAL_CHARS: Final = re.compile("[\u2e80-\u2eff\u2f00-\u2fdf\uf900-\ufaff]")
_PAGE_NUMBER: Final = re.compile(
    r"[-—–－―\s]*\d{1,4}[-—–－―\s]*"
    r"|第\s*\d{1,4}\s*页(\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4}"
    r"|(page|p\.)\s*\d{1,4}(\s*of\s*\d{1,4})?",
    re.IGNORECASE,
)
_DIGITS: Final = re.compile(r"\d+")
_EDGE_LINES: Final = (
    2  # lines at the top and at the bottom of a page that may be its header or footer
)
_SNAP: Final = 2.0  # points: cell edges closer than this are one grid line
_MIN_ROW: Final = (
    8.0  # points: a row left open is at least this tall (a line of 小5 and its padding)
)
_INCH: Final = 72.0


@attrs.define
class _Line:
    page: int
    top: float
    bottom: float
    x0: float
    x1: float
    size: float
    text: str
    height: float = 842.0
    """the page's height"""


@attrs.define
class _TableBlock:
    page: int
    top: float
    bottom: float
    x0: float
    x1: float
    cells: list[GridCell]
    rows: int
    width: int
    row_pages: list[int]
    xs: list[float]
    """the x of each grid line (cells' columns index them)"""


def _radical(text: str) -> str:
    return unicodedata.normalize("NFKC", text.translate(_RADICALS).translate(_KANGXI_SIMPLIFIED))


def _not_a_fill(obj: dict[str, Any]) -> bool:
    """Whether a page object may rule a table: not a filled box without a border (a page's background, a
    shaded cell), whose edges pdfplumber would take for ruling lines; a thin filled box is a rule."""
    return not (
        obj.get("object_type") == "rect"
        and obj.get("fill")
        and not obj.get("stroke")
        and obj["x1"] - obj["x0"] > 3
        and obj["bottom"] - obj["top"] > 3
    )


def _is_cjk(ch: str) -> bool:
    return bool(_CJK.match(ch))


def _line_text(chars: Sequence[dict[str, Any]]) -> str:
    """The text of one line's characters, left to right (spaces as the module says)."""
    out: list[str] = []
    previous: dict[str, Any] | None = None
    space = False
    for ch in chars:
        text = ch["text"]
        if not text.strip():
            space = bool(out)
            continue
        if previous is not None and out:
            gap = ch["x0"] - previous["x1"]
            size = max(ch.get("size") or 0.0, 1.0)
            latin = not _is_cjk(out[-1][-1]) and not _is_cjk(text[0])
            if (space and latin) or (latin and gap > 0.2 * size):
                out.append(" ")
            elif space and gap > 0.15 * size and not latin:
                pass  # a space drawn between Chinese and Latin text is layout, not text
        out.append(text)
        previous = ch
        space = False
    return "".join(out)


def _lines(chars: Sequence[dict[str, Any]], page: int) -> list[_Line]:
    """Characters grouped into lines by their vertical centre (hand-written: see the module)."""
    if not chars:
        return []
    ordered = sorted(chars, key=lambda c: ((c["top"] + c["bottom"]) / 2, c["x0"]))
    groups: list[list[dict[str, Any]]] = []
    centre = None
    for ch in ordered:
        mid = (ch["top"] + ch["bottom"]) / 2
        size = max(ch.get("size") or 0.0, 1.0)
        if centre is None or mid - centre > 0.5 * size:
            groups.append([ch])
            centre = mid
        else:
            groups[-1].append(ch)
    lines = []
    for group in groups:
        group.sort(key=lambda c: c["x0"])
        visible = [c for c in group if c["text"].strip()]
        if not visible:
            continue
        sizes = Counter(round(c.get("size") or 0.0, 1) for c in visible)
        lines.append(
            _Line(
                page=page,
                top=min(c["top"] for c in visible),
                bottom=max(c["bottom"] for c in visible),
                x0=visible[0]["x0"],
                x1=max(c["x1"] for c in visible),
                size=sizes.most_common(1)[0][0],
                text=_line_text(group),
            )
        )
    return lines


def _snap(values: Sequence[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > _SNAP:
            out.append(v)
    return out


def _index(edges: Sequence[float], value: float) -> int:
    """The index of the edge nearest ``value`` (``edges`` sorted)."""
    k = bisect.bisect_left(edges, value)
    if k == len(edges) or (k > 0 and value - edges[k - 1] <= edges[k] - value):
        return max(k - 1, 0)
    return k


_Box = tuple[float, float, float, float]


def _open_rows(
    box: _Box, edges: Sequence[dict[str, Any]], chars: Sequence[dict[str, Any]], height: float
) -> list[_Box]:
    """The cells of a row a page break left open at the table's end or start: pdfplumber closes a cell
    only between two horizontal rules, and WPS and Word draw the rule between a page's last row and the
    next page's first row on the next page only (or on the page before only). Where the table's own
    vertical rules, its left and right edges among them, run on past its last (or before its first)
    horizontal rule, near the page's end (or start), the stretch to where they stop is one more row,
    cut into cells at those rules; a cell with no characters is left to the merged cell above it (or
    below), as pdfplumber's open cells are (:func:`_open_cells`)."""
    x0, top, x1, bottom = box
    vertical = [
        e
        for e in edges
        if e["orientation"] == "v" and x0 - _SNAP <= e["x0"] <= x1 + _SNAP and e["x1"] - e["x0"] < 3
    ]
    out: list[_Box] = []
    for start, beyond in ((bottom, True), (top, False)):
        if beyond:
            run = [
                e for e in vertical if e["top"] <= start + _SNAP and e["bottom"] > start + _MIN_ROW
            ]
        else:
            run = [
                e for e in vertical if e["bottom"] >= start - _SNAP and e["top"] < start - _MIN_ROW
            ]
        xs = _snap([e["x0"] for e in run])
        if len(xs) < 2 or xs[0] > x0 + _SNAP + 1 or xs[-1] < x1 - _SNAP - 1:
            continue
        end = (
            min(e["bottom"] for e in run) if beyond else max(e["top"] for e in run)
        )  # the shortest rule
        if (beyond and end < height * 0.75) or (not beyond and end > height * 0.25):
            continue  # not at the page's end (or start): a table that goes on has its rule
        y0, y1 = (start, end) if beyond else (end, start)
        for left, right in itertools.pairwise(xs):
            if any(
                left <= (ch["x0"] + ch["x1"]) / 2 <= right
                and y0 <= (ch["top"] + ch["bottom"]) / 2 <= y1
                for ch in chars
            ):
                out.append((left, y0, right, y1))
    return out


def _table(
    table: Any,
    chars: Sequence[dict[str, Any]],
    page: int,
    deadline: Deadline,
    extra: Sequence[_Box] = (),
) -> _TableBlock | None:
    """A pdfplumber table as a grid: merged cells keep their spans (from the edges they cover); ``extra``
    are the cells of rows it left open (:func:`_open_rows`)."""
    boxes = [tuple(c) for c in table.cells] + list(extra)
    if len(boxes) < 2:
        return None
    xs = _snap([b[0] for b in boxes] + [b[2] for b in boxes])
    ys = _snap([b[1] for b in boxes] + [b[3] for b in boxes])
    texts: list[list[dict[str, Any]]] = [[] for _ in boxes]
    for n, ch in enumerate(chars):
        if n % 256 == 0:
            deadline.check()
        cx = (ch["x0"] + ch["x1"]) / 2
        cy = (ch["top"] + ch["bottom"]) / 2
        for k, (x0, top, x1, bottom) in enumerate(boxes):
            if x0 <= cx <= x1 and top <= cy <= bottom:
                texts[k].append(ch)
                break
    cells = []
    taken: set[tuple[int, int]] = set()
    for box, own in zip(boxes, texts, strict=True):
        col, end_col = _index(xs, box[0]), _index(xs, box[2])
        row, end_row = _index(ys, box[1]), _index(ys, box[3])
        if end_col <= col or end_row <= row or (row, col) in taken:
            continue
        for r in range(row, end_row):
            for c in range(col, end_col):
                taken.add((r, c))
        text = "\n".join(line.text for line in _lines(own, page))
        cells.append(GridCell(text, row, col, end_row - row, end_col - col))
    if not cells:
        return None
    deadline.check()
    cells += _open_cells(xs, ys, taken, chars, page)
    x0, top, x1, bottom = table.bbox
    top, bottom = min(top, ys[0]), max(bottom, ys[-1])
    rows = len(ys) - 1
    return _TableBlock(page, top, bottom, x0, x1, cells, rows, len(xs) - 1, [page] * rows, xs)


def _open_cells(
    xs: Sequence[float],
    ys: Sequence[float],
    taken: set[tuple[int, int]],
    chars: Sequence[dict[str, Any]],
    page: int,
) -> list[GridCell]:
    """The cells pdfplumber leaves out because a page break left them open (no bottom or top rule: a merged
    cell that goes on over the page): each run of uncovered grid positions down a column, runs side by side
    with the same rows one cell, its text the characters inside."""
    runs: list[list[int]] = []  # [row, end_row, col, end_col]
    for c in range(len(xs) - 1):
        r = 0
        while r < len(ys) - 1:
            if (r, c) in taken:
                r += 1
                continue
            start = r
            while r < len(ys) - 1 and (r, c) not in taken:
                r += 1
            if runs and runs[-1][:2] == [start, r] and runs[-1][3] == c:
                runs[-1][3] = c + 1
            else:
                runs.append([start, r, c, c + 1])
    out = []
    for row, end_row, col, end_col in runs:
        own = [
            ch
            for ch in chars
            if xs[col] <= (ch["x0"] + ch["x1"]) / 2 <= xs[end_col]
            and ys[row] <= (ch["top"] + ch["bottom"]) / 2 <= ys[end_row]
        ]
        text = "\n".join(line.text for line in _lines(own, page))
        out.append(GridCell(text, row, col, end_row - row, end_col - col))
    return out


def _regrid(block: _TableBlock, xs: list[float]) -> None:
    """Place a table's cells in a grid of more columns (the union of two parts' grid lines)."""
    cells = []
    for cell in block.cells:
        col = _index(xs, block.xs[cell.col])
        end = _index(xs, block.xs[cell.col + cell.colspan])
        cells.append(attrs.evolve(cell, col=col, colspan=max(end - col, 1)))
    block.cells = cells
    block.xs = xs
    block.width = len(xs) - 1


def _row_texts(block: _TableBlock, row: int) -> list[tuple[int, int, str]]:
    return sorted((c.col, c.colspan, c.text) for c in block.cells if c.row == row)


def _join(first: _TableBlock, then: _TableBlock, notes: list[Diagnostic]) -> None:
    """``then`` continues ``first`` on the next page: both in one grid, its repeated header rows dropped, a
    merged cell the page break split joined again (the text is in one part, or the continuation repeats it,
    with （续） or without), its rows appended."""
    xs = _snap(first.xs + then.xs)
    _regrid(first, xs)
    _regrid(then, xs)
    repeated = 0
    while repeated < min(first.rows, then.rows) - 1 and _row_texts(first, repeated) == _row_texts(
        then, repeated
    ):
        repeated += 1
    last_row = first.rows
    # cells reaching the last row, by column
    bottom = {c.col: k for k, c in enumerate(first.cells) if c.row + c.rowspan == first.rows}
    opening = [c for c in then.cells if c.row == repeated]
    # A row the page break cut in two: the new page's first row holds only the rest of labels cut short
    # (LibreOffice and Word let a row break across pages unless told not to).
    cut = bool(opening) and any(c.text for c in opening)
    for c in opening:
        k = bottom.get(c.col)
        if (
            k is None
            or first.cells[k].colspan != c.colspan
            or (c.text and not _completes(first.cells[k].text, c.text))
        ):
            cut = False
    shift = last_row - repeated - (1 if cut else 0)
    for cell in then.cells:
        if cell.row < repeated:
            continue
        k = bottom.get(cell.col)
        above = first.cells[k] if k is not None else None
        continued = cell.text.replace("（续）", "").replace("(续)", "").strip()
        if cut and cell.row == repeated and k is not None and above is not None:
            text = above.text + "\n" + continued if continued else above.text
            first.cells[k] = attrs.evolve(
                above, text=text, rowspan=above.rowspan + cell.rowspan - 1
            )
            continue
        if (
            k is not None
            and above is not None
            and cell.row == repeated
            and above.colspan == cell.colspan
            and (cell.rowspan > 1 or above.rowspan > 1)
            and _spans_labels(first, above)
        ):
            # A merged cell the page break split: the text is in one part, or the new page repeats it
            # (with （续） or without), or each part has a piece of a label.
            joined: str | None = None
            if not continued or not above.text or continued == above.text:
                joined = above.text or continued
            elif _completes(above.text, continued):
                joined = above.text + "\n" + continued
            if joined is not None:
                first.cells[k] = attrs.evolve(
                    above, text=joined, rowspan=above.rowspan + cell.rowspan
                )
                continue
        first.cells.append(attrs.evolve(cell, row=cell.row + shift))
    if cut:
        first.row_pages += then.row_pages[repeated + 1 :]
        first.rows += then.rows - repeated - 1
        first.bottom = then.bottom
        notes.append(diagnostic("GP808", "$", None, page=then.page, count=repeated))
        return
    first.row_pages += then.row_pages[repeated:]
    first.rows += then.rows - repeated
    first.bottom = then.bottom
    notes.append(diagnostic("GP808", "$", None, page=then.page, count=repeated))


def _completes(head: str, tail: str) -> bool:
    """Whether ``tail`` is the rest of a statutory table's label that ``head`` begins (a cell cut by a
    page break), and not a label by itself."""
    return bool(owners(normalise(clean(head + "\n" + tail)))) and not owners(normalise(clean(tail)))


def _spans_labels(block: _TableBlock, cell: GridCell) -> bool:
    """Whether a cell is a label column's (a figure cell is never merged down across a page)."""
    return any(c.col > cell.col + cell.colspan - 1 for c in block.cells if c.row == cell.row)


def _chrome(pages: list[list[_Line]], notes: list[Diagnostic]) -> list[list[_Line]]:
    """The pages without their headers, footers and page numbers (see the module): at a page's edge, a
    page number, a line that recurs at the same height on most pages (digits aside), or a line in a small
    size set apart from the text (a running header of a one-page file)."""
    seen: dict[str, list[float]] = {}
    for lines in pages:
        edges = sorted(
            {
                *range(min(_EDGE_LINES, len(lines))),
                *range(max(len(lines) - _EDGE_LINES, 0), len(lines)),
            }
        )
        for k in edges:
            seen.setdefault(_DIGITS.sub("#", lines[k].text), []).append(lines[k].top)
    many = max(2, (len(pages) + 1) // 2)
    body = Counter(line.size for lines in pages for line in lines).most_common(1)
    body_size = body[0][0] if body else 0.0
    dropped: list[str] = []
    out = []
    for lines in pages:
        keep = []
        for k, line in enumerate(lines):
            edge = k < _EDGE_LINES or k >= len(lines) - _EDGE_LINES
            if edge and _page_chrome(lines, k, seen, many, body_size):
                dropped.append(line.text)
                continue
            keep.append(line)
        out.append(keep)
    if dropped:
        notes.append(diagnostic("GP807", "$", None, count=len(dropped), first=dropped[0]))
    return out


def _page_chrome(
    lines: list[_Line], k: int, seen: dict[str, list[float]], many: int, body_size: float
) -> bool:
    line = lines[k]
    first, last = k == 0, k == len(lines) - 1
    if (first or last) and _PAGE_NUMBER.fullmatch(line.text.strip()):
        return True
    tops = seen.get(_DIGITS.sub("#", line.text), [])
    if sum(1 for top in tops if abs(top - line.top) < 6) >= many:
        return True
    # A running header or footer in the page's top or bottom inch, set apart from the text.
    if line.size <= body_size + 0.5 and len(lines) > 1:
        if first and line.bottom < _INCH and lines[1].top - line.bottom > 2.5 * body_size:
            return True
        if (
            last
            and line.top > line.height - _INCH
            and line.top - lines[-2].bottom > 2.5 * body_size
        ):
            return True
    return False


def _margins(lines: Sequence[_Line]) -> tuple[float, float, float]:
    """The body's left and right margins and text size: the commonest left edge, the commonest right edge
    of lines starting there, and the commonest size."""
    if not lines:
        return 0.0, 0.0, 12.0
    size = Counter(line.size for line in lines).most_common(1)[0][0]
    # The left margin is the leftmost edge several lines share (first lines are indented, so the commonest
    # edge may be theirs).
    starts = Counter(round(line.x0) for line in lines if line.size == size)
    shared = [x for x, n in starts.items() if n >= 2]
    left = min(shared) if shared else min(starts)
    ends = [round(line.x1) for line in lines if abs(line.x0 - left) < 2]
    right = max(ends) if ends else max(round(line.x1) for line in lines)
    return float(left), float(right), float(size)


def _write(
    blocks: list[_Line | _TableBlock], writer: Writer, left: float, right: float, size: float
) -> None:
    """Lines joined into paragraphs, tables written whole, in reading order."""
    paragraph: list[_Line] = []

    def flush() -> None:
        if paragraph:
            text = paragraph[0].text
            for line in paragraph[1:]:
                latin = not _is_cjk(text[-1]) and not _is_cjk(line.text[0])
                text += (
                    " " if latin and text[-1].isalnum() and line.text[0].isalnum() else ""
                ) + line.text
            writer.paragraph(text, page=paragraph[0].page)
            paragraph.clear()

    for block in blocks:
        if isinstance(block, _TableBlock):
            flush()
            writer.table(block.cells, pages=block.row_pages, drawn_boxes=True)
            continue
        if paragraph and _continues(paragraph[-1], block, left, right, size):
            paragraph.append(block)
            continue
        flush()
        paragraph.append(block)
    flush()


def _continues(before: _Line, line: _Line, left: float, right: float, size: float) -> bool:
    if before.size > size * 1.15 or line.size > size * 1.15:
        # the title's lines (centred, larger) go together
        return abs(before.size - line.size) < 0.5 and (
            line.page != before.page or line.top - before.bottom < 3 * line.size
        )
    if abs(before.size - line.size) > 0.5:
        return False
    if abs(line.x0 - left) > 0.5 * size:
        return False  # indented (a new paragraph), centred or right-aligned
    if before.x1 < right - 1.5 * size:
        return False  # the line before ended short: its paragraph ended
    if before.x0 > left + 4 * size and before.x1 < right - 0.5 * size:
        return False
    return line.page != before.page or line.top - before.bottom < 1.2 * size


# -------------------------------------------------------------------------------------------------
# The time bound inside a page

_TICKS: Final = 256  # content-stream steps between two looks at the clock


@functools.cache
def _bounded_page() -> type[Any]:
    """pdfplumber's ``Page`` whose layout is interpreted under a deadline (``page.deadline``).

    A page's content stream may hold millions of operators in a few kilobytes (compressed), which pdfminer
    interprets and pdfplumber turns into objects, all inside one access to ``page.chars``: checking the
    clock between pages is not enough. Here the interpreter looks at the clock every few hundred steps of
    the stream (an operand pushed, an operator run, an unknown operator skipped) and the device every few
    hundred characters or paths drawn (one operator may draw a million). Hand-written: neither pdfplumber
    nor pdfminer takes a time limit; they are built here, on first use, because both are optional.
    """
    from pdfminer.pdfinterp import PDFPageInterpreter
    from pdfplumber.page import Page, PDFPageAggregatorWithMarkedContent

    class Device(PDFPageAggregatorWithMarkedContent):
        deadline: Deadline
        ticks = 0

        def tick(self) -> None:
            self.ticks += 1
            if self.ticks % _TICKS == 0:
                self.deadline.check()

        def render_char(self, *args: Any, **kwargs: Any) -> float:
            self.tick()
            return super().render_char(*args, **kwargs)

        def paint_path(self, *args: Any, **kwargs: Any) -> None:
            self.tick()
            super().paint_path(*args, **kwargs)

        def render_image(self, *args: Any, **kwargs: Any) -> None:
            self.tick()
            super().render_image(*args, **kwargs)

    class Interpreter(PDFPageInterpreter):
        device: Device  # also the device of the interpreters pdfminer makes for forms (dup)

        def push(self, obj: Any) -> None:
            self.device.tick()
            super().push(obj)

        def pop(self, n: int) -> Any:
            self.device.tick()
            return super().pop(n)

        def __getattr__(self, name: str) -> Any:
            # Only for names the class lacks: pdfminer looks up each operator as a method, so an
            # operator it does not know (a stream of junk) comes here.
            device = self.__dict__.get("device")
            if device is not None:
                device.tick()
            raise AttributeError(name)

    def ticking(method: Any) -> Any:
        def run(self: Any) -> Any:  # one argument: pdfminer counts a method's operands by its code
            self.device.tick()
            return method(self)

        return run

    # The operators without operands (q, Q, n, BT, ET …) neither push nor pop: each one ticks.
    for name, method in vars(PDFPageInterpreter).items():
        if name.startswith("do_") and method.__code__.co_argcount == 1:
            setattr(Interpreter, name, ticking(method))

    class BoundedPage(Page):
        deadline: Deadline

        @property
        def layout(self) -> Any:
            # pdfplumber's own, with the two classes above; cached where pdfplumber caches it (and
            # flush_cache clears it).
            if hasattr(self, "_layout"):
                return self._layout
            device = Device(self.pdf.rsrcmgr, pageno=self.page_number, laparams=self.pdf.laparams)
            device.deadline = self.deadline
            Interpreter(self.pdf.rsrcmgr, device).process_page(self.page_obj)
            self._layout = device.get_result()
            return self._layout

    return BoundedPage


@functools.cache
def _bounded_finder() -> type[Any]:
    """pdfplumber's ``TableFinder`` in its stages, bounded between them: pdfplumber pairs every vertical
    ruling line with every horizontal one, then every crossing with every other (a page ruled as graph
    paper takes minutes), in loops no deadline can enter. So the crossings are counted before they are
    paired (:attr:`Limits.max_crossings`), and the clock is read after each stage. The stages are
    pdfplumber's own (``TableFinder.__init__``), called one by one."""
    from pdfplumber.table import (
        Table,
        TableFinder,
        TableSettings,
        cells_to_tables,
        edges_to_intersections,
        intersections_to_cells,
    )

    class Finder(TableFinder):
        def __init__(self, page: Any, limits: Limits, deadline: Deadline) -> None:
            self.page = page
            self.settings = settings = TableSettings.resolve(None)
            self.edges = self.get_edges()
            deadline.check()
            vertical = sum(1 for edge in self.edges if edge["orientation"] == "v")
            pairs = vertical * (len(self.edges) - vertical)
            if pairs > _PAIRS_PER_CROSSING * limits.max_crossings:
                raise _crossings(page, f"≤ {pairs}", limits)
            self.intersections = edges_to_intersections(
                self.edges, settings.intersection_x_tolerance, settings.intersection_y_tolerance
            )
            deadline.check()
            if len(self.intersections) > limits.max_crossings:
                raise _crossings(page, len(self.intersections), limits)
            self.cells = intersections_to_cells(self.intersections)
            deadline.check()
            self.tables = [Table(page, group) for group in cells_to_tables(self.cells)]

    return Finder


_PAIRS_PER_CROSSING: Final = 100  # ruling lines paired (cheap) per crossing allowed (dear)


def _crossings(page: Any, found: object, limits: Limits) -> OverLimit:
    return OverLimit(
        f"第{page.page_number}页表格线交点数",
        f"ruling-line crossings on page {page.page_number}",
        found,
        limits.max_crossings,
    )


def _tables_of(
    page: Any, limits: Limits, deadline: Deadline
) -> tuple[list[Any], list[dict[str, Any]]]:
    """The tables pdfplumber finds on ``page`` (its default settings), within the bounds, and the ruling
    lines it found them by."""
    finder = _bounded_finder()(page, limits, deadline)
    return finder.tables, finder.edges


def _bounded(page: Any, deadline: Deadline) -> Any:
    """``page`` (a pdfplumber ``Page``) read under ``deadline`` (see :func:`_bounded_page`)."""
    bounded = _bounded_page()(
        page.pdf, page.page_obj, page_number=page.page_number, initial_doctop=page.initial_doctop
    )
    bounded.deadline = deadline
    return bounded


def read_pdf(
    data: bytes, limits: Limits, deadline: Deadline, notes: list[Diagnostic]
) -> Writer | Diagnostic:
    """The blocks of a PDF file, or the one diagnostic saying why it cannot be read."""
    pdfplumber = library("pdfplumber", "PDF", "pdfplumber", "pdf")
    if isinstance(pdfplumber, Diagnostic):
        return pdfplumber
    if not data.lstrip()[:1024].startswith(b"%PDF") and b"%PDF" not in data[:1024]:
        return diagnostic("GP800", "$", None, kind="PDF", reason="no %PDF header")
    bomb = stream_problem(data, limits)
    if bomb is not None:
        return bomb
    # pdfminer logs every font it cannot fully read; those are not the user's problem.
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            return _read(pdf, limits, deadline, notes)
    except OverLimit as over:
        return over.note
    except Exception as error:  # pdfminer raises many kinds for a broken or locked file
        name = type(error).__name__ + " " + repr(getattr(error, "args", ""))
        if "Password" in name or "Encrypt" in name or "password" in name:
            return diagnostic("GP802", "$", None)
        reason = " ".join(f"{type(error).__name__}: {error}".split())[:200] or type(error).__name__
        return diagnostic("GP800", "$", None, kind="PDF", reason=reason)


def _read(
    pdf: Any, limits: Limits, deadline: Deadline, notes: list[Diagnostic]
) -> Writer | Diagnostic:
    count = len(pdf.pages)
    if count > limits.max_pages:
        return diagnostic(
            "GP801",
            "$",
            None,
            what="页数",
            what_en="pages",
            found=str(count),
            limit=str(limits.max_pages),
        )
    pages: list[list[_Line]] = []
    tables: list[list[_TableBlock]] = []
    total = bad = images = 0
    radicals: Counter[str] = Counter()
    for number, plain in enumerate(pdf.pages, 1):
        deadline.check()
        page = _bounded(plain, deadline)
        chars = []
        for ch in page.chars:
            text = ch.get("text") or ""
            total += 1
            if total % 4096 == 0:
                deadline.check()
            if "(cid:" in text or "\ufffd" in text:
                bad += 1
                continue
            if _RADICAL_CHARS.search(text):
                fixed = _radical(text)
                if fixed != text:
                    radicals[text] += 1
                    ch = {**ch, "text": fixed}
            chars.append(ch)
        images += len(page.images)
        found = []
        inside: set[int] = set()
        found_tables, edges = _tables_of(page.filter(_not_a_fill), limits, deadline)
        for t in found_tables:
            extra = _open_rows(t.bbox, edges, chars, float(page.height))
            x0, top, x1, bottom = t.bbox
            top = min([top, *(b[1] for b in extra)])
            bottom = max([bottom, *(b[3] for b in extra)])
            own = [
                k
                for k, ch in enumerate(chars)
                if x0 <= (ch["x0"] + ch["x1"]) / 2 <= x1
                and top <= (ch["top"] + ch["bottom"]) / 2 <= bottom
            ]
            block = _table(t, [chars[k] for k in own], number, deadline, extra)
            # A box drawn round the text (one column, or a cell of a whole paragraph) is no table: its
            # characters stay lines.
            if block is not None and not is_layout(block.cells):
                found.append(block)
                inside.update(own)
        tables.append(found)
        page_lines = _lines([ch for k, ch in enumerate(chars) if k not in inside], number)
        for line in page_lines:
            line.height = float(page.height)
        pages.append(page_lines)
        page.flush_cache()
    if bad and bad >= 0.2 * total:
        return diagnostic("GP803", "$", None, count=bad, total=total)
    if total == 0 or (not any(pages) and not any(tables)):
        return diagnostic("GP804", "$", None, pages=count)
    if radicals:
        example = ", ".join(f"{k} → {_radical(k)}" for k, _ in radicals.most_common(3))
        notes.append(diagnostic("GP810", "$", None, count=sum(radicals.values()), example=example))
    pages = _chrome(pages, notes)
    left, right, size = _margins([line for lines in pages for line in lines])
    blocks: list[_Line | _TableBlock] = []
    for lines, found in zip(pages, tables, strict=True):
        page_blocks: list[_Line | _TableBlock] = sorted([*lines, *found], key=lambda b: b.top)
        head = page_blocks[0] if page_blocks else None
        last = blocks[-1] if blocks else None
        if (
            isinstance(head, _TableBlock)
            and isinstance(last, _TableBlock)
            and abs(last.x0 - head.x0) < 3
            and abs(last.x1 - head.x1) < 3
        ):
            _join(last, head, notes)
            page_blocks = page_blocks[1:]
        blocks.extend(page_blocks)
    writer = Writer()
    _write(blocks, writer, left, right, size)
    return writer


def parse_pdf(
    source: str | os.PathLike[str] | bytes | bytearray, *, limits: Limits = DEFAULT_LIMITS
) -> ParseResult:
    """Read a report from a PDF file (a path, or the file's bytes) with a text layer.

    Needs pdfplumber (``pip install 'govdisclosure[pdf]'``). Page chrome is dropped, paragraphs are rebuilt
    from their lines and tables from their ruling lines (see the module), then the text is read as a page is;
    :attr:`ParseResult.origins` gives each stretch's page, paragraph or table cell. A file that cannot be
    read gives an empty report and one error diagnostic: GP800 (corrupt), GP801 (over ``limits``), GP802
    (encrypted), GP803 (an unreadable text layer) or GP804 (no text layer: a scan), the last two naming OCR.
    """
    return read_file(source, limits, read_pdf, "PDF")
