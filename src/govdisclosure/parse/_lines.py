"""Cut the source text into lines, strip white space and bullets, and recognise page chrome."""

from __future__ import annotations

import re
from typing import Final

from govdisclosure.parse._piece import Piece, _plain
from govdisclosure.parse._vocabulary import (
    BULLETS,
    CHROME_LINES,
    CHROME_PATTERNS,
    CHROME_TOKENS,
)
from govdisclosure.zh import parse_label

__all__ = ["Line", "is_chrome", "split_lines", "squash"]

# White space as pages have it: ASCII, no-break (U+00A0), ideographic (U+3000), the U+2000 block, and the
# invisible zero-width space and BOM that copy and paste leave behind.
WS: Final = "\\s\u200b\ufeff"
# The line boundaries of str.splitlines.
_BREAKS: Final = frozenset("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
# The same characters as a string, for str.strip (a regex anchored at $ would rescan runs of spaces).
WS_CHARS: Final = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\u200b\ufeff"
)
_OTHER_BREAKS: Final = tuple(sorted(_BREAKS - {"\n"}))
_LEAD_CHARS: Final = WS_CHARS + BULLETS
# (a class and its repeat, not the class with +: the engine's fast skip to a first character then applies)
_TOKEN_SEPARATORS: Final = re.compile(
    f"[{WS}|｜/／【】\\[\\]「」()（）:：][{WS}|｜/／【】\\[\\]「」()（）:：]*"
)
# The first characters of the chrome tokens: a line whose first character is neither one of these nor a
# separator is not made of chrome tokens (checked before splitting the line, which costs more).
_TOKEN_FIRSTS: Final = frozenset(t[0] for t in CHROME_TOKENS)
# A top-level label (一、 二. 三．) right after a comma: an entry of a contents list run into one line.
_NUMERALS: Final = "一二三四五六七八九十"
_LISTED_TOP_LABEL: Final = re.compile(f"[,，][{WS}]*[{_NUMERALS}]{{1,3}}[{WS}]*[、.．]")


class Line:
    """One line of the source: its content without surrounding white space and bullets."""

    __slots__ = ("indented", "lead", "source", "text", "trail")

    def __init__(
        self, text: str, source: int, indented: bool, lead: str = "", trail: str = ""
    ) -> None:
        self.text = text
        """the content"""
        self.source = source
        """offset of the content in the source"""
        self.lead = lead
        """the white space before the content (bullets excluded)"""
        self.trail = trail
        """the white space after the content"""
        self.indented = indented
        """the line begins with white space (a paragraph's first line, in the text rendering)"""

    @property
    def piece(self) -> Piece:
        """The content with its place in the source."""
        return _plain(self.text, self.source)  # Piece.of, a call less

    def __repr__(self) -> str:
        return f"Line({self.text!r}, source={self.source})"


_BLANK: Final = Line("", 0, False)  # every blank line (its place is never needed)


def split_lines(text: str) -> list[Line]:
    """Every line of ``text``, blank ones included, with bullets and white space stripped.

    >>> [(line.text, line.indented) for line in split_lines("• 索 引 号:qz\\n\\n　　正文 \\n续\\n  • 项")]
    [('索 引 号:qz', False), ('', False), ('正文', True), ('续', False), ('项', False)]
    """
    lines: list[Line] = []
    position = 0
    if "\n" in text and not any(map(text.__contains__, _OTHER_BREAKS)):
        # Line feeds only (nearly every page): str.split gives the same lines without their breaks
        # (each one character long), and the blank last line after a final break too.
        chunks: list[str] | None = text.split("\n")
    else:
        chunks = None
    # str.splitlines breaks at exactly the characters of _BREAKS (and \\r\\n), faster than a regex.
    for chunk in text.splitlines(keepends=True) if chunks is None else chunks:
        if chunks is None:
            end = position + len(chunk)
            line = (
                chunk.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
                if chunk[-1] in _BREAKS
                else chunk
            )
        else:
            end = position + len(chunk) + 1
            line = chunk
        raw = line.lstrip(_LEAD_CHARS) if line else line
        content = raw.rstrip(WS_CHARS)
        if not content:
            lines.append(_BLANK)
        elif raw is line:  # nothing before the content (str.lstrip returns the string itself)
            lines.append(Line(content, position, False, "", raw[len(content) :]))
        else:
            lead = line[: len(line) - len(raw)]
            # A paragraph's first line is indented, and so are the right-aligned signature lines; the
            # text contract gives continuation lines no indent at all (so one space is an indent too).
            # A bullet, with or without spaces before it, marks an item of a list, not an indent: the
            # line under it does not continue it (a wiki's `  • 中文名:…` then a heading). The lead is
            # white space and bullets only: what white space stripping leaves of it is its bullets.
            bulleted = lead.strip(WS_CHARS)
            lines.append(
                Line(
                    content,
                    position + len(lead),
                    not bulleted,
                    "" if bulleted else lead,
                    raw[len(content) :],
                )
            )
        position = end
    if chunks is None and (not text or text[-1] in _BREAKS):
        lines.append(_BLANK)
    return lines


def squash(text: str) -> str:
    """``text`` without any white space (for comparing labels and titles)."""
    return "".join(text.split()).replace("\u200b", "").replace("\ufeff", "")


def is_chrome(text: str) -> bool:
    """Whether a line (already stripped) is page chrome rather than document text.

    >>> is_chrome("扫一扫在手机上查看当前页面"), is_chrome("【打印】【关闭】"), is_chrome("字号：大 中 小")
    (True, True, True)
    >>> is_chrome("打印本页 关闭窗口"), is_chrome("二、存在的主要问题")
    (True, False)
    """
    if text[:1] in _NUMERALS and ("," in text or "，" in text) and is_contents_list(text):
        return True
    # Substring tests: frozenset.isdisjoint(text) would make a string of every character it looks at.
    if len(text) > 80 or "。" in text or "，" in text or "," in text or "；" in text or ";" in text:
        return False
    flat = squash(text)
    if flat in CHROME_LINES:
        return True
    # match, not search: every alternative is anchored at the start (^, no MULTILINE), and search would
    # try them all again at every later position.
    if CHROME_PATTERNS.match(flat) is not None:
        return True
    if text and text[0] not in _TOKEN_FIRSTS and _TOKEN_SEPARATORS.match(text) is None:
        return False
    tokens = [t for t in _TOKEN_SEPARATORS.split(text) if t]
    return bool(tokens) and all(map(CHROME_TOKENS.__contains__, tokens))


def is_contents_list(text: str) -> bool:
    """Whether a line is a table of contents run into one line, its entries separated by commas (a wiki's
    contents: ``一、概述,（一）注重重点推进,…,二、主动公开政府信息情况,…,三、…``).

    The line opens with a top-level label and, after commas, names the next top-level labels in order (at
    least two of them): a paragraph of the report never runs on into the sections after its own.

    >>> is_contents_list("一、概述,（一）注重重点推进,二、主动公开情况,（一）主动公开范围,三、依申请公开情况,")
    True
    >>> is_contents_list("一、概述,2014年,我局推进二、三项工作,二、主动公开情况")
    False
    """
    label = parse_label(text)
    if label is None or label.level != 1:
        return False
    expected = label.ordinal + 1
    for m in _LISTED_TOP_LABEL.finditer(text, label.end):
        listed = parse_label(m.group()[1:].lstrip(WS_CHARS))
        if listed is None or listed.level != 1:
            continue
        if listed.ordinal != expected:
            return False
        expected += 1
    return expected - label.ordinal > 2
