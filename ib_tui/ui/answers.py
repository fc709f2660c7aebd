"""Callbacks for `push_screen`: run an action when a dialog answers yes, or answers at all.

A lambda like `lambda yes: yes and self.exit()` hands Textual a value where it expects None,
and hides the branch; these name it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def on_yes(action: Callable[[], object]) -> Callable[[bool | None], None]:
    """For a ConfirmModal: `action()` on yes; nothing on no or Esc."""

    def answer(yes: bool | None) -> None:
        if yes:
            action()

    return answer


def on_answer(action: Callable[[T], object]) -> Callable[[T | None], None]:
    """For a dialog that dismisses with a value, or None when cancelled."""

    def answer(value: T | None) -> None:
        if value is not None:
            action(value)

    return answer
