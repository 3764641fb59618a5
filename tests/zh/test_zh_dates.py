"""Dates, partial dates and periods; the seed's forms included."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from babel.dates import format_date as babel_format_date
from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

from govdisclosure.zh import (
    DateError,
    Period,
    YearMonth,
    format_date,
    parse_as_of,
    parse_date,
    parse_partial_date,
)

four_digit_years = st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(9999, 12, 31))


@pytest.mark.parametrize(
    ("day", "arabic", "chinese"),
    [
        (dt.date(2014, 12, 4), "2014年12月4日", "二〇一四年十二月四日"),
        (dt.date(2012, 7, 1), "2012年7月1日", "二〇一二年七月一日"),  # GB/T 9704-2012's example
        (dt.date(2010, 12, 22), "2010年12月22日", "二〇一〇年十二月二十二日"),  # the 1999 style
        (
            dt.date(2021, 9, 26),
            "2021年9月26日",
            "二〇二一年九月二十六日",
        ),  # 国办公开办函〔2021〕30号
        (dt.date(2000, 10, 10), "2000年10月10日", "二〇〇〇年十月十日"),
        (dt.date(2019, 1, 31), "2019年1月31日", "二〇一九年一月三十一日"),
    ],
)
def test_format_date(day: dt.date, arabic: str, chinese: str) -> None:
    assert format_date(day) == arabic
    assert format_date(day, style="arabic") == arabic
    assert format_date(day, style="chinese") == chinese
    assert format_date(day, style="iso") == day.isoformat()


@given(four_digit_years, st.sampled_from(["arabic", "chinese", "iso"]))
def test_format_then_parse(day: dt.date, style: str) -> None:
    assert parse_date(format_date(day, style=style)) == day  # type: ignore[arg-type]


@given(four_digit_years)
def test_chinese_style_has_no_arabic_digits_and_no_digit_by_digit_month(day: dt.date) -> None:
    text = format_date(day, style="chinese")
    assert not any(c.isascii() for c in text)
    month = text.split("年")[1].split("月")[0]
    assert month not in ("一〇", "一一", "一二")


@given(st.dates())
def test_arabic_style_is_cldr_long_date(day: dt.date) -> None:
    assert format_date(day) == babel_format_date(day, format="long", locale="zh_CN")


def test_format_date_refuses_bad_arguments() -> None:
    with pytest.raises(TypeError):
        format_date("2014-12-04")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="style"):
        format_date(dt.date(2014, 12, 4), style="roman")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    [
        "2014年12月4日",
        "2014年12月4号",
        "2014年12月04日",
        "二〇一四年十二月四日",
        "二零一四年十二月四日",
        "二○一四年十二月四日",  # U+25CB for 〇, as web pages have it
        "二〇一四年十二月四号",
        "2014-12-04",  # the seed: 公文生成日期:2014-12-04
        "2014/12/4",
        "2014.12.04",
        "2014.12.4",
        "２０１４年１２月４日",
        "２０１４－１２－０４",
        "2014 年 12 月 4 日",
        "  2014-12-04\u3000",
    ],
)
def test_parse_date_forms(text: str) -> None:
    assert parse_date(text) == dt.date(2014, 12, 4)


@pytest.mark.parametrize(
    "text",
    [
        "2014年2月30日",
        "2014-02-29",
        "2015年2月29日",
        "2014年4月31日",
        "2014年13月1日",
        "2014/0/10",
        "二〇一四年二月三十日",
        "2014年12月32日",
    ],
)
def test_parse_date_impossible(text: str) -> None:
    with pytest.raises(DateError) as info:
        parse_date(text)
    assert repr(text) in str(info.value)
    assert info.value.text == text
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize(
    "text",
    [
        "2014年12月",  # no day: parse_partial_date's business
        "2014 124",  # the seed's damaged signature date (年月日 lost)
        "2014-12-04 15:51",  # the seed's 时间: a time of day is refused, not dropped
        "14年12月4日",  # no guessing of centuries
        "2014-12/04",
        "20141204",
        "十二月四日",
        "2014年十十月4日",
        "",
        "明天",
    ],
)
def test_parse_date_refuses(text: str) -> None:
    with pytest.raises(DateError, match=repr(text).replace("\\", "\\\\")):
        parse_date(text)


def test_parse_date_refuses_other_types() -> None:
    with pytest.raises(TypeError):
        parse_date(dt.date(2014, 12, 4))  # type: ignore[arg-type]


# -------------------------------------------------------------------------------------------------
# Partial dates and periods


def months(y1: int, m1: int, y2: int, m2: int) -> Period:
    return Period(YearMonth(y1, m1).first_day(), YearMonth(y2, m2).last_day())


@pytest.mark.parametrize(
    ("text", "year", "value"),
    [
        ("2014年12月", None, YearMonth(2014, 12)),
        ("2014年12月份", None, YearMonth(2014, 12)),
        ("二〇一四年十二月", None, YearMonth(2014, 12)),
        ("2014-12", None, YearMonth(2014, 12)),
        ("2014/12", None, YearMonth(2014, 12)),
        ("11月", 2014, YearMonth(2014, 11)),
        ("2013年11月", 2014, YearMonth(2013, 11)),  # the text's year wins
        # the seed: 截至11月，累计公开政府信息30条 (in a report on 2014)
        ("截至11月", 2014, YearMonth(2014, 11)),
        ("截止11月底", 2014, YearMonth(2014, 11)),
        ("截至2014年11月", None, YearMonth(2014, 11)),
        ("截至2014年12月4日", None, dt.date(2014, 12, 4)),
        ("2014年12月4日", None, dt.date(2014, 12, 4)),
        ("12月4日", 2014, dt.date(2014, 12, 4)),
        ("2014年度", None, months(2014, 1, 2014, 12)),
        ("2014年", None, months(2014, 1, 2014, 12)),  # the seed: 2014年以来 … 2015年工作计划
        ("2014年1月至11月", None, months(2014, 1, 2014, 11)),
        ("二〇一四年一月至十一月", None, months(2014, 1, 2014, 11)),
        ("2014年1月-11月", None, months(2014, 1, 2014, 11)),
        ("2014年1-11月", None, months(2014, 1, 2014, 11)),
        ("1月至11月", 2014, months(2014, 1, 2014, 11)),
        ("2014年1月至2015年3月", None, months(2014, 1, 2015, 3)),
        ("2014.1-2014.11", None, months(2014, 1, 2014, 11)),
        ("2014-2015年", None, months(2014, 1, 2015, 12)),  # the seed: 2014-2015年德化县科技项目
        ("2014年至2015年", None, months(2014, 1, 2015, 12)),
        ("2014年1月1日至12月31日", None, months(2014, 1, 2014, 12)),
        ("12月1日至5日", 2014, Period(dt.date(2014, 12, 1), dt.date(2014, 12, 5))),
        ("2014-12-01至2014-12-31", None, months(2014, 12, 2014, 12)),
        ("2014年第三季度", None, months(2014, 7, 2014, 9)),
        ("第一季度", 2014, months(2014, 1, 2014, 3)),
        ("2014年上半年", None, months(2014, 1, 2014, 6)),
        ("下半年", 2014, months(2014, 7, 2014, 12)),
    ],
)
def test_parse_partial_date(text: str, year: int | None, value: object) -> None:
    assert parse_partial_date(text, year=year) == value


@given(st.integers(1000, 9999), st.integers(1, 12))
def test_year_month_forms(year: int, month: int) -> None:
    expected = YearMonth(year, month)
    assert parse_partial_date(f"{year}年{month}月") == expected
    assert parse_partial_date(str(expected)) == expected
    assert parse_partial_date(f"{month}月", year=year) == expected
    assert parse_as_of(f"截至{month}月", year=year) == expected


@given(st.integers(1000, 9999), st.integers(1, 12), st.integers(1, 12))
def test_month_ranges(year: int, first: int, last: int) -> None:
    text = f"{year}年{first}月至{last}月"
    if first <= last:
        period = parse_partial_date(text)
        assert period == months(year, first, year, last)
        assert isinstance(period, Period)
        assert period.length == relativedelta(months=last - first + 1).normalized()
    else:
        with pytest.raises(DateError, match="ends before it starts"):
            parse_partial_date(text)


@pytest.mark.parametrize(
    ("text", "year", "message"),
    [
        ("截至11月", None, "no year"),
        ("11月", None, "no year"),
        ("第三季度", None, "no year"),
        ("0000年度", None, "impossible year"),
        ("0000-2015年", None, "impossible"),
        ("0000年1-3月", None, "impossible"),
        ("截至0000年底", None, "impossible year"),
        ("2014年13月", None, "impossible month"),
        ("2014年0月", None, "impossible month"),
        ("2014年1-13月", None, "impossible month"),
        ("2014年2月30日", None, "impossible date"),
        ("2014年11月至1月", None, "ends before it starts"),
        ("2015年至2014年", None, "ends before it starts"),
        ("截至目前", 2014, "not a date"),
        ("截至2014年1月至3月", None, "not a period"),
        ("明年", 2014, "not a date"),
        ("2014", None, "not a date"),
        ("", None, "not a date"),
    ],
)
def test_parse_partial_date_refuses(text: str, year: int | None, message: str) -> None:
    with pytest.raises(DateError, match=message) as info:
        parse_partial_date(text, year=year)
    assert info.value.text == text
    assert repr(text) in str(info.value)


@pytest.mark.parametrize("year", [0, -5, 10_000])
def test_parse_partial_date_year_must_be_a_calendar_year(year: int) -> None:
    with pytest.raises(ValueError, match=r"1\.\.9999"):
        parse_partial_date("11月", year=year)
    with pytest.raises(ValueError, match=r"1\.\.9999"):
        parse_as_of("截至11月", year=year)


def test_parse_partial_date_year_must_be_int() -> None:
    with pytest.raises(TypeError):
        parse_partial_date("11月", year="2014")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        parse_as_of("截至11月", year=True)


@pytest.mark.parametrize(
    ("text", "year", "value"),
    [
        ("截至11月", 2014, YearMonth(2014, 11)),
        ("截至11月底", 2014, YearMonth(2014, 11)),
        ("截止到2014年11月末", None, YearMonth(2014, 11)),
        ("截至2014年12月4日", None, dt.date(2014, 12, 4)),
        ("截至2014年底", None, YearMonth(2014, 12)),
        ("截止十一月", 2014, YearMonth(2014, 11)),
    ],
)
def test_parse_as_of(text: str, year: int | None, value: object) -> None:
    assert parse_as_of(text, year=year) == value


@pytest.mark.parametrize("text", ["11月", "2014年11月", "至11月", "截至"])
def test_parse_as_of_needs_the_prefix_and_a_date(text: str) -> None:
    with pytest.raises(DateError):
        parse_as_of(text, year=2014)


# -------------------------------------------------------------------------------------------------
# Period


periods = st.tuples(st.dates(), st.dates()).map(lambda ab: Period(min(ab), max(ab)))


@given(periods)
def test_period_iso_round_trip_through_json(period: Period) -> None:
    text = json.loads(json.dumps(str(period)))
    assert Period.fromisoformat(text) == period
    assert period.isoformat() == text
    assert text == f"{period.start.isoformat()}/{period.end.isoformat()}"


@given(periods)
def test_period_length_and_days(period: Period) -> None:
    if period.end < dt.date.max:
        assert period.start + period.length == period.end + dt.timedelta(days=1)
    assert period.days == (period.end - period.start).days + 1
    assert period.start in period
    assert period.end in period


def test_period_length_at_the_end_of_the_calendar() -> None:
    assert Period.of_year(9999).length == relativedelta(years=1)
    assert Period(dt.date(9999, 2, 1), dt.date.max).length == relativedelta(months=11)
    assert Period(dt.date.min, dt.date.max).length == relativedelta(years=9998, months=11, days=31)


def test_period_lengths() -> None:
    assert Period.of_year(2014).length == relativedelta(years=1)
    assert Period.of_year(2016).days == 366
    assert Period.of_month(YearMonth(2014, 2)).length == relativedelta(months=1)
    assert months(2014, 1, 2014, 11).length == relativedelta(months=11)
    assert Period(dt.date(2014, 12, 1), dt.date(2014, 12, 5)).length == relativedelta(days=5)
    assert Period(dt.date(2014, 1, 15), dt.date(2014, 3, 14)).length == relativedelta(months=2)


def test_period_containment_and_order() -> None:
    year = Period.of_year(2014)
    assert YearMonth(2014, 11) in year
    assert YearMonth(2015, 1) not in year
    assert dt.date(2015, 1, 1) not in year
    assert "2014-06-01" not in year
    assert dt.datetime(2014, 6, 1) not in year
    assert Period.of_year(2013) < year < Period.of_year(2015)


@pytest.mark.parametrize(
    "text",
    ["2014-01-01", "2014-01-01/2014-13-01", "2014-1-1/2014-12-31", "20140101/20141231", ""],
)
def test_period_fromisoformat_refuses(text: str) -> None:
    with pytest.raises(ValueError, match=r"YYYY-MM-DD|month"):
        Period.fromisoformat(text)


def test_period_validates() -> None:
    with pytest.raises(ValueError, match="before it starts"):
        Period(dt.date(2014, 2, 1), dt.date(2014, 1, 31))
    with pytest.raises(TypeError):
        Period(dt.datetime(2014, 1, 1), dt.date(2014, 1, 31))
    with pytest.raises(TypeError):
        Period("2014-01-01", dt.date(2014, 1, 31))  # type: ignore[arg-type]
    with pytest.raises(AttributeError):
        Period.of_year(2014).start = dt.date(2014, 2, 1)  # type: ignore[misc]


@given(st.integers(1, 9999), st.integers(1, 12))
def test_year_month_iso_round_trip(year: int, month: int) -> None:
    value = YearMonth(year, month)
    assert YearMonth.fromisoformat(json.loads(json.dumps(str(value)))) == value
    assert Period.of_month(value).days == (value.last_day() - value.first_day()).days + 1


@pytest.mark.parametrize("text", ["２０１４-11", "2014-1", "2014/11", "2014-13"])
def test_year_month_fromisoformat_is_strict(text: str) -> None:
    with pytest.raises(ValueError, match="month"):
        YearMonth.fromisoformat(text)
