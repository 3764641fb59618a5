"""Text similarity of reports: character shingles, Jaccard, MinHash for the all-pairs search, passages.

Hand-written, numpy-free: the corpus tools must run from a plain install, and what they need is small —
one 64-bit hash per shingle (hashlib's BLAKE2b) and one-permutation MinHash (Li, Owen & Zhang 2012) with
rotation densification (Shrivastava & Li 2014), which costs one hash per shingle instead of one per shingle
and permutation. ``datasketch`` would add numpy and scipy for a 128-permutation MinHash that costs
more per report than parsing it.
"""

from __future__ import annotations

import array
import difflib
import enum
import hashlib
import heapq
import re
import unicodedata
import zlib
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence

import attrs

from govdisclosure.corpus._records import body_paragraphs
from govdisclosure.model import DisclosureReport

SHINGLE = 5
"""Shingle length in characters: five Chinese characters are about two words, short enough that an edit
breaks few shingles, long enough that shared shingles mean shared phrasing, not shared vocabulary."""
NUM_HASHES = 128
"""MinHash bins: the estimate's standard error is at most 0.5 / √128 ≈ 0.044."""
BANDS = 32
"""LSH bands of ``NUM_HASHES / BANDS`` = 4 rows: a pair is a candidate when one band is equal, with
probability 1 − (1 − J⁴)³²: 0.87 at J = 0.5, 0.99997 at J = 0.8 (the S-curve's midpoint is near 0.42)."""
COPIED = 0.8
"""Jaccard at or above which a pair is reported as copied. Two bodies of equal length of which a share c
is common have J = c / (2 − c): J = 0.8 is c ≈ 89 %, the top of the range evaluations report ("up to 90 %
copied from the previous year"); 90 % copied is J ≈ 0.82, 80 % copied is J ≈ 0.67."""
SIMILAR = 0.5
"""Jaccard at or above which a pair is reported as similar (c ≈ 67 % common text)."""
MIN_PASSAGE = 30
"""The shortest common passage reported, in characters of the normalised text (about a sentence)."""
BOILERPLATE_SHARE = 0.05
"""A shingle found in more than this share of the documents (and in more than
:data:`BOILERPLATE_MIN`) is boilerplate — the template's or the format's phrasing — and left out of
the all-pairs search: reports written from one template otherwise all look alike."""
BOILERPLATE_MIN = 10
"""Below this many documents a shingle is never boilerplate (a small corpus keeps all)."""
MAX_PAIRS = 20
"""The most pairs the all-pairs search keeps per report (those most alike by MinHash); more are left
out with a note in the summary."""
MAX_PASSAGES = 50
"""The most common passages listed per pair (the longest, in the order of the report); more are left
out with a note in the summary."""

_FIGURE = re.compile(r"[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?")  # 12, 1,024, 5.5
_SPACE = re.compile(r"\s+")
_EMPTY = (1 << 64) - 1


def normalise(text: str) -> str:
    """The text compared: NFKC (full-width forms folded), figures masked as ``0``, spaces dropped.

    Masking figures makes a report copied with this year's figures typed in still a copy.

    >>> normalise("全年公开信息１２３条， 2014年 共 5.5万元，1,024件")
    '全年公开信息0条,0年共0万元,0件'
    """
    folded = unicodedata.normalize("NFKC", text)
    return _FIGURE.sub("0", _SPACE.sub("", folded))


@attrs.frozen
class Document:
    """A report's body as compared: its paragraphs' JSON paths and normalised texts."""

    paths: tuple[str, ...]
    texts: tuple[str, ...]

    @classmethod
    def of(cls, report: DisclosureReport) -> Document:
        """The report's body paragraphs (headings, header and tables are not compared: they are the
        format's, alike in every report)."""
        pairs = [(path, normalise(p)) for path, p in body_paragraphs(report)]
        kept = [(path, text) for path, text in pairs if text]
        return cls(tuple(p for p, _ in kept), tuple(t for _, t in kept))

    def shingles(self, k: int = SHINGLE) -> frozenset[str]:
        """The set of ``k``-character substrings of the paragraphs (none across paragraphs); a
        paragraph shorter than ``k`` is one shingle."""
        found: set[str] = set()
        for text in self.texts:
            if len(text) <= k:
                found.add(text)
            else:
                found.update(text[i : i + k] for i in range(len(text) - k + 1))
        return frozenset(found)


def jaccard(a: frozenset[str] | set[str], b: frozenset[str] | set[str]) -> float:
    """``|a ∩ b| / |a ∪ b|``; 0.0 when both are empty.

    >>> jaccard({"a", "b", "c"}, {"b", "c", "d"})
    0.5
    """
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def containment(a: frozenset[str] | set[str], b: frozenset[str] | set[str]) -> float:
    """``|a ∩ b| / |b|``: the share of ``b`` found in ``a``; 0.0 when ``b`` is empty."""
    return len(a & b) / len(b) if b else 0.0


class ShingleCounts:
    """In how many documents each shingle occurs (document frequency), in a fixed table of 2²²
    counters (8 MiB) indexed by the shingle's CRC-32: memory does not grow with the corpus. Two
    shingles that share a counter add up, so a rare one may be taken for boilerplate; with a few
    thousand boilerplate shingles among 4 million counters, that is about one in a thousand.

    Hand-written: a counting table is a dozen lines; a sketch library would add a dependency.
    """

    SIZE = 1 << 22

    def __init__(self) -> None:
        self.counts = array.array("H", bytes(2 * self.SIZE))
        self.documents = 0

    def _slot(self, shingle: str) -> int:
        return zlib.crc32(shingle.encode("utf-8", "surrogatepass")) & (self.SIZE - 1)

    def add(self, shingles: Iterable[str]) -> None:
        """Count one document's (distinct) shingles."""
        counts = self.counts
        for slot in {self._slot(s) for s in shingles}:
            if counts[slot] < 0xFFFF:
                counts[slot] += 1
        self.documents += 1

    def threshold(self) -> int:
        """The number of documents above which a shingle is boilerplate."""
        return max(BOILERPLATE_MIN, int(BOILERPLATE_SHARE * self.documents))

    def distinctive(self, shingles: Iterable[str]) -> frozenset[str]:
        """The shingles that are not boilerplate (see :data:`BOILERPLATE_SHARE`)."""
        limit, counts = self.threshold(), self.counts
        return frozenset(s for s in shingles if counts[self._slot(s)] <= limit)


def _hash(shingle: str, salt: bytes) -> int:
    digest = hashlib.blake2b(shingle.encode("utf-8"), digest_size=8, salt=salt).digest()
    return int.from_bytes(digest, "little")


def minhash(
    shingles: Iterable[str], *, num_hashes: int = NUM_HASHES, seed: int = 0
) -> tuple[int, ...]:
    """The MinHash signature of a set of shingles: ``num_hashes`` values, one per bin.

    One-permutation hashing: each shingle's 64-bit hash picks a bin (its low bits) and competes for the
    bin's minimum (its high bits). A bin no shingle fell in borrows the value of the next non-empty bin
    to its right (circularly), shifted by the distance so that borrowed values match only borrowed ones
    from the same distance ("rotation" densification). The share of equal bins of two signatures
    estimates the Jaccard similarity of the sets (:func:`estimate`). An empty set gives all bins
    ``2**64 - 1``. ``seed`` picks the hash function (signatures compare only under the same seed).

    >>> sig = minhash({"政府信息公", "府信息公开"}, num_hashes=8)
    >>> len(sig), sig == minhash(["府信息公开", "政府信息公"], num_hashes=8)
    (8, True)
    """
    if num_hashes < 1:
        raise ValueError(f"num_hashes must be 1 or more, got {num_hashes}")
    salt = seed.to_bytes(16, "little")
    bins = [_EMPTY] * num_hashes
    for shingle in shingles:
        h = _hash(shingle, salt)
        b, value = h % num_hashes, h // num_hashes
        if value < bins[b]:
            bins[b] = value
    if all(v == _EMPTY for v in bins):
        return tuple(bins)
    span = 1 << 64  # larger than any value: a borrowed value never equals a native one
    dense = list(bins)
    for b in range(num_hashes):
        if bins[b] == _EMPTY:
            distance = 1
            while bins[(b + distance) % num_hashes] == _EMPTY:
                distance += 1
            dense[b] = bins[(b + distance) % num_hashes] + distance * span
    return tuple(dense)


def _empty(sig: Sequence[int]) -> bool:
    """Whether a signature is of an empty set (or has no bins)."""
    return all(v == _EMPTY for v in sig)


def estimate(a: Sequence[int], b: Sequence[int]) -> float:
    """The Jaccard similarity two signatures estimate: the share of their equal bins (0.0 if either
    is of an empty set)."""
    if len(a) != len(b):
        raise ValueError(f"signatures of different lengths: {len(a)} and {len(b)}")
    if _empty(a) or _empty(b):
        return 0.0
    return sum(1 for x, y in zip(a, b, strict=True) if x == y) / len(a)


def candidates(
    signatures: Sequence[Sequence[int]], *, bands: int = BANDS
) -> Iterator[tuple[int, int]]:
    """The pairs of indices ``(i, j)``, ``i < j``, whose signatures agree on at least one band
    (locality-sensitive hashing), each once, sorted. Signatures of empty sets take part in no pair.

    The pairs to verify exactly: those above about 0.5 are found with high probability (see
    :data:`BANDS`), those below 0.2 rarely.
    """
    if not signatures:
        return
    width = len(signatures[0])
    if width % bands:
        raise ValueError(f"{width} hashes do not split into {bands} bands")
    rows = width // bands
    buckets: dict[tuple[int, tuple[int, ...]], list[int]] = defaultdict(list)
    for i, sig in enumerate(signatures):
        if _empty(sig):
            continue
        for band in range(bands):
            buckets[band, tuple(sig[band * rows : (band + 1) * rows])].append(i)
    found: set[tuple[int, int]] = set()
    for members in buckets.values():
        for x, i in enumerate(members):
            found.update((i, j) for j in members[x + 1 :])
    yield from sorted(found)


def best_candidates(
    signatures: Sequence[Sequence[int]], *, limit: int = MAX_PAIRS, bands: int = BANDS
) -> tuple[list[tuple[int, int]], int]:
    """The :func:`candidates`, at most ``limit`` per signature: each keeps the pairs it is most alike
    in (by :func:`estimate`; the earlier pair on a tie), and a pair is kept if either side keeps it.
    Returns the pairs, sorted, and how many signatures had more than ``limit``.

    >>> sigs = [minhash({"政府信息公"})] * 4
    >>> best_candidates(sigs, limit=1)
    ([(0, 1), (0, 2), (0, 3)], 4)
    """
    kept: dict[int, list[tuple[float, int, int, int]]] = defaultdict(list)
    over: set[int] = set()
    for i, j in candidates(signatures, bands=bands):
        score = estimate(signatures[i], signatures[j])
        for side in (i, j):
            heap = kept[side]
            entry = (score, -i, -j, side)
            if len(heap) < limit:
                heapq.heappush(heap, entry)
            else:
                over.add(side)
                heapq.heappushpop(heap, entry)
    pairs = {(-i, -j) for heap in kept.values() for _, i, j, _ in heap}
    return sorted(pairs), len(over)


@attrs.frozen
class Passage:
    """A passage common to two reports (相同段落), located in each."""

    path_a: str
    """The JSON path of the paragraph of ``a`` where it starts."""
    offset_a: int
    """The offset in that paragraph's normalised text."""
    path_b: str
    offset_b: int
    length: int
    """Its length in characters of the normalised text."""
    text: str
    """The passage, normalised."""


def _locate(document: Document) -> tuple[str, list[int]]:
    starts, at = [], 0
    for text in document.texts:
        starts.append(at)
        at += len(text) + 1
    return "\n".join(document.texts), starts


def _where(starts: list[int], offset: int) -> tuple[int, int]:
    lo, hi = 0, len(starts) - 1
    while lo < hi:  # the last paragraph starting at or before offset
        mid = (lo + hi + 1) // 2
        if starts[mid] <= offset:
            lo = mid
        else:
            hi = mid - 1
    return lo, offset - starts[lo]


def passages(a: Document, b: Document, *, min_length: int = MIN_PASSAGE) -> list[Passage]:
    """The passages of at least ``min_length`` characters that ``a`` and ``b`` have in common, in the
    order of ``b``, each located in both (paragraph path and offset). A run of common text that crosses
    paragraphs is cut at their boundaries.

    The common runs are difflib's matching blocks of the two normalised bodies (a longest common
    substring, then the same on each side of it), so each passage of ``b`` is matched once, in order.
    """
    text_a, starts_a = _locate(a)
    text_b, starts_b = _locate(b)
    matcher = difflib.SequenceMatcher(None, text_a, text_b, autojunk=False)
    found = []
    for block in matcher.get_matching_blocks():
        i, j, size = block.a, block.b, block.size
        # cut at paragraph boundaries (the "\n" joining paragraphs), keeping pieces long enough
        for piece in re.finditer(r"[^\n]+", text_b[j : j + size]):
            length = piece.end() - piece.start()
            if length < min_length:
                continue
            pa, oa = _where(starts_a, i + piece.start())
            pb, ob = _where(starts_b, j + piece.start())
            found.append(Passage(a.paths[pa], oa, b.paths[pb], ob, length, piece.group()))
    return found


def longest(found: Sequence[Passage], limit: int = MAX_PASSAGES) -> list[Passage]:
    """The ``limit`` longest of ``found`` (the earlier on a tie), in their order.

    >>> [p.length for p in longest([Passage("a", 0, "b", 0, n, "") for n in (30, 90, 40, 90)], 2)]
    [90, 90]
    """
    if len(found) <= limit:
        return list(found)
    chosen = set(heapq.nlargest(limit, range(len(found)), key=lambda i: (found[i].length, -i)))
    return [p for i, p in enumerate(found) if i in chosen]


class Verdict(enum.StrEnum):
    """What a pair of reports is, by their similarity (判定); each member is equal to its value."""

    COPIED = "copied"
    """Jaccard at or above the copied threshold (:data:`COPIED`, 0.8)."""
    SIMILAR = "similar"
    """Jaccard at or above the similar threshold (:data:`SIMILAR`), below the copied one."""


@attrs.frozen
class Similarity:
    """How alike two reports' bodies are (相似度)."""

    jaccard: float
    """Jaccard similarity of their shingle sets."""
    containment: float
    """The share of the second's shingles found in the first."""

    def verdict(self, *, copied: float = COPIED, similar: float = SIMILAR) -> Verdict | None:
        """:attr:`Verdict.COPIED`, :attr:`Verdict.SIMILAR` or None, by :attr:`jaccard` against the
        thresholds."""
        if self.jaccard >= copied:
            return Verdict.COPIED
        if self.jaccard >= similar:
            return Verdict.SIMILAR
        return None


def similarity(a: DisclosureReport | Document, b: DisclosureReport | Document) -> Similarity:
    """The exact similarity of two reports' bodies (5-character shingles of the normalised paragraphs).

    >>> from govdisclosure import load
    >>> report = load("examples/dehua_2014/report.json")
    >>> similarity(report, report)
    Similarity(jaccard=1.0, containment=1.0)
    """
    sa = (a if isinstance(a, Document) else Document.of(a)).shingles()
    sb = (b if isinstance(b, Document) else Document.of(b)).shingles()
    return Similarity(jaccard(sa, sb), containment(sa, sb))
