"""Cut the source text into lines, strip white space and bullets, and recognise page chrome."""

from __future__ import annotations

import re
from typing import Final

from govdisclosure.parse._piece import Piece
from govdisclosure.parse._vocabulary import (
    BULLETS,
    CHROME_LINES,
    CHROME_PATTERNS,
    CHROME_TOKENS,
)

__all__ = ["Line", "is_chrome", "split_lines", "squash"]

# White space as pages have it: ASCII, no-break (U+00A0), ideographic (U+3000), the U+2000 block, and the
# invisible zero-width space and BOM that copy and paste leave behind.
WS: Final = "\\s\u200b\ufeff"
_LINE_BREAK: Final = re.compile(r"\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_LEAD: Final = re.compile(f"[{WS}{re.escape(BULLETS)}]*")
# The same characters as a string, for str.strip (a regex anchored at $ would rescan runs of spaces).
WS_CHARS: Final = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\u200b\ufeff"
)
_ANY_WS: Final = re.compile(f"[{WS}]+")
_TOKEN_SEPARATORS: Final = re.compile(f"[{WS}|｜/／【】\\[\\]「」()（）:：]+")


class Line:
    """One line of the source: its content without surrounding white space and bullets."""

    __slots__ = ("end", "indented", "lead", "piece", "start", "trail")

    def __init__(
        self, piece: Piece, start: int, end: int, indented: bool, lead: str = "", trail: str = ""
    ) -> None:
        self.piece = piece
        self.lead = lead
        """the white space before the content (bullets excluded)"""
        self.trail = trail
        """the white space after the content"""
        self.start = start
        """offset of the line's first character in the source"""
        self.end = end
        """offset just past its last character (line break excluded)"""
        self.indented = indented
        """the line begins with white space (a paragraph's first line, in the text rendering)"""

    @property
    def text(self) -> str:
        return self.piece.text

    def __repr__(self) -> str:
        return f"Line({self.piece.text!r}, start={self.start})"


def split_lines(text: str) -> list[Line]:
    """Every line of ``text``, blank ones included, with bullets and white space stripped.

    >>> [(line.text, line.indented) for line in split_lines("• 索 引 号:qz\\n\\n　　正文 \\n 续")]
    [('索 引 号:qz', False), ('', False), ('正文', True), ('续', False)]
    """
    lines: list[Line] = []
    position = 0
    for brk in _LINE_BREAK.finditer(text):
        lines.append(_line(text, position, brk.start()))
        position = brk.end()
    lines.append(_line(text, position, len(text)))
    return lines


def _line(text: str, start: int, end: int) -> Line:
    leading = _LEAD.match(text, start, end)
    assert leading is not None  # the pattern matches the empty string
    content_start = leading.end()
    raw = text[content_start:end]
    content = raw.rstrip(WS_CHARS)
    lead = text[start:content_start]
    # A paragraph's first line is indented, and so are the right-aligned signature lines; the text
    # contract gives continuation lines no indent at all (so one space, too, is an indent).
    indented = bool(content) and bool(lead) and lead[0] not in BULLETS
    return Line(
        Piece.of(content, content_start),
        start,
        end,
        indented,
        lead if lead.strip(WS_CHARS) == "" else "",
        raw[len(content) :],
    )


def squash(text: str) -> str:
    """``text`` without any white space (for comparing labels and titles)."""
    return _ANY_WS.sub("", text)


def is_chrome(text: str) -> bool:
    """Whether a line (already stripped) is page chrome rather than document text.

    >>> is_chrome("扫一扫在手机上查看当前页面"), is_chrome("【打印】【关闭】"), is_chrome("字号：大 中 小")
    (True, True, True)
    >>> is_chrome("打印本页 关闭窗口"), is_chrome("二、存在的主要问题")
    (True, False)
    """
    if len(text) > 80 or any(c in text for c in "。，,；;"):
        return False
    flat = squash(text)
    if flat in CHROME_LINES:
        return True
    if any(p.search(flat) for p in CHROME_PATTERNS):
        return True
    tokens = [t for t in _TOKEN_SEPARATORS.split(text) if t]
    return bool(tokens) and all(t in CHROME_TOKENS for t in tokens)
