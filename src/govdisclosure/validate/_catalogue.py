"""GD411–GD413: broken catalogue values (目录元数据) in the header a portal prints above a report.

Portals fill the catalogue entries from their content systems, and the faults show it: an index number
assembled from an empty agency code and a missing serial ("/2021-None"), the title pasted into the 发文字号
field, a 发布时间 before the year the report is on. The parser keeps what it cannot read as a model field
(a 文号 that is no document number, a publication date without a time) among the other entries
(:attr:`Header.other <govdisclosure.model.Header.other>`), so these rules look there too.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterator

from govdisclosure.model import (
    HEADER_FIELDS,
    Diagnostic,
    DisclosureReport,
    Header,
    HeaderField,
    IndexNumber,
    Severity,
)
from govdisclosure.validate._examples import report, section
from govdisclosure.validate._rule import Context, Rule
from govdisclosure.zh import format_date

# The labels portals print for the report's own number (文号, 发文字号) and for its dates (发布时间, 成文日期 …),
# from the format's home.
_NUMBER_LABELS = frozenset(
    label for label, field in HEADER_FIELDS.items() if field == "document_number"
)
_DATE_LABELS = frozenset(
    label for label, field in HEADER_FIELDS.items() if field in ("published_at", "document_date")
)

# What a content system writes for a value it does not have.
_PLACEHOLDERS = frozenset({"none", "null", "nil", "undefined", "nan"})
_SEPARATORS = re.compile(r"[-/]")


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def index_number_faults(number: IndexNumber) -> list[tuple[str, str]]:
    """What is broken in an index number, in Chinese and English: a placeholder part, an empty agency code.

    >>> index_number_faults(IndexNumber("/2021-None"))
    [('机构代码为空', 'the agency code is empty'), ('含占位值“None”', 'a part is the placeholder None')]
    >>> index_number_faults(IndexNumber("j602402--2023-0165"))
    []
    """
    raw = number.raw.strip()
    parts = _SEPARATORS.split(raw)
    faults = []
    if raw and _SEPARATORS.match(raw):
        faults.append(("机构代码为空", "the agency code is empty"))
    for part in parts:
        if part.strip().lower() in _PLACEHOLDERS:
            faults.append((f"含占位值“{part}”", f"a part is the placeholder {part}"))
    return faults


def _check_index_number(report: DisclosureReport, context: Context) -> Iterator[Diagnostic]:
    """The index number (索引号) is broken: its agency code is empty ("/2021-172732") or a part is a
    placeholder a content system wrote for a missing value ("None", "null": "/2021-None").

    Index numbers have no national scheme and are never rejected for their form (format reference §9); an
    empty first part or a placeholder is a value the portal failed to fill, whatever the scheme.
    """
    number = report.header.index_number
    if number is None:
        return
    faults = index_number_faults(number)
    if faults:
        yield context.diagnostic(
            "$.header.index_number",
            f"索引号“{number}”不完整：{'，'.join(zh for zh, _ in faults)}",
            f"the index number {number} is broken: {'; '.join(en for _, en in faults)}",
            expected="机构代码-…-年度-流水号",
            found=str(number),
        )


def _example_index_number() -> DisclosureReport:
    return report(section(1, "一、"), header=Header(index_number=IndexNumber("/2014-None")))


def _other(header: Header, labels: frozenset[str]) -> Iterator[tuple[int, HeaderField]]:
    for i, entry in enumerate(header.other):
        if _squash(entry.label) in labels:
            yield i, entry


_NEXT_LABEL = re.compile(r"[\u4e00-\u9fff]{2,6}[:：]")


def _check_number_is_title(report: DisclosureReport, context: Context) -> Iterator[Diagnostic]:
    """The 文号 (发文字号) entry holds the report's title, or a title, instead of a document number.

    A document number is 机关代字〔年份〕序号号 (GB/T 9704); the parser keeps a 文号 it cannot read as one among
    the other entries, where this rule finds the title pasted in (or any text naming a 报告).
    """
    title = _squash(report.title)
    for i, entry in _other(report.header, _NUMBER_LABELS):
        value = _squash(entry.value)
        if not value or _NEXT_LABEL.match(value):
            continue  # an empty 文号 the next label was read into (文号: 关键字: …): no fault of the field
        is_title = len(title) >= 8 and (title in value or (len(value) >= 8 and value in title))
        if is_title or re.search(r"(?:工作|年度)报告|情况的报告", value):
            yield context.diagnostic(
                f"$.header.other[{i}].value",
                f"“{entry.label}”栏填写的是标题而非发文字号：“{entry.value}”",
                f"the {entry.label} (document number) entry holds a title, not a number: {entry.value}",
                expected="机关代字〔年份〕序号号",
                found=entry.value,
            )


def _example_number_is_title() -> DisclosureReport:
    header = Header(other=[HeaderField("发文字号", "2014年政府信息公开工作年度报告")])
    return report(section(1, "一、"), header=header)


_HEADER_DATE = re.compile(
    r"(?<![0-9])(?P<year>[0-9]{4})\s*(?:[-/.年])\s*(?P<month>[0-9]{1,2})\s*(?:[-/.月])\s*"
    r"(?P<day>[0-9]{1,2})(?![0-9])"
)


def _entry_date(value: str) -> dt.date | None:
    m = _HEADER_DATE.search(unicodedata.normalize("NFKC", value))
    if m is None:
        return None
    try:
        return dt.date(int(m.group("year")), int(m.group("month")), int(m.group("day")))
    except ValueError:
        return None


def _check_entry_before_year(report: DisclosureReport, context: Context) -> Iterator[Diagnostic]:
    """A catalogue date kept among the other entries (发布时间, 成文日期 … the parser could not put in a model
    field, a date without a time for one) is before the year the report is on.

    A report on 2020 cannot be published in 2019. The dates of the model's own fields (成文日期, 发布时间 with
    its time) are GD303's.
    """
    assert report.year is not None  # a rule that needs_year: run on a known year only
    start = dt.date(report.year, 1, 1)
    for i, entry in _other(report.header, _DATE_LABELS):
        day = _entry_date(entry.value)
        if day is not None and day < start:
            yield context.diagnostic(
                f"$.header.other[{i}].value",
                f"{entry.label}{format_date(day)}早于报告年度{report.year}年",
                f"the {entry.label} {day} is before the year reported on, {report.year}",
                expected=f"≥ {start}",
                found=entry.value,
            )


def _example_entry_before_year() -> DisclosureReport:
    header = Header(other=[HeaderField("发布时间", "2013-02-01")])
    return report(section(1, "一、"), header=header)


RULES = (
    Rule(
        code="GD411",
        severity=Severity.WARNING,
        summary="The index number has an empty agency code or a placeholder part (None)",
        summary_zh="索引号机构代码为空或含占位值（None）",
        check=_check_index_number,
        example=_example_index_number,
    ),
    Rule(
        code="GD412",
        severity=Severity.WARNING,
        summary="The document number entry holds a title",
        summary_zh="发文字号栏填写的是标题",
        check=_check_number_is_title,
        example=_example_number_is_title,
    ),
    Rule(
        code="GD413",
        needs_year=True,
        severity=Severity.WARNING,
        summary="A catalogue date kept as another entry is before the year reported on",
        summary_zh="其他元数据中的日期早于报告年度",
        check=_check_entry_before_year,
        example=_example_entry_before_year,
    ),
)
