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
