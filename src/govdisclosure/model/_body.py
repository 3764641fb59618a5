"""A helper that writes the six sections of a statutory report (2019 and 2021 formats) with their headings.

The sections themselves are the format's knowledge (:mod:`govdisclosure.model._format`)."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from govdisclosure.model._format import OVERVIEW_PARTS, STATUTORY_SECTIONS, StatutoryHeading
from govdisclosure.model._report import Section
from govdisclosure.zh import heading_label

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
        _fill(heading, content, n, heading_label(2, n))
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
