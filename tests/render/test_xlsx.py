"""The statutory tables as XLSX, read back with openpyxl: every figure as the model has it (a number, or an
empty cell where blank), every label as the reference prints it, the merged ranges of the reference's layout,
the page header, deterministic bytes, and LibreOffice opening the file."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import time
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings

from govdisclosure import DisclosureReport, ReportFormat, StatutoryTables
from govdisclosure.model import Money
from govdisclosure.render import NoTablesError, render, render_xlsx
from govdisclosure.render._grid import table_grid
from tests.render.golden import build
from tests.render.tables import expected_cells, statutory_report
from tests.strategies_tables import any_tables

openpyxl = pytest.importorskip("openpyxl")

SHEETS = [
    "表二 主动公开政府信息情况",
    "表三 收到和处理政府信息公开申请情况",
    "表四 政府信息公开行政复议、行政诉讼情况",
]


def _open(data: bytes) -> Any:
    return openpyxl.load_workbook(io.BytesIO(data))


def _same(read: object, value: object) -> bool:
    """A cell read back against the model's value: None is an empty cell, a number the same number."""
    if value is None:
        return read is None
    if isinstance(value, Money):
        value = value.yuan / value.unit.factor
    if isinstance(read, bool) or not isinstance(read, int | float):
        return False
    return Decimal(str(read)) == value


def _check_cells(tables: StatutoryTables, data: bytes) -> None:
    workbook = _open(data)
    assert workbook.sheetnames == SHEETS
    sheets = dict(zip(("t2", "t3", "t4"), workbook.worksheets, strict=True))
    places = {
        key: {cell.key: cell for cell in table_grid(tables, key).cells() if cell.role == "value"}
        for key in sheets
    }
    expected = expected_cells(tables)
    assert len(expected) == sum(len(p) for p in places.values())
    for cell in expected:
        place = places[cell.table][cell.key]
        read = sheets[cell.table].cell(row=place.row + 1, column=place.col + 1).value
        assert _same(read, cell.value), (cell, read)
        # Each figure's labels are in the sheet, in the row and the column headers above it.
        sheet = sheets[cell.table]
        texts = {str(c.value) for row in sheet.iter_rows() for c in row if isinstance(c.value, str)}
        assert set(cell.rows) | set(cell.columns) <= texts | {""}


def test_the_2021_example_cell_by_cell() -> None:
    report = build("statutory_2021")
    assert report.tables is not None
    _check_cells(report.tables, render_xlsx(report))


@settings(max_examples=10, deadline=None)
@given(tables=any_tables(ReportFormat.V2021) | any_tables(ReportFormat.V2019))
def test_any_tables_cell_by_cell(tables: StatutoryTables) -> None:
    _check_cells(tables, render_xlsx(statutory_report(tables)))


def test_merged_ranges_as_the_reference_lays_them_out() -> None:
    workbook = _open(render(build("statutory_2021"), "xlsx"))  # type: ignore[arg-type]
    t2, t3, t4 = (set(map(str, ws.merged_cells.ranges)) for ws in workbook.worksheets)
    # 表三: the corner (the 勾稽关系 note) over the three label columns and the three header rows; 申请人情况
    # over the seven applicant columns; 自然人 and 总计 down two rows; 法人或其他组织 over its five; 一、 and
    # 二、 across the label columns; 三、本年度办理结果 down its 22 rows (2021); 四、 across.
    assert {
        "A1:C3",
        "D1:J1",
        "D2:D3",
        "E2:I2",
        "J2:J3",
        "A4:C4",
        "A5:C5",
        "A6:A27",
        "A28:C28",
    } <= t3
    # （三）不予公开 down its eight rows, next to its eight sub-rows.
    assert "B8:B15" in t3
    # 表四: 行政复议 over five columns, 行政诉讼 over ten, then 未经复议直接起诉 and 复议后起诉 over five each;
    # the five leaves of 行政复议 down two header rows.
    assert {"A1:E1", "F1:O1", "F2:J2", "K2:O2", "A2:A3", "E2:E3"} <= t4
    # 表二: each block title across the four columns; 本年处理决定数量 and its figure across three.
    assert {"A1:D1", "A5:D5", "B6:D6", "B7:D7", "A8:D8", "A12:D12"} <= t2
    # No other merge than the grid's.
    for sheet, key in zip((t2, t3, t4), ("t2", "t3", "t4"), strict=True):
        report = build("statutory_2021")
        assert report.tables is not None
        spans = {
            (c.row, c.col, c.rowspan, c.colspan)
            for c in table_grid(report.tables, key).cells()
            if c.rowspan > 1 or c.colspan > 1
        }
        assert len(sheet) == len(spans)


def test_numbers_are_numbers_and_blanks_blank() -> None:
    workbook = _open(render_xlsx(build("statutory_2021")))
    t2, t3, t4 = workbook.worksheets
    assert t2["B3"].value == 0  # a zero is a zero, not blank
    assert t2["B3"].data_type == "n"
    assert t2["B14"].value == pytest.approx(286.45)
    assert t2["B14"].data_type == "n"
    assert t3["D4"].value == 76
    assert t4["A4"].value == 2
    # The header rows frozen below, the page header with publisher, year and source.
    assert t3.freeze_panes == "D4"
    assert t3.oddHeader.left.text == "清溪县自然资源局"
    assert t3.oddHeader.center.text == "2022年度 收到和处理政府信息公开申请情况"
    assert t3.oddHeader.right.text.startswith("来源：")
    assert t3.print_title_rows == "$1:$3"
    assert workbook.properties.title == "清溪县自然资源局2022年政府信息公开工作年度报告"


def test_blank_figures_are_empty_cells() -> None:
    from govdisclosure import blank_tables

    tables = blank_tables(ReportFormat.V2021)
    workbook = _open(render_xlsx(statutory_report(tables)))
    numbers = [
        c.value
        for ws in workbook.worksheets
        for row in ws.iter_rows()
        for c in row
        if not isinstance(c.value, str) and c.value is not None
    ]
    assert numbers == []


def test_deterministic_bytes() -> None:
    report = build("statutory_2021")
    first = render_xlsx(report)
    time.sleep(1.1)  # openpyxl stamps the time of saving, to the second
    assert render_xlsx(build("statutory_2021")) == first
    with zipfile.ZipFile(io.BytesIO(first)) as package:
        assert {info.date_time for info in package.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = package.read("docProps/core.xml").decode()
    assert ">2023-01-16T00:00:00Z</dcterms:modified>" in core  # 公文生成日期


def test_a_report_without_tables_is_refused(example_report: DisclosureReport) -> None:
    with pytest.raises(NoTablesError, match="no statutory tables"):
        render_xlsx(example_report)


SOFFICE = shutil.which("soffice")
# soffice without Calc (only Writer installed) exits 0 but cannot load a spreadsheet.
CALC = SOFFICE is not None and any(
    (Path(SOFFICE).resolve().parent / name).exists() for name in ("libsclo.so", "libsclo.dylib")
)


def test_libreoffice_opens_it(tmp_path: Path) -> None:
    if SOFFICE is None or not CALC:
        if os.environ.get("CI"):
            pytest.fail(
                "CI needs LibreOffice Calc (soffice) to check the XLSX: .ci/run installs it"
            )
        pytest.skip("no LibreOffice Calc (apt-get install libreoffice-calc-nogui)")
    path = tmp_path / "tables.xlsx"
    path.write_bytes(render_xlsx(build("statutory_2021")))
    done = subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "ods",
            "--outdir",
            str(tmp_path),
            str(path),
        ],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    # soffice exits 0 even where it could not load the file ("Error: source file could not be loaded").
    assert b"could not be loaded" not in done.stderr + done.stdout
    assert (tmp_path / "tables.ods").stat().st_size > 0


# --- the corpus's cells table as XLSX (batch --xlsx) ---------------------------------------------------


def test_batch_writes_the_cells_table_as_xlsx(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import csv

    from govdisclosure.cli import main
    from govdisclosure.corpus import CELLS
    from tests.corpus.helpers import SEED_JSON, STATUTORY_JSON

    out = tmp_path / "out"
    argv = ["batch", "-j", "1", "-o", str(out), "--xlsx", str(SEED_JSON), str(STATUTORY_JSON)]
    assert main(argv) == 0
    with (out / "cells.csv").open(encoding="utf-8", newline="") as f:
        expected = list(csv.reader(f))
    workbook = openpyxl.load_workbook(out / "cells.xlsx")
    assert workbook.sheetnames == ["cells"]
    rows = [list(row) for row in workbook["cells"].iter_rows(values_only=True)]
    assert rows[0] == list(CELLS.names) == expected[0]
    assert len(rows) == len(expected) > 100
    types = {c.name: c.type.value for c in CELLS.columns}
    for got, want in zip(rows[1:], expected[1:], strict=True):
        for name, value, text in zip(CELLS.names, got, want, strict=True):
            if text == "":
                assert value is None, name  # missing stays empty, never 0
            elif types[name] == "int64":
                assert value == int(text), name  # a number, not text
            elif types[name] == "float64":
                assert value == pytest.approx(float(text)), name
            elif types[name] == "bool":
                assert value is (text == "true"), name
            else:
                assert str(value) == text, name
    assert main(["batch", "--xlsx", str(SEED_JSON)]) == 2
    assert "--xlsx needs -o OUT" in capsys.readouterr().err


def test_xlsx_table_goes_on_to_a_new_sheet(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from govdisclosure.corpus import CELLS, _export

    monkeypatch.setattr(_export, "XLSX_ROWS", 2)
    table = _export.XlsxTable(tmp_path / "cells.xlsx", CELLS)
    row = [None] * len(CELLS.names)
    for n in range(5):
        table.write([f"f{n}\x01", *row[1:]])
    table.write(['=HYPERLINK("http://x")', *row[1:]])
    table.close()
    workbook = openpyxl.load_workbook(tmp_path / "cells.xlsx")
    assert workbook.sheetnames == ["cells", "cells 2", "cells 3"]
    firsts = [
        [r[0] for r in ws.iter_rows(min_row=2, values_only=True)] for ws in workbook.worksheets
    ]
    assert firsts == [
        ["f0\ufffd", "f1\ufffd"],
        ["f2\ufffd", "f3\ufffd"],
        ["f4\ufffd", '=HYPERLINK("http://x")'],
    ]
    # A value starting with = is text, never a formula.
    assert workbook.worksheets[2]["A3"].data_type == "s"
