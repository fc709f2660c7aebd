"""This session's changes, newest last, so they can be undone and redone.

A `Step` is a change that can still be applied: it expects the item at `expected`'s version and
writes `target`'s values. The journal holds the steps that would undo this session's changes;
applying one pushes its inverse onto the redo side, and the other way round.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum

from ib_tui.domain.changes import changed_fields, field_label
from ib_tui.domain.model import Item


class StepKind(StrEnum):
    EDIT = "edit"
    STATUS = "status"


class Direction(StrEnum):
    UNDO = "undo"
    REDO = "redo"

    @property
    def label(self) -> str:
        return "ångra" if self is Direction.UNDO else "göra om"


@dataclass(frozen=True, slots=True)
class Step:
    kind: StepKind
    expected: Item
    target: Item
    note: str | None = None  # the reason written with this step (a status change)
    back_note: str | None = None  # the reason the inverse step writes

    @property
    def item_id(self) -> int:
        assert self.expected.id is not None
        return self.expected.id

    @property
    def fields(self) -> list[str]:
        if self.kind is StepKind.STATUS:
            return ["status"]
        return changed_fields(self.expected, self.target)

    def wanted(self, over: Item) -> Item:
        """What to save over `over` (the stored item): the target's values of this step's fields."""
        return replace(self.target, id=over.id, version=over.version, status=over.status)

    def inverse(self, result: Item) -> Step:
        return Step(self.kind, result, self.expected, self.back_note, self.note)

    def describe(self) -> str:
        """Swedish, for notifications: "KS 2026/12: rubrik, kostnad resor"."""
        name = self.target.dnr or self.target.title  # as the item will be called
        if self.kind is StepKind.STATUS:
            old, new = self.expected.status.label, self.target.status.label
            return f"{name}: status {old} → {new}"
        return f"{name}: " + ", ".join(field_label(field) for field in self.fields)


class UndoJournal:
    """Two stacks; recording a new change forgets what could be redone (as editors do)."""

    def __init__(self, limit: int = 200) -> None:
        self.limit = limit
        self._stacks: dict[Direction, list[Step]] = {Direction.UNDO: [], Direction.REDO: []}

    def record(self, step: Step) -> None:
        """A change the user just made: `step` reverses it."""
        self._push(Direction.UNDO, step)
        self._stacks[Direction.REDO].clear()

    def peek(self, direction: Direction) -> Step | None:
        stack = self._stacks[direction]
        return stack[-1] if stack else None

    def applied(
        self, direction: Direction, step: Step, result: Item | None, *, exact: bool = True
    ) -> None:
        """`step` was applied and gave `result` (None: nothing changed); its inverse goes to
        the other side.

        An `exact` result holds the step's target as it was, only with a new version: the
        next step on the same side that expected that target (the change before it, by this
        session) now expects `result`, so undo can go back step by step."""
        self.drop(direction, step)
        if result is None:
            return
        other = Direction.REDO if direction is Direction.UNDO else Direction.UNDO
        self._push(other, step.inverse(result))
        if not exact:
            return
        stack = self._stacks[direction]
        for index, waiting in enumerate(stack):
            if waiting.item_id == step.item_id and waiting.expected.version == step.target.version:
                stack[index] = replace(waiting, expected=result)

    def drop(self, direction: Direction, step: Step) -> None:
        stack = self._stacks[direction]
        if stack and stack[-1] is step:
            stack.pop()

    def __len__(self) -> int:
        return len(self._stacks[Direction.UNDO])

    def _push(self, direction: Direction, step: Step) -> None:
        stack = self._stacks[direction]
        stack.append(step)
        del stack[: max(0, len(stack) - self.limit)]
