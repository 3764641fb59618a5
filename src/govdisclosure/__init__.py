"""govdisclosure: Chinese government information-disclosure reports (政府信息公开工作年度报告) as typed data.

Build a report with the model classes, check it, render it, and read published reports back into the same
model. The public API is what this module exports (``__all__``); anything under a ``_`` name is private.
"""

from govdisclosure import _lazy
from govdisclosure._version import __version__

TYPE_CHECKING = (
    False  # typing.TYPE_CHECKING without importing typing (type checkers read it as True)
)

if TYPE_CHECKING:
    # What type checkers see: the same names as _EXPORTS below (tests/test_lazy_import.py checks it).
    from govdisclosure import (  # noqa: I001 (one statement per module: `x as x` re-exports)
        cli as cli,
        corpus as corpus,
        model as model,
        parse as parse,
        serialize as serialize,
        zh as zh,
    )
    from govdisclosure.model import (
        OVERVIEW_PARTS as OVERVIEW_PARTS,
        STATUTORY_SECTIONS as STATUTORY_SECTIONS,
        Attachment as Attachment,
        BlockSpec as BlockSpec,
        CellKind as CellKind,
        Channels as Channels,
        CitedDocument as CitedDocument,
        ColumnSpec as ColumnSpec,
        DecisionCount as DecisionCount,
        Diagnostic as Diagnostic,
        DisclosureReport as DisclosureReport,
        DisclosureStats as DisclosureStats,
        DocumentCounts as DocumentCounts,
        DocumentNumber as DocumentNumber,
        DocumentNumberError as DocumentNumberError,
        FeeAmount as FeeAmount,
        FeeItems as FeeItems,
        GroupSpec as GroupSpec,
        Header as Header,
        HeaderField as HeaderField,
        IndexNumber as IndexNumber,
        IndexNumberParts as IndexNumberParts,
        ItemChanges as ItemChanges,
        Money as Money,
        MoneyUnit as MoneyUnit,
        PowerInventory as PowerInventory,
        Procurement as Procurement,
        PublicationCounts as PublicationCounts,
        Quantity as Quantity,
        ReportFormat as ReportFormat,
        RiskInventory as RiskInventory,
        RiskLevel as RiskLevel,
        RiskPoint as RiskPoint,
        Role as Role,
        RowKind as RowKind,
        RowSpec as RowSpec,
        Section as Section,
        SectionRef as SectionRef,
        Severity as Severity,
        Signature as Signature,
        Span as Span,
        StatutoryHeading as StatutoryHeading,
        StatutoryTables as StatutoryTables,
        StatutoryTablesV2019 as StatutoryTablesV2019,
        StatutoryTablesV2021 as StatutoryTablesV2021,
        Table2RowsV2019 as Table2RowsV2019,
        Table2RowsV2021 as Table2RowsV2021,
        Table2V2019 as Table2V2019,
        Table2V2021 as Table2V2021,
        Table3Row as Table3Row,
        Table3RowsV2019 as Table3RowsV2019,
        Table3RowsV2021 as Table3RowsV2021,
        Table3V2019 as Table3V2019,
        Table3V2021 as Table3V2021,
        Table4 as Table4,
        Table4Group as Table4Group,
        UnknownLabelError as UnknownLabelError,
        WorkPlan as WorkPlan,
        YearMonth as YearMonth,
        blank_tables as blank_tables,
        statutory_body as statutory_body,
    )
    from govdisclosure.parse import (
        ParseResult as ParseResult,
        parse_html as parse_html,
        parse_text as parse_text,
    )
    from govdisclosure.render import (
        render as render,
    )
    from govdisclosure.serialize import (
        SCHEMA_VERSION as SCHEMA_VERSION,
        Difference as Difference,
        LoadError as LoadError,
        LoadIssue as LoadIssue,
        diff as diff,
        dump as dump,
        dumps as dumps,
        from_dict as from_dict,
        json_schema as json_schema,
        load as load,
        loads as loads,
        to_dict as to_dict,
    )
    from govdisclosure.validate import (
        validate as validate,
    )

# Each name is imported from its module on first use (see govdisclosure._lazy): `import govdisclosure` loads
# neither attrs nor cattrs, and no renderer, until a name that needs them is used. `validate` and `render`
# are the subpackages, callable: govdisclosure.validate(report) calls govdisclosure.validate.validate.
_EXPORTS = {
    "govdisclosure.model": """
        OVERVIEW_PARTS STATUTORY_SECTIONS Attachment BlockSpec CellKind Channels CitedDocument
        ColumnSpec DecisionCount Diagnostic DisclosureReport DisclosureStats DocumentCounts
        DocumentNumber DocumentNumberError FeeAmount FeeItems GroupSpec Header HeaderField
        IndexNumber IndexNumberParts ItemChanges Money MoneyUnit PowerInventory Procurement
        PublicationCounts Quantity ReportFormat RiskInventory RiskLevel RiskPoint Role RowKind
        RowSpec Section SectionRef Severity Signature Span StatutoryHeading StatutoryTables
        StatutoryTablesV2019 StatutoryTablesV2021 Table2RowsV2019 Table2RowsV2021 Table2V2019
        Table2V2021 Table3Row Table3RowsV2019 Table3RowsV2021 Table3V2019 Table3V2021 Table4
        Table4Group UnknownLabelError WorkPlan YearMonth blank_tables statutory_body
    """,
    "govdisclosure.serialize": "SCHEMA_VERSION Difference LoadError LoadIssue diff dump dumps from_dict json_schema load loads to_dict",
    "govdisclosure.parse": "ParseResult parse_html parse_text",
    "govdisclosure.validate": "validate",
    "govdisclosure.render": "render",
}
_SUBMODULES = ("cli", "corpus", "model", "parse", "render", "serialize", "validate", "zh")

__all__ = [*_lazy.export_lazily(__name__, _EXPORTS, _SUBMODULES), "__version__"]
del TYPE_CHECKING
