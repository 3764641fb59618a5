"""The rates transparency evaluators score (比率), each computed from named cells of the statutory tables.

Every rate is a :class:`Rate`: a numerator and a denominator (whole numbers, as the cells are) and their
ratio as a :class:`fractions.Fraction`. Fraction, not float and not Decimal: the cells are integer
counts, so the ratio is rational and a Fraction holds it exactly (1/3 is 1/3, not 0.333…), compares and
sums exactly, and gives no rounding to argue about when two evaluators compare figures; Decimal would have
to round every division to some precision. The tables written by the batch give the ratio as a float
too, for reading, beside the exact numerator and denominator.

A blank cell is not 0 (see "blank is not zero"): a rate whose numerator or denominator needs a blank
cell is blank (None), and so is a rate whose denominator is 0 — never 0, never infinity.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from fractions import Fraction

import attrs

from govdisclosure.corpus._records import Row, table_cells
from govdisclosure.model import DisclosureReport

DISCLOSED = "disclosed"
WITHHELD = "withheld"
REVIEW_CORRECTED = "review_corrected"
LITIGATION_CORRECTED = "litigation_corrected"
REQUESTS = "requests"
REQUESTS_CHANGE = "requests_change"
BLANK_CELLS = "blank_cells"
REPETITION = "repetition"

LABELS = {
    DISCLOSED: "实质公开率",
    WITHHELD: "不予公开率",
    REVIEW_CORRECTED: "复议纠错率",
    LITIGATION_CORRECTED: "诉讼纠错率",
    REQUESTS: "申请量",
    REQUESTS_CHANGE: "申请量变化率",
    BLANK_CELLS: "空白单元格占比",
    REPETITION: "重复率",
}
"""The Chinese name of each measure, by its key."""


@attrs.frozen
class Rate:
    """One measure of one report (比率): numerator ÷ denominator, exact.

    >>> Rate("disclosed", 44, 86).value
    Fraction(22, 43)
    >>> Rate("disclosed", 0, 0).value is None, Rate("disclosed", 3, None).value is None
    (True, True)
    """

    measure: str
    """The measure's key (``disclosed``); its Chinese name is :attr:`label`."""
    numerator: int | None
    """分子; None where a cell it needs is blank."""
    denominator: int | None
    """分母; None where a cell it needs is blank; for 申请量 (a count, not a ratio) always None."""

    @property
    def label(self) -> str:
        """The Chinese name (实质公开率)."""
        return LABELS[self.measure]

    @property
    def value(self) -> Fraction | None:
        """The ratio, exact; the count itself for 申请量; None where the numerator or denominator is blank
        or the denominator is 0."""
        if self.measure == REQUESTS:
            return None if self.numerator is None else Fraction(self.numerator)
        if self.numerator is None or not self.denominator:
            return None
        return Fraction(self.numerator, self.denominator)


def _add(values: Iterable[int | None]) -> int | None:
    total = 0
    for v in values:
        if v is None:
            return None
        total += v
    return total


@attrs.frozen
class Rates:
    """The rates of one report (报告比率), computed from its statutory tables; all blank without tables.

    >>> from govdisclosure import load
    >>> r = rates(load("examples/statutory_2021/report.json"))
    >>> r.disclosed.value, r.review_corrected.value, r.requests.value
    (Fraction(22, 43), Fraction(1, 4), Fraction(88, 1))
    """

    disclosed: Rate
    """实质公开率: (（一）予以公开 + （二）部分公开) ÷ （七）总计, in the 总计 column of table 三."""
    withheld: Rate
    """不予公开率: （三）不予公开 (the sum of its sub-rows 1–8) ÷ （七）总计, 总计 column of table 三."""
    review_corrected: Rate
    """复议纠错率: 结果纠正 ÷ 总计 of 行政复议, table 四."""
    litigation_corrected: Rate
    """诉讼纠错率: 结果纠正 ÷ 总计 of the two 行政诉讼 groups together, table 四."""
    requests: Rate
    """申请量: 一、本年新收政府信息公开申请数量, 总计 column of table 三 (a count; the denominator is None)."""
    blank_cells: Rate
    """空白单元格占比: blank stored cells ÷ stored cells of tables 二, 三 and 四."""

    def __iter__(self) -> Iterator[Rate]:
        return iter(attrs.astuple(self, recurse=False))


def rates(report: DisclosureReport) -> Rates:
    """The rates of a report from its statutory tables (see :class:`Rates` for each formula).

    Blank cells give blank rates, and so does a denominator of 0; a report without tables has every
    rate blank.
    """
    tables = report.tables
    if tables is None:
        return Rates(*(Rate(m, None, None) for m in _PER_REPORT))
    rows = tables.t3.rows
    handled = rows.total_handled.total
    t4 = tables.t4
    litigation = (t4.litigation_direct, t4.litigation_after_review)
    cells = [row[-1] for row in table_cells("", tables)]
    return Rates(
        disclosed=Rate(
            DISCLOSED, _add((rows.disclosed.total, rows.partly_disclosed.total)), handled
        ),
        withheld=Rate(WITHHELD, rows.withheld.total, handled),
        review_corrected=Rate(REVIEW_CORRECTED, t4.review.corrected, t4.review.total),
        litigation_corrected=Rate(
            LITIGATION_CORRECTED,
            _add(g.corrected for g in litigation),
            _add(g.total for g in litigation),
        ),
        requests=Rate(REQUESTS, rows.received.total, None),
        blank_cells=Rate(BLANK_CELLS, sum(1 for blank in cells if blank), len(cells)),
    )


def _received(report: DisclosureReport) -> int | None:
    return None if report.tables is None else report.tables.t3.rows.received.total


_PER_REPORT = (DISCLOSED, WITHHELD, REVIEW_CORRECTED, LITIGATION_CORRECTED, REQUESTS, BLANK_CELLS)


def requests_change(report: DisclosureReport, previous: DisclosureReport) -> Rate:
    """申请量变化率: (this year's 申请量 − last year's) ÷ last year's; blank where either is blank or last
    year's is 0. It may be negative or above 1 (the other rates lie in [0, 1]).

    >>> from govdisclosure import load
    >>> report = load("examples/statutory_2021/report.json")
    >>> requests_change(report, report).value
    Fraction(0, 1)
    """
    now, before = _received(report), _received(previous)
    if now is None or before is None:
        return Rate(REQUESTS_CHANGE, None, before)
    return Rate(REQUESTS_CHANGE, now - before, before)


def rate_row(file: str, rate: Rate, previous_file: str | None = None) -> Row:
    """The row of the ``rates`` table for one rate of one file."""
    value = rate.value
    return (
        file,
        rate.measure,
        rate.label,
        rate.numerator,
        rate.denominator,
        None if value is None else float(value),
        previous_file,
    )
