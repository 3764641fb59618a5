"""The title broken by meaning, shared by the HTML and DOCX renderings."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from govdisclosure.render._common import (
    TITLE_CHARS,
    display_width,
    one_line,
    title_breaks,
    title_lines,
)

AGENCIES = [
    "德化县科学技术局",
    "清溪县自然资源局",
    "福建省人民政府办公厅",
    "中华人民共和国生态环境部",
]
TAILS = ["年度报告", "进展情况“成绩单”", "年度报告（2020年）", "报告"]


@given(
    agency=st.sampled_from(["", *AGENCIES]),
    year=st.integers(2008, 2030),
    du=st.sampled_from(["", "度"]),
    tail=st.sampled_from(TAILS),
)
def test_real_shapes_break_between_their_parts(agency: str, year: int, du: str, tail: str) -> None:
    middle = f"{year}年{du}政府信息公开工作"
    title = agency + middle + tail
    lines = title_lines(title, agency or None)
    assert "".join(lines) == title
    # Every break is one of the meaningful places, and every line fits the 20 characters of 2号.
    offsets = [sum(len(line) for line in lines[:n]) for n in range(1, len(lines))]
    assert set(offsets) <= set(title_breaks(title, agency or None))
    assert all(display_width(line) < 2 * TITLE_CHARS for line in lines)
    # These shapes need at most two lines.
    assert len(lines) <= 2


@given(st.text(max_size=60))
def test_any_text_is_kept_whole(title: str) -> None:
    lines = title_lines(title)
    assert "".join(lines) == one_line(title)
    assert len(lines) == 1 or all(lines)


def test_the_seed_and_the_2021_example() -> None:
    assert title_lines("2014年政府信息公开工作进展情况“成绩单”") == (
        "2014年政府信息公开工作",
        "进展情况“成绩单”",
    )
    assert title_lines("清溪县自然资源局2022年政府信息公开工作年度报告", "清溪县自然资源局") == (
        "清溪县自然资源局",
        "2022年政府信息公开工作年度报告",
    )
    # A long agency name that does not fit one line with the year: the agency alone, then the rest.
    assert title_lines("中共福建省委办公厅福建省人民政府办公厅2021年政府信息公开工作年度报告") == (
        "中共福建省委办公厅福建省人民政府办公厅",
        "2021年政府信息公开工作年度报告",
    )
    # A short title stays on one line.
    assert title_lines("2014年政府信息公开工作年度报告") == ("2014年政府信息公开工作年度报告",)
