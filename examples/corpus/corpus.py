"""A worked example of the corpus tools: 36 generated reports, three years, two kinds of agency.

Six made-up counties each have a 自然资源局 and a 交通运输局; each bureau publishes a 2021-format report
on 2021, 2022 and 2023 (published early the next year). The text is drawn from pools of sentences by a
seeded random generator, the tables are filled with figures that keep every identity of the format, each
year's 上年结转 is last year's 结转下年度, and each report's overview follows up last year's plan (改进情况).
Two faults are planted, as an auditor would find them in a real corpus:

- 清溪县自然资源局's report on 2023 is its report on 2022 again, with the year typed over and one
  paragraph rewritten (copied; and so last year's plan is not followed up: GD801);
- 白沙县交通运输局's report on 2023 brings forward 2 requests more than its 2022 report carried over
  (a broken carry-over: 上年结转 ≠ last year's 结转下年度).

Each report is written as a text page (``pages/``, what a portal shows, rendered with
``govdisclosure.render``) and as report JSON (``json/``). The batch reads the pages when the parser
reads their tables, else the JSON (the parser's tables are new; the example works either way).

    python examples/corpus/corpus.py [DIR]      # generate into DIR (default: a temporary one), analyse

prints what the tools find; ``tests/corpus/test_example.py`` runs it and checks the two faults are found.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

import attrs

from govdisclosure import (
    DisclosureReport,
    Header,
    ReportFormat,
    Role,
    Section,
    Signature,
    StatutoryTablesV2021,
    Table2V2021,
    Table3Row,
    Table3V2021,
    Table4,
    dumps,
    render,
    statutory_body,
)
from govdisclosure.corpus import Collector, Measures, load_aliases, load_manifest, run
from govdisclosure.parse import parse_text

COUNTIES = ("清溪县", "白沙县", "云岭县", "石门县", "青山县", "兰江县")
KINDS = ("自然资源局", "交通运输局")
YEARS = (2021, 2022, 2023)
COPIED = ("清溪县自然资源局", 2023)
"""The report that is last year's again."""
BROKEN = ("白沙县交通运输局", 2023)
"""The report whose 上年结转 is not last year's 结转下年度."""
RENAMED = ("兰江县交通运输局", 2023, "兰江县交通局")
"""The bureau that publishes its report on 2023 under a shorter name."""
REPEATED = ("石门县自然资源局", 2022)
"""The report written anew but for its own text (工作纪实), of which it keeps 15 of last year's 20
sentences: about 70 % of its text that is not boilerplate is last year's."""
KEPT = 15
"""Of the 20 sentences of its own (工作纪实) last year's report has, how many the repeated report keeps."""

# Each report's own text (工作纪实): what was made public where, one sentence a village: a county's 12
# towns and 30 villages (its own place names), a bureau's matters and actions (the same in every
# county, so their words are boilerplate). A bureau's reports rarely share a sentence.
_TOWNS = [
    a + b + ("镇" if i % 2 else "乡")
    for i, (a, b) in enumerate((a, b) for a in "东西南北上下前后中" for b in "坪岭溪塘源湾沙潭")
]
_VILLAGES = [
    a + b + "村" for a in "桃柳梅竹松枫杨槐桑榕茶杏" for b in "山田坑湖岗林塘垄园坝冲桥湾庄坡"
]
_MATTERS = {
    "自然资源局": (
        "宅基地审批",
        "地质灾害隐患点",
        "林地占用",
        "土地整治项目",
        "矿山复绿",
        "基本农田界桩",
        "不动产首次登记",
        "征地补偿标准",
        "测绘成果",
        "规划条件",
    ),
    "交通运输局": (
        "危桥改造",
        "客运班线调整",
        "公路养护计划",
        "超限检测站",
        "农村客运站点",
        "路域环境整治",
        "招呼站建设",
        "货运车辆年审",
        "水毁公路修复",
        "公交线路延伸",
    ),
}
_ACTIONS = (
    "的结果已在专栏逐户公开",
    "的批前公示张贴到村务公开栏",
    "的办理进度每月更新",
    "的资金使用情况按季公开",
    "的听证意见逐条公开答复",
    "的现场公告拍照留档备查",
    "的政策问答印发到户",
    "的投诉处理结果及时反馈",
    "的验收结论在门户网站公示",
    "的补偿清单在村部张榜",
)

_WORK = {
    "自然资源局": ("国土空间规划", "土地征收", "不动产登记", "矿产资源管理", "耕地保护"),
    "交通运输局": ("公路建设", "道路运输", "农村公路养护", "交通执法", "公交服务"),
}
# Sentence pools: {w} is a field of work, {a} the agency, {n} a figure. Reports draw different sentences.
_OVERVIEW = (
    "{y}年，{a}深入贯彻《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外。",
    "{a}把政务公开作为转变政府职能的重要抓手，围绕{w}等中心工作推进决策、执行、管理、服务、结果公开。",
    "本年度，{a}主要负责同志专题研究政务公开工作{n}次，将公开要求嵌入业务流程。",
    "我局以提升群众获得感为导向，聚焦{w}领域群众关切，推动公开内容更加全面、及时、准确。",
    "按照县委县政府统一部署，{a}健全政务公开工作机制，压实股室责任，公开质效稳步提升。",
    "全年围绕{w}重点任务，持续深化基层政务公开标准化规范化建设。",
)
_PROACTIVE = (
    "全年通过县政府门户网站本局专栏主动公开政府信息{n}条，其中{w}领域信息占比较高。",
    "及时发布{w}相关政策文件和办事指南，做到应公开尽公开。",
    "对涉及群众切身利益的{w}事项，在作出决定后及时公开结果并接受社会监督。",
    "规范性文件制发、废止情况均在门户网站集中公开，便于群众查询。",
    "主动公开财政预决算、重大项目建设和{w}等重点领域信息，全年更新专栏{n}次。",
    "以图解、问答等方式解读重要政策{n}件，提高政策知晓度。",
)
_REQUESTS = (
    "严格执行依申请公开登记、审核、答复等制度，规范答复文书格式。",
    "申请内容主要涉及{w}等事项，均在法定期限内答复。",
    "对申请内容不明确的，及时一次性告知申请人补正，减少重复往返。",
    "建立依申请公开办理台账，实行办理情况全程留痕。",
    "对疑难复杂申请实行法律顾问审核把关，答复依据更加充分。",
)
_MANAGEMENT = (
    "落实公开前保密审查制度，全年审查拟公开信息{n}条，未发生泄密事件。",
    "动态更新政府信息公开指南和目录，做到应更尽更。",
    "对现行有效的规范性文件进行全面清理，清理结果向社会公布。",
    "健全信息发布协调机制，确保发布口径统一、内容准确。",
)
_PLATFORMS = (
    "以县政府门户网站为第一平台，同步运用政务新媒体发布信息{n}条。",
    "在办事大厅设置政府信息查阅点，方便群众就近查阅。",
    "优化网站栏目设置，提升检索和浏览体验。",
    "利用微信公众号推送{w}政策解读，扩大公开覆盖面。",
)
_OVERSIGHT = (
    "将政务公开工作纳入年度绩效考核，明确分管领导和专职人员。",
    "组织开展政务公开业务培训{n}次，提升工作人员业务能力。",
    "全年未因政府信息公开工作受到责任追究。",
    "主动接受社会评议和群众监督，及时整改发现的问题。",
)
_PROBLEMS = (
    "政策解读形式较为单一，图解、视频等方式运用不多",
    "依申请公开答复的规范性仍需提高",
    "基层信息报送的及时性有待加强",
    "网站栏目内容更新不够及时",
    "公开工作人员业务能力有待提升",
    "重点领域信息公开的深度不够",
)
_PLANS = (
    "丰富政策解读形式",
    "完善依申请公开答复模板",
    "建立信息报送月通报制度",
    "加强网站栏目日常维护",
    "开展公开业务专题培训",
    "深化重点领域信息公开",
)
_NUMERALS = "一二三四五六"


def _fill(rng: random.Random, pool: Sequence[str], count: int, agency: str, year: int) -> str:
    kind = next(
        k for k in KINDS if agency.startswith(agency[:3]) and k in _WORK and k[:2] in agency
    )
    return "".join(
        sentence.format(y=year, a=agency, w=rng.choice(_WORK[kind]), n=rng.randint(2, 400))
        for sentence in rng.sample(pool, count)
    )


def own_sentences(rng: random.Random, county: str, kind: str, count: int) -> list[str]:
    """``count`` sentences of a bureau's own text (工作纪实), all different."""
    c = COUNTIES.index(county)
    towns, villages = _TOWNS[c * 12 : c * 12 + 12], _VILLAGES[c * 30 : c * 30 + 30]
    found: list[str] = []
    while len(found) < count:
        sentence = (
            f"{rng.choice(towns)}{rng.choice(villages)}"
            f"{rng.choice(_MATTERS[kind])}{rng.choice(_ACTIONS)}。"
        )
        if sentence not in found:
            found.append(sentence)
    return found


def _items(things: Sequence[str], end: str = "。") -> str:
    return "；".join(f"{_NUMERALS[i]}是{t}" for i, t in enumerate(things)) + end


def _tables(rng: random.Random, brought: Table3Row, in_force: int) -> StatutoryTablesV2021:
    """Figures keeping every identity: each column's requests in + brought forward = handled + carried."""
    columns = len(Table3Row.COLUMNS) - 1  # the six applicant columns; 总计 is their sum
    rows: dict[str, list[int]] = {spec.key: [0] * columns for spec in Table3V2021.data_rows()}
    rows["received"] = [
        rng.randint(20, 90),
        rng.randint(0, 9),
        0,
        rng.randint(0, 2),
        rng.randint(0, 4),
        0,
    ]
    brought_cells = [int(v or 0) for v in brought.values()[:columns]]
    rows["brought_forward"] = brought_cells
    outcomes = ("disclosed", "partly_disclosed", "unavailable_not_held", "not_processed_repeated")
    for c in range(columns):
        pending = rows["received"][c] + brought_cells[c]
        carried = rng.randint(0, min(5, pending))
        left = pending - carried
        for key in outcomes[1:]:
            share = rng.randint(0, left // 4)
            rows[key][c] = share
            left -= share
        rows["disclosed"][c] = left
        rows["total_handled"][c] = pending - carried
        rows["carried_forward"][c] = carried
    t3 = Table3V2021.from_rows({key: [*cells, sum(cells)] for key, cells in rows.items()})
    issued, repealed = rng.randint(0, 3), rng.randint(0, 1)
    t2 = Table2V2021.from_rows(
        {
            "规章": [0, 0, 0],
            "行政规范性文件": [issued, repealed, in_force + issued - repealed],
            "行政许可": [rng.randint(50, 900)],
            "行政处罚": [rng.randint(0, 80)],
            "行政强制": [rng.randint(0, 9)],
            "行政事业性收费": [f"{rng.randint(0, 30000) / 100:.2f}"],
        }
    )
    review = [rng.randint(0, 2), rng.randint(0, 1), 0, 0]
    t4 = Table4.from_groups(
        {"行政复议": [*review, sum(review)], "未经复议直接起诉": [0] * 5, "复议后起诉": [0] * 5}
    )
    return StatutoryTablesV2021(t2=t2, t3=t3, t4=t4)


def _report(
    rng: random.Random,
    agency: str,
    year: int,
    tables: StatutoryTablesV2021,
    followed_up: Sequence[str],
    plans: Sequence[str],
    problems: Sequence[str],
    own: Sequence[str],
) -> DisclosureReport:
    def fill(pool: Sequence[str], count: int) -> str:
        return _fill(rng, pool, count, agency, year)

    follow_up = (
        f"针对上年报告提出的改进措施，本年{'、'.join(followed_up)}，均已落实。"
        if followed_up
        else ""
    )
    body = statutory_body(
        overview=fill(_OVERVIEW, 3) + follow_up,
        proactive=[fill(_PROACTIVE, 3), fill(_PROACTIVE, 2), "".join(own)],
        on_request=fill(_REQUESTS, 3),
        management=fill(_MANAGEMENT, 2),
        platforms=fill(_PLATFORMS, 2),
        oversight=fill(_OVERSIGHT, 2),
        problems=[
            Section(
                ordinal=1,
                label="（一）",
                heading="存在的主要问题",
                role=Role.PROBLEMS,
                paragraphs=[_items(problems)],
            ),
            Section(
                ordinal=2,
                label="（二）",
                heading="改进情况",
                role=Role.PLAN,
                paragraphs=[_items(plans)],
            ),
        ],
        other=[f"依据《政府信息公开信息处理费管理办法》，本机关{year}年度未收取信息处理费。"],
    )
    signed = dt.date(year + 1, 1, rng.randint(10, 25))
    return DisclosureReport(
        title=f"{agency}{year}年政府信息公开工作年度报告",
        year=year,
        format=ReportFormat.V2021,
        header=Header(
            publisher=agency,
            document_date=signed,
            source=agency,
            published_at=dt.datetime(year + 1, 1, 28, 9, 30),
            subject="政府信息公开年报",
        ),
        body=body,
        tables=tables,
        signature=Signature(authority=agency, date=signed),
    )


def _copy(
    previous: DisclosureReport,
    tables: StatutoryTablesV2021,
    fresh: str | None,
    own: tuple[str, str] | None = None,
) -> DisclosureReport:
    """Last year's report with the year typed over, one paragraph rewritten (``fresh``, for （五）监督保障)
    and this year's tables: what a hurried office does. ``own``: last year's paragraph of own text
    (工作纪实) and what replaces it."""
    assert previous.year is not None  # the example's reports all know their year
    year = previous.year + 1

    def retyped(section: Section) -> Section:
        paragraphs = [p.replace(str(year - 1), str(year)) for p in section.paragraphs]
        if own is not None:
            paragraphs = [own[1] if p == own[0] else p for p in paragraphs]
        if fresh is not None and section.role is Role.OVERVIEW_OVERSIGHT:
            paragraphs = [fresh]
        return Section(
            ordinal=section.ordinal,
            label=section.label,
            heading=section.heading,
            role=section.role,
            paragraphs=paragraphs,
            children=[retyped(child) for child in section.children],
        )

    signature = previous.signature or Signature()
    signed = (signature.date or dt.date(year, 1, 20)).replace(year=year + 1)
    return DisclosureReport(
        title=previous.title.replace(str(year - 1), str(year)),
        year=year,
        format=previous.format,
        header=Header(
            publisher=previous.header.publisher,
            document_date=signed,
            source=previous.header.source,
            published_at=dt.datetime(year + 1, 1, 28, 9, 30),
            subject=previous.header.subject,
        ),
        body=[retyped(s) for s in previous.body],
        tables=tables,
        signature=Signature(authority=signature.authority, date=signed),
    )


def generate(seed: int = 2024) -> list[DisclosureReport]:
    """The 36 reports, agency by agency, year by year."""
    rng = random.Random(seed)
    reports = []
    for county in COUNTIES:
        for kind in KINDS:
            # a generator of its own for each bureau's own text: the other figures stay as they were
            own_rng = random.Random(f"{seed}-{county}{kind}")
            brought, in_force = Table3Row(0, 0, 0, 0, 0, 0, 0), rng.randint(3, 9)
            plans: list[str] = []
            previous: DisclosureReport | None = None
            own: list[str] = []
            for year in YEARS:
                agency = county + kind
                if (agency, year) == RENAMED[:2]:
                    agency = RENAMED[2]
                last_own, own = own, own_sentences(own_rng, county, kind, 20)
                if (agency, year) == BROKEN:  # two requests appear from nowhere
                    brought = attrs.evolve(
                        brought,
                        natural_person=(brought.natural_person or 0) + 2,
                        total=(brought.total or 0) + 2,
                    )
                tables = _tables(rng, brought, in_force)
                if (agency, year) == COPIED and previous is not None:
                    fresh = _fill(rng, _OVERSIGHT, 3, agency, year)
                    report = _copy(previous, tables, fresh)
                else:
                    if (agency, year) == REPEATED:  # 15 of last year's 20 own sentences, 5 new
                        own = last_own[:KEPT] + [s for s in own if s not in last_own][: 20 - KEPT]
                    report = _report(
                        rng,
                        agency,
                        year,
                        tables,
                        followed_up=plans,
                        plans=(plans := rng.sample([p for p in _PLANS if p not in plans], 3)),
                        problems=rng.sample(_PROBLEMS, 3),
                        own=own,
                    )
                reports.append(report)
                previous = report
                brought = tables.t3.rows.carried_forward
                in_force = tables.t2.rows.normative_documents.in_force or 0
    return reports


def write(reports: Sequence[DisclosureReport], directory: Path) -> tuple[Path, Path]:
    """Each report as a text page (``pages/``) and as JSON (``json/``); the two directories."""
    pages, jsons = directory / "pages", directory / "json"
    pages.mkdir(parents=True, exist_ok=True)
    jsons.mkdir(parents=True, exist_ok=True)
    for report in reports:
        stem = f"{report.header.publisher}-{report.year}"
        text = render(report, "text")
        assert isinstance(text, str)
        (pages / f"{stem}.txt").write_text(text, encoding="utf-8")
        (jsons / f"{stem}.json").write_text(dumps(report, indent=2), encoding="utf-8")
    write_facts(reports, directory)
    return pages, jsons


LATE = ("青山县交通运输局", 2022, dt.datetime(2023, 4, 6, 10, 0))
"""The report first seen online after 31 March."""
CHANGED = ("云岭县自然资源局", 2023, dt.datetime(2024, 5, 10, 16, 20))
"""The report changed after it was published."""


def write_facts(reports: Sequence[DisclosureReport], directory: Path) -> None:
    """``aliases.csv`` (the renamed bureau's new name) and ``manifest.csv`` (where and when each page and
    JSON file was found: first seen when published, except one late report and one changed after)."""
    (directory / "aliases.csv").write_text(
        f"alias,canonical,code\n{RENAMED[2]},{RENAMED[0]},\n", encoding="utf-8"
    )
    lines = ["file,source_url,column,first_seen,last_changed"]
    for report in reports:
        name, year = report.header.publisher or "", report.year
        assert year is not None  # the example's reports all know their year
        seen = report.header.published_at or dt.datetime(year + 1, 1, 28)
        changed = seen
        if (name, year) == LATE[:2]:
            seen = changed = LATE[2]
        if (name, year) == CHANGED[:2]:
            changed = CHANGED[2]
        url = f"https://xxgk.example.gov.cn/{name}/ndbg/{year}.html"
        for path in (f"pages/{name}-{year}.txt", f"json/{name}-{year}.json"):
            lines.append(f"{path},{url},政府信息公开年报,{seen.isoformat()},{changed.isoformat()}")
    (directory / "manifest.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")


def analyse(directory: Path, *, jobs: int = 1) -> Collector:
    """Run the corpus tools on the generated reports and print what they find."""
    pages, jsons = directory / "pages", directory / "json"
    first = sorted(pages.glob("*.txt"))[0]
    tables_read = parse_text(first.read_text(encoding="utf-8")).report.tables is not None
    inputs = pages if tables_read else jsons
    print(
        f"reading {inputs.name}/ ({'the parser reads tables' if tables_read else 'the parser does not read tables yet'})"
    )
    files = sorted(str(p) for p in inputs.iterdir())
    found = Collector()
    measures = Measures(
        publishers=load_aliases(directory / "aliases.csv"),
        manifest=load_manifest(directory / "manifest.csv"),
    )
    summary = run(files, sink=found, jobs=jobs, compare="all", measures=measures)
    print("\n".join(summary.lines() + measures.lines()))
    print("\nacross years (rules comparing a report with last year's):")
    for item in found.cross_years:
        for d in item.diagnostics:
            print(f"  {item.publisher} {item.year}: {d.code} {d.severity.value}: {d.message}")
    print("\nsimilar reports:")
    for pair in found.pairs:
        print(
            f"  {pair.publisher_b} {pair.year_b} ~ {pair.publisher_a} {pair.year_a}: {pair.verdict} "
            f"(Jaccard {pair.jaccard:.2f}, {pair.containment:.0%} of it in the other), "
            f"{len(pair.passages)} common passages"
        )
        for passage in pair.passages[:2]:
            print(f"    {passage.path_b} ← {passage.path_a}: {passage.text[:40]}…")
    print("\nrepeated from last year (重复率, boilerplate excluded; GC101 from 0.5):")
    for row in found.tables["rates"]:
        if row[1] == "repetition" and row[5] is not None and row[5] >= 0.3:
            print(
                f"  {Path(row[0]).stem} ← {Path(row[6]).stem}: {row[5]:.2f} ({row[3]} of {row[4]})"
            )
    print("\npublication (manifest; GC201 after 31 March, GC202 changed after publication):")
    for row in found.tables["findings"]:
        if row[3] in ("GC201", "GC202"):
            print(f"  {row[5]} {row[6]}: {row[3]} {row[4]}: {row[10]}")
    print("\nrates of the reports on 2023 (实质公开率, 不予公开率, 复议纠错率):")
    wanted = ("disclosed", "withheld", "review_corrected")
    by_file: dict[str, dict[str, float | None]] = {}
    for row in found.tables["rates"]:
        if row[1] in wanted and row[0].endswith("-2023" + Path(row[0]).suffix):
            by_file.setdefault(Path(row[0]).stem, {})[row[1]] = row[5]
    for stem, values in list(by_file.items())[:3]:
        shown = ", ".join("—" if values[m] is None else f"{values[m]:.2f}" for m in wanted)
        print(f"  {stem}: {shown}")
    print("  …")
    return found


def main(argv: Sequence[str]) -> int:
    reports = generate()
    if argv:
        directory = Path(argv[0])
        write(reports, directory)
        analyse(directory)
        return 0
    with tempfile.TemporaryDirectory() as temporary:
        write(reports, Path(temporary))
        analyse(Path(temporary))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
