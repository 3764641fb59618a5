"""The command line on DOCX and PDF files: ``parse`` sniffs them, ``batch`` reads them and fails bad ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from govdisclosure import loads
from govdisclosure.cli import main
from tests.conftest import ROOT

DATA = ROOT / "tests" / "files" / "data"


@pytest.mark.parametrize("name", ["clerk_2021.docx", "clerk_2021.pdf"])
def test_parse_tells_a_document_by_its_content(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    renamed = tmp_path / "download.dat"  # portals serve attachments under any name
    renamed.write_bytes((DATA / name).read_bytes())
    assert main(["parse", str(renamed)]) == 0
    report = loads(capsys.readouterr().out)
    assert report.year == 2022
    assert report.tables is not None


def test_parse_says_in_one_line_why_a_file_cannot_be_read(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["parse", str(DATA / "scan.pdf")]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert len(err.splitlines()) == 1
    assert "GP804" in err
    assert "OCR" in err
    assert main(["parse", str(DATA / "clerk_2021.pdf"), "--from", "docx"]) == 2
    assert "GP800" in capsys.readouterr().err


def test_batch_reads_documents_and_records_unreadable_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("clerk_2021.docx", "clerk_2019.pdf", "encrypted.pdf"):
        (folder / name).write_bytes((DATA / name).read_bytes())
    assert main(["batch", str(folder), "--jobs", "1"]) == 1
    out, err = capsys.readouterr()
    assert f"{folder / 'encrypted.pdf'}: failed: parse: GP802" in out
    assert "reports: 2" in err
    assert "failures: 1" in err


@pytest.mark.parametrize(
    ("name", "data", "why"),
    [
        ("scan.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64), "OCR"),
        ("download.pdf", b"", "empty"),  # a failed download: nothing, whatever its name
        ("page.txt", b"\x00\x9c\x01" * 50, "NUL"),
    ],
)
def test_a_page_that_holds_no_text_is_one_line_and_exit_2(
    name: str, data: bytes, why: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    assert main(["parse", str(path)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert len(err.splitlines()) == 1
    assert "GP800" in err
    assert why in err


def test_a_word_file_forced_to_be_html_says_what_it_is(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["parse", str(DATA / "clerk_2021.docx"), "--from", "html"]) == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1
    assert "a DOCX file" in err
