"""GD2xx: the structure of the body (结构): numbering labels, their ordinals and levels, empty sections.

Labels follow GB/T 9704-2012: 一、 → （一） → 1. → （1） for headings, and the inline enumerator 一是、二是
for points inside a paragraph. :func:`govdisclosure.zh.parse_label` reads a label, leniently (half-width
brackets, 1、); :func:`~govdisclosure.zh.heading_label` and :func:`~govdisclosure.zh.enumerator` write the
standard form it is compared with.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from govdisclosure.model import (
    STATUTORY_TABLES,
    Diagnostic,
    DisclosureReport,
    Section,
    SectionRef,
    Severity,
)
from govdisclosure.validate._examples import report, section
from govdisclosure.validate._required import part_of
from govdisclosure.validate._rule import Context, Rule
from govdisclosure.zh import Label, enumerator, heading_label, parse_label


@attrs.frozen
class _Node:
    path: str
    node: Section
    label: Label | None
    """the node's label as read, None if it has none or it is not a label"""


@attrs.frozen
class _Family:
    """The children of one parent (or the body), with the nearest enclosing heading."""

    nodes: tuple[_Node, ...]
    parent: _Node | None
    """the nearest ancestor with a heading label (levels 1–4), if any"""


def _read(label: str | None) -> Label | None:
    """The label read from the whole of ``label``; None if it is absent or holds more than a label."""
    if label is None:
        return None
    read = parse_label(label)
    return read if read is not None and read.end == len(label) else None


def _families(report: DisclosureReport) -> Iterator[_Family]:
    return _walk(report.body, "$.body", None)


# A module-level function, not a closure: a closure that calls itself is a reference cycle, left for the
# garbage collector after every report (a stream of reports then grows until a full collection).
def _walk(nodes: tuple[Section, ...], path: str, parent: _Node | None) -> Iterator[_Family]:
    family = tuple(_Node(f"{path}[{i}]", node, _read(node.label)) for i, node in enumerate(nodes))
    if family:
        yield _Family(family, parent)
    for member in family:
        heading = member.label is not None and member.label.level > 0
        yield from _walk(
            member.node.children, f"{member.path}.children", member if heading else parent
        )


def _standard(level: int, ordinal: int) -> str:
    """The standard label of a level (0 for 一是) and ordinal."""
    return enumerator(ordinal) if level == 0 else heading_label(level, ordinal)


def _check_continuity(report: DisclosureReport, context: Context) -> Iterator[Diagnostic]:
    """Ordinals among siblings are not continuous (一、 二、 四、; 一是 二是 二是).

    Headings among the children of one parent count 1, 2, 3 …; so do the inline enumerators 一是、二是, where
    a run may start again at 一是 (a new paragraph). A skipped or repeated ordinal suggests a lost point or
    a numbering slip.
    """
    for family in _families(report):
        last: dict[str, int] = {}
        for member in family.nodes:
            node = member.node
            ordinal = node.ordinal
            if node.kind == "block" or ordinal is None:
                continue
            previous = last.get(node.kind)
            expected = 1 if previous is None else previous + 1
            last[node.kind] = ordinal
            if ordinal == expected or (node.kind == "item" and ordinal == 1):
                continue
            level = member.label.level if member.label is not None else None
            if level is not None:
                shown, shown_found = _standard(level, expected), _standard(level, ordinal)
            else:
                shown, shown_found = str(expected), str(ordinal)
            yield context.diagnostic(
                f"{member.path}.ordinal",
                f"序号不连续：应为“{shown}”，实为“{shown_found}”",
                f"numbering is not continuous: expected {shown}, found {shown_found}",
                expected=str(expected),
                found=str(ordinal),
            )


def _example_continuity() -> DisclosureReport:
    return report(section(1, "一、"), section(3, "三、"))


def _check_label_ordinal(report: DisclosureReport, context: Context) -> Iterator[Diagnostic]:
    """A node's label and its ordinal disagree (label 三、 with ordinal 2), or one is given without the other."""
    for family in _families(report):
        for member in family.nodes:
            node, label = member.node, member.label
            if node.label is None and node.ordinal is not None:
                yield context.diagnostic(
                    f"{member.path}.label",
                    f"有序号{node.ordinal}而无编号",
                    f"ordinal {node.ordinal} without a label",
                    found=None,
                )
            elif label is None:
                continue  # no label, or one GD205 reports as unrecognised
            elif node.ordinal is None:
                yield context.diagnostic(
                    f"{member.path}.ordinal",
                    f"编号“{node.label}”未记序号",
                    f"the label {node.label} has no ordinal",
                    expected=str(label.ordinal),
                    found=None,
                )
            elif node.ordinal != label.ordinal:
                yield context.diagnostic(
                    f"{member.path}.label",
                    f"编号“{node.label}”与序号{node.ordinal}不符",
                    f"the label {node.label} does not match the ordinal {node.ordinal}",
                    expected=_standard(label.level, node.ordinal),
                    found=node.label,
                )


def _example_label_ordinal() -> DisclosureReport:
    return report(section(1, "一、"), section(2, "三、"))


def _check_levels(report: DisclosureReport, context: Context) -> Iterator[Diagnostic]:
    """A heading's level does not fit where it stands.

    Sibling headings share one level (一、 beside 二、, not beside （二）), and a heading stands at a deeper
    level than the heading it is under (（一） under 一、, not 一、 under （一）). Skipping a level (1. directly
    under 一、) is common and not reported.
    """
    for family in _families(report):
        headings = [m for m in family.nodes if m.label is not None and m.label.level > 0]
        if not headings:
            continue
        first = headings[0].label
        assert first is not None
        for member in headings:
            label = member.label
            assert label is not None
            if label.level != first.level:
                yield context.diagnostic(
                    f"{member.path}.label",
                    f"编号“{member.node.label}”与同级章节“{headings[0].node.label}”层级不一致",
                    f"the label {member.node.label} is not of the level of its sibling "
                    f"{headings[0].node.label}",
                    expected=heading_label(first.level, label.ordinal),
                    found=member.node.label,
                )
            parent = family.parent
            if (
                parent is not None
                and parent.label is not None
                and label.level <= parent.label.level
            ):
                deeper = parent.label.level + 1
                yield context.diagnostic(
                    f"{member.path}.label",
                    f"编号“{member.node.label}”不应位于“{parent.node.label}”级章节之下",
                    f"the label {member.node.label} stands under a heading of the same or a "
                    f"deeper level, {parent.node.label}",
                    expected=heading_label(deeper, label.ordinal) if deeper <= 4 else None,
                    found=member.node.label,
                )


def _example_levels() -> DisclosureReport:
    return report(section(1, "一、"), section(2, "（二）"))


def _check_standard_form(report: DisclosureReport, context: Context) -> Iterator[Diagnostic]:
    """A label is written otherwise than GB/T 9704-2012 writes it (一. for 一、, (一) for （一）, 1、 for 1.)."""
    for family in _families(report):
        for member in family.nodes:
            label = member.label
            if label is None:
                continue
            standard = _standard(label.level, label.ordinal)
            if member.node.label != standard:
                yield context.diagnostic(
                    f"{member.path}.label",
                    f"编号“{member.node.label}”不合规范写法“{standard}”",
                    f"the label {member.node.label} is not in the standard form {standard}",
                    expected=standard,
                    found=member.node.label,
                )


def _example_standard_form() -> DisclosureReport:
    return report(section(1, "一."))


def _check_unrecognised(report: DisclosureReport, context: Context) -> Iterator[Diagnostic]:
    """A label is none of 一、 （一） 1. （1） 一是 (or their usual variants)."""
    for family in _families(report):
        for member in family.nodes:
            if member.node.label is not None and member.label is None:
                yield context.diagnostic(
                    f"{member.path}.label",
                    f"无法识别的编号“{member.node.label}”",
                    f"unrecognised label {member.node.label!r}",
                    expected="一、 （一） 1. （1） 一是",
                    found=member.node.label,
                )


def _example_unrecognised() -> DisclosureReport:
    return report(section(1, "第一部分"))


def _empty(node: Section) -> bool:
    facts = (
        node.citations,
        node.quantities,
        node.amounts,
        node.channels,
        node.power,
        node.risks,
        node.disclosure,
        node.plan,
    )
    has_text = any(p.strip() for p in node.paragraphs) or (
        # An item's heading is its text: 一是提高思想认识。
        node.kind == "item" and bool(node.heading and node.heading.strip())
    )
    return not has_text and not node.children and not any(facts)


def _holds_table(report: DisclosureReport, ref: SectionRef) -> bool:
    """Whether the section is 二, 三 or 四 of a statutory report whose tables are given: its table is its
    content (the tables are :attr:`DisclosureReport.tables`, not part of the section)."""
    if report.tables is None or ref.depth != 1:
        return False
    part = part_of(ref.node)
    return part is not None and part.role in _TABLE_ROLES


_TABLE_ROLES = frozenset(table.role for table in STATUTORY_TABLES)


def _check_empty(report: DisclosureReport, context: Context) -> Iterator[Diagnostic]:
    """A section has no text, no subsections and no facts (a heading alone is not content).

    A section with nothing to report says so (无。), as the 2019 and 2021 formats expect of section 六.
    Sections 二, 三 and 四 of a 2019- or 2021-format report with its tables are not empty: each holds
    its table, often with no text beside it.
    """
    for ref in report.sections():
        if _empty(ref.node) and not _holds_table(report, ref):
            name = f"“{ref.node.label or ''}{ref.node.heading or ''}”"
            yield context.diagnostic(
                ref.path,
                f"章节{name}为空" if name != "“”" else "空白章节",
                f"the section {name} is empty" if name != "“”" else "an empty section",
            )


def _example_empty() -> DisclosureReport:
    return report(section(1, "一、"), Section(ordinal=2, label="二、", heading="存在的主要问题"))


RULES = (
    Rule(
        code="GD201",
        severity=Severity.WARNING,
        summary="Ordinals among siblings are not continuous",
        summary_zh="同级序号不连续",
        check=_check_continuity,
        example=_example_continuity,
    ),
    Rule(
        code="GD202",
        severity=Severity.ERROR,
        summary="A label and its ordinal disagree",
        summary_zh="编号与序号不符",
        check=_check_label_ordinal,
        example=_example_label_ordinal,
    ),
    Rule(
        code="GD203",
        severity=Severity.WARNING,
        summary="A heading's level does not fit its siblings or the heading it is under",
        summary_zh="标题层级与同级或上级不合",
        check=_check_levels,
        example=_example_levels,
    ),
    Rule(
        code="GD204",
        severity=Severity.INFO,
        summary="A label is not in the GB/T 9704-2012 form",
        summary_zh="编号不合GB/T 9704-2012规范写法",
        check=_check_standard_form,
        example=_example_standard_form,
    ),
    Rule(
        code="GD205",
        severity=Severity.WARNING,
        summary="A label is not a recognised numbering label",
        summary_zh="无法识别的编号",
        check=_check_unrecognised,
        example=_example_unrecognised,
    ),
    Rule(
        code="GD206",
        severity=Severity.WARNING,
        summary="A section is empty",
        summary_zh="章节为空",
        check=_check_empty,
        example=_example_empty,
    ),
)
