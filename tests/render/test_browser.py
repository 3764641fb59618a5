"""The full-page HTML of the worked examples in a real browser: Debian's headless Chromium.

Driven through the DevTools protocol over a websocket on the loopback interface (no tool that downloads a
browser): no console errors (a Content-Security-Policy violation would be one), the title and every section
heading laid out with a non-empty box and visible, the statutory tables shown with their merged cells lined
up with the rows and columns they span, and screenshots saved as
``test-artifacts/render/dehua_2014.full.png`` and ``statutory_2021.full.png``. Then the renderings people
read: at 390 px (a phone) nothing wider than the page and every row label on at most three lines; at 1280 px
table 三 wider than the text column and at most 1000 px tall; printed to PDF (read with pdfplumber) the page
number ``— n —`` on every page, no heading or block title as a page's last line and no table that goes on
over a page filling less than a third of it; the （一） headings in a font of their own without 楷体; and the
fragment in a host page with styles of its own, whose elements keep their computed styles.

Without Chromium the test is skipped, unless ``CI`` is set: then it fails (``.ci/run`` installs Debian's
``chromium`` and ``fonts-noto-cjk``).
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any, Final

import pytest
from websockets.sync.client import connect

from govdisclosure import DisclosureReport
from govdisclosure.render import render_html
from tests.conftest import ROOT
from tests.render.golden import build

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "test-artifacts" / "render"
TIMEOUT = 60.0

CHECK_PAGE = """(() => {
  const shown = (el) => {
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    return box.width > 0 && box.height > 0 && style.visibility === "visible"
      && style.display !== "none" && Number(style.opacity) > 0;
  };
  const headings = [...document.querySelectorAll("h1, h2, h3, h4, h5, h6")];
  return {
    title: document.title,
    headings: headings.map((h) => ({tag: h.tagName, text: h.textContent, shown: shown(h)})),
    signature: shown(document.querySelector(".gd-signature")),
    width: document.documentElement.scrollWidth,
    height: document.documentElement.scrollHeight,
  };
})()"""


class DevTools:
    """A minimal DevTools-protocol client: commands by id, events kept as they arrive."""

    def __init__(self, socket: Any) -> None:
        self.socket = socket
        self.events: list[dict[str, Any]] = []
        self._next = 0

    def send(self, method: str, session: str | None = None, **params: Any) -> dict[str, Any]:
        self._next += 1
        message: dict[str, Any] = {"id": self._next, "method": method, "params": params}
        if session is not None:
            message["sessionId"] = session
        self.socket.send(json.dumps(message))
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            reply = json.loads(self.socket.recv(timeout=TIMEOUT))
            if reply.get("id") == self._next:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                result: dict[str, Any] = reply["result"]
                return result
            self.events.append(reply)
        raise TimeoutError(method)

    def wait_for(self, method: str) -> dict[str, Any]:
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            for event in self.events:
                if event.get("method") == method:
                    return event
            self.events.append(json.loads(self.socket.recv(timeout=TIMEOUT)))
        raise TimeoutError(method)


def _devtools_url(profile: Path, browser: subprocess.Popen[bytes]) -> str:
    # Started with --remote-debugging-port=0, Chromium writes the port it chose and the browser's path.
    active = profile / "DevToolsActivePort"
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        if active.exists():
            lines = active.read_text(encoding="utf-8").split()
            if len(lines) >= 2:
                return f"ws://127.0.0.1:{lines[0]}{lines[1]}"
        if browser.poll() is not None:
            raise RuntimeError(f"chromium exited with status {browser.returncode}")
        time.sleep(0.1)
    raise TimeoutError("chromium did not open its DevTools port")


@pytest.fixture
def chromium() -> Path:
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail("CI needs Debian's chromium at /usr/bin/chromium (.ci/run installs it)")
        pytest.skip("no /usr/bin/chromium (apt-get install chromium fonts-noto-cjk)")
    return CHROMIUM


def run_in_chromium(
    chromium: Path,
    html: str,
    expression: str,
    name: str,
    *,
    width: int = 1000,
    pdf: bool = False,
    fonts: tuple[str, ...] = (),
) -> tuple[Any, list[Any]]:
    """Load ``html`` as a file in headless Chromium with a viewport ``width`` px wide (below 600, as a phone
    does: the page's viewport meta applies), evaluate ``expression``, save a full-page screenshot as
    ``test-artifacts/render/<name>.png`` and, with ``pdf``, the page printed (A4, the page's own @page
    rules) as ``<name>.pdf``; the value of the expression and the console errors. With ``fonts`` (CSS
    selectors), the value (a dict) gets ``platform_fonts``: for each selector, the fonts its first element's
    text was drawn in, as Chromium reports them."""
    with tempfile.TemporaryDirectory(prefix="gd-chromium-") as tmp:
        page = Path(tmp) / f"{name}.html"
        page.write_text(html, encoding="utf-8")
        profile = Path(tmp) / "profile"
        args = [
            str(chromium),
            "--headless",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={profile}",
            "--remote-debugging-address=127.0.0.1",
            "--remote-debugging-port=0",
            "--window-size=1000,1200",
            "about:blank",
        ]
        if os.geteuid() == 0:
            args.insert(1, "--no-sandbox")  # Chromium's sandbox refuses to run as root
        browser = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            url = _devtools_url(profile, browser)
            with connect(url, max_size=None, open_timeout=TIMEOUT) as socket:
                devtools = DevTools(socket)
                target = devtools.send("Target.createTarget", url="about:blank")["targetId"]
                session = devtools.send("Target.attachToTarget", targetId=target, flatten=True)[
                    "sessionId"
                ]
                for domain in ("Runtime", "Log", "Page"):
                    devtools.send(f"{domain}.enable", session)
                devtools.send(
                    "Emulation.setDeviceMetricsOverride",
                    session,
                    width=width,
                    height=1200 if width >= 600 else 844,
                    deviceScaleFactor=1,
                    mobile=width < 600,
                )
                devtools.send("Page.navigate", session, url=page.as_uri())
                devtools.wait_for("Page.loadEventFired")
                found = devtools.send(
                    "Runtime.evaluate", session, expression=expression, returnByValue=True
                )["result"]["value"]
                if fonts:
                    devtools.send("DOM.enable", session)
                    devtools.send("CSS.enable", session)
                    root = devtools.send("DOM.getDocument", session)["root"]["nodeId"]
                    found["platform_fonts"] = {
                        selector: [
                            f.get("postScriptName") or f["familyName"]
                            for f in devtools.send(
                                "CSS.getPlatformFontsForNode",
                                session,
                                nodeId=devtools.send(
                                    "DOM.querySelector", session, nodeId=root, selector=selector
                                )["nodeId"],
                            )["fonts"]
                        ]
                        for selector in fonts
                    }
                size = devtools.send("Page.getLayoutMetrics", session)["cssContentSize"]
                shot = devtools.send(
                    "Page.captureScreenshot",
                    session,
                    format="png",
                    captureBeyondViewport=True,
                    clip={
                        "x": 0,
                        "y": 0,
                        "width": size["width"],
                        "height": size["height"],
                        "scale": 1,
                    },
                )
                printed = (
                    devtools.send(
                        "Page.printToPDF",
                        session,
                        preferCSSPageSize=True,
                        printBackground=True,
                        displayHeaderFooter=False,
                    )["data"]
                    if pdf
                    else None
                )
                devtools.send("Browser.close")
        finally:
            try:
                browser.wait(timeout=10)
            except subprocess.TimeoutExpired:
                browser.kill()
                browser.wait()
        shutil.rmtree(profile, ignore_errors=True)

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    png = base64.b64decode(shot["data"])
    (ARTIFACTS / f"{name}.png").write_bytes(png)
    assert png.startswith(b"\x89PNG")
    if printed is not None:
        (ARTIFACTS / f"{name}.pdf").write_bytes(base64.b64decode(printed))

    errors = [
        e
        for e in devtools.events
        if e.get("method") == "Runtime.exceptionThrown"
        or (
            e.get("method") == "Runtime.consoleAPICalled"
            and e["params"]["type"] in ("error", "assert")
        )
        or (e.get("method") == "Log.entryAdded" and e["params"]["entry"]["level"] == "error")
    ]
    return found, errors


def test_full_page_in_headless_chromium(chromium: Path, example_report: DisclosureReport) -> None:
    found, errors = run_in_chromium(
        chromium, render_html(example_report, full_page=True), CHECK_PAGE, "dehua_2014.full"
    )
    assert errors == []
    assert found["title"] == example_report.title
    expected = [("H1", example_report.title)] + [
        ("H2", (ref.node.label or "") + (ref.node.heading or ""))
        for ref in example_report.sections()
        if ref.node.kind == "section"
    ]
    assert [(h["tag"], h["text"]) for h in found["headings"]] == expected
    assert all(h["shown"] for h in found["headings"]), found["headings"]
    assert found["signature"]
    assert found["width"] <= 1000  # no horizontal overflow at a desktop width


# The laid-out boxes of the statutory tables: each table shown, and the edges that merged cells must share.
CHECK_TABLES = """(() => {
  const shown = (el) => {
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    return box.width > 0 && box.height > 0 && style.visibility === "visible"
      && style.display !== "none" && Number(style.opacity) > 0;
  };
  const box = (id) => {
    const b = document.getElementById(id).getBoundingClientRect();
    return {top: b.top, bottom: b.bottom, left: b.left, right: b.right};
  };
  const tables = [...document.querySelectorAll("table.gd-table")];
  return {
    tables: tables.map((t) => ({id: t.id, shown: shown(t), cells: t.querySelectorAll("td, th").length,
                                 hidden: [...t.querySelectorAll("td, th")].filter((c) => !shown(c)).length})),
    boxes: Object.fromEntries([
      "gd-t2", "gd-t3", "gd-t3.results", "gd-t3.disclosed", "gd-t3.total_handled.total",
      "gd-t3.withheld", "gd-t3.withheld_state_secret.natural_person",
      "gd-t3.withheld_inquiry_matters.natural_person", "gd-t3.other_handling",
      "gd-t3.other_handling_other.total", "gd-t3.h1.4",
      "gd-t3.received.natural_person", "gd-t3.received.total", "gd-t4.h1.1", "gd-t4.review.upheld",
      "gd-t4.review.total", "gd-t4.h1.6", "gd-t4.litigation_after_review.total",
    ].map((id) => [id, box(id)])),
    width: document.documentElement.scrollWidth,
  };
})()"""


def test_statutory_page_in_headless_chromium(chromium: Path) -> None:
    report = build("statutory_2021")
    found, errors = run_in_chromium(
        chromium, render_html(report, full_page=True), CHECK_TABLES, "statutory_2021.full"
    )
    assert errors == []
    assert [(t["id"], t["shown"], t["hidden"]) for t in found["tables"]] == [
        ("gd-t2", True, 0),
        ("gd-t3", True, 0),
        ("gd-t4", True, 0),
    ]
    b = found["boxes"]

    def near(x: float, y: float) -> bool:
        return abs(x - y) < 1.5  # a border's width

    # 三、本年度办理结果 spans from the row of （一）予以公开 to the row of （七）总计.
    assert near(b["gd-t3.results"]["top"], b["gd-t3.disclosed"]["top"])
    assert near(b["gd-t3.results"]["bottom"], b["gd-t3.total_handled.total"]["bottom"])
    # （三）不予公开 spans its eight sub-rows; （六）其他处理 (2021) its three.
    assert near(b["gd-t3.withheld"]["top"], b["gd-t3.withheld_state_secret.natural_person"]["top"])
    assert near(
        b["gd-t3.withheld"]["bottom"], b["gd-t3.withheld_inquiry_matters.natural_person"]["bottom"]
    )
    assert near(
        b["gd-t3.other_handling"]["bottom"], b["gd-t3.other_handling_other.total"]["bottom"]
    )
    # 申请人情况 spans the seven columns of figures.
    assert near(b["gd-t3.h1.4"]["left"], b["gd-t3.received.natural_person"]["left"])
    assert near(b["gd-t3.h1.4"]["right"], b["gd-t3.received.total"]["right"])
    # 行政复议 spans its five columns, 复议后起诉 ends with the table.
    assert near(b["gd-t4.h1.1"]["left"], b["gd-t4.review.upheld"]["left"])
    assert near(b["gd-t4.h1.1"]["right"], b["gd-t4.review.total"]["right"])
    assert near(b["gd-t4.h1.6"]["right"], b["gd-t4.litigation_after_review.total"]["right"])
    # The tables fit the report: no horizontal overflow at a desktop width.
    assert found["width"] <= 1000
    assert b["gd-t3"]["right"] <= 1000


# -------------------------------------------------------------------------------------------------
# Phones, wide screens, print, fonts, and the fragment inside a page of its own styles

# The number of lines of an element's text (distinct tops of its line boxes), and every element that
# sticks out of the page's width other than the cells of a table that scrolls inside its box.
LAYOUT = """(() => {
  const lines = (el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    return new Set([...range.getClientRects()].filter((b) => b.width > 0)
      .map((b) => Math.round(b.top))).size;
  };
  const width = document.documentElement.clientWidth;
  const overflowing = [...document.body.querySelectorAll("*")]
    .filter((el) => !el.closest(".gd-table-box > table"))
    .filter((el) => el.getBoundingClientRect().right > width + 0.5)
    .map((el) => el.tagName + "." + el.className);
  const box = (selector) => {
    const el = document.querySelector(selector);
    if (!el) return null;
    const b = el.getBoundingClientRect();
    return {width: b.width, height: b.height};
  };
  return {
    scrollWidth: document.documentElement.scrollWidth,
    width,
    overflowing,
    labels: [...document.querySelectorAll(".gd-table .gd-row-head")].map((th) => [th.textContent, lines(th)]),
    title: [...document.querySelectorAll(".gd-title-line")].map((line) => [line.textContent, lines(line)]),
    column: box(".gd-paragraph"),
    t3: box("#gd-t3"),
    boxes: [...document.querySelectorAll(".gd-table-box")].map((b) => [b.scrollWidth, b.clientWidth,
      getComputedStyle(b).overflowX]),
  };
})()"""


@pytest.mark.parametrize("name", ["dehua_2014", "statutory_2021"])
def test_phone_width_nothing_overflows_and_labels_stay_short(chromium: Path, name: str) -> None:
    report = build(name)
    found, errors = run_in_chromium(
        chromium, render_html(report, full_page=True), LAYOUT, f"{name}.390", width=390
    )
    assert errors == []
    assert found["width"] == 390
    assert found["scrollWidth"] <= 390, found["overflowing"]
    assert found["overflowing"] == []
    # Each row label on at most three lines: the table scrolls inside its box rather than crushing them.
    assert [label for label in found["labels"] if label[1] > 3] == []
    for scroll_width, client_width, overflow in found["boxes"]:
        assert client_width <= 390
        if scroll_width > client_width:
            assert overflow == "auto"  # the box scrolls (the shadow at its edge is the cue)
    if report.tables is not None:
        assert len(found["labels"]) > 20
        assert any(s > c for s, c, _ in found["boxes"])  # table 三 does scroll at this width


def test_wide_screen_tables_are_wider_than_the_column(chromium: Path) -> None:
    found, errors = run_in_chromium(
        chromium,
        render_html(build("statutory_2021"), full_page=True),
        LAYOUT,
        "statutory_2021.1280",
        width=1280,
    )
    assert errors == []
    assert found["overflowing"] == []
    assert found["t3"]["width"] > found["column"]["width"] + 200
    assert found["t3"]["width"] <= 1000
    assert found["t3"]["height"] <= 1000
    assert [label for label in found["labels"] if label[1] > 2] == []
    # The title broken by meaning: each of its lines on one line of the page.
    assert found["title"] == [["清溪县自然资源局", 1], ["2022年政府信息公开工作年度报告", 1]]


def _pdf_pages(
    path: Path,
) -> list[tuple[list[tuple[str, float, float]], list[tuple[float, float]]]]:
    """Each page of a PDF as its text lines (text NFKC-normalised — Chromium's CJK fonts map some characters
    to the Kangxi radicals —, top, bottom) and its tables (top, bottom), in points from the page's top."""
    import logging
    import unicodedata

    pdfplumber = pytest.importorskip("pdfplumber")
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    pages = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            lines = [
                (unicodedata.normalize("NFKC", line["text"]), line["top"], line["bottom"])
                for line in page.extract_text_lines()
            ]
            tables = sorted((t.bbox[1], t.bbox[3]) for t in page.find_tables())
            pages.append((lines, tables))
    return pages


TEXT_BLOCK: Final = 225 / 25.4 * 72  # GB/T 9704: the text block is 225 mm tall


@pytest.mark.parametrize("name", ["dehua_2014", "statutory_2021"])
def test_print_pages(chromium: Path, name: str) -> None:
    from govdisclosure.render._grid import table_grid

    report = build(name)
    _, errors = run_in_chromium(
        chromium,
        render_html(report, full_page=True),
        "document.title",
        f"{name}.print",
        pdf=True,
    )
    assert errors == []
    pages = _pdf_pages(ARTIFACTS / f"{name}.print.pdf")
    assert len(pages) >= 2
    titles = {
        (ref.node.label or "") + (ref.node.heading or "")
        for ref in report.sections()
        if ref.node.kind == "section"
    }
    if report.tables is not None:
        titles |= {
            cell.text for cell in table_grid(report.tables, "t2").cells() if cell.role == "title"
        }
    for number, (lines, tables) in enumerate(pages, 1):
        # The page number in the GB/T form, alone on the last line (Chromium prints @page margin boxes).
        assert lines[-1][0] == f"— {number} —", lines[-1]
        body = lines[:-1]
        # No heading and no block title as the last line of a page.
        assert body[-1][0] not in titles, (number, body[-1])
        # A table that goes on over the page fills at least a third of this one.
        if tables and number < len(pages):
            last_top, last_bottom = tables[-1]
            after = [line for line in body if line[1] > last_bottom]
            next_lines, next_tables = pages[number]
            continues = not after and next_tables and next_tables[0][0] <= next_lines[0][1] + 1
            if continues:
                assert last_bottom - last_top >= TEXT_BLOCK / 3, (number, tables)


def test_level_two_headings_are_distinct_without_a_kaiti_font(chromium: Path) -> None:
    # This machine (and CI) has Noto CJK but no 楷体: the （一） heading must not be drawn in the body's font.
    found, errors = run_in_chromium(
        chromium,
        render_html(build("statutory_2021"), full_page=True),
        "({})",
        "statutory_2021.fonts",
        fonts=(".gd-level-1 > .gd-heading", ".gd-level-2 > .gd-heading", ".gd-paragraph"),
    )
    assert errors == []
    fonts = found["platform_fonts"]
    level1, level2, body = (
        set(fonts[s])
        for s in (".gd-level-1 > .gd-heading", ".gd-level-2 > .gd-heading", ".gd-paragraph")
    )
    assert level1
    assert level2
    assert body
    assert level2 != body, fonts
    assert level2 != level1, fonts


# A host page with styles of its own: every element outside the report keeps its computed style whether
# the default stylesheet is on or off (but the height of <html> and <body>, which hold the report, and the
# origins that are computed from it).
HOST = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>host</title>
<style>
body {{ font-family: sans-serif; font-size: 15px; margin: 8px; background: #eee; }}
p, table, td, th, h1, h2, section, header, footer, ol, li, div, span, a, strong {{ color: #123; }}
table {{ border: 2px solid red; }}
td {{ padding: 3px; }}
</style>
<style id="gd-css">{css}</style>
</head><body>
<header class="host"><h1>Host</h1><p>Before <a href="#x">link</a> <strong>bold</strong></p></header>
<section class="host"><h2>Aside</h2><ol><li>one</li></ol>
<table class="host"><tr><th>a</th><td>1</td></tr></table><div class="box">box</div></section>
{fragment}
<footer class="host"><p>After</p><span>span</span></footer>
</body></html>"""

COMPARE_STYLES = """(() => {
  const outside = [document.documentElement, document.body,
    ...[...document.body.querySelectorAll("*")].filter((el) => !el.closest(".gd-report"))];
  const sized = new Set(["height", "block-size", "perspective-origin", "transform-origin"]);
  const snapshot = () => outside.map((el) => {
    const style = getComputedStyle(el);
    return [...style].filter((name) => !sized.has(name))
      .map((name) => name + ":" + style.getPropertyValue(name)).join(";");
  });
  const sheet = document.getElementById("gd-css");
  const on = snapshot();
  sheet.disabled = true;
  const off = snapshot();
  sheet.disabled = false;
  return {
    elements: outside.length,
    changed: outside.filter((el, i) => on[i] !== off[i]).map((el) => el.tagName + "." + el.className),
    styled: getComputedStyle(document.querySelector(".gd-report")).maxWidth,
  };
})()"""


def test_the_fragment_leaks_no_style_into_its_page(chromium: Path) -> None:
    from govdisclosure.render import default_stylesheet

    page = HOST.format(css=default_stylesheet(), fragment=render_html(build("statutory_2021")))
    found, errors = run_in_chromium(chromium, page, COMPARE_STYLES, "embedded")
    assert errors == []
    assert found["elements"] >= 15
    assert found["styled"] != "none"  # the stylesheet does style the report
    assert found["changed"] == []
