"""What a title looks like, which agency it names, and the title quoted in a report's first sentence.

Hand-written: a title is told by its wording (…年…政府信息公开工作年度报告), which no library knows; the
words are data of the format home (``TITLE_ENDINGS``, ``TITLE_SUBJECTS``, ``AGENCY_SUFFIXES``).
"""

from __future__ import annotations

import re
from typing import Final

from govdisclosure.model import AGENCY_SUFFIXES, TITLE_ENDINGS, TITLE_SUBJECTS
from govdisclosure.parse._catalogue import simplify
from govdisclosure.parse._piece import Piece

__all__ = [
    "agency_like",
    "continues_title",
    "is_breadcrumb",
    "maker_agency",
    "quoted_title",
    "strip_furniture",
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
_BREADCRUMB: Final = re.compile(
    r"(?:^|\s)(?:>|&gt;|->|»|＞)\s*\S|首页\s*(?:>|-|»|＞|/)|(?:当前|所在)(?:的)?(?:位置|页面)\s*[:：]|您(?:现在)?(?:的|所在)?位置"
)
_BREADCRUMB_MARKS: Final = (">", "»", "＞", "位置", "页面")
_SENTENCE: Final = frozenset("。，,；;！？!")
_LEADS: Final = (
    "根据",
    "依据",
    "按照",
    "本报告",
    "本年度报告",
)  # how a sentence, not a title, opens


def _simple(text: str) -> str:
    return simplify("".join(text.split())).rstrip(_TRAILING)


def title_score(text: str) -> int:
    """How much a line looks like a report's title: 2 for its ending (…报告, …年报, 成绩单), 1 for a year
    (2014年), 1 for its subject (信息公开); 0 for a line with a sentence's punctuation or a breadcrumb.

    >>> title_score("2022年政府信息公开工作年度报告"), title_score("宿州市人民政府2016年")
    (4, 1)
    >>> title_score("首页 > 信息公开 > 公开年报"), title_score("关怀版 无障碍 无障碍")
    (0, 0)
    """
    if not text or len(text) > 100 or is_breadcrumb(text):
        return 0
    if "。" in text or sum(c in _SENTENCE for c in text) > 1 or text.startswith(_LEADS):
        return 0
    simple = _simple(text)
    score = 0
    if simple.endswith(TITLE_ENDINGS):
        score += 2
    if _YEAR_WORD.search(simple):
        score += 1
    if any(word in simple for word in TITLE_SUBJECTS):
        score += 1
    return score


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
    (``【2019】``) or a tab title's site name (``-尊龙网平台``).

    >>> strip_furniture(Piece.of("【2019】马关县交通运输局2019年政府信息公开工作年度报告", 0)).text
    '马关县交通运输局2019年政府信息公开工作年度报告'
    >>> strip_furniture(Piece.of("【通知】关于开展检查的通知", 0)).text
    '【通知】关于开展检查的通知'
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


def continues_title(first: str, second: str) -> bool:
    """Whether ``second`` continues a title begun on ``first``: an agency then 2022年…报告, or a title
    broken after its year (宿州市人民政府2016年 / 政府信息公开工作年度报告).

    >>> continues_title("孝感市人民政府办公室", "2020年政府信息公开工作年度报告")
    True
    >>> continues_title("阳城县人民政府办公室", "阳城县人民政府2013年政府信息公开年度报告")
    False
    """
    a, b = _simple(first), _simple(second)
    if len(a) + len(b) > 100 or title_score(first + second) < 3:
        return False
    if title_score(second) >= 4 and not agency_like(first):
        return False
    starts_plainly = re.match(r"(?:(?:19|20|21)\d\d\s*年|政府信息公开|信息公开|政务公开)", b)
    if agency_like(first):
        return starts_plainly is not None
    return title_score(first) < 3 and not first.endswith(TITLE_ENDINGS) and title_score(second) >= 2


_ASIDE: Final = re.compile(r"[(（](?:以下简称|以下称|下称|简称)[^()（）]{1,20}[)）]\s*$")
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
    >>> title_agency("2014年政府信息公开工作进展情况“成绩单”"), title_agency("2014年政府信息公开工作年度报告")
    (None, None)
    """
    # traditional characters are matched simplified and cut from the title as printed; a title with
    # pinyin readings inside (a different length) is matched as printed
    simple = simplify(title)
    title_simple = simple if len(simple) == len(title) else title
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
        agency = title[start:end]
    agency = agency.strip()
    if (
        len(agency) < 2
        or agency in AGENCY_SUFFIXES  # 2014年政府信息公开…: 政府 alone names no agency
        or agency.startswith(("我", "本"))
        or not agency.endswith(AGENCY_SUFFIXES)
        or re.search(r"\d", agency)
    ):
        return None
    return start, start + len(agency)


_QUOTED: Final = re.compile(
    r"(?:现公布|现予公布|现予以公布|现公开|现发布|向社会公布|向社会公开|特编制并向社会公布|公布)"
    r"(?P<title>[^，,。；;：:《》]{4,80}?(?:年度报告|工作报告|年报))"
    r"|《(?P<book>[^《》]{4,80}?(?:年度报告|工作报告|年报))》"
)


def quoted_title(piece: Piece) -> Piece | None:
    """The title a report's first sentence names (现公布泰州市人民政府2017年政府信息公开工作年度报告,
    《辽宁省2019年度政府信息公开工作报告》), or None: it must name its year and 信息公开, and not be 我局….

    >>> quoted_title(Piece.of("根据《条例》规定，现公布滑县人民政府2013年政府信息公开工作年度报告。", 0)).text
    '滑县人民政府2013年政府信息公开工作年度报告'
    >>> quoted_title(Piece.of("现公布我局2022年政府信息公开工作年度报告。", 0)) is None
    True
    """
    text = piece.text
    first = text.split("。", 1)[0]
    for m in _QUOTED.finditer(first):
        group = "title" if m.group("title") is not None else "book"
        start, end = m.span(group)
        found = text[start:end]
        if found.startswith(("我", "本")) or title_score(found) < 4:
            continue
        return piece.slice(start, end)
    return None


_AGENCY_CHARS: Final = r"[^，,。；;：:、《》()（）\s]{2,40}?"
_MAKER: Final = re.compile(
    # 本报告由南平市人民政府办公室根据…编制
    r"本(?:年度)?报告(?:是)?由(?P<agency>" + _AGENCY_CHARS + r")"
    r"(?:根据|依据|按照|依照|汇总|综合|负责|编制|编写|组织)"
    # …，由临邑县人民政府编制的2012年政府信息公开年度报告
    r"|由(?P<by>" + _AGENCY_CHARS + r")[编編]制的[^。]{0,40}?(?:年度报告|工作报告|年报)"
    # …，交通运输部编制了本级行政机关2019年政府信息公开工作年度报告 (編: as archives print it)
    r"|(?:^|[，,])(?P<made>" + _AGENCY_CHARS + r")[编編]制了[^。]{0,40}?(?:年度报告|工作报告|年报)"
)


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
    """
    first = piece.text.split("。", 1)[0]
    simple = simplify(first)
    if len(simple) != len(first):
        return None
    for m in _MAKER.finditer(simple):
        group = next(g for g in ("agency", "by", "made") if m.group(g) is not None)
        agency = m.group(group)
        if agency.startswith(("我", "本")) or not agency.endswith(AGENCY_SUFFIXES):
            continue
        return piece.slice(*m.span(group))
    return None
