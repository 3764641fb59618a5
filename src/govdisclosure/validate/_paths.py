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
    """``Section | None`` → Section, ``tuple[Section, ...]`` → Section; anything else as it is."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        present = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _element_type(present[0]) if len(present) == 1 else annotation
    if origin is tuple:
        items = typing.get_args(annotation)
        return _element_type(items[0]) if items else annotation
    return annotation


def _layouts(root: type) -> Mapping[type, Mapping[str, tuple[int, Any]]]:
    """For every attrs class reachable from ``root``: field name → (position, element type)."""
    found: dict[type, Mapping[str, tuple[int, Any]]] = {}
    pending = [root]
    while pending:
        cls = pending.pop()
        if cls in found:
            continue
        hints = typing.get_type_hints(cls)
        fields = {
            field.name: (position, _element_type(hints[field.name]))
            for position, field in enumerate(attrs.fields(cls))
        }
        found[cls] = MappingProxyType(fields)
        pending += [t for _, t in fields.values() if isinstance(t, type) and attrs.has(t)]
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
