"""Help for the screen underneath: its own text, then every key it answers to right now.

Built from the live bindings, so it cannot drift from the keys that really work."""

from __future__ import annotations

from rich.markdown import Markdown
from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Label, Static


def key_rows(screen: Screen) -> list[tuple[str, str]]:
    """(keys, description) for each of the app's own bindings active on `screen`, all keys of
    one action on one row. Textual's built-in bindings (scrolling, focus) carry no id."""
    rows: dict[tuple[str, str], list[str]] = {}
    for key, active in screen.active_bindings.items():
        binding = active.binding
        if not binding.id or not binding.description:
            continue
        shown = binding.key_display or screen.app.get_key_display(Binding(key, binding.action))
        keys = rows.setdefault((binding.action, binding.description), [])
        if shown not in keys:
            keys.append(shown)
    return [(" / ".join(keys), description) for (_, description), keys in rows.items()]


def key_table(screen: Screen) -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    for keys, description in key_rows(screen):
        table.add_row(keys, description)
    return table


class HelpModal(ModalScreen[None]):
    HELP = "Hjälpen stängs med **Esc**, **q** eller **?**."
    BINDINGS = [Binding("escape,q,question_mark,f1", "dismiss", "Stäng", id="help.close")]

    def __init__(self, screen: Screen) -> None:
        super().__init__()
        self.target = screen

    def compose(self) -> ComposeResult:
        # Keys beside the text on wide terminals, under it on narrow ones (app.tcss).
        with VerticalScroll(classes="dialog help"):
            yield Label("Hjälp", classes="dialog-title")
            with Horizontal(id="help-columns"):
                with Vertical(id="help-keys"):
                    yield Label("Tangenter", classes="dialog-subtitle")
                    yield Static(key_table(self.target))
                text = getattr(self.target, "HELP", None) or ""
                yield Static(Markdown(text.strip()), id="help-text")
            yield Static(
                "Ctrl+P öppnar kommandopaletten med samma kommandon. "
                "Tema (mörkt/ljust) byts där under ”Tema”.",
                classes="dim",
            )

    def on_resize(self) -> None:
        self.set_class(self.size.width < 100, "narrow")

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(None)
