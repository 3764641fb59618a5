"""A batch over a corpus: stream the files' results, then compare years and texts across reports."""

from __future__ import annotations

import collections
import enum
import functools
import re
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import IO, Protocol

import attrs

from govdisclosure.corpus._measures import Measures
from govdisclosure.corpus._process import DEFAULT_LIMITS, FileResult, Limits
from govdisclosure.corpus._publishers import Publishers
from govdisclosure.corpus._records import Row, publisher
from govdisclosure.corpus._run import process_files
from govdisclosure.corpus._similarity import (
    COPIED,
    MAX_PAIRS,
    MAX_PASSAGES,
    MIN_PASSAGE,
    SIMILAR,
    Document,
    Passage,
    ShingleCounts,
    Verdict,
    best_candidates,
    longest,
    minhash,
    passages,
    similarity,
)
from govdisclosure.model import Diagnostic, DisclosureReport, Severity
from govdisclosure.serialize import dumps, loads
from govdisclosure.validate import rules, validate


def year_rules() -> tuple[str, ...]:
    """The codes of the rules that compare a report with last year's (those with an example of last
    year's report): GD108, GD706, GD707, GD709 … — what :func:`cross_year` runs."""
    return tuple(rule.code for rule in rules() if rule.example_previous is not None)


class SimilarityMode(enum.StrEnum):
    """Which pairs of reports a batch compares (比对范围)."""

    NONE = "none"
    """None."""
    CONSECUTIVE = "consecutive"
    """Each report with the same publisher's report on the year before."""
    ALL = "all"
    """Those, and every pair the MinHash search finds above about 0.5 (across publishers too)."""


class Relation(enum.StrEnum):
    """How the two reports of a pair stand to each other (关系); each member is equal to its value."""

    CONSECUTIVE = "consecutive"
    """The same publisher, years n and n + 1."""
    OTHER = "other"
    """Anything else: other publishers, or years further apart."""


@attrs.frozen(kw_only=True)
class Pair:
    """Two similar reports (相似报告对): who, the similarity, and the passages they share."""

    file_a: str
    """The earlier report (of two years, the earlier; else the first in input order)."""
    file_b: str
    publisher_a: str | None
    publisher_b: str | None
    year_a: int | None
    year_b: int | None
    relation: Relation = attrs.field(converter=Relation)
    """:class:`Relation` (``consecutive`` or ``other``; either string is taken)."""
    jaccard: float
    containment: float
    """The share of b's shingles found in a."""
    verdict: Verdict = attrs.field(converter=Verdict)
    """:class:`Verdict` (``copied`` or ``similar``; either string is taken)."""
    passages: tuple[Passage, ...] = ()

    def row(self) -> Row:
        """The row of the ``pairs`` table."""
        return (
            self.file_a,
            self.file_b,
            self.publisher_a,
            self.publisher_b,
            self.year_a,
            self.year_b,
            self.relation,
            self.jaccard,
            self.containment,
            self.verdict,
        )

    def passage_rows(self) -> Iterator[Row]:
        """The rows of the ``passages`` table."""
        for p in self.passages:
            yield (
                self.file_a,
                self.file_b,
                p.path_a,
                p.offset_a,
                p.path_b,
                p.offset_b,
                p.length,
                p.text,
            )


@attrs.frozen(kw_only=True)
class CrossYear:
    """What the rules comparing years found on a report against its publisher's previous one."""

    file: str
    previous_file: str
    publisher: str
    year: int
    diagnostics: tuple[Diagnostic, ...]


class Sink(Protocol):
    """Where a batch's results go as they come: an exporter, a printer, a list."""

    def result(self, result: FileResult) -> None: ...
    def cross_year(self, found: CrossYear) -> None: ...
    def pair(self, pair: Pair) -> None: ...


@attrs.frozen(kw_only=True)
class Summary:
    """What a batch did (批处理摘要)."""

    files: int
    """Files processed."""
    reports: int
    """Files that gave a report."""
    failures: tuple[tuple[str, str], ...]
    """(file, error) of each file that did not, in input order."""
    diagnostics: Mapping[str, int]
    """Diagnostics by code (parse, validation and cross-year), sorted by code."""
    severities: Mapping[str, int]
    """Diagnostics by severity."""
    cross_year_pairs: int
    """(report, last year's report) pairs checked by the rules comparing years."""
    similar_pairs: int
    """Pairs of reports found similar (copied included)."""
    copied_pairs: int
    """Pairs of reports found copied."""
    seconds: float
    """Wall-clock time of the batch."""
    notes: tuple[str, ...] = ()
    """What the batch left out on purpose, and why (pairs or passages over their caps)."""
    unprocessed: int = 0
    """Files not processed because the batch was interrupted (the last ones in input order)."""
    interrupted: bool = False
    """Whether the batch was interrupted (Ctrl-C, SIGTERM) before it was done: ``files`` counts the
    files processed, ``unprocessed`` the rest, and the comparisons across reports may be missing."""

    @property
    def failed(self) -> int:
        return len(self.failures)

    def lines(self) -> list[str]:
        """The summary as text, one line a fact; failures and codes listed under their line."""
        rate = self.files / self.seconds if self.seconds > 0 else 0.0
        out = []
        if self.interrupted:
            out.append(
                f"interrupted: {self.files} of {self.files + self.unprocessed} files processed, "
                f"{self.unprocessed} not"
            )
        out += [
            f"files: {self.files} in {self.seconds:.1f} s ({rate:.1f} files/s)",
            f"reports: {self.reports}",
            f"failures: {self.failed}",
        ]
        out.extend(f"  {file}: {error}" for file, error in self.failures)
        total = sum(self.diagnostics.values())
        by = ", ".join(f"{self.severities.get(s.value, 0)} {s.value}" for s in Severity)
        out.append(f"diagnostics: {total} ({by})")
        out.extend(f"  {code}: {n}" for code, n in self.diagnostics.items())
        out.append(f"cross-year pairs checked: {self.cross_year_pairs}")
        out.append(f"similar pairs: {self.similar_pairs} (copied: {self.copied_pairs})")
        out.extend(f"note: {note}" for note in self.notes)
        return out


@attrs.frozen
class _Entry:
    """What the second pass keeps of a report: a few fields, where its JSON is spilled, its signature."""

    index: int
    file: str
    publisher: str | None
    year: int | None
    offset: int
    length: int
    signature: tuple[int, ...] | None


def _known(year: int | None) -> int:
    # Reports are grouped by year only where it is known: a cross-year entry always has one.
    assert year is not None
    return year


class _Spill:
    """Reports written to a temporary file as compact JSON and read back by offset: the second pass
    needs any report again without holding them all in memory."""

    def __init__(self) -> None:
        # closed by close(), which run() calls in a finally block
        self._file: IO[bytes] = tempfile.TemporaryFile(prefix="govdisclosure-batch-")  # noqa: SIM115
        self._end = 0

    def write(self, report: DisclosureReport) -> tuple[int, int]:
        text = dumps(report)
        try:
            data = text.encode("utf-8")
        except UnicodeEncodeError:  # lone surrogates (text that is not Unicode): compared as U+FFFD
            data = _SURROGATE.sub("\ufffd", text).encode("utf-8")
        self._file.seek(self._end)
        self._file.write(data)
        offset, self._end = self._end, self._end + len(data)
        return offset, len(data)

    def read(self, offset: int, length: int) -> DisclosureReport:
        self._file.seek(offset)
        return loads(self._file.read(length))

    def close(self) -> None:
        self._file.close()


_SURROGATE = re.compile("[\ud800-\udfff]")


class _Counts:
    def __init__(self) -> None:
        self.codes: collections.Counter[str] = collections.Counter()
        self.severities: collections.Counter[str] = collections.Counter()

    def add(self, diagnostics: Iterable[Diagnostic]) -> None:
        for d in diagnostics:
            self.codes[d.code] += 1
            self.severities[d.severity.value] += 1


def run(
    files: Sequence[str],
    *,
    sink: Sink | None = None,
    jobs: int = 1,
    source_format: str | None = None,
    check: bool = True,
    cross_years: bool = True,
    compare: SimilarityMode | str = SimilarityMode.NONE,
    copied: float = COPIED,
    similar: float = SIMILAR,
    min_passage: int = MIN_PASSAGE,
    progress: Callable[[int, int], None] | None = None,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] | None = None,
    limits: Limits = DEFAULT_LIMITS,
    measures: Measures | None = None,
) -> Summary:
    """Process ``files`` (see :func:`process_files`), then compare reports across years and texts.

    First pass: each file's :class:`FileResult` goes to ``sink.result`` in input order as it is done
    (``progress(done, total)`` after each). Second pass, where ``cross_years`` or ``compare`` asks for
    it: reports are grouped by publisher and year; each report with last year's report of its publisher
    is validated by the rules comparing years (:func:`year_rules`; to ``sink.cross_year``, in order of
    publisher then year), and pairs are compared (``compare``: ``consecutive`` years of a publisher, or
    ``all`` pairs the MinHash search finds) and those at or above ``similar`` go to ``sink.pair`` with
    their common passages of at least ``min_passage`` characters.

    Memory: a result is dropped once the sink has it; the second pass keeps per report a few fields (and
    a 128-value signature with ``compare="all"``) and reads reports back from a temporary file.

    With ``compare="all"``, shingles found in many reports (:data:`BOILERPLATE_SHARE`: a template's
    phrasing) are left out of the MinHash search, each report keeps at most :data:`MAX_PAIRS` pairs
    found by it (the most alike) and each pair at most :data:`MAX_PASSAGES` passages (the longest);
    :attr:`Summary.notes` says where a cap left something out. A pair found is still scored on the
    whole text.
    Where a publisher has several reports for a year, each is paired with each of the year before.

    ``select`` and ``ignore`` choose the validation rules (cross-year ones included) as
    :func:`~govdisclosure.validate.validate` does; ``limits`` bound each file (:class:`Limits`).
    Ctrl-C (:class:`KeyboardInterrupt`) stops the batch: the workers are ended and the summary of
    what was done is returned, marked :attr:`Summary.interrupted`.

    With ``measures`` (:class:`Measures`), reports are grouped by publisher key (aliases applied) and the
    measures' rows (rates, findings, review, look-alike names) go to ``sink.row(table, row)`` where the
    sink has that method.
    """
    # The steps: the pool parses and checks (process_files), each result is taken in (_take_result) and
    # passed on, then the second pass compares years (_compare_years) and texts (_compare_texts); the
    # tally gives the summary.
    mode = SimilarityMode(compare)
    started = time.perf_counter()
    tally = _Tally()
    second = cross_years or mode is not SimilarityMode.NONE or measures is not None
    frequencies = ShingleCounts() if mode is SimilarityMode.ALL else None
    emit: Callable[[str, Row], None] = getattr(sink, "row", None) or (lambda table, row: None)
    spill = _Spill() if second else None
    entries: list[_Entry] = []
    stream = process_files(
        files,
        jobs=jobs,
        source_format=source_format,
        check=check,
        select=select,
        ignore=ignore,
        limits=limits,
    )
    try:
        for index, result in enumerate(stream):
            _take_result(index, result, files, tally, entries, spill, frequencies, measures, emit)
            if sink is not None:
                sink.result(result)
            tally.done = index + 1
            if progress is not None:
                progress(index + 1, len(files))
        if spill is not None:
            load = _reader(spill)
            codes = _chosen(year_rules(), select, ignore)
            _compare_years(entries, load, codes if cross_years else (), tally, sink, measures, emit)
            if mode is not SimilarityMode.NONE:
                if frequencies is not None:
                    entries = _with_signatures(entries, load, frequencies)
                _compare_texts(entries, load, mode, (copied, similar, min_passage), tally, sink)
    except KeyboardInterrupt:
        tally.interrupted = True
    finally:
        stream.close()  # ends the workers if the batch stopped early
        if spill is not None:
            spill.close()
        if measures is not None:
            measures.close()
    return tally.summary(len(files), time.perf_counter() - started)


@attrs.define
class _Tally:
    """What a batch has counted so far: the figures of its :class:`Summary`."""

    counts: _Counts = attrs.Factory(lambda: _Counts())
    failures: list[tuple[str, str]] = attrs.Factory(list)
    notes: list[str] = attrs.Factory(list)
    reports: int = 0
    done: int = 0
    cross_pairs: int = 0
    similar_pairs: int = 0
    copied_pairs: int = 0
    capped_passages: int = 0
    interrupted: bool = False

    def summary(self, files: int, seconds: float) -> Summary:
        notes = list(self.notes)
        if self.capped_passages:
            notes.append(
                f"{self.capped_passages} pairs had more than {MAX_PASSAGES} common passages: the "
                f"{MAX_PASSAGES} longest of each are listed"
            )
        return Summary(
            files=self.done,
            unprocessed=files - self.done,
            interrupted=self.interrupted,
            reports=self.reports,
            failures=tuple(self.failures),
            diagnostics=dict(sorted(self.counts.codes.items())),
            severities={s.value: self.counts.severities[s.value] for s in Severity},
            cross_year_pairs=self.cross_pairs,
            similar_pairs=self.similar_pairs,
            copied_pairs=self.copied_pairs,
            seconds=seconds,
            notes=tuple(notes),
        )


def _take_result(
    index: int,
    result: FileResult,
    files: Sequence[str],
    tally: _Tally,
    entries: list[_Entry],
    spill: _Spill | None,
    frequencies: ShingleCounts | None,
    measures: Measures | None,
    emit: Callable[[str, Row], None],
) -> None:
    """First pass, one file's result: counted, and its report spilled and entered for the second pass."""
    tally.counts.add(d for _, d in result.all_diagnostics())
    if result.report is None:
        tally.failures.append((result.file, result.error or "failed"))
    else:
        tally.reports += 1
        if spill is not None:
            offset, length = spill.write(result.report)
            if frequencies is not None:
                frequencies.add(Document.of(result.report).shingles())
            # What is kept per report, and so grows with the files: the path (the caller's string, not
            # the copy a worker sent back), the publisher (interned: a publisher has a report every
            # year), a few integers.
            name = publisher(result.report)
            if measures is not None:
                name = measures.key(name)
            entries.append(
                _Entry(
                    index,
                    files[index],
                    None if name is None else sys.intern(name),
                    result.report.year,
                    offset,
                    length,
                    None,
                )
            )
    if measures is not None:
        measures.result(result, emit)


def _reader(spill: _Spill) -> Callable[[_Entry], DisclosureReport]:
    """An entry's report read back from the spill, the last few kept (a report is read once per pair)."""

    @functools.lru_cache(maxsize=64)
    def load(entry: _Entry) -> DisclosureReport:
        return spill.read(entry.offset, entry.length)

    return load


def _compare_years(
    entries: Sequence[_Entry],
    load: Callable[[_Entry], DisclosureReport],
    codes: Sequence[str],
    tally: _Tally,
    sink: Sink | None,
    measures: Measures | None,
    emit: Callable[[str, Row], None],
) -> None:
    """Second pass: each report with its publisher's last year's, by the rules ``codes`` and the
    measures."""
    for b, a in _consecutive(entries):
        report, previous = load(b), load(a)
        if codes:
            found = validate(report, select=codes, previous=previous)
            tally.counts.add(found)
            tally.cross_pairs += 1
            if measures is not None:
                measures.cross_year(b.file, b.publisher, b.year, found, emit)
            if sink is not None:
                sink.cross_year(
                    CrossYear(
                        file=b.file,
                        previous_file=a.file,
                        publisher=b.publisher or "",
                        year=_known(b.year),
                        diagnostics=tuple(found),
                    )
                )
        if measures is not None:
            measures.consecutive(b.file, a.file, report, previous, emit)
    if measures is not None:
        measures.finish(emit)


def _compare_texts(
    entries: Sequence[_Entry],
    load: Callable[[_Entry], DisclosureReport],
    mode: SimilarityMode,
    thresholds: tuple[float, float, int],
    tally: _Tally,
    sink: Sink | None,
) -> None:
    """Second pass: the pairs ``mode`` chooses compared; those similar enough to the sink, with at most
    :data:`MAX_PASSAGES` passages each. ``thresholds``: copied, similar, the shortest passage."""
    copied, similar, min_passage = thresholds
    for a, b in _pairs_to_compare(entries, mode, tally.notes):
        pair = _compare(a, load(a), b, load(b), copied, similar, min_passage)
        if pair is None:
            continue
        if len(pair.passages) > MAX_PASSAGES:
            tally.capped_passages += 1
            pair = attrs.evolve(pair, passages=tuple(longest(pair.passages)))
        tally.similar_pairs += 1
        tally.copied_pairs += pair.verdict is Verdict.COPIED
        if sink is not None:
            sink.pair(pair)


def _chosen(
    codes: Sequence[str], select: Sequence[str] | None, ignore: Sequence[str] | None
) -> tuple[str, ...]:
    """Those of ``codes`` that ``select`` and ``ignore`` choose."""
    if select is None and ignore is None:
        return tuple(codes)
    allowed = {rule.code for rule in rules(select=select, ignore=ignore)}
    return tuple(code for code in codes if code in allowed)


def _consecutive(entries: Sequence[_Entry]) -> Iterator[tuple[_Entry, _Entry]]:
    """(report, last year's report of the same publisher), by publisher then year then input order."""
    groups: dict[str, dict[int, list[_Entry]]] = collections.defaultdict(
        lambda: collections.defaultdict(list)
    )
    for e in entries:
        if e.publisher and e.year:
            groups[e.publisher][e.year].append(e)
    for name in sorted(groups):
        years = groups[name]
        for year in sorted(years):
            for b in years[year]:
                for a in years.get(year - 1, ()):
                    yield b, a


def _with_signatures(
    entries: list[_Entry],
    load: Callable[[_Entry], DisclosureReport],
    frequencies: ShingleCounts,
) -> list[_Entry]:
    """The entries with the MinHash signatures of their distinctive shingles (boilerplate left out:
    the counts are complete only once every report has been seen, hence a pass of its own)."""
    return [
        attrs.evolve(e, signature=minhash(frequencies.distinctive(Document.of(load(e)).shingles())))
        for e in entries
    ]


def _pairs_to_compare(
    entries: Sequence[_Entry], mode: SimilarityMode, notes: list[str] | None = None
) -> Iterator[tuple[_Entry, _Entry]]:
    """(earlier, later) pairs: consecutive years first, then (``all``) the MinHash candidates, at
    most :data:`MAX_PAIRS` per report (a note in ``notes`` says how many reports had more)."""
    seen: set[tuple[int, int]] = set()
    for b, a in _consecutive(entries):
        seen.add((min(a.index, b.index), max(a.index, b.index)))
        yield a, b
    if mode is SimilarityMode.ALL:
        by_position = [e for e in entries if e.signature is not None]
        sigs = [e.signature for e in by_position if e.signature is not None]
        found, over = best_candidates(sigs)
        if over and notes is not None:
            notes.append(
                f"{over} reports were alike to more than {MAX_PAIRS} others: the {MAX_PAIRS} most "
                "alike of each were compared"
            )
        for i, j in found:
            x, y = by_position[i], by_position[j]
            if (x.index, y.index) in seen:
                continue
            yield (y, x) if (y.year or 0, y.index) < (x.year or 0, x.index) else (x, y)


def _compare(
    ea: _Entry,
    a: DisclosureReport,
    eb: _Entry,
    b: DisclosureReport,
    copied: float,
    similar: float,
    min_passage: int,
) -> Pair | None:
    da, db = Document.of(a), Document.of(b)
    found = similarity(da, db)
    verdict = found.verdict(copied=copied, similar=similar)
    if verdict is None:
        return None
    consecutive = (
        ea.publisher is not None
        and ea.publisher == eb.publisher
        and ea.year is not None
        and eb.year == ea.year + 1
    )
    return Pair(
        file_a=ea.file,
        file_b=eb.file,
        publisher_a=ea.publisher,
        publisher_b=eb.publisher,
        year_a=ea.year,
        year_b=eb.year,
        relation=Relation.CONSECUTIVE if consecutive else Relation.OTHER,
        jaccard=found.jaccard,
        containment=found.containment,
        verdict=verdict,
        passages=tuple(passages(da, db, min_length=min_passage)),
    )


class Collector:
    """A sink that keeps everything in lists: for small corpora and tests."""

    def __init__(self) -> None:
        self.results: list[FileResult] = []
        self.cross_years: list[CrossYear] = []
        self.pairs: list[Pair] = []
        self.tables: dict[str, list[Row]] = collections.defaultdict(list)
        """The measures' rows by table (``rates``, ``findings``, ``review``, ``lookalikes``)."""

    def result(self, result: FileResult) -> None:
        self.results.append(result)

    def row(self, table: str, row: Row) -> None:
        self.tables[table].append(row)

    def cross_year(self, found: CrossYear) -> None:
        self.cross_years.append(found)

    def pair(self, pair: Pair) -> None:
        self.pairs.append(pair)


def cross_year(
    reports: Mapping[str, DisclosureReport] | Iterable[tuple[str, DisclosureReport]],
    *,
    publishers: Publishers | None = None,
) -> list[CrossYear]:
    """The rules comparing years (:func:`year_rules`) on each report that has last year's report of its
    publisher among ``reports`` (named by a key, a file name say), in memory; by publisher then year.

    Reports are grouped by publisher (发布机构, else the signature's authority) and year; a report
    without either is in no group. With ``publishers``, by publisher key (aliases applied).
    """
    named = list(reports.items() if isinstance(reports, Mapping) else reports)
    entries = [
        _Entry(
            i,
            key,
            publisher(report) if publishers is None else publishers.key(publisher(report)),
            report.year,
            0,
            0,
            None,
        )
        for i, (key, report) in enumerate(named)
    ]
    codes = year_rules()
    found = []
    for b, a in _consecutive(entries):
        report, previous = named[b.index][1], named[a.index][1]
        found.append(
            CrossYear(
                file=b.file,
                previous_file=a.file,
                publisher=b.publisher or "",
                year=_known(b.year),
                diagnostics=tuple(validate(report, select=codes, previous=previous)),
            )
        )
    return found
