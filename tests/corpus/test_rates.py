"""Rates against figures computed by hand from the table cells, and on generated tables."""

from __future__ import annotations

from fractions import Fraction

import attrs
from hypothesis import given
from hypothesis import strategies as st

import govdisclosure as gd
from govdisclosure.corpus import Rate, rates, requests_change
from govdisclosure.model import StatutoryTablesV2021, Table3V2021, Table4
from tests.corpus.helpers import STATUTORY_JSON


def test_rates_of_the_2021_example_by_hand() -> None:
    r = rates(gd.load(STATUTORY_JSON))
    # 表三, 总计 column: （一）予以公开 38, （二）部分公开 6, （七）总计 86
    assert r.disclosed == Rate("disclosed", 38 + 6, 86)
    assert r.disclosed.value == Fraction(44, 86) == Fraction(22, 43)
    # （三）不予公开 1.–8.: 0 + 0 + 1 + 3 + 1 + 2 + 1 + 3 = 11
    assert r.withheld.value == Fraction(0 + 0 + 1 + 3 + 1 + 2 + 1 + 3, 86)
    # 表四 行政复议: 结果纠正 1, 总计 4
    assert r.review_corrected.value == Fraction(1, 4)
    # 行政诉讼: 结果纠正 0 + 0 over 总计 2 + 1
    assert (r.litigation_corrected.numerator, r.litigation_corrected.denominator) == (0, 3)
    assert r.litigation_corrected.value == 0
    # 一、本年新收 总计 88
    assert r.requests.value == 88
    assert r.requests.denominator is None
    # no blank cell among 10 (表二) + 25 × 7 (表三) + 15 (表四) = 200
    assert (r.blank_cells.numerator, r.blank_cells.denominator) == (0, 10 + 25 * 7 + 15)
    labels = [rate.label for rate in r]
    assert labels == [
        "实质公开率",
        "不予公开率",
        "复议纠错率",
        "诉讼纠错率",
        "申请量",
        "空白单元格占比",
    ]


def test_a_blank_cell_or_a_zero_denominator_gives_a_blank_rate() -> None:
    report = gd.load(STATUTORY_JSON)
    assert report.tables is not None
    t3 = report.tables.t3
    blanked = attrs.evolve(t3.rows.total_handled, total=None)
    tables = attrs.evolve(
        report.tables,
        t3=attrs.evolve(t3, rows=attrs.evolve(t3.rows, total_handled=blanked)),
        t4=Table4.from_groups({"行政复议": [0, 0, 0, 0, 0], "未经复议直接起诉": {"结果纠正": 1}}),
    )
    r = rates(attrs.evolve(report, tables=tables))
    assert r.disclosed.value is None  # （七）总计 blank: not 0, not an error
    assert r.disclosed.numerator == 44
    assert r.disclosed.denominator is None
    assert r.review_corrected.value is None  # 0 ÷ 0
    assert r.review_corrected.denominator == 0
    assert r.litigation_corrected.value is None  # 复议后起诉 blank
    assert (
        r.blank_cells.numerator == 1 + 4 + 5
    )  # the 总计 cell, 未经复议直接起诉 but one, 复议后起诉
    assert all(rate.value is None for rate in rates(gd.load("examples/dehua_2014/report.json")))


def test_the_change_in_requests_against_last_year() -> None:
    report = gd.load(STATUTORY_JSON)
    assert report.tables is not None
    t3 = report.tables.t3
    fewer = attrs.evolve(t3.rows.received, total=80)
    last = attrs.evolve(
        report,
        tables=attrs.evolve(
            report.tables, t3=attrs.evolve(t3, rows=attrs.evolve(t3.rows, received=fewer))
        ),
    )
    assert requests_change(report, last).value == Fraction(88 - 80, 80)
    assert requests_change(last, report).value == Fraction(80 - 88, 88)  # may be negative
    none = attrs.evolve(last, tables=None)
    assert requests_change(report, none).value is None


_cell = st.one_of(st.none(), st.integers(0, 500))


@st.composite
def _tables(draw: st.DrawFn) -> StatutoryTablesV2021:
    """Tables whose identities hold where their cells are given: （七）总计 is the sum of the results
    (or blank), each group of 表四 its parts' sum (or blank); any cell may be blank."""
    results = [spec.key for spec in Table3V2021.data_rows() if spec.parent == "results"]
    results.remove("total_handled")
    figures = {key: draw(_cell) for key in results}
    parts = list(figures.values())
    total = None if None in parts or draw(st.booleans()) else sum(p for p in parts if p is not None)
    rows = {key: {"总计": value} for key, value in figures.items()}
    rows["total_handled"] = {"总计": total}
    rows["received"] = {"总计": draw(_cell)}
    groups = {}
    for group in ("review", "litigation_direct", "litigation_after_review"):
        cells = [draw(_cell) for _ in range(4)]
        whole = (
            None if None in cells or draw(st.booleans()) else sum(c for c in cells if c is not None)
        )
        groups[group] = [*cells, whole]
    return StatutoryTablesV2021(t3=Table3V2021.from_rows(rows), t4=Table4.from_groups(groups))


@given(_tables())
def test_rates_of_generated_tables_lie_in_0_1_or_are_blank(tables: StatutoryTablesV2021) -> None:
    report = attrs.evolve(gd.load(STATUTORY_JSON), tables=tables)
    found = rates(report)
    for rate in (
        found.disclosed,
        found.withheld,
        found.review_corrected,
        found.litigation_corrected,
    ):
        if rate.numerator is None or rate.denominator is None or rate.denominator == 0:
            assert rate.value is None
        else:
            assert rate.value is not None
            assert 0 <= rate.value <= 1
    t3, t4 = tables.t3.rows, tables.t4
    assert (found.disclosed.denominator is None) == (t3.total_handled.total is None)
    assert (found.review_corrected.value is None) == (
        not t4.review.total or t4.review.corrected is None
    )
    blank = found.blank_cells.value
    assert blank is not None
    assert 0 < blank <= 1
