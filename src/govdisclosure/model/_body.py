"""The six sections of a statutory report (2019 and 2021 formats) and a helper that writes their headings."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from govdisclosure.model._enums import Role
from govdisclosure.model._report import Section


@attrs.frozen
class StatutoryHeading:
    """A heading the statutory report uses (章节标题): its role, numbering and text, and variants seen."""

    role: Role
    """章节类别"""
    ordinal: int
    """序号 (1 for 一、 and （一）)"""
    label: str
    """编号 as printed (一、 or （一）)"""
    heading: str
    """标题 as the format words it"""
    variants: tuple[str, ...] = ()
    """Other wordings seen in real reports (format reference §2)"""


STATUTORY_SECTIONS = (
    StatutoryHeading(Role.OVERVIEW, 1, "一、", "总体情况"),
    StatutoryHeading(Role.PROACTIVE_DISCLOSURE, 2, "二、", "主动公开政府信息情况"),
    StatutoryHeading(Role.REQUESTS, 3, "三、", "收到和处理政府信息公开申请情况"),
    StatutoryHeading(
        Role.REVIEW_AND_LITIGATION,
        4,
        "四、",
        "政府信息公开行政复议、行政诉讼情况",
        ("因政府信息公开工作被申请行政复议、提起行政诉讼情况",),
    ),
    StatutoryHeading(
        Role.PROBLEMS_AND_IMPROVEMENTS,
        5,
        "五、",
        "存在的主要问题及改进情况",
        ("政府信息公开工作存在的主要问题及改进情况",),
    ),
    StatutoryHeading(Role.OTHER_MATTERS, 6, "六、", "其他需要报告的事项"),
)
"""The six sections of the 2019 and 2021 formats, in their order (the same in both)."""

OVERVIEW_PARTS = (
    StatutoryHeading(Role.OVERVIEW_PROACTIVE, 1, "（一）", "主动公开"),
    StatutoryHeading(Role.OVERVIEW_ON_REQUEST, 2, "（二）", "依申请公开"),
    StatutoryHeading(Role.OVERVIEW_MANAGEMENT, 3, "（三）", "政府信息管理"),
    StatutoryHeading(Role.OVERVIEW_PLATFORMS, 4, "（四）", "政府信息公开平台建设"),
    StatutoryHeading(Role.OVERVIEW_OVERSIGHT, 5, "（五）", "监督保障"),
)
"""The usual sub-headings of 一、总体情况 (usual, not prescribed), in their usual order."""

_NUMERALS = "一二三四五六七八九十"

Content = str | Iterable[str | Section]
"""A section's content for :func:`statutory_body`: a paragraph, or paragraphs followed by sub-sections."""


def _parts(content: Content) -> tuple[str | Section, ...]:
    return (content,) if isinstance(content, str) else tuple(content)


def _fill(
    heading: StatutoryHeading, content: tuple[str | Section, ...], ordinal: int, label: str
) -> Section:
    paragraphs: list[str] = []
    children: list[Section] = []
    for part in content:
        if isinstance(part, Section):
            children.append(part)
        elif not isinstance(part, str):
            raise TypeError(
                f"{label}{heading.heading}: expected paragraphs (str) or Sections, got {part!r}"
            )
        elif children:  # text after a sub-section is an unlabelled block of its own
            children.append(Section(paragraphs=[part]))
        else:
            paragraphs.append(part)
    return Section(
        ordinal=ordinal,
        label=label,
        heading=heading.heading,
        role=heading.role,
        paragraphs=paragraphs,
        children=children,
    )


def statutory_body(
    *,
    overview: Content = (),
    proactive: Content = (),
    on_request: Content = (),
    management: Content = (),
    platforms: Content = (),
    oversight: Content = (),
    t2_notes: Content = (),
    t3_notes: Content = (),
    t4_notes: Content = (),
    problems: Content = (),
    other: Content = (),
) -> tuple[Section, ...]:
    """The body of a statutory report (2019 or 2021 format): the six sections with their standard headings
    and roles, filled with the content given, so that the author writes only the content.

    Each argument is one paragraph (a ``str``) or an iterable of paragraphs followed by sub-sections
    (:class:`Section`; a string after a sub-section becomes an unlabelled block). ``overview`` is the text
    of 一、总体情况 before its sub-headings; ``proactive``, ``on_request``, ``management``, ``platforms`` and
    ``oversight`` fill its usual sub-headings （一）主动公开 … （五）监督保障, each written only when given and
    numbered in order; ``t2_notes`` … ``t4_notes`` are text under sections 二 … 四 beside their tables (the
    tables themselves are :attr:`DisclosureReport.tables`); ``problems`` fills 五, ``other`` fills 六.
    Sub-sections given in ``overview`` follow the usual sub-headings.
    The six sections are always written, in order. The headings are the same in both formats.

    >>> body = statutory_body(overview="2022年，我局……", on_request=["依法受理……"], other="无。")
    >>> [(s.label, s.heading, s.role.value) for s in body][:2]
    [('一、', '总体情况', 'overview'), ('二、', '主动公开政府信息情况', 'proactive_disclosure')]
    >>> [(c.label, c.heading) for c in body[0].children], body[5].paragraphs
    ([('（一）', '依申请公开')], ('无。',))
    """
    parts = map(_parts, (proactive, on_request, management, platforms, oversight))
    given = [(h, c) for h, c in zip(OVERVIEW_PARTS, parts, strict=True) if c]
    sub_sections = [
        _fill(heading, content, n, f"（{_NUMERALS[n - 1]}）")
        for n, (heading, content) in enumerate(given, 1)
    ]
    first = STATUTORY_SECTIONS[0]
    overview_section = _fill(first, _parts(overview), first.ordinal, first.label)
    overview_section = attrs.evolve(
        overview_section, children=(*sub_sections, *overview_section.children)
    )
    rest = map(_parts, (t2_notes, t3_notes, t4_notes, problems, other))
    return (
        overview_section,
        *(
            _fill(heading, content, heading.ordinal, heading.label)
            for heading, content in zip(STATUTORY_SECTIONS[1:], rest, strict=True)
        ),
    )
