"""Driving `ib-tui serve` from headless Chromium (Debian's /usr/bin/chromium) with Playwright.

The browser draws the terminal on a canvas, so the screen's text is not in the page's DOM. The
test reads what the browser was sent instead: every binary WebSocket frame is the terminal
byte stream that xterm.js draws, and pyte (a VT100 emulator) turns the same bytes into rows
of text at the size the page asked for."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pyte

CHROMIUM = "/usr/bin/chromium"
# No network in CI: nothing may try to reach the outside (updates, sync, QUIC, first-run pages).
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def served(*args: str, env: dict[str, str] | None = None) -> Iterator[str]:
    """`ib-tui serve ARGS` on a free loopback port; yields its URL, stops it afterwards."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "ib_tui", "serve", "--port", str(port), *args],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        env=env or dict(os.environ),
        start_new_session=True,  # its own process group: the per-connection apps go with it
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 1):
                break
            if process.poll() is not None or time.monotonic() > deadline:
                output = process.stdout.read() if process.stdout else ""
                raise AssertionError(f"ib-tui serve did not start: {output}")
            time.sleep(0.1)
        yield url
    finally:
        # textual-serve starts one app process per connection (through a shell); terminating
        # the server alone leaves them running, so the whole group is stopped.
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait()


class TerminalReader:
    """The text the browser's terminal shows, rebuilt from the WebSocket frames it received."""

    def __init__(self) -> None:
        self.screen = pyte.Screen(80, 24)
        self.stream = pyte.ByteStream(self.screen)

    def attach(self, websocket) -> None:  # type: ignore[no-untyped-def]
        query = parse_qs(urlparse(websocket.url).query)
        if "width" in query:
            self.screen.resize(int(query["height"][0]), int(query["width"][0]))
        websocket.on("framereceived", self._received)
        websocket.on("framesent", self._sent)

    def _received(self, payload: bytes | str) -> None:
        if isinstance(payload, bytes):
            self.stream.feed(payload)

    def _sent(self, payload: bytes | str) -> None:
        if isinstance(payload, str) and payload.startswith('["resize"'):
            size = json.loads(payload)[1]
            self.screen.resize(size["height"], size["width"])

    def text(self) -> str:
        return "\n".join(line.rstrip() for line in self.screen.display)


def wait_for_text(page, reader: TerminalReader, wanted: str, timeout: float = 20.0) -> str:  # type: ignore[no-untyped-def]
    """Lets the page run until the terminal shows `wanted`; returns the screen's text."""
    deadline = time.monotonic() + timeout
    while wanted not in reader.text():
        if time.monotonic() > deadline:
            raise AssertionError(f"the browser never showed {wanted!r}:\n{reader.text()}")
        page.wait_for_timeout(100)
    return reader.text()


def have_browser() -> bool:
    return Path(CHROMIUM).exists()
