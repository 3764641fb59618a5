"""The model's constructors refuse what could not be serialised, naming the field; loading JSON skips the
type checks the converter has already made."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from govdisclosure import dumps, loads
from govdisclosure.model import (
    Attachment,
    DisclosureReport,
    Header,
    Quantity,
    ReportFormat,
    Section,
    Signature,
    types_checked,
)


def _report(**changes: Any) -> DisclosureReport:
    fields: dict[str, Any] = {"title": "t", "year": 2014, "format": ReportFormat.NARRATIVE}
    return DisclosureReport(**(fields | changes))


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"year": "2014"}, r"DisclosureReport\.year must be an int or None, got str '2014'"),
        ({"year": 2014.5}, r"DisclosureReport\.year must be an int or None, got float 2014\.5"),
        ({"year": True}, r"DisclosureReport\.year must be an int or None, got bool True"),
        ({"format": "narrative"}, r"DisclosureReport\.format must be a ReportFormat member"),
        ({"title": None}, r"DisclosureReport\.title must be a str, got NoneType None"),
        (
            {"body": ["一、概述"]},
            r"DisclosureReport\.body must be a tuple \(or list\) of a Section",
        ),
        ({"header": {"publisher": "x"}}, r"DisclosureReport\.header must be a Header, got dict"),
    ],
)
def test_a_value_of_the_wrong_type_is_refused_naming_the_field(
    changes: dict[str, Any], message: str
) -> None:
    with pytest.raises(TypeError, match=message):
        _report(**changes)


@pytest.mark.parametrize("year", [-5, 0, 1899, 2200, 10**30])
def test_a_year_out_of_range_is_refused_and_unknown_is_none(year: int) -> None:
    with pytest.raises(ValueError, match=r"DisclosureReport\.year must be from 1900 to 2199"):
        _report(year=year)
    assert _report(year=None).year is None


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: Header(publisher=1), r"Header\.publisher must be a str or None, got int 1"),
        (lambda: Section(ordinal="1"), r"Section\.ordinal must be an int or None"),
        (
            lambda: Section(paragraphs=[1]),
            r"Section\.paragraphs must be a tuple \(or list\) of a str",
        ),
        (lambda: Attachment(name=None), r"Attachment\.name must be a str, got NoneType"),
        (lambda: Quantity(3, 5), r"Quantity\.unit must be a str, got int 5"),
        (
            lambda: Signature(date=dt.datetime(2014, 12, 4, 9, 30)),
            r"Signature\.date must be a datetime\.date or None, got datetime",
        ),
    ],
)
def test_the_parts_of_a_report_check_their_types_too(make: Any, message: str) -> None:
    with pytest.raises(TypeError, match=message):
        make()


def test_an_unknown_year_round_trips_as_null() -> None:
    report = _report(year=None)
    assert '"year":null' in dumps(report)
    assert loads(dumps(report)) == report


def test_loading_skips_the_type_checks_and_only_within_its_block() -> None:
    with types_checked():
        unchecked = Attachment(name=1)  # type: ignore[arg-type]
    assert unchecked.name == 1
    with pytest.raises(TypeError, match=r"Attachment\.name"):
        Attachment(name=1)  # type: ignore[arg-type]
