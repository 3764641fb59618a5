"""GD6xx: the parts a report's format requires (必备部分), and the format against the year.

The 2019 and 2021 formats have six sections (:data:`~govdisclosure.model.STATUTORY_SECTIONS`).
Real reports word them variously, so a heading is matched by the key words of
:data:`~govdisclosure.model.STATUTORY_SECTIONS`, not letter for letter; a section whose role is
one of the six (:func:`~govdisclosure.model.statutory_body` sets them) is that part whatever its heading
says. The tables of sections 二 to 四 are checked by the GD7xx rules.
"""

from __future__ import annotations

from collections.abc import Iterator

from govdisclosure.model import (
    FORMAT_NAMES,
    STATUTORY_SECTIONS,
    STATUTORY_TABLES,
    Diagnostic,
    DisclosureReport,
    ReportFormat,
    Section,
    SectionRef,
    Severity,
    StatutoryHeading,
    format_for_year,
    is_statutory,
    match_statutory_section,
)
from govdisclosure.validate._examples import report, section, six_sections, tables
from govdisclosure.validate._rule import Context, Rule
from govdisclosure.zh import heading_label


def part_of(node: Section) -> StatutoryHeading | None:
    """The statutory section a node is: by its role where it has one of the six (as
    :func:`~govdisclosure.model.statutory_body` and the parser set them), else by its heading
    (:func:`~govdisclosure.model.match_statutory_section`).

    >>> from govdisclosure.model import Role
    >>> part_of(Section(ordinal=4, label="四、", heading="复议诉讼", role=Role.REVIEW_AND_LITIGATION)).ordinal
    4
    >>> part_of(Section(ordinal=4, label="四、", heading="复议诉讼")) is None
    True
    """
    by_role = _BY_ROLE.get(node.role) if node.role is not None else None
    return by_role if by_role is not None else match_statutory_section(node.heading)


_BY_ROLE = {heading.role: heading for heading in STATUTORY_SECTIONS}


def _top_sections(report: DisclosureReport) -> list[SectionRef]:
    return [ref for ref in report.sections() if ref.depth == 1 and ref.node.kind == "section"]


def _matched(report: DisclosureReport) -> dict[int, SectionRef]:
    """The first top-level section naming each required part, by the part's position."""
    found: dict[int, SectionRef] = {}
    for ref in _top_sections(report):
        part = part_of(ref.node)
        if part is not None:
            found.setdefault(part.ordinal, ref)
    return found


def _check_missing(report: DisclosureReport, context: Context) -> Iterator[Diagnostic]:
    """A section the 2019 or 2021 format requires is missing."""
    if not is_statutory(report.format):
        return
    found = _matched(report)
    for part in STATUTORY_SECTIONS:
        if part.ordinal not in found:
            yield context.diagnostic(
                "$.body",
                f"缺少{report.format.value}年格式规定的“{part.title}”部分",
                f"the section {part.title} that the {report.format.value} format requires is missing",
                expected=part.title,
                found=None,
            )


def _example_missing() -> DisclosureReport:
    return report(*six_sections()[:5], year=2022, format=ReportFormat.V2021, tables=tables())


def _check_position(report: DisclosureReport, context: Context) -> Iterator[Diagnostic]:
    """A required section stands in the wrong place: its ordinal is not the one the format gives it."""
    if not is_statutory(report.format):
        return
    for position, ref in sorted(_matched(report).items()):
        ordinal = ref.node.ordinal
        if ordinal is not None and ordinal != position:
            part = STATUTORY_SECTIONS[position - 1]
            yield context.diagnostic(
                f"{ref.path}.ordinal",
                f"“{part.heading}”应为第{heading_label(1, position)[:-1]}部分，实为第"
                f"{heading_label(1, ordinal)[:-1]}部分",
                f"{part.heading} is section {ordinal}; the format puts it at {position}",
                expected=str(position),
                found=str(ordinal),
            )


def _example_position() -> DisclosureReport:
    sections = six_sections()
    return report(
        *sections[:3],
        section(4, "四、", STATUTORY_SECTIONS[4].heading),
        section(5, "五、", STATUTORY_SECTIONS[3].heading),
        sections[5],
        year=2022,
        format=ReportFormat.V2021,
        tables=tables(),
    )


def _check_extra(report: DisclosureReport, context: Context) -> Iterator[Diagnostic]:
    """A top-level section of a 2019 or 2021 format report is none of the six the format has."""
    if not is_statutory(report.format):
        return
    for ref in _top_sections(report):
        if part_of(ref.node) is None:
            shown = f"{ref.node.label or ''}{ref.node.heading or ''}"
            yield context.diagnostic(
                f"{ref.path}.heading",
                f"“{shown}”不是{report.format.value}年格式的六个部分之一",
                f"{shown} is not one of the six sections of the {report.format.value} format",
                expected="、".join(part.heading for part in STATUTORY_SECTIONS),
                found=ref.node.heading,
            )


def _example_extra() -> DisclosureReport:
    return report(
        *six_sections(),
        section(7, "七、", "附则"),
        year=2022,
        format=ReportFormat.V2021,
        tables=tables(),
    )


_FORMAT_NAMES = FORMAT_NAMES


def _check_format_era(report: DisclosureReport, context: Context) -> Iterator[Diagnostic]:
    """The report's format is not the one of its year: narrative before 2019, the 2019 format for 2019–2020,
    the 2021 format from 2021."""
    expected = format_for_year(report.year)
    if report.format != expected:
        (should, should_en), (is_, is_en) = _FORMAT_NAMES[expected], _FORMAT_NAMES[report.format]
        yield context.diagnostic(
            "$.format",
            f"{report.year}年度报告应采用{should}，实为{is_}",
            f"a report on {report.year} follows the {should_en}, not the {is_en}",
            expected=expected.value,
            found=report.format.value,
        )


def _example_format_era() -> DisclosureReport:
    return report(
        *six_sections(), year=2022, format=ReportFormat.V2019, tables=tables(ReportFormat.V2019)
    )


def _check_tables_present(report: DisclosureReport, context: Context) -> Iterator[Diagnostic]:
    """A report in the 2019 or 2021 format has no statutory tables (表二至表四): the agency left them out,
    or they were published in a form the parser cannot read (an image, columns aligned by spaces)."""
    if is_statutory(report.format) and report.tables is None:
        yield context.diagnostic(
            "$.tables",
            f"{_FORMAT_NAMES[report.format][0]}的报告应有表二至表四，未见统计表格",
            f"a report in the {_FORMAT_NAMES[report.format][1]} has tables 二 to 四; none were found",
            expected="、".join(table.name for table in STATUTORY_TABLES),
            found=None,
        )


def _example_tables_present() -> DisclosureReport:
    return report(*six_sections(), year=2022, format=ReportFormat.V2021)


RULES = (
    Rule(
        code="GD601",
        severity=Severity.ERROR,
        summary="A section the 2019/2021 format requires is missing",
        summary_zh="缺少2019/2021年格式规定的部分",
        check=_check_missing,
        example=_example_missing,
    ),
    Rule(
        code="GD602",
        severity=Severity.WARNING,
        summary="A required section is not where the format puts it",
        summary_zh="规定部分的次序与格式不符",
        check=_check_position,
        example=_example_position,
    ),
    Rule(
        code="GD603",
        severity=Severity.WARNING,
        summary="A top-level section is none of the six of the 2019/2021 format",
        summary_zh="一级标题不属于2019/2021年格式的六个部分",
        check=_check_extra,
        example=_example_extra,
    ),
    Rule(
        code="GD604",
        needs_year=True,
        severity=Severity.WARNING,
        summary="The report's format is not the one of the year it reports on",
        summary_zh="报告格式与报告年度不符",
        check=_check_format_era,
        example=_example_format_era,
    ),
    Rule(
        code="GD605",
        severity=Severity.WARNING,
        summary="A report in the 2019/2021 format has no statutory tables",
        summary_zh="2019/2021年格式的报告缺少统计表格",
        check=_check_tables_present,
        example=_example_tables_present,
    ),
)
