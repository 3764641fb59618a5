"""``govdisclosure validate``: output formats, exit statuses, several files, unreadable files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from govdisclosure import dumps
from govdisclosure.cli import main
from tests.conftest import EXAMPLE_DIR
from tests.validate.clean import clean_previous, clean_report

SEED = str(EXAMPLE_DIR / "report.json")
ITEM_3 = "$.body[1].children[2]"


@pytest.fixture
def clean(tmp_path: Path) -> str:
    path = tmp_path / "clean.json"
    path.write_text(dumps(clean_report()), encoding="utf-8")
    return str(path)


@pytest.fixture
def broken(tmp_path: Path) -> str:
    """The clean report with its published time a day before its document date (GD302, an error)."""
    data = json.loads(dumps(clean_report()))
    data["header"]["published_at"] = "2023-01-19T16:05"
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


def test_text_output_on_the_seed(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", SEED]) == 0  # warnings and hints only
    captured = capsys.readouterr()
    assert captured.out.splitlines() == [
        f"{SEED}:{ITEM_3}.power.matters: GD102 warning: 行政权利事项51项，分类合计41项（2 + 4 + 35），"
        "10项未归类",
        f"{SEED}:{ITEM_3}.risks.points: GD103 info: 廉政风险点47个，分级合计17个（8 + 9），30个未分级或为低级",
        f"{SEED}:{ITEM_3}.risks.measures: GD104 info: 防控措施42个，少于廉政风险点47个",
    ]
    assert captured.err == ""


def test_english_messages(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--lang", "en", "--select", "GD102", SEED]) == 0
    assert capsys.readouterr().out == (
        f"{SEED}:{ITEM_3}.power.matters: GD102 warning: 51 administrative power matters stated, "
        "but the categories add up to 41 (2 + 4 + 35): 10 left uncategorised\n"
    )


def test_a_clean_file_prints_nothing_and_exits_0(
    clean: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", clean]) == 0
    assert capsys.readouterr().out == ""


def test_an_error_exits_1(broken: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", broken]) == 1
    assert capsys.readouterr().out == (
        f"{broken}:$.header.published_at: GD302 error: 发布时间2023年1月19日早于成文日期2023年1月20日\n"
    )
    assert main(["validate", "--ignore", "GD302", broken]) == 0


def test_json_output_for_several_files(
    clean: str, broken: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", "--format", "json", SEED, clean, broken]) == 1
    records = json.loads(capsys.readouterr().out)
    assert [(r["file"], r["code"], r["severity"]) for r in records] == [
        (SEED, "GD102", "warning"),
        (SEED, "GD103", "info"),
        (SEED, "GD104", "info"),
        (broken, "GD302", "error"),
    ]
    assert records[0] == {
        "file": SEED,
        "code": "GD102",
        "severity": "warning",
        "path": f"{ITEM_3}.power.matters",
        "message": "行政权利事项51项，分类合计41项（2 + 4 + 35），10项未归类",
        "message_en": "51 administrative power matters stated, but the categories add up to 41 "
        "(2 + 4 + 35): 10 left uncategorised",
        "expected": "2 + 4 + 35 = 41",
        "found": "51",
    }


def test_json_output_when_nothing_is_found(clean: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--format", "json", clean]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_unreadable_and_unloadable_files_exit_2_and_the_rest_is_checked(
    tmp_path: Path, broken: str, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema_version": 1, "title": "t", "year": "2014"}', encoding="utf-8")
    missing = tmp_path / "missing.json"
    assert main(["validate", str(missing), str(bad), broken]) == 2
    captured = capsys.readouterr()
    assert captured.out.count("GD302 error") == 1  # the loadable file is still checked
    err = captured.err.splitlines()
    assert f"govdisclosure: error: cannot read {missing}: No such file or directory" in err
    assert f"{bad}: $.year: expected an integer, got '2014'" in err
    assert "Traceback" not in captured.err


def test_selection_by_comma_and_repetition(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--select", "GD102,GD104", "--select", "GD3", SEED]) == 0
    out = capsys.readouterr().out
    assert ["GD102" in out, "GD103" in out, "GD104" in out] == [True, False, True]


@pytest.mark.parametrize(
    "argv",
    [["validate"], ["validate", "--select", "GD999", SEED], ["validate", "--format", "xml", SEED]],
)
def test_usage_errors_exit_2_on_one_line(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    try:
        status = main(argv)
    except SystemExit as exc:  # argparse's own errors
        status = int(exc.code or 0)
    assert status == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "error:" in err


def test_previous_year(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    prev = tmp_path / "2021.json"
    prev.write_text(dumps(clean_previous()), encoding="utf-8")
    data = json.loads(dumps(clean_report()))
    data["body"][1]["children"][0]["disclosure"]["cumulative"]["value"] = 850
    now = tmp_path / "2022.json"
    now.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert main(["validate", str(now)]) == 0
    assert capsys.readouterr().out == ""
    assert main(["validate", "--previous", str(prev), str(now)]) == 0
    assert "GD108 warning" in capsys.readouterr().out
    # a previous report on the wrong year is a usage problem: exit 2, one line, nothing checked
    assert main(["validate", "--previous", str(now), str(now)]) == 2
    captured = capsys.readouterr()
    assert captured.err == (
        f"{now}: the report is on 2022, --previous {now} on 2022 (expected 2021)\n"
    )


def test_the_rule_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--rules", "--select", "GD10", "--ignore", "GD103,GD104,GD105"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[:3] for line in lines] == [
        ["GD101", "error", "total-below-parts"],
        ["GD102", "warning", "uncategorised-parts"],
        ["GD106", "warning", "risk-point-without-measure"],
        ["GD107", "error", "cumulative-below-this-year"],
        ["GD108", "warning", "cumulative-below-last-year"],
        ["GD109", "info", "measure-word-differs"],
    ]
    assert lines[0].endswith("总数小于其分项之和")
    assert main(["validate", "--rules", "--lang", "en", "--select", "GD101"]) == 0
    assert (
        capsys.readouterr().out
        == "GD101  error    total-below-parts  A total is smaller than the sum of its parts\n"
    )


def test_help_says_the_output_format(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["validate", "--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    assert "FILE:PATH: CODE SEVERITY: MESSAGE" in out
    assert "0 no error-level diagnostic, 1 at least one error, 2 a file could not be read" in out
