"""The parser's codes have symbolic names, as the validation rules' have, and neither is ever reused."""

from __future__ import annotations

import re

import pytest

import govdisclosure.parse
from govdisclosure.parse import CODE_NAMES, code_for
from govdisclosure.parse._codes import CODES, NAMES, RETIRED
from govdisclosure.validate._names import NAMES as RULE_NAMES
from govdisclosure.validate._names import RETIRED as RETIRED_RULES

_ROW = re.compile(r"^(GP\d{3})\s+(?:info|warning|error)\s+(\S+)\s+\S", re.M)


def test_every_code_has_a_unique_name_and_no_retired_code_or_name_is_reused() -> None:
    assert set(NAMES) == set(CODES), "each code gets its name in _codes.NAMES"
    assert list(NAMES) == sorted(NAMES), "one line each, in code order"
    names = [*NAMES.values(), *RETIRED.values()]
    assert len(names) == len(set(names))
    assert all(re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", name) for name in names)
    assert not set(RETIRED) & set(CODES), "a retired code is never reused"


def test_no_parser_name_is_a_rule_name() -> None:
    # One namespace for users: a name says which code it is, whichever command takes it.
    rule_names = {*RULE_NAMES.values(), *RETIRED_RULES.values()}
    assert not {*NAMES.values(), *RETIRED.values()} & rule_names


def test_the_docstring_table_gives_each_codes_name() -> None:
    assert dict(_ROW.findall(govdisclosure.parse.__doc__ or "")) == dict(CODE_NAMES)


@pytest.mark.parametrize(
    ("given", "code"),
    [
        ("document-number-bracket-repaired", "GP301"),
        (" Table-Cut-Short ", "GP504"),
        ("GP108", "GP108"),
        ("gp999", "GP999"),
    ],
)
def test_a_name_stands_for_its_code(given: str, code: str) -> None:
    assert code_for(given) == code


@pytest.mark.parametrize("given", ["GP009", "no-such-thing", "GD101", "total-below-parts", ""])
def test_an_unknown_code_or_name_is_refused_by_name(given: str) -> None:
    with pytest.raises(ValueError, match="unknown parser code or name") as caught:
        code_for(given)
    assert repr(given) in str(caught.value)
