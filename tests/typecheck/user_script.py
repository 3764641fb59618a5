"""A user's script using the names of the README and the documentation's API pages, for type checkers.

Never run: ``tests/test_typing.py`` checks it with ``mypy --strict`` and Pyright, and compares each
``reveal_type`` with the type a user must see. A name a checker cannot see, or a type that is wider than
the truth (``str | bytes`` where ``render(r, "html")`` is a ``str``), fails that test.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import reveal_type

import govdisclosure as gd
import govdisclosure.render as render_module
import govdisclosure.validate as validate_module
from govdisclosure import ParseResult, parse_html, parse_text
from govdisclosure.model import STATUTORY_SECTIONS, format_for_year, statutory_table
from govdisclosure.render import html_environment
from govdisclosure.zh import format_amount, format_date, heading_label, parse_amount, to_chinese

report = gd.load("examples/dehua_2014/report.json")
reveal_type(report)  # E: DisclosureReport
diagnostics = gd.validate(report, previous=None)
reveal_type(diagnostics)  # E: list[Diagnostic]
reveal_type(validate_module.rules())  # E: tuple[Rule, ...]
reveal_type(validate_module.validate(report))  # E: list[Diagnostic]

html = gd.render(report, "html", full_page=True, id_prefix="r-")
reveal_type(html)  # E: str
docx = gd.render(report, "docx", date_style="chinese")
reveal_type(docx)  # E: bytes
reveal_type(gd.render(report, "xlsx"))  # E: bytes
text: str = gd.render(report, "text", width=40)
markdown: str = gd.render(report, "markdown")
reveal_type(render_module.render_html(report, environment=html_environment()))  # E: str
to = "text" if text else "html"
reveal_type(gd.render(report, to))  # E: str | bytes

result = parse_text(text)
reveal_type(result)  # E: ParseResult
reveal_type(parse_html(html).report)  # E: DisclosureReport
checked: ParseResult = gd.parse_html(html.encode())
reveal_type(gd.parse_text(text).diagnostics)  # E: tuple[Diagnostic, ...]

body = gd.statutory_body(overview="2022年，我局……", other="无。")
statutory = gd.DisclosureReport(
    title="2022年政府信息公开工作年度报告",
    year=2022,
    format=gd.ReportFormat.V2021,
    header=gd.Header(publisher="某局", document_number=gd.DocumentNumber.parse("某办〔2023〕1号")),
    body=body,
    tables=gd.StatutoryTablesV2021(t4=gd.Table4.from_groups({"行政复议": [1, 0, 0, 0, 1]})),
    signature=gd.Signature(authority="某局", date=dt.date(2023, 1, 20)),
    attachments=[gd.Attachment(name="附表")],
)
reveal_type(statutory.section("s1"))  # E: Section
section = gd.Section(
    ordinal=1,
    label="一、",
    heading="主要作法",
    quantities=[gd.Quantity(30, "条", "信息")],
    citations=[gd.CitedDocument(title="条例")],
    role=gd.Role.OVERVIEW,
    power=gd.PowerInventory(matters=gd.Quantity(51, "项")),
    risks=gd.RiskInventory(),
)
reveal_type(gd.Table2V2021().rows)  # E: Table2RowsV2021
reveal_type(gd.Table3V2021().rows.received.total)  # E: int | None
index = gd.IndexNumber("qz11402-1000-2014-00002")

json_text = gd.dumps(statutory)
reveal_type(json_text)  # E: str
gd.dump(statutory, Path("report.json"))
reveal_type(gd.loads(json_text))  # E: DisclosureReport
version: int = gd.SCHEMA_VERSION
try:
    gd.loads("{}")
except gd.LoadError as error:
    reveal_type(error.issues)  # E: tuple[LoadIssue, ...]
except (gd.UnknownLabelError, gd.DocumentNumberError):
    pass

reveal_type(STATUTORY_SECTIONS[0].heading)  # E: str
reveal_type(gd.STATUTORY_SECTIONS[0].role)  # E: Role
reveal_type(format_for_year(2022))  # E: ReportFormat
reveal_type(statutory_table("t3").numeral)  # E: str
reveal_type(format_amount(Decimal("1.5")))  # E: str
reveal_type(format_date(dt.date(2014, 12, 4)))  # E: str
reveal_type(to_chinese(12))  # E: str
reveal_type(heading_label(1, 2))  # E: str
reveal_type(parse_amount("1.5万元"))  # E: Decimal
reveal_type(gd.diff(report, statutory))  # E: list[Difference]
reveal_type(report.at("$.body[0]"))  # E: object
reveal_type(report.year)  # E: int | None
reveal_type(section.kind)  # E: NodeKind
