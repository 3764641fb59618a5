"""The one cattrs converter of govdisclosure, and the JSON functions built on it.

Everything the JSON format is — which types become strings, that unknown keys are errors, that defaults are
omitted — is decided here and nowhere else.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import operator
import os
import re
import types
import typing
from collections.abc import Callable, Mapping
from decimal import Decimal
from enum import Enum, StrEnum
from pathlib import Path
from typing import Annotated, Any, Final, TypeVar, overload

import attrs
import cattrs
from cattrs.cols import homogenous_tuple_structure_factory
from cattrs.errors import AttributeValidationNote, ClassValidationError, ForbiddenExtraKeysError
from cattrs.fns import identity
from cattrs.gen import make_dict_unstructure_fn

from govdisclosure._files import write_atomic
from govdisclosure.model import (
    REPORT_YEARS,
    CellKind,
    Cells,
    Count,
    DisclosureReport,
    DocumentNumber,
    DocumentNumberError,
    IndexNumber,
    ReportFormat,
    StatutoryTables,
    StatutoryTablesV2019,
    StatutoryTablesV2021,
    TablePart,
    YearMonth,
    types_checked,
)
from govdisclosure.serialize._errors import LoadError, LoadIssue

SCHEMA_VERSION: Final = 1
"""The version of the JSON format this release writes and reads (the top-level ``schema_version``)."""

T = TypeVar("T")

# ASCII digits only: \d would take Arabic-Indic or full-width digits, which Decimal() reads but JSON
# writers never produce, so the round trip would not be exact.
_DECIMAL = re.compile(r"-?[0-9]+(\.[0-9]+)?")
_LOCAL_TIME = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2})?")


def _expect_str(value: object, what: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected {what} as a string, got {_shorten(repr(value))}")
    return value


def _structure_str(value: object, _: type) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected a string, got {_shorten(repr(value))}")
    return value


def _structure_str_checked(value: object, _: type) -> str:
    """The detailed converter's strings: no lone surrogate, which no encoding can write (the fast path
    does not look: :func:`loads` sends a document that may hold one to the detailed converter)."""
    text = _structure_str(value, str)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ValueError(
            f"a lone surrogate U+{ord(text[exc.start]):04X} at character {exc.start}: "
            "no encoding can write it"
        ) from None
    return text


def _structure_int(value: object, _: type) -> int:
    # cattrs' default is int(value), which would turn "12" or 3.7 into a number silently.
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"expected an integer, got {_shorten(repr(value))}")
    return value


def _structure_bool(value: object, _: type) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"expected true or false, got {_shorten(repr(value))}")
    return value


def _structure_decimal(value: object, _: type) -> Decimal:
    text = _expect_str(value, "a decimal number")
    if not _DECIMAL.fullmatch(text):
        raise ValueError(f"expected a decimal number, got {_shorten(repr(text))}")
    return Decimal(text)


def _unstructure_decimal(value: Decimal) -> str:
    # Fixed-point form: "12894000", never "1.2894E+7".
    return format(value, "f")


def _structure_date(value: object, _: type) -> dt.date:
    text = _expect_str(value, "a date (YYYY-MM-DD)")
    try:
        if len(text) != 10:
            raise ValueError
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"expected a date as YYYY-MM-DD, got {_shorten(repr(text))}") from None


def _unstructure_datetime(value: dt.datetime) -> str:
    # To the minute where that is all there is; Header.published_at refuses fractions and time zones.
    return value.isoformat(timespec="minutes" if value.second == 0 else "seconds")


def _structure_datetime(value: object, _: type) -> dt.datetime:
    text = _expect_str(value, "a date and time (YYYY-MM-DDTHH:MM)")
    try:
        # To the minute or the second, without a time zone: local times of the page, as printed.
        if not _LOCAL_TIME.fullmatch(text):
            raise ValueError
        return dt.datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(
            f"expected a date and time as YYYY-MM-DDTHH:MM, got {_shorten(repr(text))}"
        ) from None


def _structure_year_month(value: object, _: type) -> YearMonth:
    text = _expect_str(value, "a year and month (YYYY-MM)")
    try:
        return YearMonth.fromisoformat(text)
    except ValueError:
        raise ValueError(
            f"expected a year and month as YYYY-MM, got {_shorten(repr(text))}"
        ) from None


def _is_sequence(tp: Any) -> bool:
    return typing.get_origin(tp) is tuple


_ONLY_STR: Final = frozenset({str})


def _strict_sequence_factory(tp: Any, converter: cattrs.Converter) -> Any:
    # cattrs takes any iterable for a sequence, so "abc" would become ("a", "b", "c"): only a JSON array is.
    elem_type = typing.get_args(tp)[0]
    detailed = converter.detailed_validation

    # Looked up at the first call, not now: the hook of Section.children needs Section's, which is being
    # made (cattrs would fall back to dispatching on the type at every call).
    @functools.cache
    def hooks() -> tuple[Any, Any]:
        inner = homogenous_tuple_structure_factory(tp, converter)
        return inner, converter.get_structure_hook(elem_type)

    if elem_type is str and not detailed:
        # The common case, paragraphs: an array of strings is taken whole (a C-speed type check).
        def structure_strings(value: object, _: type) -> tuple[Any, ...]:
            if type(value) is list and set(map(type, value)) <= _ONLY_STR:
                return tuple(value)
            if not isinstance(value, list | tuple):
                raise TypeError(f"expected an array, got {_shorten(repr(value))}")
            return hooks()[0](value, _)  # type: ignore[no-any-return]

        return structure_strings

    def structure(value: object, _: type) -> tuple[Any, ...]:
        if not isinstance(value, list | tuple):
            raise TypeError(f"expected an array, got {_shorten(repr(value))}")
        inner, elem = hooks()
        if not detailed:
            return tuple([elem(e, elem_type) for e in value])
        return inner(value, _)  # type: ignore[no-any-return]

    return structure


def _structure_document_number(value: object, _: type) -> DocumentNumber:
    return _document_number(_expect_str(value, "a document number"))


@functools.lru_cache(maxsize=4096)
def _document_number(text: str) -> DocumentNumber:
    # Cached: the same regulations and notices are cited in report after report, and a DocumentNumber is
    # immutable, so one instance can stand for every citation of it (an error is not cached).
    try:
        number = DocumentNumber.parse(text)
    except DocumentNumberError:
        number = None
    if number is None or str(number) != text:
        raise ValueError(
            f"expected a document number written as 闽政办函〔2014〕130号, got {_shorten(repr(text))}"
        )
    return number


def _structure_index_number(value: object, _: type) -> IndexNumber:
    return IndexNumber(_expect_str(value, "an index number"))


_enum_value: Final[Callable[[Enum], Any]] = operator.attrgetter("_value_")
"""An enum member's value: ``member.value`` without Enum's Python-level property (a C call)."""


def _structure_enum(value: object, cls: type[Enum]) -> Enum:
    if (
        type(value) is str
    ):  # the usual case: a dict look-up in the enum's own index, not Enum.__call__
        member = cls._value2member_map_.get(value)
        if member is not None:
            return member
    try:
        return cls(value)
    except ValueError:
        allowed = ", ".join(repr(member.value) for member in cls)
        raise ValueError(f"expected one of {allowed}, got {_shorten(repr(value))}") from None


def _strict_object_factory(cls: Any, converter: cattrs.Converter) -> Any:
    return _object_hook(cls, converter)


@functools.cache  # cattrs asks again for a class at each field of that class: made once per converter
def _object_hook(cls: Any, converter: cattrs.Converter) -> Any:
    # Without this check a string where an object belongs fails deep inside cattrs with an AttributeError.
    inner = converter.gen_structure_attrs_fromdict(cls)

    def structure(value: object, _: type) -> Any:
        if type(value) is not dict and not isinstance(value, Mapping):
            raise TypeError(f"expected an object, got {_shorten(repr(value))}")
        return inner(value, _)

    if converter.detailed_validation:
        return structure
    if not _checked_by_attrs(cls):
        return _fast_object_function(cls, converter, structure)

    # The fast converter hands a row of table cells to the class as it is: the cells' attrs validators check
    # exactly what the converter's cell hooks do (tests check that both converters accept the same rows).
    names = frozenset(field.name for field in attrs.fields(cls))

    def structure_cells(value: object, _: type) -> Any:
        if type(value) is dict and value.keys() <= names:
            return cls(**value)
        return structure(value, _)

    if not _all_counts(cls):
        return structure_cells

    # A row of counts only (table 三's rows, table 四's groups …), the bulk of a table: checked at C speed,
    # all cells at once, and set on a new instance without the class's per-cell validator calls, which would
    # check the same (an int 0 or more, not a bool, or None) one Python call per cell. Anything else is
    # built by the class, whose validators raise as ever.
    fields = [field.name for field in attrs.fields(cls)]
    namespace: dict[str, Any] = {"set_slot": object.__setattr__}
    source = (  # the class's __init__ less its validators: a keyword a cell, None where absent
        f"def fill(row, *, {', '.join(f'{name}=None' for name in fields)}):\n"
        + "".join(f"    set_slot(row, {name!r}, {name})\n" for name in fields)
        + "    return row\n"
    )
    exec(compile(source, f"<fill counts of {cls.__qualname__}>", "exec"), namespace)
    fill, new = namespace["fill"], object.__new__

    def structure_counts(value: object, _: type) -> Any:
        if (
            type(value) is dict
            and value.keys() <= names
            and set(map(type, value.values())) <= _INT_OR_NONE
            and min(filter(None, value.values()), default=1) > 0
        ):
            return fill(new(cls), **value)
        return structure_cells(value, _)

    return structure_counts


_INT_OR_NONE: Final = frozenset({int, type(None)})


@functools.cache
def _all_counts(cls: Any) -> bool:
    """A class whose instances are made by setting their count cells, nothing else (no converter, no
    post-init, no cached hash): what :func:`structure_counts` may build without calling the class."""
    hints = typing.get_type_hints(cls, include_extras=True)
    return (
        all(
            hints[field.name] == Count | None
            and field.default is None
            and getattr(field.validator, "__qualname__", None)
            == "count_cell"  # the model's, not exported
            for field in attrs.fields(cls)
        )
        and not hasattr(cls, "__attrs_post_init__")
        and "__attrs_cached_hash__" not in getattr(cls, "__slots__", ())
    )


def _fast_object_function(cls: Any, converter: cattrs.Converter, slow: Any) -> Any:
    """The fast converter's hook of an attrs class: one generated function that reads every field and calls
    the class once, with the usual JSON value of a string or an integer checked inline and every other
    field through its hook (cattrs' own adds a call per object and per field, a third of a load).

    Anything unusual (not a dict, an unknown key) goes to ``slow``, the hook cattrs generates, so what this
    accepts and what it raises are cattrs': it only skips work on the common path. Hand-written because
    cattrs' code generator has no such mode."""
    attrs.resolve_types(cls)
    names = frozenset(field.name for field in attrs.fields(cls))
    namespace: dict[str, Any] = {"cls": cls, "slow": slow, "names": names, "strs": _ONLY_STR}
    arguments = []
    for i, field in enumerate(attrs.fields(cls)):
        tp, key = field.type, repr(field.name)
        hook = namespace[f"h{i}"] = converter.get_structure_hook(tp)
        namespace[f"t{i}"] = tp
        if tp is str or tp is int:
            value = f"(v if type(v := o[{key}]) is {tp.__name__} else h{i}(v, t{i}))"
        elif _is_optional(tp) and hook.__name__ in ("optional_str", "optional_int"):
            inner = "str" if hook.__name__ == "optional_str" else "int"
            value = f"(v if (v := o[{key}]) is None or type(v) is {inner} else h{i}(v, t{i}))"
        elif _is_optional(tp) and hook.__name__ == "optional":
            inner_type = next(arg for arg in typing.get_args(tp) if arg is not type(None))
            namespace[f"i{i}"] = converter.get_structure_hook(inner_type)
            namespace[f"t{i}"] = inner_type
            value = f"(None if (v := o[{key}]) is None else i{i}(v, t{i}))"
        elif hook.__name__ == "structure_strings":
            value = f"(tuple(v) if type(v := o[{key}]) is list and set(map(type, v)) <= strs else h{i}(v, t{i}))"
        else:
            value = f"h{i}(o[{key}], t{i})"
        if field.default is attrs.NOTHING:
            arguments.append(f"{field.alias}={value}")
        elif isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
            namespace[f"d{i}"] = field.default.factory
            arguments.append(f"{field.alias}=({value} if {key} in o else d{i}())")
        else:
            namespace[f"d{i}"] = field.default
            arguments.append(f"{field.alias}=({value} if {key} in o else d{i})")
    head = (
        "def structure(o, _):\n"
        "    if type(o) is not dict or not o.keys() <= names:\n"
        "        return slow(o, _)\n"
    )
    if not _built_by_fields(cls):
        source = head + f"    return cls({', '.join(arguments)})\n"
    else:
        # The class's __init__ without its converters, which would copy tuples that are tuples already:
        # each field set, then each validator run, then __attrs_post_init__, as attrs' __init__ does.
        namespace.update(new=object.__new__, set_slot=object.__setattr__)
        lines = ["    inst = new(cls)\n"]
        for argument in arguments:
            name, _, value = argument.partition("=")
            lines.append(f"    set_slot(inst, {name!r}, {value})\n")
        for i, field in enumerate(attrs.fields(cls)):
            if field.validator is not None:
                namespace[f"v{i}"], namespace[f"a{i}"] = field.validator, field
                lines.append(f"    v{i}(inst, a{i}, inst.{field.name})\n")
        if hasattr(cls, "__attrs_post_init__"):
            lines.append("    inst.__attrs_post_init__()\n")
        source = head + "".join(lines) + "    return inst\n"
    exec(compile(source, f"<fast structure of {cls.__qualname__}>", "exec"), namespace)
    return namespace["structure"]


_TUPLE_CONVERTERS: Final = frozenset(
    {
        "_amounts",
        "_attachments",
        "_citations",
        "_header_fields",
        "_quantities",
        "_risk_points",
        "_sections",
        "_tuple_of_str",
    }
)
"""The model's converters that make a tuple of their argument: a no-op on the tuple the fast hook built."""


def _built_by_fields(cls: Any) -> bool:
    """Whether the fast hook may set ``cls``'s fields itself: every converter is the model's no-op on what
    the hook gives (a tuple for a tuple field; :func:`_count` on an integer the hook checked), no alias, no
    cached hash."""
    for field in attrs.fields(cls):
        if field.alias != field.name:
            return False
        converter = field.converter
        if converter is None:
            continue
        if getattr(converter, "__module__", "").partition("._")[0] != "govdisclosure.model":
            return False
        name = getattr(converter, "__qualname__", "")
        if not (
            (name in _TUPLE_CONVERTERS and typing.get_origin(field.type) is tuple)
            or (name == "_count" and field.type is int)
        ):
            return False
    return "__attrs_cached_hash__" not in getattr(cls, "__slots__", ())


def _unstructure_function(cls: Any, converter: cattrs.Converter) -> Any:
    """The unstructure hook of a model class: what cattrs' ``make_dict_unstructure_fn`` with
    ``omit_if_default`` writes (fields in order, a field equal to its default left out), but a default
    made by a factory (``header=Header()``) is made once, not at every call: the model's values are
    immutable, so one instance compares as a new one would. Hand-written because cattrs' generator makes
    the factory's default again for each object written."""
    attrs.resolve_types(cls)
    namespace: dict[str, Any] = {}
    always, optional = [], []
    for i, field in enumerate(attrs.fields(cls)):
        hook = converter.get_unstructure_hook(field.type)
        value = f"i.{field.name}"
        if hook is not identity:
            namespace[f"h{i}"] = hook
            value = f"h{i}({value})"
        if field.default is attrs.NOTHING:
            always.append(f"{field.name!r}: {value}")
            continue
        default = field.default
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            default = default.factory()
        namespace[f"d{i}"] = default
        optional.append(f"    if i.{field.name} != d{i}:\n        res[{field.name!r}] = {value}\n")
    source = (
        "def unstructure(i):\n"
        f"    res = {{{', '.join(always)}}}\n" + "".join(optional) + "    return res\n"
    )
    exec(compile(source, f"<unstructure of {cls.__qualname__}>", "exec"), namespace)
    return namespace["unstructure"]


def _is_model_object(tp: Any) -> bool:
    return attrs.has(tp) and not _is_table_part(tp)


_CELL_TYPES: Final = (Count | None, int | None)


@functools.cache
def _checked_by_attrs(cls: Any) -> bool:
    """A row of table cells: every field a count or signed cell with its attrs validator."""
    if not issubclass(cls, Cells):
        return False
    hints = typing.get_type_hints(cls, include_extras=True)
    return all(
        hints[field.name] in _CELL_TYPES and field.validator is not None and field.converter is None
        for field in attrs.fields(cls)
    )


def _is_count(tp: Any) -> bool:
    return typing.get_origin(tp) is Annotated and CellKind.COUNT in tp.__metadata__


def _structure_count(value: object, _: type) -> int:
    number = _structure_int(value, int)
    if number < 0:
        raise ValueError(f"expected a count (0 or more), got {number}")
    return number


def _is_table_part(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, TablePart) and attrs.has(tp)


_TABLES_BY_VERSION: Final = {
    ReportFormat.V2019.value: StatutoryTablesV2019,
    ReportFormat.V2021.value: StatutoryTablesV2021,
}


def _is_tables(tp: Any) -> bool:
    return bool(tp == StatutoryTables or tp == (StatutoryTables | None))


def _tables_hook(converter: cattrs.Converter) -> Any:
    # The format tag picks the class, so an unknown or missing version is reported at $.tables.version rather
    # than as a failed union at $.tables.
    def structure(value: object, _: type) -> StatutoryTablesV2019 | StatutoryTablesV2021 | None:
        if value is None:
            return None
        if not isinstance(value, Mapping):
            raise TypeError(f"expected an object, got {_shorten(repr(value))}")
        version = value.get("version")
        cls = _TABLES_BY_VERSION.get(version) if isinstance(version, str) else None
        if cls is None:
            allowed = " or ".join(repr(v) for v in _TABLES_BY_VERSION)
            exc = ValueError(
                "required field missing"
                if "version" not in value
                else f"expected {allowed}, got {version!r}"
            )
            exc.__notes__ = [AttributeValidationNote("tables version", "version", str)]
            raise ClassValidationError("the tables' version", [exc], StatutoryTablesV2021)
        tables: StatutoryTablesV2019 | StatutoryTablesV2021 = converter.structure(value, cls)
        return tables

    return structure


def _is_optional(tp: Any) -> bool:
    args = typing.get_args(tp)
    return (
        typing.get_origin(tp) in (typing.Union, types.UnionType)
        and len(args) == 2
        and type(None) in args
    )


def _optional_factory(tp: Any, converter: cattrs.Converter) -> Any:
    # cattrs' own Optional hook dispatches on the inner type at every call; this one looks it up once, and
    # lets the usual JSON value of a primitive through with one type check (anything else takes the full hook).
    inner_type = next(arg for arg in typing.get_args(tp) if arg is not type(None))
    inner = converter.get_structure_hook(inner_type)
    if inner is _structure_str:

        def optional_str(value: object, _: type) -> str | None:
            if value is None or type(value) is str:
                return value
            return _structure_str(value, str)

        return optional_str
    if inner is _structure_int:

        def optional_int(value: object, _: type) -> int | None:
            if value is None or type(value) is int:
                return value
            return _structure_int(value, int)

        return optional_int
    if inner is _structure_count:

        def optional_count(value: object, _: type) -> int | None:
            if value is None or (type(value) is int and value >= 0):
                return value
            return _structure_count(value, int)

        return optional_count

    def optional(value: object, _: type) -> Any:
        return None if value is None else inner(value, inner_type)

    return optional


def _optional_unstructure_factory(tp: Any, converter: cattrs.Converter) -> Any:
    # cattrs wraps the identity in a None check; the identity itself lets cattrs inline the attribute access.
    inner_type = next(arg for arg in typing.get_args(tp) if arg is not type(None))
    inner = converter.get_unstructure_hook(inner_type)
    if inner == identity:
        return identity

    def optional(value: Any) -> Any:
        return None if value is None else inner(value)

    return optional


def _sequence_unstructure_factory(tp: Any, converter: cattrs.Converter) -> Any:
    # cattrs writes a tuple through a generator, and an element of a recursive class (Section.children)
    # through converter.unstructure, which dispatches on the element's class at every call: this looks the
    # element's hook up once, at the first call (Section's own hook is being made when this is), and maps it
    # in C. The output is the same list.
    elem_type = typing.get_args(tp)[0]
    if elem_type in (str, int):
        return list

    @functools.cache
    def hook() -> Any:
        return converter.get_unstructure_hook(elem_type)

    def unstructure(value: Any) -> list[Any]:
        return list(map(hook(), value))

    return unstructure


def _is_homogeneous_tuple(tp: Any) -> bool:
    args = typing.get_args(tp)
    return typing.get_origin(tp) is tuple and len(args) == 2 and args[1] is Ellipsis


def _make_converter(*, detailed: bool = True) -> cattrs.Converter:
    c = cattrs.Converter(omit_if_default=True, forbid_extra_keys=True, detailed_validation=detailed)
    # Strict primitives: cattrs' defaults call str()/int(), which would take 12 for "12" and 3.7 for 3.
    c.register_structure_hook(str, _structure_str_checked if detailed else _structure_str)
    c.register_structure_hook(int, _structure_int)
    c.register_structure_hook(bool, _structure_bool)
    # Enums by value. StrEnum is registered too: it is a str, and the str hook must not catch it.
    c.register_structure_hook(Enum, _structure_enum)
    c.register_structure_hook(StrEnum, _structure_enum)
    c.register_unstructure_hook(Enum, _enum_value)
    c.register_unstructure_hook(StrEnum, _enum_value)
    c.register_structure_hook(Decimal, _structure_decimal)
    c.register_unstructure_hook(Decimal, _unstructure_decimal)
    # datetime before date: a datetime is a date, and the more specific hook must win.
    c.register_structure_hook(dt.datetime, _structure_datetime)
    c.register_unstructure_hook(dt.datetime, _unstructure_datetime)
    c.register_structure_hook(dt.date, _structure_date)
    c.register_unstructure_hook(dt.date, dt.date.isoformat)
    c.register_structure_hook(YearMonth, _structure_year_month)
    c.register_unstructure_hook(YearMonth, str)
    c.register_structure_hook(DocumentNumber, _structure_document_number)
    c.register_unstructure_hook(DocumentNumber, str)
    c.register_structure_hook(IndexNumber, _structure_index_number)
    c.register_structure_hook_factory(_is_sequence, _strict_sequence_factory)
    c.register_structure_hook_factory(attrs.has, _strict_object_factory)
    c.register_structure_hook_factory(_is_optional, _optional_factory)
    c.register_unstructure_hook_factory(_is_optional, _optional_unstructure_factory)
    c.register_unstructure_hook_factory(_is_homogeneous_tuple, _sequence_unstructure_factory)
    c.register_unstructure_hook(IndexNumber, str)
    c.register_unstructure_hook_factory(_is_model_object, lambda cls: _unstructure_function(cls, c))
    # The statutory tables: counts are non-negative integers (null where blank); a table is written whole,
    # every cell included, so it keeps its shape; the format tag picks the tables' class.
    c.register_structure_hook_func(_is_count, _structure_count)
    c.register_unstructure_hook_factory(
        _is_table_part, lambda cls: make_dict_unstructure_fn(cls, c, _cattrs_omit_if_default=False)
    )
    c.register_structure_hook_func(_is_tables, _tables_hook(c))
    return c


_converter: Final = _make_converter(detailed=True)
"""The converter that finds every error of a document and its JSON path (and the one the schema follows)."""

_fast: Final = _make_converter(detailed=False)
"""The same configuration without cattrs' error collection: the hot path of :func:`from_dict` and
:func:`loads`. Whatever it cannot build is built again by :data:`_converter`, so the result, or the
:class:`LoadError`, is always that of :data:`_converter` (tests check that the two accept the same)."""


@attrs.frozen
class _JsonCodec:
    """A JSON library: the stdlib's ``json``, or ``orjson`` where it is installed (the ``fast`` extra)."""

    name: str
    write: Callable[[Any, int | None], str]
    """Data to text, compact (``None``) or indented; any exception falls back to the stdlib writer."""
    parse_canonical: Callable[[str | bytes], Any] | None = None
    """Text exactly as :func:`dumps` writes it (compact, or indented by 2 with its final newline) to data;
    :class:`ValueError` for any other text, which then takes the stdlib path (see :func:`loads`)."""


def _stdlib_write(data: Any, indent: int | None) -> str:
    # Compact output uses the C encoder; indented output goes through json's pure-Python encoder (slower).
    if indent is None:
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return json.dumps(data, ensure_ascii=False, indent=indent)


_STDLIB: Final = _JsonCodec("json", _stdlib_write)


def _orjson_codec() -> _JsonCodec | None:
    try:
        import orjson
    except ImportError:
        return None

    def write(data: Any, indent: int | None) -> str:
        # orjson writes exactly what the stdlib writes (tests compare them), but only compact or indented by
        # 2, and only integers of 64 bits: anything else raises and goes to the stdlib writer.
        if indent is None:
            return orjson.dumps(data).decode()
        if indent != 2:
            raise ValueError("orjson indents by 2 only")
        return orjson.dumps(data, option=orjson.OPT_INDENT_2).decode()

    indented = orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE

    def parse_canonical(text: str | bytes) -> Any:
        # orjson keeps the last of a key given twice, silently, where the stdlib's hook finds it. Text that
        # orjson writes back byte for byte has no such key (a duplicate would be missing from the copy), nor
        # a lone surrogate (orjson refuses one), so only such text is read by orjson: what dumps and dump
        # wrote, the usual input. Anything else (hand-edited, other writers) takes the stdlib path.
        data = orjson.loads(text)
        raw = text.encode() if isinstance(text, str) else text
        again = orjson.dumps(data, option=indented) if raw[:2] == b"{\n" else orjson.dumps(data)
        if again != raw:
            raise ValueError("not as dumps writes it")
        return data

    # orjson reads an integer beyond 64 bits as a float, which it writes back otherwise: such text takes
    # the stdlib path, which reads it exactly.
    return _JsonCodec("orjson", write, parse_canonical)


_JSON: Final = _orjson_codec() or _STDLIB
"""The JSON library of the fast path: orjson if installed, else the stdlib."""


def _describe(exc: BaseException, type_: type | None) -> str:
    if isinstance(exc, KeyError):
        return "required field missing"
    if isinstance(exc, ForbiddenExtraKeysError):
        names = ", ".join(repr(name) for name in sorted(exc.extra_fields))
        known = ", ".join(repr(a.name) for a in attrs.fields(exc.cl))
        return f"unknown field {names}; expected one of {known}"
    if isinstance(exc, ValueError | TypeError) and str(exc):
        return str(exc)
    return cattrs.v.format_exception(exc, type_)


def _issues(exc: BaseException) -> list[LoadIssue]:
    issues = []
    for line in cattrs.transform_error(exc, path="$", format_exception=_describe):
        message, _, path = line.rpartition(" @ ")
        issues.append(LoadIssue(path=path, message=message))
    return issues


def to_dict(obj: Any) -> dict[str, Any]:
    """The JSON-ready dict of a model object; a report's starts with its ``schema_version``.

    >>> from govdisclosure.model import DisclosureReport, ReportFormat
    >>> to_dict(DisclosureReport(title="示例", year=2014, format=ReportFormat.NARRATIVE))
    {'schema_version': 1, 'title': '示例', 'year': 2014, 'format': 'narrative'}
    """
    data: dict[str, Any] = _converter.unstructure(obj)
    if isinstance(obj, DisclosureReport):
        return {"schema_version": SCHEMA_VERSION, **data}
    return data


@overload
def from_dict(data: Mapping[str, Any], *, source: str | None = None) -> DisclosureReport: ...


@overload
def from_dict(data: Mapping[str, Any], cls: type[T], *, source: str | None = None) -> T: ...


def from_dict(
    data: Mapping[str, Any], cls: type[Any] = DisclosureReport, *, source: str | None = None
) -> Any:
    """Build a model object from JSON-ready data; :class:`LoadError` names every problem by JSON path.

    For a report (the default ``cls``), ``schema_version`` must be present and supported.
    """
    if not isinstance(data, Mapping):
        raise LoadError(
            [LoadIssue("$", f"expected a JSON object, got {type(data).__name__}")], source=source
        )
    if cls is DisclosureReport:
        data = dict(data)
        _check_version(data.pop("schema_version", None), source)
        _check_year(data, source)
    try:
        with types_checked():  # the converter checks every value's type: the constructors need not
            return _fast.structure(data, cls)
    except Exception:  # the detailed converter finds the error again, with its path
        pass
    return _structure_detailed(data, cls, source)


def _check_version(version: object, source: str | None) -> None:
    # type() as well: true == 1 and 1.0 == 1 in Python, and neither is the version 1.
    if type(version) is not int or version != SCHEMA_VERSION:
        problem = (
            "required field missing" if version is None else f"unsupported version {version!r}"
        )
        raise LoadError(
            [LoadIssue("$.schema_version", f"{problem}; this release reads {SCHEMA_VERSION}")],
            source=source,
        )


def _check_year(data: dict[str, Any], source: str | None) -> None:
    """A report's year: an integer in :data:`~govdisclosure.model.REPORT_YEARS`, or null where unknown.
    Version 1 files of earlier releases wrote an unknown year as 0: read as null (unknown), as meant."""
    year = data.get("year")
    if type(year) is not int:
        return  # null, missing or not an integer: the converter says so
    if year == 0:
        data["year"] = None
    elif year not in REPORT_YEARS:
        raise LoadError(
            [
                LoadIssue(
                    "$.year",
                    f"expected a year from {REPORT_YEARS.start} to {REPORT_YEARS.stop - 1} "
                    f"(or null where unknown), got {year}",
                )
            ],
            source=source,
        )


def _structure_detailed(data: Mapping[str, Any], cls: type[Any], source: str | None) -> Any:
    try:
        with types_checked():
            return _converter.structure(data, cls)
    except RecursionError:
        raise LoadError(
            [LoadIssue("$", "nested too deeply to read (sections hundreds of levels deep)")],
            source=source,
        ) from None
    except Exception as exc:  # cattrs gathers every error of the document into one exception group
        raise LoadError(_issues(exc), source=source) from exc


def dumps(report: DisclosureReport, *, indent: int | None = None) -> str:
    """The report as JSON: UTF-8 text with Chinese unescaped, keys in model order, defaults omitted.

    By default on one line without spaces: the form for programs, and the fastest (the stdlib's ``json``
    indents in pure Python, about three times slower). ``indent=2`` gives the form for people, ending with
    a newline, as :func:`dump` writes files. The text is the same whether orjson is installed or not.

    >>> from govdisclosure.model import DisclosureReport, ReportFormat
    >>> dumps(DisclosureReport(title="示例", year=2014, format=ReportFormat.NARRATIVE))
    '{"schema_version":1,"title":"示例","year":2014,"format":"narrative"}'
    """
    data = to_dict(report)
    try:
        text = _JSON.write(data, indent)
    except Exception:
        text = _stdlib_write(data, indent)
    return text + "\n" if indent is not None else text


class _DuplicateKey(ValueError):
    pass


def _unique_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """``json.loads``' object hook: a dict, or :class:`_DuplicateKey` where a key is given twice (the
    stdlib and orjson would silently keep the last, so a hand-edited file could lose a figure)."""
    data = dict(pairs)
    if len(data) != len(pairs):
        raise _DuplicateKey
    return data


class _Pairs(list[tuple[str, Any]]):
    """An object as its list of pairs, duplicates kept: to find where a duplicate key is."""


def _duplicate_path(text: str | bytes) -> str:
    """The JSON path of the first key given twice in an object of ``text`` (which has one)."""

    def walk(node: Any, path: str) -> str | None:
        if isinstance(node, _Pairs):
            seen: set[str] = set()
            for key, value in node:
                here = f"{path}.{key}"
                if key in seen:
                    return here
                seen.add(key)
                found = walk(value, here)
                if found is not None:
                    return found
        elif isinstance(node, list):
            for i, item in enumerate(node):
                found = walk(item, f"{path}[{i}]")
                if found is not None:
                    return found
        return None

    return walk(json.loads(text, object_pairs_hook=_Pairs), "$") or "$"


# A surrogate escape (\ud800) or a raw surrogate: such a document goes to the detailed converter, whose
# string hook names the field (a lone surrogate can be written by no encoding and breaks every output).
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _may_hold_surrogates(text: str | bytes) -> bool:
    if isinstance(text, bytes | bytearray):
        return (
            b"\\u" in text and _SURROGATE_ESCAPE.search(text.decode("utf-8", "replace")) is not None
        )
    if "\\u" in text and _SURROGATE_ESCAPE.search(text):
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _read_json(text: str | bytes, source: str | None) -> Any:
    """JSON text to data; :class:`LoadError` for malformed text, duplicate keys, integers too long to
    read, nesting too deep for the reader."""

    def error(message: str, path: str = "$") -> LoadError:
        return LoadError([LoadIssue(path, message)], source=source)

    try:
        return json.loads(text, object_pairs_hook=_unique_object)
    except json.JSONDecodeError as exc:
        raise error(f"malformed JSON at line {exc.lineno} column {exc.colno}: {exc.msg}") from None
    except UnicodeDecodeError as exc:
        raise error(f"not UTF-8 text: {exc.reason} at byte {exc.start}") from None
    except _DuplicateKey:
        raise error("the key is given twice in its object", _duplicate_path(text)) from None
    except RecursionError:
        raise error(
            "nested too deeply to read (arrays or objects hundreds of levels deep)"
        ) from None
    except (
        ValueError
    ) as exc:  # an integer of more digits than int() reads (sys.get_int_max_str_digits)
        raise error(f"unreadable number: {_shorten(str(exc))}") from None


def _read_canonical(text: str | bytes) -> Any:
    """The data of text as :func:`dumps` writes it, read by orjson (where installed); else ``None``."""
    if _JSON.parse_canonical is None:
        return None
    try:
        return _JSON.parse_canonical(text)
    except (
        Exception
    ):  # not canonical, or not JSON at all: the stdlib path reads it and names any error
        return None


def _shorten(message: str, limit: int = 200) -> str:
    return message if len(message) <= limit else message[: limit - 1] + "…"


def loads(text: str | bytes, *, source: str | None = None) -> DisclosureReport:
    """Read a report from JSON text; :class:`LoadError` on malformed JSON (line and column) or bad data.

    Stricter than JSON itself: a key given twice in an object, a lone surrogate in a string, a decimal
    with other than ASCII digits, a time with a fraction of a second or a time zone are errors with their JSON path.
    Text as :func:`dumps` or :func:`dump` writes it is read by orjson where it is installed (checked to be
    that text byte for byte); any other by the standard library's ``json``, which can report duplicate keys.
    """
    data = _read_canonical(text)
    canonical = data is not None  # then it holds no lone surrogate either
    if not canonical:
        data = _read_json(text, source)
    if not isinstance(data, dict):
        raise LoadError(
            [LoadIssue("$", f"expected a JSON object, got {type(data).__name__}")], source=source
        )
    _check_version(data.pop("schema_version", None), source)
    _check_year(data, source)
    if canonical or not _may_hold_surrogates(text):
        try:  # the fast path: no error collection; whatever it does not build is built again below
            with (
                types_checked()
            ):  # the converter checks every value's type: the constructors need not
                report: DisclosureReport = _fast.structure(data, DisclosureReport)
            return report
        except RecursionError:
            raise LoadError(
                [LoadIssue("$", "nested too deeply to read (sections hundreds of levels deep)")],
                source=source,
            ) from None
        except Exception:
            pass
    return _structure_detailed(data, DisclosureReport, source)  # type: ignore[no-any-return]


def load(path: str | os.PathLike[str]) -> DisclosureReport:
    """Read a report from a JSON file; errors name the file. :class:`OSError` if it cannot be read."""
    path = Path(path)
    return loads(path.read_bytes(), source=str(path))


def dump(report: DisclosureReport, path: str | os.PathLike[str]) -> None:
    """Write a report to a JSON file atomically (a temporary file beside it, then a rename), indented by 2."""
    write_atomic(path, dumps(report, indent=2).encode("utf-8"))
