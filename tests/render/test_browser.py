"""The full-page HTML of the worked examples in a real browser: Debian's headless Chromium.

Driven through the DevTools protocol over a websocket on the loopback interface (no tool that downloads a
browser): no console errors (a Content-Security-Policy violation would be one), the title and every section
heading laid out with a non-empty box and visible, the statutory tables shown with their merged cells lined
up with the rows and columns they span, and screenshots saved as
``test-artifacts/render/dehua_2014.full.png`` and ``statutory_2021.full.png``.

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
from typing import Any

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


def run_in_chromium(chromium: Path, html: str, expression: str, name: str) -> tuple[Any, list[Any]]:
    """Load ``html`` as a file in headless Chromium, evaluate ``expression``, save a full-page screenshot
    as ``test-artifacts/render/<name>.png``; the value of the expression and the console errors."""
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
                devtools.send("Page.navigate", session, url=page.as_uri())
                devtools.wait_for("Page.loadEventFired")
                found = devtools.send(
                    "Runtime.evaluate", session, expression=expression, returnByValue=True
                )["result"]["value"]
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
