"""Decoding and cleaning: any bytes and any str give a report, never an exception (issue 18, items 6, 8,
11 and 12), and the words stay readable."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govdisclosure.parse import parse_html, parse_text
from govdisclosure.parse._decode import clean_text, decode_html, decode_text

SEED = Path(__file__).resolve().parents[2] / "examples" / "dehua_2014" / "page.txt"
PAGE = SEED.read_text(encoding="utf-8")
TITLE = "2014年政府信息公开工作进展情况“成绩单”"


# Item 6: a charset that names a codec of Python's but no text encoding of the web.
@pytest.mark.parametrize(
    "charset",
    [
        "rot13",
        "rot_13",
        "base64",
        "hex",
        "zlib",
        "bz2",
        "uu",
        "quopri",
        "undefined",
        "utf-7",
        "idna",
    ],
)
def test_a_charset_that_is_no_text_encoding_is_treated_as_undeclared(charset: str) -> None:
    page = f"<meta charset={charset}><h1>2014年工作报告</h1><p>　　一、概述</p>"
    result = parse_html(page.encode("utf-8"))
    assert result.report.title == "2014年工作报告"
    assert "GP003" in [d.code for d in result.diagnostics]


def test_utf7_cannot_smuggle_a_surrogate_into_the_report() -> None:
    # '+2AA-' is a lone surrogate in UTF-7; the page is read as UTF-8, where it is plain text.
    result = parse_html(b"<meta charset=utf-7><h1>+2AA-2014</h1>")
    assert all(not "\ud800" <= ch <= "\udfff" for ch in result.text)


# Item 11: byte order marks first, then UTF-8 (damaged or not), then GB18030.
@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-8-sig"])
def test_text_with_a_byte_order_mark_is_decoded_by_it(encoding: str) -> None:
    data = PAGE.encode(encoding)
    if encoding in ("utf-16-le", "utf-16-be"):
        data = codecs.BOM_UTF16_LE + data if encoding.endswith("le") else codecs.BOM_UTF16_BE + data
    text, _codec, notes = decode_text(data)
    assert text == PAGE
    assert notes == []
    assert parse_text(data).report.title == TITLE


def test_one_stray_byte_in_a_utf8_page_does_not_turn_it_into_mojibake() -> None:
    data = PAGE.encode("utf-8")
    middle = len(data) // 2
    middle = data.index("。".encode(), middle)  # after a whole character
    damaged = data[:middle] + b"\xff" + data[middle:]
    result = parse_text(damaged)
    assert result.report.title == TITLE
    assert result.report.header.publisher == "德化县科学技术局"
    assert [d.found or d.message_en for d in result.diagnostics if d.code == "GP004"]
    assert result.text.count("\ufffd") == 1


def test_a_gb18030_page_is_still_read_as_gb18030() -> None:
    result = parse_text(PAGE.encode("gb18030"))
    assert result.report.title == TITLE
    assert "GP002" in [d.code for d in result.diagnostics]


@given(st.binary(max_size=300))
def test_any_bytes_are_text_or_html_without_an_exception(data: bytes) -> None:
    for parse in (parse_text, parse_html):
        result = parse(data)
        result.text.encode("utf-8")  # no lone surrogate survives


# Item 12: format characters hide labels unless removed before matching.
@pytest.mark.parametrize(
    "hidden",
    ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u202e", "\u200e", "\x00"],
)
def test_a_format_character_inside_a_label_does_not_hide_the_heading(hidden: str) -> None:
    damaged = PAGE.replace("一、", "一" + hidden + "、").replace("二、", "二" + hidden + "、")
    clean = parse_text(PAGE).report
    result = parse_text(damaged)
    assert len(result.report.body) == len(clean.body)
    assert [s.heading for s in result.report.body] == [s.heading for s in clean.body]
    (note,) = [d for d in result.diagnostics if d.code == "GP020"]
    assert note.found == f"U+{ord(hidden):04X}"


def test_a_format_character_in_html_is_removed_before_the_markup_is_read() -> None:
    page = "<h1>2014年工作报告</h1><p>　　一\u200b、概述</p><p>　　我局以门户网站为主。</p>"
    result = parse_html(page)
    assert result.report.body[0].heading == "概述"
    assert "GP020" in [d.code for d in result.diagnostics]


# Item 8: lone surrogates in a str are replaced (and reported), so every output can be written.
def test_lone_surrogates_in_a_page_are_replaced_and_reported() -> None:
    result = parse_text(PAGE.replace("科学技术局", "科学\ud800技术局", 1))
    assert "GP021" in [d.code for d in result.diagnostics]
    from govdisclosure import dumps, render

    dumps(result.report).encode("utf-8")
    render(result.report, "text").encode("utf-8")


@given(st.text(max_size=200))
def test_cleaning_removes_only_what_it_reports(text: str) -> None:
    cleaned, notes = clean_text(text)
    removed = len(text) - len(cleaned)
    reported = sum(int(d.message_en.split()[1]) for d in notes if d.code == "GP020")
    assert removed == reported
    cleaned.encode("utf-8")
    assert clean_text(cleaned)[0] == cleaned or "\ufffd" in cleaned


def test_the_usual_characters_of_pages_are_none_of_the_hidden_ones() -> None:
    from govdisclosure.parse._decode import _HIDDEN_CHARS, _UNUSUAL

    usual = _UNUSUAL.sub("", "".join(map(chr, range(0x110000))))  # every code point not unusual
    assert len(usual) > 20000  # the CJK ideographs at least
    assert _HIDDEN_CHARS.isdisjoint(usual)


@given(
    st.lists(
        st.sampled_from(["德化", "\u200b", "\xad", "é", "Ω", "\ud800", "a", "\u3000", "\U000e0001"])
    ),
    st.integers(0, 80),
)
def test_the_hidden_check_agrees_with_the_set_of_hidden_characters(
    parts: list[str], greek: int
) -> None:
    from govdisclosure.parse._decode import _HIDDEN_CHARS, _has_hidden

    text = "Ω" * greek + "".join(parts)  # many unusual characters: the check's fallback too
    assert _has_hidden(text) == (not _HIDDEN_CHARS.isdisjoint(text))


def test_decode_html_keeps_a_declared_gbk_page() -> None:
    text, codec, notes = decode_html('<meta charset="gbk"><p>德化</p>'.encode("gbk"))
    assert "德化" in text
    assert codec == "gb18030"
    assert notes == []


# Items 16 and 17: spans and unterminated markup cost time in proportion to the page, not more.
def test_a_table_whose_spans_cover_millions_of_cells_is_read_as_text() -> None:
    row = "<tr>" + "<td rowspan=100 colspan=100>1</td>" * 10 + "</tr>"
    result = parse_html("<table>" + row * 300 + "</table>")
    (note,) = [d for d in result.diagnostics if d.code == "GP008"]
    assert int(note.found or 0) > 1_000_000


@pytest.mark.parametrize("opening", ["<!--", "</", "<?", "<![", "<a ", "<a b='", "<!"])
def test_unterminated_markup_is_cut_at_its_start_and_reported_once(opening: str) -> None:
    result = parse_html("<h1>2014年工作报告</h1><p>　　一、概述</p>" + opening * 2000)
    assert result.report.title == "2014年工作报告"
    assert [d.code for d in result.diagnostics].count("GP007") == 1
