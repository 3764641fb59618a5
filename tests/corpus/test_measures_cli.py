"""The measures in ``govdisclosure batch`` on the worked example: the renamed bureau with and without the
alias file, the manifest's rules, and review state that survives a re-run on re-parsed files."""

from __future__ import annotations

import csv
import importlib.util
import json
import shutil
from pathlib import Path
from types import ModuleType

import pytest

from govdisclosure.cli import main
from tests.corpus.helpers import CORPUS_EXAMPLE, STATUTORY_JSON


def _example() -> ModuleType:
    spec = importlib.util.spec_from_file_location("corpus_example", CORPUS_EXAMPLE)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example's 36 reports (pages, JSON), its aliases.csv and manifest.csv."""
    directory = tmp_path_factory.mktemp("corpus")
    example = _example()
    example.write(example.generate(), directory)
    return directory


def _table(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _batch(out: Path, *argv: str) -> str:
    assert main(["batch", "--jobs", "1", "--no-progress", "-o", str(out), *argv]) == 0
    return out.name


def test_the_renamed_bureau_is_paired_through_the_alias_file_and_reported_without(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _batch(tmp_path / "plain", str(corpus / "json"))
    plain = capsys.readouterr().err
    assert "cross-year pairs checked: 23" in plain
    assert "look-alike publishers not paired: 1" in plain
    [pair] = _table(tmp_path / "plain" / "lookalikes.csv")
    assert (pair["name_a"], pair["name_b"]) == ("兰江县交通局", "兰江县交通运输局")
    assert (pair["years_a"], pair["years_b"], pair["disjoint"]) == ("2023", "2021 2022", "true")

    _batch(tmp_path / "aliased", str(corpus / "json"), "--aliases", str(corpus / "aliases.csv"))
    aliased = capsys.readouterr().err
    assert "cross-year pairs checked: 24" in aliased
    assert "look-alike publishers not paired: 0" in aliased
    assert _table(tmp_path / "aliased" / "lookalikes.csv") == []
    renamed = [
        r for r in _table(tmp_path / "aliased" / "reports.csv") if r["publisher"] == "兰江县交通局"
    ]
    assert [r["publisher_key"] for r in renamed] == ["兰江县交通运输局"]
    changes = [
        r
        for r in _table(tmp_path / "aliased" / "rates.csv")
        if r["file"].endswith("兰江县交通局-2023.json") and r["measure"] == "requests_change"
    ]
    assert [Path(r["previous_file"]).name for r in changes] == ["兰江县交通运输局-2022.json"]


def test_the_manifest_is_joined_and_its_rules_run(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _batch(tmp_path / "out", str(corpus / "json"), "--manifest", str(corpus / "manifest.csv"))
    capsys.readouterr()
    reports = {Path(r["file"]).stem: r for r in _table(tmp_path / "out" / "reports.csv")}
    late = reports["青山县交通运输局-2022"]
    assert (late["column"], late["first_seen"]) == ("政府信息公开年报", "2023-04-06T10:00:00")
    assert late["source_url"] == "https://xxgk.example.gov.cn/青山县交通运输局/ndbg/2022.html"
    found = {
        (r["rule"], r["publisher_key"], r["year"], r["expected"], r["found"])
        for r in _table(tmp_path / "out" / "findings.csv")
        if r["rule"].startswith("GC2")
    }
    assert found == {
        ("GC201", "青山县交通运输局", "2022", "2023-03-31", "2023-04-06"),
        ("GC202", "云岭县自然资源局", "2023", "2024-01-28", "2024-05-10"),
    }
    # a department's deadline, 31 January, makes none of the others late (published 28 January)
    _batch(tmp_path / "jan", str(corpus / "json"), "--deadline", "01-31")
    capsys.readouterr()
    assert not [r for r in _table(tmp_path / "jan" / "findings.csv") if r["rule"] == "GC201"]


def test_a_dismissed_finding_stays_dismissed_after_re_parsing_and_a_changed_figure_is_new(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _batch(tmp_path / "first", str(corpus / "pages"))
    first = _table(tmp_path / "first" / "findings.csv")
    review = _table(tmp_path / "first" / "review.csv")
    assert [r["status"] for r in review] == ["pending"] * len(first)
    by_rule = {(r["rule"], r["publisher_key"], r["found"]): r for r in first}
    repeated = by_rule["GC101", "石门县自然资源局", "0.69"]
    carried = by_rule["GD706", "白沙县交通运输局", "8"]
    for row in review:
        if row["fingerprint"] in (repeated["fingerprint"], carried["fingerprint"]):
            row["status"], row["note"] = "dismissed", "核实：已说明"
    edited = tmp_path / "review.csv"
    with edited.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(review[0]))
        writer.writeheader()
        writer.writerows(review)

    # the same reports, re-parsed from pages copied elsewhere: the findings are found again, and
    # those dismissed are not reported
    again = tmp_path / "again"
    shutil.copytree(corpus / "pages", again)
    _batch(tmp_path / "second", str(again), "--review", str(edited))
    err = capsys.readouterr().err
    second = _table(tmp_path / "second" / "findings.csv")
    assert {r["fingerprint"] for r in second} == {r["fingerprint"] for r in first} - {
        repeated["fingerprint"],
        carried["fingerprint"],
    }
    assert f"findings: {len(first) - 2} ({len(first) - 2} pending, 0 confirmed; 2 dismissed" in err
    kept = {r["fingerprint"]: r for r in _table(tmp_path / "second" / "review.csv")}
    assert kept[carried["fingerprint"]]["status"] == "dismissed"
    assert kept[carried["fingerprint"]]["note"] == "核实：已说明"
    assert (
        Path(kept[carried["fingerprint"]]["file"]).parent == again
    )  # found again, in the new place

    # a changed figure: 白沙县交通运输局 2023 brings forward 9 in all, not 8: a new finding, pending
    changed = tmp_path / "changed"
    shutil.copytree(corpus / "json", changed)
    path = changed / "白沙县交通运输局-2023.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    brought = data["tables"]["t3"]["rows"]["brought_forward"]
    brought["total"], brought["commercial"] = brought["total"] + 1, brought["commercial"] + 1
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    _batch(tmp_path / "third", str(changed), "--review", str(edited))
    capsys.readouterr()
    third = {
        (r["rule"], r["path"], r["found"]): r for r in _table(tmp_path / "third" / "findings.csv")
    }
    new = third["GD706", "$.tables.t3.rows.brought_forward.total", "9"]
    assert new["status"] == "pending"
    assert new["fingerprint"] != carried["fingerprint"]


@pytest.mark.parametrize(
    ("option", "text", "message"),
    [
        ("--aliases", "alias\n县科技局\n", "aliases.csv:1: expected the header alias,canonical"),
        (
            "--manifest",
            "file,first_seen\na.json,2023-13-01\n",
            "manifest.csv:2: first_seen '2023-13-01'",
        ),
        (
            "--review",
            "fingerprint,status\nabc,maybe\n",
            "review.csv:2: status 'maybe': expected one of",
        ),
    ],
)
def test_a_bad_measures_file_is_one_line_and_exit_2(
    tmp_path: Path, option: str, text: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / f"{option[2:]}.csv"
    path.write_text(text, encoding="utf-8")
    assert main(["batch", str(STATUTORY_JSON), option, str(path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert message in err[0]


def test_no_measures_writes_empty_measure_tables(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _batch(tmp_path / "out", str(STATUTORY_JSON), "--no-measures")
    assert "findings:" not in capsys.readouterr().err
    assert _table(tmp_path / "out" / "rates.csv") == []
    [report] = _table(tmp_path / "out" / "reports.csv")
    assert report["publisher_key"] == ""
