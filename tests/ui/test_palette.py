"""The command palette and the keys speak Swedish: Textual's system commands, the placeholder,
and one description (help text) on every binding the app declares."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

from textual.binding import Binding
from textual.command import CommandInput, CommandPalette

import ib_tui.ui
from ib_tui.services import Services
from ib_tui.ui.app import IBApp
from tests.ui.pilot import screen_text, wait_for, wait_for_list


async def test_the_palette_is_swedish(demo_services: Services) -> None:
    app = IBApp(demo_services, demo=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_list(pilot)
        titles = [command.title for command in app.get_system_commands(app.screen)]
        for swedish in ("Tema", "Tangenter", "Avsluta", "Skärmbild"):
            assert swedish in titles
        for english in ("Theme", "Keys", "Quit", "Screenshot", "Maximize", "Focus Next",
                        "Copy selected text"):  # fmt: skip
            assert english not in titles
        assert "Nästa fält" in titles and "Kopiera markerad text" in titles
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette))
        assert app.screen.query_one(CommandInput).placeholder == "Sök bland kommandona…"
        assert "Search for commands" not in screen_text(pilot)
        await pilot.press(*"tema", "enter")
        await wait_for(
            pilot,
            lambda: (
                isinstance(app.screen, CommandPalette)
                and app.screen.query_one(CommandInput).placeholder == "Sök bland temana…"
            ),
        )
        await pilot.press(*"textual-light", "enter")
        await wait_for(pilot, lambda: app.theme == "textual-light")


def declared_bindings() -> list[tuple[str, Binding]]:
    found = []
    for module_info in pkgutil.walk_packages(ib_tui.ui.__path__, "ib_tui.ui."):
        module = importlib.import_module(module_info.name)
        for name, value in vars(module).items():
            if inspect.isclass(value) and value.__module__ == module.__name__:
                for binding in value.__dict__.get("BINDINGS", []):
                    if isinstance(binding, Binding):
                        found.append((f"{module.__name__}.{name}", binding))
            if isinstance(value, list):
                found += [(name, b) for b in value if isinstance(b, Binding)]
    return found


def test_every_binding_has_an_id_and_a_swedish_description() -> None:
    bindings = declared_bindings()
    assert len(bindings) > 60
    for owner, binding in bindings:
        assert binding.description, f"{owner}: {binding.key} has no description"
        assert binding.id, f"{owner}: {binding.key} has no id (no [keys] override possible)"


def test_one_verb_per_action() -> None:
    """The same action is worded the same wherever it is bound ('Redigera', never 'Ändra')."""
    by_action: dict[str, set[str]] = {}
    for _owner, binding in declared_bindings():
        if binding.action in ("edit", "edit_item"):
            by_action.setdefault("edit", set()).add(binding.description)
        if binding.action in ("back",):
            by_action.setdefault("back", set()).add(binding.description)
    assert by_action["edit"] == {"Redigera"}
    assert by_action["back"] == {"Tillbaka"}
