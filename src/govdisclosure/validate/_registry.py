"""The one place where rules are registered.

Every rule module defines ``RULES``, a tuple of :class:`~govdisclosure.validate.Rule`; this module lists
those tuples. A new module of rules (the GD7xx rules of the statutory tables, say) is added with one line
in ``_RULE_SETS`` and nothing else: the engine, the command line and the rule reference take the rules
from here.
"""

from __future__ import annotations

import itertools

from govdisclosure.validate import (
    _catalogue,
    _dates,
    _document_numbers,
    _followup,
    _money,
    _period,
    _powers,
    _required,
    _structure,
    _tables,
    _totals,
)
from govdisclosure.validate._rule import Rule

_RULE_SETS: tuple[tuple[Rule, ...], ...] = (
    _totals.RULES,  # GD1xx totals against their parts
    _structure.RULES,  # GD2xx structure
    _dates.RULES,  # GD3xx dates
    _period.RULES,  # GD311–GD314 the statistical period, the years the text names
    _document_numbers.RULES,  # GD4xx document and index numbers
    _catalogue.RULES,  # GD411–GD413 broken catalogue values
    _money.RULES,  # GD5xx money
    _required.RULES,  # GD6xx required parts and format
    _tables.RULES,  # GD7xx the statutory tables
    _powers.RULES,  # GD711 powers an agency cannot have
    _followup.RULES,  # GD8xx last year's report followed up
)


def _collect() -> tuple[Rule, ...]:
    every = sorted((rule for rules in _RULE_SETS for rule in rules), key=lambda r: r.code)
    for before, after in itertools.pairwise(every):
        if before.code == after.code:
            raise RuntimeError(f"two rules share the code {after.code}")
    return tuple(every)


RULES: tuple[Rule, ...] = _collect()
"""Every rule, sorted by code."""
