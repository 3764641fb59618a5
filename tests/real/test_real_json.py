"""Every real page's report is valid model data: the JSON converter, which checks every value's type,
reads it back equal (the parser builds its reports without the constructors' own type checks)."""

from __future__ import annotations

import pytest

from govdisclosure import dumps, loads
from tests.real.check import HOLDOUT, Page, pages, parse


@pytest.mark.parametrize("page", pages() + pages(HOLDOUT), ids=lambda p: p.name)
def test_a_parsed_real_page_survives_the_json_round_trip(page: Page) -> None:
    for layout in ("stored", "tab", "cell"):
        report = parse(page, layout).report
        assert loads(dumps(report)) == report
