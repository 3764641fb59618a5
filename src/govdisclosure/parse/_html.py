"""HTML pages to text: decoding, a forgiving element tree, chrome removal, blocks as lines, tables as rows.

The tokenizer is the standard library's :class:`html.parser.HTMLParser` (no dependency, tolerant of the
broken markup portals publish). It does not build a tree, and portals leave ``<p>``, ``<li>``, ``<td>``
and ``<tr>`` unclosed, so the tree is built here with the implied end tags of the HTML standard that
matter for text (a new ``<p>`` closes the open one, a ``<td>`` the open cell, a ``<tr>`` the open row …).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Final

import attrs

from govdisclosure.model import Diagnostic, Span
from govdisclosure.parse._codes import diagnostic
from govdisclosure.parse._decode import clean_text, decode_html

__all__ = ["Extracted", "Table", "TableCell", "extract_text"]

# -------------------------------------------------------------------------------------------------
# The element tree

_VOID: Final = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param"}
    | {"source", "track", "wbr", "keygen", "frame", "basefont", "isindex"}
)
_CLOSES_P: Final = frozenset(
    {"address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl"}
    | {"fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6"}
    | {"header", "hgroup", "hr", "main", "menu", "nav", "ol", "p", "pre", "section", "table", "ul"}
    | {"li", "dd", "dt"}
)
_SCOPE: Final = frozenset({"html", "table", "td", "th", "caption", "template", "button", "object"})
_BLOCKS: Final = _CLOSES_P | frozenset(
    {
        "body",
        "br",
        "tr",
        "td",
        "th",
        "caption",
        "tbody",
        "thead",
        "tfoot",
        "title",
        "option",
        "legend",
    }
    | {"noscript", "iframe", "address", "summary"}
)
_DROPPED: Final = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "head",
        "nav",
        "iframe",
        "object",
        "embed",
        "select",
    }
    | {"button", "input", "textarea", "svg", "canvas", "map", "audio", "video"}
)
# The page's own footer and side bars are chrome; inside an <article> or <main> they are the document's
# (the renderer puts the signature in the article's <footer>).
_PAGE_PARTS: Final = frozenset({"footer", "aside"})
# Class and id words of navigation and share widgets (split on -, _ and spaces).
_CHROME_CLASSES: Final = frozenset(
    {
        "nav",
        "navbar",
        "navigation",
        "menu",
        "breadcrumb",
        "breadcrumbs",
        "crumb",
        "crumbs",
        "footer",
    }
    | {"share", "bdshare", "bdsharebuttonbox", "sharebox", "toolbar", "sidebar", "copyright"}
    | {"qrcode", "ewm", "fontsize", "font-size", "font_size", "print", "topbar", "zoom-tools"}
)
_CLASS_WORD: Final = re.compile(r"[\s_\-]+")


_MAX_DEPTH: Final = 200


class _Element:
    __slots__ = ("attrs", "children", "tag")

    def __init__(self, tag: str, attrs: dict[str, str]) -> None:
        self.tag = tag
        self.attrs = attrs
        self.children: list[_Element | str] = []


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Element("#root", {})
        self.stack: list[_Element] = [self.root]

    def _close_to(self, tags: frozenset[str], scope: frozenset[str]) -> None:
        for k in range(len(self.stack) - 1, 0, -1):
            tag = self.stack[k].tag
            if tag in tags:
                del self.stack[k:]
                return
            if tag in scope:
                return

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _CLOSES_P:
            self._close_to(frozenset({"p"}), _SCOPE)
        if tag == "li":
            self._close_to(frozenset({"li"}), _SCOPE | {"ul", "ol"})
        elif tag in ("dt", "dd"):
            self._close_to(frozenset({"dt", "dd"}), _SCOPE | {"dl"})
        elif tag in ("td", "th"):
            self._close_to(frozenset({"td", "th"}), frozenset({"tr", "table"}))
        elif tag == "tr":
            self._close_to(frozenset({"tr"}), frozenset({"table", "tbody", "thead", "tfoot"}))
        elif tag in ("tbody", "thead", "tfoot"):
            self._close_to(frozenset({"tbody", "thead", "tfoot"}), frozenset({"table"}))
        element = _Element(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(element)
        # Depth is capped so that walking the tree cannot exhaust the stack on hostile input.
        if tag not in _VOID and len(self.stack) < _MAX_DEPTH:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID and self.stack[-1].tag == tag:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        if tag == "br":
            self.handle_starttag("br", [])
            return
        for k in range(len(self.stack) - 1, 0, -1):
            if self.stack[k].tag == tag:
                del self.stack[k:]
                return
            if tag not in ("table", "html", "body") and self.stack[k].tag == "table":
                return  # an end tag never closes across a table

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


# -------------------------------------------------------------------------------------------------
# Text


@attrs.frozen
class TableCell:
    """A cell of an HTML table placed in its grid: text, anchor, spans, and where its text is in the output."""

    text: str
    row: int
    """the grid row of the cell's top edge (0-based)"""
    col: int
    """the grid column of the cell's left edge (0-based), after the cells and row spans before it"""
    rowspan: int
    colspan: int
    start: int
    """offset of the cell's text in the extracted text (start == end for an empty cell)"""
    end: int


@attrs.frozen
class Table:
    """A data table with its row and column spans resolved (for the table reader of the statutory format).

    ``rows[r]`` are the cells whose top edge is row ``r``, left to right, each placed by the HTML table
    model: in the first grid column of its row not covered by a cell above (rowspan) or before it.
    """

    rows: tuple[tuple[TableCell, ...], ...]
    width: int
    """the number of grid columns"""
    span: Span
    """where the table's rows are in the extracted text"""

    @property
    def grid(self) -> tuple[tuple[str, ...], ...]:
        """``grid[r][c]``: the text of the cell covering row ``r``, column ``c`` (a cell spanning several
        positions appears in each; empty where no cell covers a position)."""
        filled: dict[tuple[int, int], str] = {}
        for row in self.rows:
            for cell in row:
                for r in range(cell.row, cell.row + cell.rowspan):
                    for c in range(cell.col, cell.col + cell.colspan):
                        filled[(r, c)] = cell.text
        return tuple(
            tuple(filled.get((r, c), "") for c in range(self.width)) for r in range(len(self.rows))
        )


@attrs.frozen
class Extracted:
    text: str
    tables: tuple[Table, ...]
    diagnostics: tuple[Diagnostic, ...]
    encoding: str | None


_CJK: Final = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef"
_SEGMENT_BREAK: Final = re.compile(f"(?<=[{_CJK}])[ \\t\\r\\f]*\\n[ \\t\\r\\n\\f]*(?=[{_CJK}])")
_SPACES: Final = re.compile(r"[ \t\r\n\f]+")
_MAX_LAYOUT_CELL: Final = 200
# The most grid positions a data table may cover (the statutory table 三 of the 2021 format covers 300):
# spans are capped one by one, but 1,000 cells of rowspan=100 colspan=100 would still cover 10 million.
_MAX_GRID: Final = 20_000


def _normalise(raw: str) -> str:
    text = _SEGMENT_BREAK.sub("", raw)
    return _SPACES.sub(" ", text).replace("\xa0", " ")


def _hidden(element: _Element) -> bool:
    if element.tag in _DROPPED:
        return True
    words = []
    for key in ("class", "id"):
        value = element.attrs.get(key)
        if value:
            names = value.lower().split()
            words += names
            for name in names:
                words += _CLASS_WORD.split(name)
    if any(w in _CHROME_CLASSES for w in words):
        return True
    style = element.attrs.get("style", "").replace(" ", "").lower()
    return "display:none" in style or "visibility:hidden" in style or "hidden" in element.attrs


class _Writer:
    def __init__(self) -> None:
        self.out: list[str] = []
        self.length = 0
        self.line: list[str] = []
        self.tables: list[Table] = []
        # the grid sizes of tables too large to be read as data tables
        self.oversized: list[int] = []
        self.term = False  # a <dt> was written and its <dd> goes on the same line

    def text(self, data: str) -> None:
        self.line.append(data)

    def pre(self, data: str) -> None:
        self.flush()
        lines = data.replace("\r\n", "\n").split("\n")
        for line in lines:
            self._emit(line.rstrip())
        self.blank()

    def flush(self) -> None:
        if not self.line:
            return
        text = _normalise("".join(self.line)).strip(" ")
        self.line = []
        if text:
            self._emit(text)

    def _emit(self, text: str) -> None:
        self.out.append(text + "\n")
        self.length += len(text) + 1

    def blank(self) -> None:
        self.flush()
        if self.out and self.out[-1] != "\n":
            self.out.append("\n")
            self.length += 1

    def break_line(self) -> None:
        self.flush()


def _cell_text(element: _Element) -> str:
    parts: list[str] = []

    def walk(node: _Element) -> None:
        for child in node.children:
            if isinstance(child, str):
                parts.append(child)
            elif not _hidden(child):
                if child.tag in _BLOCKS:
                    parts.append(" ")
                walk(child)
                if child.tag in _BLOCKS:
                    parts.append(" ")

    walk(element)
    # All white space off the ends, not only ASCII: editors pad a blank box with ideographic spaces
    # (U+3000) or en/em spaces (U+2002, U+2003), and a box holding only those is blank, as in DOCX and PDF.
    return _normalise("".join(parts)).strip()


def _rows(table: _Element) -> list[list[_Element]]:
    rows: list[list[_Element]] = []

    def walk(node: _Element) -> None:
        for child in node.children:
            if isinstance(child, str) or child.tag == "table":
                continue
            if child.tag == "tr":
                rows.append(
                    [c for c in child.children if isinstance(c, _Element) and c.tag in ("td", "th")]
                )
            elif child.tag in ("tbody", "thead", "tfoot", "form"):
                walk(child)

    walk(table)
    return rows


def _contains_table(element: _Element) -> bool:
    for child in element.children:
        if isinstance(child, _Element) and (child.tag == "table" or _contains_table(child)):
            return True
    return False


def _span(cell: _Element, name: str) -> int:
    # Capped as browsers cap them (colspan 1000, rowspan 65534), and lower: the grid is built in memory.
    try:
        return max(1, min(int(cell.attrs.get(name, "1").strip() or 1), 100))
    except ValueError:
        return 1


def _resolve(
    rows: list[list[_Cell]], texts: list[list[str]], starts: list[int]
) -> tuple[tuple[tuple[TableCell, ...], ...], int]:
    """The cells placed in the grid by the HTML table model, with their offsets in the output text.

    Hand-written: html.parser gives no table model. Each cell takes the first column of its row that no
    cell above covers; a rowspan stops at the last row of the table.
    """
    taken: set[tuple[int, int]] = set()
    placed: list[tuple[TableCell, ...]] = []
    width = 0
    for r, (row, row_texts, start) in enumerate(zip(rows, texts, starts, strict=True)):
        cells: list[TableCell] = []
        c = 0
        offset = start
        for cell, text in zip(row, row_texts, strict=True):
            while (r, c) in taken:
                c += 1
            rowspan = min(cell.rowspan, len(rows) - r)
            colspan = cell.colspan
            for dr in range(rowspan):
                for dc in range(colspan):
                    taken.add((r + dr, c + dc))
            cells.append(TableCell(text, r, c, rowspan, colspan, offset, offset + len(text)))
            offset += len(text) + 3  # the " | " after it
            c += colspan
            width = max(width, c)
        placed.append(tuple(cells))
    return tuple(placed), width


def _write(element: _Element, writer: _Writer, in_article: bool = False) -> None:
    for child in element.children:
        if isinstance(child, str):
            writer.text(child)
            continue
        if _hidden(child):
            continue
        tag = child.tag
        if tag in _PAGE_PARTS and not in_article:
            continue
        if tag == "br":
            writer.break_line()
            continue
        if tag == "table" and _write_table(child, writer):
            continue
        if tag == "pre":
            writer.pre(_cell_text_raw(child))
            continue
        if tag == "dt":
            # A term and its description are one "label：value" line (catalogue metadata lists).
            writer.blank()
            writer.text(_cell_text(child).rstrip(":：") + "：")
            writer.term = True
            continue
        if tag == "dd" and writer.term:
            writer.term = False
            writer.text(_cell_text(child))
            writer.blank()
            continue
        writer.term = False
        block = tag in _BLOCKS
        if block:
            writer.blank()
        _write(child, writer, in_article or tag in ("article", "main"))
        if block:
            writer.blank()


def _cell_text_raw(element: _Element) -> str:
    parts: list[str] = []

    def walk(node: _Element) -> None:
        for child in node.children:
            if isinstance(child, str):
                parts.append(child)
            elif child.tag == "br":
                parts.append("\n")
            elif not _hidden(child):
                walk(child)

    walk(element)
    return "".join(parts)


@attrs.frozen
class _Cell:
    """A cell of a data table as written: its text and spans (a cell of a table nested in a cell may
    stand for it)."""

    text: str
    rowspan: int
    colspan: int


def _cells(row: list[_Element]) -> list[_Cell] | None:
    """A row's cells, with the tables nested in them read as part of them; None where a cell holds more
    than a small table (the outer table is then a layout table).

    Editors wrap a cell's content in a table of its own: a table of one row stands for its cells (its
    cells take the outer cell's place, the last one the rest of its columns); a table of one cell a row
    is one cell (商业 / 企业). A blank cell stays a blank cell either way.
    """
    cells: list[_Cell] = []
    for td in row:
        rowspan, colspan = _span(td, "rowspan"), _span(td, "colspan")
        nested = _nested_tables(td)
        if not nested:
            cells.append(_Cell(_cell_text(td), rowspan, colspan))
            continue
        if len(nested) > 1 or any(_contains_table(t) for t in nested):
            return None
        inner = [r for r in _rows(nested[0]) if r]
        outside = _cell_text(td) != _cell_text(nested[0])  # text beside the nested table
        if len(inner) == 1 and not outside:
            parts = [_Cell(_cell_text(c), rowspan, _span(c, "colspan")) for c in inner[0]]
            spare = colspan - sum(c.colspan for c in parts)
            if spare > 0:
                parts[-1] = attrs.evolve(parts[-1], colspan=parts[-1].colspan + spare)
            cells += parts
        elif all(len(r) <= 1 for r in inner):
            cells.append(_Cell(_cell_text(td), rowspan, colspan))
        else:
            return None
    return cells


def _nested_tables(element: _Element) -> list[_Element]:
    """The outermost tables inside an element."""
    found: list[_Element] = []
    for child in element.children:
        if isinstance(child, _Element):
            if child.tag == "table":
                found.append(child)
            else:
                found += _nested_tables(child)
    return found


def _write_table(table: _Element, writer: _Writer) -> bool:
    """Write a data table as rows of cells; False for a layout table (its cells are written as blocks)."""
    elements = [row for row in _rows(table) if row]
    if not elements:
        return False
    rows: list[list[_Cell]] = []
    for element in elements:
        row = _cells(element)
        if row is None:
            return False
        rows.append(row)
    texts = [[cell.text for cell in row] for row in rows]
    if max(len(row) for row in rows) < 2 or any(
        len(text) > _MAX_LAYOUT_CELL for row in texts for text in row
    ):
        return False
    covered = sum(
        min(cell.rowspan, len(rows) - r) * cell.colspan
        for r, row in enumerate(rows)
        for cell in row
    )
    if covered > _MAX_GRID:
        writer.oversized.append(covered)
        return False
    writer.blank()
    start = writer.length
    starts = []
    for row_texts in texts:
        starts.append(writer.length)
        writer._emit(" | ".join(row_texts) + " |")
    grid, width = _resolve(rows, texts, starts)
    writer.tables.append(Table(rows=grid, width=width, span=Span(start, writer.length)))
    writer.blank()
    return True


# html.parser asserts on marked sections it does not know (<![foo[, <![ ): such markup is read as text.
_UNKNOWN_MARKED_SECTION: Final = re.compile(
    r"<!\[(?!(?:temp|cdata|ignore|include|rcdata|if|else|endif)\b)", re.IGNORECASE
)


# A construct whose end never comes: a tag or declaration after the last ``>``, a comment after the last
# ``-->``. The standard library's tokenizer (CPython before 3.13.4) rescans such a construct to the end of
# the page at every ``<`` that follows it, which is quadratic; the HTML standard ends it at the end of
# the file instead, and so is it cut here (GP007).
_OPENING: Final = re.compile(r"<[A-Za-z/!?]")


def _unterminated(source: str) -> int | None:
    """Where the first construct that the page never ends starts, if one does."""
    cuts = []
    last_gt = source.rfind(">")
    m = _OPENING.search(source, last_gt + 1)
    if m is not None:
        cuts.append(m.start())
    last_comment_end = source.rfind("-->")
    start = source.find("<!--", last_comment_end + 3 if last_comment_end >= 0 else 0)
    if start >= 0:
        cuts.append(start)
    return min(cuts) if cuts else None


def _position(source: str, offset: int) -> str:
    line = source.count("\n", 0, offset) + 1
    return f"{line}:{offset - source.rfind(chr(10), 0, offset)}"


def _feed(builder: _TreeBuilder, source: str, notes: list[Diagnostic]) -> None:
    """Feed the page to the tokenizer; where it still gives up, keep what was read (GP007).

    Each kind of damage is reported once, at its first place (a page may hold thousands)."""
    first = _UNKNOWN_MARKED_SECTION.search(source)
    if first is not None:
        notes.append(
            diagnostic("GP007", "$", Span(0, 0), position=_position(source, first.start()))
        )
        source = _UNKNOWN_MARKED_SECTION.sub("&lt;![", source)
    cut = _unterminated(source)
    if cut is not None:
        notes.append(diagnostic("GP007", "$", Span(0, 0), position=_position(source, cut)))
        source = source[:cut]
    try:
        builder.feed(source)
        builder.close()
    except Exception:  # a tokenizer assertion not foreseen above: the rest of the page is lost
        line, column = builder.getpos()
        notes.append(diagnostic("GP007", "$", Span(0, 0), position=f"{line}:{column + 1}"))


def extract_text(html: str | bytes | bytearray) -> Extracted:
    """The text of an HTML page (bytes are decoded first, see :func:`~govdisclosure.parse._decode.decode_html`)."""
    notes: list[Diagnostic] = []
    encoding = None
    if isinstance(html, bytes | bytearray):
        source, encoding, notes = decode_html(bytes(html))
    else:
        source = html
    # Invisible characters go before the markup is read, so the table cells' offsets are the text's.
    source, cleaned = clean_text(source, at=Span(0, 0))
    notes.extend(cleaned)
    builder = _TreeBuilder()
    _feed(builder, source, notes)
    writer = _Writer()
    _write(builder.root, writer)
    writer.flush()
    if writer.oversized:
        notes.append(
            diagnostic(
                "GP008",
                "$",
                Span(0, 0),
                count=len(writer.oversized),
                found=str(max(writer.oversized)),
                limit=_MAX_GRID,
            )
        )
    text = "".join(writer.out).rstrip("\n")
    text = text + "\n" if text else ""
    return Extracted(
        text=text, tables=tuple(writer.tables), diagnostics=tuple(notes), encoding=encoding
    )
