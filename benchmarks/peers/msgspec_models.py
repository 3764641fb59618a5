"""The report format as msgspec Structs: what a user would write instead of govdisclosure.model.

Same fields, nesting and JSON as govdisclosure (strict types, unknown keys are errors, decimals, dates,
times, months and document numbers as strings, fields at their default omitted, the statutory tables
written whole and tagged by ``version``). ``loads``/``dumps`` are the round trip the benchmark times.

msgspec reads ``datetime`` only with seconds and ``Decimal`` from numbers and exponents too, so the
minute-precision time and the strict decimal string are small subclasses that msgspec hands to
``dec_hook``/``enc_hook``, like the domain value types.

Differences that could not be removed (see benchmarks/README.md):
- ``omit_defaults`` compares a struct-valued default by identity, not equality: a report read without a
  header omits it again, but one given an explicitly blank ``Header()`` writes ``"header": {}`` where
  govdisclosure omits it.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Any, Literal

import msgspec

from govdisclosure.model import MoneyUnit, ReportFormat, RiskLevel, Role
from peers._values import (
    DocumentNumber,
    IndexNumber,
    YearMonth,
    decimal_text,
    decimal_to_str,
    document_number_from_str,
    index_number_from_str,
    minute_datetime_text,
    minute_datetime_to_str,
    year_month_from_str,
)


class DecimalStr(Decimal):
    """A Decimal written as a plain decimal string (``"12894000"``), never a number or an exponent."""


class MinuteDateTime(dt.datetime):
    """A local time written to the minute (``2014-12-04T15:51``)."""


NonNegative = Annotated[int, msgspec.Meta(ge=0)]
Cell = NonNegative | None


class Struct(msgspec.Struct, frozen=True, forbid_unknown_fields=True, omit_defaults=True):
    pass


class TableStruct(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """A part of the statutory tables: written whole, every cell included."""


# --- the narrative report --------------------------------------------------------------------------------


class HeaderField(Struct):
    label: str
    value: str


class Header(Struct):
    index_number: IndexNumber | None = None
    publisher: str | None = None
    document_date: dt.date | None = None
    source: str | None = None
    published_at: MinuteDateTime | None = None
    subject: str | None = None
    document_number: DocumentNumber | None = None
    other: tuple[HeaderField, ...] = ()


class Quantity(Struct):
    value: NonNegative
    unit: str
    subject: str | None = None


class Money(Struct):
    yuan: DecimalStr
    unit: MoneyUnit = MoneyUnit.YUAN
    subject: str | None = None


class CitedDocument(Struct):
    title: str
    number: DocumentNumber | None = None


class Channels(Struct):
    primary: tuple[str, ...] = ()
    auxiliary: tuple[str, ...] = ()


class PowerInventory(Struct):
    rules: Quantity | None = None
    matters: Quantity | None = None
    categories: tuple[Quantity, ...] = ()
    flowcharts: Quantity | None = None
    documents: Quantity | None = None
    published_on: str | None = None


class RiskPoint(Struct):
    description: str
    level: RiskLevel | None = None
    measures: tuple[str, ...] = ()
    post: str | None = None


class RiskInventory(Struct):
    points: Quantity | None = None
    high: Quantity | None = None
    medium: Quantity | None = None
    low: Quantity | None = None
    measures: Quantity | None = None
    items: tuple[RiskPoint, ...] = ()
    published_on: str | None = None


class DisclosureStats(Struct):
    as_of: YearMonth | None = None
    items: Quantity | None = None
    cumulative: Quantity | None = None
    focus_areas: tuple[str, ...] = ()
    by_topic: tuple[Quantity, ...] = ()
    projects: Quantity | None = None
    funding: Money | None = None


class WorkPlan(Struct):
    target_year: int | None = None
    principles: tuple[str, ...] = ()


class Section(Struct):
    ordinal: Annotated[int, msgspec.Meta(ge=1)] | None = None
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


class Signature(Struct):
    authority: str | None = None
    date: dt.date | None = None
    date_text: str | None = None


class Attachment(Struct):
    name: str
    url: str | None = None


# --- the statutory tables -----------------------------------------------------------------------------------


class DocumentCounts(TableStruct):
    issued: Cell = None
    repealed: Cell = None
    in_force: Cell = None


class DecisionCount(TableStruct):
    decisions: Cell = None


class FeeAmount(TableStruct):
    amount: DecimalStr | None = None

    def __post_init__(self) -> None:
        if self.amount is not None and self.amount < 0:
            raise ValueError(f"amount: an amount must be 0 or more, got {self.amount}")


class PublicationCounts(TableStruct):
    produced: Cell = None
    published: Cell = None
    total_published: Cell = None


class ItemChanges(TableStruct):
    items_last_year: Cell = None
    change: int | None = None
    decisions: Cell = None


class FeeItems(TableStruct):
    items_last_year: Cell = None
    change: int | None = None


class Procurement(TableStruct):
    projects: Cell = None
    amount: Money | None = None


class Table2RowsV2021(TableStruct):
    regulations: DocumentCounts = msgspec.field(default_factory=DocumentCounts)
    normative_documents: DocumentCounts = msgspec.field(default_factory=DocumentCounts)
    licensing: DecisionCount = msgspec.field(default_factory=DecisionCount)
    penalties: DecisionCount = msgspec.field(default_factory=DecisionCount)
    coercion: DecisionCount = msgspec.field(default_factory=DecisionCount)
    fees: FeeAmount = msgspec.field(default_factory=FeeAmount)


class Table2RowsV2019(TableStruct):
    regulations: PublicationCounts = msgspec.field(default_factory=PublicationCounts)
    normative_documents: PublicationCounts = msgspec.field(default_factory=PublicationCounts)
    licensing: ItemChanges = msgspec.field(default_factory=ItemChanges)
    other_services: ItemChanges = msgspec.field(default_factory=ItemChanges)
    penalties: ItemChanges = msgspec.field(default_factory=ItemChanges)
    coercion: ItemChanges = msgspec.field(default_factory=ItemChanges)
    fees: FeeItems = msgspec.field(default_factory=FeeItems)
    procurement: Procurement = msgspec.field(default_factory=Procurement)


class Table2V2021(TableStruct):
    rows: Table2RowsV2021 = msgspec.field(default_factory=Table2RowsV2021)


class Table2V2019(TableStruct):
    rows: Table2RowsV2019 = msgspec.field(default_factory=Table2RowsV2019)


class Table3Row(TableStruct):
    natural_person: Cell = None
    commercial: Cell = None
    research: Cell = None
    social_welfare: Cell = None
    legal_services: Cell = None
    other: Cell = None
    total: Cell = None


_ROW = msgspec.field(default_factory=Table3Row)


class Table3RowsV2019(TableStruct):
    received: Table3Row = _ROW
    brought_forward: Table3Row = _ROW
    disclosed: Table3Row = _ROW
    partly_disclosed: Table3Row = _ROW
    withheld_state_secret: Table3Row = _ROW
    withheld_prohibited_by_law: Table3Row = _ROW
    withheld_security_stability: Table3Row = _ROW
    withheld_third_party_rights: Table3Row = _ROW
    withheld_internal_affairs: Table3Row = _ROW
    withheld_process_information: Table3Row = _ROW
    withheld_enforcement_files: Table3Row = _ROW
    withheld_inquiry_matters: Table3Row = _ROW
    unavailable_not_held: Table3Row = _ROW
    unavailable_needs_creation: Table3Row = _ROW
    unavailable_unclear: Table3Row = _ROW
    not_processed_complaints: Table3Row = _ROW
    not_processed_repeated: Table3Row = _ROW
    not_processed_publications: Table3Row = _ROW
    not_processed_excessive: Table3Row = _ROW
    not_processed_confirmation: Table3Row = _ROW
    other_handling: Table3Row = _ROW
    total_handled: Table3Row = _ROW
    carried_forward: Table3Row = _ROW


class Table3RowsV2021(TableStruct):
    received: Table3Row = _ROW
    brought_forward: Table3Row = _ROW
    disclosed: Table3Row = _ROW
    partly_disclosed: Table3Row = _ROW
    withheld_state_secret: Table3Row = _ROW
    withheld_prohibited_by_law: Table3Row = _ROW
    withheld_security_stability: Table3Row = _ROW
    withheld_third_party_rights: Table3Row = _ROW
    withheld_internal_affairs: Table3Row = _ROW
    withheld_process_information: Table3Row = _ROW
    withheld_enforcement_files: Table3Row = _ROW
    withheld_inquiry_matters: Table3Row = _ROW
    unavailable_not_held: Table3Row = _ROW
    unavailable_needs_creation: Table3Row = _ROW
    unavailable_unclear: Table3Row = _ROW
    not_processed_complaints: Table3Row = _ROW
    not_processed_repeated: Table3Row = _ROW
    not_processed_publications: Table3Row = _ROW
    not_processed_excessive: Table3Row = _ROW
    not_processed_confirmation: Table3Row = _ROW
    other_handling_no_correction: Table3Row = _ROW
    other_handling_fee_unpaid: Table3Row = _ROW
    other_handling_other: Table3Row = _ROW
    total_handled: Table3Row = _ROW
    carried_forward: Table3Row = _ROW


class Table3V2019(TableStruct):
    rows: Table3RowsV2019 = msgspec.field(default_factory=Table3RowsV2019)


class Table3V2021(TableStruct):
    rows: Table3RowsV2021 = msgspec.field(default_factory=Table3RowsV2021)


class Table4Group(TableStruct):
    upheld: Cell = None
    corrected: Cell = None
    other: Cell = None
    pending: Cell = None
    total: Cell = None


class Table4(TableStruct):
    review: Table4Group = msgspec.field(default_factory=Table4Group)
    litigation_direct: Table4Group = msgspec.field(default_factory=Table4Group)
    litigation_after_review: Table4Group = msgspec.field(default_factory=Table4Group)


# The tag is the version string; msgspec writes it first, as govdisclosure does.
class StatutoryTablesV2019(TableStruct, tag_field="version", tag="2019"):
    t2: Table2V2019 = msgspec.field(default_factory=Table2V2019)
    t3: Table3V2019 = msgspec.field(default_factory=Table3V2019)
    t4: Table4 = msgspec.field(default_factory=Table4)


class StatutoryTablesV2021(TableStruct, tag_field="version", tag="2021"):
    t2: Table2V2021 = msgspec.field(default_factory=Table2V2021)
    t3: Table3V2021 = msgspec.field(default_factory=Table3V2021)
    t4: Table4 = msgspec.field(default_factory=Table4)


class DisclosureReport(Struct):
    schema_version: Literal[1]
    title: str
    year: int
    format: ReportFormat
    header: Header = Header()  # frozen, so one shared default is safe; see the module docstring
    body: tuple[Section, ...] = ()
    tables: StatutoryTablesV2019 | StatutoryTablesV2021 | None = None
    signature: Signature | None = None
    attachments: tuple[Attachment, ...] = ()

    def __post_init__(self) -> None:
        if self.tables is not None:
            version = "2019" if isinstance(self.tables, StatutoryTablesV2019) else "2021"
            if version != self.format.value:
                raise ValueError(f"the tables are of the {version} format, not {self.format}")


_DECODERS: dict[type, Any] = {
    DecimalStr: lambda value: DecimalStr(decimal_text(value)),
    MinuteDateTime: lambda value: MinuteDateTime.fromisoformat(minute_datetime_text(value)),
    YearMonth: year_month_from_str,
    DocumentNumber: document_number_from_str,
    IndexNumber: index_number_from_str,
}


def _dec_hook(type_: type, value: object) -> object:
    try:
        decode = _DECODERS[type_]
    except KeyError:
        raise NotImplementedError(f"no decoder for {type_}") from None
    return decode(value)


def _enc_hook(value: object) -> object:
    if isinstance(value, Decimal):
        return decimal_to_str(value)
    if isinstance(value, dt.datetime):
        return minute_datetime_to_str(value)
    if isinstance(value, YearMonth | DocumentNumber | IndexNumber):
        return str(value)
    raise NotImplementedError(f"cannot encode {type(value)}")


_decoder = msgspec.json.Decoder(DisclosureReport, dec_hook=_dec_hook)
_encoder = msgspec.json.Encoder(enc_hook=_enc_hook)


def loads(text: str | bytes) -> DisclosureReport:
    return _decoder.decode(text)


def dumps(report: DisclosureReport) -> bytes:
    return _encoder.encode(report)


def to_data(report: DisclosureReport) -> Any:
    return msgspec.json.decode(_encoder.encode(report))
