"""Benchmark reading report files: DOCX and PDF pages per second against the text parser on the same reports,
and the PDF libraries side by side.

Run from the repository root::

    python benchmarks/bench_files.py            # full run
    python benchmarks/bench_files.py --quick    # shorter timing

The reports are the two worked examples (the 2014 seed, the 2021 statutory report with its three tables),
each as its text rendering (``parse_text``), its DOCX rendering (``parse_docx``) and that DOCX printed to PDF
by LibreOffice (``parse_pdf``; where ``soffice`` is missing, the committed clerk-made PDFs of the tests are
used instead). A "page" is a page of the PDF, so the three rates count the same text.

The PDF libraries compared on the same PDFs (CPU time per page): pdfplumber (characters with their boxes and
the tables found from ruling lines: what ``parse_pdf`` needs), pdfminer.six alone (its text, no tables),
pypdfium2 (PDFium's text, no tables). No target: figures to watch, recorded in docs/performance.md.
"""

from __future__ import annotations

import argparse
import io
import logging
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchlib import Row, print_rows

from govdisclosure import DisclosureReport, load
from govdisclosure.parse import parse_docx, parse_pdf, parse_text
from govdisclosure.render import render

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = {
    "2014 seed": ROOT / "examples" / "dehua_2014" / "report.json",
    "2021 example": ROOT / "examples" / "statutory_2021" / "report.json",
}
CLERK = ROOT / "tests" / "files" / "data"


def best_of(fn: Callable[[], object], repeat: int, number: int) -> float:
    """The best CPU time of ``repeat`` runs of ``number`` calls, per call."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.process_time()
        for _ in range(number):
            fn()
        best = min(best, (time.process_time() - t0) / number)
    return best


def to_pdf(docx: bytes) -> bytes | None:
    soffice = shutil.which("soffice")
    if soffice is None:
        return None
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        (work / "r.docx").write_bytes(docx)
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation={(work / 'profile').as_uri()}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(work),
                str(work / "r.docx"),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
        return (work / "r.pdf").read_bytes()


def pages(pdf: bytes) -> int:
    import pypdfium2

    return len(pypdfium2.PdfDocument(pdf))


def pdfplumber_raw(pdf: bytes) -> None:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(pdf)) as document:
        for page in document.pages:
            _ = page.chars
            page.find_tables()


def pdfminer_text(pdf: bytes) -> None:
    from pdfminer.high_level import extract_text

    extract_text(io.BytesIO(pdf))


def pdfium_text(pdf: bytes) -> None:
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    for page in document:
        page.get_textpage().get_text_range()


def main(argv: list[str]) -> list[Row]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    args = parser.parse_args(argv)
    repeat, number = (1, 1) if args.quick else (5, 3)
    logging.getLogger("pdfminer").setLevel(logging.ERROR)

    cases: list[tuple[str, DisclosureReport | None, str | None, bytes | None, bytes]] = []
    for name, path in EXAMPLES.items():
        report = load(path)
        text = render(report, "text")
        docx = render(report, "docx")
        assert isinstance(text, str)
        assert isinstance(docx, bytes)
        pdf = None if args.quick else to_pdf(docx)
        if pdf is None:
            continue
        cases.append((name, report, text, docx, pdf))
    if not cases:  # no LibreOffice (or --quick): the clerk-made PDFs of the tests
        for name in ("clerk_2021", "clerk_2014"):
            cases.append(
                (
                    name,
                    None,
                    None,
                    (CLERK / f"{name}.docx").read_bytes(),
                    (CLERK / f"{name}.pdf").read_bytes(),
                )
            )

    rows: list[Row] = []
    for name, report, text, docx, pdf in cases:
        n = pages(pdf)
        if report is not None:
            assert text is not None
            assert parse_text(text).report == report
            assert parse_pdf(pdf).report.tables == report.tables
        t_pdf = best_of(lambda pdf=pdf: parse_pdf(pdf), repeat, number)  # type: ignore[misc]
        t_docx = best_of(lambda docx=docx: parse_docx(docx), repeat, number)  # type: ignore[misc]
        line = (
            f"{name} ({n} pages): parse_pdf {n / t_pdf:,.1f} pages/s, parse_docx {n / t_docx:,.1f}"
        )
        if text is not None:
            t_text = best_of(lambda text=text: parse_text(text), repeat, number * 10)  # type: ignore[misc]
            line += f", parse_text {n / t_text:,.0f}"
            rows.append(
                Row(
                    f"read {name}: docx / text, pages/s",
                    f"{n / t_docx:,.1f}/s",
                    f"text {n / t_text:,.0f}/s",
                    t_text / t_docx,
                    "",
                    None,
                )
            )
            rows.append(
                Row(
                    f"read {name}: pdf / text, pages/s",
                    f"{n / t_pdf:,.1f}/s",
                    f"text {n / t_text:,.0f}/s",
                    t_text / t_pdf,
                    "",
                    None,
                )
            )
        else:
            rows.append(
                Row(f"read {name}: pdf, pages/s", f"{n / t_pdf:,.1f}/s", "", None, "", None)
            )
        print(line)
        # The PDF libraries on the same file: what parse_pdf builds on, and the alternatives' text alone.
        t_plumber = best_of(lambda pdf=pdf: pdfplumber_raw(pdf), repeat, number)  # type: ignore[misc]
        t_miner = best_of(lambda pdf=pdf: pdfminer_text(pdf), repeat, number)  # type: ignore[misc]
        t_pdfium = best_of(lambda pdf=pdf: pdfium_text(pdf), repeat, number)  # type: ignore[misc]
        print(
            f"  per page: pdfplumber chars + tables {t_plumber / n * 1e3:.1f} ms, pdfminer.six text "
            f"{t_miner / n * 1e3:.1f} ms, pypdfium2 text {t_pdfium / n * 1e3:.2f} ms, parse_pdf "
            f"{t_pdf / n * 1e3:.1f} ms"
        )
        rows.append(
            Row(
                f"pdf libraries, {name}: pdfplumber / pypdfium2, pages/s",
                f"{n / t_plumber:,.1f}/s",
                f"pypdfium2 {n / t_pdfium:,.0f}/s",
                t_pdfium / t_plumber,
                "",
                None,
            )
        )
    return rows


if __name__ == "__main__":
    print_rows(main(sys.argv[1:]))
