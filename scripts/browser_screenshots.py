"""PNG screenshots of the app as the meeting room's browser shows it, into screenshots/.

    python scripts/browser_screenshots.py

Serves the demo with `ib-tui serve`, opens it in headless Chromium (Debian's /usr/bin/chromium,
driven by Playwright) and photographs the list, a search and the agenda, in the dark theme and
in the light one chosen for a projector."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from tests.browser.served import (  # noqa: E402
    CHROMIUM,
    CHROMIUM_ARGS,
    TerminalReader,
    served,
    wait_for_text,
)

OUT = ROOT / "screenshots"


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="ib-tui-shots-"))
    env = dict(os.environ, IB_TUI_DATA_DIR=str(work / "data"), IB_TUI_CONFIG=str(work / "c.toml"))
    with (
        served("--demo", "--db", str(work / "demo.db"), "--user", "Sekreteraren", env=env) as url,
        sync_playwright() as playwright,
    ):
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        reader = TerminalReader()
        page.on("websocket", reader.attach)
        page.goto(url)
        wait_for_text(page, reader, "56 ärenden")
        page.locator(".xterm-screen").click()
        page.wait_for_timeout(500)
        page.screenshot(path=OUT / "browser-main.png")
        page.keyboard.press("/")
        page.wait_for_timeout(300)
        page.keyboard.type("eurocities", delay=40)
        wait_for_text(page, reader, "8 ärenden · kostnad")
        page.wait_for_timeout(300)
        page.screenshot(path=OUT / "browser-search.png")
        page.keyboard.press("Enter")
        page.keyboard.press("m")
        wait_for_text(page, reader, "Sammanträden")
        page.keyboard.press("Enter")
        wait_for_text(page, reader, "Föredragningslista")
        page.wait_for_timeout(500)
        page.screenshot(path=OUT / "browser-agenda.png")
        page.keyboard.press("Control+p")
        page.wait_for_timeout(300)
        page.keyboard.type("tema", delay=40)
        page.keyboard.press("Enter")
        page.wait_for_timeout(300)
        page.keyboard.type("textual-light", delay=40)
        page.keyboard.press("Enter")
        page.wait_for_timeout(800)
        page.screenshot(path=OUT / "browser-agenda-light.png")
        browser.close()
    for name in ("main", "search", "agenda", "agenda-light"):
        print(OUT / f"browser-{name}.png")


if __name__ == "__main__":
    main()
