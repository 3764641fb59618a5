"""Fault injection on a real ``govdisclosure batch`` process: a worker killed, SIGTERM, SIGINT, a full
disk, a FIFO, an unreadable folder. After each, the output directory holds the previous complete run or
a complete new one, every file is accounted for, and no process of the run is left.

Each batch runs in a session of its own (``start_new_session``), so that its processes — the batch, the
forkserver, the resource tracker, the workers — are found in /proc by their session id.
"""

from __future__ import annotations

import csv
import ctypes
import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

import govdisclosure
from govdisclosure.cli import main
from tests.corpus.helpers import SEED_JSON, SEED_PAGE, STATUTORY_JSON, session_processes

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")

# the govdisclosure these tests import (the source tree's), in the batch's process too
ENV = {**os.environ, "PYTHONPATH": str(Path(govdisclosure.__file__).parents[1])}
ENV.pop("GOVDISCLOSURE_DEBUG", None)


def _batch(
    *args: str, preexec: Callable[[], None] | None = None, stdin: int | None = None
) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "govdisclosure", "batch", "--no-progress", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        stdin=stdin,
        text=True,
        env=ENV,
        start_new_session=True,
        preexec_fn=preexec,
    )


def _finish(process: subprocess.Popen[str], timeout: float = 60) -> tuple[int, str]:
    try:
        _, err = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        for pid in session_processes(process.pid):  # leave nothing behind, then fail
            os.kill(pid, signal.SIGKILL)
        process.communicate()
        raise
    deadline = time.monotonic() + 10  # the forkserver and resource tracker exit when the batch has
    while session_processes(process.pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert session_processes(process.pid) == [], f"processes of the run left:\n{err}"
    return process.returncode, err


def _workers(process: subprocess.Popen[str], at_least: int = 1) -> list[int]:
    """The worker processes of a running batch (the forkserver's children), once there are some."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        found = []
        for pid in session_processes(process.pid):
            try:
                stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
                cmdline = Path(f"/proc/{int(stat[1])}/cmdline").read_bytes()
            except (OSError, ValueError):
                continue
            if int(stat[1]) != process.pid and b"forkserver" in cmdline:
                found.append(pid)
        if len(found) >= at_least:
            return found
        time.sleep(0.02)
    raise AssertionError("no workers appeared")


def _pages(folder: Path, count: int, repeat: int = 6) -> list[Path]:
    """``count`` pages slow enough to parse (the seed page ``repeat`` times, ~0.1 s each)."""
    folder.mkdir(parents=True, exist_ok=True)
    text = SEED_PAGE.read_text(encoding="utf-8") * repeat
    paths = [folder / f"p{i:03}.txt" for i in range(count)]
    for path in paths:
        path.write_text(text, encoding="utf-8")
    return paths


def _previous_run(out: Path) -> dict[str, bytes]:
    assert main(["batch", "-j", "1", "-o", str(out), str(SEED_JSON), str(STATUTORY_JSON)]) == 0
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


def _state(out: Path) -> dict[str, bytes]:
    assert [p.name for p in out.parent.iterdir() if p.name.startswith(f".{out.name}.")] == []
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


def _files_in(out: Path) -> list[str]:
    text = (out / "reports.csv").read_text(encoding="utf-8")
    return [row["file"] for row in csv.DictReader(text.splitlines())]


@pytest.mark.parametrize(("signum", "status"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_a_signal_stops_the_run_and_keeps_the_previous(
    tmp_path: Path, signum: int, status: int
) -> None:
    out = tmp_path / "out"
    before = _previous_run(out)
    pages = _pages(tmp_path / "in", 40)
    process = _batch("-j", "2", "-o", str(out), str(tmp_path / "in"))
    _workers(process, at_least=2)
    time.sleep(0.3)
    os.kill(process.pid, signum)
    code, err = _finish(process)
    assert code == status, err
    assert "interrupted: " in err
    assert f"of {len(pages)} files processed" in err  # every file accounted for
    assert _state(out) == before


def test_a_killed_worker_is_replaced_and_every_file_is_processed(tmp_path: Path) -> None:
    out = tmp_path / "out"
    pages = _pages(tmp_path / "in", 12, repeat=3)
    process = _batch("-j", "2", "-o", str(out), str(tmp_path / "in"))
    os.kill(_workers(process)[0], signal.SIGKILL)
    code, err = _finish(process)
    assert code == 0, err
    assert _files_in(out) == [str(p) for p in pages]
    assert json.loads((out / "summary.json").read_text(encoding="utf-8"))["complete"] is True


def test_a_full_disk_keeps_the_previous_run(tmp_path: Path) -> None:
    out = tmp_path / "out"
    before = _previous_run(out)
    inputs = tmp_path / "in"
    inputs.mkdir()
    for i in range(8):
        shutil.copy(STATUTORY_JSON, inputs / f"r{i:02}.json")

    def small_disk() -> None:  # files of at most 64 KB: cells.csv grows past it
        resource.setrlimit(resource.RLIMIT_FSIZE, (64_000, 64_000))

    code, err = _finish(_batch("-j", "2", "-o", str(out), str(inputs), preexec=small_disk))
    assert code == 2, err
    assert "File too large" in err
    assert len(err.strip().splitlines()) == 1
    assert _state(out) == before


def test_a_fifo_on_the_command_line_is_skipped(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.html"
    os.mkfifo(fifo)
    out = tmp_path / "out"
    code, err = _finish(_batch("-j", "1", "-o", str(out), str(fifo), str(SEED_JSON)), timeout=20)
    assert code == 1, err
    assert f"{fifo}: read: not a regular file: a FIFO (named pipe), skipped" in err
    assert _files_in(out) == [str(fifo), str(SEED_JSON)]


def _without_root_reading() -> None:
    """Drop the capabilities that let root read any folder (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH)
    from the bounding set, so that the batch exec'd next obeys a folder's mode as its owner does."""
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) failed")


def test_an_unreadable_folder_is_a_recorded_failure(tmp_path: Path) -> None:
    """Tests run as root, for whom chmod 000 does not stop reading: as root, the batch runs without
    the capabilities that override a folder's mode (dropped with prctl before exec)."""
    inputs = tmp_path / "in"
    (inputs / "locked").mkdir(parents=True)
    shutil.copy(SEED_JSON, inputs / "a.json")
    shutil.copy(SEED_JSON, inputs / "locked" / "b.json")
    shutil.copy(STATUTORY_JSON, inputs / "z.json")
    (inputs / "locked").chmod(0)
    out = tmp_path / "out"
    try:
        preexec = _without_root_reading if os.geteuid() == 0 else None
        code, err = _finish(_batch("-j", "1", "-o", str(out), str(inputs), preexec=preexec))
    finally:
        (inputs / "locked").chmod(0o755)
    assert code == 1, err
    assert f"{inputs / 'locked'}: read: PermissionError: Permission denied" in err
    assert _files_in(out) == [
        str(inputs / "a.json"),
        str(inputs / "locked"),
        str(inputs / "z.json"),
    ]
