"""The fast path of :func:`loads` and :func:`from_dict`: one generated function per model class.

The converter in ``_converter`` is the JSON format: it reads every document and reports every error with its
JSON path. It calls one hook per field (a Python call each, for a type check), and that, not the checks, is
most of the time of reading a valid document. This module compiles, per attrs class, one function that
takes the common case (exactly JSON types: ``str``, ``int``, ``None``, ``list``, ``dict``) with the checks
of primitives written inline, builds the model objects through their own ``__init__`` (so every converter
and validator of the model runs), and hands every other value (a date, a decimal, a document number …) to
the detailed converter's own hook for its type.

It is right where it succeeds and nowhere else needs to be: anything it does not take as is (a wrong type,
an unknown or missing key, a subclass of ``str`` or ``dict``, a value the model refuses) raises, and the
caller reads the document again with the detailed converter, whose result or :class:`LoadError` counts.
Tests compare both on perturbed documents (``tests/test_json_backends.py``).

Hand-written because cattrs has no mode that inlines a hook's check into its generated functions; the
format itself (which hooks, which types) stays decided by the detailed converter this one defers to.
"""

from __future__ import annotations

import types
import typing
from enum import Enum
from typing import Annotated, Any, Final

import attrs
import cattrs

from govdisclosure.model import (
    CellKind,
    StatutoryTablesV2019,
    StatutoryTablesV2021,
)
from govdisclosure.model._tables import count_cell, signed_cell


class Rejected(Exception):
    """The fast path does not take this document; the detailed converter reads it again."""


_CHECKED_BY_MODEL: Final = {count_cell: "count", signed_cell: "signed"}
"""Validators that check exactly what the JSON format's cell hooks check (an int, 0 or more for a count, or
None): a cell validated by one of them is handed to the model as it is, and checked once."""


def _optional_arg(tp: Any) -> Any:
    """``X`` of ``X | None``, or None if ``tp`` is not an optional of one type."""
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        args = typing.get_args(tp)
        if len(args) == 2 and type(None) in args:
            return next(arg for arg in args if arg is not type(None))
    return None


def _is_count(tp: Any) -> bool:
    return typing.get_origin(tp) is Annotated and CellKind.COUNT in tp.__metadata__


_TABLES: Final = (StatutoryTablesV2019, StatutoryTablesV2021)
"""The tables' classes, one per format; the ``version`` tag picks one (as the detailed converter does)."""

_PRIMITIVE_CHECKS: Final = {
    str: "type({v}) is str",
    int: "type({v}) is int",
    bool: "type({v}) is bool",
}


class _Compiler:
    """Generates, on first use, one structuring function per attrs class, in one shared namespace."""

    def __init__(self, reference: cattrs.Converter, scalars: frozenset[type]) -> None:
        self._reference = reference
        self._scalars = scalars
        self._names: dict[type, str] = {}
        self._globals: dict[str, Any] = {"Rejected": Rejected}
        self._pending: list[type] = []

    def function(self, cls: type) -> Any:
        """The structuring function of an attrs class (and of every class it contains)."""
        name = self._name(cls)
        while self._pending:
            self._compile(self._pending.pop())
        return self._globals[name]

    def _name(self, cls: type) -> str:
        name = self._names.get(cls)
        if name is None:
            name = f"s_{cls.__name__}_{len(self._names)}"
            self._names[cls] = name
            self._pending.append(cls)
        return name

    def _constant(self, value: Any, hint: str) -> str:
        name = f"_{hint}_{len(self._globals)}"
        self._globals[name] = value
        return name

    # --- the check of a value that is passed through unchanged ------------------------------------------

    def _check(self, tp: Any, v: str) -> str | None:
        """A condition true when ``v`` is taken as it is, or None if values of ``tp`` must be converted."""
        if tp is type(None):
            return f"{v} is None"
        if tp in _PRIMITIVE_CHECKS:
            return _PRIMITIVE_CHECKS[tp].format(v=v)
        if _is_count(tp):
            return f"type({v}) is int and {v} >= 0"
        inner = _optional_arg(tp)
        if inner is not None:
            check = self._check(inner, v)
            return None if check is None else f"{v} is None or {check}"
        return None

    # --- the conversion of a value that becomes a model object ------------------------------------------

    def _convert(self, tp: Any, v: str, out: str, indent: str) -> list[str]:
        """Lines that set ``out`` to the model value of ``v`` (a JSON value of type ``tp``) or raise."""
        check = self._check(tp, v)
        if check is not None:
            return [f"{indent}if not ({check}): raise Rejected", f"{indent}{out} = {v}"]
        inner = _optional_arg(tp)
        if inner is not None and not self._is_tables(tp):
            return [
                f"{indent}if {v} is None:",
                f"{indent}    {out} = None",
                f"{indent}else:",
                *self._convert(inner, v, out, indent + "    "),
            ]
        if self._is_tables(tp):
            # The format tag picks the class, as the detailed converter's hook does.
            lines = [
                f"{indent}if {v} is None:",
                f"{indent}    {out} = None",
                f"{indent}else:",
                f"{indent}    if type({v}) is not dict: raise Rejected",
                f"{indent}    version = {v}.get('version')",
                f"{indent}    if type(version) is not str: raise Rejected",
            ]
            for cls in _TABLES:
                lines += [
                    f"{indent}    elif version == {attrs.fields(cls).version.default.value!r}:",
                    f"{indent}        {out} = {self._name(cls)}({v})",
                ]
            return [*lines, f"{indent}    else: raise Rejected"]
        if self._is_object(tp):
            return [f"{indent}{out} = {self._name(tp)}({v})"]
        if isinstance(tp, type) and issubclass(tp, Enum):
            members = self._constant(tp._value2member_map_, "members")
            return [
                f"{indent}if type({v}) is not str: raise Rejected",
                f"{indent}{out} = {members}[{v}]",
            ]
        if typing.get_origin(tp) is tuple:
            args = typing.get_args(tp)
            if len(args) == 2 and args[1] is Ellipsis:
                return self._sequence(args[0], v, out, indent)
        # Anything else (a date, a decimal, a document number, a literal …): the detailed converter's hook.
        hook = self._constant(self._reference.get_structure_hook(tp), "hook")
        type_ = self._constant(tp, "type")
        return [f"{indent}{out} = {hook}({v}, {type_})"]

    def _sequence(self, elem: Any, v: str, out: str, indent: str) -> list[str]:
        lines = [f"{indent}if type({v}) is not list: raise Rejected"]
        if elem is str:
            # The common case, paragraphs: one C-speed check of every element's type.
            only_str = self._constant(frozenset({str}), "only_str")
            return [
                *lines,
                f"{indent}if not set(map(type, {v})) <= {only_str}: raise Rejected",
                f"{indent}{out} = tuple({v})",
            ]
        check = self._check(elem, "e")
        if check is not None:
            return [
                *lines,
                f"{indent}for e in {v}:",
                f"{indent}    if not ({check}): raise Rejected",
                f"{indent}{out} = tuple({v})",
            ]
        if self._is_object(elem):
            return [*lines, f"{indent}{out} = tuple([{self._name(elem)}(e) for e in {v}])"]
        element = self._constant(self._element_function(elem), "element")
        return [*lines, f"{indent}{out} = tuple([{element}(e) for e in {v}])"]

    def _element_function(self, tp: Any) -> Any:
        lines = ["def element(e):", *self._convert(tp, "e", "r", "    "), "    return r"]
        namespace: dict[str, Any] = {}
        exec("\n".join(lines), self._globals, namespace)  # generated from types only
        return namespace["element"]

    def _is_object(self, tp: Any) -> bool:
        """A model class written as a JSON object (not one written as a string, such as a date)."""
        return isinstance(tp, type) and attrs.has(tp) and tp not in self._scalars

    @staticmethod
    def _is_tables(tp: Any) -> bool:
        return bool(tp == (StatutoryTablesV2019 | StatutoryTablesV2021 | None))

    # --- one class ------------------------------------------------------------------------------------

    def _compile(self, cls: type) -> None:
        name = self._names[cls]
        fields = attrs.fields(cls)
        hints = typing.get_type_hints(cls, include_extras=True)
        keys = self._constant(frozenset(f.name for f in fields), "keys")
        checks: list[str] = []
        conversions: list[str] = []
        for field in fields:
            if not field.init or field.alias != field.name:
                raise TypeError(f"{cls.__name__}.{field.name}: not supported by the fast path")
            tp = hints[field.name]
            key = repr(field.name)
            if field.validator in _CHECKED_BY_MODEL and field.converter is None:
                continue  # the model's validator checks exactly what the JSON format does
            check = self._check(tp, "v")
            if check is not None:
                if _optional_arg(tp) is not None or tp is type(None):
                    checks += [f"    v = o.get({key})", f"    if not ({check}): raise Rejected"]
                else:
                    checks += [
                        f"    if {key} in o:",
                        f"        v = o[{key}]",
                        f"        if not ({check}): raise Rejected",
                    ]
                continue
            conversions += [
                f"    if {key} in o:",
                f"        v = o[{key}]",
                *self._convert(tp, "v", "r", "        "),
                f"        kw[{key}] = r",
            ]
        cls_name = self._constant(cls, "cls")
        lines = [
            f"def {name}(o):",
            f"    if type(o) is not dict or not o.keys() <= {keys}: raise Rejected",
            *checks,
        ]
        if conversions:
            lines += ["    kw = o.copy()", *conversions, f"    return {cls_name}(**kw)"]
        else:
            lines += [f"    return {cls_name}(**o)"]
        exec("\n".join(lines), self._globals)  # generated from the model's types only


class FastPath:
    """Builds model objects from JSON data of the common form, or raises (any exception): see the module."""

    def __init__(self, reference: cattrs.Converter, *, scalars: frozenset[type]) -> None:
        """``reference``: the converter of the format; ``scalars``: the attrs classes it writes as strings."""
        self._compiler = _Compiler(reference, scalars)
        self._functions: dict[type, Any] = {}

    def structure(self, data: Any, cls: type[Any]) -> Any:
        """The object of class ``cls`` that ``data`` describes; raises if the fast path does not take it."""
        function = self._functions.get(cls)
        if function is None:
            function = self._functions[cls] = self._compiler.function(cls)
        return function(data)
