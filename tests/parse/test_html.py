"""HTML pages: the seed as a portal page in GBK, encodings, chrome, tables and broken markup."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from govdisclosure import load
from govdisclosure.parse import parse_html, parse_text
from govdisclosure.parse._decode import decode_html as decode
from govdisclosure.parse._html import extract_text
from tests.conftest import EXAMPLE_DIR, SEED
from tests.parse.helpers import check_provenance

PAGE = Path(__file__).parent / "data" / "dehua_2014.html"


def test_the_portal_page_is_gbk_with_a_declaration() -> None:
    raw = PAGE.read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    assert b"charset=gbk" in raw


def test_the_portal_page_parses_to_the_worked_example() -> None:
    result = parse_html(PAGE.read_bytes())
    assert result.report == load(EXAMPLE_DIR / "report.json")
    from_text = parse_text(SEED.read_text(encoding="utf-8"))
    assert [(d.code, d.path) for d in result.diagnostics] == [
        (d.code, d.path) for d in from_text.diagnostics
    ]
    assert check_provenance(result, repairs=2) > 60
    assert result.source_of("$.body[1].children[2].power.matters") == "行政权利事项51项"


def test_scripts_styles_navigation_and_share_buttons_are_dropped() -> None:
    text = parse_html(PAGE.read_bytes()).text
    for chrome in ("不应出现", "doZoom", "text-indent", "网站首页", "当前位置", "走进德化"):
        assert chrome not in text
    for chrome in ("版权所有", "网站标识码", "统计", "分享到", "微信", "扫一扫"):
        assert chrome not in text
    assert "德化县科学技术局" in text


@pytest.mark.parametrize(
    ("data", "codec", "codes"),
    [
        (codecs.BOM_UTF8 + "<p>德化</p>".encode(), "utf-8", []),
        (codecs.BOM_UTF16_LE + "<p>德化</p>".encode("utf-16-le"), "utf-16-le", []),
        ('<meta charset="gb2312"><p>德化</p>'.encode("gbk"), "gb18030", []),
        (
            '<meta http-equiv="Content-Type" content="text/html; charset=GBK"><p>德化</p>'.encode(
                "gbk"
            ),
            "gb18030",
            [],
        ),
        ("<p>德化</p>".encode(), "utf-8", ["GP001"]),
        ("<p>德化</p>".encode("gb18030"), "gb18030", ["GP002"]),
        ('<meta charset="utf-8"><p>德化</p>'.encode("gbk"), "gb18030", ["GP006"]),
        ('<meta charset="klingon"><p>德化</p>'.encode(), "utf-8", ["GP003"]),
    ],
)
def test_decoding(data: bytes, codec: str, codes: list[str]) -> None:
    text, used, notes = decode(data)
    assert "德化" in text
    assert used == codec
    assert [d.code for d in notes] == codes


def test_undecodable_bytes_are_replaced_and_reported() -> None:
    text, _used, notes = decode(b'<meta charset="utf-8"><p>\xff\xfe\xfd</p>')
    assert "\ufffd" in text
    assert _used == "utf-8"
    assert [d.code for d in notes] == ["GP004"]


def test_a_page_given_as_str_needs_no_decoding() -> None:
    result = parse_html("<h1>2014年工作报告</h1><p>　　一、概述</p><p>我局以门户网站为主。</p>")
    assert result.report.title == "2014年工作报告"
    assert result.report.body[0].channels is not None
    assert not result.diagnostics


def test_wrong_argument_types_raise_type_error() -> None:
    with pytest.raises(TypeError):
        parse_html(12)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        parse_text(12)  # type: ignore[arg-type]
    assert parse_text(b"bytes").text == "bytes"  # bytes are decoded (UTF-8, BOM, GB18030)


def test_unclosed_paragraphs_list_items_and_cells() -> None:
    html = (
        "<h1>2014年报告</h1><p>　　一、概述<p>　　第一段。<ul><li>甲<li>乙</ul>"
        "<table><tr><td>名称<td>数量<tr><td>规章<td>3</table><p>　　结束。"
    )
    text = extract_text(html).text
    assert text.splitlines() == [
        "2014年报告",
        "",
        "　　一、概述",
        "",
        "　　第一段。",
        "",
        "甲",
        "",
        "乙",
        "",
        "名称 | 数量 |",
        "规章 | 3 |",
        "",
        "　　结束。",
    ]


def test_a_data_table_keeps_its_grid_with_spans_resolved() -> None:
    html = (
        "<table><tr><td rowspan=2>三、本年度办理结果</td><td>（一）予以公开</td><td>18</td></tr>"
        "<tr><td>（二）部分公开</td><td></td></tr>"
        "<tr><td colspan=2>（七）总计</td><td>56</td></tr></table>"
    )
    extracted = extract_text(html)
    (table,) = extracted.tables
    assert table.grid == (
        ("三、本年度办理结果", "（一）予以公开", "18"),
        ("三、本年度办理结果", "（二）部分公开", ""),
        ("（七）总计", "（七）总计", "56"),
    )
    assert extracted.text[table.span.start : table.span.end].splitlines() == [
        "三、本年度办理结果 | （一）予以公开 | 18 |",
        "（二）部分公开 |  |",
        "（七）总计 | 56 |",
    ]


def test_rows_of_a_table_that_is_no_statutory_table_stay_text_and_are_reported() -> None:
    html = (
        "<h1>2022年政府信息公开工作年度报告</h1><p>一、总体情况</p><p>我办全面推进。</p>"
        "<p>二、主动公开政府信息情况</p>"
        "<table><tr><td>栏目</td><td>条数</td></tr><tr><td>规章</td><td>0</td></tr></table>"
    )
    result = parse_html(html)
    second = result.report.body[1]
    assert second.heading == "主动公开政府信息情况"
    assert second.paragraphs == ("栏目 | 条数 |", "规章 | 0 |")
    assert [d.code for d in result.diagnostics] == ["GP005"]
    assert result.report.format.value == "2021"
    assert result.report.tables is None


def test_a_layout_table_is_read_as_the_page_it_lays_out() -> None:
    body = "　　一、概述</p><p>　　" + "我局全面推进政府信息公开工作，" * 20 + "取得成效。"
    html = f"<table><tr><td><h1>2014年报告</h1></td></tr><tr><td><p>{body}</p></td><td>导航</td></tr></table>"
    result = parse_html(html)
    assert result.report.title == "2014年报告"
    assert result.report.body[0].heading == "概述"
    assert result.report.body[0].paragraphs[0].endswith("取得成效。")


def test_header_fields_in_a_table() -> None:
    html = (
        "<table><tr><td>索引号：</td><td>qz11402-1000-2014-00002</td><td>发布机构：</td><td>德化县科学技术局</td></tr>"
        "<tr><td>文号</td><td>德科〔2014〕3号</td><td>成文日期：</td><td>2014年12月4日</td></tr></table>"
        "<h1>2014年政府信息公开工作报告</h1>"
    )
    header = parse_html(html).report.header
    assert header.index_number is not None
    assert header.index_number.parts is not None
    assert header.publisher == "德化县科学技术局"
    assert str(header.document_number) == "德科〔2014〕3号"
    assert header.document_date is not None
    assert header.document_date.isoformat() == "2014-12-04"


def test_cjk_lines_broken_in_the_source_are_joined_without_a_space() -> None:
    text = extract_text("<p>政府信息\n    公开工作 and\n  more</p>").text
    assert text == "政府信息公开工作 and more\n"


def test_hidden_elements_and_entities() -> None:
    text = extract_text(
        '<p style="display: none">隐藏</p><p>甲&nbsp;乙&amp;丙&#x4E01;</p><div class="share-box x">分享</div>'
    ).text
    assert text == "甲 乙&丙丁\n"


def test_preformatted_text_keeps_its_lines() -> None:
    assert extract_text("<pre>一、概述\n  二、问题</pre>").text.splitlines()[:2] == [
        "一、概述",
        "  二、问题",
    ]


def test_deep_nesting_does_not_exhaust_the_stack() -> None:
    html = "<div>" * 20_000 + "<p>2014年报告</p>" + "</div>" * 20_000
    result = parse_html(html)
    assert result.report.title == "2014年报告"
    assert not any(d.code == "GP999" for d in result.diagnostics)
