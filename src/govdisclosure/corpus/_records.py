"""The rows of the tidy tables, from results: reports, table cells and diagnostics."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal
from typing import Any

from govdisclosure.corpus._process import DiagnosticSource, FileResult
from govdisclosure.model import (
    CellKind,
    Cells,
    Diagnostic,
    DisclosureReport,
    Money,
    RowKind,
    Severity,
    StatutoryTables,
)

Row = tuple[Any, ...]
"""A row of a tidy table: values in the order of its schema's columns."""

_UNITS = {
    CellKind.COUNT: "件",
    CellKind.SIGNED: "件",
    CellKind.AMOUNT: "万元",
    CellKind.MONEY: "元",
}


def publisher(report: DisclosureReport) -> str | None:
    """发布机构: the header's publisher, else the signature's authority; None if neither is given."""
    if report.header.publisher:
        return report.header.publisher
    if report.signature is not None and report.signature.authority:
        return report.signature.authority
    return None


def body_paragraphs(report: DisclosureReport) -> Iterator[tuple[str, str]]:
    """Every paragraph of the body in reading order, with its JSON path (``$.body[0].paragraphs[1]``)."""
    for ref in report.sections():
        for i, paragraph in enumerate(ref.node.paragraphs):
            yield f"{ref.path}.paragraphs[{i}]", paragraph


REPORT_EXTRA = 5
"""The ``reports`` columns after the diagnostics' counts (publisher_key and the manifest's four), which
:func:`report_row` takes as ``extra`` (missing when not given)."""


def report_row(result: FileResult, extra: Sequence[object] | None = None) -> Row:
    """The row of the ``reports`` table for one file; ``extra`` its last :data:`REPORT_EXTRA` columns."""
    counts = {s: result.count(s) for s in Severity}
    report = result.report
    if report is None:
        described: tuple[Any, ...] = (None,) * 11
    else:
        header = report.header
        signed = report.signature
        described = (
            publisher(report),
            report.year,
            report.format.value,
            report.title,
            header.document_date or (signed.date if signed is not None else None),
            header.published_at,
            None if header.index_number is None else str(header.index_number),
            None if header.document_number is None else str(header.document_number),
            sum(1 for _ in report.sections()),
            sum(len(p) for _, p in body_paragraphs(report)),
            report.tables is not None,
        )
    return (
        result.file,
        None if result.source is None else result.source.value,
        result.status.value,
        result.error,
        *described,
        counts[Severity.ERROR],
        counts[Severity.WARNING],
        counts[Severity.INFO],
        *(extra if extra is not None else (None,) * REPORT_EXTRA),
    )


def _value(value: object) -> tuple[str | None, int | None]:
    if value is None:
        return None, None
    if isinstance(value, Money):
        return str(value.yuan), None
    if isinstance(value, Decimal):
        return str(value), None
    if isinstance(value, int):
        return str(value), value
    raise TypeError(f"unexpected cell value {value!r}")


def _cells(
    file: str,
    table: str,
    block: str | None,
    row_key: str,
    row_label: str,
    cells: Cells,
) -> Iterator[Row]:
    for column in cells.COLUMNS:
        raw = getattr(cells, column.key)
        text, whole = _value(raw)
        yield (
            file,
            table,
            block,
            row_key,
            row_label,
            column.key,
            column.label,
            column.kind.value,
            text,
            whole,
            _UNITS[column.kind],
            raw is None,
        )


def table_cells(file: str, tables: StatutoryTables) -> Iterator[Row]:
    """The rows of the ``cells`` table for one report's tables, in printed order."""
    for block in tables.t2.BLOCKS:
        for spec in block.rows:
            yield from _cells(
                file, "t2", block.title, spec.key, spec.label, getattr(tables.t2.rows, spec.key)
            )
    for spec in tables.t3.ROWS:
        if spec.kind is RowKind.DATA:
            yield from _cells(
                file, "t3", None, spec.key, spec.label, getattr(tables.t3.rows, spec.key)
            )
    for group in tables.t4.GROUPS:
        yield from _cells(file, "t4", None, group.key, group.label, getattr(tables.t4, group.key))


def cell_rows(result: FileResult) -> Iterator[Row]:
    """The rows of the ``cells`` table for one file (none without tables)."""
    if result.report is not None and result.report.tables is not None:
        yield from table_cells(result.file, result.report.tables)


def diagnostic_row(
    file: str,
    source: DiagnosticSource,
    d: Diagnostic,
    previous_file: str | None = None,
) -> Row:
    """One row of the ``diagnostics`` table."""
    return (
        file,
        source.value,
        d.code,
        d.severity.value,
        d.path,
        d.message,
        d.message_en,
        d.expected,
        d.found,
        None if d.span is None else d.span.start,
        previous_file,
    )


def diagnostic_rows(result: FileResult) -> Iterator[Row]:
    """The rows of the ``diagnostics`` table for one file: the parser's, then validation's."""
    for source, d in result.all_diagnostics():
        yield diagnostic_row(result.file, source, d)


def _report_rows(result: FileResult) -> Iterator[Row]:
    yield report_row(result)


_ROWS: dict[str, Callable[[FileResult], Iterator[Row]]] = {
    "reports": _report_rows,
    "cells": cell_rows,
    "diagnostics": diagnostic_rows,
}


def rows(results: Iterable[FileResult], table: str) -> Iterator[Row]:
    """The rows of the ``reports``, ``cells`` or ``diagnostics`` table for results."""
    make = _ROWS.get(table)
    if make is None:
        raise ValueError(f"no table {table!r} of results: expected {', '.join(_ROWS)}")
    for result in results:
        yield from make(result)
