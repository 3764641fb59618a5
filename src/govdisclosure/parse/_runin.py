"""Headings run into a paragraph: a report whose line breaks became spaces.

Some pages reach us with every line of the report joined into one (a scraper or a copy site replaced the
line breaks by spaces): ``…报告如下: 一、政府信息主动公开情况 2009年度我镇… 二、…``. The body is read a
paragraph at a time, and a heading only where a paragraph starts, so such a page had no sections at all.

Here a paragraph is cut before each top-level label (一、) that stands after white space, where the words
after the label up to the next white space (the heading: no sentence mark in it, at most
:data:`_MAX_HEADING` characters) either

- belong to a run of such labels in the same paragraph numbered one after another (一、 … 二、 …), or
- name the statutory section of that number (一、总体情况; matched as :func:`match_statutory_section`
  does, after mapping traditional characters), or
- are the first (一、) right after the introduction's announcement of the report, and its first part's
  label (（一）) follows them (…报告如下： 一、工作情况 （一）机构建设方面。…).

The heading becomes a paragraph of its own, as it would have been on a line of its own (GP205, info); the
text before and after it stay paragraphs. Hand-written: no library splits Chinese run-in headings.
"""

from __future__ import annotations

import re
from typing import Final

from govdisclosure.model import match_statutory_section
from govdisclosure.parse._body import Para
from govdisclosure.parse._context import Context
from govdisclosure.parse._traditional import to_simplified
from govdisclosure.zh import parse_label

__all__ = ["split_run_in_headings"]

_MAX_HEADING: Final = 40
_WHITE: Final = " \t\u3000\xa0"
# A top-level label after white space (the label at a paragraph's start is the body builder's).
_CANDIDATE: Final = re.compile(
    r"(?<=[ \t\u3000\xa0])[一二三四五六七八九十]{1,3}[ \t\u3000\xa0]*[、．.]"
)
_HEADING: Final = re.compile(r"[^ \t\u3000\xa0]+")
_SENTENCE_MARKS: Final = frozenset("。；;，,：:！!？?")
# The end of an introduction that announces the report (现将…报告如下：): the 一、 after it opens the body.
_OPENERS: Final = ("如下:", "如下：")


def split_run_in_headings(paragraphs: list[Para], context: Context) -> list[Para]:
    """``paragraphs`` with each paragraph cut at the top-level headings run into it (see the module);
    each such heading is reported (GP205)."""
    out: list[Para] = []
    for para in paragraphs:
        text = para.piece.text
        # (cheap literal tests first: most paragraphs have no white space inside, and no label mark)
        if (
            para.table
            or (
                " " not in text and "\u3000" not in text and "\t" not in text and "\xa0" not in text
            )
            or ("、" not in text and "." not in text and "．" not in text)
        ):
            out.append(para)
            continue
        cuts = _headings(text)
        if not cuts:
            out.append(para)
            continue
        position = 0
        for start, end in cuts:
            before = para.piece.slice(position, start).strip()
            if before.text:
                out.append(Para(before, False))
            heading = para.piece.slice(start, end)
            context.report("GP205", "$.body", heading.span(), heading=heading.text)
            out.append(Para(heading, False))
            position = end
        after = para.piece.slice(position).strip()
        if after.text:
            out.append(Para(after, False))
    return out


def _headings(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` of each heading (label and words) run into ``text`` that is one."""
    found: list[tuple[int, int, int, str]] = []  # start, end, ordinal, heading words
    for m in _CANDIDATE.finditer(text):
        label = parse_label(m.group())
        if label is None or label.level != 1:
            continue
        words = _HEADING.match(text, m.end())
        if words is None:
            continue
        heading = words.group()
        if len(heading) > _MAX_HEADING or not _SENTENCE_MARKS.isdisjoint(heading):
            continue
        if words.end() >= len(text) or text[words.end()] not in _WHITE:
            continue  # the heading words must end where the run-on text goes on after a space
        found.append((m.start(), words.end(), label.ordinal, heading))
    ordinals = [f[2] for f in found]
    kept: list[tuple[int, int]] = []
    for k, (start, end, ordinal, heading) in enumerate(found):
        in_run = (k > 0 and ordinals[k - 1] == ordinal - 1) or (
            k + 1 < len(found) and ordinals[k + 1] == ordinal + 1
        )
        section = match_statutory_section(to_simplified(heading))
        opens = (
            ordinal == 1
            and text[:start].rstrip(_WHITE).endswith(_OPENERS)
            and _first_subheading(text, end)
        )
        if in_run or opens or (section is not None and section.ordinal == ordinal):
            kept.append((start, end))
    return kept


def _first_subheading(text: str, end: int) -> bool:
    """Whether the text after ``end`` (past white space) opens with the label of a first part, （一）."""
    rest = text[end : end + 8].lstrip(_WHITE)
    label = parse_label(rest) if rest[:1] in "（(" else None
    return label is not None and label.level == 2 and label.ordinal == 1
