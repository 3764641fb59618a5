"""Hypothesis strategies for the statutory tables.

- ``any_tables(version)``: tables with any figures, blank or not (for round trips; identities need not hold).
- ``consistent_tables(version)``: tables whose identities T3-1, T3-2, T3-3 and T4-1 hold wherever they can be
  checked; some cells blank (a few, or the whole 总计 column of table 三) unless ``blanks=False``.
- ``perturb(tables)``: the tables with exactly one count of table 三 or 四 changed, and a
  :class:`Perturbation` saying which identity instances that breaks (those that held and can be checked).

An identity instance is ``(rule, where)``: T3-1 and T3-2 hold per column (``where`` a column key of table 三),
T3-3 per row (a row key), T4-1 per group of table 四 (a group key). Only tables 三 and 四 have identities; the
2019 T2 heuristic (对外公开总数量 ≥ 本年新公开数量) is left alone: perturb never touches table 二.
"""

from __future__ import annotations

import typing
from decimal import Decimal
from typing import Any

import attrs
from hypothesis import strategies as st

from govdisclosure import (
    CellKind,
    Money,
    MoneyUnit,
    ReportFormat,
    StatutoryTables,
    Table3Row,
    Table4,
    Table4Group,
    blank_tables,
)
from govdisclosure.model import Cells

_CELLS: dict[CellKind, st.SearchStrategy[Any]] = {
    CellKind.COUNT: st.none() | st.integers(0, 10**9),
    CellKind.SIGNED: st.none() | st.integers(-(10**6), 10**6),
    CellKind.AMOUNT: st.none()
    | st.decimals(min_value=0, max_value=Decimal("1e9"), places=2, allow_nan=False),
    CellKind.MONEY: st.none()
    | st.builds(
        Money,
        st.decimals(min_value=0, max_value=Decimal("1e12"), places=2, allow_nan=False),
        st.sampled_from(MoneyUnit),
    ),
}


def _any(cls: type[Any]) -> st.SearchStrategy[Any]:
    if issubclass(cls, Cells):
        return st.builds(cls, *(_CELLS[c.kind] for c in cls.COLUMNS))
    hints = typing.get_type_hints(cls)
    parts = {f.name: _any(hints[f.name]) for f in attrs.fields(cls) if f.name != "version"}
    return st.builds(cls, **parts)


def any_tables(version: ReportFormat) -> st.SearchStrategy[StatutoryTables]:
    """Tables of the format with any figures in any cell, blank or not."""
    strategy: st.SearchStrategy[StatutoryTables] = _any(type(blank_tables(version)))
    return strategy


# --- the identities, as which cells each instance involves ---------------------------------------------

T3_FLOW = ("received", "brought_forward", "total_handled", "carried_forward")
"""The rows of T3-1: 一 + 二 = 三（七）总计 + 四."""


def result_rows(tables: StatutoryTables) -> tuple[str, ...]:
    """The data rows that T3-2 adds up to （七）总计: （一）（二）, the sub-rows of （三）（四）（五）, and （六）."""
    return tuple(
        spec.key
        for spec in tables.t3.data_rows()
        if spec.key not in T3_FLOW and spec.key != "total_handled"
    )


def _identities_of(tables: StatutoryTables, cell: tuple[str, ...]) -> set[tuple[str, str]]:
    """The identity instances a stored count cell takes part in, by the definition of each rule."""
    if cell[0] == "t4":
        return {("T4-1", cell[1])}
    _, _, row, column = cell
    instances = {("T3-3", row)}
    if row in T3_FLOW:
        instances.add(("T3-1", column))
    if row == "total_handled" or row in result_rows(tables):
        instances.add(("T3-2", column))
    return instances


def _cells_of(tables: StatutoryTables, instance: tuple[str, str]) -> list[tuple[str, ...]]:
    rule, where = instance
    columns = [c.key for c in Table3Row.COLUMNS]
    if rule == "T4-1":
        return [("t4", where, c.key) for c in Table4Group.COLUMNS]
    if rule == "T3-3":
        return [("t3", "rows", where, c) for c in columns]
    rows = T3_FLOW if rule == "T3-1" else ("total_handled", *result_rows(tables))
    return [("t3", "rows", r, where) for r in rows]


def get_cell(tables: StatutoryTables, cell: tuple[str, ...]) -> Any:
    """The value at a path of field names (``("t3", "rows", "received", "total")``)."""
    value: Any = tables
    for name in cell:
        value = getattr(value, name)
    return value


def with_cell(obj: Any, cell: tuple[str, ...], value: Any) -> Any:
    """A copy of ``obj`` with the value at a path of field names replaced."""
    if not cell:
        return value
    head, *rest = cell
    return attrs.evolve(obj, **{head: with_cell(getattr(obj, head), tuple(rest), value)})


def json_path(cell: tuple[str, ...]) -> str:
    """The JSON path of a cell of a report's tables: ``$.tables.t3.rows.received.natural_person``."""
    return "$.tables." + ".".join(cell)


def count_cells(tables: StatutoryTables) -> list[tuple[str, ...]]:
    """Every stored cell of tables 三 and 四, as paths of field names."""
    t3 = [
        ("t3", "rows", spec.key, column.key)
        for spec in tables.t3.data_rows()
        for column in Table3Row.COLUMNS
    ]
    t4 = [("t4", g.key, c.key) for g in Table4.GROUPS for c in g.columns]
    return t3 + t4


# --- consistent tables ------------------------------------------------------------------------------------


@st.composite
def consistent_tables(
    draw: st.DrawFn, version: ReportFormat, blanks: bool = True
) -> StatutoryTables:
    """Tables where T3-1, T3-2, T3-3 and T4-1 hold wherever every cell they need is given."""
    tables = blank_tables(version)
    results = result_rows(tables)
    applicants = [c.key for c in Table3Row.COLUMNS if c.key != "total"]
    figures: dict[str, dict[str, int]] = {key: {} for key in (*T3_FLOW, *results)}
    small = st.integers(0, 40)
    for column in applicants:
        # Most rows of a real table are 0: draw figures for a few rows only (and fewer draws run faster).
        nonzero = draw(st.lists(st.sampled_from(results), max_size=6, unique=True))
        handled = 0
        for key in results:
            figures[key][column] = draw(small) if key in nonzero else 0
            handled += figures[key][column]
        carried = draw(small)
        brought = draw(st.integers(0, handled + carried))
        figures["total_handled"][column] = handled
        figures["carried_forward"][column] = carried
        figures["brought_forward"][column] = brought
        figures["received"][column] = handled + carried - brought  # T3-1
    for row in figures.values():
        row["total"] = sum(row.values())  # T3-3; T3-1 and T3-2 follow for the 总计 column
    t3 = type(tables.t3).from_rows(figures)
    groups = {}
    for spec in Table4.GROUPS:
        parts = draw(st.lists(st.integers(0, 20), min_size=4, max_size=4))
        groups[spec.key] = [*parts, sum(parts)]  # T4-1
    tables = attrs.evolve(
        tables, t2=draw(_any(type(tables.t2))), t3=t3, t4=Table4.from_groups(groups)
    )
    if blanks:
        cells = count_cells(tables)
        for cell in draw(st.lists(st.sampled_from(cells), max_size=4)):
            tables = with_cell(tables, cell, None)
        if draw(st.integers(0, 4)) == 0:  # a whole 总计 column left blank, as real reports do
            for spec in tables.t3.data_rows():
                tables = with_cell(tables, ("t3", "rows", spec.key, "total"), None)
    return tables


@attrs.frozen
class Perturbation:
    """One cell changed by :func:`perturb`, and the identity instances the change breaks."""

    cell: tuple[str, ...]
    """The field names down to the cell: ``("t3", "rows", "received", "natural_person")``."""
    before: int
    after: int
    breaks: frozenset[tuple[str, str]]
    """(rule, where) of each instance that held and can be checked, and now fails."""

    @property
    def path(self) -> str:
        """The JSON path of the cell in a report (``$.tables.t3.rows.received.natural_person``)."""
        return json_path(self.cell)


@st.composite
def perturb(draw: st.DrawFn, tables: StatutoryTables) -> tuple[StatutoryTables, Perturbation]:
    """The tables (from :func:`consistent_tables`) with one given count of table 三 or 四 changed to another
    count, and what that breaks.

    Each identity is linear with every cell once, so changing one figure breaks exactly the instances
    that involve the cell and have every cell given (the others could not be checked before either).
    """
    given = [cell for cell in count_cells(tables) if get_cell(tables, cell) is not None]
    cell = draw(st.sampled_from(given))
    before = get_cell(tables, cell)
    after = draw(st.integers(0, before + 50).filter(lambda v: v != before))
    changed = with_cell(tables, cell, after)
    breaks = frozenset(
        instance
        for instance in _identities_of(tables, cell)
        if all(get_cell(changed, c) is not None for c in _cells_of(tables, instance))
    )
    return changed, Perturbation(cell, before, after, breaks)
