"""The meeting room's browser: `ib-tui serve` in headless Chromium, used as a person would —
search, open an item, export the agenda and get it as a download (issue 15)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.browser.served import (
    CHROMIUM,
    CHROMIUM_ARGS,
    TerminalReader,
    have_browser,
    served,
    wait_for_text,
)

pytestmark = [
    pytest.mark.slow,
    # .ci/run installs Debian's chromium, and under CI a missing browser fails rather than
    # skips; a developer without it is told what to install.
    pytest.mark.skipif(
        not have_browser() and not os.environ.get("CI"),
        reason=f"{CHROMIUM} saknas (apt-get install chromium)",
    ),
]


@pytest.fixture
def browser():  # type: ignore[no-untyped-def]
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def open_app(browser, url: str):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1400, "height": 900}, accept_downloads=True)
    page = context.new_page()
    reader = TerminalReader()
    page.on("websocket", reader.attach)
    page.goto(url)
    wait_for_text(page, reader, "ärenden")
    page.locator(".xterm-screen").click()
    page.wait_for_timeout(300)
    return context, page, reader


def test_search_open_and_export_the_agenda_as_a_download(browser, tmp_path: Path) -> None:
    with served("--demo", "--db", str(tmp_path / "demo.db"), "--user", "Sekreteraren") as url:
        context, page, reader = open_app(browser, url)
        text = reader.text()
        assert "56 ärenden" in text
        assert "Sekreteraren" in text  # the header says who is recorded in the history
        page.keyboard.press("/")
        page.wait_for_timeout(300)  # a person looks up before typing
        page.keyboard.type("eurocities", delay=50)
        text = wait_for_text(page, reader, "8 ärenden · kostnad")
        assert "Medlemskap i Eurocities" in text and "56 ärenden" not in text
        page.keyboard.press("Enter")  # to the list
        page.keyboard.press("Enter")  # open the item
        wait_for_text(page, reader, "Historik")
        page.keyboard.press("Escape")
        wait_for_text(page, reader, "8 ärenden · kostnad")
        page.wait_for_timeout(200)  # an Esc and the next key at once would read as Alt+key
        page.keyboard.press("m")
        wait_for_text(page, reader, "Sammanträden")
        page.keyboard.press("Enter")
        wait_for_text(page, reader, "Föredragningslista")
        # textual-serve opens a single-use /download/ URL in a new tab, which the browser
        # saves as a file (Content-Disposition: attachment) and closes. The tab is gone before
        # Playwright's download event can be awaited on it, so the test takes the response on
        # its way to the browser instead.
        downloads: list[tuple[str, bytes]] = []

        def through(route) -> None:  # type: ignore[no-untyped-def]
            response = route.fetch()
            downloads.append((response.headers.get("content-disposition", ""), response.body()))
            route.fulfill(response=response)

        context.route("**/download/**", through)
        page.wait_for_timeout(300)
        page.keyboard.press("x")
        for _ in range(200):
            if downloads:
                break
            page.wait_for_timeout(100)
        assert downloads, f"no download arrived:\n{reader.text()}"
        disposition, body = downloads[0]
        assert disposition.startswith("attachment; filename=")
        assert disposition.endswith("-foredragningslista.md")
        saved = tmp_path / disposition.split("filename=")[1]
        saved.write_bytes(body)
        text = saved.read_text("utf-8")
        assert text.startswith("# ") and "Föredragningslista" in text
        assert "Medlemskap i Eurocities" in text
        wait_for_text(page, reader, "hämtas av webbläsaren")
        context.close()


def test_every_connection_to_a_shared_demo_works(browser, tmp_path: Path) -> None:
    """`--demo --db FIL` used to break every connection after the first (a blank splash)."""
    with served("--demo", "--db", str(tmp_path / "demo.db")) as url:
        for _ in range(2):
            context, _page, reader = open_app(browser, url)
            assert "56 ärenden" in reader.text()
            context.close()
