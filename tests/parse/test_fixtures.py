"""The two development fixtures: partial real 2021-format reports as text extraction gives them.

``tests/fixtures/`` holds copies of ``shared/spec/fixtures/`` so that the suite stands alone; a test keeps
them equal where the shared folder is beside the checkout. Each fixture starts with its own note (its URL,
then ``NOTE: …``) and a blank line; the page follows.

- 长春市二道区房屋征收工作管理办公室 (erdao): a cell per line, each ended by ``|``; blank cells where 0 was
  meant; the typos 只计这一情况 and 属于三类内容事务信息; it stops inside table 三, row （三）8.
- 九原区政务服务局 (jiuyuan): a row per line, cells separated by ``|``, empty and merged cells as ``||``;
  ``商业 企业``; it stops inside table 三, row （三）4.

Every figure below is read off the fixture by hand.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from govdisclosure import (
    ReportFormat,
    StatutoryTablesV2021,
    Table2V2021,
    Table3V2021,
    validate,
)
from govdisclosure.parse import ParseResult, parse_text
from tests.conftest import SHARED
from tests.parse.helpers import check_provenance

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
NAMES = ["erdao-fwzsb-2022.txt", "jiuyuan-zwfwj-2022.txt"]
_ = None  # a blank cell, for the tables below to read like the page

# Table 二 of both: every cell 0 (二道区 writes 0 in table 二, blanks only in table 三).
T2_ZERO = Table2V2021.from_rows(
    {
        "规章": [0, 0, 0],
        "行政规范性文件": [0, 0, 0],
        "行政许可": [0],
        "行政处罚": [0],
        "行政强制": [0],
        "行政事业性收费": ["0"],
    }
)

# 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计
ERDAO_T3 = Table3V2021.from_rows(
    {
        "一、本年新收政府信息公开申请数量": [56, _, _, _, _, _, 56],
        "二、上年结转政府信息公开申请数量": [0, _, _, _, _, _, 0],
        "（一）予以公开": [18, _, _, _, _, _, _],
        # （二） and （三）1–8: every cell blank; the page stops after four of row 8's seven cells
    }
)
ZEROS = [0] * 7
JIUYUAN_T3 = Table3V2021.from_rows(
    {
        "一、本年新收政府信息公开申请数量": [1, 0, 0, 0, 0, 0, 1],
        "二、上年结转政府信息公开申请数量": ZEROS,
        "（一）予以公开": ZEROS,
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）": ZEROS,
        "1.属于国家秘密": ZEROS,
        "2.其他法律行政法规禁止公开": ZEROS,
        "3.危及“三安全一稳定”": ZEROS,
        "4.保护第三方合法权益": [1, _, _, _, _, _, _],  # the page stops after 自然人
    }
)


def _page(name: str) -> str:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    return text.split("\n\n", 1)[1]  # the fixture's own note (URL, NOTE) comes first


@pytest.fixture(scope="module")
def erdao() -> ParseResult:
    return parse_text(_page("erdao-fwzsb-2022.txt"))


@pytest.fixture(scope="module")
def jiuyuan() -> ParseResult:
    return parse_text(_page("jiuyuan-zwfwj-2022.txt"))


@pytest.mark.parametrize("name", NAMES)
def test_the_copies_are_the_shared_fixtures(name: str) -> None:
    shared = SHARED / "spec" / "fixtures" / name
    if not shared.exists():
        pytest.skip(f"{shared} is not beside the checkout")
    assert (FIXTURES / name).read_bytes() == shared.read_bytes()


def test_erdao_every_cell(erdao: ParseResult) -> None:
    report = erdao.report
    assert (report.title, report.year, report.format) == (
        "关于2022年度政府信息公开情况的报告",
        2022,
        ReportFormat.V2021,
    )
    assert report.tables == StatutoryTablesV2021(t2=T2_ZERO, t3=ERDAO_T3)
    assert report.tables.t3.rows.disclosed.natural_person == 18
    assert report.tables.t3.rows.disclosed.commercial is None  # blank, not 0


def test_erdao_typos_and_truncation(erdao: ParseResult) -> None:
    found = [(d.code, d.path, d.found, d.expected) for d in erdao.diagnostics]
    assert found == [
        ("GP510", "$.tables.t4", None, None),
        # no 发布机构 and no agency in the title: section 一's first sentence names it (2022年，二道区…认真贯彻)
        ("GP121", "$.header.publisher", "二道区房屋征收工作管理办公室", None),
        (
            "GP501",
            "$.tables.t3.rows.partly_disclosed",
            "(二)部分公开(区分处理的,只计这一情况,不计其他情形)",
            "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        ),
        (
            "GP501",
            "$.tables.t3.rows.withheld_internal_affairs",
            "5.属于三类内容事务信息",
            "5.属于三类内部事务信息",
        ),
        ("GP504", "$.tables.t3.rows.withheld_inquiry_matters", None, None),
    ]
    stop = erdao.diagnostics[-1]
    assert stop.message == "表三在“8.属于行政查询事项”处中断（该行读到 4/7 个数字），其后 13 行空白"
    assert stop.span is not None
    assert erdao.text[stop.span.start : stop.span.end] == "8.属于行政查询事项"


def test_jiuyuan_every_cell(jiuyuan: ParseResult) -> None:
    report = jiuyuan.report
    assert (report.title, report.year, report.format) == (
        "九原区政务服务局2022年政府信息公开工作年度报告",
        2022,
        ReportFormat.V2021,
    )
    assert report.tables == StatutoryTablesV2021(t2=T2_ZERO, t3=JIUYUAN_T3)


def test_jiuyuan_spaces_and_truncation(jiuyuan: ParseResult) -> None:
    assert [(d.code, d.path) for d in jiuyuan.diagnostics] == [
        ("GP510", "$.tables.t4"),
        ("GP103", "$.title"),  # 九原区政务服务局 / 2022年政府信息公开工作年度报告
        ("GP115", "$.header.publisher"),  # no 发布机构: the agency the title names
        ("GP504", "$.tables.t3.rows.withheld_third_party_rights"),
    ]  # 商业 企业, 科研 机构 and the half-width brackets are exact after normalising: no GP501
    assert jiuyuan.diagnostics[-1].message_en == (
        "table 三 stops at 4.保护第三方合法权益 (1 of 7 figures); the 17 rows after it are blank"
    )


@pytest.mark.parametrize("name", NAMES)
def test_table_rows_are_not_body_text(name: str) -> None:
    result = parse_text(_page(name))
    body = result.report.body
    assert [(s.label, s.heading, s.paragraphs) for s in body[-2:]] == [
        ("二、", "主动公开政府信息情况", ()),
        ("三、", "收到和处理政府信息公开申请情况", ()),
    ]
    assert "GP005" not in {d.code for d in result.diagnostics}
    assert "GP999" not in {d.code for d in result.diagnostics}
    check_provenance(result)
    # every figure read points at its text, and only figures do (a blank cell has no source)
    tables = result.report.tables
    assert tables is not None
    figures = {
        f"$.tables.t2.rows.{row.key}.{column.key}"
        for row in tables.t2.row_specs()
        for column in tables.t2[row.key].COLUMNS
        if getattr(tables.t2[row.key], column.key) is not None
    } | {
        f"$.tables.t3.rows.{row.key}.{column.key}"
        for row in tables.t3.data_rows()
        for column in tables.t3.COLUMNS
        if getattr(getattr(tables.t3.rows, row.key), column.key) is not None
    }
    assert {p for p in result.provenance if p.startswith("$.tables.")} == figures


def test_the_whole_file_note_included(erdao: ParseResult) -> None:
    # The URL and the note (which has a "|" in it) are above the title: dropped in one GP112, and
    # neither a table row nor the title.
    result = parse_text((FIXTURES / "erdao-fwzsb-2022.txt").read_text(encoding="utf-8"))
    assert result.report.tables == erdao.report.tables
    assert result.report.title == "关于2022年度政府信息公开情况的报告"
    dropped = [d for d in result.diagnostics if d.code in ("GP005", "GP010", "GP112")]
    assert [(d.code, d.message_en.split(" (")[0]) for d in dropped] == [
        ("GP112", "dropped 2 lines above the title")
    ]
    assert "GP999" not in {d.code for d in result.diagnostics}


@pytest.mark.parametrize(
    ("name", "rules"),
    [
        (
            "erdao-fwzsb-2022.txt",
            [
                # blanks everywhere in table 三 (all but 自然人 and 总计), and no table 四: hints, not errors
                ("GD705", "$.tables.t3"),
                # the page stops in table 三: sections 四 五 六 are not there, one cut (GD611), not three
                # GD601; from the report alone, the last row with a figure is （一）予以公开 (the page
                # prints the rows after it with empty cells)
                ("GD611", "$.tables.t3.rows.disclosed"),
                ("GD705", "$.tables.t4"),
            ],
        ),
        (
            "jiuyuan-zwfwj-2022.txt",
            [
                ("GD705", "$.tables.t3"),
                ("GD611", "$.tables.t3.rows.withheld_third_party_rights"),
                ("GD705", "$.tables.t4"),
            ],
        ),
    ],
)
def test_validation_of_the_parsed_fixtures(name: str, rules: list[tuple[str, str]]) -> None:
    report = parse_text(_page(name)).report
    found = validate(report)
    assert [(d.code, d.path) for d in found] == rules
    # what is there adds up: no identity of table 三 fails where it can be checked
    assert not [d for d in found if d.code in ("GD701", "GD702", "GD703", "GD704")]
    t3 = next(d for d in found if d.path == "$.tables.t3")
    assert "T3-1（全部7列）" in t3.message  # 四、结转下年度 is missing: T3-1 cannot be checked
