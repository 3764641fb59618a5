"""Many files: collect them, and process them in worker processes, results in input order as they come."""

from __future__ import annotations

import collections
import concurrent.futures
import itertools
import multiprocessing
import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from govdisclosure.corpus._process import (
    DOCUMENT_SUFFIXES,
    HTML_SUFFIXES,
    JSON_SUFFIXES,
    TEXT_SUFFIXES,
    FileResult,
    process_chunk,
)

INPUT_SUFFIXES = HTML_SUFFIXES | TEXT_SUFFIXES | JSON_SUFFIXES | DOCUMENT_SUFFIXES
"""The file name endings :func:`collect` takes from a directory (other files there are ignored)."""


def collect(paths: Iterable[str | Path]) -> list[str]:
    """The files to process: each file as given, and each directory's files (recursively, by
    :data:`INPUT_SUFFIXES`, sorted by path); hidden files and directories are skipped.

    A path that does not exist raises :class:`FileNotFoundError` naming it: a typo on the command line
    is a usage error, not a failed file.
    """
    found: list[str] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found.extend(_walk("" if str(path) == "." else str(path)))
        elif path.exists():
            found.append(str(given))
        else:
            raise FileNotFoundError(f"no such file or directory: {given}")
    return found


def _walk(directory: str) -> Iterator[str]:
    """The input files under ``directory``, in the order of ``sorted(Path(directory).rglob("*"))`` (by
    path, part by part), as strings; symbolic links to directories are not followed, as ``rglob`` does.

    Hand-written on :func:`os.listdir` because ``sorted(rglob(…))`` holds a ``Path`` object for every
    entry of the tree at once (about 500 bytes each: the main process's peak memory grew by 5 MB at
    10,000 files), and a sorted list of :class:`os.DirEntry` half as much; names are the least to hold.
    """
    for name in sorted(os.listdir(directory or ".")):
        if name.startswith("."):
            continue
        child = os.path.join(directory, name) if directory else name
        if os.path.isdir(child) and not os.path.islink(child):
            yield from _walk(child)
        elif os.path.splitext(name)[1].lower() in INPUT_SUFFIXES and os.path.isfile(child):
            yield child


def default_jobs() -> int:
    """The number of worker processes by default: the cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def chunk_size(files: int, jobs: int) -> int:
    """Files per task: enough to amortise sending a task (≈ a millisecond), few enough to balance the
    load and keep results flowing (about eight tasks per worker, between 1 and 64 files each).

    >>> chunk_size(10_000, 2), chunk_size(10, 2), chunk_size(0, 4)
    (64, 1, 1)
    """
    return max(1, min(64, files // (jobs * 8)))


def _context() -> multiprocessing.context.BaseContext:
    # forkserver (spawn where there is none) rather than fork: forking a process that has threads (a
    # progress thread, a Dask client, a test runner's) can deadlock, and Python 3.12 warns about it.
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def process_files(
    files: Sequence[str],
    *,
    jobs: int = 1,
    source_format: str | None = None,
    check: bool = True,
    chunksize: int | None = None,
) -> Iterator[FileResult]:
    """Process ``files`` and yield one :class:`FileResult` per file, in the order of ``files``.

    ``jobs`` 1 runs in this process; more runs that many worker processes
    (:class:`concurrent.futures.ProcessPoolExecutor`), each task a chunk of ``chunksize`` files (see
    :func:`chunk_size`). Results are yielded in input order as soon as they and every earlier one are
    done, and at most ``2 × jobs`` chunks are in flight: a slow reader of the results slows the
    workers down instead of piling results up, so memory stays flat in the number of files. (The
    executor's own ``map`` submits every task at once, which would hold all results of a fast pool.)

    >>> [r.status.value for r in process_files(["examples/dehua_2014/report.json", "missing.json"])]
    ['ok', 'failed']
    """
    if jobs < 1:
        raise ValueError(f"jobs must be 1 or more, got {jobs}")
    if jobs == 1:
        for name in files:
            yield from process_chunk([name], source_format, check)
        return
    size = chunksize or chunk_size(len(files), jobs)
    chunks = (files[i : i + size] for i in range(0, len(files), size))
    with concurrent.futures.ProcessPoolExecutor(jobs, mp_context=_context()) as pool:
        pending: collections.deque[concurrent.futures.Future[list[FileResult]]] = (
            collections.deque()
        )
        try:
            for chunk in itertools.islice(chunks, 2 * jobs):
                pending.append(pool.submit(process_chunk, chunk, source_format, check))
            while pending:
                results = pending.popleft().result()
                for chunk in itertools.islice(chunks, 1):
                    pending.append(pool.submit(process_chunk, chunk, source_format, check))
                yield from results
        finally:
            for future in pending:
                future.cancel()
