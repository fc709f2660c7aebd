"""Hostile text: escape sequences, Rich markup, right-to-left overrides and 10 000-character lines
in an item are shown as plain text everywhere and never reach the terminal as control. An
unexpected error shows a Swedish line, never a traceback, and the trace goes to the log."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from ib_tui.domain.model import Item, Status
from ib_tui.logs import configure_logging
from ib_tui.services import Services
from ib_tui.ui.app import IBApp
from ib_tui.ui.screens.history import HistoryScreen
from ib_tui.ui.screens.item import ItemScreen
from ib_tui.ui.screens.item_form import ItemFormScreen, field_id
from ib_tui.ui.screens.main import MainScreen
from tests.conftest import make_item
from tests.ui.pilot import notifications, screen_text, wait_for, wait_for_list, wait_for_text

TITLE = "Hej\x1b[2J [bold red]röd[/] \u202eLTR\x07 slut"
CONTROLS = ("\x1b", "\x07", "\u202e", "\x9b", "\x00")


@pytest.fixture
def hostile(services: Services) -> Item:
    return services.items.register(
        make_item(
            title=TITLE,
            requested_by="[link=http://example.com]klicka[/link]",
            summary="lång " * 2_000 + "\x1b]0;fönstertitel\x07",  # one 10 000-character line
            city="\x1b[31mRöd stad",
            agreement={"type": "twin_city", "partner": "Partner\x1b[2J[blink]"},
        )
    )


def assert_harmless(text: str) -> None:
    for control in CONTROLS:
        assert control not in text, repr(control)


async def test_hostile_text_is_plain_on_every_screen(services: Services, hostile: Item) -> None:
    app = IBApp(services)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_list(pilot)
        # The side panel is filled after the list: wait for it (it raced under -n 2).
        text = await wait_for_text(pilot, "Partner␛[2J[blink]")
        assert_harmless(text)
        assert "Hej␛[2J [bold red]röd[/]" in text  # the list, and the detail panel
        assert "[link=http://example.com]klicka" in text  # markup shown, not obeyed
        assert "␛[31mRöd stad" in text and "Partner␛[2J[blink]" in text
        assert "Hjälp" in text.splitlines()[-1]  # the long line did not push the footer away

        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ItemScreen))
        await wait_for(pilot, lambda: "Läser historiken" not in screen_text(pilot))
        text = await wait_for_text(pilot, "Partner␛[2J[blink]")  # the principle panel
        assert_harmless(text)
        assert "IB – Internationella beredningen — Hej␛[2J" in text  # the header's subtitle
        assert "med Partner␛[2J[blink]" in text.replace("\n", " ")  # the principle panel

        await pilot.press("h")
        await wait_for(pilot, lambda: isinstance(app.screen, HistoryScreen))
        await wait_for(pilot, lambda: app.screen.entries is not None)
        await pilot.pause()
        text = screen_text(pilot)
        assert_harmless(text)
        assert "Hej␛[2J [bold red]röd[/]" in text
        await pilot.press("escape", "escape")

        await pilot.press("2")  # the notification quotes the title (the item has no dnr)
        preparing = Status.IN_PREPARATION
        await wait_for(pilot, lambda: services.items.get(hostile.id).status is preparing)
        (message,) = [m for m in notifications(pilot) if "under beredning" in m]
        assert_harmless(message)
        assert message.startswith("Hej␛[2J [bold red]röd[/]")
        assert all(not note.markup for note in app._notifications)


async def test_the_form_shows_controls_visibly_and_keeps_the_stored_text(
    services: Services, hostile: Item
) -> None:
    app = IBApp(services)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_list(pilot)
        await pilot.press("e")
        await wait_for(pilot, lambda: isinstance(app.screen, ItemFormScreen))
        await pilot.pause()
        title = app.screen.query_one(f"#{field_id('title')}", Input)
        assert title.value == "Hej␛[2J [bold red]röd[/] �LTR␇ slut"
        assert_harmless(screen_text(pilot))
        # Saving an untouched field keeps what was stored: showing it safely changes nothing.
        await pilot.press("f2")
        await wait_for(pilot, lambda: isinstance(app.screen, MainScreen))
        stored = services.items.get(hostile.id)
        assert stored.title == TITLE and stored.version == hostile.version


async def test_an_unexpected_error_is_logged_not_shown(
    services: Services, data_dir, monkeypatch: pytest.MonkeyPatch
) -> None:
    configure_logging()
    shown: list[str] = []
    monkeypatch.setattr(IBApp, "panic", lambda self, *r: shown.extend(str(x) for x in r))

    def explode(self: MainScreen) -> None:
        raise RuntimeError("hemlig intern detalj")

    monkeypatch.setattr(MainScreen, "action_history", explode)
    app = IBApp(services)
    with pytest.raises(RuntimeError):
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_for_list(pilot)
            await pilot.press("h")
            await pilot.pause()
    assert app.return_code == 1
    (message,) = shown
    assert message.startswith("ib-tui: ett oväntat fel inträffade")
    assert "Traceback" not in message and "hemlig" not in message
    assert str(data_dir / "ib-tui.log") in message
    log = (data_dir / "ib-tui.log").read_text()
    assert "Traceback" in log and "RuntimeError: hemlig intern detalj" in log
