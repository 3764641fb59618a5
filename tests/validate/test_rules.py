"""Every rule: its example triggers it, the clean report passes it, and one fault in the clean report trips it.

The expected paths and figures below are written by hand from the clean report's layout (tests/validate/
clean.py), not taken from the code under test.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

import attrs
import pytest

from govdisclosure import (
    CitedDocument,
    DisclosureReport,
    DocumentNumber,
    HeaderField,
    IndexNumber,
    Money,
    MoneyUnit,
    Quantity,
    ReportFormat,
    Section,
    YearMonth,
)
from govdisclosure.validate import Rule, rules, validate
from tests.strategies_tables import with_cell
from tests.validate.clean import clean_previous, clean_report, edit, node

RULES = rules()
CODES = [rule.code for rule in RULES]

MANAGEMENT = (1, 2)  # $.body[1].children[2]: the power and risk inventories
ACTIVE = (1, 0)  # $.body[1].children[0]: the disclosure figures


def _power(r: DisclosureReport, **changes: object) -> DisclosureReport:
    power = node(r, MANAGEMENT).power
    return edit(r, MANAGEMENT, power=attrs.evolve(power, **changes))


def _risks(r: DisclosureReport, **changes: object) -> DisclosureReport:
    risks = node(r, MANAGEMENT).risks
    return edit(r, MANAGEMENT, risks=attrs.evolve(risks, **changes))


def _stats(r: DisclosureReport, **changes: object) -> DisclosureReport:
    return edit(r, ACTIVE, disclosure=attrs.evolve(node(r, ACTIVE).disclosure, **changes))


def _header(r: DisclosureReport, **changes: object) -> DisclosureReport:
    return attrs.evolve(r, header=attrs.evolve(r.header, **changes))


def _signed(r: DisclosureReport, day: dt.date) -> DisclosureReport:
    return attrs.evolve(r, signature=attrs.evolve(r.signature, date=day))


def _cite(r: DisclosureReport, *extra: CitedDocument) -> DisclosureReport:
    return edit(r, (0,), citations=[*r.body[0].citations, *extra])


def _swap_four_and_five(r: DisclosureReport) -> DisclosureReport:
    body = list(r.body)
    four, five = body[4], body[5]
    body[4] = attrs.evolve(five, ordinal=4, label="四、")
    body[5] = attrs.evolve(four, ordinal=5, label="五、")
    return attrs.evolve(r, body=body)


def _cut_in_three(r: DisclosureReport) -> DisclosureReport:
    """The page stops in section 三's text: 四、五、六 and the signature are gone."""
    cut = attrs.evolve(r.body[3], paragraphs=["本年新收政府信息公开申请12件，其中"])
    return attrs.evolve(r, body=[*r.body[:3], cut], signature=None)


T3 = "$.tables.t3.rows"


def _cell(r: DisclosureReport, cell: tuple[str, ...], value: int | None) -> DisclosureReport:
    return attrs.evolve(r, tables=with_cell(r.tables, cell, value))


SEVENTH = Section(ordinal=7, label="七、", heading="附则", paragraphs=["……"])

# code -> (one fault put into the clean report, the (path, expected, found) of every diagnostic it gives)
FAULTS: dict[str, tuple[Callable[[DisclosureReport], DisclosureReport], list[tuple[str, ...]]]] = {
    "GD101": (
        lambda r: _power(r, matters=Quantity(40, "项", "行政权力事项")),
        [("$.body[1].children[2].power.matters", "2 + 4 + 45 = 51", "40")],
    ),
    "GD102": (
        lambda r: _power(r, matters=Quantity(60, "项", "行政权力事项")),
        [("$.body[1].children[2].power.matters", "2 + 4 + 45 = 51", "60")],
    ),
    "GD103": (
        lambda r: _risks(r, low=None),
        [("$.body[1].children[2].risks.points", "1 + 1 = 2", "3")],
    ),
    "GD104": (
        lambda r: _risks(r, measures=Quantity(2, "个", "防控措施")),
        [("$.body[1].children[2].risks.measures", "≥ 3", "2")],
    ),
    "GD105": (
        lambda r: _risks(r, items=node(r, MANAGEMENT).risks.items[:2]),
        [("$.body[1].children[2].risks.items", "3", "2")],
    ),
    "GD106": (
        lambda r: _risks(
            r,
            items=[
                *node(r, MANAGEMENT).risks.items[:2],
                attrs.evolve(node(r, MANAGEMENT).risks.items[2], measures=()),
            ],
        ),
        [("$.body[1].children[2].risks.items[2].measures", "≥ 1", "0")],
    ),
    "GD107": (
        lambda r: _stats(r, cumulative=Quantity(100, "条")),
        [("$.body[1].children[0].disclosure.cumulative", "≥ 120", "100")],
    ),
    "GD108": (
        lambda r: _stats(r, cumulative=Quantity(850, "条")),
        [("$.body[1].children[0].disclosure.cumulative", "≥ 860", "850")],
    ),
    "GD109": (
        lambda r: _power(
            r,
            categories=[
                *node(r, MANAGEMENT).power.categories[:2],
                Quantity(45, "个", "内部管理权"),
            ],
        ),
        [("$.body[1].children[2].power.categories[2].unit", "项", "个")],
    ),
    "GD201": (
        lambda r: edit(r, (1, 4), ordinal=6, label="（六）"),
        [("$.body[1].children[4].ordinal", "5", "6")],
    ),
    "GD202": (
        lambda r: edit(r, (1, 4), label="（六）"),
        [("$.body[1].children[4].label", "（五）", "（六）")],
    ),
    "GD203": (
        lambda r: edit(r, (1, 4), label="5."),
        [("$.body[1].children[4].label", "（五）", "5.")],
    ),
    "GD204": (
        lambda r: edit(r, (1, 4), label="(五)"),
        [("$.body[1].children[4].label", "（五）", "(五)")],
    ),
    "GD205": (
        lambda r: edit(r, (1, 4), label="第五"),
        [("$.body[1].children[4].label", "一、 （一） 1. （1） 一是", "第五")],
    ),
    "GD206": (lambda r: edit(r, (6,), paragraphs=()), [("$.body[6]",)]),
    "GD301": (
        lambda r: _signed(r, dt.date(2023, 1, 21)),
        [("$.signature.date", "2023-01-20", "2023-01-21")],
    ),
    "GD302": (
        lambda r: _header(r, published_at=dt.datetime(2023, 1, 19, 16, 5)),
        [("$.header.published_at", "≥ 2023-01-20", "2023-01-19T16:05")],
    ),
    "GD303": (
        lambda r: _signed(_header(r, document_date=dt.date(2021, 12, 30)), dt.date(2021, 12, 30)),
        [
            ("$.header.document_date", "≥ 2022-01-01", "2021-12-30"),
            ("$.signature.date", "≥ 2022-01-01", "2021-12-30"),
        ],
    ),
    "GD304": (
        lambda r: _header(r, document_date=dt.date(2024, 2, 1)),
        [("$.header.document_date", "≤ 2023-12-31", "2024-02-01")],
    ),
    "GD305": (
        lambda r: _header(r, published_at=dt.datetime(2022, 12, 31, 23, 59)),
        [("$.header.published_at", "≥ 2023-01-01", "2022-12-31T23:59")],
    ),
    "GD306": (
        lambda r: _header(r, published_at=dt.datetime(2023, 4, 1, 8, 0)),
        [("$.header.published_at", "≤ 2023-03-31", "2023-04-01T08:00")],
    ),
    "GD307": (
        lambda r: _stats(r, as_of=YearMonth(2023, 1)),
        [("$.body[1].children[0].disclosure.as_of", "2022-01 … 2022-12", "2023-01")],
    ),
    "GD308": (
        lambda r: _stats(r, as_of=YearMonth(2023, 2)),
        [("$.body[1].children[0].disclosure.as_of", "≤ 2023-01", "2023-02")],
    ),
    "GD309": (
        lambda r: edit(r, (5, 1), plan=attrs.evolve(node(r, (5, 1)).plan, target_year=2022)),
        [("$.body[5].children[1].plan.target_year", "2023", "2022")],
    ),
    "GD310": (
        lambda r: attrs.evolve(r, title="某县科学技术局二〇二一年政府信息公开工作年度报告"),
        [("$.title", "2022", "2021")],
    ),
    "GD311": (
        lambda r: edit(
            r, (0,), paragraphs=[r.body[0].paragraphs[0], "统计期限自2022年1月1日至12月21日。"]
        ),
        [("$.body[0].paragraphs[1]", "12月31日", "2022年12月21日")],
    ),
    "GD312": (
        lambda r: edit(r, (0,), paragraphs=[r.body[0].paragraphs[0], "数据截至202222年12月31日。"]),
        [("$.body[0].paragraphs[1]", "YYYY年", "202222年")],
    ),
    "GD313": (
        lambda r: edit(
            r,
            (0,),
            paragraphs=[r.body[0].paragraphs[0], "统计期限自2021年1月1日至2021年12月31日。"],
        ),
        [("$.body[0].paragraphs[1]", "2022", "2021")],
    ),
    # every 2022年 of the body becomes 2021年: the preamble's period (twice), the overview's opening;
    # the plan for 2023 stays
    "GD314": (
        lambda r: edit(
            edit(r, (0,), paragraphs=[p.replace("2022", "2021") for p in r.body[0].paragraphs]),
            (1,),
            paragraphs=["2021年，我局认真贯彻落实《条例》。"],
        ),
        [("$.body", "2022年", "2021年3次、2023年1次")],
    ),
    "GD315": (
        lambda r: edit(
            r,
            (0,),
            paragraphs=["本报告对照《2021年政务公开工作要点》编制。", *r.body[0].paragraphs[1:]],
        ),
        [("$.body[0].paragraphs[0]", "2022年", "2021年")],
    ),
    "GD401": (
        lambda r: _cite(r, CitedDocument("关于印发新规定的通知", DocumentNumber("某政", 2024, 1))),
        [("$.body[0].citations[2].number", "≤ 2023", "2024")],
    ),
    "GD402": (
        lambda r: _cite(
            r, CitedDocument("关于做好年度报告工作的通知", DocumentNumber("某政办", 2023, 2))
        ),
        [("$.body[0].citations[2].number", "≤ 2022", "2023")],
    ),
    "GD403": (
        lambda r: _header(r, document_number=DocumentNumber("某科", 2022, 2)),
        [("$.header.document_number", "2023", "2022")],
    ),
    "GD404": (
        lambda r: _header(r, index_number=IndexNumber("qz11402-1000-2021-00003")),
        [("$.header.index_number", "2023", "2021")],
    ),
    "GD405": (
        lambda r: _cite(
            r, CitedDocument("关于做好2022年政务公开工作的通知", DocumentNumber("某政办", 2022, 31))
        ),
        [("$.body[0].citations[2].number", "某政办〔2022〕30号", "某政办〔2022〕31号")],
    ),
    "GD411": (
        lambda r: _header(r, index_number=IndexNumber("/2023-None")),
        [("$.header.index_number", "机构代码-…-年度-流水号", "/2023-None")],
    ),
    "GD412": (
        lambda r: _header(r, other=[HeaderField("文号", r.title)]),
        [
            (
                "$.header.other[0].value",
                "机关代字〔年份〕序号号",
                "某县科学技术局2022年政府信息公开工作年度报告",
            )
        ],
    ),
    "GD413": (
        lambda r: _header(r, other=[HeaderField("发布日期", "2021-12-30")]),
        [("$.header.other[0].value", "≥ 2022-01-01", "2021-12-30")],
    ),
    "GD501": (
        lambda r: edit(r, (2,), amounts=[Money(Decimal("-125000"), MoneyUnit.WAN_YUAN)]),
        [("$.body[2].amounts[0].yuan", "≥ 0", "-12.5万元")],
    ),
    "GD502": (
        lambda r: edit(r, (2,), amounts=[Money(Decimal("125000.005"), MoneyUnit.WAN_YUAN)]),
        [("$.body[2].amounts[0].yuan", "125000.00元 or a whole fen", "125000.005元")],
    ),
    "GD503": (
        lambda r: edit(r, (2,), amounts=[Money(Decimal("125000"))]),
        [("$.body[2].amounts[0].unit", "万元", "元")],
    ),
    "GD601": (
        lambda r: attrs.evolve(r, body=[*r.body[:4], *r.body[5:]]),
        [("$.body", "四、政府信息公开行政复议、行政诉讼情况", None)],
    ),
    # the page stops in section 三's text: 四、五、六 and the signature are gone
    "GD611": (
        _cut_in_three,
        [
            (
                "$.body[3].paragraphs[0]",
                "四、政府信息公开行政复议、行政诉讼情况、五、存在的主要问题及改进情况、六、其他需要报告的事项",
                None,
            )
        ],
    ),
    "GD602": (
        _swap_four_and_five,
        [("$.body[4].ordinal", "5", "4"), ("$.body[5].ordinal", "4", "5")],
    ),
    "GD603": (
        lambda r: attrs.evolve(r, body=[*r.body, SEVENTH]),
        [
            (
                "$.body[7].heading",
                "总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、"
                "政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项",
                "附则",
            )
        ],
    ),
    "GD604": (
        # the tables are of the 2021 format, which a 2019-format report cannot hold
        lambda r: attrs.evolve(r, format=ReportFormat.V2019, tables=None),
        [("$.format", "2021", "2019")],
    ),
    "GD605": (lambda r: attrs.evolve(r, tables=None), [("$.tables", "表二、表三、表四", None)]),
    # The clean tables (tests/validate/clean.py): 自然人 一 10, 二 1, （七）总计 10, 四 1; （一）6 （二）1
    # （三）1 （四）2; row 一 is 10 + 2 = 12; 行政复议 1 = 1; 行政规范性文件 3 in force in 2021, 1 issued now.
    "GD701": (
        lambda r: _cell(r, ("t3", "rows", "carried_forward", "natural_person"), 2),
        [(f"{T3}.total_handled.natural_person", "10 + 1 = 11", "10 + 2 = 12")],
    ),
    "GD702": (
        lambda r: _cell(r, ("t3", "rows", "withheld_third_party_rights", "natural_person"), 2),
        [(f"{T3}.total_handled.natural_person", "6 + 1 + 2 + 2 + 0 + 0 = 11", "10")],
    ),
    "GD703": (
        lambda r: _cell(r, ("t3", "rows", "received", "total"), 13),
        [(f"{T3}.received.total", "10 + 2 + 0 + 0 + 0 + 0 = 12", "13")],
    ),
    "GD704": (
        lambda r: _cell(r, ("t4", "review", "total"), 2),
        [("$.tables.t4.review.total", "1 + 0 + 0 + 0 = 1", "2")],
    ),
    "GD705": (lambda r: _cell(r, ("t3", "rows", "received", "total"), None), [("$.tables.t3",)]),
    "GD706": (
        lambda r: _cell(r, ("t3", "rows", "brought_forward", "natural_person"), 2),
        [(f"{T3}.brought_forward.natural_person", "1", "2")],
    ),
    "GD707": (
        lambda r: _cell(r, ("t2", "rows", "normative_documents", "in_force"), 5),
        [("$.tables.t2.rows.normative_documents.in_force", "3 + 1 − 0 = 4", "5")],
    ),
    "GD710": (
        lambda r: edit(r, (3,), quantities=[Quantity(13, "件", "新收政府信息公开申请")]),
        [("$.body[3].quantities[0]", "12", "13")],
    ),
    "GD711": (
        lambda r: _cell(r, ("t2", "rows", "regulations", "in_force"), 2),
        [("$.tables.t2.rows.regulations", "0", "现行有效件数2")],
    ),
    # last year's plan item 完善网站栏目 is mentioned only by the item of （四） this fault removes
    "GD801": (
        lambda r: edit(r, (1, 3), children=[node(r, (1, 3)).children[1]]),
        [("$.body", "完善网站栏目", "previous $.body[1].children[0]")],
    ),
}

# GD708 and GD709 are of the 2019 format, which the clean report is not: tests/validate/test_tables_rules.py
# breaks a clean 2019-format pair of reports for them.
ONLY_2019 = {"GD708", "GD709"}


def test_every_rule_has_a_fault_test() -> None:
    assert sorted(FAULTS) == [code for code in CODES if code not in ONLY_2019]


def test_codes_are_sorted_unique_and_grouped() -> None:
    assert sorted(set(CODES)) == CODES
    assert all(
        code[:3] in {"GD1", "GD2", "GD3", "GD4", "GD5", "GD6", "GD7", "GD8"} for code in CODES
    )


@pytest.mark.parametrize("rule", RULES, ids=CODES)
def test_the_example_triggers_its_rule_and_no_other(rule: Rule) -> None:
    found = rule.run_example()
    assert found, f"{rule.code}'s example triggers nothing"
    assert {(d.code, d.severity) for d in found} == {(rule.code, rule.severity)}
    previous = rule.example_previous() if rule.example_previous is not None else None
    everything = validate(rule.example(), previous=previous)
    assert {d.code for d in everything} == {rule.code}
    for d in found:
        assert d.path.startswith("$")
        assert d.message
        assert d.message_en
        assert d.message != d.message_en


@pytest.mark.parametrize("rule", RULES, ids=CODES)
def test_the_clean_report_passes(rule: Rule) -> None:
    assert rule.run(clean_report(), previous=clean_previous()) == []


def test_the_clean_report_passes_them_all() -> None:
    assert validate(clean_report(), previous=clean_previous()) == []


@pytest.mark.parametrize("code", sorted(FAULTS))
def test_one_fault_trips_the_rule(code: str) -> None:
    fault, expected = FAULTS[code]
    found = validate(fault(clean_report()), select=code, previous=clean_previous())
    got = [(d.path, d.expected, d.found) for d in found]
    assert got == [e if len(e) == 3 else (e[0], None, None) for e in expected]
