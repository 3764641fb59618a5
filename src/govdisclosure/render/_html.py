"""The HTML rendering: Jinja2 templates shipped with the package, autoescape on for everything.

By default the result is a fragment with one root, ``<article class="gd-report" lang="zh-CN">``, to embed in
a page; ``full_page=True`` gives a complete HTML5 page with the default stylesheet inlined and a Content
Security Policy that allows no script. Every node carries ``id="{id_prefix}{path id}"`` (``gd-s1.i2``) and a
``gd-<kind>`` class.

The templates, their names and the context each gets are described in :func:`render_html`.
"""

from __future__ import annotations

import functools
import re
from importlib import resources
from typing import TYPE_CHECKING, Final, NamedTuple

from govdisclosure.model import DisclosureReport, Section
from govdisclosure.render._common import (
    DateStyle,
    MetaEntry,
    Node,
    OptionValueError,
    SignatureLines,
    check_date_style,
    check_report,
    header_entries,
    outline,
    safe_url,
    signature_lines,
)

if TYPE_CHECKING:
    import jinja2

TEMPLATE_NAMES: Final = (
    "report.html.j2",
    "page.html.j2",
    "header.html.j2",
    "section.html.j2",
    "items.html.j2",
    "item.html.j2",
    "block.html.j2",
    "signature.html.j2",
    "attachments.html.j2",
)
"""The templates of the HTML rendering; any of them can be overridden."""

_ID_PREFIX: Final = re.compile(r"[A-Za-z0-9_-]*")


class NodeView(NamedTuple):
    """A node of the body prepared for a template (see the module docstring)."""

    id: str
    dom_id: str
    kind: str
    template: str
    classes: str
    level: int
    heading_level: int
    label: str | None
    heading: str | None
    role: str | None
    paragraphs: tuple[str, ...]
    groups: tuple[NodeView | ItemsView, ...]
    section: Section


class ItemsView(NamedTuple):
    """A run of consecutive items, shown as one ``<ol>``."""

    items: tuple[NodeView, ...]
    kind: str = "items"
    template: str = "items.html.j2"


class AttachmentView(NamedTuple):
    number: int
    label: str
    name: str
    url: str | None
    dom_id: str


class DocumentView(NamedTuple):
    """The report prepared for the templates: ``doc`` in every template."""

    id_prefix: str
    title: str
    meta: tuple[MetaEntry, ...]
    body: tuple[NodeView | ItemsView, ...]
    signature: SignatureLines | None
    attachments: tuple[AttachmentView, ...]


def _view(node: Node, prefix: str) -> NodeView:
    section = node.node
    classes = f"gd-{node.kind}"
    if node.kind == "section":
        classes += f" gd-level-{node.level}"
    if section.role is not None:
        classes += f" gd-role-{section.role.value}"
    return NodeView(
        id=node.id,
        dom_id=prefix + node.id,
        kind=node.kind,
        template=f"{node.kind}.html.j2",
        classes=classes,
        level=node.level,
        heading_level=min(node.level + 1, 6),
        label=section.label,
        heading=section.heading,
        role=section.role.value if section.role is not None else None,
        paragraphs=section.paragraphs,
        groups=_groups(node.children, prefix),
        section=section,
    )


def _groups(nodes: tuple[Node, ...], prefix: str) -> tuple[NodeView | ItemsView, ...]:
    groups: list[NodeView | ItemsView] = []
    run: list[NodeView] = []
    for node in nodes:
        view = _view(node, prefix)
        if node.kind == "item":
            run.append(view)
            continue
        if run:
            groups.append(ItemsView(tuple(run)))
            run = []
        groups.append(view)
    if run:
        groups.append(ItemsView(tuple(run)))
    return tuple(groups)


def document_view(
    report: DisclosureReport, *, id_prefix: str = "gd-", date_style: DateStyle = "arabic"
) -> DocumentView:
    """``doc``: the report prepared for the templates."""
    several = len(report.attachments) > 1
    return DocumentView(
        id_prefix=id_prefix,
        title=report.title,
        meta=tuple(header_entries(report.header)),
        body=_groups(outline(report), id_prefix),
        signature=signature_lines(report.signature, date_style),
        attachments=tuple(
            AttachmentView(
                number=n,
                label=f"{n}." if several else "",
                name=a.name,
                url=safe_url(a.url),
                dom_id=f"{id_prefix}attachment-{n}",
            )
            for n, a in enumerate(report.attachments, 1)
        ),
    )


def template_loader() -> jinja2.BaseLoader:
    """The Jinja2 loader of the package's templates (``report.html.j2`` …), to put behind your own."""
    import jinja2

    return jinja2.PackageLoader("govdisclosure.render", "templates")


def html_environment(loader: jinja2.BaseLoader | None = None) -> jinja2.Environment:
    """A Jinja2 environment as the HTML renderer uses it: autoescape on, undefined names are errors, and
    ``loader`` (if given) tried before the package's templates. Build it once and pass it as
    ``render_html(report, environment=env)``.

    >>> import jinja2
    >>> env = html_environment(jinja2.DictLoader({"signature.html.j2": "<p>{{ doc.signature.authority }}</p>"}))
    >>> env.autoescape, env.get_template("signature.html.j2").render(doc={"signature": {"authority": "<局>"}})
    (True, '<p>&lt;局&gt;</p>')
    """
    import jinja2

    ours = template_loader()
    return jinja2.Environment(
        loader=ours if loader is None else jinja2.ChoiceLoader([loader, ours]),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )


@functools.cache
def _default_environment() -> jinja2.Environment:
    # Constant (same loader, same settings) and costly to build and to compile into: built once, lazily.
    return html_environment()


@functools.cache
def default_stylesheet() -> str:
    """The default stylesheet (package data ``render/static/govdisclosure.css``), inlined by ``full_page``."""
    return (
        resources.files("govdisclosure.render")
        .joinpath("static", "govdisclosure.css")
        .read_text(encoding="utf-8")
    )


def _autoescapes(environment: jinja2.Environment) -> bool:
    setting = environment.autoescape
    return bool(setting("report.html.j2") if callable(setting) else setting)


def render_html(
    report: DisclosureReport,
    *,
    full_page: bool = False,
    loader: jinja2.BaseLoader | None = None,
    environment: jinja2.Environment | None = None,
    id_prefix: str = "gd-",
    date_style: DateStyle = "arabic",
    stylesheet: str | None = None,
) -> str:
    """The report as HTML: a fragment (one ``<article class="gd-report">``) or, with ``full_page``, a page.

    ``loader`` or ``environment`` override templates (below); ``id_prefix`` starts every
    ``id`` (letters, digits, ``-`` and ``_``); ``date_style`` writes the signature date; ``stylesheet``
    replaces the default CSS of the full page.

    Templates
    ---------
    Each template gets ``report`` (the :class:`~govdisclosure.model.DisclosureReport` itself) and ``doc`` (the
    report prepared for display, below); templates for a part of the body also get ``node``.

    =======================  ================================================================================
    ``report.html.j2``       the ``<article>`` root; includes ``header``, the nodes of the body, ``signature``,
                             ``attachments``
    ``page.html.j2``         the full page; also gets ``fragment`` (the rendered ``report.html.j2``) and
                             ``stylesheet`` (the CSS text), both already safe
    ``header.html.j2``       ``<header>``: ``doc.title`` as ``<h1>`` and ``doc.meta`` as a ``<dl>``
    ``section.html.j2``      a numbered section (一、 （一） 1. （1）): ``<section>`` with ``<h2>``…``<h6>`` by level
    ``items.html.j2``        a run of items, ``node.items``: one ``<ol>``
    ``item.html.j2``         an item (一是…): ``<li>``
    ``block.html.j2``        an unlabelled block (the preamble, a run of paragraphs): ``<div>``
    ``signature.html.j2``    ``doc.signature``: ``<footer>`` with the authority and the date
    ``attachments.html.j2``  ``doc.attachments``
    =======================  ================================================================================

    ``doc`` has ``id_prefix``, ``title``, ``meta`` (entries with ``key`` — ``index_number`` …, or ``other`` —,
    ``label``, ``value``, and ``machine``, the ISO form of a date or time for ``<time datetime>``), ``body`` (the
    nodes of the body), ``signature`` (``authority``, ``date`` as text, ``date_iso``; or None) and
    ``attachments`` (``number``, ``label`` — ``1.`` where there are several —, ``name``, ``url`` — only an
    absolute http(s) URL, else None —, ``dom_id``).

    A ``node`` of the body has ``id`` (the path id, ``s1.i2``), ``dom_id`` (with the prefix), ``kind``
    (``section``, ``item``, ``block``, or ``items`` for a run of items), ``template``, ``classes`` (``gd-section
    gd-level-1 gd-role-plan``), ``level`` (the structure level: 1 for 一、, 2 for （一）, … by nesting),
    ``heading_level`` (2–6, for ``<hN>``), ``label``, ``heading``, ``role``, ``paragraphs``, ``groups`` (the
    children, consecutive items gathered into one ``items`` node) and ``section`` (the model's
    :class:`~govdisclosure.model.Section`). A new kind of node (the statutory tables) is a new template named by
    its ``template``: the report, section, item and block templates include ``node.template`` for each node
    of ``doc.body`` or ``node.groups``.

    Overriding
    ----------
    Pass ``loader=`` (a Jinja2 loader tried before the package's, e.g. a ``FileSystemLoader`` of your template
    folder or a ``DictLoader``) or ``environment=`` (an environment whose loader finds the templates above: build
    it once with :func:`html_environment`, which is faster than a ``loader`` on each call). An environment that
    does not autoescape is refused.

    >>> from govdisclosure.model import DisclosureReport, ReportFormat
    >>> print(render_html(DisclosureReport(title="<b>报告</b>", year=2014, format=ReportFormat.NARRATIVE)))
    <article class="gd-report" lang="zh-CN" id="gd-report">
    <header class="gd-header" id="gd-header">
    <h1 class="gd-title" id="gd-title">&lt;b&gt;报告&lt;/b&gt;</h1>
    </header>
    <div class="gd-body" id="gd-body">
    </div>
    </article>
    """
    report = check_report(report)
    date_style = check_date_style(date_style)
    if not isinstance(id_prefix, str) or _ID_PREFIX.fullmatch(id_prefix) is None:
        raise OptionValueError(
            f"id_prefix must be letters, digits, '-' and '_' only, got {id_prefix!r}"
        )
    if loader is not None and environment is not None:
        raise OptionValueError("pass loader or environment, not both")
    if environment is None:
        environment = _default_environment() if loader is None else html_environment(loader)
    elif not _autoescapes(environment):
        raise OptionValueError(
            "the Jinja2 environment must autoescape (autoescape=True): data would reach the page unescaped"
        )
    if stylesheet is not None and (
        not isinstance(stylesheet, str) or "</style" in stylesheet.lower()
    ):
        raise OptionValueError("stylesheet must be CSS text without '</style'")

    from markupsafe import Markup

    doc = document_view(report, id_prefix=id_prefix, date_style=date_style)
    fragment = environment.get_template("report.html.j2").render(report=report, doc=doc)
    if not full_page:
        return fragment
    return environment.get_template("page.html.j2").render(
        report=report,
        doc=doc,
        fragment=Markup(fragment),
        stylesheet=Markup(default_stylesheet() if stylesheet is None else stylesheet),
    )
