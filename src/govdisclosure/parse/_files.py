"""Any report file by its content: PDF, DOCX, DOC/WPS (through LibreOffice), HTML or text."""

from __future__ import annotations

import codecs
import io
import os
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path
from typing import Final, Literal

from govdisclosure.model import Diagnostic
from govdisclosure.parse._blocks import failed, read_file
from govdisclosure.parse._codes import diagnostic
from govdisclosure.parse._docx import parse_docx, read_docx
from govdisclosure.parse._limits import DEFAULT_LIMITS, Limits, read_source
from govdisclosure.parse._parser import parse_html, parse_text
from govdisclosure.parse._pdf import parse_pdf
from govdisclosure.parse._result import ParseResult

__all__ = ["FileFormat", "parse_doc", "parse_file", "sniff"]

FileFormat = Literal["text", "html", "docx", "pdf", "doc"]
_OLE: Final = (
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97–2003 and WPS files are OLE compound files
)
_HTML_MARKERS: Final = (
    b"<!doctype html",
    b"<html",
    b"<head",
    b"<body",
    b"<meta",
    b"<div",
    b"<p>",
    b"<p ",
    b"<table",
    b"<title",
)
# Images a scanned report is often saved as: named so the error can say to run OCR first.
_IMAGES: Final = (
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
)
# Text may hold NUL bytes only as UTF-16 or UTF-32, which then opens with its byte-order mark.
_WIDE_BOMS: Final = (
    codecs.BOM_UTF16_LE,
    codecs.BOM_UTF16_BE,
    codecs.BOM_UTF32_BE,
)  # UTF-32-LE: as UTF-16-LE


def sniff(data: bytes) -> FileFormat:
    """What a file is by its first bytes: ``pdf`` (``%PDF``), ``docx`` (a ZIP holding
    ``word/document.xml``), ``doc`` (an OLE compound file: Word 97–2003, WPS), ``html`` (markup at the start),
    else ``text``.

    >>> sniff(b"%PDF-1.7 ..."), sniff(b"\\xd0\\xcf\\x11\\xe0\\xa1\\xb1\\x1a\\xe1..."), sniff("<!DOCTYPE html>".encode())
    ('pdf', 'doc', 'html')
    >>> sniff("2014年政府信息公开工作报告".encode("gb18030"))
    'text'
    """
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if data.startswith(_OLE):
        return "doc"
    if data.startswith(b"PK\x03\x04"):
        return (
            "docx"  # a ZIP: read as DOCX, which says so (GP800) when it holds no word/document.xml
        )
    start = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if any(marker in start for marker in _HTML_MARKERS):
        return "html"
    return "text"


def _not_text(data: bytes, kind: str) -> Diagnostic | None:
    """GP800 where ``data``, to be read as ``kind`` (text or HTML), holds no text: an empty file, an image
    (a scan), a PDF, Word or WPS file named as a page, or other binary data (NUL bytes outside UTF-16/32,
    as file(1) and git tell binary data). Decoded as GB18030 such data would be a page of mojibake, read silently.
    """
    name = "HTML" if kind == "html" else "text"
    if not data.lstrip(b"\xef\xbb\xbf \t\r\n\x0b\x0c"):
        reason = "the file is empty" if not data else "the file holds only white space"
        return diagnostic("GP800", "$", None, kind=name, reason=reason)
    image = next((what for magic, what in _IMAGES if data.startswith(magic)), None)
    if image is not None:
        reason = (
            f"a {image} image, not a page: a scan holds no text; run OCR (ocrmypdf, for one) first"
        )
        return diagnostic("GP800", "$", None, kind=name, reason=reason)
    sniffed = sniff(data)
    if sniffed in ("pdf", "docx", "doc"):
        reason = f"a {sniffed.upper()} file, not a page: read it as {sniffed}"
        return diagnostic("GP800", "$", None, kind=name, reason=reason)
    if not data.startswith(_WIDE_BOMS) and b"\x00" in data[:8192]:
        reason = "binary data (NUL bytes), not text"
        return diagnostic("GP800", "$", None, kind=name, reason=reason)
    return None


def _is_docx(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return False


def parse_doc(
    source: str | os.PathLike[str] | bytes | bytearray, *, limits: Limits = DEFAULT_LIMITS
) -> ParseResult:
    """Read a Word 97–2003 (``.doc``) or WPS (``.wps``) file: LibreOffice converts it to DOCX (``soffice
    --headless --convert-to docx``, in a temporary folder, within ``limits.soffice_seconds``), which
    :func:`parse_docx` reads. Without ``soffice`` on the PATH, one error diagnostic (GP805) says what to
    install; a failed or timed-out conversion is GP806.
    """
    data = read_source(source, limits, "DOC")
    if isinstance(data, Diagnostic):
        return failed([data])
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return failed(
            [
                diagnostic(
                    "GP805",
                    "$",
                    None,
                    kind="DOC/WPS",
                    what="LibreOffice (soffice)",
                    install="apt-get install libreoffice-writer-nogui (or LibreOffice from libreoffice.org)",
                )
            ]
        )
    converted = _convert(soffice, data, limits)
    if isinstance(converted, Diagnostic):
        return failed([converted])
    notes = [diagnostic("GP812", "$", None, kind="DOC/WPS")]
    return read_file(converted, limits, read_docx, "DOCX", notes)


def _convert(soffice: str, data: bytes, limits: Limits) -> bytes | Diagnostic:
    with tempfile.TemporaryDirectory(prefix="govdisclosure-") as folder:
        work = Path(folder)
        source = work / "report.doc"
        source.write_bytes(data)
        # A profile of its own: a second soffice would otherwise wait on the user's running one.
        profile = (work / "profile").as_uri()
        command = [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--norestore",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(work / "out"),
            str(source),
        ]
        try:
            done = subprocess.run(
                command,
                capture_output=True,
                timeout=limits.soffice_seconds,
                check=False,
                stdin=subprocess.DEVNULL,
            )
        except subprocess.TimeoutExpired:
            return diagnostic(
                "GP806",
                "$",
                None,
                kind="DOC/WPS",
                reason=f"no result within {limits.soffice_seconds:g} s",
            )
        except OSError as error:
            return diagnostic("GP806", "$", None, kind="DOC/WPS", reason=str(error))
        out = work / "out" / "report.docx"
        if done.returncode != 0 or not out.exists():
            said = " ".join(done.stderr.decode("utf-8", "replace").split())[:160]
            return diagnostic(
                "GP806",
                "$",
                None,
                kind="DOC/WPS",
                reason=f"exit status {done.returncode}" + (f": {said}" if said else ""),
            )
        return out.read_bytes()


def parse_file(
    path: str | os.PathLike[str] | bytes | bytearray,
    *,
    source_format: FileFormat | str | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> ParseResult:
    """Read a report file, whatever it is: PDF, DOCX, DOC/WPS, HTML or text, told by its content
    (:func:`sniff`) unless ``source_format`` says. Never raises on content: a file that cannot be read gives
    an empty report and one error diagnostic saying why (GP800–GP806); so does a page (text or HTML) that
    holds no text: an empty file, an image, a PDF/Word file or other binary data (GP800). A ``source_format`` that is none of
    ``text``, ``html``, ``docx``, ``pdf`` and ``doc`` raises :class:`ValueError`.

    >>> result = parse_file("examples/dehua_2014/page.txt")
    >>> result.report.title
    '2014年政府信息公开工作进展情况“成绩单”'
    """
    if source_format not in (None, "text", "html", "docx", "pdf", "doc"):
        raise ValueError(
            f"source_format must be text, html, docx, pdf or doc, got {source_format!r}"
        )
    data = read_source(path, limits, source_format or "file")
    if isinstance(data, Diagnostic):
        return failed([data])
    kind = source_format or sniff(data)
    if kind == "pdf":
        return parse_pdf(data, limits=limits)
    if kind == "docx":
        if not _is_docx(data) and source_format is None:
            reason = "a ZIP without word/document.xml (not a Word document)"
            return failed([diagnostic("GP800", "$", None, kind="DOCX", reason=reason)])
        return parse_docx(data, limits=limits)
    if kind == "doc":
        return parse_doc(data, limits=limits)
    unreadable = _not_text(data, kind)
    if unreadable is not None:
        return failed([unreadable])
    if kind == "html":
        return parse_html(data)
    return parse_text(data)  # decoded by BOM, UTF-8, else GB18030, and said so
