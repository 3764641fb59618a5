"""What differs between two reports, by JSON path: after a parse round trip, between two years."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Literal

import attrs

from govdisclosure.model import DisclosureReport
from govdisclosure.serialize._converter import to_dict

ChangeKind = Literal["changed", "added", "removed"]


@attrs.frozen
class Difference:
    """One difference between two reports: where (the JSON path of load errors and diagnostics) and the
    JSON values on either side."""

    path: str
    """``$.body[1].children[2].paragraphs[0]``, ``$.header.publisher`` …"""
    kind: ChangeKind
    """``changed``; ``added`` (only in the second report) or ``removed`` (only in the first)"""
    before: Any = None
    """The value in the first report, as JSON (None where it is absent)"""
    after: Any = None
    """The value in the second report, as JSON (None where it is absent)"""

    def __str__(self) -> str:
        if self.kind == "added":
            return f"{self.path}: added {self.after!r}"
        if self.kind == "removed":
            return f"{self.path}: removed {self.before!r}"
        return f"{self.path}: {self.before!r} → {self.after!r}"


def diff(a: DisclosureReport, b: DisclosureReport) -> list[Difference]:
    """The differences from report ``a`` to report ``b``, by JSON path, in document order.

    The reports are compared as their JSON (:func:`to_dict`): objects key by key, arrays element by element
    (an element past the end of the shorter array is ``added`` or ``removed``), values by equality. A field
    at its default is absent from the JSON, so setting one shows as ``added``. Equal reports give ``[]``.

    >>> from govdisclosure.model import DisclosureReport, ReportFormat, Section
    >>> a = DisclosureReport(title="2014年报告", year=2014, format=ReportFormat.NARRATIVE,
    ...     body=[Section(paragraphs=["甲", "乙"])])
    >>> b = DisclosureReport(title="2014年报告", year=2015, format=ReportFormat.NARRATIVE,
    ...     body=[Section(paragraphs=["甲"])])
    >>> for d in diff(a, b):
    ...     print(d)
    $.year: 2014 → 2015
    $.body[0].paragraphs[1]: removed '乙'
    """
    for name, report in (("a", a), ("b", b)):
        if not isinstance(report, DisclosureReport):
            raise TypeError(
                f"diff expects two DisclosureReports; {name} is a {type(report).__name__}"
            )
    return list(_walk("$", to_dict(a), to_dict(b)))


def _keys(x: dict[str, Any], y: dict[str, Any]) -> list[str]:
    """The keys of both objects in document order: ``y``'s keys missing from ``x`` go after the key that
    precedes them in ``y`` (both follow the model's field order)."""
    keys = list(x)
    for previous, key in zip([None, *y], y, strict=False):
        if key not in x:
            keys.insert(keys.index(previous) + 1 if previous in keys else 0, key)
    return keys


# Hand-written: the JSON trees are small and the paths must be the package's own syntax ($.body[1]);
# a general diff library would add a dependency and its own path notation.
def _walk(path: str, x: Any, y: Any) -> Iterator[Difference]:
    if type(x) is dict and type(y) is dict:
        for key in _keys(x, y):
            where = f"{path}.{key}"
            if key not in y:
                yield Difference(where, "removed", before=x[key])
            elif key not in x:
                yield Difference(where, "added", after=y[key])
            else:
                yield from _walk(where, x[key], y[key])
    elif type(x) is list and type(y) is list:
        for index in range(max(len(x), len(y))):
            where = f"{path}[{index}]"
            if index >= len(y):
                yield Difference(where, "removed", before=x[index])
            elif index >= len(x):
                yield Difference(where, "added", after=y[index])
            else:
                yield from _walk(where, x[index], y[index])
    elif type(x) is not type(y) or x != y:
        yield Difference(path, "changed", before=x, after=y)
