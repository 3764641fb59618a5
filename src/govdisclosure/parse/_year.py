"""The year a report is on (年度), from every source a page offers, in a stated precedence.

1. the title (2014年…报告), and the title quoted in the first sentence;
2. the statistical period (本报告中所列数据的统计期限自2021年1月1日起至2021年12月31日止);
3. the introduction's phrases naming the year reported on (现将2019年度…报告如下, a paragraph opening
   2023年，…), before the second top-level heading or the first table; then a line of the page's top
   other than the title that names an annual report's year (a flip-book's ``Page 9 - 2020年报_审计局``);
4. the year the first sections' sentences name most often (``2009年`` anywhere in the introduction and
   section 一, outside cited titles and document numbers), when one year is named more often than every
   other (GP119: a page whose year is only mid-sentence, as older reports print it);
5. the catalogue's dates and 索引号: the year of publication, usually the year after, so the year before
   it (GP107, a warning-worthy guess said as such).

The first source that gives a year wins; a later source giving another year is reported (GP111). A year
that cannot be told stays unknown (:func:`unknown_year`). The tables' format bounds the year (2019 format:
2019–2020; 2021 format: 2021 on): :func:`check_format` reports a year outside it (GP116).

Hand-written: these are the wordings of the reports, not a date format a library parses.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any, Final

import govdisclosure.model as model
from govdisclosure.model import FORMAT_SINCE, Header, ReportFormat, format_for_year
from govdisclosure.parse._catalogue import simplify
from govdisclosure.parse._context import Context
from govdisclosure.parse._piece import Piece
from govdisclosure.zh import parse_label

__all__ = ["check_format", "is_known_year", "report_year", "unknown_year"]

_YEAR: Final = re.compile(r"(?<![\d〔\[［(（])((?:19|20|21)\d\d)(?!\d)")
_TITLE_YEAR: Final = re.compile(r"(?<!\d)((?:19|20|21)\d\d)\s*年")
# 统计期限自2014年1月1日起至…, 统计时限自…, 统计时间为…, 数据统计期限从…到…, 201911日 (年月 lost)
_PERIOD: Final = re.compile(
    r"统计(?:期限|时限|时间|区间|周期|期间|截止时间)[^。；;]{0,12}?((?:19|20|21)\d\d)\s*(?:年\s*)?0?1\s*月?\s*0?1\s*日"
    r"|((?:19|20|21)\d\d)\s*年\s*0?1\s*月\s*0?1\s*日\s*(?:起\s*)?(?:至|到|—|－|-|~|～)\s*(?:(?:19|20|21)\d\d\s*年\s*)?12\s*月\s*3[01]\s*日"
)
# The sentence that says what is reported: 现将我局2014年政府信息公开情况报告如下, 汇报我镇2023年…工作
_INTRO_VERBS: Final = r"现将|现就|特将|汇报|公布|公开|编制|截至|截止"
_INTRO: Final = re.compile(
    rf"(?:{_INTRO_VERBS})[^。；;，,]{{0,20}}?((?:19|20|21)\d\d)\s*年度?"
    r"(?:[^。；;]{0,30}?(?:报告如下|情况报告|工作情况|信息公开工作|年度报告)|\s*12\s*月\s*31\s*日|底)"
)
# A paragraph opening with its year: 2023年，…  2019年度，…  2020年七里坪镇…  2014年以来…
_OPENING: Final = re.compile(
    r"^\s*(?:[(（][一二三四五六七八九十]+[)）])?((?:19|20|21)\d\d)\s*年(?!\s*\d{1,2}\s*月)"
)
# The verbs of _INTRO alone: where one can open a match (no two of them overlap).
_VERBS: Final = re.compile(_INTRO_VERBS)
_GAP: Final = 20  # the most characters _INTRO allows between its verb and the year
_BRACKETED: Final = re.compile(r"《[^《》]*》|〔[^〕]*〕|[\[［][^\]］]*[\]］]")
_BRACKET_OPENINGS: Final = "《〔[［"  # what a match of _BRACKETED opens with
_NUMERALS: Final = frozenset("二三四五六七八九十")
_LOOK: Final = 4000  # characters of the body read for the introduction's year (its first part)


def unknown_year() -> Any:
    """The year of a report whose year cannot be told: None (0 in models before ``REPORT_YEARS``)."""
    return None if hasattr(model, "REPORT_YEARS") else 0


def is_known_year(year: object) -> bool:
    """A year a report can be on (the model's ``REPORT_YEARS``, 1900–2199)."""
    return isinstance(year, int) and not isinstance(year, bool) and 1900 <= year <= 2199


def _title_year(title: Piece | None) -> tuple[int, Piece] | None:
    if title is None:
        return None
    m = _TITLE_YEAR.search(title.text) or _YEAR.search(title.text)
    if m is None:
        return None
    return int(m.group(1)), title.slice(m.start(1), m.end(1))


def _readable(pieces: list[Piece]) -> list[tuple[Piece, str]]:
    """Each piece with its text as matched (:func:`simplify`: traditional characters and pinyin readings);
    where that text is shorter (readings removed), positions differ: the piece is then one without
    provenance. Made once for all the readers of the introduction."""
    out: list[tuple[Piece, str]] = []
    for piece in pieces:
        text = simplify(piece.text)
        if len(text) != len(piece.text):
            piece = Piece.added(text, piece.source(0))
        out.append((piece, text))
    return out


def _year_starts(text: str) -> list[int]:
    """Where a year written before 年 can start (``(?:19|20|21)\\d\\d\\s*年``): four characters before each
    年 and the white space right before it. Every match of _PERIOD's second wording and of _INTRO holds
    such a year, and 年 is found at memory speed: the patterns are tried only near these places, where a
    search would try them at every position (hand-written: ``re`` cannot search for a year this way)."""
    starts: list[int] = []
    j = text.find("年")
    while j >= 0:
        k = j
        while k and text[k - 1].isspace():  # \s of re is str.isspace
            k -= 1
        if k >= 4:
            starts.append(k - 4)
        j = text.find("年", j + 1)
    return starts


def _first_match(
    pattern: re.Pattern[str], text: str, starts: Iterable[int]
) -> re.Match[str] | None:
    """``pattern.search(text)`` when every match of ``pattern`` starts at one of ``starts``: the first
    position that matches (neither pattern has a lookbehind or an anchor, so matching at a position is
    what a search tries there)."""
    for start in sorted(set(starts)):
        m = pattern.match(text, start)
        if m is not None:
            return m
    return None


def _period_match(text: str) -> re.Match[str] | None:
    """``_PERIOD.search(text)``: a match opens with 统计 (the first wording) or a year before 年 (the
    second)."""
    starts = _year_starts(text)
    at = text.find("统计")
    while at >= 0:
        starts.append(at)
        at = text.find("统计", at + 2)
    return _first_match(_PERIOD, text, starts)


def _intro_match(text: str) -> re.Match[str] | None:
    """``_INTRO.search(text)``: a match's verb stands at most _GAP characters (and its own two) before a
    year before 年."""
    starts = [
        verb.start()
        for year in _year_starts(text)
        for verb in _VERBS.finditer(text, max(0, year - _GAP - 2), year)
    ]
    return _first_match(_INTRO, text, starts) if starts else None


def _period_year(texts: list[tuple[Piece, str]]) -> tuple[int, Piece] | None:
    for piece, text in texts:
        # Both wordings of _PERIOD have 日, and 统计 or 12 (月): two substring tests spare most lines
        # the regex, which has no literal prefix to search for.
        if "日" not in text or ("统计" not in text and "12" not in text):
            continue
        m = _period_match(text)
        if m is not None:
            group = 1 if m.group(1) is not None else 2
            return int(m.group(group)), piece.slice(m.start(group), m.end(group))
    return None


def _blank_brackets(text: str) -> str:
    """``text`` with what 《》, 〔〕 and [] enclose (brackets included) blanked by ideographic spaces:
    cited titles and document numbers name years that are not the report's.

    ``_BRACKETED.sub`` tried its pattern at every position; here it is tried only at the brackets that
    open it, found by ``str.find`` (each bracket's next place remembered, so the finds stay linear).
    """
    following = {c: text.find(c) for c in _BRACKET_OPENINGS}
    following = {c: at for c, at in following.items() if at >= 0}
    parts: list[str] = []
    last = position = 0
    while following:
        for char, at in list(following.items()):
            if at < position:
                at = text.find(char, position)
                if at < 0:
                    del following[char]
                else:
                    following[char] = at
        if not following:
            break
        opening = min(following.values())
        m = _BRACKETED.match(text, opening)
        if m is None:
            position = opening + 1
            continue
        parts.append(text[last:opening])
        parts.append("　" * (m.end() - opening))
        last = position = m.end()
    if not parts:
        return text
    parts.append(text[last:])
    return "".join(parts)


def _blank(m: re.Match[str]) -> str:
    return "　" * len(m.group())


def _unbracketed(texts: list[tuple[Piece, str]]) -> list[tuple[Piece, str]]:
    """The texts with their brackets blanked (:func:`_blank_brackets`)."""
    out: list[tuple[Piece, str]] = []
    for piece, text in texts:
        if any(map(text.__contains__, _BRACKET_OPENINGS)):
            # The same text either way: the regex costs by the character, the finds by the bracket.
            text = _BRACKETED.sub(_blank, text) if len(text) < 300 else _blank_brackets(text)
        out.append((piece, text))
    return out


def _intro_year(texts: list[tuple[Piece, str]]) -> tuple[int, Piece, bool] | None:
    """The year the introduction names: the reporting sentence (strong), else the commonest paragraph
    opening (weak: never reported as a disagreement). ``texts`` are without brackets."""
    openings: Counter[int] = Counter()
    first_at: dict[int, Piece] = {}
    for piece, text in texts:
        m = _intro_match(text)
        if m is not None:
            return int(m.group(1)), piece.slice(m.start(1), m.end(1)), True
        m = _OPENING.match(text)
        if m is not None:
            year = int(m.group(1))
            openings[year] += 1
            first_at.setdefault(year, piece.slice(m.start(1), m.end(1)))
    if not openings:
        return None
    year = max(openings, key=lambda y: (openings[y], -list(first_at).index(y)))
    return year, first_at[year], False


# A year as a report's sentences name it (2009年, 2009年度): in the first sections, outside brackets.
_YEAR_WORD: Final = re.compile(r"(?<!\d)((?:19|20|21)\d\d)\s*年")


def _sections_year(texts: list[tuple[Piece, str]]) -> tuple[int, Piece] | None:
    """The year the first sections' sentences name most often, if one is named more often than every
    other (a tie says nothing); where it is first named. ``texts`` are without brackets."""
    counts: Counter[int] = Counter()
    first_at: dict[int, Piece] = {}
    for piece, text in texts:
        if "年" not in text:
            continue
        for m in _YEAR_WORD.finditer(text):
            year = int(m.group(1))
            counts[year] += 1
            first_at.setdefault(year, piece.slice(m.start(1), m.end(1)))
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    year = ranked[0][0]
    return year, first_at[year]


_TOP: Final = re.compile(r"((?:19|20|21)\d\d)\s*年度?(?:报|政府信息公开|信息公开|政务公开)")


def _top_year(top: list[Piece]) -> tuple[int, Piece] | None:
    """A year the page's top names besides the title (a flip-book's ``Page 9 - 2020年报_审计局``)."""
    for piece in top:
        m = _TOP.search(simplify(piece.text))
        if m is not None and len(simplify(piece.text)) == len(piece.text):
            return int(m.group(1)), piece.slice(m.start(1), m.end(1))
    return None


def _catalogue_year(header: Header) -> tuple[int, str, str] | None:
    candidates: list[tuple[str, str, int | None]] = [
        (
            "公文生成日期",
            "document date",
            header.document_date.year if header.document_date else None,
        ),
        ("发布时间", "publication time", header.published_at.year if header.published_at else None),
        (
            "索引号",
            "index number",
            header.index_number.parts.year
            if header.index_number is not None and header.index_number.parts is not None
            else None,
        ),
    ]
    for source, source_en, year in candidates:
        if year is not None and is_known_year(year - 1):
            return year - 1, source, source_en
    return None


def _body_pieces(body: Iterable[Piece]) -> list[Piece]:
    """The introduction: the text before the second top-level heading (二、) or the first table
    (``body`` is read only as far as that)."""
    out: list[Piece] = []
    size = 0
    for piece in body:
        if "|" in piece.text and ("第二十条" in piece.text or "信息内容" in piece.text):
            break  # the tables begin: the introduction is over
        if piece.text[:1] in _NUMERALS:
            label = parse_label(piece.text)
            if label is not None and label.level == 1 and label.ordinal >= 2:
                break
        out.append(piece)
        size += len(piece.text)
        if size > _LOOK:
            break
    return out


def report_year(
    title: Piece | None,
    header: Header,
    body: Iterable[Piece],
    context: Context,
    top: list[Piece] | None = None,
) -> tuple[Any, Piece | None]:
    """The year the report is on and where it was read (None for the catalogue), by the precedence of this
    module's docstring; unknown (GP108) when no source gives one."""
    texts = _readable(_body_pieces(body))
    unbracketed = _unbracketed(texts)
    intro = _intro_year(unbracketed)
    sources: list[tuple[str, str, tuple[int, Piece] | None, bool]] = [
        ("标题", "title", _title_year(title), True),
        ("统计期限", "statistical period", _period_year(texts), True),
        (
            "导语",
            "introduction",
            None if intro is None else intro[:2],
            intro is not None and intro[2],
        ),
        ("页首", "page's top", None, False),
        ("正文", "first sections", None, False),
    ]
    # The weak sources only fill in a year no source before them gave: read only then.
    weak: dict[str, Callable[[], tuple[int, Piece] | None]] = {
        "页首": lambda: _top_year(top or []),
        "正文": lambda: _sections_year(unbracketed),
    }
    chosen: tuple[str, str, int, Piece | None] | None = None
    for name, name_en, found, strong in sources:
        if name in weak:
            if chosen is not None:
                continue
            found = weak[name]()
        if found is None or not is_known_year(found[0]):
            continue
        year, piece = found
        if chosen is not None and not strong:
            continue
        if chosen is None:
            chosen = (name, name_en, year, piece)
            if name == "统计期限":
                context.report("GP113", "$.year", piece.span(), year=year)
            elif name in ("导语", "页首"):
                context.report("GP114", "$.year", piece.span(), year=year)
            elif name == "正文":
                context.report("GP119", "$.year", piece.span(), year=year)
        elif year != chosen[2]:
            context.report(
                "GP111",
                "$.year",
                piece.span(),
                found=f"{chosen[0]}{chosen[2]}，{name}{year}",
                year=chosen[2],
                source=chosen[0],
                source_en=chosen[1],
            )
    if chosen is not None:
        return chosen[2], chosen[3]
    from_catalogue = _catalogue_year(header)
    if from_catalogue is not None:
        year, source, source_en = from_catalogue
        context.report(
            "GP107",
            "$.year",
            None,
            source=f"{source}（发布年份的上一年）",
            source_en=f"{source_en} (the year before publication)",
            year=year,
        )
        return year, None
    context.report("GP108", "$.year", None)
    return unknown_year(), None


def check_format(year: object, report_format: ReportFormat, context: Context) -> None:
    """Report a year its tables' format cannot have (GP116): a 2019-format table in a report on 2022 …"""
    if not is_known_year(year) or report_format not in FORMAT_SINCE:
        return
    assert isinstance(year, int)
    if format_for_year(year) is report_format:
        return
    since = FORMAT_SINCE[report_format]
    later = [y for f, y in FORMAT_SINCE.items() if y > since]
    span = f"{since}–{later[0] - 1}" if later else f"{since}–"
    context.report("GP116", "$.year", None, year=year, format=report_format.value, years=span)
