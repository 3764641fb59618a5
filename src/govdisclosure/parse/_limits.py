"""What one DOCX or PDF file may cost: a hostile file is reported (GP801), never allowed to hang a batch."""

from __future__ import annotations

import io
import os
import re
import time
import zipfile
import zlib
from pathlib import Path
from typing import Final

import attrs

from govdisclosure.model import Diagnostic
from govdisclosure.parse._codes import diagnostic

__all__ = ["Deadline", "Limits", "OverLimit", "read_source", "stream_problem", "zip_problem"]

_MIB: Final = 2**20


@attrs.frozen(kw_only=True)
class Limits:
    """The bounds on one file (读取上限); over one, the file is not read and GP801 says which.

    The defaults are ten times what a long report needs (a 40-page PDF of 2 MB; a DOCX of 200 KB whose
    parts unpack to 2 MB, a seal image included).
    """

    max_bytes: int = 50 * _MIB
    """the file's size"""
    max_pages: int = 500
    """a PDF's pages"""
    max_unpacked: int = 200 * _MIB
    """a DOCX: the unpacked size of all its parts; a PDF: the inflated size of all its Flate streams"""
    max_ratio: int = 100
    """a DOCX: how many times its packed size a part over 1 MiB may unpack to (a zip bomb's is thousands)"""
    max_parts: int = 10_000
    """a DOCX: the number of entries in its ZIP"""
    max_crossings: int = 3000
    """a PDF page: the crossings of its ruling lines, where tables are looked for (table 三 has about 400;
    pairing them costs their square)"""
    max_seconds: float = 60.0
    """the time to read one file, checked between blocks, and inside a PDF page as its content is read"""
    soffice_seconds: float = 120.0
    """the time LibreOffice may take to convert a DOC or WPS file"""


DEFAULT_LIMITS: Final = Limits()


class OverLimit(Exception):
    """Raised inside a reader when a bound is crossed; turned into GP801."""

    def __init__(self, what: str, what_en: str, found: object, limit: object) -> None:
        super().__init__(what_en)
        self.note = diagnostic(
            "GP801", "$", None, what=what, what_en=what_en, found=str(found), limit=limit
        )


class Deadline:
    """The time bound of one file (monotonic clock)."""

    __slots__ = ("end", "seconds")

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.end = time.monotonic() + seconds

    def check(self) -> None:
        if time.monotonic() > self.end:
            raise OverLimit("读取时间", "reading time", "超时", f"{self.seconds:g} s")


def read_source(
    source: str | os.PathLike[str] | bytes | bytearray, limits: Limits, name: str
) -> bytes | Diagnostic:
    """The bytes of a file given as bytes or as a path; a diagnostic when it is too big or unreadable."""
    if isinstance(source, bytes | bytearray):
        data = bytes(source)
    elif isinstance(source, str | os.PathLike):
        path = Path(source)
        try:
            size = path.stat().st_size
            if size > limits.max_bytes:
                return _too_big(size, limits)
            data = path.read_bytes()
        except OSError as error:
            reason = f"{type(error).__name__}: {error.strerror or error}"
            return diagnostic("GP800", "$", None, kind=name, reason=reason)
    else:
        raise TypeError(
            f"expected a path or bytes, got {type(source).__name__}"
        )  # the API's only exception
    if len(data) > limits.max_bytes:
        return _too_big(len(data), limits)
    return data


def _too_big(size: int, limits: Limits) -> Diagnostic:
    return diagnostic(
        "GP801",
        "$",
        None,
        what="文件大小",
        what_en="file size",
        found=f"{size} B",
        limit=f"{limits.max_bytes} B",
    )


def zip_problem(data: bytes, limits: Limits) -> Diagnostic | None:
    """Why a DOCX's ZIP must not be unpacked (a zip bomb, too many parts, not a ZIP), or None.

    The sizes are the ones the ZIP declares; :mod:`zipfile` never unpacks more than an entry declares, so a
    bomb that lies about its size is cut short (and then fails its CRC check).
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as error:
        return diagnostic("GP800", "$", None, kind="DOCX", reason=f"not a ZIP package ({error})")
    if len(entries) > limits.max_parts:
        return diagnostic(
            "GP801",
            "$",
            None,
            what="ZIP 条目数",
            what_en="ZIP entries",
            found=str(len(entries)),
            limit=limits.max_parts,
        )
    total = sum(e.file_size for e in entries)
    if total > limits.max_unpacked:
        return _unpacked(f"{total} B", limits)
    for entry in entries:
        if entry.file_size > _MIB and entry.file_size > limits.max_ratio * max(
            entry.compress_size, 1
        ):
            return diagnostic(
                "GP801",
                "$",
                None,
                what=f"压缩比（{entry.filename}）",
                what_en=f"compression ratio of {entry.filename}",
                found=f"{entry.file_size // max(entry.compress_size, 1)}:1",
                limit=f"{limits.max_ratio}:1",
            )
    return None


# A stream's data starts after the keyword ``stream`` and its end of line (ISO 32000-1, 7.3.8.1).
_STREAM: Final = re.compile(rb"(?<!end)stream\r?\n")


def stream_problem(data: bytes, limits: Limits) -> Diagnostic | None:
    """Why a PDF's streams must not be inflated (a Flate bomb), or None.

    pdfminer inflates each stream whole and in memory, so a few kilobytes of zeros deflated can ask for
    gigabytes. Every stream is inflated here first a mebibyte at a time and only counted, never kept;
    a stream that is not Flate data (an image, an encrypted stream) counts nothing here.
    """
    total = 0
    view = memoryview(data)
    for match in _STREAM.finditer(data):
        end = data.find(b"endstream", match.end())
        total += _inflated_size(view[match.end() : end if end >= 0 else len(data)], limits)
        if total > limits.max_unpacked:
            return _unpacked(f"over {limits.max_unpacked} B", limits)
    return None


def _unpacked(found: str, limits: Limits) -> Diagnostic:
    return diagnostic(
        "GP801",
        "$",
        None,
        what="解压后大小",
        what_en="unpacked size",
        found=found,
        limit=f"{limits.max_unpacked} B",
    )


def _inflated_size(raw: memoryview, limits: Limits) -> int:
    inflater = zlib.decompressobj()
    size = 0
    pending: bytes | memoryview = raw
    try:
        while pending and size <= limits.max_unpacked and not inflater.eof:
            out = inflater.decompress(pending, _MIB)
            if not out and len(inflater.unconsumed_tail) == len(pending):
                break  # no progress: zlib wants more input than the stream has
            size += len(out)
            pending = inflater.unconsumed_tail
    except zlib.error:  # not (or no longer) Flate data: pdfminer will say what it is
        pass
    return size
