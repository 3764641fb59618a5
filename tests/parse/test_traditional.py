"""The traditional → simplified table used for matching (issue 14): one character to one, checked against
OpenCC's character table where OpenCC is installed, and covering the parser's closed vocabulary."""

from __future__ import annotations

import os

import pytest

from govdisclosure.model import (
    CATALOGUE_CHROME_LABELS,
    HEADER_FIELDS,
    OTHER_HEADER_LABELS,
    OVERVIEW_PARTS,
    STATUTORY_SECTIONS,
    TITLE_LABELS,
)
from govdisclosure.parse import parse_text
from govdisclosure.parse._labels import LABELS
from govdisclosure.parse._traditional import PHRASES, SIMPLIFIED, TRADITIONAL, to_simplified


def _vocabulary() -> set[str]:
    words = [label.text for label in LABELS]
    for heading in (*STATUTORY_SECTIONS, *OVERVIEW_PARTS):
        words += [heading.heading, *heading.variants]
    words += [*HEADER_FIELDS, *OTHER_HEADER_LABELS, *TITLE_LABELS, *CATALOGUE_CHROME_LABELS]
    return {c for word in words for c in word if "\u4e00" <= c <= "\u9fff"}


def test_one_character_to_one() -> None:
    assert len(TRADITIONAL) == len(SIMPLIFIED) == len(set(TRADITIONAL))
    assert set(SIMPLIFIED) <= _vocabulary() | set("统计期限时限起至止成绩单年报概述减免问题改进")


def test_the_table_is_opencc_s_for_the_vocabulary() -> None:
    opencc = pytest.importorskip("opencc")
    path = os.path.join(os.path.dirname(opencc.__file__), "dictionary", "TSCharacters.txt")
    vocabulary = _vocabulary()
    expected = {}
    with open(path, encoding="utf-8") as table:
        for line in table:
            traditional, simplified = line.rstrip("\n").split("\t")
            simplified = simplified.split()[0]
            if simplified in vocabulary and traditional != simplified and len(traditional) == 1:
                expected[traditional] = simplified
    mapped = dict(zip(TRADITIONAL, SIMPLIFIED, strict=True))
    assert {t: s for t, s in mapped.items() if s in vocabulary} == expected


def _words() -> list[str]:
    words = [label.text for label in LABELS]
    for heading in (*STATUTORY_SECTIONS, *OVERVIEW_PARTS):
        words += [heading.heading, *heading.variants]
    return [*words, *HEADER_FIELDS, *OTHER_HEADER_LABELS, *TITLE_LABELS, *CATALOGUE_CHROME_LABELS]


def test_the_phrases_are_opencc_s_taiwan_words_for_the_vocabulary() -> None:
    opencc = pytest.importorskip("opencc")
    path = os.path.join(os.path.dirname(opencc.__file__), "dictionary", "TWPhrasesRev.txt")
    words = _words()
    expected = set()
    with open(path, encoding="utf-8") as table:
        for line in table:
            taiwan, simplified = line.rstrip("\n").split("\t")
            simplified = simplified.split()[0]
            if len(taiwan) == len(simplified) and any(simplified in word for word in words):
                expected.add((taiwan, simplified))
    assert set(PHRASES) == expected


def test_phrases_keep_offsets_and_leave_simplified_text_alone() -> None:
    assert all(len(taiwan) == len(simplified) for taiwan, simplified in PHRASES)
    assert to_simplified("規範性檔案") == "规范性文件"
    assert to_simplified("档案馆 文件") == "档案馆 文件"


def test_a_taiwan_worded_row_is_read() -> None:
    page = (
        "2020年政府信息公开工作年度报告\n\n二、主动公开政府信息情况\n\n"
        "第二十條第（一）項\n信息內容\t本年新製作數量\t本年新公開數量\t對外公開總數量\n規章\t0\t0\t0\n"
        "規範性檔案\t2\t2\t19\n"
    )
    tables = parse_text(page).report.tables
    assert tables is not None
    assert tables.t2["规范性文件"]["对外公开总数量"] == 19


def test_a_traditional_page_reads_its_table_and_headings_but_keeps_its_text() -> None:
    page = (
        "2022年政府信息公開工作年度報告\n\n一、總體情況\n\n本機關認真做好工作。\n\n二、主動公開政府信息情況\n\n"
        "第二十條第（一）項\n信息內容\t本年制發件數\t本年廢止件數\t現行有效件數\n規章\t1\t0\t5\n"
        "行政規範性文件\t2\t1\t9\n"
    )
    result = parse_text(page)
    report = result.report
    assert report.tables is not None
    assert report.tables.t2["行政规范性文件"]["现行有效件数"] == 9
    assert report.tables.t2["规章"]["本年制发件数"] == 1
    assert [s.heading for s in report.body][:2] == ["總體情況", "主動公開政府信息情況"]
    assert [s.role.value if s.role else None for s in report.body][:2] == [
        "overview",
        "proactive_disclosure",
    ]
    assert to_simplified("總體情況") == "总体情况"
