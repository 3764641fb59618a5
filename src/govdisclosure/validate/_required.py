"""GD6xx: the parts a report's format requires (必备部分), and the format against the year.

The 2019 and 2021 formats have six sections (:data:`~govdisclosure.model.STATUTORY_SECTIONS`).
Real reports word them variously, so a heading is matched by the key words of
:data:`~govdisclosure.model.STATUTORY_SECTIONS`, not letter for letter; a section whose role is
one of the six (:func:`~govdisclosure.model.statutory_body` sets them) is that part whatever its heading
says. The tables of sections 二 to 四 are checked by the GD7xx rules.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

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
    StatutoryTables,
    Table4,
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


# --- a page cut short -------------------------------------------------------------------------------------

# The statutory section each table belongs in (表二 in 二、 …) and its numeral.
_TABLE_PART = {table.key: table.section.ordinal for table in STATUTORY_TABLES}
_TABLE_NAME = {table.key: table.numeral for table in STATUTORY_TABLES}
# What a paragraph that is not cut ends on: the end of a sentence, or a closing quotation mark (。” ends a
# quoted sentence). A closing bracket does not: 第二十条第(八) is a table's label the page stopped after.
_ENDS = frozenset("。．.！!？?；;…”’」』")


@attrs.frozen
class Cut:
    """Where the text of a page stops, and the required sections it took with it (页面截断)."""

    path: str
    """where the text stops: a table's row, or the last paragraph"""
    where: str
    """the place in Chinese: 表三“8.属于行政查询事项”行"""
    where_en: str
    evidence: str
    """what says the text stops, in Chinese: the parser's diagnostic, or what the report shows"""
    evidence_en: str
    reached: int
    """the statutory part (1–6) the text had reached; 0 before the first"""
    missing: tuple[StatutoryHeading, ...]
    """the required parts after it, all missing"""


def _table_rows(tables: StatutoryTables, key: str) -> list[tuple[str, str, bool]]:
    """A table's rows (or table 四's groups) in printed order: JSON path, label, whether any cell is given."""
    if key == "t2":
        return [
            (f"$.tables.t2.rows.{row.key}", row.label, _given(tables.t2[row.key].values()))
            for block in tables.t2.BLOCKS
            for row in block.rows
        ]
    if key == "t3":
        return [
            (f"$.tables.t3.rows.{spec.key}", spec.label, _given(tables.t3[spec.key].values()))
            for spec in tables.t3.data_rows()
        ]
    return [
        (f"$.tables.t4.{g.key}", g.label, _given(tables.t4[g.key].values())) for g in Table4.GROUPS
    ]


def _given(values: tuple[object, ...]) -> bool:
    return any(v is not None for v in values)


def _candidates(
    report: DisclosureReport, parse_diagnostics: tuple[Diagnostic, ...]
) -> Iterator[tuple[int, str, str, str, str, str]]:
    """Places the text may stop: (part reached, path, where, where in English, evidence, in English)."""
    for d in parse_diagnostics:
        if d.code == "GP504":
            key = d.path.split(".")[2] if d.path.startswith("$.tables.") else ""
            if key in _TABLE_PART:
                table = _TABLE_NAME[key]
                yield (
                    _TABLE_PART[key],
                    d.path,
                    f"表{table}",
                    f"table {table}",
                    f"解析器GP504：{d.message}",
                    f"parser GP504: {d.message_en}",
                )
    if report.signature is not None or report.attachments:
        return  # the page reached its end: what the report alone shows is no cut
    tables = report.tables
    if tables is not None:
        filled = {key: _table_rows(tables, key) for key in _TABLE_PART}
        for key, rows in filled.items():
            given = [i for i, (_, _, any_given) in enumerate(rows) if any_given]
            later = [k for k in _TABLE_PART if _TABLE_PART[k] > _TABLE_PART[key]]
            if not given or given[-1] == len(rows) - 1:
                continue
            if any(any_given for k in later for _, _, any_given in filled[k]):
                continue
            path, label, _ = rows[given[-1]]
            table = _TABLE_NAME[key]
            yield (
                _TABLE_PART[key],
                path,
                f"表{table}“{label}”",
                f"table {table}, {label}",
                f"表{table}在“{label}”之后的{len(rows) - 1 - given[-1]}行及其后的表格全部空白",
                f"the {len(rows) - 1 - given[-1]} rows of table {table} after {label} and the tables "
                "after it are all blank",
            )
            break
    last = _last_text(report)
    if last is None:
        return
    ref, path, text = last
    restored = any(d.code == "GP202" and d.path == ref.path for d in parse_diagnostics)
    if restored or (len(text) >= 4 and text[-1] not in _ENDS):
        # the part reached: the last statutory part among the top sections up to the one holding the text
        reached = 0
        for top in _top_sections(report):
            part = part_of(top.node)
            if part is not None:
                reached = max(reached, part.ordinal)
            if ref.path == top.path or ref.path.startswith(top.path + "."):
                break
        tail = text[-12:]
        yield (
            reached,
            path,
            f"最后一段“…{tail}”",
            f"the last paragraph (…{tail})",
            "解析器GP202：句末缺少句号" if restored else "句子未完",
            "parser GP202: its full stop was lost" if restored else "mid-sentence",
        )


def _last_text(report: DisclosureReport) -> tuple[SectionRef, str, str] | None:
    """The last text of the body, where a cut page stops: the last node's last paragraph, or its heading
    where it has none (an item whose opening sentence the page cut: （四）完善信息公开平台。深化…优化)."""
    refs = list(report.sections())
    if not refs:
        return None
    ref = refs[-1]
    texts = [(i, p.strip()) for i, p in enumerate(ref.node.paragraphs) if p.strip()]
    if texts:
        i, text = texts[-1]
        return ref, f"{ref.path}.paragraphs[{i}]", text
    if ref.node.heading and ref.node.heading.strip():
        return ref, f"{ref.path}.heading", ref.node.heading.strip()
    return None


def find_cut(
    report: DisclosureReport, parse_diagnostics: tuple[Diagnostic, ...] = ()
) -> Cut | None:
    """Where the page the report was read from stops short, if it does: the first place the text stops
    (a table the parser says breaks off, GP504; a table whose rows stop, the tables after it blank; a last
    paragraph cut mid-sentence) after which every required section is missing. None if the report is not in
    the 2019/2021 format, or the text does not stop, or nothing required follows where it stops.

    >>> from govdisclosure.validate._examples import report, six_sections
    >>> sections = six_sections()[:2]
    >>> sections[1] = attrs.evolve(sections[1], paragraphs=["2022年，本机关主动公开政府信息120条，其中"])
    >>> cut = find_cut(report(*sections, year=2022, format=ReportFormat.V2021))
    >>> cut.where, [part.ordinal for part in cut.missing]
    ('最后一段“…开政府信息120条，其中”', [3, 4, 5, 6])
    """
    if not is_statutory(report.format):
        return None
    present = set(_matched(report))
    best: Cut | None = None
    for reached, path, where, where_en, evidence, evidence_en in _candidates(
        report, parse_diagnostics
    ):
        if any(position > reached for position in present):
            continue  # the text goes on past this point
        missing = tuple(part for part in STATUTORY_SECTIONS if part.ordinal > reached)
        if not missing or (best is not None and best.reached <= reached):
            continue
        best = Cut(path, where, where_en, evidence, evidence_en, reached, missing)
    return best


def _check_cut(report: DisclosureReport, context: Context) -> Iterator[Diagnostic]:
    """The page stops short: the text breaks off (a table broken off, the last paragraph cut mid-sentence)
    and every required section after that point is missing. One diagnostic names the cut and the sections
    it took; GD601 does not report those sections again.

    The evidence is what the parser said about the page, where ``validate(report,
    parse_diagnostics=result.diagnostics)`` passes it on (GP504: table 三 stops at a row), else what the
    report shows: a table whose rows stop with the tables after it blank, or a last paragraph that ends
    mid-sentence, with neither signature nor attachments after it."""
    cut = find_cut(report, context.parse_diagnostics)
    if cut is None:
        return
    names = "、".join(f"“{part.title}”" for part in cut.missing)
    yield context.diagnostic(
        cut.path,
        f"页面在{cut.where}处中断（{cut.evidence}），其后{names}{len(cut.missing)}个部分因此缺失",
        f"the page stops at {cut.where_en} ({cut.evidence_en}); the {len(cut.missing)} sections "
        f"after it are missing: {', '.join(part.title for part in cut.missing)}",
        expected="、".join(part.title for part in cut.missing),
        found=None,
    )


def _example_cut() -> DisclosureReport:
    sections = six_sections()[:2]  # the page stops in section 二
    sections[1] = attrs.evolve(
        sections[1], paragraphs=["2022年，本机关主动公开政府信息120条，其中"]
    )
    return report(*sections, year=2022, format=ReportFormat.V2021, tables=tables())


def _check_missing(report: DisclosureReport, context: Context) -> Iterator[Diagnostic]:
    """A section the 2019 or 2021 format requires is missing (but for the sections a page cut short took
    with it, which GD611 reports at once)."""
    if not is_statutory(report.format):
        return
    found = _matched(report)
    cut = find_cut(report, context.parse_diagnostics)
    taken = {part.ordinal for part in cut.missing} if cut is not None else set()
    for part in STATUTORY_SECTIONS:
        if part.ordinal not in found and part.ordinal not in taken:
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
    assert report.year is not None  # a rule that needs_year: run on a known year only
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
    or they were published in a form the parser cannot read (an image, a scan, a layout it does not
    recognise). Not where the page stops before the tables' sections (GD611)."""
    if is_statutory(report.format) and report.tables is None:
        cut = find_cut(report, context.parse_diagnostics)
        if cut is not None and cut.reached < 2:
            return
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
        code="GD611",
        severity=Severity.ERROR,
        summary="The page stops short: the required sections after the cut are missing",
        summary_zh="页面中断，其后规定的部分缺失",
        check=_check_cut,
        example=_example_cut,
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
