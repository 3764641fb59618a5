"""Writing the tidy tables as they stream: CSV always, Parquet with pyarrow (``govdisclosure[parquet]``)."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from govdisclosure.corpus._corpus import CrossYear, Pair
from govdisclosure.corpus._process import DiagnosticSource, FileResult
from govdisclosure.corpus._records import (
    Row,
    cell_rows,
    diagnostic_row,
    diagnostic_rows,
    report_row,
    rows,
)
from govdisclosure.corpus._schema import PANDAS_DTYPES, TABLES, TableSchema, _optional

PARQUET_ROWS = 8_192
"""Rows buffered per Parquet row group: memory is bounded by this, not by the number of files."""


class CsvTable:
    """A CSV file of one table, written row by row: a header line of the column names, then the rows.

    UTF-8 without a BOM by default (what pandas, R, DuckDB and the ``csv`` module expect); ``bom=True``
    writes the BOM that Excel needs to recognise UTF-8 when a file is opened by double-click.
    """

    def __init__(self, path: Path, schema: TableSchema, *, bom: bool = False) -> None:
        self.path = path
        self.schema = schema
        encoding = "utf-8-sig" if bom else "utf-8"
        # closed by close(): a table stays open while the batch streams into it
        self._file: IO[str] = path.open("w", encoding=encoding, newline="")
        self._writer = csv.writer(self._file, lineterminator="\n")
        self._writer.writerow(schema.names)
        self.rows = 0

    def write(self, row: Sequence[object]) -> None:
        self._writer.writerow(self.schema.csv_row(row))
        self.rows += 1

    def close(self) -> None:
        self._file.close()


class ParquetTable:
    """A Parquet file of one table, written in row groups of :data:`PARQUET_ROWS` rows."""

    def __init__(self, path: Path, schema: TableSchema) -> None:
        self._pa = _optional("pyarrow", "parquet")
        parquet = _optional("pyarrow.parquet", "parquet")
        self.path = path
        self.schema = schema
        self._arrow = schema.arrow_schema()
        self._writer: Any = parquet.ParquetWriter(str(path), self._arrow)
        self._buffer: list[Sequence[object]] = []
        self.rows = 0

    def write(self, row: Sequence[object]) -> None:
        self._buffer.append(row)
        self.rows += 1
        if len(self._buffer) >= PARQUET_ROWS:
            self._flush()

    def _flush(self) -> None:
        if self._buffer:
            columns = list(zip(*self._buffer, strict=True))
            arrays = [
                self._pa.array(list(values), type=field.type)
                for values, field in zip(columns, self._arrow, strict=True)
            ]
            self._writer.write_batch(self._pa.record_batch(arrays, schema=self._arrow))
            self._buffer.clear()

    def close(self) -> None:
        self._flush()
        self._writer.close()


class Exporter:
    """The tidy tables of a batch, written into a directory as they stream in.

    ``reports.csv``, ``cells.csv``, ``diagnostics.csv``, ``pairs.csv`` and ``passages.csv`` (see the
    package documentation for their columns), and with ``parquet=True`` the same as ``.parquet`` beside
    them. Use it as a context manager; :meth:`write` takes a table's name and a row.
    """

    def __init__(self, directory: str | Path, *, parquet: bool = False, bom: bool = False) -> None:
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        if parquet:
            _optional("pyarrow", "parquet")  # fail before any file is written
        self._tables: dict[str, list[CsvTable | ParquetTable]] = {}
        try:
            for schema in TABLES:
                writers: list[CsvTable | ParquetTable] = [
                    CsvTable(self.directory / f"{schema.name}.csv", schema, bom=bom)
                ]
                if parquet:
                    writers.append(ParquetTable(self.directory / f"{schema.name}.parquet", schema))
                self._tables[schema.name] = writers
        except BaseException:
            self.close()
            raise

    def write(self, table: str, row: Sequence[object]) -> None:
        for writer in self._tables[table]:
            writer.write(row)

    def paths(self) -> list[Path]:
        """The files written, in table order."""
        return [w.path for writers in self._tables.values() for w in writers]

    def close(self) -> None:
        for writers in self._tables.values():
            for writer in writers:
                writer.close()

    def __enter__(self) -> Exporter:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


class TableSink:
    """A batch sink (:class:`~govdisclosure.corpus.Sink`) writing every result into an :class:`Exporter`:
    each file's report row, cells and diagnostics as it comes, then the cross-year diagnostics, the
    similar pairs and their passages."""

    def __init__(
        self, exporter: Exporter, report_columns: Callable[[FileResult], Row] | None = None
    ) -> None:
        self.exporter = exporter
        self.report_columns = report_columns  # the reports table's last columns (Measures)

    def result(self, result: FileResult) -> None:
        write = self.exporter.write
        extra = None if self.report_columns is None else self.report_columns(result)
        write("reports", report_row(result, extra))
        for row in cell_rows(result):
            write("cells", row)
        for row in diagnostic_rows(result):
            write("diagnostics", row)

    def cross_year(self, found: CrossYear) -> None:
        for d in found.diagnostics:
            self.exporter.write(
                "diagnostics",
                diagnostic_row(found.file, DiagnosticSource.CROSS_YEAR, d, found.previous_file),
            )

    def row(self, table: str, row: Row) -> None:
        """A row of the measures' tables (rates, findings, review, lookalikes)."""
        self.exporter.write(table, row)

    def pair(self, pair: Pair) -> None:
        self.exporter.write("pairs", pair.row())
        for row in pair.passage_rows():
            self.exporter.write("passages", row)


def schema(table: str) -> TableSchema:
    """The schema of a tidy table by name (``reports``, ``cells``, ``diagnostics``, ``pairs``,
    ``passages``); :class:`ValueError` naming them otherwise."""
    for candidate in TABLES:
        if candidate.name == table:
            return candidate
    raise ValueError(f"no table {table!r}: expected one of {', '.join(t.name for t in TABLES)}")


def to_dataframe(results: Iterable[FileResult], table: str = "reports") -> Any:
    """A tidy table of results (``reports``, ``cells`` or ``diagnostics``) as a
    :class:`pandas.DataFrame` with the documented columns and dtypes (needs ``govdisclosure[pandas]``).

    >>> import pytest; _ = pytest.importorskip("pandas")  # this example needs pandas installed
    >>> from govdisclosure.corpus import process_files
    >>> frame = to_dataframe(process_files(["examples/statutory_2021/report.json"]), "cells")
    >>> frame.loc[frame.row_key == "received", ["column_label", "value_int"]].head(2).values.tolist()
    [['自然人', 76], ['商业企业', 8]]
    """
    return schema(table).to_dataframe(rows(results, table))


def read_table(path: str | Path, table: str | None = None) -> Any:
    """A table written by the batch (``.csv``, with or without BOM, or ``.parquet``) as a
    :class:`pandas.DataFrame` with the documented dtypes; the table is named by ``table`` or by the
    file's stem (``cells.csv`` → ``cells``)."""
    path = Path(path)
    chosen = schema(table or path.stem)
    if path.suffix.lower() == ".parquet":
        pd = _optional("pandas", "pandas")
        frame = pd.read_parquet(path)
        return frame.astype({c.name: PANDAS_DTYPES[c.type] for c in chosen.columns})
    return chosen.read_csv(path)
