"""Wording other agencies use: the parser's patterns must be general, not fitted to the seed."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from govdisclosure import (
    Channels,
    DocumentNumber,
    HeaderField,
    Money,
    MoneyUnit,
    Quantity,
    Role,
    Section,
    YearMonth,
)
from govdisclosure.model import YEAR_BRACKETS
from govdisclosure.parse import ParseResult, parse_text
from tests.parse.helpers import check_provenance, fact_paths

TITLE = "2014年政府信息公开工作年度报告\n\n"


def parse(body: str, title: str = TITLE) -> ParseResult:
    result = parse_text(title + body)
    assert not [d for d in result.diagnostics if d.code == "GP999"]
    check_provenance(result, repairs=5)
    missing = [p for p in fact_paths(result.report) if p not in result.provenance]
    assert not missing
    return result


def codes(result: ParseResult) -> list[str]:
    return [d.code for d in result.diagnostics]


# -------------------------------------------------------------------------------------------------
# Facts


def test_a_power_inventory_in_other_words() -> None:
    result = parse(
        "　　一、权力清理\n\n　　全年共梳理行政职权事项120项，其中行政许可15项，行政处罚80项，行政强制5项，"
        "其他行政权力20项；绘制流程图30张，已在市政府门户网站公布。"
    )
    power = result.report.body[0].power
    assert power is not None
    assert power.matters == Quantity(120, "项", "行政职权事项")
    assert power.categories == (
        Quantity(15, "项", "行政许可"),
        Quantity(80, "项", "行政处罚"),
        Quantity(5, "项", "行政强制"),
        Quantity(20, "项", "其他行政权力"),
    )
    assert power.flowcharts == Quantity(30, "张", "流程图")
    assert power.published_on == "市政府门户网站"
    assert result.report.body[0].quantities == ()


def test_a_risk_inventory_with_grades_by_number() -> None:
    result = parse(
        "　　一、廉政风险防控\n\n　　查找廉政风险点36处，其中一级风险点5处、二级12处、三级19处，制定防控措施40条。"
    )
    risks = result.report.body[0].risks
    assert risks is not None
    assert risks.points == Quantity(36, "处", "廉政风险点")
    assert risks.high == Quantity(5, "处", "一级风险点")
    assert risks.medium == Quantity(12, "处", "二级")
    assert risks.low == Quantity(19, "处", "三级")
    assert risks.measures == Quantity(40, "条", "防控措施")


def test_disclosure_figures_with_a_breakdown_and_an_end_of_month() -> None:
    result = parse(
        "　　一、主动公开\n\n　　截至10月底，主动公开政府信息1256条，其中政策文件98条、人事信息45条；"
        "历年累计公开信息8901条。"
    )
    stats = result.report.body[0].disclosure
    assert stats is not None
    assert stats.as_of == YearMonth(2014, 10)
    assert stats.items == Quantity(1256, "条", "政府信息")
    assert stats.by_topic == (Quantity(98, "条", "政策文件"), Quantity(45, "条", "人事信息"))
    assert stats.cumulative == Quantity(8901, "条", "信息")


def test_money_in_yuan_wan_and_yi() -> None:
    result = parse("　　一、经费保障\n\n　　投入资金3.5亿元，收取复印费用1200元，工作经费50万元。")
    assert result.report.body[0].amounts == (
        Money(Decimal("350000000"), MoneyUnit.YI_YUAN),  # 资金 only says "funds"
        Money(Decimal("1200"), MoneyUnit.YUAN, "复印费用"),
        Money(Decimal("500000"), MoneyUnit.WAN_YUAN, "工作经费"),
    )


def test_loose_counts_keep_their_measure_words() -> None:
    result = parse(
        "　　一、宣传培训\n\n　　举办培训班3期，培训干部120人次，发放宣传资料2000余份，召开新闻发布会2场。"
    )
    assert result.report.body[0].quantities == (
        Quantity(3, "期", "培训班"),
        Quantity(120, "人次", "干部"),
        Quantity(2, "场", "新闻发布会"),
    )


def test_channels_with_other_words() -> None:
    result = parse(
        "　　一、公开渠道\n\n　　我局以政府门户网站为主渠道，以政务微博、微信公众号为补充。"
    )
    assert result.report.body[0].channels == Channels(
        primary=["政府门户网站"], auxiliary=["政务微博", "微信公众号"]
    )


def test_a_policy_is_not_a_channel() -> None:
    result = parse("　　一、安全生产\n\n　　坚持以预防为主，以整改为辅。")
    assert result.report.body[0].channels is None


def test_citations_with_numbers_in_other_brackets() -> None:
    result = parse(
        "　　根据《政府信息公开条例》（国务院令第492号）、《关于做好政务公开工作的通知》（国办发[2014]12号）"
        "和《实施办法》(闽政〔2015〕3号)要求，结合实际。\n\n　　一、概述"
    )
    citations = result.report.body[0].citations
    assert [c.title for c in citations] == [
        "政府信息公开条例",
        "关于做好政务公开工作的通知",
        "实施办法",
    ]
    assert [c.number for c in citations] == [
        None,
        DocumentNumber("国办发", 2014, 12),
        DocumentNumber("闽政", 2015, 3),
    ]
    assert codes(result) == []


def test_a_damaged_number_outside_a_citation_is_repaired_in_the_text() -> None:
    result = parse("　　一、概述\n\n　　按照闽政〔20152号要求开展工作。")
    assert result.report.body[0].paragraphs == ("按照闽政〔2015〕2号要求开展工作。",)
    (d,) = result.diagnostics
    assert (d.code, d.path, d.found, d.expected) == (
        "GP301",
        "$.body[0].paragraphs[0]",
        "〔20152号",
        "〔2015〕2号",
    )


def test_an_unreadable_number_after_a_title() -> None:
    result = parse("　　一、概述\n\n　　根据《通知》(闽政办函2014-130号)要求。")
    (citation,) = result.report.body[0].citations
    assert citation.number is None
    assert codes(result) == ["GP302"]


def test_a_work_plan_section_by_its_heading() -> None:
    result = parse(
        "　　三、2015年工作计划\n\n　　坚持公开为常态、不公开为例外的原则，深化公开。一是加强培训。二是完善制度。"
    )
    plan = result.report.body[0]
    assert plan.role is Role.PLAN
    assert plan.plan is not None
    assert plan.plan.target_year == 2015
    assert plan.plan.principles == ("公开为常态", "不公开为例外")
    assert [c.heading for c in plan.children] == ["加强培训", "完善制度"]


@pytest.mark.parametrize(
    ("heading", "role"),
    [
        ("存在的主要问题", Role.PROBLEMS),
        ("工作中存在的不足", Role.PROBLEMS),
        ("下一步工作打算", Role.PLAN),
        ("改进措施", Role.PLAN),
        ("2015年工作思路", Role.PLAN),
        ("主动公开情况", None),
        ("存在的主要问题及改进情况", None),
    ],
)
def test_roles_by_heading(heading: str, role: Role | None) -> None:
    assert parse(f"　　一、{heading}\n\n　　正文。").report.body[0].role is role


def test_next_year_in_words() -> None:
    result = parse("　　四、下一步工作\n\n　　明年，我局将进一步深化公开。")
    assert result.report.body[0].plan is not None
    assert result.report.body[0].plan.target_year == 2015


def test_problems_and_plan_sharing_a_section_in_separate_paragraphs() -> None:
    result = parse(
        "　　五、存在的主要问题及改进情况\n\n"
        "　　一是公开内容不够全面；二是更新不够及时。\n\n"
        "　　下一步，我局将从以下方面改进：一是扩大公开范围；二是加快更新频率。"
    )
    section = result.report.body[0]
    assert section.role is None
    assert [b.role for b in section.children] == [Role.PROBLEMS, Role.PLAN]
    assert [len(b.children) for b in section.children] == [2, 2]


# -------------------------------------------------------------------------------------------------
# Structure


def test_sections_at_every_level() -> None:
    result = parse(
        "　　一、总体情况\n\n　　（一）主动公开\n\n　　1.文件\n\n　　（1）规章\n\n　　规章正文。\n\n"
        "　　（2）规范性文件\n\n　　2.其他\n\n　　（二）依申请公开\n\n　　二、问题"
    )
    body = result.report.body
    assert [s.label for s in body] == ["一、", "二、"]
    first = body[0].children
    assert [s.heading for s in first] == ["主动公开", "依申请公开"]
    assert [s.heading for s in first[0].children] == ["文件", "其他"]
    assert [(s.label, s.heading) for s in first[0].children[0].children] == [
        ("（1）", "规章"),
        ("（2）", "规范性文件"),
    ]
    assert first[0].children[0].children[0].paragraphs == ("规章正文。",)
    assert codes(result) == []


def test_a_heading_without_its_parent_level() -> None:
    # held by an unlabelled top-level section: （一） is not one of the report's sections
    result = parse("　　（一）主动公开\n\n　　正文。")
    holder = result.report.body[0]
    assert (holder.label, holder.heading, holder.ordinal) == (None, None, None)
    assert [c.label for c in holder.children] == ["（一）"]
    assert codes(result) == ["GP204"]


def test_a_page_that_starts_inside_a_section_has_no_top_level_headings() -> None:
    result = parse(
        "　　全年无投诉情况。\n　　（一）注重平台建设，完善公开媒介。发挥网站作用。\n"
        "　　（二）突出重点领域。\n　　（一）存在问题：信息偏少。\n　　（二）进一步整改：加强培训。"
    )
    body = result.report.body
    assert [(s.label, s.heading) for s in body if s.label or s.heading] == []
    # a run that starts again at （一） is held apart
    assert [[c.label for c in s.children] for s in body[1:]] == [["（一）", "（二）"]] * 2
    assert codes(result) == ["GP204"] * 4


def test_lower_headings_under_a_top_level_one_stay_there() -> None:
    body = parse("　　一、概述\n　　（一）建立机制。\n　　（二）构建制度。").report.body
    assert [s.label for s in body] == ["一、"]
    assert [c.label for c in body[0].children] == ["（一）", "（二）"]


def test_a_known_section_name_run_into_its_paragraph() -> None:
    section = parse("　　一、概述2014年，我局认真贯彻落实《条例》，扎实推进公开工作。").report.body[
        0
    ]
    assert (section.label, section.heading) == ("一、", "概述")
    assert section.paragraphs == ("2014年，我局认真贯彻落实《条例》，扎实推进公开工作。",)
    # traditional characters too
    section = parse("　　一、總體情況2014年，本局紮實推進公開工作。").report.body[0]
    assert section.heading == "總體情況"


@pytest.mark.parametrize("heading", ["概述及主要做法", "总体情况和工作成效", "概述工作"])
def test_a_heading_that_goes_on_after_a_known_name_is_kept_whole(heading: str) -> None:
    assert parse(f"　　一、{heading}\n　　正文。").report.body[0].heading == heading


def test_a_known_name_that_goes_on_is_not_cut_from_its_paragraph() -> None:
    section = parse("　　一、概述及主要做法，2014年我局推进公开工作，成效明显。").report.body[0]
    assert section.heading != "概述"
    assert ((section.heading or "") + "".join(section.paragraphs)).startswith("概述及主要做法")


def test_a_top_level_heading_that_lost_its_numeral() -> None:
    body = parse(
        "　　引言\n\n　　、概  述\n\n　　2014年我镇推进公开工作。\n　　（一）建立机制。"
    ).report.body
    section = body[1]
    assert (section.label, section.ordinal, section.heading) == ("、", 1, "概  述")
    assert [c.label for c in section.children] == ["（一）"]
    # only a known section name: 、 before other words is no heading
    assert all(s.label is None for s in parse("　　、主要做法\n　　正文。").report.body)


def test_lost_characters_before_a_heading_label() -> None:
    body = parse("　　????一、總體情況\n　　正文。\n　　二、主动公开\n　　正文。").report.body
    assert [(s.label, s.heading) for s in body] == [("一、", "總體情況"), ("二、", "主动公开")]


def test_an_enumerator_printed_for_a_statutory_heading_label() -> None:
    body = parse(
        "　　一、总体情况\n　　正文。\n　　二、主动公开政府信息情况\n　　正文。\n"
        "　　三是收到和处理政府信息公开申请情况\n　　正文。",
        title="2021年政府信息公开工作年度报告\n\n",
    ).report.body
    assert [(s.label, s.ordinal) for s in body] == [("一、", 1), ("二、", 2), ("三是", 3)]
    assert body[2].heading == "收到和处理政府信息公开申请情况"
    assert body[2].role is Role.REQUESTS


def test_an_enumerator_before_other_words_stays_an_item() -> None:
    body = parse(
        "　　一、总体情况\n　　三是收到申请情况良好。", title="2021年政府信息公开工作年度报告\n\n"
    ).report.body
    assert [c.label for c in body[0].children] == ["三是"]


def test_a_contents_list_on_one_line_is_chrome() -> None:
    result = parse(
        "一、概述,（一）注重重点推进,深化公开内容。,二、主动公开政府信息情况,（一）主动公开范围,"
        "三、依申请公开政府信息情况,\n　　一、概述\n　　正文。"
    )
    assert [(s.label, s.heading) for s in result.report.body] == [("一、", "概述")]
    assert "GP010" in codes(result)


def test_a_heading_and_its_first_paragraph_on_one_line() -> None:
    result = parse("　　一、总体情况。2014年，我局扎实推进公开工作。")
    section = result.report.body[0]
    assert section.heading == "总体情况"
    assert section.paragraphs == ("2014年，我局扎实推进公开工作。",)


def test_a_numbered_paragraph_is_not_a_heading() -> None:
    text = "1.我局于2014年3月组织开展了全面清理，共清理文件100件，废止20件，修订15件，保留65件，均已向社会公布。"
    section = parse(f"　　一、概述\n\n　　{text}").report.body[0].children[0]
    assert section.heading is None
    assert section.paragraphs == (text[2:],)


@pytest.mark.parametrize(
    "word",
    [
        "唯一是",
        "不是",
        "还是",
        "就是",
        "但是",
        "凡是",
        "于是",
        "总是",
        "正是",
        "要是",
        "若是",
        "也是",
        "统一是",
    ],
)
def test_words_ending_in_shi_are_not_enumerators(word: str) -> None:
    result = parse(
        f"　　一、概述\n\n　　主要做法：一是加强领导，这{word}关键；二是完善制度，{word}重点。"
    )
    items = result.report.body[0].children
    assert [i.label for i in items] == ["一是", "二是"]
    assert items[0].paragraphs == (f"加强领导，这{word}关键；",)


def test_a_lone_wei_yi_shi_starts_no_enumeration() -> None:
    result = parse("　　一、概述\n\n　　这唯一是我们的目标，二是不存在的。")
    assert result.report.body[0].children == ()


def test_items_one_per_line_with_further_paragraphs() -> None:
    result = parse(
        "　　一、主要做法\n\n　　一是加强领导。成立领导小组，明确分工。\n\n　　小组每季度开会。\n\n"
        "　　二是完善制度，健全审核机制。"
    )
    items = result.report.body[0].children
    assert items[0] == Section(
        ordinal=1,
        label="一是",
        heading="加强领导",
        paragraphs=["成立领导小组，明确分工。", "小组每季度开会。"],
    )
    assert items[1].heading is None
    assert items[1].paragraphs == ("完善制度，健全审核机制。",)
    assert codes(result) == []


def test_an_enumeration_out_of_sequence() -> None:
    result = parse("　　一、主要做法\n\n　　一是加强领导。\n\n　　三是完善制度。")
    assert [i.ordinal for i in result.report.body[0].children] == [1, 3]
    (d,) = result.diagnostics
    assert (d.code, d.expected) == ("GP203", "二是")


def test_lost_full_stops_before_enumerators_and_at_the_end() -> None:
    result = parse("　　一、概述\n\n　　今年工作如下：一是加强领导二是完善制度三是强化监督")
    items = result.report.body[0].children
    assert [i.heading for i in items] == ["加强领导", "完善制度", "强化监督"]
    assert codes(result) == ["GP201", "GP201", "GP202"]


def test_wrapped_lines_are_joined() -> None:
    result = parse("　　一、概述\n\n　　今年我局推进政务公开，\n累计公开信息30条，\n取得成效。")
    assert result.report.body[0].paragraphs == (
        "今年我局推进政务公开，累计公开信息30条，取得成效。",
    )
    assert result.report.body[0].disclosure is not None


def test_lines_without_blank_lines_between_are_paragraphs() -> None:
    result = parse("一、概述\n今年我局推进政务公开。\n二、问题\n更新不及时。", title="2014年报告\n")
    assert [(s.heading, s.paragraphs) for s in result.report.body] == [
        ("概述", ("今年我局推进政务公开。",)),
        ("问题", ("更新不及时。",)),
    ]


@pytest.mark.parametrize("lead", ["• ", "  • ", "\u3000\u3000● "])
def test_a_bulleted_line_is_an_item_not_a_paragraph_that_wraps(lead: str) -> None:
    # A wiki copy's infobox (`  • 中文名:…`) right above the first heading: the heading and its text are
    # not the item's wrapped continuation.
    result = parse(
        f"基本介绍\n{lead}中文名:年度报告\n一、概述\n今年我局推进政务公开。", title="2014年报告\n"
    )
    assert [s.heading for s in result.report.body if s.heading] == ["概述"]
    assert result.report.body[-1].paragraphs == ("今年我局推进政务公开。",)


_ONE_LINE = (
    "现将2009年我镇政府信息公开年度报告如下: 一、政府信息主动公开情况 全年公开信息46件。"
    " 二、依申请公开情况 本年度没有依申请公开。 三、存在的主要问题 更新不够及时。"
)


def test_headings_run_into_one_line_are_sections() -> None:
    # A page whose line breaks became spaces: top-level labels after white space, numbered one after
    # another, each with its heading words up to the next space.
    result = parse(_ONE_LINE, title="2009年报告\n")
    assert [(s.label, s.heading, s.paragraphs) for s in result.report.body] == [
        (None, None, ("现将2009年我镇政府信息公开年度报告如下:",)),
        ("一、", "政府信息主动公开情况", ("全年公开信息46件。",)),
        ("二、", "依申请公开情况", ("本年度没有依申请公开。",)),
        ("三、", "存在的主要问题", ("更新不够及时。",)),
    ]


@pytest.mark.parametrize(
    ("text", "sections"),
    [
        # one label alone: a heading only where it names the statutory section of its number
        ("工作报告 一、总体情况 2019年，我县公开信息。", ["总体情况"]),
        ("工作報告 一、總體情況 2019年，我縣公開信息。", ["總體情況"]),
        ("其中 一、加强领导 我局成立领导小组。", []),
        ("工作报告 二、总体情况 2019年，我县公开信息。", []),
        # no white space before the label, or a sentence in the heading words, or no space after them
        ("如下:一、政府信息主动公开情况 全年公开。 二、依申请公开情况 没有。", []),
        (
            "如下: 一、政府信息主动公开情况 全年公开。 二、依申请公开情况 没有。",
            ["政府信息主动公开情况", "依申请公开情况"],
        ),
        ("如下: 一、全年公开信息46件，其中文件3件 二、依申请公开 没有。", []),
        ("如下: 一、全年公开 二、依申请公开情况", []),
    ],
)
def test_a_label_inside_a_paragraph_is_a_heading_only_with_evidence(
    text: str, sections: list[str]
) -> None:
    result = parse(text, title="2019年报告\n")
    assert [s.heading for s in result.report.body if s.heading] == sections


# -------------------------------------------------------------------------------------------------
# Header, title, year


def test_header_variants() -> None:
    text = (
        "索 引 号：11370900004341590P/2017-00150\n发布机构: 泰安市财政局\n成文日期：2014年12月4日\n"
        "发布时间：2014-12-05 09:30:15\n主题分类：财政\n文号：泰财〔2014〕7号\n关键词：年报\n有效性：有效\n"
        "\n2014年政府信息公开工作年度报告\n\n　　一、概述"
    )
    result = parse(text, title="")
    header = result.report.header
    assert header.index_number is not None
    assert header.index_number.parts is not None
    assert header.index_number.parts.agency == "11370900004341590P"
    assert header.publisher == "泰安市财政局"
    assert header.document_date == dt.date(2014, 12, 4)
    assert header.published_at == dt.datetime(2014, 12, 5, 9, 30, 15)
    assert header.subject == "财政"
    assert header.document_number == DocumentNumber("泰财", 2014, 7)
    assert header.other == (HeaderField("关键词", "年报"), HeaderField("有效性", "有效"))
    assert codes(result) == []


def test_header_values_that_cannot_be_read_are_kept() -> None:
    text = (
        "发布日期：2014-12-05\n文号：无\n时间：昨天\n发布机构：甲局\n发布机构：乙局\n\n2014年报告\n"
    )
    result = parse(text, title="")
    assert result.report.header.publisher == "甲局"
    assert result.report.header.other == (
        HeaderField("发布日期", "2014-12-05"),
        HeaderField("文号", "无"),
        HeaderField("时间", "昨天"),
        HeaderField("发布机构", "乙局"),
    )
    assert codes(result) == ["GP106", "GP104", "GP104", "GP105"]


def test_a_damaged_number_in_the_header() -> None:
    result = parse("文号：德政〔2014130号\n\n2014年报告\n", title="")
    assert result.report.header.document_number == DocumentNumber("德政", 2014, 130)
    assert [(d.code, d.path) for d in result.diagnostics] == [("GP301", "$.header.document_number")]


@pytest.mark.parametrize(("opening", "closing"), sorted(YEAR_BRACKETS.items()))
def test_every_year_bracket_of_the_model_is_repaired_in_the_header(
    opening: str, closing: str
) -> None:
    # The parser's repair reads the model's one table of year brackets: a bracket added there is repaired.
    result = parse(f"文号：德政{opening}2014130号\n\n2014年报告\n", title="")
    assert result.report.header.document_number == DocumentNumber("德政", 2014, 130)
    assert [(d.code, d.found) for d in result.diagnostics] == [("GP301", f"德政{opening}2014130号")]


def test_a_title_on_two_lines_and_no_year_in_it() -> None:
    result = parse(
        "公文生成日期：2015-01-20\n\n九原区政务服务局\n政府信息公开工作年度报告\n一、总体情况",
        title="",
    )
    assert result.report.title == "九原区政务服务局政府信息公开工作年度报告"
    # The catalogue's date is the year of publication: the report is on the year before (a guess, said).
    assert result.report.year == 2014
    assert result.report.header.publisher == "九原区政务服务局"  # the agency the title names
    assert codes(result) == ["GP107", "GP103", "GP115"]


def test_no_title_and_no_year() -> None:
    result = parse("一、总体情况\n\n　　正文。", title="")
    assert result.report.title == ""
    assert result.report.year is None
    assert sorted(codes(result)) == ["GP101", "GP108"]


def test_page_chrome_is_dropped() -> None:
    text = (
        "当前位置：首页 > 政务公开\n2014年报告\n字号：大 中 小\n\n　　一、概述\n\n　　正文。\n\n"
        "【打印】【关闭】\n分享到：\n扫一扫在手机打开当前页\n— 1 —"
    )
    result = parse(text, title="")
    assert result.report.body[0].paragraphs == ("正文。",)
    assert codes(result) == [
        "GP010",
        "GP010",
        "GP010",
    ]  # three runs, the title between the first two


# -------------------------------------------------------------------------------------------------
# Signature and attachments


@pytest.mark.parametrize(
    ("ending", "authority", "date", "date_text", "code"),
    [
        (
            "德化县科学技术局\n二〇一四年十二月四日",
            "德化县科学技术局",
            dt.date(2014, 12, 4),
            None,
            None,
        ),
        ("德化县科学技术局    2015年1月24日", "德化县科学技术局", dt.date(2015, 1, 24), None, None),
        ("德化县科学技术局\n2014 124", "德化县科学技术局", None, "2014 124", "GP402"),
        ("德化县科学技术局\n2014 1231", "德化县科学技术局", dt.date(2014, 12, 31), None, "GP403"),
        ("德化县科学技术局\n2014 1399", "德化县科学技术局", None, "2014 1399", "GP404"),
        ("德化县科学技术局", "德化县科学技术局", None, None, None),
        ("2014年12月4日", None, dt.date(2014, 12, 4), None, None),
    ],
)
def test_signatures(
    ending: str,
    authority: str | None,
    date: dt.date | None,
    date_text: str | None,
    code: str | None,
) -> None:
    result = parse(f"　　一、概述\n\n　　正文。\n\n{ending}\n")
    signature = result.report.signature
    assert signature is not None
    assert (signature.authority, signature.date, signature.date_text) == (
        authority,
        date,
        date_text,
    )
    assert codes(result) == ([code] if code else [])
    assert result.report.body[0].paragraphs == ("正文。",)


def test_the_ambiguous_date_says_both_readings() -> None:
    (d,) = parse("　　一、概述\n\n　　正文。\n\n德化县科学技术局\n2014 124\n").diagnostics
    assert "2014年1月24日" in d.message
    assert "2014年12月4日" in d.message


def test_a_last_paragraph_is_not_a_signature() -> None:
    result = parse("　　一、概述\n\n　　特此报告。\n\n　　我局将继续努力")
    assert result.report.signature is None


@pytest.mark.parametrize(
    "ending",
    [
        "德化县科学技术局\n2014年12月4日\n\n附件：1.公开目录\n　　　2.统计表",
        "附件：1.公开目录\n　　　2.统计表\n\n德化县科学技术局\n2014年12月4日",
        "附件：\n1.公开目录\n2.统计表\n\n德化县科学技术局\n2014年12月4日",
    ],
)
def test_attachments_after_or_before_the_signature(ending: str) -> None:
    report = parse(f"　　一、概述\n\n　　正文。\n\n{ending}\n").report
    assert [a.name for a in report.attachments] == ["公开目录", "统计表"]
    assert report.signature is not None
    assert report.signature.date == dt.date(2014, 12, 4)


# -------------------------------------------------------------------------------------------------
# Wrapped text next to the signature (cases hypothesis found in the round trip)


def test_the_last_line_of_a_wrapped_heading_is_not_an_authority() -> None:
    result = parse("　　一、我\n局我局\n")
    assert result.report.body[0].heading == "我局我局"
    assert result.report.signature is None


def test_a_signature_date_without_indent_under_the_authority() -> None:
    result = parse("　　一、概述\n\n　　正文。\n\n 泉州市财政局\n2000年1月10日\n")
    assert result.report.signature is not None
    assert result.report.signature.authority == "泉州市财政局"
    assert result.report.signature.date == dt.date(2000, 1, 10)
    assert result.report.body[0].paragraphs == ("正文。",)


def test_a_space_at_a_wrap_point_is_kept() -> None:
    result = parse("　　一、概述\n\n　　version 2 \nof the rules。\n")
    assert result.report.body[0].paragraphs == ("version 2 of the rules。",)
