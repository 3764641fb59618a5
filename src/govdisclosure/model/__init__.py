"""The domain model of govdisclosure: frozen, typed attrs classes.

A ground floor: it imports nothing of govdisclosure but the leaves of :mod:`govdisclosure.zh`, and knows nothing
of rendering, parsing or files. Every class is frozen (immutable and hashable), uses slots, and is built by
keyword; sequences are stored as tuples (lists are accepted and converted).
"""

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
    DocumentNumber,
    DocumentNumberError,
    IndexNumber,
    IndexNumberParts,
)
from govdisclosure.model._report import (
    Attachment,
    DisclosureReport,
    Header,
    HeaderField,
    Section,
    SectionRef,
    Signature,
)
from govdisclosure.zh import YearMonth

__all__ = [
    "Attachment",
    "Channels",
    "CitedDocument",
    "Diagnostic",
    "DisclosureReport",
    "DisclosureStats",
    "DocumentNumber",
    "DocumentNumberError",
    "Header",
    "HeaderField",
    "IndexNumber",
    "IndexNumberParts",
    "Money",
    "MoneyUnit",
    "PowerInventory",
    "Quantity",
    "ReportFormat",
    "RiskInventory",
    "RiskLevel",
    "RiskPoint",
    "Role",
    "Section",
    "SectionRef",
    "Severity",
    "Signature",
    "Span",
    "WorkPlan",
    "YearMonth",
]
