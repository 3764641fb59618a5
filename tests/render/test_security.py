"""Nothing that comes from data becomes markup: XSS vectors through HTML and Markdown.

A report whose every string field carries attack strings is rendered (a narrative report, and a statutory
report whose tables' labels come from the model's metadata and whose notes come from data), the output is parsed with a real parser
(the standard library's HTML parser; markdown-it-py for Markdown, with raw HTML allowed so that an unescaped
tag would get through), and its elements and attributes are compared with those of a clean report of the same
shape: the attack strings may add text, never an element, an attribute or a URL.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

import pytest
from hypothesis import given
from markdown_it import MarkdownIt

from govdisclosure import (
    STATUTORY_SECTIONS,
    Attachment,
    DisclosureReport,
    DocumentNumber,
    Header,
    HeaderField,
    IndexNumber,
    ReportFormat,
    Role,
    Section,
    Signature,
    statutory_body,
)
from govdisclosure.render import render_html, render_markdown
from tests.render.golden import build
from tests.render.scan import Scan
from tests.strategies import reports

VECTORS = (
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "'><svg onload=alert(1)>",
    "javascript:alert(1)",
    "[点击](javascript:alert(1))",
    "![图](http://evil.example/x.png)",
    "<http://evil.example/>",
    "www.evil.example http://evil.example/a evil@evil.example",
    "{{ 7*7 }}",
    "{% if true %}TEMPLATE{% endif %}",
    "&lt;b&gt; &amp; &#60;script&#62; &#x6A;avascript:",
    "<!-- comment --> <![CDATA[x]]> <?pi x?>",
    "\x00\u202e\x1b[31m",
    "`code` *em* _em_ **strong** ~~del~~ | a | b |",
    "\\",
)
PAYLOAD = " ".join(VECTORS)
# Strings that are markup only at the start of a line (or of a field).
LINE_START = (
    "# heading",
    "> quote",
    "- item",
    "1. item",
    "1) item",
    "+ item",
    "    indented code",
    "\tcode",
    "```",
    "===",
    "---",
    "<div>block</div>",
    "| a | b |",
    "[ref]: http://evil.example/",
)
PAYLOADS = [PAYLOAD, *(f"{start} {PAYLOAD}" for start in LINE_START)]


def shaped(text: Callable[[str], str], url: str | None) -> DisclosureReport:
    """A report with every string field from ``text(name)`` and every part of the layout present."""
    t = text
    return DisclosureReport(
        title=t("title"),
        year=2014,
        format=ReportFormat.NARRATIVE,
        header=Header(
            index_number=IndexNumber(t("index")),
            publisher=t("publisher"),
            document_date=dt.date(2014, 12, 4),
            source=t("source"),
            published_at=dt.datetime(2014, 12, 4, 15, 51),
            subject=t("subject"),
            document_number=DocumentNumber("闽政办函", 2014, 130),
            other=[HeaderField(t("label"), t("value"))],
        ),
        body=[
            Section(role=Role.PREAMBLE, heading=t("block"), paragraphs=[t("p1"), t("p2")]),
            Section(
                ordinal=1,
                label=t("section-label"),
                heading=t("section-heading"),
                paragraphs=[t("p3")],
                children=[
                    Section(
                        ordinal=1,
                        label=t("item") + "是",
                        heading=t("h"),
                        paragraphs=[t("a"), t("b")],
                    ),
                    Section(ordinal=2, label=t("item") + "是", paragraphs=[t("c")]),
                    Section(
                        ordinal=1,
                        label=t("sub-label"),
                        heading=t("sub-heading"),
                        paragraphs=[t("d")],
                        children=[Section(ordinal=1, label=t("x") + "是", heading=t("y"))],
                    ),
                ],
            ),
        ],
        signature=Signature(authority=t("authority"), date_text=t("date")),
        attachments=[Attachment(name=t("one"), url=url), Attachment(name=t("two"), url=url)],
    )


def shaped_statutory(text: Callable[[str], str], url: str | None) -> DisclosureReport:
    """A 2021-format report with its tables (the worked example's) and every string field from ``text``."""
    t = text
    example = build("statutory_2021")
    return DisclosureReport(
        title=t("title"),
        year=2022,
        format=ReportFormat.V2021,
        header=Header(publisher=t("publisher"), other=[HeaderField(t("label"), t("value"))]),
        body=statutory_body(
            overview=t("overview"),
            proactive=[
                t("p1"),
                Section(ordinal=1, label="1.", heading=t("h"), paragraphs=[t("p")]),
            ],
            t2_notes=[t("t2"), Section(paragraphs=[t("t2 after")])],
            t3_notes=t("t3"),
            t4_notes=t("t4"),
            problems=t("problems"),
            other=t("other"),
        ),
        tables=example.tables,
        signature=Signature(authority=t("authority"), date_text=t("date")),
        attachments=[Attachment(name=t("one"), url=url)],
    )


SHAPES = {"narrative": shaped, "statutory": shaped_statutory}


def clean(name: str) -> str:
    return "正文" + name.replace("-", "")


def dirty(payload: str) -> Callable[[str], str]:
    return lambda name: payload


HTML_ATTRIBUTES = {
    "class",
    "id",
    "lang",
    "href",
    "datetime",
    "charset",
    "name",
    "content",
    "http-equiv",
}
TABLE_ATTRIBUTES = {"rowspan", "colspan", "scope", "headers", "span"}
HTML_TAGS = {
    "article", "header", "h1", "h2", "h3", "h4", "h5", "h6", "dl", "div", "dt", "dd", "time", "section",
    "span", "p", "ol", "li", "strong", "footer", "a",
}  # fmt: skip
TABLE_TAGS = {"table", "caption", "colgroup", "thead", "tbody", "tr", "th", "td"}
MARKDOWN_TABLE_TAGS = {"table", "thead", "tbody", "tr", "th", "td"}
PAGE_TAGS = {"html", "head", "meta", "title", "style", "body"}


def _check_no_injection(scan: Scan, reference: Scan) -> None:
    assert scan.elements == reference.elements
    assert scan.others == reference.others
    assert not any(name.startswith("on") for _, name, _ in scan.attributes)
    assert scan.values("href") == []  # javascript: and relative URLs are never links
    assert "49" not in scan.all_text  # {{ 7*7 }} was not evaluated
    assert "TEMPLATE" in scan.all_text  # … nor {% if %}: it is text


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("payload", PAYLOADS, ids=["all", *LINE_START])
@pytest.mark.parametrize("full_page", [False, True], ids=["fragment", "page"])
def test_html_gets_no_element_attribute_or_url_from_data(
    payload: str, full_page: bool, shape: str
) -> None:
    build_report = SHAPES[shape]
    html = render_html(build_report(dirty(payload), "javascript:alert(1)"), full_page=full_page)
    reference = Scan(render_html(build_report(clean, "attachment.doc"), full_page=full_page))
    scan = Scan(html)
    _check_no_injection(scan, reference)
    assert scan.tags <= HTML_TAGS | TABLE_TAGS | (PAGE_TAGS if full_page else set())
    assert {name for _, name, _ in scan.attributes} <= HTML_ATTRIBUTES | TABLE_ATTRIBUTES
    assert scan.roots == (["html"] if full_page else ["article"])
    # The attack strings are there, as text.
    assert "<script>alert(1)</script>" in scan.all_text
    assert '"><img src=x onerror=alert(1)>' in scan.all_text
    for value in scan.values("id"):
        assert value is not None
        assert re.fullmatch(r"gd-[a-z0-9._-]+", value), value
    if shape == "statutory":
        assert scan.tags >= TABLE_TAGS
        assert scan.values("headers") == reference.values("headers")


def _markdown_html(markdown: str) -> Scan:
    # Raw HTML allowed and GFM's autolinks on: the strictest reader.
    gfm = MarkdownIt("gfm-like", {"html": True, "linkify": True})
    return Scan(gfm.render(markdown))


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("payload", PAYLOADS, ids=["all", *LINE_START])
def test_markdown_gets_no_element_attribute_or_url_from_data(payload: str, shape: str) -> None:
    build_report = SHAPES[shape]
    scan = _markdown_html(render_markdown(build_report(dirty(payload), "javascript:alert(1)")))
    reference = _markdown_html(render_markdown(build_report(clean, "attachment.doc")))
    _check_no_injection(scan, reference)
    tags = {"h1", "h2", "h3", "h4", "ul", "ol", "li", "p", "strong", "br"}
    assert scan.tags <= tags | (MARKDOWN_TABLE_TAGS if shape == "statutory" else set())
    assert "<script>alert(1)</script>" in scan.all_text
    assert "[点击](javascript:alert(1))" in scan.all_text
    assert "&lt;b&gt; &amp; &#60;script&#62;" in scan.all_text  # entities stay as written


def test_markdown_renders_data_exactly_as_text() -> None:
    """Escaping loses nothing: each paragraph reads back as the data (CommonMark turns NUL into U+FFFD)."""
    for payload in PAYLOADS:
        report = DisclosureReport(
            title="t",
            year=2014,
            format=ReportFormat.NARRATIVE,
            body=[Section(paragraphs=[payload])],
        )
        tokens = MarkdownIt("commonmark").parse(render_markdown(report))
        inline = [t for t in tokens if t.type == "inline"]
        text = "".join(child.content for child in inline[1].children or [])
        assert text == payload.replace("\x00", "\ufffd")


def test_safe_http_urls_are_the_only_links() -> None:
    report = shaped(clean, "https://example.org/附件.doc")
    scan = Scan(render_html(report))
    assert scan.values("href") == ["https://example.org/附件.doc"] * 2
    md = _markdown_html(render_markdown(report))
    assert len(md.values("href")) == 2
    for url in (
        "javascript:alert(1)",
        "JAVASCRIPT:alert(1)",
        " https://x.org",
        "java\tscript:x",
        "data:text/html,x",
        "//evil.example",
        'https://x.org/"onmouseover=x',
    ):
        assert Scan(render_html(shaped(clean, url))).values("href") == []
        assert _markdown_html(render_markdown(shaped(clean, url))).values("href") == []


def _urls(report: DisclosureReport) -> set[str]:
    return {a.url for a in report.attachments if a.url is not None}


@given(reports())
def test_any_report_html_has_only_template_markup(report: DisclosureReport) -> None:
    for full_page in (False, True):
        scan = Scan(render_html(report, full_page=full_page))
        tables = TABLE_TAGS if report.tables is not None else set()
        assert scan.tags <= HTML_TAGS | tables | (PAGE_TAGS if full_page else set())
        assert {name for _, name, _ in scan.attributes} <= HTML_ATTRIBUTES | TABLE_ATTRIBUTES
        assert scan.roots == (["html"] if full_page else ["article"])
        assert scan.others == (["decl 'DOCTYPE html'"] if full_page else [])
        assert set(scan.values("href")) <= _urls(report)
        ids = scan.values("id")
        assert len(ids) == len(set(ids))
    refs = list(report.sections())
    assert sum(n for (tag, _), n in scan.elements.items() if tag == "section") == sum(
        1 for r in refs if r.node.kind == "section"
    )
    assert sum(n for (tag, _), n in scan.elements.items() if tag == "li") == sum(
        1 for r in refs if r.node.kind == "item"
    ) + (len(report.attachments))


@given(reports())
def test_any_report_markdown_has_only_its_own_markup(report: DisclosureReport) -> None:
    scan = _markdown_html(render_markdown(report))
    assert scan.tags <= {
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "ul",
        "ol",
        "li",
        "p",
        "strong",
        "br",
        "a",
    } | (MARKDOWN_TABLE_TAGS if report.tables is not None else set())
    assert {name for _, name, _ in scan.attributes} <= {"href", "style"}
    assert set(scan.values("style")) <= {"text-align:center"}  # the figure columns
    assert set(scan.values("href")) <= _urls(report)
    headings = sum(
        n for (tag, _), n in scan.elements.items() if tag in {"h1", "h2", "h3", "h4", "h5", "h6"}
    )
    assert headings == 1 + sum(1 for r in report.sections() if r.node.kind == "section")


# --- Markdown escapes only what would be markup in its place -----------------------------------------

# (text, what the Markdown must contain) for each construct CommonMark/GFM could interpret.
ESCAPED = [
    ("a\\b", "a\\\\b"),
    ("`code`", "\\`code\\`"),
    ("*em*", "\\*em\\*"),
    ("_em_", "\\_em\\_"),
    ("[链接](x)", "\\[链接\\](x)"),
    ("<b>", "\\<b\\>"),
    ("a > b", "a \\> b"),
    ("&amp;", "\\&amp;"),
    ("a | b", "a \\| b"),
    ("~~del~~", "\\~\\~del\\~\\~"),
    ("![图](x.png)", "\\!\\[图\\](x\\.png)"),
    ("# 标题", "\\# 标题"),
    ("> 引用", "\\> 引用"),
    ("- 项", "\\- 项"),
    ("+ 项", "\\+ 项"),
    ("===", "\\==="),
    ("---", "\\---"),
    ("1. 项", "1\\. 项"),
    ("1) 项", "1\\) 项"),
    ("123456789. 项", "123456789\\. 项"),
    ("见 www.example.org 网站", "www\\.example\\.org"),
    ("见 http://example.org/a 网站", "http\\:\\//example\\.org/a"),
    ("见 https://example.org 网站", "https\\:\\//example\\.org"),
    ("见 ftp://example.org 网站", "ftp\\:\\//example\\.org"),
    ("邮箱 kjj@dehua.gov.cn 联系", "kjj\\@dehua\\.gov\\.cn"),
    ("见 dehua.gov.cn 网站", "dehua\\.gov\\.cn"),
    ("见 //localhost/x 网站", "\\//localhost/x"),
    ("mailto:a@b.cn", "mailto\\:a\\@b\\.cn"),
]
# Text that no CommonMark/GFM reader takes for markup, written without any backslash.
PLAIN = [
    "2014年以来,县科技局根据《通知》(闽政办函〔2014〕130号)精神:",
    "涉及项目62个、金额1289.4万元;2014-2015年度",
    "1.属于国家秘密",
    "时间 15:51,比例 50%,问题?是的",
    "“三安全一稳定”",
    "a-b + c = d",
    "2022年",
    "v1.2 与 127.0.0.1",
]


def _render_paragraph(text: str) -> str:
    report = DisclosureReport(
        title="t", year=2014, format=ReportFormat.NARRATIVE, body=[Section(paragraphs=[text])]
    )
    return render_markdown(report).split("\n\n")[1].removesuffix("\n")


@pytest.mark.parametrize(("text", "escaped"), ESCAPED, ids=[e for _, e in ESCAPED])
def test_markdown_escapes_each_construct(text: str, escaped: str) -> None:
    markdown = _render_paragraph(text)
    assert escaped in markdown
    html = _markdown_html(markdown + "\n")
    assert html.tags == {"p"}, markdown
    assert html.all_text.strip() == text


@pytest.mark.parametrize("text", PLAIN)
def test_markdown_leaves_plain_punctuation_alone(text: str) -> None:
    markdown = _render_paragraph(text)
    assert markdown == text
    html = _markdown_html(markdown + "\n")
    assert html.tags == {"p"}
    assert html.all_text.strip() == text


def test_the_seed_reads_without_backslashes() -> None:
    markdown = render_markdown(build("dehua_2014"))
    assert "2014年以来,县科技局根据" in markdown
    assert "(闽政办函〔2014〕130号)" in markdown
    assert "金额1289.4万元" in markdown
    assert "\\" not in markdown.replace("\\\n", "")  # only the signature's hard line break


@pytest.mark.parametrize(
    ("where", "text"),
    [
        ("title", "标题 #"),
        ("heading", "标题 ##"),
        ("heading", "#"),
        ("signature", "- 二〇一四年"),
        ("signature", "# 日期"),
        ("signature", "==="),
        ("signature", "1. 日期"),
        ("attachments", "1. 附件"),
        ("attachments", "- 附件"),
        ("meta", "# 标签"),
        ("item", "- 无标签的条目"),
    ],
)
def test_markdown_escapes_by_position(where: str, text: str) -> None:
    """A block marker or a closing sequence counts where a line starts or a heading ends: a heading, the
    second line of the signature, a list item's content, an item without label."""
    fields: dict[str, object] = {"title": "t", "year": 2014, "format": ReportFormat.NARRATIVE}
    if where == "title":
        fields["title"] = text
    elif where == "heading":
        fields["body"] = [Section(ordinal=1, label="一、", heading=text)]
    elif where == "signature":
        fields["signature"] = Signature(authority="德化县科学技术局", date_text=text)
    elif where == "attachments":
        fields["attachments"] = [Attachment(name=text), Attachment(name=text)]
    elif where == "meta":
        fields["header"] = Header(other=[HeaderField(text, "值")])
    else:
        fields["body"] = [Section(ordinal=1, label="是", paragraphs=[text])]
    markdown = render_markdown(DisclosureReport(**fields))  # type: ignore[arg-type]
    html = _markdown_html(markdown)
    expected_tags = {"h1", "p", "br", "ol", "li", "ul", "h2", "strong"}
    assert html.tags <= expected_tags
    # The text survives whole: no heading closing sequence dropped, no list or heading made of it.
    assert text in html.all_text.replace("\n", " ").replace("一、", "")
    heading_count = sum(n for (tag, _), n in html.elements.items() if tag in ("h1", "h2"))
    assert heading_count == (2 if where == "heading" else 1)
    if where == "signature":
        assert html.tags <= {"h1", "p", "br"}
    if where == "attachments":
        assert html.elements[("li", ())] == 2


def test_statutory_markdown_escapes_notes_not_labels() -> None:
    report = shaped_statutory(dirty("*x* www.evil.example"), None)
    markdown = render_markdown(report)
    assert "\\*x\\* www\\.evil\\.example" in markdown
    assert "| 三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密 |" in markdown
    assert STATUTORY_SECTIONS[1].heading in markdown
