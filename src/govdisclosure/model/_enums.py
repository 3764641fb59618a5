"""Closed vocabularies of the model. Values are stable: they are what the JSON format stores."""

from __future__ import annotations

from enum import StrEnum


class ReportFormat(StrEnum):
    """The format a report follows (报告格式), by era.

    See the format reference: reports on 2008–2018 have no national format; reports on 2019 and 2020 follow
    国办公开办函〔2019〕60号 (试行); reports on 2021 onwards follow 国办公开办函〔2021〕30号.
    """

    NARRATIVE = "narrative"
    """Pre-2019 narrative report with free sections (无统一格式)."""
    V2019 = "2019"
    """The 2019 试行 format (年度报告格式（试行）)."""
    V2021 = "2021"
    """The 2021 format (年度报告格式)."""


class Role(StrEnum):
    """What a section of the body is about, where it is one of the parts the model knows (章节类别).

    New values may be added in a minor release; existing values never change.
    """

    PREAMBLE = "preamble"
    """The opening paragraph before the first numbered section (导语)."""
    PROBLEMS = "problems"
    """Main problems and shortcomings (存在的主要问题)."""
    PLAN = "plan"
    """Next year's work plan or improvement measures (工作计划 / 下一步 / 改进措施)."""

    # The six sections of the statutory report (2019 and 2021 formats), in their order.
    OVERVIEW = "overview"
    """一、总体情况 (statutory section 一)."""
    PROACTIVE_DISCLOSURE = "proactive_disclosure"
    """二、主动公开政府信息情况 (statutory section 二, with table 二)."""
    REQUESTS = "requests"
    """三、收到和处理政府信息公开申请情况 (statutory section 三, with table 三)."""
    REVIEW_AND_LITIGATION = "review_and_litigation"
    """四、政府信息公开行政复议、行政诉讼情况 (statutory section 四, with table 四)."""
    PROBLEMS_AND_IMPROVEMENTS = "problems_and_improvements"
    """五、存在的主要问题及改进情况 (statutory section 五, as a whole).

    Distinct from :attr:`PROBLEMS` and :attr:`PLAN`, which its parts may carry (（一）存在的主要问题,
    （二）改进情况)."""
    OTHER_MATTERS = "other_matters"
    """六、其他需要报告的事项 (statutory section 六)."""

    # The usual sub-headings of section 一 (usual, not prescribed).
    OVERVIEW_PROACTIVE = "overview_proactive"
    """（一）主动公开, under 一、总体情况."""
    OVERVIEW_ON_REQUEST = "overview_on_request"
    """（二）依申请公开, under 一、总体情况."""
    OVERVIEW_MANAGEMENT = "overview_management"
    """（三）政府信息管理, under 一、总体情况."""
    OVERVIEW_PLATFORMS = "overview_platforms"
    """（四）政府信息公开平台建设, under 一、总体情况."""
    OVERVIEW_OVERSIGHT = "overview_oversight"
    """（五）监督保障, under 一、总体情况."""


class MoneyUnit(StrEnum):
    """The unit an amount of money is written in (金额单位)."""

    YUAN = "元"
    WAN_YUAN = "万元"
    YI_YUAN = "亿元"

    @property
    def factor(self) -> int:
        """How many yuan one of this unit is."""
        return _FACTORS[self]


_FACTORS = {MoneyUnit.YUAN: 1, MoneyUnit.WAN_YUAN: 10_000, MoneyUnit.YI_YUAN: 100_000_000}


class RiskLevel(StrEnum):
    """The grade of an integrity risk point (风险等级)."""

    HIGH = "high"
    """高 (一级)"""
    MEDIUM = "medium"
    """中 (二级)"""
    LOW = "low"
    """低 (三级)"""


class Severity(StrEnum):
    """How serious a diagnostic is (严重程度)."""

    ERROR = "error"
    """The report is wrong (错误)."""
    WARNING = "warning"
    """The report is probably wrong or incomplete (警告)."""
    INFO = "info"
    """Worth knowing; nothing is wrong for certain (提示)."""
