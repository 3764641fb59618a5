"""Every rule over the real corpus (tests/fixtures/real/): what fires is what was reviewed, each new rule
fires on the real page that shows its fault and stays silent on the pages whose truth shows none.

The reviewed list is ``tests/validate/real_corpus_findings.json``; after a change to the rules or the
parser, regenerate it with ``python tests/validate/regen_real_corpus.py`` and review the difference
against the pages and their truth (``tests/fixtures/real/truth.json``, read by hand).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from functools import cache
from typing import Any

import attrs
import pytest

from govdisclosure import (
    Diagnostic,
    DisclosureReport,
    Quantity,
    ReportFormat,
    Section,
    StatutoryTablesV2019,
    StatutoryTablesV2021,
    parse_text,
    validate,
)
from govdisclosure.model import blank_tables
from tests.validate.regen_real_corpus import CORPUS, FINDINGS, all_findings, pages

TRUTH = CORPUS / "truth.json"


@cache
def _truth() -> dict[str, dict[str, Any]]:
    data = json.loads(TRUTH.read_text(encoding="utf-8"))
    return {page["file"]: page for page in data["pages"]}


@cache
def _findings() -> dict[str, dict[str, int]]:
    return all_findings()


def test_the_findings_on_the_real_corpus_are_the_reviewed_ones() -> None:
    reviewed = json.loads(FINDINGS.read_text(encoding="utf-8"))
    found = _findings()
    changed = {
        page: {"reviewed": reviewed.get(page), "found": found.get(page)}
        for page in sorted(set(reviewed) | set(found))
        if reviewed.get(page) != found.get(page)
    }
    assert not changed, (
        "the rules find something else on the real pages than was reviewed; check each change against "
        "the page and regenerate with python tests/validate/regen_real_corpus.py: "
        + json.dumps(changed, ensure_ascii=False)
    )


def test_the_corpus_is_there() -> None:
    assert len(pages()) >= 40
    assert {page.name for page in pages()} == set(_truth())


# --- each new rule on the page that shows its fault -------------------------------------------------

# code -> the real pages it fires on, each with the fault its truth lists
FIRES_ON = {
    "GD311": ["shanyang-2020.txt"],  # 涵盖2020年1月1日至12月21日
    "GD312": [
        "suqian-2017.txt",  # 统计期限为201711日至20171231日
        "mashuizhen-2019.txt",  # 自201911日起至20191231日止
        "xingguozhen-2025.txt",  # 统计期限为2025111231日
        "longtan-2017.txt",  # a date line lost 年/月: 2017210日
        "jingxian-2012.txt",  # 统计期限从201211日到1231日止
    ],
    "GD611": [
        "changchun-tyjrswj-2023.txt",  # cut inside table 三 (the parser's GP504)
        "fengxian-2020.txt",  # cut inside table 二 (GP504)
        "chengkou-xzfjg-2020.txt",  # cut before the tables (the parser restored the full stop, GP202)
        "shanghai-2022.txt",  # cut before the tables: 全力做好浦东
        "moe-2024.txt",  # cut in an item's opening sentence: …一体化平台建设,优化
    ],
}


@pytest.mark.parametrize(
    ("code", "page"), [(code, page) for code, names in FIRES_ON.items() for page in names]
)
def test_the_rule_fires_on_the_real_page_with_its_fault(code: str, page: str) -> None:
    assert code in _findings()[page]


def _faults(page: str) -> str:
    return " / ".join(_truth()[page].get("faults", []))


# code -> what a page's truth says where the rule may fire
TRUTH_SAYS: dict[str, Callable[[dict[str, Any]], bool]] = {
    "GD311": lambda t: "statistical period" in " ".join(t.get("faults", [])),
    "GD312": lambda t: (
        re.search(
            r"lost 年|年/月/日 lost|garbled|digits (and \S+ )?lost|lost digits|year doubled",
            " ".join(t.get("faults", [])),
        )
        is not None
    ),
    "GD313": lambda t: "statistical period" in " ".join(t.get("faults", [])),
    "GD314": lambda t: "carried over" in " ".join(t.get("faults", [])),
    "GD315": lambda t: "carried over" in " ".join(t.get("faults", [])),
    "GD411": lambda t: "index number" in " ".join(t.get("faults", [])),
    "GD412": lambda t: re.search("文号|发文字号", " ".join(t.get("faults", []))) is not None,
    "GD413": lambda t: "re-posted" in " ".join(t.get("faults", [])),
    "GD611": lambda t: bool(t["source"].get("cut")),
    "GD711": lambda t: "规章" in " ".join(t.get("faults", [])),
}


@pytest.mark.parametrize("code", sorted(TRUTH_SAYS))
def test_the_rule_is_silent_where_the_truth_shows_no_such_fault(code: str) -> None:
    wrong = [
        page
        for page, codes in _findings().items()
        if code in codes and not TRUTH_SAYS[code](_truth()[page])
    ]
    assert wrong == [], f"{code} fires on pages whose truth shows no such fault: {wrong}"


# --- rules the parser cannot feed yet, on the page as its truth reads it -------------------------------


def _as_read(page: str) -> tuple[DisclosureReport, tuple[Diagnostic, ...]]:
    """The page parsed, with the year and the tables as the truth reads them where the parser read none
    (the parser's own tests track those gaps)."""
    result = parse_text((CORPUS / page).read_text(encoding="utf-8"))
    truth = _truth()[page]
    report = result.report
    if report.year is None:
        report = attrs.evolve(report, year=truth["year"])
    version = ReportFormat(truth["era"])
    if truth.get("cells") and (report.tables is None or report.format is not version):
        rows: dict[str, dict[str, dict[str, Any]]] = {}
        for table, row, column, _, value in truth["cells"]:
            rows.setdefault(table, {}).setdefault(row, {})[column] = value
        blank = blank_tables(version)
        kind = StatutoryTablesV2021 if version is ReportFormat.V2021 else StatutoryTablesV2019
        report = attrs.evolve(
            report,
            format=version,
            tables=kind(
                t2=type(blank.t2).from_rows(rows.get("t2", {})),
                t3=type(blank.t3).from_rows(rows.get("t3", {})),
                t4=type(blank.t4).from_groups(rows.get("t4", {})),
            ),
        )
    return report, result.diagnostics


def test_gd315_a_report_on_2020_citing_the_work_points_of_2019() -> None:
    # guangdong-xfj-2020: 对照国务院办公厅《2019年政务公开工作要点》要求 in the report on 2020
    report, parsed = _as_read("guangdong-xfj-2020.txt")
    [d] = validate(report, select="GD315", parse_diagnostics=parsed)
    assert (d.expected, d.found) == ("2020年", "2019年")


def test_gd711_a_township_with_six_regulations_in_force() -> None:
    # nileke-zhen-2023: 规章 现行有效件数 6 in a township's report that names itself only 我镇
    report, parsed = _as_read("nileke-zhen-2023.txt")
    [d] = validate(report, select="GD711", parse_diagnostics=parsed)
    assert d.found == "现行有效件数6"
    assert "正文自称“我镇”" in d.message


def test_gd710_the_narrative_against_table_three() -> None:
    # changchun-tyjrswj-2023: 共受理政府信息公开申请2件, while table 三 counts 3 new requests
    report, _ = _as_read("changchun-tyjrswj-2023.txt")
    sentence = "本年度,共受理政府信息公开申请2件,都在法定期限内予以答复。"
    assert sentence in (CORPUS / "changchun-tyjrswj-2023.txt").read_text(encoding="utf-8")
    stated = Section(paragraphs=[sentence], quantities=[Quantity(2, "件", "受理政府信息公开申请")])
    report = attrs.evolve(report, body=[*report.body, stated])
    [d] = validate(report, select="GD710")
    assert (d.expected, d.found) == ("3", "2")
