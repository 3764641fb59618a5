"""``govdisclosure render`` and ``govdisclosure demo``."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from docx import Document

from govdisclosure import DisclosureReport, loads
from govdisclosure.cli import main
from govdisclosure.render import render_html, render_markdown, render_text
from tests.conftest import EXAMPLE_DIR

EXAMPLE = str(EXAMPLE_DIR / "report.json")


def test_demo_prints_the_text_rendering(
    capsys: pytest.CaptureFixture[str], example_report: DisclosureReport
) -> None:
    assert main(["demo"]) == 0
    assert capsys.readouterr().out == render_text(example_report)


def test_demo_json(capsys: pytest.CaptureFixture[str], example_report: DisclosureReport) -> None:
    assert main(["demo", "--json"]) == 0
    assert loads(capsys.readouterr().out) == example_report


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--to", "text"], lambda r: render_text(r)),
        (["--to", "text", "--width", "40"], lambda r: render_text(r, width=40)),
        (
            ["--to", "text", "--date-style", "chinese"],
            lambda r: render_text(r, date_style="chinese"),
        ),
        (["--to", "markdown"], lambda r: render_markdown(r)),
        (["--to", "html"], lambda r: render_html(r)),
        (["--to", "html", "--full-page"], lambda r: render_html(r, full_page=True)),
    ],
)
def test_render_to_standard_output(
    capsys: pytest.CaptureFixture[str],
    example_report: DisclosureReport,
    args: list[str],
    expected: object,
) -> None:
    assert main(["render", EXAMPLE, *args]) == 0
    assert capsys.readouterr().out == expected(example_report)  # type: ignore[operator]


def test_render_to_files(tmp_path: Path, example_report: DisclosureReport) -> None:
    for to, name in (
        ("text", "r.txt"),
        ("markdown", "r.md"),
        ("html", "r.html"),
        ("docx", "r.docx"),
    ):
        out = tmp_path / name
        assert main(["render", EXAMPLE, "--to", to, "-o", str(out)]) == 0
        assert out.stat().st_size > 0
    assert (tmp_path / "r.txt").read_text(encoding="utf-8") == render_text(example_report)
    document = Document(str(tmp_path / "r.docx"))
    # The title broken by meaning: a line break between its lines.
    assert document.paragraphs[0].text == "2014年政府信息公开工作\n进展情况“成绩单”"
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "r.docx",
        "r.html",
        "r.md",
        "r.txt",
    ]  # no temp left


def test_render_reads_standard_input(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    example_report: DisclosureReport,
) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(Path(EXAMPLE).read_bytes()), encoding="utf-8")
    monkeypatch.setattr("sys.stdin", stdin)
    assert main(["render", "-", "--to", "text"]) == 0
    assert capsys.readouterr().out == render_text(example_report)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--to", "html", "--width", "40"], "--width applies to --to text only"),
        (["--to", "text", "--full-page"], "--full-page applies to --to html only"),
        (["--to", "text", "--width", "3"], "--width must be at least 8 display columns, got 3"),
    ],
)
def test_bad_options_are_one_line_errors(
    capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    assert main(["render", EXAMPLE, *args]) == 2
    err = capsys.readouterr().err
    assert err == f"govdisclosure: error: {message}\n"


def test_unknown_format_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["render", EXAMPLE, "--to", "pdf"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "invalid choice: 'pdf' (choose from 'text', 'markdown', 'html', 'docx', 'xlsx')" in err
    assert len(err.strip().splitlines()) == 1


def test_missing_and_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", str(tmp_path / "missing.json"), "--to", "text"]) == 2
    assert "cannot read" in capsys.readouterr().err
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema_version": 1, "title": 1}', encoding="utf-8")
    assert main(["render", str(bad), "--to", "html"]) == 2
    assert "$.title" in capsys.readouterr().err


def test_docx_is_not_written_to_a_terminal(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    master, slave = os.openpty()
    try:
        terminal = open(slave, "w", encoding="utf-8")  # noqa: SIM115 (closed below)
        monkeypatch.setattr("sys.stdout", terminal)
        assert main(["render", EXAMPLE, "--to", "docx"]) == 2
        terminal.close()
    finally:
        os.close(master)
    assert "DOCX is binary: give -o FILE or redirect standard output" in capsys.readouterr().err


def test_a_failed_write_leaves_the_old_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "r.html"
    out.write_text("old", encoding="utf-8")
    assert main(["render", str(tmp_path / "missing.json"), "--to", "html", "-o", str(out)]) == 2
    assert out.read_text(encoding="utf-8") == "old"
    assert main(["render", EXAMPLE, "--to", "html", "-o", str(tmp_path / "no" / "dir.html")]) == 2
    assert "cannot write" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.html"]


def test_render_xlsx(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    out = tmp_path / "tables.xlsx"
    statutory = "examples/statutory_2021/report.json"
    assert main(["render", statutory, "--to", "xlsx", "-o", str(out)]) == 0
    workbook = openpyxl.load_workbook(out)
    assert [ws.title[:2] for ws in workbook.worksheets] == ["表二", "表三", "表四"]
    # A narrative report has no tables to put in a spreadsheet: one line, exit 2, no file.
    assert main(["render", EXAMPLE, "--to", "xlsx", "-o", str(tmp_path / "none.xlsx")]) == 2
    err = capsys.readouterr().err
    assert "no statutory tables" in err
    assert len(err.strip().splitlines()) == 1
    assert not (tmp_path / "none.xlsx").exists()
