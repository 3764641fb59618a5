"""Text that remembers where it came from: a string and, for each character, its offset in the source.

Hand-written: the parser joins wrapped lines, cuts paragraphs at enumerators and inserts lost marks (``〕``,
``。``), and every fact it extracts must still point at the source text (provenance). A piece is a list of
segments; a character of an ordinary segment maps to ``source + (index - start)``, a character of an
inserted segment has no source of its own and maps, with zero width, to where it was inserted.
"""

from __future__ import annotations

from bisect import bisect_right

from govdisclosure.model import Span

__all__ = ["Piece"]


class Piece:
    """A string and its map into the source text. Immutable; operations return new pieces.

    >>> p = Piece.of("闽政办函〔2014130号", 10)
    >>> q = p.insert(9, "〕")
    >>> q.text, q.span(0, len(q.text))
    ('闽政办函〔2014〕130号', Span(start=10, end=23))
    >>> q.span(9, 10)
    Span(start=19, end=19)
    """

    __slots__ = ("_head", "_head_end", "_inserted", "_sources", "_starts", "text")

    text: str
    _starts: tuple[int, ...]
    _sources: tuple[int, ...]
    _inserted: tuple[bool, ...]

    def __init__(
        self,
        text: str,
        starts: tuple[int, ...],
        sources: tuple[int, ...],
        inserted: tuple[bool, ...],
    ) -> None:
        self.text = text
        self._starts = starts
        self._sources = sources
        self._inserted = inserted
        # The fast paths below serve any range inside the first segment when it is copied from the
        # source (the whole piece, usually; all but a repaired 。 at the end, often). Without one, both
        # are -1 (so that a range test against _head_end alone rules the fast paths out).
        self._head = head = -1 if inserted[0] else sources[0]
        self._head_end = -1 if head < 0 else starts[1] if len(starts) > 1 else len(text)

    @classmethod
    def of(cls, text: str, source: int) -> Piece:
        """``text`` copied from the source at offset ``source``."""
        return _plain(text, source)

    @classmethod
    def added(cls, text: str, source: int) -> Piece:
        """``text`` that is not in the source (a repair), placed at offset ``source``."""
        return cls(text, (0,), (source,), (True,))

    def __repr__(self) -> str:
        return f"Piece({self.text!r}, source={self.source(0)})"

    def __len__(self) -> int:
        return len(self.text)

    def _segment(self, index: int) -> int:
        return bisect_right(self._starts, index) - 1

    def source(self, index: int) -> int:
        """The source offset of the character at ``index`` (or just past the end for ``len``)."""
        if index >= len(self.text):
            return self.source_end(len(self.text))
        k = self._segment(index)
        if self._inserted[k]:
            return self._sources[k]
        return self._sources[k] + index - self._starts[k]

    def source_end(self, index: int) -> int:
        """The source offset just past the character before ``index``."""
        if index <= 0:
            return self._sources[0]
        k = self._segment(index - 1)
        if self._inserted[k]:
            return self._sources[k]
        return self._sources[k] + index - self._starts[k]

    def bounds(self, start: int = 0, end: int | None = None) -> tuple[int, int]:
        """The (start, end) offsets of the source text that ``text[start:end]`` came from."""
        stop = len(self.text) if end is None else end
        if 0 <= start <= stop <= self._head_end:  # -1 without a copied first segment
            head = self._head
            return head + start, head + stop
        if start >= stop:
            first = self.source_end(start)
            return first, first
        starts, sources, inserted = self._starts, self._sources, self._inserted
        k = bisect_right(starts, start) - 1
        first = sources[k] if inserted[k] else sources[k] + start - starts[k]
        k = bisect_right(starts, stop - 1) - 1
        last = sources[k] if inserted[k] else sources[k] + stop - starts[k]
        return first, max(first, last)

    def span(self, start: int = 0, end: int | None = None) -> Span:
        """The span of source text that ``text[start:end]`` came from."""
        first, last = self.bounds(start, end)
        return Span(first, last)

    def slice(self, start: int, end: int | None = None) -> Piece:
        """``text[start:end]`` with its map."""
        head = self._head
        if head >= 0 and 0 <= start <= (self._head_end if end is None else end) <= self._head_end:
            if end is None and self._head_end == len(self.text):
                if start == 0:
                    return self
                return _plain(self.text[start:], head + start)
            if end is not None:
                return _plain(self.text[start:end], head + start)
        size = len(self.text)
        stop = size if end is None or end > size else end
        if start < 0:
            start = 0
        elif start > stop:
            start = stop
        if start == 0 and stop == size:
            return self
        if start == stop:
            return Piece("", (0,), (self.source_end(start),), (False,))
        k = self._segment(start)
        last = self._segment(stop - 1)
        starts = [0]
        sources = [self._sources[k] + (0 if self._inserted[k] else start - self._starts[k])]
        inserted = [self._inserted[k]]
        for j in range(k + 1, last + 1):
            starts.append(self._starts[j] - start)
            sources.append(self._sources[j])
            inserted.append(self._inserted[j])
        return Piece(self.text[start:stop], tuple(starts), tuple(sources), tuple(inserted))

    def __add__(self, other: Piece) -> Piece:
        if not other.text:
            return self
        if not self.text:
            return other
        shift = len(self.text)
        return Piece(
            self.text + other.text,
            self._starts + tuple(s + shift for s in other._starts),
            self._sources + other._sources,
            self._inserted + other._inserted,
        )

    @staticmethod
    def join(pieces: list[Piece]) -> Piece:
        """The pieces one after another (in one pass: repeated ``+`` would copy the text each time)."""
        parts = [p for p in pieces if p.text]
        if not parts:
            return pieces[0] if pieces else Piece("", (0,), (0,), (False,))
        if len(parts) == 1:
            return parts[0]
        texts: list[str] = []
        starts: list[int] = []
        sources: list[int] = []
        inserted: list[bool] = []
        shift = 0
        for p in parts:
            segments = p._starts
            if len(segments) == 1:  # most pieces: one segment
                starts.append(segments[0] + shift)
            else:
                starts.extend([s + shift for s in segments])
            sources.extend(p._sources)
            inserted.extend(p._inserted)
            texts.append(p.text)
            shift += len(p.text)
        return Piece("".join(texts), tuple(starts), tuple(sources), tuple(inserted))

    def insert(self, index: int, text: str) -> Piece:
        """The piece with ``text`` (a repair, not in the source) inserted before ``index``."""
        return self.slice(0, index) + Piece.added(text, self.source(index)) + self.slice(index)

    def strip(self, chars: str | None = None) -> Piece:
        """The piece without leading and trailing white space (or ``chars``)."""
        text = self.text
        stripped = text.strip(chars)
        if len(stripped) == len(text):
            return self
        left = len(text) - len(text.lstrip(chars))
        return self.slice(left, left + len(stripped))


_new = object.__new__
_ZERO: tuple[int, ...] = (0,)
_COPIED: tuple[bool, ...] = (False,)


def _plain(text: str, source: int) -> Piece:
    """``Piece(text, (0,), (source,), (False,))`` without the constructor's call (pieces of one copied
    segment are most of the pieces a parse makes: every line, every slice of one)."""
    piece = _new(Piece)
    piece.text = text
    piece._starts = _ZERO
    piece._sources = (source,)
    piece._inserted = _COPIED
    piece._head = source
    piece._head_end = len(text) if source >= 0 else -1
    return piece
