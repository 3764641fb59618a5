"""Facts stated in a node's text: citations, counts, money and the structured inventories.

Hand-written: the patterns are the phrasing of Chinese work reports (共清理出…20部(份), 其中…, 截至11月,
以…为主, 本着…的原则). The cue words are data in :mod:`._vocabulary`; here is only how they combine:

- a count is a number and a measure word; what it counts is the clause before it, without the verbs and
  adverbs that open the clause (共清理出相关的规章制度20部(份) → 规章制度), or the words after it;
- a structured fact is recognised from the counts of one paragraph: the power inventory around a count of
  权力事项 (its 其中 run gives the categories), the risk inventory around a count of 风险点, disclosure figures
  around counts of 条 of information published; counts and money that no structured fact takes stay loose.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from decimal import InvalidOperation
from typing import Any, Final

import attrs

from govdisclosure.model import (
    YEAR_BRACKETS,
    Channels,
    CitedDocument,
    DisclosureStats,
    DocumentNumber,
    Money,
    MoneyUnit,
    PowerInventory,
    Quantity,
    ReportFormat,
    RiskInventory,
    Role,
    WorkPlan,
    YearMonth,
    match_table_phrase,
)
from govdisclosure.parse._context import Prefixed
from govdisclosure.parse._numbers import DAMAGED_IN_TEXT, IN_TEXT_OPENINGS, read_document_number
from govdisclosure.parse._piece import Piece
from govdisclosure.parse._vocabulary import (
    AS_OF,
    CHANNEL_TAIL,
    CHANNEL_WORDS,
    CHANNELS_AUXILIARY,
    CHANNELS_PRIMARY,
    CUMULATIVE_WORDS,
    DISCLOSURE_UNITS,
    DISCLOSURE_VERBS,
    FOCUS_AREAS,
    GENERIC_MONEY_SUBJECTS,
    MEASURE_WORDS,
    PLAN_OPENINGS,
    POWER_DOCUMENTS,
    POWER_DOCUMENTS_VERBS,
    POWER_FLOWCHARTS,
    POWER_MATTERS,
    POWER_RULES,
    POWER_RULES_VERBS,
    PRINCIPLES,
    PROJECT_SUBJECT,
    PUBLISHED_ON,
    RISK_HIGH,
    RISK_LOW,
    RISK_MEASURES,
    RISK_MEDIUM,
    RISK_POINTS,
    SUBJECT_PREFIXES,
)
from govdisclosure.zh import parse_amount, parse_as_of

__all__ = ["extract_facts", "repair_numbers"]

_SENTENCE: Final = re.compile(r"[。；;！？!?]")
_UNITS: Final = "|".join(re.escape(u) for u in MEASURE_WORDS)
# Numbers are found once (a digit run is a fast scan) and what follows them decides: a money unit, or a
# measure word. 2014年 and 第3期 are neither.
# ASCII and full-width digits (a range test is cheaper for the regex engine than the Unicode category \d).
# [0-9０-９][0-9０-９]* is [0-9０-９]+, written so that the pattern opens with a bare character class: the
# engine then skips to the next digit in its own fast loop instead of trying the pattern at every position
# (half the cost of a scan).
_NUMBER: Final = re.compile(r"[0-9０-９][0-9０-９]*(?:\.[0-9０-９]+)?")
_ANY_DIGIT: Final = re.compile("[0-9０-９]")
_AFTER_NUMBER: Final = frozenset("亿万元" + "".join(u[0] for u in MEASURE_WORDS))
_FULL_WIDTH_DIGITS: Final = str.maketrans("０１２３４５６７８９", "0123456789")
_UNIT_AFTER: Final = re.compile(rf"[ \t]*(?P<unit>{_UNITS})(?!月|小时|工作日|以上|以下|多|余)")
# _UNIT_AFTER as look-ups (tests/parse/test_prefilters.py compares them): the measure words by their first
# character, in MEASURE_WORDS' order, and what may not follow one (the pattern's lookahead).
_UNITS_BY_FIRST: Final[dict[str, tuple[str, ...]]] = {
    first: tuple(u for u in MEASURE_WORDS if u[0] == first)
    for first in {u[0] for u in MEASURE_WORDS}
}
_NOT_AFTER_UNIT: Final = ("月", "小时", "工作日", "以上", "以下", "多", "余")
_MONEY_AFTER: Final = re.compile(r"[ \t]*(?P<unit>亿元|万元|元)")
_UP_TO_LAST_MARK: Final = re.compile(r".*[，,；;。：:！？!?、 \t\u3000\xa0\n]", re.DOTALL)
_MAX_CLAUSE: Final = 60
_TITLE: Final = re.compile(r"《(?P<title>[^《》\n]{1,200})》")
_NUMBER_AFTER_TITLE: Final = re.compile(
    r"[ \t]*[（(](?P<number>(?:[^（）()\n]|[（(]\d{4}[）)]){2,40}?)[）)]"
)
_YEAR: Final = re.compile(r"(?<!\d)(\d{4})年(?!\d)")
_YEAR_DIGITS: Final = re.compile(r"(?<!\d)(?:19|20)\d\d")
_MASK: Final = "□"
# Cues: literals that every match of a reader's patterns contains (tests/parse/test_prefilters.py checks
# them against the patterns), so that a paragraph without any is ruled out by substring tests.
# DISCLOSURE_VERBS or CUMULATIVE_WORDS:
_DISCLOSURE_CUES: Final = ("公开", "发布", "公布", "历年", "至今", "累计", "总量")
# CHANNELS_PRIMARY or CHANNELS_AUXILIARY (besides 以):
_CHANNEL_CUES: Final = ("为主", "为辅", "为补充")
# POWER_MATTERS, POWER_FLOWCHARTS, or POWER_RULES_VERBS (a count of rules needs one in its clause):
_POWER_CUES: Final = ("权", "流程图", "清理", "梳理")
# RISK_POINTS:
_RISK_CUE: Final = "风险"
# A one-character prefix is not stripped where it starts a word (共青团, 共同, 均衡 …).
_WORDS_KEPT: Final = frozenset({"共青", "共同", "共享", "共建", "均衡", "并联", "并购", "已经"})
# The prefixes by their first character, longest first (a dict lookup beats a regex alternation here).
_PREFIXES_BY_FIRST: Final[dict[str, tuple[str, ...]]] = {
    first: tuple(p for p in SUBJECT_PREFIXES if p[0] == first)
    for first in {p[0] for p in SUBJECT_PREFIXES}
}
_NOT_IN_SUBJECT: Final = re.compile(r"[\d（）()《》“”□]")
_SUBJECT_AFTER: Final = re.compile(r"[\u4e00-\u9fff]{1,12}(?=$|[，,；;。：:！？!?、])")


# Cached: a pure function of a short phrase, and the phrases recur (新收政府信息公开申请, 予以公开 …: the
# tables' own words, in every statutory report's text); matching one tries each phrase's patterns.
@functools.lru_cache(maxsize=1024)
def _is_table_phrase(subject: str | None, statutory: ReportFormat) -> bool:
    return match_table_phrase(subject, statutory) is not None


def repair_numbers(piece: Piece, path: str) -> tuple[Piece, list[tuple[int, str, str, str]]]:
    """The paragraph with lost year brackets closed (闽政办函〔2014130号 → 〔2014〕130号).

    Returns the repaired piece and the repairs as (index of the inserted bracket in the new text,
    found, expected, paragraph path); they are reported as GP301 by :func:`extract_facts`.
    """
    text = piece.text
    # Substring tests, one per bracket: a scan with a character class costs several times as much on
    # CJK text, and nearly every paragraph has none of these brackets.
    if not any(map(text.__contains__, IN_TEXT_OPENINGS)):
        return piece, []
    repairs: list[tuple[int, str, str, str]] = []
    parts: list[Piece] = []
    last = 0
    for shift, m in enumerate(DAMAGED_IN_TEXT.finditer(text)):
        index = m.start("year") + 4
        close = YEAR_BRACKETS[m.group("open")]
        parts.append(piece.slice(last, index))
        parts.append(Piece.added(close, piece.source(index)))
        last = index
        expected = f"{m.group('open')}{m.group('year')}{close}{m.group('serial')}号"
        repairs.append((index + shift, m.group(), expected, path))
    if not repairs:
        return piece, []
    parts.append(piece.slice(last))
    return Piece.join(parts), repairs


class _Count:
    """A count found in a paragraph. A plain slotted class, compared by identity (no two counts of a
    paragraph share their positions): made for every count, and compared in ``index`` and ``in``."""

    __slots__ = (
        "clause",
        "end",
        "number_start",
        "qizhong",
        "start",
        "subject",
        "unit",
        "used",
        "value",
        "verb",
    )

    def __init__(
        self,
        value: int,
        unit: str,
        subject: str | None,
        start: int,  # where the phrase (subject or number) starts in the text
        end: int,  # just past the measure word
        number_start: int,
        clause: str,  # the clause before the number
        qizhong: bool,  # the clause opens with 其中
        verb: bool,  # words were stripped before the subject (a verb such as 制作)
    ) -> None:
        self.value = value
        self.unit = unit
        self.subject = subject
        self.start = start
        self.end = end
        self.number_start = number_start
        self.clause = clause
        self.qizhong = qizhong
        self.verb = verb
        self.used = False


@attrs.define
class _Amount:
    money: Money
    start: int
    end: int
    used: bool = False


def _strip_prefixes(text: str) -> tuple[str, bool]:
    """``text`` without the verbs and adverbs that open it; a word is never cut to one character."""
    stripped = False
    while text:
        for prefix in _PREFIXES_BY_FIRST.get(text[0], ()):
            if text.startswith(prefix):
                break
        else:
            return text, stripped
        end = len(prefix)
        if len(text) - end == 1 or (end == 1 and text[:2] in _WORDS_KEPT):
            return text, stripped
        text = text[end:]
        stripped = True
    return text, stripped


def _subject(clause: str) -> tuple[str | None, bool]:
    """What a count counts, from the clause before the number; and whether a verb was stripped."""
    text, stripped = _strip_prefixes(clause)
    cut = text.rfind("的")
    if 0 <= cut < len(text) - 1:
        text = text[cut + 1 :]
        stripped = True
        text, _ = _strip_prefixes(text)
    # What remains must look like a noun phrase: no digits, no brackets.
    if not text or _NOT_IN_SUBJECT.search(text) is not None:
        return None, stripped
    return text, stripped


def _clause(text: str, position: int) -> str:
    """The clause that ends at ``position``: back to the last punctuation mark (at most 60 characters)."""
    low = max(0, position - _MAX_CLAUSE)
    m = _UP_TO_LAST_MARK.match(text, low, position)
    return text[low if m is None else m.end() : position]


def _numbers(masked: str) -> tuple[list[_Count], list[_Amount]]:
    """The counts and the amounts of money in a text (titles masked)."""
    counts: list[_Count] = []
    amounts: list[_Amount] = []
    for m in _NUMBER.finditer(masked):
        end = m.end()
        after = masked[end : end + 1]
        if after not in _AFTER_NUMBER:
            if after != " " and after != "\t":
                continue  # 2014年, 11月 …: neither money nor a count
            after = masked[end : end + 8].lstrip(" \t")[:1]
            if not after or after not in _AFTER_NUMBER:
                continue
        start = m.start()
        number = m.group()
        money = _MONEY_AFTER.match(masked, end) if len(number) <= 22 and after in "亿万元" else None
        if money is not None:
            amount = _amount(masked, start, money.end(), number, money.group("unit"))
            if amount is not None:
                amounts.append(amount)
            continue
        if "." in number or len(number) > 12 or (start and masked[start - 1] == "第"):
            continue
        unit = _unit_after(masked, end)
        if unit is not None:
            value = int(number.translate(_FULL_WIDTH_DIGITS))
            counts.append(_count(masked, start, unit[1], value, unit[0]))
    return counts, amounts


def _unit_after(text: str, end: int) -> tuple[str, int] | None:
    """``_UNIT_AFTER.match(text, end)`` as (unit, end of the match): the alternation tried only for the
    measure words that start with the character there (a regex tries each in turn)."""
    i = end
    while text[i : i + 1] in (" ", "\t"):
        i += 1
    for unit in _UNITS_BY_FIRST.get(text[i : i + 1], ()):
        if text.startswith(unit, i):
            stop = i + len(unit)
            if not text.startswith(_NOT_AFTER_UNIT, stop):
                return unit, stop
    return None


def _count(masked: str, number_start: int, end: int, value: int, unit: str) -> _Count:
    clause = _clause(masked, number_start)
    qizhong = clause.startswith("其中")
    subject, verb = _subject(clause)
    if qizhong:
        verb = len(clause) > 2 and subject is not None and clause[2:] != subject
    start = number_start - len(subject) if subject and clause.endswith(subject) else number_start
    if subject is None:
        after = _SUBJECT_AFTER.match(masked, end)
        if after is not None and after.group() != "其中":
            subject = after.group()
    return _Count(value, unit, subject, start, end, number_start, clause, qizhong, verb)


def _amount(masked: str, start: int, end: int, number: str, unit: str) -> _Amount | None:
    try:
        yuan = parse_amount(number.translate(_FULL_WIDTH_DIGITS) + unit)
    except (ValueError, ArithmeticError, InvalidOperation):
        return None
    clause = _clause(masked, start)
    subject, _ = _subject(clause)
    if subject in GENERIC_MONEY_SUBJECTS:
        subject = None
    begin = start - len(subject) if subject and clause.endswith(subject) else start
    return _Amount(Money(yuan, MoneyUnit(unit), subject), begin, end)


class _Paragraph:
    """One text of a node, being read: the piece, its masked text (titles blanked), its counts."""

    def __init__(self, path: str, piece: Piece) -> None:
        self.path = path
        self.piece = piece
        self.text = piece.text
        self.citations: list[tuple[CitedDocument, int, int, int, int]] = []
        masked = self.text
        if "《" in masked:
            parts = []
            last = 0
            for m in _TITLE.finditer(masked):
                parts.append(masked[last : m.start() + 1])
                parts.append(_MASK * (m.end() - m.start() - 2))
                last = m.end() - 1
            parts.append(masked[last:])
            masked = "".join(parts)
        self.masked = masked
        self.counts, self.amounts = _numbers(masked)


def _quantity(c: _Count) -> Quantity:
    c.used = True
    return Quantity(c.value, c.unit, c.subject)


class _Facts:
    """The facts of one node, collected paragraph by paragraph."""

    def __init__(
        self, role: Role | None, report_year: int, notes: Prefixed, statutory: ReportFormat | None
    ) -> None:
        self.role = role
        self.year = report_year
        self.statutory = statutory
        self.notes = notes
        # notes.source, inlined (a call less for each path recorded)
        self._provenance = notes.provenance
        self._prefix = notes.prefix
        self.citations: list[CitedDocument] = []
        self.quantities: list[Quantity] = []
        self.amounts: list[Money] = []
        self.channels: Channels | None = None
        self.power: PowerInventory | None = None
        self.risks: RiskInventory | None = None
        self.disclosure: DisclosureStats | None = None
        self.plan: WorkPlan | None = None
        self.target_year: int | None = None
        self.principles: list[str] = []

    def source(self, p: _Paragraph, path: str, start: int, end: int) -> None:
        self._provenance[self._prefix + path] = p.piece.bounds(start, end)

    # ---- citations

    def read_citations(self, p: _Paragraph, repairs: list[tuple[int, str, str, str]]) -> None:
        pending = list(repairs)
        for m in _TITLE.finditer(p.text) if "《" in p.text else ():
            title = m.group("title").strip()
            if not title:
                continue
            number: DocumentNumber | None = None
            index = len(self.citations)
            path = f".citations[{index}]"
            after = _NUMBER_AFTER_TITLE.match(p.text, m.end())
            end = m.end()
            if after is not None:
                raw = after.group("number")
                read = read_document_number(raw)
                if read is not None:
                    number = read[0]
                    end = after.end()
                    ns, ne = after.start("number"), after.end("number")
                    self.source(p, f"{path}.number", ns, ne)
                    for r in [r for r in pending if ns <= r[0] < ne]:
                        pending.remove(r)
                        repaired = p.text[ns:ne]
                        cut = r[0] - ns
                        self.notes.report(
                            "GP301",
                            f"{path}.number",
                            p.piece.span(ns, ne),
                            found=repaired[:cut] + repaired[cut + 1 :],
                            expected=repaired,
                        )
                elif _YEAR_DIGITS.search(raw) and "号" in raw:
                    self.notes.report(
                        "GP302",
                        path,
                        p.piece.span(after.start("number"), after.end("number")),
                        title=title,
                        found=raw,
                    )
            self.source(p, path, m.start(), end)
            self.citations.append(CitedDocument(title=title, number=number))
        for index, found, expected, para_path in pending:
            self.notes.report(
                "GP301",
                para_path,
                p.piece.span(max(0, index - 5), index + len(expected) - 5),
                found=found,
                expected=expected,
            )

    # ---- channels

    def read_channels(self, p: _Paragraph) -> None:
        text = p.text
        # Both patterns need 以 and one of 为主, 为辅, 为补充: three substring tests rule out the
        # paragraphs without (the patterns' lazy runs cost far more, once per 以).
        if (
            self.channels is not None
            or "以" not in text
            or not any(map(text.__contains__, _CHANNEL_CUES))
        ):
            return
        primary = CHANNELS_PRIMARY.search(p.text)
        auxiliary = CHANNELS_AUXILIARY.search(p.text)
        if primary is None and auxiliary is None:
            return
        named = " ".join(m.group(1) for m in (primary, auxiliary) if m is not None)
        if CHANNEL_WORDS.search(named) is None:
            return  # 以预防为主 is a policy, not a channel
        lists: dict[str, list[str]] = {"primary": [], "auxiliary": []}
        for name, m in (("primary", primary), ("auxiliary", auxiliary)):
            if m is None:
                continue
            body = CHANNEL_TAIL.sub("", m.group(1))
            offset = m.start(1)
            position = 0
            for part in body.split("、"):
                stripped = part.strip()
                if stripped:
                    s = offset + position + part.index(stripped)
                    self.source(p, f".channels.{name}[{len(lists[name])}]", s, s + len(stripped))
                    lists[name].append(stripped)
                position += len(part) + 1
        self.channels = Channels(primary=lists["primary"], auxiliary=lists["auxiliary"])

    # ---- the power and risk inventories

    def read_inventories(self, p: _Paragraph) -> None:
        counts = p.counts
        if not counts or (self.power is not None and self.risks is not None):
            return
        text = p.text
        power: dict[str, Any] = {}
        # A subject is part of the text: where none of the words the inventories look for is in it
        # (权 of POWER_MATTERS, 流程图, the verbs a count of rules needs; 风险 of RISK_POINTS), the count
        # by count searches below would find nothing.
        if self.power is None and any(map(text.__contains__, _POWER_CUES)):
            matters = next(
                (c for c in counts if c.subject and POWER_MATTERS.search(c.subject)), None
            )
            rules = next(
                (
                    c
                    for c in counts
                    if c is not matters
                    and c.subject
                    and POWER_RULES.search(c.subject)
                    and POWER_RULES_VERBS.search(c.clause)
                ),
                None,
            )
            flowcharts = next(
                (c for c in counts if c.subject and POWER_FLOWCHARTS.search(c.subject)), None
            )
            if matters is not None or flowcharts is not None or rules is not None:
                if rules is not None:
                    power["rules"] = self._take(p, rules, ".power.rules")
                if matters is not None:
                    power["matters"] = self._take(p, matters, ".power.matters")
                    power["categories"] = [
                        self._take(p, c, f".power.categories[{k}]")
                        for k, c in enumerate(self._run(counts, matters, lambda c: True))
                    ]
                if flowcharts is not None:
                    power["flowcharts"] = self._take(p, flowcharts, ".power.flowcharts")
                documents = next(
                    (
                        c
                        for c in counts
                        if not c.used
                        and c.subject
                        and POWER_DOCUMENTS.search(c.subject)
                        and POWER_DOCUMENTS_VERBS.search(c.clause)
                    ),
                    None,
                )
                if documents is not None:
                    power["documents"] = self._take(p, documents, ".power.documents")
        risks: dict[str, Any] = {}
        if self.risks is None and _RISK_CUE in text:
            points = next(
                (c for c in counts if not c.used and c.subject and RISK_POINTS.search(c.subject)),
                None,
            )
            if points is not None:
                risks["points"] = self._take(p, points, ".risks.points")
                graded = self._run(
                    counts,
                    points,
                    lambda c: any(
                        g.search(c.subject or "") for g in (RISK_HIGH, RISK_MEDIUM, RISK_LOW)
                    ),
                )
                for c in graded:
                    for name, grade in (
                        ("high", RISK_HIGH),
                        ("medium", RISK_MEDIUM),
                        ("low", RISK_LOW),
                    ):
                        if name not in risks and grade.search(c.subject or ""):
                            risks[name] = self._take(p, c, f".risks.{name}")
                            break
                index = counts.index(points)
                measures = next(
                    (
                        c
                        for c in counts[index + 1 :]
                        if not c.used and c.subject and RISK_MEASURES.search(c.subject)
                    ),
                    None,
                )
                if measures is not None:
                    risks["measures"] = self._take(p, measures, ".risks.measures")
        published = None
        if (power or risks) and "在" in p.text:
            for m in PUBLISHED_ON.finditer(p.text):
                published = m
        if published is not None:
            site = published.group(1).strip().removesuffix("上")
            for name, found in (("power", power), ("risks", risks)):
                if found:
                    found["published_on"] = site
                    self.source(p, f".{name}.published_on", published.start(1), published.end(1))
        if power:
            self.power = PowerInventory(**power)
        if risks:
            self.risks = RiskInventory(**risks)

    def _take(self, p: _Paragraph, c: _Count, path: str) -> Quantity:
        self.source(p, path, c.start, c.end)
        return _quantity(c)

    @staticmethod
    def _run(counts: list[_Count], head: _Count, accept: Any) -> list[_Count]:
        """The counts of the 其中 list right after ``head``: same measure word, no verb of their own."""
        run: list[_Count] = []
        index = counts.index(head)
        for c in counts[index + 1 :]:
            first = not run
            if c.used or c.unit != head.unit or (first and not c.qizhong):
                break
            if (not first and (c.verb or c.qizhong)) or (first and c.verb):
                break
            if not accept(c):
                break
            run.append(c)
        return run

    # ---- disclosure figures

    def read_disclosure(self, p: _Paragraph) -> None:
        if self.disclosure is not None or not p.counts:
            return
        text = p.text
        # Neither figure can be found without a verb of DISCLOSURE_VERBS or a word of CUMULATIVE_WORDS in
        # a clause, and a clause is part of the text: substring tests rule the paragraph out first.
        if not any(map(text.__contains__, _DISCLOSURE_CUES)):
            return
        candidates = [
            c
            for c in p.counts
            if not c.used and c.unit in DISCLOSURE_UNITS and not self._table_figure(c)
        ]
        if not candidates:
            return
        cumulative = next((c for c in candidates if CUMULATIVE_WORDS.search(c.clause)), None)
        items = next(
            (
                c
                for c in candidates
                if c is not cumulative
                and DISCLOSURE_VERBS.search(c.clause)
                and (c.subject is None or "信息" in c.subject)
            ),
            None,
        )
        if items is None and cumulative is None:
            return
        stats: dict[str, Any] = {}
        m = AS_OF.search(p.text) if "截" in p.text else None
        if m is not None:
            try:
                as_of = parse_as_of(m.group(), year=self.year or None)
            except (ValueError, ArithmeticError):
                if any(c.isdigit() for c in m.group()):
                    self.notes.report(
                        "GP303",
                        ".disclosure.as_of",
                        p.piece.span(m.start(), m.end()),
                        found=m.group(),
                    )
            else:
                if isinstance(as_of, dt.date):
                    as_of = YearMonth(as_of.year, as_of.month)
                stats["as_of"] = as_of
                self.source(p, ".disclosure.as_of", m.start(), m.end())
        if items is not None:
            stats["items"] = self._take(p, items, ".disclosure.items")
        if cumulative is not None:
            stats["cumulative"] = self._take(p, cumulative, ".disclosure.cumulative")
        focus = FOCUS_AREAS.search(p.text) if "重点" in p.text else None
        if focus is not None:
            areas: list[str] = []
            position = focus.start(1)
            for part in focus.group(1).split("、"):
                stripped = part.strip()
                if stripped:
                    s = position + part.index(stripped)
                    self.source(p, f".disclosure.focus_areas[{len(areas)}]", s, s + len(stripped))
                    areas.append(stripped)
                position += len(part) + 1
            stats["focus_areas"] = areas
        topics = [] if items is None else self._run(p.counts, items, lambda c: True)
        topics += [
            c
            for c in candidates
            if not c.used
            and c not in topics
            and c.subject
            and "信息" in c.subject
            and DISCLOSURE_VERBS.search(c.clause)
        ]
        stats["by_topic"] = [
            self._take(p, c, f".disclosure.by_topic[{k}]") for k, c in enumerate(topics)
        ]
        projects = next(
            (c for c in p.counts if not c.used and c.subject and PROJECT_SUBJECT.search(c.subject)),
            None,
        )
        if projects is not None:
            stats["projects"] = self._take(p, projects, ".disclosure.projects")
        funding = next((a for a in p.amounts if not a.used), None)
        if funding is not None:
            funding.used = True
            stats["funding"] = funding.money
            self.source(p, ".disclosure.funding", funding.start, funding.end)
        self.disclosure = DisclosureStats(**stats)

    def _table_figure(self, c: _Count) -> bool:
        """A count the statutory tables have a cell for (新收政府信息公开申请88件): kept as a quantity."""
        return self.statutory is not None and _is_table_phrase(c.subject, self.statutory)

    # ---- the work plan

    def read_plan(self, p: _Paragraph) -> None:
        if self.role is not Role.PLAN:
            return
        if self.target_year is None and "年" in p.text:
            for m in _YEAR.finditer(p.text):
                year = int(m.group(1))
                if not self.year or year > self.year:
                    self.target_year = year
                    self.source(p, ".plan.target_year", m.start(1), m.end(1))
                    break
            else:
                opening = PLAN_OPENINGS.search(p.text)
                if opening is not None and opening.group() in ("明年", "下一年") and self.year:
                    self.target_year = self.year + 1
                    self.source(p, ".plan.target_year", opening.start(), opening.end())
        if not self.principles and "原则" in p.text:
            principles = PRINCIPLES.search(p.text)
            if principles is not None:
                m = principles
                position = m.start(1)
                for part in m.group(1).split("、"):
                    stripped = part.strip()
                    if stripped:
                        s = position + part.index(stripped)
                        self.source(
                            p, f".plan.principles[{len(self.principles)}]", s, s + len(stripped)
                        )
                        self.principles.append(stripped)
                    position += len(part) + 1

    # ---- what is left

    def read_loose(self, p: _Paragraph) -> None:
        for c in p.counts:
            if not c.used:
                self.source(p, f".quantities[{len(self.quantities)}]", c.start, c.end)
                self.quantities.append(_quantity(c))
        for a in p.amounts:
            if not a.used:
                a.used = True
                self.source(p, f".amounts[{len(self.amounts)}]", a.start, a.end)
                self.amounts.append(a.money)

    def result(self) -> dict[str, Any]:
        if self.target_year is not None or self.principles:
            self.plan = WorkPlan(target_year=self.target_year, principles=self.principles)
        return {
            "citations": self.citations,
            "quantities": self.quantities,
            "amounts": self.amounts,
            "channels": self.channels,
            "power": self.power,
            "risks": self.risks,
            "disclosure": self.disclosure,
            "plan": self.plan,
        }


def extract_facts(
    texts: list[tuple[str, Piece]],
    role: Role | None,
    report_year: int,
    notes: Prefixed,
    repairs: dict[str, list[tuple[int, str, str, str]]],
    statutory: ReportFormat | None = None,
) -> dict[str, Any]:
    """The facts of a node whose texts (heading, paragraphs) are ``texts`` (relative path, piece).

    In a report of the statutory format ``statutory``, a count whose subject names a figure of the tables
    (:data:`~govdisclosure.model.TABLE_PHRASES`: 新收政府信息公开申请, 予以公开 …) stays a quantity, where
    validation compares it with the tables, rather than becoming part of a structured fact.

    Returns keyword arguments for :class:`~govdisclosure.model.Section`.
    """
    facts: _Facts | None = None
    plan = role is Role.PLAN
    for path, piece in texts:
        text = piece.text
        if not plan and "《" not in text and "以" not in text and _ANY_DIGIT.search(text) is None:
            continue  # nothing here for any reader: no count, no title, no channel, no plan
        if facts is None:
            facts = _Facts(role, report_year, notes, statutory)
        p = _Paragraph(path, piece)
        # Each reader is called only where it can find something (the tests it would open with).
        pending = repairs.get(path)
        if pending or "《" in text:
            facts.read_citations(p, pending or [])
        if facts.channels is None and "以" in text:
            facts.read_channels(p)
        if p.counts:
            facts.read_inventories(p)
            facts.read_disclosure(p)
        if plan:
            facts.read_plan(p)
        if p.counts or p.amounts:
            facts.read_loose(p)
    return {} if facts is None else facts.result()
