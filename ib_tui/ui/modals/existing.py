"""Re-import: items whose dnr is already in the register. Update them or skip them?

Dismisses with the policy, or None to cancel the import (nothing is stored)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from ib_tui.services import OnExisting
from ib_tui.ui.text import plain


class ExistingItemsModal(ModalScreen[OnExisting | None]):
    HELP = """
Ärenden med samma diarienummer finns redan. **u** uppdaterar dem med filens värden (varje
ändrat fält hamnar i historiken), **h** hoppar över dem och importerar bara de nya.
**Esc** avbryter: inget importeras.
"""
    BINDINGS = [
        Binding("u", "answer('update')", "Uppdatera", id="existing.update"),
        Binding("h", "answer('skip')", "Hoppa över", id="existing.skip"),
        Binding("escape", "answer('')", "Avbryt", id="existing.cancel"),
    ]

    def __init__(self, existing: int, new: int, dnrs: list[str]) -> None:
        super().__init__()
        self.existing, self.new, self.dnrs = existing, new, dnrs

    def compose(self) -> ComposeResult:
        shown = ", ".join(self.dnrs[:5]) + (" …" if len(self.dnrs) > 5 else "")
        with Vertical(classes="dialog"):
            yield Static(
                f"{self.existing} av ärendena finns redan (samma dnr)", classes="dialog-title"
            )
            yield Static(plain(shown))
            yield Static(
                f"{self.new} är nya och importeras i vilket fall. Vad ska hända med de "
                f"{self.existing} som redan finns?"
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Uppdatera dem (u)", variant="primary", id="update")
                yield Button("Hoppa över dem (h)", id="skip")
                yield Button("Avbryt (Esc)", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#skip", Button).focus()

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        self.action_answer(event.button.id if event.button.id != "cancel" else "")

    def action_answer(self, answer: str | None) -> None:
        self.dismiss(OnExisting(answer) if answer else None)
