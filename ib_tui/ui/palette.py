"""The command palette in Swedish: Textual's own system commands (theme, keys, maximise,
screenshot, quit), the palette's keys and its placeholder, which Textual ships in English."""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.screen import Screen
from textual.theme import ThemeProvider

PLACEHOLDER = "Sök bland kommandona…"
THEME_PLACEHOLDER = "Sök bland temana…"


class SwedishCommandPalette(CommandPalette):
    BINDINGS = [
        Binding(
            "ctrl+end,shift+end",
            "command_list('last')",
            "Till slutet",
            show=False,
            id="palette.last",
        ),
        Binding(
            "ctrl+home,shift+home",
            "command_list('first')",
            "Till början",
            show=False,
            id="palette.first",
        ),
        Binding("down", "cursor_down", "Nästa kommando", show=False, id="palette.down"),
        Binding("escape", "escape", "Stäng kommandopaletten", id="palette.close"),
        Binding(
            "pagedown",
            "command_list('page_down')",
            "Nästa sida",
            show=False,
            id="palette.page_down",
        ),
        Binding(
            "pageup", "command_list('page_up')", "Föregående sida", show=False, id="palette.page_up"
        ),
        Binding(
            "up", "command_list('cursor_up')", "Föregående kommando", show=False, id="palette.up"
        ),
    ]


def open_palette(app: App) -> None:
    if app.use_command_palette and not CommandPalette.is_open(app):
        app.push_screen(SwedishCommandPalette(id="--command-palette", placeholder=PLACEHOLDER))


def open_theme_palette(app: App) -> None:
    app.push_screen(SwedishCommandPalette(providers=[ThemeProvider], placeholder=THEME_PLACEHOLDER))


def system_commands(app: App, screen: Screen) -> Iterable[SystemCommand]:
    """Textual's `App.get_system_commands`, worded in Swedish."""
    yield SystemCommand(
        "Tema", "Byt färgtema (t.ex. ett ljust för projektorn)", app.action_change_theme
    )
    yield SystemCommand(
        "Avsluta", "Stäng appen (frågar först om något är osparat)", app.action_quit
    )
    if screen.query("HelpPanel"):
        yield SystemCommand("Tangenter", "Dölj tangentpanelen", app.action_hide_help_panel)
    else:
        yield SystemCommand(
            "Tangenter",
            "Visa en panel med tangenterna som gäller just nu",
            app.action_show_help_panel,
        )
    if screen.maximized is not None:
        yield SystemCommand("Återställ", "Visa rutan i vanlig storlek igen", screen.action_minimize)
    elif screen.focused is not None and screen.focused.allow_maximize:
        yield SystemCommand("Maximera", "Låt rutan med fokus fylla skärmen", screen.action_maximize)
    yield SystemCommand(
        "Skärmbild",
        "Spara en SVG-bild av skärmen",
        lambda: app.set_timer(0.1, app.deliver_screenshot),
    )
