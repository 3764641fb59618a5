"""JSON of the statutory tables: exact round trips, the layout, blank vs 0, errors by path, the schema."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from govdisclosure import (
    DisclosureReport,
    LoadError,
    Money,
    MoneyUnit,
    ReportFormat,
    StatutoryTables,
    StatutoryTablesV2019,
    StatutoryTablesV2021,
    Table2V2019,
    Table2V2021,
    Table3Row,
    Table3V2021,
    Table4,
    Table4Group,
    dumps,
    from_dict,
    json_schema,
    loads,
    to_dict,
)
from tests.strategies_tables import any_tables, consistent_tables

SCHEMA = json_schema()
VALIDATOR = jsonschema.Draft202012Validator(
    SCHEMA
)  # built once: jsonschema.validate re-checks the schema
STATUTORY = st.sampled_from([ReportFormat.V2019, ReportFormat.V2021])


def report_with(tables: StatutoryTables) -> DisclosureReport:
    return DisclosureReport(
        title="清溪县自然资源局2022年政府信息公开工作年度报告",
        year=2022,
        format=tables.version,
        tables=tables,
    )


@st.composite
def statutory_reports(draw: st.DrawFn) -> DisclosureReport:
    version = draw(STATUTORY)
    tables = draw(any_tables(version) | consistent_tables(version))
    return report_with(tables)


@given(statutory_reports())
def test_round_trip_with_tables_is_exact(report: DisclosureReport) -> None:
    text = dumps(report)
    assert loads(text) == report
    assert dumps(loads(text)) == text


@given(statutory_reports())
def test_statutory_json_matches_the_schema(report: DisclosureReport) -> None:
    VALIDATOR.validate(json.loads(dumps(report)))


def test_table_json_layout() -> None:
    t4 = Table4.from_groups({"行政复议": [2, 1, 0, 1, 4], "复议后起诉": {"尚未审结": 1, "总计": 1}})
    assert to_dict(t4) == {
        "review": {"upheld": 2, "corrected": 1, "other": 0, "pending": 1, "total": 4},
        "litigation_direct": {
            "upheld": None,
            "corrected": None,
            "other": None,
            "pending": None,
            "total": None,
        },
        "litigation_after_review": {
            "upheld": None,
            "corrected": None,
            "other": None,
            "pending": 1,
            "total": 1,
        },
    }


def test_the_paths_read_as_the_issue_writes_them() -> None:
    t3 = Table3V2021.from_rows({"（七）总计": {"自然人": 877}})
    data = to_dict(report_with(StatutoryTablesV2021(t3=t3)))
    # $.tables.t3.rows.total_handled.natural_person
    assert data["tables"]["t3"]["rows"]["total_handled"]["natural_person"] == 877
    assert data["tables"]["version"] == "2021"
    assert list(data) == ["schema_version", "title", "year", "format", "tables"]


def test_2019_tables_keep_signed_changes_and_money_as_written() -> None:
    t2 = Table2V2019.from_rows(
        {
            "行政许可": [40, -2, 1324],
            "行政事业性收费": [3, 1],
            "政府集中采购": [3, Money(Decimal("251000"))],
            "其他对外管理服务事项": [12, 0, 8],
        }
    )
    tables = StatutoryTablesV2019(t2=t2)
    rows = to_dict(tables)["t2"]["rows"]
    assert rows["licensing"] == {"items_last_year": 40, "change": -2, "decisions": 1324}
    assert rows["procurement"] == {"projects": 3, "amount": {"yuan": "251000"}}
    report = report_with(tables)
    assert loads(dumps(report)) == report
    wan = StatutoryTablesV2019(
        t2=Table2V2019.from_rows({"政府集中采购": [1, Money("251000", MoneyUnit.WAN_YUAN)]})
    )
    assert to_dict(wan)["t2"]["rows"]["procurement"]["amount"] == {"yuan": "251000", "unit": "万元"}


def test_2021_fee_is_a_decimal_string() -> None:
    tables = StatutoryTablesV2021(t2=Table2V2021.from_rows({"fees": ["286.45"]}))
    assert to_dict(tables)["t2"]["rows"]["fees"] == {"amount": "286.45"}


def test_blank_and_zero_stay_distinct_through_json() -> None:
    t3 = Table3V2021.from_rows({"received": [0, None, 0, 0, 0, 0, None]})
    report = report_with(StatutoryTablesV2021(t3=t3))
    data = json.loads(dumps(report))
    received = data["tables"]["t3"]["rows"]["received"]
    assert received["natural_person"] == 0
    assert received["commercial"] is None
    assert "total" in received
    assert received["total"] is None
    back = loads(dumps(report)).tables
    assert back is not None
    row = back.t3.rows.received
    assert (row.natural_person, row.commercial, row.total) == (0, None, None)
    assert row != Table3Row(0, 0, 0, 0, 0, 0, 0)


def test_a_table_is_written_whole() -> None:
    data = to_dict(StatutoryTablesV2021())
    rows = data["t3"]["rows"]
    assert len(rows) == 25
    assert all(list(row) == [c.key for c in Table3Row.COLUMNS] for row in rows.values())
    assert all(v is None for row in rows.values() for v in row.values())
    assert len(to_dict(StatutoryTablesV2019())["t3"]["rows"]) == 23


def _statutory_dict() -> dict[str, Any]:
    t3 = Table3V2021.from_rows({"received": [1, 0, 0, 0, 0, 0, 1]})
    return to_dict(report_with(StatutoryTablesV2021(t3=t3)))


@pytest.mark.parametrize(
    ("change", "path", "message"),
    [
        (lambda d: d["tables"].update(version="2020"), "$.tables.version", "'2019' or '2021'"),
        (lambda d: d["tables"].pop("version"), "$.tables.version", "required field missing"),
        (
            lambda d: d["tables"]["t3"]["rows"]["received"].update(total=-1),
            "$.tables.t3.rows.received.total",
            "0 or more",
        ),
        (
            lambda d: d["tables"]["t3"]["rows"]["received"].update(total="1"),
            "$.tables.t3.rows.received.total",
            "expected an integer",
        ),
        (
            lambda d: d["tables"]["t3"]["rows"]["received"].update(totl=1),
            "$.tables.t3.rows.received",
            "unknown field 'totl'",
        ),
        (
            lambda d: d["tables"]["t3"]["rows"].update(
                other_handling=d["tables"]["t3"]["rows"]["received"]
            ),
            "$.tables.t3.rows",
            "unknown field 'other_handling'",
        ),
        (
            lambda d: d["tables"]["t4"]["review"].update(upheld=1.0),
            "$.tables.t4.review.upheld",
            "expected an integer",
        ),
        (
            lambda d: d["tables"]["t2"]["rows"]["fees"].update(amount=1.5),
            "$.tables.t2.rows.fees.amount",
            "as a string",
        ),
        (
            lambda d: d.update(format="2019"),
            "$",
            "tables are of the 2021 format but the report's format is 2019",
        ),
        (
            lambda d: d.update(format="narrative"),
            "$",
            "narrative (pre-2019) report has no statutory tables",
        ),
    ],
)
def test_bad_tables_are_load_errors_at_their_path(change: Any, path: str, message: str) -> None:
    data = _statutory_dict()
    change(data)
    with pytest.raises(LoadError) as info:
        from_dict(data)
    assert info.value.issues[0].path == path
    assert message in info.value.issues[0].message


def test_schema_rejects_bad_tables() -> None:
    data = _statutory_dict()
    jsonschema.validate(data, SCHEMA)
    for change in (
        lambda d: d["tables"]["t3"]["rows"]["received"].update(total=-1),
        lambda d: d["tables"].update(version="2020"),
        lambda d: d["tables"].pop("version"),
        lambda d: d["tables"]["t4"].update(appeal={}),
    ):
        bad = _statutory_dict()
        change(bad)
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(bad, SCHEMA)


def test_schema_describes_the_cells_with_their_chinese_labels() -> None:
    defs = SCHEMA["$defs"]
    assert defs["Table3Row"]["properties"]["natural_person"]["description"] == "自然人"
    count = defs["Table4Group"]["properties"]["upheld"]["anyOf"][0]
    assert count == {"type": "integer", "minimum": 0, "description": "a count (0 or more)"}
    assert defs["StatutoryTablesV2019"]["properties"]["version"]["const"] == "2019"
    assert "version" in defs["StatutoryTablesV2021"]["required"]
    rows = defs["Table3RowsV2021"]["properties"]
    assert (
        rows["withheld_security_stability"]["description"] == "（三）不予公开 3.危及“三安全一稳定”"
    )
    assert "other_handling" not in rows
    assert "other_handling" in defs["Table3RowsV2019"]["properties"]
    group = defs["Table4Group"]["properties"]
    assert [group[c.key]["description"] for c in Table4Group.COLUMNS] == [
        "结果维持",
        "结果纠正",
        "其他结果",
        "尚未审结",
        "总计",
    ]
