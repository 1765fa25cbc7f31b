"""Drive a real headless Chromium over the DevTools protocol, with the standard library only.

`Browser` starts `chromium --headless` on a free DevTools port (`--remote-debugging-port=0`,
the port is read from DevToolsActivePort), opens one tab and speaks CDP over a minimal
RFC 6455 websocket client. It records every network request the page makes and every
uncaught JavaScript exception and console error or warning, so tests can assert that a page
stays offline and runs cleanly.

Also a script: `python tests/browser.py PAGE.html OUT.png` screenshots a page.
"""

from __future__ import annotations

import base64
import itertools
import json
import os
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any, Self

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
    "--remote-debugging-port=0",
)


class BrowserError(RuntimeError):
    """Chromium did not start, or a DevTools command failed or timed out."""


class WebSocket:
    """A minimal websocket client: masked text frames out, text frames in (RFC 6455)."""

    def __init__(self, url: str, timeout: float = 30.0) -> None:
        """Connect to a ws://host:port/path URL and do the opening handshake."""
        host_port, _, path = url.removeprefix("ws://").partition("/")
        host, _, port = host_port.partition(":")
        self.sock = socket.create_connection((host, int(port)), timeout=timeout)
        key = base64.b64encode(os.urandom(16)).decode()
        request = (
            f"GET /{path} HTTP/1.1\r\nHost: {host_port}\r\nUpgrade: websocket\r\n"
            f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\n"
            "Sec-WebSocket-Version: 13\r\n\r\n"
        )
        self.sock.sendall(request.encode())
        response = b""
        while b"\r\n\r\n" not in response:
            chunk = self.sock.recv(4096)
            if not chunk:
                raise BrowserError("DevTools closed the connection during the handshake")
            response += chunk
        if b" 101 " not in response.split(b"\r\n", 1)[0]:
            raise BrowserError(f"websocket handshake refused: {response[:200]!r}")
        self.buffer = response.split(b"\r\n\r\n", 1)[1]

    def send(self, text: str) -> None:
        """Send one masked text frame."""
        payload = text.encode()
        mask = os.urandom(4)
        size = len(payload)
        if size < 126:
            header = struct.pack("!BB", 0x81, 0x80 | size)
        elif size < 1 << 16:
            header = struct.pack("!BBH", 0x81, 0x80 | 126, size)
        else:
            header = struct.pack("!BBQ", 0x81, 0x80 | 127, size)
        masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
        self.sock.sendall(header + mask + masked)

    def _read(self, size: int) -> bytes:
        """Exactly `size` bytes from the socket."""
        while len(self.buffer) < size:
            chunk = self.sock.recv(max(65536, size - len(self.buffer)))
            if not chunk:
                raise BrowserError("DevTools closed the connection")
            self.buffer += chunk
        data, self.buffer = self.buffer[:size], self.buffer[size:]
        return data

    def _frame(self) -> tuple[int, bool, bytes]:
        """One frame as (opcode, fin, payload)."""
        first, second = self._read(2)
        size = second & 0x7F
        if size == 126:
            size = struct.unpack("!H", self._read(2))[0]
        elif size == 127:
            size = struct.unpack("!Q", self._read(8))[0]
        mask = self._read(4) if second & 0x80 else b""
        payload = self._read(size)
        if mask:
            payload = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
        return first & 0x0F, bool(first & 0x80), payload

    def receive(self) -> str:
        """The next text message, answering pings and joining fragments."""
        parts: list[bytes] = []
        while True:
            opcode, fin, payload = self._frame()
            if opcode == 0x8:
                raise BrowserError("DevTools closed the websocket")
            if opcode == 0x9:
                self.sock.sendall(struct.pack("!BB", 0x8A, 0x80) + b"\0\0\0\0")
                continue
            if opcode in (0x0, 0x1, 0x2):
                parts.append(payload)
                if fin:
                    return b"".join(parts).decode()

    def close(self) -> None:
        """Close the TCP connection."""
        self.sock.close()


class Browser:
    """A headless Chromium with one tab, driven over CDP; use as a context manager."""

    def __init__(self, binary: Path = CHROMIUM, size: tuple[int, int] = (1400, 900)) -> None:
        """Start Chromium with its own profile directory and connect to its first tab."""
        self.profile = tempfile.mkdtemp(prefix="standpoint-chromium-")
        self.process = subprocess.Popen(
            [
                str(binary),
                *FLAGS,
                f"--window-size={size[0]},{size[1]}",
                f"--user-data-dir={self.profile}",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.port = self._devtools_port()
        self.ws = WebSocket(self._page_socket())
        self.next_id = 0
        self.requests: list[str] = []
        self.exceptions: list[str] = []
        self.dialogs: list[str] = []
        self.console: list[str] = []
        for domain in ("Page", "Runtime", "Network"):
            self.call(f"{domain}.enable")
        self.call(
            "Emulation.setDeviceMetricsOverride",
            width=size[0],
            height=size[1],
            deviceScaleFactor=1,
            mobile=False,
        )

    def _devtools_port(self, timeout: float = 30.0) -> int:
        """The DevTools port Chromium chose, read from its profile directory."""
        active = Path(self.profile) / "DevToolsActivePort"
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if active.exists() and active.read_text().strip():
                return int(active.read_text().split()[0])
            if self.process.poll() is not None:
                raise BrowserError(f"chromium exited with code {self.process.returncode}")
            time.sleep(0.05)
        raise BrowserError("chromium did not open its DevTools port in time")

    def _page_socket(self) -> str:
        """The DevTools websocket URL of the first tab."""
        with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/json/list", timeout=10) as r:
            targets = json.load(r)
        return next(t["webSocketDebuggerUrl"] for t in targets if t["type"] == "page")

    def _event(self, message: dict[str, Any]) -> None:
        """Record the events tests look at: requests, exceptions, console errors, dialogs."""
        params = message.get("params", {})
        if message["method"] == "Network.requestWillBeSent":
            self.requests.append(params["request"]["url"])
        elif message["method"] == "Runtime.exceptionThrown":
            self.exceptions.append(json.dumps(params.get("exceptionDetails", {}))[:500])
        elif message["method"] == "Runtime.consoleAPICalled" and params.get("type") in (
            "error",
            "warning",
            "warn",
        ):
            self.console.append(json.dumps(params.get("args", []))[:500])
        elif message["method"] == "Page.javascriptDialogOpening":
            self.dialogs.append(params.get("message", ""))
            self.ws.send(
                json.dumps(
                    {"id": -1, "method": "Page.handleJavaScriptDialog", "params": {"accept": True}}
                )
            )

    def call(self, method: str, **params: Any) -> dict[str, Any]:
        """Send one CDP command and return its result, recording events meanwhile."""
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.receive())
            if "method" in message:
                self._event(message)
            elif message.get("id") == self.next_id:
                if "error" in message:
                    raise BrowserError(f"{method}: {message['error']}")
                return message["result"]

    def wait_event(self, method: str, timeout: float = 30.0) -> dict[str, Any]:
        """Wait for one CDP event, recording the others."""
        self.ws.sock.settimeout(timeout)
        while True:
            message = json.loads(self.ws.receive())
            if "method" in message:
                self._event(message)
                if message["method"] == method:
                    return message.get("params", {})

    def open(self, url: str) -> None:
        """Navigate to a URL and wait for its load event."""
        self.call("Page.navigate", url=url)
        self.wait_event("Page.loadEventFired")

    def evaluate(self, expression: str) -> Any:
        """The JSON value of a JavaScript expression in the page (promises are awaited)."""
        result = self.call(
            "Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True
        )
        if "exceptionDetails" in result:
            raise BrowserError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_for(self, expression: str, timeout: float = 30.0) -> Any:
        """Poll a JavaScript expression until it is truthy; return its value."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            value = self.evaluate(expression)
            if value:
                return value
            time.sleep(0.1)
        raise BrowserError(f"timed out waiting for {expression}")

    def hover(self, x: float, y: float) -> None:
        """Move the mouse to page coordinates (x, y)."""
        self.call("Input.dispatchMouseEvent", type="mouseMoved", x=x, y=y)

    def screenshot(self, out: Path) -> Path:
        """Save a PNG of the tab to `out`."""
        data = self.call("Page.captureScreenshot", format="png")["data"]
        out.write_bytes(base64.b64decode(data))
        return out

    def close(self) -> None:
        """Stop Chromium (this process only) and remove its profile."""
        self.ws.close()
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        shutil.rmtree(self.profile, ignore_errors=True)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def render(page: Path, png: Path) -> Path:
    """Open a page, wait until its network has settled, and screenshot it."""
    with Browser() as browser:
        browser.open(page.resolve().as_uri())
        browser.wait_for("document.getElementById('network').dataset.stable === 'true'")
        time.sleep(0.5)
        return browser.screenshot(png)


if __name__ == "__main__":
    print(render(Path(sys.argv[1]), Path(sys.argv[2])))


# What the page drew, read through vis-network's API: each shown node's box (its shape and its
# label, as `network.getBoundingBox` gives it) and its label's own box, and points along each
# shown edge (`edgeType.getPoint`), all in the network's coordinates. vis-network measures a
# label when it draws it, so every node is brought into view first.
DRAWN = """(function () {
  var view = {position: network.getViewPosition(), scale: network.getScale()};
  network.fit({animation: false});
  network.redraw();
  network.redraw();  // a node's box takes its label from the draw before
  var boxes = {}, labels = {}, lines = [];
  network.body.nodeIndices.forEach(function (id) {
    var b = network.getBoundingBox(id), l = network.body.nodes[id].labelModule.size;
    boxes[id] = [b.left, b.top, b.right, b.bottom];
    labels[id] = [l.left, l.top, l.left + l.width, l.top + l.height];
  });
  network.body.edgeIndices.forEach(function (id) {
    var edge = network.body.edges[id], points = [];
    for (var k = 0; k <= 32; k++) {
      var p = edge.edgeType.getPoint(k / 32);
      points.push([p.x, p.y]);
    }
    lines.push([edge.fromId, edge.toId, points]);
  });
  network.moveTo(view);
  return {boxes: boxes, labels: labels, lines: lines};
})()"""

Box = tuple[float, float, float, float]


def _overlap(a: Box, b: Box) -> bool:
    """Whether two boxes (left, top, right, bottom) share more than an edge."""
    return min(a[2], b[2]) > max(a[0], b[0]) and min(a[3], b[3]) > max(a[1], b[1])


def _meets(p: tuple[float, float], q: tuple[float, float], box: Box) -> bool:
    """Whether the segment p-q passes through the inside of a box (Liang-Barsky clipping)."""
    t0, t1 = 0.0, 1.0
    dx, dy = q[0] - p[0], q[1] - p[1]
    for edge, room in ((-dx, p[0] - box[0]), (dx, box[2] - p[0]), (-dy, p[1] - box[1]), (dy, box[3] - p[1])):
        if edge == 0:
            if room <= 0:
                return False
        else:
            t = room / edge
            if edge < 0:
                t0 = max(t0, t)
            else:
                t1 = min(t1, t)
            if t0 >= t1:
                return False
    return True


def layout_problems(browser: Browser) -> dict[str, list[tuple[str, str]]]:
    """Overlapping node boxes, overlapping labels, and edges through a node they do not join,
    measured on the page as drawn (see DRAWN)."""
    drawn = browser.evaluate(DRAWN)
    boxes: dict[str, Box] = {k: tuple(v) for k, v in drawn["boxes"].items()}
    labels: dict[str, Box] = {k: tuple(v) for k, v in drawn["labels"].items()}
    ids = sorted(boxes)
    overlaps = [(a, b) for n, a in enumerate(ids) for b in ids[n + 1:] if _overlap(boxes[a], boxes[b])]
    label_overlaps = [(a, b) for n, a in enumerate(ids) for b in ids[n + 1:]
                      if _overlap(labels[a], labels[b]) or _overlap(labels[a], boxes[b])
                      or _overlap(boxes[a], labels[b])]
    through = []
    for source, target, points in drawn["lines"]:
        for node in ids:
            if node in (source, target):
                continue
            box = boxes[node]
            if any(_meets(tuple(p), tuple(q), box) for p, q in itertools.pairwise(points)):
                through.append((f"{source} -> {target}", node))
    return {"overlaps": overlaps, "label_overlaps": label_overlaps, "edges_through_nodes": through}
