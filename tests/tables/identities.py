"""The table identities of the format reference (§6), as small check functions for the tests.

Written from the reference's wording, independently of :mod:`tests.strategies_tables` (which says what a
change breaks from which cells each identity involves). An instance that needs a blank cell cannot be
checked and is never reported as broken. The validator's rules come later; these only serve the tests.
"""

from __future__ import annotations

from govdisclosure import StatutoryTables, Table3Row, Table4
from govdisclosure.model import blank_sum


def _differ(left: list[int | None], right: list[int | None]) -> bool:
    a, b = blank_sum(left), blank_sum(right)
    return a is not None and b is not None and a != b


def broken(tables: StatutoryTables) -> set[tuple[str, str]]:
    """Every identity instance that can be checked and fails, as (rule, column / row / group key)."""
    rows = tables.t3.rows
    found = set()
    for column in (c.key for c in Table3Row.COLUMNS):

        def cell(row: Table3Row, column: str = column) -> int | None:
            return row[column]

        # T3-1: 一 + 二 = 三（七）总计 + 四
        if _differ(
            [cell(rows.received), cell(rows.brought_forward)],
            [cell(rows.total_handled), cell(rows.carried_forward)],
        ):
            found.add(("T3-1", column))
        # T3-2: （七）总计 = （一）+（二）+ Σ（三）1–8 + Σ（四）1–3 + Σ（五）1–5 + （六） (2021: Σ（六）1–3)
        results = [
            rows.disclosed,
            rows.partly_disclosed,
            rows.withheld,
            rows.unavailable,
            rows.not_processed,
            rows.other_handling,
        ]
        if _differ([cell(rows.total_handled)], [cell(r) for r in results]):
            found.add(("T3-2", column))
    # T3-3: for every row, 总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他
    for spec in tables.t3.data_rows():
        row = tables.t3[spec.key]
        parts = [row.natural_person, row.commercial, row.research]
        parts += [row.social_welfare, row.legal_services, row.other]
        if _differ([row.total], parts):
            found.add(("T3-3", spec.key))
    # T4-1: in each group, 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结
    for group in Table4.GROUPS:
        g = tables.t4[group.key]
        if _differ([g.total], [g.upheld, g.corrected, g.other, g.pending]):
            found.add(("T4-1", group.key))
    return found


def checkable(tables: StatutoryTables) -> int:
    """How many identity instances have every cell they need (7 + 7 + data rows + 3 when nothing is blank)."""
    rows = tables.t3.rows
    n = 0
    for column in (c.key for c in Table3Row.COLUMNS):
        flow = [rows.received, rows.brought_forward, rows.total_handled, rows.carried_forward]
        n += all(r[column] is not None for r in flow)
        results = [rows.total_handled, rows.disclosed, rows.partly_disclosed, rows.withheld]
        results += [rows.unavailable, rows.not_processed, rows.other_handling]
        n += all(r[column] is not None for r in results)
    n += sum(None not in tables.t3[s.key].values() for s in tables.t3.data_rows())
    n += sum(None not in tables.t4[g.key].values() for g in Table4.GROUPS)
    return n
