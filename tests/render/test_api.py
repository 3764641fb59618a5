"""``render(report, to, **options)``: dispatch, errors that name what is allowed, lazy imports."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given

from govdisclosure import DisclosureReport
from govdisclosure.render import (
    FORMATS,
    OptionValueError,
    RenderError,
    UnknownFormatError,
    UnknownOptionError,
    render,
    render_html,
    render_markdown,
    render_text,
)
from govdisclosure.render._common import outline, walk
from tests.render.golden import build
from tests.strategies import reports


def test_formats_dispatch(example_report: DisclosureReport) -> None:
    assert FORMATS == ("text", "markdown", "html", "docx", "xlsx")
    assert render(example_report, "text", width=60) == render_text(example_report, width=60)
    assert render(example_report, "markdown") == render_markdown(example_report)
    assert render(example_report, "html", full_page=True) == render_html(
        example_report, full_page=True
    )
    assert isinstance(render(example_report, "docx"), bytes)
    assert isinstance(render(build("statutory_2021"), "xlsx"), bytes)


@pytest.mark.parametrize("to", ["pdf", "HTML", "", None, 1])
def test_unknown_format(example_report: DisclosureReport, to: object) -> None:
    with pytest.raises(
        UnknownFormatError, match="expected one of 'text', 'markdown', 'html', 'docx', 'xlsx'"
    ):
        render(example_report, to)  # type: ignore[arg-type]
    assert issubclass(UnknownFormatError, ValueError)


@pytest.mark.parametrize(
    ("to", "option", "allowed"),
    [
        ("text", "full_page", "width, date_style"),
        ("markdown", "width", "date_style"),
        ("html", "width", "full_page, loader, environment, id_prefix, date_style, stylesheet"),
        ("docx", "full_page", "date_style"),
    ],
)
def test_unknown_option(
    example_report: DisclosureReport, to: str, option: str, allowed: str
) -> None:
    with pytest.raises(UnknownOptionError, match=f"its options are {allowed}$"):
        render(example_report, to, **{option: True})
    assert issubclass(UnknownOptionError, TypeError)
    assert issubclass(UnknownOptionError, RenderError)


@pytest.mark.parametrize("to", [f for f in FORMATS if f != "xlsx"])
def test_bad_date_style_in_every_format(example_report: DisclosureReport, to: str) -> None:
    with pytest.raises(OptionValueError, match="date_style must be one of"):
        render(example_report, to, date_style="lunar")


@pytest.mark.parametrize("to", FORMATS)
def test_not_a_report(to: str) -> None:
    with pytest.raises(TypeError, match="expected a DisclosureReport, got dict"):
        render({"title": "x"}, to)  # type: ignore[arg-type]


def test_import_govdisclosure_loads_neither_jinja2_nor_docx() -> None:
    code = (
        "import sys, govdisclosure, govdisclosure.render, govdisclosure.cli;"
        "print(sorted(m for m in ('jinja2', 'docx', 'markupsafe', 'lxml') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@given(reports())
def test_outline_ids_are_the_models_path_ids(report: DisclosureReport) -> None:
    nodes = list(walk(outline(report)))
    refs = list(report.sections())
    assert [n.id for n in nodes] == [r.id for r in refs]
    assert all(n.node is r.node for n, r in zip(nodes, refs, strict=True))


def test_xlsx_takes_no_option(example_report: DisclosureReport) -> None:
    with pytest.raises(
        UnknownOptionError, match=r"xlsx takes no option 'date_style': it has none$"
    ):
        render(build("statutory_2021"), "xlsx", date_style="arabic")
