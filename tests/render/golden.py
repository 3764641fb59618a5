"""The golden files of the worked examples: what each renderer must produce, byte for byte.

``dehua_2014`` is the narrative report of the seed; ``statutory_2021`` the 2021-format report with the
statutory tables. They were reviewed by eye once. When a renderer changes on purpose, regenerate them with
``python tests/render/regen_golden.py``, review the diff (``git diff tests/render/golden``) and commit it with
the change; the tests never write them.
"""

from __future__ import annotations

import io
import runpy
import zipfile
from pathlib import Path

from lxml import etree

from govdisclosure import DisclosureReport
from govdisclosure.render import render_docx, render_html, render_markdown, render_text

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).resolve().parent / "golden"
EXAMPLES = ("dehua_2014", "statutory_2021")
"""The examples with golden files: each ``examples/<name>/build.py`` builds the report."""
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# The styles the DOCX renderer sets, by style id.
STYLES = ("Normal", "Title", "Heading1", "Heading2", "Heading3", "Heading4", "Footer", "TableText")


def _pretty(xml: bytes | etree._Element) -> str:
    element = etree.fromstring(xml) if isinstance(xml, bytes) else xml
    return etree.tostring(element, pretty_print=True, encoding="unicode")


def docx_dump(data: bytes) -> str:
    """A DOCX file as reviewable text: the body, the footers, the core and custom properties and the
    styles the renderer sets, each pretty-printed."""
    out = []
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for name in (
            "word/document.xml",
            "word/footer1.xml",
            "word/footer2.xml",
            "docProps/core.xml",
            "docProps/custom.xml",
        ):
            out.append(f"==== {name}\n{_pretty(package.read(name))}")
        styles = etree.fromstring(package.read("word/styles.xml"))
        out.append(
            f"==== word/styles.xml: w:docDefaults\n{_pretty(styles.find(f'{W}docDefaults'))}"
        )
        for style_id in STYLES:
            style = styles.find(f"{W}style[@{W}styleId='{style_id}']")
            if style is None:  # TableText only where there are tables
                continue
            out.append(f"==== word/styles.xml: {style_id}\n{_pretty(style)}")
        settings = etree.fromstring(package.read("word/settings.xml"))
        flag = settings.find(f"{W}evenAndOddHeaders")
        out.append(f"==== word/settings.xml: w:evenAndOddHeaders\n{_pretty(flag)}")
    return "".join(out)


def build(name: str) -> DisclosureReport:
    """The report of ``examples/<name>/build.py``."""
    report: DisclosureReport = runpy.run_path(str(ROOT / "examples" / name / "build.py"))["build"]()
    return report


def outputs(name: str, report: DisclosureReport) -> dict[str, bytes]:
    """Each golden file's name and the bytes the renderers produce for it now."""
    return {
        f"{name}.txt": render_text(report).encode("utf-8"),
        f"{name}.w56.txt": render_text(report, width=56).encode("utf-8"),
        f"{name}.md": render_markdown(report).encode("utf-8"),
        f"{name}.html": render_html(report).encode("utf-8"),
        f"{name}.full.html": render_html(report, full_page=True).encode("utf-8"),
        f"{name}.docx.xml": docx_dump(render_docx(report)).encode("utf-8"),
    }
