"""The JSON Schema of the report format, derived from the model's attrs classes and the converter's choices.

No library derives a JSON Schema from attrs classes with cattrs' hooks, so the walk over the types is written
here; it follows the same type-to-JSON decisions as :mod:`._converter` (tests validate real output against it).
"""

from __future__ import annotations

import ast
import datetime as dt
import functools
import inspect
import itertools
import textwrap
import types
import typing
from decimal import Decimal
from enum import Enum
from typing import Annotated, Any, Literal

import attrs

from govdisclosure.model import (
    REPORT_YEARS,
    CellKind,
    DisclosureReport,
    DocumentNumber,
    IndexNumber,
    TablePart,
    YearMonth,
)
from govdisclosure.serialize._converter import SCHEMA_VERSION, _converter

_STRING_FORMATS: dict[Any, dict[str, Any]] = {
    Decimal: {
        "type": "string",
        "pattern": r"^-?[0-9]+(\.[0-9]+)?$",
        "description": "a decimal number",
    },
    dt.date: {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
    dt.datetime: {
        "type": "string",
        "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2})?$",
        "description": "a local date and time, to the minute where seconds are zero",
    },
    YearMonth: {
        "type": "string",
        "pattern": r"^\d{4}-(0[1-9]|1[0-2])$",
        "description": "year and month",
    },
    DocumentNumber: {
        "type": "string",
        "pattern": r"^[^\s〔〕0-9]+〔\d{4}〕[1-9]\d*号$",
        "description": "发文字号 as GB/T 9704 writes it, e.g. 闽政办函〔2014〕130号",
    },
    IndexNumber: {"type": "string", "description": "索引号 as published"},
    str: {"type": "string"},
    int: {"type": "integer"},
    bool: {"type": "boolean"},
}


@functools.cache
def _field_docs(cls: type) -> dict[str, str]:
    """The docstrings written under attrs fields (``x: int`` followed by a string), by field name, including
    those of fields inherited from attrs base classes."""
    docs: dict[str, str] = {}
    for base in reversed(cls.__mro__[1:]):
        if attrs.has(base):
            docs.update(_field_docs(base))
    return docs | _own_field_docs(cls)


def _own_field_docs(cls: type) -> dict[str, str]:
    try:
        tree = ast.parse(textwrap.dedent(inspect.getsource(cls)))
    except (OSError, TypeError):
        return {}
    docs: dict[str, str] = {}
    body = tree.body[0].body if tree.body and isinstance(tree.body[0], ast.ClassDef) else []
    for stmt, following in itertools.pairwise(body):
        if (
            isinstance(stmt, ast.AnnAssign)
            and isinstance(stmt.target, ast.Name)
            and isinstance(following, ast.Expr)
            and isinstance(following.value, ast.Constant)
            and isinstance(following.value.value, str)
        ):
            docs[stmt.target.id] = inspect.cleandoc(following.value.value)
    return docs


class _Builder:
    def __init__(self) -> None:
        self.defs: dict[str, Any] = {}

    def type_schema(self, tp: Any) -> dict[str, Any]:
        if tp in _STRING_FORMATS:
            return dict(_STRING_FORMATS[tp])
        origin = typing.get_origin(tp)
        args = typing.get_args(tp)
        if origin is Annotated:
            schema = self.type_schema(args[0])
            if CellKind.COUNT in tp.__metadata__:
                schema.update(minimum=0, description="a count (0 or more)")
            return schema
        if origin is Literal:
            values = [a.value if isinstance(a, Enum) else a for a in args]
            return {"const": values[0]} if len(values) == 1 else {"enum": values}
        if origin in (types.UnionType, typing.Union):
            return {"anyOf": [self.type_schema(a) for a in args]}
        if tp is type(None):
            return {"type": "null"}
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            return {"type": "array", "items": self.type_schema(args[0])}
        if isinstance(tp, type) and issubclass(tp, Enum):
            return {"enum": [m.value for m in tp]}
        if attrs.has(tp):
            return self.class_ref(tp)
        raise TypeError(f"no JSON Schema for {tp!r}")

    def class_ref(self, cls: type) -> dict[str, Any]:
        name = cls.__name__
        if name not in self.defs:
            self.defs[name] = {}  # placeholder against recursion (Section contains Sections)
            self.defs[name] = self.class_schema(cls)
        return {"$ref": f"#/$defs/{name}"}

    def class_schema(self, cls: type) -> dict[str, Any]:
        hints = typing.get_type_hints(cls, include_extras=True)
        docs = _field_docs(cls)
        properties: dict[str, Any] = {}
        required = []
        for field in attrs.fields(cls):
            hint = hints[field.name]
            prop = self.type_schema(hint)
            if field.name in docs:
                prop["description"] = docs[field.name]
            if cls is DisclosureReport and field.name == "year":  # the years a report can be on
                prop["anyOf"][0].update(minimum=REPORT_YEARS.start, maximum=REPORT_YEARS.stop - 1)
            # A Literal field is a tag that says which class an object is: always written, so required.
            if field.default is attrs.NOTHING or typing.get_origin(hint) is Literal:
                required.append(field.name)
            else:
                default = field.default
                if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
                    default = default.factory()
                # A blank table as a default would repeat the table's whole shape of nulls.
                if not isinstance(default, TablePart):
                    prop["default"] = _converter.unstructure(default)
            properties[field.name] = prop
        schema: dict[str, Any] = {"type": "object"}
        if cls.__doc__:
            schema["description"] = cls.__doc__.strip().split("\n\n")[0].replace("\n", " ")
        schema.update(properties=properties, additionalProperties=False)
        if required:
            schema["required"] = required
        return schema


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a report file, derived from the model.

    >>> schema = json_schema()
    >>> schema["properties"]["schema_version"]
    {'const': 1}
    >>> sorted(schema["required"])
    ['format', 'schema_version', 'title', 'year']
    """
    builder = _Builder()
    root = builder.class_schema(DisclosureReport)
    root["properties"] = {"schema_version": {"const": SCHEMA_VERSION}, **root["properties"]}
    root["required"] = ["schema_version", *root["required"]]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://govdisclosure.invalid/schema/report-v{SCHEMA_VERSION}.json",
        "title": "govdisclosure report",
        **root,
        "$defs": dict(sorted(builder.defs.items())),
    }
