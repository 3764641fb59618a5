"""to_chinese / from_chinese: worked examples, round trips over the whole range, bad input."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from govdisclosure.zh import NumeralError, _numerals, from_chinese, to_chinese

TOP = 10**16 - 1

# Numbers whose digits are mostly zero: the gaps (10,003,000; 100,000,001; 一万亿零三千万) are
# where zero rules go wrong.
gappy = st.lists(st.one_of(st.just(0), st.just(0), st.integers(0, 9)), min_size=1, max_size=16).map(
    lambda ds: int("".join(map(str, ds)))
)
whole_range = st.one_of(st.integers(-TOP, TOP), gappy, gappy.map(lambda n: -n))
fraction_digits = st.text(alphabet="0123456789", min_size=1, max_size=8)


def decimals(top: int = TOP) -> st.SearchStrategy[Decimal]:
    return st.builds(
        lambda sign, whole, fraction: Decimal(f"{sign}{whole}.{fraction}"),
        st.sampled_from(["", "-"]),
        st.one_of(st.integers(0, top), gappy),
        fraction_digits,
    )


# Expected strings written by hand from the reading rules (zeros at the end of a section are
# silent, every other run of zeros, a whole empty section included, is one 零; 一十 → 十 only at
# the very start).
CARDINALS = [
    (0, "零"),
    (7, "七"),
    (10, "十"),
    (15, "十五"),
    (20, "二十"),
    (101, "一百零一"),
    (110, "一百一十"),
    (1001, "一千零一"),
    (1010, "一千零一十"),
    (2014, "二千零一十四"),
    (10_000, "一万"),
    (100_010, "十万零一十"),
    (110_000, "十一万"),
    (12_894_000, "一千二百八十九万四千"),
    (10_003_000, "一千万三千"),
    (10_000_100, "一千万零一百"),
    (40_050_000, "四千零五万"),
    (100_000_001, "一亿零一"),
    (100_003_000, "一亿零三千"),
    (304_000_500, "三亿零四百万零五百"),
    (1_000_000_000, "十亿"),
    (1_000_000_000_000, "一万亿"),
    (1_000_030_000_000, "一万亿零三千万"),
    (1_000_200_000_000, "一万零二亿"),
    (1_200_000_000_000, "一万二千亿"),
    (TOP, "九千九百九十九万九千九百九十九亿九千九百九十九万九千九百九十九"),
    (-10, "负十"),
    (-100_000_001, "负一亿零一"),
]


@pytest.mark.parametrize(("n", "text"), CARDINALS)
def test_plain_cardinals(n: int, text: str) -> None:
    assert to_chinese(n) == text
    assert from_chinese(text) == n


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (2014, "二〇一四"),
        (0, "〇"),
        (10**20, "一" + "〇" * 20),  # no range limit digit by digit
        (-1949, "负一九四九"),
        (Decimal("3.05"), "三点〇五"),
    ],
)
def test_digits_style(n: int | Decimal, text: str) -> None:
    assert to_chinese(n, style="digits") == text
    assert from_chinese(text) == n


@pytest.mark.parametrize(
    ("d", "text"),
    [
        (Decimal("1289.4"), "一千二百八十九点四"),
        (Decimal("10.50"), "十点五零"),
        (Decimal("0.05"), "零点零五"),
        (Decimal("-0.5"), "负零点五"),
        (Decimal("-0.00"), "零点零零"),  # no 负 on zero
        (Decimal("1E+3"), "一千"),
        (Decimal("100000001.1"), "一亿零一点一"),
    ],
)
def test_decimals(d: Decimal, text: str) -> None:
    assert to_chinese(d) == text


@given(whole_range)
@example(10_003_000)
@example(100_000_001)
@example(1_000_030_000_000)
@example(TOP)
@example(-TOP)
def test_round_trip_plain(n: int) -> None:
    result = from_chinese(to_chinese(n))
    assert result == n
    assert type(result) is int


@given(st.one_of(whole_range, st.integers(-(10**30), 10**30)))
@example(10_003_000)
@example(100_000_001)
def test_round_trip_digits(n: int) -> None:
    text = to_chinese(n, style="digits")
    assert set(text) <= set("负〇一二三四五六七八九")
    assert from_chinese(text) == n


@given(decimals(), st.sampled_from(["plain", "digits"]))
def test_round_trip_decimals_keep_their_digits(d: Decimal, style: str) -> None:
    result = from_chinese(to_chinese(d, style=style))  # type: ignore[arg-type]
    assert isinstance(result, Decimal)
    assert result == d
    assert result.as_tuple().exponent == d.as_tuple().exponent


@given(st.integers(0, TOP))
def test_plain_text_uses_only_numeral_characters(n: int) -> None:
    text = to_chinese(n)
    assert set(text) <= set("零一二三四五六七八九十百千万亿")
    assert "零零" not in text
    assert not text.endswith("零") or n == 0


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("〇", 0),
        ("零", 0),
        ("○", 0),  # U+25CB, as web pages write 〇
        ("两千", 2000),
        ("两万五千", 25_000),
        ("一十五", 15),
        ("十五", 15),
        ("二零一四", 2014),
        ("２０１４", 2014),
        ("1289.4万", 12_894_000),
        ("3千", 3000),
        ("1.5千万", 15_000_000),
        ("2万3千", 23_000),
        ("一千二百八十九点四万", 12_894_000),
        ("壹仟零玖", 1009),
        ("壹拾万柒仟", 107_000),
        ("一万五", 15_000),  # spoken: the bare last digit takes the next lower unit
        ("三百五", 350),
        ("一亿五", 150_000_000),
        ("一百零五", 105),  # with 零 it is a plain digit
        ("一千万零三千", 10_003_000),  # an extra 零 does no harm
        ("二亿三千", 200_003_000),  # cn2an's spelling of 200,003,000
        (" 十二 ", 12),
        ("-5", -5),
        ("负十", -10),
        ("1.50", Decimal("1.50")),
        ("0万", 0),
        ("0.0亿", 0),
        ("1.00005万", Decimal("10000.5")),
        ("123456789012345678901234567890.5", Decimal("123456789012345678901234567890.5")),
    ],
)
def test_lenient_reading(text: str, value: int | Decimal) -> None:
    result = from_chinese(text)
    assert result == value
    assert type(result) is type(value)


@pytest.mark.parametrize(
    ("text", "position"),
    [
        ("一百二个", 3),
        ("", 0),
        ("负", 1),
        ("万", 0),
        ("十十", 1),
        ("一百一千", 3),
        ("一万二万", 3),
        ("一亿二亿", 3),
        ("一二十", 1),
        ("12千", 2),
        ("零十", 1),
        ("1.2.3", 3),
        ("点五", 0),
        ("一点", 2),
        ("1,000", 1),
        ("十点五千", 3),
        ("1.5万3千", 4),
        ("负负五", 1),
        ("5负", 1),
        ("1289.4万元", 7),
    ],
)
def test_bad_input_names_character_and_position(text: str, position: int) -> None:
    with pytest.raises(NumeralError) as info:
        from_chinese(text)
    assert info.value.position == position
    assert info.value.text == text
    assert f"position {position}" in str(info.value)
    if position < len(text):
        assert repr(text[position]) in str(info.value)


@given(whole_range, st.data())
def test_a_foreign_character_is_reported_where_it_is(n: int, data: st.DataObject) -> None:
    text = to_chinese(n)
    at = data.draw(st.integers(0, len(text)))
    bad = data.draw(st.sampled_from("个x元%#"))
    with pytest.raises(NumeralError) as info:
        from_chinese(text[:at] + bad + text[at:])
    assert info.value.position == at


def test_numeral_error_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="position 0"):
        from_chinese("x")


@pytest.mark.parametrize("bad", [1.5, True, "12", None])
def test_to_chinese_refuses_other_types(bad: object) -> None:
    with pytest.raises(TypeError):
        to_chinese(bad)  # type: ignore[arg-type]


def test_from_chinese_refuses_other_types() -> None:
    with pytest.raises(TypeError):
        from_chinese(12)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", [10**16, -(10**16), Decimal("1E+16"), Decimal("NaN")])
def test_to_chinese_refuses_out_of_range(bad: int | Decimal) -> None:
    with pytest.raises(ValueError, match=r"10\*\*16|cannot write"):
        to_chinese(bad)


def test_to_chinese_refuses_unknown_style() -> None:
    with pytest.raises(ValueError, match="style"):
        to_chinese(1, style="upper")  # type: ignore[arg-type]


@given(st.text(alphabet="零〇一二两三五九十百千万亿", min_size=1, max_size=14))
def test_fast_path_agrees_with_the_full_reader(text: str) -> None:
    """from_chinese reads well-formed text by table look-up; the full reader must agree."""
    fast = _numerals._read_fast(text)
    if fast is not None:
        assert _numerals.parse_number(text, 0, len(text)) == fast
