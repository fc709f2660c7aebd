"""A small form in a dialog: a few text fields, text areas or choices, saved with F2.

The meeting screens ask for a date, a decision text, a reservation or an attendance list with
it. The caller's `save` does the real work and returns errors by field name; the dialog stays
open with the errors beside their fields, so nothing typed is lost on a mistake."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static, TextArea

from ib_tui.ui.answers import on_answer
from ib_tui.ui.messages import broadcast
from ib_tui.ui.modals.confirm import ConfirmModal
from ib_tui.ui.text import plain

Values = dict[str, str]
Save = Callable[[Values], Mapping[str, str]]  # errors by field name ("" for the whole form)


@dataclass(frozen=True, slots=True)
class Field:
    name: str
    label: str
    value: str = ""
    multiline: bool = False
    options: Sequence[tuple[str, str]] | None = None  # (label, value): a choice, not free text
    hint: str = ""


class FieldsModal(ModalScreen[Values | None]):
    HELP = """
**Tab** och **Shift+Tab** flyttar mellan fälten. **F2** sparar; blir något fel visas det vid
fältet och inget sparas. **Esc** avbryter (frågar först om du har skrivit något).
"""
    BINDINGS = [
        Binding("f2", "save", "Spara", id="fields.save"),
        Binding("escape", "cancel", "Avbryt", id="fields.cancel"),
    ]

    def __init__(self, title: str, fields: Sequence[Field], save: Save, *, wide: bool = False):
        super().__init__()
        self.title_text = title
        self.fields = list(fields)
        self.save = save
        self.wide = wide

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog fields" + (" wide" if self.wide else "")):
            yield Label(plain(self.title_text), classes="dialog-title")
            with VerticalScroll(classes="fields-scroll"):
                for field in self.fields:
                    yield Label(plain(field.label), classes="fields-label")  # may hold a name
                    yield self._widget(field)
                    if field.hint:
                        yield Static(field.hint, classes="fields-hint")
                    yield Label("", id=f"error-{field.name}", classes="field-error")
            yield Label("", id="error-", classes="field-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Spara (F2)", variant="primary", id="save")
                yield Button("Avbryt (Esc)", id="cancel")

    def _widget(self, field: Field) -> Input | TextArea | Select[str]:
        widget_id = f"field-{field.name}"
        if field.options is not None:
            options = [(plain(label), value) for label, value in field.options]
            value = field.value if any(v == field.value for _, v in options) else Select.NULL
            return Select(
                options,
                value=value,
                allow_blank=value is Select.NULL,
                id=widget_id,
                compact=True,
                prompt="Välj",
            )
        if field.multiline:
            return TextArea(field.value, id=widget_id, compact=True, classes="fields-area")
        return Input(field.value, id=widget_id, compact=True)

    def on_mount(self) -> None:
        self.initial = self.values()
        self.query("Input, TextArea, Select").first().focus()

    def values(self) -> Values:
        found: Values = {}
        for field in self.fields:
            widget = self.query_one(f"#field-{field.name}")
            if isinstance(widget, TextArea):
                found[field.name] = widget.text
            elif isinstance(widget, Select):
                found[field.name] = "" if widget.value is Select.NULL else str(widget.value)
            else:
                assert isinstance(widget, Input)
                found[field.name] = widget.value
        return found

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        values = self.values()
        errors = self.save(values)
        for field in [*self.fields, Field("", "")]:
            label = self.query_one(f"#error-{field.name}", Label)
            message = errors.get(field.name, "")
            label.update(plain(message))
            label.set_class(bool(message), "shown")
        if not errors:
            self.dismiss(values)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        if self.values() == self.initial:
            self.dismiss(None)
            return
        self.app.push_screen(
            ConfirmModal("Kasta det du har skrivit?", yes="Kasta", no="Fortsätt skriva"),
            lambda discard: discard and self.dismiss(None),
        )


def open_form(app: App[Any], modal: FieldsModal) -> None:
    """Shows a form whose `save` writes: once it has saved, every screen re-reads its data."""
    app.push_screen(modal, on_answer(lambda _values: broadcast(app)))
