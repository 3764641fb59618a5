"""Many files: collect them, and process them in worker processes, results in input order as they come."""

from __future__ import annotations

import collections
import concurrent.futures
import contextlib
import itertools
import multiprocessing
import os
import signal
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

from govdisclosure.corpus._process import (
    DEFAULT_LIMITS,
    HTML_SUFFIXES,
    JSON_SUFFIXES,
    TEXT_SUFFIXES,
    FileResult,
    Limits,
    Status,
    process_chunk,
)

Task = Callable[..., list[FileResult]]
"""What a worker runs on a chunk of paths, with ``source_format``, ``check`` and the keyword arguments
of :func:`process_file`, giving their results."""

INPUT_SUFFIXES = HTML_SUFFIXES | TEXT_SUFFIXES | JSON_SUFFIXES
"""The file name endings :func:`collect` takes from a directory (other files there are ignored)."""


def collect(paths: Iterable[str | Path]) -> list[str]:
    """The files to process: each file as given, and each directory's files (recursively, by
    :data:`INPUT_SUFFIXES`, sorted by path); hidden files and directories are skipped.

    A path that does not exist raises :class:`FileNotFoundError` naming it: a typo on the command line
    is a usage error, not a failed file. A folder that cannot be listed (no permission) is in the list
    itself, where :func:`process_file` records why as its failure: the rest is processed.
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
    try:
        names = sorted(os.listdir(directory or "."))
    except OSError:  # unreadable: the folder itself, a failure process_file explains
        yield directory or "."
        return
    for name in names:
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


def _worker_init() -> None:
    # Ctrl-C reaches every process of the terminal's group: the main process stops the batch and ends
    # the workers; a worker that died of the same SIGINT would look like a crash.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


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
    select: Sequence[str] | None = None,
    ignore: Sequence[str] | None = None,
    limits: Limits = DEFAULT_LIMITS,
    task: Task = process_chunk,
) -> Generator[FileResult, None, None]:
    """Process ``files`` and yield one :class:`FileResult` per file, in the order of ``files``.

    ``jobs`` 1 runs in this process; more runs that many worker processes
    (:class:`concurrent.futures.ProcessPoolExecutor`), each task a chunk of ``chunksize`` files (see
    :func:`chunk_size`). Results are yielded in input order as soon as they and every earlier one are
    done, and at most ``2 × jobs`` chunks are in flight: a slow reader of the results slows the
    workers down instead of piling results up, so memory stays flat in the number of files. (The
    executor's own ``map`` submits every task at once, which would hold all results of a fast pool.)

    A worker that dies (killed by a signal, the out-of-memory killer) breaks the pool: a new pool
    takes over, and the files of the chunks that were in flight are processed again one by one; a
    file whose worker dies again is recorded as failed (``worker: …``), the rest carry on. When the
    consumer stops early (an exception, Ctrl-C), the workers are ended before this returns.
    ``select``, ``ignore`` and ``limits`` are passed to :func:`process_file`; ``task`` is the function
    a worker runs on a chunk of paths (by default :func:`process_file` on each, with those arguments).

    >>> [r.status.value for r in process_files(["examples/dehua_2014/report.json", "missing.json"])]
    ['ok', 'failed']
    """
    if jobs < 1:
        raise ValueError(f"jobs must be 1 or more, got {jobs}")
    options: dict[str, Any] = {"select": select, "ignore": ignore, "limits": limits}
    if jobs == 1:
        for name in files:
            yield from task([name], source_format, check, **options)
        return
    size = chunksize or chunk_size(len(files), jobs)
    chunks = (files[i : i + size] for i in range(0, len(files), size))
    pool = _Pool(jobs, task, (source_format, check), options)
    finished = False
    try:
        pending: collections.deque[_InFlight] = collections.deque()
        while True:
            for chunk in itertools.islice(chunks, 2 * jobs - len(pending)):
                pending.append((chunk, pool.submit(chunk)))
            if not pending:
                break
            chunk, future = pending.popleft()
            try:
                results = future.result()
            except BrokenProcessPool:
                # Every chunk in flight is lost with the pool: redo them file by file.
                lost = [name for files_of in (chunk, *(c for c, _ in pending)) for name in files_of]
                pending.clear()
                pool.restart()
                results = list(pool.one_by_one(lost))
            yield from results
        finished = True
    finally:
        pool.close(end_workers=not finished)


_InFlight = tuple[Sequence[str], concurrent.futures.Future[list[FileResult]]]


class _Pool:
    """A :class:`~concurrent.futures.ProcessPoolExecutor` that can be restarted after a worker died,
    and ended at once (its workers killed) when the batch stops early."""

    def __init__(
        self, jobs: int, task: Task, arguments: tuple[object, ...], options: dict[str, Any]
    ) -> None:
        self.jobs, self.task, self.arguments, self.options = jobs, task, arguments, options
        self.executor = self._start()

    def _start(self) -> concurrent.futures.ProcessPoolExecutor:
        return concurrent.futures.ProcessPoolExecutor(
            self.jobs, mp_context=_context(), initializer=_worker_init
        )

    def submit(self, chunk: Sequence[str]) -> concurrent.futures.Future[list[FileResult]]:
        """The chunk's future; a pool broken already gives a future that failed so (the caller
        handles it where it waits for the result)."""
        try:
            return self.executor.submit(self.task, chunk, *self.arguments, **self.options)
        except BrokenProcessPool as exc:
            future: concurrent.futures.Future[list[FileResult]] = concurrent.futures.Future()
            future.set_exception(exc)
            return future

    def restart(self) -> None:
        self.close(end_workers=True)
        self.executor = self._start()

    def one_by_one(self, files: Sequence[str]) -> Iterator[FileResult]:
        """Each file alone (one at a time, so that a worker's death names its file): its result, or
        a failure where its worker died again."""
        for name in files:
            try:
                yield from self.submit([name]).result()
            except BrokenProcessPool:
                self.restart()
                yield FileResult(
                    file=name,
                    source=None,
                    status=Status.FAILED,
                    error="worker: the worker process died while processing this file, twice "
                    "(killed by a signal, or out of memory)",
                )

    def close(self, *, end_workers: bool) -> None:
        """Shut the pool down and wait for its workers to be gone; with ``end_workers``, first cancel
        what has not started and end the workers at their task (the batch stops early)."""
        executor = self.executor
        # The executor has no public way to end running tasks before Python 3.14 (terminate_workers):
        # its table of worker processes is private, hence the getattr.
        workers: dict[int, Any] = dict(getattr(executor, "_processes", None) or {})
        if end_workers:
            for process in workers.values():
                with contextlib.suppress(OSError, ValueError, AttributeError):
                    process.terminate()
        executor.shutdown(wait=True, cancel_futures=end_workers)
        for process in workers.values():
            with contextlib.suppress(OSError, ValueError, AttributeError, AssertionError):
                process.join(timeout=5)
