"""The test helper that re-lays real pages' tables: it must keep every figure, in order, in every
layout, and keep the rest of the page as it was."""

from __future__ import annotations

import re

import pytest

from tests.real.check import pages
from tests.real.flatten import LAYOUTS, cells, figures, relayout, rows

# a row as the 2019 上海市人民政府办公厅 report prints it (two blank cells between figures), then the
# same row as 九原区-style one cell a line
PIPE_ROW = "一、本年新收政府信息公开申请数量 | 821 | 35 |  |  | 2 | 1 | 859 |"

#: pages whose rows print their figures run into the label a digit a column (规章000): the helper finds
#: no figure cell there, so it re-lays each such row whole, a row of its own, and keeps every run of
#: digits of the page in order
GLUED = frozenset({"xinye-wjw-2021", "dazhu-chuanzhu-xiang-2019"})


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(
    "page",
    [
        p
        for p in pages()
        if any(cell[4] is not None for cell in p.truth["cells"]) and p.file.endswith(".txt")
    ],
    ids=lambda p: p.name,
)
def test_figures_survive_every_layout(page: object, layout: str) -> None:
    text = page.text  # type: ignore[attr-defined]
    if page.name in GLUED:  # type: ignore[attr-defined]
        assert not figures(text)
        assert re.findall(r"\d+", relayout(text, layout)) == re.findall(r"\d+", text)
        glued = [line for line in text.split("\n") if re.fullmatch(r"\S*\D\d+", line)]
        relaid = {line.rstrip(" |") for line in relayout(text, layout).split("\n")}
        assert glued
        assert all(line in relaid for line in glued)
        return
    assert figures(text), "a statutory page of the corpus has figures in its tables"
    assert figures(relayout(text, layout)) == figures(text)


@pytest.mark.parametrize("layout", LAYOUTS)
def test_lines_outside_tables_are_kept(layout: str) -> None:
    page = next(p for p in pages() if p.name == "yangling-sjj-2022")
    before = page.text.split("\n")
    after = relayout(page.text, layout).split("\n")
    prose = [line for line in before if "。" in line]
    assert prose
    assert all(line in after for line in prose)
    assert after[0] == before[0]


def test_blank_cells_between_figures_stay_in_place() -> None:
    table = rows(
        cells(["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", PIPE_ROW])
    )
    assert table[-1] == ["一、本年新收政府信息公开申请数量", "821", "35", "", "", "2", "1", "859"]
    lines = relayout("\n".join(["（本列数据的勾稽关系为：…）", PIPE_ROW]), "cell").split("\n")
    assert (
        lines[-8:]
        == ["一、本年新收政府信息公开申请数量", "821", "35", "", "", "2", "1", "859"][-8:]
    )
    tab = relayout("\n".join(["（本列数据的勾稽关系为：…）", PIPE_ROW]), "tab").split("\n")
    assert tab[-1] == "一、本年新收政府信息公开申请数量\t821\t35\t\t\t2\t1\t859"


def test_a_pipe_alone_that_stands_for_a_blank_cell_stays_one() -> None:
    # cells ended by | with a | alone for a blank cell (汉阳区), and | alone between cells (安康市)
    ended = ["第二十条第(一)项 |", "规章 |", "0 |", "0 |", "|", "|", "行政规范性文件 |", "5 |"]
    assert rows(cells(ended))[1] == ["规章", "0", "0", "", ""]
    between = ["第二十条第(一)项", "|", "规章", "|", "0", "|", "|", "0", "|", "行政规范性文件"]
    assert rows(cells(between))[1] == ["规章", "0", "", "0"]


def test_a_pipe_alone_after_a_row_label_is_its_first_cell_blank() -> None:
    # mirror-ju-2019: 行政强制 | then | alone (上一年项目数量 blank), +10 |, 10 |, | (the row's end)
    ended = ["行政处罚 |", "|", "+239 |", "239 |", "|", "行政强制 |", "|", "+10 |", "10 |", "|"]
    assert rows(cells(ended)) == [
        ["行政处罚", "", "+239", "239", ""],
        ["行政强制", "", "+10", "10", ""],
    ]


def test_a_label_and_its_figures_on_separate_lines_make_one_row() -> None:
    text = "第二十条第(一)项\n\n信息内容\n\n本年制发件数\n\n本年废止件数\n\n现行有效件数\n\n规章\n\n0\n\n/\n\n6"
    assert relayout(text, "pipe").split("\n")[-1] == "规章 | 0 | / | 6 |"


def test_a_paragraph_holding_a_space_among_cells_a_paragraph_is_a_blank_cell() -> None:
    # huzhu-zwfwzx-2020: one cell a paragraph, blank cells as paragraphs holding a space
    text = "第二十条第(五)项\n\n信息内容\n\n上一年项目数量\n\n本年增/减\n\n处理决定数量\n\n行政许可\n\n 148\n\n \n\n \n"
    assert relayout(text, "pipe").split("\n")[-1] == "行政许可 | 148 |  |  |"
    assert relayout(text, "cell").split("\n")[-4:] == ["行政许可", "148", "", ""]


def test_traditional_labels_open_rows() -> None:
    text = "第二十條第(一)項 |\n信息內容 |\n本年製作數量 |\n規章 |\n0 |\n規範性文件 |\n2 |"
    assert relayout(text, "tab").split("\n")[-2:] == ["規章\t0", "規範性文件\t2"]


def test_blank_cells_at_a_rows_end_are_kept_up_to_its_columns() -> None:
    # kazuo-wjj-2025 and xizang-gzw-2020: 现行有效件数 printed blank at the row's end; a merged cell's
    # debris (||) after the last column, or after a title, is no cell
    lines = [
        "| 第二十条第(一)项 | |||",
        "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |",
        "| 规章 | 0 | 0 | |",
        "行政规范性文件 | 11 | ||",
        "| 第二十条第(五)项 | |||",
        "| 信息内容 | 本年处理决定数量 | ||",
        "| 行政许可 | 1300 | ||",
    ]
    assert rows(cells(lines)) == [
        ["第二十条第(一)项"],
        ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
        ["规章", "0", "0", ""],
        ["行政规范性文件", "11", "", ""],
        ["第二十条第(五)项"],
        ["信息内容", "本年处理决定数量"],
        ["行政许可", "1300"],
    ]


def test_a_row_label_with_its_figures_glued_is_a_row_of_its_own() -> None:
    # xinye-wjw-2021: the group's label, its first row's and the figures all run together
    lines = [
        "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)申请人情况",
        "三、本年度办理结果(一)予以公开1000001",
        "(二)部分公开(区分处理的,只计这一情形,不计其他情形)0000000",
    ]
    assert rows(cells(lines))[-2:] == [[lines[1]], [lines[2]]]


def test_a_typo_in_a_title_or_a_row_label_does_not_end_the_table() -> None:
    # kaihua-linshan-xiang-2020: 第二十一条 for 第二十条, 上年转结 for 上年结转
    text = "第二十一条第(一)项\n信息内容\n本年新制作数量\n本年新公开数量\n对外公开总数量\n规章\n0\n0\n0"
    assert relayout(text, "pipe").split("\n")[-1] == "规章 | 0 | 0 | 0 |"
    text = "（本列数据的勾稽关系为：…）\n一、本年新收政府信息公开申请数量 | 1 |\n二、上年转结政府信息公开申请数量 | 0 |"
    assert relayout(text, "tab").split("\n")[-1] == "二、上年转结政府信息公开申请数量\t0"


def test_unknown_layout_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown layout"):
        relayout("第二十条第（一）项\n规章 | 0 |", "csv")
