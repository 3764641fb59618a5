"""重复率: a report built from 70 % of its predecessor is found at 0.65–0.75; reports drawn
independently from one shared pool of sentences stay under 0.3 once boilerplate is left out."""

from __future__ import annotations

import random

import attrs

import govdisclosure as gd
from govdisclosure.corpus import Boilerplate, repetition
from govdisclosure.corpus._repetition import sentences
from govdisclosure.model import DisclosureReport, statutory_body
from tests.corpus.helpers import STATUTORY_JSON

_BASE = gd.load(STATUTORY_JSON)
_POOL = [
    "严格执行依申请公开登记、审核、答复等制度，规范答复文书格式。",
    "对申请内容不明确的，及时一次性告知申请人补正，减少重复往返。",
    "建立依申请公开办理台账，实行办理情况全程留痕。",
    "动态更新政府信息公开指南和目录，做到应更尽更。",
    "落实公开前保密审查制度，未发生泄密事件。",
    "以门户网站为第一平台，同步运用政务新媒体发布信息。",
    "在办事大厅设置政府信息查阅点，方便群众就近查阅。",
    "将政务公开工作纳入年度绩效考核，明确分管领导和专职人员。",
    "主动接受社会评议和群众监督，及时整改发现的问题。",
    "规范性文件制发、废止情况均在门户网站集中公开，便于群众查询。",
    "以图解、问答等方式解读重要政策，提高政策知晓度。",
    "优化网站栏目设置，提升检索和浏览体验。",
]


def _own(rng: random.Random, n: int) -> list[str]:
    """``n`` sentences no other report has: 18 characters drawn from 3,000."""
    return ["".join(chr(0x4E00 + rng.randrange(3000)) for _ in range(18)) + "。" for _ in range(n)]


def _report(name: str, year: int, text: list[str]) -> DisclosureReport:
    header = attrs.evolve(_BASE.header, publisher=name)
    half = len(text) // 2
    body = statutory_body(overview="".join(text[:half]), proactive="".join(text[half:]))
    return attrs.evolve(_BASE, header=header, year=year, body=body, signature=None)


def _corpus(seed: int) -> tuple[list[DisclosureReport], DisclosureReport, DisclosureReport]:
    """20 bureaus × 2 years, each report 6 pool sentences and 10 of its own, drawn independently;
    and one more bureau whose second report keeps 7 of the 10 own sentences of its first (70 %)."""
    rng = random.Random(seed)
    reports = []
    for b in range(20):
        for year in (2021, 2022):
            text = rng.sample(_POOL, 6) + _own(rng, 10)
            rng.shuffle(text)
            reports.append(_report(f"清溪县第{b}局", year, text))
    first_own = _own(rng, 10)
    first = _report("云岭县档案局", 2021, rng.sample(_POOL, 6) + first_own)
    second = _report("云岭县档案局", 2022, rng.sample(_POOL, 6) + first_own[:7] + _own(rng, 3))
    return [*reports, first, second], first, second


def _boilerplate(reports: list[DisclosureReport]) -> Boilerplate:
    found = Boilerplate()
    for r in reports:
        found.add(r.header.publisher, sentences(r, r.header.publisher))
    return found


def test_the_planted_70_percent_repeat_is_found_and_independent_reports_stay_under_0_3() -> None:
    for seed in range(3):
        reports, first, second = _corpus(seed)
        common = _boilerplate(reports)
        planted = repetition(
            second, first, name="云岭县档案局", previous_name="云岭县档案局", boilerplate=common
        )
        assert planted.rate is not None
        assert 0.65 <= planted.rate <= 0.75, (seed, planted)
        for i in range(0, 40, 2):
            a, b = reports[i], reports[i + 1]
            name = a.header.publisher
            found = repetition(b, a, name=name, previous_name=name, boilerplate=common)
            assert found.rate is not None
            assert found.rate < 0.3, (seed, name, found)
            # without the boilerplate left out, the shared pool makes them look repeated
            assert (repetition(b, a, name=name, previous_name=name).rate or 0) > found.rate


def test_no_own_text_gives_no_rate_and_the_own_name_is_masked() -> None:
    a = _report("甲局", 2021, ["甲局全年公开信息。", "甲局落实保密审查。"])
    b = _report("乙局", 2022, ["乙局全年公开信息。", "乙局落实保密审查。"])
    # each report's own name is masked: after a rename the same sentences are the same text
    assert repetition(b, a, name="乙局", previous_name="甲局").rate == 1
    assert repetition(b, a).rate is not None
    assert repetition(b, a).rate < 1
    every = Boilerplate(minimum=1)  # everything anyone says is boilerplate
    every.add("甲局", sentences(a, "甲局"))
    every.add("乙局", sentences(b, "乙局"))
    found = repetition(b, a, name="乙局", previous_name="甲局", boilerplate=every)
    assert (found.shingles, found.rate) == (0, None)
