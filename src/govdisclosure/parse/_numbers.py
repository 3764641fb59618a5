"""Document numbers (发文字号) as pages print them, damaged ones included.

:meth:`DocumentNumber.parse` is strict by design; the repair of a lost bracket is the parser's and is
always reported (GP301) with the raw text kept in the diagnostic.
"""

from __future__ import annotations

import re
from typing import Final, NamedTuple

from govdisclosure.model import YEAR_BRACKETS, DocumentNumber, DocumentNumberError

__all__ = ["DAMAGED_IN_TEXT", "IN_TEXT_OPENINGS", "Repair", "read_document_number", "repair_text"]

# The year brackets are the model's (one table of them); the parser adds only how they get damaged.
_CLOSING: Final = YEAR_BRACKETS
_OPENINGS: Final = re.escape("".join(YEAR_BRACKETS))
_CLOSINGS: Final = re.escape("".join(YEAR_BRACKETS.values()))
# A number whose year bracket lost its closing half: the four-digit year runs into the serial.
_DAMAGED: Final = re.compile(
    rf"(?P<issuer>[^\s\d{_OPENINGS}{_CLOSINGS}]{{1,20}}?)\s*(?P<open>[{_OPENINGS}])\s*"
    r"(?P<year>\d{4})(?P<serial>\d{1,6})\s*号"
)
# The same damage found in running text. Round brackets are left alone there: they also wrap citations.
IN_TEXT_OPENINGS: Final = "".join(o for o in YEAR_BRACKETS if o not in "(（")
DAMAGED_IN_TEXT: Final = re.compile(
    rf"(?P<open>[{re.escape(IN_TEXT_OPENINGS)}])(?P<year>(?:19|20)\d\d)(?P<serial>\d{{1,6}})号"
)


class Repair(NamedTuple):
    """A lost closing bracket put back: where (position of the insertion), the raw and the repaired text."""

    position: int
    found: str
    expected: str


def read_document_number(text: str) -> tuple[DocumentNumber, str | None] | None:
    """The number in ``text`` and, when it had to be repaired, the raw text; None if it is none.

    >>> read_document_number("闽政办函〔2014〕130号")
    (DocumentNumber(issuer='闽政办函', year=2014, serial=130), None)
    >>> read_document_number("闽政办函〔2014130号")
    (DocumentNumber(issuer='闽政办函', year=2014, serial=130), '闽政办函〔2014130号')
    >>> read_document_number("第三批") is None
    True
    """
    try:
        return DocumentNumber.parse(text), None
    except DocumentNumberError:
        pass
    m = _DAMAGED.fullmatch(text.strip())
    if m is None:
        return None
    try:
        number = DocumentNumber(
            issuer=m.group("issuer").strip(),
            year=int(m.group("year")),
            serial=int(m.group("serial")),
        )
    except ValueError:
        return None
    return number, text.strip()


def repair_text(text: str) -> tuple[str, list[Repair]]:
    """``text`` with every damaged year bracket closed, and the repairs (indices into ``text``).

    >>> repair_text("(闽政办函〔2014130号)、(泉政办〔2014〕102号)")
    ('(闽政办函〔2014〕130号)、(泉政办〔2014〕102号)', [Repair(position=10, found='〔2014130号', expected='〔2014〕130号')])
    """
    repairs: list[Repair] = []
    for m in DAMAGED_IN_TEXT.finditer(text):
        close = _CLOSING[m.group("open")]
        found = m.group()
        expected = f"{m.group('open')}{m.group('year')}{close}{m.group('serial')}号"
        repairs.append(Repair(m.start("year") + 4, found, expected))
    if not repairs:
        return text, []
    out = []
    last = 0
    for r in repairs:
        out.append(text[last : r.position])
        out.append(_CLOSING[text[r.position - 5]])
        last = r.position
    out.append(text[last:])
    return "".join(out), repairs
