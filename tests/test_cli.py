"""The command line: subcommands, exit statuses and one-line errors."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import jsonschema
import pytest

import govdisclosure
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


# -o: outputs that never destroy what was there (issue: data loss)


def _reader(path: Path, into: list[bytes]) -> threading.Thread:
    def read() -> None:
        with open(path, "rb") as f:
            into.append(f.read())

    thread = threading.Thread(target=read, daemon=True)
    thread.start()
    return thread


def test_o_writes_through_a_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    thread = _reader(fifo, got)
    assert main(["schema", "-o", str(fifo)]) == 0
    thread.join(timeout=10)
    assert stat.S_ISFIFO(fifo.lstat().st_mode)  # still a pipe, not a file renamed over it
    assert json.loads(got[0]) == json_schema()


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root")
def test_o_writes_through_a_device(tmp_path: Path) -> None:
    null = tmp_path / "null"  # a /dev/null of our own: the machine's is not ours to risk
    os.mknod(null, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    assert main(["schema", "-o", str(null)]) == 0
    assert stat.S_ISCHR(null.lstat().st_mode)


def test_o_follows_a_symlink_to_its_target(tmp_path: Path) -> None:
    target = tmp_path / "real.json"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    assert main(["schema", "-o", str(link)]) == 0
    assert link.is_symlink()
    assert json.loads(target.read_text(encoding="utf-8")) == json_schema()


@pytest.mark.parametrize("via_link", [False, True])
def test_o_refuses_the_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], via_link: bool
) -> None:
    page = tmp_path / "page.txt"
    page.write_text(
        "2014年政府信息公开工作报告\n\n一、概述\n\n全年公开信息30条。\n", encoding="utf-8"
    )
    before = page.read_bytes()
    out = page
    if via_link:
        out = tmp_path / "out.json"
        out.symlink_to(page)
    assert main(["parse", str(page), "-o", str(out)]) == 2
    assert page.read_bytes() == before
    assert "is the input" in capsys.readouterr().err
    assert main(["render", EXAMPLE, "--to", "html", "-o", EXAMPLE]) == 2


def test_o_gives_a_new_file_the_umask_mode(tmp_path: Path) -> None:
    previous = os.umask(0o027)
    try:
        assert main(["schema", "-o", str(tmp_path / "new.json")]) == 0
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "new.json").stat().st_mode) == 0o640
    kept = tmp_path / "kept.json"
    kept.write_text("{}", encoding="utf-8")
    kept.chmod(0o600)
    assert main(["schema", "-o", str(kept)]) == 0
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600  # a replaced file keeps its mode
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kept.json", "new.json"]  # no temp left


# Terminal output: a page's text must not drive the terminal


OSC52 = "\x1b]52;c;ZXZpbA==\x07"


def test_parse_diagnostics_escape_control_characters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "page.txt"
    # GP302 quotes the title of a document whose number it cannot read: the page's own text
    page.write_text(
        f"2014年政府信息公开工作报告\n\n一、概述\n\n全年印发《关于{OSC52}\x9b2J的通知》（德政〔2014号）。\n",
        encoding="utf-8",
    )
    assert main(["parse", str(page), "-o", str(tmp_path / "out.json")]) == 0
    err = capsys.readouterr().err
    assert "GP302" in err
    assert "\x1b" not in err
    assert "\x07" not in err
    assert "\x9b" not in err


def test_validate_and_check_escape_control_characters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = json.loads(Path(EXAMPLE).read_text(encoding="utf-8"))
    data["year"] = f"2014{OSC52}"
    bad = tmp_path / f"bad{OSC52}.json"
    bad.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert main(["validate", str(bad)]) == 2
    assert main(["check", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "\x1b" not in err
    assert "\x07" not in err
    assert "\\x1b]52" in err  # shown, escaped


def test_an_error_quoting_a_huge_value_is_short(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = json.loads(Path(EXAMPLE).read_text(encoding="utf-8"))
    data["year"] = "9" * 1_000_000
    bad = tmp_path / "huge.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    assert main(["check", str(bad)]) == 2
    err = capsys.readouterr().err
    assert len(err) < 1_000
    assert "$.year: expected an integer, got '999" in err


def test_parse_positions_are_those_of_the_span(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from govdisclosure.cli._parse import LineIndex
    from govdisclosure.model import Span

    text = "一\n\n二三\n四五六\n\n"
    index = LineIndex(text)
    for offset in range(len(text) + 1):
        assert index.line_column(offset) == Span(offset, offset).line_column(text)


def test_o_to_standard_output_through_a_link_writes_to_the_pipe(tmp_path: Path) -> None:
    """``-o /dev/stdout`` (a link to ``/proc/self/fd/1``, itself a link to ``pipe:[…]``); tested with
    a link of our own to ``/proc/self/fd/1``, so that a regression replaces that link, not the
    machine's /dev/stdout."""
    link = tmp_path / "stdout"
    link.symlink_to("/proc/self/fd/1")
    proc = subprocess.run(
        [sys.executable, "-m", "govdisclosure", "schema", "-o", str(link)],
        capture_output=True,
        check=False,
        env={**os.environ, "PYTHONPATH": str(Path(govdisclosure.__file__).parents[1])},
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == json_schema()
    assert link.is_symlink()
