"""Messages many screens care about."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual.app import App
from textual.message import Message

from ib_tui.domain.model import Item


@dataclass
class DataChanged(Message):
    """The database changed: `item` when this session saved it (shown at once), None when
    another instance or a worker committed something (re-read what is on screen)."""

    item: Item | None = None


def broadcast(app: App[Any], item: Item | None = None) -> None:
    """Tells every screen on the stack (not only the top one) that the data changed."""
    for screen in app.screen_stack:
        screen.post_message(DataChanged(item))
