"""Text made safe to show: shortened values and terminal-safe lines. A leaf: imports nothing of ours.

Messages quote what they found (``expected an integer, got '…'``), and what they found may be a
megabyte of a hostile file or a page's text with terminal escape sequences in it (``ESC ] 52`` writes
the clipboard of many terminals). :func:`shorten` bounds a quoted value; :func:`printable` makes a line
that a terminal shows as text.
"""

from __future__ import annotations

import re
import unicodedata

LIMIT = 200
"""The longest value a message quotes whole, in characters."""

# C0 controls (tab and newline included: a finding is one line), DEL, C1 controls (0x9b is a CSI on
# some terminals), the bidirectional controls that reorder what a terminal shows ("Trojan Source"),
# and lone surrogates (text that is not Unicode, which no stream can encode).
_UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def shorten(text: str, limit: int = LIMIT) -> str:
    """``text`` itself if at most ``limit`` characters, else its start and end around a note of how
    much was left out.

    >>> shorten("x" * 1_000_000, 30)
    'xxxxxxxxxxxxxxxxxxxxx…[999,970 characters]…xxxxxxxxx'
    >>> shorten("short")
    'short'
    """
    if len(text) <= limit:
        return text
    head = limit * 7 // 10
    tail = limit - head
    return f"{text[:head]}…[{len(text) - limit:,} characters]…{text[-tail:]}"


def printable(text: str, limit: int | None = None) -> str:
    """``text`` with every control character written as an escape (``\\x1b``, ``\\n``, ``\\u202e``):
    what a terminal prints as text, on one line. With ``limit``, also shortened (:func:`shorten`).

    >>> printable("标题\\x1b]52;c;ZXZpbA==\\x07 done\\n")
    '标题\\\\x1b]52;c;ZXZpbA==\\\\x07 done\\\\n'
    """
    if limit is not None:
        text = shorten(text, limit)
    return _UNSAFE.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if unicodedata.category(char) == "Cc" and ord(char) < 0x100:
        return repr(char)[1:-1] if char in "\t\n\r" else f"\\x{ord(char):02x}"
    return f"\\u{ord(char):04x}"
