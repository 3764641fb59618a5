"""Diagnostics: what validation and parsing say about a report."""

from __future__ import annotations

import attrs

from govdisclosure.model._enums import Severity


@attrs.frozen
class Span:
    """A stretch of source text (原文位置): character offsets ``start`` (inclusive) to ``end`` (exclusive)."""

    start: int
    end: int

    def __attrs_post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"a span needs 0 <= start <= end, got {self.start}..{self.end}")

    def line_column(self, text: str) -> tuple[int, int]:
        """The 1-based line and column of :attr:`start` in ``text``.

        >>> Span(4, 6).line_column("ab\\ncdef")
        (2, 2)
        """
        line = text.count("\n", 0, self.start) + 1
        column = self.start - (text.rfind("\n", 0, self.start) + 1) + 1
        return line, column


@attrs.frozen(kw_only=True)
class Diagnostic:
    """One finding about a report (诊断): a stable code, a severity, where, and what.

    ``path`` uses the JSON path syntax of load errors (``$.body[1].children[2].power.matters``), so a finding
    can be located in the JSON file and in the model alike.
    """

    code: str
    """诊断代码, stable across releases (GD101, …)"""
    severity: Severity
    """严重程度"""
    path: str
    """位置: JSON path of the offending field or cell"""
    message: str
    """说明 in Chinese"""
    message_en: str
    """The same in English"""
    expected: str | None = None
    """应为: the figure or value expected, as text"""
    found: str | None = None
    """实为: the figure or value found, as text"""
    span: Span | None = None
    """原文位置: where in the source text, for diagnostics of the parser"""

    def __str__(self) -> str:
        return f"{self.path}: {self.code} {self.severity}: {self.message}"
