"""Round trip: parse_text(render_text(report)) gives the report back, for what text can carry.

Two writers of the text rendering are used: the real one (``govdisclosure.render``) once it is there, and a
minimal one written from the contract for these tests (``textwriter``), so that a disagreement between the
renderer and the contract shows as one passing and one failing writer.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govdisclosure import DisclosureReport, ReportFormat, Section
from govdisclosure.parse import parse_text
from tests.parse.textual import text_reports
from tests.parse.textwriter import render_text

Writer = Callable[..., str]


def _writers() -> list[object]:
    writers: list[object] = [pytest.param(render_text, id="contract-writer")]
    try:
        render = importlib.import_module("govdisclosure.render").render
    except ImportError:
        return writers

    def real(report: DisclosureReport, width: int | None = None) -> str:
        text = render(report, "text", width=width)
        assert isinstance(text, str)
        return text

    writers.append(pytest.param(real, id="govdisclosure.render"))
    return writers


WRITERS = _writers()


@pytest.mark.parametrize("write", WRITERS)
@pytest.mark.parametrize("width", [None, 8, 13, 24, 40, 72])
def test_the_worked_example_round_trips(
    write: Writer, width: int | None, example_report: DisclosureReport
) -> None:
    result = parse_text(write(example_report, width=width))
    assert result.report == example_report
    assert result.diagnostics == ()  # nothing to repair in a rendering


@pytest.mark.parametrize("write", WRITERS)
@given(report=text_reports())
def test_generated_reports_round_trip(write: Writer, report: DisclosureReport) -> None:
    text = write(report)
    result = parse_text(text)
    assert result.report == report, text


@pytest.mark.parametrize("write", WRITERS)
@given(report=text_reports(), width=st.integers(10, 60))
def test_generated_reports_round_trip_wrapped(
    write: Writer, report: DisclosureReport, width: int
) -> None:
    text = write(report, width=width)
    assert parse_text(text).report == report, text


def test_a_space_at_a_break_stays_with_the_line_before() -> None:
    report = DisclosureReport(
        title="2014年报告",
        year=2014,
        format=ReportFormat.NARRATIVE,
        body=[
            Section(
                ordinal=1,
                label="一、",
                heading="概述",
                paragraphs=["我局开展 ISO 9001 认证工作，取得成效。"],
            )
        ],
    )
    render = importlib.import_module("govdisclosure.render").render
    assert all(parse_text(render(report, "text", width=w)).report == report for w in range(8, 30))
