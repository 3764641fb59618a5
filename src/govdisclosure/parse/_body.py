"""The body: paragraphs into a tree of sections (一、 （一） 1. （1）), items (一是 …) and blocks.

Hand-written: no library reads Chinese official-document structure. The rules, in the order they apply:

1. Paragraphs. In text, a paragraph is a line; a line that does not begin with white space and follows an
   indented line with no blank line between continues it (the text rendering wraps that way).
2. A paragraph that begins with a heading label (一、 （一） 1. （1）) opens a section at that level; the rest of
   the line is its heading, or, when a short phrase ends with 。, the heading and then a first paragraph
   (or when a known section name runs straight into its paragraph: 一、概述2011年，…). Marks of lost
   characters before the label (????一、) are left out; 三是 before the statutory heading of that number
   (a typo for 三、) and 、 before a known section name (its numeral lost) open a top-level section too.
   A lower heading with no top-level heading above it is held by an unlabelled top-level section.
3. Inline enumerations 一是…二是… are cut out of any paragraph. An enumerator counts when its ordinal
   continues the sequence: 一是 must follow the paragraph's start or a punctuation mark (so 唯一是 is not one),
   and a later one must be the next number (so the 是 of 还是, 不是 … never counts). A full stop lost before
   an enumerator or at the end of the last inline item is restored (GP201, GP202).
4. Within a section, an item's further paragraphs are the plain paragraphs after it; an enumeration that
   restarts at 一是 after some paragraphs starts a new group. A section with one group keeps the group's
   opening paragraphs as its own and the items as children; a section with several groups holds each as an
   unlabelled block (the seed's 存在的主要问题及2015年工作计划: a problems block and a plan block).
5. Roles: text before the first numbered section is the preamble; a heading that speaks of problems or of
   plans gives its section that role; a heading that speaks of both leaves it to the blocks' own wording.
"""

from __future__ import annotations

import functools
import re
from typing import Final

from govdisclosure.model import (
    ENUMERATOR,
    OVERVIEW_PARTS,
    STATUTORY_SECTIONS,
    ReportFormat,
    Role,
    Section,
)
from govdisclosure.parse._context import Context, Notes, Prefixed
from govdisclosure.parse._facts import extract_facts, repair_numbers
from govdisclosure.parse._labels import glued_lead, normalise, owners
from govdisclosure.parse._lines import Line
from govdisclosure.parse._piece import Piece
from govdisclosure.parse._traditional import to_simplified
from govdisclosure.parse._vocabulary import PLAN_OPENINGS, PLAN_WORDS, PROBLEM_WORDS
from govdisclosure.zh import enumerator, from_chinese, parse_label

__all__ = ["build_body", "join_paragraphs"]

_ENUMERATOR: Final = ENUMERATOR
_NUMERALS: Final = frozenset("一二三四五六七八九十")
# What a page prints for a character it lost (a store that could not encode it): ? or U+FFFD.
_LOST_MARKS: Final = "?\ufffd"
_RULE: Final = re.compile(r"[-+]*\+[-+]*")
# What zh.parse_label's forms can start with (white space, a numeral, a bracket, a digit): a text that
# starts otherwise has no label. (The empty string is in it too: "" is in every string.)
_LABEL_FIRSTS: Final = " \t\u3000\xa0一二三四五六七八九十（(0123456789０１２３４５６７８９"
# Marks after which 一是 may start an enumeration.
_OPENERS: Final = frozenset("。；;：:！？!?，,、…　 \t")
# Marks that properly end the text before an enumerator.
_BOUNDARY: Final = frozenset("。；;：:！？!?，,、…")
_TERMINAL: Final = frozenset("。；;：:！？!?…")
_CLOSERS: Final = frozenset("”’」』）)】》\"'")
_MAX_SECTION_HEADING: Final = 40
# A heading is a short phrase without clause punctuation, ended by 。 (or ！ ？).
_NOT_IN_HEADING: Final = "，,；;：:（）()《》“”\"'|【】。！？!?"
_ITEM_HEADING: Final = re.compile(f"[^{re.escape(_NOT_IN_HEADING)}]{{1,25}}[。！？!?]")
_SECTION_HEADING: Final = re.compile(f"[^{re.escape(_NOT_IN_HEADING)}]{{1,40}}[。！？!?]")
_YEAR_START: Final = re.compile(r"(\d{4})年")
# Section names a heading may run straight into its paragraph with (一、概述2011年，…): the statutory
# headings and their variants, and the overview's short names; the longest first.
_KNOWN_NAMES: Final = tuple(
    sorted(
        {w for h in STATUTORY_SECTIONS for w in (h.heading, *h.variants)}
        | set(STATUTORY_SECTIONS[0].keywords)
        | {"概况"},
        key=len,
        reverse=True,
    )
)
_LONGEST_KNOWN_NAME: Final = max(map(len, _KNOWN_NAMES))
# What, right after a name, makes it the start of a longer heading (概述及主要做法, 总体情况（一）…).
_NAME_GOES_ON: Final = frozenset("及和与暨、（(：:，,。；;")


# Cached: a pure function of a few numerals (一 … 九十九), asked again for every 是 and enumerator.
@functools.lru_cache(maxsize=512)
def _ordinal(cn: str) -> int | None:
    try:
        value = from_chinese(cn)
    except (ValueError, ArithmeticError):
        return None
    if not isinstance(value, int) or value < 1 or enumerator(value) != cn + "是":
        return None
    return value


# Cached for the same reason (the label of GP201, where a full stop was lost before an enumerator).
@functools.lru_cache(maxsize=128)
def _enumerator(n: int) -> str:
    return enumerator(n)


def _ends_properly(text: str, marks: frozenset[str]) -> bool:
    if not text:
        return True
    last = text[-1]
    if last in marks:
        return True
    return last in _CLOSERS and len(text) > 1 and text[-2] in _TERMINAL


# -------------------------------------------------------------------------------------------------
# Paragraphs


class Para:
    __slots__ = ("piece", "table")

    def __init__(self, piece: Piece, table: bool) -> None:
        self.piece = piece
        self.table = table


def join_paragraphs(
    lines: list[Line], indices: list[int], join_wrapped: bool, context: Context
) -> list[Para]:
    """The paragraphs of the body lines ``indices`` (content lines, in order)."""
    # Each paragraph as the pieces of its lines (joined once at the end: joining line by line would
    # copy a long wrapped paragraph again for every line).
    paragraphs: list[tuple[list[Piece], bool]] = []
    previous = -2
    opened_indented = False
    table_run: list[Piece] = []
    for i in indices:
        line = lines[i]
        text = line.text
        table = "|" in text or "｜" in text
        if not table and _RULE.fullmatch(text):
            # the rule under a table's header rows (-----+------+): a reader skips it
            if paragraphs and paragraphs[-1][1]:
                previous = i
                continue
            table = True
        if (
            join_wrapped
            and paragraphs
            and i == previous + 1
            and opened_indented
            and not line.indented
            and not table
            and not paragraphs[-1][1]
            and not (
                _ends_properly(paragraphs[-1][0][-1].text, _TERMINAL)
                and (label := parse_label(text)) is not None
                and label.level > 0
            )
        ):
            # The lines joined give the paragraph back: nothing is added between them, and white
            # space at the break (a space the wrap broke at) is kept.
            glue = lines[previous].trail + line.lead
            parts = paragraphs[-1][0]
            if glue:
                before = lines[previous]
                parts.append(Piece.of(glue, before.source + len(before.text)))
            parts.append(line.piece)
        else:
            paragraphs.append(([line.piece], table))
            opened_indented = line.indented
        if table:
            table_run.append(line.piece)
        elif table_run:
            _report_table(table_run, context)
            table_run = []
        previous = i
    if table_run:
        _report_table(table_run, context)
    return [Para(Piece.join(parts), table) for parts, table in paragraphs]


def _report_table(rows: list[Piece], context: Context) -> None:
    span = rows[0].span()
    context.report("GP005", "$.body", type(span)(span.start, rows[-1].span().end), rows=len(rows))


# -------------------------------------------------------------------------------------------------
# The tree under construction


class _Group:
    __slots__ = ("intro", "items", "pending")

    def __init__(self) -> None:
        self.intro: list[Piece] = []
        self.items: list[_Node] = []
        self.pending: list[Piece] = []


class _Node:
    __slots__ = (
        "children",
        "groups",
        "heading",
        "inline",
        "kind",
        "label",
        "level",
        "notes",
        "ordinal",
        "paragraphs",
        "role",
        "subsections",
    )

    def __init__(
        self,
        kind: str,
        level: int = 0,
        label: Piece | None = None,
        ordinal: int | None = None,
    ) -> None:
        self.kind = kind
        self.level = level
        self.label = label
        self.ordinal = ordinal
        self.heading: Piece | None = None
        self.paragraphs: list[Piece] = []
        # Only sections and the root hold groups and subsections; items and blocks never do.
        self.groups: list[_Group] = [_Group()] if kind in ("section", "root") else []
        self.subsections: list[_Node] = []
        self.children: list[_Node] = []
        self.role: Role | None = None
        self.inline = False
        self.notes: Notes | None = None

    def note(self) -> Notes:
        """The node's notes (made when first needed: most nodes have none)."""
        if self.notes is None:
            self.notes = Notes()
        return self.notes


def _stripped(piece: Piece, start: int, stop: int | None = None) -> Piece:
    """``piece.slice(start, stop).strip()`` in one slice (a slice of a slice is a slice of the piece; an
    all-blank range gives the empty piece at its end, as ``strip`` does): the builder cuts every item and
    heading this way."""
    text = piece.text
    if stop is None or stop > len(text):
        stop = len(text)
    left = start
    while left < stop and text[left].isspace():  # str.strip's white space
        left += 1
    if left == stop:
        return piece.slice(stop, stop)
    right = stop
    while text[right - 1].isspace():
        right -= 1
    return piece.slice(left, right)


def _with_mark(body: Piece) -> Piece:
    """``body.insert(len(body.text), "。")``: a full stop restored at the end."""
    return Piece.join([body, Piece.added("。", body.source(len(body.text)))])


def _split_heading(text: Piece, pattern: re.Pattern[str]) -> tuple[Piece | None, Piece]:
    """(heading, rest) when ``text`` opens with a short phrase ended by 。, else (None, text)."""
    m = pattern.match(text.text)
    if m is None:
        return None, text
    return _stripped(text, 0, m.end() - 1), _stripped(text, m.end())


def _split_known_name(rest: Piece) -> tuple[Piece | None, Piece]:
    """(name, paragraph) when ``rest``, the text after a top-level label, is a known section name (概述,
    总体情况, a statutory heading) run straight into its first paragraph (一、概述2011年，我室…), else
    (None, rest). Only where the whole would be no heading: longer than a heading or holding a clause
    mark; and the words after the name must not go on with it (概述及…, 总体情况和…)."""
    text = rest.text
    if len(text) <= _MAX_SECTION_HEADING and not any(c in text for c in "，,；;。"):
        return None, rest
    simplified = to_simplified(text[:_LONGEST_KNOWN_NAME])
    for name in _KNOWN_NAMES:
        if simplified.startswith(name):
            after = text[len(name) : len(name) + 1]
            if not after or after in _NAME_GOES_ON or after.isspace():
                return None, rest
            return _stripped(rest, 0, len(name)), _stripped(rest, len(name))
    return None, rest


class _Builder:
    def __init__(self, report_year: int, statutory: bool) -> None:
        self.root = _Node("root")
        self.stack: list[_Node] = [self.root]
        self.report_year = report_year
        # Reports in the statutory format (on 2019 onwards, or with its tables): its six sections are
        # known by heading.
        self.statutory = statutory

    # ---- sections

    def heading(self, para: Piece, level: int, ordinal: int, label_end: int) -> None:
        while len(self.stack) > 1 and self.stack[-1].level >= level:
            self.stack.pop()
        parent = self.stack[-1]
        node = _Node("section", level, _stripped(para, 0, label_end), ordinal)
        unnamed = parent.kind == "section" and parent.label is None
        if level > 1 and (parent.level != level - 1 or unnamed):
            node.note().report(
                "GP204",
                "",
                node.label.span() if node.label else None,
                label=node.label.text if node.label else "",
            )
        if level > 1 and (
            parent is self.root
            or (unnamed and ordinal == 1 and any(n.level == level for n in parent.subsections))
        ):
            parent = self._unnamed_section()
        rest = _stripped(para, label_end)
        heading, first = _split_heading(rest, _SECTION_HEADING)
        if heading is None and level == 1:
            heading, first = _split_known_name(rest)
        if heading is None:
            if len(rest.text) > _MAX_SECTION_HEADING and _ends_properly(rest.text, _TERMINAL):
                heading, first = None, rest  # a numbered paragraph, not a heading
            else:
                heading, first = rest, rest.slice(len(rest.text))
        node.heading = heading if heading is not None and heading.text else None
        parent.subsections.append(node)
        self.stack.append(node)
        if first.text:
            self.paragraph(first)

    def next_top_ordinal(self) -> int:
        """The ordinal a top-level section would have next (1 after none)."""
        numbered = [n.ordinal for n in self.root.subsections if n.ordinal is not None]
        return numbered[-1] + 1 if numbered else 1

    def _unnamed_section(self) -> _Node:
        """A new unlabelled top-level section, to hold a lower heading printed with no top-level heading
        above it (a page that starts inside a section, or one that lost its 一、 lines): （一） under the
        root would read as one of the report's sections. A run that starts again at （一） opens another."""
        del self.stack[1:]
        node = _Node("section", 1)
        self.root.subsections.append(node)
        self.stack.append(node)
        return node

    # ---- paragraphs and items

    def paragraph(self, para: Piece, table: bool = False) -> None:
        container = self.stack[-1]
        group = container.groups[-1]
        last = group.items[-1].ordinal or 0 if group.items else 0
        found = [] if table else self._enumerators(para.text, last)
        if not found:
            (group.pending if group.items else group.intro).append(para)
            return
        start0, _, first_ordinal = found[0]
        if start0 > 0:
            prefix = _stripped(para, 0, start0)
            if first_ordinal == 1:
                if group.items:
                    group = self._new_group(container, group)
                group.intro.extend(group.pending)
                group.pending = []
                if prefix.text:
                    group.intro.append(prefix)
            else:  # continues the previous paragraph's enumeration
                item = group.items[-1]
                item.paragraphs.extend(group.pending)
                group.pending = []
                if prefix.text:
                    item.paragraphs.append(prefix)
        elif group.items:
            if first_ordinal == 1:
                group = self._new_group(container, group)
            else:
                group.items[-1].paragraphs.extend(group.pending)
                group.pending = []
                if first_ordinal != last + 1:
                    self._out_of_sequence(para, found[0], last)
        elif first_ordinal != 1:
            self._out_of_sequence(para, found[0], 0)
        inline = start0 > 0 or len(found) > 1
        # 一是…；二是…；三是…。 is one sentence in clauses: its items have no headings (the last one's
        # 。 ends the list, not a heading).
        # (What comes before enumerator k + 1 is item k's text: it alone is looked at, not all the
        # paragraph up to there.)
        text = para.text
        clauses = inline and any(
            text[found[k][1] : found[k + 1][0]].rstrip().endswith(("；", ";"))
            for k in range(len(found) - 1)
        )
        for k, (start, end, ordinal) in enumerate(found):
            stop = found[k + 1][0] if k + 1 < len(found) else len(para.text)
            body = _stripped(para, end, stop)
            item = _Node("item", 0, para.slice(start, end), ordinal)
            item.inline = inline
            if k + 1 < len(found) and not _ends_properly(body.text, _BOUNDARY):
                body = _with_mark(body)
                item.note().report(
                    "GP201", "", body.span(len(body.text) - 1), label=_enumerator(found[k + 1][2])
                )
            elif k + 1 == len(found) and inline and not _ends_properly(body.text, _BOUNDARY):
                body = _with_mark(body)
                item.note().report("GP202", "", body.span(len(body.text) - 1))
            heading, rest = (None, body) if clauses else _split_heading(body, _ITEM_HEADING)
            item.heading = heading
            if rest.text:
                item.paragraphs.append(rest)
            group.items.append(item)

    def _new_group(self, container: _Node, group: _Group) -> _Group:
        fresh = _Group()
        fresh.intro = group.pending
        group.pending = []
        container.groups.append(fresh)
        return fresh

    def _out_of_sequence(self, para: Piece, found: tuple[int, int, int], last: int) -> None:
        start, end, _ = found
        label = para.text[start:end]
        self.stack[-1].note().report(
            "GP203", "", para.span(start, end), label=label, expected=enumerator(last + 1)
        )

    @staticmethod
    def _enumerators(text: str, last: int) -> list[tuple[int, int, int]]:
        found: list[tuple[int, int, int]] = []
        position = 0
        expected = 0
        # An enumerator that opens the paragraph counts whatever its number (GP203 says when it is
        # out of sequence).
        m = _ENUMERATOR.match(text)
        if m is not None:
            ordinal = _ordinal(m.group()[:-1])
            if ordinal is not None:
                found.append((0, m.end(), ordinal))
                expected = ordinal + 1
                position = m.end()
        # Every 是 with one to three numerals before it (a find loop: much faster than a regex scan).
        shi = text.find("是", position)
        while shi >= 0:
            start = shi
            while start > position and shi - start < 3 and text[start - 1] in _NUMERALS:
                start -= 1
            end = shi + 1
            shi = text.find("是", end)
            if start == end - 1:
                continue
            ordinal = _ordinal(text[start : end - 1])
            if ordinal is None:
                continue
            if found:
                if ordinal != expected or start - found[-1][1] < 2:
                    continue
            else:
                opener = start == 0 or text[start - 1] in _OPENERS
                if not opener or not (ordinal == 1 or (last and ordinal == last + 1)):
                    continue
            found.append((start, end, ordinal))
            expected = ordinal + 1
        return found

    # ---- finishing

    def finish(self) -> list[_Node]:
        has_sections = bool(self.root.subsections)
        self._finish(self.root, has_sections)
        return self.root.children

    def _finish(self, node: _Node, has_sections: bool, parent_role: Role | None = None) -> None:
        last = node.groups[-1]
        if last.items:
            last.items[-1].paragraphs.extend(last.pending)
            last.pending = []
        groups = [g for g in node.groups if g.intro or g.items]
        if node.kind == "section" and node.heading is not None:
            known = _statutory_role(node, parent_role) if self.statutory else None
            node.role = known or _heading_role(node.heading.text)
        both = (
            node.kind == "section"
            and node.heading is not None
            and _speaks_of_both(node.heading.text)
        )
        if node.kind == "root" or len(groups) > 1:
            for g in groups:
                block = _Node("block")
                block.paragraphs = g.intro
                block.children = g.items
                if node.kind == "root" and has_sections:
                    block.role = Role.PREAMBLE
                elif node.kind == "root" or both:
                    block.role = self._wording_role(g)
                node.children.append(block)
            if both:
                # 存在的主要问题及改进情况: the problems come first, then the plan
                roles = [b.role for b in node.children]
                first_plan = roles.index(Role.PLAN) if Role.PLAN in roles else len(roles)
                for k, block in enumerate(node.children):
                    if block.role is None:
                        block.role = Role.PROBLEMS if k < first_plan else Role.PLAN
        elif groups:
            node.paragraphs = groups[0].intro
            node.children = list(groups[0].items)
        for sub in node.subsections:
            self._finish(sub, has_sections, node.role)
        node.children.extend(node.subsections)

    def _wording_role(self, group: _Group) -> Role | None:
        pieces = group.intro or [
            i.heading or (i.paragraphs[0] if i.paragraphs else Piece.of("", 0))
            for i in group.items[:1]
        ]
        text = pieces[0].text if pieces else ""
        opening = text[:12]
        m = _YEAR_START.match(text)
        if PLAN_OPENINGS.search(opening) or (
            m is not None and self.report_year and int(m.group(1)) > self.report_year
        ):
            return Role.PLAN
        if PROBLEM_WORDS.search(text):
            return Role.PROBLEMS
        if PLAN_WORDS.search(text):
            return Role.PLAN
        return None


_TRAILING_FIGURES: Final = re.compile(r"(?:[\s|｜]+[-+]?\d[\d.,]*)+[\s|｜]*$")


def _table_row(text: str) -> bool:
    """A line that is a row label of a statutory table (一、本年新收政府信息公开申请数量 …), with or
    without its figures: a table the reader did not take, not a section."""
    if len(text) > 120:
        return False
    # The figures' pattern can only match where the text, without its last spaces and bars, ends in a
    # digit, a point or a comma (\s and \d are str.isspace and str.isdecimal): else it is not tried, as
    # it would try every position of the text.
    end = len(text)
    while end and (text[end - 1].isspace() or text[end - 1] in "|｜"):
        end -= 1
    last = text[end - 1 : end]
    if last.isdecimal() or last in (".", ","):
        # (figures after spaces or bars, or run on to the label: 一、本年新收政府信息公开申请数量2000002)
        text = _TRAILING_FIGURES.sub("", text).rstrip("0123456789.,")
    norm = normalise(text)
    return bool(owners(norm)) or glued_lead(norm) > 0  # (三、本年度办理结果(一)予以公开)


def _normal_heading(text: str) -> str:
    """A heading as compared: no white space, （） for (), no closing mark, traditional characters
    simplified (總體情況 is 总体情况; the section keeps the heading as printed)."""
    return to_simplified("".join(text.split()).translate(_HALF_WIDTH_BRACKETS).rstrip("。：:"))


_HALF_WIDTH_BRACKETS: Final = str.maketrans("()", "（）")
_STATUTORY_ROLES: Final = {
    _normal_heading(wording): h.role
    for h in STATUTORY_SECTIONS
    for wording in (h.heading, *h.variants)
}
_OVERVIEW_ROLES: Final = {
    _normal_heading(wording): h.role for h in OVERVIEW_PARTS for wording in (h.heading, *h.variants)
}


_STATUTORY_ORDINALS: Final = {
    _normal_heading(wording): h.ordinal
    for h in STATUTORY_SECTIONS
    for wording in (h.heading, *h.variants)
}


def _after_lost_marks(piece: Piece) -> Piece:
    """``piece`` without the marks of lost characters (``????``, U+FFFD) before a heading label
    (``????一、總體情況``: characters the store could not keep); else ``piece`` as it is."""
    text = piece.text
    lost = len(text) - len(text.lstrip(_LOST_MARKS))
    rest = text[lost:]
    label = parse_label(rest) if rest[:1] in _LABEL_FIRSTS and rest[:1].strip() else None
    if label is None or label.level == 0:
        return piece
    return piece.slice(lost)


def _statutory_role(node: _Node, parent_role: Role | None) -> Role | None:
    """The role of one of the statutory format's sections (一、总体情况 …), by its heading."""
    assert node.heading is not None
    heading = _normal_heading(node.heading.text)
    if node.level == 1:
        return _STATUTORY_ROLES.get(heading)
    if node.level == 2 and parent_role is Role.OVERVIEW:
        return _OVERVIEW_ROLES.get(heading)
    return None


def _heading_role(heading: str) -> Role | None:
    problems = PROBLEM_WORDS.search(heading) is not None
    plan = PLAN_WORDS.search(heading) is not None
    if problems and not plan:
        return Role.PROBLEMS
    if plan and not problems:
        return Role.PLAN
    return None


def _speaks_of_both(heading: str) -> bool:
    return PROBLEM_WORDS.search(heading) is not None and PLAN_WORDS.search(heading) is not None


# -------------------------------------------------------------------------------------------------
# Into the model


def build_body(
    paragraphs: list[Para],
    report_year: int,
    context: Context,
    statutory: ReportFormat | None = None,
) -> list[Section]:
    """The body's sections from its paragraphs; provenance and diagnostics go to ``context``.

    ``statutory`` is the format of a report in the statutory format (its sections are known by heading,
    and the figures its text gives of its tables are kept as quantities); None for a narrative report.
    """
    builder = _Builder(report_year, statutory is not None)
    for k, para in enumerate(paragraphs):
        if para.table:
            builder.paragraph(para.piece, table=True)
            continue
        piece = para.piece
        text = piece.text
        if text[:1] in _LOST_MARKS:
            piece = _after_lost_marks(piece)
            text = piece.text
        # Most paragraphs start with none of the characters a label can start with: one set lookup
        # instead of parse_label's five patterns.
        label = parse_label(text) if text[:1] in _LABEL_FIRSTS else None
        if label is not None and label.level > 0 and _table_row(text):
            builder.paragraph(piece, table=True)  # a table's row label is never a heading
        elif (
            label is not None
            and label.level > 1
            and label.ordinal == 1
            and builder.next_top_ordinal() == 1
            and _STATUTORY_ORDINALS.get(_normal_heading(text[label.end :])) == 1
            and _next_top_ordinal(paragraphs, k + 1) == 2
        ):
            # 1. 总体情况 before 二、: the first statutory heading, its numeral printed as a list number
            builder.heading(piece, 1, 1, label.end)
        elif label is not None and label.level > 0:
            builder.heading(piece, label.level, label.ordinal, label.end)
        elif (
            label is not None
            and statutory is not None
            and _STATUTORY_ORDINALS.get(_normal_heading(text[label.end :])) == label.ordinal
        ):
            # 三是收到和处理政府信息公开申请情况: 三是 printed for 三、 on a line that is otherwise the
            # statutory heading of that number
            builder.heading(piece, 1, label.ordinal, label.end)
        elif text[:1] == "、" and _normal_heading(text[1:]) in _KNOWN_NAMES:
            # 、概  述 on a line of its own: a top-level heading that lost its numeral (the next one)
            builder.heading(piece, 1, builder.next_top_ordinal(), 1)
        else:
            builder.paragraph(piece)
    nodes = builder.finish()
    return [
        _to_section(n, f"$.body[{i}]", report_year, statutory, context) for i, n in enumerate(nodes)
    ]


def _next_top_ordinal(paragraphs: list[Para], start: int) -> int | None:
    """The ordinal of the first top-level heading (一、) among ``paragraphs`` from ``start`` on."""
    for para in paragraphs[start:]:
        text = para.piece.text
        if para.table or text[:1] not in _LABEL_FIRSTS:
            continue
        label = parse_label(text)
        if label is not None and label.level == 1 and not _table_row(text):
            return label.ordinal
    return None


# The relative paths of a node's first paragraphs, made once.
_PARAGRAPH_PATHS: Final = tuple(f".paragraphs[{k}]" for k in range(32))


def _to_section(
    node: _Node, path: str, report_year: int, statutory: ReportFormat | None, context: Context
) -> Section:
    children: list[Section] = []
    first_child = last_child = ""  # the children's paths
    for j, sub in enumerate(node.children):
        last_child = f"{path}.children[{j}]"
        if not j:
            first_child = last_child
        children.append(_to_section(sub, last_child, report_year, statutory, context))
    if node.notes is not None:
        context.merge(path, node.notes)  # what the builder noticed (GP201 …)
    provenance = context.provenance
    paragraphs: list[str] = []
    repairs = {}
    texts: list[tuple[str, Piece]] = []
    if node.heading is not None:
        texts.append((".heading", node.heading))
    for k, para in enumerate(node.paragraphs):
        rel = _PARAGRAPH_PATHS[k] if k < len(_PARAGRAPH_PATHS) else f".paragraphs[{k}]"
        # repair_numbers' own first test (IN_TEXT_OPENINGS, spelt out: a test checks them), here: nearly
        # every paragraph has no year bracket
        text = para.text
        if (
            "〔" in text
            or "[" in text
            or "［" in text
            or "﹝" in text
            or "【" in text
            or "〖" in text
        ):
            para, found = repair_numbers(para, rel)
            if found:
                repairs[rel] = found
        paragraphs.append(para.text)
        texts.append((rel, para))
    # A node without text (a block of items only) has no facts: extract_facts would return {}.
    facts = (
        extract_facts(texts, node.role, report_year, Prefixed(context, path), repairs, statutory)
        if texts
        else {}
    )
    # The node's own span: from its label or first text to the end of its last text or child.
    first = last = -1
    if node.label is not None:
        first, last = provenance[path + ".label"] = node.label.bounds()
    for rel, piece in texts:
        bounds = provenance[path + rel] = piece.bounds()
        if first < 0:
            first = bounds[0]
        if bounds[1] > last:
            last = bounds[1]
    if children:
        child = provenance.get(last_child)
        if child is not None:
            if first < 0:
                first = provenance[first_child][0]
            last = max(last, child[1])
    if first >= 0:
        provenance[path] = (first, max(first, last))
    return Section(
        ordinal=node.ordinal,
        label=None if node.label is None else node.label.text,
        heading=None if node.heading is None else node.heading.text,
        role=node.role,
        paragraphs=paragraphs,
        children=tuple(children),
        **facts,
    )
