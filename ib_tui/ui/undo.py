"""Undo and redo from any screen that allows it (ctrl+z / u, ctrl+y / U, and the palette).

A conflict (someone changed the item after our change) is never resolved silently: an edit
opens the conflict dialog, a status change asks first, showing both values.
"""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.binding import Binding

from ib_tui.domain.changes import Side
from ib_tui.domain.model import Item
from ib_tui.errors import ItemNotFound, StoreError
from ib_tui.services import Direction, NothingToUndo, Services, UndoConflict
from ib_tui.ui.messages import broadcast
from ib_tui.ui.modals.confirm import ConfirmModal

DONE = {Direction.UNDO: "Ångrat", Direction.REDO: "Gjort om"}
# The screens where undo makes sense (the list, an item, its history) include these; forms and
# dialogs do not, so there ctrl+z stays with the text being typed. `u`/`U` are the plain keys
# for terminals where ctrl+z suspends or is swallowed.
UNDO_BINDINGS = [
    Binding("u,ctrl+z", "app.undo", "Ångra", id="undo.undo"),
    Binding("U,ctrl+y", "app.redo", "Gör om", show=False, id="undo.redo"),
]


class UndoController:
    def __init__(self, app: App[Any], services: Services) -> None:
        self.app = app
        self.services = services

    def run(self, direction: Direction) -> None:
        undo = self.services.undo
        step = undo.next(direction)
        try:
            item = undo.undo() if direction is Direction.UNDO else undo.redo()
        except NothingToUndo as nothing:
            self.app.notify(str(nothing), timeout=3)
            return
        except UndoConflict as conflict:
            self._ask(conflict)
            return
        except (StoreError, ItemNotFound) as error:
            self.app.notify(str(error), severity="error")
            return
        assert step is not None
        self._done(direction, step.describe(), item)

    def _done(self, direction: Direction, what: str, item: Item) -> None:
        self.app.notify(f"{DONE[direction]}: {what}", timeout=4)
        broadcast(self.app, item)

    def _ask(self, conflict: UndoConflict) -> None:
        """Shows both values and lets the user choose; nothing happens without a choice."""
        step, current, direction = conflict.step, conflict.current, conflict.direction
        name = current.dnr or current.title
        since = self.services.items.changes_since(step.item_id, step.expected.version)
        if conflict.conflict is not None:
            from ib_tui.ui.modals.conflict import ConflictModal  # rare: loaded when needed

            modal = ConflictModal(
                conflict.conflict,
                since,
                title="Ärendet har ändrats av någon annan efter din ändring: välj vad som gäller",
                mine=f"Efter {direction.label}",
            )
            self.app.push_screen(modal, lambda choices: self._resolve(conflict, choices))
            return
        who = ", ".join(sorted({entry.user for entry in since})) or "någon annan"
        question = (
            f"{name} har ändrats av {who} efter din ändring: status är nu "
            f"”{current.status.label}”. Vill du ändå {direction.label} och sätta status till "
            f"”{step.target.status.label}”?"
        )
        self.app.push_screen(
            ConfirmModal(question, yes=f"Ja, {direction.label}", no="Nej, behåll"),
            lambda yes: self._resolve(conflict, {} if yes else None),
        )

    def _resolve(self, conflict: UndoConflict, choices: dict[str, Side] | None) -> None:
        if choices is None:
            self.app.notify("Inget ändrades.", timeout=3)
            return
        try:
            item = self.services.undo.resolve(conflict, choices)
        except UndoConflict as again:
            self._ask(again)
            return
        except (StoreError, ItemNotFound) as error:
            self.app.notify(str(error), severity="error")
            return
        self._done(conflict.direction, conflict.step.describe(), item)
