"""The text rendering's tables re-laid as pages give them, read back cell for cell.

``test_tables_text`` writes the format's rows straight into each layout; here the rows come from
``render(report, "text")`` itself (its merged header cells padded, its rule lines, the blank cells a merged
header leaves), as a browser copies them (tab rows), a scraper gives them (one cell a line) or a word
processor (one cell a paragraph). A blank cell stays a cell in each of these layouts (an empty field
between tabs, an empty line or paragraph), so every cell must read back.

The Markdown rendering is not here: ``parse_text`` does not read GFM tables (their merged headers are
joined into labels, ``行政诉讼 / 复议后起诉``), as rendered or re-laid.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govdisclosure import ReportFormat, StatutoryTables, load
from govdisclosure.parse import parse_text
from govdisclosure.render import render
from tests.conftest import ROOT
from tests.parse.flat import bare_cell_lines, paragraph_lines, report_with, tab_lines
from tests.strategies_tables import any_tables, consistent_tables

Row = list[str]
RELAID: dict[str, Callable[[list[Row]], list[str]]] = {
    "tab rows": tab_lines,
    "one cell a line": bare_cell_lines,
    "one cell a paragraph": paragraph_lines,
}
_RULE = re.compile(r"[-+]*\+[-+]*")  # the text rendering's rule under a header: ----+----+


def relaid(text: str, write: Callable[[list[Row]], list[str]]) -> str:
    """``text`` with each run of table lines (cells ended by ``|``) written by ``write``: the cells of
    each line stripped of the padding that aligns them, rule lines dropped, every other line kept."""
    out: list[str] = []
    rows: list[Row] = []
    for line in [*text.split("\n"), ""]:
        stripped = line.strip()
        if _RULE.fullmatch(stripped):
            continue
        if "|" in stripped:
            rows.append([cell.strip() for cell in stripped.removesuffix("|").split("|")])
            continue
        if rows:
            out += write(rows)
            rows = []
        out.append(line)
    return "\n".join(out[:-1])


@st.composite
def tables(draw: st.DrawFn) -> StatutoryTables:
    version = draw(st.sampled_from([ReportFormat.V2019, ReportFormat.V2021]))
    found: StatutoryTables = draw(consistent_tables(version) | any_tables(version))
    return found


def test_the_relayer_keeps_every_cell_and_no_rule() -> None:
    text = "前言\n规章 |    0 |      |\n------+----+\n行政许可 | 5 |\n后记"
    assert relaid(text, tab_lines) == "前言\n规章\t0\t\n行政许可\t5\n后记"
    assert relaid(text, bare_cell_lines) == "前言\n规章\n0\n\n行政许可\n5\n后记"


@pytest.mark.parametrize("layout", sorted(RELAID))
def test_the_example_s_rendering_re_laid_reads_back(layout: str) -> None:
    example = load(ROOT / "examples" / "statutory_2021" / "report.json")
    text = render(example, "text")
    assert isinstance(text, str)
    result = parse_text(relaid(text, RELAID[layout]))
    assert result.report.tables == example.tables
    assert not [d for d in result.diagnostics if d.code.startswith("GP5")]


@pytest.mark.parametrize("layout", sorted(RELAID))
@settings(max_examples=25)
@given(found=tables())
def test_any_tables_rendered_as_text_and_re_laid_read_back(
    layout: str, found: StatutoryTables
) -> None:
    text = render(report_with(found), "text")
    assert isinstance(text, str)
    again = relaid(text, RELAID[layout])
    result = parse_text(again)
    assert result.report.tables == found, again
