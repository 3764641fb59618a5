"""The worked example with deliberate errors: one per table identity of the format (T3-1, T3-2, T3-3, T4-1).

Each error is one wrong figure, as a careless transcription would make it. The identities share cells (every
cell of table 三 is in one row identity and one column identity), so a single wrong figure breaks more than
the identity it is aimed at: ``breaks`` lists every identity instance it breaks, as (rule, where), where is
the column key for T3-1 and T3-2, the row key for T3-3 and the group key for T4-1. The four errors touch
different rows and columns, so together they break exactly the union of their ``breaks``.

The text is left as it was, so one figure it states now contradicts the faulty table (:data:`NARRATIVE`):
（二）依申请公开 still says 新收政府信息公开申请88件 while 一、本年新收 总计 reads 89 (GD710, once; the text's
other figures name cells no error touches).

Run ``python examples/statutory_2021/build_errors.py`` to print the JSON of the faulty copy.
"""

from __future__ import annotations

import runpy
import sys
from pathlib import Path
from typing import Any, NamedTuple

import attrs

from govdisclosure import DisclosureReport, dumps


class DeliberateError(NamedTuple):
    """One wrong figure and the identity instances it breaks."""

    cell: tuple[str, ...]
    """Field names from the tables down to the cell (the JSON path is ``$.tables.`` + these joined by ``.``)."""
    correct: int
    wrong: int
    aimed_at: str
    breaks: frozenset[tuple[str, str]]

    @property
    def path(self) -> str:
        return "$.tables." + ".".join(self.cell)


ERRORS = (
    # T3-1 in the 自然人 column: 一 76 + 二 3 = 79, but 三（七）总计 75 + 四 5 = 80 once 四、结转下年度继续办理
    # 自然人 reads 5 instead of 4. The row's 总计 (5) no longer adds up either: T3-3 for that row.
    DeliberateError(
        ("t3", "rows", "carried_forward", "natural_person"),
        4,
        5,
        "T3-1",
        frozenset({("T3-1", "natural_person"), ("T3-3", "carried_forward")}),
    ),
    # T3-2 in the 法律服务机构 column: （一）予以公开 法律服务机构 reads 3 instead of 2, so （一）…（六）
    # add up to 4 while （七）总计 says 3. The row's 总计 (38) no longer adds up either: T3-3 for that row.
    DeliberateError(
        ("t3", "rows", "disclosed", "legal_services"),
        2,
        3,
        "T3-2",
        frozenset({("T3-2", "legal_services"), ("T3-3", "disclosed")}),
    ),
    # T3-3 in row 一、本年新收政府信息公开申请数量: its 总计 reads 89 instead of 88 while its six applicant
    # columns add up to 88. The 总计 column's T3-1 (一 + 二 = 三（七）+ 四) breaks with it: 92 against 91.
    DeliberateError(
        ("t3", "rows", "received", "total"),
        88,
        89,
        "T3-3",
        frozenset({("T3-3", "received"), ("T3-1", "total")}),
    ),
    # T4-1 in 行政诉讼 / 未经复议直接起诉: 结果维持 reads 2 instead of 1, so the results add up to 3 while the
    # group's 总计 says 2. Table 四 has no other identity: this breaks only T4-1.
    DeliberateError(
        ("t4", "litigation_direct", "upheld"),
        1,
        2,
        "T4-1",
        frozenset({("T4-1", "litigation_direct")}),
    ),
)


class NarrativeError(NamedTuple):
    """A figure the text states that the faulty tables contradict."""

    path: str
    """The JSON path of the text's :class:`~govdisclosure.model.Quantity`."""
    stated: int
    cell: tuple[str, ...]
    """The table cell the figure names (as in :class:`DeliberateError`)."""
    table: int


# 新收政府信息公开申请88件 in （二）依申请公开 (build.py's FACTS["s1.s2"], its first quantity), against the T3-3
# error's 一、本年新收 总计 89.
NARRATIVE = NarrativeError(
    "$.body[0].children[1].quantities[0]", 88, ("t3", "rows", "received", "total"), 89
)


def _replace(obj: Any, cell: tuple[str, ...], value: int) -> Any:
    if not cell:
        return value
    head, *rest = cell
    return attrs.evolve(obj, **{head: _replace(getattr(obj, head), tuple(rest), value)})


def build_with_errors() -> DisclosureReport:
    """The worked example with the four wrong figures of :data:`ERRORS`."""
    report: DisclosureReport = runpy.run_path(str(Path(__file__).with_name("build.py")))["build"]()
    tables = report.tables
    for error in ERRORS:
        tables = _replace(tables, error.cell, error.wrong)
    return attrs.evolve(report, tables=tables)


if __name__ == "__main__":
    sys.stdout.write(dumps(build_with_errors(), indent=2))
