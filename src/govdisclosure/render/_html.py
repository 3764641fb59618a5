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

from govdisclosure.model import ATTACHMENT_LABEL, DisclosureReport, Section, StatutoryTables
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
    title_lines,
)
from govdisclosure.render._grid import Cell, Grid, place_tables, table_grid

if TYPE_CHECKING:
    import jinja2
    from markupsafe import Markup

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
    "table.html.j2",
    "table2.html.j2",
    "table3.html.j2",
    "table4.html.j2",
)
"""The templates of the HTML rendering; any of them can be overridden."""

_ID_PREFIX: Final = re.compile(r"[A-Za-z0-9_-]*")
_SAFE_ATTRIBUTES: Final = re.compile(r'(?: [a-z]+="[A-Za-z0-9_. -]*")*')


class CellView(NamedTuple):
    """A cell of a statutory table prepared for ``table.html.j2``."""

    tag: str
    """``th`` (a title, column or row header) or ``td`` (a figure, or table 三's corner)"""
    text: str
    rowspan: int
    colspan: int
    scope: str | None
    """``col``, ``colgroup``, ``row`` or ``rowgroup`` for a ``th``; None for a ``td``"""
    dom_id: str | None
    """``gd-t3.received.natural_person`` (a figure), ``gd-t3.received`` (a row header), ``gd-t3.h2.5`` (a column
    header: row and column, 1-based), ``gd-t2.block1`` (a block title); None for the corner"""
    headers: str | None
    """For a figure, the ids of its header cells, space-separated (the ``headers`` attribute)"""
    classes: str
    """``gd-count`` (``gd-signed``, ``gd-amount``, ``gd-money``) and ``gd-blank`` for a figure; ``gd-row-head
    gd-row-data`` (``gd-row-sum``, ``gd-row-group``), ``gd-col-head``, ``gd-block-title``, ``gd-corner``"""
    attributes: Markup
    """All of the above as the escaped attributes of the element (`` class="…" id="…" rowspan="…" …``), so
    that the template writes a cell in one step (a table has some 300 cells)"""


class RowGroupView(NamedTuple):
    """The header rows (``thead``) or a group of body rows (``tbody``) of a statutory table."""

    tag: str
    rows: tuple[tuple[CellView, ...], ...]


class TableView(NamedTuple):
    """A statutory table prepared for a template: a node of the body (see :func:`render_html`)."""

    id: str
    """``t2``, ``t3`` or ``t4``"""
    dom_id: str
    kind: str
    template: str
    classes: str
    caption: str
    colgroups: tuple[int, ...]
    groups: tuple[RowGroupView, ...]
    table: object
    """The model's table (:class:`~govdisclosure.model.Table3V2021` …)"""
    grid: Grid


def _cell_classes(cell: Cell) -> str:
    if cell.role == "value":
        kind = cell.kind.value if cell.kind is not None else "count"
        return f"gd-{kind} gd-blank" if cell.value is None else f"gd-{kind}"
    if cell.role == "row":
        kind = cell.row_kind.value if cell.row_kind is not None else "data"
        return f"gd-row-head gd-row-{kind}"
    return {"column": "gd-col-head", "title": "gd-block-title", "corner": "gd-corner"}[cell.role]


def _cell_view(cell: Cell, base: str, markup: type[Markup]) -> CellView:
    # Every attribute value is a class name, a scope or an id made of the id prefix (checked: letters,
    # digits, - and _) and the model's keys: nothing from data. A strict pattern checks them, in one step.
    dom_id = base + cell.key if cell.key else None
    headers = " ".join([base + h for h in cell.headers]) or None
    classes = _cell_classes(cell)
    attributes = f' class="{classes}"'
    if dom_id is not None:
        attributes += f' id="{dom_id}"'
    if cell.rowspan > 1:
        attributes += f' rowspan="{cell.rowspan}"'
    if cell.colspan > 1:
        attributes += f' colspan="{cell.colspan}"'
    if cell.scope is not None:
        attributes += f' scope="{cell.scope}"'
    if headers is not None:
        attributes += f' headers="{headers}"'
    if not _SAFE_ATTRIBUTES.fullmatch(attributes):  # pragma: no cover - the keys are the model's
        raise AssertionError(
            f"unexpected characters in the attributes of a table cell: {attributes!r}"
        )
    return CellView(
        tag="th" if cell.header else "td",
        text=cell.text,
        rowspan=cell.rowspan,
        colspan=cell.colspan,
        scope=cell.scope,
        dom_id=dom_id,
        headers=headers,
        classes=classes,
        attributes=markup(attributes),
    )


def table_view(tables: StatutoryTables, key: str, prefix: str) -> TableView:
    """The statutory table ``key`` of ``tables`` prepared for ``table.html.j2``."""
    from markupsafe import Markup

    grid = table_grid(tables, key)
    base = f"{prefix}{key}."
    groups = tuple(
        RowGroupView(
            "thead" if group.head else "tbody",
            tuple(tuple(_cell_view(cell, base, Markup) for cell in row) for row in group.rows),
        )
        for group in grid.groups
    )
    return TableView(
        id=key,
        dom_id=prefix + key,
        kind="table",
        template=f"table{key[1:]}.html.j2",
        classes=f"gd-table gd-{key}",
        caption=grid.caption,
        colgroups=grid.colgroups,
        groups=groups,
        table=getattr(tables, key),
        grid=grid,
    )


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
    groups: tuple[NodeView | ItemsView | TableView, ...]
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
    title_lines: tuple[str, ...]
    """The title broken by meaning (:func:`~govdisclosure.render._common.title_lines`)"""
    meta: tuple[MetaEntry, ...]
    body: tuple[NodeView | ItemsView | TableView, ...]
    signature: SignatureLines | None
    attachments: tuple[AttachmentView, ...]
    attachments_label: str = ATTACHMENT_LABEL
    """What introduces the attachments: ``附件：``"""


_Tables = dict[str, tuple[TableView, ...]]


def _view(node: Node, prefix: str, tables: _Tables) -> NodeView:
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
        groups=(*tables.get(node.id, ()), *_groups(node.children, prefix, tables)),
        section=section,
    )


def _groups(
    nodes: tuple[Node, ...], prefix: str, tables: _Tables
) -> tuple[NodeView | ItemsView | TableView, ...]:
    groups: list[NodeView | ItemsView | TableView] = []
    run: list[NodeView] = []
    for node in nodes:
        view = _view(node, prefix, tables)
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


def _publisher(report: DisclosureReport) -> str | None:
    if report.header.publisher:
        return report.header.publisher
    return report.signature.authority if report.signature is not None else None


def document_view(
    report: DisclosureReport, *, id_prefix: str = "gd-", date_style: DateStyle = "arabic"
) -> DocumentView:
    """``doc``: the report prepared for the templates."""
    several = len(report.attachments) > 1
    nodes = outline(report)
    placement = place_tables(report, nodes)
    tables: _Tables = {}
    end: tuple[TableView, ...] = ()
    if report.tables is not None:
        statutory = report.tables
        tables = {
            node_id: tuple(table_view(statutory, key, id_prefix) for key in keys)
            for node_id, keys in placement.after.items()
        }
        end = tuple(table_view(statutory, key, id_prefix) for key in placement.end)
    return DocumentView(
        id_prefix=id_prefix,
        title=report.title,
        title_lines=title_lines(report.title, _publisher(report)),
        meta=tuple(header_entries(report.header)),
        body=(*_groups(nodes, id_prefix, tables), *end),
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
    ``header.html.j2``       ``<header>``: ``doc.title_lines`` as ``<h1>`` and ``doc.meta`` as a ``<dl>``
    ``section.html.j2``      a numbered section (一、 （一） 1. （1）): ``<section>`` with ``<h2>``…``<h6>`` by level
    ``items.html.j2``        a run of items, ``node.items``: one ``<ol>``
    ``item.html.j2``         an item (一是…): ``<li>``
    ``block.html.j2``        an unlabelled block (the preamble, a run of paragraphs): ``<div>``
    ``signature.html.j2``    ``doc.signature``: ``<footer>`` with the authority and the date
    ``attachments.html.j2``  ``doc.attachments``
    ``table2.html.j2``       a statutory table (表二 主动公开; ``table3``: 表三 依申请; ``table4``: 表四 复议诉讼);
                             each includes ``table.html.j2``: override one to change that table alone
    ``table.html.j2``        the ``<table>`` of a statutory table in the official layout, in a
                             ``<div class="gd-table-box">`` that scrolls sideways on a narrow screen (caption,
                             ``colgroup``, ``thead``/``tbody``, ``th scope``, spans, ``headers``)
    =======================  ================================================================================

    ``doc`` has ``id_prefix``, ``title``, ``title_lines`` (the title broken by meaning, each line a
    ``<span class="gd-title-line">``), ``meta`` (entries with ``key`` — ``index_number`` …, or ``other`` —,
    ``label``, ``value``, and ``machine``, the ISO form of a date or time for ``<time datetime>``), ``body`` (the
    nodes of the body), ``signature`` (``authority``, ``date`` as text, ``date_iso``; or None),
    ``attachments_label`` (``附件：``) and ``attachments`` (``number``, ``label`` — ``1.`` where there are several —, ``name``, ``url`` — only an
    absolute http(s) URL, else None —, ``dom_id``).

    A ``node`` of the body has ``id`` (the path id, ``s1.i2``), ``dom_id`` (with the prefix), ``kind``
    (``section``, ``item``, ``block``, or ``items`` for a run of items), ``template``, ``classes`` (``gd-section
    gd-level-1 gd-role-plan``), ``level`` (the structure level: 1 for 一、, 2 for （一）, … by nesting),
    ``heading_level`` (2–6, for ``<hN>``), ``label``, ``heading``, ``role``, ``paragraphs``, ``groups`` (the
    children, consecutive items gathered into one ``items`` node) and ``section`` (the model's
    :class:`~govdisclosure.model.Section`). A new kind of node is a new template named by its ``template``: the
    report, section, item and block templates include ``node.template`` for each node of ``doc.body`` or
    ``node.groups``.

    The statutory tables of a 2019- or 2021-format report are such nodes (``kind`` ``table``): each is the
    first of ``node.groups`` of the section of its role (so it follows the section's paragraphs and precedes
    its sub-sections), or ends ``doc.body`` where that section is missing. A table node has ``id`` (``t2``,
    ``t3``, ``t4``), ``dom_id``, ``template`` (``table3.html.j2``), ``classes`` (``gd-table gd-t3``),
    ``caption`` (the section's heading), ``colgroups`` (their spans), ``groups`` (``tag`` — ``thead`` or
    ``tbody`` — and ``rows``, each a tuple of cells), ``table`` (the model's table) and ``grid``. A cell has
    ``tag`` (``th``/``td``), ``text``, ``rowspan``, ``colspan``, ``scope``, ``dom_id`` (figures
    ``gd-t3.received.natural_person``, row headers ``gd-t3.received``, column headers ``gd-t3.h2.4`` by
    header row and column, block titles ``gd-t2.block1``), ``headers`` (of a figure: the ids of its header
    cells), ``classes`` (``gd-count``/``gd-signed``/``gd-amount``/``gd-money`` and ``gd-blank``;
    ``gd-row-head gd-row-data``/``-sum``/``-group``; ``gd-col-head``; ``gd-block-title``; ``gd-corner``) and
    ``attributes`` (all of these, escaped, as the default template writes them).

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
    <h1 class="gd-title" id="gd-title"><span class="gd-title-line">&lt;b&gt;报告&lt;/b&gt;</span></h1>
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
