"""The generated rule reference (docs/reference/rules.md) is committed and up to date."""

from __future__ import annotations

from govdisclosure.validate import rules
from govdisclosure.validate._docs import rules_markdown
from tests.conftest import ROOT

REFERENCE = ROOT / "docs" / "reference" / "rules.md"


def test_the_rule_reference_is_up_to_date() -> None:
    assert REFERENCE.read_text(encoding="utf-8") == rules_markdown(), (
        "docs/reference/rules.md is out of date: run "
        "python -m govdisclosure.validate._docs > docs/reference/rules.md"
    )


def test_the_reference_describes_every_rule_with_its_example() -> None:
    text = rules_markdown()
    for rule in rules():
        section = text.split(f"### {rule.code}\n", 1)[1].split("\n### ", 1)[0]
        assert rule.summary in section
        assert rule.summary_zh in section
        assert rule.example.__name__ in section  # the example's source
        for d in rule.run_example():
            assert str(d) in section  # and what it gives
