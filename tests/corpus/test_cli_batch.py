"""``govdisclosure batch``: exit statuses, what goes where, the tables, the progress bar."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from govdisclosure.cli import main
from tests.corpus.helpers import ROOT, SEED_JSON, STATUTORY_JSON, folder


def test_all_good_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["batch", "--jobs", "1", str(SEED_JSON), str(STATUTORY_JSON)]) == 0
    captured = capsys.readouterr()
    # the seed report's three findings, as validate prints them; the 2021 report has none
    assert captured.out.splitlines() == [
        f"{SEED_JSON}:$.body[1].children[2].power.matters: GD102 warning: "
        "行政权利事项51项，分类合计41项（2 + 4 + 35），10项未归类",
        f"{SEED_JSON}:$.body[1].children[2].risks.points: GD103 info: "
        "廉政风险点47个，分级合计17个（8 + 9），30个未分级或为低级",
        f"{SEED_JSON}:$.body[1].children[2].risks.measures: GD104 info: 防控措施42个，少于廉政风险点47个",
    ]
    assert "files: 2 in" in captured.err
    assert "failures: 0" in captured.err
    assert "\r" not in captured.err  # no progress bar when standard error is not a terminal


def test_a_failed_file_exits_1_and_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = folder(tmp_path)
    assert main(["batch", "-j", "2", str(tmp_path)]) == 1
    captured = capsys.readouterr()
    assert f"{files[2]}: failed: load: " in captured.out
    assert "reports: 3" in captured.err
    assert f"  {files[2]}: load: " in captured.err
    # input order: every line of a.txt before b.json's, before c_bad.json's, before d.html's
    owners = [line.split(":", 1)[0] for line in captured.out.splitlines()]
    order = [str(f) for f in files]
    assert owners == sorted(owners, key=order.index)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["batch", "no/such/dir"], "no such file or directory: no/such/dir"),
        (["batch", "--jobs", "0", str(SEED_JSON)], "--jobs must be 1 or more"),
        (["batch", "--parquet", str(SEED_JSON)], "--parquet and --bom need -o OUT"),
        (["batch", "--copied", "0.4", str(SEED_JSON)], "--similar ≤ --copied"),
        (["batch", "-o", str(SEED_JSON), str(SEED_JSON)], "not a directory"),
    ],
)
def test_usage_errors_exit_2(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("govdisclosure: error: ")
    assert message in err
    assert len(err.splitlines()) == 1


def test_an_empty_directory_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["batch", str(tmp_path)]) == 2
    assert "no report files" in capsys.readouterr().err


def test_tables_in_a_directory(tmp_path: Path) -> None:
    folder(tmp_path / "in")
    out = tmp_path / "out"
    assert main(["batch", "-j", "1", "-o", str(out), str(tmp_path / "in")]) == 1
    names = sorted(p.name for p in out.iterdir())
    assert names == [
        "cells.csv",
        "diagnostics.csv",
        "findings.csv",
        "lookalikes.csv",
        "pairs.csv",
        "passages.csv",
        "rates.csv",
        "reports.csv",
        "review.csv",
        "summary.json",
    ]
    reports = (out / "reports.csv").read_text(encoding="utf-8").splitlines()
    assert reports[0].startswith("file,source,status,error,publisher,year,")
    assert [line.split(",")[2] for line in reports[1:]] == ["ok", "ok", "failed", "ok"]
    cells = (out / "cells.csv").read_text(encoding="utf-8").splitlines()
    # the 2021 format stores 3 + 3 + 1 + 1 + 1 + 1 = 10 cells in 二, 25 × 7 in 三, 3 × 5 in 四
    assert len(cells) - 1 == 10 + 25 * 7 + 15
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert (summary["files"], summary["reports"], summary["failed"]) == (4, 3, 1)


def test_bom_for_excel(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["batch", "-j", "1", "--bom", "-o", str(out), str(SEED_JSON)]) == 0
    assert (out / "reports.csv").read_bytes().startswith(b"\xef\xbb\xbffile,source,")
    assert main(["batch", "-j", "1", "-o", str(out), str(SEED_JSON)]) == 0
    assert (out / "reports.csv").read_bytes().startswith(b"file,source,")


def test_progress_bar_on_a_terminal_only(tmp_path: Path) -> None:
    argv = [sys.executable, "-m", "govdisclosure", "batch", "-j", "1", str(SEED_JSON)]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    piped = subprocess.run(argv, capture_output=True, text=True, env=env, check=False)
    assert piped.returncode == 0
    assert "[" not in piped.stderr.split("files: ")[0]
    leader, follower = pty.openpty()
    with subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=follower, env=env) as process:
        os.close(follower)
        seen = b""
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # the terminal closed: the process is done
                break
            if not chunk:
                break
            seen += chunk
        assert process.wait() == 0
    os.close(leader)
    text = seen.decode("utf-8")
    assert "\r[" + "#" * 30 + "] 1/1 files" in text
    assert "files: 1 in" in text
