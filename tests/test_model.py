"""The model's value types and invariants."""

from __future__ import annotations

import datetime as dt
import pickle
from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from govdisclosure import (
    DisclosureReport,
    DocumentNumber,
    DocumentNumberError,
    IndexNumber,
    Money,
    MoneyUnit,
    Quantity,
    ReportFormat,
    Section,
    Span,
    YearMonth,
)
from tests.strategies import document_numbers, reports

BRACKET_PAIRS = ["〔〕", "[]", "()", "［］", "﹝﹞", "（）", "【】", "〖〗"]


@pytest.mark.parametrize("pair", BRACKET_PAIRS)
def test_document_number_reads_every_usual_bracket(pair: str) -> None:
    n = DocumentNumber.parse(f"闽政办函{pair[0]}2014{pair[1]}130号")
    assert (n.issuer, n.year, n.serial) == ("闽政办函", 2014, 130)
    assert str(n) == "闽政办函〔2014〕130号"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("国办公开办函〔2021〕30号", ("国办公开办函", 2021, 30)),
        (" 泉政办 [ 2014 ] 102 号 ", ("泉政办", 2014, 102)),
        ("国办发〔2019〕第012号", ("国办发", 2019, 12)),
    ],
)
def test_document_number_tolerates_spaces_di_and_leading_zeros(
    text: str, expected: tuple[str, int, int]
) -> None:
    n = DocumentNumber.parse(text)
    assert (n.issuer, n.year, n.serial) == expected


@pytest.mark.parametrize(
    "text",
    [
        "闽政办函〔2014130号",  # the seed's damage: the closing bracket lost
        "泉政办〔2014102号",
        "闽政办函〔2014)130号",  # brackets that do not pair
        "〔2014〕130号",  # no issuer
        "闽政办函〔14〕130号",  # two-digit year
        "闽政办函〔2014〕号",  # no serial
        "闽政办函〔2014〕0号",
        "国务院令第711号",  # an order number, not a 发文字号
        "",
    ],
)
def test_document_number_rejects_what_is_not_one(text: str) -> None:
    with pytest.raises(DocumentNumberError, match="expected 机关代字〔年份〕序号号") as info:
        DocumentNumber.parse(text)
    assert repr(text) in str(info.value)


@given(document_numbers)
def test_document_number_str_parses_back(n: DocumentNumber) -> None:
    assert DocumentNumber.parse(str(n)) == n


def test_document_number_validates_its_fields() -> None:
    with pytest.raises(ValueError, match="four-digit year"):
        DocumentNumber(issuer="闽政办函", year=14, serial=1)
    with pytest.raises(ValueError, match="issuer"):
        DocumentNumber(issuer="闽〔政", year=2014, serial=1)
    with pytest.raises(ValueError, match="serial must be positive"):
        DocumentNumber(issuer="闽政", year=2014, serial=0)


@pytest.mark.parametrize(
    ("raw", "agency", "category", "year", "month", "serial"),
    [
        ("qz11402-1000-2014-00002", "qz11402", "1000", 2014, None, "00002"),
        ("S0E00-0000-2015-00009", "S0E00", "0000", 2015, None, "00009"),
        ("j602402--2023-0165", "j602402", None, 2023, None, "0165"),
        ("014416330/2018-04736", "014416330", None, 2018, None, "04736"),
        ("11370900004341590P/2017-00150", "11370900004341590P", None, 2017, None, "00150"),
        ("11341702486344515H/202110-00013", "11341702486344515H", None, 2021, 10, "00013"),
        ("0142768-8/2022-00185", "0142768-8", None, 2022, None, "00185"),
        ("01527918X-2020-153077", "01527918X", None, 2020, None, "153077"),
    ],
)
def test_index_number_parts_of_the_reference_schemes(
    raw: str, agency: str, category: str | None, year: int, month: int | None, serial: str
) -> None:
    parts = IndexNumber(raw).parts
    assert parts is not None
    assert (parts.agency, parts.category, parts.year, parts.month, parts.serial) == (
        agency,
        category,
        year,
        month,
        serial,
    )
    assert str(IndexNumber(raw)) == raw


@given(st.text())
def test_index_number_is_never_rejected(raw: str) -> None:
    assert IndexNumber(raw).raw == raw


def test_money_is_never_float() -> None:
    with pytest.raises(TypeError, match="never float"):
        Money(1289.4)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="expected a decimal number"):
        Money("12,894")
    with pytest.raises(ValueError, match="finite"):
        Money(Decimal("NaN"))
    assert Money("12894000", MoneyUnit.WAN_YUAN).yuan == Decimal(12894000)


@pytest.mark.parametrize(
    ("yuan", "unit", "shown"),
    [
        ("12894000", MoneyUnit.WAN_YUAN, "1289.4"),
        ("251000", MoneyUnit.YUAN, "251000"),
        ("300000000", MoneyUnit.YI_YUAN, "3"),
        ("10000", MoneyUnit.WAN_YUAN, "1"),
        ("123.45", MoneyUnit.YUAN, "123.45"),
    ],
)
def test_money_in_unit(yuan: str, unit: MoneyUnit, shown: str) -> None:
    assert str(Money(Decimal(yuan), unit).in_unit()) == shown


def test_quantity_is_a_non_negative_int() -> None:
    with pytest.raises(ValueError, match="must not be negative"):
        Quantity(-1, "个")
    with pytest.raises(TypeError, match="must be an int"):
        Quantity(True, "个")
    with pytest.raises(TypeError, match="must be an int"):
        Quantity(1.0, "个")  # type: ignore[arg-type]


def test_a_lone_string_is_not_taken_for_paragraphs() -> None:
    with pytest.raises(TypeError, match="sequence of strings"):
        Section(paragraphs="一段文字")  # type: ignore[arg-type]


def test_lists_become_tuples_and_models_are_hashable() -> None:
    s = Section(paragraphs=["a", "b"], children=[Section(label="一是", ordinal=1)])
    assert s.paragraphs == ("a", "b")
    assert isinstance(s.children, tuple)
    assert hash(s) == hash(
        Section(paragraphs=("a", "b"), children=(Section(label="一是", ordinal=1),))
    )


def test_models_are_frozen() -> None:
    s = Section()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        s.heading = "x"  # type: ignore[misc]


def test_section_ids_count_each_kind_among_siblings() -> None:
    report = DisclosureReport(
        title="t",
        year=2014,
        format=ReportFormat.NARRATIVE,
        body=[
            Section(paragraphs=["导语"]),
            Section(
                ordinal=1,
                label="一、",
                children=[
                    Section(paragraphs=["x"]),
                    Section(ordinal=1, label="一是"),
                    Section(ordinal=2, label="二是"),
                    Section(ordinal=1, label="（一）", children=[Section(ordinal=1, label="1.")]),
                ],
            ),
            Section(ordinal=2, label="二、"),
        ],
    )
    refs = list(report.sections())
    assert [(r.id, r.path, r.depth) for r in refs] == [
        ("b1", "$.body[0]", 1),
        ("s1", "$.body[1]", 1),
        ("s1.b1", "$.body[1].children[0]", 2),
        ("s1.i1", "$.body[1].children[1]", 2),
        ("s1.i2", "$.body[1].children[2]", 2),
        ("s1.s1", "$.body[1].children[3]", 2),
        ("s1.s1.s1", "$.body[1].children[3].children[0]", 3),
        ("s2", "$.body[2]", 1),
    ]
    assert report.section("s1.i2").label == "二是"
    with pytest.raises(KeyError):
        report.section("s9")


def test_ordinal_must_be_positive() -> None:
    with pytest.raises(ValueError, match="ordinal"):
        Section(ordinal=0, label="一、")


def test_year_month() -> None:
    ym = YearMonth(2014, 11)
    assert ym.last_day() == dt.date(2014, 11, 30)
    assert dt.date(2014, 11, 4) in ym
    assert YearMonth.fromisoformat(str(ym)) == ym
    with pytest.raises(ValueError, match="month"):
        YearMonth(2014, 13)


def test_span_line_column() -> None:
    text = "第一行\n第二行"
    assert Span(4, 5).line_column(text) == (2, 1)
    assert Span(0, 0).line_column(text) == (1, 1)
    with pytest.raises(ValueError, match="start <= end"):
        Span(3, 2)


@given(reports())
def test_reports_pickle(report: DisclosureReport) -> None:
    assert pickle.loads(pickle.dumps(report)) == report
