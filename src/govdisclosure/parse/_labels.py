"""The labels of the statutory tables as a reader meets them: normalised, indexed, matched with tolerance.

The labels themselves are the model's (``BLOCKS``, ``ROWS``, ``COLUMNS``, ``GROUPS``, ``CORNER`` of each
format), so a label changes in one place. A cell matches a label exactly once both are normalised
(:func:`normalise`); failing that, through a known typo or variant (:data:`TABLE_LABEL_TYPOS`,
:data:`TABLE_LABEL_VARIANTS`), or by similarity (:data:`TABLE_LABEL_SIMILARITY`): those are approximate, and
the reader says so (GP501).
"""

from __future__ import annotations

import enum
import functools
import re
import unicodedata
from difflib import SequenceMatcher
from typing import Final

import attrs

from govdisclosure.model import (
    ReportFormat,
    RowKind,
    Table2V2019,
    Table2V2021,
    Table3V2019,
    Table3V2021,
    Table4,
)
from govdisclosure.parse._traditional import to_simplified
from govdisclosure.parse._vocabulary import (
    TABLE_CORNER_WORD,
    TABLE_LABEL_SIMILARITY,
    TABLE_LABEL_TYPOS,
    TABLE_LABEL_VARIANTS,
)

__all__ = [
    "LABELS",
    "ROW_ROLES",
    "Label",
    "LabelRole",
    "Match",
    "MatchHow",
    "glued_lead",
    "match_label",
    "normalise",
    "owners",
]

V2019, V2021 = ReportFormat.V2019, ReportFormat.V2021
BOTH: Final = frozenset({V2019, V2021})

# Quotation marks of every width and style, as one.
_QUOTES: Final = str.maketrans(dict.fromkeys("“”„‟＂「」『』〝〞", '"'))
# A numbering 1、 or 1． written for the format's 1. (NFKC has already made ． a .).
_NUMBERING: Final = re.compile(r"^(\d{1,2})[、,]")
_INVISIBLE: Final = str.maketrans(dict.fromkeys("\u200b\u200c\u200d\u2060\ufeff", ""))
_NOTE: Final = re.compile(r"\((?:[^()]|\([^()]*\))*\)$")
# The reading a mirror site prints after a character: 項(xiàng) is 項 (pinyin, tone marks included).
_PINYIN: Final = re.compile(r"\([a-zü\u00e0-\u00fc\u0101-\u01dc]{1,7}\)")


# The functions below are pure and are asked the same texts again and again (the same labels on every
# page, the same cell in several passes of the reader): they are cached, each with a bound.
_CACHE: Final = 8192


@functools.lru_cache(maxsize=_CACHE)
def normalise(text: str) -> str:
    """A label as compared: NFKC (full-width and half-width forms agree), no white space, one kind of
    quotation mark, a numbering ``1、`` as ``1.``, traditional characters simplified (規章 is 规章), and
    the pinyin a mirror site prints after characters dropped (項(xiàng) is 項).

    >>> normalise("（二）部分公开（区分处理的，只计这一情形）") == normalise("(二)部分公开(区分处理的,只计这一情形)")
    True
    >>> normalise("商业 企业"), normalise("3.危及“三安全一稳定”"), normalise("1、属于国家秘密")
    ('商业企业', '3.危及"三安全一稳定"', '1.属于国家秘密')
    """
    flat = to_simplified("".join(unicodedata.normalize("NFKC", text).split()).translate(_INVISIBLE))
    if "(" in flat and flat.isascii() is False and _PINYIN.search(flat):
        flat = _PINYIN.sub("", flat)
    return _NUMBERING.sub(r"\1.", flat.translate(_QUOTES))


class LabelRole(enum.StrEnum):
    """What a label labels in its table."""

    TITLE = "title"
    """a block of table 二 (第二十条第（一）项)"""
    HEADER = "header"
    """the header of table 二's label column (信息内容)"""
    COLUMN = "column"
    """a figure column"""
    HEADING = "heading"
    """a header cell above columns (申请人情况, 行政复议 …)"""
    CORNER = "corner"
    """table 三's top-left cell"""
    ROW = "row"
    """a row with figures"""
    SUM = "sum"
    """a computed row (（三）不予公开 …)"""
    GROUP = "group"
    """a row that heads rows (三、本年度办理结果)"""


class MatchHow(enum.StrEnum):
    """How a cell was read as a label."""

    EXACT = "exact"
    TYPO = "typo"
    """through a known typo (:data:`TABLE_LABEL_TYPOS`)"""
    VARIANT = "variant"
    """through a known variant, a note dropped, or the other format's wording"""
    SIMILAR = "similar"
    """by similarity (:data:`TABLE_LABEL_SIMILARITY`)"""


ROW_ROLES: Final = {
    RowKind.DATA: LabelRole.ROW,
    RowKind.SUM: LabelRole.SUM,
    RowKind.GROUP: LabelRole.GROUP,
}
"""The role of a label of a row of table 三, by the row's kind."""


@attrs.frozen
class Label:
    """A label of a statutory table: which table, what it labels, its text as printed, its formats.

    ``role`` is a :class:`LabelRole`.
    """

    table: str
    role: LabelRole
    key: str
    text: str
    versions: frozenset[ReportFormat]


def _labels() -> tuple[Label, ...]:
    found: dict[tuple[str, LabelRole, str, str], set[ReportFormat]] = {}

    def add(table: str, role: LabelRole, key: str, text: str, version: ReportFormat) -> None:
        found.setdefault((table, role, key, text), set()).add(version)

    r = LabelRole
    for t2 in (Table2V2019, Table2V2021):
        for block in t2.BLOCKS:
            add("t2", r.TITLE, block.title, block.title, t2.VERSION)
            add("t2", r.HEADER, "header", block.header, t2.VERSION)
            for column in block.columns:
                add("t2", r.COLUMN, column.key, column.label, t2.VERSION)
            for row in block.rows:
                add("t2", r.ROW, row.key, row.label, t2.VERSION)
    for t3 in (Table3V2019, Table3V2021):
        add("t3", r.CORNER, "corner", t3.CORNER, t3.VERSION)
        for column in t3.COLUMNS:
            add("t3", r.COLUMN, column.key, column.label, t3.VERSION)
            for heading in column.headers:
                add("t3", r.HEADING, heading, heading, t3.VERSION)
        for spec in t3.ROWS:
            add("t3", ROW_ROLES[spec.kind], spec.key, spec.label, t3.VERSION)
    for version in (V2019, V2021):
        for group in Table4.GROUPS:
            add("t4", r.HEADING, group.key, group.label, version)
            for heading in group.headers:
                add("t4", r.HEADING, heading, heading, version)
            for column in group.columns:
                add("t4", r.COLUMN, column.key, column.label, version)
    return tuple(
        Label(table, role, key, text, frozenset(versions))
        for (table, role, key, text), versions in found.items()
    )


LABELS: Final = _labels()
"""Every label of the three tables in both formats."""

_BY_NORM: Final[dict[str, tuple[Label, ...]]] = {}
for _label in LABELS:
    _BY_NORM[normalise(_label.text)] = (*_BY_NORM.get(normalise(_label.text), ()), _label)
_VARIANTS: Final = {normalise(k): normalise(v) for k, v in TABLE_LABEL_VARIANTS.items()}
_TYPOS: Final = tuple((normalise(wrong), normalise(right)) for wrong, right in TABLE_LABEL_TYPOS)
_CORNER: Final = normalise(TABLE_CORNER_WORD)
# The candidates of a similarity match: each table's labels in each format, with their normalised texts
# (block titles differ by one character: they are matched exactly only).
_CANDIDATES: Final = {
    (table, version): tuple(
        (normalise(label.text), label)
        for label in LABELS
        if label.table == table and version in label.versions and label.role is not LabelRole.TITLE
    )
    for table in ("t2", "t3", "t4")
    for version in (V2019, V2021)
}


@attrs.frozen
class Match:
    """A cell read as a label: which, and how (a :class:`MatchHow`: exactly, or approximately)."""

    label: Label
    how: MatchHow

    @property
    def approximate(self) -> bool:
        return self.how is not MatchHow.EXACT


@functools.lru_cache(maxsize=_CACHE)
def _known(norm: str) -> tuple[tuple[Label, ...], MatchHow | None]:
    """The labels a normalised text is exactly, or through a known typo or variant; and how."""
    labels = _BY_NORM.get(norm)
    if labels:
        return labels, MatchHow.EXACT
    fixed = norm
    for wrong, right in _TYPOS:
        if wrong in fixed:
            fixed = fixed.replace(wrong, right)
    if fixed != norm:
        labels = _BY_NORM.get(fixed) or _BY_NORM.get(_VARIANTS.get(fixed, ""))
        if labels:
            return labels, MatchHow.TYPO
    variant = _VARIANTS.get(norm)
    if variant is not None:
        return _BY_NORM[variant], MatchHow.VARIANT
    if _CORNER in norm:
        return tuple(label for label in LABELS if label.role is LabelRole.CORNER), MatchHow.VARIANT
    if "/" in norm:
        # A label with the labels above it, as a path (三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密;
        # 申请人情况 / 法人或其他组织 / 商业企业): how a nested header is flattened to one cell by this
        # library's Markdown and by exports. The last label is the cell's, where every part is a label
        # (本年增/减 is one label: read whole above, before any split).
        parts = norm.split("/")
        for k in range(1, len(parts)):
            labels, how = _known("/".join(parts[k:]))
            if how is not None and all(_known(part)[1] is not None for part in parts[:k]):
                return labels, how
    if norm.endswith(")") and "(" in norm:
        # A label with the note a local template adds (规章(设区的市、自治州人民政府应提供相关数据),
        # 上一年项目数量(指2019年事项数)): the label without it.
        bare = _NOTE.sub("", norm)
        if bare and bare != norm:
            labels, _ = _known(bare)
            if labels:
                return labels, MatchHow.VARIANT
    return (), None


# The labels of table 三 that head rows (三、本年度办理结果, （三）不予公开), longest first: a page that runs a
# row's cells together prints them glued to the label of the row under them.
_LEADS: Final = tuple(
    sorted(
        {
            normalise(label.text)
            for label in LABELS
            if label.table == "t3" and label.role in (LabelRole.GROUP, LabelRole.SUM)
        },
        key=len,
        reverse=True,
    )
)


@functools.lru_cache(maxsize=_CACHE)
def glued_lead(norm: str) -> int:
    """The length of the label heading rows of table 三 that the normalised text ``norm`` opens with,
    where another label follows it glued (三、本年度办理结果(一)予以公开, （三）不予公开1.属于国家秘密);
    0 where there is none.

    >>> glued_lead(normalise("三、本年度办理结果(一)予以公开")), glued_lead(normalise("三、本年度办理结果"))
    (9, 0)
    """
    for lead in _LEADS:
        if norm.startswith(lead) and _known(norm[len(lead) :])[1] is not None:
            return len(lead)
    return 0


@functools.lru_cache(maxsize=_CACHE)
def owners(norm: str) -> frozenset[str]:
    """The tables (``t2``, ``t3``, ``t4``) that have a label the normalised text is (exactly, or through a
    known typo or variant), in either format."""
    labels, _ = _known(norm)
    return frozenset(label.table for label in labels)


@functools.lru_cache(maxsize=_CACHE)
def versions_of(norm: str, table: str) -> frozenset[ReportFormat]:
    """The formats whose table ``table`` has a label the normalised text is (exactly or as a known typo or
    variant): evidence of the format."""
    labels, _ = _known(norm)
    found: frozenset[ReportFormat] = frozenset()
    for label in labels:
        if label.table == table:
            found |= label.versions
    return found


def match_label(norm: str, table: str, version: ReportFormat) -> list[Match]:
    """The labels of ``table`` in ``version`` that the normalised cell text ``norm`` reads as: every label
    it is exactly or through a known typo or variant (a text can label several cells: 总计, 结果维持 …);
    failing that, the one label it is most similar to, if similar enough; else none.

    >>> [(m.label.key, m.how.value) for m in match_label(normalise("5.属于三类内容事务信息"), "t3", V2021)]
    [('withheld_internal_affairs', 'typo')]
    >>> [(m.label.key, m.how.value) for m in match_label(normalise("4.保护第三方合法权利"), "t3", V2021)]
    [('withheld_third_party_rights', 'similar')]
    >>> [(m.label.text, m.how.value) for m in match_label(normalise("规范性文件"), "t2", V2021)]
    [('行政规范性文件', 'variant')]
    """
    return list(_match(norm, table, version))


@functools.lru_cache(maxsize=_CACHE)
def _match(norm: str, table: str, version: ReportFormat) -> tuple[Match, ...]:
    """:func:`match_label`'s answer, as a tuple (cached)."""
    labels, how = _known(norm)
    if how is not None:
        found = tuple(
            Match(label, how)
            for label in labels
            if label.table == table and version in label.versions
        )
        if found:
            return found
        # A row of the other format's table, worded as that format words it (规范性文件 in a 2021 table
        # 二): the row of this format with the same key, approximately (GP501), rather than dropped.
        keys = {
            label.key for label in labels if label.table == table and label.role is LabelRole.ROW
        }
        return tuple(
            Match(label, MatchHow.VARIANT)
            for label in LABELS
            if label.table == table
            and label.role is LabelRole.ROW
            and label.key in keys
            and version in label.versions
        )
    # Hand-written around difflib: a similarity search over one table's labels, cheapest bounds first.
    best: Label | None = None
    best_ratio = TABLE_LABEL_SIMILARITY
    tie = False
    matcher = SequenceMatcher(autojunk=False)
    matcher.set_seq2(norm)
    for text, label in _CANDIDATES[(table, version)]:
        matcher.set_seq1(text)
        if matcher.real_quick_ratio() < best_ratio or matcher.quick_ratio() < best_ratio:
            continue
        ratio = matcher.ratio()
        if ratio > best_ratio or (ratio == best_ratio and best is None):
            best, best_ratio, tie = label, ratio, False
        elif ratio == best_ratio:
            tie = True
    if best is None or tie:
        return ()
    return (Match(best, MatchHow.SIMILAR),)
