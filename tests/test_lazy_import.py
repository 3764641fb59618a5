"""``import govdisclosure`` is cheap: the package resolves its names on first use (govdisclosure._lazy)."""

from __future__ import annotations

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
    if name != "__version__":
        source = importlib.import_module(govdisclosure._EXPORTS[name])
        assert value is getattr(source, name)
    assert name in dir(govdisclosure)


def test_every_exported_name_is_lazy_and_nothing_else_is() -> None:
    assert set(govdisclosure.__all__) == {*govdisclosure._EXPORTS, "__version__"}
    with pytest.raises(AttributeError, match="module 'govdisclosure' has no attribute 'Nothing'"):
        _ = govdisclosure.Nothing  # type: ignore[attr-defined]


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


def test_a_function_keeps_its_name_over_the_subpackage_that_defines_it(tmp_path: Path) -> None:
    # The case of govdisclosure.validate(report) beside the subpackage govdisclosure.validate: whichever
    # is imported first, the package's name is the function.
    package = tmp_path / "pkg"
    (package / "check").mkdir(parents=True)
    (package / "__init__.py").write_text(
        "from govdisclosure._lazy import export_lazily\n"
        "__all__ = ['check']\n"
        "export_lazily(__name__, {'check': 'pkg.check'})\n",
        encoding="utf-8",
    )
    (package / "check" / "__init__.py").write_text(
        "def check(x):\n    return ('checked', x)\n", encoding="utf-8"
    )
    orders = {
        "package first": "import pkg; r = pkg.check(1); import pkg.check",
        "subpackage first": "import pkg.check; import pkg; r = pkg.check(1)",
        "from-import of the subpackage": "from pkg.check import check; import pkg; r = pkg.check(1)",
        "from-import of the name": "from pkg import check; r = check(1); import pkg.check",
    }
    installed = Path(govdisclosure.__file__).parent.parent
    for order, code in orders.items():
        out = _run(
            f"import sys; sys.path.append({str(installed)!r})\n{code}\n"
            "import pkg\nprint(r, callable(pkg.check), type(sys.modules['pkg.check']).__name__)",
            pythonpath=tmp_path,
        )
        assert out.split() == ["('checked',", "1)", "True", "module"], order


@pytest.mark.parametrize(
    "first",
    [
        "",
        "import govdisclosure.validate, govdisclosure.render",
        "from govdisclosure.validate import rules; from govdisclosure.render import render_text",
        "import govdisclosure.cli",
    ],
)
def test_validate_and_render_are_the_functions_whatever_was_imported_first(first: str) -> None:
    code = (
        f"{first}\nimport govdisclosure as gd\n"
        "r = gd.load('examples/dehua_2014/report.json')\n"
        "print(gd.validate(r)[0].code, gd.render(r, 'text').splitlines()[0])"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    assert out == "GD102 索引号：qz11402-1000-2014-00002\n"
