"""Type checks of the model's constructors: a value that could not be serialised is refused where it is made.

Each checked class's ``__attrs_post_init__`` is made by :func:`type_checks`; the check of a class is built
once, at its first instance, from the class's type hints (``str``, ``int``, ``X | None``, ``tuple[X, ...]``,
enums, dates, the model's classes), and raises :class:`TypeError` naming the class, the field and what was
expected. Hand-written rather than a library's: attrs' ``instance_of`` validators would cost one Python call
per field on every load, and loading from JSON, whose types the converter has already checked, skips the
checks altogether (:func:`types_checked`, thread- and task-safe through a context variable).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import types
import typing
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from enum import Enum
from typing import Annotated, Any, Literal

import attrs

_CHECKED: ContextVar[bool] = ContextVar("govdisclosure_types_checked", default=False)

_Predicate = Callable[[object], bool]


@contextlib.contextmanager
def types_checked() -> Iterator[None]:
    """Within this block, the model's constructors skip their type checks: for a deserialiser that has
    checked every value's type already (the JSON converter). Value checks (an ordinal of 1 or more, tables
    of the report's format …) still run.

    >>> from govdisclosure.model import Attachment
    >>> with types_checked():
    ...     Attachment(name=1).name  # the caller vouched for the types
    1
    """
    token = _CHECKED.set(True)
    try:
        yield
    finally:
        _CHECKED.reset(token)


def _predicate(hint: Any) -> tuple[_Predicate, str]:
    """A test of a value against a type hint, and how a message names the type."""
    origin = typing.get_origin(hint)
    if origin is Annotated:
        return _predicate(typing.get_args(hint)[0])
    if origin in (types.UnionType, typing.Union):
        parts = [_predicate(arg) for arg in typing.get_args(hint)]
        tests = tuple(test for test, _ in parts)
        return (lambda v: any(test(v) for test in tests)), " or ".join(name for _, name in parts)
    if origin is Literal:
        allowed = typing.get_args(hint)
        return (lambda v: v in allowed), " or ".join(repr(a) for a in allowed)
    if origin is tuple:
        element, name = _predicate(typing.get_args(hint)[0])
        return (
            lambda v: type(v) is tuple and all(map(element, v)),
            f"a tuple (or list) of {name}",
        )
    if hint is type(None):
        return (lambda v: v is None), "None"
    if hint is int:
        return (
            lambda v: type(v) is int or (isinstance(v, int) and not isinstance(v, bool))
        ), "an int"
    if hint is str:
        return (lambda v: isinstance(v, str)), "a str"
    if hint is bool:
        return (lambda v: isinstance(v, bool)), "a bool"
    if hint is dt.date:  # a datetime is a date too, but is written as another JSON form
        return (
            lambda v: isinstance(v, dt.date) and not isinstance(v, dt.datetime),
            "a datetime.date",
        )
    if isinstance(hint, type):
        article = "an" if hint.__name__[0] in "AEIOU" else "a"
        if issubclass(hint, Enum):
            return (lambda v: isinstance(v, hint)), f"{article} {hint.__name__} member"
        return (lambda v: isinstance(v, hint)), f"{article} {hint.__name__}"
    return (lambda v: True), str(hint)  # nothing to check (Any)


def _build(cls: type, namespace: dict[str, Any]) -> Callable[[object], None]:
    # The hints are resolved in the namespace of the module that defines the class, passed in rather than
    # looked up in sys.modules, which a re-import (pytest's doctest collection) may have replaced.
    hints = typing.get_type_hints(cls, globalns=namespace, include_extras=True)
    fields = [(f.name, *_predicate(hints[f.name])) for f in attrs.fields(cls)]
    owner = cls.__name__

    def check(instance: object) -> None:
        for name, test, expected in fields:
            value = getattr(instance, name)
            if not test(value):
                raise TypeError(
                    f"{owner}.{name} must be {expected}, got {type(value).__name__} {value!r}"
                )

    return check


def type_checks(namespace: dict[str, Any]) -> Callable[[Any], None]:
    """The ``__attrs_post_init__`` of a checked class: ``__attrs_post_init__ = type_checks(globals())``.

    It checks every field of a new instance against its type hint, unless within :func:`types_checked`.
    """
    checks: dict[type, Callable[[object], None]] = {}

    def __attrs_post_init__(self: Any) -> None:
        if _CHECKED.get():
            return
        cls = type(self)
        check = checks.get(cls)
        if check is None:
            check = checks[cls] = _build(cls, namespace)
        check(self)

    return __attrs_post_init__
