"""The main screen as the secretary uses it (docs/scenarios.md 1): walk, filter, search, triage."""

from __future__ import annotations

import pytest

from ib_tui.domain.model import Status
from ib_tui.services import Services
from ib_tui.ui.app import IBApp
from ib_tui.ui.modals.reason import ReasonModal
from ib_tui.ui.screens.item import ItemScreen
from ib_tui.ui.widgets.item_table import ItemTable
from tests.conftest import make_item
from tests.ui.pilot import notifications, screen_text, wait_for, wait_for_list

TAIPEI_TITLE = "Motion om fördjupade relationer mellan Stockholms stad och Taiwan"


@pytest.fixture
def app(demo_services: Services) -> IBApp:
    return IBApp(demo_services, demo=True)


async def test_opens_on_the_demo_with_count_and_panel(app: IBApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        table = await wait_for_list(pilot)
        assert table.row_count == 56
        text = screen_text(pilot)
        assert "56 ärenden" in text
        assert "Strategins principer" in text
        assert "Forum:" in text


async def test_j_and_k_move_and_the_panels_follow(app: IBApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        table = await wait_for_list(pilot)
        first = table.current_row.item
        await pilot.press("j", "j")
        assert table.cursor == 2
        second = table.current_row.item
        assert second.id != first.id
        assert (second.dnr or "") in screen_text(pilot)
        await pilot.press("k")
        assert table.cursor == 1
        await pilot.press("G")
        await wait_for(pilot, lambda: table.current_row is not None)
        assert table.cursor == 55
        await pilot.press("g")
        assert table.cursor == 0


async def test_status_filter_narrows_to_inkommen_and_counts(app: IBApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        table = await wait_for_list(pilot)
        await pilot.press("s", "s")  # alla → pågående → inkommen
        await wait_for(pilot, lambda: not table.counting and table.row_count == 9)
        await pilot.pause()
        assert "Status: inkommen" in screen_text(pilot)
        assert "9 ärenden" in screen_text(pilot)
        assert all(
            table.loaded_row(i).item.status is Status.RECEIVED for i in range(table.row_count)
        )
        await pilot.press("escape")
        await wait_for(pilot, lambda: not table.counting and table.row_count == 56)


async def test_kind_filter(app: IBApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        table = await wait_for_list(pilot)
        await pilot.press("t")  # alla → konferensresa
        await wait_for(pilot, lambda: not table.counting and table.row_count < 56)
        await pilot.pause()
        assert "Typ: konferensresa" in screen_text(pilot)
        kinds = {table.loaded_row(i).item.kind.value for i in range(table.row_count)}
        assert kinds == {"conference"}


async def test_search_as_you_type(app: IBApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        table = await wait_for_list(pilot)
        await pilot.press("slash", *"eurocit")
        await wait_for(pilot, lambda: not table.counting and table.row_count == 8)
        await pilot.pause()
        items = [table.loaded_row(i).item for i in range(table.row_count)]
        assert all("eurocities" in item.text.casefold() for item in items)
        titles = [item.title for item in items]
        assert {f"Eurocities årsmöte {year}" for year in range(2023, 2027)} <= set(titles)
        await pilot.press("enter")  # back to the list
        assert table.has_focus


async def test_taipei_principle_panel(app: IBApp) -> None:
    async with app.run_test(size=(160, 50)) as pilot:
        table = await wait_for_list(pilot)
        await pilot.press("slash", *"taiwan", "enter")
        await wait_for(pilot, lambda: not table.counting and table.row_count == 1)
        await pilot.pause()
        text = screen_text(pilot)
        assert "KS 2024/269" in text
        assert "✖ KONFLIKT  Vänorter  (avsnitt 4)" in text
        assert "✖ KONFLIKT  Utrikespolitik" in text
        assert "Vänortsavtal med Taipei strider mot principen" in text
        assert "tecknar inte vänortsavtal" in text  # the strategy's own sentence
        assert "Forum: Kommunstyrelsen" in text
        assert "✖ Konflikt" in text  # the list's marker: symbol and word


async def test_change_status_with_one_key_and_keep_its_date(
    app: IBApp, demo_services: Services
) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        table = await wait_for_list(pilot)
        item = table.current_row.item
        assert item.status is Status.RECEIVED
        await pilot.press("2")
        await wait_for(pilot, lambda: table.current_row.item.status is Status.IN_PREPARATION)
        stored = demo_services.items.get(item.id)
        assert stored.status is Status.IN_PREPARATION
        (change,) = demo_services.items.status_history(item.id)
        assert change.new_value == "in_preparation" and change.at.date().isoformat()
        assert "under beredning" in screen_text(pilot)


async def test_writing_off_asks_for_a_reason(app: IBApp, demo_services: Services) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        table = await wait_for_list(pilot)
        item = table.current_row.item
        await pilot.press("5")
        assert isinstance(app.screen, ReasonModal)
        await pilot.press("enter")  # empty: refused, nothing changes
        assert isinstance(app.screen, ReasonModal)
        assert "Skälet får inte vara tomt" in screen_text(pilot)
        await pilot.press(*"Inbjudningsbrev skrivs inte", "enter")
        await wait_for(pilot, lambda: table.current_row.item.status is Status.WRITTEN_OFF)
        (change,) = demo_services.items.status_history(item.id)
        assert change.note == "Inbjudningsbrev skrivs inte"


async def test_cancelling_the_reason_changes_nothing(app: IBApp, demo_services: Services) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        table = await wait_for_list(pilot)
        item = table.current_row.item
        await pilot.press("5", "escape")
        await pilot.pause()
        assert demo_services.items.get(item.id).status is Status.RECEIVED


async def test_enter_opens_the_item_with_its_history(app: IBApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_list(pilot)
        await pilot.press("G")
        await pilot.pause()
        await pilot.press("enter")
        assert isinstance(app.screen, ItemScreen)
        await wait_for(pilot, lambda: "Läser historiken" not in screen_text(pilot))
        text = screen_text(pilot)
        assert "Historik" in text
        history = [line for line in text.splitlines() if "registrerat" in line]
        assert history and "demo" in history[0]  # who registered it, on the same line
        await pilot.press("escape")
        assert not isinstance(app.screen, ItemScreen)


async def test_help_lists_the_screens_keys(app: IBApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_list(pilot)
        await pilot.press("question_mark")
        text = screen_text(pilot)
        assert "Ärendelistan" in text
        for description in ("Sök", "Nytt", "Redigera", "Status: avskriven", "Sortering"):
            assert description in text
        await pilot.press("escape")
        assert "Ärendelistan" not in screen_text(pilot)


async def test_the_palette_offers_the_screens_actions(app: IBApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_list(pilot)
        titles = [command.title for command in app.get_system_commands(app.screen)]
        for title in ("Nytt", "Redigera", "Statusfilter", "Status: beslutad", "Hjälp"):
            assert title in titles


async def test_q_quits(app: IBApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_list(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


@pytest.mark.parametrize("size", [(80, 24), (60, 20), (200, 60)])
async def test_small_and_large_terminals(app: IBApp, size: tuple[int, int]) -> None:
    async with app.run_test(size=size) as pilot:
        table = await wait_for_list(pilot)
        text = screen_text(pilot)
        assert "Bedömning" in text and "Rubrik" in text
        assert table.current_row.item.title[:10] in text.replace("\n", " ")


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
async def test_both_themes_render(app: IBApp, theme: str) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        app.theme = theme
        await wait_for_list(pilot)
        assert "56 ärenden" in screen_text(pilot)


async def test_an_empty_database_opens(services: Services) -> None:
    app = IBApp(services)
    async with app.run_test(size=(80, 24)) as pilot:
        table = await wait_for_list(pilot)
        assert table.row_count == 0
        assert "0 ärenden" in screen_text(pilot)
        await pilot.press("j", "enter", "2", "e")
        await pilot.pause()
        assert "Inget ärende är markerat." in notifications(pilot)


async def test_a_double_click_on_a_row_opens_it_and_does_not_crash(app: IBApp) -> None:
    """Textual calls widget.query("*") on a double click; the list must not hide query()."""
    async with app.run_test(size=(120, 40)) as pilot:
        table = await wait_for_list(pilot)
        assert await pilot.click(ItemTable, offset=(10, 3), times=2)
        await wait_for(pilot, lambda: isinstance(app.screen, ItemScreen))
        assert app.screen.item.id == table.current_row.item.id
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, ItemScreen))
        assert await pilot.click(ItemTable, offset=(10, 4), times=3)  # a triple click too
        await pilot.pause()
        assert app.is_running


async def test_one_item_is_one_arende(services: Services) -> None:
    services.items.register(make_item(title="Ensamt ärende"))
    async with IBApp(services).run_test(size=(120, 40)) as pilot:
        await wait_for_list(pilot)
        text = screen_text(pilot)
        assert "1 ärende" in text and "1 ärenden" not in text
