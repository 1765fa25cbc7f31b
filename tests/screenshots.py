"""The README's screenshots, taken in headless Chromium (`make screenshots` runs this).

    python tests/screenshots.py PAGE.html REPORT.html OUT_DIR

writes OUT_DIR/page.png (the page at desktop size), page-phone.png (at phone size, the side
panel folded away), page-phone-panel.png (the panel opened), matrix.png (the conflict matrix),
page-80.png (a made-up network of 80 nodes, laid out with no overlap) and report.png (the
report's first pictures).
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from browser import Browser
from sized_graphs import sized_graph

from standpoint.visualisations.page import write_page

DESKTOP = (1400, 900)
PHONE = (390, 844)
STABLE = "document.getElementById('network').dataset.stable === 'true'"


def _page(browser: Browser, page: Path) -> None:
    """Open a page and wait until its network has settled."""
    browser.open(page.resolve().as_uri())
    browser.ws.sock.settimeout(120)
    browser.wait_for(STABLE, timeout=120)
    time.sleep(0.3)


def _view(browser: Browser, view: str) -> None:
    browser.evaluate(f"(function () {{ var s = document.getElementById('view'); s.value = '{view}';"
                     " s.dispatchEvent(new Event('change')); })()")
    time.sleep(0.3)


def screenshots(page: Path, report: Path, out: Path) -> list[Path]:
    """Take every screenshot; return their paths."""
    out.mkdir(parents=True, exist_ok=True)
    shots = []
    with Browser(size=DESKTOP) as desktop:
        _page(desktop, page)
        shots.append(desktop.screenshot(out / "page.png"))
        _view(desktop, "matrix")
        shots.append(desktop.screenshot(out / "matrix.png"))
        with tempfile.TemporaryDirectory() as folder:
            _page(desktop, write_page(sized_graph(80), Path(folder) / "80.html", title="80 made-up nodes"))
            shots.append(desktop.screenshot(out / "page-80.png"))
    with Browser(size=PHONE) as phone:
        _page(phone, page)
        shots.append(phone.screenshot(out / "page-phone.png"))
        phone.evaluate("document.getElementById('panel-toggle').click()")
        time.sleep(0.2)
        shots.append(phone.screenshot(out / "page-phone-panel.png"))
    with Browser(size=(1200, 1400)) as reader:
        reader.open(report.resolve().as_uri())
        reader.wait_for("Array.from(document.images).every(function (i) { return i.complete; })")
        shots.append(reader.screenshot(out / "report.png"))
    return shots


if __name__ == "__main__":
    for shot in screenshots(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])):
        print(shot)
