"""The benchmark command runs (its figures are not checked here: speed targets live in benchmarks/)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
RUN = ROOT / "benchmarks" / "run.py"


def test_every_benchmark_runs_in_a_quick_smoke_run() -> None:
    for peer in ("pydantic", "msgspec", "orjson", "cn2an"):
        pytest.importorskip(peer, reason="the benchmarks' peers: pip install -e '.[bench]'")
    done = subprocess.run(
        [sys.executable, str(RUN), "--quick"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    for path in RUN.parent.glob("bench_*.py"):  # each ran, the ones added later too
        assert f"{path.stem}: " in done.stderr
    for label in (
        "import govdisclosure",
        "json round trip",
        "peak memory",
        "zh numerals",
        "render html",
    ):
        assert label in done.stdout
    assert "FAILED" not in done.stdout
