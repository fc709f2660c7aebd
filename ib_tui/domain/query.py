"""What the item list shows: filters, text search and sort order, as one immutable value."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from ib_tui.domain.model import Kind, Status


class SortOrder(StrEnum):
    RECEIVED = "received"
    STARTS = "starts"
    COST = "cost"

    @property
    def label(self) -> str:
        return SORT_LABELS[self]


SORT_LABELS = {
    SortOrder.RECEIVED: "inkommen ↓",
    SortOrder.STARTS: "startdatum ↓",
    SortOrder.COST: "kostnad ↓",
}


@dataclass(frozen=True, slots=True)
class ItemQuery:
    text: str = ""
    kinds: frozenset[Kind] = frozenset()
    statuses: frozenset[Status] = frozenset()
    sort: SortOrder = SortOrder.RECEIVED
    include_confidential: bool = True
