"""A batch that no single file can stop, outputs that never destroy what was there (in process).

The fault-injection tests that kill, interrupt and starve a real ``govdisclosure batch`` process are in
``test_faults.py``.
"""

from __future__ import annotations

import contextlib
import csv
import errno
import json
import os
import shutil
import signal
import sys
import threading
import time
import weakref
from pathlib import Path
from typing import Any

import attrs
import pytest

from govdisclosure import load
from govdisclosure.cli import main
from govdisclosure.corpus import (
    Collector,
    CsvTable,
    Exporter,
    FileResult,
    Limits,
    Source,
    Status,
    TableSink,
    _process,
    collect,
    process_file,
    process_files,
    run,
)
from tests.corpus.helpers import SEED_JSON, SEED_PAGE, STATUTORY_JSON, killing_chunk


def _tables(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


def _previous_run(tmp_path: Path) -> tuple[Path, dict[str, bytes]]:
    out = tmp_path / "out"
    assert main(["batch", "-j", "1", "-o", str(out), str(SEED_JSON), str(STATUTORY_JSON)]) == 0
    return out, _tables(out)


def _no_leftovers(out: Path) -> None:
    assert [p.name for p in out.parent.iterdir() if p.name.startswith(f".{out.name}.")] == []


# Not a report: a failure with its reason, never an ok report of year 0


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "read: empty file"),
        (b" \n\t\n", "read: blank file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "read: binary content"),
        (b"just some words", "parse: not a report"),
    ],
)
def test_input_that_is_not_a_report_fails_with_its_reason(
    tmp_path: Path, content: bytes, reason: str
) -> None:
    path = tmp_path / "page.txt"
    path.write_bytes(content)
    result = process_file(path)
    assert result.status is Status.FAILED
    assert result.error is not None
    assert result.error.startswith(reason)


def test_batch_writes_no_binary_bytes_into_the_tables(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    (tmp_path / "in" / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe\x01\x02")
    shutil.copy(SEED_JSON, tmp_path / "in" / "seed.json")
    out = tmp_path / "out"
    assert main(["batch", "-j", "1", "-o", str(out), str(tmp_path / "in")]) == 1
    text = (out / "reports.csv").read_text(encoding="utf-8")
    assert "\x00" not in text
    assert "\ufffd" not in text
    rows = list(csv.DictReader(text.splitlines()))
    assert [(Path(r["file"]).name, r["status"]) for r in rows] == [
        ("empty.txt", "failed"),
        ("image.html", "failed"),
        ("seed.json", "ok"),
    ]
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["failed"] == 2
    assert summary["complete"] is True


def test_a_fifo_is_skipped_with_a_reason_not_waited_on(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    results: list[FileResult] = []
    thread = threading.Thread(target=lambda: results.append(process_file(fifo)), daemon=True)
    thread.start()
    thread.join(timeout=10)
    assert results, "process_file blocked on a FIFO"
    assert results[0].error == "read: not a regular file: a FIFO (named pipe), skipped"


def test_a_file_over_the_size_limit_fails(tmp_path: Path) -> None:
    result = process_file(SEED_PAGE, limits=Limits(max_bytes=1_000))
    assert result.error == "read: larger than the limit of 1,000 bytes"
    assert process_file(SEED_PAGE, limits=Limits(max_bytes=None)).ok


def test_a_file_over_the_time_limit_fails_and_the_next_runs(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text(SEED_PAGE.read_text(encoding="utf-8") * 200, encoding="utf-8")
    result = process_file(big, limits=Limits(max_seconds=0.1))
    assert result.error == "parse: took longer than the limit of 0.1 s"
    time.sleep(0.2)  # no timer left behind to fire later
    assert process_file(SEED_JSON).ok
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_a_limit_fired_in_a_weakref_callback_is_not_reported_and_still_ends_the_block() -> None:
    """The interpreter reports an exception raised in a weakref callback ("Exception ignored in") and
    drops it; the limit's is dropped silently (the next tick raises it again)."""

    class Box:
        pass

    def slow(_: object) -> None:
        busy = time.monotonic() + 0.3
        while time.monotonic() < busy:  # the limit (0.1 s) fires in here
            pass

    def limited() -> None:
        with _process.time_limit(0.1):
            box = Box()
            ref = weakref.ref(box, slow)
            del box  # the callback runs now, for 0.3 s
            assert ref() is None
            for _ in range(200):
                time.sleep(0.01)  # the next tick raises here

    reported: list[Any] = []
    hook = sys.unraisablehook
    sys.unraisablehook = reported.append
    try:
        with pytest.raises(_process.TimeLimitExceeded):
            limited()
    finally:
        sys.unraisablehook = hook
    assert reported == []


def test_the_time_limit_is_not_lost_in_a_garbage_collection_callback(tmp_path: Path) -> None:
    """An exception raised inside a gc callback (hypothesis and profilers install them) is printed and
    dropped: the limit fired there was lost and the file parsed to its end. It is tried again."""
    import gc

    def slow_callback(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            busy = time.monotonic() + 0.002
            while time.monotonic() < busy:  # the alarm is likely to fire in here
                pass

    big = tmp_path / "big.txt"
    big.write_text(SEED_PAGE.read_text(encoding="utf-8") * 200, encoding="utf-8")
    gc.callbacks.append(slow_callback)
    threshold = gc.get_threshold()
    gc.set_threshold(50)  # collections all the time
    try:
        result = process_file(big, limits=Limits(max_seconds=0.1))
    finally:
        gc.callbacks.remove(slow_callback)
        gc.set_threshold(*threshold)
    assert result.error == "parse: took longer than the limit of 0.1 s"
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def _busy(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


def _swallow_once() -> int:
    """Busy past the limit, swallowing the first tick as the interpreter does in a finaliser."""
    swallowed = 0
    with _process.time_limit(0.05):
        try:
            _busy(1.0)
        except _process.TimeLimitExceeded:
            swallowed += 1
        _busy(1.0)
    return swallowed


def test_a_time_limit_swallowed_once_is_raised_again_at_the_next_tick() -> None:
    """The interpreter drops an exception raised in a __del__, a weakref callback or a generator the
    collector closes; the limit must not be lost with it."""
    started = time.monotonic()
    with pytest.raises(_process.TimeLimitExceeded):
        _swallow_once()
    assert time.monotonic() - started < 0.9
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def _swallow_every_tick() -> None:
    with _process.time_limit(0.02):
        end = time.monotonic() + 0.2
        while time.monotonic() < end:
            with contextlib.suppress(_process.TimeLimitExceeded):
                _busy(0.01)


def test_a_block_that_swallows_every_tick_still_fails_when_it_ends() -> None:
    with pytest.raises(_process.TimeLimitExceeded):
        _swallow_every_tick()
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_a_report_with_lone_surrogates_does_not_stop_the_tables(tmp_path: Path) -> None:
    """Text that is not Unicode (a page decoded as UTF-7 gives lone surrogates) is written escaped,
    counted, and the rest of the batch carries on."""
    report = attrs.evolve(load(SEED_JSON), title="德化\udce9县")
    bad = FileResult(file="bad.html", source=Source.HTML, status=Status.OK, report=report)
    good = process_file(STATUTORY_JSON)
    out = tmp_path / "out"
    with Exporter(out) as exporter:
        sink = TableSink(exporter)
        sink.result(bad)
        sink.result(good)
    assert exporter.escaped == 1
    rows = list(csv.DictReader((out / "reports.csv").read_text(encoding="utf-8").splitlines()))
    assert [r["file"] for r in rows] == ["bad.html", str(STATUTORY_JSON)]
    assert rows[0]["title"] == "德化\\udce9县"


def test_a_batch_over_a_report_with_lone_surrogates_compares_it(tmp_path: Path) -> None:
    report = attrs.evolve(load(SEED_JSON), title="德化\udce9县")
    sink = Collector()

    def fake(path: Any, **kwargs: Any) -> FileResult:
        return FileResult(file=str(path), source=Source.JSON, status=Status.OK, report=report)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_process, "process_file", fake)
        summary = run(["a.json", "b.json"], sink=sink, compare="all")
    assert summary.reports == 2
    assert not summary.interrupted


def test_a_killed_worker_costs_its_file_only() -> None:
    """A worker killed by SIGKILL (what the out-of-memory killer does) breaks the pool; the pool is
    restarted, the lost files are processed again, and the file that kills its worker again fails,
    named."""
    files = [str(SEED_JSON), "kill-me.json", str(STATUTORY_JSON), str(SEED_JSON)] * 2
    results = list(process_files(files, jobs=2, chunksize=1, task=killing_chunk))
    assert [r.file for r in results] == files
    assert [r.ok for r in results] == [f != "kill-me.json" for f in files]
    assert results[1].error is not None
    assert results[1].error.startswith("worker: ")


def test_an_unreadable_folder_is_a_failure_not_a_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As root, chmod 000 does not stop reading: ``os.listdir`` is made to refuse as it would (the
    subprocess test in test_faults.py drops to an unprivileged user instead)."""
    (tmp_path / "in" / "locked").mkdir(parents=True)
    shutil.copy(SEED_JSON, tmp_path / "in" / "a.json")
    shutil.copy(SEED_JSON, tmp_path / "in" / "locked" / "b.json")
    real = os.listdir

    def listdir(path: Any = ".") -> list[str]:
        if Path(path).name == "locked":
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "listdir", listdir)
    files = collect([tmp_path / "in"])
    assert files == [str(tmp_path / "in" / "a.json"), str(tmp_path / "in" / "locked")]
    results = list(process_files(files))
    assert results[0].ok
    assert results[1].error == "read: PermissionError: Permission denied"


# batch -o: the previous run stays whole until a new one is complete


def test_a_full_disk_leaves_the_previous_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out, before = _previous_run(tmp_path)
    real = CsvTable.write

    def write(self: CsvTable, row: Any) -> None:
        if self.path.name == "cells.csv" and self.rows >= 50:
            raise OSError(errno.ENOSPC, "No space left on device")
        real(self, row)

    monkeypatch.setattr(CsvTable, "write", write)
    assert main(["batch", "-j", "1", "-o", str(out), str(STATUTORY_JSON)]) == 2
    assert "No space left on device" in capsys.readouterr().err
    assert _tables(out) == before
    _no_leftovers(out)


def test_an_interrupted_run_leaves_the_previous_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out, before = _previous_run(tmp_path)
    real = _process.process_file
    calls = []

    def interrupted(path: Any, **kwargs: Any) -> FileResult:
        calls.append(path)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return real(path, **kwargs)

    monkeypatch.setattr(_process, "process_file", interrupted)
    files = [str(SEED_JSON), str(STATUTORY_JSON)] * 3
    assert main(["batch", "-j", "1", "-o", str(out), *files]) == 130
    err = capsys.readouterr().err
    assert "interrupted: 2 of 6 files processed, 4 not" in err
    assert f"{out} is left as it was" in err
    assert _tables(out) == before
    _no_leftovers(out)


def test_a_complete_run_replaces_the_previous_and_keeps_other_files(tmp_path: Path) -> None:
    out, _before = _previous_run(tmp_path)
    (out / "notes.md").write_text("mine", encoding="utf-8")
    assert main(["batch", "-j", "1", "-o", str(out), str(STATUTORY_JSON)]) == 0
    reports = (out / "reports.csv").read_text(encoding="utf-8").splitlines()
    assert len(reports) == 2  # the new run's one report, not the previous two
    assert (out / "notes.md").read_text(encoding="utf-8") == "mine"
    assert json.loads((out / "summary.json").read_text(encoding="utf-8"))["files"] == 1
    _no_leftovers(out)


def test_a_directory_of_other_files_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "home").mkdir()
    (tmp_path / "home" / "thesis.docx").write_bytes(b"precious")
    assert main(["batch", "-o", str(tmp_path / "home"), str(SEED_JSON)]) == 2
    assert "holds other files and no batch output" in capsys.readouterr().err
    assert (tmp_path / "home" / "thesis.docx").read_bytes() == b"precious"


def test_bom_output_neutralises_formulas(tmp_path: Path) -> None:
    data = json.loads(SEED_JSON.read_text(encoding="utf-8"))
    data["title"] = '=HYPERLINK("http://evil.example","点击")'
    data["header"]["publisher"] = "@SUM(1+1)"
    page = tmp_path / "in" / "evil.json"
    page.parent.mkdir()
    page.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    for bom, out in ((True, tmp_path / "excel"), (False, tmp_path / "plain")):
        argv = ["batch", "-j", "1", "-o", str(out), str(page)]
        assert main(argv[:1] + ["--bom"] * bom + argv[1:]) == 0
        text = (out / "reports.csv").read_text(encoding="utf-8-sig")
        row = next(csv.DictReader(text.splitlines()))
        if bom:
            assert row["title"] == "'" + data["title"]
            assert row["publisher"] == "'@SUM(1+1)"
            assert row["year"] == "2014"  # numbers are not text cells
        else:  # for pandas, R, DuckDB: the data as it is
            assert row["title"] == data["title"]


# batch - and --select/--ignore


def test_batch_reads_paths_from_standard_input(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO(f"{SEED_JSON}\n\n{STATUTORY_JSON}\n"))
    assert main(["batch", "-j", "1", "--select", "GD103", "-"]) == 0
    captured = capsys.readouterr()
    assert [line.split(": ")[1] for line in captured.out.splitlines()] == ["GD103 info"]
    assert "files: 2 in" in captured.err


def test_batch_ignore_and_a_bad_code(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["batch", "-j", "1", "--ignore", "GD1", str(SEED_JSON)]) == 0
    assert capsys.readouterr().out == ""
    assert main(["batch", "--select", "XX9", str(SEED_JSON)]) == 2
    assert "XX9" in capsys.readouterr().err


def test_batch_output_escapes_control_characters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad\x1b]52;c;ZXZpbA==\x07.json"
    bad.write_text('{"schema_version": 1, "title": "\\u001b[2J"}', encoding="utf-8")
    assert main(["batch", "-j", "1", str(bad)]) == 1
    captured = capsys.readouterr()
    assert "\x1b" not in captured.out + captured.err
    assert "\\x1b]52" in captured.out


def test_a_utf7_page_with_a_lone_surrogate_does_not_stop_the_batch(tmp_path: Path) -> None:
    """The issue's 40-byte page: ``charset=utf-7`` and ``+2D0-`` (a lone high surrogate) in its title;
    the CSV writer raised UnicodeEncodeError and the batch ended with status 70."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.html").write_bytes(
        b'<meta charset="utf-7"><h1>+2D0-2014</h1><p>+TgAwAQ-</p>'
    )
    shutil.copy(SEED_JSON, tmp_path / "in" / "b.json")
    out = tmp_path / "out"
    # UTF-7 is no encoding of the web (issue 18, item 6): the page is read as undeclared UTF-8, where
    # +2D0- is plain text, and holds nothing of a report: a recorded failure, the batch goes on.
    assert main(["batch", "-j", "1", "--compare", "all", "-o", str(out), str(tmp_path / "in")]) == 1
    rows = list(csv.DictReader((out / "reports.csv").read_text(encoding="utf-8").splitlines()))
    assert [(Path(r["file"]).name, r["status"]) for r in rows] == [
        ("a.html", "failed"),
        ("b.json", "ok"),
    ]
    assert json.loads((out / "summary.json").read_text(encoding="utf-8"))["reports"] == 1


def test_a_file_name_that_is_not_utf8_goes_through(tmp_path: Path) -> None:
    """GBK-named files on a UTF-8 disk (报告.json saved by an old Windows tool): their names decode to
    lone surrogates, which no table or summary may choke on, a failure's included."""
    (tmp_path / "in").mkdir()
    good = os.fsdecode("报告".encode("gbk") + b".json")
    bad = os.fsdecode("坏".encode("gbk") + b".json")
    shutil.copy(SEED_JSON, tmp_path / "in" / good)
    (tmp_path / "in" / bad).write_text('{"schema_version": 1, "title": 3}', encoding="utf-8")
    out = tmp_path / "out"
    assert main(["batch", "-j", "1", "-o", str(out), str(tmp_path / "in")]) == 1
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert (summary["reports"], summary["failed"]) == (1, 1)
    assert summary["failures"][0]["file"] == str(tmp_path / "in" / bad)
    rows = list(csv.DictReader((out / "reports.csv").read_text(encoding="utf-8").splitlines()))
    assert sorted(r["status"] for r in rows) == ["failed", "ok"]
