"""Writes SVG screenshots of the real app on the demo data into screenshots/.

    python scripts/screenshots.py

Each shot runs the app headless under Pilot at a fixed size, drives it with keys as a user
would, and saves `App.save_screenshot`. Re-run it whenever the UI changes."""

from __future__ import annotations

import asyncio
import sys
import tempfile
from collections.abc import Awaitable, Callable
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from textual.pilot import Pilot  # noqa: E402

from ib_tui.services import Services  # noqa: E402
from ib_tui.services.demo import load_demo  # noqa: E402
from ib_tui.ui.app import IBApp  # noqa: E402
from ib_tui.ui.widgets.item_table import ItemTable  # noqa: E402

OUT = ROOT / "screenshots"
# The demo's "today", so the shots do not change from day to day.
DEMO_NOW = datetime.fromisoformat("2026-11-23T10:00:00+01:00")

Steps = Callable[[Pilot], Awaitable[None]]


async def list_ready(pilot: Pilot) -> None:
    table = pilot.app.screen.query_one(ItemTable)
    for _ in range(500):
        if not table.counting and table.current_row is not None:
            break
        await pilot.pause(0.01)
    await pilot.pause(0.2)


async def main_screen(pilot: Pilot) -> None:
    await list_ready(pilot)
    await pilot.press("j", "j", "j", "j", "j", "j")
    await pilot.pause(0.2)


async def taipei(pilot: Pilot) -> None:
    await list_ready(pilot)
    await pilot.press("slash", *"taiwan", "enter")
    await pilot.pause(0.5)


async def inbox(pilot: Pilot) -> None:
    await list_ready(pilot)
    await pilot.press("s", "s")
    await pilot.pause(0.5)
    await pilot.press("j", "j", "j", "j", "j")
    await pilot.pause(0.2)


async def item_form(pilot: Pilot) -> None:
    await list_ready(pilot)
    await pilot.press("j", "j", "j", "e")
    await pilot.pause(0.3)


async def help_screen(pilot: Pilot) -> None:
    await list_ready(pilot)
    await pilot.press("question_mark")
    await pilot.pause(0.3)


async def meetings(pilot: Pilot) -> None:
    await list_ready(pilot)
    await pilot.press("m")
    await pilot.pause(0.3)


async def agenda(pilot: Pilot) -> None:
    await meetings(pilot)
    await pilot.press("enter")
    await pilot.pause(0.3)
    await pilot.press("j", "j", "j", "j", "j", "j")
    await pilot.pause(0.2)


async def meeting_mode(pilot: Pilot) -> None:
    """The projector during the meeting: the Kenyan delegation, decided with one key."""
    await agenda(pilot)
    await pilot.press("m")
    await pilot.pause(0.3)
    await pilot.press("b")
    await pilot.pause(0.3)


async def minutes(pilot: Pilot) -> None:
    await meetings(pilot)
    await pilot.press("k", "k", "enter")  # October's meeting: held, with decisions
    await pilot.pause(0.3)
    await pilot.press("v", "v")
    await pilot.pause(0.5)


async def costs(pilot: Pilot) -> None:
    """The cost overview with its chart: where the money goes, year by year."""
    await list_ready(pilot)
    await pilot.press("c")
    await pilot.pause(0.8)


SHOTS: dict[str, tuple[tuple[int, int], Steps, str]] = {
    "main.svg": ((140, 42), main_screen, "textual-dark"),
    "main-80x24.svg": ((80, 24), main_screen, "textual-dark"),
    "main-light.svg": ((140, 42), inbox, "textual-light"),
    "principles-taipei.svg": ((140, 42), taipei, "textual-dark"),
    "item-form.svg": ((120, 40), item_form, "textual-dark"),
    "help.svg": ((120, 40), help_screen, "textual-dark"),
    "meetings.svg": ((120, 30), meetings, "textual-dark"),
    "agenda.svg": ((120, 40), agenda, "textual-dark"),
    "meeting-mode.svg": ((120, 35), meeting_mode, "textual-dark"),
    "meeting-mode-light.svg": ((120, 35), meeting_mode, "textual-light"),
    "minutes.svg": ((120, 40), minutes, "textual-dark"),
    "costs.svg": ((120, 40), costs, "textual-dark"),
    "costs-80x24.svg": ((80, 24), costs, "textual-dark"),
}


async def shoot(name: str, size: tuple[int, int], steps: Steps, theme: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        services = Services.open(Path(folder) / "demo.db", user="demo")
        services.context.clock = lambda: DEMO_NOW
        load_demo(services.context)
        app = IBApp(services, demo=True)
        async with app.run_test(size=size) as pilot:
            app.theme = theme
            await steps(pilot)
            app.save_screenshot(name, path=str(OUT))
        services.close()
    print(f"screenshots/{name}")


async def main() -> None:
    OUT.mkdir(exist_ok=True)
    for name, (size, steps, theme) in SHOTS.items():
        await shoot(name, size, steps, theme)


if __name__ == "__main__":
    asyncio.run(main())
