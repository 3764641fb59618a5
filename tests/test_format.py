"""The published format's knowledge has one home: ``govdisclosure.model._format`` (and the table layouts)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from govdisclosure.model import (
    HEADER_FIELDS,
    HEADER_LABELS,
    STATUTORY_SECTIONS,
    STATUTORY_TABLES,
    DisclosureReport,
    Header,
    ReportFormat,
    Role,
    Section,
    Table2V2019,
    Table2V2021,
    Table3V2019,
    Table3V2021,
    Table4,
    format_for_year,
    is_statutory,
    match_statutory_section,
    node_kind,
    path_id,
    statutory_table,
)

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "govdisclosure"
HOME = {
    "model/_format.py",  # the sections, tables, header labels, path ids
    "model/_table2.py",  # the layouts of the tables: their rows and columns by label
    "model/_table3.py",
    "model/_table4.py",
}
# Files of the parser that still spell table labels of their own (its table-label variants and typos);
# the parser's rewrite moves them onto the home. Remove an entry when its file no longer needs it.
PENDING = {"parse/_vocabulary.py"}


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        (2008, ReportFormat.NARRATIVE),
        (2018, ReportFormat.NARRATIVE),
        (2019, ReportFormat.V2019),
        (2020, ReportFormat.V2019),
        (2021, ReportFormat.V2021),
        (2030, ReportFormat.V2021),
    ],
)
def test_the_format_of_a_year(year: int, expected: ReportFormat) -> None:
    assert format_for_year(year) is expected


def test_the_statutory_formats() -> None:
    assert [f for f in ReportFormat if is_statutory(f)] == [ReportFormat.V2019, ReportFormat.V2021]


def test_the_six_sections_in_order() -> None:
    assert [h.title for h in STATUTORY_SECTIONS] == [
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项",
    ]


@pytest.mark.parametrize(
    ("heading", "position"),
    [
        ("总体情况", 1),
        ("一、总体情况", 1),
        ("主动公开政府信息情况", 2),
        ("二、主动公开政府信息的情况", 2),
        ("收到和处理政府信息公开申请情况", 3),
        ("三、 收到和处理政府信息公开申请的情况", 3),
        ("政府信息公开行政复议、行政诉讼情况", 4),
        ("因政府信息公开工作被申请行政复议、提起行政诉讼情况", 4),
        ("四、政府信息公开行政复议、行政诉讼情况", 4),
        ("存在的主要问题及改进情况", 5),
        ("政府信息公开工作存在的主要问题及改进情况", 5),
        ("五、存在问题及改进措施", 5),
        ("其他需要报告的事项", 6),
        ("六、其他需要报告的事项", 6),
        ("附则", None),
        ("主要作法及成效", None),
        ("", None),
    ],
)
def test_required_headings_match_leniently(heading: str, position: int | None) -> None:
    part = match_statutory_section(heading)
    assert (part.ordinal if part else None) == position


def test_no_official_heading_or_variant_matches_two_sections() -> None:
    for part in STATUTORY_SECTIONS:
        for wording in (part.heading, *part.variants):
            matching = [
                p.ordinal for p in STATUTORY_SECTIONS if any(k in wording for k in p.keywords)
            ]
            assert matching == [part.ordinal], wording


def test_the_tables() -> None:
    assert [(t.key, t.name, t.section.label) for t in STATUTORY_TABLES] == [
        ("t2", "表二", "二、"),
        ("t3", "表三", "三、"),
        ("t4", "表四", "四、"),
    ]
    assert statutory_table("三").key == "t3"
    with pytest.raises(KeyError, match="t2, t3, t4"):
        statutory_table("t5")


def test_every_header_label_names_a_header_field() -> None:
    fields = {a.name for a in Header.__attrs_attrs__} - {"other"}
    assert {h.field for h in HEADER_LABELS} == fields
    assert HEADER_FIELDS["发文日期"] == HEADER_FIELDS["生成日期"] == "document_date"
    assert HEADER_FIELDS["发布机构"] == "publisher"


def test_kinds_and_path_ids() -> None:
    assert [node_kind(x) for x in ("一、", "（二）", "1.", "三是", "十一是", None)] == [
        "section",
        "section",
        "section",
        "item",
        "item",
        "block",
    ]
    assert path_id("s2.i1", "block", 3) == "s2.i1.b3"
    report = DisclosureReport(
        title="t",
        year=2014,
        format=ReportFormat.NARRATIVE,
        body=[
            Section(paragraphs=["导语"], role=Role.PREAMBLE),
            Section(
                ordinal=1,
                label="一、",
                children=[Section(ordinal=1, label="一是"), Section(ordinal=2, label="二是")],
            ),
        ],
    )
    assert [r.id for r in report.sections()] == ["b1", "s1", "s1.i1", "s1.i2"]


# --- nothing spells the vocabulary outside its home ---------------------------------------------------

_NUMBERING = re.compile(r"^(?:（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、)")


def _table_labels() -> set[str]:
    labels: set[str] = set()
    for t2 in (Table2V2019, Table2V2021):
        for block in t2.BLOCKS:
            labels |= {block.title, block.header}
            labels |= {c.label for c in block.columns} | {r.label for r in block.rows}
    for t3 in (Table3V2019, Table3V2021):
        labels.add(t3.CORNER)
        for column in t3.COLUMNS:
            labels |= {column.label, *column.headers}
        labels |= {spec.label for spec in t3.ROWS}
    for group in Table4.GROUPS:
        labels |= {group.label, *group.headers} | {c.label for c in group.columns}
    # Short labels (总计, 自然人, 其他) are ordinary words; the long ones are the format's own.
    return {_NUMBERING.sub("", label) for label in labels if len(_NUMBERING.sub("", label)) >= 5}


def _headings() -> set[str]:
    return {w for h in STATUTORY_SECTIONS for w in (h.heading, *h.variants)}


def _string_constants(tree: ast.Module) -> list[ast.Constant]:
    """The string literals of a module that are data, not documentation: docstrings and the rules'
    examples (``_example_*``, printed in the rule reference for readers, labels and all) are left out."""
    docs = {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
    }
    docs |= {
        id(inner)
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef) and node.name.startswith("_example")
        for inner in ast.walk(node)
    }
    return [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs
    ]


def _spellings() -> list[str]:
    headings, labels = _headings(), _table_labels()
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()
        if rel in HOME or rel in PENDING:
            continue
        for node in _string_constants(ast.parse(path.read_text(encoding="utf-8"))):
            for heading in headings:
                if heading in node.value:
                    found.append(f"{rel}:{node.lineno}: section heading {heading}")
            bare = _NUMBERING.sub("", node.value)
            if bare in labels:
                found.append(f"{rel}:{node.lineno}: table label {node.value}")
    return found


def test_section_headings_and_table_labels_are_spelled_only_in_the_format_home() -> None:
    assert _spellings() == [], (
        "use govdisclosure.model (STATUTORY_SECTIONS, the tables' ROWS/COLUMNS/BLOCKS) instead"
    )


def test_the_check_finds_a_spelling(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    module = PACKAGE / "validate" / "_a_spelling_for_the_test.py"
    monkeypatch.setattr(Path, "rglob", lambda self, pattern: [module] if self == PACKAGE else [])
    monkeypatch.setattr(
        Path,
        "read_text",
        lambda self, encoding=None: (
            'H = "其他需要报告的事项"\nL = "一、本年新收政府信息公开申请数量"\n'
        ),
    )
    assert [line.split(": ", 1)[1] for line in _spellings()] == [
        "section heading 其他需要报告的事项",
        "table label 一、本年新收政府信息公开申请数量",
    ]
