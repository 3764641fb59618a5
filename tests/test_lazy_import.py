"""``import govdisclosure`` is cheap: the package resolves its names on first use (govdisclosure._lazy)."""

from __future__ import annotations

import ast
import importlib
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import govdisclosure
from tests.conftest import ROOT

HEAVY = ("attrs", "cattrs", "babel", "dateutil", "jinja2", "docx")


def _run(code: str, pythonpath: Path | None = None) -> str:
    """Run ``code`` in a fresh interpreter; its standard output."""
    env = None
    if pythonpath is not None:
        env = {"PYTHONPATH": str(pythonpath), "PATH": ""}
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        check=True,
        capture_output=True,
        text=True,
        env=env,
    ).stdout


def _modules_after(statement: str) -> set[str]:
    out = _run(f"import sys, json\n{statement}\nprint(json.dumps(sorted(sys.modules)))")
    return {name.partition(".")[0] for name in json.loads(out)}


def test_importing_the_package_loads_no_dependency() -> None:
    assert _modules_after("import govdisclosure") & set(HEAVY) == set()


def test_the_model_and_json_load_neither_babel_nor_dateutil() -> None:
    loaded = _modules_after("from govdisclosure import DisclosureReport, loads")
    assert {"attrs", "cattrs"} <= loaded
    assert loaded & {"babel", "dateutil", "jinja2", "docx"} == set()


@pytest.mark.parametrize("name", govdisclosure.__all__)
def test_every_exported_name_resolves_to_its_definition(name: str) -> None:
    value = getattr(govdisclosure, name)
    if name in ("validate", "render"):
        assert value is importlib.import_module(f"govdisclosure.{name}")  # the callable subpackage
    elif name != "__version__":
        (source,) = [m for m, names in govdisclosure._EXPORTS.items() if name in names.split()]
        assert value is getattr(importlib.import_module(source), name)
    assert name in dir(govdisclosure)


def test_every_exported_name_is_lazy_and_nothing_else_is() -> None:
    exported = {n for names in govdisclosure._EXPORTS.values() for n in names.split()}
    assert set(govdisclosure.__all__) == {*exported, "__version__"}
    with pytest.raises(AttributeError, match="module 'govdisclosure' has no attribute 'Nothing'"):
        _ = govdisclosure.Nothing  # type: ignore[attr-defined]


def test_type_checkers_see_the_names_the_package_exports() -> None:
    # The TYPE_CHECKING block of __init__ (what mypy and pyright read) imports each exported name
    # as itself, and the subpackages.
    tree = ast.parse(Path(govdisclosure.__file__).read_text(encoding="utf-8"))
    (block,) = [n for n in tree.body if isinstance(n, ast.If)]
    imported = {
        alias.name
        for node in block.body
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
        if alias.asname == alias.name
    }
    assert imported == {*govdisclosure.__all__, *govdisclosure._SUBMODULES} - {"__version__"}


def test_dir_shows_the_api_and_not_the_machinery() -> None:
    import govdisclosure.render
    import govdisclosure.validate

    for module in (govdisclosure, govdisclosure.render, govdisclosure.validate):
        shown = {n for n in dir(module) if not n.startswith("_")}
        extra = set(getattr(module, "_SUBMODULES", ()))
        assert shown == set(module.__all__) - {"__version__"} | extra, module.__name__
    assert {"TYPE_CHECKING", "export_lazily", "Any", "Final", "annotations"}.isdisjoint(
        dir(govdisclosure) + dir(govdisclosure.render)
    )


def test_star_import_gives_every_name_in_a_fresh_interpreter() -> None:
    out = _run(
        """
        import json
        namespace = {}
        exec("from govdisclosure import *", namespace)
        print(json.dumps(sorted(k for k in namespace if k != "__builtins__")))
        """
    )
    assert json.loads(out) == sorted(govdisclosure.__all__)


@pytest.mark.parametrize(
    "first",
    [
        "",
        "import govdisclosure.validate, govdisclosure.render",
        "from govdisclosure.validate import rules; from govdisclosure.render import render_text",
        "from govdisclosure import validate, render",
        "import govdisclosure.cli",
    ],
)
def test_validate_and_render_are_the_subpackages_and_callable_whatever_was_imported_first(
    first: str,
) -> None:
    code = (
        f"{first}\nimport govdisclosure as gd\n"
        "import govdisclosure.validate as v, govdisclosure.render as rd\n"
        "r = gd.load('examples/dehua_2014/report.json')\n"
        "assert v is gd.validate and rd is gd.render, (v, rd)\n"
        "assert v.validate(r) == v(r) and callable(v.rules) and rd.render_text(r) == rd(r, 'text')\n"
        "print(gd.validate(r)[0].code, gd.render(r, 'text').splitlines()[0])"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    assert out == "GD102 索引号：qz11402-1000-2014-00002\n"


@pytest.mark.parametrize("name", ["cli", "corpus", "model", "parse", "serialize", "zh"])
def test_every_subpackage_is_an_attribute_after_import_govdisclosure(name: str) -> None:
    out = _run(
        f"import govdisclosure, types; m = govdisclosure.{name}\n"
        "print(isinstance(m, types.ModuleType), m.__name__)"
    )
    assert out.split() == ["True", f"govdisclosure.{name}"]
