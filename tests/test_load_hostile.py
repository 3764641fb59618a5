"""Hostile JSON: every malformed or out-of-range document is a LoadError with a path, never another
exception and never a silent rewrite (issue 18, items 7, 8 and 13)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govdisclosure import DisclosureReport, LoadError, ReportFormat, dumps, loads
from govdisclosure.model import Header

BASE: dict[str, Any] = {"schema_version": 1, "title": "t", "year": 2014, "format": "narrative"}


def _text(**changes: Any) -> str:
    return json.dumps({**BASE, **changes}, ensure_ascii=False)


def _error(text: str | bytes) -> LoadError:
    with pytest.raises(LoadError) as caught:
        loads(text)
    return caught.value


@pytest.mark.parametrize("opening", ["[", '{"a":'])
def test_deep_nesting_is_a_load_error(opening: str) -> None:
    assert "nested too deeply" in str(_error(opening * 5000))


def test_sections_nested_hundreds_deep_are_a_load_error_not_a_recursion_error() -> None:
    node: dict[str, Any] = {"heading": "x"}
    for _ in range(400):
        node = {"heading": "x", "children": [node]}
    error = _error(_text(body=[node]))
    assert error.issues[0].path == "$"


def test_an_integer_of_thousands_of_digits_is_a_load_error() -> None:
    error = _error(
        '{"schema_version":1,"title":"t","year":' + "9" * 5000 + ',"format":"narrative"}'
    )
    assert "unreadable number" in str(error)
    assert len(str(error)) < 300  # the value is not repeated whole


@pytest.mark.parametrize(
    ("text", "path"),
    [
        (
            '{"schema_version":1,"title":"a","title":"b","year":2014,"format":"narrative"}',
            "$.title",
        ),
        (
            '{"schema_version":1,"title":"a","year":2014,"format":"narrative",'
            '"header":{"publisher":"甲","publisher":"乙"}}',
            "$.header.publisher",
        ),
        (
            '{"schema_version":1,"title":"a","year":2014,"format":"narrative",'
            '"body":[{"heading":"x"},{"heading":"y","heading":"z"}]}',
            "$.body[1].heading",
        ),
    ],
)
def test_a_duplicate_key_is_an_error_at_its_path(text: str, path: str) -> None:
    error = _error(text)
    assert error.issues[0].path == path
    assert "twice" in error.issues[0].message


@pytest.mark.parametrize("text", ['"x\\ud800"', '"\\udfff"', '"a\\uDBFFb"'])
def test_a_lone_surrogate_escape_is_an_error_at_its_path(text: str) -> None:
    raw = _text().replace('"title": "t"', f'"title": {text}')
    error = _error(raw)
    assert error.issues[0].path == "$.title"
    assert "surrogate" in error.issues[0].message


def test_a_raw_lone_surrogate_in_a_str_is_an_error() -> None:
    error = _error(_text(header={"publisher": "甲\ud800"}))
    assert error.issues[0].path == "$.header.publisher"


def test_a_valid_surrogate_pair_escape_is_a_character() -> None:
    report = loads(_text().replace('"title": "t"', '"title": "\\ud83d\\ude00"'))
    assert report.title == "\U0001f600"


@pytest.mark.parametrize("digits", ["١٢٣", "１２３", "۱۲۳", "12.٥"])
def test_decimals_take_ascii_digits_only(digits: str) -> None:
    error = _error(_text(body=[{"amounts": [{"yuan": digits}]}]))
    assert error.issues[0].path == "$.body[0].amounts[0].yuan"


@pytest.mark.parametrize(
    "value",
    ["2014-12-04T15:51:30.5", "2014-12-04T15:51+08:00", "2014-12-04T15:51:00Z", "2014-12-04"],
)
def test_a_time_is_local_to_the_second_at_most(value: str) -> None:
    error = _error(_text(header={"published_at": value}))
    assert error.issues[0].path == "$.header.published_at"


def test_the_model_refuses_a_time_zone_where_it_is_made() -> None:
    import datetime as dt

    with pytest.raises(ValueError, match="published_at"):
        Header(published_at=dt.datetime(2014, 12, 4, 15, 51, tzinfo=dt.UTC))
    with pytest.raises(ValueError, match="published_at"):
        Header(published_at=dt.datetime(2014, 12, 4, 15, 51, 30, 5))
    seconds = Header(published_at=dt.datetime(2014, 12, 4, 15, 51, 30))  # as portals print them
    assert seconds.published_at is not None


@given(st.text(max_size=40))
def test_any_string_in_a_document_loads_or_fails_with_a_load_error(value: str) -> None:
    text = _text(title=value)
    try:
        report = loads(text)
    except LoadError:
        return
    assert loads(dumps(report)) == report


def test_a_clean_document_still_loads() -> None:
    report = DisclosureReport(title="t", year=2014, format=ReportFormat.NARRATIVE)
    assert loads(dumps(report)) == report
    assert loads(dumps(report).encode("utf-8")) == report
