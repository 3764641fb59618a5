"""What the corpus tests share: a small folder of inputs, and the optional extras."""

from __future__ import annotations

import importlib
import os
import shutil
import signal
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from govdisclosure.corpus import FileResult
from govdisclosure.corpus._process import process_chunk

ROOT = Path(__file__).resolve().parents[2]
SEED_PAGE = ROOT / "examples" / "dehua_2014" / "page.txt"
SEED_JSON = ROOT / "examples" / "dehua_2014" / "report.json"
STATUTORY_JSON = ROOT / "examples" / "statutory_2021" / "report.json"
CORPUS_EXAMPLE = ROOT / "examples" / "corpus" / "corpus.py"


def extra(module: str) -> ModuleType:
    """An optional dependency, or a skip where it is not installed — except in CI (``CI`` set, or
    ``GOVDISCLOSURE_REQUIRE_EXTRAS``, which .ci/run sets), where every extra is installed and a missing
    one must fail, not skip."""
    if os.environ.get("CI") or os.environ.get("GOVDISCLOSURE_REQUIRE_EXTRAS"):
        return importlib.import_module(module)
    return pytest.importorskip(module, reason=f"an optional extra: {module} is not installed")


def folder(root: Path) -> list[Path]:
    """A folder of inputs, in the order ``collect`` finds them (sorted by path):

    a.txt (the seed page), b.json (the 2021 statutory report), c_bad.json (JSON that does not load),
    d.html (a page); and notes.md, which is not an input.
    """
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy(SEED_PAGE, root / "a.txt")
    shutil.copy(STATUTORY_JSON, root / "b.json")
    (root / "c_bad.json").write_text('{"schema_version": 1, "title": 3}', encoding="utf-8")
    (root / "d.html").write_text(
        "<html><body><h1>某局2015年政府信息公开工作年度报告</h1><p>　　全年公开信息12条。</p></body></html>",
        encoding="utf-8",
    )
    (root / "notes.md").write_text("not an input", encoding="utf-8")
    return [root / "a.txt", root / "b.json", root / "c_bad.json", root / "d.html"]


def killing_chunk(paths: Sequence[str], *args: Any, **kwargs: Any) -> list[FileResult]:
    """A worker's task that dies of SIGKILL on a file named ``kill-me…`` (what the out-of-memory
    killer does to a worker), and processes the others as :func:`process_chunk` does."""
    for path in paths:
        if Path(path).name.startswith("kill-me"):
            os.kill(os.getpid(), signal.SIGKILL)
    return process_chunk(paths, *args, **kwargs)


def session_processes(session: int) -> list[int]:
    """The processes of a session (a batch started with ``start_new_session``: the batch, its
    forkserver and resource tracker, the workers), from /proc."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[3]) == session and fields[0] != "Z":
            found.append(int(entry.name))
    return found
