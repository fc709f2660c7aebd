"""Helpers for Pilot tests: start the app over given services and wait for the list."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from textual.pilot import Pilot

from ib_tui.ui.widgets.item_table import ItemTable


async def wait_for(pilot: Pilot, condition: Callable[[], object], timeout: float = 5.0) -> None:
    """Lets the app run until `condition()` holds (workers finish in threads)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        if loop.time() > deadline:
            raise AssertionError("timed out waiting for the app")
        await pilot.pause(0.02)


async def wait_for_text(pilot: Pilot, *texts: str, timeout: float = 5.0) -> str:
    """Waits until the screen shows every one of `texts` (a panel filled by a worker or a
    debounced update); returns the screen's text."""
    await wait_for(pilot, lambda: all(text in screen_text(pilot) for text in texts), timeout)
    return screen_text(pilot)


async def wait_for_list(pilot: Pilot) -> ItemTable:
    """Waits until the list has its exact count and the cursor's row is on screen."""
    table = pilot.app.screen.query_one(ItemTable)
    await wait_for(pilot, lambda: not table.counting and (table.current_row or not table.row_count))
    await pilot.pause()
    return table


def screen_text(pilot: Pilot) -> str:
    """What the terminal shows right now, as plain text (what a user reads)."""
    from rich.console import Console

    console = Console(width=pilot.app.size.width, record=True, file=None, force_terminal=False)
    console.begin_capture()
    # export_screenshot renders the real compositor output; the SVG holds the text too, but the
    # plain text is easier to assert on.
    update = pilot.app.screen._compositor.render_update(full=True)
    console.print(update)
    return console.end_capture()


def notifications(pilot: Pilot) -> list[str]:
    """Messages of the toasts raised so far (headless runs do not draw toasts)."""
    return [notification.message for notification in pilot.app._notifications]
