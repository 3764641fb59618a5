"""JSON with and without orjson, and the fast path against the converter that reports errors.

``loads``/``dumps`` use orjson when it is installed (the ``fast`` extra) and the stdlib's ``json`` otherwise;
``from_dict``/``loads`` first try a converter without cattrs' error collection. Neither may change a result:
the same text out, the same report or the same errors in. Each backend is tested here in one run, whichever
is installed by default (the orjson half is skipped where orjson is missing).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govdisclosure import (
    DisclosureReport,
    LoadError,
    Quantity,
    ReportFormat,
    Section,
    StatutoryTablesV2021,
    Table3V2021,
    dumps,
    from_dict,
    loads,
    to_dict,
)
from govdisclosure.model import TablePart
from govdisclosure.serialize import _converter as conv
from tests.strategies import reports

BACKENDS = ["json", "orjson"]


def _codec(name: str) -> Any:
    if name == "json":
        return conv._STDLIB
    pytest.importorskip("orjson")
    return conv._orjson_codec()


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run the test with ``loads``/``dumps`` on this JSON library."""
    monkeypatch.setattr(conv, "_JSON", _codec(request.param))
    return str(request.param)


def _outcome(load: Any, *args: Any) -> tuple[str, object]:
    try:
        return ("ok", load(*args))
    except LoadError as exc:
        return ("error", (exc.issues, str(exc)))


fixture_settings = settings(suppress_health_check=[HealthCheck.function_scoped_fixture])


@fixture_settings
@given(report=reports())
def test_round_trip_is_exact_on_each_backend(backend: str, report: DisclosureReport) -> None:
    assert loads(dumps(report)) == report
    for indent in (None, 2):
        text = dumps(report, indent=indent)
        assert dumps(loads(text), indent=indent) == text
        assert loads(text.encode("utf-8")) == report


@given(reports())
def test_both_backends_write_the_same_text(report: DisclosureReport) -> None:
    data = to_dict(report)
    for indent in (None, 2):
        assert _codec("orjson").write(data, indent) == conv._STDLIB.write(data, indent)


def test_indented_and_compact_forms(backend: str) -> None:
    report = DisclosureReport(title="示例", year=2014, format=ReportFormat.NARRATIVE)
    assert dumps(report) == '{"schema_version":1,"title":"示例","year":2014,"format":"narrative"}'
    assert dumps(report, indent=2) == (
        '{\n  "schema_version": 1,\n  "title": "示例",\n  "year": 2014,\n  "format": "narrative"\n}\n'
    )
    # Indents orjson does not offer come from the stdlib.
    assert dumps(report, indent=4).startswith('{\n    "schema_version": 1,')


def test_integers_beyond_64_bits_round_trip(backend: str) -> None:
    # orjson writes no integer beyond 64 bits and reads one as a float; both fall back to the stdlib.
    tables = StatutoryTablesV2021(t3=Table3V2021.from_rows({"received": {"total": 2**70}}))
    report = DisclosureReport(
        title="t",
        year=2014,
        format=ReportFormat.V2021,
        body=[Section(quantities=[Quantity(2**80, "个")])],
        tables=tables,
    )
    text = dumps(report)
    assert str(2**80) in text
    assert loads(text) == report


BAD_TEXTS = {
    "truncated": b'{"schema_version": 1, "title": "t"',
    "not UTF-8": b'{"schema_version": 1, "title": "\xff"}',
    "BOM in str": '\ufeff{"schema_version": 1}',
    "version true": '{"schema_version": true, "title": "t", "year": 2014, "format": "narrative"}',
    "version 1.0": '{"schema_version": 1.0, "title": "t", "year": 2014, "format": "narrative"}',
    "version huge": '{"schema_version": 100000000000000000000001}',
    "year a float": '{"schema_version": 1, "title": "t", "year": 2014.0, "format": "narrative"}',
    "year NaN": '{"schema_version": 1, "title": "t", "year": NaN, "format": "narrative"}',
    "unknown key": '{"schema_version": 1, "titel": "t", "year": 2014, "format": "narrative"}',
    "an array": "[1, 2]",
    "negative cell": json.dumps(
        {
            "schema_version": 1,
            "title": "t",
            "year": 2021,
            "format": "2021",
            "tables": {"version": "2021", "t4": {"review": {"total": -1}}},
        }
    ),
}


@pytest.mark.parametrize("text", BAD_TEXTS.values(), ids=BAD_TEXTS.keys())
def test_each_backend_reports_the_same_errors(
    text: str | bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    outcomes = []
    for name in BACKENDS:
        monkeypatch.setattr(conv, "_JSON", _codec(name))
        outcomes.append(_outcome(loads, text))
    assert outcomes[0][0] == "error"
    assert outcomes[1] == outcomes[0]


def test_what_the_errors_say(backend: str) -> None:
    with pytest.raises(LoadError, match=r"\$: malformed JSON at line 1 column 35"):
        loads(BAD_TEXTS["truncated"])
    with pytest.raises(LoadError, match=r"\$: not UTF-8 text"):
        loads(BAD_TEXTS["not UTF-8"])
    with pytest.raises(LoadError, match=r"\$\.schema_version: unsupported version True"):
        loads(BAD_TEXTS["version true"])
    with pytest.raises(LoadError, match=r"\$\.year: expected an integer, got nan"):
        loads(BAD_TEXTS["year NaN"])
    with pytest.raises(LoadError, match=r"\$\.tables\.t4\.review\.total: expected a count"):
        loads(BAD_TEXTS["negative cell"])
    # A BOM before UTF-8 bytes is allowed (the stdlib reads it); an integer beyond 64 bits is an integer,
    # and a year beyond the years a report can be on is refused where it is.
    assert loads(b"\xef\xbb\xbf" + dumps(_small()).encode()) == _small()
    big = to_dict(_small()) | {"year": 10**30}
    with pytest.raises(
        LoadError, match=r"\$\.year: expected a year from 1900 to 2199 .* got 10{30}"
    ):
        loads(json.dumps(big))
    # An unknown year, which earlier releases wrote as 0, reads as None (unknown).
    assert loads(json.dumps(to_dict(_small()) | {"year": 0})).year is None


def _small() -> DisclosureReport:
    return DisclosureReport(title="t", year=2014, format=ReportFormat.NARRATIVE)


# --- the fast converter against the detailed one -------------------------------------------------------------

JUNK = [None, "", "x", "12", "2014-12", -1, 0, 1, 2**70, 1.5, True, [], ["x"], {}, {"x": 1}]


def _places(data: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every place in JSON data: each object member and each array element, depth first."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield (*path, key)
            yield from _places(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield (*path, index)
            yield from _places(value, (*path, index))


def _edit(data: Any, path: tuple[Any, ...], action: str, junk: object) -> Any:
    """A deep copy of ``data`` with the place at ``path`` replaced, removed, or given an unknown sibling."""
    data = json.loads(json.dumps(data))
    *parents, last = path
    container = data
    for key in parents:
        container = container[key]
    if action == "replace":
        container[last] = junk
    elif action == "remove":
        del container[last]
    elif isinstance(container, dict):
        container["unknown_" + str(last)] = junk
    else:
        container.append(junk)
    return data


def _detailed(data: dict[str, Any]) -> tuple[str, object]:
    """The outcome through the converter that reports errors, without any fast path."""

    def run() -> DisclosureReport:
        rest = dict(data)
        conv._check_version(rest.pop("schema_version", None), None)
        conv._check_year(rest, None)  # both entry points check the year (with its path) first
        return conv._structure_detailed(rest, DisclosureReport, None)  # type: ignore[no-any-return]

    return _outcome(run)


EDITS = st.tuples(
    st.integers(0), st.sampled_from(["replace", "remove", "add"]), st.sampled_from(JUNK)
)


@fixture_settings
@given(report=reports(max_depth=2), edits=st.lists(EDITS, min_size=1, max_size=20))
def test_fast_path_builds_exactly_what_the_detailed_converter_builds(
    backend: str, report: DisclosureReport, edits: list[tuple[int, str, object]]
) -> None:
    data = to_dict(report)
    places = list(_places(data))
    for index, action, junk in edits:
        path = places[index % len(places)]
        edited = _edit(data, path, action, junk)
        expected = _detailed(edited)
        assert _outcome(from_dict, edited) == expected, (path, action, junk)
        assert _outcome(loads, json.dumps(edited, ensure_ascii=False)) == expected
        # The fast converter alone never builds what the detailed one refuses, nor anything else.
        body = {k: v for k, v in edited.items() if k != "schema_version"}
        try:
            fast: object = conv._fast.structure(body, DisclosureReport)
        except Exception:
            fast = None
        if expected[0] == "ok":
            assert fast in (
                expected[1],
                None,
            )  # None: the fast one gave up, the detailed one built it
        elif path != ("schema_version",):  # the fast converter does not see the version
            assert fast is None, (path, action, junk)


def test_orjson_reads_only_text_as_dumps_writes_it() -> None:
    # orjson silently keeps the last of a key given twice: it may read only what it writes back unchanged.
    parse = _codec("orjson").parse_canonical
    report = DisclosureReport(title="示例", year=2014, format=ReportFormat.NARRATIVE)
    for indent in (None, 2):
        text = dumps(report, indent=indent)
        assert parse(text) == parse(text.encode("utf-8")) == json.loads(text)
    for other in (
        dumps(report, indent=2).rstrip("\n"),  # no final newline
        dumps(report).replace(",", ", "),  # another writer's spacing
        dumps(report).replace('"title":"示例"', '"title":"甲","title":"示例"'),
    ):
        with pytest.raises(ValueError, match="not as dumps writes it"):
            parse(other)


@pytest.mark.parametrize("indent", [None, 2])
def test_a_key_given_twice_in_text_as_dumps_writes_it_is_an_error(
    backend: str, indent: int | None
) -> None:
    report = DisclosureReport(
        title="示例", year=2014, format=ReportFormat.NARRATIVE, body=[Section(heading="一")]
    )
    text = dumps(report, indent=indent)
    key = '"heading":' if indent is None else '"heading": '
    text = text.replace(key, f'{key}"二",{" " if indent else ""}{key}', 1)
    with pytest.raises(LoadError) as caught:
        loads(text)
    assert caught.value.issues[0].path == "$.body[0].heading"
    assert "twice" in caught.value.issues[0].message


@fixture_settings
@given(report=reports(max_depth=2), edits=st.lists(EDITS, min_size=1, max_size=10))
def test_text_as_dumps_writes_it_loads_as_the_detailed_converter_builds(
    backend: str, report: DisclosureReport, edits: list[tuple[int, str, object]]
) -> None:
    # The text orjson may read (see above): edited data written as dumps writes, compact and indented.
    data = to_dict(report)
    places = list(_places(data))
    for index, action, junk in edits:
        edited = _edit(data, places[index % len(places)], action, junk)
        expected = _detailed(edited)
        for indent in (None, 2):
            text = conv._STDLIB.write(edited, indent) + ("\n" if indent else "")
            assert _outcome(loads, text) == expected


def _written_keys(obj: Any, data: Any) -> Iterator[tuple[list[str], list[str]]]:
    """(keys an object writes by the JSON format's rule, keys written) for each model object within."""
    if attrs.has(type(obj)) and isinstance(data, dict):  # not a value written as a string (索引号)
        whole = isinstance(obj, TablePart)  # a table is written whole, every cell
        expected = []
        for field in attrs.fields(type(obj)):
            default = field.default
            if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
                default = default.factory()
            value = getattr(obj, field.name)
            if whole or default is attrs.NOTHING or value != default:
                expected.append(field.name)
        yield expected, [k for k in data if k != "schema_version"]
        for name in expected:
            if name in data:
                yield from _written_keys(getattr(obj, name), data[name])
    elif isinstance(obj, tuple) and isinstance(data, list):
        for item, written in zip(obj, data, strict=True):
            yield from _written_keys(item, written)


@given(reports())
def test_each_object_writes_its_fields_in_order_but_those_at_their_default(
    report: DisclosureReport,
) -> None:
    for expected, written in _written_keys(report, to_dict(report)):
        assert written == expected
