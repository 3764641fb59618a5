"""The public face of govdisclosure.zh: exactly these names, each documented with examples, and
no import of the rest of govdisclosure (zh is a ground floor)."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import pytest

import govdisclosure.zh as zh

PUBLIC = [
    "DateError",
    "DateStyle",
    "Label",
    "NumeralError",
    "NumeralStyle",
    "Period",
    "YearMonth",
    "enumerator",
    "format_amount",
    "format_date",
    "from_chinese",
    "heading_label",
    "parse_amount",
    "parse_as_of",
    "parse_date",
    "parse_label",
    "parse_partial_date",
    "to_chinese",
    "to_rmb_uppercase",
]


def test_all_is_the_public_api() -> None:
    assert sorted(zh.__all__) == PUBLIC
    for name in PUBLIC:
        assert hasattr(zh, name)


@pytest.mark.parametrize("name", PUBLIC)
def test_every_public_name_has_examples(name: str) -> None:
    doc = inspect.getdoc(getattr(zh, name))
    assert doc is not None
    assert ">>>" in doc


@pytest.mark.parametrize("error", [zh.NumeralError, zh.DateError])
def test_errors_are_value_errors_shown_under_the_package(error: type[Exception]) -> None:
    assert issubclass(error, ValueError)
    assert error.__module__ == "govdisclosure.zh"


def test_zh_imports_nothing_else_of_govdisclosure() -> None:
    package = Path(zh.__file__).parent
    for path in package.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            else:
                continue
            for module in names:
                if module.split(".")[0] == "govdisclosure":
                    assert module.startswith("govdisclosure.zh"), f"{path.name} imports {module}"
