"""Running the rules: choosing them (select / ignore) and ordering what they find."""

from __future__ import annotations

import re
from collections.abc import Iterable

from govdisclosure.model import Diagnostic, DisclosureReport
from govdisclosure.validate._names import NAMES
from govdisclosure.validate._paths import reading_key
from govdisclosure.validate._registry import RULES
from govdisclosure.validate._rule import Rule

Selection = str | Iterable[str] | None
"""Rule codes, code prefixes or names (``"GD102"``, ``"GD1"``, ``"uncategorised-parts"``): one string or
several; None for all."""

_SELECTOR = re.compile(r"[A-Z]+[0-9]*")
_BY_NAME = {name: code for code, name in NAMES.items()}


def _selectors(value: Selection, name: str) -> tuple[str, ...] | None:
    if value is None:
        return None
    items = (value,) if isinstance(value, str) else tuple(value)
    selectors = []
    for item in items:
        if not isinstance(item, str):
            raise TypeError(f"{name} takes rule codes as strings, got {item!r}")
        code = _BY_NAME.get(item.strip(), item.strip().upper())
        if _SELECTOR.fullmatch(code) is None or not any(r.code.startswith(code) for r in RULES):
            raise ValueError(
                f"unknown rule code, prefix or name {item!r} in {name} "
                f"(codes run from {RULES[0].code} to {RULES[-1].code}; names are listed by --rules)"
            )
        selectors.append(code)
    return tuple(selectors)


def _specificity(code: str, selectors: tuple[str, ...]) -> int:
    """The length of the longest selector that matches ``code``; -1 if none does."""
    return max((len(s) for s in selectors if code.startswith(s)), default=-1)


def rules(*, select: Selection = None, ignore: Selection = None) -> tuple[Rule, ...]:
    """The rules, sorted by code; with ``select`` / ``ignore``, the ones those choose.

    ``select`` keeps the rules whose code starts with one of its entries (all rules if None); ``ignore``
    drops those whose code starts with one of its entries. Where both match a rule, the longer (more
    specific) entry wins, and ``ignore`` wins a tie, as in ruff: ``select=["GD1"], ignore=["GD103"]``
    runs GD1xx but GD103; ``select=["GD103"], ignore=["GD1"]`` runs GD103 alone. An entry that is no
    rule's code or code prefix raises :class:`ValueError` naming it.

    >>> [r.code for r in rules(select="GD10", ignore=["GD103", "GD104", "GD105", "GD106"])]
    ['GD101', 'GD102', 'GD107', 'GD108', 'GD109']
    >>> rules(select="GD999")
    Traceback (most recent call last):
    ...
    ValueError: unknown rule code, prefix or name 'GD999' in select (codes run from GD101 to GD801; names are listed by --rules)
    """
    chosen, dropped = _selectors(select, "select"), _selectors(ignore, "ignore") or ()

    def enabled(code: str) -> bool:
        selected = 0 if chosen is None else _specificity(code, chosen)
        return selected >= 0 and selected > _specificity(code, dropped)

    return tuple(rule for rule in RULES if enabled(rule.code))


def _order(diagnostic: Diagnostic) -> tuple[object, ...]:
    return (
        reading_key(diagnostic.path),
        diagnostic.code,
        diagnostic.message,
        diagnostic.expected or "",
        diagnostic.found or "",
    )


def validate(
    report: DisclosureReport,
    *,
    select: Selection = None,
    ignore: Selection = None,
    previous: DisclosureReport | None = None,
    parse_diagnostics: Iterable[Diagnostic] | None = None,
) -> list[Diagnostic]:
    """Check ``report`` and return what the rules find, in reading order and then by code.

    ``select`` and ``ignore`` choose the rules (see :func:`rules`). ``previous`` is the report of the
    same agency on the year before, for the rules that compare years (GD108 …); it must be on
    ``report.year - 1``, else :class:`ValueError`. Without it those rules find nothing.

    ``parse_diagnostics`` is what the parser reported on the page the report was read from
    (:attr:`ParseResult.diagnostics <govdisclosure.parse.ParseResult.diagnostics>`): where the parser
    says the page stops (GP504, a table broken off), GD611 reports the cut once, with the sections it
    took, and GD601 does not report those sections again. Without it GD611 goes by the report alone (its
    last paragraph cut mid-sentence, a table whose rows stop).

    >>> from govdisclosure.model import DisclosureReport, ReportFormat
    >>> validate(DisclosureReport(title="2014年报告", year=2014, format=ReportFormat.NARRATIVE))
    []
    """
    if not isinstance(report, DisclosureReport):
        raise TypeError(f"validate expects a DisclosureReport, got {type(report).__name__}")
    if previous is not None:
        if not isinstance(previous, DisclosureReport):
            raise TypeError(f"previous must be a DisclosureReport, got {type(previous).__name__}")
        if report.year is not None and previous.year not in (report.year - 1, None):
            raise ValueError(
                f"previous must be the report on {report.year - 1}, got one on {previous.year}"
            )
    parsed: tuple[Diagnostic, ...] = ()
    if parse_diagnostics is not None:
        parsed = tuple(parse_diagnostics)
        for item in parsed:
            if not isinstance(item, Diagnostic):
                raise TypeError(
                    f"parse_diagnostics takes Diagnostic objects, got {type(item).__name__}"
                )
    chosen = rules(select=select, ignore=ignore)
    found = [
        d for rule in chosen for d in rule.run(report, previous=previous, parse_diagnostics=parsed)
    ]
    return sorted(found, key=_order)
