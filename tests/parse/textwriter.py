"""A minimal writer of the text rendering, written from /work/brief/TEXT_FORMAT.md for the parser's tests.

Test-only: it stands in for ``govdisclosure.render`` (being written at the same time) so that the round trip
can be tested now. It follows the contract literally; where the real renderer lands, the round-trip test
also runs against it.
"""

from __future__ import annotations

import unicodedata

from govdisclosure import DisclosureReport, Section
from govdisclosure.zh import format_date

INDENT = "\u3000\u3000"


def _columns(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _wrap(line: str, width: int | None) -> list[str]:
    """Cut a line into lines of at most ``width`` display columns; continuation lines carry no indent."""
    if width is None or _columns(line) <= width:
        return [line]
    lines, current, used = [], "", 0
    for c in line:
        w = 2 if unicodedata.east_asian_width(c) in "WF" else 1
        if used + w > width and current:
            lines.append(current)
            current, used = "", 0
        current += c
        used += w
    lines.append(current)
    return lines


def _timestamp(value: object) -> str:
    import datetime as dt

    assert isinstance(value, dt.datetime)
    text = value.strftime("%Y-%m-%d %H:%M")
    return text + (f":{value.second:02d}" if value.second else "")


def _header(report: DisclosureReport) -> list[str]:
    h = report.header
    lines = []
    if h.index_number is not None:
        lines.append(f"索引号：{h.index_number.raw}")
    if h.publisher is not None:
        lines.append(f"发布机构：{h.publisher}")
    if h.document_date is not None:
        lines.append(f"公文生成日期：{h.document_date.isoformat()}")
    if h.source is not None:
        lines.append(f"来源：{h.source}")
    if h.published_at is not None:
        lines.append(f"时间：{_timestamp(h.published_at)}")
    if h.subject is not None:
        lines.append(f"主题分类：{h.subject}")
    if h.document_number is not None:
        lines.append(f"文号：{h.document_number}")
    lines += [f"{field.label}：{field.value}" for field in h.other]
    return lines


def _section(node: Section, blocks: list[str]) -> None:
    paragraphs = list(node.paragraphs)
    if node.kind == "section":
        blocks.append(INDENT + (node.label or "") + (node.heading or ""))
    elif node.kind == "item":
        first = (node.label or "") + (node.heading + "。" if node.heading else "")
        if paragraphs:
            first += paragraphs.pop(0)
        blocks.append(INDENT + first)
    blocks += [INDENT + p for p in paragraphs]
    for child in node.children:
        _section(child, blocks)


def render_text(report: DisclosureReport, width: int | None = None) -> str:
    """The text rendering of ``report`` as TEXT_FORMAT.md lays it out."""
    out: list[str] = []
    header = _header(report)
    if header:
        out += [*header, ""]
    out += [report.title, ""]
    blocks: list[str] = []
    for node in report.body:
        _section(node, blocks)
    for k, block in enumerate(blocks):
        if k:
            out.append("")
        out += _wrap(block, width)
    signature = report.signature
    if signature is not None:
        lines = []
        if signature.authority is not None:
            lines.append(signature.authority)
        if signature.date is not None:
            lines.append(format_date(signature.date))
        elif signature.date_text is not None:
            lines.append(signature.date_text)
        if lines:
            out.append("")
            right = width or 0
            out += [" " * max(0, right - 4 - _columns(line)) + line for line in lines]
    if report.attachments:
        out.append("")
        names = [a.name for a in report.attachments]
        if len(names) == 1:
            out.append(f"附件：{names[0]}")
        else:
            out.append(f"附件：1.{names[0]}")
            out += [f"\u3000\u3000\u3000{k}.{name}" for k, name in enumerate(names[1:], start=2)]
    return "\n".join(out) + "\n"
