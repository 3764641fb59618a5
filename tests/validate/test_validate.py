"""The engine on the seed report and on hand-made reports: exact diagnostics, selection, order, errors."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from govdisclosure import (
    DisclosureReport,
    Header,
    Quantity,
    ReportFormat,
    Section,
    Severity,
    Signature,
    load,
)
from govdisclosure.validate import rules, validate
from govdisclosure.validate._paths import reading_key
from tests.conftest import EXAMPLE_DIR
from tests.validate.clean import clean_previous, clean_report, edit, node

ITEM_3 = "$.body[1].children[2]"  # 三是推进权力公开, where the seed states its inventories

# What the seed's real inconsistencies deserve, read off the page by hand:
# - 涉及行政权利事项51项，其中行政执法权2项，重大事项决策权4项，内部管理权35项: 2 + 4 + 35 = 41, so 10 of the
#   51 are in no category: a warning (the categories are the report's own sorting of the matters).
# - 排查廉政风险点47个，其中高级8个，中级9个: 17 graded; the 30 others may be 低级 (not stated) or ungraded:
#   nothing is wrong for certain, a hint.
# - 制定防控措施42个 against 47 points: one measure can cover several points and the text does not tie
#   them, so a hint only (see GD104's docstring).
# Nothing else: the dates agree (2014-12-04 everywhere, 截至11月 within 2014, plan for 2015), the cited
# numbers are of 2014, the 索引号's year is 2014, the labels run 一、二、 and 一是 … 四是, 1289.4万元 is the one
# amount.
SEED = [
    ("GD102", Severity.WARNING, f"{ITEM_3}.power.matters", "2 + 4 + 35 = 41", "51", "10项未归类"),
    ("GD103", Severity.INFO, f"{ITEM_3}.risks.points", "8 + 9 = 17", "47", "30个未分级或为低级"),
    ("GD104", Severity.INFO, f"{ITEM_3}.risks.measures", "≥ 47", "42", "防控措施42个"),
]


def _summary(report: DisclosureReport) -> list[tuple[object, ...]]:
    return [(d.code, d.severity, d.path, d.expected, d.found) for d in validate(report)]


def test_the_seed_yields_exactly_what_its_inconsistencies_deserve(
    example_report: DisclosureReport,
) -> None:
    found = validate(example_report)
    assert [(d.code, d.severity, d.path, d.expected, d.found) for d in found] == [
        s[:5] for s in SEED
    ]
    for d, (*_, phrase) in zip(found, SEED, strict=True):
        assert phrase in d.message
    assert "10 left uncategorised" in found[0].message_en
    assert "30 are not graded or low" in found[1].message_en
    # The subject is quoted as the page writes it (行政权利事项, 权利 for 权力).
    assert found[0].message.startswith("行政权利事项51项")


def test_the_seed_json_gives_the_same(example_report: DisclosureReport) -> None:
    assert validate(load(EXAMPLE_DIR / "report.json")) == validate(example_report)


def test_select_and_ignore(example_report: DisclosureReport) -> None:
    codes = lambda **kw: [d.code for d in validate(example_report, **kw)]  # noqa: E731
    assert codes() == ["GD102", "GD103", "GD104"]
    assert codes(select="GD102") == ["GD102"]
    assert codes(select=["GD103", "GD104"]) == ["GD103", "GD104"]
    assert codes(ignore="GD104") == ["GD102", "GD103"]
    assert codes(select="GD1", ignore=["GD103"]) == ["GD102", "GD104"]
    # the more specific entry wins; ignore wins a tie
    assert codes(select="GD103", ignore="GD1") == ["GD103"]
    assert codes(select="GD103", ignore="GD103") == []
    assert codes(select="gd10 ") == ["GD102", "GD103", "GD104"]
    assert codes(select=[]) == []
    assert codes(ignore="GD") == []
    assert codes(select="GD2") == []


@pytest.mark.parametrize("bad", ["GD9", "GD1011", "XX", "", "GD-1", "GP101"])
def test_an_unknown_code_is_named(bad: str) -> None:
    with pytest.raises(ValueError, match=f"unknown rule code, prefix or name {bad!r} in ignore"):
        validate(clean_report(), ignore=["GD101", bad])
    with pytest.raises(ValueError, match="in select"):
        rules(select=bad)


def test_bad_arguments() -> None:
    with pytest.raises(TypeError, match="rule codes as strings"):
        validate(clean_report(), select=[101])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="expects a DisclosureReport"):
        validate({"title": "x"})  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="previous must be the report on 2021, got one on 2022"):
        validate(clean_report(), previous=clean_report())
    with pytest.raises(TypeError, match="previous must be a DisclosureReport"):
        validate(clean_report(), previous="2021.json")  # type: ignore[arg-type]


def test_without_previous_the_cross_year_rule_is_silent() -> None:
    report = clean_report()
    stats = node(report, (1, 0)).disclosure
    assert stats is not None
    report = edit(report, (1, 0), disclosure=attrs.evolve(stats, cumulative=Quantity(500, "条")))
    assert validate(report) == []
    assert [d.code for d in validate(report, previous=clean_previous())] == ["GD108"]


def test_diagnostics_come_in_reading_order_then_by_code() -> None:
    report = DisclosureReport(
        title="2013年政府信息公开工作年度报告",
        year=2014,
        format=ReportFormat.NARRATIVE,
        header=Header(
            document_date=dt.date(2015, 1, 20), published_at=dt.datetime(2015, 4, 2, 9, 0)
        ),
        body=[
            Section(ordinal=1, label="一.", heading="概述", paragraphs=["……"]),
            Section(ordinal=3, label="三、", heading="问题"),
        ],
        signature=Signature(date=dt.date(2015, 1, 22)),
    )
    assert [(d.path, d.code) for d in validate(report)] == [
        ("$.title", "GD310"),
        ("$.header.published_at", "GD306"),
        ("$.body[0].label", "GD204"),
        ("$.body[1]", "GD206"),
        ("$.body[1].ordinal", "GD201"),
        ("$.signature.date", "GD301"),
    ]


def test_reading_key_orders_indices_numerically_and_unknown_fields_last() -> None:
    paths = ["$.body[10]", "$.body[9].children[0]", "$.body[2].zzz", "$.body[2].children", "$"]
    assert sorted(paths, key=reading_key) == [
        "$",
        "$.body[2].children",
        "$.body[2].zzz",
        "$.body[9].children[0]",
        "$.body[10]",
    ]


def test_items_may_start_again_but_headings_may_not() -> None:
    def items(*ordinals: int) -> Section:
        return Section(
            ordinal=1,
            label="一、",
            heading="工作",
            children=[
                Section(ordinal=n, label=f"{'一二三四'[n - 1]}是", heading="某事") for n in ordinals
            ],
        )

    def report(*body: Section) -> DisclosureReport:
        return DisclosureReport(title="报告", year=2014, format=ReportFormat.NARRATIVE, body=body)

    assert _summary(report(items(1, 2, 1, 2, 3))) == []
    assert _summary(report(items(1, 2, 2, 3))) == [
        ("GD201", Severity.WARNING, "$.body[0].children[2].ordinal", "3", "2")
    ]
    restart = Section(ordinal=1, label="一、", heading="又一", paragraphs=["……"])
    assert _summary(report(items(1, 2), restart)) == [
        ("GD201", Severity.WARNING, "$.body[1].ordinal", "2", "1")
    ]


def test_a_heading_under_a_heading_of_its_own_level() -> None:
    report = DisclosureReport(
        title="报告",
        year=2014,
        format=ReportFormat.NARRATIVE,
        body=[
            Section(
                ordinal=1,
                label="（一）",
                heading="工作",
                children=[Section(ordinal=1, label="一、", heading="细目", paragraphs=["……"])],
            )
        ],
    )
    assert _summary(report) == [
        ("GD203", Severity.WARNING, "$.body[0].children[0].label", "1.", "一、")
    ]


def test_a_label_and_an_ordinal_alone() -> None:
    report = DisclosureReport(
        title="报告",
        year=2014,
        format=ReportFormat.NARRATIVE,
        body=[
            Section(label="一、", heading="概述", paragraphs=["……"]),
            Section(ordinal=2, heading="问题", paragraphs=["……"]),
        ],
    )
    assert _summary(report) == [
        ("GD202", Severity.ERROR, "$.body[0].ordinal", "1", None),
        ("GD202", Severity.ERROR, "$.body[1].label", None, None),
    ]


def test_an_item_with_only_its_heading_is_not_empty() -> None:
    item = Section(ordinal=1, label="一是", heading="提高思想认识")
    report = DisclosureReport(
        title="报告",
        year=2014,
        format=ReportFormat.NARRATIVE,
        body=[Section(ordinal=1, label="一、", heading="作法", children=[item]), Section()],
    )
    assert _summary(report) == [("GD206", Severity.WARNING, "$.body[1]", None, None)]


def test_undated_reports_bound_citations_by_the_year_after() -> None:
    from govdisclosure import CitedDocument, DocumentNumber

    def cited(year: int) -> DisclosureReport:
        number = DocumentNumber("某政办", year, 1)
        return DisclosureReport(
            title="报告",
            year=2014,
            format=ReportFormat.NARRATIVE,
            body=[Section(paragraphs=["……"], citations=[CitedDocument("通知", number)])],
        )

    assert _summary(cited(2014)) == []
    assert [c for c, *_ in _summary(cited(2015))] == ["GD402"]
    assert [c for c, *_ in _summary(cited(2016))] == ["GD401"]


def test_every_rule_has_a_unique_symbolic_name_and_no_retired_code_is_reused() -> None:
    import re

    from govdisclosure.validate._names import NAMES, RETIRED

    codes = [r.code for r in rules()]
    unnamed = [code for code in codes if code not in NAMES]
    assert unnamed == [], "add each new rule's name to validate/_names.py (NAMES)"
    assert set(NAMES) <= set(codes), "a removed rule's code moves to RETIRED"
    names = [*NAMES.values(), *RETIRED.values()]
    assert len(names) == len(set(names))
    assert all(re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", name) for name in names)
    assert not set(RETIRED) & set(codes), "a retired code is never reused"


def test_rules_are_chosen_by_name_as_by_code() -> None:
    assert [r.code for r in rules(select="uncategorised-parts")] == ["GD102"]
    assert "GD206" not in {r.code for r in rules(ignore=["empty-section"])}
