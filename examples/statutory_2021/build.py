"""Build a complete 2021-format annual report (政府信息公开工作年度报告) with the public API.

清溪县 is a made-up county and 清溪县自然资源局 a made-up bureau: the text and the figures are invented, to be
plausible for a county natural-resources bureau (many 不动产登记 and 征地 requests, a 不动产登记费 income) and
internally consistent: every identity of the format holds (T3-1, T3-2, T3-3, T4-1), and the figures the
text repeats are the tables' figures. It is the report on 2022, published in January 2023, in the format of
国办公开办函〔2021〕30号.

The author writes only the content: :func:`statutory_body` writes the six standard sections and headings,
and the tables are filled by their printed labels, as one copies them from a spreadsheet. The facts the text
states (the figures it repeats from the tables, a count of information published, the documents it cites)
are attached to the sections that state them, as :func:`govdisclosure.parse.parse_text` reads them back
from the renderings: the figures named as the tables name them (新收政府信息公开申请88件, 行政许可决定412件 …)
are :class:`Quantity` facts, which validation compares with the tables (GD710). Lists in the text
(一是…；二是…) are items, as in the seed's worked example.

Run ``python examples/statutory_2021/build.py`` to print the JSON; ``--write`` updates ``report.json``.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

import attrs

from govdisclosure import (
    CitedDocument,
    DisclosureReport,
    DisclosureStats,
    Header,
    IndexNumber,
    Quantity,
    ReportFormat,
    Role,
    Section,
    Signature,
    StatutoryTablesV2021,
    Table2V2021,
    Table3V2021,
    Table4,
    dumps,
    statutory_body,
)

AGENCY = "清溪县自然资源局"

# Table 三, row by row as printed; columns: 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计.
# Rows not listed (1.属于国家秘密 …) are 0 in every column and are given as such below.
_T3 = {
    "一、本年新收政府信息公开申请数量": [76, 8, 0, 1, 3, 0, 88],
    "二、上年结转政府信息公开申请数量": [3, 0, 0, 0, 0, 0, 3],
    "（一）予以公开": [31, 4, 0, 1, 2, 0, 38],
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）": [5, 1, 0, 0, 0, 0, 6],
    "3.危及\u201c三安全一稳定\u201d": [1, 0, 0, 0, 0, 0, 1],
    "4.保护第三方合法权益": [2, 1, 0, 0, 0, 0, 3],
    "5.属于三类内部事务信息": [1, 0, 0, 0, 0, 0, 1],
    "6.属于四类过程性信息": [2, 0, 0, 0, 0, 0, 2],
    "7.属于行政执法案卷": [1, 0, 0, 0, 0, 0, 1],
    "8.属于行政查询事项": [3, 0, 0, 0, 0, 0, 3],
    "1.本机关不掌握相关政府信息": [14, 1, 0, 0, 1, 0, 16],
    "2.没有现成信息需要另行制作": [3, 0, 0, 0, 0, 0, 3],
    "3.补正后申请内容仍不明确": [2, 0, 0, 0, 0, 0, 2],
    "1.信访举报投诉类申请": [2, 0, 0, 0, 0, 0, 2],
    "2.重复申请": [3, 0, 0, 0, 0, 0, 3],
    "3.要求提供公开出版物": [1, 0, 0, 0, 0, 0, 1],
    "5.要求行政机关确认或重新出具已获取信息": [1, 0, 0, 0, 0, 0, 1],
    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请": [2, 0, 0, 0, 0, 0, 2],
    "3.其他": [1, 0, 0, 0, 0, 0, 1],
    "（七）总计": [75, 7, 0, 1, 3, 0, 86],
    "四、结转下年度继续办理": [4, 1, 0, 0, 0, 0, 5],
}
_ZERO_ROWS = (
    "1.属于国家秘密",
    "2.其他法律行政法规禁止公开",
    "4.无正当理由大量反复申请",
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
)


def tables() -> StatutoryTablesV2021:
    """The three tables of the report, filled by their printed labels."""
    t2 = Table2V2021.from_rows(
        {
            "规章": [0, 0, 0],  # a county bureau makes no 规章
            "行政规范性文件": [2, 1, 7],
            "行政许可": [412],
            "行政处罚": [37],
            "行政强制": [3],
            "行政事业性收费": ["286.45"],  # 不动产登记费, 万元
        }
    )
    t3 = Table3V2021.from_rows({**_T3, **{row: [0] * 7 for row in _ZERO_ROWS}})
    t4 = Table4.from_groups(
        {
            "行政复议": [2, 1, 0, 1, 4],
            "未经复议直接起诉": [1, 0, 0, 1, 2],
            "复议后起诉": [0, 0, 0, 1, 1],
        }
    )
    return StatutoryTablesV2021(t2=t2, t3=t3, t4=t4)


def _items(*texts: str) -> list[Section]:
    """A list 一是…；二是…；三是… as items, each its own paragraph."""
    return [
        Section(ordinal=n, label=f"{numeral}是", paragraphs=[text])
        for n, (numeral, text) in enumerate(zip("一二三四五六七八九", texts, strict=False), 1)
    ]


# The facts each section's text states, by the section's path id (s1 is 一、总体情况, s1.s2 its （二） …).
FACTS: dict[str, dict[str, Any]] = {
    "s1": {"citations": [CitedDocument("中华人民共和国政府信息公开条例")]},
    "s1.s1": {
        "disclosure": DisclosureStats(
            items=Quantity(326, "条", "政府信息"), by_topic=[Quantity(148, "条", "重点领域信息")]
        ),
        "quantities": [
            # table 二: 行政规范性文件 本年制发件数, 本年废止件数, 现行有效件数; the three decisions
            Quantity(2, "件", "制发行政规范性文件"),
            Quantity(1, "件", "废止行政规范性文件"),
            Quantity(7, "件", "现行有效行政规范性文件"),
            Quantity(412, "件", "行政许可决定"),
            Quantity(37, "件", "行政处罚决定"),
            Quantity(3, "件", "行政强制决定"),
            Quantity(21, "批次", "补偿安置公告"),
        ],
    },
    "s1.s2": {
        "quantities": [
            # table 三, 总计 column: 一, 二, （七）, （一）, （二）, 四
            Quantity(88, "件", "新收政府信息公开申请"),
            Quantity(3, "件", "上年结转"),
            Quantity(86, "件", "办结"),
            Quantity(38, "件", "予以公开"),
            Quantity(6, "件", "部分公开"),
            Quantity(5, "件", "结转下年度继续办理"),
        ]
    },
    "s1.s4": {"disclosure": DisclosureStats(items=Quantity(214, "条", "政务新媒体信息"))},
    "s1.s5": {"quantities": [Quantity(2, "次", "业务培训")]},
    "s6": {"citations": [CitedDocument("政府信息公开信息处理费管理办法")]},
}


def _with_facts(sections: tuple[Section, ...], parent: str = "") -> list[Section]:
    """The sections with the facts of :data:`FACTS` attached (numbered sections only, as ids go)."""
    out = []
    for n, section in enumerate(sections, 1):
        node_id = f"{parent}.s{n}" if parent else f"s{n}"
        children = _with_facts(section.children, node_id) if section.kind == "section" else []
        out.append(
            attrs.evolve(
                section,
                children=children or section.children,
                **FACTS.get(node_id, {}),
            )
        )
    return out


def build() -> DisclosureReport:
    """The report as typed data."""
    body = statutory_body(
        overview=(
            "2022年，清溪县自然资源局深入贯彻《中华人民共和国政府信息公开条例》，认真落实国家、省、市和县"
            "关于政务公开工作的部署，围绕自然资源管理重点工作，以公开为常态、不公开为例外，持续提升政府信息"
            "公开质量，较好保障了人民群众的知情权、参与权和监督权。"
        ),
        proactive=[
            "全年主动公开政府信息326条，其中重点领域信息148条，涉及国土空间规划、土地征收、不动产登记"
            "和矿产资源管理，均在县政府门户网站本局专栏发布。本年制发行政规范性文件2件、废止行政规范性"
            "文件1件，现行有效行政规范性文件7件，均按规定集中公开。",
            "及时公开行政许可决定412件、行政处罚决定37件、行政强制决定3件；在征地补偿安置方案批准后"
            "10个工作日内发布征地信息，全年发布土地征收启动公告、补偿安置公告21批次。",
        ],
        on_request=(
            "严格执行依申请公开登记、审核、答复等制度，规范答复文书。全年新收政府信息公开申请88件，"
            "上年结转3件；办结86件，其中予以公开38件、部分公开6件，结转下年度继续办理5件，"
            "均在法定期限内答复。申请内容主要涉及征地补偿、不动产登记和建设项目用地审批。"
        ),
        management=(
            "落实公开前保密审查和“三审”制度，全年未发生泄密事件；"
            "对现行有效的行政规范性文件进行全面清理，动态更新政府信息公开指南和目录。"
        ),
        platforms=(
            "以县政府门户网站为第一平台，同步运用“清溪自然资源”微信公众号发布政策解读和办事指南，"
            "全年发布政务新媒体信息214条；在不动产登记大厅设置政府信息查阅点，方便群众就近查阅。"
        ),
        oversight=(
            "将政务公开工作纳入局年度绩效考核，明确分管领导和专职人员，开展业务培训2次，"
            "全年未因政府信息公开工作受到责任追究。"
        ),
        problems=[
            Section(
                ordinal=1,
                label="（一）",
                heading="存在的主要问题",
                role=Role.PROBLEMS,
                children=_items(
                    "政策解读形式较为单一，图解、视频等群众喜闻乐见的解读方式运用不多；",
                    "依申请公开答复的规范性仍需提高，个别答复告知理由不够充分；",
                    "基层所站信息报送的及时性有待加强，个别信息发布滞后。",
                ),
            ),
            Section(
                ordinal=2,
                label="（二）",
                heading="改进情况",
                role=Role.PLAN,
                children=_items(
                    "丰富解读形式，对重要政策同步制作图解，提升解读的可读性；",
                    "完善依申请公开答复模板，建立疑难申请集体会商机制；",
                    "建立信息报送月通报制度，压实各股室、所站的公开责任。",
                ),
            ),
        ],
        other=[
            "依据《政府信息公开信息处理费管理办法》，本机关2022年度未收取信息处理费。",
            "本年度无其他需要报告的事项。",
        ],
    )
    return DisclosureReport(
        title=f"{AGENCY}2022年政府信息公开工作年度报告",
        year=2022,
        format=ReportFormat.V2021,
        header=Header(
            index_number=IndexNumber("11350921MB0000000X/2023-00012"),
            publisher=AGENCY,
            document_date=dt.date(2023, 1, 16),
            source=AGENCY,
            published_at=dt.datetime(2023, 1, 18, 9, 30),
            subject="政府信息公开年报",
        ),
        body=_with_facts(body),
        tables=tables(),
        signature=Signature(authority=AGENCY, date=dt.date(2023, 1, 16)),
    )


if __name__ == "__main__":
    text = dumps(build(), indent=2)
    if "--write" in sys.argv[1:]:
        Path(__file__).with_name("report.json").write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
