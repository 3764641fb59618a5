"""Cross-check against cn2an, an independent implementation (a test-only dependency).

Where both define the same output they must agree. The deliberate differences, each tested below:

1. **零 after an empty section before a 千 digit.** cn2an drops the 零 after 亿
   (or 万亿) when the next digit is a thousands digit: it writes 200,003,000 as
   二亿三千 and 1,000,030,000,000 as 一万亿三千万. The reading rule reads a whole
   empty section as one 零 (二亿零三千), and 二亿三千 is also how people say
   230,000,000, so we keep the 零. The difference is exactly cn2an's rewrite
   ``亿零X千 → 亿X千`` (in capitals ``亿零X仟 → 亿X仟``), and nothing else.
2. **〇 for digit-by-digit years.** cn2an's ``direct`` mode writes 二零一四; we write 二〇一四 as
   years are printed (GB/T 9704-1999 and older documents).
3. **Fractions.** cn2an's ``cn2an`` returns a float for 十点五; we return ``Decimal('10.5')`` and
   keep trailing zeros (十点五零 → ``Decimal('10.50')``), so only the value is compared.
4. **No sign on zero.** cn2an writes ``-0.0`` as 负零点零; we write 零点零 (negative zero is zero).
5. **Leniency.** Both read each other's integer output; we also read mixed forms such as
   ``1289.4万`` and ``3千`` that cn2an's ``strict`` and ``normal`` modes refuse.
"""

from __future__ import annotations

import re
from decimal import Decimal

import cn2an
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from govdisclosure.zh import from_chinese, to_chinese, to_rmb_uppercase

TOP = 10**16 - 1
gappy = st.lists(st.one_of(st.just(0), st.just(0), st.integers(0, 9)), min_size=1, max_size=16).map(
    lambda ds: int("".join(map(str, ds)))
)
numbers = st.one_of(st.integers(-TOP, TOP), gappy)

_CN2AN_DROPS_ZERO = re.compile("亿零([一二三四五六七八九]千)")
_CN2AN_DROPS_ZERO_UPPER = re.compile("亿零([壹贰叁肆伍陆柒捌玖]仟)")


def as_cn2an_writes(ours: str) -> str:
    """Difference 1: cn2an leaves out the 零 between 亿 and a thousands digit."""
    return _CN2AN_DROPS_ZERO.sub(r"亿\1", ours)


@given(numbers)
@example(10_003_000)
@example(100_000_001)
@example(200_003_000)
@example(1_000_030_000_000)
def test_plain_output_matches_cn2an_up_to_the_documented_zero(n: int) -> None:
    assert as_cn2an_writes(to_chinese(n)) == cn2an.an2cn(n)


@pytest.mark.parametrize(
    ("n", "ours", "theirs"),
    [
        (200_003_000, "二亿零三千", "二亿三千"),
        (100_006_669, "一亿零六千六百六十九", "一亿六千六百六十九"),
        (1_000_030_000_000, "一万亿零三千万", "一万亿三千万"),
    ],
)
def test_difference_1_zero_after_empty_section(n: int, ours: str, theirs: str) -> None:
    assert to_chinese(n) == ours
    assert cn2an.an2cn(n) == theirs
    # Both readers take both spellings to the same number.
    assert from_chinese(theirs) == n
    assert cn2an.cn2an(ours, "strict") == n


@given(st.one_of(st.integers(0, TOP), gappy))
def test_digits_style_is_cn2an_direct_with_ling_as_circle(n: int) -> None:
    """Difference 2: 〇 where cn2an writes 零."""
    ours = to_chinese(n, style="digits")
    assert ours == cn2an.an2cn(str(n), "direct").replace("零", "〇")
    assert "零" not in ours


def test_difference_2_year() -> None:
    assert to_chinese(2014, style="digits") == "二〇一四"
    assert cn2an.an2cn("2014", "direct") == "二零一四"
    assert from_chinese("二零一四") == from_chinese("二〇一四") == 2014


@given(numbers)
@example(200_003_000)
def test_we_read_what_cn2an_writes(n: int) -> None:
    assert from_chinese(cn2an.an2cn(n)) == n


@given(numbers)
@example(1_000_030_000_000)
def test_cn2an_reads_what_we_write(n: int) -> None:
    assert cn2an.cn2an(to_chinese(n), "strict") == n


decimal_texts = st.builds(
    lambda sign, whole, fraction: f"{sign}{whole}.{fraction}",
    st.sampled_from(["", "-"]),
    st.integers(0, 10**8),
    st.text(alphabet="0123456789", min_size=1, max_size=4),
)


@given(decimal_texts)
def test_decimal_output_matches_cn2an(text: str) -> None:
    if Decimal(text).is_zero():
        return  # difference 4
    assert to_chinese(Decimal(text)) == cn2an.an2cn(text)


def test_difference_4_negative_zero() -> None:
    assert to_chinese(Decimal("-0.0")) == "零点零"
    assert cn2an.an2cn("-0.0") == "负零点零"
    assert from_chinese("负零点零") == 0


@given(decimal_texts)
def test_decimal_values_match_cn2an(text: str) -> None:
    """Difference 3: cn2an gives a float; compare the value it stands for."""
    ours = from_chinese(to_chinese(Decimal(text)))
    theirs = cn2an.cn2an(to_chinese(Decimal(text)), "normal")
    assert isinstance(ours, Decimal)
    assert ours == Decimal(text)
    assert ours == Decimal(repr(theirs))


def test_difference_3_fraction_type() -> None:
    assert from_chinese("十点五零") == Decimal("10.50")
    assert str(from_chinese("十点五零")) == "10.50"
    assert isinstance(cn2an.cn2an("十点五零", "normal"), float)


@pytest.mark.parametrize(("text", "value"), [("1289.4万", 12_894_000), ("3千", 3000)])
def test_difference_5_mixed_forms(text: str, value: int) -> None:
    assert from_chinese(text) == value
    assert cn2an.cn2an(text, "smart") == value
    for mode in ("strict", "normal"):
        with pytest.raises(ValueError, match="不在转化范围内"):
            cn2an.cn2an(text, mode)


gappy_fen = st.lists(
    st.one_of(st.just(0), st.just(0), st.integers(0, 9)), min_size=1, max_size=18
).map(lambda ds: int("".join(map(str, ds))))
fen = st.one_of(st.integers(0, 10**18 - 1), gappy_fen)


@given(fen)
@example(140_950)
@example(10_000_300_000)
def test_rmb_uppercase_matches_cn2an_up_to_the_documented_zero(amount_in_fen: int) -> None:
    amount = Decimal(amount_in_fen).scaleb(-2)
    ours = to_rmb_uppercase(amount)
    theirs = cn2an.an2cn(format(amount, "f"), "rmb")
    assert _CN2AN_DROPS_ZERO_UPPER.sub(r"亿\1", ours) == theirs
