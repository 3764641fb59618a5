"""Traditional characters as simplified, for matching only (繁体 → 简体): labels, headings and titles.

Portals offer a 繁體 switch and archives keep that version, so a page may print 規章, 行政處罰, 總體情況. The
parser matches such text after mapping it to simplified characters; the report keeps the text as published.

Hand-written rather than a dependency: the runtime dependencies are attrs, cattrs, Babel, dateutil and
Jinja2, and the only pure-Python converter (opencc-python-reimplemented) has had no release since 2022.
Matching needs far less than a converter: the vocabulary the parser matches (the tables' labels, the
statutory headings, the header labels, the words of titles and of the statistical period) is closed, 271
characters, and each of their traditional forms maps one character to one character (so offsets into
the text stay valid). The table below is every traditional form OpenCC's character table
(``TSCharacters.txt``) gives for those characters; the few words Taiwan words otherwise (檔案 for 文件)
are mapped word for word (:data:`PHRASES`, from OpenCC's ``TWPhrasesRev.txt``).
``tests/parse/test_traditional.py`` checks both against OpenCC where OpenCC is installed, and that they
cover the vocabulary.
"""

from __future__ import annotations

from typing import Final

__all__ = ["PHRASES", "SIMPLIFIED", "TRADITIONAL", "to_simplified"]

TRADITIONAL: Final = "佈來係傢內別動務區問單噹國圍埰執報寀審對屬廢強彆彔後復捲採據數於時會査條業構標機檯權決沒況減瀏為無爲獲現當發監確祕稱穩穫範糾納組結統經維總績織繫繳繼續罰臺舉萬處號補製複規覽計訟訪設許訴詞詢認請議護責費購踰載轉辦這進過錄録錶鍵門開間閤關隻項題額類颱體髮齣擇擊蒐讀選閱閲點"
"""The traditional characters mapped (each one character)."""
SIMPLIFIED: Final = "布来系家内别动务区问单当国围采执报采审对属废强别录后复卷采据数于时会查条业构标机台权决没况减浏为无为获现当发监确秘称稳获范纠纳组结统经维总绩织系缴继续罚台举万处号补制复规览计讼访设许诉词询认请议护责费购逾载转办这进过录录表键门开间合关只项题额类台体发出择击搜读选阅阅点"
"""Their simplified forms, in the same order."""

PHRASES: Final = (("資訊", "信息"), ("列印", "打印"), ("搜尋", "搜索"), ("檔案", "文件"))
"""Taiwan's words for words of the vocabulary (a page from a portal's 繁體 switch may print 規範性檔案 for
规范性文件): every entry of OpenCC's ``TWPhrasesRev.txt`` whose simplified word is in the vocabulary and
has as many characters (so offsets stay valid)."""

_TABLE: Final = str.maketrans(TRADITIONAL, SIMPLIFIED)


def to_simplified(text: str) -> str:
    """``text`` with the vocabulary's traditional characters simplified (same length, for matching).

    >>> to_simplified("規章 行政處罰 總體情況 規範性檔案")
    '规章 行政处罚 总体情况 规范性文件'
    """
    for taiwan, simplified in PHRASES:
        if taiwan in text:
            text = text.replace(taiwan, simplified)
    return text.translate(_TABLE)
