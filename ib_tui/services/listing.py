"""The item list's data, a page at a time, with each row's most serious verdict."""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from dataclasses import dataclass

from ib_tui.domain.model import Item, Verdict
from ib_tui.domain.query import ItemQuery
from ib_tui.policy import assess, worst
from ib_tui.services.context import ServiceContext
from ib_tui.store import ItemListing
from ib_tui.store import totals as kept_totals


@dataclass(frozen=True, slots=True)
class ListRow:
    item: Item
    verdict: Verdict | None


class ListingService:
    """One per list view; every method may run in a worker thread."""

    def __init__(self, context: ServiceContext) -> None:
        self.context = context
        self._listing = ItemListing(context.store)

    def _rows(self, items: Sequence[Item]) -> list[ListRow]:
        catalogue, today = self.context.catalogue, self.context.today()
        return [ListRow(item, worst(assess(item, catalogue, today))) for item in items]

    def first_page(self, query: ItemQuery, limit: int) -> list[ListRow]:
        return self._rows(self._listing.first_page(query, limit))

    def ids(self, query: ItemQuery) -> array[int]:
        """All matching ids in list order (raises ListingInterrupted when superseded)."""
        return self._listing.ids(query)

    def summary(self, query: ItemQuery) -> tuple[int, int] | None:
        """(count, cost sum) without a scan, for a query without text; else None."""
        kept = self._listing.summary(query)
        return None if kept is None else (kept.count, kept.cost)

    def total_cost(self, query: ItemQuery) -> int:
        return self._listing.total_cost(query)

    def rows(self, ids: Sequence[int]) -> list[ListRow]:
        return self._rows(self._listing.items(ids))

    def interrupt(self) -> None:
        self._listing.interrupt()

    def close(self) -> None:
        self._listing.close()


def recount(context: ServiceContext) -> list[tuple[object, ...]]:
    """Compares the kept counts and cost sums with the items and rebuilds them, in one
    transaction. Returns what differed: (kind, status, confidential, kept count, kept sum,
    count, sum) per group; empty when all was exact."""
    with context.store.transaction():
        differed = kept_totals.differences(context.store.connection)
        kept_totals.rebuild(context.store.connection)
    return differed
