"""A rule (规则): a stable code, a severity, what it checks, the check itself and an example that triggers it."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

import attrs

from govdisclosure.model import Diagnostic, DisclosureReport, Severity
from govdisclosure.validate._names import NAMES

# A rule code: an upper-case prefix naming who owns it (GD: validation, GP: the parser) and three digits.
_CODE = re.compile(r"[A-Z]{2}[0-9]{3}")


@attrs.frozen(kw_only=True)
class Context:
    """What a check gets besides the report (检查上下文).

    A rule's check does not build :class:`~govdisclosure.model.Diagnostic` objects by hand: it calls
    :meth:`diagnostic`, which stamps the code and severity of the rule being run, so a rule cannot report
    under a code or severity other than the ones it declares.
    """

    code: str
    """The code of the rule being run."""
    severity: Severity
    """The severity of the rule being run."""
    previous: DisclosureReport | None = None
    """上年报告: last year's report of the same agency, for rules that compare years; None if not given."""
    parse_diagnostics: tuple[Diagnostic, ...] = ()
    """解析诊断: what the parser reported on the page the report was read from (GP codes), for the rules
    that weigh how the page was damaged (GD611: a page cut short); empty if not given."""

    def diagnostic(
        self,
        path: str,
        message: str,
        message_en: str,
        *,
        expected: str | None = None,
        found: str | None = None,
    ) -> Diagnostic:
        """A diagnostic of the rule being run, at ``path`` (a JSON path such as ``$.header.document_date``)."""
        return Diagnostic(
            code=self.code,
            severity=self.severity,
            path=path,
            message=message,
            message_en=message_en,
            expected=expected,
            found=found,
        )


Check = Callable[[DisclosureReport, Context], Iterable[Diagnostic]]
"""A rule's check: the report and the context in, its diagnostics out (in any order)."""


def _code(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str) or _CODE.fullmatch(value) is None:
        raise ValueError(f"a rule code is two capitals and three digits (GD101), got {value!r}")


def _one_line(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str) or not value.strip() or "\n" in value:
        raise ValueError(f"{attribute.name} must be one non-empty line, got {value!r}")


def known_year(year: int | None) -> bool:
    """Whether ``year`` is a year the rules can reason about: not None (unknown) and within the calendar,
    with the year after it.

    >>> known_year(2014), known_year(None), known_year(9999)
    (True, False, False)
    """
    return year is not None and 1 <= year <= 9998


@attrs.frozen(kw_only=True)
class Rule:
    """A validation rule (校验规则), declared once and registered in ``_registry``.

    >>> from govdisclosure.validate import rules
    >>> rule = next(r for r in rules() if r.code == "GD101")
    >>> rule.name, rule.severity, rule.summary_zh
    ('total-below-parts', <Severity.ERROR: 'error'>, '总数小于其分项之和')
    >>> [d.code for d in rule.run_example()]
    ['GD101']
    """

    code: str = attrs.field(validator=_code)
    """规则代码: stable forever; a retired code is never reused"""
    severity: Severity = attrs.field(validator=attrs.validators.instance_of(Severity))
    """严重程度 of every diagnostic the rule gives"""
    summary: str = attrs.field(validator=_one_line)
    """What the rule checks, one line in English"""
    summary_zh: str = attrs.field(validator=_one_line)
    """规则说明, one line in Chinese"""
    check: Check
    """The check; its docstring is the rule's longer description in the rule reference"""
    example: Callable[[], DisclosureReport]
    """示例: builds a minimal report that triggers the rule (used by the tests and the rule reference)"""

    @property
    def name(self) -> str:
        """The rule's symbolic name (``uncategorised-parts``), from the register of names (``_names``);
        empty for a rule not registered there yet (a test fails on it)."""
        return NAMES.get(self.code, "")

    example_previous: Callable[[], DisclosureReport] | None = None
    """For a rule that compares years: builds last year's report that the example is checked against"""
    needs_year: bool = False
    """依据报告年度: the rule compares with the year reported on, so it finds nothing where that year is
    unknown (None, as the parser gives when it cannot tell)"""

    def run(
        self,
        report: DisclosureReport,
        *,
        previous: DisclosureReport | None = None,
        parse_diagnostics: Iterable[Diagnostic] = (),
    ) -> list[Diagnostic]:
        """This rule's diagnostics on ``report``, in the order the check gives them."""
        if self.needs_year and not known_year(report.year):
            return []
        context = Context(
            code=self.code,
            severity=self.severity,
            previous=previous,
            parse_diagnostics=tuple(parse_diagnostics),
        )
        return list(self.check(report, context))

    def run_example(self) -> list[Diagnostic]:
        """This rule's diagnostics on its example (checked against :attr:`example_previous` if any)."""
        previous = self.example_previous() if self.example_previous is not None else None
        return self.run(self.example(), previous=previous)
