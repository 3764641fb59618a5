"""The report format as pydantic v2 models: what a user would write instead of govdisclosure.model.

Same fields, nesting and JSON as govdisclosure (strict types, unknown keys are errors, decimals, dates,
times, months and document numbers as strings, fields at their default omitted, the statutory tables
written whole and tagged by ``version``). ``loads``/``dumps`` are the round trip the benchmark times.

Differences that could not be removed (see benchmarks/README.md):
- pydantic's ``exclude_defaults`` applies to the whole dump, so the table classes have no defaults (every
  cell and row is required on input; govdisclosure fills missing ones with blanks). Their output is the same.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    NonNegativeInt,
    PlainSerializer,
    PlainValidator,
    model_validator,
)

from govdisclosure.model import MoneyUnit, ReportFormat, RiskLevel, Role
from peers._values import (
    DocumentNumber,
    IndexNumber,
    YearMonth,
    decimal_from_str,
    decimal_to_str,
    document_number_from_str,
    index_number_from_str,
    minute_datetime_from_str,
    minute_datetime_to_str,
    year_month_from_str,
)

DecimalStr = Annotated[
    Decimal,
    PlainValidator(decimal_from_str, json_schema_input_type=str),
    PlainSerializer(decimal_to_str, return_type=str),
]
MinuteDateTime = Annotated[
    dt.datetime,
    PlainValidator(minute_datetime_from_str, json_schema_input_type=str),
    PlainSerializer(minute_datetime_to_str, return_type=str),
]
YearMonthStr = Annotated[
    YearMonth,
    PlainValidator(year_month_from_str, json_schema_input_type=str),
    PlainSerializer(str, return_type=str),
]
DocumentNumberStr = Annotated[
    DocumentNumber,
    PlainValidator(document_number_from_str, json_schema_input_type=str),
    PlainSerializer(str, return_type=str),
]
IndexNumberStr = Annotated[
    IndexNumber,
    PlainValidator(index_number_from_str, json_schema_input_type=str),
    PlainSerializer(str, return_type=str),
]
Cell = NonNegativeInt | None


class Model(BaseModel):
    model_config = ConfigDict(
        extra="forbid", frozen=True, strict=True, arbitrary_types_allowed=True
    )


# --- the narrative report --------------------------------------------------------------------------------


class HeaderField(Model):
    label: str
    value: str


class Header(Model):
    index_number: IndexNumberStr | None = None
    publisher: str | None = None
    document_date: dt.date | None = None
    source: str | None = None
    published_at: MinuteDateTime | None = None
    subject: str | None = None
    document_number: DocumentNumberStr | None = None
    other: tuple[HeaderField, ...] = ()


class Quantity(Model):
    value: NonNegativeInt
    unit: str
    subject: str | None = None


class Money(Model):
    yuan: DecimalStr
    unit: MoneyUnit = MoneyUnit.YUAN
    subject: str | None = None


class CitedDocument(Model):
    title: str
    number: DocumentNumberStr | None = None


class Channels(Model):
    primary: tuple[str, ...] = ()
    auxiliary: tuple[str, ...] = ()


class PowerInventory(Model):
    rules: Quantity | None = None
    matters: Quantity | None = None
    categories: tuple[Quantity, ...] = ()
    flowcharts: Quantity | None = None
    documents: Quantity | None = None
    published_on: str | None = None


class RiskPoint(Model):
    description: str
    level: RiskLevel | None = None
    measures: tuple[str, ...] = ()
    post: str | None = None


class RiskInventory(Model):
    points: Quantity | None = None
    high: Quantity | None = None
    medium: Quantity | None = None
    low: Quantity | None = None
    measures: Quantity | None = None
    items: tuple[RiskPoint, ...] = ()
    published_on: str | None = None


class DisclosureStats(Model):
    as_of: YearMonthStr | None = None
    items: Quantity | None = None
    cumulative: Quantity | None = None
    focus_areas: tuple[str, ...] = ()
    by_topic: tuple[Quantity, ...] = ()
    projects: Quantity | None = None
    funding: Money | None = None


class WorkPlan(Model):
    target_year: int | None = None
    principles: tuple[str, ...] = ()


class Section(Model):
    ordinal: Annotated[int, Field(ge=1)] | None = None
    label: str | None = None
    heading: str | None = None
    role: Role | None = None
    paragraphs: tuple[str, ...] = ()
    citations: tuple[CitedDocument, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    amounts: tuple[Money, ...] = ()
    channels: Channels | None = None
    power: PowerInventory | None = None
    risks: RiskInventory | None = None
    disclosure: DisclosureStats | None = None
    plan: WorkPlan | None = None
    children: tuple[Section, ...] = ()


class Signature(Model):
    authority: str | None = None
    date: dt.date | None = None
    date_text: str | None = None


class Attachment(Model):
    name: str
    url: str | None = None


# --- the statutory tables (written whole: no defaults, see the module docstring) ----------------------------


class DocumentCounts(Model):
    issued: Cell
    repealed: Cell
    in_force: Cell


class DecisionCount(Model):
    decisions: Cell


class FeeAmount(Model):
    amount: Annotated[DecimalStr, Field(ge=0)] | None


class PublicationCounts(Model):
    produced: Cell
    published: Cell
    total_published: Cell


class ItemChanges(Model):
    items_last_year: Cell
    change: int | None
    decisions: Cell


class FeeItems(Model):
    items_last_year: Cell
    change: int | None


class Procurement(Model):
    projects: Cell
    amount: Money | None


class Table2RowsV2021(Model):
    regulations: DocumentCounts
    normative_documents: DocumentCounts
    licensing: DecisionCount
    penalties: DecisionCount
    coercion: DecisionCount
    fees: FeeAmount


class Table2RowsV2019(Model):
    regulations: PublicationCounts
    normative_documents: PublicationCounts
    licensing: ItemChanges
    other_services: ItemChanges
    penalties: ItemChanges
    coercion: ItemChanges
    fees: FeeItems
    procurement: Procurement


class Table2V2021(Model):
    rows: Table2RowsV2021


class Table2V2019(Model):
    rows: Table2RowsV2019


class Table3Row(Model):
    natural_person: Cell
    commercial: Cell
    research: Cell
    social_welfare: Cell
    legal_services: Cell
    other: Cell
    total: Cell


class _Table3RowsCommon(Model):
    received: Table3Row
    brought_forward: Table3Row
    disclosed: Table3Row
    partly_disclosed: Table3Row
    withheld_state_secret: Table3Row
    withheld_prohibited_by_law: Table3Row
    withheld_security_stability: Table3Row
    withheld_third_party_rights: Table3Row
    withheld_internal_affairs: Table3Row
    withheld_process_information: Table3Row
    withheld_enforcement_files: Table3Row
    withheld_inquiry_matters: Table3Row
    unavailable_not_held: Table3Row
    unavailable_needs_creation: Table3Row
    unavailable_unclear: Table3Row
    not_processed_complaints: Table3Row
    not_processed_repeated: Table3Row
    not_processed_publications: Table3Row
    not_processed_excessive: Table3Row
    not_processed_confirmation: Table3Row


class Table3RowsV2019(_Table3RowsCommon):
    other_handling: Table3Row
    total_handled: Table3Row
    carried_forward: Table3Row


class Table3RowsV2021(_Table3RowsCommon):
    other_handling_no_correction: Table3Row
    other_handling_fee_unpaid: Table3Row
    other_handling_other: Table3Row
    total_handled: Table3Row
    carried_forward: Table3Row


class Table3V2019(Model):
    rows: Table3RowsV2019


class Table3V2021(Model):
    rows: Table3RowsV2021


class Table4Group(Model):
    upheld: Cell
    corrected: Cell
    other: Cell
    pending: Cell
    total: Cell


class Table4(Model):
    review: Table4Group
    litigation_direct: Table4Group
    litigation_after_review: Table4Group


class StatutoryTablesV2019(Model):
    version: Literal[ReportFormat.V2019]
    t2: Table2V2019
    t3: Table3V2019
    t4: Table4


class StatutoryTablesV2021(Model):
    version: Literal[ReportFormat.V2021]
    t2: Table2V2021
    t3: Table3V2021
    t4: Table4


StatutoryTables = Annotated[
    StatutoryTablesV2019 | StatutoryTablesV2021, Field(discriminator="version")
]


class DisclosureReport(Model):
    schema_version: Literal[1]
    title: str
    year: int
    format: ReportFormat
    header: Header = Field(default_factory=Header)
    body: tuple[Section, ...] = ()
    tables: StatutoryTables | None = None
    signature: Signature | None = None
    attachments: tuple[Attachment, ...] = ()

    @model_validator(mode="after")
    def _tables_match_format(self) -> DisclosureReport:
        if self.tables is not None and self.tables.version is not self.format:
            raise ValueError(
                f"the tables are of the {self.tables.version} format, not {self.format}"
            )
        return self


def loads(text: str | bytes) -> DisclosureReport:
    return DisclosureReport.model_validate_json(text)


def dumps(report: DisclosureReport) -> str:
    # schema_version has no default, so it is written although exclude_defaults is on.
    return report.model_dump_json(exclude_defaults=True)


def dumps_indented(report: DisclosureReport) -> str:
    return report.model_dump_json(exclude_defaults=True, indent=2)


def to_data(report: DisclosureReport) -> Any:
    return report.model_dump(mode="json", exclude_defaults=True)
