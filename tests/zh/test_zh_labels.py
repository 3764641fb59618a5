"""GB/T 9704 numbering labels: writing them, and finding them at the start of real text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govdisclosure.zh import Label, enumerator, heading_label, parse_label


@pytest.mark.parametrize(
    ("level", "n", "label"),
    [
        (1, 1, "一、"),
        (1, 6, "六、"),
        (1, 10, "十、"),
        (1, 12, "十二、"),
        (2, 1, "\uff08一\uff09"),  # full-width brackets U+FF08/U+FF09, as GB/T 9704 prints them
        (2, 7, "（七）"),
        (3, 1, "1."),
        (3, 8, "8."),
        (4, 1, "\uff081\uff09"),
        (4, 12, "（12）"),
    ],
)
def test_heading_label(level: int, n: int, label: str) -> None:
    assert heading_label(level, n) == label


def test_enumerator() -> None:
    assert [enumerator(n) for n in (1, 2, 3, 4, 11)] == ["一是", "二是", "三是", "四是", "十一是"]


@pytest.mark.parametrize(("level", "n"), [(0, 1), (5, 1), (1, 0), (3, -1)])
def test_heading_label_refuses_bad_values(level: int, n: int) -> None:
    with pytest.raises(ValueError, match=r"level|ordinal"):
        heading_label(level, n)


@pytest.mark.parametrize("n", [True, 1.0, "1"])
def test_ordinals_must_be_int(n: object) -> None:
    with pytest.raises(TypeError):
        heading_label(1, n)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        enumerator(n)  # type: ignore[arg-type]


@given(
    st.integers(1, 4), st.integers(1, 99), st.sampled_from(["", "总体情况", "（一）属于", " 其他"])
)
def test_labels_read_back(level: int, n: int, rest: str) -> None:
    label = heading_label(level, n)
    found = parse_label(label + rest)
    assert found == Label(level, n, len(label) + (len(rest) - len(rest.lstrip())))


@given(st.integers(1, 99))
def test_enumerators_read_back(n: int) -> None:
    assert parse_label(enumerator(n) + "提高思想认识。") == Label(0, n, len(enumerator(n)))


@pytest.mark.parametrize(
    ("text", "level", "ordinal", "rest"),
    [
        # the seed's headings and inline enumerators
        ("一、主要作法及成效", 1, 1, "主要作法及成效"),
        ("二、存在的主要问题及2015年工作计划", 1, 2, "存在的主要问题及2015年工作计划"),
        ("    一、主要作法及成效", 1, 1, "主要作法及成效"),
        ("一是提高思想认识。", 0, 1, "提高思想认识。"),
        ("三是推进权力公开。", 0, 3, "推进权力公开。"),
        ("二是信息公开制度体系建设还有待进一步加强", 0, 2, "信息公开制度体系建设还有待进一步加强"),
        # the format reference and the fixtures (half-width brackets, as text extraction gives)
        ("三、收到和处理政府信息公开申请情况", 1, 3, "收到和处理政府信息公开申请情况"),
        ("（七）总计", 2, 7, "总计"),
        ("(一)予以公开 |", 2, 1, "予以公开 |"),
        (
            "(二)部分公开(区分处理的,只计这一情况,不计其他情形) |",
            2,
            2,
            "部分公开(区分处理的,只计这一情况,不计其他情形) |",
        ),
        ("1.属于国家秘密", 3, 1, "属于国家秘密"),
        ("3.危及“三安全一稳定” | 0", 3, 3, "危及“三安全一稳定” | 0"),
        ("5.属于三类内容事务信息 |", 3, 5, "属于三类内容事务信息 |"),
        # variants real pages have
        ("1．属于国家秘密", 3, 1, "属于国家秘密"),
        ("1、属于国家秘密", 3, 1, "属于国家秘密"),
        ("1,属于国家秘密", 3, 1, "属于国家秘密"),
        ("1，属于国家秘密", 3, 1, "属于国家秘密"),
        ("１．属于国家秘密", 3, 1, "属于国家秘密"),
        ("12. 其他", 3, 12, "其他"),
        ("1 . 其他", 3, 1, "其他"),
        ("(1)其他", 4, 1, "其他"),
        ("（ 1 ）其他", 4, 1, "其他"),
        ("(１)其他", 4, 1, "其他"),
        ("( 一 )其他", 2, 1, "其他"),
        ("(一）其他", 2, 1, "其他"),
        ("一．总体情况", 1, 1, "总体情况"),
        ("一. 总体情况", 1, 1, "总体情况"),
        ("\u3000\u3000二十一、其他", 1, 21, "其他"),
        ("1、2014年以来", 3, 1, "2014年以来"),
    ],
)
def test_parse_label(text: str, level: int, ordinal: int, rest: str) -> None:
    label = parse_label(text)
    assert label is not None
    assert (label.level, label.ordinal) == (level, ordinal)
    assert text[label.end :] == rest


@pytest.mark.parametrize(
    "text",
    [
        "2014年以来,县科技局根据",  # the seed
        "1289.4万元",  # the seed
        "三安全一稳定",  # from 危及“三安全一稳定”
        "三类内部事务信息",
        "第二十条第(一)项",
        "第二十条 第(一)项 |",
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
        "(2021 only)",
        "1.5亿元",
        "2014.12.04",
        "1,289元",
        "2014-12-04",
        "2014、2015年",
        "100.其他",
        "0.其他",
        "(0)其他",
        "十十、其他",
        "二三、其他",
        "一一、其他",
        "一十、其他",  # not the plain cardinal (十)
        "一",
        "一是",  # nothing after: still a label
        "",
        "总体情况",
        "德化县科学技术局",
    ],
)
def test_not_a_label(text: str) -> None:
    if text == "一是":
        assert parse_label(text) == Label(0, 1, 2)
    else:
        assert parse_label(text) is None


def test_seed_paragraph_enumerators() -> None:
    """Sentences of the seed that start with 一是…四是; two are glued to the previous sentence
    (the scrape lost the 。), so only 一是 and 三是 start a sentence."""
    paragraph = (
        "提升了机关工作效率。一是提高思想认识。我局定期组织召开专题会议,对政府信息公开工作进行安排部署"
        "形成单位领导总负责、分管领导综合协调、经办人员抓落实的工作机制二是拓展公开渠道。"
        "为保障社会公众等个人、群体或有关组织依法获享我局各项工作的信息,形成了形式多样、层次鲜明的政府信息公开渠道。"
        "三是推进权力公开。按照县政府统一部署,均已在德化县政府权力公开透明运行网发布四是突出公开重点。"
    )
    found = [parse_label(sentence) for sentence in paragraph.split("。")]
    assert [(f.level, f.ordinal) for f in found if f is not None] == [(0, 1), (0, 3)]


def test_label_type_validates() -> None:
    with pytest.raises(ValueError, match="level"):
        Label(5, 1, 2)
    with pytest.raises(ValueError, match="ordinal"):
        Label(1, 0, 2)
    with pytest.raises(TypeError):
        Label("1", 1, 2)  # type: ignore[arg-type]


def test_parse_label_refuses_other_types() -> None:
    with pytest.raises(TypeError):
        parse_label(None)  # type: ignore[arg-type]
