"""The six sections of a statutory report and the helper that writes their headings."""

from __future__ import annotations

import re

import pytest

from govdisclosure import (
    OVERVIEW_PARTS,
    STATUTORY_SECTIONS,
    DisclosureReport,
    ReportFormat,
    Role,
    Section,
    StatutoryTablesV2021,
    dumps,
    loads,
    statutory_body,
)
from tests.tables.test_model import _code_lines, _reference_section


def test_the_six_sections_are_the_reference_ones() -> None:
    section = _reference_section(2)
    assert [h.label + h.heading for h in STATUTORY_SECTIONS] == _code_lines(section)[:6]
    usual = re.search(r"Section 一 usually has (.*?)\.", section, re.S)
    assert usual is not None
    assert usual.group(1).replace("\n", " ").split() == [
        h.label + h.heading for h in OVERVIEW_PARTS
    ]
    for variant in (
        "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况",
        "五、政府信息公开工作存在的主要问题及改进情况",
    ):
        assert any(h.label + v == variant for h in STATUTORY_SECTIONS for v in h.variants)


def test_existing_role_values_are_unchanged() -> None:
    assert (Role.PREAMBLE.value, Role.PROBLEMS.value, Role.PLAN.value) == (
        "preamble",
        "problems",
        "plan",
    )
    assert len({r.value for r in Role}) == len(Role)


def test_the_body_has_the_six_sections_in_order_even_when_empty() -> None:
    body = statutory_body()
    assert [(s.ordinal, s.label, s.heading, s.role) for s in body] == [
        (h.ordinal, h.label, h.heading, h.role) for h in STATUTORY_SECTIONS
    ]
    assert all(not s.paragraphs and not s.children for s in body)


def test_sub_headings_are_written_only_when_given_and_numbered_in_order() -> None:
    body = statutory_body(
        overview=["总体情况的导语。"],
        on_request="依申请公开的情况。",
        platforms=["平台建设的情况。", "第二段。"],
    )
    overview = body[0]
    assert overview.paragraphs == ("总体情况的导语。",)
    assert [(c.ordinal, c.label, c.heading, c.role) for c in overview.children] == [
        (1, "（一）", "依申请公开", Role.OVERVIEW_ON_REQUEST),
        (2, "（二）", "政府信息公开平台建设", Role.OVERVIEW_PLATFORMS),
    ]
    assert overview.children[1].paragraphs == ("平台建设的情况。", "第二段。")


def test_paragraphs_then_sub_sections_then_blocks() -> None:
    problems = Section(ordinal=1, label="（一）", heading="存在的主要问题", role=Role.PROBLEMS)
    plan = Section(ordinal=2, label="（二）", heading="改进情况", role=Role.PLAN)
    body = statutory_body(problems=iter(["导语。", problems, plan, "结语。"]))
    fifth = body[4]
    assert fifth.role is Role.PROBLEMS_AND_IMPROVEMENTS
    assert fifth.paragraphs == ("导语。",)
    assert fifth.children == (problems, plan, Section(paragraphs=["结语。"]))
    ids = [
        ref.id
        for ref in DisclosureReport(
            title="t", year=2022, format=ReportFormat.V2021, body=body
        ).sections()
    ]
    assert ids[-4:] == ["s5.s1", "s5.s2", "s5.b1", "s6"]


def test_content_of_the_wrong_type_is_refused() -> None:
    with pytest.raises(TypeError, match="六、其他需要报告的事项: expected paragraphs"):
        statutory_body(other=[1])  # type: ignore[list-item]


def test_a_statutory_report_round_trips() -> None:
    report = DisclosureReport(
        title="清溪县自然资源局2022年政府信息公开工作年度报告",
        year=2022,
        format=ReportFormat.V2021,
        body=statutory_body(overview="导语。", proactive="主动公开。", other="无。"),
        tables=StatutoryTablesV2021(),
    )
    assert loads(dumps(report)) == report
