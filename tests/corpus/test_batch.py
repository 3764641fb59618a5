"""The batch: one file, many files in input order, bad files recorded, the summary."""

from __future__ import annotations

import concurrent.futures
import itertools
import pickle
from pathlib import Path
from typing import Any

import pytest

from govdisclosure import load
from govdisclosure.corpus import (
    Collector,
    DiagnosticSource,
    FileResult,
    Source,
    Status,
    collect,
    process_file,
    process_files,
    run,
)
from govdisclosure.corpus._run import chunk_size
from tests.corpus.helpers import SEED_JSON, SEED_PAGE, STATUTORY_JSON, folder


def test_a_page_is_parsed_and_validated() -> None:
    result = process_file(SEED_PAGE)
    assert result.status is Status.OK
    assert result.source is Source.TEXT
    assert result.report is not None
    assert result.report.header.publisher == "德化县科学技术局"
    # the seed page's damage is repaired by the parser (GP301 twice) and its arithmetic flagged (GD102)
    assert [d.code for d in result.parse_diagnostics].count("GP301") == 2
    assert [d.code for d in result.diagnostics] == ["GD102", "GD103", "GD104"]
    sources = [s for s, _ in result.all_diagnostics()]
    assert (
        sources
        == [DiagnosticSource.PARSE] * len(result.parse_diagnostics)
        + [DiagnosticSource.VALIDATE] * 3
    )


def test_json_is_loaded_not_parsed() -> None:
    result = process_file(STATUTORY_JSON)
    assert result.source is Source.JSON
    assert result.parse_diagnostics == ()
    assert result.report == load(STATUTORY_JSON)


def test_from_overrides_the_guess_for_pages_only(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(SEED_PAGE.read_text(encoding="utf-8"), encoding="utf-8")
    assert process_file(page).source is Source.HTML
    assert process_file(page, source_format="text").source is Source.TEXT
    assert process_file(STATUTORY_JSON, source_format="html").source is Source.JSON


def test_gbk_text_is_read(tmp_path: Path) -> None:
    page = tmp_path / "gbk.txt"
    page.write_bytes(SEED_PAGE.read_text(encoding="utf-8").encode("gb18030"))
    result = process_file(page)
    assert result.report is not None
    assert result.report.header.publisher == "德化县科学技术局"


def test_bad_json_fails_with_the_file_and_the_reason(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema_version": 1, "title": 3, "year": "x"}', encoding="utf-8")
    result = process_file(bad)
    assert result.status is Status.FAILED
    assert result.report is None
    assert result.file == str(bad)
    assert result.error is not None
    assert result.error.startswith("load: $.")
    assert "more)" in result.error  # several problems: the first, and how many more


def test_an_unreadable_file_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text("x", encoding="utf-8")
    real = Path.open

    def open_(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self.name == "locked.txt":  # as root, chmod cannot make a file unreadable
            raise PermissionError(13, "Permission denied", str(self))
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", open_)
    results = list(process_files([str(SEED_JSON), str(locked), str(STATUTORY_JSON)]))
    assert [r.status for r in results] == [Status.OK, Status.FAILED, Status.OK]
    assert results[1].error == "read: PermissionError: Permission denied"
    assert results[1].source is None


def test_collect_walks_directories_sorted_and_keeps_files_as_given(tmp_path: Path) -> None:
    expected = folder(tmp_path / "in")
    (tmp_path / "in" / ".hidden").mkdir()
    (tmp_path / "in" / ".hidden" / "x.txt").write_text("x", encoding="utf-8")
    (tmp_path / "in" / "sub").mkdir()
    (tmp_path / "in" / "sub" / "z.htm").write_text("<p>x</p>", encoding="utf-8")
    found = collect([tmp_path / "in", SEED_JSON])
    assert found == [*map(str, expected), str(tmp_path / "in" / "sub" / "z.htm"), str(SEED_JSON)]
    with pytest.raises(FileNotFoundError, match="nope"):
        collect([tmp_path / "nope"])


def test_collect_orders_by_path_part_by_part(tmp_path: Path) -> None:
    # "a/b.txt" before "a-b.txt" ("a" < "a-b"), though "/" > "-" as characters; hidden parts and
    # other endings skipped; a link to a file is taken, a link to a directory not followed (as rglob).
    for rel in ("a/b.txt", "a-b.txt", "a.txt", "A.json", "b/.h/x.txt", ".h.txt", "b/c/d.htm",
                "b/c.html", "z/y.JSON", "q.md", "dir.txt/in.txt"):  # fmt: skip
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x", encoding="utf-8")
    (tmp_path / "link").symlink_to(tmp_path / "b", target_is_directory=True)
    (tmp_path / "l.txt").symlink_to(tmp_path / "a.txt")
    expected = ["A.json", "a/b.txt", "a-b.txt", "a.txt", "b/c/d.htm", "b/c.html", "dir.txt/in.txt",
                "l.txt", "z/y.JSON"]  # fmt: skip
    assert collect([tmp_path]) == [str(tmp_path / rel) for rel in expected]


@pytest.mark.parametrize("jobs", [1, 2])
def test_many_files_in_input_order(tmp_path: Path, jobs: int) -> None:
    files = [str(p) for p in folder(tmp_path)]
    # each file several times, chunks of one: workers finish out of order, results must not
    many = files * 4
    results = list(process_files(many, jobs=jobs, chunksize=1))
    assert [r.file for r in results] == many
    assert [r.status for r in results[:4]] == [Status.OK, Status.OK, Status.FAILED, Status.OK]
    assert results[:4] == results[4:8]  # the same file gives the same result, in any worker


def test_results_equal_across_job_counts(tmp_path: Path) -> None:
    files = [str(p) for p in folder(tmp_path)]
    assert list(process_files(files, jobs=1)) == list(process_files(files, jobs=2))


def test_jobs_must_be_positive() -> None:
    with pytest.raises(ValueError, match="jobs must be 1 or more"):
        list(process_files(["x"], jobs=0))


def test_workers_run_ahead_by_a_bounded_number_of_chunks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Memory stays flat because a slow reader holds back the workers: after k results have been taken,
    # at most 2 × jobs + k chunks have been sent, however many files there are.
    submitted = 0
    submit = concurrent.futures.ProcessPoolExecutor.submit

    def counting(self: Any, *args: Any, **kwargs: Any) -> Any:
        nonlocal submitted
        submitted += 1
        return submit(self, *args, **kwargs)

    monkeypatch.setattr(concurrent.futures.ProcessPoolExecutor, "submit", counting)
    files = [str(SEED_JSON)] * 40
    stream = process_files(files, jobs=2, chunksize=1)
    taken = list(itertools.islice(stream, 3))
    assert len(taken) == 3
    assert submitted <= 2 * 2 + 3
    assert len(taken) + len(list(stream)) == 40
    assert submitted == 40


def test_chunks_are_bounded() -> None:
    assert chunk_size(1_000_000, 2) == 64
    assert chunk_size(100, 2) == 6
    assert chunk_size(3, 8) == 1


def test_run_summarises(tmp_path: Path) -> None:
    files = [str(p) for p in folder(tmp_path)]
    sink = Collector()
    seen: list[tuple[int, int]] = []
    summary = run(files, sink=sink, progress=lambda done, total: seen.append((done, total)))
    assert [r.file for r in sink.results] == files
    assert seen == [(1, 4), (2, 4), (3, 4), (4, 4)]
    assert (summary.files, summary.reports, summary.failed) == (4, 3, 1)
    assert summary.failures[0][0] == files[2]
    # diagnostics by code: the seed page's (parse and validate) and the HTML page's GP001
    seed = process_file(files[0])
    html = process_file(files[3])
    codes = [d.code for r in (seed, html) for _, d in r.all_diagnostics()]
    assert summary.diagnostics == {c: codes.count(c) for c in sorted(set(codes))}
    assert sum(summary.severities.values()) == len(codes)
    lines = summary.lines()
    assert lines[1:3] == ["reports: 3", "failures: 1"]
    assert lines[3].startswith(f"  {files[2]}: load: ")


def test_results_pickle(tmp_path: Path) -> None:
    files = [str(p) for p in folder(tmp_path)]
    for result in process_files(files):
        again = pickle.loads(pickle.dumps(result))
        assert isinstance(again, FileResult)
        assert again == result
    summary = run(files)
    assert pickle.loads(pickle.dumps(summary)) == summary
