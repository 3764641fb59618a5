"""The three statutory tables of a 2019- or 2021-format report, together, tagged with their format."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal, TypeAlias

import attrs

from govdisclosure.model._enums import ReportFormat
from govdisclosure.model._table2 import Table2V2019, Table2V2021
from govdisclosure.model._table3 import Table3V2019, Table3V2021
from govdisclosure.model._table4 import Table4
from govdisclosure.model._tables import TablePart

_Validator: TypeAlias = Callable[[Any, "attrs.Attribute[Any]", Any], None]


def _of_type(expected: type) -> _Validator:
    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, expected):
            raise TypeError(
                f"{attribute.name} must be a {expected.__name__} ({getattr(expected, 'VERSION', '')} "
                f"format), got a {type(value).__name__}"
            )

    return check


def _tag(version: ReportFormat) -> _Validator:
    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not version:
            raise ValueError(
                f"version of {type(instance).__name__} must be {version}, got {value!r}"
            )

    return check


@attrs.frozen(kw_only=True)
class StatutoryTablesV2019(TablePart):
    """The statutory tables of a 2019-format (试行) report: 二 (2019 layout), 三 (23 data rows) and 四.

    Tables not given are blank. ``version`` is fixed; it tags the tables' format in JSON.
    """

    version: Literal[ReportFormat.V2019] = attrs.field(
        default=ReportFormat.V2019, validator=_tag(ReportFormat.V2019)
    )
    """报告格式 of the tables: always ``"2019"``"""
    t2: Table2V2019 = attrs.field(factory=Table2V2019, validator=_of_type(Table2V2019))
    """表二 主动公开政府信息情况"""
    t3: Table3V2019 = attrs.field(factory=Table3V2019, validator=_of_type(Table3V2019))
    """表三 收到和处理政府信息公开申请情况"""
    t4: Table4 = attrs.field(factory=Table4, validator=_of_type(Table4))
    """表四 政府信息公开行政复议、行政诉讼情况"""


@attrs.frozen(kw_only=True)
class StatutoryTablesV2021(TablePart):
    """The statutory tables of a 2021-format report: 二 (2021 layout), 三 (25 data rows) and 四.

    Tables not given are blank. ``version`` is fixed; it tags the tables' format in JSON.

    >>> tables = StatutoryTablesV2021(t4=Table4.from_groups({"行政复议": [1, 0, 0, 0, 1]}))
    >>> tables.version, tables.t4.review.total, tables.t3.rows.received.total
    (<ReportFormat.V2021: '2021'>, 1, None)
    """

    version: Literal[ReportFormat.V2021] = attrs.field(
        default=ReportFormat.V2021, validator=_tag(ReportFormat.V2021)
    )
    """报告格式 of the tables: always ``"2021"``"""
    t2: Table2V2021 = attrs.field(factory=Table2V2021, validator=_of_type(Table2V2021))
    """表二 主动公开政府信息情况"""
    t3: Table3V2021 = attrs.field(factory=Table3V2021, validator=_of_type(Table3V2021))
    """表三 收到和处理政府信息公开申请情况"""
    t4: Table4 = attrs.field(factory=Table4, validator=_of_type(Table4))
    """表四 政府信息公开行政复议、行政诉讼情况"""


StatutoryTables: TypeAlias = StatutoryTablesV2019 | StatutoryTablesV2021
"""The statutory tables of either format; ``version`` tells which."""


def blank_tables(version: ReportFormat) -> StatutoryTables:
    """The tables of a format with every cell blank: a start for a parser, and the layout at hand.

    >>> t = blank_tables(ReportFormat.V2019)
    >>> len(t.t3.data_rows()), [b.title for b in t.t2.BLOCKS][-1]
    (23, '第二十条第（九）项')
    >>> blank_tables(ReportFormat.NARRATIVE)
    Traceback (most recent call last):
    ...
    ValueError: a narrative report has no statutory tables; expected ReportFormat.V2019 or V2021
    """
    if version is ReportFormat.V2019:
        return StatutoryTablesV2019()
    if version is ReportFormat.V2021:
        return StatutoryTablesV2021()
    raise ValueError(
        "a narrative report has no statutory tables; expected ReportFormat.V2019 or V2021"
    )
