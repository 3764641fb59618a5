"""The parser against real published pages, page by page and field by field.

Every expected value comes from ``tests/fixtures/real/truth.json``, read off the pages by hand (see
that folder's README); the tables are checked in the page as stored and re-laid by
:mod:`tests.real.flatten` as ``|`` rows, tab rows and one cell a line.

``KNOWN_GAPS`` lists the (page, field) pairs the parser gets wrong today: they are marked
``xfail(strict=True)``, so a fix makes them XPASS and fail until its entry is removed here, and a
regression on any other pair fails. To see what is wrong: ``python benchmarks/score_real.py``.
"""

from __future__ import annotations

from functools import cache

import pytest

from tests.real.check import ALL_LAYOUTS, PageResult, check_page, pages

REASONS = {
    "year": "the year is not read from the statistical period, the introduction or the tables' format",
    "title": "the title is not chosen among candidate lines (breadcrumb, chrome, two lines, first sentence)",
    "publisher": "no publisher: 发布机构 not read, or the agency the title names not taken",
    "format": "the format is guessed from the year when the tables are not read",
    "headings": "table rows, inline or cut headings are read as top-level sections",
    "no_row_label_sections": "a table that is not read leaves its row labels as sections",
    "catalogue": "this catalogue layout (spaced labels, several fields a line, '|' rows, glued) is not read",
    "cells": "the tables in this layout are not read (or read into the wrong cells)",
}


KNOWN_GAPS: frozenset[tuple[str, str]] = frozenset(
    {
        ("meihekou-xinghua-xiang-2010", "headings"),
        ("mirror-anhui-2013-trad", "headings"),
        ("qilipingzhen-2020", "publisher"),
        ("sayibake-2019", "headings"),
        ("wangcang-lyj-2019", "cells.cell"),
        ("wangcang-lyj-2019", "cells.pipe"),
        ("wangcang-lyj-2019", "cells.stored"),
        ("wangcang-lyj-2019", "cells.tab"),
        ("xiangqiao-jyj-2023", "cells.cell"),
        ("xiangqiao-jyj-2023", "cells.pipe"),
        ("xiangqiao-jyj-2023", "cells.stored"),
        ("xiangqiao-jyj-2023", "cells.tab"),
    }
)


def _reason(field: str) -> str:
    return REASONS[field.split(".", 1)[0]]


@cache
def _result(name: str) -> PageResult:
    page = next(p for p in pages() if p.name == name)
    return check_page(page)


def _fields(result: PageResult) -> list[str]:
    names: list[str] = []
    for check in result.checks:
        key = f"cells.{check.layout}" if check.field.startswith("cell ") else check.field
        if key not in names:
            names.append(key)
    return names


def _cases() -> list[object]:
    cases: list[object] = []
    for page in pages():
        for key in _fields(_result(page.name)):
            marks = ()
            if (page.name, key) in KNOWN_GAPS:
                marks = (pytest.mark.xfail(strict=True, reason=_reason(key)),)
            cases.append(pytest.param(page.name, key, id=f"{page.name}-{key}", marks=marks))
    return cases


@pytest.mark.parametrize(("page", "key"), _cases())
def test_real_page(page: str, key: str) -> None:
    result = _result(page)
    if key.startswith("cells."):
        layout = key.split(".", 1)[1]
        wrong = [c for c in result.checks if c.field.startswith("cell ") and c.layout == layout]
    else:
        wrong = [c for c in result.checks if c.field == key]
    assert wrong, f"no check {key} for {page}"
    bad = [(c.field, c.expected, c.got) for c in wrong if not c.right]
    assert not bad, bad


def test_known_gaps_name_real_checks() -> None:
    """Every entry of KNOWN_GAPS is a check that exists (a stale entry is an error, not a no-op)."""
    existing = {(p.name, key) for p in pages() for key in _fields(_result(p.name))}
    assert existing >= KNOWN_GAPS, sorted(KNOWN_GAPS - existing)


def test_every_layout_is_checked_on_statutory_pages() -> None:
    for page in pages():
        if page.truth["cells"]:
            assert {f"cells.{layout}" for layout in ALL_LAYOUTS} <= set(_fields(_result(page.name)))
