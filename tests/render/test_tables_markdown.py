"""The statutory tables in Markdown: GFM pipe tables, read back with markdown-it-py, their merged headers
flattened into the labels (``三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密``)."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from markdown_it import MarkdownIt

from govdisclosure import (
    DisclosureReport,
    ReportFormat,
    RowKind,
    StatutoryTables,
    StatutoryTablesV2021,
)
from govdisclosure.render import render_markdown
from tests.render.golden import build
from tests.render.tables import printed, statutory_report
from tests.strategies_tables import any_tables

GFM = MarkdownIt("gfm-like")


def _text(token: Any) -> str:
    return "".join(child.content for child in token.children or [])


def markdown_tables(markdown: str) -> list[tuple[str | None, list[list[str]]]]:
    """Each table's rows of cell texts (as rendered: escapes resolved), with the bold paragraph just before
    it if there is one."""
    tokens = GFM.parse(markdown)
    tables: list[tuple[str | None, list[list[str]]]] = []
    title: str | None = None
    rows: list[list[str]] = []
    for n, token in enumerate(tokens):
        if token.type == "paragraph_open":
            inline = tokens[n + 1]
            kinds = [c.type for c in inline.children or [] if c.type != "text" or c.content]
            strong = kinds == ["strong_open", "text", "strong_close"]
            title = _text(inline) if strong else None
        elif token.type == "table_open":
            rows = []
        elif token.type == "tr_open":
            rows.append([])
        elif token.type == "inline" and rows and tokens[n - 1].type in ("th_open", "td_open"):
            rows[-1].append(_text(token))
        elif token.type == "table_close":
            tables.append((title, rows))
            title = None
        elif token.type == "heading_open":
            title = None
    return tables


def check_markdown_tables(markdown: str, tables: StatutoryTables) -> None:
    found = markdown_tables(markdown)
    join = " / ".join
    expected: list[tuple[str | None, list[list[str]]]] = []
    t2 = tables.t2
    for block in t2.BLOCKS:
        rows = [[block.header, *(c.label for c in block.columns)]]
        for spec in block.rows:
            figures = getattr(t2.rows, spec.key)
            rows.append(
                [spec.label, *(printed(getattr(figures, c.key), c.kind) for c in block.columns)]
            )
        expected.append((block.title, rows))
    t3 = tables.t3
    specs = {s.key: s for s in t3.ROWS}

    def path(key: str) -> list[str]:
        spec = specs[key]
        return [*(path(spec.parent) if spec.parent else []), spec.label]

    rows = [[t3.CORNER, *(join((*c.headers, c.label)) for c in t3.COLUMNS)]]
    for spec in t3.ROWS:
        if spec.kind is RowKind.DATA:
            figures = getattr(t3.rows, spec.key)
            rows.append(
                [
                    join(path(spec.key)),
                    *(
                        printed(v, c.kind)
                        for v, c in zip(figures.values(), t3.COLUMNS, strict=True)
                    ),
                ]
            )
    expected.append((None, rows))
    t4 = tables.t4
    columns = t4.GROUPS[0].columns
    rows = [["", *(c.label for c in columns)]]
    for group in t4.GROUPS:
        figures = getattr(t4, group.key)
        rows.append(
            [
                join((*group.headers, group.label)),
                *(printed(v, c.kind) for v, c in zip(figures.values(), columns, strict=True)),
            ]
        )
    expected.append((None, rows))
    assert found == expected


@pytest.fixture(scope="module")
def example_statutory() -> DisclosureReport:
    return build("statutory_2021")


def test_example_tables(example_statutory: DisclosureReport) -> None:
    assert example_statutory.tables is not None
    markdown = render_markdown(example_statutory)
    check_markdown_tables(markdown, example_statutory.tables)
    assert (
        "| 三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |"
        in markdown
    )
    assert "| 行政诉讼 / 未经复议直接起诉 | 1 | 0 | 0 | 1 | 2 |" in markdown
    assert "| --- | :---: | :---: | :---: |" in markdown  # labels left, figures centred


@settings(max_examples=30)
@given(any_tables(ReportFormat.V2019) | any_tables(ReportFormat.V2021))
def test_any_tables_read_back(tables: StatutoryTables) -> None:
    check_markdown_tables(render_markdown(statutory_report(tables)), tables)


def test_tables_in_their_sections(example_statutory: DisclosureReport) -> None:
    markdown = render_markdown(example_statutory)
    order = [
        "## 二、主动公开政府信息情况",
        "**第二十条第（一）项**",
        "## 三、收到和处理政府信息公开申请情况",
        "| （本列数据的勾稽关系为",
        "## 四、政府信息公开行政复议、行政诉讼情况",
        "| | 结果维持 |",
        "## 五、存在的主要问题及改进情况",
    ]
    at = [markdown.index(s) for s in order]
    assert at == sorted(at)


def test_blank_cells_are_empty() -> None:
    markdown = render_markdown(statutory_report(StatutoryTablesV2021()))
    assert "| 规章 | | | |" in markdown
    assert "| 行政复议 | | | | | |" in markdown


# The parser reads the Markdown rendering back through the HTML markdown-it-py makes of it: the tables'
# path labels (三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密) and table 四 on its side (a row a group).


def test_the_example_reads_back_from_its_markdown(example_statutory: DisclosureReport) -> None:
    from govdisclosure.parse import parse_html

    result = parse_html(GFM.render(render_markdown(example_statutory)))
    assert result.report == example_statutory
    assert not [d for d in result.diagnostics if d.code.startswith("GP5")]


@settings(max_examples=40)
@given(any_tables(ReportFormat.V2019) | any_tables(ReportFormat.V2021))
def test_any_tables_read_back_by_the_parser_from_markdown(tables: StatutoryTables) -> None:
    from govdisclosure.parse import parse_html

    report = statutory_report(tables)
    found = parse_html(GFM.render(render_markdown(report))).report.tables
    assert found == report.tables
