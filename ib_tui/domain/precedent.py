"""Precedent: earlier items like this one, what was decided, and what they cost per year."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ib_tui.domain.model import Item, Status


@dataclass(frozen=True, slots=True)
class Precedent:
    """An earlier similar item with the outcome the trail records for it."""

    item: Item
    decision: str | None = None  # the outcome's label, "bifall / tillstyrks"
    decision_text: str | None = None  # "Internationella beredningen beslutar att …"
    decided_at: datetime | None = None
    status_note: str | None = None  # the reason given with the latest status change

    @property
    def outcome(self) -> str:
        """What happened, in one phrase: the decision if one is recorded, else the status."""
        if self.decision:
            return self.decision
        text = self.item.status.label
        if self.item.status is Status.WRITTEN_OFF and self.status_note:
            text += f": {self.status_note}"
        return text

    @property
    def outcome_date(self) -> datetime | None:
        return self.decided_at or self.item.status_changed


@dataclass(frozen=True, slots=True)
class YearCost:
    year: int
    items: int
    total: int


@dataclass(frozen=True, slots=True)
class Precedents:
    item: Item
    similar: tuple[Precedent, ...]
    matched: int  # how many similar items there are (the list shows the most recent ones)
    per_year: tuple[YearCost, ...]
    basis: str  # what "similar" meant here, for the user
