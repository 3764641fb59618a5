"""What a title looks like, which agency it names, and the title quoted in a report's first sentence.

Hand-written: a title is told by its wording (…年…政府信息公开工作年度报告), which no library knows; the
words are data of the format home (``TITLE_ENDINGS``, ``TITLE_SUBJECTS``, ``AGENCY_SUFFIXES``).
"""

from __future__ import annotations

import re
from typing import Final

from govdisclosure.model import AGENCY_SUFFIXES, TITLE_ENDINGS, TITLE_LABELS, TITLE_SUBJECTS
from govdisclosure.parse._catalogue import readings_removed, simplify
from govdisclosure.parse._piece import Piece
from govdisclosure.parse._traditional import to_simplified

__all__ = [
    "agency_like",
    "continues_title",
    "in_full",
    "is_breadcrumb",
    "is_spam",
    "maker_agency",
    "quoted_agency",
    "quoted_title",
    "strip_furniture",
    "subject_agency",
    "title_agency",
    "title_score",
]

_YEAR_WORD: Final = re.compile(r"(?<!\d)(?:19|20|21)\d\d\s*年")
_TRAILING: Final = "”\"'」』》)）]】 \u3000"
# Page furniture a flip-book viewer or a copied tab title puts around the title.
_FLIPBOOK: Final = re.compile(r"^Page\s+\d+\s*[-–—]\s*")
# A portal's tag in brackets in front of a title (【2019】, [年报]): the tag is the site's, not the title's.
_SITE_TAG: Final = re.compile(r"^\s*(?:【[^】]{1,12}】|\[[^\]]{1,12}\])\s*")
_SITE_TAIL: Final = re.compile(r"\s*[-–—_|｜]\s*[^-–—_|｜]{1,20}(?:网|平台|网站|门户)$")
# A title label glued to the title it names (a wiki's box of facts: 中文名乐山市…年度报告).
_GLUED_LABEL: Final = re.compile(
    "^(?:" + "|".join(sorted(TITLE_LABELS, key=len, reverse=True)) + r")[ \t\u3000:：]*"
)
_BREADCRUMB: Final = re.compile(
    r"(?:^|\s)(?:>|&gt;|->|»|＞)\s*\S|首页\s*(?:>|-|»|＞|/)|(?:当前|所在)(?:的)?(?:位置|页面)\s*[:：]|您(?:现在)?(?:的|所在)?位置"
)
_BREADCRUMB_MARKS: Final = (">", "»", "＞", "位置", "页面")
_SENTENCE: Final = frozenset("。，,；;！？!")
# A letter's title (…关于报送2020年政府信息公开工作年度报告的函), also before a site's name: the covering
# letter the report is sent with, not the report.
_LETTER: Final = re.compile(r"的函(?:$|\s*[-–—_|｜])")
# A spam page's title, the report's agency replaced by an advertisement (365bet手机app下载_义乌365…): a
# latin brand after digits (365bet), or before 下载, 官网 or 娱乐.
_SPAM: Final = re.compile(r"\d[A-Za-z]{2,}|[A-Za-z]{2,}(?:下载|官网|娱乐)")
_LEADS: Final = (
    "根据",
    "依据",
    "按照",
    "本报告",
    "本年度报告",
)  # how a sentence, not a title, opens


def _simple(text: str) -> str:
    return simplify("".join(text.split())).rstrip(_TRAILING)


def _for_matching(text: str) -> tuple[str, list[int] | None]:
    """``text`` as matched: without pinyin readings, the vocabulary's traditional characters simplified;
    and where each of its characters is in ``text`` (None: at the same place). A name found in it is cut
    from the text as printed (:func:`_printed`)."""
    removed = readings_removed(text)
    if removed is None:
        return to_simplified(simplify(text)), None  # same length: one character for one
    plain, where = removed
    return to_simplified(simplify(plain)), where


def _printed(where: list[int] | None, start: int, end: int) -> tuple[int, int]:
    """A span of the matched text (:func:`_for_matching`) as a span of the text as printed."""
    if where is None or start >= end:
        return start, end
    return where[start], where[end - 1] + 1


def title_score(text: str) -> int:
    """How much a line looks like a report's title: 2 for its ending (…报告, …年报, 成绩单), 1 for a year
    (2014年), 1 for its subject (信息公开); 0 for a line with a sentence's punctuation, a breadcrumb, a
    covering letter's title or a spam page's (a latin brand after digits: 365bet).

    >>> title_score("2022年政府信息公开工作年度报告"), title_score("宿州市人民政府2016年")
    (4, 1)
    >>> title_score("首页 > 信息公开 > 公开年报"), title_score("关怀版 无障碍 无障碍")
    (0, 0)
    >>> title_score("广东省生态环境厅关于报送2020年政府信息公开工作年度报告的函")
    0
    >>> title_score("365bet手机app下载_义乌365便民中心电话_365取消提款2022年政府信息公开工作年度报告")
    0
    """
    if not text or len(text) > 100 or is_breadcrumb(text):
        return 0
    if "。" in text or sum(c in _SENTENCE for c in text) > 1 or text.startswith(_LEADS):
        return 0
    simple = _simple(text)
    if _LETTER.search(simple) is not None or _SPAM.search(simple) is not None:
        return 0
    score = 0
    if simple.endswith(TITLE_ENDINGS):
        score += 2
    if _YEAR_WORD.search(simple):
        score += 1
    if any(word in simple for word in TITLE_SUBJECTS):
        score += 1
    return score


def is_spam(text: str) -> bool:
    """A spam page's line: a latin brand after digits (365bet), or before 下载, 官网 or 娱乐.

    >>> is_spam("365bet(中国)官方网站 2024年政府"), is_spam("2024年政府信息公开工作年度报告")
    (True, False)
    """
    return _SPAM.search(_simple(text)) is not None


def is_breadcrumb(text: str) -> bool:
    """A 当前位置 breadcrumb (首页 > 信息公开 > 年报) or one of its lines.

    >>> is_breadcrumb("您当前所在位置: 首页 > 乡镇信息公开 > 中村乡"), is_breadcrumb("> 信息公开年报 > 2023年度")
    (True, True)
    >>> is_breadcrumb("2022年政府信息公开工作年度报告")
    False
    """
    if not any(mark in text for mark in _BREADCRUMB_MARKS):
        return False
    return _BREADCRUMB.search(text) is not None


def strip_furniture(piece: Piece) -> Piece:
    """The line without a flip-book viewer's ``Page 8 - ``, a site's tag in brackets before a title
    (``【2019】``), a tab title's site name (``-尊龙网平台``) or a title label glued to the title
    (``中文名``, a wiki's box of facts).

    >>> strip_furniture(Piece.of("【2019】马关县交通运输局2019年政府信息公开工作年度报告", 0)).text
    '马关县交通运输局2019年政府信息公开工作年度报告'
    >>> strip_furniture(Piece.of("【通知】关于开展检查的通知", 0)).text
    '【通知】关于开展检查的通知'
    >>> strip_furniture(Piece.of("中文名乐山市交通运输委员会2010年政府信息公开年度报告", 0)).text
    '乐山市交通运输委员会2010年政府信息公开年度报告'
    """
    m = _FLIPBOOK.match(piece.text)
    if m is not None:
        piece = piece.slice(m.end())
    m = _SITE_TAG.match(piece.text)
    if m is not None and title_score(piece.text[m.end() :]) >= 3:
        piece = piece.slice(m.end())
    m = _SITE_TAIL.search(piece.text)
    if m is not None and title_score(piece.text[: m.start()]) >= 3:
        piece = piece.slice(0, m.start())
    m = _GLUED_LABEL.match(piece.text)
    if m is not None and title_score(piece.text[m.end() :]) >= 3:
        piece = piece.slice(m.end())
    return piece


def agency_like(text: str) -> bool:
    """A line that is only an agency's name (宿州市人民政府办公室): the first line of a title on two.

    >>> agency_like("城口县人民政府机关"), agency_like("2017年3月"), agency_like("登录 注册")
    (True, False, False)
    """
    simple = _simple(text)
    return (
        2 <= len(simple) <= 30
        and simple.endswith(AGENCY_SUFFIXES)
        and not re.search(r"\d", simple)
        and _SENTENCE.isdisjoint(simple)
        and not is_breadcrumb(text)
    )


# What a name relative to its place opens with: its level alone (市政府研究室, 区统计局).
_LEVELS: Final = ("省", "市", "县", "区", "州", "盟", "旗")


def in_full(agency: str, name: str) -> bool:
    """Whether ``name`` is ``agency``, named by its level only (市政府研究室), with its place's name
    before it (铜陵市人民政府研究室); 人民政府 and 政府 are the same words there.

    >>> in_full("市政府研究室", "铜陵市人民政府研究室"), in_full("区统计局", "区统计局")
    (True, False)
    >>> in_full("安徽省统计局", "省统计局"), in_full("市政府研究室", "市政府办公室")
    (False, False)
    """
    short = _simple(agency).replace("人民政府", "政府")
    full = _simple(name).replace("人民政府", "政府")
    if not short.startswith(_LEVELS) or len(full) <= len(short) or not full.endswith(short):
        return False
    place = full[: len(full) - len(short)]
    return len(place) >= 2 and all("\u4e00" <= c <= "\u9fff" for c in place) and agency_like(name)


def continues_title(first: str, second: str) -> bool:
    """Whether ``second`` continues a title begun on ``first``: an agency then 2022年…报告, or a title
    broken after its year (宿州市人民政府2016年 / 政府信息公开工作年度报告).

    >>> continues_title("孝感市人民政府办公室", "2020年政府信息公开工作年度报告")
    True
    >>> continues_title("阳城县人民政府办公室", "阳城县人民政府2013年政府信息公开年度报告")
    False
    >>> continues_title("盐边县新九镇人民政府", "关于2021年度政府信息公开工作的年度报告")
    True
    """
    a, b = _simple(first), _simple(second)
    if len(a) + len(b) > 100 or title_score(first + second) < 3:
        return False
    if title_score(second) >= 4 and not agency_like(first):
        return False
    # 2022年…, 政府信息公开…, also after 关于 (盐边县新九镇人民政府 / 关于2021年度…的年度报告)
    starts_plainly = re.match(
        r"(?:关于)?(?:(?:19|20|21)\d\d\s*年|政府信息公开|信息公开|政务公开)", b
    )
    if agency_like(first):
        return starts_plainly is not None
    return title_score(first) < 3 and not first.endswith(TITLE_ENDINGS) and title_score(second) >= 2


# an aside in brackets after the agency's name: its short form (以下简称…), or the office that reports
# with it (贵阳市人民政府(市人民政府办公厅)2021年…)
_ASIDE: Final = re.compile(r"[(（][^()（）]{1,20}[)）]\s*$")
_AGENCY_IN_TITLE: Final = re.compile(
    r"^(?:(?:19|20|21)\d\d\s*年度?)?(?P<agency>.+?)(?:关于)?(?:(?:19|20|21)\d\d\s*年度?)?"
    r"(?:政府信息公开|信息公开|政务公开)"
)


def title_agency(title: str) -> tuple[int, int] | None:
    """Where the agency a title names is (start, end), or None: the words before the year and
    政府信息公开 (or between them), when they end like an agency and are not 我局 or 本单位.

    >>> t = "孝感市人民政府办公室2020年政府信息公开工作年度报告"; t[slice(*title_agency(t))]
    '孝感市人民政府办公室'
    >>> t = "2021年迎宾路街道政府信息公开工作年度报告"; t[slice(*title_agency(t))]
    '迎宾路街道'
    >>> t = "2012年泾县人民政府信息公开年度报告"; t[slice(*title_agency(t))]
    '泾县人民政府'
    >>> t = "2020年上海市人民政府辦公廳政府信息公開工作年度報告"; t[slice(*title_agency(t))]
    '上海市人民政府辦公廳'
    >>> t = "清新区人民政府办公室(以下简称区政府办公室)2022年政府信息公开工作年度报告"; t[slice(*title_agency(t))]
    '清新区人民政府办公室'
    >>> t = "贵阳市人民政府(市人民政府办公厅)2021年政府信息公开工作年度报告"; t[slice(*title_agency(t))]
    '贵阳市人民政府'
    >>> t = "徐舍鎮(zhèn)人民政府2021年信息公開工作年度報告"; t[slice(*title_agency(t))]
    '徐舍鎮(zhèn)人民政府'
    >>> title_agency("2014年政府信息公开工作进展情况“成绩单”"), title_agency("2014年政府信息公开工作年度报告")
    (None, None)
    """
    # traditional characters and pinyin readings are matched simplified and without the readings, and the
    # agency is cut from the title as printed
    title_simple, where = _for_matching(title)
    m = _AGENCY_IN_TITLE.match(title_simple)
    if m is None:
        return None
    start, end = m.span("agency")
    agency = title_simple[start:end]
    # 泾县人民政府信息公开年度报告: the shortest agency stops before 政府信息公开, but 政府 is the agency's
    if not agency.endswith(AGENCY_SUFFIXES) and title_simple.startswith("政府信息公开", end):
        widened = agency + "政府"
        if widened.endswith(AGENCY_SUFFIXES):
            agency, end = widened, end + 2
    # 清新区人民政府办公室(以下简称区政府办公室)2022年…: the aside naming its short form is not the agency's
    aside = _ASIDE.search(agency)
    if aside is not None:
        agency = agency[: aside.start()]
        end = start + len(agency)
    # 教育部办公厅关于2016年教育部… names the agency twice: the first one publishes.
    year = re.search(r"(?:关于)?(?:19|20|21)\d\d\s*年度?", agency)
    if year is not None and year.start() > 0:
        end = start + year.start()
        agency = title_simple[start:end]
    agency = agency.strip()
    if (
        len(agency) < 2
        or agency in AGENCY_SUFFIXES  # 2014年政府信息公开…: 政府 alone names no agency
        or agency.startswith(("我", "本"))
        or not agency.endswith(AGENCY_SUFFIXES)
        or re.search(r"\d", agency)
    ):
        return None
    return _printed(where, start, start + len(agency))


# how an introduction announces its report: 现公布…, 现予以公开…, 现报送… (a covering letter's)
_ANNOUNCE: Final = r"现(?:予以?)?(?:公布|公开|发布|报送)|特编制并向社会公布"
_ENDING: Final = r"(?:年度报告|工作报告|情况报告|年报)"
_NAMED: Final = r"(?P<title>[^，,。；;：:《》]{4,80}?" + _ENDING + ")"
_QUOTED: Final = re.compile(
    r"(?:"
    + _ANNOUNCE
    + r"|向社会公布|向社会公开|公布)"
    + _NAMED
    + r"|《(?P<book>[^《》]{4,80}?"
    + _ENDING
    + r")》"
)
# in the paragraph's later sentences (2024年，…坚持…。根据《条例》规定，现公开…年度报告。), only an
# announcement of the report: a title in 《》 or after a bare 公布 there is another report's, or a past one's
_ANNOUNCED: Final = re.compile(r"(?:" + _ANNOUNCE + r")" + _NAMED)
# Where the first sentence names its report without announcing it, the report named so is its title
# only where it names its agency and is no book's title: after 编制 (…编制葫芦岛市市场监督管理局2021年…
# 年度报告), after 现将 (现将沙依巴克区人民政府2019年…工作情况报告如下), or opening the sentence as its
# subject (盐亭县行政审批局2022年…年度报告(以下简称年报)是根据…).
_NAMED_ALSO: Final = re.compile(
    r"(?:编制了?(?!的)|现将)"
    + _NAMED
    + r"|^[ \t\u3000]*(?P<opening>[^，,。；;：:《》()（）]{4,80}?"
    + _ENDING
    + r")(?=[ \t\u3000]*(?:[(（]以下简称|是|由|根据|依据|按照))"
)
_BOOK: Final = re.compile(r"《[^《》]*》")


_YEAR_LEAD: Final = re.compile(r"^(?:19|20|21)\d\d\s*年度?")
# The kind of report only, after its year (2023年政府信息公开工作年度报告): what a sentence says it
# publishes, naming neither agency nor anything else of its own, is no title.
_KIND_ONLY: Final = re.compile(
    r"(?:政府)?(?:信息公开|政务公开)(?:工作)?(?:年度)?(?:工作)?(?:情况)?(?:报告|年报)"
)


def quoted_title(piece: Piece) -> Piece | None:
    """The title a report's first sentence names (现公布泰州市人民政府2017年政府信息公开工作年度报告,
    《辽宁省2019年度政府信息公开工作报告》), or None: it must name its year and 信息公开, and not be 我局….

    >>> quoted_title(Piece.of("根据《条例》规定，现公布滑县人民政府2013年政府信息公开工作年度报告。", 0)).text
    '滑县人民政府2013年政府信息公开工作年度报告'
    >>> quoted_title(Piece.of("现公布我局2022年政府信息公开工作年度报告。", 0)) is None
    True
    >>> quoted_title(Piece.of("向社会公布2021年本级政府信息公开工作年度报告。", 0)) is None
    True
    >>> quoted_title(Piece.of("根據《條例》,現公布廣東省人民政府2022年政府信息公開工作年度報告。", 0)).text
    '廣東省人民政府2022年政府信息公開工作年度報告'
    """
    for start, end in _quoted(piece, 4):
        return piece.slice(start, end)
    return None


def _quoted(piece: Piece, score: int) -> list[tuple[int, int]]:
    """Where the first sentence names a report (现公布…报告, 《…报告》), or a later sentence of the
    paragraph announces it (现公开…报告), scoring at least ``score`` as a title, not 我局… or 本…: spans
    of the text as printed."""
    simple, where = _for_matching(piece.text)
    first = simple.find("。")
    first = len(simple) if first < 0 else first
    found: list[tuple[int, int]] = []
    matches = [*_QUOTED.finditer(simple, 0, first), *_ANNOUNCED.finditer(simple, first)]
    books = [m.span() for m in _BOOK.finditer(simple, 0, first)]
    also = [
        m
        for m in _NAMED_ALSO.finditer(simple, 0, first)
        if not any(a <= m.start() < b for a, b in books)
    ]
    for m in [*matches, *also]:
        group = next(g for g, text in m.groupdict().items() if text is not None)
        start, end = m.span(group)
        name = simple[start:end]
        # 我局…, 本级…, also after the year (2021年本级政府信息公开工作年度报告): no agency's title; nor the
        # report's kind alone (现公布2023年政府信息公开工作年度报告)
        if (
            _YEAR_LEAD.sub("", name).startswith(("我", "本"))
            or _KIND_ONLY.fullmatch(_YEAR_LEAD.sub("", "".join(name.split()))) is not None
            or title_score(name) < score
            or (m.re is _NAMED_ALSO and title_agency(name) is None)
        ):
            continue
        found.append(_printed(where, start, end))
    return found


def quoted_agency(piece: Piece) -> Piece | None:
    """The agency of the report the first sentence names, also where it is named without its year, so
    that it is no title (现公开来凤县人民政府信息公开年度报告), or None.

    >>> quoted_agency(Piece.of("根据《条例》要求，现公开来凤县人民政府信息公开年度报告。", 0)).text
    '来凤县人民政府'
    """
    for start, end in _quoted(piece, 3):
        named = piece.slice(start, end)
        where = title_agency(named.text)
        if where is not None:
            return named.slice(*where)
    return None


_AGENCY_CHARS: Final = r"[^，,。；;：:、《》()（）\s]{2,40}?"
_MAKER: Final = re.compile(
    # 本报告由南平市人民政府办公室根据…编制
    r"本(?:年度)?报告(?:是)?由(?P<agency>" + _AGENCY_CHARS + r")"
    r"(?:根据|依据|按照|依照|汇总|综合|负责|编制|编写|组织|结合)"
    # …，由临邑县人民政府编制的2012年政府信息公开年度报告
    r"|由(?P<by>" + _AGENCY_CHARS + r")[编編]制的[^。]{0,40}?(?:年度报告|工作报告|年报)"
    # …要求，由信访局结合有关统计数据编制; …要求，由两城镇人民政府党政办公室编制
    r"|(?:^|[，,])由(?P<from>" + _AGENCY_CHARS + r")"
    r"(?:(?:根据|依据|按照|依照|结合|結合|汇总|综合|綜合)[^。]{0,80}?)?[编編][制写寫]"
    # …，交通运输部编制了本级行政机关2019年政府信息公开工作年度报告 (編: as archives print it);
    # …，东湖街道特编制2023年政府信息公开年度报告
    r"|(?:^|[，,])(?!由)(?P<made>" + _AGENCY_CHARS + r")特?[编編]制了?"
    r"[^。]{0,40}?(?:年度报告|工作报告|年报)"
    # …要求，上饶市人民政府根据全市2022年度政府信息公开工作开展情况，编制本报告
    r"|(?:^|[，,])(?!由)(?P<based>" + _AGENCY_CHARS + r")(?:根据|依据|按照|依照|结合)[^。]{0,60}?"
    r"[编編]制(?:了)?本(?:年度)?报告"
    # …要求，结合泰安市人民政府办公室政府信息公开工作实际，编制发布本报告
    r"|(?:^|[，,])[结結]合(?P<work>" + _AGENCY_CHARS + r")(?:政府信息公开|信息公开|政务公开)?"
    r"工作实际[，,]?[编編]制(?:并?发布)?(?:了)?本(?:年度)?报告"
)
_MAKER_GROUPS: Final = ("agency", "by", "from", "made", "based", "work")


def maker_agency(piece: Piece) -> Piece | None:
    """The agency a report's first sentence names as its maker (本报告由南平市人民政府信息公开工作领导小组
    办公室根据…编制而成; …由临邑县人民政府编制的2012年…年度报告; …，交通运输部编制了…年度报告), or None:
    it must end like an agency and not be 我局 or 本单位.

    >>> maker_agency(Piece.of("本报告由南平市人民政府办公室根据《条例》编制。", 0)).text
    '南平市人民政府办公室'
    >>> maker_agency(Piece.of("本年报是根据《条例》的要求,由临邑县人民政府编制的2012年政府信息公开年度报告。", 0)).text
    '临邑县人民政府'
    >>> maker_agency(Piece.of("按照《條例》,交通運輸部編制了本級行政機關2019年政府信息公開工作年度報告。", 0)).text
    '交通運輸部'
    >>> maker_agency(Piece.of("本报告由我局根据《条例》编制。", 0)) is None
    True
    >>> maker_agency(Piece.of("根据要求，我局编制了2019年政府信息公开工作年度报告。", 0)) is None
    True
    >>> maker_agency(Piece.of("根据《条例》要求，上饶市人民政府根据全市工作开展情况，编制本报告。", 0)).text
    '上饶市人民政府'
    >>> maker_agency(Piece.of("本年度報(bào)告由國家機(jī)關(guān)事務(wù)管理局根據(jù)《條例》編制而成。", 0)).text
    '國家機(jī)關(guān)事務(wù)管理局'
    >>> maker_agency(Piece.of("根据条例，按照市政府办公室编制年度报告的要求报告如下。", 0)) is None
    True
    >>> maker_agency(Piece.of("根据《条例》要求，结合泰安市人民政府办公室工作实际，编制发布本报告。", 0)).text
    '泰安市人民政府办公室'
    """
    first = piece.text.split("。", 1)[0]
    simple, where = _for_matching(first)
    for m in _MAKER.finditer(simple):
        group = next(g for g in _MAKER_GROUPS if m.group(g) is not None)
        agency = m.group(group)
        # 我局, 全市, 按照市政府办公室编制年度报告的要求: no maker named
        if agency.startswith(_NOT_A_NAME) or not agency.endswith(AGENCY_SUFFIXES):
            continue
        return piece.slice(*_printed(where, *m.span(group)))
    return None


# What an agency does as the subject of a report's first sentence (官洲街道办事处认真贯彻落实…): the words
# that end its name there. Traditional forms beside the simplified ones where they differ beyond the
# vocabulary's characters.
_SUBJECT_VERBS: Final = (
    "认真",
    "認真",
    "深入",
    "全面",
    "坚持",
    "堅持",
    "根据",
    "按照",
    "依据",
    "严格",
    "嚴格",
    "积极",
    "積極",
    "进一步",
    "始终",
    "始終",
    "紧紧",
    "緊緊",
    "紧密",
    "緊密",
    "不断",
    "不斷",
    "高度",
    "结合",
    "围绕",
    "圍繞",
    "持续",
    "持續",
    "切实",
    "切實",
    "着力",
    "著力",
    "大力",
    "扎实",
    "紮實",
    "继续",
    "贯彻",
    "貫徹",
    "落实",
    "落實",
    "加强",
    "强化",
    "聚焦",
    "立足",
    "在",  # 丰收乡在县委县政府的正确领导下
    "以",  # 江苏省统计局以习近平新时代…为指导
)  # not 编制: what an agency compiles is the report only where the maker's patterns say so
# The agency's disclosure work as a sentence's subject (2019年，泸州市人民政府信息公开工作以…为指导): what
# follows its name there, as a verb does.
_SUBJECT_WORK: Final = tuple(
    w + work for w in ("", "的") for work in ("政府信息公开工作", "信息公开工作", "政务公开工作")
)
# Words a subject verb opens that are no verb after a name (市政府办公室以及…, 某中心在线…).
_NOT_VERBS: Final = ("以及", "以上", "以下", "以外", "在线")
_YEAR_CLAUSE: Final = re.compile(r"(?:(?:19|20|21)\d\d\s*年度?\s*[，,]?)?[ \t\u3000]*")
# Where a name stops: punctuation, brackets, digits, white space (a clause opens with the name).
_NAME_STOP: Final = frozenset("，,。；;：:、《》()（）“”\"' \t\u3000") | frozenset("0123456789")
_CLAUSE: Final = re.compile(r"[，,；;]")
# what opens a clause that is not a name: 我局, 本镇, 全市, 各部门, 该局
_NOT_A_NAME: Final = ("我", "本", "全", "各", "该", "其", "由", *_LEADS, "在", "按照", "为")


def subject_agency(piece: Piece) -> Piece | None:
    """The agency a report's first sentence names as its subject (2023年，在区委、区政府的坚强领导下，
    官洲街道办事处认真贯彻落实…; 2018年，安徽省全面贯彻…), or None: a clause of the sentence opens with
    a name ending like an agency (:data:`~govdisclosure.model.AGENCY_SUFFIXES`) followed by what an
    agency does there (认真, 坚持, 按照 …); the shortest such name. 我局, 本镇, 全市 and 各部门 name none.

    >>> subject_agency(Piece.of("2023年,在区委、区政府的坚强领导下,官洲街道办事处认真贯彻落实《条例》。", 0)).text
    '官洲街道办事处'
    >>> subject_agency(Piece.of("按照区委、区政府有关要求,区政府政务服务办进一步完善公开制度。", 0)).text
    '区政府政务服务办'
    >>> subject_agency(Piece.of("2021年,我局认真贯彻落实《条例》。", 0)) is None
    True
    >>> subject_agency(Piece.of("2019年,泸州市人民政府信息公开工作以习近平新时代中国特色社会主义思想为指导。", 0)).text
    '泸州市人民政府'
    >>> subject_agency(Piece.of("2013年,全省各级行政机关按照要求,推动全省政府信息公开工作深入开展。", 0)) is None
    True
    """
    first = piece.text.split("。", 1)[0]
    simple, where = _for_matching(first)
    starts = [0, *(m.end() for m in _CLAUSE.finditer(simple))]
    for start in starts:
        while start < len(simple) and simple[start] in " \t\u3000":
            start += 1
        if simple.startswith(_NOT_A_NAME, start) or simple.startswith(_SUBJECT_VERBS, start):
            continue
        # the work as the subject: only where the sentence opens with it, after its year at most (推动全省
        # 政府信息公开工作 inside a sentence is what is done, not who does it)
        opening = _YEAR_CLAUSE.fullmatch(simple, 0, start) is not None
        for end in range(start + 2, min(len(simple), start + 40)):
            if simple[end - 1] in _NAME_STOP:
                break
            verb = simple.startswith(_SUBJECT_VERBS, end) and not simple.startswith(_NOT_VERBS, end)
            if not simple.endswith(AGENCY_SUFFIXES, start, end):
                if verb:
                    break  # a name runs over no verb (湖北总队高度重视政府…: no agency's name)
                continue
            if verb or (opening and simple.startswith(_SUBJECT_WORK, end)):
                name = simple[start:end]
                if name in AGENCY_SUFFIXES or "我" in name or name.endswith("网站"):
                    break  # 政府认真…, 加强我局…, 政务网站加强…: no agency's name
                return piece.slice(*_printed(where, start, end))
    return None
