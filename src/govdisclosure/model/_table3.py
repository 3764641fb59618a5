"""Table 三, 收到和处理政府信息公开申请情况: seven applicant columns by 23 (2019) or 25 (2021) data rows.

The rows differ only in （六）其他处理: one data row in the 2019 format, three sub-rows in the 2021 format
(where （六） is then a computed sum). （三）（四）（五） have no figures of their own in either format: they are
sums of their sub-rows, computed (blank where any sub-row is blank), never stored.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import ClassVar, TypeVar

import attrs

from govdisclosure.model._enums import ReportFormat
from govdisclosure.model._tables import (
    Cells,
    ColumnSpec,
    Count,
    RowKind,
    RowSpec,
    TablePart,
    blank_sum,
    count_cell,
    find,
    row_specs,
    type_hints,
)

_APPLICANTS = "申请人情况"
_ORGANISATIONS = "法人或其他组织"

T3_COLUMNS = (
    ColumnSpec("natural_person", "自然人", headers=(_APPLICANTS,)),
    ColumnSpec("commercial", "商业企业", headers=(_APPLICANTS, _ORGANISATIONS)),
    ColumnSpec("research", "科研机构", headers=(_APPLICANTS, _ORGANISATIONS)),
    ColumnSpec("social_welfare", "社会公益组织", headers=(_APPLICANTS, _ORGANISATIONS)),
    ColumnSpec("legal_services", "法律服务机构", headers=(_APPLICANTS, _ORGANISATIONS)),
    ColumnSpec("other", "其他", headers=(_APPLICANTS, _ORGANISATIONS)),
    ColumnSpec("total", "总计", headers=(_APPLICANTS,)),
)
"""The seven columns of table 三, in printed order (both formats)."""

T3_CORNER = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
"""The top-left header cell of table 三, as printed (both formats)."""


@attrs.frozen
class Table3Row(Cells):
    """One row of table 三: a figure per applicant column, ``None`` where blank (not reported, not 0).

    Cells by key (attribute) or by printed column label (item):

    >>> row = Table3Row(56, None, 0, 0, 0, 0, 56)
    >>> row.natural_person, row["自然人"], row["total"]
    (56, 56, 56)
    >>> row["商业企业"] is None
    True
    >>> Table3Row.build({"自然人": 3, "total": 3}, where="一、…").values()
    (3, None, None, None, None, None, 3)
    """

    COLUMNS: ClassVar[tuple[ColumnSpec, ...]] = T3_COLUMNS

    natural_person: Count | None = attrs.field(default=None, validator=count_cell)
    """自然人"""
    commercial: Count | None = attrs.field(default=None, validator=count_cell)
    """商业企业 (法人或其他组织)"""
    research: Count | None = attrs.field(default=None, validator=count_cell)
    """科研机构 (法人或其他组织)"""
    social_welfare: Count | None = attrs.field(default=None, validator=count_cell)
    """社会公益组织 (法人或其他组织)"""
    legal_services: Count | None = attrs.field(default=None, validator=count_cell)
    """法律服务机构 (法人或其他组织)"""
    other: Count | None = attrs.field(default=None, validator=count_cell)
    """其他 (法人或其他组织)"""
    total: Count | None = attrs.field(default=None, validator=count_cell)
    """总计"""

    def __getitem__(self, name: str) -> int | None:
        value: int | None = super().__getitem__(name)
        return value

    @classmethod
    def sum_of(cls, rows: Iterable[Table3Row]) -> Table3Row:
        """The column-wise sum of rows, each column blank where any of its cells is blank.

        >>> Table3Row.sum_of([Table3Row(1, 0, total=1), Table3Row(2, 0, total=None)])
        Table3Row(natural_person=3, commercial=0, research=None, social_welfare=None, legal_services=None, other=None, total=None)
        """
        rows = tuple(rows)
        return cls(**{c.key: blank_sum(getattr(r, c.key) for r in rows) for c in cls.COLUMNS})


_RESULTS = "results"


def _rows(version: ReportFormat) -> tuple[RowSpec, ...]:
    data, total = RowKind.DATA, RowKind.SUM
    if version is ReportFormat.V2019:
        other: tuple[tuple[str, str, str, RowKind, str | None], ...] = (
            ("other_handling", "（六）", "其他处理", data, _RESULTS),
        )
    else:
        other = (
            ("other_handling", "（六）", "其他处理", total, _RESULTS),
            (
                "other_handling_no_correction",
                "1.",
                "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                data,
                "other_handling",
            ),
            (
                "other_handling_fee_unpaid",
                "2.",
                "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
                data,
                "other_handling",
            ),
            ("other_handling_other", "3.", "其他", data, "other_handling"),
        )
    return row_specs(
        ("received", "一、", "本年新收政府信息公开申请数量", data, None),
        ("brought_forward", "二、", "上年结转政府信息公开申请数量", data, None),
        (_RESULTS, "三、", "本年度办理结果", RowKind.GROUP, None),
        ("disclosed", "（一）", "予以公开", data, _RESULTS),
        (
            "partly_disclosed",
            "（二）",
            "部分公开（区分处理的，只计这一情形，不计其他情形）",
            data,
            _RESULTS,
        ),
        ("withheld", "（三）", "不予公开", total, _RESULTS),
        ("withheld_state_secret", "1.", "属于国家秘密", data, "withheld"),
        ("withheld_prohibited_by_law", "2.", "其他法律行政法规禁止公开", data, "withheld"),
        ("withheld_security_stability", "3.", "危及\u201c三安全一稳定\u201d", data, "withheld"),
        ("withheld_third_party_rights", "4.", "保护第三方合法权益", data, "withheld"),
        ("withheld_internal_affairs", "5.", "属于三类内部事务信息", data, "withheld"),
        ("withheld_process_information", "6.", "属于四类过程性信息", data, "withheld"),
        ("withheld_enforcement_files", "7.", "属于行政执法案卷", data, "withheld"),
        ("withheld_inquiry_matters", "8.", "属于行政查询事项", data, "withheld"),
        ("unavailable", "（四）", "无法提供", total, _RESULTS),
        ("unavailable_not_held", "1.", "本机关不掌握相关政府信息", data, "unavailable"),
        ("unavailable_needs_creation", "2.", "没有现成信息需要另行制作", data, "unavailable"),
        ("unavailable_unclear", "3.", "补正后申请内容仍不明确", data, "unavailable"),
        ("not_processed", "（五）", "不予处理", total, _RESULTS),
        ("not_processed_complaints", "1.", "信访举报投诉类申请", data, "not_processed"),
        ("not_processed_repeated", "2.", "重复申请", data, "not_processed"),
        ("not_processed_publications", "3.", "要求提供公开出版物", data, "not_processed"),
        ("not_processed_excessive", "4.", "无正当理由大量反复申请", data, "not_processed"),
        (
            "not_processed_confirmation",
            "5.",
            "要求行政机关确认或重新出具已获取信息",
            data,
            "not_processed",
        ),
        *other,
        ("total_handled", "（七）", "总计", data, _RESULTS),
        ("carried_forward", "四、", "结转下年度继续办理", data, None),
    )


@attrs.frozen(kw_only=True)
class _Table3RowsCommon(TablePart):
    """The rows both formats share, up to （五）; the subclasses add （六）, （七）总计 and 四 in printed order."""

    ROWS: ClassVar[tuple[RowSpec, ...]]

    received: Table3Row = attrs.field(factory=Table3Row)
    """一、本年新收政府信息公开申请数量"""
    brought_forward: Table3Row = attrs.field(factory=Table3Row)
    """二、上年结转政府信息公开申请数量"""
    disclosed: Table3Row = attrs.field(factory=Table3Row)
    """三、本年度办理结果 （一）予以公开"""
    partly_disclosed: Table3Row = attrs.field(factory=Table3Row)
    """（二）部分公开（区分处理的，只计这一情形，不计其他情形）"""
    withheld_state_secret: Table3Row = attrs.field(factory=Table3Row)
    """（三）不予公开 1.属于国家秘密"""
    withheld_prohibited_by_law: Table3Row = attrs.field(factory=Table3Row)
    """（三）不予公开 2.其他法律行政法规禁止公开"""
    withheld_security_stability: Table3Row = attrs.field(factory=Table3Row)
    """（三）不予公开 3.危及“三安全一稳定”"""
    withheld_third_party_rights: Table3Row = attrs.field(factory=Table3Row)
    """（三）不予公开 4.保护第三方合法权益"""
    withheld_internal_affairs: Table3Row = attrs.field(factory=Table3Row)
    """（三）不予公开 5.属于三类内部事务信息"""
    withheld_process_information: Table3Row = attrs.field(factory=Table3Row)
    """（三）不予公开 6.属于四类过程性信息"""
    withheld_enforcement_files: Table3Row = attrs.field(factory=Table3Row)
    """（三）不予公开 7.属于行政执法案卷"""
    withheld_inquiry_matters: Table3Row = attrs.field(factory=Table3Row)
    """（三）不予公开 8.属于行政查询事项"""
    unavailable_not_held: Table3Row = attrs.field(factory=Table3Row)
    """（四）无法提供 1.本机关不掌握相关政府信息"""
    unavailable_needs_creation: Table3Row = attrs.field(factory=Table3Row)
    """（四）无法提供 2.没有现成信息需要另行制作"""
    unavailable_unclear: Table3Row = attrs.field(factory=Table3Row)
    """（四）无法提供 3.补正后申请内容仍不明确"""
    not_processed_complaints: Table3Row = attrs.field(factory=Table3Row)
    """（五）不予处理 1.信访举报投诉类申请"""
    not_processed_repeated: Table3Row = attrs.field(factory=Table3Row)
    """（五）不予处理 2.重复申请"""
    not_processed_publications: Table3Row = attrs.field(factory=Table3Row)
    """（五）不予处理 3.要求提供公开出版物"""
    not_processed_excessive: Table3Row = attrs.field(factory=Table3Row)
    """（五）不予处理 4.无正当理由大量反复申请"""
    not_processed_confirmation: Table3Row = attrs.field(factory=Table3Row)
    """（五）不予处理 5.要求行政机关确认或重新出具已获取信息"""

    def _sum(self, key: str) -> Table3Row:
        spec = find(self.ROWS, key, "row")
        return Table3Row.sum_of(getattr(self, child) for child in spec.children)

    @property
    def withheld(self) -> Table3Row:
        """（三）不予公开: the sum of its sub-rows 1–8 (computed; a column is blank where any part is)."""
        return self._sum("withheld")

    @property
    def unavailable(self) -> Table3Row:
        """（四）无法提供: the sum of its sub-rows 1–3 (computed; a column is blank where any part is)."""
        return self._sum("unavailable")

    @property
    def not_processed(self) -> Table3Row:
        """（五）不予处理: the sum of its sub-rows 1–5 (computed; a column is blank where any part is)."""
        return self._sum("not_processed")


@attrs.frozen(kw_only=True)
class Table3RowsV2019(_Table3RowsCommon):
    """The 23 data rows of table 三 in the 2019 format, by key; the computed rows are properties."""

    ROWS: ClassVar[tuple[RowSpec, ...]] = _rows(ReportFormat.V2019)

    other_handling: Table3Row = attrs.field(factory=Table3Row)
    """（六）其他处理 (one data row in the 2019 format)"""
    total_handled: Table3Row = attrs.field(factory=Table3Row)
    """（七）总计"""
    carried_forward: Table3Row = attrs.field(factory=Table3Row)
    """四、结转下年度继续办理"""


@attrs.frozen(kw_only=True)
class Table3RowsV2021(_Table3RowsCommon):
    """The 25 data rows of table 三 in the 2021 format, by key; the computed rows are properties."""

    ROWS: ClassVar[tuple[RowSpec, ...]] = _rows(ReportFormat.V2021)

    other_handling_no_correction: Table3Row = attrs.field(factory=Table3Row)
    """（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"""
    other_handling_fee_unpaid: Table3Row = attrs.field(factory=Table3Row)
    """（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"""
    other_handling_other: Table3Row = attrs.field(factory=Table3Row)
    """（六）其他处理 3.其他"""
    total_handled: Table3Row = attrs.field(factory=Table3Row)
    """（七）总计"""
    carried_forward: Table3Row = attrs.field(factory=Table3Row)
    """四、结转下年度继续办理"""

    @property
    def other_handling(self) -> Table3Row:
        """（六）其他处理: the sum of its sub-rows 1–3 (computed; a column is blank where any part is)."""
        return self._sum("other_handling")


T = TypeVar("T", bound="_Table3")


class _Table3(TablePart):
    """What both versions of table 三 offer; ``rows`` is the subclass's attrs field."""

    __slots__ = ()
    VERSION: ClassVar[ReportFormat]
    """The format this class lays out."""
    ROWS: ClassVar[tuple[RowSpec, ...]]
    """Every row in printed order: data rows, computed sums and the 三、本年度办理结果 heading."""
    COLUMNS: ClassVar[tuple[ColumnSpec, ...]] = T3_COLUMNS
    """The seven columns in printed order."""
    CORNER: ClassVar[str] = T3_CORNER
    """The top-left header cell as printed."""

    rows: _Table3RowsCommon

    @classmethod
    def row_spec(cls, name: str) -> RowSpec:
        """The row with this printed label (（七）总计) or key (``total_handled``), heading rows included."""
        return find(cls.ROWS, name, f"row of table 三 ({cls.VERSION} format)")

    @classmethod
    def data_rows(cls) -> tuple[RowSpec, ...]:
        """The stored rows, in printed order (23 in the 2019 format, 25 in 2021)."""
        return tuple(spec for spec in cls.ROWS if spec.kind is RowKind.DATA)

    def __getitem__(self, name: str) -> Table3Row:
        figures = (spec for spec in self.ROWS if spec.kind is not RowKind.GROUP)
        spec = find(figures, name, f"row with figures in table 三 ({self.VERSION} format)")
        row: Table3Row = getattr(self.rows, spec.key)
        return row

    @classmethod
    def from_rows(
        cls: type[T],
        rows: Mapping[str, Table3Row | Mapping[str, int | None] | Sequence[int | None]],
    ) -> T:
        """The table from figures by row and column, each named by printed label or key; rows not given
        are blank. A row is a mapping by column or the seven cells in column order.

        A computed row (（三）不予公开 …) cannot be given: its figures are the sums of its sub-rows.
        """
        rows_type = type_hints(cls)["rows"]
        data = {spec.key: spec for spec in cls.data_rows()}
        kwargs: dict[str, Table3Row] = {}
        for name, given in rows.items():
            spec = cls.row_spec(name)
            if spec.key not in data:
                parts = "、".join(find(cls.ROWS, k, "row").label for k in spec.children)
                raise ValueError(
                    f"{spec.label} has no figures of its own; give its sub-rows instead: {parts}"
                )
            if spec.key in kwargs:
                raise ValueError(f"row {spec.label} given twice")
            kwargs[spec.key] = Table3Row.build(given, where=spec.label)
        make: Callable[..., T] = cls  # the subclass's attrs __init__ takes rows
        return make(rows=rows_type(**kwargs))


@attrs.frozen(kw_only=True)
class Table3V2019(_Table3):
    """Table 三 (收到和处理政府信息公开申请情况) in the 2019 format: 23 data rows, （六）其他处理 a single row.

    >>> t3 = Table3V2019.from_rows({"（六）其他处理": [1, 0, 0, 0, 0, 0, 1]})
    >>> t3.rows.other_handling.total, t3["（六）其他处理"]["自然人"]
    (1, 1)
    """

    VERSION: ClassVar[ReportFormat] = ReportFormat.V2019
    ROWS: ClassVar[tuple[RowSpec, ...]] = Table3RowsV2019.ROWS

    rows: Table3RowsV2019 = attrs.field(factory=Table3RowsV2019)
    """行: the data rows by key"""


@attrs.frozen(kw_only=True)
class Table3V2021(_Table3):
    """Table 三 (收到和处理政府信息公开申请情况) in the 2021 format: 25 data rows, （六） with three sub-rows.

    Build it from figures by printed labels or keys, and read it either way; rows not given are blank:

    >>> t3 = Table3V2021.from_rows({
    ...     "一、本年新收政府信息公开申请数量": [56, 0, 0, 0, 0, 0, 56],
    ...     "disclosed": {"自然人": 18, "total": 18},
    ...     "1.属于国家秘密": [1, 0, 0, 0, 0, 0, 1],
    ... })
    >>> t3["（一）予以公开"]["自然人"], t3.rows.disclosed.natural_person, t3.rows.received.total
    (18, 18, 56)

    （三）（四）（五）（六） are computed, and blank where a part is blank:

    >>> t3.rows.withheld.natural_person is None
    True
    >>> Table3V2021.from_rows({"（三）不予公开": [1, 0, 0, 0, 0, 0, 1]})
    Traceback (most recent call last):
    ...
    ValueError: （三）不予公开 has no figures of its own; give its sub-rows instead: 1.属于国家秘密、2.其他法律行政法规禁止公开、3.危及“三安全一稳定”、4.保护第三方合法权益、5.属于三类内部事务信息、6.属于四类过程性信息、7.属于行政执法案卷、8.属于行政查询事项
    """

    VERSION: ClassVar[ReportFormat] = ReportFormat.V2021
    ROWS: ClassVar[tuple[RowSpec, ...]] = Table3RowsV2021.ROWS

    rows: Table3RowsV2021 = attrs.field(factory=Table3RowsV2021)
    """行: the data rows by key"""
