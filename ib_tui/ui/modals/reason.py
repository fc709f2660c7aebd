"""Asks for a short text (a reason); dismisses with it, or None when cancelled."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label

from ib_tui.ui.text import plain


class ReasonModal(ModalScreen[str | None]):
    HELP = "Skriv skälet och tryck **Enter**. **Esc** avbryter utan att något ändras."
    BINDINGS = [Binding("escape", "cancel", "Avbryt", id="modal.cancel")]

    def __init__(self, title: str, prompt: str) -> None:
        super().__init__()
        self.title_text = title
        self.prompt = prompt

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(plain(self.title_text), classes="dialog-title")
            yield Label(plain(self.prompt))
            yield Input(id="reason")
            yield Label("", id="reason-error", classes="field-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Spara", variant="primary", id="ok")
                yield Button("Avbryt", id="cancel")

    @on(Input.Submitted)
    @on(Button.Pressed, "#ok")
    def submit(self) -> None:
        reason = self.query_one("#reason", Input).value.strip()
        if not reason:
            error = self.query_one("#reason-error", Label)
            error.update("Skälet får inte vara tomt.")
            error.add_class("shown")
            return
        self.dismiss(reason)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
