"""Acceptance: the founding document parses to the worked example, with its repairs reported and traced."""

from __future__ import annotations

import json
import runpy
from pathlib import Path

import pytest

from govdisclosure import DisclosureReport, Severity, load
from govdisclosure.cli import main
from govdisclosure.parse import ParseResult, parse_text
from tests.conftest import EXAMPLE_DIR, SEED
from tests.parse.helpers import check_provenance, fact_paths, resolve

# Fields of the worked example that the parse of the seed does not give, with the reason: none.
# (The test below compares whole reports, so adding an entry here means changing that test too.)
DIFFERENCES: dict[str, str] = {}

# What the parse of the seed must say, in source order: (code, severity, path, found, expected).
SEED_DIAGNOSTICS = [
    ("GP102", Severity.INFO, "$.title", None, None),
    (
        "GP301",
        Severity.WARNING,
        "$.body[0].citations[0].number",
        "闽政办函〔2014130号",
        "闽政办函〔2014〕130号",
    ),
    (
        "GP301",
        Severity.WARNING,
        "$.body[0].citations[1].number",
        "泉政办〔2014102号",
        "泉政办〔2014〕102号",
    ),
    ("GP201", Severity.WARNING, "$.body[1].children[0]", None, None),
    ("GP201", Severity.WARNING, "$.body[1].children[2]", None, None),
    ("GP202", Severity.WARNING, "$.body[1].children[3]", None, None),
    ("GP401", Severity.WARNING, "$.signature.date", "2014 124", "2014年12月4日"),
    ("GP010", Severity.INFO, "$", None, None),
]


@pytest.fixture(scope="module")
def result() -> ParseResult:
    return parse_text(SEED.read_text(encoding="utf-8"))


def test_the_seed_parses_to_the_worked_example(result: ParseResult) -> None:
    assert not DIFFERENCES
    assert result.report == load(EXAMPLE_DIR / "report.json")


def test_the_worked_example_file_is_what_build_py_builds(example_report: DisclosureReport) -> None:
    # The parser is compared with report.json; build.py (the documented repairs) must agree with it.
    assert example_report == load(EXAMPLE_DIR / "report.json")
    assert runpy.run_path(str(EXAMPLE_DIR / "build.py"))["build"]() == example_report


def test_the_repairs_are_reported(result: ParseResult) -> None:
    found = [(d.code, d.severity, d.path, d.found, d.expected) for d in result.diagnostics]
    assert found == SEED_DIAGNOSTICS
    assert all(d.message and d.message_en for d in result.diagnostics)


def test_diagnostic_spans_point_at_the_damage(result: ParseResult) -> None:
    text = result.text
    spans = {(d.code, d.path): d.span for d in result.diagnostics}
    for (code, path), span in spans.items():
        assert span is not None, (code, path)
    number = spans[("GP301", "$.body[0].citations[0].number")]
    assert text[number.start : number.end] == "闽政办函〔2014130号"
    date = spans[("GP401", "$.signature.date")]
    assert text[date.start : date.end] == "2014 124"
    lost = spans[("GP201", "$.body[1].children[0]")]
    assert text[lost.start - 4 : lost.start] == "工作机制"
    assert text[lost.start : lost.start + 2] == "二是"
    end = spans[("GP202", "$.body[1].children[3]")]
    assert text[end.start - 6 : end.start] == "“阳光科技”"
    chrome = spans[("GP010", "$")]
    assert text[chrome.start :].startswith("附件下载")
    assert text[: chrome.end].endswith("媒体报道")
    title = spans[("GP102", "$.title")]
    assert text[title.start : title.end] == result.report.title
    assert spans[("GP102", "$.title")].line_column(text) == (9, 5)


def test_provenance_spans_hold_what_they_claim(result: ParseResult) -> None:
    assert result.source_of("$.body[1].children[2].power.matters") == "行政权利事项51项"
    assert result.source_of("$.body[1].children[2].power.categories[2]") == "内部管理权35项"
    assert result.source_of("$.body[1].children[2].risks.high") == "高级8个"
    assert result.source_of("$.body[1].children[3].disclosure.as_of") == "截至11月"
    assert result.source_of("$.body[1].children[3].disclosure.funding") == "1289.4万元"
    assert result.source_of("$.body[1].children[1].channels.auxiliary[3]") == "短信平台"
    assert result.source_of("$.body[2].children[1].plan.target_year") == "2015"
    assert result.source_of("$.body[2].children[1].plan.principles[0]") == "依法公开"
    assert result.source_of("$.header.published_at") == "2014-12-04 15:51"
    assert result.source_of("$.signature.date") == "2014 124"
    assert result.source_of("$.signature.authority") == "德化县科学技术局"
    assert result.source_of("$.body[1].heading") == "主要作法及成效"
    assert result.source_of("$.body[1].children[0].heading") == "提高思想认识"
    assert result.source_of("$.year") == "2014"
    assert check_provenance(result, repairs=2) > 60


def test_every_fact_has_its_source(result: ParseResult) -> None:
    missing = [p for p in fact_paths(result.report) if p not in result.provenance]
    assert not missing
    for path in result.provenance:
        resolve(result.report, path)  # every recorded path exists in the report


def test_the_command_line_reads_the_seed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "dehua.json"
    assert main(["parse", str(SEED), "-o", str(out)]) == 0
    assert load(out) == load(EXAMPLE_DIR / "report.json")
    err = capsys.readouterr().err.splitlines()
    assert err[0] == f"{SEED}:9:5: GP102 info: 标题重复出现，已删除"
    assert err[1].startswith(f"{SEED}:13:77: GP301 warning: 发文字号“闽政办函〔2014130号”")
    assert err[-1] == "0 error, 6 warning, 2 info"
    assert len(err) == len(SEED_DIAGNOSTICS) + 1


def test_the_command_line_writes_json_to_standard_output(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["parse", str(SEED)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["body"][1]["children"][2]["power"]["matters"] == {
        "value": 51,
        "unit": "项",
        "subject": "行政权利事项",
    }
