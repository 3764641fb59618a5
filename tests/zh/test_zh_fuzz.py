"""Any text in, a value or the documented error out: never another exception."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from functools import partial

from hypothesis import given
from hypothesis import strategies as st

from govdisclosure.zh import (
    DateError,
    Label,
    NumeralError,
    Period,
    YearMonth,
    from_chinese,
    parse_amount,
    parse_as_of,
    parse_date,
    parse_label,
    parse_partial_date,
)

# Mostly the characters these readers care about, so that the text gets deep into them.
alphabet = st.sampled_from(
    list("零〇○一二两三四五六七八九十百千万亿壹贰拾佰仟点负-.,，0123456789０１２３４５６７８９")
    + list("元角分整人民币￥¥年月日号度至到底截止第季上下半份/（）()、．是 \u3000")
)
texts = st.one_of(st.text(alphabet, max_size=20), st.text(max_size=12))


def attempt(function: Callable[..., object], *args: object, **kwargs: object) -> object:
    """The value, or the documented error (NumeralError, DateError) as a value to check."""
    try:
        return function(*args, **kwargs)
    except (NumeralError, DateError) as error:
        return error


@given(texts)
def test_from_chinese(text: str) -> None:
    result = attempt(from_chinese, text)
    if isinstance(result, NumeralError):
        assert 0 <= result.position <= len(text)
        assert result.text == text
    else:
        assert isinstance(result, int | Decimal)
        assert not isinstance(result, bool)


@given(texts)
def test_parse_amount(text: str) -> None:
    result = attempt(parse_amount, text)
    if isinstance(result, NumeralError):
        assert 0 <= result.position <= len(text)
        assert result.text == text
    else:
        assert isinstance(result, Decimal)
        assert result.as_tuple().exponent <= 0  # type: ignore[operator]


@given(
    st.one_of(texts, st.text("0年月至第一季度-", max_size=12)),
    st.one_of(st.none(), st.integers(1, 9999)),
)
def test_dates(text: str, year: int | None) -> None:
    for function, kinds in (
        (parse_date, dt.date),
        (partial(parse_partial_date, year=year), dt.date | YearMonth | Period),
        (partial(parse_as_of, year=year), dt.date | YearMonth),
    ):
        result = attempt(function, text)
        if isinstance(result, DateError):
            assert result.text == text
            assert repr(text) in str(result)
        else:
            assert isinstance(result, kinds)


@given(texts)
def test_parse_label(text: str) -> None:
    label = parse_label(text)
    assert label is None or (isinstance(label, Label) and label.end <= len(text))
