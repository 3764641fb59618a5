"""The one exception of loading: :class:`LoadError`, with a JSON path for each problem."""

from __future__ import annotations

import attrs


@attrs.frozen
class LoadIssue:
    """One problem found while loading: where (a JSON path such as ``$.body[1].paragraphs[0]``) and what."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class LoadError(ValueError):
    """JSON that is not a valid report: malformed JSON (with line and column), a wrong type or value,
    a missing field or an unknown field (a typo must not silently drop data).

    :attr:`issues` lists every problem found; ``str()`` gives the first on one line (and how many more).
    """

    def __init__(
        self, issues: list[LoadIssue] | tuple[LoadIssue, ...], *, source: str | None = None
    ):
        if not issues:
            raise ValueError("a LoadError needs at least one issue")
        self.issues: tuple[LoadIssue, ...] = tuple(issues)
        self.source = source
        super().__init__(self._summary())

    def _summary(self) -> str:
        first = str(self.issues[0])
        if self.source is not None:
            first = f"{self.source}: {first}"
        more = len(self.issues) - 1
        return first if not more else f"{first} (and {more} more)"

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild, (self.issues, self.source))


def _rebuild(issues: tuple[LoadIssue, ...], source: str | None) -> LoadError:
    return LoadError(issues, source=source)
