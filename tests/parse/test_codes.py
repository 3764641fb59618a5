"""The diagnostic codes: documented in one table, each with its severity, and each one reachable."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

import govdisclosure.parse
from govdisclosure import Severity
from govdisclosure.parse import ParseResult, parse_html, parse_text
from govdisclosure.parse import _parser as parser_module
from govdisclosure.parse._codes import CODES

_ROW = re.compile(r"^(GP\d{3})\s+(info|warning|error)\s+\S", re.M)
BODY = "2014年政府信息公开工作报告\n\n　　一、概述\n\n"
STATUTORY = "2022年政府信息公开工作年度报告\n\n　　三、收到和处理政府信息公开申请情况\n\n"
T3_HEADER = (
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 申请人情况 |\n"
    "自然人 | 法人或其他组织 | 总计 |\n商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |\n"
)
RECEIVED = "一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |"
FORWARD = "二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |"
RESULTS = "三、本年度办理结果 | （一）予以公开 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |"
T2_2019 = (
    "第二十条第（一）项 |\n信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |\n"
    "规章 | 0 | 0 | 0 |\n规范性文件 | 0 | 0 | 0 |\n"
)
# Table 三 with its three header rows, its first data row shifted one column left by a wrong colspan.
T3_SHIFTED = (
    "<h1>2022年政府信息公开工作年度报告</h1><table>"
    "<tr><td colspan=3 rowspan=3>（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td>"
    "<td colspan=7>申请人情况</td></tr>"
    "<tr><td rowspan=2>自然人</td><td colspan=5>法人或其他组织</td><td rowspan=2>总计</td></tr>"
    "<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>"
    "<tr><td colspan=2>一、本年新收政府信息公开申请数量</td>" + "<td>0</td>" * 7 + "</tr></table>"
)


def _t3(*rows: str) -> ParseResult:
    return parse_text(STATUTORY + T3_HEADER + "\n".join(rows) + "\n")


# One input per code that must produce it.
CATALOGUE: dict[str, Callable[[], ParseResult]] = {
    "GP001": lambda: parse_html(b"<p>x</p>"),
    "GP002": lambda: parse_html("<p>德化</p>".encode("gb18030")),
    "GP003": lambda: parse_html(b'<meta charset="klingon"><p>x</p>'),
    "GP004": lambda: parse_html(b'<meta charset="utf-8"><p>\xff</p>'),
    "GP005": lambda: parse_text(BODY + "名称 | 数量 |\n规章 | 3 |"),
    "GP006": lambda: parse_html('<meta charset="utf-8"><p>德化</p>'.encode("gbk")),
    "GP007": lambda: parse_html("<p>甲<![foo[bar]]>乙</p>"),
    "GP008": lambda: parse_html(
        "<table>" + "<tr><td rowspan=100 colspan=100>1</td><td>2</td></tr>" * 40 + "</table>"
    ),
    "GP010": lambda: parse_text(BODY + "　　正文。\n\n打印本页"),
    "GP020": lambda: parse_text("一\u200b、概述"),
    "GP021": lambda: parse_text("一、概述\ud800"),
    "GP101": lambda: parse_text("一、概述"),
    "GP102": lambda: parse_text("2014年报告\n2014年报告\n\n　　正文。"),
    "GP103": lambda: parse_text("德化县科学技术局\n2014年政府信息公开工作年度报告"),
    "GP104": lambda: parse_text("公文生成日期：昨天\n\n2014年报告"),
    "GP105": lambda: parse_text("来源：甲\n来源：乙\n\n2014年报告"),
    "GP106": lambda: parse_text("发布日期：2014-12-04\n\n2014年报告"),
    "GP107": lambda: parse_text("公文生成日期：2014-12-04\n\n工作报告"),
    "GP108": lambda: parse_text("工作报告"),
    # real lines (tests/fixtures/real): taizhou-js-2017, yingbinlu-jd-2021, nanping-2012, yangling-sjj-2022
    "GP110": lambda: parse_text(
        "根据《中华人民共和国政府信息公开条例》规定,现公布泰州市人民政府2017年政府信息公开工作年度报告。"
    ),
    "GP111": lambda: parse_text(
        "2014年报告\n本报告中所列数据的统计期限自2013年1月1日起至2013年12月31日止。"
    ),
    "GP112": lambda: parse_text(
        "首页 > 政务公开 > 政府信息公开年报\n2021年迎宾路街道政府信息公开工作年度报告\n一、总体情况"
    ),
    "GP113": lambda: parse_text(
        "一、概述\n本报告中所列数据的统计时限自2012年1月1日至2012年12月31日。"
    ),
    "GP114": lambda: parse_text(
        "一、总体情况\n2022年,我局通过示范区管委会网站审计信息栏目公开信息20条。"
    ),
    "GP115": lambda: parse_text("2021年迎宾路街道政府信息公开工作年度报告\n一、总体情况"),
    "GP116": lambda: parse_text(STATUTORY.replace("2022", "2014") + T2_2019),
    "GP117": lambda: parse_text("2022年01月18日来源:1\n时间:2022-01-18 10:00\n\n2021年报告"),
    "GP118": lambda: parse_text("　　本报告由南平市人民政府办公室根据《条例》编制。\n一、概述"),
    "GP119": lambda: parse_text("一、概述\n　　全市2009年公开信息30条，2009年受理申请5件。"),
    "GP120": lambda: parse_text("2022年01月18日来源:1\n\n2021年报告"),
    "GP121": lambda: parse_text("一、总体情况\n　　2023年，官洲街道办事处认真贯彻落实《条例》。"),
    "GP122": lambda: parse_text(
        "廣州市人民政府\n2013年3月\n　　本年度報告根據《條例》編寫而成。\n一、概述"
    ),
    "GP201": lambda: parse_text(BODY + "　　一是加强领导二是完善制度。"),
    "GP202": lambda: parse_text(BODY + "　　做法：一是加强领导；二是完善制度"),
    "GP203": lambda: parse_text(BODY + "　　一是加强领导。\n\n　　三是完善制度。"),
    "GP204": lambda: parse_text("2014年报告\n\n　　（一）概述"),
    "GP205": lambda: parse_text("2014年报告\n\n　　如下: 一、概述 正文。 二、问题 没有。"),
    "GP301": lambda: parse_text(BODY + "　　根据《通知》（闽政〔2014130号）。"),
    "GP302": lambda: parse_text(BODY + "　　根据《通知》（闽政2014-130号）。"),
    "GP303": lambda: parse_text(BODY + "　　截至13月，累计公开信息30条。"),
    "GP401": lambda: parse_text(
        "公文生成日期：2014-12-04\n\n2014年报告\n\n　　正文。\n\n德化县科学技术局\n2014 124"
    ),
    "GP402": lambda: parse_text(BODY + "　　正文。\n\n德化县科学技术局\n2014 124"),
    "GP403": lambda: parse_text(BODY + "　　正文。\n\n德化县科学技术局\n2014 1231"),
    "GP404": lambda: parse_text(BODY + "　　正文。\n\n德化县科学技术局\n2014 1399"),
    "GP501": lambda: _t3(RECEIVED, "二、上年结转政府信息公开申请数 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |"),
    "GP502": lambda: _t3(RECEIVED + " 1 |", FORWARD),
    "GP503": lambda: _t3("一、本年新收政府信息公开申请数量 | 1 | 0 | 0 |", FORWARD),
    "GP504": lambda: _t3(RECEIVED, "二、上年结转政府信息公开申请数量 | 0 | 0 |"),
    "GP505": lambda: _t3(RECEIVED, RESULTS),
    "GP506": lambda: _t3(RECEIVED.replace("| 0 |", "| -1 |", 1), FORWARD),
    "GP507": lambda: parse_html(T3_SHIFTED),
    "GP508": lambda: parse_text(STATUTORY + T2_2019),
    "GP509": lambda: _t3(RECEIVED, "其他需要说明的情况 | 1 |", FORWARD),
    "GP510": lambda: _t3(RECEIVED, FORWARD),
    "GP511": lambda: _t3(RECEIVED, RECEIVED, FORWARD),
    "GP512": lambda: parse_text(
        STATUTORY.replace("2022", "2020")
        + "第二十条第（九）项 |\n信息内容 | 采购项目数量 | 采购总金额 |\n"
        "政府集中采购 | 3 | 251000 |\n"
    ),
    "GP513": lambda: parse_text(
        STATUTORY.replace("2022", "2020")
        + "第二十条第（五）项 |\n信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |\n"
        "行政许可\t+4\t9\n其他对外管理服务事项 | 1 | 0 | 1 |\n"
    ),
    # as the published 2023 and 2024 reports of 洪泽区 print it (tests/fixtures/real-files)
    "GP514": lambda: _t3(RECEIVED, FORWARD, "（六）其他处理 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |"),
    "GP515": lambda: _t3("一、本年新收政府信息公开申请数量2000002", FORWARD),
    "GP516": lambda: _t3(RECEIVED, "二、上年结转政府信息公开申请数量00000000"),
}


def test_the_docstring_table_is_the_code_table() -> None:
    documented = dict(_ROW.findall(govdisclosure.parse.__doc__ or ""))
    assert documented == {code: entry.severity.value for code, entry in CODES.items()}


def test_codes_are_stable_in_form() -> None:
    assert all(re.fullmatch(r"GP\d{3}", code) for code in CODES)
    assert all(entry.message and entry.message_en for entry in CODES.values())


@pytest.mark.parametrize("code", sorted(CATALOGUE))
def test_each_code_is_reachable(code: str) -> None:
    result = CATALOGUE[code]()
    found = [d for d in result.diagnostics if d.code == code]
    assert found, [d.code for d in result.diagnostics]
    assert all(d.severity is CODES[code].severity for d in found)
    assert "GP999" not in {d.code for d in result.diagnostics}


def test_every_code_but_the_safety_net_is_in_the_catalogue() -> None:
    # The codes of files (GP800–GP849) are reached from files, in tests/files/test_codes.py.
    files = {code for code in CODES if "GP800" <= code <= "GP849"}
    assert set(CATALOGUE) == set(CODES) - {"GP999"} - files


def test_the_safety_net_turns_a_bug_into_an_error_diagnostic(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(parser_module, "build_body", broken)
    result = parse_text("2014年报告\n\n　　正文。")
    (d,) = [d for d in result.diagnostics if d.code == "GP999"]
    assert d.severity is Severity.ERROR
    assert "RuntimeError: boom" in d.message
    assert result.report.title == ""
    assert result.count(Severity.ERROR) == 1


def test_one_diagnostic_per_cause_with_its_count() -> None:
    # Issue 14: a page with a local table between every paragraph gave one GP005 a table.
    page = "2014年工作报告\n\n" + "".join(
        f"　　第{k}段正文。\n\n项目 | 数量 |\n甲 | {k} |\n\n" for k in range(1, 31)
    )
    result = parse_text(page)
    merged = [d for d in result.diagnostics if d.code == "GP005"]
    assert len(merged) == 1
    assert "(30 like it in all)" in merged[0].message_en
    assert "同类共 30 处" in merged[0].message
