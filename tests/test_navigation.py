"""Finding one's way in a report: a node by its path id or its JSON path, and what differs between two."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given, settings

import govdisclosure as gd
from govdisclosure.model import DisclosureReport, ReportFormat, Section
from tests.strategies import reports


@settings(max_examples=30)
@given(reports())
def test_every_json_path_of_the_outline_leads_to_its_node(report: DisclosureReport) -> None:
    for ref in report.sections():
        assert report.at(ref.path) is ref.node
        assert report.section(ref.id) is ref.node


@settings(max_examples=30)
@given(reports(), reports())
def test_diff_is_empty_exactly_when_the_reports_are_equal(
    a: DisclosureReport, b: DisclosureReport
) -> None:
    assert gd.diff(a, a) == []
    assert (gd.diff(a, b) == []) == (a == b)
    for difference in gd.diff(a, b):
        if difference.kind == "changed":
            assert gd.to_dict(a) != gd.to_dict(b)


def _report() -> DisclosureReport:
    return DisclosureReport(
        title="2014年报告",
        year=2014,
        format=ReportFormat.NARRATIVE,
        body=[
            Section(paragraphs=["导语"]),
            Section(
                ordinal=1, label="一、", heading="概述", children=[Section(ordinal=1, label="一是")]
            ),
        ],
    )


def test_diff_names_each_difference_by_its_json_path() -> None:
    a = _report()
    b = attrs.evolve(
        a,
        header=gd.Header(publisher="某局"),
        body=(a.body[0], attrs.evolve(a.body[1], heading="主要作法", children=())),
    )
    assert [(d.path, d.kind, d.before, d.after) for d in gd.diff(a, b)] == [
        ("$.header", "added", None, {"publisher": "某局"}),
        ("$.body[1].heading", "changed", "概述", "主要作法"),
        ("$.body[1].children", "removed", [{"ordinal": 1, "label": "一是"}], None),
    ]
    assert str(gd.diff(a, b)[1]) == "$.body[1].heading: '概述' → '主要作法'"


def test_a_parse_round_trip_is_compared_by_diff() -> None:
    report = gd.load("examples/dehua_2014/report.json")
    parsed = gd.parse_text(gd.render(report, "text")).report
    assert gd.diff(report, parsed) == []


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("$.body[2]", r"\$\.body\[2\]: \$\.body has 2 elements"),
        ("$.body[1].nothing", r"\$\.body\[1\]\.nothing: \$\.body\[1\] has no field nothing"),
        ("$.title[0]", r"\$\.title\[0\]: \$\.title is not an array"),
        ("body[0]", r"is not a JSON path"),
        ("$.body[x]", r"cannot read the path after \$\.body"),
    ],
)
def test_a_json_path_that_leads_nowhere_says_where(path: str, message: str) -> None:
    with pytest.raises(KeyError, match=message):
        _report().at(path)


def test_a_missing_path_id_lists_the_ids_there_are() -> None:
    with pytest.raises(KeyError, match=r"no node s9 in the body; its path ids are b1, s1, s1\.i1"):
        _report().section("s9")
    with pytest.raises(KeyError, match="the body is empty"):
        DisclosureReport(title="t", year=None, format=ReportFormat.NARRATIVE).section("s1")
