"""``govdisclosure parse``: files and standard input, text and HTML, output and exit status."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from govdisclosure import load, loads
from govdisclosure.cli import main
from govdisclosure.cli._parse import guess_format
from tests.conftest import EXAMPLE_DIR, SEED

PAGE = Path(__file__).parent / "data" / "dehua_2014.html"


@pytest.fixture
def expected() -> object:
    return load(EXAMPLE_DIR / "report.json")


def test_an_html_file_by_its_extension(
    expected: object, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["parse", str(PAGE)]) == 0
    out, err = capsys.readouterr()
    assert loads(out) == expected
    assert err.splitlines()[-1] == "0 error, 6 warning, 2 info"


def test_html_from_standard_input_by_its_content(
    expected: object, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(PAGE.read_bytes())))
    assert main(["parse", "-"]) == 0
    assert loads(capsys.readouterr().out) == expected


def test_the_format_can_be_forced(
    tmp_path: Path, expected: object, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "page.dat"
    page.write_bytes(PAGE.read_bytes())
    assert main(["parse", str(page), "--from", "html"]) == 0
    assert loads(capsys.readouterr().out) == expected
    assert main(["parse", str(page), "--from", "text"]) == 0
    assert loads(capsys.readouterr().out) != expected  # markup read as text is not the report


def test_a_gb18030_text_file_is_read_with_a_note(
    tmp_path: Path, expected: object, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "page.txt"
    page.write_bytes(SEED.read_text(encoding="utf-8").encode("gb18030"))  # • is not in GBK
    assert main(["parse", str(page)]) == 0
    out, err = capsys.readouterr()
    assert loads(out) == expected
    assert [line for line in err.splitlines() if "GP002" in line] == [
        f"{page}:1:1: GP002 warning: 未声明编码且不是 UTF-8，按 GB18030 解码"
    ]


def test_an_unreadable_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(tmp_path / "missing.txt")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("govdisclosure: error: cannot read")
    assert "Traceback" not in err


def test_a_bad_option_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["parse", str(SEED), "--from", "pdf"])
    assert exc.value.code == 2


def test_diagnostics_name_the_file_and_print_no_dashes_without_a_place(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "p.txt"
    page.write_text("工作报告\n", encoding="utf-8")
    assert main(["parse", str(page)]) == 0
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [
        f"{page}: GP108 warning: 无法确定报告年度",
        "0 error, 1 warning, 0 info",
    ]
    assert captured.out.endswith("}\n")  # the JSON ends its line: stderr does not land on it
    assert main(["parse", str(page), "--lang", "en"]) == 0
    assert capsys.readouterr().err.splitlines()[0] == (
        f"{page}: GP108 warning: cannot tell the year the report is on"
    )


@pytest.mark.parametrize(
    ("name", "data", "guess"),
    [
        ("a.html", b"plain", "html"),
        ("a.TXT", b"<html>", "text"),
        ("-", b"  <!DOCTYPE html><html>", "html"),
        ("a.dat", b"<div>x</div>", "html"),
        ("a.dat", "2014年报告".encode(), "text"),
    ],
)
def test_guess_format(name: str, data: bytes, guess: str) -> None:
    assert guess_format(name, data) == guess


def test_the_installed_command(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    done = subprocess.run(
        [sys.executable, "-m", "govdisclosure", "parse", str(SEED), "-o", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert load(out) == load(EXAMPLE_DIR / "report.json")
    assert "GP401 warning" in done.stderr
