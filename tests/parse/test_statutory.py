"""The statutory (2021-format) worked example read back from its own renderings: the same report.

``examples/statutory_2021`` states as facts exactly what its text says (the figures it repeats from the
tables as Quantity, the documents it cites …) and keeps its lists (一是…；二是…) as items, so that what the
renderings cannot carry (facts, roles) is what the parser reads back from the wording, and the whole report
comes back equal, tables included.
"""

from __future__ import annotations

import pytest

from govdisclosure import DisclosureReport, ReportFormat, load, validate
from govdisclosure.parse import parse_html, parse_text
from govdisclosure.render import render
from tests.conftest import ROOT
from tests.parse.helpers import check_provenance, resolve

EXAMPLE = ROOT / "examples" / "statutory_2021" / "report.json"


@pytest.fixture(scope="module")
def example() -> DisclosureReport:
    return load(EXAMPLE)


@pytest.mark.parametrize("width", [None, 24, 40, 60, 72, 80, 100])
def test_the_text_rendering_reads_back_to_the_same_report(
    example: DisclosureReport, width: int | None
) -> None:
    text = render(example, "text", width=width)
    assert isinstance(text, str)
    result = parse_text(text)
    assert result.report == example
    assert result.diagnostics == ()  # no GP005: the tables are read, not kept as text rows
    check_provenance(result)


@pytest.mark.parametrize("full_page", [False, True])
def test_the_html_rendering_reads_back_to_the_same_report(
    example: DisclosureReport, full_page: bool
) -> None:
    html = render(example, "html", full_page=full_page)
    assert isinstance(html, str)
    result = parse_html(html)
    assert result.report == example
    assert result.diagnostics == ()
    check_provenance(result)


def test_every_cell_has_its_source(example: DisclosureReport) -> None:
    text = render(example, "text")
    assert isinstance(text, str)
    result = parse_text(text)
    tables = example.tables
    assert tables is not None
    cells = [p for p in result.provenance if p.startswith("$.tables.")]
    # every cell of the example is a figure: 14 cells of table 二, 25 × 7 of table 三, 15 of table 四
    assert len(cells) == 3 + 3 + 1 + 1 + 1 + 1 + 25 * 7 + 15
    for path in cells:
        value = resolve(result.report, path)
        assert result.source_of(path) == (
            f"{value:f}" if not isinstance(value, int) else str(value)
        )


def test_the_parsed_report_validates_as_the_example_does(example: DisclosureReport) -> None:
    html = render(example, "html")
    assert isinstance(html, str)
    parsed = parse_html(html).report
    assert parsed.format is ReportFormat.V2021
    assert validate(parsed) == validate(example) == []
