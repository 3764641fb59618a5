"""The measures of a batch (评估指标): rates, repetition against last year, publisher keys, publication
facts and review state, computed as :func:`~govdisclosure.corpus.run` streams the reports.

:class:`Measures` is given to ``run(measures=…)``; the batch then pairs years by publisher key, and the
measures' rows go to the sink's ``row(table, row)`` method where it has one (:class:`TableSink` writes
them into ``rates``, ``findings``, ``review`` and ``lookalikes``).
"""

from __future__ import annotations

import array
import collections
import datetime as dt
import tempfile
from collections.abc import Callable, Iterable
from typing import IO

from govdisclosure.corpus._manifest import DEADLINE, Manifest, deadline, published
from govdisclosure.corpus._process import FileResult
from govdisclosure.corpus._publishers import Publishers, lookalikes
from govdisclosure.corpus._rates import REPETITION, Rate, rate_row, rates, requests_change
from govdisclosure.corpus._records import Row, publisher
from govdisclosure.corpus._repetition import (
    BOILERPLATE,
    REPEAT_THRESHOLD,
    Boilerplate,
    repeated,
    shingle_hashes,
)
from govdisclosure.corpus._review import Finding, ReviewStatus
from govdisclosure.model import Diagnostic, DisclosureReport, Severity

Emit = Callable[[str, Row], None]
"""Where the measures' rows go: ``emit(table, row)``."""

REPEATED = "GC101"
"""重复率 at or above the threshold (warning)."""
LATE = "GC201"
"""Published after the deadline (warning)."""
CHANGED = "GC202"
"""Changed after publication (warning)."""

_STATUS = 1  # the status's position in a review row


def _day(when: dt.datetime) -> str:
    return when.date().isoformat()


class Measures:
    """What the measures need and what they gather over a batch.

    ``publishers`` gives the publisher keys (aliases; by default the normalised names), ``manifest`` the
    publication facts, ``review`` the rows of the last review file by fingerprint (:func:`load_review`);
    ``repeat_threshold`` the 重复率 from which a report is reported (GC101), ``boilerplate`` the number of
    publishers from which a sentence is boilerplate, ``deadline`` the (month, day) of the year after.
    """

    def __init__(
        self,
        *,
        publishers: Publishers | None = None,
        manifest: Manifest | None = None,
        review: dict[str, Row] | None = None,
        repeat_threshold: float = REPEAT_THRESHOLD,
        boilerplate: int = BOILERPLATE,
        deadline: tuple[int, int] = DEADLINE,
    ) -> None:
        if not 0 < repeat_threshold <= 1:
            raise ValueError(f"the repeat threshold must be in (0, 1], got {repeat_threshold}")
        self.publishers = publishers or Publishers()
        self.manifest = manifest
        self.review = dict(review or {})
        self.repeat_threshold = repeat_threshold
        self.boilerplate = Boilerplate(boilerplate)
        self.deadline = deadline
        self.years: dict[str, set[int]] = collections.defaultdict(set)
        self.statuses: collections.Counter[str] = collections.Counter()
        self.repeated = 0
        self.lookalikes = 0
        self._reviewed: set[str] = set()
        self._spill: IO[bytes] | None = None
        self._at: dict[str, tuple[int, int]] = {}
        self._end = 0

    def key(self, name: str | None) -> str | None:
        """The publisher key of a name."""
        return self.publishers.key(name)

    def report_columns(self, result: FileResult) -> Row:
        """The ``reports`` table's last columns for a file: publisher_key and the manifest's facts."""
        key = None if result.report is None else self.key(publisher(result.report))
        entry = None if self.manifest is None else self.manifest.get(result.file)
        if entry is None:
            return (key, None, None, None, None)
        return (key, entry.source_url, entry.column, entry.first_seen, entry.last_changed)

    # --- the first pass: each report as it comes -------------------------------------------------

    def result(self, result: FileResult, emit: Emit) -> None:
        report = result.report
        if report is None:
            return
        name = publisher(report)
        key = self.key(name)
        if key is not None and report.year is not None:
            self.years[key].add(report.year)
        for rate in rates(report):
            emit("rates", rate_row(result.file, rate))
        hashes = shingle_hashes(report, name)
        self.boilerplate.add_hashes(key, hashes)
        self._keep(result.file, hashes)
        for d in result.diagnostics:
            self._diagnostic(result.file, key, report.year, d, emit)
        self._publication(result.file, key, report, emit)

    def _publication(
        self, file: str, key: str | None, report: DisclosureReport, emit: Emit
    ) -> None:
        entry = None if self.manifest is None else self.manifest.get(file)
        when = published(report, entry)
        due = deadline(report.year, self.deadline)
        if when is not None and due is not None and when.date() > due:
            self._finding(
                Finding(
                    rule=LATE,
                    severity=Severity.WARNING,
                    file=file,
                    publisher_key=key,
                    year=report.year,
                    path="$.header.published_at",
                    expected=due.isoformat(),
                    found=_day(when),
                    message=f"发布于{_day(when)}，晚于期限{due.isoformat()}",
                ),
                emit,
            )
        changed = None if entry is None else entry.last_changed
        if when is not None and changed is not None and changed.date() > when.date():
            self._finding(
                Finding(
                    rule=CHANGED,
                    severity=Severity.WARNING,
                    file=file,
                    publisher_key=key,
                    year=report.year,
                    path="$",
                    expected=_day(when),
                    found=_day(changed),
                    message=f"发布后修改：发布于{_day(when)}，最后修改于{_day(changed)}",
                ),
                emit,
            )

    # --- the second pass: a report and its publisher's report of the year before ----------------

    def cross_year(
        self, file: str, key: str | None, year: int | None, found: Iterable[Diagnostic], emit: Emit
    ) -> None:
        for d in found:
            self._diagnostic(file, key, year, d, emit)

    def consecutive(
        self,
        file: str,
        previous_file: str,
        report: DisclosureReport,
        previous: DisclosureReport,
        emit: Emit,
    ) -> None:
        emit("rates", rate_row(file, requests_change(report, previous), previous_file))
        found = repeated(self._hashes(file), self._hashes(previous_file), self.boilerplate)
        rate = found.rate
        emit(
            "rates", rate_row(file, Rate(REPETITION, found.repeated, found.shingles), previous_file)
        )
        if rate is not None and rate >= self.repeat_threshold:
            self.repeated += 1
            shown = f"{float(rate):.2f}"
            self._finding(
                Finding(
                    rule=REPEATED,
                    severity=Severity.WARNING,
                    file=file,
                    publisher_key=self.key(publisher(report)),
                    year=report.year,
                    path="$.body",
                    expected=f"< {self.repeat_threshold:.2f}",
                    found=shown,
                    message=f"重复率{float(rate):.0%}：本年正文（套话除外）{float(rate):.0%}见于"
                    f"{previous.year}年报告，达到{self.repeat_threshold:.0%}",
                ),
                emit,
            )

    def _keep(self, file: str, hashes: frozenset[int]) -> None:
        """Spill a report's shingle hashes to a temporary file (8 bytes each): the second pass needs them
        again, and computing them twice is most of the measures' time."""
        if self._spill is None:
            # closed by finish() or close()
            self._spill = tempfile.TemporaryFile(prefix="govdisclosure-measures-")  # noqa: SIM115
        data = array.array("q", hashes).tobytes()
        self._spill.seek(self._end)
        self._spill.write(data)
        self._at[file] = (self._end, len(data))
        self._end += len(data)

    def _hashes(self, file: str) -> frozenset[int]:
        where = self._at.get(file)
        if where is None or self._spill is None:
            return frozenset()
        self._spill.seek(where[0])
        found = array.array("q")
        found.frombytes(self._spill.read(where[1]))
        return frozenset(found)

    def close(self) -> None:
        """Remove the spilled hashes (the batch calls it however it ends: a full disk, Ctrl-C)."""
        if self._spill is not None:
            self._spill.close()
            self._spill = None
            self._at.clear()

    def finish(self, emit: Emit) -> None:
        """After the second pass: the look-alike names, and the review's rows not seen in this run."""
        self.close()
        for pair in lookalikes(self.years):
            self.lookalikes += 1
            emit("lookalikes", pair.row())
        for fingerprint, row in self.review.items():
            if fingerprint not in self._reviewed:
                emit("review", row)

    # --- findings and their review -----------------------------------------------------------

    def _diagnostic(
        self, file: str, key: str | None, year: int | None, d: Diagnostic, emit: Emit
    ) -> None:
        self._finding(
            Finding(
                rule=d.code,
                severity=d.severity,
                file=file,
                publisher_key=key,
                year=year,
                path=d.path,
                expected=d.expected,
                found=d.found,
                message=d.message,
            ),
            emit,
        )

    def _finding(self, finding: Finding, emit: Emit) -> None:
        fingerprint = finding.fingerprint
        known = self.review.get(fingerprint)
        status = ReviewStatus(known[_STATUS]) if known is not None else ReviewStatus.PENDING
        note = None if known is None else known[2]
        self.statuses[status.value] += 1
        row = finding.row(status, note)
        if status is not ReviewStatus.DISMISSED:
            emit("findings", row)
        if fingerprint not in self._reviewed:
            self._reviewed.add(fingerprint)
            emit("review", row)

    def lines(self) -> list[str]:
        """What the measures found, one line a fact (after the batch's summary)."""
        shown = self.statuses["pending"] + self.statuses["confirmed"]
        return [
            f"findings: {shown} ({self.statuses['pending']} pending, "
            f"{self.statuses['confirmed']} confirmed; {self.statuses['dismissed']} dismissed, "
            "not shown)",
            f"repeated from last year: {self.repeated} (重复率 ≥ {self.repeat_threshold:.2f})",
            f"look-alike publishers not paired: {self.lookalikes}",
        ]
