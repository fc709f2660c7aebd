"""Undo and redo of this session's changes, each recorded in the trail as "undo" or "redo".

Undo respects versions like any other save: if someone changed the item after our change, it is
a conflict to resolve (`UndoConflict`), never a silent revert of their work.
"""

from __future__ import annotations

from collections.abc import Mapping

from ib_tui.domain.changes import Conflict, Side
from ib_tui.domain.model import Item
from ib_tui.errors import IbTuiError
from ib_tui.services.context import ServiceContext
from ib_tui.services.journal import Direction, Step, StepKind, UndoJournal
from ib_tui.store import ItemRepository, VersionConflict


class NothingToUndo(IbTuiError):
    def __init__(self, direction: Direction) -> None:
        what = "ångra" if direction is Direction.UNDO else "göra om"
        super().__init__(f"Det finns inget att {what} i den här sessionen.")
        self.direction = direction


class UndoConflict(IbTuiError):
    """The item changed after the step's change; `current` is what is stored now.

    For an edit, `conflict` holds the fields for the conflict dialog: base is the version our
    change produced, mine what undo would write, theirs what is stored."""

    def __init__(self, direction: Direction, step: Step, current: Item) -> None:
        super().__init__(f"item {step.item_id} changed since (now v{current.version})")
        self.direction = direction
        self.step = step
        self.current = current
        self.conflict: Conflict | None = None
        if step.kind is StepKind.EDIT:
            wanted = step.wanted(step.expected)
            self.conflict = Conflict.between(step.expected, wanted, current)


class UndoService:
    def __init__(self, context: ServiceContext) -> None:
        self.context = context
        self.repository = ItemRepository(context.store)

    @property
    def journal(self) -> UndoJournal:
        return self.context.journal

    def next(self, direction: Direction) -> Step | None:
        return self.journal.peek(direction)

    def undo(self) -> Item:
        return self._apply(Direction.UNDO)

    def redo(self) -> Item:
        return self._apply(Direction.REDO)

    def _apply(self, direction: Direction) -> Item:
        step = self.journal.peek(direction)
        if step is None:
            raise NothingToUndo(direction)
        try:
            return self._write(direction, step, step.wanted(step.expected), step.expected.version)
        except VersionConflict as error:
            raise UndoConflict(direction, step, error.current) from None

    def resolve(self, conflict: UndoConflict, choices: Mapping[str, Side] | None = None) -> Item:
        """Applies the step over what is stored now: an edit with the user's field `choices`
        from the conflict dialog; a status change as it was (the user confirmed it).

        Raises UndoConflict again if the item changed once more meanwhile."""
        step, current = conflict.step, conflict.current
        if conflict.conflict is not None:
            wanted = conflict.conflict.merge(choices or {})
        else:
            wanted = step.wanted(current)
        try:
            return self._write(conflict.direction, step, wanted, current.version, exact=False)
        except VersionConflict as error:
            raise UndoConflict(conflict.direction, step, error.current) from None

    def _write(
        self, direction: Direction, step: Step, wanted: Item, version: int, exact: bool = True
    ) -> Item:
        context = self.context
        with context.store.transaction():
            if step.kind is StepKind.STATUS:
                result = self.repository.set_status(
                    step.item_id, step.target.status, user=context.user, at=context.now(),
                    reason=step.note, expected_version=version, action=direction.value,
                    status_changed=step.target.status_changed,
                )  # fmt: skip
            else:
                result = self.repository.update(
                    wanted, user=context.user, at=context.now(), action=direction.value
                )
        changed = result.version != version
        self.journal.applied(direction, step, result if changed else None, exact=exact)
        return result
