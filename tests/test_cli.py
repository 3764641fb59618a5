"""The command line: subcommands, exit statuses and one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from govdisclosure import __version__, json_schema, loads
from govdisclosure.cli import main
from tests.conftest import EXAMPLE_DIR

EXAMPLE = str(EXAMPLE_DIR / "report.json")


def test_demo_prints_the_worked_example(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "--json"]) == 0
    out = capsys.readouterr().out
    assert loads(out).title == "2014年政府信息公开工作进展情况“成绩单”"


def test_schema(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema == json_schema()
    jsonschema.validate(json.loads(Path(EXAMPLE).read_text(encoding="utf-8")), schema)
    out = tmp_path / "schema.json"
    assert main(["schema", "-o", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8")) == schema


def test_check_ok(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", EXAMPLE]) == 0
    assert capsys.readouterr().out == f"{EXAMPLE}: OK\n"


def test_check_reports_every_problem_with_its_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(
        '{"schema_version": 1, "title": "t", "year": "2014", "format": "narrative", "boyd": []}',
        encoding="utf-8",
    )
    assert main(["check", str(bad), EXAMPLE, str(tmp_path / "missing.json")]) == 2
    captured = capsys.readouterr()
    assert captured.out == f"{EXAMPLE}: OK\n"
    assert f"{bad}: $.year: expected an integer, got '2014'" in captured.err
    assert f"{bad}: $: unknown field 'boyd'" in captured.err
    assert "missing.json: No such file or directory" in captured.err
    assert "Traceback" not in captured.err


def test_check_reads_standard_input(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"{oops")))
    assert main(["check", "-"]) == 2
    assert "-: $: malformed JSON at line 1 column 2" in capsys.readouterr().err


@pytest.mark.parametrize("argv", [[], ["frob"], ["check"], ["schema", "--bogus"]])
def test_usage_errors_are_one_line_and_exit_2(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith("govdisclosure")
    assert "error:" in err


@pytest.mark.parametrize("command", ["demo", "schema", "check"])
def test_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main([command, "--help"])
    assert info.value.code == 0
    assert "usage: govdisclosure" in capsys.readouterr().out


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--version"])
    assert capsys.readouterr().out.strip() == f"govdisclosure {__version__}"


def test_python_m_and_a_closed_pipe() -> None:
    # `govdisclosure demo | head -1`: the reader goes away; no traceback.
    proc = subprocess.run(
        f"{sys.executable} -m govdisclosure demo | head -1",
        shell=True,
        capture_output=True,
        text=True,
        check=True,
    )
    assert proc.stdout == "索引号：qz11402-1000-2014-00002\n"
    assert proc.stderr == ""


def test_a_bug_is_one_line_and_exit_70(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """An exception no command expects is a bug: one line naming it, status 70; the traceback on request."""
    import govdisclosure.cli._basic as basic

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("deliberately broken")

    monkeypatch.setattr(basic, "render_text", broken)
    monkeypatch.delenv("GOVDISCLOSURE_DEBUG", raising=False)
    assert main(["demo"]) == 70
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith("govdisclosure: internal error (a bug in govdisclosure ")
    assert err.endswith("RuntimeError: deliberately broken\n")
    monkeypatch.setenv("GOVDISCLOSURE_DEBUG", "1")
    with pytest.raises(RuntimeError, match="deliberately broken"):
        main(["demo"])
