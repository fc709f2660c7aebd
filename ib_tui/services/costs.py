"""Where the money goes: the cost overview, its regroupings and drill-downs, and the report.

Every figure comes from one SQL GROUP BY (store/costs.py); this layer only labels the rows and
arranges them. The CLI's `report costs` and the TUI's overview call the same methods."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date

from ib_tui.domain.costs import (
    NO_VALUE,
    NOT_ON_AGENDA,
    OVERRUN_SETTING,
    Bucket,
    CostFilter,
    CostReport,
    CostRow,
    Figures,
    Grouping,
    one_year_earlier,
    total,
)
from ib_tui.domain.model import Forum, Item, Kind, Role, Status
from ib_tui.services.context import ServiceContext
from ib_tui.store import ItemRepository
from ib_tui.store.costs import CostQueries, GroupRow

LARGEST = 10


def group_label(grouping: Grouping, key: str | int | None) -> str:
    """The Swedish label of a group's key."""
    if key is None or key == "":
        return NOT_ON_AGENDA if grouping is Grouping.MEETING else NO_VALUE
    text = str(key)
    if grouping is Grouping.KIND and text in Kind._value2member_map_:
        return Kind(text).label
    if grouping is Grouping.FORUM and text in Forum._value2member_map_:
        return Forum(text).label
    if grouping is Grouping.ROLE and text in Role._value2member_map_:
        return Role(text).label
    if grouping is Grouping.STATUS and text in Status._value2member_map_:
        return Status(text).label
    return text


def sort_rows(grouping: Grouping, rows: list[CostRow]) -> list[CostRow]:
    """Years and meetings in time order; other groupings largest request first."""
    if grouping in (Grouping.YEAR, Grouping.MEETING):
        return sorted(rows, key=lambda row: (row.key == "", row.key))
    if grouping is Grouping.KIND:
        order = {kind.value: n for n, kind in enumerate(Kind)}
        return sorted(rows, key=lambda row: order.get(row.key, len(order)))
    return sorted(rows, key=lambda row: (-row.figures.requested, row.label))


def merge_groups(grouping: Grouping, groups: list[GroupRow]) -> list[CostRow]:
    """One row per key: its buckets' figures side by side (each bucket its own field)."""
    merged: dict[str, Figures] = defaultdict(Figures)
    for group in groups:
        key = "" if group.key is None else str(group.key)
        merged[key] = merged[key] + group.figures
    rows = [CostRow(key, group_label(grouping, key or None), f) for key, f in merged.items()]
    return sort_rows(grouping, rows)


class CostService:
    def __init__(self, context: ServiceContext, connection: sqlite3.Connection | None = None):
        self.context = context
        self._connection = connection

    @contextmanager
    def _queries(self) -> Iterator[CostQueries]:
        """On the given connection (a worker's), or the store's own."""
        yield CostQueries(self._connection or self.context.store.connection)

    @property
    def overrun_share(self) -> float:
        """An actual above the approved estimate by more than this share is flagged."""
        percent: float = self.context.catalogue.setting(OVERRUN_SETTING)
        return percent / 100

    def year_kind(self, flt: CostFilter) -> dict[int, dict[str, Figures]]:
        """year → kind → figures (buckets apart within each): the overview's first view."""
        table: dict[int, dict[str, Figures]] = defaultdict(lambda: defaultdict(Figures))
        with self._queries() as queries:
            for year, kind, figures in queries.by_year_kind(flt, self.overrun_share):
                table[year][kind] = table[year][kind] + figures
        return {year: dict(kinds) for year, kinds in sorted(table.items())}

    def rows(self, flt: CostFilter, grouping: Grouping) -> list[CostRow]:
        with self._queries() as queries:
            groups = queries.grouped(flt, grouping, self.overrun_share)
        return merge_groups(grouping, groups)

    def drill_down(
        self,
        flt: CostFilter,
        grouping: Grouping | None = None,
        key: str | None = None,
        bucket: Bucket | None = None,
        limit: int = 500,
    ) -> tuple[list[Item], int]:
        """The items behind one figure (largest first, at most `limit`) and their number."""
        value: str | int | None = key or None
        if grouping is Grouping.YEAR and value is not None:
            value = int(value)
        with self._queries() as queries:
            ids, count = queries.item_ids(flt, grouping, value, bucket, limit)
        repository = ItemRepository(self.context.store)
        return repository.get_many(ids, self._connection), count

    def report(self, flt: CostFilter, grouping: Grouping = Grouping.YEAR) -> CostReport:
        """Everything `report costs` writes, whatever the format."""
        rows = self.rows(flt, grouping)
        by_year_kind = self.year_kind(flt)
        # Shared groupings split items over rows; the total counts each item once.
        grand_total = total(kinds for year in by_year_kind.values() for kinds in year.values())
        # The largest commitments are named in a public document: never a confidential one.
        public = replace(flt, include_confidential=False)
        with self._queries() as queries:
            largest = tuple(queries.largest(public, LARGEST))
        year = max(by_year_kind) if by_year_kind else None
        current: dict[str, Figures] = {}
        previous: dict[str, Figures] = {}
        if year is not None:
            start = max(flt.start or date(year, 1, 1), date(year, 1, 1))
            end = min(flt.end or date(year, 12, 31), date(year, 12, 31))
            this_year = replace(flt, start=start, end=end)
            earlier = replace(flt, start=one_year_earlier(start), end=one_year_earlier(end))
            current = self.year_kind(this_year).get(year, {})
            previous = self.year_kind(earlier).get(year - 1, {})
        return CostReport(
            grouping=grouping,
            filter=flt,
            rows=tuple(rows),
            total=grand_total,
            by_year_kind=by_year_kind,
            largest=largest,
            over_share=self.overrun_share,
            year=year,
            current=current,
            previous=previous,
        )
