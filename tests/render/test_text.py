"""The plain-text rendering follows TEXT_FORMAT (the contract with the parser) and wraps by display width."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from govdisclosure import (
    Attachment,
    DisclosureReport,
    DocumentNumber,
    Header,
    HeaderField,
    IndexNumber,
    ReportFormat,
    Section,
    Signature,
)
from govdisclosure.render import OptionValueError, display_width, render_text
from govdisclosure.render._text import wrap
from tests.strategies import reports

IDEOGRAPHIC_SPACE = "\u3000"


def _report(**fields: object) -> DisclosureReport:
    base: dict[str, object] = {"title": "标题", "year": 2014, "format": ReportFormat.NARRATIVE}
    base.update(fields)
    return DisclosureReport(**base)  # type: ignore[arg-type]


def test_worked_example_layout(example_report: DisclosureReport) -> None:
    text = render_text(example_report)
    assert text.endswith("。\n\n" + " " * 35 + "德化县科学技术局\n" + " " * 39 + "2014年12月4日\n")
    blocks = text.removesuffix("\n").split("\n\n")
    assert blocks[0].splitlines() == [
        "索引号：qz11402-1000-2014-00002",
        "发布机构：德化县科学技术局",
        "公文生成日期：2014-12-04",
        "来源：德化县科学技术局",
        "时间：2014-12-04 15:51",
    ]
    assert blocks[1] == "2014年政府信息公开工作进展情况“成绩单”"
    body = blocks[2:-1]
    assert all(
        b.startswith("　　") and "\n" not in b for b in body
    )  # width=None: one line a paragraph
    starts = [b[2:12] for b in body]
    assert starts == [
        "2014年以来,县科",
        "一、主要作法及成效",
        "今年,我局按照县政府",
        "一是提高思想认识。我",
        "二是拓展公开渠道。为",
        "三是推进权力公开。按",
        "四是突出公开重点。将",
        "二、存在的主要问题及",
        "2014年,我局通过",
        "一是受人员编制所限,",
        "二是信息公开制度体系",
        "2015年,我局将按",
        "一是进一步加强宣传政",
        "二是进一步健全信息公",
        "三是进一步加强信息公",
    ]
    assert "　　一、主要作法及成效" in body
    assert "\n\n\n" not in text
    assert "\r" not in text


def test_signature_is_placed_as_gbt_9704_says(example_report: DisclosureReport) -> None:
    lines = render_text(example_report, width=56).splitlines()
    name, date = lines[-2], lines[-1]
    # The date (13 columns) is longer than the authority (16) less two characters: the date stands two
    # characters (4 columns) from the right, the authority starts two characters left of the date.
    assert display_width(date) == 56 - 4
    assert len(date) - len(date.lstrip(" ")) == len(name) - len(name.lstrip(" ")) + 4
    short = _report(
        signature=Signature(authority="德化县人民政府办公室", date=dt.date(2014, 12, 4))
    )
    name, date = render_text(short, width=60).splitlines()[-2:]
    assert display_width(name) == 60 - 4  # the authority two characters from the right
    assert date.index("2") == name.index("德") + 4  # the date two characters right of its start


@pytest.mark.parametrize(
    ("style", "expected"),
    [("arabic", "2014年12月4日"), ("chinese", "二〇一四年十二月四日"), ("iso", "2014-12-04")],
)
def test_date_styles(example_report: DisclosureReport, style: str, expected: str) -> None:
    assert render_text(example_report, date_style=style).splitlines()[-1].strip() == expected  # type: ignore[arg-type]


def test_unresolved_date_text_is_printed_as_is() -> None:
    text = render_text(_report(signature=Signature(authority="局", date_text="2014 124")))
    assert text.splitlines()[-1].lstrip() == "2014 124"
    assert text.splitlines()[-2].lstrip() == "局"


def test_header_fields_order_seconds_and_others() -> None:
    header = Header(
        index_number=IndexNumber("014416330/2018-04736"),
        publisher="某局",
        document_date=dt.date(2019, 1, 5),
        source="某局办公室",
        published_at=dt.datetime(2019, 1, 6, 9, 5, 7),
        subject="政务公开",
        document_number=DocumentNumber.parse("某政〔2019〕3号"),
        other=[HeaderField("关键词", "年报"), HeaderField("有效性", "有效")],
    )
    lines = render_text(_report(header=header)).split("\n\n")[0].splitlines()
    assert lines == [
        "索引号：014416330/2018-04736",
        "发布机构：某局",
        "公文生成日期：2019-01-05",
        "来源：某局办公室",
        "时间：2019-01-06 09:05:07",
        "主题分类：政务公开",
        "文号：某政〔2019〕3号",
        "关键词：年报",
        "有效性：有效",
    ]


def test_no_header_block_when_the_header_is_empty() -> None:
    assert render_text(_report()) == "标题\n"


def test_items_sections_and_blocks() -> None:
    body = [
        Section(paragraphs=["导语。"]),
        Section(
            ordinal=1,
            label="一、",
            heading="总体情况",
            children=[
                Section(ordinal=1, label="（一）", heading="主动公开", paragraphs=["甲。", "乙。"]),
                Section(ordinal=1, label="一是", heading="提高思想认识"),
                Section(ordinal=2, label="二是", paragraphs=["丙。", "丁。"]),
                Section(ordinal=3, label="三是", heading="完善机制", paragraphs=["戊。"]),
            ],
        ),
    ]
    assert render_text(_report(body=body)).split("\n\n")[1:] == [
        "　　导语。",
        "　　一、总体情况",
        "　　（一）主动公开",
        "　　甲。",
        "　　乙。",
        "　　一是提高思想认识。",
        "　　二是丙。",
        "　　丁。",
        "　　三是完善机制。戊。\n",
    ]


def test_attachments() -> None:
    one = render_text(_report(attachments=[Attachment(name="统计表", url="https://x.org/a.xls")]))
    assert one.endswith("\n\n附件：统计表\n")
    assert "https" not in one
    several = render_text(_report(attachments=[Attachment(name="甲表"), Attachment(name="乙表")]))
    assert several.endswith("\n\n附件：1.甲表\n　　　2.乙表\n")


def test_line_breaks_inside_fields_become_spaces() -> None:
    text = render_text(_report(title="上\n下", body=[Section(paragraphs=["一\r\n二\u2028三"])]))
    assert text == "上 下\n\n　　一 二 三\n"


@pytest.mark.parametrize("width", [0, 7, -1, 10.5, True, "40"])
def test_bad_width(width: object) -> None:
    with pytest.raises(OptionValueError, match="width must be None or an int of at least 8"):
        render_text(_report(), width=width)  # type: ignore[arg-type]


def test_bad_date_style() -> None:
    with pytest.raises(OptionValueError, match="'arabic', 'chinese', 'iso'"):
        render_text(_report(), date_style="roman")  # type: ignore[arg-type]


def test_wrapping_of_the_worked_example(example_report: DisclosureReport) -> None:
    wrapped = render_text(example_report, width=40)
    unwrapped = render_text(example_report)
    body = wrapped.split("\n\n")[2:-1]
    for paragraph, original in zip(body, unwrapped.split("\n\n")[2:-1], strict=True):
        lines = paragraph.split("\n")
        assert "".join(lines) == original  # the reader's join gives the paragraph back
        assert all(display_width(line) <= 40 for line in lines)
        assert all(not line.startswith(IDEOGRAPHIC_SPACE) for line in lines[1:])
        assert all(line[0] not in "，。、；：？！）》”,.;:)" for line in lines[1:])
        assert all(line[-1] not in "（《“(" for line in lines)
    # Numbers are not split where they fit.
    assert any("1289.4" in line for line in wrapped.splitlines())
    assert any("2014-2015年" in line for line in wrapped.splitlines())


def test_wrap_follows_the_line_breaking_rule() -> None:
    # The full stop would start the second line: the character before it goes down with it.
    assert wrap("　　一二三四五六。七八", 16) == ["　　一二三四五", "六。七八"]
    # An opening quote would end the first line: it goes down.
    assert wrap("　　一二三四五“六”", 16) == ["　　一二三四五", "“六”"]
    # Two closing marks in a row go down together with the character before them.
    assert wrap("　　一二三四五六”。", 16) == ["　　一二三四五", "六”。"]


def test_wrap_keeps_combining_marks_with_their_base() -> None:
    lines = wrap("　　" + "e\u0301" * 20, 10)
    assert all(not unicodedata.combining(line[0]) for line in lines)
    assert "".join(lines) == "　　" + "e\u0301" * 20


printable = st.text(
    st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=0, max_size=200
)


@given(st.lists(printable, min_size=1, max_size=4), st.integers(8, 100))
def test_wrap_width_property(paragraphs: list[str], width: int) -> None:
    report = _report(body=[Section(paragraphs=paragraphs)])
    wrapped = render_text(report, width=width).split("\n\n")[1:]
    unwrapped = render_text(report).split("\n\n")[1:]
    assert len(wrapped) == len(unwrapped)
    for paragraph, original in zip(wrapped, unwrapped, strict=True):
        lines = paragraph.removesuffix("\n").split("\n")
        assert "".join(lines) == original.removesuffix("\n")
        for n, line in enumerate(lines):
            # No continuation line begins with a space (a reader would take it for an indent): a break
            # at spaces leaves them at the end of the line before, where they may pass the width.
            assert n == 0 or not line[:1].isspace(), (lines, width)
            visible = line.rstrip()
            # A line is wider than the width only when it is a single character (with its combining marks).
            if display_width(visible) > width:
                assert sum(1 for c in visible if display_width(c) > 0) == 1, (line, width)


def _is_table(block: str) -> bool:
    """A statutory table's block: no paragraph indent, every line a row ending in ``|`` or a rule."""
    lines = [line for line in block.split("\n") if line]  # (an empty signature line may follow it)
    return (
        bool(lines)
        and not block.startswith("\u3000")
        and all(line.endswith("|") or re.fullmatch(r"-[-+]*\+", line) for line in lines)
    )


@given(reports(), st.integers(8, 80))
def test_any_report_wraps_its_body_within_width(report: DisclosureReport, width: int) -> None:
    assume(report.body)
    text = render_text(report, width=width)
    assert text.endswith("\n")
    assert not text.endswith("\n\n")
    unwrapped = render_text(report)

    # Joining the lines of each blank-line-separated block gives the unwrapped text back (the signature
    # aside, which is padded for the width; the statutory tables aside, which are fitted to the width).
    def joined(t: str) -> list[str]:
        return [
            "table" if _is_table(block) else "".join(block.split("\n")) for block in t.split("\n\n")
        ]

    sig = report.signature
    signature = 1 if sig and (sig.authority or sig.date or sig.date_text) else 0
    attachments = 1 if report.attachments else 0
    end = len(joined(unwrapped)) - signature - attachments
    assert joined(text)[:end] == joined(unwrapped)[:end]
