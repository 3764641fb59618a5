"""The DOCX of the 2021 example laid out by LibreOffice (headless, to PDF): each statutory table on one
page, so that no merged group goes on over a page with its label left behind, and no block title or
heading as the last line of a page. Skipped without LibreOffice, except in CI (``.ci/run`` installs it)."""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

from govdisclosure.render import render_docx
from govdisclosure.render._grid import table_grid
from tests.render.golden import build

SOFFICE = shutil.which("soffice")


def _pages(pdf: Path) -> list[list[str]]:
    pdfplumber = pytest.importorskip("pdfplumber")
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    with pdfplumber.open(pdf) as document:
        return [
            [unicodedata.normalize("NFKC", line["text"]) for line in page.extract_text_lines()]
            for page in document.pages
        ]


def test_tables_and_titles_are_not_split_over_pages(tmp_path: Path) -> None:
    if SOFFICE is None:
        if os.environ.get("CI"):
            pytest.fail("CI needs LibreOffice (soffice): .ci/run installs it")
        pytest.skip("no soffice (apt-get install libreoffice-writer-nogui)")
    report = build("statutory_2021")
    assert report.tables is not None
    path = tmp_path / "report.docx"
    path.write_bytes(render_docx(report))
    done = subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(path),
        ],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    pages = _pages(tmp_path / "report.pdf")
    assert len(pages) >= 3

    def page_of(text: str) -> int:
        text = unicodedata.normalize("NFKC", text)  # as the lines are: （七） is (七)
        found = [n for n, lines in enumerate(pages) if any(text in line for line in lines)]
        assert len(found) == 1, (text, found)
        return found[0]

    # Table 三 whole on one page: its first and last rows, and the group 三、本年度办理结果 with them.
    first = page_of("一、本年新收政府信息公开申请数量")
    assert page_of("四、结转下年度继续办理") == first
    assert page_of("（七）总计") == first
    # Table 二 whole on one page, and each block title with its rows.
    titles = [c.text for c in table_grid(report.tables, "t2").cells() if c.role == "title"]
    assert len({page_of(title) for title in titles} | {page_of("行政事业性收费")}) == 1
    # No heading and no block title as the last line of a page (the page number is the last line).
    headings = {
        (ref.node.label or "") + (ref.node.heading or "")
        for ref in report.sections()
        if ref.node.kind == "section"
    }
    for lines in pages:
        body = [line for line in lines if not line.startswith("—")]
        ends = {unicodedata.normalize("NFKC", t) for t in headings | set(titles)}
        assert body[-1].replace(" ", "") not in ends, body[-1]
