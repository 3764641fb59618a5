"""Nothing that comes from data becomes markup: XSS vectors through HTML and Markdown.

A report whose every string field carries attack strings is rendered, the output is parsed with a real parser
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
)
from govdisclosure.render import render_html, render_markdown
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
HTML_TAGS = {
    "article", "header", "h1", "h2", "h3", "h4", "h5", "h6", "dl", "div", "dt", "dd", "time", "section",
    "span", "p", "ol", "li", "strong", "footer", "a",
}  # fmt: skip
PAGE_TAGS = {"html", "head", "meta", "title", "style", "body"}


def _check_no_injection(scan: Scan, reference: Scan) -> None:
    assert scan.elements == reference.elements
    assert scan.others == reference.others
    assert not any(name.startswith("on") for _, name, _ in scan.attributes)
    assert scan.values("href") == []  # javascript: and relative URLs are never links
    assert "49" not in scan.all_text  # {{ 7*7 }} was not evaluated
    assert "TEMPLATE" in scan.all_text  # … nor {% if %}: it is text


@pytest.mark.parametrize("payload", PAYLOADS, ids=["all", *LINE_START])
@pytest.mark.parametrize("full_page", [False, True], ids=["fragment", "page"])
def test_html_gets_no_element_attribute_or_url_from_data(payload: str, full_page: bool) -> None:
    html = render_html(shaped(dirty(payload), "javascript:alert(1)"), full_page=full_page)
    reference = Scan(render_html(shaped(clean, "attachment.doc"), full_page=full_page))
    scan = Scan(html)
    _check_no_injection(scan, reference)
    assert scan.tags <= HTML_TAGS | (PAGE_TAGS if full_page else set())
    assert {name for _, name, _ in scan.attributes} <= HTML_ATTRIBUTES
    assert scan.roots == (["html"] if full_page else ["article"])
    # The attack strings are there, as text.
    assert "<script>alert(1)</script>" in scan.all_text
    assert '"><img src=x onerror=alert(1)>' in scan.all_text
    for value in scan.values("id"):
        assert value is not None
        assert re.fullmatch(r"gd-[a-z0-9.-]+", value), value


def _markdown_html(markdown: str) -> Scan:
    # Raw HTML allowed and GFM's autolinks on: the strictest reader.
    gfm = MarkdownIt("gfm-like", {"html": True, "linkify": True})
    return Scan(gfm.render(markdown))


@pytest.mark.parametrize("payload", PAYLOADS, ids=["all", *LINE_START])
def test_markdown_gets_no_element_attribute_or_url_from_data(payload: str) -> None:
    scan = _markdown_html(render_markdown(shaped(dirty(payload), "javascript:alert(1)")))
    reference = _markdown_html(render_markdown(shaped(clean, "attachment.doc")))
    _check_no_injection(scan, reference)
    assert scan.tags <= {"h1", "h2", "h3", "h4", "ul", "ol", "li", "p", "strong", "br"}
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
        assert scan.tags <= HTML_TAGS | (PAGE_TAGS if full_page else set())
        assert {name for _, name, _ in scan.attributes} <= HTML_ATTRIBUTES
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
    }
    assert {name for _, name, _ in scan.attributes} <= {"href"}
    assert set(scan.values("href")) <= _urls(report)
    headings = sum(
        n for (tag, _), n in scan.elements.items() if tag in {"h1", "h2", "h3", "h4", "h5", "h6"}
    )
    assert headings == 1 + sum(1 for r in report.sections() if r.node.kind == "section")
