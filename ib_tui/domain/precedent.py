"""Precedent: earlier items like this one, what was decided, and what they cost per year."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from ib_tui.domain.confidentiality import may_show, redact
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
    # Of those, the confidential ones and their cost: what a public output leaves out.
    confidential_items: int = 0
    confidential_total: int = 0


@dataclass(frozen=True, slots=True)
class Precedents:
    item: Item
    similar: tuple[Precedent, ...]
    matched: int  # how many similar items there are (the list shows the most recent ones)
    per_year: tuple[YearCost, ...]
    basis: str  # what "similar" meant here, for the user
    hidden: int = 0  # confidential items shown only as placeholders, their costs left out

    def for_audience(self, *, include_confidential: bool = False) -> Precedents:
        """The precedents as an output may show them (domain/confidentiality.py): a confidential
        item keeps its place and number with the placeholder for a title, and no decision,
        cost or note; the per-year totals leave its cost out."""
        if include_confidential:
            return self
        similar = tuple(
            entry if may_show(entry.item) else Precedent(redact(entry.item))
            for entry in self.similar
        )
        per_year = tuple(
            replace(
                year,
                items=year.items - year.confidential_items,
                total=year.total - year.confidential_total,
                confidential_items=0,
                confidential_total=0,
            )
            for year in self.per_year
        )
        hidden = sum(year.confidential_items for year in self.per_year)
        item = self.item if may_show(self.item) else redact(self.item)
        return Precedents(item, similar, self.matched - hidden, per_year, self.basis, hidden)
