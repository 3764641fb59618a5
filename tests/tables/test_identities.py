"""The strategies of tests/strategies_tables.py: consistent tables are consistent, perturb says what it breaks."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from govdisclosure import (
    ReportFormat,
    StatutoryTables,
    StatutoryTablesV2021,
    Table3V2021,
    Table4,
)
from tests.strategies_tables import (
    consistent_tables,
    count_cells,
    get_cell,
    perturb,
    with_cell,
)
from tests.tables.identities import broken, checkable

VERSIONS = st.sampled_from([ReportFormat.V2019, ReportFormat.V2021])


@st.composite
def versioned_tables(draw: st.DrawFn, blanks: bool = True) -> StatutoryTables:
    tables: StatutoryTables = draw(consistent_tables(draw(VERSIONS), blanks=blanks))
    return tables


@given(versioned_tables(blanks=False))
def test_consistent_tables_satisfy_every_identity(tables: StatutoryTables) -> None:
    assert broken(tables) == set()
    # nothing blank, so every instance was checked: T3-1 and T3-2 per column, T3-3 per row, T4-1 per group
    assert checkable(tables) == 7 + 7 + len(tables.t3.data_rows()) + 3


@given(versioned_tables())
def test_consistent_tables_with_blanks_break_nothing_checkable(tables: StatutoryTables) -> None:
    assert broken(tables) == set()


@given(st.data(), versioned_tables())
def test_perturb_changes_one_cell_and_names_what_breaks(
    data: st.DataObject, tables: StatutoryTables
) -> None:
    changed, p = data.draw(perturb(tables))
    differing = [c for c in count_cells(tables) if get_cell(tables, c) != get_cell(changed, c)]
    assert differing == [p.cell]
    assert (get_cell(tables, p.cell), get_cell(changed, p.cell)) == (p.before, p.after)
    assert changed.t2 == tables.t2
    assert broken(changed) == p.breaks


@given(st.data(), versioned_tables(blanks=False))
def test_on_a_full_table_every_change_breaks_a_row_and_a_column_identity(
    data: st.DataObject, tables: StatutoryTables
) -> None:
    _, p = data.draw(perturb(tables))
    rules = sorted(rule for rule, _ in p.breaks)
    if p.cell[0] == "t4":
        assert rules == ["T4-1"]
    elif p.cell[2] == "total_handled":  # in both T3-1 and T3-2
        assert rules == ["T3-1", "T3-2", "T3-3"]
    else:
        assert len(rules) == 2
        assert "T3-3" in rules


def test_the_check_functions_see_a_hand_made_error() -> None:
    t3 = Table3V2021.from_rows(
        {
            "一、本年新收政府信息公开申请数量": [2, 0, 0, 0, 0, 0, 2],
            "（一）予以公开": [1, 0, 0, 0, 0, 0, 1],
            "1.属于国家秘密": [1, 0, 0, 0, 0, 0, 1],
            "（七）总计": [2, 0, 0, 0, 0, 0, 2],
        }
    )
    tables = attrs.evolve(
        StatutoryTablesV2021(),
        t3=t3,
        t4=Table4.from_groups({"行政复议": [1, 0, 0, 0, 2]}),
    )
    # every other data row is blank, so only what can be checked is judged
    assert broken(tables) == {("T4-1", "review")}
    assert broken(with_cell(tables, ("t3", "rows", "received", "total"), 3)) == {
        ("T4-1", "review"),
        ("T3-3", "received"),
    }


@pytest.mark.parametrize("version", [ReportFormat.V2019, ReportFormat.V2021])
def test_blank_sub_rows_make_t3_2_uncheckable(version: ReportFormat) -> None:
    @given(consistent_tables(version, blanks=False))
    def check(tables: StatutoryTables) -> None:
        cell = ("t3", "rows", "withheld_state_secret", "natural_person")
        blanked = with_cell(tables, cell, None)
        assert blanked.t3.rows.withheld.natural_person is None
        assert broken(
            with_cell(blanked, ("t3", "rows", "total_handled", "natural_person"), 10**6)
        ) == {
            ("T3-1", "natural_person"),
            ("T3-3", "total_handled"),
        }

    check()
