"""Pilot tests of data safety as a user meets it: the conflict dialog, undo and redo, the
history view, the import screen (progress, error list, report, re-import question), and
another instance's changes appearing in the list."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, ProgressBar

from ib_tui.domain.model import Item, Status
from ib_tui.services import Services
from ib_tui.ui.app import IBApp
from ib_tui.ui.modals.confirm import ConfirmModal
from ib_tui.ui.modals.conflict import ConflictModal
from ib_tui.ui.modals.existing import ExistingItemsModal
from ib_tui.ui.screens import import_items as import_screen
from ib_tui.ui.screens.history import HistoryScreen
from ib_tui.ui.screens.import_items import ImportScreen
from ib_tui.ui.screens.item_form import ItemFormScreen, field_id
from ib_tui.ui.screens.main import MainScreen
from tests.conftest import NOW, make_item
from tests.ui.pilot import notifications, screen_text, wait_for, wait_for_list


@pytest.fixture
def item(services: Services) -> Item:
    return services.items.register(
        make_item(title="Eurocities årsmöte", dnr="KS 2026/7", city="Bryssel")
    )


def other_instance(services: Services, user: str = "bertil") -> Services:
    """Someone else, in another terminal, on the same database file."""
    other = Services.open(services.store.path, user)
    other.context.clock = lambda: NOW
    return other


def change_elsewhere(services: Services, item_id: int, **fields: object) -> Item:
    other = other_instance(services)
    try:
        return other.items.update(replace(other.items.get(item_id), **fields))
    finally:
        other.close()


async def type_into(pilot, widget_id: str, text: str) -> None:
    """Fills an input; only the last character is a key press (Pilot spends ~70 ms a key)."""
    widget = pilot.app.screen.query_one(f"#{widget_id}", Input)
    widget.focus()
    widget.value = text[:-1]
    widget.cursor_position = len(widget.value)
    await pilot.press(text[-1])


async def test_conflict_dialog_shows_both_values_and_saves_only_what_is_chosen(
    services: Services, item: Item
) -> None:
    app = IBApp(services)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_list(pilot)
        await pilot.press("e")
        assert isinstance(app.screen, ItemFormScreen)
        # Bertil saves a new title and city while the form is open here.
        change_elsewhere(services, item.id, title="Eurocities AGM", city="Lissabon")
        await type_into(pilot, field_id("title"), "Eurocities årsmöte 2026")
        await type_into(pilot, field_id("guests"), "3")
        await pilot.press("f2")
        await wait_for(pilot, lambda: isinstance(app.screen, ConflictModal))
        await pilot.pause()
        text = screen_text(pilot)
        table = app.screen.query_one(DataTable)
        rows = {str(table.get_row_at(n)[0]).rstrip(" ⚠"): n for n in range(table.row_count)}
        assert set(rows) == {"rubrik", "stad", "antal gäster"}
        assert "Eurocities årsmöte 2026" in text and "Eurocities AGM" in text
        assert "bertil" in text and "? välj" in text  # who saved, and an undecided field
        # Saving with an undecided field is refused: nothing is overwritten by default.
        await pilot.press("f2")
        assert isinstance(app.screen, ConflictModal)
        assert services.items.get(item.id).title == "Eurocities AGM"
        table.move_cursor(row=rows["rubrik"])
        await pilot.press("m")  # my title; the city stays Bertil's, guests stay mine
        await pilot.press("f2")
        await wait_for(pilot, lambda: isinstance(app.screen, MainScreen))
        stored = services.items.get(item.id)
        assert (stored.title, stored.city, stored.guests) == (
            "Eurocities årsmöte 2026", "Lissabon", 3,
        )  # fmt: skip
        trail = [(e.user, e.field) for e in services.items.history(item.id) if e.field]
        assert ("bertil", "city") in trail and ("testare", "title") in trail


async def test_going_back_from_the_conflict_dialog_saves_nothing(
    services: Services, item: Item, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(IBApp, "POLL_SECONDS", 0.05)
    app = IBApp(services)
    async with app.run_test(size=(80, 24)) as pilot:  # the dialog must work at 80×24
        await wait_for_list(pilot)
        await pilot.press("e")
        change_elsewhere(services, item.id, title="Bertils rubrik")
        # The form warns as soon as the other save is noticed, before anything is lost.
        await wait_for(pilot, lambda: "medan du redigerar: bertil" in screen_text(pilot))
        await type_into(pilot, field_id("title"), "Min rubrik")
        await pilot.press("f2")
        await wait_for(pilot, lambda: isinstance(app.screen, ConflictModal))
        await pilot.pause()
        assert "Min rubrik" in screen_text(pilot) and "Bertils rubrik" in screen_text(pilot)
        await pilot.press("escape")
        assert isinstance(app.screen, ItemFormScreen)
        assert app.screen.query_one(f"#{field_id('title')}", Input).value == "Min rubrik"
        assert services.items.get(item.id).title == "Bertils rubrik"
        # All theirs: the stored version wins and nothing of mine is written.
        await pilot.press("f2")
        await wait_for(pilot, lambda: isinstance(app.screen, ConflictModal))
        await pilot.press("T", "f2")
        await wait_for(pilot, lambda: isinstance(app.screen, MainScreen))
        assert services.items.get(item.id).version == 2


async def test_undo_and_redo_a_status_change_from_the_list(services: Services, item: Item) -> None:
    app = IBApp(services)
    async with app.run_test(size=(120, 40)) as pilot:
        table = await wait_for_list(pilot)
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Ångra" in titles and "Gör om" in titles  # the palette has them too
        await pilot.press("3")
        await wait_for(pilot, lambda: table.current_row.item.status is Status.READY)
        await pilot.press("u")
        await wait_for(pilot, lambda: table.current_row.item.status is Status.RECEIVED)
        assert "Ångrat: KS 2026/7: status klar för IB → inkommen" in notifications(pilot)
        await pilot.press("U")
        await wait_for(pilot, lambda: table.current_row.item.status is Status.READY)
        await pilot.press("ctrl+z")
        await wait_for(pilot, lambda: table.current_row.item.status is Status.RECEIVED)
        actions = [e.action for e in services.items.status_history(item.id)]
        assert actions == ["status", "undo", "redo", "undo"]
        await pilot.press("u")
        assert "Det finns inget att ångra i den här sessionen." in notifications(pilot)


async def test_undo_an_edit_after_someone_else_changed_it_asks(
    services: Services, item: Item
) -> None:
    app = IBApp(services)
    async with app.run_test(size=(120, 40)) as pilot:
        table = await wait_for_list(pilot)
        await pilot.press("2")
        await wait_for(pilot, lambda: table.current_row.item.status is Status.IN_PREPARATION)
        other = other_instance(services)
        other.items.set_status(item.id, Status.DECIDED)
        other.close()
        await pilot.press("u")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmModal))
        await pilot.pause()
        question = screen_text(pilot)
        assert "bertil" in question and "beslutad" in question and "inkommen" in question
        await pilot.press("n")
        assert services.items.get(item.id).status is Status.DECIDED  # not reverted silently


async def test_history_view_from_the_list_and_the_item(services: Services, item: Item) -> None:
    services.items.update(replace(item, city="Lissabon"))
    services.items.set_status(item.id, Status.WRITTEN_OFF, "Ingen budget")
    app = IBApp(services)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_list(pilot)
        await pilot.press("h")
        assert isinstance(app.screen, HistoryScreen)
        await wait_for(pilot, lambda: app.screen.entries is not None)
        text = screen_text(pilot)
        for shown in ("registrerat", "stad: Bryssel → Lissabon", "avskriven", "Ingen budget"):
            assert shown in text, shown
        assert "testare" in text
        await pilot.press("escape")
        await pilot.press("enter", "h")  # the item screen opens the same view
        assert isinstance(app.screen, HistoryScreen)
        await pilot.press("escape", "escape")
        assert isinstance(app.screen, MainScreen)


def _items_file(tmp_path: Path, documents: list[dict], name: str = "inkorg.json") -> str:
    path = tmp_path / name
    path.write_text(json.dumps(documents, ensure_ascii=False), encoding="utf-8")
    return str(path)


async def test_import_screen_lists_errors_and_stores_nothing(
    tmp_path: Path, services: Services
) -> None:
    bad = [
        {"kind": "conference", "title": "Rätt"},
        {"kind": "conference", "title": "Fel", "costs": {"travel": -5}},
        {"kind": "resa", "title": "Fel typ", "okänt": 1},
    ]
    app = IBApp(services)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_list(pilot)
        await pilot.press("i")
        assert isinstance(app.screen, ImportScreen)
        await type_into(pilot, "import-path", _items_file(tmp_path, bad))
        await pilot.press("enter")
        await wait_for(pilot, lambda: "Fel (3)" in screen_text(pilot))
        text = screen_text(pilot)
        assert "Ärende 2, fält costs.travel: måste vara ≥ 0" in text
        assert "Ärende 3, fält okänt: okänt fält" in text
        assert "Inget importeras" in text
        await pilot.press("f2")
        assert services.items.repository.count() == 0


async def test_import_screen_shows_progress_and_the_report_and_asks_on_reimport(
    tmp_path: Path, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(import_screen, "PROGRESS_EVERY", 0.0)
    seen: list[tuple[int, int]] = []
    shown = ImportScreen._progress
    monkeypatch.setattr(
        ImportScreen, "_progress", lambda self, d, t: (seen.append((d, t)), shown(self, d, t))
    )
    documents = [
        {"kind": "visit", "title": f"Besök {n}", "dnr": f"KS 2026/{n}"} for n in range(300)
    ]
    path = _items_file(tmp_path, documents)
    app = IBApp(services)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_list(pilot)
        await pilot.press("i")
        await type_into(pilot, "import-path", path)
        await pilot.press("enter")
        await wait_for(pilot, lambda: "300 giltiga ärenden" in screen_text(pilot))
        await pilot.press("f2")
        await wait_for(pilot, lambda: "Klart" in screen_text(pilot), timeout=20)
        bar = app.screen.query_one(ProgressBar)
        assert bar.progress == bar.total == 300
        assert any(0 < done < 300 for done, _ in seen)  # it moved while storing
        assert "300 ärenden importerade" in screen_text(pilot)
        assert "100%" in screen_text(pilot)  # the bar is on screen, full
        assert services.items.repository.count() == 300
        # The same file again: the TUI asks what to do with the 300 that exist.
        await type_into(pilot, "import-path", path)
        await pilot.press("enter")
        await wait_for(pilot, lambda: "300 finns redan" in screen_text(pilot))
        await pilot.press("f2")
        await wait_for(pilot, lambda: isinstance(app.screen, ExistingItemsModal))
        await pilot.press("h")  # skip them
        await wait_for(pilot, lambda: "Klart" in screen_text(pilot), timeout=20)
        assert "300 fanns redan (samma dnr) och hoppades över" in screen_text(pilot)
        assert services.items.repository.count() == 300
        await pilot.press("escape")
        table = await wait_for_list(pilot)
        await wait_for(pilot, lambda: table.row_count == 300)


async def test_another_instances_change_appears_in_the_list(
    services: Services, item: Item, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(IBApp, "POLL_SECONDS", 0.05)
    app = IBApp(services)
    async with app.run_test(size=(120, 40)) as pilot:
        table = await wait_for_list(pilot)
        change_elsewhere(services, item.id, title="Ändrat i en annan terminal")
        other = other_instance(services)
        other.items.register(make_item(title="Nytt från en annan terminal"))
        other.close()
        await wait_for(pilot, lambda: table.row_count == 2)
        await wait_for(pilot, lambda: "Ändrat i en annan terminal" in screen_text(pilot))
        assert "Nytt från en annan terminal" in screen_text(pilot)
        # The new item sorts above; the cursor stays on the item it was on, so a status key
        # never lands on a different item than the one the user looked at.
        await wait_for(pilot, lambda: table.current_row is not None)
        assert table.cursor == 1 and table.current_row.item.id == item.id


async def test_ctrl_z_in_the_form_does_not_undo_a_saved_change(
    services: Services, item: Item
) -> None:
    app = IBApp(services)
    async with app.run_test(size=(120, 40)) as pilot:
        table = await wait_for_list(pilot)
        await pilot.press("2")
        await wait_for(pilot, lambda: table.current_row.item.status is Status.IN_PREPARATION)
        await pilot.press("e", "ctrl+z", "u")  # typing in the form: neither key undoes
        assert isinstance(app.screen, ItemFormScreen)
        await pilot.press("escape")
        if not isinstance(app.screen, MainScreen):  # "u" was typed: confirm discarding it
            await pilot.press("y")
        assert services.items.get(item.id).status is Status.IN_PREPARATION
        assert [e.action for e in services.items.status_history(item.id)] == ["status"]


async def test_import_screen_updates_only_the_fields_the_file_names(
    tmp_path: Path, services: Services
) -> None:
    stored = services.items.register(
        make_item(
            title="Slutet möte", dnr="KS 2026/9", summary="Programmet är inte offentligt.",
            confidential=True, confidential_ground="18 kap. 8 § OSL", city="Haag",
        )
    )  # fmt: skip
    path = _items_file(tmp_path, [{"dnr": "KS 2026/9", "city": "Bryssel"}])
    app = IBApp(services)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_list(pilot)
        await pilot.press("i")
        await type_into(pilot, "import-path", path)
        await pilot.press("enter")
        await wait_for(pilot, lambda: "1 finns redan" in screen_text(pilot))
        await pilot.press("f2")
        await wait_for(pilot, lambda: isinstance(app.screen, ExistingItemsModal))
        await pilot.press("u")
        await wait_for(pilot, lambda: "Klart" in screen_text(pilot), timeout=20)
    after = services.items.get(stored.id)
    assert after.city == "Bryssel"
    assert (after.title, after.summary, after.confidential, after.confidential_ground) == (
        stored.title, stored.summary, True, "18 kap. 8 § OSL",
    )  # fmt: skip
