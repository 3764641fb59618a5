"""The published format's knowledge, in one place (报告格式).

Everything the package knows about how the annual reports are laid out, as data and small rules, so that a
new format (a 2025 one, say) is written here and the parser, the validator and the renderers follow:

- which format a report on a year follows, and which formats are statutory (have the six sections and the
  tables 二, 三, 四);
- the six statutory sections: their roles, labels, headings, the wordings real reports use instead, and the
  key words a lenient reader recognises them by; the usual sub-headings of 一、总体情况;
- the statutory tables: their keys in the model (``t2``), numerals (二), and the section each belongs in
  (the rows and columns of each table are the layouts of :class:`~govdisclosure.model.Table2V2021` and
  its siblings);
- the header (catalogue) labels a portal prints above a report, each with the field of
  :class:`~govdisclosure.model.Header` it fills and its aliases; the label of the attachments;
- the path-id rule: a node's kind from its label (the inline enumerator 一是 makes an item) and the id
  built from it (``s1.i2``).

It imports nothing of govdisclosure but the model's enums, so every layer can use it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from enum import StrEnum
from types import MappingProxyType
from typing import Final

import attrs

from govdisclosure.model._enums import ReportFormat, Role

# -------------------------------------------------------------------------------------------------
# Formats by year

FORMAT_SINCE: Final[Mapping[ReportFormat, int]] = MappingProxyType(
    {ReportFormat.V2019: 2019, ReportFormat.V2021: 2021}
)
"""The first year reported on in each statutory format: 国办公开办函〔2019〕60号 (试行) from the reports on
2019, 国办公开办函〔2021〕30号 from the reports on 2021. Reports on earlier years are narrative."""

REPORT_YEARS: Final = range(1900, 2200)
"""The years a report can be on (:attr:`DisclosureReport.year`): the years a title's 19xx, 20xx, 21xx
state. An unknown year is None, never 0."""

STATUTORY_FORMATS: Final[tuple[ReportFormat, ...]] = tuple(FORMAT_SINCE)
"""The formats with the six statutory sections and the tables 二, 三, 四, oldest first."""

FORMAT_NAMES: Final[Mapping[ReportFormat, tuple[str, str]]] = MappingProxyType(
    {
        ReportFormat.NARRATIVE: ("无统一格式的叙述体", "narrative (no national format)"),
        ReportFormat.V2019: ("2019年格式（试行）", "2019 format"),
        ReportFormat.V2021: ("2021年格式", "2021 format"),
    }
)
"""Each format's name in Chinese and in English, as messages write it."""


def format_for_year(year: int) -> ReportFormat:
    """The format a report on ``year`` follows: narrative before 2019, then the 2019 and the 2021 formats.

    >>> format_for_year(2014), format_for_year(2020), format_for_year(2021)
    (<ReportFormat.NARRATIVE: 'narrative'>, <ReportFormat.V2019: '2019'>, <ReportFormat.V2021: '2021'>)
    """
    found = ReportFormat.NARRATIVE
    for report_format, since in FORMAT_SINCE.items():
        if year >= since:
            found = report_format
    return found


def is_statutory(report_format: ReportFormat) -> bool:
    """Whether reports of this format have the six statutory sections and the tables 二, 三, 四.

    >>> is_statutory(ReportFormat.V2019), is_statutory(ReportFormat.NARRATIVE)
    (True, False)
    """
    return report_format in FORMAT_SINCE


# -------------------------------------------------------------------------------------------------
# The sections


@attrs.frozen
class StatutoryHeading:
    """A heading the statutory report uses (章节标题): its role, numbering and text, and variants seen."""

    role: Role
    """章节类别"""
    ordinal: int
    """序号 (1 for 一、 and （一）)"""
    label: str
    """编号 as printed (一、 or （一）)"""
    heading: str
    """标题 as the format words it"""
    variants: tuple[str, ...] = ()
    """Other wordings seen in real reports (format reference §2)"""
    keywords: tuple[str, ...] = ()
    """Key words a lenient reader recognises the heading by (:func:`match_statutory_section`): a heading
    containing any of them, once spaces and punctuation are removed, is this one"""

    @property
    def title(self) -> str:
        """Label and heading, as printed: ``一、总体情况``."""
        return self.label + self.heading


# Key words chosen so that no variant heading seen in real reports matches two sections (tested).
STATUTORY_SECTIONS: Final[tuple[StatutoryHeading, ...]] = (
    StatutoryHeading(
        Role.OVERVIEW, 1, "一、", "总体情况", keywords=("总体情况", "基本情况", "概述")
    ),
    StatutoryHeading(
        Role.PROACTIVE_DISCLOSURE, 2, "二、", "主动公开政府信息情况", keywords=("主动公开",)
    ),
    StatutoryHeading(
        Role.REQUESTS,
        3,
        "三、",
        "收到和处理政府信息公开申请情况",
        keywords=("收到和处理", "依申请公开", "公开申请"),
    ),
    StatutoryHeading(
        Role.REVIEW_AND_LITIGATION,
        4,
        "四、",
        "政府信息公开行政复议、行政诉讼情况",
        ("因政府信息公开工作被申请行政复议、提起行政诉讼情况",),
        keywords=("行政复议", "行政诉讼"),
    ),
    StatutoryHeading(
        Role.PROBLEMS_AND_IMPROVEMENTS,
        5,
        "五、",
        "存在的主要问题及改进情况",
        ("政府信息公开工作存在的主要问题及改进情况",),
        keywords=("主要问题", "存在问题", "改进情况"),
    ),
    StatutoryHeading(
        Role.OTHER_MATTERS,
        6,
        "六、",
        "其他需要报告的事项",
        keywords=("其他需要报告", "其他事项"),
    ),
)
"""The six sections of the 2019 and 2021 formats, in their order (the same in both)."""

OVERVIEW_PARTS: Final[tuple[StatutoryHeading, ...]] = (
    StatutoryHeading(Role.OVERVIEW_PROACTIVE, 1, "（一）", "主动公开"),
    StatutoryHeading(Role.OVERVIEW_ON_REQUEST, 2, "（二）", "依申请公开"),
    StatutoryHeading(Role.OVERVIEW_MANAGEMENT, 3, "（三）", "政府信息管理"),
    StatutoryHeading(Role.OVERVIEW_PLATFORMS, 4, "（四）", "政府信息公开平台建设"),
    StatutoryHeading(Role.OVERVIEW_OVERSIGHT, 5, "（五）", "监督保障"),
)
"""The usual sub-headings of 一、总体情况 (usual, not prescribed), in their usual order."""

_NOISE: Final = re.compile(r"[\s\W_]+")


def match_statutory_section(heading: str | None) -> StatutoryHeading | None:
    """The statutory section a heading names, leniently (by its :attr:`~StatutoryHeading.keywords`);
    None if it names none.

    >>> match_statutory_section("四、因政府信息公开工作被申请行政复议、提起行政诉讼情况").ordinal
    4
    >>> match_statutory_section("附则") is None
    True
    """
    if not heading:
        return None
    text = _NOISE.sub("", heading)
    return next((h for h in STATUTORY_SECTIONS if any(k in text for k in h.keywords)), None)


def statutory_section(role: Role) -> StatutoryHeading:
    """The statutory section of a role; :class:`KeyError` naming the roles there are if it is none."""
    for heading in STATUTORY_SECTIONS:
        if heading.role is role:
            return heading
    raise KeyError(
        f"{role!r} is not the role of a statutory section; expected one of "
        + ", ".join(h.role.value for h in STATUTORY_SECTIONS)
    )


# -------------------------------------------------------------------------------------------------
# The tables


@attrs.frozen
class StatutoryTable:
    """One of the statutory tables (统计表格): its key in the model, its numeral and its section."""

    key: str
    """The attribute of :class:`~govdisclosure.model.StatutoryTablesV2021` holding it: ``t2``, ``t3``, ``t4``"""
    numeral: str
    """编号 as printed: 二, 三, 四"""
    role: Role
    """The role of the section it belongs in"""

    @property
    def name(self) -> str:
        """``表二`` …"""
        return "表" + self.numeral

    @property
    def section(self) -> StatutoryHeading:
        """The statutory section the table belongs in."""
        return statutory_section(self.role)

    @property
    def heading(self) -> str:
        """The table's title: its section's heading (主动公开政府信息情况 …)."""
        return self.section.heading


STATUTORY_TABLES: Final[tuple[StatutoryTable, ...]] = (
    StatutoryTable("t2", "二", Role.PROACTIVE_DISCLOSURE),
    StatutoryTable("t3", "三", Role.REQUESTS),
    StatutoryTable("t4", "四", Role.REVIEW_AND_LITIGATION),
)
"""The statutory tables in printed order (the same three in both formats)."""

TABLE_KEYS: Final[tuple[str, ...]] = tuple(t.key for t in STATUTORY_TABLES)
"""``("t2", "t3", "t4")``"""


def statutory_table(key: str) -> StatutoryTable:
    """The table of a key (``t2``) or a numeral (``二``); :class:`KeyError` naming the keys there are.

    >>> statutory_table("t3").numeral, statutory_table("四").key
    ('三', 't4')
    """
    for table in STATUTORY_TABLES:
        if key in (table.key, table.numeral):
            return table
    raise KeyError(
        f"{key!r} is no statutory table; expected one of {', '.join(TABLE_KEYS)} "
        f"(or {', '.join(t.numeral for t in STATUTORY_TABLES)})"
    )


# -------------------------------------------------------------------------------------------------
# The header (catalogue) labels and the attachments


@attrs.frozen
class HeaderLabel:
    """A label of the metadata block portals print above a report (页面元数据), with the field it fills."""

    field: str
    """The field of :class:`~govdisclosure.model.Header` (``index_number`` …)"""
    label: str
    """The label as the text rendering prints it (索引号 …)"""
    aliases: tuple[str, ...] = ()
    """Other labels portals print for the same field (发文日期, 生成日期 … for 公文生成日期)"""


HEADER_LABELS: Final[tuple[HeaderLabel, ...]] = (
    HeaderLabel("index_number", "索引号", ("信息索引", "信息索引号", "索取号")),
    HeaderLabel(
        "publisher", "发布机构", ("发布单位", "发文机构", "发文机关", "发布机关", "发布部门")
    ),
    HeaderLabel("document_date", "公文生成日期", ("成文日期", "生成日期", "发文日期")),
    HeaderLabel("source", "来源", ("信息来源", "文章来源", "发布来源", "来自")),
    HeaderLabel("published_at", "时间", ("发布时间", "发布日期", "公开日期", "日期", "发表时间")),
    HeaderLabel("subject", "主题分类", ("分类", "信息分类", "信息类别", "公开目录", "所属类别")),
    HeaderLabel("document_number", "文号", ("发文字号",)),
)
"""The header labels of the model's :class:`~govdisclosure.model.Header` fields, in the text format's order.
The aliases are the labels real catalogue blocks print (the real-page corpus): 信息索引 (教育部) and 信息索引号 for 索引号,
发文机构 for 发布机构, 来自 for 来源, 公开日期 and a bare 日期 for the time of publication, 分类 / 信息分类 / 信息类别 /
公开目录 for 主题分类."""

HEADER_FIELDS: Final[Mapping[str, str]] = MappingProxyType(
    {label: h.field for h in HEADER_LABELS for label in (h.label, *h.aliases)}
)
"""Every header label and alias → the :class:`~govdisclosure.model.Header` field it fills.

>>> HEADER_FIELDS["发文日期"], HEADER_FIELDS["索引号"], HEADER_FIELDS["公开目录"]
('document_date', 'index_number', 'subject')
"""

OTHER_HEADER_LABELS: Final[frozenset[str]] = frozenset(
    {
        "关键词",
        "有效性",
        "时效",
        "公开方式",
        "公开范围",
        "公开时限",
        "体裁分类",
        "组配分类",
    }
    | {
        "服务对象分类",
        "所属机构",
        "责任部门",
        "生效日期",
        "废止日期",
        "公开形式",
        "公开属性",
        "作者",
        "内容概述",
        "文件下载",
        "是否有效",
        "更新时间",
        "主题词",
    }
)
"""Entries a catalogue page prints that the model has no field for (kept as
:class:`~govdisclosure.model.HeaderField`). 更新时间 is the time a page was last updated, not its
publication: kept as printed, never the report's 发布时间. 主题词 are a document's keywords, never its
主题分类."""

TITLE_LABELS: Final[tuple[str, ...]] = (
    "标题",
    "名称",
    "文章标题",
    "信息名称",
    "文件名称",
    "中文名",
)
"""Labels a catalogue page prints before the report's title (中文名: a wiki's box of facts, where a copy of
the report is kept as an article)."""

CATALOGUE_CHROME_LABELS: Final[frozenset[str]] = frozenset(
    {"浏览次数", "点击数", "点击量", "点击次数", "访问量", "访问次数", "阅读次数", "浏览量"}
    | {
        "字号",
        "字体",
        "字体大小",
        "选择阅读字号",
        "分享到",
        "分享至",
        "打印",
        "搜索位置",
        "匹配度",
        "排序",
    }
)
"""Labels of the counters and buttons portals print among the catalogue fields (浏览次数：, 字体：[大 中 小]):
page chrome, not entries of the report; a reader drops them with their values."""

TITLE_ENDINGS: Final[tuple[str, ...]] = (
    "年度报告",
    "工作报告",
    "报告",
    "年报",
    "成绩单",
    "总结",
    "工作情况",
    "情况",
    "公告",
    "通报",
)
"""What a report's title ends with (…政府信息公开工作年度报告, …工作报告, …进展情况“成绩单”, 教育部办公厅关于…的公告)."""

TITLE_SUBJECTS: Final[tuple[str, ...]] = ("信息公开", "政务公开")
"""What a report's title names as its subject: 政府信息公开 (and 信息公开, 政务公开)."""

AGENCY_SUFFIXES: Final[tuple[str, ...]] = (
    "人民政府办公室",
    "人民政府办公厅",
    "人民政府",
    "委员会",
    "办公室",
    "办公厅",
    "办事处",
    "研究室",  # 市政府研究室, an office named without 办公
    "参事室",
    "政府",
    "机关",
    "街道",
    "街",  # 佳荣里街: a street office named by its street
    "中心",
    "队",  # 国家统计局湖北调查总队, 综合行政执法大队
    "局",
    "厅",
    "委",
    "办",
    "部",
    "署",
    "院",
    "所",
    "站",
    "处",
    "镇",
    "乡",
    "县",
    "区",
    "市",
    "省",
    "旗",
)
"""How an agency's name ends (…局, …人民政府, …街道): how a reader tells the agency a title names."""

ATTACHMENT_LABEL: Final = "附件："
"""What introduces the attachments after the signature (GB/T 9704 附件说明): ``附件：1.name``."""

# -------------------------------------------------------------------------------------------------
# The kinds of node and their path ids

ENUMERATOR_SUFFIX: Final = "是"
"""What ends an inline enumerator (一是, 二是 …): a label ending in it opens an item, not a section."""

ENUMERATOR: Final = re.compile(r"[一二三四五六七八九十]{1,3}" + ENUMERATOR_SUFFIX)
"""An inline enumerator (一是 … 九十九是), to match in running text."""


class NodeKind(StrEnum):
    """What a node of the body is (节点类别), by its label; equal to its value, a str."""

    SECTION = "section"
    """A numbered section: a heading label (一、 （一） 1. （1）)"""
    ITEM = "item"
    """An item opened by an inline enumerator (一是 …)"""
    BLOCK = "block"
    """An unlabelled block (a preamble, a run of paragraphs)"""


PATH_ID_PREFIXES: Final[Mapping[NodeKind, str]] = MappingProxyType(
    {NodeKind.SECTION: "s", NodeKind.ITEM: "i", NodeKind.BLOCK: "b"}
)
"""The letter of each kind of node in a path id."""


def node_kind(label: str | None) -> NodeKind:
    """A node's kind by its label: a section for a heading label, an item for an inline enumerator (…是),
    a block for none.

    >>> [str(node_kind(label)) for label in ("（一）", "一是", None)]
    ['section', 'item', 'block']
    """
    if label is None:
        return NodeKind.BLOCK
    return NodeKind.ITEM if label.endswith(ENUMERATOR_SUFFIX) else NodeKind.SECTION


def path_id(parent: str, kind: NodeKind, position: int) -> str:
    """The path id of a node (Akoma Ntoso style): its parent's id, then its kind's letter and its position
    among the siblings of the same kind (1-based).

    >>> path_id("", NodeKind.SECTION, 1), path_id("s1", NodeKind.ITEM, 2)
    ('s1', 's1.i2')
    """
    own = f"{PATH_ID_PREFIXES[kind]}{position}"
    return f"{parent}.{own}" if parent else own
