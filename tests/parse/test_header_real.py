"""The top of real pages: each catalogue layout, each source of the title and of the year.

Every input is lines copied from a page of the real corpus (``tests/fixtures/real/``, named in each
case); every expected value is read off those lines by hand.
"""

from __future__ import annotations

import datetime as dt

import pytest

from govdisclosure import HeaderField, IndexNumber
from govdisclosure.parse import ParseResult, parse_text
from govdisclosure.parse._catalogue import canonical_label, read_field_line
from govdisclosure.parse._piece import Piece
from govdisclosure.parse._title import quoted_title, title_agency, title_score

BODY = "\n一、总体情况\n　　正文。\n"


def codes(result: ParseResult) -> list[str]:
    return [d.code for d in result.diagnostics]


def pairs(line: str) -> list[tuple[str, str]]:
    found = read_field_line(Piece.of(line, 0))
    assert found is not None, line
    return [(label, value.text) for label, value in found.pairs]


# -------------------------------------------------------------------------------------------------
# Catalogue lines


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # taizhou-js-2017: '|' cells, spaced labels, empty values
        (
            "索 引 号 | 014416330/2018-04736 | 分 类 | 政府信息公开年报 综合政务,文秘工作 其他 |",
            [
                ("索引号", "014416330/2018-04736"),
                ("分类", "政府信息公开年报 综合政务,文秘工作 其他"),
            ],
        ),
        (
            "发布机构 | 市政府办 | 发文日期 | 2018-02-28 |",
            [("发布机构", "市政府办"), ("发文日期", "2018-02-28")],
        ),
        ("文 号 | 有 效 性 |", [("文号", ""), ("有效性", "")]),
        # shanyang-2020: several fields a line, no colon, runs of spaces
        (
            "索 引 号 01606072-9-30/2021-0223004 发布机构 市政府办",
            [("索引号", "01606072-9-30/2021-0223004"), ("发布机构", "市政府办")],
        ),
        (
            "公开目录 县区政府信息公开年度报告 发布日期 2021-02-20 09:00",
            [("公开目录", "县区政府信息公开年度报告"), ("发布日期", "2021-02-20 09:00")],
        ),
        # moe-2017: colons and spaces
        (
            "信息索引: 360A01-99-2018-0004-1 生成日期: 2018-03-30 发文机构: 教育部办公厅",
            [
                ("信息索引", "360A01-99-2018-0004-1"),
                ("生成日期", "2018-03-30"),
                ("发文机构", "教育部办公厅"),
            ],
        ),
        # moe-2016: colon and '|' together
        (
            "发文字号: | 教办厅〔2017〕2号 | 信息类别: | 其他 | ||",
            [("发文字号", "教办厅〔2017〕2号"), ("信息类别", "其他")],
        ),
        # xiaguanzhen-2009: traditional characters and pinyin readings inside the label
        ("發(fā)布單位: | 下管鎮(zhèn) |", [("发布单位", "下管鎮(zhèn)")]),
        (
            "文號: | 公開日期: | 2015-07-27 16:32 | |",
            [("文号", ""), ("公开日期", "2015-07-27 16:32")],
        ),
        # the brief's glued label
        ("索引号000014349/2023-74857", [("索引号", "000014349/2023-74857")]),
        # anxiang-2013: '?' for lost separators
        (
            "来源:县政务公开办??发布时间:2014-03-19?? 字号【",
            [("来源", "县政务公开办"), ("发布时间", "2014-03-19?? 字号【")],
        ),
        # suqian-2017: labels without values
        ("文号 关键词", [("文号", ""), ("关键词", "")]),
    ],
)
def test_catalogue_lines(line: str, expected: list[tuple[str, str]]) -> None:
    assert pairs(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "一、总体情况",
        "2022年政府信息公开工作年度报告",
        "中村乡2020年政府信息公开工作年度报告",
        "访问量:",
    ],
)
def test_lines_that_are_no_catalogue(line: str) -> None:
    found = read_field_line(Piece.of(line, 0))
    assert found is None or all(label == "访问量" for label, _ in found.pairs)


def test_labels_are_canonical() -> None:
    assert canonical_label("名  称") == "名称"
    assert canonical_label("公開日期") == "公开日期"


def test_the_catalogue_as_a_pipe_table_taizhou() -> None:
    page = (
        "索 引 号 | 014416330/2018-04736 | 分 类 | 政府信息公开年报 综合政务,文秘工作 其他 |\n"
        "发布机构 | 市政府办 | 发文日期 | 2018-02-28 |\n"
        "文 号 | 有 效 性 |\n"
        "根据《中华人民共和国政府信息公开条例》规定,现公布泰州市人民政府2017年政府信息公开工作年度报告。"
        "报告所列数据的统计期限自2017年1月1日起至12月31日止。\n"
        "一、主要工作概述\n"
    )
    result = parse_text(page)
    report = result.report
    header = report.header
    assert header.index_number == IndexNumber("014416330/2018-04736")
    assert header.publisher == "市政府办"
    assert header.document_date == dt.date(2018, 2, 28)
    assert header.subject == "政府信息公开年报 综合政务,文秘工作 其他"
    assert header.document_number is None
    assert header.other == (HeaderField("有效性", ""),)
    assert report.title == "泰州市人民政府2017年政府信息公开工作年度报告"  # from the first sentence
    assert report.year == 2017  # the title's, not the catalogue's 2018
    assert "GP110" in codes(result)
    assert result.source_of("$.title") == report.title


def test_several_fields_a_line_and_a_breadcrumb_shanyang() -> None:
    page = (
        "当前位置: 网站首页 -> 政务公开 -> 政府信息公开年报 -> 2020年政府信息公开年报 -> 正文\n"
        "山阳县人民政府2020年政府信息公开工作年度报告\n"
        "索 引 号 01606072-9-30/2021-0223004 发布机构 市政府办\n"
        "公开目录 县区政府信息公开年度报告 发布日期 2021-02-20 09:00\n"
        "名  称 山阳县人民政府2020年政府信息公开工作年度报告\n" + BODY
    )
    result = parse_text(page)
    header = result.report.header
    assert header.index_number == IndexNumber("01606072-9-30/2021-0223004")
    assert header.publisher == "市政府办"
    assert header.subject == "县区政府信息公开年度报告"
    assert header.published_at == dt.datetime(2021, 2, 20, 9, 0)
    assert result.report.title == "山阳县人民政府2020年政府信息公开工作年度报告"
    assert result.report.year == 2020
    assert result.report.body[0].heading == "总体情况"


def test_empty_labels_each_on_a_line_wenyinghu() -> None:
    page = (
        "索 引 号:\n信息分类: 乡镇街道\n发布机构:\n发布日期: 2022-01-31 14:46\n"
        "标题: 平城区文瀛湖街道2021年政府信息公开工作年度报告\n文号:\n时效:\n\n"
        "平城区文瀛湖街道2021年政府信息公开工作年度报告\n\n"
        "发布时间:2022-01-31 14:46 来源:平城区文瀛湖街道\n| | | |\n" + BODY
    )
    result = parse_text(page)
    header = result.report.header
    assert header.index_number is None
    assert header.document_number is None
    assert header.subject == "乡镇街道"
    assert header.source == "平城区文瀛湖街道"
    assert header.published_at == dt.datetime(2022, 1, 31, 14, 46)
    assert result.report.title == "平城区文瀛湖街道2021年政府信息公开工作年度报告"
    assert header.publisher == "平城区文瀛湖街道"  # no 发布机构 value: the title's agency (GP115)
    assert "GP115" in codes(result)
    assert "GP102" in codes(result)


def test_a_value_on_the_next_line() -> None:
    result = parse_text("发布机构:\n德化县科学技术局\n\n2014年政府信息公开工作报告\n" + BODY)
    assert result.report.header.publisher == "德化县科学技术局"
    assert result.report.title == "2014年政府信息公开工作报告"


def test_chrome_after_dates_and_sources() -> None:
    # panzhihua-sjj-2014, xizhen-2022, wenzhou-2023
    result = parse_text(
        "攀枝花市审计局2014年政府信息公开年度报告\n"
        "来源:系统管理组 发布时间:2015-01-30 选择阅读字号:[ 大 中 小 ] 阅读次数: 0\n" + BODY
    )
    assert result.report.header.source == "系统管理组"
    assert result.report.header.other == (HeaderField("发布时间", "2015-01-30"),)  # no time: GP106
    result = parse_text(
        "温州市人民政府2023年政府信息公开工作年度报告\n"
        "发布日期: 2024- 03- 08 16: 45 浏览次数: 来源: 温州市人民政府 字体:[ ]\n" + BODY
    )
    assert result.report.header.published_at == dt.datetime(2024, 3, 8, 16, 45)
    assert result.report.header.source == "温州市人民政府"


def test_an_unlabelled_date_before_a_label_is_the_publication_date_yingbinlu() -> None:
    result = parse_text(
        "2021年迎宾路街道政府信息公开工作年度报告\n迎宾路街道办事处\n2022年01月18日来源:1\n" + BODY
    )
    header = result.report.header
    assert header.source == "1"
    assert header.other == (HeaderField("发布日期", "2022年01月18日"),)  # a date without a time
    assert "GP120" in codes(result)
    assert "GP117" not in codes(result)
    assert "GP112" in codes(result)  # 迎宾路街道办事处, between the title and the catalogue


def test_a_date_line_among_the_fields_is_the_publication_date_guangzhou_mirror() -> None:
    result = parse_text(
        "广州市人民政府2023年政府信息公开工作年度报告\n\n  • 听全文\n  • 2024-03-08 10:30\n"
        "  • 来源:广州市人民政府办公厅\n  • 6135\n" + BODY
    )
    header = result.report.header
    assert header.published_at == dt.datetime(2024, 3, 8, 10, 30)
    assert header.source == "广州市人民政府办公厅"
    assert "GP120" in codes(result)


@pytest.mark.parametrize(
    "top",
    [
        # a labelled date besides: the unlabelled one is not read
        "2022年01月18日来源:1\n发布时间:2022-01-19 10:00\n",
        # two unlabelled dates: which is which cannot be told
        "2022年01月18日来源:1\n2022-01-19\n发布机构:某局\n",
    ],
)
def test_an_unlabelled_date_is_not_read_where_it_is_ambiguous(top: str) -> None:
    result = parse_text("2021年某局政府信息公开工作年度报告\n" + top + BODY)
    assert "GP120" not in codes(result)
    assert all(f.value not in ("2022年01月18日", "2022-01-19") for f in result.report.header.other)


def test_the_publisher_is_the_maker_the_first_sentence_names_nanping() -> None:
    page = (
        "本报告由南平市人民政府信息公开工作领导小组办公室根据《中华人民共和国政府信息公开条例》"
        "(以下简称《条例》)要求,汇总南平市各县(市、区)政府信息公开工作情况编制而成。\n一、概述\n"
    )
    result = parse_text(page)
    assert result.report.header.publisher == "南平市人民政府信息公开工作领导小组办公室"
    assert "GP118" in codes(result)
    mine = parse_text(page.replace("南平市人民政府信息公开工作领导小组办公室", "我办"))
    assert mine.report.header.publisher is None


def test_a_street_named_by_its_street_is_an_agency() -> None:
    assert title_agency("2021年佳荣里街政府信息公开工作年度报告") == (5, 9)


def test_the_year_named_most_in_the_first_sections_is_the_year() -> None:
    # as older reports print it: no title, no period, the year only mid-sentence
    page = (
        "一、概述\n　　全区在2009年公开信息30条，其中2009年下半年15条，依据《2008年工作要点》。\n"
    )
    result = parse_text(page)
    assert result.report.year == 2009
    assert "GP119" in codes(result)
    tie = parse_text("一、概述\n　　全区在2009年公开信息30条，比2008年多5条。\n")
    assert tie.report.year is None  # one year as often as another: not told
    assert "GP108" in codes(tie)


# -------------------------------------------------------------------------------------------------
# The title


@pytest.mark.parametrize(
    ("page", "title"),
    [
        # huichang-zhongcunxiang-2020: chrome and a breadcrumb above the title
        (
            "关怀版 无障碍 无障碍\n\n您当前所在位置: 首页 > 乡镇信息公开 > 中村乡 > 政务信息公开年报\n\n"
            "中村乡2020年政府信息公开工作年度报告\n\n访问量:\n",
            "中村乡2020年政府信息公开工作年度报告",
        ),
        # chengkou-xzfjg-2020: the agency on the line above
        (
            "城口县人民政府机关\n2020年政府信息公开工作年度报告\n",
            "城口县人民政府机关2020年政府信息公开工作年度报告",
        ),
        # suzhou-ah-2016: broken after the year, the publisher and the date under it
        (
            "宿州市人民政府2016年\n政府信息公开工作年度报告\n宿州市人民政府办公室\n2017年3月\n",
            "宿州市人民政府2016年政府信息公开工作年度报告",
        ),
        # yangcheng-2013: the site's name above is not part of the title
        (
            "阳城县人民政府办公室\n\n阳城县人民政府2013年政府信息公开年度报告\n\n发布时间: 2014-03-05\n",
            "阳城县人民政府2013年政府信息公开年度报告",
        ),
        # erlang-zhen-2019: site name, breadcrumb, title, date, then the title again over two lines
        (
            "重庆市合川区二郎镇人民政府\n\n您当前的位置:首页>二郎镇人民政府>政务公开>政府信息公开年报\n\n"
            "重庆市合川区二郎镇人民政府2019年政府信息公开工作报告\n\n日期:2020-08-06\n\n"
            "重庆市合川区二郎镇人民政府\n\n2019年政府信息公开工作报告\n",
            "重庆市合川区二郎镇人民政府2019年政府信息公开工作报告",
        ),
        # wendeng-xfj-2022: a flip-book's page furniture
        (
            "Page 8 - 威海市文登区信访局2022年政府信息公开工作年度报告\nP. 8\n",
            "威海市文登区信访局2022年政府信息公开工作年度报告",
        ),
        # lanzhouxinqu-wjw-2020: a copied tab title with the site's name
        (
            "兰州新区卫生健康委员会2020年政府信息公开工作年度报告-尊龙网平台\n",
            "兰州新区卫生健康委员会2020年政府信息公开工作年度报告",
        ),
        # xiaguanzhen-2009: a title cell of a '|' row, traditional characters with readings
        (
            "2009年度下管鎮(zhèn)政府信息公開年度報(bào)告 | ||\n",
            "2009年度下管鎮(zhèn)政府信息公開年度報(bào)告",
        ),
    ],
)
def test_the_title_among_the_lines_of_the_top(page: str, title: str) -> None:
    result = parse_text(page + BODY)
    assert result.report.title == title
    # lines after the title that are neither it nor catalogue stay the body's (宿州市人民政府办公室, P. 8)
    assert result.report.body[-1].heading == "总体情况"


def test_the_title_repeated_over_two_lines_is_dropped_erlang() -> None:
    page = (
        "重庆市合川区二郎镇人民政府2019年政府信息公开工作报告\n\n日期:2020-08-06\n\n"
        "重庆市合川区二郎镇人民政府\n\n2019年政府信息公开工作报告\n" + BODY
    )
    result = parse_text(page)
    assert codes(result).count("GP102") == 1
    assert result.report.header.other == (HeaderField("日期", "2020-08-06"),)
    assert result.report.body[0].heading == "总体情况"


def test_no_title_where_the_page_prints_none() -> None:
    # hanyang-qzfbgs-2022 and hainan-yjj-2014 open with the report's first sentence
    for page in (
        "根据《中华人民共和国政府信息公开条例》和政府信息公开工作的有关要求,现将我办2022年度政府信息公开情况报告如下:\n",
        "按照《中华人民共和国政府信息公开条例》的有关规定,现将我局2014年政府信息公开情况报告如下。\n",
    ):
        result = parse_text(page + BODY)
        assert result.report.title == ""
        assert "GP101" in codes(result)


@pytest.mark.parametrize(
    ("sentence", "title"),
    [
        (
            "根据《中华人民共和国政府信息公开条例》(以下简称《条例》)的规定,现公布宝鸡市凤县人民政府2020年度政府信息公开工作年度报告。",
            "宝鸡市凤县人民政府2020年度政府信息公开工作年度报告",
        ),
        (
            "2014年以来,……特编制并向社会公布金水区发展改革和统计局2014年度政府信息公开年度报告如下:",
            "金水区发展改革和统计局2014年度政府信息公开年度报告",
        ),
        ("现发布《辽宁省2019年度政府信息公开工作报告》。", "辽宁省2019年度政府信息公开工作报告"),
    ],
)
def test_the_title_quoted_in_the_first_sentence(sentence: str, title: str) -> None:
    found = quoted_title(Piece.of(sentence, 0))
    assert found is not None
    assert found.text == title


def test_a_title_naming_we_is_no_title_yangling() -> None:
    assert (
        quoted_title(Piece.of("根据《条例》规定,现公布我局2022年政府信息公开工作年度报告。", 0))
        is None
    )


@pytest.mark.parametrize(
    ("title", "agency"),
    [
        ("孝感市人民政府办公室2020年政府信息公开工作年度报告", "孝感市人民政府办公室"),
        ("2022年上海市政府信息公开工作年度报告", "上海市"),
        (
            "重庆市大足区人民政府外事办公室政府信息公开工作2022年度报告",
            "重庆市大足区人民政府外事办公室",
        ),
        ("教育部办公厅关于2016年教育部政府信息公开工作年度报告的公告", "教育部办公厅"),
        ("2013年度安乡县政府信息公开工作年度报告", "安乡县"),
        ("2014年政府信息公开工作年度报告", None),
        ("1990年我局信息公开报告", None),
    ],
)
def test_the_agency_a_title_names(title: str, agency: str | None) -> None:
    where = title_agency(title)
    assert (None if where is None else title[slice(*where)]) == agency


def test_title_scores_order_the_candidates() -> None:
    assert title_score("中村乡2020年政府信息公开工作年度报告") > title_score("关怀版 无障碍 无障碍")
    assert title_score("重庆市合川区二郎镇人民政府") == 0
    assert title_score("2014年政府信息公开工作进展情况“成绩单”") == 4


# -------------------------------------------------------------------------------------------------
# The year


@pytest.mark.parametrize(
    ("page", "year", "code"),
    [
        # lishui-2017: the statistical period
        (
            "本年度报告根据《中华人民共和国政府信息公开条例》要求编制。"
            "报告中所列数据的统计期限自2017年1月1日起至2017年12月31日止。\n一、概述\n",
            2017,
            "GP113",
        ),
        # mashuizhen-2019's damaged period (年 and 月 lost)
        (
            "本年度报告中所列数据的统计期限自201911日起至20191231日止。\n一、总体情况\n",
            2019,
            "GP113",
        ),
        # nileke-zhen-2023: the sentence that says what is reported
        (
            "一、总体情况\n本报告是根据《中华人民共和国政府信息公开条例》要求,现结合我镇实际,"
            "主要从总体情况等六个方面汇报我镇2023年政府信息公开工作。\n",
            2023,
            "GP114",
        ),
        # wuhan-sthjj-2020: in traditional characters, the cited notice's year ignored
        (
            "根據市政務服務和大數據管理局轉發的《湖北省人民政府辦公廳關於做好2019年政府信息公開年度報告編制和發布工作的通知》"
            "有關要求,現將我局2020年度政府信息公開情況報告如下。\n",
            2020,
            "GP114",
        ),
        # qilipingzhen-2020: a paragraph opening with its year
        (
            "一、总体情况\n2020年七里坪镇严格按照《中华人民共和国政府信息公开条例》有关要求开展工作。\n",
            2020,
            "GP114",
        ),
        # changchun-tyjrswj-2023
        (
            "一、总体情况\n(一)主动公开信息情况。截止2023年12月31日我局通过官方网站发布政务类信息34条。\n",
            2023,
            "GP114",
        ),
    ],
)
def test_the_year_without_a_title(page: str, year: int, code: str) -> None:
    result = parse_text(page)
    assert result.report.year == year
    assert code in codes(result)


def test_the_title_wins_over_the_period_and_says_so() -> None:
    result = parse_text(
        "2014年报告\n本报告中所列数据的统计期限自2013年1月1日起至2013年12月31日止。\n"
    )
    assert result.report.year == 2014
    (disagree,) = [d for d in result.diagnostics if d.code == "GP111"]
    assert "2013" in disagree.message
    assert "2014" in disagree.message


def test_the_year_before_the_catalogue_date_as_a_last_resort() -> None:
    result = parse_text("索 引 号 | 014416330/2018-04736 |\n\n一、概述\n　　正文。\n")
    assert result.report.year == 2017
    (note,) = [d for d in result.diagnostics if d.code == "GP107"]
    assert "2017" in note.message


def test_a_flip_book_page_name_gives_the_year_shenjiju() -> None:
    result = parse_text(
        "Page 9 - 2020年报_审计局\nP. 9\n四、政府信息公开行政复议、行政诉讼情况\n"
        "2020 年,我单位对形成的政府信息实现了依法、有序公开,\n"
    )
    assert result.report.title == ""
    assert result.report.year == 2020


# -------------------------------------------------------------------------------------------------
# Rules found on the pages of the second held-out set (now development pages): each on the page's own
# lines, and on a made-up text that only the rule can read right.


@pytest.mark.parametrize(
    ("top", "title", "publisher"),
    [
        # chibi-pufang-2020: the site's label for the column, then the title
        (
            "2020年信息公开年报\n蒲纺工业园区2020年政府信息公开工作年度报告\n",
            "蒲纺工业园区2020年政府信息公开工作年度报告",
            "蒲纺工业园区",
        ),
        # songmutang-zhen-2022: a short headline, then the agency and the title over two lines
        (
            "2022年政府信息公开工作年度报告\n桃江县松木塘镇人民政府\n2022年政府信息公开工作年度报告\n",
            "桃江县松木塘镇人民政府2022年政府信息公开工作年度报告",
            "桃江县松木塘镇人民政府",
        ),
        # made up: the same, a year and an agency no page prints
        (
            "2031年信息公开年报\n某某县文化局2031年政府信息公开工作年度报告\n",
            "某某县文化局2031年政府信息公开工作年度报告",
            "某某县文化局",
        ),
        (
            "2031年政府信息公开工作年度报告\n某某县某某乡人民政府\n2031年政府信息公开工作年度报告\n",
            "某某县某某乡人民政府2031年政府信息公开工作年度报告",
            "某某县某某乡人民政府",
        ),
    ],
)
def test_of_equal_titles_the_one_naming_its_agency_wins(
    top: str, title: str, publisher: str
) -> None:
    result = parse_text(top + BODY)
    assert result.report.title == title
    assert result.report.header.publisher == publisher
    assert "GP112" in codes(result)  # the line above the title is dropped, and said


def test_a_better_title_still_wins_over_one_naming_its_agency() -> None:
    # the agency rule only breaks ties: 某某局年度工作 (score 0) never beats a title
    result = parse_text("2031年政府信息公开工作年度报告\n某某县文化局2031年工作\n" + BODY)
    assert result.report.title == "2031年政府信息公开工作年度报告"
    # two equal titles naming no agency: the first, as before
    result = parse_text("2031年政府信息公开工作年度报告\n2031年信息公开年报\n" + BODY)
    assert result.report.title == "2031年政府信息公开工作年度报告"


@pytest.mark.parametrize(
    ("title", "agency"),
    [
        # jingxian-2012, shanghai-bgt-2020-trad, qingxin-bgs-2022
        ("2012年泾县人民政府信息公开年度报告", "泾县人民政府"),
        ("2020年上海市人民政府辦公廳政府信息公開工作年度報告", "上海市人民政府辦公廳"),
        (
            "清远市清新区人民政府办公室(以下简称区政府办公室)2022年政府信息公开工作年度报告",
            "清远市清新区人民政府办公室",
        ),
        # made up
        ("2031年某某县人民政府信息公开年度报告", "某某县人民政府"),
        ("2031年某某市人民政府辦公廳政府信息公開工作年度報告", "某某市人民政府辦公廳"),
        ("某某县卫生健康局（以下简称县卫健局）2031年政府信息公开工作年度报告", "某某县卫生健康局"),
        # 政府 is taken only where it makes an agency of the words before it
        ("2031年某某人信息公开年度报告", None),
    ],
)
def test_the_agency_a_title_names_after_its_year_in_traditional_or_with_an_aside(
    title: str, agency: str | None
) -> None:
    where = title_agency(title)
    assert (None if where is None else title[slice(*where)]) == agency


@pytest.mark.parametrize(
    ("sentence", "maker"),
    [
        # linyi-xian-2012, mirror-mot-2019-trad
        (
            "本年报是根据《中华人民共和国政府信息公开条例》和省市关于信息公开的相关要求,"
            "由临邑县人民政府编制的2012年政府信息公开年度报告。",
            "临邑县人民政府",
        ),
        (
            "按照《中華人民共和國政府信息公開條例》(以下簡稱《條例》),交通運輸部編制了本級行政機關"
            "2019年政府信息公開工作年度報告。",
            "交通運輸部",
        ),
        # made up
        ("依据条例，由某某县水利局编制的2031年政府信息公开工作年度报告如下。", "某某县水利局"),
        ("根据条例，某某市统计局编制了2031年政府信息公开工作年度报告。", "某某市统计局"),
        ("根据条例，我局编制了2031年政府信息公开工作年度报告。", None),
        ("根据条例，某某市统计局编制了统计公报。", None),  # not the report
    ],
)
def test_the_maker_the_first_sentence_names(sentence: str, maker: str | None) -> None:
    result = parse_text(sentence + "\n一、总体情况\n　　正文。\n")
    assert result.report.header.publisher == maker
    assert ("GP118" in codes(result)) == (maker is not None)


@pytest.mark.parametrize(
    ("top", "title", "publisher"),
    [
        # maguan-jtj-2019: the site's year tag in brackets before the title
        (
            "【2019】马关县交通运输局2019年政府信息公开工作年度报告\n",
            "马关县交通运输局2019年政府信息公开工作年度报告",
            "马关县交通运输局",
        ),
        # made up
        (
            "[年报] 某某镇人民政府2031年政府信息公开工作年度报告\n",
            "某某镇人民政府2031年政府信息公开工作年度报告",
            "某某镇人民政府",
        ),
    ],
)
def test_a_site_tag_before_the_title_is_dropped(top: str, title: str, publisher: str) -> None:
    result = parse_text(top + BODY)
    assert result.report.title == title
    assert result.report.header.publisher == publisher


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # xianning-jtj-2019, maguan-jtj-2019: a label with nothing after it but the next label
        ("主题分类: 发文单位: 无", [("主题分类", ""), ("发文单位", "无")]),
        ("来源: 更新时间:2020/01/18", [("来源", ""), ("更新时间", "2020/01/18")]),
        # beijie-jd-2025: a '|' row going on past a label the format does not know
        (
            "| 生成日期 | 2026-01-23 16:24:38 | 是否有效 |",
            [("生成日期", "2026-01-23 16:24:38"), ("是否有效", "")],
        ),
        # made up: labels no page of the corpus prints
        ("来源: 最后修改:2031/01/18", [("来源", ""), ("最后修改", "2031/01/18")]),
        ("分类: 审核人: 张三", [("分类", ""), ("审核人", "张三")]),
        (
            "| 发布日期 | 2031-03-01 10:00 | 有效期限 | 长期 |",
            [("发布日期", "2031-03-01 10:00"), ("有效期限", "长期")],
        ),
        # a colon inside a value is no label where the words before it are longer than a label's
        ("来源: 某某市人民政府办公室:综合科", [("来源", "某某市人民政府办公室:综合科")]),
        ("来源: 某某市 政府办公室综合科:张三", [("来源", "某某市 政府办公室综合科:张三")]),
    ],
)
def test_a_label_followed_by_another_label_has_an_empty_value(
    line: str, expected: list[tuple[str, str]]
) -> None:
    assert pairs(line) == expected


def test_an_unknown_word_alone_is_still_no_catalogue_row() -> None:
    # a '|' row must read a known label first: a table row of words is no catalogue
    assert read_field_line(Piece.of("| 信息内容 | 本年新制作数量 |", 0)) is None


def test_empty_fields_followed_by_labels_on_a_page_xianning_and_beijie() -> None:
    xianning = parse_text(
        "索引号 : 文 号 : 无\n主题分类: 发文单位: 无\n"
        "名 称: 咸宁市交通运输局2019年度政府信息公开工作报告 发布日期: 2020年01月03日\n"
        "有效性: 发文日期:\n" + BODY
    )
    header = xianning.report.header
    assert header.subject is None
    assert header.index_number is None
    assert header.publisher == "咸宁市交通运输局"  # from the title (GP115): 发文单位 prints 无
    beijie = parse_text(
        "北街街道2025年政府信息公开工作年度报告\n"
        "| 索引号 | 620702081/2026-00007 | 发文字号 | |\n"
        "| 生成日期 | 2026-01-23 16:24:38 | 是否有效 |\n" + BODY
    )
    assert beijie.report.header.document_date == dt.date(2026, 1, 23)
    assert beijie.report.header.index_number == IndexNumber("620702081/2026-00007")


# -------------------------------------------------------------------------------------------------
# The third held-out set's layouts, folded into the corpus: each rule on the real lines and made up


@pytest.mark.parametrize(
    ("page", "publisher"),
    [
        # guanzhou-jd-2023: the subject after an opening clause, in section 一
        (
            "一、总体情况\n2023年,在区委、区政府的坚强领导下,官洲街道办事处认真贯彻落实《条例》,"
            "坚持原则,向社会公开政府信息。\n",
            "官洲街道办事处",
        ),
        # wuhan-2020: the introduction names none; section 一's first sentence does
        (
            "本报告是根据《条例》编制。如对本报告数据有疑问,请与市政务服务和大数据管理局联系。\n"
            "一、总体情况\n2020年,武汉市坚持以习近平新时代中国特色社会主义思想为指导。\n",
            "武汉市",
        ),
        # mirror-anhui-2018-trad: in traditional characters
        ("一、概述\n2018年,安徽省全面貫徹黨的十九大精神。\n", "安徽省"),
        # hongqiao-zwfwb-2022: after 按照…要求
        (
            "一、总体情况\n按照区委、区政府有关要求,区政府政务服务办进一步完善公开制度。\n",
            "区政府政务服务办",
        ),
        # made up: the shortest name followed by what an agency does
        (
            "一、总体情况\n　　2031年，某某县人民政府办公室严格落实《条例》。\n",
            "某某县人民政府办公室",
        ),
        # no name: 我局, 全市, a contact line, a subject that is no agency
        ("一、总体情况\n　　2031年，我局认真贯彻落实《条例》。\n", None),
        ("一、总体情况\n　　2031年，全市认真贯彻落实《条例》。\n", None),
        ("一、总体情况\n　　如有疑问，请与某某县人民政府办公室联系。\n", None),
        ("一、总体情况\n　　2031年，信息公开工作认真落实《条例》。\n", None),
    ],
)
def test_the_publisher_is_the_agency_the_first_sentence_names_as_its_subject(
    page: str, publisher: str | None
) -> None:
    result = parse_text(page)
    assert result.report.header.publisher == publisher
    assert ("GP121" in codes(result)) == (publisher is not None)


@pytest.mark.parametrize(
    ("sentence", "maker"),
    [
        # tianzhen-xfj-2021
        (
            "根据《中华人民共和国政府信息公开条例》要求,由信访局结合有关统计数据编制。",
            "信访局",
        ),
        # donghu-jd-2023
        (
            "根据《中华人民共和国政府信息公开条例》的要求,绍兴市越城区东湖街道特编制2023年"
            "政府信息公开年度报告。",
            "绍兴市越城区东湖街道",
        ),
        # mirror-shangrao-2022
        (
            "根据《条例》要求,上饶市人民政府根据全市2022年度政府信息公开工作开展情况,编制本报告。",
            "上饶市人民政府",
        ),
        # liangcheng-zhen-2020
        ("本报告是根据《条例》要求,由两城镇人民政府党政办公室编制。", "两城镇人民政府党政办公室"),
        # mirror-ggj-2021-trad: pinyin readings inside the name, which is kept as printed
        (
            "本年度報告由國家機(jī)關(guān)事務(wù)管理局根據(jù)《條例》要求編制而成。",
            "國家機(jī)關(guān)事務(wù)管理局",
        ),
        # made up
        ("根据条例，由某某县水利局结合统计数据编制。", "某某县水利局"),
        ("根据条例，由我局结合统计数据编制。", None),
    ],
)
def test_the_maker_in_more_wordings(sentence: str, maker: str | None) -> None:
    result = parse_text(sentence + "\n一、总体情况\n　　正文。\n")
    assert result.report.header.publisher == maker
    assert ("GP118" in codes(result)) == (maker is not None)


def test_the_agency_of_a_report_named_without_its_year_mirror_laifeng() -> None:
    page = (
        "根据《中华人民共和国政府信息公开条例》(以下简称《条例》)、和《政府信息公开工作年度报告》"
        "编制格式的要求,现公开来凤县人民政府信息公开年度报告。本报告由概述等六部分组成。\n一、概述\n"
    )
    result = parse_text(page)
    assert result.report.title == ""  # no year: no title
    assert result.report.header.publisher == "来凤县人民政府"
    assert "GP121" in codes(result)
    # made up: a report named as this level's, after its year, names no agency and is no title
    mine = parse_text("根据条例，向社会公布2031年本级政府信息公开工作年度报告。\n一、概述\n")
    assert (mine.report.title, mine.report.header.publisher) == ("", None)


def test_an_agency_above_a_date_is_the_publisher_mirror_guangzhou_2012() -> None:
    page = (
        "\n廣州市人民政府\n2013年3月\n本年度報(bào)告是根據(jù)《條例》要求,由廣州市政府辦公廳"
        "綜合各區(qū)政府的政府信息公開年度報(bào)告基礎上編寫而成。\n一、概述\n"
    )
    result = parse_text(page)
    assert result.report.header.publisher == "廣州市人民政府"
    assert "GP122" in codes(result)
    # made up: a site's name with no date under it is no publisher
    site = parse_text(
        "某某县人民政府\n政府信息公开\n　　2031年，我局认真贯彻落实《条例》。\n一、概述\n"
    )
    assert site.report.header.publisher is None


@pytest.mark.parametrize(
    ("page", "title", "heading"),
    [
        # qingshui-2019: the whole report on one line, the title split by a space
        (
            "\n清水县人民政府2019年 政府信息公开工作年度报告 一、总体情况 2019年,清水县政府信息公开"
            "工作以习近平新时代中国特色社会主义思想为指导,全面贯彻党的十九大精神。 (一)主动公开政府"
            "信息情况。2019年,主动公开政府信息8769条。\n",
            "清水县人民政府2019年 政府信息公开工作年度报告",
            "一、总体情况",
        ),
        # mirror-mee-2018: PDF text, the title run into the first paragraph
        (
            "生态环境部2018年度政府信息公开工作报告 2018年,生态环境部以习近平新时代中国特色社会主义"
            "思想为指 导,认真学习党的十九大和十九届二中、三中全会精神,深入贯彻习 近平生态文明思想,按照"
            "党中央、国务院关于全面推进政务公开的决 策部署\n",
            "生态环境部2018年度政府信息公开工作报告",
            None,
        ),
        # made up: a long first line whose opening words are no full title stays whole
        ("2031年工作报告 " + "正文，" * 60 + "\n", "", None),
    ],
)
def test_a_title_run_into_the_text_on_the_first_line(
    page: str, title: str, heading: str | None
) -> None:
    report = parse_text(page).report
    assert report.title == title
    headings = [f"{s.label or ''}{s.heading or ''}" for s in report.body if s.label]
    assert headings == ([] if heading is None else [heading])


def test_a_title_quoted_in_traditional_characters_mirror_guangdong_2022() -> None:
    page = (
        "根據《中華人民共和國政府信息公開條例》(以下簡稱《條例》)及《中華人民共和國政府信息公開工作"
        "年度報告格式》等規(guī)定,現公布廣東省人民政府2022年政府信息公開工作年度報告。\n一、總體情況\n"
    )
    result = parse_text(page)
    assert result.report.title == "廣東省人民政府2022年政府信息公開工作年度報告"
    assert result.report.header.publisher == "廣東省人民政府"


@pytest.mark.parametrize(
    ("title", "agency"),
    [
        # guiyang-szf-2021: the office that reports with the government, in brackets
        ("贵阳市人民政府(市人民政府办公厅)2021年政府信息公开工作年度报告", "贵阳市人民政府"),
        # mirror-xushe-zhen-2021-trad: a pinyin reading inside, cut as printed
        ("徐舍鎮(zhèn)人民政府2021年信息公開工作年度報告", "徐舍鎮(zhèn)人民政府"),
        # made up
        ("某某县财政局（县国资办）2031年政府信息公开工作年度报告", "某某县财政局"),
    ],
)
def test_the_agency_a_title_names_with_an_aside_or_readings(title: str, agency: str) -> None:
    where = title_agency(title)
    assert where is not None
    assert title[slice(*where)] == agency


def test_a_wiki_box_title_label_is_not_the_title_mirror_leshan_jtw() -> None:
    page = (
        "乐山市交通运输委员会2010年政府信息公开年度报告\n\n生活百科 2023-01-26 17:49生活百科\n\n"
        "根据《中华人民共和国政府信息公开条例》规定,现将2010年乐山市交通运输委员会网站政务信息公开"
        "工作年度报告予以公开。\n\n基本介绍\n\n  • 中文名乐山市交通运输委员会2010年政府信息公开年度报告\n"
        "一、概况\n"
    )
    assert parse_text(page).report.title == "乐山市交通运输委员会2010年政府信息公开年度报告"
    # made up: the label with a colon is a title field
    labelled = parse_text("中文名：某某县2031年政府信息公开工作年度报告" + BODY)
    assert labelled.report.title == "某某县2031年政府信息公开工作年度报告"


def test_a_known_label_inside_a_value_ends_it_fugu() -> None:
    # fugu-bgs-2022: 公文时效 is 时效 with two characters before it
    assert pairs("发布机构 县政府办公室 公文时效 有效") == [
        ("发布机构", "县政府办公室"),
        ("公文时效", "有效"),
    ]
    # made up: a word ending in a label at the value's end, or one character before, is the value
    assert pairs("文号 无文号") == [("文号", "无文号")]
    assert pairs("来源 某某县 政务公开分类") == [("来源", "某某县 政务公开分类")]


def test_a_label_line_is_not_the_value_of_the_open_label_above_it_hunan_css() -> None:
    page = (
        "湖南省参事室2010年政府信息公开工作年度报告\n\n  • 索引号: 430S00042/2011-37655\n"
        "  • 发布机构: 省文史研究馆\n  • 主题分类:\n  • 主题词:\n"
        "  • 名称: 湖南省参事室2010年政府信息公开工作年度报告\n" + BODY
    )
    header = parse_text(page).report.header
    assert header.subject is None
    assert header.publisher == "省文史研究馆"
    # made up: an unknown label with its colon is no value either
    other = parse_text("某某县2031年政府信息公开工作年度报告\n主题分类:\n审核人:\n" + BODY)
    assert other.report.header.subject is None


def test_the_title_announced_in_a_later_sentence_of_the_introduction_qiaokou() -> None:
    # qiaokou-qzfb-2024: the first sentence says what the office did; the second announces the report
    page = (
        "2024年,区人民政府办公室坚持以习近平新时代中国特色社会主义思想为指导,依法依规推动政府信息公开工作。"
        "根据《中华人民共和国政府信息公开条例》(国务院令第711号)规定,"
        "现公开区人民政府办公室2024年政府信息公开工作年度报告。本年度报告中所列数据的统计期限为"
        "2024年1月1日至2024年12月31日。" + BODY
    )
    report = parse_text(page).report
    assert report.title == "区人民政府办公室2024年政府信息公开工作年度报告"
    assert report.header.publisher == "区人民政府办公室"
    # made up: past reports named in a later sentence are no title (按时公布…, 《…》)
    past = (
        "根据《条例》,我县认真做好政府信息公开工作。我县按时公布2030年政府信息公开工作年度报告,"
        "并转发《某某市2030年政府信息公开工作年度报告》。" + BODY
    )
    assert parse_text(past).report.title == ""


def test_a_covering_letter_s_title_is_not_the_report_s_guangdong_sthjt() -> None:
    # guangdong-sthjt-2020: the page is the letter the report is sent with (…的函); its sentence
    # 现报送… names the report
    page = (
        "广东省生态环境厅关于报送2020年政府信息公开工作年度报告的函- 广东省生态环境厅公众网\n\n"
        "广东省生态环境厅关于报送2020年政府信息公开工作年度报告的函\n\n省政府办公厅:\n\n"
        "  根据《广东省人民政府办公厅关于转发国务院办公厅政府信息与政务公开办公室政府信息公开工作年度报告"
        "有关事项的通知》(粤办函〔2019〕400号)要求,现报送广东省生态环境厅2020年政府信息公开工作年度报告。\n\n"
        "  附件:广东省生态环境厅2020年政府信息公开工作年度报告\n" + BODY
    )
    report = parse_text(page).report
    assert report.title == "广东省生态环境厅2020年政府信息公开工作年度报告"
    assert report.header.publisher == "广东省生态环境厅"
    assert title_score("广东省生态环境厅关于报送2020年政府信息公开工作年度报告的函") == 0


def test_a_source_after_a_portal_s_name_and_date_mfa_hkmao() -> None:
    # mfa-2013 and hkmao-2013-trad (the central portal's republications): no label before the date
    assert pairs("中央政府门户网站 www.gov.cn 2014-03-25 10:21 来源: 外交部网站") == [
        ("来源", "外交部网站")
    ]
    page = (
        "2013年度國務院港澳辦政府信息公開工作報告\n"
        "中央政府門戶網站 www.gov.cn 2014-04-02 18:19 來源: 港澳辦網站\n【字體: 打印本頁\n\n" + BODY
    )
    assert parse_text(page).report.header.source == "港澳辦網站"
    # made up: a long text before the label that does not end with a date is no catalogue line
    assert (
        read_field_line(
            Piece.of("本站转载的文章均已注明出处以便读者查阅核实原文 来源: 外交部网站", 0)
        )
        is None
    )


def test_a_research_office_is_an_agency_xiaogan_yjs_hubei_yjs() -> None:
    # xiaogan-yjs-2019: the title over two lines names 市政府研究室, an office without 办公 in its name
    page = "市政府研究室2019年政府信息公开\n工作年度报告\n" + BODY
    assert parse_text(page).report.header.publisher == "市政府研究室"
    # mirror-hubei-yjs-2011: its second name in brackets
    title = "省政府研究室(发展研究中心)2011年政府信息公开工作年度报告"
    where = title_agency(title)
    assert where is not None
    assert title[slice(*where)] == "省政府研究室"


def test_a_row_of_labels_over_a_row_of_values_zhangyi() -> None:
    # zhangyi-zhen-2008: the catalogue as a '|' table, labels on one row, values on the next
    page = (
        "索引号 | 公开方式 | 发布机构 |\n"
        "116223010139324488/2009-00021 | 主动公开 | 凉州区张义镇人民政府 |\n"
        "2008年张义镇人民政府信息公开工作年度报告\n"
        "信息来源: 凉州区张义镇人民政府 发布日期: 2009-01-06 浏览次数: 次\n" + BODY
    )
    report = parse_text(page).report
    assert str(report.header.index_number) == "116223010139324488/2009-00021"
    assert report.header.publisher == "凉州区张义镇人民政府"
    assert report.title == "2008年张义镇人民政府信息公开工作年度报告"
    # made up: a row of another number of cells is no row of values
    other = parse_text(
        "索引号 | 发布机构 |\n000014349/2031-00042 | 某某县人民政府 | 主动公开 |\n" + BODY
    )
    assert other.report.header.index_number is None


def test_the_agency_whose_disclosure_work_opens_section_one_luzhou() -> None:
    # mirror-luzhou-2019: no title; the introduction names no agency; section 一 opens with the city's work
    page = (
        "本报告根据《中华人民共和国政府信息公开条例》规定编制。全文包括总体情况,主动公开政府信息情况。\n"
        "一、总体情况\n"
        "2019年,泸州市人民政府信息公开工作以习近平新时代中国特色社会主义思想为指导,认真贯彻落实"
        "新修订的《中华人民共和国政府信息公开条例》。\n"
    )
    assert parse_text(page).report.header.publisher == "泸州市人民政府"
    # mirror-sichuan-2013: the work named inside the sentence is what is done, not who does it
    sichuan = (
        "2013年,全省各级行政机关按照《条例》要求,切实加强制度建设,推动全省政府信息公开工作深入开展。\n"
        "一、概述\n"
    )
    assert parse_text(sichuan).report.header.publisher is None


def test_the_maker_of_a_paragraph_broken_inside_its_book_titles_shanghai() -> None:
    # mirror-shanghai-2012-trad: a wiki's contents line, the heading, then the introduction broken after 《
    page = (
        "一、概述,(一)注重重點推進,深化公開內容。,二、主動公開政府信息情況,\n"
        "一、概述\n"
        "2012年度報告根據《\n"
        "中華人民共和國政府信息公開條例》(以下簡稱《條例》)和《\n"
        "上海市政府信息公開規定》(以下簡稱《規定》)的要求,由市政府辦公廳綜合各區(縣)人民政府"
        "(下稱“區(縣)政府”)和市政府各委、辦、局(下稱“市級機關”)的政府信息公開年度報告編制而成。\n"
    )
    assert parse_text(page).report.header.publisher == "市政府辦公廳"


def test_section_one_s_first_sentence_after_a_longer_introduction_guangde_jiangsu() -> None:
    # guangde-bgs-2023: two paragraphs of introduction naming no agency, then section 一 opens with it
    page = (
        "本年报根据《中华人民共和国政府信息公开条例》要求编制。报告主要包括:总体情况;其他需要报告的事项。\n"
        "本报告中使用数据统计时间为2023年1月1日至12月31日。如对本报告有任何疑问,请与广德市政务公开办公室联系。\n"
        "一、总体情况\n"
        "2023年,广德市人民政府办公室认真贯彻落实《政府信息公开条例》,全面提升政务公开工作水平。\n"
    )
    result = parse_text(page)
    assert result.report.header.publisher == "广德市人民政府办公室"
    assert "GP121" in codes(result)
    # jiangsu-tjj-2019: three paragraphs of introduction; the bureau's sentence opens with 以…为指导
    jiangsu = (
        "根据新修订的《中华人民共和国政府信息公开条例》文件等有关规定,编制本年度报告。\n"
        "如对本报告有疑问,请与江苏省统计局办公室联系(地址:南京市建邺区汉中门大街145号)。\n"
        "根据新修订的《中华人民共和国政府信息公开条例》等文件有关规定,编制本年度报告。\n"
        "一、总体情况\n"
        "2019年,江苏省统计局以习近平新时代中国特色社会主义思想为指导,认真贯彻党的十九大精神。\n"
    )
    assert parse_text(jiangsu).report.header.publisher == "江苏省统计局"
    # made up: the introduction's third paragraph is not read
    third = (
        "根据条例编制本报告。\n本报告数据统计时间为2031年。\n某某县人民政府认真落实条例。\n"
        "一、总体情况\n　　2031年，我县认真落实条例。\n"
    )
    assert parse_text(third).report.header.publisher is None


@pytest.mark.parametrize(
    ("page", "publisher"),
    [
        # mirror-fengshou-xiang-2022: the township 在…领导下
        (
            "一、总体情况\n2022年以来,丰收乡在县委县政府的正确领导下,认真围绕重点工作和年度目标任务。\n",
            "丰收乡",
        ),
        # yxes-wjj-2021: a heading run into its paragraph; the bureau's work (…的政府信息公开工作)
        (
            "一、总体情况\n(一)总体公开情况说明。2021年,县卫生健康局的政府信息公开工作严格按照"
            "省、市、县各级有关政府信息公开工作精神和要求。\n",
            "县卫生健康局",
        ),
        # made up: 以及 and 在线 open no verb after a name; a name runs over no verb
        ("一、总体情况\n　　2031年，某某县水利局以及各股室落实条例。\n", None),
        ("一、总体情况\n　　2031年，湖北调查组高度重视政府信息公开工作。\n", None),
        # made up: 一是 run into its text is no heading whose paragraph is read
        ("一、总体情况\n一是强化领导。某某县水利局认真落实条例。\n", None),
    ],
)
def test_the_subject_in_more_wordings(page: str, publisher: str | None) -> None:
    result = parse_text(page)
    assert result.report.header.publisher == publisher
    assert ("GP121" in codes(result)) == (publisher is not None)


def test_the_agency_whose_work_the_report_is_made_on_taian() -> None:
    # taian-bgs-2021: 结合<agency>政府信息公开工作实际,编制发布本报告
    page = (
        "根据《中华人民共和国政府信息公开条例》要求,结合泰安市人民政府办公室政府信息公开工作实际,"
        "编制发布本报告。全文内容包括总体情况。\n一、总体情况\n"
        "2021年度泰安市人民政府办公室立足工作实际,坚决贯彻落实《条例》。\n"
    )
    result = parse_text(page)
    assert result.report.header.publisher == "泰安市人民政府办公室"
    assert "GP118" in codes(result)
    # made up: 结合本单位工作实际 names no agency
    mine = parse_text("根据条例，结合本单位工作实际，编制本报告。\n一、总体情况\n　　正文。\n")
    assert mine.report.header.publisher is None


def test_a_survey_team_is_an_agency_stats_hubei_dczd() -> None:
    # stats-hubei-dczd-2018: …调查总队 ends like an agency; the first sentence's short form is not read
    page = (
        "国家统计局湖北调查总队2018年度政府信息公开工作报告\n\n"
        "  根据《条例》有关规定,现公布国家统计局湖北调查总队(以下简称湖北总队)2018年政府信息公开工作报告。\n"
        "  一、总体情况\n  2018年,湖北总队高度重视政府信息公开工作,全面提高思想认识。\n"
    )
    result = parse_text(page)
    assert result.report.header.publisher == "国家统计局湖北调查总队"
    assert "GP115" in codes(result)


def test_a_catalogue_s_placeholder_publisher_is_none_liquan() -> None:
    # liquan-2019: 发布机构 其他 names no agency: kept as printed, the title's agency publishes
    page = (
        "索引号 /2020-00075 主题分类 其他\n"
        "文号 礼政办字〔2020〕11号 发布机构 其他\n"
        "公开日期 2020-01-20 有效性\n\n"
        "礼泉县2019年政府信息公开年度工作的报告\n\n"
        "根据《条例》规定,现将《礼泉县2019年度政府信息公开工作报告》公布如下:\n" + BODY
    )
    result = parse_text(page)
    assert result.report.header.publisher == "礼泉县"
    assert HeaderField("发布机构", "其他") in result.report.header.other
    assert {"GP104", "GP115"} <= set(codes(result))


def test_the_source_labelled_laizi_xiangyang_tjj() -> None:
    # xiangyang-tjj-2022: 来自 for 来源, on one line with 时间
    assert pairs("来自:襄阳市统计局 时间:2023-01-13") == [
        ("来自", "襄阳市统计局"),
        ("时间", "2023-01-13"),
    ]
    page = "襄阳市统计局2022年度政府信息公开工作报告\n\n来自:襄阳市统计局 时间:2023-01-13\n" + BODY
    assert parse_text(page).report.header.source == "襄阳市统计局"


@pytest.mark.parametrize(
    "page",
    [
        # mirror-liaoning-city-2022: the quoted title with the city replaced by an advertisement
        "根据《条例》相关要求,现公布365bet手机app下载_义乌365便民中心电话_365取消提款"
        "2022年政府信息公开工作年度报告。\n" + BODY,
        # mirror-gd-city-2024: a spam title line, then the same over two lines
        "365bet(中国)官方网站 2024年政府信息公开工作年度报告\n365bet(中国)官方网站 2024年政府\n"
        "信息公开工作年度报告\n根据《条例》等规定,现公布年度报告。\n" + BODY,
    ],
)
def test_a_spam_page_s_title_is_no_title(page: str) -> None:
    assert parse_text(page).report.title == ""


def test_a_title_with_latin_letters_is_no_spam() -> None:
    # made up: a latin word apart from digits and from 下载 is no brand, nor one before digits
    assert title_score("某某县2031年政府信息公开工作年度报告(PDF)") == 4
    assert title_score("某某县GB2031年政府信息公开工作年度报告") == 4
    assert title_score("徐舍鎮(zhèn)人民政府2021年信息公開工作年度報告") == 4


def test_a_menu_printed_as_a_list_is_no_title_mirror_shanghai_2010() -> None:
    # mirror-shanghai-2010: a news site's menu as '- ' bullets, then the introduction
    page = (
        "- 政策解读\n- 经济发展\n- 发展报告\n- 项目中心\n"
        "本年度报告根据《条例》的要求,由市政府办公厅综合各区(县)人民政府的政府信息公开年度报告编制而成。\n"
        "一、概述\n"
    )
    result = parse_text(page)
    assert result.report.title == ""
    assert result.report.header.publisher == "市政府办公厅"
    assert "GP112" in codes(result)
    # made up: one bulleted title line is still the title
    one = parse_text("- 某某县2031年政府信息公开工作年度报告\n" + BODY)
    assert one.report.title.endswith("某某县2031年政府信息公开工作年度报告")


# -------------------------------------------------------------------------------------------------
# The sixth held-out set's header misses


@pytest.mark.parametrize(
    ("sentence", "title", "publisher"),
    [
        # huludao-scjgj-2021: the report named where the sentence says it is compiled
        (
            "葫芦岛市市场监督管理局根据《中华人民共和国政府信息公开条例》,围绕重点工作,编制葫芦岛市市场"
            "监督管理局2021年政府信息公开工作年度报告,报告所列数据统计期限自2021年1月1日至2021年12月31日。",
            "葫芦岛市市场监督管理局2021年政府信息公开工作年度报告",
            "葫芦岛市市场监督管理局",
        ),
        # sayibake-2019: the report named as a 工作情况报告 after 现将
        (
            "根据《中华人民共和国政府信息公开条例》和自治区、市级相关要求,现将沙依巴克区人民政府2019年"
            "政府信息公开工作情况报告如下:",
            "沙依巴克区人民政府2019年政府信息公开工作情况报告",
            "沙依巴克区人民政府",
        ),
        # yanting-xzspj-2022: the title opening the sentence, its short form in brackets after it
        (
            "盐亭县行政审批局2022年政府信息公开工作年度报告(以下简称年报)是根据《中华人民共和国政府信息"
            "公开条例》(国务院令第711号,以下简称《条例》)规定编制。",
            "盐亭县行政审批局2022年政府信息公开工作年度报告",
            "盐亭县行政审批局",
        ),
    ],
)
def test_the_title_named_in_the_first_sentence_in_more_wordings(
    sentence: str, title: str, publisher: str
) -> None:
    result = parse_text(sentence + "\n" + BODY)
    assert result.report.title == title
    assert result.report.header.publisher == publisher
    assert "GP110" in codes(result)


@pytest.mark.parametrize(
    "sentence",
    [
        # wuqi-2023: the report's kind and year only, no agency nor anything of its own
        "根据《中华人民共和国政府信息公开条例》要求,特向社会公布2023年政府信息公开工作年度报告。",
        # made up after wuqi-2023: the same with 现将 and a 工作情况报告
        "根据《条例》要求,现将2019年政府信息公开工作情况报告如下:",
        # beijing-swt-2013: 编制的 names the maker, the report after it is no title
        "本报告是根据《中华人民共和国政府信息公开条例》(以下简称《条例》)要求,由北京市商务委员会"
        "编制的2013年度政府信息公开年度报告。",
        # made up after yanting-xzspj-2022: a sentence opening with the report's kind only
        "2022年政府信息公开工作年度报告是根据《条例》规定编制。",
    ],
)
def test_a_report_named_without_anything_of_its_own_is_no_title(sentence: str) -> None:
    result = parse_text(sentence + "\n" + BODY)
    assert result.report.title == ""
    assert "GP101" in codes(result)


def test_a_title_line_of_the_report_s_kind_only_is_still_the_title() -> None:
    # made up: printed as the page's title line, 2023年政府信息公开工作年度报告 is its title
    result = parse_text("2023年政府信息公开工作年度报告\n" + BODY)
    assert result.report.title == "2023年政府信息公开工作年度报告"


def test_a_headline_then_the_agency_and_the_title_from_关于_yanbian_xinjiu_zhen() -> None:
    # yanbian-xinjiu-zhen-2021: a headline naming no agency, a portal's line of fields ending with an
    # empty 阅读次数:, then the title over two lines (the agency, then 关于…)
    page = (
        "关于2021年度政府信息公开工作的年度报告\n\n"
        "www.panzhihua.gov.cn     发布时间:2022-01-25     来源:新九镇党政办      "
        "选择阅读字号:[ ]     阅读次数:\n\n"
        "盐边县新九镇人民政府\n\n"
        "关于2021年度政府信息公开工作的年度报告\n" + BODY
    )
    result = parse_text(page)
    report = result.report
    assert report.title == "盐边县新九镇人民政府关于2021年度政府信息公开工作的年度报告"
    assert report.header.source == "新九镇党政办"
    assert report.header.other == (HeaderField("发布时间", "2022-01-25"),)
    assert report.header.publisher == "盐边县新九镇人民政府"
    assert "GP103" in codes(result)
    # made up: a sentence ending with its colon is still the report's text, not the page's top
    sentence = parse_text("新九镇2021年政府信息公开工作年度报告\n现将有关情况报告如下:\n" + BODY)
    assert sentence.report.header.other == ()


def test_a_date_after_the_source_is_not_the_source_s_pingjiang_sthjj() -> None:
    # pingjiang-sthjj-2020: 来源 on the line under the title, an unlabelled time after it
    page = (
        "  • 公开日期:2021-01-07\n\n"
        "岳阳市生态环境局平江分局2020年政府信息公开工作年度报告\n\n"
        "来源:生态环境局信息中心 2021-01-07 15:30\n" + BODY
    )
    result = parse_text(page)
    assert result.report.header.source == "生态环境局信息中心"
    assert "GP117" in codes(result)
    # made up: a date glued to no name is left as it is (a value that is only a date)
    dated = parse_text("来源: 2021-01-07 15:30\n\n某县2031年政府信息公开工作年度报告\n" + BODY)
    assert dated.report.header.source == "2021-01-07 15:30"


def test_the_source_naming_the_title_s_agency_in_full_tongling_yjs() -> None:
    # tongling-yjs-2021: the title names the office by its level only, 来源 with its city
    page = (
        "市政府研究室2021年政府信息公开工作年度报告\n"
        "发布时间:2022-01-19 来源:铜陵市人民政府研究室 字体:[ ]\n" + BODY
    )
    result = parse_text(page)
    assert result.report.header.publisher == "铜陵市人民政府研究室"
    assert result.source_of("$.header.publisher") == "铜陵市人民政府研究室"
    # binhai-sthjj-2019 and anhui-tjj-2021: a 来源 that is the same name, or a shorter one, is not taken
    for source, publisher in (("区生态环境局", "区生态环境局"), ("省统计局", "安徽省统计局")):
        other = parse_text(f"{publisher}2021年政府信息公开工作年度报告\n来源:{source}\n" + BODY)
        assert other.report.header.publisher == publisher


def test_a_pipe_catalogue_labelled_信息索引号_jiaojiang_zhangan_jd() -> None:
    # jiaojiang-zhangan-jd-2024: '|' rows, empty cells after 主题分类 and 体裁分类 shifting the columns
    page = (
        "信息索引号: | 11331002002673436R/2025-143701 | 主题分类: | |\n"
        "体裁分类: | 发布机构: | 章安街道办事处 | |\n"
        "成文日期: | 2025-01-22 | 公开方式: | 主动公开 |\n"
        "2024年度章安街道办事处政府信息公开\n工作年度报告\n" + BODY
    )
    header = parse_text(page).report.header
    assert header.index_number == IndexNumber("11331002002673436R/2025-143701")
    assert header.publisher == "章安街道办事处"
    assert header.document_date == dt.date(2025, 1, 22)


def test_a_law_database_s_bracketed_fields_mirror_wuwei() -> None:
    # mirror-wuwei-2020: 【label】value lines; its 字 号 is the document number, not a font size's
    for line, expected in (
        ("【字 号】武政函〔2021〕20号", [("字号", "武政函〔2021〕20号")]),
        ("【主题分类】机关工作", [("主题分类", "机关工作")]),
    ):
        assert pairs(line) == expected
    assert read_field_line(Piece.of("【通知】关于开展检查的通知", 0), allow_any=True) is None
    page = (
        "【制定机关】武威市人民政府\n【字 号】武政函〔2021〕20号\n【主题分类】机关工作\n正文\n"
        "武威市2020年度政府信息公开工作年度报告\n" + BODY
    )
    header = parse_text(page).report.header
    assert str(header.document_number) == "武政函〔2021〕20号"
    assert header.subject == "机关工作"
    # a font size's 字号 is still chrome
    sized = parse_text(
        "来源:某县政府办 字号:[大 中 小]\n某县2031年政府信息公开工作年度报告\n" + BODY
    )
    assert sized.report.header.document_number is None
    assert sized.report.header.other == ()


@pytest.mark.parametrize(
    ("sentence", "title"),
    [
        # made up: an announced report is the title before one the sentence says is compiled
        (
            "本局依规编制了某某县2031年政府信息公开工作年度报告,现公布某某县统计局2031年政府信息公开"
            "工作年度报告。",
            "某某县统计局2031年政府信息公开工作年度报告",
        ),
        # made up: a report a book's title names is another document's (关于编制…的通知)
        (
            "根据《关于编制某某县2031年政府信息公开工作年度报告的通知》要求,特作本报告。",
            None,
        ),
        # made up: after 编制, the words must name an agency (编制完成 is no agency)
        ("按照要求,编制完成2031年度政府信息公开工作年度报告。", None),
    ],
)
def test_a_compiled_report_is_the_title_only_where_nothing_else_is(
    sentence: str, title: str | None
) -> None:
    found = quoted_title(Piece.of(sentence, 0))
    assert (found.text if found is not None else None) == title
