"""The parser's substring pre-checks agree with the patterns they stand in front of.

A pre-check rules a text out before a costlier scan (speed); it must never rule out a text the scan would
have matched, so each cue must occur in every match of its pattern.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from govdisclosure.parse import _body, _facts, _lines, _vocabulary, _year
from govdisclosure.zh import _labels, parse_label


def _alternatives(pattern: re.Pattern[str]) -> list[str]:
    return pattern.pattern.split("|")


def test_every_alternative_holds_a_cue() -> None:
    checks = [
        (_vocabulary.DISCLOSURE_VERBS, _facts._DISCLOSURE_CUES),
        (_vocabulary.CUMULATIVE_WORDS, _facts._DISCLOSURE_CUES),
        (_vocabulary.POWER_MATTERS, _facts._POWER_CUES),
        (_vocabulary.POWER_FLOWCHARTS, _facts._POWER_CUES),
        (_vocabulary.POWER_RULES_VERBS, _facts._POWER_CUES),
        (_vocabulary.RISK_POINTS, (_facts._RISK_CUE,)),
    ]
    for pattern, cues in checks:
        for alternative in _alternatives(pattern):
            assert any(cue in alternative for cue in cues), (pattern.pattern, alternative)
    for pattern in (_vocabulary.CHANNELS_PRIMARY, _vocabulary.CHANNELS_AUXILIARY):
        # what follows the captured list: 为主…, 为(?:辅|补充)
        tail = pattern.pattern.split(")", 1)[1]
        assert any(cue[0] in tail and cue[1] in tail for cue in _facts._CHANNEL_CUES), tail


def test_chrome_patterns_are_anchored() -> None:
    # is_chrome uses match: the same as search only when every alternative starts at ^ (no MULTILINE)
    assert not _vocabulary.CHROME_PATTERNS.flags & re.MULTILINE
    inner = _vocabulary.CHROME_PATTERNS.pattern
    assert inner.startswith("(?:^")
    assert inner.count("(?:^") == inner.count(")|(?:") + 1


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet="一二三四五六七八九十是、．.（()）0123456789０１ \t\u3000\xa0年度政务", max_size=8
    )
)
def test_label_firsts_never_rule_out_a_label(text: str) -> None:
    if parse_label(text) is not None:
        assert text[:1] in _body._LABEL_FIRSTS


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet="一二三四五六七八九十是、．.，,（()）0123456789０１ \t\u3000\xa0年度政务",
        max_size=8,
    )
)
def test_label_forms_by_first_character_are_every_form(text: str) -> None:
    """parse_label tries only the forms that can start with the text's first non-blank character."""
    for level, pattern in _labels._FORMS:
        if pattern.match(text) is not None:
            first = text.lstrip(" \t\u3000\xa0")[:1]
            assert (level, pattern) in _labels._FORMS_BY_FIRST.get(first, ())
            break


def test_chrome_lines_with_sentence_marks_are_text() -> None:
    assert not _lines.is_chrome("打印本页，关闭窗口")
    assert _lines.is_chrome("打印本页 关闭窗口")


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet="一、本年新收政府信息公开申请数量 |｜\t\u30000123456789０٣.,+-", max_size=40)
)
def test_table_row_pre_check_changes_nothing(text: str) -> None:
    from govdisclosure.parse._labels import glued_lead, normalise, owners

    # the row test without the pre-check: the figures' pattern tried on every text (and the figures
    # run on to the label stripped)
    norm = normalise(_body._TRAILING_FIGURES.sub("", text).rstrip("0123456789.,"))
    unchecked = len(text) <= 120 and (bool(owners(norm)) or glued_lead(norm) > 0)
    assert _body._table_row(text) == unchecked


# The year's readers try their patterns only where a match can start (near 年, at 统计, at a bracket):
# they must find what a search of the whole text finds.
_YEAR_TEXT = st.lists(
    st.sampled_from(
        [
            "2014",
            "2021",
            "1999",
            "12",
            "01",
            "1",
            "31",
            "0",
            "２０",
            "年",
            "年度",
            "月",
            "日",
            "起",
            "至",
            "统计期限",
            "统计",
            "自",
            "现将",
            "公开",
            "截至",
            "编制",
            "报告如下",
            "工作情况",
            "底",
            "。",
            "，",
            ";",
            " ",
            "\u3000",
            "\n",
            "《",
            "》",
            "〔",
            "〕",
            "[",
            "］",
            "(",
            "政府",
            "信息公开工作",
            "我局关于本单位",
            "县人民政府办公室的",
        ]
    ),
    max_size=24,
).map("".join)
# … and the sentences they look for, with the gaps their patterns allow (up to 20 characters) and more.
_YEAR_SENTENCE = st.tuples(
    _YEAR_TEXT,
    st.sampled_from(["现将", "截至", "统计期限自", "统计时间为"]),
    st.text(alphabet="我局本单位的，《》 \u3000", max_size=24),
    st.sampled_from(["2014", "2021", "1998"]),
    st.sampled_from(["", " ", "\u3000"]),
    st.sampled_from(["年", "年度", "年1月1日起至12月31日", "年01月01日至2014年12月31日"]),
    _YEAR_TEXT,
).map("".join)


def _same(found: re.Match[str] | None, expected: re.Match[str] | None) -> bool:
    if found is None or expected is None:
        return found is expected
    return found.span() == expected.span() and found.groups() == expected.groups()


@settings(max_examples=400, deadline=None)
@given(_YEAR_TEXT | _YEAR_SENTENCE)
def test_year_searches_find_what_a_search_finds(text: str) -> None:
    assert _same(_year._period_match(text), _year._PERIOD.search(text))
    assert _same(_year._intro_match(text), _year._INTRO.search(text))
    blanked = _year._BRACKETED.sub(lambda m: "　" * len(m.group()), text)
    assert _year._blank_brackets(text) == blanked
    assert _year._unbracketed([(None, text)]) == [(None, blanked)]  # type: ignore[list-item]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                *_vocabulary.MEASURE_WORDS,
                " ",
                "\t",
                "月",
                "小时",
                "工作日",
                "以上",
                "多",
                "余",
                "次",
                "部",
            ]
        ),
        max_size=5,
    ).map("".join)
)
def test_unit_lookup_is_the_unit_pattern(text: str) -> None:
    m = _facts._UNIT_AFTER.match(text)
    assert _facts._unit_after(text, 0) == (None if m is None else (m.group("unit"), m.end()))


def test_bullets_are_not_white_space() -> None:
    # split_lines tells a bulleted lead by what stripping its white space leaves
    assert not any(c in _lines.WS_CHARS or c.isspace() for c in _vocabulary.BULLETS)
    lines = _lines.split_lines("  • 项\n\u3000\u3000正文\n•项")
    assert [(line.indented, line.lead) for line in lines] == [
        (False, ""),
        (True, "\u3000\u3000"),
        (False, ""),
    ]


def test_year_bracket_test_spells_out_the_openings() -> None:
    # _body._to_section tests a paragraph for each opening before repair_numbers
    import inspect

    from govdisclosure.parse._numbers import IN_TEXT_OPENINGS

    source = inspect.getsource(_body._to_section)
    spelt = {c for c in IN_TEXT_OPENINGS if f'"{c}" in text' in source}
    assert spelt == set(IN_TEXT_OPENINGS)
