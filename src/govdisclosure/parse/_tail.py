"""The end of a document: the signature (落款: authority and date) and the attachments (附件)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

import attrs

from govdisclosure.model import Attachment, Header, Signature
from govdisclosure.parse._context import Context
from govdisclosure.parse._dates import damaged_date_readings, read_date
from govdisclosure.parse._lines import Line
from govdisclosure.parse._piece import Piece
from govdisclosure.zh import format_date, parse_label

__all__ = ["Tail", "read_tail", "signature_like"]

_ATTACHMENT: Final = re.compile(r"附[ \t\u3000\xa0]*件[ \t\u3000\xa0]*[:：][ \t\u3000\xa0]*")
_NUMBERED: Final = re.compile(r"(\d{1,2})[ \t\u3000\xa0]*[.．、][ \t\u3000\xa0]*(?=\S)")
_NOT_IN_SIGNATURE: Final = frozenset('。，,；;：:！？!?《》|“”"')
# Names of authorities end with one of these (署名机关); used only when no date follows the name.
_AUTHORITY_END: Final = re.compile(
    r"(?:局|委|办|院|厅|部|署|会|室|处|科|所|站|队|中心|政府|公司|集团|委员会|办公室|人民法院|检察院|街道|乡|镇|社区|管委会|管理处)$"
)
_AUTHORITY_THEN_DATE: Final = re.compile(
    r"(?P<authority>\S.{0,38}?)[ \t\u3000\xa0]+(?P<date>\S.{5,20})"
)


@attrs.define
class Tail:
    signature: Signature | None
    attachments: list[Attachment]
    body_end: int
    """index (into the content lines) where the body ends"""


def signature_like(text: str) -> bool:
    return (
        2 <= len(text) <= 40
        and not any(c in _NOT_IN_SIGNATURE for c in text)
        and parse_label(text) is None
    )


def _attachments(
    lines: list[Line], start: int, end: int, context: Context
) -> tuple[list[Attachment], int]:
    j = end - 1
    while j >= start and _ATTACHMENT.match(lines[j].text) is None:
        if _NUMBERED.match(lines[j].text) is None or end - j > 50:
            return [], end
        j -= 1
    if j < start:
        return [], end
    first = lines[j]
    head = _ATTACHMENT.match(first.text)
    assert head is not None
    entries = [first.piece.slice(head.end())] if head.end() < len(first.text) else []
    entries += [lines[k].piece for k in range(j + 1, end)]
    names: list[Piece] = []
    numbered = len(entries) > 1 or (entries and _NUMBERED.match(entries[0].text) is not None)
    for entry in entries:
        m = _NUMBERED.match(entry.text) if numbered else None
        names.append(entry.slice(m.end()) if m is not None else entry)
    attachments = []
    for k, name in enumerate(n for n in names if n.text):
        context.source(f"$.attachments[{k}].name", name.bounds())
        attachments.append(Attachment(name=name.text))
    return attachments, j


def _read_signature_date(
    piece: Piece, header: Header, context: Context
) -> tuple[dt.date | None, str | None] | None:
    """(date, date_text) of a date line, or None if the line is not a date."""
    date = read_date(piece.text)
    if date is not None:
        context.source("$.signature.date", piece.bounds())
        return date, None
    damaged = damaged_date_readings(piece.text)
    if damaged is None:
        return None
    raw, readings = damaged
    if not readings:
        context.source("$.signature.date_text", piece.bounds())
        context.report("GP404", "$.signature.date_text", piece.span(), found=raw)
        return None, raw
    if len(readings) == 1:
        context.source("$.signature.date", piece.bounds())
        context.report(
            "GP403", "$.signature.date", piece.span(), found=raw, expected=format_date(readings[0])
        )
        return readings[0], None
    corroborating = {header.document_date}
    if header.published_at is not None:
        corroborating.add(header.published_at.date())
    agreed = [d for d in readings if d in corroborating]
    if len(agreed) == 1:
        context.source("$.signature.date", piece.bounds())
        context.report(
            "GP401", "$.signature.date", piece.span(), found=raw, expected=format_date(agreed[0])
        )
        return agreed[0], None
    context.source("$.signature.date_text", piece.bounds())
    context.report(
        "GP402",
        "$.signature.date_text",
        piece.span(),
        found=raw,
        readings=" / ".join(format_date(d) for d in readings),
    )
    return None, raw


def _signature(
    lines: list[Line], start: int, end: int, header: Header, context: Context
) -> tuple[Signature | None, int]:
    if end <= start:
        return None, end
    last = lines[end - 1]
    dated = _read_signature_date(last.piece, header, context)
    if dated is not None:
        date, date_text = dated
        authority = None
        new_end = end - 1
        if new_end > start and signature_like(lines[new_end - 1].text):
            authority = lines[new_end - 1].piece
            new_end -= 1
        if authority is not None:
            context.source("$.signature.authority", authority.bounds())
        return Signature(
            authority=None if authority is None else authority.text, date=date, date_text=date_text
        ), new_end
    # The authority and the date on one line
    both = _AUTHORITY_THEN_DATE.fullmatch(last.text)
    if both is not None and signature_like(both.group("authority")):
        date_piece = last.piece.slice(both.start("date"))
        dated = _read_signature_date(date_piece, header, context)
        if dated is not None:
            authority = last.piece.slice(0, both.end("authority"))
            context.source("$.signature.authority", authority.bounds())
            return Signature(authority=authority.text, date=dated[0], date_text=dated[1]), end - 1
    # An authority without a date: only a name that reads as one
    if end > 1 and signature_like(last.text) and _AUTHORITY_END.search(last.text):
        context.source("$.signature.authority", last.piece.bounds())
        return Signature(authority=last.text), end - 1
    return None, end


def read_tail(lines: list[Line], start: int, header: Header, context: Context) -> Tail:
    """Signature and attachments at the end of ``lines`` (content lines only), none before ``start``.

    The body keeps at least its first line: an undated authority needs a line before it.
    """
    end = len(lines)
    attachments, end = _attachments(lines, start, end, context)
    signature, end = _signature(lines, start, end, header, context)
    if not attachments and signature is not None:
        # GB/T 9704 puts the attachment note before the signature
        attachments, end = _attachments(lines, start, end, context)
    return Tail(signature=signature, attachments=attachments, body_end=end)
