"""What a parse collects on the way: diagnostics and provenance, passed explicitly (no global state)."""

from __future__ import annotations

from govdisclosure.model import Diagnostic, Span
from govdisclosure.parse._codes import diagnostic

__all__ = ["Context", "Notes", "Prefixed"]


class Notes:
    """Provenance and diagnostics under paths relative to a node not yet placed in the tree."""

    __slots__ = ("diagnostics", "provenance")

    def __init__(self) -> None:
        self.provenance: list[tuple[str, tuple[int, int]]] = []
        self.diagnostics: list[tuple[str, str, Span | None, dict[str, object]]] = []

    def source(self, path: str, bounds: tuple[int, int]) -> None:
        """``path`` (relative, e.g. ``.power.matters``) came from the source text at ``bounds``."""
        self.provenance.append((path, bounds))

    def report(self, code: str, path: str, span: Span | None, **fields: object) -> None:
        """Diagnostic ``code`` at the relative ``path``."""
        self.diagnostics.append((code, path, span, fields))


class Context:
    """Diagnostics and provenance of one parse, under absolute JSON paths."""

    __slots__ = ("diagnostics", "provenance", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.diagnostics: list[Diagnostic] = []
        self.provenance: dict[str, tuple[int, int]] = {}
        """JSON path → (start, end); Span objects are made when the result is read (SpanMap)"""

    def source(self, path: str, bounds: tuple[int, int]) -> None:
        self.provenance[path] = bounds

    def report(self, code: str, path: str, span: Span | None, **fields: object) -> None:
        expected = fields.pop("expected", None)
        found = fields.pop("found", None)
        self.diagnostics.append(
            diagnostic(
                code,
                path,
                span,
                expected=None if expected is None else str(expected),
                found=None if found is None else str(found),
                **fields,
            )
        )

    def merge(self, prefix: str, notes: Notes) -> None:
        """Place the notes of a node now known to live at ``prefix``."""
        for path, bounds in notes.provenance:
            self.provenance[prefix + path] = bounds
        for code, path, where, fields in notes.diagnostics:
            self.report(code, prefix + path, where, **dict(fields))


class Prefixed:
    """Provenance and diagnostics of one node, written straight into the context under its path."""

    __slots__ = ("context", "prefix", "provenance")

    def __init__(self, context: Context, prefix: str) -> None:
        self.context = context
        self.prefix = prefix
        self.provenance = context.provenance

    def source(self, path: str, bounds: tuple[int, int]) -> None:
        self.provenance[self.prefix + path] = bounds

    def report(self, code: str, path: str, span: Span | None, **fields: object) -> None:
        self.context.report(code, self.prefix + path, span, **fields)
