"""The labels of the statutory tables as the reader matches them: exact after normalising, else tolerant."""

from __future__ import annotations

from difflib import SequenceMatcher
from itertools import combinations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govdisclosure import ReportFormat
from govdisclosure.parse import parse_text
from govdisclosure.parse._labels import LABELS, LabelRole, MatchHow, match_label, normalise
from govdisclosure.parse._tables import Cell, TokenKind, _token
from govdisclosure.parse._vocabulary import (
    TABLE_LABEL_SIMILARITY,
    TABLE_LABEL_TYPOS,
    TABLE_LABEL_VARIANTS,
)

VERSIONS = (ReportFormat.V2019, ReportFormat.V2021)


def _labels(table: str, version: ReportFormat) -> list[str]:
    return sorted(
        {
            normalise(label.text)
            for label in LABELS
            if label.table == table
            and version in label.versions
            and label.role is not LabelRole.TITLE
        }
    )


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("table", ["t2", "t3", "t4"])
def test_no_two_labels_of_a_table_are_similar_enough_to_be_taken_for_each_other(
    table: str, version: ReportFormat
) -> None:
    texts = _labels(table, version)
    ratios = [
        SequenceMatcher(None, a, b, autojunk=False).ratio() for a, b in combinations(texts, 2)
    ]
    assert max(ratios) < TABLE_LABEL_SIMILARITY
    assert max(ratios) <= 0.75  # the margin the vocabulary's comment states


def test_every_label_of_the_model_matches_itself_exactly() -> None:
    for label in LABELS:
        for version in label.versions:
            found = match_label(normalise(label.text), label.table, version)
            assert label in [m.label for m in found]
            assert all(m.how == "exact" for m in found)


@pytest.mark.parametrize(
    ("written", "printed"),
    [
        (
            "(二)部分公开(区分处理的,只计这一情形,不计其他情形)",
            "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        ),
        ("商业 企业", "商业企业"),
        ('3.危及"三安全一稳定"', "3.危及“三安全一稳定”"),
        ("3、危及「三安全一稳定」", "3.危及“三安全一稳定”"),
        ("本年收费金额(单位:万元)", "本年收费金额（单位：万元）"),
        ("第二十条 第(一)项", "第二十条第（一）项"),
        ("１．属于国家秘密", "1.属于国家秘密"),  # full-width digits and stop
        ("\u3000一、本年新收政府信息公开申请数量\u200b", "一、本年新收政府信息公开申请数量"),
    ],
)
def test_normalising_makes_the_widths_and_spaces_of_pages_agree(written: str, printed: str) -> None:
    assert normalise(written) == normalise(printed)


def test_the_known_typos_and_variants_are_data_and_all_lead_to_a_label() -> None:
    for wrong, right in TABLE_LABEL_TYPOS:
        label = next(lb for lb in LABELS if right in lb.text)
        found = match_label(
            normalise(label.text.replace(right, wrong)), label.table, ReportFormat.V2021
        )
        assert [(m.label, m.how) for m in found] == [(label, "typo")]
    for variant, printed in TABLE_LABEL_VARIANTS.items():
        label = next(lb for lb in LABELS if lb.text == printed)
        found = match_label(normalise(variant), label.table, ReportFormat.V2021)
        assert [(m.label, m.how) for m in found] == [(label, "variant")]


def test_a_row_of_the_other_format_is_its_row_here_and_nothing_else_is_stretched() -> None:
    # Issue 14: 2019's 规范性文件 in a 2021 table 二 is that table's 行政规范性文件 row (same key), as a
    # variant (GP501), not dropped; a column of the other format is no column here (its figures differ).
    found = match_label(normalise("规范性文件"), "t2", ReportFormat.V2021)
    assert [(m.label.text, m.label.key, m.how) for m in found] == [
        ("行政规范性文件", "normative_documents", "variant")
    ]
    assert match_label(normalise("本年制发件数"), "t2", ReportFormat.V2019) == []
    assert match_label(normalise("其他对外管理服务事项"), "t2", ReportFormat.V2021) == []


def test_an_older_row_label_in_a_newer_table_keeps_its_figures() -> None:
    page = (
        "2022年政府信息公开工作年度报告\n\n二、主动公开政府信息情况\n\n第二十条第（一）项 |\n"
        "信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n规章 | 0 | 0 | 1 |\n规范性文件 | 3 | 1 | 12 |\n"
    )
    result = parse_text(page)
    assert result.report.tables is not None
    assert result.report.tables.t2["行政规范性文件"]["现行有效件数"] == 12
    assert any(d.code == "GP501" and d.found == "规范性文件" for d in result.diagnostics)


def test_a_block_title_is_never_guessed() -> None:
    assert match_label(normalise("第二十条第（七）项"), "t2", ReportFormat.V2021) == []


@given(st.text(max_size=40))
def test_any_text_matches_at_most_one_label_by_similarity(text: str) -> None:
    for version in VERSIONS:
        for table in ("t2", "t3", "t4"):
            found = match_label(normalise(text), table, version)
            similar = [m for m in found if m.how == "similar"]
            assert len(similar) <= 1


def test_roles_kinds_and_matches_are_enums() -> None:
    assert {type(label.role) for label in LABELS} == {LabelRole}
    assert {label.role for label in LABELS} == set(LabelRole)
    (match,) = match_label(normalise("规范性文件"), "t2", ReportFormat.V2021)
    assert match.how is MatchHow.VARIANT
    assert match.approximate
    kinds = [
        _token(Cell(text, 0, len(text)), 0).kind for text in ("", "—", "12", "减4", "无", "规章")
    ]
    assert (
        kinds
        == [TokenKind.BLANK, TokenKind.BLANK, TokenKind.FIGURE, TokenKind.FIGURE]
        + [TokenKind.TEXT] * 2
    )
