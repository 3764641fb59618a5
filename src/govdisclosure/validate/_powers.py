"""GD711: powers an agency cannot have (超出职权的数字) in table 二.

规章 are made by the State Council's departments, the governments of provinces and of cities with
legislative power (设区的市), and no one else (《立法法》第九十一、九十三条). A township (乡、镇、街道) or a
county-level body (a county's or district's government or one of its departments) that reports 规章 made,
repealed or in force in table 二 has put its 规范性文件 in the wrong row, or filled the table with figures not
its own.

The level of the reporting body is inferred from its name, the only thing the report says about it: the
name in the title (湖口县付垅乡2025年…), else the signature's authority, else the 发布机构, else (a page that
prints no name) what the text calls the body (现结合我镇实际). The inference can be wrong (a name may not
carry its division), so the rule is a warning and says what it rests on.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs

from govdisclosure.model import (
    Diagnostic,
    DisclosureReport,
    ReportFormat,
    Severity,
    Signature,
)
from govdisclosure.validate._examples import report, six_sections, tables
from govdisclosure.validate._rule import Context, Rule

_HAN = "\u4e00-\u9fff"
# A township-level unit: …乡, …镇 (not 城乡, 城镇, 乡镇), …街道, …苏木, or their governments and offices.
# Hand-written: no library knows China's administrative divisions by the words of a name.
_TOWNSHIP = re.compile(
    rf"[{_HAN}](?<!城)(?<!乡)(?P<marker>乡|镇|街道|苏木)(?!村|镇|企业|建设|振兴)"
    r"(?:人民政府|政府|办事处|党委|党政|综合|便民|$)"
)
# A county-level unit: …县, …旗, …区 (not 自治区, 地区, 社区, 景区, 园区, 城区, 市区, 辖区, 保护区 …).
_COUNTY = re.compile(
    rf"[{_HAN}](?<!自治)(?<!地)(?<!社)(?<!景)(?<!园)(?<!城)(?<!市)(?<!辖)(?<!片)(?<!护)(?<!矿)(?<!林)"
    r"(?P<marker>县|旗|区)(?!级|域)"
)
_GOVERNMENT = re.compile(r"(?:人民政府|政府|办事处)$")
_DEPARTMENT = re.compile(r"(?P<kind>局|委员会|委|办公室|办|厅|中心|队|所|站|院|馆)$")
_TITLE_AGENCY = re.compile(
    rf"^(?:关于)?(?P<name>[{_HAN}（）()]{{2,40}}?)(?:[0-9〇零一二]{{4}}\s*年)"
)


@attrs.frozen
class Level:
    """The level of a reporting body as its name suggests, and what the inference rests on."""

    name: str
    """the name the level is read from"""
    where: str
    """where the name was found: 标题, 落款, 发布机构"""
    where_en: str
    level: str
    """乡镇（街道） or 县级"""
    level_en: str
    because: str
    """the reason in Chinese: 名称含“镇”"""
    because_en: str

    @property
    def basis(self) -> str:
        """What the inference rests on, as the message says it: 标题所示机关“…”名称含“镇”."""
        if self.where == "正文":
            return f"报告未印机关名称，正文自称“{self.name}”"
        return f"{self.where}所示机关“{self.name}”{self.because}"

    @property
    def basis_en(self) -> str:
        if self.where == "正文":
            return f"the report prints no name and calls itself {self.name}"
        return f"the {self.where_en} names {self.name} ({self.because_en})"


def _reporter(report: DisclosureReport) -> tuple[str, str, str] | None:
    m = _TITLE_AGENCY.match(report.title.strip())
    signature = report.signature if report.signature is not None else Signature()
    for name, where, where_en in (
        (m.group("name") if m is not None else None, "标题", "title"),
        (signature.authority, "落款", "signature"),
        (report.header.publisher, "发布机构", "publisher"),
    ):
        if name and name.strip():
            return name.strip(), where, where_en
    return None


def reporter_level(report: DisclosureReport) -> Level | None:
    """The level of the body reporting, where its name shows it to be a township or county-level body.

    >>> from govdisclosure.validate._examples import report
    >>> level = reporter_level(report(title="湖口县付垅乡2025年政府信息公开工作年度报告"))
    >>> level.name, level.level, level.because
    ('湖口县付垅乡', '乡镇（街道）', '名称含“乡”')
    >>> reporter_level(report(title="某市住房和城乡建设局2022年政府信息公开工作年度报告")) is None
    True
    """
    found = _reporter(report)
    if found is None:
        return _self_reference(report)
    name, where, where_en = found
    township = _TOWNSHIP.search(name)
    if township is not None:
        marker = township.group("marker")
        return Level(
            name,
            where,
            where_en,
            "乡镇（街道）",
            "township",
            f"名称含“{marker}”",
            f"the name has {marker}",
        )
    counties = list(_COUNTY.finditer(name))
    if not counties:
        return None
    county = counties[-1]  # the last division named is the body's own
    marker = county.group("marker")
    rest = name[county.end() :]
    department = _DEPARTMENT.search(rest) if rest and not _GOVERNMENT.search(rest) else None
    if department is not None:
        kind = department.group("kind")
        return Level(
            name,
            where,
            where_en,
            "县级部门",
            "county-level department",
            f"名称含“{marker}”且以“{kind}”结尾",
            f"the name has {marker} and ends in {kind}",
        )
    return Level(
        name, where, where_en, "县级", "county-level", f"名称含“{marker}”", f"the name has {marker}"
    )


# How a township's report speaks of itself where it prints no name (现结合我镇实际).
_TOWNSHIP_SELF = re.compile(r"(?:我|本)(?P<marker>镇|乡|街道)(?!村)")


def _self_reference(report: DisclosureReport) -> Level | None:
    """Where the report prints no name at all, the township it calls itself in the text (我镇, 本乡, 我街道)."""
    for ref in report.sections():
        for text in ref.node.paragraphs:
            m = _TOWNSHIP_SELF.search(text)
            if m is not None:
                said = m.group()
                return Level(
                    said,
                    "正文",
                    "text",
                    "乡镇（街道）",
                    "township",
                    f"自称“{said}”",
                    f"calls itself {said}",
                )
    return None


def _check_regulations(report: DisclosureReport, context: Context) -> Iterator[Diagnostic]:
    """A township or county-level body reports 规章 in table 二 (本年制发、废止、现行有效; in 2019,
    本年新制作、新公开、对外公开总数量): only the State Council's departments, provinces and cities with
    legislative power make 规章. The level is inferred from the name in the title, else the signature,
    else the 发布机构 (…乡, …镇, …街道 a township; …县, …区, …旗 county-level; ending in 局, 委, 办 … one of
    its departments), or, where the report prints no name at all, from what the text calls the body (我镇,
    本乡, 我街道); the message says what the inference rests on."""
    if report.tables is None:
        return
    row = report.tables.t2["regulations"]
    figures = [
        (column.label, value)
        for column, value in zip(row.COLUMNS, row.values(), strict=True)
        if isinstance(value, int) and value > 0
    ]
    if not figures:
        return
    level = reporter_level(report)
    if level is None:
        return
    shown = "，".join(f"{label}{value}" for label, value in figures)
    yield context.diagnostic(
        "$.tables.t2.rows.regulations",
        f"表二“规章”行有数字（{shown}），但{level.basis}，推断为{level.level}机关，无权制定规章"
        "（只有国务院部门、省级和设区的市级政府可以）",
        f"table 二 reports 规章 ({', '.join(f'{label} {value}' for label, value in figures)}), but "
        f"{level.basis_en}: a {level.level_en} body, which cannot make 规章 (only State Council "
        "departments, provinces and cities with legislative power can)",
        expected="0",
        found=shown,
    )


def _example_regulations() -> DisclosureReport:
    return report(
        *six_sections(),
        year=2022,
        format=ReportFormat.V2021,
        title="某县某镇2022年政府信息公开工作年度报告",
        tables=tables(t2={"规章": [1, 0, 3]}),
    )


RULES = (
    Rule(
        code="GD711",
        severity=Severity.WARNING,
        summary="Table 二: a township or county-level body reports 规章, which it cannot make",
        summary_zh="表二：乡镇（街道）或县级机关报告了其无权制定的规章",
        check=_check_regulations,
        example=_example_regulations,
    ),
)
