"""The tidy tables' columns and types, and their conversions to CSV text, Arrow and pandas."""

from __future__ import annotations

import datetime as dt
import enum
import importlib
from collections.abc import Iterable, Sequence
from typing import Any

import attrs


class ColumnType(enum.StrEnum):
    """A column's type (列类型); missing values are allowed in every type (empty in CSV)."""

    STRING = "string"
    """Text. pandas ``string``, Arrow ``string``."""
    INT64 = "int64"
    """A whole number. pandas ``Int64`` (nullable), Arrow ``int64``."""
    BOOL = "bool"
    """``true`` / ``false`` in CSV. pandas ``boolean`` (nullable), Arrow ``bool``."""
    DATE = "date"
    """``YYYY-MM-DD`` in CSV. pandas ``datetime64[s]``, Arrow ``date32``."""
    DATETIME = "datetime"
    """``YYYY-MM-DDTHH:MM:SS`` in CSV (local time, as published, no zone). pandas ``datetime64[s]``,
    Arrow ``timestamp[ms]`` (Parquet has no unit of seconds)."""
    FLOAT64 = "float64"
    """A ratio (never money), six decimals in CSV. pandas ``float64``, Arrow ``float64``."""


PANDAS_DTYPES = {
    ColumnType.STRING: "string",
    ColumnType.INT64: "Int64",
    ColumnType.BOOL: "boolean",
    ColumnType.DATE: "datetime64[s]",
    ColumnType.DATETIME: "datetime64[s]",
    ColumnType.FLOAT64: "float64",
}
"""The pandas dtype of each column type (what :meth:`TableSchema.to_dataframe` gives)."""


@attrs.frozen
class Column:
    """A column of a tidy table (列): its name, its type and what it holds."""

    name: str
    type: ColumnType
    description: str


@attrs.frozen
class TableSchema:
    """A tidy table (整洁数据表): its name (the file's stem, ``reports`` → ``reports.csv``) and columns.

    Rows are tuples of Python values in column order: ``str``, ``int``, ``bool``, ``datetime.date``,
    ``datetime.datetime``, ``float`` or None (missing).
    """

    name: str
    columns: tuple[Column, ...]

    @property
    def names(self) -> tuple[str, ...]:
        """The column names, in order."""
        return tuple(c.name for c in self.columns)

    def csv_row(self, row: Sequence[object]) -> list[str]:
        """A row as CSV fields: ISO dates, ``true``/``false``, ratios to six decimals, missing empty.

        >>> from govdisclosure.corpus import PAIRS
        >>> PAIRS.csv_row(["a.txt", "b.txt", "局", None, 2020, 2021, "consecutive", 0.8181818, 0.9, "copied"])
        ['a.txt', 'b.txt', '局', '', '2020', '2021', 'consecutive', '0.818182', '0.900000', 'copied']
        """
        return [_csv_field(value) for value in row]

    def arrow_schema(self) -> Any:
        """The :class:`pyarrow.Schema` of the table (needs pyarrow: ``govdisclosure[parquet]``)."""
        pa = _optional("pyarrow", "parquet")
        types = {
            ColumnType.STRING: pa.string(),
            ColumnType.INT64: pa.int64(),
            ColumnType.BOOL: pa.bool_(),
            ColumnType.DATE: pa.date32(),
            ColumnType.DATETIME: pa.timestamp("ms"),  # Parquet has no unit of seconds
            ColumnType.FLOAT64: pa.float64(),
        }
        return pa.schema([pa.field(c.name, types[c.type]) for c in self.columns])

    def to_dataframe(self, rows: Iterable[Sequence[object]]) -> Any:
        """The rows as a :class:`pandas.DataFrame` with this table's columns and dtypes (needs pandas:
        ``govdisclosure[pandas]``); no rows give an empty frame with the same columns and dtypes."""
        pd = _optional("pandas", "pandas")
        data = list(rows)
        frame = pd.DataFrame.from_records(data, columns=list(self.names)) if data else None
        columns = {}
        for i, column in enumerate(self.columns):
            values = frame.iloc[:, i] if frame is not None else pd.Series([], dtype="object")
            columns[column.name] = _typed(pd, values, column.type)
        return pd.DataFrame(columns)

    def read_csv(self, path: str | Any) -> Any:
        """A CSV file of this table (as written by the batch, with or without a BOM) as a
        :class:`pandas.DataFrame` with this table's dtypes; empty fields are missing values."""
        pd = _optional("pandas", "pandas")
        frame = pd.read_csv(
            path,
            dtype=str,
            keep_default_na=False,
            na_values=[""],
            encoding="utf-8-sig",
        )
        if tuple(frame.columns) != self.names:
            raise ValueError(
                f"{path}: the columns are {list(frame.columns)}, expected those of the "
                f"{self.name} table: {list(self.names)}"
            )
        return pd.DataFrame({c.name: _typed(pd, frame[c.name], c.type) for c in self.columns})


def _typed(pd: Any, values: Any, kind: ColumnType) -> Any:
    """A pandas Series of raw values (Python objects or CSV text) converted to the column's dtype."""
    if kind is ColumnType.STRING:
        return values.astype("string")
    if kind is ColumnType.INT64:
        return pd.to_numeric(values).astype("Int64")
    if kind is ColumnType.FLOAT64:
        return pd.to_numeric(values).astype("float64")
    if kind is ColumnType.BOOL:
        mapping = {"true": True, "false": False, True: True, False: False}
        return values.map(mapping).astype("boolean")
    return pd.to_datetime(values, format="ISO8601").astype("datetime64[s]")


def _csv_field(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:.6f}"
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


class MissingExtraError(ImportError):
    """An optional dependency is not installed; the message names the extra that installs it."""


def _optional(module: str, extra: str) -> Any:
    """Import an optional dependency (typed ``Any``: none of them is needed to type-check this package)."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingExtraError(
            f"{module} is not installed: pip install 'govdisclosure[{extra}]'"
        ) from None


_S, _I, _B, _D, _T, _F = (
    ColumnType.STRING,
    ColumnType.INT64,
    ColumnType.BOOL,
    ColumnType.DATE,
    ColumnType.DATETIME,
    ColumnType.FLOAT64,
)


def _table(name: str, *columns: tuple[str, ColumnType, str]) -> TableSchema:
    return TableSchema(name, tuple(Column(*c) for c in columns))


REPORTS = _table(
    "reports",
    ("file", _S, "the input file, as given or found in a directory: the key of every table"),
    (
        "source",
        _S,
        "how it was read: text, html, json, pdf, docx or doc; missing when it could not be read",
    ),
    ("status", _S, "ok (a report was read) or failed"),
    ("error", _S, "why it failed, one line; missing when ok"),
    ("publisher", _S, "发布机构 (header), else the signature's authority"),
    ("year", _I, "年度, the year reported on (0 where the parser could not tell)"),
    ("format", _S, "报告格式: narrative, 2019 or 2021"),
    ("title", _S, "标题"),
    ("document_date", _D, "成文日期 (header), else the signature's date"),
    ("published_at", _T, "发布时间 (header)"),
    ("index_number", _S, "索引号"),
    ("document_number", _S, "文号"),
    ("sections", _I, "the number of nodes of the body (sections, items, blocks)"),
    ("characters", _I, "the length of the body's paragraphs, in characters"),
    ("has_tables", _B, "whether the report has its statutory tables"),
    ("errors", _I, "diagnostics of severity error (parse and validation of the report alone)"),
    ("warnings", _I, "diagnostics of severity warning (likewise)"),
    ("infos", _I, "diagnostics of severity info (likewise)"),
    ("publisher_key", _S, "机构键: the normalised publisher name, through the alias file"),
    ("source_url", _S, "来源网址, from the manifest"),
    ("column", _S, "栏目 where it was found, from the manifest"),
    ("first_seen", _T, "首次发现, from the manifest: taken as the publication"),
    ("last_changed", _T, "最后修改, from the manifest"),
)
"""One row per input file (报告表)."""

CELLS = _table(
    "cells",
    ("file", _S, "the report's file (reports.file)"),
    ("table", _S, "t2, t3 or t4 (表二, 表三, 表四)"),
    ("block", _S, "table 二: the block's title (第二十条第（一）项); tables 三 and 四: missing"),
    ("row_key", _S, "the row's stable key (received); table 四: the column group's key (review)"),
    ("row_label", _S, "the row's label as printed (一、本年新收政府信息公开申请数量; 行政复议)"),
    ("column_key", _S, "the column's stable key (natural_person)"),
    ("column_label", _S, "the column's header as printed (自然人)"),
    ("kind", _S, "count, signed (本年增/减), amount (a decimal in the unit) or money (yuan)"),
    ("value", _S, "the figure as exact decimal text (286.45); missing where blank"),
    ("value_int", _I, "the figure where it is a whole number (count, signed); else missing"),
    ("unit", _S, "件 for counts and changes, 万元 for amounts, 元 for money (in yuan)"),
    ("blank", _B, "whether the cell is blank (not reported; not 0)"),
)
"""One row per stored cell of the statutory tables (单元格表); computed rows (（三）不予公开 …) are not
stored: they are the sums of their sub-rows."""

DIAGNOSTICS = _table(
    "diagnostics",
    ("file", _S, "the report's file (reports.file)"),
    (
        "source",
        _S,
        "parse (GP codes), validate (GD, the report alone) or cross_year (GD, against last year)",
    ),
    ("code", _S, "the stable code (GD102, GP301)"),
    ("severity", _S, "error, warning or info"),
    ("path", _S, "the JSON path of the field ($.tables.t3.rows.brought_forward.total)"),
    ("message", _S, "说明, in Chinese"),
    ("message_en", _S, "the same in English"),
    ("expected", _S, "应为, where a figure applies"),
    ("found", _S, "实为, where a figure applies"),
    ("offset", _I, "parse diagnostics: the character offset in the page's text; else missing"),
    ("previous_file", _S, "cross_year diagnostics: last year's report's file; else missing"),
)
"""One row per diagnostic (诊断表): the file's own in input order, then the cross-year ones."""

PAIRS = _table(
    "pairs",
    (
        "file_a",
        _S,
        "the earlier report's file (of two years, the earlier; else the first in input order)",
    ),
    ("file_b", _S, "the later report's file"),
    ("publisher_a", _S, "its publisher"),
    ("publisher_b", _S, "its publisher"),
    ("year_a", _I, "its year"),
    ("year_b", _I, "its year"),
    ("relation", _S, "consecutive (same publisher, years n and n + 1) or other"),
    ("jaccard", _F, "Jaccard similarity of the two bodies' 5-character shingle sets, exact"),
    ("containment", _F, "the share of b's shingles found in a: how much of b is a's text"),
    (
        "verdict",
        _S,
        "copied (jaccard ≥ the copied threshold, 0.8) or similar (≥ the similar threshold)",
    ),
)
"""One row per pair of similar reports (相似报告对), by verdict then similarity."""

PASSAGES = _table(
    "passages",
    ("file_a", _S, "the earlier report's file (pairs.file_a)"),
    ("file_b", _S, "the later report's file (pairs.file_b)"),
    ("path_a", _S, "the JSON path of the paragraph in a where the passage starts"),
    ("offset_a", _I, "the character offset in that paragraph (of the normalised text)"),
    ("path_b", _S, "likewise in b"),
    ("offset_b", _I, "likewise in b"),
    ("length", _I, "the passage's length in characters (of the normalised text)"),
    ("text", _S, "the passage, as normalised (figures masked as 0, spaces dropped)"),
)
"""One row per passage common to a pair (相同段落), at least the minimum length, in b's order."""

RATES = _table(
    "rates",
    ("file", _S, "the report's file (reports.file)"),
    (
        "measure",
        _S,
        "disclosed, withheld, review_corrected, litigation_corrected, requests, "
        "blank_cells, requests_change or repetition",
    ),
    (
        "label",
        _S,
        "实质公开率, 不予公开率, 复议纠错率, 诉讼纠错率, 申请量, 空白单元格占比, 申请量变化率, 重复率",
    ),
    ("numerator", _I, "分子, exact; missing where a cell it needs is blank"),
    ("denominator", _I, "分母, exact; missing where a cell it needs is blank (and for 申请量)"),
    ("value", _F, "numerator ÷ denominator (申请量: the count); missing where blank or ÷ 0"),
    ("previous_file", _S, "requests_change and repetition: last year's report's file"),
)
"""One row per measure of a report (比率表): the per-report rates in input order, then the changes and
repetition against last year, by publisher and year."""

_FINDING_COLUMNS = (
    (
        "fingerprint",
        _S,
        "指纹: 16 hex digits identifying the finding (rule, publisher, year, path, figures)",
    ),
    ("status", _S, "复核: pending, confirmed or dismissed"),
    ("note", _S, "备注: the reviewer's note"),
    ("rule", _S, "the rule's code (GD706; GC101 repetition, GC201 late, GC202 changed)"),
    ("severity", _S, "error, warning or info"),
    ("publisher_key", _S, "机构键 (reports.publisher_key)"),
    ("year", _I, "年度"),
    ("path", _S, "the JSON path of the field"),
    ("expected", _S, "应为, where a figure applies"),
    ("found", _S, "实为, where a figure applies"),
    ("message", _S, "说明, in Chinese"),
    ("file", _S, "the report's file where it was found (reports.file)"),
)

FINDINGS = _table("findings", *_FINDING_COLUMNS)
"""One row per finding reported (待复核问题表): the rules' diagnostics (GD, not the parser's GP) and the
corpus rules' (GC), each with its fingerprint and review status; those dismissed in the review are not."""

REVIEW = _table("review", *_FINDING_COLUMNS)
"""The review file (复核表): every finding of the run with its status (pending where new), then the
review's rows not seen in this run, kept; edit status and note, and give it back with ``--review``."""

LOOKALIKES = _table(
    "lookalikes",
    ("name_a", _S, "a publisher key"),
    ("name_b", _S, "another, which looks like it (one's characters in the other's, in order)"),
    ("years_a", _S, "the years of a's reports, space-separated"),
    ("years_b", _S, "the years of b's reports"),
    ("disjoint", _B, "whether their years do not overlap (as a rename's would not)"),
)
"""One row per pair of publisher names that look alike but are not paired (相似机构名称)."""

TABLES = (REPORTS, CELLS, DIAGNOSTICS, PAIRS, PASSAGES, RATES, FINDINGS, REVIEW, LOOKALIKES)
"""Every tidy table the batch writes."""
