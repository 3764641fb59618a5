"""The rules for the faults real reports contain (GD311–GD314, GD411–GD413, GD611, GD711, GD710 on blank
totals): real wordings that must pass, faults that must fire, and the pages they were seen on.

The sentences marked "real" are copied from published reports (the pages of tests/fixtures/); the expected
figures are written by hand.
"""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from govdisclosure import (
    Diagnostic,
    DisclosureReport,
    Header,
    HeaderField,
    IndexNumber,
    Quantity,
    ReportFormat,
    Section,
    Severity,
    Signature,
    parse_text,
    validate,
)
from govdisclosure.validate._examples import report, six_sections, tables
from govdisclosure.validate._period import periods
from govdisclosure.validate._powers import reporter_level
from tests.conftest import FIXTURES


def _codes(r: DisclosureReport, *codes: str, **kwargs: object) -> list[Diagnostic]:
    return validate(r, select=list(codes), **kwargs)  # type: ignore[arg-type]


def _with_preamble(text: str, year: int = 2020) -> DisclosureReport:
    overview = Section(ordinal=1, label="一、", heading="总体情况", paragraphs=[f"{year}年，……"])
    return report(Section(paragraphs=[text]), overview, year=year)


# --- the statistical period ---------------------------------------------------------------------------

# real: how reports state a correct period (tests/fixtures/real and the pages the issue cites)
GOOD_PERIODS = [
    "本年度报告中所列数据的统计期限自2020年1月1日起至2020年12月31日止。",
    "本年度报告中所列数据统计期限从2020年1月1日到12月31日止,并在门户网站本单位专栏上全文公开。",
    "报告中所列数据统计期限为2020年1月1日至2020年12月31日。",
    "本报告信息数据统计期限为:2020年1月1日至2020年12月31日。",
    "本报告中所列数据的统计时限自2020年1月1日至2020年12月31日。",
    "本报告中所列数据的统计期限自2020年1月1日起至12月31日止。",
    "本年报中所列数据的统计期限自2020年1月1日,至2020年12月31日止。",
    "本报告汇总全市数据,统计期限为2020年1月1日至12月31日。",
    "本报告所列统计数据的期限自2020年1月1日起,至2020年12月31日止。",
    "本年度报告中使用数据统计期限为2020年1月1日至12月31日。",
    "本报告中所列数据统计期限截至2020年12月31日。",
    "本报告所列数据统计期限自二〇二〇年一月一日至十二月三十一日。",
]


@pytest.mark.parametrize("text", GOOD_PERIODS)
def test_a_real_period_of_the_year_passes(text: str) -> None:
    r = _with_preamble(text)
    assert len(periods(r)) == 1
    assert _codes(r, "GD311", "GD312", "GD313", "GD314") == []


def test_a_period_ending_on_21_december_is_flagged() -> None:
    # the example: 统计期限自2020年1月1日至12月21日
    r = _with_preamble("本报告所列数据统计期限自2020年1月1日至12月21日。")
    [d] = _codes(r, "GD311", "GD312", "GD313")
    assert (d.code, d.path, d.expected, d.found) == (
        "GD311",
        "$.body[0].paragraphs[0]",
        "12月31日",
        "2020年12月21日",
    )


def test_a_period_starting_late_is_flagged() -> None:
    [d] = _codes(_with_preamble("统计期限为2020年2月1日至2020年12月31日。"), "GD311")
    assert (d.expected, d.found) == ("1月1日", "2020年2月1日")


def test_a_six_digit_year_is_flagged_once() -> None:
    # the example: 截至202020年12月31日
    r = _with_preamble("本报告所列数据截至202020年12月31日。")
    [d] = _codes(r, "GD311", "GD312", "GD313")
    assert (d.code, d.severity, d.found) == ("GD312", Severity.ERROR, "202020年")


@pytest.mark.parametrize("text", ["截至2020年12月31日，共公开信息52条。", "共有12020件", "100年来"])
def test_four_digit_years_and_other_figures_are_not_years_that_are_not(text: str) -> None:
    assert _codes(_with_preamble(text), "GD312") == []


def test_a_period_of_last_year_is_flagged() -> None:
    r = _with_preamble("统计期限自2019年1月1日起至2019年12月31日止。")
    [d] = _codes(r, "GD311", "GD312", "GD313")
    assert (d.code, d.expected, d.found) == ("GD313", "2020", "2019")


def test_sentences_without_a_period_are_not_periods() -> None:
    r = _with_preamble("2020年12月21日，我局召开会议。截至11月30日，共公开信息52条。")
    assert periods(r) == []


def test_the_body_of_last_year() -> None:
    title = "某县民政局2020年政府信息公开工作年度报告"
    overview = Section(
        ordinal=1,
        label="一、",
        heading="总体情况",
        paragraphs=["2019年，我局主动公开信息52条。", "2019年度未收到申请。", "自2018年以来……"],
    )
    [d] = _codes(report(overview, year=2020, title=title), "GD314")
    assert (d.path, d.expected, d.found) == ("$.body", "2020年", "2019年2次、2018年1次")
    # once the body names its own year, or the title does not, or last year is named only once: silent
    named = attrs.evolve(overview, paragraphs=[*overview.paragraphs, "2020年……"])
    assert _codes(report(named, year=2020, title=title), "GD314") == []
    assert _codes(report(overview, year=2020, title="政府信息公开工作年度报告"), "GD314") == []
    once = attrs.evolve(overview, paragraphs=["2019年，我局主动公开信息52条。"])
    assert _codes(report(once, year=2020, title=title), "GD314") == []


def test_an_earlier_years_work_points() -> None:
    title = "某县民政局2020年政府信息公开工作年度报告"
    for text, codes in [
        (
            "对照国务院办公厅《2019年政务公开工作要点》要求，……",
            ["GD315"],
        ),  # real: a province's bureau
        ("对照《广东省2020年政务公开工作要点》要求，……", []),
        ("2021年将按照《2021年政务公开工作要点》……", []),
        ("按照《2019年工作计划》……", []),
    ]:
        found = _codes(report(Section(paragraphs=[text]), year=2020, title=title), "GD315")
        assert [d.code for d in found] == codes, text


# --- catalogue values ---------------------------------------------------------------------------------

# real index numbers (format reference §9): never flagged
GOOD_INDEX = [
    "qz11402-1000-2014-00002",
    "014416330/2018-04736",
    "11370900004341590P/2017-00150",
    "11341702486344515H/202110-00013",
    "0142768-8/2022-00185",
    "S0E00-0000-2015-00009",
    "01527918X-2020-153077",
    "j602402--2023-0165",
    "00000001/2018-00042",
    "xgz/2026-00001",
    "第三批",
]


@pytest.mark.parametrize("raw", GOOD_INDEX)
def test_real_index_numbers_pass(raw: str) -> None:
    r = report(header=Header(index_number=IndexNumber(raw)))
    assert _codes(r, "GD411") == []


@pytest.mark.parametrize(
    ("raw", "faults"),
    [
        ("/2021-None", "机构代码为空，含占位值“None”"),  # real: the example
        ("/2021-172732", "机构代码为空"),  # real: a district bureau's catalogue
        ("11341702486344515H/2021-null", "含占位值“null”"),
    ],
)
def test_broken_index_numbers_are_flagged(raw: str, faults: str) -> None:
    [d] = _codes(report(header=Header(index_number=IndexNumber(raw))), "GD411")
    assert d.message == f"索引号“{raw}”不完整：{faults}"


def test_a_title_in_the_number_field() -> None:
    # real: 文号: 白银区统计局2020年政府信息公开工作年度报告 (the parser keeps it as another entry)
    title = "白银区统计局2020年政府信息公开工作年度报告"
    page = f"索引号: /2021-None\n文号: {title}\n{title}\n\n　　一、总体情况\n\n　　2020年，……。\n"
    parsed = parse_text(page).report
    assert [d.code for d in _codes(parsed, "GD411", "GD412")] == ["GD411", "GD412"]
    # real: 文 号: 关键字: …报告 is an empty 文号 with the next label read into it, not a title in the field
    empty = (
        f"索  引  号: /2021-172732 生成日期: 2021-01-06\n文       号: 关键字: {title}\n{title}\n"
    )
    parsed = parse_text(empty + "\n　　一、总体情况\n\n　　2020年，……。\n").report
    assert [d.code for d in _codes(parsed, "GD411", "GD412")] == ["GD411"]
    other = Header(other=[HeaderField("文号", "某政办〔2020〕3号"), HeaderField("关键词", title)])
    assert _codes(report(header=other, title=title, year=2020), "GD412") == []


def test_a_publication_date_kept_as_text_before_the_year() -> None:
    header = Header(
        other=[HeaderField("发布时间", "2019-12-31"), HeaderField("生成日期", "2020-01-06")]
    )
    [d] = _codes(report(header=header, year=2020), "GD413")
    assert (d.path, d.found) == ("$.header.other[0].value", "2019-12-31")
    assert (
        _codes(report(header=Header(other=[HeaderField("发布时间", "不详")]), year=2020), "GD413")
        == []
    )


# --- powers an agency cannot have -------------------------------------------------------------------

LEVELS = [
    ("湖口县付垅乡2025年政府信息公开工作年度报告", "乡镇（街道）", "名称含“乡”"),
    ("通榆县八面乡人民政府2025年政府信息公开工作年度报告", "乡镇（街道）", "名称含“乡”"),
    ("迎宾路街道办事处2021年政府信息公开工作年度报告", "乡镇（街道）", "名称含“街道”"),
    ("重庆市合川区二郎镇人民政府2019年政府信息公开工作年度报告", "乡镇（街道）", "名称含“镇”"),
    ("德化县科学技术局2014年政府信息公开工作年度报告", "县级部门", "名称含“县”且以“局”结尾"),
    (
        "长春市二道区房屋征收工作管理办公室2022年政府信息公开工作年度报告",
        "县级部门",
        "名称含“区”且以“办公室”结尾",
    ),
    (
        "重庆市大足区人民政府外事办公室2022年政府信息公开工作年度报告",
        "县级部门",
        "名称含“区”且以“办公室”结尾",
    ),
    ("白银区人民政府2020年政府信息公开工作年度报告", "县级", "名称含“区”"),
    ("某县乡镇企业局2020年政府信息公开工作年度报告", "县级部门", "名称含“县”且以“局”结尾"),
]

NOT_LOWER = [
    "2022年上海市政府信息公开工作年度报告",
    "上海市人民政府2022年政府信息公开工作年度报告",
    "广西壮族自治区人民政府2022年政府信息公开工作年度报告",
    "某市住房和城乡建设局2022年政府信息公开工作年度报告",
    "某市乡村振兴局2022年政府信息公开工作年度报告",
    "某市城镇建设局2022年政府信息公开工作年度报告",
    "某市社区矫正管理局2022年政府信息公开工作年度报告",
    "国家卫生健康委2024年政府信息公开工作年度报告",
    "关于2022年度政府信息公开情况的报告",
]


@pytest.mark.parametrize(("title", "level", "because"), LEVELS)
def test_the_level_is_read_from_the_name(title: str, level: str, because: str) -> None:
    found = reporter_level(report(title=title))
    assert found is not None
    assert (found.level, found.because) == (level, because)


@pytest.mark.parametrize("title", NOT_LOWER)
def test_no_lower_level_is_read_where_the_name_shows_none(title: str) -> None:
    assert reporter_level(report(title=title)) is None


def _regulations(title: str, row: list[int | None], **kwargs: object) -> DisclosureReport:
    t = tables(t2={"规章": row})
    return report(
        *six_sections(), year=2022, format=ReportFormat.V2021, title=title, tables=t, **kwargs
    )  # type: ignore[arg-type]


def test_a_township_with_regulations_is_warned() -> None:
    [d] = _codes(
        _regulations("通榆县八面乡人民政府2022年政府信息公开工作年度报告", [0, 0, 2]), "GD711"
    )
    assert (d.severity, d.path, d.found) == (
        Severity.WARNING,
        "$.tables.t2.rows.regulations",
        "现行有效件数2",
    )
    assert "名称含“乡”" in d.message
    assert "乡镇（街道）" in d.message


def test_no_warning_without_regulations_or_for_a_city() -> None:
    assert (
        _codes(
            _regulations("通榆县八面乡人民政府2022年政府信息公开工作年度报告", [0, 0, 0]), "GD711"
        )
        == []
    )
    assert (
        _codes(_regulations("某市人民政府2022年政府信息公开工作年度报告", [2, 0, 5]), "GD711") == []
    )
    assert (
        _codes(_regulations("某县某镇2022年政府信息公开工作年度报告", [None, None, None]), "GD711")
        == []
    )


def test_the_signature_names_the_body_when_the_title_does_not() -> None:
    signed = Signature(authority="某县某乡人民政府", date=dt.date(2023, 1, 20))
    r = _regulations("2022年政府信息公开工作年度报告", [1, 0, 1], signature=signed)
    [d] = _codes(r, "GD711")
    assert "落款所示机关“某县某乡人民政府”" in d.message


# --- a page cut short -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("page", "row"),
    [
        ("erdao-fwzsb-2022.txt", "withheld_inquiry_matters"),
        ("jiuyuan-zwfwj-2022.txt", "withheld_third_party_rights"),
    ],
)
def test_a_real_page_cut_in_table_three_is_one_cut(page: str, row: str) -> None:
    # real: both pages stop inside table 三; sections 四, 五, 六 are its consequence, not three errors
    result = parse_text((FIXTURES / page).read_text(encoding="utf-8"))
    found = _codes(result.report, "GD601", "GD611", parse_diagnostics=result.diagnostics)
    assert [(d.code, d.path) for d in found] == [("GD611", f"$.tables.t3.rows.{row}")]
    assert "四、政府信息公开行政复议、行政诉讼情况" in found[0].message
    # without the parser's word the report alone shows it too: table 三's rows stop, table 四 is blank
    alone = _codes(result.report, "GD601", "GD611")
    assert [d.code for d in alone] == ["GD611"]


def _cut_report(*, signed: bool = False) -> DisclosureReport:
    sections = six_sections()[:3]
    sections[2] = attrs.evolve(sections[2], paragraphs=["本年度共收到政府信息公开申请12件，其中"])
    signature = Signature(authority="某县某局") if signed else None
    return report(
        *sections, year=2022, format=ReportFormat.V2021, tables=tables(), signature=signature
    )


def test_the_cut_replaces_the_missing_sections() -> None:
    found = validate(_cut_report())
    assert [d.code for d in found] == ["GD611"]
    [d] = found
    assert (
        d.expected
        == "四、政府信息公开行政复议、行政诉讼情况、五、存在的主要问题及改进情况、六、其他需要报告的事项"
    )


def test_a_signed_page_is_not_cut_by_its_last_paragraph() -> None:
    found = validate(_cut_report(signed=True), select=["GD601", "GD611"])
    assert sorted(d.code for d in found) == ["GD601", "GD601", "GD601"]


def test_the_parsers_word_places_the_cut() -> None:
    r = report(
        *six_sections()[:2],
        year=2022,
        format=ReportFormat.V2021,
        tables=tables(),
        signature=Signature(),
    )
    gp504 = Diagnostic(
        code="GP504",
        severity=Severity.WARNING,
        path="$.tables.t2.rows.normative_documents",
        message="表二在“规范性文件”处中断",
        message_en="table 二 stops at 规范性文件",
    )
    found = validate(r, select=["GD601", "GD611"], parse_diagnostics=[gp504])
    assert [(d.code, d.path) for d in found] == [("GD611", "$.tables.t2.rows.normative_documents")]
    assert "解析器GP504" in found[0].message
    # where the text goes on past the broken table, the table is broken but the page is not cut
    whole = report(*six_sections(), year=2022, format=ReportFormat.V2021, tables=tables())
    assert validate(whole, select=["GD611"], parse_diagnostics=[gp504]) == []


def test_a_cut_before_the_tables_takes_them_too() -> None:
    sections = six_sections()[:1]
    sections[0] = attrs.evolve(sections[0], paragraphs=["2022年，本机关认真贯彻落实《条例》，坚持"])
    found = validate(report(*sections, year=2022, format=ReportFormat.V2021))
    assert [d.code for d in found] == ["GD611"]


def test_parse_diagnostics_must_be_diagnostics() -> None:
    with pytest.raises(TypeError, match="parse_diagnostics takes Diagnostic objects"):
        validate(_cut_report(), parse_diagnostics=["GP504"])  # type: ignore[list-item]


# --- narrative figures against a blank 总计 -------------------------------------------------------------


def test_a_blank_total_is_summed_and_the_message_says_so() -> None:
    # real shape: 予以公开及部分公开258件 in the text, 总计 left blank, the applicant columns filled
    sections = six_sections()
    sections[2] = attrs.evolve(sections[2], quantities=[Quantity(258, "件", "予以公开及部分公开")])
    t3 = {
        "（一）予以公开": [200, 30, 0, 0, 0, 0, None],
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）": [20, 0, 0, 0, 0, 0, None],
    }
    r = report(*sections, year=2022, format=ReportFormat.V2021, tables=tables(t3=t3))
    [d] = _codes(r, "GD710")
    assert (d.expected, d.found) == ("230 + 20 = 250", "258")
    assert d.message.endswith("= 250（总计栏空白，按各申请人列之和计）")
    assert "T3-3" in d.message_en
    # a filled 总计 needs no such note
    filled = {k: [*v[:6], sum(v[:6])] for k, v in t3.items()}  # type: ignore[arg-type]
    r = report(*sections, year=2022, format=ReportFormat.V2021, tables=tables(t3=filled))
    [d] = _codes(r, "GD710")
    assert "总计栏空白" not in d.message


def test_batch_passes_the_parsers_word_on() -> None:
    # real: the 二道区 page stops at 8.属于行政查询事项 (GP504); the report alone shows only that the rows
    # after （一）予以公开 are blank (the page prints empty cells), so the cut's place tells who said it
    from govdisclosure.corpus import process_file

    result = process_file(str(FIXTURES / "erdao-fwzsb-2022.txt"))
    cuts = [d.path for d in result.diagnostics if d.code == "GD611"]
    assert cuts == ["$.tables.t3.rows.withheld_inquiry_matters"]
    alone = validate(result.report, select="GD611")
    assert [d.path for d in alone] == ["$.tables.t3.rows.disclosed"]


# --- properties ---------------------------------------------------------------------------------------

_PERIOD_FORMS = [
    "本报告所列数据的统计期限自{y}年1月1日起至{y}年12月31日止。",
    "报告中所列数据统计期限为{y}年1月1日至12月31日。",
    "本报告汇总全市数据,统计期限为{y}年1月1日至12月31日。",
    "本报告中所列数据统计期限截至{y}年12月31日。",
    "涵盖{y}年1月1日至12月31日本机关政府信息公开工作情况。",
]


@given(year=st.integers(1990, 2150), form=st.sampled_from(_PERIOD_FORMS), chinese=st.booleans())
def test_a_whole_period_of_the_report_year_is_never_flagged(
    year: int, form: str, chinese: bool
) -> None:
    written = "".join("〇一二三四五六七八九"[int(c)] for c in str(year)) if chinese else str(year)
    r = _with_preamble(form.format(y=written), year=year)
    assert len(periods(r)) == 1
    assert _codes(r, "GD311", "GD312", "GD313", "GD314", "GD315") == []


@given(year=st.integers(1990, 2150), day=st.integers(1, 30))
def test_any_other_last_day_is_flagged_once(year: int, day: int) -> None:
    r = _with_preamble(f"统计期限为{year}年1月1日至12月{day}日。", year=year)
    assert [(d.code, d.found) for d in _codes(r, "GD311", "GD313")] == [
        ("GD311", f"{year}年12月{day}日")
    ]
