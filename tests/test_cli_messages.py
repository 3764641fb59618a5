"""The command line says what a file looks like and which command reads it, names flags not Python, and
warns when --previous is another agency's report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from govdisclosure.cli import main
from tests.conftest import ROOT

REPORT = ROOT / "examples" / "dehua_2014" / "report.json"


@pytest.fixture
def page(tmp_path: Path) -> Path:
    path = tmp_path / "page.txt"
    path.write_text("2014年政府信息公开工作报告\n\n　　一、概述\n", encoding="utf-8")
    return path


def test_parse_refuses_report_json_and_names_the_commands_that_read_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["parse", str(REPORT)]) == 2
    err = capsys.readouterr().err
    assert "is report JSON, not a page" in err
    assert "validate or render" in err
    assert len(err.splitlines()) == 1


@pytest.mark.parametrize("command", [["validate"], ["render", "--to", "text"]])
def test_validate_and_render_say_a_page_is_for_parse(
    command: list[str], page: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*command, str(page)]) == 2
    err = capsys.readouterr().err
    assert f"govdisclosure parse {page} reads it into report JSON" in err
    assert "malformed JSON" not in err


def test_the_output_format_is_to_or_format_in_both_commands(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["validate", "--to", "json", str(REPORT)]) == 0
    assert json.loads(capsys.readouterr().out)[0]["code"] == "GD102"
    assert main(["render", "--format", "text", str(REPORT)]) == 0
    assert capsys.readouterr().out.startswith("索引号：")


def test_a_bad_width_names_the_flag(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", "--to", "text", "--width", "3", str(REPORT)]) == 2
    err = capsys.readouterr().err
    assert "--width must be at least 8" in err
    assert "None" not in err
    assert "int" not in err


def test_previous_of_another_publisher_is_warned(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = json.loads(REPORT.read_text(encoding="utf-8"))
    data["year"] = 2013
    data["header"]["publisher"] = "某县财政局"
    previous = tmp_path / "previous.json"
    previous.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    main(["validate", str(REPORT), "--previous", str(previous)])
    err = capsys.readouterr().err
    assert "is by another publisher (某县财政局, this report: 德化县科学技术局)" in err
    data["header"]["publisher"] = "德化县科学技术局"
    previous.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    main(["validate", str(REPORT), "--previous", str(previous)])
    assert "another publisher" not in capsys.readouterr().err
