"""DOCX files (Word 2007 and later, WPS, LibreOffice) into the parser's text, through python-docx.

python-docx opens the package (safely: its XML parser resolves no entities) and gives the parts; the body is
walked here on its XML, because python-docx's ``Paragraph.text`` keeps deleted revisions and drops Word's
automatic numbering, and its tables repeat a merged cell in every grid position it covers:

- paragraphs in document order (content controls entered), each with the label of Word's automatic
  numbering written out (``一、`` from ``chineseCounting`` and ``%1、``; hand-written: python-docx has no
  numbering engine), tracked deletions dropped and insertions kept, a manual line break a line break;
- tables with merged cells resolved: ``w:gridSpan`` and ``w:hMerge`` across, ``w:vMerge`` down (a vertically
  merged cell is one cell with its rowspan), ``w:gridBefore`` skipped; a table that lays out the page (one
  column, or a cell over 200 characters) is read as its cells' paragraphs;
- headers, footers (page numbers) and footnotes are other parts, never read; images and drawings (a seal)
  are counted (GP809), text boxes not read;
- the properties are read only for a file govdisclosure wrote (its core ``comments`` say so): its custom
  properties (``docProps/custom.xml``) hold the title on one line (``govdisclosure.title``) and the header
  block (``govdisclosure.header.1`` …, a ``label：value`` line each, read as a page's header block), so
  that the report comes back whole. They are hostile input like the rest: bounded in size and number, parsed
  without entities, and a name or value not of this form is left out and said (GP813). A clerk's file has
  the author of the machine in its core properties, not the publisher, and WPS's own custom properties.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
from collections.abc import Callable, Iterator
from typing import Any, Final, NamedTuple, TypeVar

from govdisclosure.model import Diagnostic
from govdisclosure.parse._blocks import GridCell, Writer, clean, is_layout, library, read_file
from govdisclosure.parse._codes import diagnostic
from govdisclosure.parse._limits import DEFAULT_LIMITS, Deadline, Limits, OverLimit, zip_problem
from govdisclosure.parse._result import ParseResult
from govdisclosure.zh import to_chinese

__all__ = ["parse_docx", "read_docx"]

_W: Final = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC: Final = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_P, _TBL, _TR, _TC, _SDT, _SDT_CONTENT = (
    _W + t for t in ("p", "tbl", "tr", "tc", "sdt", "sdtContent")
)
_T, _TAB, _PTAB, _BR, _CR, _NBH = (
    _W + t for t in ("t", "tab", "ptab", "br", "cr", "noBreakHyphen")
)
_VAL: Final = _W + "val"
# Subtrees whose text is not the document's: deleted revisions, field instructions, properties, drawings
# (counted as images), text boxes, and the fallback copy of alternate content.
_SKIPPED: Final = frozenset(
    _W + t
    for t in (
        "del",
        "moveFrom",
        "delText",
        "instrText",
        "delInstrText",
        "rPr",
        "pPr",
        "footnoteReference",
        "endnoteReference",
        "commentReference",
        "fldData",
    )
)
_IMAGES: Final = frozenset({_W + "drawing", _W + "pict", _W + "object", _MC + "AlternateContent"})
_CONTAINERS: Final = frozenset(
    _W + t
    for t in ("customXml", "smartTag", "ins", "moveTo", "hyperlink", "fldSimple", "bdo", "dir")
)
_PROPERTIES_MARK: Final = "govdisclosure"
_Value = TypeVar("_Value")


# -------------------------------------------------------------------------------------------------
# Word's automatic numbering

_TIANGAN: Final = "甲乙丙丁戊己庚辛壬癸"
_DIZHI: Final = "子丑寅卯辰巳午未申酉戌亥"
_CHINESE_FORMATS: Final = frozenset(
    {
        "chineseCounting",
        "chineseCountingThousand",
        "chineseLegalSimplified",
        "japaneseCounting",
        "taiwaneseCounting",
        "taiwaneseCountingThousand",
        "koreanCounting",
        "ideographLegalTraditional",
    }
)
_ROMAN: Final = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


def _roman(n: int) -> str:
    out = []
    for value, letters in _ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def _letters(n: int) -> str:
    # Word repeats the letter: a … z, aa … zz.
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def number_text(n: int, fmt: str) -> str:
    """The number ``n`` as Word writes it in the numbering format ``fmt`` (``w:numFmt``).

    >>> [number_text(3, f) for f in ("decimal", "chineseCounting", "ideographTraditional", "lowerRoman")]
    ['3', '三', '丙', 'iii']
    >>> number_text(12, "chineseCountingThousand"), number_text(2, "decimalEnclosedCircle")
    ('十二', '②')
    """
    if n < 1 and fmt != "decimal":
        return str(n)
    if fmt in _CHINESE_FORMATS:
        return to_chinese(n)
    if fmt == "ideographDigital":
        return "".join("〇一二三四五六七八九"[int(d)] for d in str(n))
    if fmt == "ideographTraditional":
        return _TIANGAN[(n - 1) % 10]
    if fmt == "ideographZodiac":
        return _DIZHI[(n - 1) % 12]
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and n <= 20:
        return chr(0x2460 + n - 1)
    if fmt == "decimalEnclosedParen" and n <= 20:
        return chr(0x2474 + n - 1)
    if fmt == "decimalEnclosedFullstop" and n <= 20:
        return chr(0x2488 + n - 1)
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return "".join(chr(ord(d) - ord("0") + 0xFF10) for d in str(n))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "upperRoman":
        return _roman(n)
    if fmt in ("bullet", "none"):
        return ""
    return str(n)


_LEVEL_REF: Final = re.compile(r"%([1-9])")


class _Numbering:
    """Counters of Word's lists, giving each numbered paragraph its label (hand-written: see the module)."""

    def __init__(self, document: Any) -> None:
        # abstractNumId → ilvl → (numFmt, lvlText, start)
        self.abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        # numId → (abstractNumId, {ilvl: startOverride})
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}
        self.counters: dict[str, list[int | None]] = {}
        self.style_numbering: dict[str, tuple[str, int]] = {}
        self.labelled = 0
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError, ValueError):
            return
        for abstract in root.iterchildren(_W + "abstractNum"):
            levels: dict[int, tuple[str, str, int]] = {}
            for lvl in abstract.iterchildren(_W + "lvl"):
                ilvl = _int(lvl.get(_W + "ilvl"), 0)
                levels[ilvl] = (
                    _child_val(lvl, "numFmt") or "decimal",
                    _child_val(lvl, "lvlText") or "",
                    _int(_child_val(lvl, "start"), 1),
                )
            self.abstract[abstract.get(_W + "abstractNumId", "")] = levels
        for num in root.iterchildren(_W + "num"):
            overrides: dict[int, int] = {}
            for override in num.iterchildren(_W + "lvlOverride"):
                start = _child_val(override, "startOverride")
                if start is not None:
                    overrides[_int(override.get(_W + "ilvl"), 0)] = _int(start, 1)
            self.nums[num.get(_W + "numId", "")] = (
                _child_val(num, "abstractNumId") or "",
                overrides,
            )
        self._styles(document)

    def _styles(self, document: Any) -> None:
        """The numbering that paragraph styles carry (``w:style/w:pPr/w:numPr``), following ``basedOn``."""

        def own(style: Any) -> tuple[str | None, int | None] | None:
            num_pr = style.find(f"{_W}pPr/{_W}numPr")
            if num_pr is None:
                return None
            level = _child_val(num_pr, "ilvl")
            return _child_val(num_pr, "numId"), None if level is None else _int(level, 0)

        for style_id, (num, level) in _style_values(document, own).items():
            if num is not None and num != "0":
                self.style_numbering[style_id] = (num, level or 0)

    def label(self, p: Any) -> str:
        """The label of paragraph ``p`` (a ``w:p``), counting it; empty when it is not numbered."""
        if not self.nums:
            return ""
        p_pr = p.find(_W + "pPr")
        num_id: str | None = None
        ilvl = 0
        if p_pr is not None:
            num_pr = p_pr.find(_W + "numPr")
            if num_pr is not None:
                num_id = _child_val(num_pr, "numId")
                ilvl = _int(_child_val(num_pr, "ilvl"), 0)
            if num_id is None:
                style = _child_val(p_pr, "pStyle")
                if style is not None and style in self.style_numbering:
                    num_id, ilvl = self.style_numbering[style]
        if num_id is None or num_id == "0" or num_id not in self.nums:
            return ""
        abstract_id, overrides = self.nums[num_id]
        levels = self.abstract.get(abstract_id, {})
        if ilvl not in levels:
            return ""
        # Lists sharing an abstract definition continue each other unless one restarts (startOverride).
        key = num_id if overrides else abstract_id
        counters = self.counters.setdefault(key, [None] * 10)
        ilvl = min(max(ilvl, 0), 9)
        current = counters[ilvl]
        start = overrides.get(ilvl, levels[ilvl][2])
        counters[ilvl] = start if current is None else current + 1
        for deeper in range(ilvl + 1, 10):
            counters[deeper] = None
        fmt, template, _ = levels[ilvl]
        if fmt in ("bullet", "none"):
            return ""

        def level_text(m: re.Match[str]) -> str:
            k = int(m.group(1)) - 1
            value = counters[k] if k < len(counters) else None
            if value is None:
                value = overrides.get(k, levels.get(k, ("decimal", "", 1))[2])
            return number_text(value, levels.get(k, (fmt, "", 1))[0])

        self.labelled += 1
        return _LEVEL_REF.sub(level_text, template)


def _child_val(element: Any, name: str) -> str | None:
    child = element.find(_W + name)
    if child is None:
        return None
    value = child.get(_VAL)
    return None if value is None else str(value)


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


# -------------------------------------------------------------------------------------------------
# The body


class _State:
    __slots__ = ("deadline", "images", "numbering", "other_title", "steps")

    def __init__(self, numbering: _Numbering, deadline: Deadline) -> None:
        self.numbering = numbering
        self.images = 0
        self.other_title = (
            False  # the title property is not the first paragraph's (edited in Word?)
        )
        self.deadline = deadline
        self.steps = 0

    def tick(self) -> None:
        self.steps += 1
        if self.steps % 256 == 0:
            self.deadline.check()


def _paragraph_text(p: Any, state: _State) -> str:
    """The text of a ``w:p``: its runs in order, a manual line break as ``\\n``, a tab as a space."""
    parts: list[str] = []

    def walk(element: Any) -> None:
        for child in element:
            tag = child.tag
            if tag == _T:
                parts.append(child.text or "")
            elif tag in (_TAB, _PTAB):
                parts.append(" ")
            elif tag in (_BR, _CR):
                if child.get(_W + "type") not in ("page", "column"):
                    parts.append("\n")
            elif tag == _NBH:
                parts.append("-")
            elif tag in _IMAGES:
                state.images += 1
            elif tag in _SKIPPED or not isinstance(tag, str):
                continue  # comments and processing instructions have a non-str tag
            else:
                walk(child)

    walk(p)
    return "".join(parts)


def _blocks(element: Any) -> Iterator[Any]:
    """The paragraphs and tables of a body, cell or content control, content controls entered."""
    for child in element:
        tag = child.tag
        if tag in (_P, _TBL):
            yield child
        elif tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _blocks(content)
        elif tag in _CONTAINERS:
            yield from _blocks(child)


def _centred_styles(document: Any) -> frozenset[str]:
    """The paragraph styles that centre their text (``w:jc``), following ``basedOn``."""

    def own(style: Any) -> bool | None:
        jc = style.find(f"{_W}pPr/{_W}jc")
        return None if jc is None else jc.get(_VAL) in ("center", "centre")

    return frozenset(k for k, centred in _style_values(document, own).items() if centred)


def _style_values(document: Any, own: Callable[[Any], _Value | None]) -> dict[str, _Value]:
    """Each paragraph style's value of a property: its own (``own`` of its ``w:style``, None where the
    style does not set it) or else the one it inherits through ``basedOn`` (hand-written: python-docx gives
    a style's base but resolves no property through it)."""
    try:
        styles = document.styles.element
    except (KeyError, NotImplementedError, AttributeError, ValueError):
        return {}
    values: dict[str, _Value] = {}
    based: dict[str, str] = {}
    for style in styles.iterchildren(_W + "style"):
        style_id = style.get(_W + "styleId", "")
        parent = _child_val(style, "basedOn")
        if parent:
            based[style_id] = parent
        value = own(style)
        if value is not None:
            values[style_id] = value
    out: dict[str, _Value] = {}
    for style_id in values.keys() | based.keys():
        current: str | None = style_id
        seen = set()
        while current is not None and current not in values and current not in seen:
            seen.add(current)  # a cycle of basedOn ends the walk
            current = based.get(current)
        if current is not None and current in values:
            out[style_id] = values[current]
    return out


def _centred(p: Any, styles: frozenset[str]) -> bool:
    p_pr = p.find(_W + "pPr")
    if p_pr is None:
        return False
    jc = p_pr.find(_W + "jc")
    if jc is not None:
        return jc.get(_VAL) in ("center", "centre")
    return _child_val(p_pr, "pStyle") in styles


def _write_title(
    blocks: list[Any], writer: Writer, state: _State, styles: frozenset[str], title: str | None
) -> int:
    """The title at the top as one paragraph; how many blocks it took: govdisclosure's own (``title``, from
    the file's properties) where the first paragraph is that title broken over lines, else the title a clerk
    typed over several centred paragraphs (hand-written: Word has no notion of a title; the common
    template centres it)."""
    if title:
        for k, block in enumerate(blocks):
            if block.tag != _P:
                break
            text = _paragraph_text(block, state)
            if not text.strip():
                continue
            if "".join(text.split()) == "".join(title.split()):
                writer.paragraph(title)
                return k + 1
            break
        state.other_title = True
    parts: list[str] = []
    taken = 0
    for block in blocks:
        if block.tag != _P:
            break
        text = clean(_paragraph_text(block, state).replace("\n", ""))
        if not text:
            if parts:
                break
            taken += 1
            continue
        if not _centred(block, styles) or block.find(f"{_W}pPr/{_W}numPr") is not None:
            break
        if parts and _latin_end(parts[-1]) and _latin_end(text[0]):
            parts.append(" ")
        parts.append(text)
        taken += 1
    if len([p for p in parts if p != " "]) < 2:
        return 0
    writer.paragraph("".join(parts))
    return taken


def _latin_end(text: str) -> bool:
    return text[-1:].isascii() and text[-1:].isalnum()


def _write_blocks(
    element: Any,
    writer: Writer,
    state: _State,
    styles: frozenset[str] | None = None,
    title: str | None = None,
) -> None:
    blocks = list(_blocks(element))
    if styles is not None:
        images = state.images
        start = _write_title(blocks, writer, state, styles, title)
        if not start:
            state.images = images  # the title's paragraphs are read again below
        blocks = blocks[start:]
    for block in blocks:
        state.tick()
        if block.tag == _P:
            label = state.numbering.label(block)
            writer.paragraph(label + _paragraph_text(block, state))
        else:
            _write_table(block, writer, state)


def _children(element: Any, tag: str) -> Iterator[Any]:
    """The children of ``element`` with ``tag``, looking through content controls (w:sdt) and the
    containers Word wraps rows and cells in."""
    for child in element:
        if child.tag == tag:
            yield child
        elif child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _children(content, tag)
        elif child.tag in _CONTAINERS:
            yield from _children(child, tag)


def _cells(element: Any) -> Iterator[Any]:
    return _children(element, _TC)


def _rows(tbl: Any) -> Iterator[Any]:
    return _children(tbl, _TR)


def _cell_text(tc: Any, state: _State) -> str:
    """A cell's text: its paragraphs (and nested tables' cells) on lines, joined as the HTML reader joins a
    cell's blocks (no break between CJK characters, a space elsewhere)."""
    lines: list[str] = []
    for block in _blocks(tc):
        if block.tag == _P:
            lines.append(state.numbering.label(block) + _paragraph_text(block, state))
        else:
            for row in _rows(block):
                lines.append(" ".join(clean(_cell_text(c, state)) for c in _cells(row)))
    return "\n".join(lines)


def _write_table(tbl: Any, writer: Writer, state: _State) -> None:
    """A ``w:tbl`` with its merged cells resolved (hand-written: python-docx repeats a merged cell in each
    grid position it covers and gives no spans)."""
    cells: list[GridCell] = []
    elements: list[Any] = []
    open_down: dict[int, int] = {}  # grid column → index in cells of the cell a vMerge continues
    for r, tr in enumerate(_rows(tbl)):
        state.tick()
        tr_pr = tr.find(_W + "trPr")
        col = _int(_child_val(tr_pr, "gridBefore"), 0) if tr_pr is not None else 0
        still_open: dict[int, int] = {}
        previous: int | None = None
        for tc in _cells(tr):
            tc_pr = tc.find(_W + "tcPr")
            span = (
                max(1, min(_int(_child_val(tc_pr, "gridSpan"), 1), 64)) if tc_pr is not None else 1
            )
            v_merge = tc_pr.find(_W + "vMerge") if tc_pr is not None else None
            h_merge = tc_pr.find(_W + "hMerge") if tc_pr is not None else None
            continues_down = v_merge is not None and v_merge.get(_VAL, "continue") == "continue"
            if continues_down and col in open_down:
                k = open_down[col]
                above = cells[k]
                cells[k] = GridCell(
                    above.text, above.row, above.col, r - above.row + 1, above.colspan
                )
                still_open[col] = k
            elif (
                h_merge is not None
                and h_merge.get(_VAL, "continue") == "continue"
                and previous is not None
            ):
                left = cells[previous]
                cells[previous] = GridCell(
                    left.text, left.row, left.col, left.rowspan, left.colspan + span
                )
            else:
                cells.append(GridCell(_cell_text(tc, state), r, col, 1, span))
                elements.append(tc)
                previous = len(cells) - 1
                if v_merge is not None:
                    still_open[col] = previous
            col += span
        open_down = still_open
    if not cells:
        return
    if is_layout(cells):
        for tc in elements:
            _write_blocks(tc, writer, state)
        return
    writer.table(cells)


# -------------------------------------------------------------------------------------------------
# The document


class _Properties(NamedTuple):
    """What the custom properties of a file govdisclosure wrote hold (see the module)."""

    title: str | None = None
    header: tuple[str, ...] = ()
    problems: tuple[str, ...] = ()


# The contract with the DOCX renderer (render/_docx.py writes these names).
_TITLE_PROPERTY: Final = "govdisclosure.title"
_HEADER_PROPERTY: Final = re.compile(r"govdisclosure\.header\.([1-9][0-9]{0,2})")
_HEADER_LINE: Final = re.compile(r"[^：\n]{1,40}：.*", re.DOTALL)
_CUSTOM_NS: Final = "{http://schemas.openxmlformats.org/officeDocument/2006/custom-properties}"
_VT_NS: Final = "{http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes}"
# Bounds on a hostile docProps/custom.xml: the renderer writes a few hundred bytes.
_MAX_PROPERTIES_BYTES: Final = 256 * 1024
_MAX_PROPERTIES: Final = 200
_MAX_PROPERTY_CHARS: Final = 2000


def _custom_properties(document: Any) -> _Properties:
    """The title and header lines of a file govdisclosure wrote (its core ``comments`` say so), from its
    custom properties; what cannot be read of them is a problem named (GP813), never an exception. A
    clerk's file is not read here: WPS and Word keep their own custom properties (``KSOProductBuildVer``)."""
    if (document.core_properties.comments or "").strip() != _PROPERTIES_MARK:
        return _Properties()
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import parse_xml

    try:
        blob = document.part.package.part_related_by(RELATIONSHIP_TYPE.CUSTOM_PROPERTIES).blob
    except KeyError:
        return _Properties()
    if len(blob) > _MAX_PROPERTIES_BYTES:
        return _Properties(problems=(f"custom.xml over {_MAX_PROPERTIES_BYTES} bytes",))
    try:
        root = parse_xml(blob)  # python-docx's parser of every part: no entities resolved
    except SyntaxError as error:  # lxml's XMLSyntaxError
        return _Properties(problems=(f"custom.xml not well-formed: {error}",))
    if root.getroottree().docinfo.doctype:  # the renderer writes none; entities could hide text
        return _Properties(problems=("custom.xml has a DTD",))
    title: str | None = None
    lines: dict[int, str] = {}
    problems: list[str] = []
    for n, prop in enumerate(root.iterchildren(f"{_CUSTOM_NS}property")):
        name = str(prop.get("name", ""))[:80]
        if n >= _MAX_PROPERTIES:
            problems.append(f"over {_MAX_PROPERTIES} properties")
            break
        value = next(
            (str(v.text or "") for v in prop if v.tag in (f"{_VT_NS}lpwstr", f"{_VT_NS}bstr")),
            None,
        )
        header = _HEADER_PROPERTY.fullmatch(name)
        if name != _TITLE_PROPERTY and header is None:
            problems.append(f"unknown name {name!r}")
        elif value is None:
            problems.append(f"{name}: not a text value")
        elif len(value) > _MAX_PROPERTY_CHARS:
            problems.append(f"{name}: over {_MAX_PROPERTY_CHARS} characters")
        elif header is None:
            if title is not None:
                problems.append(f"{name}: repeated")
            title = value
        elif not _HEADER_LINE.fullmatch(value):
            problems.append(f"{name}: not a header line (label：value)")
        elif int(header.group(1)) in lines:
            problems.append(f"{name}: repeated")
        else:
            lines[int(header.group(1))] = value
    return _Properties(title, tuple(lines[k] for k in sorted(lines)), tuple(problems))


def read_docx(
    data: bytes, limits: Limits, deadline: Deadline, notes: list[Diagnostic]
) -> Writer | Diagnostic:
    """The blocks of a DOCX file, or the one diagnostic saying why it cannot be read."""
    problem = zip_problem(data, limits)
    if problem is not None:
        return problem
    docx = library("docx", "DOCX", "python-docx", "docx")
    if isinstance(docx, Diagnostic):
        return docx
    try:
        document = docx.Document(io.BytesIO(data))
    except (
        Exception
    ) as error:  # python-docx raises many kinds for a broken package: all say "unreadable"
        reason = " ".join(f"{type(error).__name__}: {error}".split())[:200]
        return diagnostic("GP800", "$", None, kind="DOCX", reason=reason)
    writer = Writer()
    properties = _Properties()
    with contextlib.suppress(Exception):  # broken properties are no reason to lose the body
        properties = _custom_properties(document)
    writer.properties(properties.header)
    state = _State(_Numbering(document), deadline)
    try:
        _write_blocks(
            document.element.body, writer, state, _centred_styles(document), properties.title
        )
    except OverLimit as over:
        return over.note
    problems = list(properties.problems)
    if state.other_title:
        problems.append(f"{_TITLE_PROPERTY}: not the title the document begins with")
    if problems:
        found = "; ".join(problems[:3])[:300]
        notes.append(diagnostic("GP813", "$", None, count=len(problems), found=found))
    if state.images:
        notes.append(diagnostic("GP809", "$", None, count=state.images))
    if state.numbering.labelled:
        notes.append(diagnostic("GP811", "$", None, count=state.numbering.labelled))
    return writer


def parse_docx(
    source: str | os.PathLike[str] | bytes | bytearray, *, limits: Limits = DEFAULT_LIMITS
) -> ParseResult:
    """Read a report from a DOCX file (a path, or the file's bytes): Word's, WPS's or govdisclosure's own.

    Needs python-docx (``pip install 'govdisclosure[docx]'``). The body's paragraphs and tables are laid out
    as text (:attr:`ParseResult.text`) and read as a page is; :attr:`ParseResult.origins` says which
    paragraph or table cell each stretch of the text came from. A file that cannot be read gives an empty
    report and one error diagnostic (GP800 corrupt, GP801 over ``limits``, GP805 python-docx missing); only
    an argument of the wrong type raises (:class:`TypeError`).

    >>> import govdisclosure as gd
    >>> report = gd.load("examples/statutory_2021/report.json")
    >>> result = parse_docx(gd.render(report, "docx"))
    >>> result.report.tables == report.tables
    True
    >>> origin = result.origin_of("$.tables.t3.rows.total_handled.total")
    >>> origin.kind, origin.table, origin.row, origin.column
    ('cell', 2, 27, 10)
    """
    return read_file(source, limits, read_docx, "DOCX")
