"""Numbering labels of the GB/T 9704-2012 structure levels (结构层次序数): 一、 （一） 1. （1）, and
一是.

Hand-written: no library knows these labels. Reading is lenient in the ways real pages differ from
the standard (half-width brackets, 1．/1、/1, for 1., spaces inside), and careful not to take
numbers in running text (2014年, 1289.4万元, 三安全一稳定) for labels.
"""

from __future__ import annotations

import re
from typing import Final

import attrs

from govdisclosure.zh._numerals import from_chinese, spell_lower

__all__ = ["Label", "enumerator", "heading_label", "parse_label"]


def _check_level(instance: Label, attribute: attrs.Attribute[int], value: int) -> None:
    if not 0 <= value <= 4:
        raise ValueError(f"level must be 0..4, got {value}")


def _check_positive(instance: Label, attribute: attrs.Attribute[int], value: int) -> None:
    if value < 1:
        raise ValueError(f"{attribute.name} must be at least 1, got {value}")


@attrs.frozen
class Label:
    """A numbering label found at the start of a text (序号).

    ``level`` is the GB/T 9704 structure level, 1 (一、), 2 (（一）), 3 (1.) or 4 (（1）), or 0 for
    the inline enumerator 一是、二是 that lists points inside a paragraph. ``ordinal`` is the number
    (一 → 1). ``end`` is where the label ends in the text, white space after it included, so that
    ``text[label.end:]`` is the heading or item itself.

    >>> text = "（二）依申请公开"
    >>> label = parse_label(text)
    >>> label
    Label(level=2, ordinal=2, end=3)
    >>> text[label.end:]
    '依申请公开'
    """

    level: int = attrs.field(validator=[attrs.validators.instance_of(int), _check_level])
    """层级 (0 for 一是, else 1–4)"""
    ordinal: int = attrs.field(validator=[attrs.validators.instance_of(int), _check_positive])
    """序数"""
    end: int = attrs.field(validator=[attrs.validators.instance_of(int), _check_positive])
    """标签结束位置 (index in the text just past the label and the spaces after it)"""


def _check_ordinal(n: int) -> None:
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"an ordinal must be an int, got {type(n).__name__}")
    if n < 1:
        raise ValueError(f"an ordinal must be at least 1, got {n}")


def heading_label(level: int, n: int) -> str:
    """The label of the ``n``-th heading at a GB/T 9704 structure level (1–4).

    Levels 2 and 4 use the full-width brackets （） (U+FF08, U+FF09) as the standard does.

    >>> [heading_label(level, 3) for level in (1, 2, 3, 4)]
    ['三、', '（三）', '3.', '（3）']
    >>> heading_label(1, 12)
    '十二、'
    """
    _check_ordinal(n)
    if level == 1:
        return spell_lower(n) + "、"
    if level == 2:
        return "（" + spell_lower(n) + "）"
    if level == 3:
        return f"{n}."
    if level == 4:
        return f"（{n}）"
    raise ValueError(f"level must be 1, 2, 3 or 4, got {level!r}")


def enumerator(n: int) -> str:
    """The inline enumerator 一是、二是… that lists points inside a paragraph.

    >>> enumerator(1), enumerator(4)
    ('一是', '四是')
    """
    _check_ordinal(n)
    return spell_lower(n) + "是"


_SPACE: Final = r"[ \t\u3000\xa0]*"
_CN: Final = r"(?P<cn>[一二三四五六七八九十]{1,3})"
_AR: Final = r"(?P<ar>[0-9０-９]{1,2})"
_OPEN: Final = r"[（(]"
_CLOSE: Final = r"[）)]"
# Order matters only for readability: the forms cannot match the same text.
_FORMS: Final = (
    (1, re.compile(_SPACE + _CN + _SPACE + r"[、．.]")),
    (2, re.compile(_SPACE + _OPEN + _SPACE + _CN + _SPACE + _CLOSE)),
    # 1.5亿 and 1,289 are numbers, not labels: no digit may follow . or ,
    (3, re.compile(_SPACE + _AR + _SPACE + r"(?:[、]|[.．,，](?![0-9０-９]))")),
    (4, re.compile(_SPACE + _OPEN + _SPACE + _AR + _SPACE + _CLOSE)),
    (0, re.compile(_SPACE + _CN + r"是")),
)
# _FORMS by the first character after the leading white space, in _FORMS' order: a text starting with
# anything else has no label (one str.lstrip instead of five failed matches, most calls' outcome).
_FORMS_BY_FIRST: Final[dict[str, tuple[tuple[int, re.Pattern[str]], ...]]] = {
    **dict.fromkeys("一二三四五六七八九十", (_FORMS[0], _FORMS[4])),
    **dict.fromkeys("（(", (_FORMS[1], _FORMS[3])),
    **dict.fromkeys("0123456789０１２３４５６７８９", (_FORMS[2],)),
}
_TRAILING_SPACE: Final = re.compile(_SPACE)
_FULL_WIDTH: Final = str.maketrans("０１２３４５６７８９", "0123456789")


def parse_label(text: str) -> Label | None:
    """Recognise a numbering label at the start of ``text``; None if there is none.

    Accepts the standard forms and what real pages make of them: 一、 一. ; （一） (一)
    （ 一 ）; 1. 1． 1、 1, ; （1） (1); full-width digits; spaces before, inside and after
    the label. Ordinals go up to 99 (九十九, 99), in the plain cardinal only (not 二三、).
    A digit right after ``.`` or ``,`` makes a number, not a label: ``1.5亿元`` and also
    ``1.2014年…`` are not labels (``1、2014年…`` is).

    >>> parse_label("一、主要作法及成效")
    Label(level=1, ordinal=1, end=2)
    >>> parse_label("(一)予以公开"), parse_label("3、危及“三安全一稳定”")
    (Label(level=2, ordinal=1, end=3), Label(level=3, ordinal=3, end=2))
    >>> parse_label("二是拓展公开渠道。")
    Label(level=0, ordinal=2, end=2)
    >>> parse_label("2014年以来"), parse_label("1289.4万元"), parse_label("三安全一稳定")
    (None, None, None)
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_label expects str, got {type(text).__name__}")
    for level, pattern in _FORMS_BY_FIRST.get(text.lstrip(" \t\u3000\xa0")[:1], ()):
        m = pattern.match(text)
        if m is None:
            continue
        groups = m.groupdict()
        if groups.get("cn"):
            try:
                ordinal = from_chinese(groups["cn"])
            except ValueError:
                return None  # 十十、 and the like
            if not isinstance(ordinal, int) or ordinal < 1 or spell_lower(ordinal) != groups["cn"]:
                return None  # only the plain cardinal: 二三、 is not twenty-three
        else:
            ordinal = int(groups["ar"].translate(_FULL_WIDTH))
        if not isinstance(ordinal, int) or ordinal < 1:
            return None
        end = _TRAILING_SPACE.match(text, m.end())
        assert end is not None  # the pattern matches the empty string
        return Label(level, ordinal, end.end())
    return None
