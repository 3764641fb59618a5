"""JSON paths of diagnostics in reading order.

A path such as ``$.body[1].children[2].power.matters`` is turned into a key that sorts fields in the order
the model declares them (title, year, format, header, body, signature, attachments; within a section its
label before its paragraphs before its facts before its children) and list items by index, so that
diagnostics come out in the order a reader meets what they point at. Hand-written: the JSON path libraries
(jsonpath-ng and the like) query documents; none orders paths by a schema.
"""

from __future__ import annotations

import re
import types
import typing
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

import attrs

from govdisclosure.model import DisclosureReport

_TOKEN = re.compile(r"\.([A-Za-z_]\w*)|\[(\d+)\]")
_UNKNOWN = 1_000_000  # after every known field: a path this module cannot place still sorts stably


def _element_type(annotation: Any) -> Any:
    """``Section | None`` → Section, ``tuple[Section, ...]`` → Section, ``A | B | None`` → ``A | B``;
    anything else as it is."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        present = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _element_type(present[0]) if len(present) == 1 else _union(present)
    if origin is tuple:
        items = typing.get_args(annotation)
        return _element_type(items[0]) if items else annotation
    return annotation


def _members(annotation: Any) -> tuple[type, ...]:
    """The attrs classes an element type stands for: itself, or the members of a union of attrs classes
    (``StatutoryTablesV2019 | StatutoryTablesV2021``); () for anything else."""
    if isinstance(annotation, type):
        return (annotation,) if attrs.has(annotation) else ()
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        members = typing.get_args(annotation)
        if all(isinstance(m, type) and attrs.has(m) for m in members):
            return members
    return ()


def _merged_order(orders: list[list[str]]) -> list[str]:
    """One order of the field names of several classes that keeps each class's own order where they agree:
    a name the first classes lack goes right after the name it follows in its own class."""
    merged: list[str] = []
    for names in orders:
        previous: str | None = None
        for name in names:
            if name not in merged:
                merged.insert(0 if previous is None else merged.index(previous) + 1, name)
            previous = name
    return merged


def _union(types_: list[Any]) -> Any:
    unique = list(dict.fromkeys(types_))
    return unique[0] if len(unique) == 1 else typing.Union[tuple(unique)]  # noqa: UP007


def _layouts(root: type) -> Mapping[Any, Mapping[str, tuple[int, Any]]]:
    """For every attrs class reachable from ``root``, and every union of attrs classes (the tables of either
    format): field name → (position, element type). A union's fields are ordered as its members print them,
    so that the table 三 rows of both formats sort in printed order."""
    found: dict[Any, Mapping[str, tuple[int, Any]]] = {}
    pending: list[Any] = [root]
    while pending:
        annotation = pending.pop()
        if annotation in found:
            continue
        by_member: list[dict[str, Any]] = []
        for cls in _members(annotation):
            hints = typing.get_type_hints(cls)
            by_member.append({f.name: _element_type(hints[f.name]) for f in attrs.fields(cls)})
        order = _merged_order([list(fields) for fields in by_member])
        layout = {
            name: (position, _union([m[name] for m in by_member if name in m]))
            for position, name in enumerate(order)
        }
        found[annotation] = MappingProxyType(layout)
        pending += [t for _, t in layout.values() if _members(t)]
    return MappingProxyType(found)


# Computed once: resolving the model's annotations costs far more than sorting the diagnostics.
_LAYOUT = _layouts(DisclosureReport)


def reading_key(path: str) -> tuple[tuple[int, str], ...]:
    """A sort key that puts JSON paths of a report in reading order.

    >>> paths = ["$.signature.date", "$.body[1].children[0]", "$.header.published_at",
    ...          "$.body[1].children[0].power.matters", "$.body[0].label", "$.header.document_date"]
    >>> sorted(paths, key=reading_key)  # doctest: +NORMALIZE_WHITESPACE
    ['$.header.document_date', '$.header.published_at', '$.body[0].label', '$.body[1].children[0]',
     '$.body[1].children[0].power.matters', '$.signature.date']
    """
    key: list[tuple[int, str]] = []
    current: Any = DisclosureReport
    rest = path[1:] if path.startswith("$") else path
    for match in _TOKEN.finditer(rest):
        name, index = match.groups()
        if index is not None:
            key.append((int(index), ""))
            continue
        layout = _LAYOUT.get(current, {})
        if name in layout:
            position, current = layout[name]
            key.append((position, ""))
        else:
            key.append((_UNKNOWN, name))
            current = None
    return tuple(key)
