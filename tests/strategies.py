"""Hypothesis strategies that build whole reports, for property tests across the package.

``reports()`` draws any valid report; pass ``text`` to restrict the strings (a parser round trip needs text
that cannot be mistaken for structure, for instance).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import strategies as st

from govdisclosure import (
    Attachment,
    Channels,
    CitedDocument,
    DisclosureReport,
    DisclosureStats,
    DocumentNumber,
    Header,
    HeaderField,
    IndexNumber,
    Money,
    MoneyUnit,
    PowerInventory,
    Quantity,
    ReportFormat,
    RiskInventory,
    RiskLevel,
    RiskPoint,
    Role,
    Section,
    Signature,
    WorkPlan,
    YearMonth,
)
from tests.strategies_tables import any_tables

# Any text JSON can carry: every code point but surrogates, which UTF-8 cannot encode.
any_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
years = st.integers(1990, 2100)
dates = st.dates(dt.date(1990, 1, 1), dt.date(2100, 12, 31))
datetimes = st.datetimes(dt.datetime(1990, 1, 1), dt.datetime(2100, 12, 31)).map(
    lambda t: t.replace(microsecond=0)
)
issuers = st.text(st.sampled_from("闽泉国政办函发字委厅局县市科技财"), min_size=1, max_size=6)
document_numbers = st.builds(
    DocumentNumber, issuer=issuers, year=st.integers(1949, 2100), serial=st.integers(1, 99_999)
)
year_months = st.builds(YearMonth, years, st.integers(1, 12))
counts = st.integers(0, 10**9)
money_amounts = st.decimals(
    min_value=Decimal("-1e12"), max_value=Decimal("1e12"), places=2, allow_nan=False
)


@st.composite
def reports(
    draw: st.DrawFn, text: st.SearchStrategy[str] = any_text, max_depth: int = 3
) -> DisclosureReport:
    """A valid report with every part of the model exercised somewhere in the draws."""
    optional_text = st.none() | text
    texts = st.lists(text, max_size=3)
    quantities = st.builds(Quantity, counts, text, optional_text)
    money = st.builds(Money, money_amounts, st.sampled_from(MoneyUnit), optional_text)
    citations = st.builds(CitedDocument, text, st.none() | document_numbers)
    risk_points = st.builds(
        RiskPoint, text, st.none() | st.sampled_from(RiskLevel), texts, optional_text
    )
    power = st.builds(
        PowerInventory,
        rules=st.none() | quantities,
        matters=st.none() | quantities,
        categories=st.lists(quantities, max_size=3),
        flowcharts=st.none() | quantities,
        documents=st.none() | quantities,
        published_on=optional_text,
    )
    risks = st.builds(
        RiskInventory,
        points=st.none() | quantities,
        high=st.none() | quantities,
        medium=st.none() | quantities,
        low=st.none() | quantities,
        measures=st.none() | quantities,
        items=st.lists(risk_points, max_size=2),
        published_on=optional_text,
    )
    disclosure = st.builds(
        DisclosureStats,
        as_of=st.none() | year_months,
        items=st.none() | quantities,
        cumulative=st.none() | quantities,
        focus_areas=texts,
        by_topic=st.lists(quantities, max_size=2),
        projects=st.none() | quantities,
        funding=st.none() | money,
    )

    def sections(depth: int) -> st.SearchStrategy[Section]:
        children = st.lists(sections(depth + 1), max_size=2) if depth < max_depth else st.just([])
        return st.builds(
            Section,
            ordinal=st.none() | st.integers(1, 99),
            label=st.none() | st.sampled_from(["一、", "（一）", "1.", "（1）", "一是", "二是"]),
            heading=optional_text,
            role=st.none() | st.sampled_from(Role),
            paragraphs=texts,
            citations=st.lists(citations, max_size=2),
            quantities=st.lists(quantities, max_size=2),
            amounts=st.lists(money, max_size=2),
            channels=st.none() | st.builds(Channels, texts, texts),
            power=st.none() | power,
            risks=st.none() | risks,
            disclosure=st.none() | disclosure,
            plan=st.none() | st.builds(WorkPlan, st.none() | years, texts),
            children=children,
        )

    header = st.builds(
        Header,
        index_number=st.none() | st.builds(IndexNumber, text),
        publisher=optional_text,
        document_date=st.none() | dates,
        source=optional_text,
        published_at=st.none() | datetimes,
        subject=optional_text,
        document_number=st.none() | document_numbers,
        other=st.lists(st.builds(HeaderField, text, text), max_size=2),
    )
    signature = st.builds(
        Signature, authority=optional_text, date=st.none() | dates, date_text=optional_text
    )
    report_format = draw(st.sampled_from(ReportFormat))
    tables = st.none() if report_format is ReportFormat.NARRATIVE else any_tables(report_format)
    return draw(
        st.builds(
            DisclosureReport,
            title=text,
            year=years,
            format=st.just(report_format),
            header=header,
            body=st.lists(sections(1), max_size=2),
            tables=st.none() | tables,
            signature=st.none() | signature,
            attachments=st.lists(st.builds(Attachment, name=text, url=optional_text), max_size=2),
        )
    )
