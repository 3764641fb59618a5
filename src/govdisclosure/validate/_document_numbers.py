"""GD4xx: document numbers (发文字号) and the index number (索引号) against the report's years.

A number's form is checked when it is built: :class:`~govdisclosure.model.DocumentNumber` accepts only a
well-formed 机关代字〔年份〕序号号, and the loader refuses any other, naming its JSON path. What is left
to check is what the numbers say: a document cited cannot be issued after the report citing it, the
report's own number carries the year it was issued, and the same document is cited the same way.
"""

# The model's sequence fields convert with ``converter=tuple``, which the attrs mypy plugin types as
# Iterable[_T_co]: mypy then rejects every list of Quantity, Money, … passed to them. The examples below
# pass lists as users write them; drop this line once the model's converters are typed per field.

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import attrs

from govdisclosure.model import (
    CitedDocument,
    Diagnostic,
    DisclosureReport,
    DocumentNumber,
    Header,
    IndexNumber,
    Section,
    Severity,
)
from govdisclosure.validate._examples import TEXT, report
from govdisclosure.validate._rule import Context, Rule


@attrs.frozen
class _Citation:
    path: str
    citation: CitedDocument


def _citations(report: DisclosureReport) -> Iterator[_Citation]:
    for ref in report.sections():
        for i, citation in enumerate(ref.node.citations):
            yield _Citation(f"{ref.path}.citations[{i}]", citation)


def _written_year(report: DisclosureReport) -> tuple[int, str] | None:
    """The year the report was written, and what says so: its 成文日期, signature, or publication time."""
    header, signature = report.header, report.signature
    if header.document_date is not None:
        return header.document_date.year, f"成文日期{header.document_date.year}年"
    if signature is not None and signature.date is not None:
        return signature.date.year, f"落款日期{signature.date.year}年"
    if header.published_at is not None:
        return header.published_at.year, f"发布时间{header.published_at.year}年"
    return None


def _latest_year(report: DisclosureReport) -> tuple[int, str, str]:
    """The latest year the report can have been written in, with the reason in Chinese and English.

    Its own date says; without one, a report on Y is written by the end of Y+1.
    """
    assert report.year is not None  # a rule that needs_year: run on a known year only
    year = _written_year(report)
    if year is not None:
        return year[0], year[1], f"the report's date ({year[0]})"
    return (
        report.year + 1,
        f"报告年度次年{report.year + 1}年",
        f"the year after the report's ({report.year + 1})",
    )


def _check_cited_after_report(report: DisclosureReport, context: Context) -> Iterator[Diagnostic]:
    """A cited document's number carries a year after the report was written: it cannot have been issued yet.

    The report's year of writing is that of its 成文日期, else its signature, else its publication time;
    a report with no date is taken to be written by the end of the year after the year it reports on.
    """
    latest, why, why_en = _latest_year(report)
    for item in _citations(report):
        number = item.citation.number
        if number is not None and number.year > latest:
            yield context.diagnostic(
                f"{item.path}.number",
                f"引用文件文号{number}的年份晚于{why}",
                f"the cited document {number} is dated after {why_en}",
                expected=f"≤ {latest}",
                found=str(number.year),
            )


def _example_cited_after_report() -> DisclosureReport:
    return report(
        Section(
            paragraphs=[TEXT],
            citations=[
                CitedDocument("关于做好政府信息公开工作的通知", DocumentNumber("某政办", 2016, 3))
            ],
        )
    )


def _check_cited_after_year(report: DisclosureReport, context: Context) -> Iterator[Diagnostic]:
    """A cited document was issued after the year reported on (but not after the report was written).

    A report on 2014 written in 2015 can cite a notice of 2015 (on preparing the annual report, for
    instance); worth a look all the same, as a typo in the year gives the same figure.
    """
    assert report.year is not None  # a rule that needs_year: run on a known year only
    latest, _, _ = _latest_year(report)
    for item in _citations(report):
        number = item.citation.number
        if number is not None and report.year < number.year <= latest:
            yield context.diagnostic(
                f"{item.path}.number",
                f"引用文件文号{number}的年份晚于报告年度{report.year}年",
                f"the cited document {number} is of a year after the year reported on, {report.year}",
                expected=f"≤ {report.year}",
                found=str(number.year),
            )


def _example_cited_after_year() -> DisclosureReport:
    return report(
        Section(
            paragraphs=[TEXT],
            citations=[
                CitedDocument("关于做好政府信息公开工作的通知", DocumentNumber("某政办", 2015, 3))
            ],
        )
    )


def _check_own_number(report: DisclosureReport, context: Context) -> Iterator[Diagnostic]:
    """The report's own 文号 carries a year other than the year it was written.

    A document number carries the year of issue. Without a date the year reported on or the next is
    accepted.
    """
    assert report.year is not None  # a rule that needs_year: run on a known year only
    number = report.header.document_number
    if number is None:
        return
    written = _written_year(report)
    allowed = (written[0],) if written is not None else (report.year, report.year + 1)
    if number.year not in allowed:
        expected = " / ".join(map(str, allowed))
        yield context.diagnostic(
            "$.header.document_number",
            f"本报告文号{number}的年份与{written[1] if written else '报告年度'}不符",
            f"the report's own number {number} does not carry the year it was issued ({expected})",
            expected=expected,
            found=str(number.year),
        )


def _example_own_number() -> DisclosureReport:
    return report(
        Section(paragraphs=[TEXT]),
        header=Header(
            document_number=DocumentNumber("某科", 2014, 5), document_date=dt.date(2015, 1, 20)
        ),
    )


def _check_index_year(report: DisclosureReport, context: Context) -> Iterator[Diagnostic]:
    """The year in the 索引号 (where a known scheme reads it) is neither the year of 成文日期 nor of publication.

    The year part of an index number is the year the information was generated (信息生成年度). Without
    either date the year reported on or the next is accepted.
    """
    assert report.year is not None  # a rule that needs_year: run on a known year only
    index = report.header.index_number
    parts = index.parts if index is not None else None
    if parts is None:
        return
    header = report.header
    known = [d.year for d in (header.document_date, header.published_at) if d is not None]
    allowed = tuple(dict.fromkeys(known)) or (report.year, report.year + 1)
    if parts.year not in allowed:
        expected = " / ".join(map(str, allowed))
        yield context.diagnostic(
            "$.header.index_number",
            f"索引号{index}的年份{parts.year}与报告日期不符",
            f"the year {parts.year} in the index number {index} is not the year of the report ({expected})",
            expected=expected,
            found=str(parts.year),
        )


def _example_index_year() -> DisclosureReport:
    return report(
        Section(paragraphs=[TEXT]),
        header=Header(index_number=IndexNumber("qz11402-1000-2012-00002")),
    )


def _normal(title: str) -> str:
    return "".join(title.split())


def _check_citations_agree(report: DisclosureReport, context: Context) -> Iterator[Diagnostic]:
    """Two citations disagree: one number given to two titles, or one title given two numbers."""
    titles: dict[DocumentNumber, str] = {}
    numbers: dict[str, DocumentNumber] = {}
    for item in _citations(report):
        title, number = item.citation.title, item.citation.number
        if number is None:
            continue
        if number in titles and _normal(titles[number]) != _normal(title):
            yield context.diagnostic(
                f"{item.path}.title",
                f"文号{number}前文所引为《{titles[number]}》，此处为《{title}》",
                f"{number} was cited earlier for another title, 《{titles[number]}》",
                expected=titles[number],
                found=title,
            )
        elif _normal(title) in numbers and numbers[_normal(title)] != number:
            yield context.diagnostic(
                f"{item.path}.number",
                f"《{title}》前文所引文号为{numbers[_normal(title)]}，此处为{number}",
                f"《{title}》 was cited earlier with another number, {numbers[_normal(title)]}",
                expected=str(numbers[_normal(title)]),
                found=str(number),
            )
        titles.setdefault(number, title)
        numbers.setdefault(_normal(title), number)


def _example_citations_agree() -> DisclosureReport:
    return report(
        Section(
            paragraphs=[TEXT],
            citations=[
                CitedDocument("2014年政府信息公开工作要点", DocumentNumber("某政办", 2014, 10)),
                CitedDocument("2014年政府信息公开工作要点", DocumentNumber("某政办", 2014, 11)),
            ],
        )
    )


RULES = (
    Rule(
        code="GD401",
        needs_year=True,
        severity=Severity.ERROR,
        summary="A cited document's number is of a year after the report was written",
        summary_zh="引用文件文号年份晚于本报告成文年份",
        check=_check_cited_after_report,
        example=_example_cited_after_report,
    ),
    Rule(
        code="GD402",
        needs_year=True,
        severity=Severity.INFO,
        summary="A cited document's number is of a year after the year reported on",
        summary_zh="引用文件文号年份晚于报告年度",
        check=_check_cited_after_year,
        example=_example_cited_after_year,
    ),
    Rule(
        code="GD403",
        needs_year=True,
        severity=Severity.WARNING,
        summary="The report's own document number does not carry the year it was issued",
        summary_zh="本报告文号年份与成文年份不符",
        check=_check_own_number,
        example=_example_own_number,
    ),
    Rule(
        code="GD404",
        needs_year=True,
        severity=Severity.WARNING,
        summary="The year in the index number is not the year of the report's date",
        summary_zh="索引号年份与报告日期不符",
        check=_check_index_year,
        example=_example_index_year,
    ),
    Rule(
        code="GD405",
        severity=Severity.WARNING,
        summary="Citations disagree: one number for two titles, or two numbers for one title",
        summary_zh="引用文件前后不一：同一文号对应不同标题，或同一标题对应不同文号",
        check=_check_citations_agree,
        example=_example_citations_agree,
    ),
)
