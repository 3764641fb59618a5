"""Hostile and unreadable files: one clear diagnostic each, no traceback, within the bounds; and every file
code (GP800–GP849) reachable."""

from __future__ import annotations

import io
import os
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from govdisclosure import Severity, load
from govdisclosure.parse import (
    Limits,
    ParseResult,
    parse_doc,
    parse_docx,
    parse_file,
    parse_pdf,
    sniff,
)
from govdisclosure.parse._codes import CODES
from govdisclosure.render import render
from tests.conftest import ROOT
from tests.files.helpers import SOFFICE, one_page_pdf

DATA = ROOT / "tests" / "files" / "data"


def zip_bomb() -> bytes:
    """A DOCX-looking ZIP whose word/document.xml unpacks to 50 MB of zeros (about 50 KB packed)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w") as part:
            chunk = b"\0" * 2**20
            for _ in range(50):
                part.write(chunk)
    return out.getvalue()


def _only(result: ParseResult, code: str) -> None:
    assert [d.code for d in result.diagnostics] == [code], [
        d.message_en for d in result.diagnostics
    ]
    (d,) = result.diagnostics
    assert d.severity is CODES[code].severity
    assert result.report.title == ""
    assert result.report.body == ()


HOSTILE: dict[str, tuple[Callable[[], ParseResult], str, str]] = {
    "cid": (lambda: parse_pdf(DATA / "cid.pdf"), "GP803", "OCR"),
    "scan": (lambda: parse_pdf(DATA / "scan.pdf"), "GP804", "OCR"),
    "corrupt": (lambda: parse_pdf(b"%PDF-1.7\n" + os.urandom(4000)), "GP800", "PDF"),
    "truncated": (lambda: parse_pdf((DATA / "clerk_2014.pdf").read_bytes()[:3000]), "GP800", "PDF"),
    "encrypted": (lambda: parse_pdf(DATA / "encrypted.pdf"), "GP802", "password"),
    "zip bomb": (lambda: parse_docx(zip_bomb()), "GP801", "ratio"),
    "not a zip": (lambda: parse_docx(b"PK\x03\x04 not really"), "GP800", "ZIP"),
    "a zip of something else": (
        lambda: parse_file(_zip({"xl/workbook.xml": "<workbook/>"})),
        "GP800",
        "word/document.xml",
    ),
    # pages that hold no text: read as GB18030 they would be a report of mojibake, silently
    "an empty file": (lambda: parse_file(b""), "GP800", "empty"),
    "white space only": (lambda: parse_file(b"\xef\xbb\xbf \r\n\t\n"), "GP800", "white space"),
    "a scan saved as an image": (
        lambda: parse_file(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + os.urandom(200)),
        "GP800",
        "OCR",
    ),
    "a JPEG named as a page": (
        lambda: parse_file(b"\xff\xd8\xff\xe0" + os.urandom(200), source_format="html"),
        "GP800",
        "JPEG",
    ),
    "binary data": (lambda: parse_file(b"\x00\x01\x02" * 100), "GP800", "NUL"),
    "a Word file forced to be read as HTML": (
        lambda: parse_file(DATA / "clerk_2021.docx", source_format="html"),
        "GP800",
        "read it as docx",
    ),
    "a PDF forced to be read as text": (
        lambda: parse_file(DATA / "clerk_2021.pdf", source_format="text"),
        "GP800",
        "read it as pdf",
    ),
}


def _zip(parts: dict[str, str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return out.getvalue()


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_an_unreadable_file_gives_one_clear_diagnostic(case: str) -> None:
    read, code, says = HOSTILE[case]
    started = time.monotonic()
    result = read()
    assert time.monotonic() - started < 10
    _only(result, code)
    assert result.diagnostics[0].severity is Severity.ERROR
    assert says.lower() in result.diagnostics[0].message_en.lower()


def test_bounds_are_the_callers_to_set() -> None:
    docx = render(load(ROOT / "examples" / "statutory_2021" / "report.json"), "docx")
    assert isinstance(docx, bytes)
    _only(parse_docx(docx, limits=Limits(max_bytes=1000)), "GP801")
    _only(parse_docx(docx, limits=Limits(max_unpacked=10_000)), "GP801")
    _only(parse_pdf(DATA / "clerk_2021.pdf", limits=Limits(max_pages=1)), "GP801")
    _only(parse_pdf(DATA / "clerk_2021.pdf", limits=Limits(max_seconds=0)), "GP801")


# Pages of a few kilobytes that would take pdfminer and pdfplumber from half a minute to minutes each: text
# drawn a character at a time, an operator it does not know, operators without operands, one string of
# half a million characters.
PATHOLOGICAL = {
    "text": b"BT /F1 10 Tf 50 800 Td " + b"(ab) Tj " * 200_000 + b"ET",
    "unknown operators": b"xx " * 1_500_000,
    "q Q": b"q Q " * 600_000,
    "one long string": b"BT /F1 1 Tf 0 0 Td (" + b"a" * 500_000 + b") Tj ET",
}


@pytest.mark.parametrize("case", sorted(PATHOLOGICAL))
def test_the_time_bound_holds_inside_one_page(case: str) -> None:
    data = one_page_pdf(PATHOLOGICAL[case])
    assert len(data) < 20_000
    started = time.monotonic()
    result = parse_pdf(data, limits=Limits(max_seconds=0.3))
    assert time.monotonic() - started < 2
    _only(result, "GP801")
    assert "reading time" in result.diagnostics[0].message_en


def flate_bomb(inflated: int) -> bytes:
    """A one-page PDF whose content stream is ``inflated`` bytes of spaces, deflated to a thousandth."""
    return one_page_pdf(b" " * inflated)


def test_a_flate_bomb_is_over_a_bound_before_pdfminer_inflates_it() -> None:
    data = flate_bomb(300 * 2**20)  # 300 MiB of spaces in about 300 KB
    assert len(data) < 400_000
    started = time.monotonic()
    result = parse_pdf(data)
    assert time.monotonic() - started < 10
    _only(result, "GP801")
    assert "unpacked size" in result.diagnostics[0].message_en
    # The same page inflated to less than the bound is read (an empty page: no text layer).
    assert parse_pdf(flate_bomb(2**20)).diagnostics[0].code == "GP804"
    _only(parse_pdf(flate_bomb(2**20), limits=Limits(max_unpacked=2**19)), "GP801")


def test_a_page_ruled_as_graph_paper_is_over_a_bound() -> None:
    # 120 × 169 ruling lines: pdfplumber would pair 20 000 crossings with each other (over a minute).
    lines = b"".join(b"%d 0 m %d 842 l S " % (x, x) for x in range(0, 595, 5))
    lines += b"".join(b"0 %d m 595 %d l S " % (y, y) for y in range(0, 842, 5))
    started = time.monotonic()
    result = parse_pdf(one_page_pdf(b"0.5 w " + lines))
    assert time.monotonic() - started < 5
    _only(result, "GP801")
    assert "ruling-line crossings on page 1: 20111" in result.diagnostics[0].message_en


def test_a_missing_file_is_a_diagnostic_and_a_wrong_argument_a_type_error(tmp_path: Path) -> None:
    _only(parse_pdf(tmp_path / "nothing.pdf"), "GP800")
    with pytest.raises(TypeError):
        parse_docx(42)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="source_format"):
        parse_file(b"", source_format="xlsx")


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b"%PDF-1.4", "pdf"),
        (b"\xef\xbb\xbf<!DOCTYPE html><html>", "html"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\0\0", "doc"),
        (b"PK\x03\x04", "docx"),
        ("索引号：x\n".encode("gb18030"), "text"),
    ],
)
def test_files_are_told_by_their_first_bytes(head: bytes, kind: str) -> None:
    assert sniff(head) == kind


def test_parse_file_reads_each_kind() -> None:
    for name in ("clerk_2021.docx", "clerk_2021.pdf"):
        assert parse_file(DATA / name).report.year == 2022
    assert parse_file(ROOT / "examples" / "dehua_2014" / "page.txt").report.year == 2014


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_wide_text_with_its_byte_order_mark_is_text_not_binary(encoding: str) -> None:
    page = "2014年政府信息公开工作年度报告\n一、概述\n本年度无依申请公开。\n"
    data = page.encode(encoding)
    if encoding == "utf-16-be":
        data = "\ufeff".encode(encoding) + data
    assert b"\x00" in data
    result = parse_file(data)
    assert not [d for d in result.diagnostics if d.code == "GP800"]
    assert result.report.year == 2014
    assert result.report.title == "2014年政府信息公开工作年度报告"


def test_a_doc_without_libreoffice_names_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "")
    result = parse_doc(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    _only(result, "GP805")
    assert "libreoffice" in result.diagnostics[0].message_en.lower()


@pytest.mark.skipif(SOFFICE is None, reason="needs LibreOffice (soffice)")
def test_a_doc_is_read_through_libreoffice(tmp_path: Path) -> None:
    import subprocess

    source = tmp_path / "clerk_2019.docx"
    source.write_bytes((DATA / "clerk_2019.docx").read_bytes())
    subprocess.run(
        [
            str(SOFFICE),
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "doc",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    doc = (tmp_path / "clerk_2019.doc").read_bytes()
    assert sniff(doc) == "doc"
    result = parse_file(doc)
    assert "GP812" in {d.code for d in result.diagnostics}
    assert result.report.title == "某县人民政府办公室2019年政府信息公开工作年度报告"
    assert result.report.tables == parse_docx(source).report.tables
    _only(parse_doc(doc, limits=Limits(soffice_seconds=0.01)), "GP806")


# One input per file code (GP800–GP849) that must produce it; the rest of the catalogue is in
# tests/parse/test_codes.py.
def _statutory_pdf() -> ParseResult:
    return parse_pdf(DATA / "clerk_2021.pdf")


FILE_CODES: dict[str, Callable[[], ParseResult]] = {
    "GP800": HOSTILE["corrupt"][0],
    "GP801": HOSTILE["zip bomb"][0],
    "GP802": HOSTILE["encrypted"][0],
    "GP803": HOSTILE["cid"][0],
    "GP804": HOSTILE["scan"][0],
    "GP805": lambda: parse_doc(b"", limits=Limits()) if not SOFFICE else _no_soffice(),
    "GP807": _statutory_pdf,
    "GP808": _statutory_pdf,
    "GP809": lambda: parse_docx(DATA / "clerk_2014.docx"),
    "GP811": lambda: parse_docx(DATA / "clerk_2014.docx"),
    "GP813": lambda: parse_docx(_unknown_property()),
}


def _unknown_property() -> bytes:
    from tests.files.test_docx import _custom, _with_part

    docx = render(load(ROOT / "examples" / "dehua_2014" / "report.json"), "docx")
    assert isinstance(docx, bytes)
    return _with_part(docx, "docProps/custom.xml", _custom(("Reviewer", "张三")))


def _no_soffice() -> ParseResult:
    path = os.environ.get("PATH", "")
    os.environ["PATH"] = ""
    try:
        return parse_doc(b"")
    finally:
        os.environ["PATH"] = path


@pytest.mark.parametrize("code", sorted(FILE_CODES))
def test_each_file_code_is_reachable(code: str) -> None:
    assert code in {d.code for d in FILE_CODES[code]().diagnostics}


def test_every_file_code_is_reached_somewhere() -> None:
    # GP806 and GP812 need LibreOffice (test_a_doc_is_read_through_libreoffice); GP810 Chromium's radicals
    # (tests/files/test_pdf.py, and the unit test below).
    files = {code for code in CODES if "GP800" <= code <= "GP849"}
    assert files == set(FILE_CODES) | {"GP806", "GP810", "GP812"}


def test_radicals_chromium_writes_are_normalised() -> None:
    from govdisclosure.parse._pdf import _radical

    assert _radical("⼀⼈⺠⻔⼾⾏") == "一人民门户行"
