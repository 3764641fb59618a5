"""The parser is total: mutated pages and random input give a report, never an exception.

The safety net (GP999) must never be what saved a parse: every test here also asserts it stayed unused.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govdisclosure.parse import ParseResult, parse_html, parse_text
from tests.conftest import SEED
from tests.parse.helpers import resolve, round_trips_through_json

SEED_TEXT = SEED.read_text(encoding="utf-8")
PAGE = (Path(__file__).parent / "data" / "dehua_2014.html").read_bytes()

# Text that looks like report text: the seed's own characters, labels, digits, brackets, white space.
FRAGMENTS = [
    "一是",
    "二是",
    "三是",
    "十一是",
    "唯一是",
    "一、",
    "（二）",
    "3.",
    "（4）",
    "《",
    "》",
    "〔2014",
    "〕",
    "号",
    "(",
    ")",
    "截至",
    "11月",
    "其中",
    "以",
    "为主",
    "为辅",
    "本着",
    "的原则",
    "万元",
    "项",
    "个",
    "|",
    "：",
    ":",
    "索 引 号:",
    "时间:",
    "附件：",
    "2014 124",
    "2014年12月4日",
    "\n",
    "\n\n",
    "　　",
    "\xa0",
    "<p>",
    "</td>",
    "<table>",
    "<tr>",
    "&nbsp;",
]
report_like = st.lists(
    st.sampled_from(FRAGMENTS) | st.text(st.sampled_from(SEED_TEXT), max_size=20), max_size=60
).map("".join)
any_unicode = st.text(max_size=400)


def check(result: ParseResult) -> None:
    assert not [d for d in result.diagnostics if d.code == "GP999"], result.diagnostics
    assert round_trips_through_json(result.report)
    for d in result.diagnostics:
        if d.span is not None:
            assert 0 <= d.span.start <= d.span.end <= len(result.text)
    for path, span in result.provenance.items():
        assert 0 <= span.start <= span.end <= len(result.text)
        resolve(result.report, path)


def _mutate_line(draw: st.DrawFn, lines: list[str], op: str, i: int) -> bool:
    """Apply one of the line operations both mutators share; False if ``op`` is not one of them."""
    if op == "delete":
        if len(lines) > 1:
            del lines[i]
    elif op == "duplicate":
        lines.insert(i, lines[i])
    elif op == "swap":
        j = draw(st.integers(0, len(lines) - 1))
        lines[i], lines[j] = lines[j], lines[i]
    else:
        return False
    return True


@st.composite
def mutated_seed(draw: st.DrawFn) -> str:
    lines = SEED_TEXT.split("\n")
    for _ in range(draw(st.integers(1, 8))):
        op = draw(st.sampled_from(["delete", "duplicate", "swap", "insert", "cut"]))
        i = draw(st.integers(0, len(lines) - 1))
        if _mutate_line(draw, lines, op, i):
            continue
        if op == "insert":
            at = draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:at] + draw(report_like | any_unicode) + lines[i][at:]
        elif op == "cut" and lines[i]:
            a = draw(st.integers(0, len(lines[i]) - 1))
            b = draw(st.integers(a, len(lines[i])))
            lines[i] = lines[i][:a] + lines[i][b:]
    return "\n".join(lines)


@given(mutated_seed())
def test_mutated_seed_text(text: str) -> None:
    check(parse_text(text))
    check(parse_html(text))


@given(any_unicode | report_like)
def test_random_text(text: str) -> None:
    check(parse_text(text))
    check(parse_html(text))


@given(st.binary(max_size=400))
def test_random_bytes(data: bytes) -> None:
    check(parse_html(data))


@settings(max_examples=30)
@given(st.data())
def test_mutated_html_page(data: st.DataObject) -> None:
    page = bytearray(PAGE)
    for _ in range(data.draw(st.integers(1, 6))):
        at = data.draw(st.integers(0, len(page)))
        if data.draw(st.booleans()):
            page[at : at + data.draw(st.integers(0, 200))] = b""
        else:
            page[at:at] = data.draw(
                st.binary(max_size=30) | report_like.map(lambda s: s.encode("gbk", "replace"))
            )
    check(parse_html(bytes(page)))


# -------------------------------------------------------------------------------------------------
# Table-shaped input: the statutory tables' labels and figures in random rows of "|" cells


def _table_words() -> list[str]:
    from govdisclosure.parse._labels import LABELS

    return sorted({label.text for label in LABELS})


TABLE_WORDS = _table_words()
STATUTORY = (
    Path(__file__).parents[2] / "tests" / "render" / "golden" / "statutory_2021.txt"
).read_text(encoding="utf-8")
cell = (
    st.sampled_from(TABLE_WORDS)
    | st.sampled_from(["", " ", "0", "12", "-3", "+4", "1.5万元", "251000元", "无", "—", "1,289"])
    | st.text(st.sampled_from(SEED_TEXT), max_size=6)
)
pipe_line = st.lists(cell, max_size=12).map(lambda cells: " | ".join(cells) + " |")


@given(
    st.lists(
        pipe_line
        | st.sampled_from(["", "||", "|||", "-----+---+", "三、收到和处理政府信息公开申请情况"]),
        max_size=40,
    )
)
def test_random_table_rows(lines: list[str]) -> None:
    text = "2022年政府信息公开工作年度报告\n\n" + "\n".join(lines)
    check(parse_text(text))
    check(parse_html(text))


@st.composite
def mutated_statutory(draw: st.DrawFn) -> str:
    lines = STATUTORY.split("\n")
    for _ in range(draw(st.integers(1, 8))):
        op = draw(st.sampled_from(["delete", "duplicate", "swap", "cut", "cells"]))
        i = draw(st.integers(0, len(lines) - 1))
        if _mutate_line(draw, lines, op, i):
            continue
        if op == "cut" and lines[i]:
            a = draw(st.integers(0, len(lines[i]) - 1))
            lines[i] = lines[i][:a]
        elif op == "cells":
            cells = lines[i].split("|")
            k = draw(st.integers(0, len(cells)))
            cells.insert(k, draw(cell))
            lines[i] = "|".join(cells)
    return "\n".join(lines)


@given(mutated_statutory())
def test_mutated_statutory_text(text: str) -> None:
    result = parse_text(text)
    check(result)
    if result.report.tables is not None:
        assert result.report.tables.version is result.report.format


def test_surrogates_and_control_characters() -> None:
    for text in ["\ud800一是\udfff", "\x00\x01\x1b[31m", "\u2028\u2029\x85", "\ufeff\u200b　"]:
        check(parse_text(text))
        check(parse_html(text))


def test_a_page_of_only_chrome_or_only_labels() -> None:
    for text in [
        "附件下载\n打印本页",
        "一、\n（一）\n1.\n（1）\n一是",
        "索引号：\n时间：\n",
        "|||\n|",
    ]:
        check(parse_text(text))


# -------------------------------------------------------------------------------------------------
# Large and hostile inputs: they must parse (no timing here; benchmarks/bench_parse.py measures, and a
# quadratic or backtracking regression shows as this test taking minutes instead of a second).


def _scaled_seed(k: int, monkeypatch: pytest.MonkeyPatch) -> str:
    import importlib.util

    benchmarks = Path(__file__).resolve().parents[2] / "benchmarks"
    monkeypatch.syspath_prepend(str(benchmarks))  # bench_parse imports its neighbour benchlib
    spec = importlib.util.spec_from_file_location("bench_parse", benchmarks / "bench_parse.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    text: str = module.scaled(k)
    return text


def test_a_hundred_times_the_seed(monkeypatch: pytest.MonkeyPatch) -> None:
    result = parse_text(_scaled_seed(100, monkeypatch))
    check(result)
    numbered = [s for s in result.report.body if s.label]
    assert len(numbered) == 200
    assert numbered[-1].label == "四、"  # numbered round again after 九十八、
    assert [s.role for s in numbered[1::2]] == [
        None
    ] * 100  # 存在的主要问题及…计划: roles on its blocks
    assert sum(d.code == "GP301" for d in result.diagnostics) == 200


def test_hostile_inputs() -> None:
    cases = {
        "wrapped": "2014年报告\n\n　　" + "\n".join(["我局推进信息公开工作"] * 20000) + "\n",
        "repairs": "2014年报告\n\n　　" + "闽政〔20141号，" * 20000 + "\n",
        "titles": "2014年报告\n\n　　" + "《通知》，" * 20000 + "\n",
        "counts": "2014年报告\n\n　　" + "其中行政执法权2项，" * 20000 + "\n",
        "channels": "2014年报告\n\n　　" + "以" * 100000 + "为主\n",
        "spaces": "2014年报告\n\n" + " " * 200000 + "x\n",
        "header": "来源：" + "【打印】" * 30000 + "\n\n2014年报告\n",
        "brackets": "2014年报告\n\n　　" + "《" * 100000 + "\n",
    }
    for name, text in cases.items():
        result = parse_text(text)
        assert not [d for d in result.diagnostics if d.code == "GP999"], name
    assert len(parse_text(cases["wrapped"]).report.body[0].paragraphs[0]) == 200000
    assert sum(d.code == "GP301" for d in parse_text(cases["repairs"]).diagnostics) == 20000
    html = "<table>" + "<tr><td rowspan=1000 colspan=1000>x</td><td>y</td></tr>" * 50 + "</table>"
    check(parse_html(html))
