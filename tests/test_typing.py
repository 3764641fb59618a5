"""Type checkers see the public API as users use it: every name of the README and the API pages, and the
precise types (``render(r, "html")`` is ``str``, ``render(r, "docx")`` is ``bytes``).

``tests/typecheck/user_script.py`` is checked by ``mypy --strict`` and by Pyright in strict mode; each of its
``reveal_type(...)  # E: T`` lines must reveal ``T`` (module paths left out) to both.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

SCRIPT = ROOT / "tests" / "typecheck" / "user_script.py"
_QUALIFIED = re.compile(r"\b(?:[A-Za-z_]\w*\.)+(?=[A-Za-z_])")


def _expected() -> dict[int, str]:
    found = {}
    for number, line in enumerate(SCRIPT.read_text(encoding="utf-8").splitlines(), 1):
        if "reveal_type(" in line:
            found[number] = line.rsplit("# E: ", 1)[1].strip()
    return found


def _plain(revealed: str) -> str:
    return _QUALIFIED.sub("", revealed)


def test_the_user_script_passes_mypy_strict_with_the_expected_types() -> None:
    api = pytest.importorskip("mypy.api")
    out, err, status = api.run(
        ["--strict", "--cache-dir", str(ROOT / ".mypy_cache"), "--no-error-summary", str(SCRIPT)]
    )
    revealed = {}
    problems = []
    for line in out.splitlines():
        m = re.match(r".*user_script\.py:(\d+): (\w+): (.*)", line)
        if m is None:
            continue
        number, kind, text = int(m[1]), m[2], m[3]
        if kind == "note" and text.startswith("Revealed type is "):
            revealed[number] = _plain(text.removeprefix("Revealed type is ").strip('"'))
        else:
            problems.append(line)
    assert problems == [], err
    assert status == 0, out
    assert revealed == _expected()


def test_the_user_script_passes_pyright_strict_with_the_expected_types(tmp_path: Path) -> None:
    beside = Path(sys.executable).with_name(
        "pyright"
    )  # the environment's, when it is not activated
    pyright = str(beside) if beside.exists() else shutil.which("pyright")
    if pyright is None:
        pytest.skip("pyright is not installed (pip install 'govdisclosure[test]')")
    config = tmp_path / "pyrightconfig.json"
    config.write_text(
        json.dumps(
            {
                "pythonVersion": f"{sys.version_info.major}.{sys.version_info.minor}",
                "typeCheckingMode": "strict",
                "extraPaths": [str(ROOT / "src")],
            }
        ),
        encoding="utf-8",
    )
    done = subprocess.run(
        [pyright, "--outputjson", "-p", str(config), str(SCRIPT)],
        capture_output=True,
        text=True,
        check=False,
    )
    report = json.loads(done.stdout)
    revealed = {}
    problems = []
    for d in report["generalDiagnostics"]:
        number = d["range"]["start"]["line"] + 1
        m = re.fullmatch(r'Type of ".*" is "(.*)"', d["message"], re.DOTALL)
        if d["severity"] == "information" and m is not None:
            revealed[number] = _plain(m[1])
        else:
            problems.append(f"{number}: {d['severity']}: {d['message']}")
    assert problems == []
    assert revealed == _expected()
