"""A clean report that exercises every rule, last year's report beside it, and a helper to break them.

The clean report is a 2021-format annual report on 2022 with every fact a rule looks at: inventories whose
parts add up, risk points listed with their measures, dated figures, a plan, citations, its own number,
an index number, money, the six sections, headings at all four levels plus 一是 items, and the statutory
tables, every cell given and every identity holding, with figures the text repeats. No rule finds
anything in it; each test of a rule breaks one thing in it and expects that rule to say so.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import attrs

from govdisclosure import (
    Channels,
    CitedDocument,
    DisclosureReport,
    DisclosureStats,
    DocumentNumber,
    Header,
    IndexNumber,
    Money,
    MoneyUnit,
    PowerInventory,
    Quantity,
    ReportFormat,
    RiskInventory,
    RiskLevel,
    RiskPoint,
    Role,
    Section,
    Signature,
    StatutoryTablesV2021,
    Table2V2021,
    Table3V2021,
    Table4,
    WorkPlan,
    YearMonth,
)

BUREAU = "某县科学技术局"


def _item(n: int, heading: str) -> Section:
    return Section(ordinal=n, label="一二三四五"[n - 1] + "是", heading=heading)


def _tables(t2: dict[str, list[Any]], t3: dict[str, list[int]]) -> StatutoryTablesV2021:
    """2021-format tables with these rows of 二 and 三 and every other count 0; table 四 has one review."""
    zero_t3 = {spec.key: [0] * 7 for spec in Table3V2021.data_rows()}
    return StatutoryTablesV2021(
        t2=Table2V2021.from_rows(t2),
        t3=Table3V2021.from_rows({**zero_t3, **t3}),
        t4=Table4.from_groups(
            {"行政复议": [1, 0, 0, 0, 1], "未经复议直接起诉": [0] * 5, "复议后起诉": [0] * 5}
        ),
    )


def clean_tables() -> StatutoryTablesV2021:
    """The clean report's tables: T3-1 … T4-1 hold (checked by hand below), nothing is blank.

    T3-1 自然人 10 + 1 = 10 + 1, 商业企业 2 + 0 = 1 + 1, 总计 12 + 1 = 11 + 2; T3-2 自然人 6 + 1 + 1 + 2 = 10,
    商业企业 1 = 1, 总计 7 + 1 + 1 + 2 = 11; every row's 总计 is its applicants' sum; 行政复议 1 = 1.
    """
    return _tables(
        {
            "规章": [0, 0, 0],
            "行政规范性文件": [1, 0, 4],
            "行政许可": [25],
            "行政处罚": [3],
            "行政强制": [0],
            "行政事业性收费": ["12.5"],
        },
        {
            "received": [10, 2, 0, 0, 0, 0, 12],
            "brought_forward": [1, 0, 0, 0, 0, 0, 1],
            "disclosed": [6, 1, 0, 0, 0, 0, 7],
            "partly_disclosed": [1, 0, 0, 0, 0, 0, 1],
            "withheld_third_party_rights": [1, 0, 0, 0, 0, 0, 1],
            "unavailable_not_held": [2, 0, 0, 0, 0, 0, 2],
            "total_handled": [10, 1, 0, 0, 0, 0, 11],
            "carried_forward": [1, 1, 0, 0, 0, 0, 2],
        },
    )


def clean_report() -> DisclosureReport:
    """The clean 2021-format report on 2022 (paths in the tests refer to its layout)."""
    preamble = Section(
        role=Role.PREAMBLE,
        paragraphs=[
            "本报告根据《中华人民共和国政府信息公开条例》编制。",
            "本报告所列数据的统计期限自2022年1月1日起至2022年12月31日止。",
        ],
        citations=[
            CitedDocument("中华人民共和国政府信息公开条例"),
            CitedDocument("关于做好2022年政务公开工作的通知", DocumentNumber("某政办", 2022, 30)),
        ],
    )
    active = Section(
        ordinal=1,
        label="（一）",
        heading="主动公开",
        paragraphs=["截至12月，本年主动公开政府信息120条。"],
        disclosure=DisclosureStats(
            as_of=YearMonth(2022, 12),
            items=Quantity(120, "条", "政府信息"),
            cumulative=Quantity(980, "条"),
            by_topic=[Quantity(9, "条", "科技项目信息")],
            projects=Quantity(40, "个", "项目"),
            funding=Money(Decimal("3560000"), MoneyUnit.WAN_YUAN),
        ),
        children=[
            Section(
                ordinal=1,
                label="1.",
                heading="公开内容",
                paragraphs=["重点公开以下内容："],
                children=[
                    Section(ordinal=1, label="（1）", heading="科技项目", paragraphs=["……"]),
                    Section(ordinal=2, label="（2）", heading="资金分配", paragraphs=["……"]),
                ],
            ),
            Section(ordinal=2, label="2.", heading="公开方式", paragraphs=["……"]),
        ],
    )
    management = Section(
        ordinal=3,
        label="（三）",
        heading="政府信息管理",
        paragraphs=["清理行政权力事项51项，排查廉政风险点3个。"],
        power=PowerInventory(
            matters=Quantity(51, "项", "行政权力事项"),
            categories=[
                Quantity(2, "项", "行政执法权"),
                Quantity(4, "项", "重大事项决策权"),
                Quantity(45, "项", "内部管理权"),
            ],
        ),
        risks=RiskInventory(
            points=Quantity(3, "个", "廉政风险点"),
            high=Quantity(1, "个", "高级"),
            medium=Quantity(1, "个", "中级"),
            low=Quantity(1, "个", "低级"),
            measures=Quantity(4, "个", "防控措施"),
            items=[
                RiskPoint("项目评审", RiskLevel.HIGH, ["集体评审", "回避制度"]),
                RiskPoint("经费拨付", RiskLevel.MEDIUM, ["公示"]),
                RiskPoint("资料归档", RiskLevel.LOW, ["定期检查"]),
            ],
        ),
    )
    overview = Section(
        ordinal=1,
        label="一、",
        heading="总体情况",
        paragraphs=["2022年，我局认真贯彻落实《条例》。"],
        children=[
            active,
            Section(ordinal=2, label="（二）", heading="依申请公开", paragraphs=["……"]),
            management,
            Section(
                ordinal=4,
                label="（四）",
                heading="政府信息公开平台建设",
                paragraphs=["……"],
                channels=Channels(primary=["某县人民政府网站"], auxiliary=["政务新媒体"]),
                children=[_item(1, "完善网站栏目。"), _item(2, "用好政务新媒体。")],
            ),
            Section(ordinal=5, label="（五）", heading="监督保障", paragraphs=["……"]),
        ],
    )
    outlook = Section(
        ordinal=5,
        label="五、",
        heading="存在的主要问题及改进情况",
        children=[
            Section(
                role=Role.PROBLEMS,
                paragraphs=["存在的不足："],
                children=[_item(1, "人员不足。"), _item(2, "制度有待完善。")],
            ),
            Section(
                role=Role.PLAN,
                paragraphs=["2023年，我局将："],
                plan=WorkPlan(target_year=2023, principles=["依法公开"]),
                children=[_item(1, "加强培训。"), _item(2, "健全制度。"), _item(3, "提高质量。")],
            ),
        ],
    )
    return DisclosureReport(
        title=f"{BUREAU}2022年政府信息公开工作年度报告",
        year=2022,
        format=ReportFormat.V2021,
        header=Header(
            index_number=IndexNumber("qz11402-1000-2023-00003"),
            publisher=BUREAU,
            document_date=dt.date(2023, 1, 20),
            source=BUREAU,
            published_at=dt.datetime(2023, 1, 28, 9, 30),
            document_number=DocumentNumber("某科", 2023, 2),
        ),
        body=[
            preamble,
            overview,
            Section(
                ordinal=2,
                label="二、",
                heading="主动公开政府信息情况",
                paragraphs=["本年收取行政事业性收费12.5万元。"],
                amounts=[Money(Decimal("125000"), MoneyUnit.WAN_YUAN)],
            ),
            Section(
                ordinal=3,
                label="三、",
                heading="收到和处理政府信息公开申请情况",
                paragraphs=["本年新收政府信息公开申请12件，办结11件。"],
                quantities=[
                    Quantity(12, "件", "新收政府信息公开申请"),
                    Quantity(11, "件", "办结"),
                ],
            ),
            Section(
                ordinal=4,
                label="四、",
                heading="政府信息公开行政复议、行政诉讼情况",
                paragraphs=["本年被申请行政复议1件。"],
                quantities=[Quantity(1, "件", "行政复议")],
            ),
            outlook,
            Section(ordinal=6, label="六、", heading="其他需要报告的事项", paragraphs=["无。"]),
        ],
        tables=clean_tables(),
        signature=Signature(authority=BUREAU, date=dt.date(2023, 1, 20)),
    )


def clean_previous() -> DisclosureReport:
    """Last year's report (on 2021) of the same agency: its cumulative count is 860; it carried 1 request
    of a 自然人 forward, 3 行政规范性文件 were in force, and its plan was to 完善网站栏目."""
    tables = _tables(
        {"行政规范性文件": [0, 0, 3]},
        {"received": [1, 0, 0, 0, 0, 0, 1], "carried_forward": [1, 0, 0, 0, 0, 0, 1]},
    )
    return DisclosureReport(
        title=f"{BUREAU}2021年政府信息公开工作年度报告",
        year=2021,
        format=ReportFormat.V2021,
        body=[
            Section(
                ordinal=1,
                label="一、",
                heading="总体情况",
                paragraphs=["……"],
                disclosure=DisclosureStats(cumulative=Quantity(860, "条")),
            ),
            # its plan, which this year's report follows up (GD801): 完善网站栏目 is an item of （四）
            Section(
                ordinal=2,
                label="二、",
                heading="下一步工作计划",
                role=Role.PLAN,
                children=[_item(1, "完善网站栏目。")],
            ),
        ],
        tables=tables,
    )


def edit(report: DisclosureReport, where: tuple[int, ...], **changes: Any) -> DisclosureReport:
    """``report`` with the node at ``where`` (indices: body, then children) changed; ``()`` is the report.

    ``edit(r, (1, 2), power=…)`` changes ``$.body[1].children[2]``.
    """
    if not where:
        return attrs.evolve(report, **changes)

    def rebuild(nodes: tuple[Section, ...], rest: tuple[int, ...]) -> list[Section]:
        out = list(nodes)
        head = out[rest[0]]
        if len(rest) == 1:
            out[rest[0]] = attrs.evolve(head, **changes)
        else:
            out[rest[0]] = attrs.evolve(head, children=rebuild(head.children, rest[1:]))
        return out

    return attrs.evolve(report, body=rebuild(report.body, where))


def node(report: DisclosureReport, where: tuple[int, ...]) -> Section:
    """The node at ``where``."""
    current = report.body[where[0]]
    for index in where[1:]:
        current = current.children[index]
    return current
