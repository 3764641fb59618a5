"""The Markdown rendering (CommonMark, and GitHub Flavored Markdown).

Layout: the title as ``#``; the header metadata as a list (``- 索引号：…``); numbered sections as headings by
structure level (一、 ``##``, （一） ``###`` … at most ``######``); items as paragraphs that open with the label
and heading in bold (``**一是提高思想认识**。我局…``); paragraphs as paragraphs; the signature as two lines of
one paragraph; the attachments, linked where the URL is an absolute http(s) URL.

Everything that comes from data is escaped so that it stays text whatever it holds: every ASCII punctuation
character gets a backslash (CommonMark allows one before any of them), which rules out emphasis, links,
images, autolinks (``http\\://``, ``www\\.`` and ``a\\@b`` no longer match), raw HTML (``\\<``), entities
(``\\&``), code, tables (``\\|``) and every block marker at the start of a line (``\\#``, ``\\>``, ``\\-``,
``1\\.``); leading spaces and tabs become character references so that they cannot make a code block; line
breaks inside a field become spaces.
"""

from __future__ import annotations

import re
import string
from typing import Final

from govdisclosure.model import DisclosureReport
from govdisclosure.render._common import (
    DateStyle,
    check_date_style,
    check_report,
    header_entries,
    one_line,
    outline,
    safe_url,
    signature_lines,
    walk,
)

_ESCAPES: Final = str.maketrans({c: "\\" + c for c in string.punctuation})
_LEADING_SPACE: Final = re.compile(r"[ \t]+")


def escape(text: str) -> str:
    """``text`` as Markdown that renders to exactly this text and never to markup.

    >>> escape("[x](javascript:alert(1)) <b> &amp; *1289.4*")
    '\\\\[x\\\\]\\\\(javascript\\\\:alert\\\\(1\\\\)\\\\) \\\\<b\\\\> \\\\&amp\\\\; \\\\*1289\\\\.4\\\\*'
    >>> print(escape("# 一、主要作法"))
    \\# 一、主要作法
    """
    text = one_line(text).translate(_ESCAPES)
    m = _LEADING_SPACE.match(text)
    if m is not None:
        # Four leading spaces would start an indented code block; a character reference is plain text.
        spaces = "".join("&#9;" if c == "\t" else "&#32;" for c in m.group())
        text = spaces + text[m.end() :]
    return text


def _strong(text: str) -> str:
    # Emphasis only works where the delimiters are flanked by non-space: white space at its ends would leave
    # the asterisks as text.
    return f"**{escape(text.strip())}**" if text.strip() else ""


def render_markdown(report: DisclosureReport, *, date_style: DateStyle = "arabic") -> str:
    """The report as CommonMark/GFM Markdown, every string from data escaped (see the module docstring).

    >>> from govdisclosure.model import DisclosureReport, ReportFormat, Section
    >>> report = DisclosureReport(title="2014年报告", year=2014, format=ReportFormat.NARRATIVE,
    ...     body=[Section(ordinal=1, label="一、", heading="主要作法",
    ...                   children=[Section(ordinal=1, label="一是", heading="提高认识", paragraphs=["见[链接](x)。"])])])
    >>> print(render_markdown(report))
    # 2014年报告
    <BLANKLINE>
    ## 一、主要作法
    <BLANKLINE>
    **一是提高认识**。见\\[链接\\]\\(x\\)。
    """
    report = check_report(report)
    date_style = check_date_style(date_style)
    blocks: list[str] = [("# " + escape(report.title)).rstrip()]
    meta = header_entries(report.header)
    if meta:
        blocks.append("\n".join(f"- {escape(e.label)}：{escape(e.value)}" for e in meta))

    for node in walk(outline(report)):
        paragraphs = [escape(p) for p in node.paragraphs]
        if node.kind == "section":
            text = (node.label or "") + (node.heading or "")
            blocks.append(("#" * min(node.level + 1, 6) + " " + escape(text)).rstrip())
        elif node.kind == "item":
            if node.heading is not None:
                first = _strong((node.label or "") + node.heading) + "。"
            else:
                first = _strong(node.label or "")
            rest = escape(node.paragraphs[0]) if paragraphs else ""
            paragraphs = paragraphs[1:]
            # An escaped first paragraph that starts with spaces has them as references already.
            blocks.append(first + rest)
        elif node.heading is not None and node.heading.strip():
            blocks.append(_strong(node.heading))
        blocks.extend(paragraphs)

    signature = signature_lines(report.signature, date_style)
    if signature is not None:
        lines = [escape(t) for t in (signature.authority, signature.date) if t is not None]
        blocks.append("\\\n".join(lines))  # a backslash at the end of a line is a hard line break

    if report.attachments:
        links = []
        for attachment in report.attachments:
            url = safe_url(attachment.url)
            name = escape(attachment.name)
            links.append(f"[{name}](<{url}>)" if url is not None and name else name)
        if len(links) == 1:
            blocks.append("附件：" + links[0])
        else:
            blocks.append("附件：")
            blocks.append("\n".join(f"{n}. {link}" for n, link in enumerate(links, 1)))
    return "\n\n".join(b for b in blocks if b) + "\n"
