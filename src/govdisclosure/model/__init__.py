"""The domain model of govdisclosure: frozen, typed attrs classes.

A ground floor: it imports nothing of govdisclosure but the leaves of :mod:`govdisclosure.zh`, and knows nothing
of rendering, parsing or files. Every class is frozen (immutable and hashable), uses slots, and is built by
keyword; sequences are stored as tuples (lists are accepted and converted).
"""

from govdisclosure.model._body import (
    OVERVIEW_PARTS,
    STATUTORY_SECTIONS,
    Content,
    StatutoryHeading,
    statutory_body,
)
from govdisclosure.model._diagnostic import Diagnostic, Span
from govdisclosure.model._enums import MoneyUnit, ReportFormat, RiskLevel, Role, Severity
from govdisclosure.model._facts import (
    Channels,
    CitedDocument,
    DisclosureStats,
    Money,
    PowerInventory,
    Quantity,
    RiskInventory,
    RiskPoint,
    WorkPlan,
)
from govdisclosure.model._numbers import (
    YEAR_BRACKETS,
    DocumentNumber,
    DocumentNumberError,
    IndexNumber,
    IndexNumberParts,
)
from govdisclosure.model._phrases import TABLE_PHRASES, TablePhrase, match_table_phrase
from govdisclosure.model._report import (
    Attachment,
    DisclosureReport,
    Header,
    HeaderField,
    Section,
    SectionRef,
    Signature,
)
from govdisclosure.model._statutory import (
    StatutoryTables,
    StatutoryTablesV2019,
    StatutoryTablesV2021,
    blank_tables,
)
from govdisclosure.model._table2 import (
    DecisionCount,
    DocumentCounts,
    FeeAmount,
    FeeItems,
    ItemChanges,
    Procurement,
    PublicationCounts,
    Table2RowsV2019,
    Table2RowsV2021,
    Table2V2019,
    Table2V2021,
)
from govdisclosure.model._table3 import (
    Table3Row,
    Table3RowsV2019,
    Table3RowsV2021,
    Table3V2019,
    Table3V2021,
)
from govdisclosure.model._table4 import Table4, Table4Group
from govdisclosure.model._tables import (
    BlockSpec,
    CellKind,
    Cells,
    ColumnSpec,
    Count,
    GroupSpec,
    RowKind,
    RowSpec,
    TablePart,
    UnknownLabelError,
    blank_sum,
)
from govdisclosure.zh import YearMonth

__all__ = [
    "OVERVIEW_PARTS",
    "STATUTORY_SECTIONS",
    "TABLE_PHRASES",
    "YEAR_BRACKETS",
    "Attachment",
    "BlockSpec",
    "CellKind",
    "Cells",
    "Channels",
    "CitedDocument",
    "ColumnSpec",
    "Content",
    "Count",
    "DecisionCount",
    "Diagnostic",
    "DisclosureReport",
    "DisclosureStats",
    "DocumentCounts",
    "DocumentNumber",
    "DocumentNumberError",
    "FeeAmount",
    "FeeItems",
    "GroupSpec",
    "Header",
    "HeaderField",
    "IndexNumber",
    "IndexNumberParts",
    "ItemChanges",
    "Money",
    "MoneyUnit",
    "PowerInventory",
    "Procurement",
    "PublicationCounts",
    "Quantity",
    "ReportFormat",
    "RiskInventory",
    "RiskLevel",
    "RiskPoint",
    "Role",
    "RowKind",
    "RowSpec",
    "Section",
    "SectionRef",
    "Severity",
    "Signature",
    "Span",
    "StatutoryHeading",
    "StatutoryTables",
    "StatutoryTablesV2019",
    "StatutoryTablesV2021",
    "Table2RowsV2019",
    "Table2RowsV2021",
    "Table2V2019",
    "Table2V2021",
    "Table3Row",
    "Table3RowsV2019",
    "Table3RowsV2021",
    "Table3V2019",
    "Table3V2021",
    "Table4",
    "Table4Group",
    "TablePart",
    "TablePhrase",
    "UnknownLabelError",
    "WorkPlan",
    "YearMonth",
    "blank_sum",
    "blank_tables",
    "match_table_phrase",
    "statutory_body",
]
