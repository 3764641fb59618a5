"""GD7xx: the statutory tables (法定表格) of the 2019 and 2021 formats.

The identities of the format reference (§6) hold exactly, so a failure is an error, one per column, row or
group that fails, at the cell that states the total:

- T3-1 (printed in table 三): for every column, 一 + 二 = 三（七）总计 + 四 (GD701, at （七）总计).
- T3-2: for every column, （七）总计 = （一）+（二）+（三）+（四）+（五）+（六）, each of （三）（四）（五） (and （六）
  in 2021) the sum of its sub-rows (GD702, at （七）总计).
- T3-3: for every row, 总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他 (GD703, at 总计).
- T4-1: in each group of table 四, 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结 (GD704, at 总计).

A blank cell is "not reported", not 0, so an identity that needs one cannot be checked: GD705 says so, once
per table, naming the blank cells (a whole blank column or row by its name) and the identities they leave
unchecked. A blank 总计 column, common in real reports, is one hint, not 25.

The rest are warnings, as nothing there is wrong for certain: last year's 结转下年度 against this year's 上年结转
(GD706), the documents in force in 2021-format table 二 (GD707), the 2019-format total published against
this year's (GD708) and item counts against last year's (GD709), and figures the text repeats (GD710).

No rule checks that cells are non-negative: the model refuses a negative count or amount (only 本年增/减 is
signed), and loading such JSON fails at the cell's path. Nor that the tables are of the report's format:
the model refuses that too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

import attrs

from govdisclosure.model import (
    Diagnostic,
    DisclosureReport,
    ItemChanges,
    Quantity,
    ReportFormat,
    RowSpec,
    Severity,
    StatutoryTables,
    StatutoryTablesV2019,
    StatutoryTablesV2021,
    Table3Row,
    Table4,
    Table4Group,
    blank_sum,
    match_table_phrase,
    statutory_table,
)
from govdisclosure.validate._examples import report, six_sections, tables
from govdisclosure.validate._rule import Context, Rule

_T = "$.tables"
_T3_FLOW = ("received", "brought_forward", "total_handled", "carried_forward")
_APPLICANTS = tuple(c for c in Table3Row.COLUMNS if c.key != "total")
_T4_PARTS = tuple(c for c in Table4Group.COLUMNS if c.key != "total")


# --- labels for messages ----------------------------------------------------------------------------------

_NOTE = re.compile(
    r"（[^（）]*）$"
)  # 部分公开（区分处理的，只计这一情形，不计其他情形） → 部分公开


def _row_name(tables: StatutoryTables, key: str) -> str:
    """A row of table 三 as a reader finds it: （一）予以公开, （三）1.属于国家秘密 (sub-rows under their parent)."""
    spec = tables.t3.row_spec(key)
    name = spec.number + _NOTE.sub("", spec.text)
    if spec.depth == 2 and spec.parent is not None:
        return tables.t3.row_spec(spec.parent).number + name
    return name


def _t3_column(key: str) -> str:
    return Table3Row.column(key).label


def _group_name(key: str) -> str:
    spec = Table4.group_spec(key)
    return "".join(f"{h}（" for h in spec.headers) + spec.label + "）" * len(spec.headers)


def _expression(values: Sequence[int], signs: Sequence[str] = ()) -> str:
    """``76 + 3 = 79``; a single figure is itself."""
    if len(values) == 1:
        return str(values[0])
    signs = signs or ["+"] * len(values)
    text = str(values[0]) if signs[0] == "+" else f"−{values[0]}"
    for sign, value in zip(signs[1:], values[1:], strict=True):
        text += f" {'+' if sign == '+' else '−'} {value}"
    total = sum(v if s == "+" else -v for s, v in zip(signs, values, strict=True))
    return f"{text} = {total}"


# --- the identities --------------------------------------------------------------------------------------


@attrs.frozen
class Cell:
    """A cell an identity involves: its JSON path and its figure (None where blank)."""

    path: str
    value: int | None


@attrs.frozen
class Instance:
    """One instance of an identity: in column ``where`` (T3-1, T3-2), row ``where`` (T3-3) or group
    ``where`` (T4-1), the ``parts`` add up to the ``totals``."""

    identity: str
    """T3-1, T3-2, T3-3 or T4-1, as the format reference names them."""
    where: str
    """The column, row or group key."""
    at: str
    """The JSON path a failure points at: the cell stating the total."""
    parts: tuple[Cell, ...]
    totals: tuple[Cell, ...]

    @property
    def checkable(self) -> bool:
        """Whether every cell is given."""
        return all(c.value is not None for c in (*self.parts, *self.totals))

    def sums(self) -> tuple[int, int]:
        """The parts' sum and the totals' sum (only for a checkable instance)."""
        parts, totals = (
            blank_sum(c.value for c in self.parts),
            blank_sum(c.value for c in self.totals),
        )
        assert parts is not None, "sums of an uncheckable instance"
        assert totals is not None, "sums of an uncheckable instance"
        return parts, totals

    @property
    def fails(self) -> bool:
        """Whether it can be checked and does not hold."""
        if not self.checkable:
            return False
        parts, totals = self.sums()
        return parts != totals


def _t3_cell(tables: StatutoryTables, row: str, column: str) -> Cell:
    value: int | None = getattr(tables.t3.rows, row)[column]
    return Cell(f"{_T}.t3.rows.{row}.{column}", value)


def _result_rows(tables: StatutoryTables) -> tuple[RowSpec, ...]:
    """The data rows T3-2 adds up: （一）（二）, the sub-rows of （三）（四）（五）, and （六） or its sub-rows."""
    return tuple(
        spec
        for spec in tables.t3.data_rows()
        if spec.key not in _T3_FLOW and spec.parent is not None
    )


def _top_results(tables: StatutoryTables) -> tuple[RowSpec, ...]:
    """（一）…（六）: the rows under 三、本年度办理结果 but （七）总计."""
    results = tables.t3.row_spec("results")
    return tuple(tables.t3.row_spec(key) for key in results.children if key != "total_handled")


def identities(tables: StatutoryTables) -> list[Instance]:
    """Every instance of T3-1, T3-2 (per column), T3-3 (per data row) and T4-1 (per group), in that order."""
    found: list[Instance] = []
    columns = [c.key for c in Table3Row.COLUMNS]
    for column in columns:
        at = f"{_T}.t3.rows.total_handled.{column}"
        flow = [_t3_cell(tables, row, column) for row in _T3_FLOW]
        found.append(Instance("T3-1", column, at, (flow[0], flow[1]), (flow[2], flow[3])))
    for column in columns:
        at = f"{_T}.t3.rows.total_handled.{column}"
        parts = tuple(_t3_cell(tables, spec.key, column) for spec in _result_rows(tables))
        total = _t3_cell(tables, "total_handled", column)
        found.append(Instance("T3-2", column, at, parts, (total,)))
    for spec in tables.t3.data_rows():
        parts = tuple(_t3_cell(tables, spec.key, c.key) for c in _APPLICANTS)
        total = _t3_cell(tables, spec.key, "total")
        found.append(Instance("T3-3", spec.key, total.path, parts, (total,)))
    for group in Table4.GROUPS:
        cells = tables.t4[group.key]
        base = f"{_T}.t4.{group.key}"
        parts = tuple(Cell(f"{base}.{c.key}", cells[c.key]) for c in _T4_PARTS)
        found.append(
            Instance(
                "T4-1", group.key, f"{base}.total", parts, (Cell(f"{base}.total", cells.total),)
            )
        )
    return found


def _failing(report: DisclosureReport, identity: str) -> Iterator[tuple[StatutoryTables, Instance]]:
    if report.tables is None:
        return
    for instance in identities(report.tables):
        if instance.identity == identity and instance.fails:
            yield report.tables, instance


def _check_t3_flow(report: DisclosureReport, context: Context) -> Iterator[Diagnostic]:
    """Table 三, T3-1 (printed in the table's corner): in a column, 一、本年新收 + 二、上年结转 is not
    三（七）总计 + 四、结转下年度继续办理. What came in this year and from last year is what was handled and what
    is carried on; one of the four figures is wrong. Pointed at （七）总计 of the column."""
    for _, i in _failing(report, "T3-1"):
        (received, brought), (handled, carried) = (
            [c.value or 0 for c in i.parts],
            [c.value or 0 for c in i.totals],
        )
        column = _t3_column(i.where)
        left, right = received + brought, handled + carried
        yield context.diagnostic(
            i.at,
            f"表三“{column}”列：一+二 = {left}，但三（七）+四 = {right}",
            f"table 三, column {column}: received + brought forward = {left} but total handled + "
            f"carried forward = {right}",
            expected=_expression([received, brought]),
            found=_expression([handled, carried]),
        )


def _check_t3_results(report: DisclosureReport, context: Context) -> Iterator[Diagnostic]:
    """Table 三, T3-2: in a column, （七）总计 is not the sum of the results （一）予以公开 + （二）部分公开 +
    （三）不予公开 + （四）无法提供 + （五）不予处理 + （六）其他处理, where （三）（四）（五） (and in the 2021 format
    （六）) are the sums of their sub-rows. Pointed at （七）总计 of the column; ``expected`` shows （一）…（六）."""
    for t, i in _failing(report, "T3-2"):
        parts, total = i.sums()
        column = _t3_column(i.where)
        by_result = [getattr(t.t3.rows, spec.key)[i.where] for spec in _top_results(t)]
        yield context.diagnostic(
            i.at,
            f"表三“{column}”列：三（七）总计 = {total}，但（一）至（六）之和 = {parts}",
            f"table 三, column {column}: total handled = {total} but the results （一）–（六） "
            f"add up to {parts}",
            expected=_expression(by_result),
            found=str(total),
        )


def _check_t3_columns(report: DisclosureReport, context: Context) -> Iterator[Diagnostic]:
    """Table 三, T3-3: in a row, 总计 is not 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他.
    Pointed at the row's 总计."""
    for t, i in _failing(report, "T3-3"):
        parts, total = i.sums()
        row = _row_name(t, i.where)
        yield context.diagnostic(
            i.at,
            f"表三“{row}”行：总计 = {total}，但各申请人之和 = {parts}",
            f"table 三, row {row}: 总计 = {total} but the six applicant columns add up to {parts}",
            expected=_expression([c.value or 0 for c in i.parts]),
            found=str(total),
        )


def _check_t4(report: DisclosureReport, context: Context) -> Iterator[Diagnostic]:
    """Table 四, T4-1: in a group (行政复议; 行政诉讼 未经复议直接起诉; 行政诉讼 复议后起诉), 总计 is not
    结果维持 + 结果纠正 + 其他结果 + 尚未审结. Pointed at the group's 总计."""
    for _, i in _failing(report, "T4-1"):
        parts, total = i.sums()
        group = _group_name(i.where)
        yield context.diagnostic(
            i.at,
            f"表四“{group}”：总计 = {total}，但结果维持+结果纠正+其他结果+尚未审结 = {parts}",
            f"table 四, {group}: total = {total} but upheld + corrected + other + pending = {parts}",
            expected=_expression([c.value or 0 for c in i.parts]),
            found=str(total),
        )


def _example_t3_flow() -> DisclosureReport:
    t3 = {
        "一、本年新收政府信息公开申请数量": [3, 0, 0, 0, 0, 0, 3],
        "（一）予以公开": [2, 0, 0, 0, 0, 0, 2],
        "（七）总计": [2, 0, 0, 0, 0, 0, 2],
        "四、结转下年度继续办理": [2, 0, 0, 0, 0, 0, 2],  # 3 + 0 ≠ 2 + 2
    }
    return report(*six_sections(), year=2022, format=ReportFormat.V2021, tables=tables(t3=t3))


def _example_t3_results() -> DisclosureReport:
    t3 = {
        "一、本年新收政府信息公开申请数量": [3, 0, 0, 0, 0, 0, 3],
        "（一）予以公开": [2, 0, 0, 0, 0, 0, 2],  # and nothing else, while （七）总计 says 3
        "（七）总计": [3, 0, 0, 0, 0, 0, 3],
    }
    return report(*six_sections(), year=2022, format=ReportFormat.V2021, tables=tables(t3=t3))


def _example_t3_columns() -> DisclosureReport:
    t3 = {  # the 总计 column counts 自然人 only: 3 + 1 ≠ 3 in each row
        "一、本年新收政府信息公开申请数量": [3, 1, 0, 0, 0, 0, 3],
        "（一）予以公开": [3, 1, 0, 0, 0, 0, 3],
        "（七）总计": [3, 1, 0, 0, 0, 0, 3],
    }
    return report(*six_sections(), year=2022, format=ReportFormat.V2021, tables=tables(t3=t3))


def _example_t4() -> DisclosureReport:
    t4 = {"行政复议": [2, 1, 0, 1, 3]}  # 2 + 1 + 0 + 1 ≠ 3
    return report(*six_sections(), year=2022, format=ReportFormat.V2021, tables=tables(t4=t4))


# --- blank cells: what cannot be checked -----------------------------------------------------------------


def _listed(names: Sequence[str], more_zh: str, more_en: str, limit: int = 3) -> tuple[str, str]:
    """``一、二、三`` / ``一, 二, 三``, or the first ``limit`` names and how many more; the Chinese ends
    with the measure word ``more_zh`` either way (``一、二、三行``, ``一、二、三等5行``)."""
    if len(names) <= limit:
        return "、".join(names) + more_zh, ", ".join(names)
    shown, rest = names[:limit], len(names) - limit
    return "、".join(shown) + f"等{len(names)}{more_zh}", ", ".join(
        shown
    ) + f" and {rest} {more_en}"


def _blank_t3(tables: StatutoryTables) -> tuple[int, str, str]:
    """How many cells of table 三 are blank, described by whole columns, whole rows and single cells."""
    rows = tables.t3.data_rows()
    columns = Table3Row.COLUMNS
    blank = {(r.key, c.key) for r in rows for c in columns if tables.t3[r.key][c.key] is None}
    full_columns = [c for c in columns if all((r.key, c.key) in blank for r in rows)]
    if len(full_columns) == len(columns):
        return len(blank), "全部空白", "all blank"
    full_rows = [r for r in rows if all((r.key, c.key) in blank for c in columns)]
    covered = {c.key for c in full_columns}
    covered_rows = {r.key for r in full_rows}
    single = [
        (r, c)
        for r in rows
        for c in columns
        if (r.key, c.key) in blank and c.key not in covered and r.key not in covered_rows
    ]
    zh: list[str] = []
    en: list[str] = []
    if full_columns:
        names_zh = _listed([f"“{c.label}”" for c in full_columns], "列", "")[0]
        names_en = _listed([c.label for c in full_columns], "", "more columns")[1]
        zh.append(names_zh)
        en.append(f"column{'s' if len(full_columns) > 1 else ''} {names_en}")
    if full_rows:
        names = [_row_name(tables, r.key) for r in full_rows]
        names_zh = _listed([f"“{n}”" for n in names], "行", "")[0]
        names_en = _listed(names, "", "more rows")[1]
        zh.append(names_zh)
        en.append(f"row{'s' if len(full_rows) > 1 else ''} {names_en}")
    if single:
        names = [f"“{_row_name(tables, r.key)}”行“{c.label}”列" for r, c in single]
        names_en_list = [f"{_row_name(tables, r.key)} × {c.label}" for r, c in single]
        names_zh = _listed(names, "格", "")[0] if len(names) > 3 else "、".join(names)
        names_en = _listed(names_en_list, "", "more cells")[1]
        zh.append(names_zh)
        en.append(f"cell{'s' if len(single) > 1 else ''} {names_en}")
    return len(blank), "；".join(zh), "; ".join(en)


def _blank_t4(tables: StatutoryTables) -> tuple[int, str, str]:
    """How many cells of table 四 are blank, described by whole groups and single cells."""
    zh: list[str] = []
    en: list[str] = []
    n = 0
    for group in Table4.GROUPS:
        cells = tables.t4[group.key]
        blank = [c for c in Table4Group.COLUMNS if cells[c.key] is None]
        n += len(blank)
        name = _group_name(group.key)
        if len(blank) == len(Table4Group.COLUMNS):
            zh.append(f"“{name}”全部")
            en.append(f"all of {name}")
        elif blank:
            zh.append(f"“{name}”的" + "、".join(f"“{c.label}”" for c in blank))
            en.append(f"{name}: " + ", ".join(c.label for c in blank))
    if n == 15:
        return n, "全部空白", "all blank"
    return n, "；".join(zh), "; ".join(en)


def _unchecked(identity: str, wheres: list[str], tables: StatutoryTables) -> tuple[str, str]:
    """``T3-3（一、本年新收…等3行）`` / ``T3-3 (rows 一、… and 2 more)``: one identity's unchecked instances."""
    if identity in ("T3-1", "T3-2"):
        if len(wheres) == len(Table3Row.COLUMNS):
            return f"{identity}（全部7列）", f"{identity} (all 7 columns)"
        zh, en = _listed([_t3_column(w) for w in wheres], "列", "more columns")
        return f"{identity}（{zh}）", f"{identity} (column{'s' if len(wheres) > 1 else ''} {en})"
    if identity == "T3-3":
        n = len(tables.t3.data_rows())
        if len(wheres) == n:
            return f"{identity}（全部{n}行）", f"{identity} (all {n} rows)"
        zh, en = _listed([_row_name(tables, w) for w in wheres], "行", "more rows")
        return f"{identity}（{zh}）", f"{identity} (row{'s' if len(wheres) > 1 else ''} {en})"
    names = [_group_name(w) for w in wheres]
    return f"{identity}（{'、'.join(names)}）", f"{identity} ({', '.join(names)})"


def unchecked(tables: StatutoryTables) -> dict[str, list[str]]:
    """The identity instances that a blank cell leaves unchecked: identity → column, row or group keys."""
    found: dict[str, list[str]] = {}
    for instance in identities(tables):
        if not instance.checkable:
            found.setdefault(instance.identity, []).append(instance.where)
    return found


def _check_uncheckable(report: DisclosureReport, context: Context) -> Iterator[Diagnostic]:
    """Blank cells leave identities of table 三 or 四 unchecked (not an error: blank means not reported).

    One hint per table, at the table, naming its blank cells (a whole blank column or row by its name) and
    each identity (T3-1, T3-2 per column; T3-3 per row; T4-1 per group) it could not check. A 总计 column
    left blank, as real reports often do, leaves T3-1 and T3-2 of that column and T3-3 of every row
    unchecked: one hint, not 27.
    """
    if report.tables is None:
        return
    tables = report.tables
    missing = unchecked(tables)
    for key, identities_, describe in (
        ("t3", ("T3-1", "T3-2", "T3-3"), _blank_t3),
        ("t4", ("T4-1",), _blank_t4),
    ):
        table = statutory_table(key).numeral
        parts = [_unchecked(i, missing[i], tables) for i in identities_ if i in missing]
        if not parts:
            continue
        n, cells_zh, cells_en = describe(tables)
        yield context.diagnostic(
            f"{_T}.{key}",
            f"表{table}有{n}个空白单元格（{cells_zh}），无法核对：{'、'.join(p for p, _ in parts)}",
            f"table {table} has {n} blank cell{'s' if n > 1 else ''} ({cells_en}): cannot check "
            f"{', '.join(p for _, p in parts)}",
        )


def _example_uncheckable() -> DisclosureReport:
    t3: dict[str, list[int | None]] = {
        "一、本年新收政府信息公开申请数量": [2, 0, 0, 0, 0, 0, None],  # 总计 not reported
        "（一）予以公开": [2, 0, 0, 0, 0, 0, 2],
        "（七）总计": [2, 0, 0, 0, 0, 0, 2],
    }
    return report(*six_sections(), year=2022, format=ReportFormat.V2021, tables=tables(t3=t3))


# --- across years ----------------------------------------------------------------------------------------


def _check_brought_forward(report: DisclosureReport, context: Context) -> Iterator[Diagnostic]:
    """Table 三: this year's 二、上年结转政府信息公开申请数量 is not last year's 四、结转下年度继续办理, in a
    column. Requests carried on should arrive the next year; a restructured agency or a changed count can
    break that honestly, so this is a warning. Needs last year's report (``previous``) with its tables; a
    blank cell on either side is not compared. The 2020 (2019 format) and 2021 tables have the same
    columns."""
    previous = context.previous
    if report.tables is None or previous is None or previous.tables is None:
        return
    for column in Table3Row.COLUMNS:
        now = report.tables.t3.rows.brought_forward[column.key]
        then = previous.tables.t3.rows.carried_forward[column.key]
        if now is not None and then is not None and now != then:
            yield context.diagnostic(
                f"{_T}.t3.rows.brought_forward.{column.key}",
                f"表三“{column.label}”列：二、上年结转 = {now}，但{previous.year}年报告的"
                f"四、结转下年度继续办理 = {then}",
                f"table 三, column {column.label}: brought forward = {now} but the {previous.year} "
                f"report carried forward {then}",
                expected=str(then),
                found=str(now),
            )


def _example_brought_forward() -> DisclosureReport:
    t3 = {
        "二、上年结转政府信息公开申请数量": [1, 0, 0, 0, 0, 0, 1],
        "（一）予以公开": [1, 0, 0, 0, 0, 0, 1],
        "（七）总计": [1, 0, 0, 0, 0, 0, 1],
    }
    return report(*six_sections(), year=2022, format=ReportFormat.V2021, tables=tables(t3=t3))


def _example_brought_forward_previous() -> DisclosureReport:
    t3 = {
        "一、本年新收政府信息公开申请数量": [2, 0, 0, 0, 0, 0, 2],
        "四、结转下年度继续办理": [2, 0, 0, 0, 0, 0, 2],  # 2, not the 1 brought forward in 2022
    }
    return report(*six_sections(), year=2021, format=ReportFormat.V2021, tables=tables(t3=t3))


_DOCUMENT_ROWS = ("regulations", "normative_documents")


def _check_in_force(report: DisclosureReport, context: Context) -> Iterator[Diagnostic]:
    """Table 二 (2021 format): 现行有效件数 of 规章 or 行政规范性文件 is not last year's 现行有效件数 + 本年制发件数
    − 本年废止件数. Documents that lapse at the end of their term without being repealed explain a
    shortfall, so this is a warning. Needs last year's report in the 2021 format (the 2019 format has no
    现行有效件数); a blank cell is not compared."""
    previous = context.previous
    if not isinstance(report.tables, StatutoryTablesV2021) or previous is None:
        return
    if not isinstance(previous.tables, StatutoryTablesV2021):
        return
    for key in _DOCUMENT_ROWS:
        now = getattr(report.tables.t2.rows, key)
        then = getattr(previous.tables.t2.rows, key).in_force
        figures = (then, now.issued, now.repealed, now.in_force)
        if any(f is None for f in figures) or then + now.issued - now.repealed == now.in_force:
            continue
        label = report.tables.t2.row_spec(key).label
        expected = _expression([then, now.issued, now.repealed], ["+", "+", "-"])
        yield context.diagnostic(
            f"{_T}.t2.rows.{key}.in_force",
            f"表二“{label}”：现行有效件数 = {now.in_force}，但上年现行有效{then} + 本年制发{now.issued} − "
            f"本年废止{now.repealed} = {then + now.issued - now.repealed}",
            f"table 二, {label}: {now.in_force} in force, but {then} in force in {previous.year} + "
            f"{now.issued} issued − {now.repealed} repealed = {then + now.issued - now.repealed}",
            expected=expected,
            found=str(now.in_force),
        )


def _example_in_force() -> DisclosureReport:
    t2 = {"行政规范性文件": [2, 1, 9]}  # 5 + 2 − 1 = 6 expected
    return report(*six_sections(), year=2022, format=ReportFormat.V2021, tables=tables(t2=t2))


def _example_in_force_previous() -> DisclosureReport:
    t2 = {"行政规范性文件": [1, 0, 5]}
    return report(*six_sections(), year=2021, format=ReportFormat.V2021, tables=tables(t2=t2))


def _check_total_published(report: DisclosureReport, context: Context) -> Iterator[Diagnostic]:
    """Table 二 (2019 format): 对外公开总数量 of 规章 or 规范性文件 is smaller than this year's 本年新公开数量.
    The total published includes this year's; a warning, as a report may count the total of documents
    still in force."""
    if not isinstance(report.tables, StatutoryTablesV2019):
        return
    for key in _DOCUMENT_ROWS:
        row = getattr(report.tables.t2.rows, key)
        if row.published is None or row.total_published is None:
            continue
        if row.total_published < row.published:
            label = report.tables.t2.row_spec(key).label
            yield context.diagnostic(
                f"{_T}.t2.rows.{key}.total_published",
                f"表二“{label}”：对外公开总数量 = {row.total_published}，少于本年新公开数量{row.published}",
                f"table 二, {label}: {row.total_published} published in total, fewer than the "
                f"{row.published} published this year",
                expected=f"≥ {row.published}",
                found=str(row.total_published),
            )


def _example_total_published() -> DisclosureReport:
    t2 = {"规范性文件": [3, 5, 4]}  # 4 in total, 5 this year
    return report(
        *six_sections(),
        year=2020,
        format=ReportFormat.V2019,
        tables=tables(ReportFormat.V2019, t2=t2),
    )


_ITEM_ROWS = ("licensing", "other_services", "penalties", "coercion", "fees")


def _check_items(report: DisclosureReport, context: Context) -> Iterator[Diagnostic]:
    """Table 二 (2019 format): this year's 上一年项目数量 is not last year's 上一年项目数量 + 本年增/减 (行政许可,
    其他对外管理服务事项, 行政处罚, 行政强制, 行政事业性收费). Last year's count and change give the count this
    report should start from. Needs last year's report in the 2019 format; a blank cell is not compared."""
    previous = context.previous
    if not isinstance(report.tables, StatutoryTablesV2019) or previous is None:
        return
    if not isinstance(previous.tables, StatutoryTablesV2019):
        return
    for key in _ITEM_ROWS:
        now: ItemChanges = getattr(report.tables.t2.rows, key)
        then: ItemChanges = getattr(previous.tables.t2.rows, key)
        if None in (now.items_last_year, then.items_last_year, then.change):
            continue
        assert then.items_last_year is not None
        assert then.change is not None
        should = then.items_last_year + then.change
        if now.items_last_year != should:
            label = report.tables.t2.row_spec(key).label
            sign = "+" if then.change >= 0 else "-"
            last = _expression([then.items_last_year, abs(then.change)], ["+", sign])
            yield context.diagnostic(
                f"{_T}.t2.rows.{key}.items_last_year",
                f"表二“{label}”：上一年项目数量 = {now.items_last_year}，但{previous.year}年报告的"
                f"上一年项目数量加本年增/减为{last}",
                f"table 二, {label}: {now.items_last_year} items last year, but the {previous.year} "
                f"report's items and change give {last}",
                expected=last,
                found=str(now.items_last_year),
            )


def _example_items() -> DisclosureReport:
    t2 = {"行政许可": [40, 3, 90]}  # 40, but the 2019 report ended with 40 − 2 = 38
    return report(
        *six_sections(),
        year=2020,
        format=ReportFormat.V2019,
        tables=tables(ReportFormat.V2019, t2=t2),
    )


def _example_items_previous() -> DisclosureReport:
    t2 = {"行政许可": [40, -2, 100]}
    return report(
        *six_sections(),
        year=2019,
        format=ReportFormat.V2019,
        tables=tables(ReportFormat.V2019, t2=t2),
    )


# --- the narrative against the tables --------------------------------------------------------------------


def _cell_name(tables: StatutoryTables, path: str) -> str:
    """A cell of a :data:`~govdisclosure.model.TABLE_PHRASES` path as a reader finds it in the tables."""
    table, *rest = path.split(".")
    if table == "t3":
        _, row, column = rest
        name = _row_name(tables, row)
        return name if column == "total" else f"{name}“{_t3_column(column)}”"
    if table == "t4":
        group, column = rest
        name = _group_name(group)
        return name if column == "total" else f"{name}“{Table4Group.column(column).label}”"
    _, row, column = rest
    cells = tables.t2[row]
    return f"{tables.t2.row_spec(row).label}“{cells.column(column).label}”"


def _cell_value(tables: StatutoryTables, path: str) -> tuple[int | None, bool]:
    """The figure of a cell, and whether it is computed: for a blank 总计 of table 三 or 四, the sum of its
    row's or group's parts (T3-3, T4-1)."""
    holder: Any = tables
    *above, name = path.split(".")
    for part in above:
        holder = getattr(holder, part)
    value = getattr(holder, name)
    computed = False
    if value is None and name == "total" and isinstance(holder, Table3Row | Table4Group):
        value = blank_sum(
            v for c, v in zip(holder.COLUMNS, holder.values(), strict=True) if c.key != "total"
        )
        computed = value is not None
    return (value if isinstance(value, int) or value is None else None), computed


def _check_narrative(report: DisclosureReport, context: Context) -> Iterator[Diagnostic]:
    """A figure the text states is not the tables' figure for it: the text says 予以公开及部分公开120件 while
    table 三's （一）予以公开 + （二）部分公开 make 125.

    The text's figures are the :class:`~govdisclosure.model.Quantity` of the sections; their ``subject``
    names what they count, and :data:`~govdisclosure.model.TABLE_PHRASES` says which cells a subject
    denotes (新收政府信息公开申请 → 一、本年新收 总计; 行政诉讼 → the two 行政诉讼 总计 of table 四 …). A 总计 the
    publisher left blank is taken as the sum of its row's applicant columns (T3-3; in table 四 of its group's
    results, T4-1), and the message says so; a figure with a blank cell is not compared. Either side may be
    the wrong one, so this is a warning, at the text's figure."""
    if report.tables is None:
        return
    tables = report.tables
    for ref in report.sections():
        for index, quantity in enumerate(ref.node.quantities):
            phrase = match_table_phrase(quantity.subject, tables.version)
            if phrase is None:
                continue
            cells = [_cell_value(tables, path) for path in phrase.cells]
            values = [value for value, _ in cells]
            summed = any(computed for _, computed in cells)
            figure = blank_sum(values)
            if figure is None or figure == quantity.value:
                continue
            table = statutory_table(phrase.cells[0].split(".")[0]).numeral
            names = " + ".join(_cell_name(tables, path) for path in phrase.cells)
            note, note_en = "", ""
            if summed:
                parts = "各申请人列" if table == "三" else "各结果列"
                note = f"（总计栏空白，按{parts}之和计）"
                note_en = (
                    " (总计 is blank: the sum of the applicant columns, T3-3)"
                    if table == "三"
                    else " (总计 is blank: the sum of the results, T4-1)"
                )
            yield context.diagnostic(
                f"{ref.path}.quantities[{index}]",
                f"正文“{quantity.subject}{quantity.value}{quantity.unit}”，但表{table}{names} = "
                f"{figure}{note}",
                f"the text states {quantity.subject} {quantity.value} {quantity.unit}, but table "
                f"{table} gives {names} = {figure}{note_en}",
                expected=_expression([v or 0 for v in values]),
                found=str(quantity.value),
            )


def _example_narrative() -> DisclosureReport:
    sections = six_sections()  # section 三 states 予以公开及部分公开120件
    sections[2] = attrs.evolve(sections[2], quantities=[Quantity(120, "件", "予以公开及部分公开")])
    t3 = {
        "一、本年新收政府信息公开申请数量": [125, 0, 0, 0, 0, 0, 125],
        "（一）予以公开": [100, 0, 0, 0, 0, 0, 100],
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）": [25, 0, 0, 0, 0, 0, 25],
        "（七）总计": [125, 0, 0, 0, 0, 0, 125],
    }
    return report(*sections, year=2022, format=ReportFormat.V2021, tables=tables(t3=t3))


RULES = (
    Rule(
        code="GD701",
        severity=Severity.ERROR,
        summary="Table 三: received + brought forward is not total handled + carried forward (T3-1)",
        summary_zh="表三某列：一+二不等于三（七）总计+四（T3-1）",
        check=_check_t3_flow,
        example=_example_t3_flow,
    ),
    Rule(
        code="GD702",
        severity=Severity.ERROR,
        summary="Table 三: total handled is not the sum of the results （一）–（六） (T3-2)",
        summary_zh="表三某列：三（七）总计不等于（一）至（六）之和（T3-2）",
        check=_check_t3_results,
        example=_example_t3_results,
    ),
    Rule(
        code="GD703",
        severity=Severity.ERROR,
        summary="Table 三: a row's 总计 is not the sum of its six applicant columns (T3-3)",
        summary_zh="表三某行：总计不等于各申请人之和（T3-3）",
        check=_check_t3_columns,
        example=_example_t3_columns,
    ),
    Rule(
        code="GD704",
        severity=Severity.ERROR,
        summary="Table 四: a group's total is not upheld + corrected + other + pending (T4-1)",
        summary_zh="表四某组：总计不等于结果维持、结果纠正、其他结果、尚未审结之和（T4-1）",
        check=_check_t4,
        example=_example_t4,
    ),
    Rule(
        code="GD705",
        severity=Severity.INFO,
        summary="Blank cells leave identities of a table unchecked",
        summary_zh="空白单元格致使表格勾稽关系无法核对",
        check=_check_uncheckable,
        example=_example_uncheckable,
    ),
    Rule(
        code="GD706",
        severity=Severity.WARNING,
        summary="Table 三: brought forward is not what last year's report carried forward",
        summary_zh="表三“上年结转”与上年报告“结转下年度继续办理”不符",
        check=_check_brought_forward,
        example=_example_brought_forward,
        example_previous=_example_brought_forward_previous,
    ),
    Rule(
        code="GD707",
        severity=Severity.WARNING,
        summary="Table 二 (2021): in force is not last year's in force + issued − repealed",
        summary_zh="表二（2021年格式）现行有效件数不等于上年现行有效件数加本年制发减本年废止",
        check=_check_in_force,
        example=_example_in_force,
        example_previous=_example_in_force_previous,
    ),
    Rule(
        code="GD708",
        severity=Severity.WARNING,
        summary="Table 二 (2019): total published is smaller than published this year",
        summary_zh="表二（2019年格式）对外公开总数量少于本年新公开数量",
        check=_check_total_published,
        example=_example_total_published,
    ),
    Rule(
        code="GD709",
        severity=Severity.WARNING,
        summary="Table 二 (2019): last year's item count is not the previous report's count + change",
        summary_zh="表二（2019年格式）上一年项目数量不等于上年报告的项目数量加本年增/减",
        check=_check_items,
        example=_example_items,
        example_previous=_example_items_previous,
    ),
    Rule(
        code="GD710",
        severity=Severity.WARNING,
        summary="A figure the text states is not the tables' figure for it",
        summary_zh="正文所述数字与表格不符",
        check=_check_narrative,
        example=_example_narrative,
    ),
)
