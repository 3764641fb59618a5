"""The Markdown rendering (CommonMark, and GitHub Flavored Markdown).

Layout: the title as ``#``; the header metadata as a list (``- 索引号：…``); numbered sections as headings by
structure level (一、 ``##``, （一） ``###`` … at most ``######``); items as paragraphs that open with the label
and heading in bold (``**一是提高思想认识**。我局…``); paragraphs as paragraphs; the signature as two lines of
one paragraph; the attachments, linked where the URL is an absolute http(s) URL.

The statutory tables (二 in section 二, 三 in 三, 四 in 四, after the section's own paragraphs) are GFM pipe
tables without merged cells: a merged header is repeated in the label of every row or column under it, joined
by `` / `` (``三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密``); table 二 is one table per block, each under
its title in bold; table 三 keeps the format's rows and columns (the computed sums are not printed, as in the
format); table 四 is one row per group (行政复议, 行政诉讼 / 未经复议直接起诉, 行政诉讼 / 复议后起诉) under
their five columns. Blank cells are empty; figures are centred.

Everything that comes from data is escaped so that it stays text whatever it holds, with a backslash only
where CommonMark or GFM could read a character as markup in its position (CommonMark allows a backslash before
any ASCII punctuation, so an escape never shows):

- anywhere: ``\\ ` * _ [ ] < > & | ~ !`` (emphasis, code, links and images, raw HTML and autolinks,
  entities, table cells, strikethrough);
- GFM's extended autolinks, and the looser ones of linkify readers: the ``:`` after a Latin letter
  (``http\\://``, ``mailto\\:``), the first ``/`` of ``//``, the ``@`` after a character that can end an e-mail
  address's local part, and a ``.`` between two word characters with a Latin letter before it or a letter
  (not CJK) after it (``www\\.example\\.org``, but ``1289.4`` and ``1.属于国家秘密``);
- at the start of a line, where a block could begin: ``#``, ``+``, ``-``, ``=`` (headings, list items, thematic
  breaks, setext underlines) and the ``.`` or ``)`` of an ordered-list marker (``1\\. ``); ``>`` is escaped
  anywhere;
- in a heading, a closing sequence of ``#``.

Leading spaces and tabs become character references so that they cannot make a code block; line breaks inside
a field become spaces. So ``2014年以来,县科技局…(闽政办函〔2014〕130号)`` stays as it is.
"""

from __future__ import annotations

import re
from typing import Final

from govdisclosure.model import ATTACHMENT_LABEL, DisclosureReport
from govdisclosure.render._common import (
    DateStyle,
    char_width,
    check_date_style,
    check_report,
    header_entries,
    one_line,
    outline,
    safe_url,
    signature_lines,
    walk,
)
from govdisclosure.render._grid import flat_tables, place_tables

# What CommonMark/GFM may read as markup, by position (module docstring). Hand-written: markdown-it-py and
# mistune parse Markdown but do not escape text for it.
_INLINE: Final = re.compile(
    r"[\\`*_\[\]<>&|~!]"  # anywhere
    r"|(?<=[A-Za-z]):"  # a URL scheme: http: https: ftp: mailto:
    r"|/(?=/)"  # //host, a protocol-relative link
    r"|(?<=[\w.+-])@"  # an e-mail address
    r"|(?<=\w)\.(?=\w)"  # a domain name (www.example.org, example.cn), as _inline decides
)
_BLOCK_START: Final = re.compile(r"[#+=-]|\d{1,9}(?=[.)](?:[ \t]|$))")
_CLOSING_HASHES: Final = re.compile(r"(?:(?<=[ \t])|^)#+[ \t]*$")
_LEADING_SPACE: Final = re.compile(r"[ \t]+")


def _inline(match: re.Match[str]) -> str:
    c = match.group()
    if c == ".":
        # A domain name has a Latin letter before a dot (www. example.) or a letter after it (.com .cn .рф);
        # 1289.4 and 1.属于国家秘密 are no domain names.
        text, at = match.string, match.start()
        before, after = text[at - 1], text[at + 1]
        if not (before.isascii() and before.isalpha()) and not (
            after.isalpha() and char_width(after) == 1
        ):
            return c
    return "\\" + c


def escape(text: str, *, line_start: bool = True, heading: bool = False) -> str:
    """``text`` as Markdown that renders to exactly this text and never to markup.

    ``line_start``: the text starts a line, where a block marker would count (a paragraph, a list item's
    content, a continuation line); ``heading``: it is the content of an ATX heading.

    >>> print(escape("[x](javascript:alert(1)) <b> &amp; *1289.4* www.example.org a@b.cn"))
    \\[x\\](javascript\\:alert(1)) \\<b\\> \\&amp; \\*1289.4\\* www\\.example\\.org a\\@b\\.cn
    >>> print(escape("# 一、主要作法"), escape("1. 第一"), escape("2014年以来,县科技局(闽政办函〔2014〕130号)"))
    \\# 一、主要作法 1\\. 第一 2014年以来,县科技局(闽政办函〔2014〕130号)
    >>> print(escape("- 项", line_start=False), escape("C #", line_start=False, heading=True))
    - 项 C \\#
    """
    text = _INLINE.sub(_inline, one_line(text))
    m = _LEADING_SPACE.match(text)
    if m is not None:
        # Four leading spaces would start an indented code block; a character reference is plain text.
        spaces = "".join("&#9;" if c == "\t" else "&#32;" for c in m.group())
        text = spaces + text[m.end() :]
    elif line_start:
        m = _BLOCK_START.match(text)
        if m is not None:
            at = 0 if m.group() in "#+=-" else m.end()
            text = text[:at] + "\\" + text[at:]
    if heading:
        m = _CLOSING_HASHES.search(text)
        if m is not None:
            text = text[: m.start()] + "\\" + text[m.start() :]
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
    **一是提高认识**。见\\[链接\\](x)。
    """
    report = check_report(report)
    date_style = check_date_style(date_style)
    blocks: list[str] = [("# " + escape(report.title, line_start=False, heading=True)).rstrip()]
    meta = header_entries(report.header)
    if meta:
        blocks.append(
            "\n".join(f"- {escape(e.label)}：{escape(e.value, line_start=False)}" for e in meta)
        )

    nodes = outline(report)
    placement = place_tables(report, nodes)
    for node in walk(nodes):
        paragraphs = [escape(p) for p in node.paragraphs]
        if node.kind == "section":
            text = (node.label or "") + (node.heading or "")
            heading = escape(text, line_start=False, heading=True)
            blocks.append(("#" * min(node.level + 1, 6) + " " + heading).rstrip())
        elif node.kind == "item":
            if node.heading is not None:
                first = _strong((node.label or "") + node.heading) + "。"
            else:
                first = _strong(node.label or "")
            # The first paragraph starts the line only if there is no label before it.
            rest = escape(node.paragraphs[0], line_start=not first) if paragraphs else ""
            paragraphs = paragraphs[1:]
            # An escaped first paragraph that starts with spaces has them as references already.
            blocks.append(first + rest)
        elif node.heading is not None and node.heading.strip():
            blocks.append(_strong(node.heading))
        blocks.extend(paragraphs)
        for key in placement.after.get(node.id, ()):
            blocks.extend(_table_blocks(report, key))
    for key in placement.end:
        blocks.extend(_table_blocks(report, key))

    signature = signature_lines(report.signature, date_style)
    if signature is not None:
        # Each line starts a line: the second one is a continuation line, which a block marker would end.
        lines = [escape(t) for t in (signature.authority, signature.date) if t is not None]
        blocks.append("\\\n".join(lines))  # a backslash at the end of a line is a hard line break

    if report.attachments:
        several = len(report.attachments) > 1
        links = []
        for attachment in report.attachments:
            url = safe_url(attachment.url)
            name = escape(attachment.name, line_start=several and url is None)
            links.append(f"[{name}](<{url}>)" if url is not None and name else name)
        if not several:
            blocks.append(ATTACHMENT_LABEL + links[0])
        else:
            blocks.append(ATTACHMENT_LABEL)
            blocks.append("\n".join(f"{n}. {link}" for n, link in enumerate(links, 1)))
    return "\n\n".join(b for b in blocks if b) + "\n"


def _row(cells: tuple[str, ...]) -> str:
    return "|" + "".join(f" {escape(c, line_start=False)} |" if c else " |" for c in cells)


def _table_blocks(report: DisclosureReport, key: str) -> list[str]:
    """A statutory table as GFM pipe tables (module docstring), each block of table 二 under its title."""
    assert report.tables is not None
    blocks = []
    for table in flat_tables(report.tables, key):
        if table.title is not None:
            blocks.append(_strong(table.title))
        labels = len(table.header) - table.figures
        rule = "| " + " | ".join(["---"] * labels + [":---:"] * table.figures) + " |"
        lines = [_row(table.header), rule, *(_row(row) for row in table.rows)]
        blocks.append("\n".join(lines))
    return blocks
