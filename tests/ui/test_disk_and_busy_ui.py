"""A full disk and another program's long write, as the person at the keyboard meets them: a
clear message at once, the screen stays, nothing typed is lost, and a retry goes through."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from textual.widgets import Input, Select, TextArea

from ib_tui.domain.model import Status
from ib_tui.services import Services
from ib_tui.ui.app import IBApp
from ib_tui.ui.screens.item_form import ItemFormScreen
from ib_tui.ui.screens.main import MainScreen
from tests.conftest import NOW
from tests.ui.pilot import notifications, wait_for, wait_for_list
from tests.ui.test_item_form import fill, form


def no_room(services: Services) -> None:
    """SQLite's own SQLITE_FULL, as a full disk gives it: the file may not grow by a page."""
    connection = services.store.connection
    pages = connection.execute("PRAGMA page_count").fetchone()[0]
    connection.execute(f"PRAGMA max_page_count = {pages}")


async def test_a_full_disk_keeps_the_form_and_what_was_typed(db_path: Path) -> None:
    services = Services.open(db_path, "testare", interactive=True)
    services.context.clock = lambda: NOW
    app = IBApp(services)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_for_list(pilot)
            await pilot.press("n")
            form(app).query_one("#f-kind", Select).value = "visit"
            await fill(pilot, "title", "Delegation från Guangzhou")
            await fill(pilot, "guests", "12")
            # A summary longer than the free room in the file's pages (pasted, not typed).
            summary = app.screen.query_one("#f-summary", TextArea)
            summary.text = "Program för besöket. " * 300
            no_room(services)
            await pilot.press("f2")
            await wait_for(pilot, lambda: any("disken är full" in n for n in notifications(pilot)))
            (message,) = [n for n in notifications(pilot) if "disken är full" in n]
            assert message.startswith("disken är full: inget sparades.")
            assert "Dina ändringar finns kvar i formuläret" in message
            assert isinstance(app.screen, ItemFormScreen)  # the user stays where they were
            assert app.screen.query_one("#f-title", Input).value == "Delegation från Guangzhou"
            assert app.screen.query_one("#f-guests", Input).value == "12"
            assert summary.text.startswith("Program för besöket.")
            assert services.items.repository.count() == 0
            # Room again (space freed): the same F2 saves what was typed.
            services.store.connection.execute("PRAGMA max_page_count = 1073741823")
            await pilot.press("f2")
            await wait_for(pilot, lambda: isinstance(app.screen, MainScreen))
            assert services.items.repository.count() == 1
    finally:
        services.close()


async def test_another_write_under_way_is_said_at_once_and_the_key_can_be_retried(
    db_path: Path, demo_services: Services
) -> None:
    demo_services.close()
    services = Services.open(db_path, "testare", interactive=True)
    app = IBApp(services)
    other = sqlite3.connect(db_path, timeout=0)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            table = await wait_for_list(pilot)
            item = table.current_row.item
            assert item.status is Status.RECEIVED
            other.execute("BEGIN IMMEDIATE")  # a long import in another window holds the lock
            started = time.monotonic()
            await pilot.press("2")
            await wait_for(pilot, lambda: any("sparar just nu" in n for n in notifications(pilot)))
            assert time.monotonic() - started < 3  # not the old silent 20 s
            assert services.items.get(item.id).status is Status.RECEIVED
            other.rollback()
            await pilot.press("2")
            await wait_for(pilot, lambda: table.current_row.item.status is Status.IN_PREPARATION)
    finally:
        other.close()
        services.close()


async def test_the_import_screen_reads_swedish_excel_and_says_how(
    tmp_path: Path, services: Services
) -> None:
    from tests.cli.test_files_cli import EXCEL
    from tests.ui.pilot import screen_text
    from tests.ui.test_safety_ui import type_into

    path = tmp_path / "inkorg.csv"
    path.write_bytes(EXCEL.encode("cp1252"))
    app = IBApp(services)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_list(pilot)
        await pilot.press("i")
        await type_into(pilot, "import-path", str(path))
        await pilot.press("enter")
        await wait_for(pilot, lambda: "2 giltiga ärenden" in screen_text(pilot))
        assert "Läst med teckenkodning Windows-1252 och semikolon som avgränsare" in (
            screen_text(pilot)
        )
        await pilot.press("f2")
        await wait_for(pilot, lambda: services.items.repository.count() == 2, timeout=20)
