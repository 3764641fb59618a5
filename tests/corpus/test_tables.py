"""The tidy tables: their columns and types are pinned, their rows are right, they round-trip."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

import govdisclosure.corpus as corpus
from govdisclosure import load
from govdisclosure.cli import main
from govdisclosure.corpus import (
    CELLS,
    DIAGNOSTICS,
    PAIRS,
    PASSAGES,
    REPORTS,
    TABLES,
    process_file,
    process_files,
    read_table,
    to_dataframe,
)
from govdisclosure.corpus._records import report_row, rows
from tests.corpus.helpers import SEED_JSON, STATUTORY_JSON, extra, folder

# Written by hand: changing a name or a type here is a breaking change for every user's analysis.
PINNED = {
    "reports": [
        ("file", "string"),
        ("source", "string"),
        ("status", "string"),
        ("error", "string"),
        ("publisher", "string"),
        ("year", "int64"),
        ("format", "string"),
        ("title", "string"),
        ("document_date", "date"),
        ("published_at", "datetime"),
        ("index_number", "string"),
        ("document_number", "string"),
        ("sections", "int64"),
        ("characters", "int64"),
        ("has_tables", "bool"),
        ("errors", "int64"),
        ("warnings", "int64"),
        ("infos", "int64"),
        ("publisher_key", "string"),
        ("source_url", "string"),
        ("column", "string"),
        ("first_seen", "datetime"),
        ("last_changed", "datetime"),
    ],
    "cells": [
        ("file", "string"),
        ("table", "string"),
        ("block", "string"),
        ("row_key", "string"),
        ("row_label", "string"),
        ("column_key", "string"),
        ("column_label", "string"),
        ("kind", "string"),
        ("value", "string"),
        ("value_int", "int64"),
        ("unit", "string"),
        ("blank", "bool"),
    ],
    "diagnostics": [
        ("file", "string"),
        ("source", "string"),
        ("code", "string"),
        ("severity", "string"),
        ("path", "string"),
        ("message", "string"),
        ("message_en", "string"),
        ("expected", "string"),
        ("found", "string"),
        ("offset", "int64"),
        ("previous_file", "string"),
    ],
    "pairs": [
        ("file_a", "string"),
        ("file_b", "string"),
        ("publisher_a", "string"),
        ("publisher_b", "string"),
        ("year_a", "int64"),
        ("year_b", "int64"),
        ("relation", "string"),
        ("jaccard", "float64"),
        ("containment", "float64"),
        ("verdict", "string"),
    ],
    "passages": [
        ("file_a", "string"),
        ("file_b", "string"),
        ("path_a", "string"),
        ("offset_a", "int64"),
        ("path_b", "string"),
        ("offset_b", "int64"),
        ("length", "int64"),
        ("text", "string"),
    ],
    "rates": [
        ("file", "string"),
        ("measure", "string"),
        ("label", "string"),
        ("numerator", "int64"),
        ("denominator", "int64"),
        ("value", "float64"),
        ("previous_file", "string"),
    ],
    "findings": [
        ("fingerprint", "string"),
        ("status", "string"),
        ("note", "string"),
        ("rule", "string"),
        ("severity", "string"),
        ("publisher_key", "string"),
        ("year", "int64"),
        ("path", "string"),
        ("expected", "string"),
        ("found", "string"),
        ("message", "string"),
        ("file", "string"),
    ],
    "review": [
        ("fingerprint", "string"),
        ("status", "string"),
        ("note", "string"),
        ("rule", "string"),
        ("severity", "string"),
        ("publisher_key", "string"),
        ("year", "int64"),
        ("path", "string"),
        ("expected", "string"),
        ("found", "string"),
        ("message", "string"),
        ("file", "string"),
    ],
    "lookalikes": [
        ("name_a", "string"),
        ("name_b", "string"),
        ("years_a", "string"),
        ("years_b", "string"),
        ("disjoint", "bool"),
    ],
}
PANDAS = {
    "string": "string",
    "int64": "Int64",
    "bool": "boolean",
    "date": "datetime64[s]",
    "datetime": "datetime64[s]",
    "float64": "float64",
}


def test_the_columns_and_types_are_pinned() -> None:
    assert {t.name: [(c.name, c.type.value) for c in t.columns] for t in TABLES} == PINNED


def test_the_package_documents_every_column() -> None:
    doc = corpus.__doc__ or ""
    for table, columns in PINNED.items():
        assert f"``{table}``" in doc
        for name, kind in columns:
            assert re.search(rf"^{name} +{kind} +\S", doc, re.MULTILINE), (table, name)


def test_a_report_row() -> None:
    row = dict(zip(REPORTS.names, report_row(process_file(STATUTORY_JSON)), strict=True))
    assert row == {
        "file": str(STATUTORY_JSON),
        "source": "json",
        "status": "ok",
        "error": None,
        "publisher": "清溪县自然资源局",
        "year": 2022,
        "format": "2021",
        "title": "清溪县自然资源局2022年政府信息公开工作年度报告",
        "document_date": dt.date(2023, 1, 16),
        "published_at": dt.datetime(2023, 1, 18, 9, 30),
        "index_number": "11350921MB0000000X/2023-00012",
        "document_number": None,
        "sections": row["sections"],
        "characters": row["characters"],
        "has_tables": True,
        "errors": 0,
        "warnings": 0,
        "infos": 0,
        "publisher_key": None,  # the measures give these: Measures.report_columns
        "source_url": None,
        "column": None,
        "first_seen": None,
        "last_changed": None,
    }
    report = load(STATUTORY_JSON)
    assert row["sections"] == sum(1 for _ in report.sections())
    assert row["characters"] == sum(
        len(p) for ref in report.sections() for p in ref.node.paragraphs
    )


def test_cells_are_the_tables_figures() -> None:
    report = load(STATUTORY_JSON)
    assert report.tables is not None
    cells = [
        dict(zip(CELLS.names, r, strict=True))
        for r in rows([process_file(STATUTORY_JSON)], "cells")
    ]
    by_key = {(c["table"], c["row_key"], c["column_key"]): c for c in cells}
    assert len(by_key) == len(cells)  # each cell once
    received = by_key["t3", "received", "natural_person"]
    assert (received["row_label"], received["column_label"]) == (
        "一、本年新收政府信息公开申请数量",
        "自然人",
    )
    assert (received["value"], received["value_int"], received["blank"]) == ("76", 76, False)
    fees = by_key["t2", "fees", "amount"]
    assert (fees["block"], fees["kind"], fees["value"], fees["value_int"], fees["unit"]) == (
        "第二十条第（八）项",
        "amount",
        "286.45",
        None,
        "万元",
    )
    review = by_key["t4", "review", "total"]
    assert (review["row_label"], review["value_int"]) == ("行政复议", report.tables.t4.review.total)
    # every stored cell of 三, by the model's own accessors
    for spec in report.tables.t3.data_rows():
        row = getattr(report.tables.t3.rows, spec.key)
        for column in row.COLUMNS:
            assert by_key["t3", spec.key, column.key]["value_int"] == getattr(row, column.key)
    assert not any(c["table"] == "t3" and c["row_key"] == "withheld" for c in cells)  # computed


def test_blank_cells_are_blank_not_zero(tmp_path: Path) -> None:
    from govdisclosure import DisclosureReport, ReportFormat, StatutoryTablesV2019, dump

    report = DisclosureReport(
        title="某局2019年政府信息公开工作年度报告",
        year=2019,
        format=ReportFormat.V2019,
        tables=StatutoryTablesV2019(),
    )
    path = tmp_path / "blank.json"
    dump(report, path)
    cells = [dict(zip(CELLS.names, r, strict=True)) for r in rows([process_file(path)], "cells")]
    assert cells
    assert all(c["blank"] and c["value"] is None and c["value_int"] is None for c in cells)
    kinds = {c["kind"] for c in cells}
    assert kinds == {
        "count",
        "signed",
        "money",
    }  # the 2019 table 二 has changes and a procurement sum


def test_diagnostic_rows_name_their_source() -> None:
    result = process_file(SEED_JSON)
    found = [dict(zip(DIAGNOSTICS.names, r, strict=True)) for r in rows([result], "diagnostics")]
    assert [(d["source"], d["code"]) for d in found] == [
        ("validate", "GD102"),
        ("validate", "GD103"),
        ("validate", "GD104"),
    ]
    assert found[0]["expected"] == "2 + 4 + 35 = 41"
    assert found[0]["offset"] is None
    with pytest.raises(ValueError, match="no table 'pairs' of results"):
        list(rows([result], "pairs"))


def _frames(directory: Path) -> dict[str, object]:
    return {t.name: read_table(directory / f"{t.name}.csv") for t in TABLES}


def test_csv_round_trip_into_pandas(tmp_path: Path) -> None:
    pd = extra("pandas")
    files = [str(p) for p in folder(tmp_path / "in")]
    out = tmp_path / "out"
    assert main(["batch", "-j", "1", "--bom", "--no-measures", "-o", str(out), *files]) == 1
    results = list(process_files(files))
    for table in ("reports", "cells", "diagnostics"):
        read = read_table(out / f"{table}.csv")
        expected = to_dataframe(results, table)
        assert [str(t) for t in read.dtypes] == [PANDAS[k] for _, k in PINNED[table]]
        pd.testing.assert_frame_equal(read, expected)
    reports = read_table(out / "reports.csv")
    assert reports.loc[1, "published_at"] == pd.Timestamp("2023-01-18 09:30")
    assert reports["status"].tolist() == ["ok", "ok", "failed", "ok"]
    assert reports["year"].isna().tolist() == [False, False, True, False]
    # with the measures (the default), the publisher key; and every measures table reads back typed
    assert main(["batch", "-j", "1", "-o", str(tmp_path / "measured"), *files]) == 1
    keyed = read_table(tmp_path / "measured" / "reports.csv")
    # c_bad.json has no report; d.html's publisher is the agency its title names (某局)
    assert keyed["publisher_key"].isna().tolist() == [False, False, True, False]
    rates = read_table(tmp_path / "measured" / "rates.csv")
    assert str(rates["numerator"].dtype) == "Int64"
    assert str(rates["value"].dtype) == "float64"
    disclosed = rates[(rates.measure == "disclosed") & rates.value.notna()]
    assert disclosed[["numerator", "denominator"]].values.tolist() == [[44, 86]]


def test_empty_tables_keep_their_dtypes() -> None:
    extra("pandas")
    for table in TABLES:
        frame = table.to_dataframe([])
        assert list(frame.columns) == list(table.names)
        assert [str(t) for t in frame.dtypes] == [PANDAS[k] for _, k in PINNED[table.name]]


def test_parquet_round_trip(tmp_path: Path) -> None:
    pd = extra("pandas")
    pq = extra("pyarrow.parquet")
    files = [str(p) for p in folder(tmp_path / "in")]
    out = tmp_path / "out"
    assert main(["batch", "-j", "1", "--parquet", "-o", str(out), *files]) == 1
    for table in TABLES:
        arrow = pq.read_schema(out / f"{table.name}.parquet")
        assert arrow.names == list(table.names)
        assert arrow.equals(table.arrow_schema(), check_metadata=False)
    for table in ("reports", "cells", "diagnostics"):
        pd.testing.assert_frame_equal(
            read_table(out / f"{table}.parquet"), read_table(out / f"{table}.csv")
        )


def test_pairs_and_passages_csv_types() -> None:
    row = ("a.json", "b.json", "局", "局", 2021, 2022, "consecutive", 0.9, 0.93, "copied")
    assert PAIRS.csv_row(row)[7:] == ["0.900000", "0.930000", "copied"]
    assert PASSAGES.csv_row(("a", "b", "$.body[0].paragraphs[0]", 0, "$", 3, 31, "文"))[3] == "0"
