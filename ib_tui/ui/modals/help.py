"""Help for the screen underneath: its own text, then every key it answers to right now.

Built from the live bindings, so it cannot drift from the keys that really work."""

from __future__ import annotations

from rich.markdown import Markdown
from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Label, Static


def key_table(screen: Screen) -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    seen: set[tuple[str, str]] = set()
    for key, active in screen.active_bindings.items():
        binding = active.binding
        if not binding.description or (binding.action, binding.description) in seen:
            continue
        seen.add((binding.action, binding.description))
        shown = screen.app.get_key_display(Binding(key, binding.action))
        table.add_row(shown, binding.description)
    return table


class HelpModal(ModalScreen[None]):
    HELP = "Hjälpen stängs med **Esc**, **q** eller **?**."
    BINDINGS = [Binding("escape,q,question_mark,f1", "dismiss", "Stäng", id="help.close")]

    def __init__(self, screen: Screen) -> None:
        super().__init__()
        self.target = screen

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog help"):
            yield Label("Hjälp", classes="dialog-title")
            text = getattr(self.target, "HELP", None) or ""
            if text.strip():
                yield Static(Markdown(text.strip()))
            yield Label("Tangenter", classes="dialog-subtitle")
            yield Static(key_table(self.target))
            yield Static(
                "Ctrl+P öppnar kommandopaletten med samma kommandon. "
                "Tema (mörkt/ljust) byts där under ”Theme”.",
                classes="dim",
            )

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(None)
