"""Writing the tidy tables as they stream: CSV always, Parquet with pyarrow (``govdisclosure[parquet]``), the
cells table as XLSX with openpyxl (``govdisclosure[xlsx]``)."""

from __future__ import annotations

import contextlib
import csv
import ctypes
import errno
import os
import re
import shutil
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from govdisclosure._files import umask
from govdisclosure.corpus._corpus import CrossYear, Pair
from govdisclosure.corpus._process import DiagnosticSource, FileResult
from govdisclosure.corpus._records import (
    cell_rows,
    diagnostic_row,
    diagnostic_rows,
    report_row,
    rows,
)
from govdisclosure.corpus._schema import PANDAS_DTYPES, TABLES, ColumnType, TableSchema, _optional

PARQUET_ROWS = 8_192
"""Rows buffered per Parquet row group: memory is bounded by this, not by the number of files."""
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""The first characters that make a spreadsheet read a cell as a formula (OWASP, "CSV Injection")."""
SUMMARY = "summary.json"
"""The file of a batch's summary, written last: an output directory with it holds a complete run."""
_SURROGATE = re.compile("[\ud800-\udfff]")


def neutralise(value: str) -> str:
    """A text cell that a spreadsheet shows as text: one starting with ``= + - @``, a tab or a carriage
    return gets a ``'`` in front, as OWASP recommends against formula injection
    (``=HYPERLINK("http://evil", "点击")`` in a page's title must not become a link in Excel).

    >>> print(neutralise('=HYPERLINK("http://x")'), neutralise("-5"), neutralise("德化县"))
    '=HYPERLINK("http://x") '-5 德化县
    """
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def _escape_surrogates(row: Sequence[object]) -> tuple[list[object], bool]:
    """``row`` with lone surrogates (text that is not Unicode, which UTF-8 cannot encode) written as
    ``\\udcxx`` escapes, and whether there were any."""
    out: list[object] = []
    found = False
    for value in row:
        if isinstance(value, str) and _SURROGATE.search(value):
            value = _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", value)
            found = True
        out.append(value)
    return out, found


class CsvTable:
    """A CSV file of one table, written row by row: a header line of the column names, then the rows.

    UTF-8 without a BOM by default (what pandas, R, DuckDB and the ``csv`` module expect); ``bom=True``
    writes the BOM that Excel needs to recognise UTF-8 when a file is opened by double-click, and
    since that file is for a spreadsheet, text cells that would start a formula are neutralised
    (:func:`neutralise`).
    """

    def __init__(self, path: Path, schema: TableSchema, *, bom: bool = False) -> None:
        self.path = path
        self.schema = schema
        self._text_columns = (
            [i for i, c in enumerate(schema.columns) if c.type is ColumnType.STRING] if bom else []
        )
        encoding = "utf-8-sig" if bom else "utf-8"
        # closed by close(): a table stays open while the batch streams into it
        self._file: IO[str] = path.open("w", encoding=encoding, newline="")
        self._writer = csv.writer(self._file, lineterminator="\n")
        self._writer.writerow(schema.names)
        self.rows = 0

    def write(self, row: Sequence[object]) -> None:
        fields = self.schema.csv_row(row)
        for i in self._text_columns:
            fields[i] = neutralise(fields[i])
        self._writer.writerow(fields)
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


XLSX_ROWS = 1_048_575
"""Rows of data on one sheet of an XLSX file (Excel's 1,048,576 less the header row); more go on to the
next sheet (``cells 2`` …), never dropped."""

# XML 1.0 cannot carry these control characters: an XLSX cell shows U+FFFD where the CSV keeps them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


class XlsxTable:
    """An XLSX file of one table, streamed row by row (openpyxl's write-only mode): a header row of the
    column names, then the rows, numbers as numbers, dates as dates, missing values as empty cells."""

    def __init__(self, path: Path, schema: TableSchema) -> None:
        openpyxl = _optional("openpyxl", "xlsx")
        self.path = path
        self.schema = schema
        self._workbook: Any = openpyxl.Workbook(write_only=True)
        self._cell_type: Any = _optional("openpyxl.cell", "xlsx").WriteOnlyCell
        self._sheets = 0
        self._sheet: Any = None
        self._on_sheet = 0
        self.rows = 0
        self._next_sheet()

    def _next_sheet(self) -> None:
        self._sheets += 1
        name = self.schema.name if self._sheets == 1 else f"{self.schema.name} {self._sheets}"
        self._sheet = self._workbook.create_sheet(name)
        self._sheet.freeze_panes = "A2"
        self._sheet.append(list(self.schema.names))
        self._on_sheet = 0

    def _cell(self, value: object) -> object:
        if not isinstance(value, str):
            return value
        value = _NOT_XML.sub("\ufffd", value)
        if not value.startswith("="):
            return value
        # openpyxl takes a string starting with = for a formula: a file named =HYPERLINK(…) would run in
        # the reader's spreadsheet. Such a value is written as the text it is.
        cell = self._cell_type(self._sheet, value=value)
        cell.data_type = "s"
        return cell

    def write(self, row: Sequence[object]) -> None:
        if self._on_sheet >= XLSX_ROWS:
            self._next_sheet()
        self._sheet.append([self._cell(v) for v in row])
        self._on_sheet += 1
        self.rows += 1

    def close(self) -> None:
        if self._workbook is not None:
            self._workbook.save(str(self.path))
            self._workbook = None


class Exporter:
    """The tidy tables of a batch, written into a directory as they stream in, put in place whole.

    ``reports.csv``, ``cells.csv``, ``diagnostics.csv``, ``pairs.csv`` and ``passages.csv`` (see the
    package documentation for their columns), with ``parquet=True`` the same as ``.parquet`` beside
    them, and with ``xlsx=True`` the cells table as ``cells.xlsx`` too. Use it as a context manager;
    :meth:`write` takes a table's name and a row.

    The run is written into a hidden directory beside ``directory`` (``.NAME.incomplete-…``) and
    moved into place by :meth:`commit` (at the end of the ``with`` block, when nothing raised): the
    directory holds the previous complete run until then, and the new complete run after; an exception
    (a full disk, Ctrl-C) or :meth:`discard` leaves it as it was. On Linux the two directories are
    exchanged in one step (``renameat2``); elsewhere by two renames. ``directory`` must be new, empty
    or a batch's output: files there that are not the batch's are carried over to the new run.
    """

    def __init__(
        self, directory: str | Path, *, parquet: bool = False, bom: bool = False, xlsx: bool = False
    ) -> None:
        self.directory = Path(os.path.realpath(directory))
        _check_target(self.directory, Path(directory))
        if parquet:
            _optional("pyarrow", "parquet")  # fail before any file is written
        if xlsx:
            _optional("openpyxl", "xlsx")
        self.directory.parent.mkdir(parents=True, exist_ok=True)
        self.staging = Path(
            tempfile.mkdtemp(
                dir=self.directory.parent, prefix=f".{self.directory.name}.incomplete-"
            )
        )
        self.escaped = 0
        """Rows whose text held lone surrogates, written as ``\\udcxx`` escapes."""
        self.committed = False
        self._finished = False  # committed or discarded
        self._tables: dict[str, list[CsvTable | ParquetTable | XlsxTable]] = {}
        try:
            for schema in TABLES:
                writers: list[CsvTable | ParquetTable | XlsxTable] = [
                    CsvTable(self.staging / f"{schema.name}.csv", schema, bom=bom)
                ]
                if parquet:
                    writers.append(ParquetTable(self.staging / f"{schema.name}.parquet", schema))
                if xlsx and schema.name == "cells":
                    writers.append(XlsxTable(self.staging / "cells.xlsx", schema))
                self._tables[schema.name] = writers
        except BaseException:
            self.discard()
            raise

    def write(self, table: str, row: Sequence[object]) -> None:
        writers = self._tables[table]
        try:
            writers[0].write(row)  # the CSV table: it raises before it writes anything
        except UnicodeEncodeError:
            row, _ = _escape_surrogates(row)
            self.escaped += 1
            writers[0].write(row)
        for writer in writers[1:]:
            writer.write(row)

    def paths(self) -> list[Path]:
        """The files of the tables once in place, in table order."""
        return [self.directory / w.path.name for writers in self._tables.values() for w in writers]

    def close(self) -> None:
        """Close the tables' files (they stay in the hidden directory until :meth:`commit`)."""
        for writers in self._tables.values():
            for writer in writers:
                writer.close()

    def commit(self, extra: Mapping[str, str] | None = None) -> None:
        """Close the tables, write the ``extra`` files (name → text, :data:`SUMMARY` say) beside them,
        and put the run in place of ``directory``'s previous content."""
        self.close()
        for name, text in (extra or {}).items():
            # a file name that is not UTF-8 (GBK on a UTF-8 disk) decodes to lone surrogates: written
            # as \udcxx, which in JSON is the escape of the same character
            (self.staging / name).write_text(text, encoding="utf-8", errors="backslashreplace")
        _replace_directory(self.staging, self.directory)
        self.committed = self._finished = True

    def discard(self) -> None:
        """Close the tables and remove the run: ``directory`` stays as it was."""
        self._finished = True
        with contextlib.suppress(OSError):
            self.close()
        shutil.rmtree(self.staging, ignore_errors=True)

    def __enter__(self) -> Exporter:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if kind is not None:
            self.discard()
        elif not self._finished:
            try:
                self.commit()
            except BaseException:
                self.discard()
                raise


def output_names() -> frozenset[str]:
    """The names of the files a batch writes into its output directory."""
    names = {SUMMARY}
    for schema in TABLES:
        names |= {f"{schema.name}.csv", f"{schema.name}.parquet"}
    return frozenset(names)


def _check_target(target: Path, given: Path) -> None:
    if not target.exists():
        return
    if not target.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, "not a directory", str(given))
    names = {child.name for child in target.iterdir()}
    if names and not names & output_names():
        raise FileExistsError(
            errno.EEXIST,
            "holds other files and no batch output: give a new or empty directory",
            str(given),
        )


def _replace_directory(new: Path, target: Path) -> None:
    """Put the directory ``new`` at ``target``; the files of the old ``target`` that a batch does not
    write are moved into it, then the old one is removed."""
    try:
        os.chmod(new, target.stat().st_mode & 0o7777)
    except FileNotFoundError:
        os.chmod(new, 0o777 & ~umask())
        try:
            os.rename(new, target)  # onto nothing (or onto an empty directory made meanwhile)
            return
        except OSError as exc:
            if exc.errno not in (errno.ENOTEMPTY, errno.EEXIST):
                raise
    if _exchange(new, target):
        old = previous = new  # the previous run, now at the hidden name
    else:
        old = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.previous-"))
        previous = old / target.name
        os.rename(target, previous)
        os.rename(new, target)
    ours = output_names()
    for child in previous.iterdir():
        if child.name not in ours and not (target / child.name).exists():
            os.rename(child, target / child.name)
    shutil.rmtree(old, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    """Exchange two directories in one step (Linux ``renameat2(RENAME_EXCHANGE)``); False where the
    system cannot, and the caller renames twice.

    Hand-written with ctypes: the standard library has no ``renameat2`` (os.rename cannot exchange).
    """
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    result = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange)
    return bool(result == 0)


class TableSink:
    """A batch sink (:class:`~govdisclosure.corpus.Sink`) writing every result into an :class:`Exporter`:
    each file's report row, cells and diagnostics as it comes, then the cross-year diagnostics, the
    similar pairs and their passages."""

    def __init__(self, exporter: Exporter) -> None:
        self.exporter = exporter

    def result(self, result: FileResult) -> None:
        write = self.exporter.write
        write("reports", report_row(result))
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
