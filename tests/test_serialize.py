"""JSON: exact round trips, errors by JSON path, and the schema."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given

from govdisclosure import (
    SCHEMA_VERSION,
    DisclosureReport,
    LoadError,
    Money,
    MoneyUnit,
    Quantity,
    ReportFormat,
    Section,
    dump,
    dumps,
    from_dict,
    json_schema,
    load,
    loads,
    to_dict,
)
from tests.strategies import reports

SCHEMA = json_schema()
VALIDATOR = jsonschema.Draft202012Validator(
    SCHEMA
)  # built once: jsonschema.validate re-checks the schema


@given(reports())
def test_json_round_trip_is_exact(report: DisclosureReport) -> None:
    assert loads(dumps(report)) == report
    assert from_dict(to_dict(report)) == report


@given(reports())
def test_dumps_is_stable(report: DisclosureReport) -> None:
    text = dumps(report)
    assert dumps(loads(text)) == text


@given(reports())
def test_every_report_matches_the_schema(report: DisclosureReport) -> None:
    VALIDATOR.validate(json.loads(dumps(report)))


def test_schema_is_a_valid_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_schema_describes_fields_with_their_chinese_terms() -> None:
    header = SCHEMA["$defs"]["Header"]["properties"]
    assert "索引号" in header["index_number"]["description"]
    assert "发布机构" in header["publisher"]["description"]


def test_schema_rejects_what_loads_rejects() -> None:
    bad = to_dict(DisclosureReport(title="t", year=2014, format=ReportFormat.NARRATIVE))
    bad["titel"] = "typo"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, SCHEMA)
    with pytest.raises(LoadError):
        from_dict(bad)


def test_json_format_choices() -> None:
    report = DisclosureReport(
        title="示例",
        year=2014,
        format=ReportFormat.NARRATIVE,
        body=[Section(amounts=[Money(Decimal("1.2894E+7"), MoneyUnit.WAN_YUAN)])],
    )
    text = dumps(report)
    assert '"示例"' in text  # Chinese unescaped
    data = json.loads(text)
    assert next(iter(data)) == "schema_version"
    assert data["schema_version"] == SCHEMA_VERSION
    assert data["body"][0]["amounts"][0] == {"yuan": "12894000", "unit": "万元"}
    assert "header" not in data  # defaults omitted


def _report_dict() -> dict[str, object]:
    return {
        "schema_version": 1,
        "title": "t",
        "year": 2014,
        "format": "narrative",
        "body": [
            {"paragraphs": ["a"]},
            {
                "children": [
                    {"quantities": [{"value": 1, "unit": "个"}, {"value": 2, "unit": "个"}]}
                ]
            },
        ],
    }


@pytest.mark.parametrize(
    ("change", "path", "message"),
    [
        (
            lambda d: d["body"][1]["children"][0]["quantities"][1].update(value="abc"),
            "$.body[1].children[0].quantities[1].value",
            "expected an integer, got 'abc'",
        ),
        (
            lambda d: d["body"][0].update(amounts=[{"yuan": "abc"}]),
            "$.body[0].amounts[0].yuan",
            "expected a decimal number, got 'abc'",
        ),
        (
            lambda d: d["body"][0].update(amounts=[{"yuan": 12.5}]),
            "$.body[0].amounts[0].yuan",
            "expected a decimal number as a string, got 12.5",
        ),
        (
            lambda d: d["body"][0].update(paragraphs=[1]),
            "$.body[0].paragraphs[0]",
            "expected a string, got 1",
        ),
        (lambda d: d.update(year="2014"), "$.year", "expected an integer, got '2014'"),
        (
            lambda d: d.update(format="2020"),
            "$.format",
            "expected one of 'narrative', '2019', '2021', got '2020'",
        ),
        (lambda d: d.pop("title"), "$.title", "required field missing"),
        (lambda d: d["body"][0].update(headnig="x"), "$.body[0]", "unknown field 'headnig'"),
        (
            lambda d: d.update(header={"document_date": "2014-12-4"}),
            "$.header.document_date",
            "expected a date as YYYY-MM-DD, got '2014-12-4'",
        ),
        (
            lambda d: d.update(header={"published_at": "2014-12-04"}),
            "$.header.published_at",
            "expected a date and time as YYYY-MM-DDTHH:MM",
        ),
        (
            lambda d: d.update(header={"document_number": "闽政办函[2014]130号"}),
            "$.header.document_number",
            "expected a document number written as 闽政办函〔2014〕130号",
        ),
        (
            lambda d: d["body"][0].update(disclosure={"as_of": "2014-13"}),
            "$.body[0].disclosure.as_of",
            "YYYY-MM",
        ),
        (
            lambda d: d["body"][0].update(paragraphs="abc"),
            "$.body[0].paragraphs",
            "expected an array, got 'abc'",
        ),
        (
            lambda d: d["body"][0].update(quantities=[{"value": -3, "unit": "个"}]),
            "$.body[0].quantities[0]",
            "value must not be negative, got -3",
        ),
        (lambda d: d.update(body={"a": 1}), "$.body", "expected an array, got {'a': 1}"),
        (lambda d: d["body"].append("x"), "$.body[2]", "expected an object"),
    ],
)
def test_load_errors_name_the_path_and_what_was_expected(change, path: str, message: str) -> None:  # type: ignore[no-untyped-def]
    data = _report_dict()
    change(data)
    with pytest.raises(LoadError) as info:
        loads(json.dumps(data))
    issues = {issue.path: issue.message for issue in info.value.issues}
    assert path in issues, issues
    assert message in issues[path]
    assert str(info.value).startswith(f"{path}: ")


def test_load_error_gathers_every_problem() -> None:
    data = _report_dict()
    data["year"] = "x"
    data["format"] = "y"
    with pytest.raises(LoadError) as info:
        from_dict(data)
    assert [i.path for i in info.value.issues] == ["$.year", "$.format"]
    assert str(info.value).endswith("(and 1 more)")


def test_malformed_json_reports_line_and_column() -> None:
    with pytest.raises(LoadError, match=r"malformed JSON at line 3 column 1"):
        loads('{\n  "title": "t",\n}')


def test_not_utf8() -> None:
    with pytest.raises(LoadError, match="not UTF-8"):
        loads(b"{}" + b"\xff")


@pytest.mark.parametrize(
    ("version", "message"),
    [
        (None, "required field missing"),
        (2, "unsupported version 2"),
        ("1", "unsupported version '1'"),
    ],
)
def test_schema_version_is_checked(version: object, message: str) -> None:
    data = _report_dict()
    if version is None:
        del data["schema_version"]
    else:
        data["schema_version"] = version
    with pytest.raises(LoadError, match=message) as info:
        from_dict(data)
    assert info.value.issues[0].path == "$.schema_version"


def test_top_level_must_be_an_object() -> None:
    with pytest.raises(LoadError, match="expected a JSON object, got list"):
        loads("[]")


def test_dump_and_load_files(tmp_path: Path) -> None:
    report = DisclosureReport(
        title="t",
        year=2014,
        format=ReportFormat.V2021,
        body=[Section(quantities=[Quantity(3, "件")])],
    )
    target = tmp_path / "r.json"
    dump(report, target)
    assert load(target) == report
    assert [p.name for p in tmp_path.iterdir()] == ["r.json"]  # no temporary file left behind
    target.write_text('{"schema_version": 1}', encoding="utf-8")
    with pytest.raises(LoadError, match=r"r\.json: \$\.title: required field missing"):
        load(target)


def test_failed_dump_leaves_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "r.json"
    target.write_text("old", encoding="utf-8")

    def boom(*args: object, **kwargs: object) -> str:
        raise RuntimeError("disk full")

    monkeypatch.setattr("govdisclosure.serialize._converter.dumps", boom)
    with pytest.raises(RuntimeError):
        dump(DisclosureReport(title="t", year=2014, format=ReportFormat.NARRATIVE), target)
    assert target.read_text(encoding="utf-8") == "old"
