"""The top of real pages (issue 14): catalogue layouts, the title among candidate lines, the year from
every source. The texts are cut from real pages (tests/fixtures/real/) or written as the issue quotes."""

from __future__ import annotations

import datetime as dt

from govdisclosure.parse import parse_text


def codes(text: str) -> list[str]:
    return [d.code for d in parse_text(text).diagnostics]


def test_a_catalogue_in_pipes_without_colons_with_empty_values() -> None:
    page = (
        "索 引 号 | 014416330/2018-04736 | 分 类 | 政府信息公开年报 综合政务,文秘工作 其他 |\n"
        "发布机构 | 市政府办 | 发文日期 | 2018-02-28 |\n"
        "文 号 | 有 效 性 |\n"
        "根据《中华人民共和国政府信息公开条例》规定,现公布泰州市人民政府2017年政府信息公开工作年度报告。"
        "报告所列数据的统计期限自2017年1月1日起至12月31日止。\n"
        "一、主要工作概述\n"
    )
    report = parse_text(page).report
    header = report.header
    assert str(header.index_number) == "014416330/2018-04736"
    assert header.publisher == "市政府办"
    assert header.document_date == dt.date(2018, 2, 28)
    assert header.subject == "政府信息公开年报 综合政务,文秘工作 其他"
    assert report.title == "泰州市人民政府2017年政府信息公开工作年度报告"  # quoted (GP110)
    assert report.year == 2017  # the title, not the catalogue's 2018


def test_several_fields_a_line_glued_and_spaced() -> None:
    page = (
        "名称 宿迁市2017年政府信息公开年度报告\n"
        "索引号000014349/2018-00042 分类 信息公开年报\n"
        "发布机构 宿迁市人民政府办公室 发文日期 2018-02-26\n\n"
        "一、概述\n"
    )
    report = parse_text(page).report
    assert report.title == "宿迁市2017年政府信息公开年度报告"
    assert str(report.header.index_number) == "000014349/2018-00042"
    assert report.header.publisher == "宿迁市人民政府办公室"
    assert report.header.subject == "信息公开年报"
    assert report.year == 2017


def test_chrome_above_the_title_and_a_title_over_two_lines() -> None:
    page = (
        "开启无障碍 开启长者助手\n首页 > 信息公开 > 公开年报\n\n城口县人民政府机关\n"
        "2020年政府信息公开工作年度报告\n\n发布时间:2021-01-28 17:47 来源:本网 【打印】\n\n一、总体情况\n"
    )
    result = parse_text(page)
    assert result.report.title == "城口县人民政府机关2020年政府信息公开工作年度报告"
    assert result.report.header.published_at == dt.datetime(2021, 1, 28, 17, 47)
    assert result.report.header.source == "本网"
    assert {"GP103", "GP112"} <= set(codes(page))


def test_the_year_from_the_period_the_introduction_and_the_catalogue() -> None:
    period = "一、总体情况\n\n本报告中所列数据的统计期限自2021年1月1日起至2021年12月31日止。\n"
    assert parse_text(period).report.year == 2021
    opening = "一、总体情况\n\n2023年，我镇认真贯彻落实《条例》。\n"
    assert parse_text(opening).report.year == 2023
    published = "发布日期：2021-02-20 09:00\n\n一、总体情况\n\n　　本机关认真做好工作。\n"
    assert parse_text(published).report.year == 2020  # published in February: the year before
    assert "GP107" in codes(published)


def test_the_title_wins_over_the_period_and_says_so() -> None:
    page = "2022年政府信息公开工作年度报告\n\n　　本报告数据统计期限自2021年1月1日起至2021年12月31日止。\n"
    result = parse_text(page)
    assert result.report.year == 2022
    assert [d.code for d in result.diagnostics if d.code == "GP111"] == ["GP111"]


def test_a_sentence_is_not_a_title() -> None:
    page = (
        "根据《中华人民共和国政府信息公开条例》和有关要求,现将我办2022年度政府信息公开情况报告如下:\n"
        "一、总体情况\n"
    )
    report = parse_text(page).report
    assert report.title == ""
    assert report.year == 2022
