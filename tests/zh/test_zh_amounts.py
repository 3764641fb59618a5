"""人民币大写 against the PBOC bill rules, and amounts in 元/万元/亿元."""

from __future__ import annotations

from decimal import ROUND_DOWN, ROUND_HALF_EVEN, Context, Decimal, localcontext

import pytest
from babel.numbers import format_compact_decimal
from hypothesis import example, given
from hypothesis import strategies as st

from govdisclosure.zh import NumeralError, format_amount, parse_amount, to_rmb_uppercase

# PBOC, 《正确填写票据和结算凭证的基本规定》: expected strings written by hand from the rules.
PBOC_EXAMPLES = [
    # rule 4(1): a 0 inside the number is written 零
    ("1409.50", "壹仟肆佰零玖元伍角"),
    # rule 4(2): several 0s in a row inside the number: one 零
    ("6007.14", "陆仟零柒元壹角肆分"),
    # rule 4(3): 元 digit 0, 角 not 0: 零 may be left out (we leave it out)
    ("1680.32", "壹仟陆佰捌拾元叁角贰分"),
    # rule 4(3): 万 digit and the zeros after it, 千 digit not 0: 零 may be left out
    ("107000.53", "壹拾万柒仟元伍角叁分"),
    # rule 4(4): 角 digit 0, 分 not 0: 零 after 元
    ("16409.02", "壹万陆仟肆佰零玖元零贰分"),
    ("325.04", "叁佰贰拾伍元零肆分"),
    # rule 2: 整 after 元 when there is no 角 or 分
    ("100", "壹佰元整"),
    ("1000000", "壹佰万元整"),
    # rule 2: after 角 整 may be left out (as the rules' own example 1,409.50 does); never after 分
    ("0.50", "伍角"),
    ("12.30", "壹拾贰元叁角"),
    ("0.05", "伍分"),
    ("0.55", "伍角伍分"),
    # 拾 is always preceded by its digit (壹拾), also inside a number
    ("15", "壹拾伍元整"),
    ("110", "壹佰壹拾元整"),
    ("100010", "壹拾万零壹拾元整"),
    # rule 4(1) across sections: an empty section inside the number is one 零
    ("100000001", "壹亿零壹元整"),
    ("100003000", "壹亿零叁仟元整"),
    ("0", "零元整"),
    ("1.05", "壹元零伍分"),
    ("1.500", "壹元伍角"),  # more decimals, but all zero: exact, so accepted
    (
        "9999999999999999.99",
        "玖仟玖佰玖拾玖万玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分",
    ),
]


@pytest.mark.parametrize(("amount", "text"), PBOC_EXAMPLES)
def test_rmb_uppercase_pboc_examples(amount: str, text: str) -> None:
    assert to_rmb_uppercase(Decimal(amount)) == text


def test_rmb_uppercase_takes_int() -> None:
    assert to_rmb_uppercase(1409) == "壹仟肆佰零玖元整"


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        (Decimal("-1"), "negative"),
        (-1, "negative"),
        (Decimal("1.005"), "fraction of a 分"),
        (Decimal("0.001"), "fraction of a 分"),
        (Decimal("10000000000000000"), "10\\*\\*16"),
        (Decimal("NaN"), "not an amount"),
        (Decimal("Infinity"), "not an amount"),
    ],
)
def test_rmb_uppercase_refuses(amount: Decimal | int, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        to_rmb_uppercase(amount)


@pytest.mark.parametrize("amount", [1.5, "1.5", True])
def test_rmb_uppercase_refuses_other_types(amount: object) -> None:
    with pytest.raises(TypeError):
        to_rmb_uppercase(amount)  # type: ignore[arg-type]


fen = st.one_of(
    st.integers(0, 10**18 - 1),
    st.lists(st.sampled_from("0000123456789"), min_size=1, max_size=18).map(
        lambda ds: int("".join(ds))
    ),
)


@given(fen)
@example(140_950)
@example(10_700_053)
def test_rmb_uppercase_reads_back(amount_in_fen: int) -> None:
    amount = Decimal(amount_in_fen).scaleb(-2)
    text = to_rmb_uppercase(amount)
    assert set(text) <= set("零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整")
    assert text.endswith(("整", "角", "分"))
    assert ("分" in text) != text.endswith("整") or amount_in_fen % 10 == 0
    assert parse_amount(text) == amount


# -------------------------------------------------------------------------------------------------
# parse_amount


@pytest.mark.parametrize(
    ("text", "yuan"),
    [
        ("1289.4万元", "12894000"),  # the seed: 涉及项目62个、金额1289.4万元
        ("12894000元", "12894000"),
        ("12,894,000元", "12894000"),
        ("1,289.4万元", "12894000"),
        ("0.13亿元", "13000000"),
        ("2.5亿元", "250000000"),
        ("人民币1289.4万元", "12894000"),
        ("￥1,409.50", "1409.50"),
        ("¥1409.50", "1409.50"),
        ("人民币￥100", "100"),
        ("RMB 100元", "100"),
        ("１２８９．４万元", "12894000"),
        ("一千二百八十九点四万元", "12894000"),
        ("三千元", "3000"),
        ("3千元", "3000"),
        ("12.50元", "12.50"),
        ("-3.5万元", "-35000"),
        ("-1,000元", "-1000"),
        ("  251000元 ", "251000"),  # 采购总金额 cells carry their unit
        ("壹仟肆佰零玖元伍角", "1409.5"),
        ("陆仟零柒元壹角肆分", "6007.14"),
        ("壹万陆仟肆佰零玖元零贰分", "16409.02"),
        ("壹拾元整", "10"),
        ("人民币壹佰元正", "100"),
        ("伍角", "0.5"),
        ("伍分", "0.05"),
        ("零元整", "0"),
        ("0万元", "0"),  # as format_amount writes zero in 万元
        ("0.00亿元", "0"),
        ("0", "0"),
    ],
)
def test_parse_amount(text: str, yuan: str) -> None:
    result = parse_amount(text)
    assert result == Decimal(yuan)
    assert str(result) == yuan  # the digits as written, no exponent


@pytest.mark.parametrize(
    ("text", "unit", "yuan"),
    [
        ("3.5", "万元", "35000"),
        ("0", "万元", "0"),
        ("1.2", "亿元", "120000000"),
        ("3.5元", "万元", "3.5"),  # the text's unit wins
        ("￥3.5", "万元", "3.5"),  # so does ￥
        ("1289.4万", "元", "12894000"),
    ],
)
def test_parse_amount_default_unit(text: str, unit: str, yuan: str) -> None:
    assert parse_amount(text, default_unit=unit) == Decimal(yuan)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "position"),
    [
        ("", 0),
        ("元", 0),
        ("1289.4美元", 6),
        ("12,89元", 2),
        ("1,000x元", 5),
        ("12,894,000x元", 10),
        ("人民币", 3),
        ("整", 0),
        ("万元", 0),
        ("0万3千元", 2),
        ("一亿零万元", 3),
    ],
)
def test_parse_amount_bad_input(text: str, position: int) -> None:
    with pytest.raises(NumeralError) as info:
        parse_amount(text)
    assert info.value.position == position
    assert info.value.text == text


def test_parse_amount_refuses_other_types_and_units() -> None:
    with pytest.raises(TypeError):
        parse_amount(12)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="default_unit"):
        parse_amount("1", default_unit="千元")  # type: ignore[arg-type]


# -------------------------------------------------------------------------------------------------
# format_amount


@pytest.mark.parametrize(
    ("yuan", "kwargs", "text"),
    [
        (Decimal("12894000"), {"unit": "万元"}, "1289.4万元"),
        (Decimal("12894000"), {}, "12894000元"),
        (Decimal("12894000"), {"unit": "亿元"}, "0.12894亿元"),
        (Decimal("12894000"), {"unit": "亿元", "places": 2}, "0.13亿元"),
        (Decimal("12894000.00"), {}, "12894000元"),  # shortest exact form
        (Decimal("1E+3"), {}, "1000元"),
        (Decimal("1409.50"), {"places": 2}, "1409.50元"),
        (Decimal("1234567.5"), {"grouping": True}, "1,234,567.5元"),
        (Decimal("0.125"), {"places": 2}, "0.13元"),  # ROUND_HALF_UP by default
        (Decimal("0.125"), {"places": 2, "rounding": ROUND_HALF_EVEN}, "0.12元"),
        (Decimal("0.129"), {"places": 2, "rounding": ROUND_DOWN}, "0.12元"),
        (Decimal("-0.001"), {"places": 2}, "0.00元"),  # no -0
        (Decimal("-12894000"), {"unit": "万元"}, "-1289.4万元"),
        (250, {"unit": "万元", "places": 2}, "0.03万元"),
        (Decimal("0"), {"unit": "亿元"}, "0亿元"),
        (Decimal("12345.6789"), {"places": 0}, "12346元"),
        (
            Decimal("123456789012345678901234567890.123456789"),
            {"grouping": True},
            "123,456,789,012,345,678,901,234,567,890.123456789元",
        ),
        (Decimal("1234567.5"), {"grouping": True, "locale": "de_DE"}, "1.234.567,5元"),
    ],
)
def test_format_amount(yuan: Decimal | int, kwargs: dict[str, object], text: str) -> None:
    assert format_amount(yuan, **kwargs) == text  # type: ignore[arg-type]


money = st.decimals(
    allow_nan=False, allow_infinity=False, places=4, min_value=-(10**20), max_value=10**20
)
units = st.sampled_from(["元", "万元", "亿元"])


@given(money, units, st.booleans())
@example(Decimal(0), "万元", False)
@example(Decimal(0), "亿元", True)
def test_format_then_parse_is_exact(yuan: Decimal, unit: str, grouping: bool) -> None:
    text = format_amount(yuan, unit=unit, grouping=grouping)  # type: ignore[arg-type]
    assert text.endswith(unit)
    assert "E" not in text
    assert parse_amount(text) == yuan


@given(money, units, st.integers(0, 6))
def test_places_round_half_up(yuan: Decimal, unit: str, places: int) -> None:
    text = format_amount(yuan, unit=unit, places=places)  # type: ignore[arg-type]
    number = text[: -len(unit)]
    assert len(number.partition(".")[2]) == places
    with localcontext(Context(prec=60)):
        scaled = yuan.scaleb(-{"元": 0, "万元": 4, "亿元": 8}[unit])
        assert abs(Decimal(number) - scaled) <= Decimal(1).scaleb(-places) / 2


@given(st.integers(10_000, 10**8 - 1))
def test_format_amount_matches_babel_compact_form(yuan: int) -> None:
    """Where babel's compact form picks 万 and shows every digit, the two agree."""
    compact = format_compact_decimal(yuan, locale="zh_CN", fraction_digits=4)
    assert format_amount(Decimal(yuan), unit="万元") == compact + "元"


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"unit": "千元"}, ValueError),
        ({"places": -1}, ValueError),
        ({"places": 1.5}, ValueError),
    ],
)
def test_format_amount_bad_options(kwargs: dict[str, object], error: type[Exception]) -> None:
    with pytest.raises(error):
        format_amount(Decimal(1), **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize("yuan", [1.5, "1", Decimal("NaN")])
def test_format_amount_refuses_floats_and_non_numbers(yuan: object) -> None:
    with pytest.raises((TypeError, ValueError)):
        format_amount(yuan)  # type: ignore[arg-type]
