"""Build the 德化县科学技术局 2014 progress report (the founding document) with the public API.

The source is ``shared/seed/000_0b1e41db05acd630.txt``, a page scraped from the county portal. This is the
report as the agency wrote it: the damage of the scrape is repaired where the text itself makes the repair
certain, and kept where it does not.

- The two document numbers lost their 〕 (``闽政办函〔2014130号``); a four-digit year is always followed by
  the bracket, so they are ``闽政办函〔2014〕130号`` and ``泉政办〔2014〕102号``.
- Full stops lost before 二是 and 四是 and at the end of item 四 are restored.
- The signature date ``2014 124`` lost its 年/月/日; the header's 公文生成日期 2014-12-04 corroborates
  12月4日 (not 1月24日).
- The first plan item runs ``…政务信息公开工作提高全体工作人员…``: a mark was lost between 工作 and 提高,
  but which one (。 making a heading, or ，) the text cannot tell, so it is kept as published and the item
  has no heading.
- The page's punctuation is half-width in places (``,`` ``:`` ``()``); it is kept as published.

Run ``python examples/dehua_2014/build.py`` to print the JSON; ``--write`` updates ``report.json``.
"""

from __future__ import annotations

import datetime as dt
import sys
from decimal import Decimal
from pathlib import Path

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
    Role,
    Section,
    Signature,
    WorkPlan,
    YearMonth,
    dumps,
)

BUREAU = "德化县科学技术局"
POWER_SITE = "德化县政府权力公开透明运行网"


def build() -> DisclosureReport:
    """The seed report as typed data."""
    preamble = Section(
        role=Role.PREAMBLE,
        paragraphs=[
            "2014年以来,县科技局根据《福建省人民政府办公厅关于做好2014年政府信息公开工作要点落实情况督查及"
            "政府信息公开工作年度报告有关事项的通知》(闽政办函〔2014〕130号)、《泉州市人民政府办公室转发国务院"
            "办公厅关于2014年政府信息公开工作要点的通知》(泉政办〔2014〕102号)精神,按照县政府部署要求,认真做好"
            "2014年政府信息公开工作,现将工作情况报告如下:"
        ],
        citations=[
            CitedDocument(
                title="福建省人民政府办公厅关于做好2014年政府信息公开工作要点落实情况督查及政府信息公开"
                "工作年度报告有关事项的通知",
                number=DocumentNumber(issuer="闽政办函", year=2014, serial=130),
            ),
            CitedDocument(
                title="泉州市人民政府办公室转发国务院办公厅关于2014年政府信息公开工作要点的通知",
                number=DocumentNumber(issuer="泉政办", year=2014, serial=102),
            ),
        ],
    )

    awareness = Section(
        ordinal=1,
        label="一是",
        heading="提高思想认识",
        paragraphs=[
            "我局定期组织召开专题会议,对政府信息公开工作进行安排部署,要求全局干部充分认识政府信息公开工作的"
            "重要性和必要性,做到人人了解掌握政策,在实际工作中自觉地进行落实,形成了推进政府信息公开工作的良好"
            "氛围;专门成立了科技局信息公开工作领导小组,全面负责本局信息公开工作的综合协调;指定分管领导与管理员"
            "专门具体负责,及时发布公开信息,形成单位领导总负责、分管领导综合协调、经办人员抓落实的工作机制。"
        ],
    )
    channels = Section(
        ordinal=2,
        label="二是",
        heading="拓展公开渠道",
        paragraphs=[
            "为保障社会公众等个人、群体或有关组织依法获享我局各项工作的信息,我局以德化县政府信息公开网为主,"
            "以德化县委权力公开透明运行网、德化县政府权力公开透明运行网、瓷都科技在线、短信平台等载体为辅,"
            "形成了形式多样、层次鲜明的政府信息公开渠道。"
        ],
        channels=Channels(
            primary=["德化县政府信息公开网"],
            auxiliary=["德化县委权力公开透明运行网", POWER_SITE, "瓷都科技在线", "短信平台"],
        ),
    )
    power = Section(
        ordinal=3,
        label="三是",
        heading="推进权力公开",
        paragraphs=[
            "按照县政府统一部署,我局认真开展行政权力公开运行工作,共清理出相关的规章制度20部(份),涉及行政"
            "权利事项51项,其中行政执法权2项,重大事项决策权4项,内部管理权35项,制作流程图14幅,完善、制定"
            "出台制度文件1份,排查廉政风险点47个,其中高级8个,中级9个,制定防控措施42个,均已在德化县政府权力"
            "公开透明运行网发布。"
        ],
        power=PowerInventory(
            rules=Quantity(20, "部(份)", "规章制度"),
            # The page writes 行政权利事项 (权利 for 权力); subjects are kept as written.
            matters=Quantity(51, "项", "行政权利事项"),
            categories=[
                Quantity(2, "项", "行政执法权"),
                Quantity(4, "项", "重大事项决策权"),
                Quantity(35, "项", "内部管理权"),
            ],
            flowcharts=Quantity(14, "幅", "流程图"),
            documents=Quantity(1, "份", "制度文件"),
            published_on=POWER_SITE,
        ),
        risks=RiskInventory(
            points=Quantity(47, "个", "廉政风险点"),
            high=Quantity(8, "个", "高级"),
            medium=Quantity(9, "个", "中级"),
            measures=Quantity(42, "个", "防控措施"),
            published_on=POWER_SITE,
        ),
    )
    focus = Section(
        ordinal=4,
        label="四是",
        heading="突出公开重点",
        paragraphs=[
            "将信息公开与惠企惠农政策贯彻落实紧密地结合起来,与机关建设有机结合起来,将其作为加强机关民主管理的"
            "重要举措,重点抓好党风廉政、民主评议、科技进企、科技优惠政策、知识产权保护、本级科技项目下达等方面的"
            "信息公开,截至11月,累计公开政府信息30条,历年累计发布163条;根据《2014年德化县政府信息公开工作要点"
            "任务分解表》要求,在德化县政府信息公开网站及时准确的公开科技管理和项目经费信息9条,包括《德化县科学"
            "技术局关于发布2014-2015年德化县科技项目申报指南的通知》、2014年县级四批科技计划项目和经费的通知等"
            "科技项目申报、立项文件,涉及项目62个、金额1289.4万元,确实做到信息公开全面、准确、及时,确保广大企业、"
            "群众及时获取到自己所需要的信息,着力打造“阳光科技”。"
        ],
        citations=[
            CitedDocument(title="2014年德化县政府信息公开工作要点任务分解表"),
            CitedDocument(title="德化县科学技术局关于发布2014-2015年德化县科技项目申报指南的通知"),
        ],
        disclosure=DisclosureStats(
            as_of=YearMonth(2014, 11),
            items=Quantity(30, "条", "政府信息"),
            cumulative=Quantity(163, "条"),
            focus_areas=[
                "党风廉政",
                "民主评议",
                "科技进企",
                "科技优惠政策",
                "知识产权保护",
                "本级科技项目下达",
            ],
            by_topic=[Quantity(9, "条", "科技管理和项目经费信息")],
            projects=Quantity(62, "个", "项目"),
            funding=Money(Decimal("12894000"), MoneyUnit.WAN_YUAN),
        ),
    )
    practice = Section(
        ordinal=1,
        label="一、",
        heading="主要作法及成效",
        paragraphs=[
            "今年,我局按照县政府关于政府信息公开工作的统一要求和安排部署,结合本单位工作实际,将政府信息公开工作"
            "作为我局一项长期的日常基础工作,狠抓落实,逐步建立了一整套符合科技部门特点的政府信息公开工作机制,"
            "真正达到了组织领导有力、公开政策到位、监督机制有效、群众比较满意的良好效果,有效促进了机关作风的转变,"
            "增强了工作透明度,提升了机关工作效率。"
        ],
        children=[awareness, channels, power, focus],
    )

    problems = Section(
        role=Role.PROBLEMS,
        paragraphs=[
            "2014年,我局通过夯实信息公开工作基础、完善信息公开工作机制等措施,信息公开工作平稳有序开展,取得了"
            "一定的成效,但尚存在一些不足和差距:"
        ],
        children=[
            Section(
                ordinal=1,
                label="一是",
                paragraphs=[
                    "受人员编制所限,从事信息公开具体工作的为兼职人员,不利于信息公开工作的深入开展;"
                ],
            ),
            Section(
                ordinal=2,
                label="二是",
                paragraphs=[
                    "信息公开制度体系建设还有待进一步加强,如信息公开审核、考核等规章制度还不是很完善。"
                ],
            ),
        ],
    )
    plan = Section(
        role=Role.PLAN,
        paragraphs=[
            "2015年,我局将按照县政府部署要求,本着依法公开、真实公正、注重实效、有效监督的原则,进一步规范信息"
            "公开内容,努力拓宽信息公开的主渠道,不断创新信息公开形式,采取有效措施,扎实推进信息公开工作。"
        ],
        plan=WorkPlan(
            target_year=2015, principles=["依法公开", "真实公正", "注重实效", "有效监督"]
        ),
        children=[
            Section(
                ordinal=1,
                label="一是",
                paragraphs=[
                    "进一步加强宣传政务信息公开工作提高全体工作人员对政务信息公开工作重要性的认识,通过宣传加强"
                    "主人翁意识,调动其积极性,做到各项信息及时公开、主动公开、积极公开。"
                ],
            ),
            Section(
                ordinal=2,
                label="二是",
                paragraphs=[
                    "进一步健全信息公开工作机制,切实把信息公开纳入日常管理工作范围,确保各项工作落实到位;逐步"
                    "建立健全信息公开审核、考核制度等,进一步明确信息公开的指导思想、基本原则、公开范围、方式和"
                    "程序及监督和保障措施等内容,确实起到引领作用。"
                ],
            ),
            Section(
                ordinal=3,
                label="三是",
                paragraphs=[
                    "进一步加强信息公开基础性工作,通过查漏补缺,切实提高公开质量,对本单位已发布的政府信息进行"
                    "认真的梳理和归类,对发布内容项不全的要及时进行补充和完善。"
                ],
            ),
        ],
    )
    outlook = Section(
        ordinal=2,
        label="二、",
        heading="存在的主要问题及2015年工作计划",
        children=[problems, plan],
    )

    return DisclosureReport(
        title="2014年政府信息公开工作进展情况“成绩单”",
        year=2014,
        format=ReportFormat.NARRATIVE,
        header=Header(
            index_number=IndexNumber("qz11402-1000-2014-00002"),
            publisher=BUREAU,
            document_date=dt.date(2014, 12, 4),
            source=BUREAU,
            published_at=dt.datetime(2014, 12, 4, 15, 51),
        ),
        body=[preamble, practice, outlook],
        signature=Signature(authority=BUREAU, date=dt.date(2014, 12, 4)),
    )


def main(argv: list[str]) -> int:
    text = dumps(build(), indent=2)
    if "--write" in argv:
        (Path(__file__).parent / "report.json").write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
