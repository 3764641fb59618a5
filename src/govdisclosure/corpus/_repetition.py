"""重复率: the share of a report's own text found in its publisher's report of the year before, with the
text many publishers share (boilerplate) left out.

The text is compared as :mod:`~govdisclosure.corpus._similarity` compares it (the same normalisation:
NFKC, figures masked as 0, spaces dropped; the same 5-character shingles, :meth:`Document.shingles`), cut
into sentences (at 。！？； and paragraph ends), with the report's own publisher name masked as ``〇`` so
that the template sentences offices pass between them ("按照县委县政府统一部署，〇健全…") are the same
sentence in every report.

Boilerplate is found by document frequency across the corpus: a sentence that at least
:data:`BOILERPLATE` different publishers use is boilerplate — the format's set phrases, "本年度未收取信息
处理费", the sentences every report of a province repeats. Counting publishers rather than reports keeps a
publisher's own sentence, repeated every year, out of the boilerplate: that repetition is what is measured.
The statutory headings and the tables' labels are not body text, so they are never compared.

The rate: of the shingles of this year's sentences that are not boilerplate, the share found among the
shingles of last year's report (all of its sentences). A report with no such text has no rate (None).
"""

from __future__ import annotations

import collections
import re
from collections.abc import Iterable
from fractions import Fraction

import attrs

from govdisclosure.corpus._similarity import Document, normalise
from govdisclosure.model import DisclosureReport

REPEAT_THRESHOLD = 0.5
"""重复率 from which a report is reported (GC101): a municipal evaluation deducts points above 50 %."""
BOILERPLATE = 3
"""The number of different publishers from which a sentence is boilerplate."""

_SENTENCE_END = re.compile(r"(?<=[。!?;])")  # normalise() has folded ！？； to !?;
MASK = "〇"
"""What the report's own publisher name becomes in its text."""


def sentences(report: DisclosureReport, name: str | None) -> list[str]:
    """The report's body as normalised sentences, its publisher ``name`` masked as :data:`MASK`.

    >>> from govdisclosure import load
    >>> sentences(load("examples/statutory_2021/report.json"), "清溪县自然资源局")[0][:20]
    '0年,〇深入贯彻《中华人民共和国政府信息'
    """
    masked = normalise(name) if name else ""
    found: list[str] = []
    for text in Document.of(report).texts:
        if masked:
            text = text.replace(masked, MASK)
        found.extend(s for s in _SENTENCE_END.split(text) if s)
    return found


def shingles(found: Iterable[str]) -> frozenset[str]:
    """The 5-character shingles of sentences (:meth:`Document.shingles`: none across sentences)."""
    texts = tuple(found)
    return Document(tuple("" for _ in texts), texts).shingles()


class Boilerplate:
    """Document frequency of shingles by publisher: which text is boilerplate (套话).

    A shingle is boilerplate once ``minimum`` publishers have used it. Publishers are counted as reports
    come: a report adds one to its shingles' counts unless the shingle's last user was the same
    publisher, so a publisher's reports that come one after another (a corpus sorted by publisher, as
    file names usually are) count once; reports of one publisher far apart may count twice, which can
    only make more text boilerplate. What it keeps: a count per distinct shingle (about 100 bytes;
    a corpus of a few thousand reports has a few hundred thousand distinct shingles), and the shingles
    of the publisher being counted. Shingles are keyed
    by Python's string hash, which is stable within the process that builds and asks it.

    >>> b = Boilerplate(minimum=2)
    >>> b.add("甲局", ["本年度未收取信息处理费。", "甲局自有的一句话。"])
    >>> b.add("甲局", ["甲局自有的一句话。"])  # the same publisher's next report
    >>> b.add("乙局", ["本年度未收取信息处理费。"])
    >>> b.is_boilerplate("未收取信息"), b.is_boilerplate("局自有的一")
    (True, False)
    """

    def __init__(self, minimum: int = BOILERPLATE) -> None:
        if minimum < 1:
            raise ValueError(f"the boilerplate minimum must be 1 or more, got {minimum}")
        self.minimum = minimum
        self._counts: collections.Counter[int] = collections.Counter()  # shingle hash → publishers
        self._publisher: object = None  # the publisher of the reports being counted
        self._counted: set[int] = set()  # the shingles counted for it

    def add(self, publisher: str | None, found: Iterable[str]) -> None:
        """Count the shingles of one report's sentences, of ``publisher`` (None: a report of no known
        publisher, counted as a publisher of its own)."""
        self.add_hashes(publisher, map(hash, shingles(found)))

    def add_hashes(self, publisher: str | None, hashes: Iterable[int]) -> None:
        """Count one report's shingles given by their hashes (:func:`shingle_hashes`)."""
        if publisher is None or publisher != self._publisher:
            self._publisher = publisher if publisher is not None else object()
            self._counted = set()
        new = set(hashes) - self._counted  # set operations and Counter.update run in C
        self._counted |= new
        self._counts.update(new)

    def is_boilerplate(self, shingle: str) -> bool:
        """Whether ``minimum`` publishers or more use this shingle."""
        return self._counts.get(hash(shingle), 0) >= self.minimum

    def common(self, hashes: Iterable[int]) -> set[int]:
        """Those of the shingle hashes that are boilerplate."""
        get, minimum = self._counts.get, self.minimum
        return {h for h in hashes if get(h, 0) >= minimum}


def shingle_hashes(report: DisclosureReport, name: str | None) -> frozenset[int]:
    """The hashes of the report's shingles (its sentences', ``name`` masked): what is counted and
    compared. Python's string hash, 64 bits: stable within a process, collisions negligible."""
    return frozenset(map(hash, shingles(sentences(report, name))))


def repeated(
    own: frozenset[int], previous: frozenset[int], boilerplate: Boilerplate | None = None
) -> Repetition:
    """:func:`repetition` on the reports' :func:`shingle_hashes`."""
    mine = own - boilerplate.common(own) if boilerplate is not None else own
    return Repetition(len(mine & previous), len(mine), len(own) - len(mine))


@attrs.frozen
class Repetition:
    """How much of a report repeats last year's (重复率)."""

    repeated: int
    """Shingles of this year's own text (boilerplate left out) found in last year's report."""
    shingles: int
    """Shingles of this year's own text (boilerplate left out)."""
    excluded: int
    """Shingles left out as boilerplate."""

    @property
    def rate(self) -> Fraction | None:
        """``repeated / shingles``, exact; None where there is no own text."""
        return Fraction(self.repeated, self.shingles) if self.shingles else None


def repetition(
    report: DisclosureReport,
    previous: DisclosureReport,
    *,
    name: str | None = None,
    previous_name: str | None = None,
    boilerplate: Boilerplate | None = None,
) -> Repetition:
    """The share of ``report``'s text found in ``previous`` (see the module's documentation).

    ``name`` and ``previous_name`` are the publisher names masked in each (their own names, which differ
    after a rename); ``boilerplate`` the corpus's document frequency (without it, nothing is boilerplate).

    >>> from govdisclosure import load
    >>> report = load("examples/statutory_2021/report.json")
    >>> repetition(report, report).rate
    Fraction(1, 1)
    """
    return repeated(
        shingle_hashes(report, name), shingle_hashes(previous, previous_name), boilerplate
    )
