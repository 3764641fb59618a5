"""Tools the file tests share: the printers that make PDF files of the renderings."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from govdisclosure import DisclosureReport
from govdisclosure.render import render

CHROMIUM = next(
    (shutil.which(n) for n in ("chromium", "chromium-browser") if shutil.which(n)), None
)
SOFFICE = shutil.which("soffice")
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="needs chromium")
needs_soffice = pytest.mark.skipif(SOFFICE is None, reason="needs LibreOffice (soffice)")


def chromium_pdf(report: DisclosureReport, tmp: Path) -> bytes:
    """The full-page HTML rendering printed to PDF by headless Chromium (its own page header and footer
    on: the date, title, address and page count it prints are page chrome the reader must drop)."""
    assert CHROMIUM is not None
    page = tmp / "report.html"
    html = render(report, "html", full_page=True)
    assert isinstance(html, str)
    page.write_text(html, encoding="utf-8")
    out = tmp / "report.pdf"
    subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            f"--print-to-pdf={out}",
            page.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return out.read_bytes()


def soffice_pdf(docx: bytes, tmp: Path) -> bytes:
    """A DOCX converted to PDF by headless LibreOffice."""
    assert SOFFICE is not None
    source = tmp / "report.docx"
    source.write_bytes(docx)
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                SOFFICE,
                f"-env:UserInstallation={Path(profile).as_uri()}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(tmp),
                str(source),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
    return (tmp / "report.pdf").read_bytes()


def one_page_pdf(content: bytes) -> bytes:
    """A one-page A4 PDF whose content stream is ``content`` (Flate-compressed: a few kilobytes may hold
    millions of operators), with Helvetica as ``/F1``; written by hand, as a hostile file would be."""
    import zlib

    stream = zlib.compress(content, 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)
