"""The report: header metadata, the body as a tree of sections, signature and attachments."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator

import attrs

from govdisclosure.model._checks import type_checks
from govdisclosure.model._enums import ReportFormat, Role
from govdisclosure.model._facts import (
    Channels,
    CitedDocument,
    DisclosureStats,
    Money,
    PowerInventory,
    Quantity,
    RiskInventory,
    WorkPlan,
    _quantities,
    _tuple_of_str,
)
from govdisclosure.model._format import REPORT_YEARS, NodeKind, is_statutory, node_kind, path_id
from govdisclosure.model._numbers import DocumentNumber, IndexNumber
from govdisclosure.model._statutory import StatutoryTables


def _to_the_minute(
    instance: object, attribute: attrs.Attribute[dt.datetime | None], value: dt.datetime | None
) -> None:
    """时间 is printed to the minute or the second, in local time: fractions of a second or a time zone
    would not survive JSON."""
    if value is not None and (value.microsecond or value.tzinfo is not None):
        raise ValueError(
            f"{attribute.name} is a local time to the second at most (YYYY-MM-DDTHH:MM[:SS]), "
            f"got {value.isoformat()}"
        )


# Typed converters, one per element type (see model._facts): lists are accepted and stored as tuples.
def _header_fields(value: Iterable[HeaderField]) -> tuple[HeaderField, ...]:
    return tuple(value)


def _citations(value: Iterable[CitedDocument]) -> tuple[CitedDocument, ...]:
    return tuple(value)


def _amounts(value: Iterable[Money]) -> tuple[Money, ...]:
    return tuple(value)


def _sections(value: Iterable[Section]) -> tuple[Section, ...]:
    return tuple(value)


def _attachments(value: Iterable[Attachment]) -> tuple[Attachment, ...]:
    return tuple(value)


@attrs.frozen
class HeaderField:
    """A header entry the model has no field for (其他元数据), kept as label and value, e.g. 关键词."""

    __attrs_post_init__ = type_checks(globals())  # skipped when loading JSON (model._checks)

    label: str
    """项目名称 as printed (关键词, 有效性, 公开方式 …)"""
    value: str
    """内容"""


@attrs.frozen(kw_only=True)
class Header:
    """The metadata block a portal prints above a document (信息索引 / 元数据)."""

    __attrs_post_init__ = type_checks(globals())  # skipped when loading JSON (model._checks)

    index_number: IndexNumber | None = None
    """索引号"""
    publisher: str | None = None
    """发布机构"""
    document_date: dt.date | None = None
    """公文生成日期 / 成文日期 / 生成日期 / 发文日期"""
    source: str | None = None
    """来源"""
    published_at: dt.datetime | None = attrs.field(default=None, validator=_to_the_minute)
    """时间 / 发布时间, local time to the minute or the second as printed (no time zone)"""
    subject: str | None = None
    """主题分类"""
    document_number: DocumentNumber | None = None
    """文号 (发文字号) of the report itself"""
    other: tuple[HeaderField, ...] = attrs.field(default=(), converter=_header_fields)
    """其他 (any further labelled entry, in page order)"""


def _check_ordinal(
    instance: object, attribute: attrs.Attribute[int | None], value: int | None
) -> None:
    if isinstance(value, int) and value < 1:  # the type is checked after (model._checks)
        raise ValueError(f"ordinal must be 1 or more, got {value}")


@attrs.frozen(kw_only=True)
class Section:
    """A node of the body (章节 / 条目): a numbered section, an inline item such as 一是…, or an unlabelled block.

    The label is kept as displayed (一、 （一） 1. （1） 一是) beside its ordinal; validation checks that they
    agree. Facts (citations, quantities, money and the structured inventories) attach to the node whose
    text states them.
    """

    __attrs_post_init__ = type_checks(globals())  # skipped when loading JSON (model._checks)

    ordinal: int | None = attrs.field(default=None, validator=_check_ordinal)
    """序号 (1 for 一、, （一）, 1. and 一是); None for an unlabelled block"""
    label: str | None = None
    """编号 as displayed: 一、 （一） 1. （1） or the inline enumerator 一是"""
    heading: str | None = None
    """标题: a section's title, or the short heading opening an item (一是提高思想认识。→ 提高思想认识)"""
    role: Role | None = None
    """章节类别, where the section is a part the model knows (导语, 存在的主要问题, 工作计划)"""
    paragraphs: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str)
    """段落: the node's own text, before its children, one string per paragraph"""
    citations: tuple[CitedDocument, ...] = attrs.field(default=(), converter=_citations)
    """引用文件 cited in the text"""
    quantities: tuple[Quantity, ...] = attrs.field(default=(), converter=_quantities)
    """数量 stated in the text and not part of a structured fact below"""
    amounts: tuple[Money, ...] = attrs.field(default=(), converter=_amounts)
    """金额 stated in the text and not part of a structured fact below"""
    channels: Channels | None = None
    """公开渠道"""
    power: PowerInventory | None = None
    """行政权力清理"""
    risks: RiskInventory | None = None
    """廉政风险点排查"""
    disclosure: DisclosureStats | None = None
    """信息公开情况统计"""
    plan: WorkPlan | None = None
    """工作计划 (target year and principles; the plan's items are the children)"""
    children: tuple[Section, ...] = attrs.field(default=(), converter=_sections)
    """下级章节 / 条目, in order"""

    @property
    def kind(self) -> NodeKind:
        """:attr:`NodeKind.SECTION` for a heading label, ``ITEM`` for an inline enumerator (…是), ``BLOCK``
        unlabelled (a :class:`~enum.StrEnum`: ``node.kind == "item"`` holds)."""
        return node_kind(self.label)


@attrs.frozen
class SectionRef:
    """A section found by :meth:`DisclosureReport.sections`, with where it is."""

    id: str
    """The stable path id, e.g. ``s1.i2`` (Akoma Ntoso style): ``s`` numbered section, ``i`` item, ``b`` block,
    each followed by the node's position among its siblings of the same kind (1-based)."""
    path: str
    """The JSON path of the node, e.g. ``$.body[1].children[1]`` (the syntax of load errors and diagnostics)."""
    depth: int
    """1 for a node of the body, 2 for its children, …"""
    node: Section


def _walk(
    nodes: tuple[Section, ...], parent_id: str, parent_path: str, depth: int
) -> Iterator[SectionRef]:
    seen: dict[NodeKind, int] = {}
    for index, node in enumerate(nodes):
        kind = node.kind
        seen[kind] = seen.get(kind, 0) + 1
        node_id = path_id(parent_id, kind, seen[kind])
        path = f"{parent_path}[{index}]"
        yield SectionRef(id=node_id, path=path, depth=depth, node=node)
        yield from _walk(node.children, node_id, f"{path}.children", depth + 1)


@attrs.frozen(kw_only=True)
class Signature:
    """The signature block at the end (落款): the authority and the date."""

    __attrs_post_init__ = type_checks(globals())  # skipped when loading JSON (model._checks)

    authority: str | None = None
    """署名机关"""
    date: dt.date | None = None
    """成文日期 as signed"""
    date_text: str | None = None
    """日期原文: the printed date when it could not be read unambiguously (e.g. ``2014 124``); None otherwise"""


@attrs.frozen(kw_only=True)
class Attachment:
    """An attachment (附件)."""

    __attrs_post_init__ = type_checks(globals())  # skipped when loading JSON (model._checks)

    name: str
    """附件名称"""
    url: str | None = None
    """链接, as published"""


def _tables_match_format(
    instance: DisclosureReport,
    attribute: attrs.Attribute[StatutoryTables | None],
    value: StatutoryTables | None,
) -> None:
    if value is None:
        return
    if not is_statutory(instance.format):
        raise ValueError(
            f"a narrative (pre-2019) report has no statutory tables, got tables of the {value.version} format"
        )
    if value.version is not instance.format:
        raise ValueError(
            f"the tables are of the {value.version} format but the report's format is {instance.format}"
        )


def _check_year(instance: object, attribute: attrs.Attribute[int | None], value: object) -> None:
    if type(value) is int and value not in REPORT_YEARS:
        raise ValueError(
            f"DisclosureReport.year must be from {REPORT_YEARS.start} to {REPORT_YEARS.stop - 1}, "
            f"or None where it is unknown; got {value}"
        )


_PATH_STEP = re.compile(r"\.([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]")


@attrs.frozen(kw_only=True)
class DisclosureReport:
    """A government information-disclosure report (政府信息公开工作报告) of one agency for one year.

    >>> r = DisclosureReport(title="2014年政府信息公开工作进展情况", year=2014, format=ReportFormat.NARRATIVE,
    ...     body=[Section(ordinal=1, label="一、", heading="主要作法及成效",
    ...                   children=[Section(ordinal=1, label="一是", heading="提高思想认识")])])
    >>> [ref.id for ref in r.sections()]
    ['s1', 's1.i1']
    """

    __attrs_post_init__ = type_checks(globals())  # skipped when loading JSON (model._checks)

    title: str
    """标题"""
    year: int | None = attrs.field(validator=_check_year)
    """年度, the year reported on; None where it is unknown (a page that states no year)"""
    format: ReportFormat
    """报告格式"""
    header: Header = attrs.field(factory=Header)
    """页面元数据 (索引号, 发布机构 …)"""
    body: tuple[Section, ...] = attrs.field(default=(), converter=_sections)
    """正文, the sections in reading order"""
    tables: StatutoryTables | None = attrs.field(default=None, validator=_tables_match_format)
    """统计表格: the statutory tables 二, 三, 四 of a 2019- or 2021-format report, of the report's format;
    None in a narrative report, or where a statutory report's tables are missing (e.g. published as images)"""
    signature: Signature | None = None
    """落款"""
    attachments: tuple[Attachment, ...] = attrs.field(default=(), converter=_attachments)
    """附件"""

    def sections(self) -> Iterator[SectionRef]:
        """Every node of the body, depth first in reading order, with its path id and JSON path."""
        return _walk(self.body, "", "$.body", 1)

    def section(self, node_id: str) -> Section:
        """The node with this path id (``s1.i2``); :class:`KeyError` naming the ids there are if there is
        none.

        >>> r = DisclosureReport(title="t", year=2014, format=ReportFormat.NARRATIVE,
        ...     body=[Section(ordinal=1, label="一、", children=[Section(ordinal=1, label="一是")])])
        >>> r.section("s1.i1").label
        '一是'
        >>> r.section("s9")
        Traceback (most recent call last):
        ...
        KeyError: 'no node s9 in the body; its path ids are s1, s1.i1'
        """
        ids = []
        for ref in self.sections():
            if ref.id == node_id:
                return ref.node
            ids.append(ref.id)
        there = f"its path ids are {', '.join(ids)}" if ids else "the body is empty"
        raise KeyError(f"no node {node_id} in the body; {there}")

    def at(self, path: str) -> object:
        """The value at a JSON path, as diagnostics and load errors print it: ``$.body[1].children[2]``,
        ``$.header.publisher``, ``$.tables.t3.rows.received.total``. :class:`KeyError` naming the first step
        that leads nowhere.

        >>> r = DisclosureReport(title="t", year=2014, format=ReportFormat.NARRATIVE,
        ...     body=[Section(paragraphs=["导语"]), Section(ordinal=1, label="一、", heading="概述")])
        >>> r.at("$.body[1].heading"), r.at("$.body[0].paragraphs[0]"), r.at("$")  is r
        ('概述', '导语', True)
        >>> r.at("$.body[5]")
        Traceback (most recent call last):
        ...
        KeyError: '$.body[5]: $.body has 2 elements'
        """
        if not isinstance(path, str) or not path.startswith("$"):
            raise KeyError(f"{path!r} is not a JSON path: it starts with $ (e.g. $.body[0])")
        value: object = self
        where = "$"
        position = 1
        while position < len(path):
            step = _PATH_STEP.match(path, position)
            if step is None:
                raise KeyError(
                    f"{path}: cannot read the path after {where} (expected .name or [n])"
                )
            name, index = step.group(1), step.group(2)
            if name is not None:
                fields = getattr(type(value), "__attrs_attrs__", ())
                if name not in {field.name for field in fields}:
                    raise KeyError(f"{where}.{name}: {where} has no field {name}")
                value = getattr(value, name)
                where = f"{where}.{name}"
            else:
                if not isinstance(value, tuple):
                    raise KeyError(f"{where}[{index}]: {where} is not an array")
                if int(index) >= len(value):
                    raise KeyError(f"{where}[{index}]: {where} has {len(value)} elements")
                value = value[int(index)]
                where = f"{where}[{index}]"
            position = step.end()
        return value

    def citations(self) -> Iterator[CitedDocument]:
        """Every cited document, in reading order."""
        for ref in self.sections():
            yield from ref.node.citations
