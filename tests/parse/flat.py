"""A test-side writer of the statutory tables as real pages flatten them, from the model's metadata only.

Written apart from ``govdisclosure.render`` (which has its own text layout), after the format reference
§3–5 and the shared fixtures: each table is rows of cells, a label cell where the format prints one (a
heading spanning rows is printed on the first of its rows only), then the figures. Two layouts:

- :func:`pipe_lines`: a line per row, each cell ended by ``|`` (the 九原区 fixture);
- :func:`cell_lines`: a line per cell, each ended by ``|``, blank cells as ``|`` alone (the 二道区 fixture);

each optionally with the debris text extraction leaves at a row's end (empty cells: ``||``). And the layouts
of issue 14, from pages as browsers copy them and scrapers store them:

- :func:`tab_lines`: a line per row, cells between tabs (a browser's copy of a table);
- :func:`bare_cell_lines`: a line per cell without ``|``, a blank cell an empty line (``get_text("\\n")``);
- :func:`paragraph_lines`: a paragraph per cell (cells between empty lines), a blank cell an empty
  paragraph;
- :func:`separated_lines`: a line per cell, a ``|`` alone on a line between cells;
- :func:`space_lines`: a line per row, cells between runs of spaces (blank cells cannot be seen);
- :func:`aligned_lines`: a line per row, each column padded to its width as a table pasted as text (a
  blank cell is spaces; widths in display columns, a wide character two);
- :func:`label_then_figures`: a row's label on one line, its figures on the next, between spaces.
"""

from __future__ import annotations

import unicodedata
from decimal import Decimal
from typing import Any

from govdisclosure import (
    CellKind,
    DisclosureReport,
    Money,
    ReportFormat,
    RowKind,
    StatutoryTables,
    statutory_body,
)
from govdisclosure.model import Table2V2019, Table2V2021, Table3V2019, Table3V2021, Table4

Row = list[str]


def figure(value: Any, kind: CellKind) -> str:
    """A figure as pages print it (format reference §3: signed 本年增/减, money with its unit)."""
    if value is None:
        return ""
    if kind is CellKind.SIGNED:
        return f"{value:+d}" if value else "0"
    if kind is CellKind.AMOUNT:
        assert isinstance(value, Decimal)
        return format(value, "f")
    if kind is CellKind.MONEY:
        assert isinstance(value, Money)
        return f"{value.in_unit():f}{value.unit.value}"
    return str(value)


def t2_rows(tables: StatutoryTables) -> list[Row]:
    rows: list[Row] = []
    for block in tables.t2.BLOCKS:
        rows.append([block.title])
        rows.append([block.header, *(c.label for c in block.columns)])
        for spec in block.rows:
            cells = tables.t2[spec.key]
            rows.append(
                [spec.label, *(figure(getattr(cells, c.key), c.kind) for c in block.columns)]
            )
    return rows


def t3_rows(tables: StatutoryTables) -> list[Row]:
    t3 = tables.t3
    columns = t3.COLUMNS
    rows: list[Row] = [
        [t3.CORNER, "申请人情况"],
        ["自然人", "法人或其他组织", "总计"],
        [c.label for c in columns if c.headers[-1] == "法人或其他组织"],
    ]
    waiting: list[str] = []  # the labels of headings printed on the line of their first sub-row
    for spec in t3.ROWS:
        if spec.kind is not RowKind.DATA:
            waiting.append(spec.label)
            continue
        cells = getattr(t3.rows, spec.key)
        rows.append(
            [*waiting, spec.label, *(figure(getattr(cells, c.key), c.kind) for c in columns)]
        )
        waiting = []
    return rows


def t4_rows(tables: StatutoryTables) -> list[Row]:
    groups = Table4.GROUPS
    labels = [c.label for c in groups[0].columns]
    figures = [
        figure(getattr(getattr(tables.t4, g.key), c.key), c.kind) for g in groups for c in g.columns
    ]
    return [
        ["行政复议", "行政诉讼"],
        [*labels, groups[1].label, groups[2].label],
        labels + labels,
        figures,
    ]


def _data(row: Row) -> bool:
    return len(row) > 1 and not any(cell in ("信息内容", "自然人") for cell in row)


def pipe_lines(rows: list[Row], debris: bool = False) -> list[str]:
    """A line per row, ``cell | cell |``; with ``debris``, a data row ends with two empty cells."""
    return [" | ".join(row) + (" | ||" if debris and _data(row) else " |") for row in rows]


def cell_lines(rows: list[Row], debris: bool = False) -> list[str]:
    """A line per cell, ``cell |`` (``|`` where blank); with ``debris``, ``||`` after each data row."""
    lines: list[str] = []
    for row in rows:
        lines += [f"{cell} |" if cell else "|" for cell in row]
        if debris and _data(row):
            lines.append("||")
    return lines


def page(report: DisclosureReport, tables: dict[str, list[str]]) -> str:
    """The report's title and its six headings, each table's lines under its section (二 三 四), as a
    copied page: no indent, one line per paragraph."""
    lines = [report.title, ""]
    where = {2: "t2", 3: "t3", 4: "t4"}
    for section in report.body:
        lines.append(f"{section.label}{section.heading}")
        lines += list(section.paragraphs)
        if section.ordinal in where:
            lines += tables.get(where[section.ordinal], [])
    return "\n".join(lines) + "\n"


def year_of(version: ReportFormat) -> int:
    return 2020 if version is ReportFormat.V2019 else 2022


def report_with(found: StatutoryTables) -> DisclosureReport:
    """A statutory report of ``found``'s format holding ``found`` and the six standard sections."""
    year = year_of(found.version)
    return DisclosureReport(
        title=f"{year}年政府信息公开工作年度报告",
        year=year,
        format=found.version,
        body=statutory_body(),
        tables=found,
    )


def tab_lines(rows: list[Row], debris: bool = False) -> list[str]:
    """A line per row, cells between tabs; with ``debris``, a data row ends with two empty cells."""
    return ["\t".join(row) + ("\t\t" if debris and _data(row) else "") for row in rows]


def bare_cell_lines(rows: list[Row], debris: bool = False) -> list[str]:
    """A line per cell, no ``|``; a blank cell is an empty line (``debris`` is not used: nothing marks a
    row's end)."""
    return [cell for row in rows for cell in row]


def paragraph_lines(rows: list[Row], debris: bool = False) -> list[str]:
    """A paragraph per cell: cells between empty lines, a blank cell an empty paragraph."""
    return ["\n\n".join(cell for row in rows for cell in row) + "\n"]


def separated_lines(rows: list[Row], debris: bool = False) -> list[str]:
    """A line per cell, a ``|`` alone between cells (a blank cell is an empty line between two)."""
    return ["\n|\n".join(cell for row in rows for cell in row)]


def space_lines(rows: list[Row], debris: bool = False) -> list[str]:
    """A line per row, cells between runs of spaces (a blank cell is lost in the spaces)."""
    return ["    ".join(cell for cell in row if cell) for row in rows]


def aligned_lines(rows: list[Row], debris: bool = False) -> list[str]:
    """A line per row, columns padded to their widths (East Asian width: a CJK character is two columns),
    a blank cell as spaces: a table pasted as text. A row's figure columns are its last cells (figures or
    blanks; in a header, the format's column labels) and stand under the same columns from the right; the
    rest of a row is its labels, in a column of their own."""
    split = [_figure_columns(row) for row in rows]
    width = max((_width("  ".join(labels)) for labels, _ in split), default=0)
    count = max((len(columns) for _, columns in split), default=0)
    widths = [0] * count  # from the right
    for _, columns in split:
        for k, cell in enumerate(reversed(columns)):
            widths[k] = max(widths[k], _width(cell))
    lines: list[str] = []
    for labels, columns in split:
        label = "  ".join(labels)
        line = label + " " * (width - _width(label))
        for k in range(count - 1, -1, -1):
            cell = columns[len(columns) - 1 - k] if k < len(columns) else ""
            line += "   " + " " * (widths[k] - _width(cell)) + cell
        lines.append(line.rstrip())
    return lines


def _figure_columns(row: Row) -> tuple[list[str], list[str]]:
    """A row as its labels and its figure columns (figures and blanks; a header's column labels)."""
    k = len(row)
    while k > 0 and (not row[k - 1] or _figure_like(row[k - 1])):
        k -= 1
    if k == len(row):  # no figures: a header, its figure columns the column labels at its end
        while k > 0 and row[k - 1] in _COLUMN_LABELS:
            k -= 1
    return row[:k], row[k:]


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


_COLUMN_LABELS = frozenset(
    [c.label for t2 in (Table2V2019, Table2V2021) for b in t2.BLOCKS for c in b.columns]
    + [c.label for t3 in (Table3V2019, Table3V2021) for c in t3.COLUMNS]
    + [c.label for g in Table4.GROUPS for c in g.columns]
)


def t4_aligned_rows(tables: StatutoryTables) -> list[Row]:
    """Table 四 with a header line of its 15 column labels over its figures (as a pasted table shows it)."""
    rows = t4_rows(tables)
    return [
        rows[0],
        [g.label for g in Table4.GROUPS],
        [c.label for g in Table4.GROUPS for c in g.columns],
        rows[-1],
    ]


def label_then_figures(rows: list[Row], debris: bool = False) -> list[str]:
    """A data row's labels on a line, its figures on the next (between spaces); other rows as spaces."""
    lines: list[str] = []
    for row in rows:
        labels = [cell for cell in row if cell and not _figure_like(cell)]
        figures = [cell for cell in row if cell and _figure_like(cell)]
        if labels and figures:
            lines += [" ".join(labels), "  ".join(figures)]
        else:
            lines.append("    ".join(cell for cell in row if cell))
    return lines


def _figure_like(cell: str) -> bool:
    return cell.lstrip("+-").replace(".", "", 1).rstrip("元万亿").isdigit()
