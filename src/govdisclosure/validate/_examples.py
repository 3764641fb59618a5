"""Builders for the rules' examples: minimal reports that trigger one rule each.

The rule reference prints each example's source, so these builders are kept few and plain.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from types import MappingProxyType
from typing import Any

import attrs

from govdisclosure.model import (
    STATUTORY_SECTIONS,
    CellKind,
    DisclosureReport,
    Header,
    Money,
    ReportFormat,
    Section,
    Signature,
    StatutoryTables,
    Table4,
    blank_tables,
)
from govdisclosure.zh import heading_label

TEXT = "……"
"""Stand-in text of a paragraph whose words do not matter to the example."""

SIX_SECTIONS = tuple(heading.heading for heading in STATUTORY_SECTIONS)
"""The six headings of the 2019 and 2021 formats, in order."""


def report(
    *body: Section,
    year: int = 2014,
    format: ReportFormat = ReportFormat.NARRATIVE,
    title: str | None = None,
    header: Header | None = None,
    signature: Signature | None = None,
    tables: StatutoryTables | None = None,
) -> DisclosureReport:
    """A report of ``year`` (2014 unless given) with the given body and nothing else.

    >>> report().title
    '2014年政府信息公开工作年度报告'
    """
    return DisclosureReport(
        title=title if title is not None else f"{year}年政府信息公开工作年度报告",
        year=year,
        format=format,
        header=header if header is not None else Header(),
        body=body,
        tables=tables,
        signature=signature,
    )


def section(ordinal: int, label: str, heading: str = "主要作法", **facts: Any) -> Section:
    """A section with a heading, one paragraph of stand-in text and the given facts (``power=…``)."""
    return Section(ordinal=ordinal, label=label, heading=heading, paragraphs=[TEXT], **facts)


def six_sections() -> list[Section]:
    """The six sections of the 2019 and 2021 formats, each with a paragraph of stand-in text."""
    return [section(n, heading_label(1, n), heading) for n, heading in enumerate(SIX_SECTIONS, 1)]


Rows = Mapping[str, Sequence[Any]]
"""Figures by printed row label (or key), each row's cells in column order."""

NO_ROWS: Rows = MappingProxyType({})

_ZERO: dict[CellKind, Any] = {
    CellKind.COUNT: 0,
    CellKind.SIGNED: 0,
    CellKind.AMOUNT: Decimal(0),
    CellKind.MONEY: Money(0),
}


def tables(
    format: ReportFormat = ReportFormat.V2021,
    *,
    t2: Rows = NO_ROWS,
    t3: Rows = NO_ROWS,
    t4: Rows = NO_ROWS,
) -> StatutoryTables:
    """Tables 二, 三 and 四 of ``format`` with the rows given and every other cell 0 (so that every
    identity can be checked and holds where the given rows keep it).

    >>> t = tables(t3={"（一）予以公开": [1, 0, 0, 0, 0, 0, 1]}, t4={"行政复议": [1, 0, 0, 0, 1]})
    >>> t.t3.rows.disclosed.total, t.t3.rows.received.total, t.t4.review.total, t.t2.rows.fees.amount
    (1, 0, 1, Decimal('0'))
    """
    blank = blank_tables(format)
    zero_t2 = {
        row.key: [_ZERO[c.kind] for c in block.columns]
        for block in blank.t2.BLOCKS
        for row in block.rows
    }
    zero_t3 = {row.key: [0] * 7 for row in blank.t3.data_rows()}
    zero_t4 = {group.key: [0] * 5 for group in Table4.GROUPS}

    def merged(zeros: dict[str, list[Any]], given: Rows, find: Any) -> dict[str, Sequence[Any]]:
        return {**zeros, **{find(name).key: row for name, row in given.items()}}

    filled: dict[str, Any] = {  # typed loosely: the tables of either format
        "t2": type(blank.t2).from_rows(merged(zero_t2, t2, blank.t2.row_spec)),
        "t3": type(blank.t3).from_rows(merged(zero_t3, t3, blank.t3.row_spec)),
        "t4": Table4.from_groups(merged(zero_t4, t4, Table4.group_spec)),
    }
    return attrs.evolve(blank, **filled)
