"""The documentation: generated pages are current, every page is in the site, every example runs."""

from __future__ import annotations

import importlib.util
import runpy
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import ROOT

DOCS = ROOT / "docs"


def _cli_reference_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "cli_reference", DOCS / "_ext" / "cli_reference.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(
    sys.version_info >= (3, 13),
    reason="argparse lists options differently from Python 3.13 on (-o, --output OUT); "
    "docs/reference/cli.md is written with the Python of CI (3.11)",
)
def test_the_cli_reference_is_up_to_date() -> None:
    assert (DOCS / "reference" / "cli.md").read_text(encoding="utf-8") == (
        _cli_reference_module().cli_reference()
    ), (
        "docs/reference/cli.md is out of date: run python docs/_ext/cli_reference.py > docs/reference/cli.md"
    )


# Every script of examples/ and how its run is checked: what it prints must be the committed JSON, or a
# report whose validation finds what the script says it breaks.
EXAMPLES = ROOT / "examples"
SCRIPTS = {
    "dehua_2014/build.py": "dehua_2014/report.json",
    "statutory_2021/build.py": "statutory_2021/report.json",
    "statutory_2021/build_errors.py": None,
    "corpus/corpus.py": None,  # run by tests/corpus/test_example.py, which checks what it finds
}


def _run_script(script: str) -> str:
    done = subprocess.run(
        [sys.executable, str(EXAMPLES / script)],
        cwd=ROOT,
        capture_output=True,
        check=True,
        timeout=300,
    )
    return done.stdout.decode("utf-8")


def test_every_example_script_is_run_here() -> None:
    found = {p.relative_to(EXAMPLES).as_posix() for p in EXAMPLES.rglob("*.py")}
    assert found == set(SCRIPTS), "a script of examples/ is not run by tests/test_docs.py"


@pytest.mark.parametrize("script", [s for s, out in SCRIPTS.items() if out is not None])
def test_an_example_script_prints_its_committed_report(script: str) -> None:
    committed = SCRIPTS[script]
    assert committed is not None
    assert _run_script(script) == (EXAMPLES / committed).read_text(encoding="utf-8")


def test_the_faulty_example_breaks_the_identities_it_names() -> None:
    from govdisclosure import loads, validate

    report = loads(_run_script("statutory_2021/build_errors.py"))
    errors = {d.code for d in validate(report) if d.severity.value == "error"}
    namespace = runpy.run_path(str(EXAMPLES / "statutory_2021" / "build_errors.py"))
    aimed = {e.aimed_at for e in namespace["ERRORS"]}
    assert aimed == {"T3-1", "T3-2", "T3-3", "T4-1"}
    assert errors == {"GD701", "GD702", "GD703", "GD704"}


def test_the_examples_index_names_every_example() -> None:
    index = (EXAMPLES / "README.md").read_text(encoding="utf-8")
    for folder in sorted({Path(s).parent.as_posix() for s in SCRIPTS}):
        assert f"]({folder}/)" in index, f"examples/README.md does not link to {folder}/"
    for script in SCRIPTS:
        assert script in index, f"examples/README.md does not name {script}"
