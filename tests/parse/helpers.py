"""Helpers shared by the parser's tests: resolving JSON paths and checking what a span says."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

from govdisclosure import (
    CitedDocument,
    DisclosureReport,
    DocumentNumber,
    IndexNumber,
    Money,
    Quantity,
    Section,
    YearMonth,
    dumps,
    loads,
)
from govdisclosure.parse import ParseResult
from govdisclosure.zh import format_date

_STEP = re.compile(r"\.(\w+)|\[(\d+)\]")


def resolve(report: DisclosureReport, path: str) -> Any:
    """The value at a JSON path such as ``$.body[1].children[2].power.matters``."""
    assert path.startswith("$"), path
    value: Any = report
    for name, index in _STEP.findall(path[1:]):
        value = value[int(index)] if index else getattr(value, name)
    return value


def is_subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(c in it for c in short)


def claims(value: Any) -> list[str]:
    """Substrings that the source text of ``value`` must contain."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, Quantity):
        return [f"{value.value}{value.unit}", *([value.subject] if value.subject else [])]
    if isinstance(value, Money):
        return [f"{value.in_unit():f}{value.unit.value}"]
    if isinstance(value, CitedDocument):
        return [value.title]
    if isinstance(value, DocumentNumber):
        return [value.issuer, str(value.serial), str(value.year)]
    if isinstance(value, IndexNumber):
        return [value.raw]
    if isinstance(value, dt.datetime):
        return [value.strftime("%Y-%m-%d %H:%M")]
    if isinstance(value, dt.date):
        return [str(value.year)]
    if isinstance(value, YearMonth):
        return [f"{value.month}月"]
    if isinstance(value, int | Decimal):
        return [str(value)]
    if isinstance(value, Section):
        return [value.heading] if value.heading else []
    return []


def check_provenance(result: ParseResult, repairs: int = 0) -> int:
    """Every span's text holds what its path claims; returns how many spans were checked."""
    checked = 0
    for path, span in result.provenance.items():
        assert 0 <= span.start <= span.end <= len(result.text), (path, span)
        source = result.text[span.start : span.end]
        value = resolve(result.report, path)
        if isinstance(value, str) and source != value:
            # a repaired paragraph: the source is the value less the marks the parser put back
            flat = re.sub(r"\s", "", source)
            assert is_subsequence(flat, value), (path, source, value)
            assert len(value) - len(flat) <= repairs, (path, source, value)
        elif path.endswith(".plan.target_year") and source in ("明年", "下一年"):
            pass
        elif isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            assert str(value.year) in source or format_date(value, style="chinese")[:4] in source
        else:
            flat = re.sub(r"\s", "", source)  # a wrapped line breaks the value
            for claim in claims(value):
                assert claim in source or claim in flat, (path, claim, source)
        checked += 1
    return checked


def fact_paths(report: DisclosureReport) -> list[str]:
    """The JSON path of every extracted fact and text field of the report's body and signature."""
    paths = []
    for ref in report.sections():
        node = ref.node
        for name in ("heading", "label"):
            if getattr(node, name) is not None:
                paths.append(f"{ref.path}.{name}")
        paths += [f"{ref.path}.paragraphs[{k}]" for k in range(len(node.paragraphs))]
        paths += [f"{ref.path}.citations[{k}]" for k in range(len(node.citations))]
        paths += [f"{ref.path}.quantities[{k}]" for k in range(len(node.quantities))]
        paths += [f"{ref.path}.amounts[{k}]" for k in range(len(node.amounts))]
        for name in ("power", "risks", "disclosure", "channels", "plan"):
            fact = getattr(node, name)
            if fact is None:
                continue
            for field in type(fact).__attrs_attrs__:
                value = getattr(fact, field.name)
                if isinstance(value, tuple):
                    paths += [f"{ref.path}.{name}.{field.name}[{k}]" for k in range(len(value))]
                elif value is not None:
                    paths.append(f"{ref.path}.{name}.{field.name}")
    return paths


def round_trips_through_json(report: DisclosureReport) -> bool:
    return loads(dumps(report)) == report
