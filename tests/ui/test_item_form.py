"""Registering and editing items in the form (the same validator as `ib-tui import`)."""

from __future__ import annotations

from textual.widget import Widget
from textual.widgets import Checkbox, Input, Label, Select, TextArea

from ib_tui.domain.model import COST_LABELS
from ib_tui.services import Services
from ib_tui.ui.app import IBApp
from ib_tui.ui.modals.confirm import ConfirmModal
from ib_tui.ui.screens.item_form import ItemFormScreen, error_id, field_id
from ib_tui.ui.screens.main import MainScreen
from tests.conftest import make_item
from tests.ui.pilot import notifications, screen_text, wait_for, wait_for_list


def form(app: IBApp) -> ItemFormScreen:
    assert isinstance(app.screen, ItemFormScreen)
    return app.screen


def error_text(app: IBApp, name: str) -> str:
    label = app.screen.query_one(f"#{error_id(name)}", Label)
    return str(label.render()) if label.has_class("shown") else ""


async def fill(pilot, name: str, text: str) -> None:
    widget = pilot.app.screen.query_one(f"#{field_id(name)}", Input)
    widget.focus()
    widget.value = ""
    await pilot.press(*text)


async def test_create_an_item_after_fixing_a_validation_error(services: Services) -> None:
    app = IBApp(services)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_list(pilot)
        await pilot.press("n")
        screen = form(app)
        screen.query_one(f"#{field_id('kind')}", Select).value = "visit"
        await fill(pilot, "title", "Delegation från Guangzhou")
        await fill(pilot, "received", "17 november 2026")
        await fill(pilot, "starts", "31 februari 2027")
        await fill(pilot, "guests", "12")
        await fill(pilot, "costs.meals", "4 800")
        await pilot.press("f2")
        await pilot.pause()
        # Not saved: the error stands next to the field, in the validator's words.
        assert isinstance(app.screen, ItemFormScreen)
        assert "'31 februari 2027' finns inte i kalendern" in error_text(app, "starts")
        assert "Inget har sparats" in " ".join(notifications(pilot))
        assert services.items.repository.count() == 0
        assert await seen(pilot, app.screen.query_one(f"#{field_id('costs.meals')}"))
        assert "Summa: 4\u00a0800 kr" in screen_text(pilot)

        await fill(pilot, "starts", "3 mars 2027")
        await pilot.press("f2")
        await wait_for(pilot, lambda: isinstance(app.screen, MainScreen))
        table = await wait_for_list(pilot)
        assert table.row_count == 1
        item = table.current_row.item
        assert (item.title, item.guests, item.costs.meals) == (
            "Delegation från Guangzhou",
            12,
            4800,
        )
        assert item.starts.isoformat() == "2027-03-03"
        assert services.items.history(item.id)[0].action == "create"


async def test_negative_cost_and_unknown_role_are_shown_at_their_fields(services: Services) -> None:
    app = IBApp(services)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_list(pilot)
        await pilot.press("n")
        form(app).query_one(f"#{field_id('kind')}", Select).value = "conference"
        await fill(pilot, "title", "Resa")
        await fill(pilot, "costs.travel", "-500")
        area = app.screen.query_one(f"#{field_id('participants')}", TextArea)
        area.text = "Anna Berg; kung"
        await pilot.press("f2")
        await pilot.pause()
        assert "måste vara ≥ 0" in error_text(app, "costs.travel")
        assert "okänt värde 'kung'" in error_text(app, "participants")


async def test_a_missing_kind_is_asked_for_in_swedish(services: Services) -> None:
    app = IBApp(services)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_list(pilot)
        await pilot.press("n")
        await fill(pilot, "title", "Något")
        await pilot.press("f2")
        await pilot.pause()
        assert error_text(app, "kind") == "Välj typ av ärende."


async def test_edit_records_the_change_and_updates_the_list(demo_services: Services) -> None:
    app = IBApp(demo_services)
    async with app.run_test(size=(120, 40)) as pilot:
        table = await wait_for_list(pilot)
        item = table.current_row.item
        await pilot.press("e")
        screen = form(app)
        assert screen.query_one(f"#{field_id('title')}", Input).value == item.title
        await fill(pilot, "title", "Nytt namn på ärendet")
        await fill(pilot, "costs.fees", "2500")
        await pilot.press("f2")
        await wait_for(pilot, lambda: isinstance(app.screen, MainScreen))
        await wait_for(pilot, lambda: table.current_row.item.title == "Nytt namn på ärendet")
        stored = demo_services.items.get(item.id)
        assert stored.version == item.version + 1
        fields = {e.field for e in demo_services.items.history(item.id) if e.action == "edit"}
        assert fields == {"title", "costs.fees"}
        assert "Nytt namn på ärendet" in screen_text(pilot)


async def test_escape_asks_before_discarding_changes(demo_services: Services) -> None:
    app = IBApp(demo_services)
    async with app.run_test(size=(120, 40)) as pilot:
        table = await wait_for_list(pilot)
        original = table.current_row.item
        await pilot.press("e")
        await fill(pilot, "title", "Ändrat men inte sparat")
        await pilot.press("escape")
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("n")  # keep editing
        assert isinstance(app.screen, ItemFormScreen)
        await pilot.press("escape")
        await pilot.press("y")  # discard
        await wait_for(pilot, lambda: isinstance(app.screen, MainScreen))
        assert demo_services.items.get(original.id).title == original.title


async def test_escape_without_changes_leaves_at_once(demo_services: Services) -> None:
    app = IBApp(demo_services)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_list(pilot)
        await pilot.press("e")
        assert isinstance(app.screen, ItemFormScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_quitting_with_an_unsaved_form_asks_first(demo_services: Services) -> None:
    app = IBApp(demo_services)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_list(pilot)
        await pilot.press("e")
        await fill(pilot, "title", "Osparat")
        await app.run_action("quit")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)
        assert app.is_running
        await pilot.press("n")
        assert isinstance(app.screen, ItemFormScreen)


async def test_form_fits_a_small_terminal(demo_services: Services) -> None:
    app = IBApp(demo_services)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_list(pilot)
        await pilot.press("e")
        await wait_for(pilot, lambda: isinstance(app.screen, ItemFormScreen))
        await pilot.pause()
        text = screen_text(pilot)
        assert "Rubrik" in text and "F2" in text.upper()


async def test_v2_facts_are_entered_in_the_form_and_shown_with_the_item(
    services: Services,
) -> None:
    app = IBApp(services)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_list(pilot)
        await pilot.press("n")
        screen = form(app)
        screen.query_one(f"#{field_id('kind')}", Select).value = "representation"
        await fill(pilot, "title", "VM i friidrott")
        screen.query_one(f"#{field_id('reception.event')}", Select).value = "sport"
        screen.query_one(f"#{field_id('reception.level')}", Select).value = "vm"
        screen.query_one(f"#{field_id('budgeted')}", Select).value = "ja"
        await fill(pilot, "reception.participants", "3 000")
        await fill(pilot, "reception.participants_abroad", "4 000")
        screen.query_one(f"#{field_id('purpose')}", TextArea).text = "Stockholmsbilden"
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, ItemFormScreen)  # more abroad than in all: not saved
        assert "fler (4000) än deltagarna totalt" in error_text(
            app, "reception.participants_abroad"
        )
        await fill(pilot, "reception.participants_abroad", "2 100")
        await pilot.press("f2")
        await wait_for(pilot, lambda: isinstance(app.screen, MainScreen))
        item = (await wait_for_list(pilot)).current_row.item
        assert item.reception.participants == 3000 and item.reception.level.value == "vm"
        assert (item.budgeted, item.on_behalf_of_ks, item.purpose) == (
            True, None, "Stockholmsbilden",
        )  # fmt: skip
        await pilot.press("enter")
        await pilot.pause()
        shown = screen_text(pilot)
        assert "idrottsevenemang, 3000 deltagare varav 2100" in shown
        assert "från utlandet, VM-nivå" in shown
        assert "budgeterat i verksamhetsplanen" in shown


async def test_an_unchanged_v2_item_is_not_dirty(services: Services) -> None:
    from tests.conftest import make_item

    services.items.register(
        make_item(
            kind="membership", title="Eurocities", membership={"type": "network", "new": False},
            on_behalf_of_ks=False, reception={}, staff_commitment="10 timmar",
        )
    )  # fmt: skip
    app = IBApp(services)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_list(pilot)
        await pilot.press("e")
        await pilot.pause()
        assert not form(app).dirty
        assert form(app).document()["membership"] == {"type": "network", "new": False}
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, MainScreen))


async def test_marking_an_item_confidential_asks_for_the_ground(services: Services) -> None:
    app = IBApp(services)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_list(pilot)
        await pilot.press("n")
        form(app).query_one(f"#{field_id('kind')}", Select).value = "visit"
        await fill(pilot, "title", "Slutet studiebesök")
        form(app).query_one(f"#{field_id('confidential')}", Checkbox).value = True
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, ItemFormScreen)
        assert "Ange grunden för sekretessen" in error_text(app, "confidential_ground")
        assert services.items.repository.count() == 0

        # "§" is no key Pilot can press: the text goes in as typed by a Swedish keyboard.
        app.screen.query_one(f"#{field_id('confidential_ground')}", Input).value = "18 kap. 8 § OSL"
        await pilot.press("f2")
        await wait_for(pilot, lambda: isinstance(app.screen, MainScreen))
        table = await wait_for_list(pilot)
        item = table.current_row.item
        assert item.confidential and item.confidential_ground == "18 kap. 8 § OSL"


ALL_COSTS = {
    "travel": 11_000, "accommodation": 12_000, "fees": 13_000, "meals": 14_000,
    "gifts": 1_500, "transport": 2_500, "other": 3_500,
}  # fmt: skip


async def seen(pilot, widget: Widget) -> bool:
    """Focuses the widget (the form scrolls to it) and says whether the user can see it: it has
    a height, lies on the screen, and is what the terminal shows at its top-left cell."""
    widget.focus()
    await pilot.pause()
    region = widget.region
    if region.height < 1 or not pilot.app.screen.region.contains_region(region):
        return False
    shown, _ = pilot.app.screen.get_widget_at(region.x, region.y)
    return shown is widget or widget in shown.ancestors_with_self


def line_with(pilot, label: str) -> str:
    return next((line for line in screen_text(pilot).splitlines() if label in line), "")


async def test_an_edited_items_costs_are_shown_summed_and_kept(services: Services) -> None:
    item = services.items.register(make_item(title="Resa till Bryssel", costs=ALL_COSTS))
    app = IBApp(services)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_list(pilot)
        await pilot.press("e")
        await wait_for(pilot, lambda: isinstance(app.screen, ItemFormScreen))
        for key, amount in ALL_COSTS.items():
            widget = app.screen.query_one(f"#{field_id(f'costs.{key}')}", Input)
            assert await seen(pilot, widget), key
            shown = f"{amount:,}".replace(",", " ")
            assert shown in line_with(pilot, COST_LABELS[key].capitalize()), key
        assert "Summa: 57\u00a0500 kr" in screen_text(pilot)
        # The last row (gåvor, transporter, övrigt) keeps what is typed, and the sum follows
        # at once, before any save.
        await fill(pilot, "costs.gifts", "2 000")
        await fill(pilot, "costs.other", "100")
        await pilot.pause()
        assert "Summa: 54\u00a0600 kr" in screen_text(pilot)
        await pilot.press("f2")
        await wait_for(pilot, lambda: isinstance(app.screen, MainScreen))
    saved = services.items.get(item.id)
    assert (saved.costs.gifts, saved.costs.transport, saved.costs.other) == (2_000, 2_500, 100)


async def test_a_negative_cost_says_why_right_under_its_field(services: Services) -> None:
    app = IBApp(services)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_list(pilot)
        await pilot.press("n")
        form(app).query_one(f"#{field_id('kind')}", Select).value = "conference"
        await fill(pilot, "title", "Resa")
        await fill(pilot, "costs.transport", "-50")
        await pilot.press("f2")
        await pilot.pause()
        field = app.screen.query_one(f"#{field_id('costs.transport')}", Input)
        assert app.focused is field  # the form took the user to it
        message = app.screen.query_one(f"#{error_id('costs.transport')}", Label)
        assert message.region.y == field.region.y + 1 and message.region.height >= 1
        lines = screen_text(pilot).splitlines()
        row = next(i for i, line in enumerate(lines) if line.lstrip().startswith("Transporter"))
        assert "måste vara ≥ 0" in lines[row + 1]
        assert services.items.repository.count() == 0


async def test_every_field_of_the_form_can_be_reached_at_80x24(demo_services: Services) -> None:
    app = IBApp(demo_services)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_list(pilot)
        await pilot.press("e")
        await wait_for(pilot, lambda: isinstance(app.screen, ItemFormScreen))
        fields = list(app.screen.query("#form Input, #form Select, #form TextArea, #form Checkbox"))
        assert len(fields) > 30
        hidden = [str(w) for w in fields if not await seen(pilot, w)]
        assert hidden == []


async def test_at_projector_size_all_costs_show_at_once(services: Services) -> None:
    services.items.register(make_item(title="Resa till Bryssel", costs=ALL_COSTS))
    app = IBApp(services)
    async with app.run_test(size=(200, 60)) as pilot:
        await wait_for_list(pilot)
        await pilot.press("e")
        await wait_for(pilot, lambda: isinstance(app.screen, ItemFormScreen))
        assert await seen(pilot, app.screen.query_one(f"#{field_id('costs.travel')}"))
        for key, amount in ALL_COSTS.items():
            shown = f"{amount:,}".replace(",", " ")
            assert shown in line_with(pilot, COST_LABELS[key].capitalize()), key
        assert "Summa: 57\u00a0500 kr" in screen_text(pilot)
