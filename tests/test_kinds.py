"""Kinds that were strings are StrEnums: each member equal to its old string, the old strings still taken,
and what is written (JSON, CSV, HTML) unchanged byte for byte."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import attrs
import pytest

from govdisclosure import load, render
from govdisclosure.corpus import Pair, Relation, Verdict
from govdisclosure.render._grid import CellRole, table_grid
from govdisclosure.serialize import dumps
from govdisclosure.zh import DateStyle, NumeralStyle, format_date, to_chinese

EXAMPLES = sorted(Path("examples").glob("*/report.json"))


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.parent.name)
def test_the_examples_json_is_written_byte_for_byte_as_committed(path: Path) -> None:
    assert EXAMPLES
    assert dumps(load(path), indent=2).encode("utf-8") == path.read_bytes()


def test_date_and_numeral_styles_take_members_and_their_old_strings() -> None:
    day = dt.date(2014, 12, 4)
    for style in DateStyle:
        assert format_date(day, style=style) == format_date(day, style=style.value)
    assert format_date(day, style=DateStyle.CHINESE) == "二〇一四年十二月四日"
    assert (
        to_chinese(2014, style=NumeralStyle.DIGITS)
        == to_chinese(2014, style="digits")
        == "二〇一四"
    )
    assert to_chinese(2014, style=NumeralStyle.PLAIN) == "二千零一十四"
    with pytest.raises(ValueError, match="style must be 'arabic', 'chinese' or 'iso', got 'long'"):
        format_date(day, style="long")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="style must be 'plain' or 'digits', got 'roman'"):
        to_chinese(3, style="roman")  # type: ignore[arg-type]


def test_render_takes_a_date_style_member_as_its_string() -> None:
    report = load(EXAMPLES[0])
    assert render(report, "text", date_style=DateStyle.CHINESE) == render(
        report, "text", date_style="chinese"
    )


def _pair(verdict: str) -> Pair:
    return Pair(
        file_a="a.html",
        file_b="b.html",
        publisher_a="甲",
        publisher_b="甲",
        year_a=2014,
        year_b=2015,
        relation="consecutive",
        jaccard=0.9,
        containment=0.9,
        verdict=verdict,  # type: ignore[arg-type]  # the old string, as callers passed it
    )


def test_a_pairs_verdict_is_a_member_written_as_its_string() -> None:
    pair = _pair("copied")
    assert pair.verdict is Verdict.COPIED
    assert pair.verdict == "copied"
    assert json.dumps(pair.row()[9]) == '"copied"'
    out = io.StringIO()
    csv.writer(out).writerow(pair.row())
    assert out.getvalue().rstrip("\r\n").split(",")[9] == "copied"
    assert f"{pair.verdict}" == "copied"
    with pytest.raises(ValueError, match="'copy' is not a valid Verdict"):
        _pair("copy")


def test_a_pairs_relation_is_a_member_written_as_its_string() -> None:
    pair = _pair("copied")
    assert pair.relation is Relation.CONSECUTIVE
    assert json.dumps(pair.row()[6]) == '"consecutive"'
    assert f"{pair.relation}" == "consecutive"
    with pytest.raises(ValueError, match="'next' is not a valid Relation"):
        attrs.evolve(pair, relation="next")


def test_grid_cells_roles_are_members_equal_to_their_old_strings() -> None:
    report = load(Path("examples/statutory_2021/report.json"))
    assert report.tables is not None
    roles = {
        cell.role
        for group in table_grid(report.tables, "t3").groups
        for row in group.rows
        for cell in row
    }
    assert roles == set(CellRole) - {CellRole.TITLE}
    assert all(type(role) is CellRole for role in roles)
    assert {str(role) for role in roles} == {"corner", "column", "row", "value"}
