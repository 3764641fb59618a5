"""Top-level headings the body builder finds where a page misprints them (run in, list-numbered)."""

from __future__ import annotations

from govdisclosure.parse import parse_text


def _headings(text: str) -> list[str]:
    return [s.heading for s in parse_text(text).report.body if s.heading]


def test_the_first_heading_run_in_after_the_announcement_of_the_report() -> None:
    # lintao-shangying-xiang-2020: the whole report on one line, cut inside section 一
    text = (
        "根据条例要求，我乡推进公开工作，现将2020年政府信息公开工作报告如下: "
        "一、2020年政务公开工作完成情况及成效 (一)机构建设方面。建立了工作机制。"
    )
    assert _headings(text) == ["2020年政务公开工作完成情况及成效"]


def test_a_run_in_label_without_the_announcement_or_its_first_part_is_text() -> None:
    text = "我乡推进公开工作，主要做法有 一、2020年政务公开工作完成情况及成效 (一)机构建设方面。"
    assert _headings(text) == []
    text = "现将2020年政府信息公开工作报告如下: 一、全年公开信息 共260条。"
    assert _headings(text) == []


def test_heading_one_printed_as_a_list_number_before_heading_two() -> None:
    # zhenning-2019:   1. 总体情况 … 二、主动公开情况
    text = (
        "2019年政府信息公开工作年度报告\n\n  1. 总体情况\n\n2019年，本县全面推进政务公开。\n\n"
        "二、主动公开情况\n\n全年主动公开信息100条。\n"
    )
    assert _headings(text) == ["总体情况", "主动公开情况"]  # both top-level


def test_a_list_numbered_overview_under_a_heading_stays_below_it() -> None:
    text = (
        "2019年政府信息公开工作年度报告\n\n一、工作情况\n\n  1. 总体情况\n\n本县全面推进政务公开。\n\n"
        "二、主动公开情况\n\n全年主动公开信息100条。\n"
    )
    assert _headings(text) == ["工作情况", "主动公开情况"]
