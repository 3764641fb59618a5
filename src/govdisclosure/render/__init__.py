"""Renderers that other applications embed: plain text, Markdown, HTML, DOCX and XLSX.

``render(report, to, **options)`` renders to ``"text"``, ``"markdown"``, ``"html"`` (a ``str``), ``"docx"``
or ``"xlsx"`` (``bytes``); each renderer can also be called on its own. Rendering is a pure function of the
report and the options.

- :func:`render_text`: the plain-text layout that the parser reads back (the contract is in
  :mod:`govdisclosure.render._text`), wrapped by display width (a CJK character is two columns).
- :func:`render_markdown`: CommonMark/GFM with everything from data escaped.
- :func:`render_html`: Jinja2 templates, autoescape on; a fragment (one ``<article class="gd-report">``) or a
  full page with the default stylesheet. Templates can be overridden one by one (their names and the
  context each gets are in the documentation of :func:`render_html`).
- :func:`render_docx`: the GB/T 9704-2012 layout (extra ``govdisclosure[docx]``).
- :func:`render_xlsx`: the statutory tables as a spreadsheet, one sheet per table in the official layout
  (extra ``govdisclosure[xlsx]``).

A 2019- or 2021-format report's statutory tables (二, 三, 四) are rendered in every format, each in the section
of its role, in the official layout derived from the model's metadata (:mod:`govdisclosure.render._grid`).

>>> from govdisclosure import load
>>> report = load("examples/dehua_2014/report.json")
>>> render(report, "text", width=40).splitlines()[6:10]
['2014年政府信息公开工作进展情况“成绩单”', '', '\\u3000\\u30002014年以来,县科技局根据《福建省人民', '政府办公厅关于做好2014年政府信息公开工作']

Overriding one template, as a web application would inside its own page (Flask: pass
``loader=app.jinja_loader``; Django: a ``jinja2.FileSystemLoader`` of a template folder). The override gets
the same context as the template it replaces:

>>> import jinja2
>>> loader = jinja2.DictLoader({"signature.html.j2":
...     '<footer class="my-signature">{{ doc.signature.authority }}，{{ doc.signature.date }}</footer>'})
>>> html = render_html(report, loader=loader)
>>> '<footer class="my-signature">德化县科学技术局，2014年12月4日</footer>' in html
True

For many reports, build the environment once: ``env = html_environment(loader)``, then
``render_html(report, environment=env)``.
"""

from __future__ import annotations

import typing as _typing

import govdisclosure._lazy as _lazy
from govdisclosure.model import DisclosureReport
from govdisclosure.render._common import (
    DateStyle,
    MissingDependencyError,
    OptionValueError,
    RenderError,
    UnknownFormatError,
    UnknownOptionError,
    display_width,
)
from govdisclosure.render._docx import render_docx
from govdisclosure.render._html import (
    TEMPLATE_NAMES,
    default_stylesheet,
    html_environment,
    render_html,
    template_loader,
)
from govdisclosure.render._markdown import render_markdown
from govdisclosure.render._text import render_text
from govdisclosure.render._xlsx import NoTablesError, render_xlsx

if _typing.TYPE_CHECKING:
    import jinja2

__all__ = [
    "FORMATS",
    "TEMPLATE_NAMES",
    "DateStyle",
    "Format",
    "MissingDependencyError",
    "NoTablesError",
    "OptionValueError",
    "RenderError",
    "UnknownFormatError",
    "UnknownOptionError",
    "default_stylesheet",
    "display_width",
    "html_environment",
    "render",
    "render_docx",
    "render_html",
    "render_markdown",
    "render_text",
    "render_xlsx",
    "template_loader",
]

Format = _typing.Literal["text", "markdown", "html", "docx", "xlsx"]
"""The formats :func:`render` knows."""

_RENDERERS: dict[str, _typing.Callable[..., str | bytes]] = {
    "text": render_text,
    "markdown": render_markdown,
    "html": render_html,
    "docx": render_docx,
    "xlsx": render_xlsx,
}
_OPTIONS = {
    "text": ("width", "date_style"),
    "markdown": ("date_style",),
    "html": ("full_page", "loader", "environment", "id_prefix", "date_style", "stylesheet"),
    "docx": ("date_style",),
    "xlsx": (),
}
FORMATS: tuple[str, ...] = tuple(_RENDERERS)
"""The formats :func:`render` knows: ``text``, ``markdown``, ``html``, ``docx`` and ``xlsx``."""


@_typing.overload
def render(
    report: DisclosureReport,
    to: _typing.Literal["text"],
    *,
    width: int | None = ...,
    date_style: DateStyle = ...,
) -> str: ...
@_typing.overload
def render(
    report: DisclosureReport, to: _typing.Literal["markdown"], *, date_style: DateStyle = ...
) -> str: ...
@_typing.overload
def render(
    report: DisclosureReport,
    to: _typing.Literal["html"],
    *,
    full_page: bool = ...,
    loader: jinja2.BaseLoader | None = ...,
    environment: jinja2.Environment | None = ...,
    id_prefix: str = ...,
    date_style: DateStyle = ...,
    stylesheet: str | None = ...,
) -> str: ...
@_typing.overload
def render(
    report: DisclosureReport, to: _typing.Literal["docx"], *, date_style: DateStyle = ...
) -> bytes: ...
@_typing.overload
def render(report: DisclosureReport, to: _typing.Literal["xlsx"]) -> bytes: ...
@_typing.overload
def render(report: DisclosureReport, to: str, **options: object) -> str | bytes: ...
def render(report: DisclosureReport, to: str, **options: _typing.Any) -> str | bytes:
    """Render ``report`` to the format ``to``: ``"text"``, ``"markdown"``, ``"html"`` (a ``str``), ``"docx"``
    or ``"xlsx"`` (``bytes``), with the options of that format's renderer (type checkers know which: the
    result of ``render(report, "html")`` is a ``str``, of ``render(report, "docx")`` ``bytes``).

    An unknown format raises :class:`UnknownFormatError` (a :class:`ValueError`), an option the format does
    not take :class:`UnknownOptionError` (a :class:`TypeError`), each naming what is allowed.

    >>> from govdisclosure import load
    >>> render(load("examples/dehua_2014/report.json"), "pdf")
    Traceback (most recent call last):
    ...
    govdisclosure.render.UnknownFormatError: unknown format 'pdf': expected one of 'text', 'markdown', 'html', 'docx', 'xlsx'
    >>> render(load("examples/dehua_2014/report.json"), "markdown", width=40)
    Traceback (most recent call last):
    ...
    govdisclosure.render.UnknownOptionError: markdown takes no option 'width': its options are date_style
    """
    renderer = _RENDERERS.get(to) if isinstance(to, str) else None
    if renderer is None:
        allowed = ", ".join(repr(f) for f in FORMATS)
        raise UnknownFormatError(f"unknown format {to!r}: expected one of {allowed}")
    for name in options:
        if name not in _OPTIONS[to]:
            takes = f"its options are {', '.join(_OPTIONS[to])}" if _OPTIONS[to] else "it has none"
            raise UnknownOptionError(f"{to} takes no option {name!r}: {takes}")
    return renderer(report, **options)


# govdisclosure.render(report, to) calls render(report, to): the subpackage is callable (govdisclosure._lazy).
_lazy.make_callable(__name__)
_lazy.show_public_names(__name__)
