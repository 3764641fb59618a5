"""The catalogue block (页面元数据) a portal prints above a report, in the layouts real pages give.

One line may hold one field or several; a label may have spaces inside (``索 引 号``), a colon or not
after it, be glued to its value (``索引号000014349/2023-74857``) or to what is before it
(``2022年01月18日来源:1``); fields may be cells of a ``|`` row, whose label cells can be empty
(``文 号 | 有 效 性 |``); a value may be on the next line. Labels are the format's
(:data:`~govdisclosure.model.HEADER_FIELDS` and the other catalogue labels of the format home), matched
also in traditional characters and with pinyin readings inside (``發(fā)布單位``), as archived pages
print them.

Hand-written: the layouts are portal conventions no library parses; the labels are data in
``model/_format.py``.
"""

from __future__ import annotations

import functools
import itertools
import re
from typing import Final

import attrs

from govdisclosure.model import (
    CATALOGUE_CHROME_LABELS,
    HEADER_FIELDS,
    OTHER_HEADER_LABELS,
    TITLE_LABELS,
)
from govdisclosure.parse._piece import Piece

__all__ = [
    "CHROME",
    "TITLE",
    "FieldLine",
    "canonical_label",
    "is_label_line",
    "label_kind",
    "read_field_line",
    "read_value_row",
    "readings_removed",
    "simplify",
]

TITLE: Final = "title"
"""The kind of a title label (名称, 标题 …)."""
CHROME: Final = "chrome"
"""The kind of a chrome label (浏览次数, 字体 …): dropped with its value."""

# Traditional forms of the characters of the labels only (matching, not conversion: the page keeps its
# text). The full traditional → simplified mapping of body text is not this module's business.
_TRADITIONAL: Final = {
    "号": "號",
    "发": "發",
    "开": "開",
    "单": "單",
    "机": "機",
    "构": "構",
    "时": "時",
    "间": "間",
    "题": "題",
    "称": "稱",
    "类": "類",
    "别": "別",
    "来": "來",
    "键": "鍵",
    "词": "詞",
    "属": "屬",
    "关": "關",
    "务": "務",
    "门": "門",
    "责": "責",
    "废": "廢",
    "态": "態",
    "围": "圍",
    "录": "錄",
    "点": "點",
    "击": "擊",
    "览": "覽",
    "阅": "閱",
    "读": "讀",
    "数": "數",
    "访": "訪",
    "问": "問",
    "体": "體",
    "选": "選",
    "择": "擇",
    "载": "載",
    "内": "內",
    "处": "處",
    "厅": "廳",
    "书": "書",
    "级": "級",
    "标": "標",
    "说": "說",
    "组": "組",
    "对": "對",
    "报": "報",
    "况": "況",
    "总": "總",
    "结": "結",
    "绩": "績",
    "现": "現",
    "将": "將",
    "统": "統",
    "计": "計",
    "汇": "匯",
    "镇": "鎮",
    "乡": "鄉",
    "县": "縣",
    "区": "區",
    "办": "辦",
    "个": "個",
}
_SIMPLIFIED: Final = {t: s for s, t in _TRADITIONAL.items() if len(s) == 1}
_SIMPLIFY_TABLE: Final = str.maketrans(_SIMPLIFIED)
_NEEDS_SIMPLIFYING: Final = re.compile(
    "[" + "".join(_SIMPLIFIED) + "]|[(（][a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,8}[)）]"
)
# The characters one of which every text that needs simplifying has: one character class, which the
# regex engine scans for at C speed (a set's isdisjoint makes a string object of every CJK character),
# settles most lines before the pattern above is tried.
_SIMPLIFY_TRIGGERS: Final = re.compile("[" + "".join(_SIMPLIFIED) + "(（]")
_GAP: Final = r"[ \t\u3000\xa0]*"
# A pinyin reading an archive inserted after a character: 發(fā)布
_READING: Final = r"(?:[(（][a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňḿ]{1,8}[)）])?"
_READING_RE: Final = re.compile(_READING[3:-2])


def _kinds() -> dict[str, str]:
    kinds = dict(HEADER_FIELDS.items())
    kinds.update(dict.fromkeys(OTHER_HEADER_LABELS, "other"))
    kinds.update(dict.fromkeys(TITLE_LABELS, TITLE))
    kinds.update(dict.fromkeys(CATALOGUE_CHROME_LABELS, CHROME))
    return kinds


_KINDS: Final = _kinds()


def _char(c: str) -> str:
    t = _TRADITIONAL.get(c)
    return f"[{c}{t}]" if t else re.escape(c)


def _pattern(label: str) -> str:
    return (_READING + _GAP).join(_char(c) for c in label) + _READING


_LABELS: Final = sorted(_KINDS, key=len, reverse=True)
# Each label's first character, as a lookahead before the alternation: most positions of a line are
# rejected by one character-class test instead of a try of every label (the parser's speed target).
_FIRST: Final = "".join(
    sorted({c for label in _LABELS for c in (label[0], _TRADITIONAL.get(label[0], ""))})
)


class _Node(dict[str, "_Node"]):
    """A node of the labels' prefix tree: the next characters, and "" where a label ends."""


def _trie(labels: list[str]) -> str:
    """The labels as one pattern shaped as a prefix tree: at a position, the first character picks one
    branch, instead of every label being tried in turn (72 of them: the catalogue reader's cost on every
    line of a page's top). A longer label is tried before a shorter one it extends, as in an alternation
    longest first; labels are simplified characters, so sibling branches never match the same text."""
    tree = _Node()
    for label in labels:
        node = tree
        for c in label:
            node = node.setdefault(c, _Node())
        node[""] = _Node()

    def branches(node: _Node) -> str:
        out = [_char(c) + _READING + after(child) for c, child in sorted(node.items()) if c]
        return "(?:" + "|".join(out) + ")"

    def after(node: _Node) -> str:
        if set(node) == {""}:
            return ""
        more = "(?:" + _GAP + branches(node) + ")"
        return more + "?" if "" in node else more

    return branches(tree)


_ALTERNATION: Final = "(?=[" + _FIRST + "])" + _trie(_LABELS)
# A known label near a line's start: after white space and lost characters only, or after at most 20
# characters of other text (the most :func:`read_field_line` allows before its first label). A line
# without one is no catalogue line; one anchored match settles headings and sentences.
_NEAR_START: Final = re.compile(r"(?:[\s?？]*|\s*.{0,20}?\s*)" + _ALTERNATION, re.DOTALL)
# A date (and time) ending the text before a line's first label: a portal's line naming itself, its
# address and its date before the fields (中央政府门户网站 www.gov.cn 2014-03-25 10:21 来源: 外交部网站).
_DATE: Final = (
    r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*[日号]?"
    r"(?:[ \t\u3000\xa0]+\d{1,2}[:：]\d{1,2}(?:[:：]\d{1,2})?)?"
)
_DATED_HEAD: Final = re.compile(r"[^。，,；;]{0,60}?" + _DATE + _GAP + r"$")
_DATED_NEAR_START: Final = re.compile(r"[^。，,；;]{0,60}?" + _DATE + _GAP + _ALTERNATION)
_SEP: Final = r"[\s\u3000\xa0|｜?？]"
# A known label followed by its colon, anywhere (not inside a longer run of CJK that merely ends in it).
_STRONG: Final = re.compile(r"(?P<label>" + _ALTERNATION + r")" + _GAP + r"[:：]")
# A known label as a whole token, without a colon: 索 引 号 01606072-9-30/2021-0223004 发布机构 市政府办.
_WEAK: Final = re.compile(
    r"(?:^|(?<=" + _SEP + r"))(?P<label>" + _ALTERNATION + r")(?=" + _SEP + r"|$)"
)
# A known label in black brackets at a segment's start, its value after them (a law database's fields:
# 【字 号】武政函〔2021〕20号, 【主题分类】机关工作).
_BRACKETED: Final = re.compile(
    r"^[ \t\u3000\xa0]*【"
    + _GAP
    + r"(?P<label>"
    + _ALTERNATION
    + r")"
    + _GAP
    + "】"
    + _GAP
    + "[:：]?"
)
# A label glued to an ASCII value at the start of a segment: 索引号000014349/2023-74857.
_GLUED: Final = re.compile(r"^(?P<label>" + _ALTERNATION + r")(?=[0-9A-Za-z])")
# Any short label with a colon at a line's start (before the title: 服务对象：…).
_ANY: Final = re.compile(r"^[ \t\u3000\xa0]*(?P<label>[\u4e00-\u9fff]{2,10})" + _GAP + r"[:：]")
# A label the format does not know, with its colon, after a separator inside a catalogue line
# (主题分类: 发文单位: 无): it ends the value before it, which is then empty.
_INNER: Final = re.compile(
    r"(?<=[\s\u3000\xa0|｜])(?P<label>[\u4e00-\u9fff]{2,6})" + _GAP + r"[:：]"
)
# A label the format knows with two characters before it (公文时效), after a space inside a catalogue line
# and followed by a value: it ends the value before it (发布机构 县政府办公室 公文时效 有效).
_PREFIXED: Final = re.compile(
    r"(?<=[ \t\u3000\xa0])(?P<label>[\u4e00-\u9fff]{2}" + _ALTERNATION + r")(?=[ \t\u3000\xa0]+\S)"
)
# A cell of a ``|`` row that can be a label the format does not know (| 是否有效 |): a short word.
_WORD_CELL: Final = re.compile(r"[\u4e00-\u9fff]{2,8}")
_CELL: Final = re.compile(r"[^|｜]+")
_LOST: Final = "?？"  # lost characters the store printed as ?, often in place of separators
_WS: Final = " \t\u3000\xa0"


@functools.lru_cache(maxsize=512)  # labels are few: each spelling is canonicalised once
def canonical_label(text: str) -> str:
    """A label as the format names it: spaces, pinyin readings and traditional characters removed.

    >>> canonical_label("索 引 號"), canonical_label("發(fā)布單位")
    ('索引号', '发布单位')
    """
    plain = "".join(_READING_RE.sub("", text).split())
    return "".join(_SIMPLIFIED.get(c, c) for c in plain)


def simplify(text: str) -> str:
    """``text`` for matching only: pinyin readings removed, the label characters' traditional forms
    simplified (the page keeps its text).

    >>> simplify("2009年度下管鎮(zhèn)政府信息公開年度報(bào)告")
    '2009年度下管镇政府信息公开年度报告'
    """
    if _SIMPLIFY_TRIGGERS.search(text) is None:  # the common case
        return text
    return _simplified(text)


@functools.lru_cache(maxsize=256)  # the year's readers look at the same lines more than once
def _simplified(text: str) -> str:
    if _NEEDS_SIMPLIFYING.search(text) is None:
        return text
    plain = _READING_RE.sub("", text)
    return plain.translate(_SIMPLIFY_TABLE)


def readings_removed(text: str) -> tuple[str, list[int]] | None:
    """``text`` without the pinyin readings a copy put inside it (徐舍鎮(zhèn) → 徐舍鎮), and where each of
    its characters is in ``text``; None when it has none (the common case). For matching and for
    cutting a name out of the text as printed: a position found in the first maps back by the second.

    >>> plain, where = readings_removed("徐舍鎮(zhèn)人民政府")
    >>> plain, where[3]
    ('徐舍鎮人民政府', 9)
    """
    if "(" not in text and "（" not in text:
        return None
    plain: list[str] = []
    where: list[int] = []
    at = 0
    for m in _READING_RE.finditer(text):
        plain.append(text[at : m.start()])
        where.extend(range(at, m.start()))
        at = m.end()
    if at == 0:
        return None
    plain.append(text[at:])
    where.extend(range(at, len(text)))
    return "".join(plain), where


def label_kind(label: str) -> str | None:
    """The kind of a canonical label: a :class:`~govdisclosure.model.Header` field name, ``"other"``,
    :data:`TITLE` or :data:`CHROME`; None for a label the format does not know."""
    return _KINDS.get(label)


@attrs.define
class FieldLine:
    """The fields of one catalogue line, in order: (canonical label, value) pairs."""

    pairs: list[tuple[str, Piece]]
    unlabelled: Piece | None = None
    """text before the first label that is no field (a date glued to the label after it)"""
    open_label: bool = False
    """the last label has an empty value and nothing after it on the line (its value may be on the next)"""


def _segments(piece: Piece) -> list[Piece]:
    text = piece.text
    if "|" not in text and "｜" not in text:
        return [piece]
    return [piece.slice(m.start(), m.end()) for m in _CELL.finditer(text)]


def _labels_in(text: str, allow_any: bool) -> list[re.Match[str]]:
    """The label matches of one segment, leftmost first, not overlapping."""
    found: list[re.Match[str]] = []
    taken_to = -1
    candidates: list[re.Match[str]] = [*_STRONG.finditer(text), *_WEAK.finditer(text)]
    glued = _GLUED.match(text)
    if glued is not None:
        candidates.append(glued)
    bracketed = _BRACKETED.match(text)
    if bracketed is not None:
        candidates.append(bracketed)
    if allow_any:
        any_label = _ANY.match(text)
        if any_label is not None and label_kind(canonical_label(any_label.group("label"))) is None:
            candidates.append(any_label)
    # a known label with two characters before it, spaced, inside the line (公文时效 有效): where the line
    # has a label already and a space after it
    if candidates and (" " in text or "\u3000" in text):
        candidates += [m for m in _PREFIXED.finditer(text) if m.start() > candidates[0].start()]
    # an unknown label inside a line has its own colon after a label's: two colons at least
    if candidates and text.count(":") + text.count("：") >= 2:
        candidates += [
            m
            for m in _INNER.finditer(text)
            if label_kind(canonical_label(m.group("label"))) is None
        ]
    for m in sorted(candidates, key=lambda m: (m.start(), -(m.end() - m.start()))):
        if m.start() >= taken_to:
            found.append(m)
            taken_to = m.end()
    return found


def is_label_line(text: str) -> bool:
    """Whether a line is a short label with its colon and nothing after it (主题词:): a field of its
    own, never the value of the label on the line before.

    >>> is_label_line("主题词:"), is_label_line("湖南省参事室2010年政府信息公开工作年度报告")
    (True, False)
    """
    m = _ANY.match(text)
    return m is not None and not text[m.end() :].strip(_WS + _LOST)


def _no_label_near_start(text: str, allow_any: bool) -> bool:
    """Whether the first segment of a line surely starts no catalogue line (:data:`_NEAR_START`).

    Every label match of :func:`_labels_in` starts where :data:`_ALTERNATION` matches; the text before
    the first one is at most 20 characters of text (``len(head.strip())``) or only white space and lost
    characters, else :func:`read_field_line` gives None. One anchored match instead of scans of the
    whole line with every label (the parser's speed target)."""
    if allow_any and _ANY.match(text) is not None:
        return False
    return _NEAR_START.match(text) is None and _DATED_NEAR_START.match(text) is None


def _row_cells(piece: Piece) -> list[Piece]:
    """The cells of a ``|`` row, blank ones included, without the empty edges outside its first and
    last bar."""
    text = piece.text
    bars = [m.start() for m in re.finditer("[|｜]", text)]
    if not bars:
        return []
    edges = [-1, *bars, len(text)]
    cells = [piece.slice(a + 1, b) for a, b in itertools.pairwise(edges)]
    if not cells[0].text.strip(_WS):
        cells = cells[1:]
    if cells and not cells[-1].text.strip(_WS):
        cells = cells[:-1]
    return cells


def read_value_row(labels_row: Piece, labels: FieldLine, row: Piece) -> FieldLine | None:
    """The fields of a ``|`` row of labels only (``索引号 | 公开方式 | 发布机构 |``: ``labels``, as
    :func:`read_field_line` read ``labels_row``) whose values are the cells of the ``|`` row under it
    (``row``), one for one; None where the rows do not pair so (a blank label cell, another number of
    cells, a label in the row under it).

    >>> labels_row = Piece.of("索引号 | 公开方式 | 发布机构 |", 0)
    >>> labels = read_field_line(labels_row)
    >>> row = Piece.of("116223010139324488/2009-00021 | 主动公开 | 凉州区张义镇人民政府 |", 30)
    >>> [(label, value.text) for label, value in read_value_row(labels_row, labels, row).pairs]
    [('索引号', '116223010139324488/2009-00021'), ('公开方式', '主动公开'), ('发布机构', '凉州区张义镇人民政府')]
    """
    if (
        len(labels.pairs) < 2
        or labels.unlabelled is not None
        or any(value.text for _label, value in labels.pairs)
        or len(_row_cells(labels_row)) != len(labels.pairs)
        or read_field_line(row) is not None
    ):
        return None
    cells = _row_cells(row)
    if len(cells) != len(labels.pairs):
        return None
    return FieldLine(
        [(label, _clean(cell)) for (label, _empty), cell in zip(labels.pairs, cells, strict=True)]
    )


def _clean(value: Piece) -> Piece:
    return value.strip(_WS + _LOST)


def read_field_line(piece: Piece, allow_any: bool = False) -> FieldLine | None:
    """The catalogue fields of a line, or None if it is not a catalogue line.

    A catalogue line starts with a label (or, in a ``|`` row, every non-empty cell is a label or the
    value after one), except for a short unlabelled prefix before a label with a colon.
    ``allow_any``: any 2–10 character label with a colon at the line's start counts (above the title).

    >>> line = read_field_line(Piece.of("索 引 号 | 014416330/2018-04736 | 分 类 | 其他 |", 0))
    >>> [(label, value.text) for label, value in line.pairs]
    [('索引号', '014416330/2018-04736'), ('分类', '其他')]
    >>> [(l, v.text) for l, v in read_field_line(Piece.of("文 号 | 有 效 性 |", 0)).pairs]
    [('文号', ''), ('有效性', '')]
    >>> read_field_line(Piece.of("一、总体情况", 0)) is None
    True
    >>> line = read_field_line(Piece.of("中央政府门户网站 www.gov.cn 2014-03-25 10:21 来源: 外交部网站", 0))
    >>> [(label, value.text) for label, value in line.pairs], line.unlabelled.text
    ([('来源', '外交部网站')], '中央政府门户网站 www.gov.cn 2014-03-25 10:21')
    """
    pairs: list[tuple[str, Piece]] = []
    unlabelled: Piece | None = None
    segments = [s for s in _segments(piece) if s.text.strip(_WS + _LOST)]
    if not segments or _no_label_near_start(segments[0].text, allow_any):
        return None
    piped = len(segments) > 1 or "|" in piece.text or "｜" in piece.text
    pending: str | None = None  # a label whose value may be the next cell
    for k, segment in enumerate(segments):
        text = segment.text
        matches = _labels_in(text, allow_any and k == 0)
        if not matches:
            if pending is not None:
                pairs.append((pending, _clean(segment)))
                pending = None
                continue
            word = text.strip(_WS + _LOST)
            if pairs and _WORD_CELL.fullmatch(word):
                # | 生成日期 | 2026-01-23 16:24:38 | 是否有效 |: a row whose fields were read goes on
                # past a label the format does not know, kept with the value after it, if any
                pending = canonical_label(word)
                continue
            return None
        if pending is not None:
            pairs.append((pending, segment.slice(0, 0)))
            pending = None
        head = text[: matches[0].start()]
        if head.strip(_WS + _LOST):
            # Text before the first label: allowed once, short or ending with a date (a portal's name,
            # address and date), before a label with a colon.
            if (
                pairs
                or unlabelled is not None
                or (len(head.strip()) > 20 and _DATED_HEAD.fullmatch(head) is None)
                or not text[matches[0].start() : matches[0].end()].rstrip().endswith((":", "："))
            ):
                return None
            unlabelled = _clean(segment.slice(0, matches[0].start()))
        for m, following in zip(matches, [*matches[1:], None], strict=True):
            label = canonical_label(m.group("label"))
            end = following.start() if following is not None else len(text)
            value = _clean(segment.slice(m.end(), end))
            if not value.text and following is None and piped:
                pending = label
                continue
            pairs.append((label, value))
    open_label = False
    if pending is not None:
        pairs.append((pending, piece.slice(len(piece.text), len(piece.text))))
    if pairs and not pairs[-1][1].text and not piped:
        open_label = True
    if not pairs:
        return None
    return FieldLine(pairs, unlabelled, open_label)
