"""The worked example examples/statutory_2021: complete, consistent, and its faulty copy breaks what it says."""

from __future__ import annotations

import json
import re
import runpy
from typing import Any

import jsonschema
import pytest

from govdisclosure import (
    STATUTORY_SECTIONS,
    DisclosureReport,
    ReportFormat,
    StatutoryTablesV2021,
    dumps,
    json_schema,
    load,
)
from tests.conftest import ROOT
from tests.strategies_tables import count_cells, get_cell
from tests.tables.identities import broken, checkable

EXAMPLE = ROOT / "examples" / "statutory_2021"


@pytest.fixture(scope="module")
def report() -> DisclosureReport:
    built: DisclosureReport = runpy.run_path(str(EXAMPLE / "build.py"))["build"]()
    return built


@pytest.fixture(scope="module")
def faulty() -> dict[str, Any]:
    return runpy.run_path(str(EXAMPLE / "build_errors.py"))


def _tables(report: DisclosureReport) -> StatutoryTablesV2021:
    assert isinstance(report.tables, StatutoryTablesV2021)
    return report.tables


def test_report_json_is_what_build_dumps(report: DisclosureReport) -> None:
    assert (EXAMPLE / "report.json").read_text(encoding="utf-8") == dumps(report, indent=2)
    assert load(EXAMPLE / "report.json") == report
    jsonschema.validate(json.loads(dumps(report)), json_schema())


def test_it_is_a_complete_2021_report(report: DisclosureReport) -> None:
    assert report.format is ReportFormat.V2021
    assert [(s.label, s.heading, s.role) for s in report.body] == [
        (h.label, h.heading, h.role) for h in STATUTORY_SECTIONS
    ]
    assert len(report.body[0].children) == 5
    assert all(s.paragraphs or s.children for i, s in enumerate(report.body) if i not in (1, 2, 3))
    tables = _tables(report)
    assert all(get_cell(tables, cell) is not None for cell in count_cells(tables))
    assert None not in [v for r in tables.t2.row_specs() for v in tables.t2[r.key].values()]


def test_its_tables_satisfy_every_identity(report: DisclosureReport) -> None:
    tables = _tables(report)
    assert broken(tables) == set()
    assert checkable(tables) == 7 + 7 + 25 + 3


def test_figures_in_the_text_are_the_tables_figures(report: DisclosureReport) -> None:
    tables = _tables(report)
    rows = tables.t3.rows
    on_request = report.section("s1.s2").paragraphs[0]
    stated = {
        "新收政府信息公开申请": rows.received.total,
        "上年结转": rows.brought_forward.total,
        "办结": rows.total_handled.total,
        "予以公开": rows.disclosed.total,
        "部分公开": rows.partly_disclosed.total,
        "结转下年度继续办理": rows.carried_forward.total,
    }
    for words, figure in stated.items():
        match = re.search(words + r"(\d+)件", on_request)
        assert match is not None, words
        assert int(match.group(1)) == figure, words
    proactive = "".join(report.section("s1.s1").paragraphs)
    t2 = tables.t2.rows
    assert f"制发行政规范性文件{t2.normative_documents.issued}件" in proactive
    assert f"废止行政规范性文件{t2.normative_documents.repealed}件" in proactive
    assert f"现行有效行政规范性文件{t2.normative_documents.in_force}件" in proactive
    assert f"行政许可决定{t2.licensing.decisions}件" in proactive


def test_each_deliberate_error_breaks_what_its_comment_says(
    report: DisclosureReport, faulty: dict[str, Any]
) -> None:
    errors = faulty["ERRORS"]
    assert sorted(e.aimed_at for e in errors) == ["T3-1", "T3-2", "T3-3", "T4-1"]
    tables = _tables(report)
    for error in errors:
        assert get_cell(tables, error.cell) == error.correct
        assert error.aimed_at in {rule for rule, _ in error.breaks}
    wrong = faulty["build_with_errors"]()
    wrong_tables = _tables(wrong)
    changed = [c for c in count_cells(tables) if get_cell(tables, c) != get_cell(wrong_tables, c)]
    assert sorted(changed) == sorted(e.cell for e in errors)
    assert broken(wrong_tables) == set().union(*(e.breaks for e in errors))
    assert {rule for rule, _ in broken(wrong_tables)} == {"T3-1", "T3-2", "T3-3", "T4-1"}
    assert wrong.body == report.body
    assert errors[0].path == "$.tables.t3.rows.carried_forward.natural_person"
