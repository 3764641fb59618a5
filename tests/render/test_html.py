"""The HTML rendering: semantic structure, ids and classes, template overrides, and the full page."""

from __future__ import annotations

import datetime as dt
import re

import jinja2
import pytest

from govdisclosure import Attachment, DisclosureReport, ReportFormat, Section, Signature
from govdisclosure.render import (
    TEMPLATE_NAMES,
    OptionValueError,
    default_stylesheet,
    html_environment,
    render_html,
    template_loader,
)
from tests.render.scan import Scan


def _ids(html: str) -> list[str]:
    return [v for v in Scan(html).values("id") if v is not None]


def test_fragment_structure_of_the_worked_example(example_report: DisclosureReport) -> None:
    html = render_html(example_report)
    scan = Scan(html)
    assert scan.roots == ["article"]
    assert html.startswith('<article class="gd-report" lang="zh-CN" id="gd-report">\n')
    # Every node of the body carries its path id, with the prefix.
    node_ids = {f"gd-{ref.id}" for ref in example_report.sections()}
    assert node_ids <= set(_ids(html))
    assert len(_ids(html)) == len(set(_ids(html)))
    assert '<section class="gd-section gd-level-1" id="gd-s1">' in html
    assert '<h2 class="gd-heading"><span class="gd-label">一、</span>主要作法及成效</h2>' in html
    assert '<div class="gd-block gd-role-preamble" id="gd-b1">' in html
    assert '<div class="gd-block gd-role-plan" id="gd-s2.b2">' in html
    assert (
        '<li class="gd-item" id="gd-s1.i1">\n<p class="gd-paragraph" id="gd-s1.i1.p1">'
        '<span class="gd-label">一是</span><strong class="gd-heading">提高思想认识</strong>。我局定期'
    ) in html
    assert (
        html.count('<ol class="gd-items">') == 3
    )  # the four items of 一, the two problems, the three plans
    assert "<dt>索引号</dt><dd>qz11402-1000-2014-00002</dd>" in html
    assert '<dd><time datetime="2014-12-04T15:51">2014-12-04 15:51</time></dd>' in html
    assert (
        '<footer class="gd-signature" id="gd-signature">\n<p class="gd-authority">德化县科学技术局</p>\n'
        '<p class="gd-date"><time datetime="2014-12-04">2014年12月4日</time></p>\n</footer>'
    ) in html


def test_heading_levels_follow_the_structure_levels() -> None:
    deep = Section(ordinal=1, label="（1）", heading="四级")
    level3 = Section(ordinal=1, label="1.", heading="三级", children=[deep])
    level2 = Section(ordinal=1, label="（一）", heading="二级", children=[level3])
    level1 = Section(ordinal=1, label="一、", heading="一级", children=[level2])
    html = render_html(
        DisclosureReport(title="t", year=2020, format=ReportFormat.V2021, body=[level1])
    )
    for n, label in ((2, "一、"), (3, "（一）"), (4, "1."), (5, "（1）")):
        assert re.search(
            rf'<h{n} class="gd-heading"><span class="gd-label">{re.escape(label)}</span>', html
        )
    assert 'class="gd-section gd-level-4" id="gd-s1.s1.s1.s1"' in html


def test_id_prefix(example_report: DisclosureReport) -> None:
    html = render_html(example_report, id_prefix="r2014-")
    assert all(i.startswith("r2014-") for i in _ids(html))
    assert 'id="r2014-s1.i3"' in html
    for bad in ('x" onclick="y', "a b", "<", 5):
        with pytest.raises(OptionValueError, match="id_prefix"):
            render_html(example_report, id_prefix=bad)  # type: ignore[arg-type]


def test_attachments_and_date_styles() -> None:
    report = DisclosureReport(
        title="t",
        year=2014,
        format=ReportFormat.NARRATIVE,
        signature=Signature(authority="某局", date=dt.date(2014, 12, 4)),
        attachments=[
            Attachment(name="甲表", url="https://example.org/a.xls"),
            Attachment(name="乙表"),
        ],
    )
    html = render_html(report, date_style="chinese")
    assert '<time datetime="2014-12-04">二〇一四年十二月四日</time>' in html
    assert (
        '<li class="gd-attachment" id="gd-attachment-1"><span class="gd-label">1.</span>'
        '<a href="https://example.org/a.xls">甲表</a></li>'
    ) in html
    assert (
        '<li class="gd-attachment" id="gd-attachment-2"><span class="gd-label">2.</span>乙表</li>'
        in html
    )


def test_full_page(example_report: DisclosureReport) -> None:
    page = render_html(example_report, full_page=True)
    assert page.startswith('<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">')
    assert "<title>2014年政府信息公开工作进展情况“成绩单”</title>" in page
    assert default_stylesheet() in page  # inlined as is: child selectors and quotes intact
    assert "Content-Security-Policy" in page
    assert "default-src 'none'" in page
    assert render_html(example_report) in page
    assert Scan(page).roots == ["html"]
    custom = render_html(example_report, full_page=True, stylesheet=".gd-title { color: red; }")
    assert ".gd-title { color: red; }" in custom
    assert default_stylesheet() not in custom
    with pytest.raises(OptionValueError, match="</style"):
        render_html(example_report, full_page=True, stylesheet="</STYLE><script>")


def test_override_one_template_with_a_loader(example_report: DisclosureReport) -> None:
    """What a Flask or Django page does: its own item template, the package's for the rest."""
    loader = jinja2.DictLoader(
        {
            "item.html.j2": '<li class="my-item" data-id="{{ node.id }}">{{ node.label }}'
            "{% if node.heading %}<b>{{ node.heading }}</b>{% endif %}</li>\n"
        }
    )
    html = render_html(example_report, loader=loader)
    assert '<li class="my-item" data-id="s1.i1">一是<b>提高思想认识</b></li>' in html
    assert html.count('class="my-item"') == 9
    assert (
        '<section class="gd-section gd-level-1" id="gd-s1">' in html
    )  # the other templates are ours
    # The same through an environment built once.
    env = html_environment(loader)
    assert render_html(example_report, environment=env) == html
    # Overrides autoescape too.
    evil = DisclosureReport(
        title="t",
        year=2014,
        format=ReportFormat.NARRATIVE,
        body=[Section(ordinal=1, label="一是", heading="<script>x</script>")],
    )
    assert "<b>&lt;script&gt;x&lt;/script&gt;</b>" in render_html(evil, environment=env)


def test_an_environment_of_your_own(example_report: DisclosureReport) -> None:
    env = jinja2.Environment(loader=template_loader(), autoescape=True)
    html = render_html(example_report, environment=env)
    assert Scan(html).elements == Scan(render_html(example_report)).elements
    with pytest.raises(OptionValueError, match="must autoescape"):
        render_html(example_report, environment=jinja2.Environment(loader=template_loader()))
    selective = jinja2.Environment(
        loader=template_loader(), autoescape=jinja2.select_autoescape(["html"])
    )
    with pytest.raises(OptionValueError, match="must autoescape"):
        render_html(example_report, environment=selective)  # .j2 would not be escaped
    with pytest.raises(OptionValueError, match="not both"):
        render_html(example_report, environment=env, loader=template_loader())


def test_every_template_is_shipped_and_compiles() -> None:
    env = html_environment()
    for name in TEMPLATE_NAMES:
        env.get_template(name)
    assert sorted(template_loader().list_templates()) == sorted(TEMPLATE_NAMES)


def test_rendering_is_pure(example_report: DisclosureReport) -> None:
    first = render_html(example_report, full_page=True)
    render_html(example_report, id_prefix="x-", loader=jinja2.DictLoader({"report.html.j2": "x"}))
    assert render_html(example_report, full_page=True) == first
