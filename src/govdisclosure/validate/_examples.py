"""Builders for the rules' examples: minimal reports that trigger one rule each.

The rule reference prints each example's source, so these builders are kept few and plain.
"""

from __future__ import annotations

from typing import Any

from govdisclosure.model import DisclosureReport, Header, ReportFormat, Section, Signature
from govdisclosure.zh import heading_label

TEXT = "……"
"""Stand-in text of a paragraph whose words do not matter to the example."""

SIX_SECTIONS = (
    "总体情况",
    "主动公开政府信息情况",
    "收到和处理政府信息公开申请情况",
    "政府信息公开行政复议、行政诉讼情况",
    "存在的主要问题及改进情况",
    "其他需要报告的事项",
)
"""The six headings of the 2019 and 2021 formats, in order."""


def report(
    *body: Section,
    year: int = 2014,
    format: ReportFormat = ReportFormat.NARRATIVE,
    title: str | None = None,
    header: Header | None = None,
    signature: Signature | None = None,
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
        signature=signature,
    )


def section(ordinal: int, label: str, heading: str = "主要作法", **facts: Any) -> Section:
    """A section with a heading, one paragraph of stand-in text and the given facts (``power=…``)."""
    return Section(ordinal=ordinal, label=label, heading=heading, paragraphs=[TEXT], **facts)


def six_sections() -> list[Section]:
    """The six sections of the 2019 and 2021 formats, each with a paragraph of stand-in text."""
    return [section(n, heading_label(1, n), heading) for n, heading in enumerate(SIX_SECTIONS, 1)]
