"""A yes/no question; dismisses with True or False. y/n answer it from the keyboard."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from ib_tui.ui.text import plain


class ConfirmModal(ModalScreen[bool]):
    HELP = "**j** eller **y** svarar ja, **n** eller **Esc** svarar nej."
    BINDINGS = [
        Binding("y,j", "answer(True)", "Ja", id="modal.yes"),
        Binding("n,escape", "answer(False)", "Nej", id="modal.no"),
    ]

    def __init__(self, question: str, yes: str = "Ja", no: str = "Nej") -> None:
        super().__init__()
        self.question = question
        self.yes, self.no = yes, no

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(plain(self.question), classes="dialog-title")  # a long one wraps
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.yes, variant="error", id="yes")
                yield Button(self.no, variant="primary", id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)
