"""The worked example (examples/dehua_2014) holds every fact of the founding document."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from decimal import Decimal
from importlib import resources
from typing import Any

import pytest

from govdisclosure import DisclosureReport, MoneyUnit, Role, YearMonth, dumps, load, loads
from tests.conftest import EXAMPLE_DIR, SEED, SHARED


def test_report_json_is_what_build_dumps(example_report: DisclosureReport) -> None:
    assert (EXAMPLE_DIR / "report.json").read_text(encoding="utf-8") == dumps(
        example_report, indent=2
    )
    assert load(EXAMPLE_DIR / "report.json") == example_report


def test_the_package_ships_the_example(example_report: DisclosureReport) -> None:
    data = resources.files("govdisclosure").joinpath("data", "dehua_2014.json").read_bytes()
    assert loads(data) == example_report


def test_page_is_the_shared_seed() -> None:
    shared = SHARED / "seed" / "000_0b1e41db05acd630.txt"
    if not shared.exists():
        pytest.skip("no shared/ folder beside this checkout")
    assert SEED.read_bytes() == shared.read_bytes()


def _power(r: DisclosureReport) -> Any:
    return r.section("s1.i3").power


def _risks(r: DisclosureReport) -> Any:
    return r.section("s1.i3").risks


def _disclosure(r: DisclosureReport) -> Any:
    return r.section("s1.i4").disclosure


# Every fact of the seed page, read off the page by hand (not from the model), and where the model keeps it.
SEED_FACTS: list[tuple[str, Callable[[DisclosureReport], object], object]] = [
    ("索引号", lambda r: r.header.index_number.raw, "qz11402-1000-2014-00002"),
    ("索引号 year", lambda r: r.header.index_number.parts.year, 2014),
    ("索引号 serial", lambda r: r.header.index_number.parts.serial, "00002"),
    ("发布机构", lambda r: r.header.publisher, "德化县科学技术局"),
    ("公文生成日期", lambda r: r.header.document_date, dt.date(2014, 12, 4)),
    ("来源", lambda r: r.header.source, "德化县科学技术局"),
    ("时间", lambda r: r.header.published_at, dt.datetime(2014, 12, 4, 15, 51)),
    ("title", lambda r: r.title, "2014年政府信息公开工作进展情况“成绩单”"),
    ("年度", lambda r: r.year, 2014),
    (
        "闽政办函〔2014〕130号",
        lambda r: str(r.body[0].citations[0].number),
        "闽政办函〔2014〕130号",
    ),
    ("泉政办〔2014〕102号", lambda r: str(r.body[0].citations[1].number), "泉政办〔2014〕102号"),
    ("section 一", lambda r: r.section("s1").heading, "主要作法及成效"),
    ("section 二", lambda r: r.section("s2").heading, "存在的主要问题及2015年工作计划"),
    (
        "item headings",
        lambda r: [c.heading for c in r.section("s1").children],
        ["提高思想认识", "拓展公开渠道", "推进权力公开", "突出公开重点"],
    ),
    ("主渠道", lambda r: r.section("s1.i2").channels.primary, ("德化县政府信息公开网",)),
    (
        "辅助渠道",
        lambda r: r.section("s1.i2").channels.auxiliary,
        ("德化县委权力公开透明运行网", "德化县政府权力公开透明运行网", "瓷都科技在线", "短信平台"),
    ),
    ("规章制度20部(份)", lambda r: _power(r).rules.value, 20),
    ("部(份)", lambda r: _power(r).rules.unit, "部(份)"),
    ("行政权利事项51项", lambda r: _power(r).matters.value, 51),
    (
        "其中",
        lambda r: [(q.subject, q.value, q.unit) for q in _power(r).categories],
        [("行政执法权", 2, "项"), ("重大事项决策权", 4, "项"), ("内部管理权", 35, "项")],
    ),
    ("流程图14幅", lambda r: (_power(r).flowcharts.value, _power(r).flowcharts.unit), (14, "幅")),
    ("制度文件1份", lambda r: (_power(r).documents.value, _power(r).documents.unit), (1, "份")),
    ("发布平台", lambda r: _power(r).published_on, "德化县政府权力公开透明运行网"),
    ("廉政风险点47个", lambda r: _risks(r).points.value, 47),
    ("高级8个", lambda r: (_risks(r).high.value, _risks(r).high.subject), (8, "高级")),
    ("中级9个", lambda r: (_risks(r).medium.value, _risks(r).medium.subject), (9, "中级")),
    ("no low grade stated", lambda r: _risks(r).low, None),
    ("防控措施42个", lambda r: _risks(r).measures.value, 42),
    ("截至11月", lambda r: _disclosure(r).as_of, YearMonth(2014, 11)),
    ("政府信息30条", lambda r: (_disclosure(r).items.value, _disclosure(r).items.unit), (30, "条")),
    ("历年累计发布163条", lambda r: _disclosure(r).cumulative.value, 163),
    (
        "公开重点",
        lambda r: _disclosure(r).focus_areas,
        ("党风廉政", "民主评议", "科技进企", "科技优惠政策", "知识产权保护", "本级科技项目下达"),
    ),
    (
        "科技管理和项目经费信息9条",
        lambda r: [(q.subject, q.value) for q in _disclosure(r).by_topic],
        [("科技管理和项目经费信息", 9)],
    ),
    ("项目62个", lambda r: _disclosure(r).projects.value, 62),
    ("金额1289.4万元", lambda r: _disclosure(r).funding.yuan, Decimal("12894000")),
    ("万元", lambda r: _disclosure(r).funding.unit, MoneyUnit.WAN_YUAN),
    (
        "cited without number",
        lambda r: [c.title for c in r.section("s1.i4").citations],
        [
            "2014年德化县政府信息公开工作要点任务分解表",
            "德化县科学技术局关于发布2014-2015年德化县科技项目申报指南的通知",
        ],
    ),
    ("problems", lambda r: r.section("s2.b1").role, Role.PROBLEMS),
    ("two problems", lambda r: len(r.section("s2.b1").children), 2),
    ("plan", lambda r: r.section("s2.b2").plan.target_year, 2015),
    (
        "原则",
        lambda r: r.section("s2.b2").plan.principles,
        ("依法公开", "真实公正", "注重实效", "有效监督"),
    ),
    (
        "three plan items",
        lambda r: [c.label for c in r.section("s2.b2").children],
        ["一是", "二是", "三是"],
    ),
    ("落款", lambda r: r.signature.authority, "德化县科学技术局"),
    ("2014 124", lambda r: r.signature.date, dt.date(2014, 12, 4)),
]


@pytest.mark.parametrize(("fact", "get", "expected"), SEED_FACTS, ids=[f[0] for f in SEED_FACTS])
def test_seed_fact_is_in_the_model(
    example_report: DisclosureReport,
    fact: str,
    get: Callable[[DisclosureReport], object],
    expected: object,
) -> None:
    assert get(example_report) == expected


def _unrepair(text: str) -> str:
    """Undo the example's repairs (restored 〕 and full stops), to compare with the damaged page."""
    return text.replace("〕", "").replace("。", "")


def test_every_paragraph_is_the_page_text(example_report: DisclosureReport, seed_text: str) -> None:
    page = _unrepair(seed_text)
    for ref in example_report.sections():
        for paragraph in ref.node.paragraphs:
            assert _unrepair(paragraph) in page, ref.id


# Figures the scrape damaged, and the repaired form the report holds instead.
DAMAGED = {"2014130": "2014〕130", "2014102": "2014〕102", "124": '"date": "2014-12-04"'}


def test_every_number_of_the_page_is_in_the_report(
    example_report: DisclosureReport, seed_text: str
) -> None:
    """Each figure printed on the page occurs in the model's JSON (as a value, or inside its text)."""
    text = dumps(example_report, indent=2)
    numbers = set(re.findall(r"\d+(?:\.\d+)?", seed_text))
    assert set(DAMAGED) <= numbers
    for number in numbers:
        assert DAMAGED.get(number, number) in text, number
