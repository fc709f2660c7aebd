"""The cost overview's queries: one GROUP BY per view, served by covering indexes.

Every figure is summed by SQLite, never in Python: at a million items the first view (year ×
kind × bucket) reads `items_costs_by_year` in index order, and the regroupings by requester and
country read their own covering indexes (migration `MIGRATION_COSTS`). The other groupings are
one scan of the table each. Buckets are grouped apart and stay apart (domain/costs.py).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass

from ib_tui.domain.costs import (
    NO_PARTICIPANTS,
    Bucket,
    Commitment,
    CostFilter,
    Figures,
    Grouping,
)

# The forum of routing (policy.rules.route) as SQL, so that the grouping by forum stays in the
# database. tests/store/test_costs.py checks it against `route` for every demo item.
FORUM_SQL = """CASE
    WHEN kind = 'conference' THEN CASE
        WHEN on_behalf_of_ks = 0 THEN 'namnd'
        WHEN lower(trim(coalesce(country, ''))) IN ('sverige', 'sweden') AND NOT digital
            THEN 'namnd'
        ELSE 'ib' END
    WHEN kind = 'declaration' THEN CASE
        WHEN foreign_policy OR extra_resources OR coalesce(staff_commitment, '') != '' THEN 'ks'
        ELSE 'ib' END
    WHEN kind = 'visit' THEN CASE WHEN political_level OR city_wide THEN 'ks' ELSE 'namnd' END
    WHEN kind = 'representation' THEN 'ib'
    WHEN kind = 'cooperation' THEN CASE
        WHEN city_wide OR foreign_policy OR agreement_type = 'twin_city' THEN 'ks' ELSE 'namnd' END
    WHEN kind = 'membership' THEN CASE
        WHEN NOT city_wide THEN 'namnd'
        WHEN membership_new = 0 OR membership_type = 'network' THEN 'ks'
        ELSE 'kf' END
END"""

_LAST_MEETING = (
    "(SELECT max(m.date) FROM agenda_entries AS e JOIN meetings AS m ON m.id = e.meeting_id "
    "WHERE e.item_id = items.id)"
)

# The row key of each grouping that reads one row per item.
KEY_SQL = {
    Grouping.YEAR: "cost_year",
    Grouping.KIND: "kind",
    Grouping.REQUESTER: "requested_by",
    Grouping.COUNTRY: "country",
    Grouping.CITY: "city",
    Grouping.ORGANISATION: "agreement_partner",
    Grouping.FORUM: FORUM_SQL,
    Grouping.MEETING: _LAST_MEETING,
    Grouping.STATUS: "status",
}
# Groupings that share an item's cost out over its participants.
SHARED_KEY_SQL = {Grouping.ROLE: "p.role", Grouping.PARTICIPANT: "p.name"}

_FIGURES_SQL = """
    count(*),
    coalesce(sum(cost_total), 0),
    count(actual_total),
    coalesce(sum(actual_total), 0),
    coalesce(sum(CASE WHEN actual_total IS NOT NULL THEN cost_total END), 0),
    coalesce(sum(cost_bucket = 'approved' AND actual_total > cost_total * (1.0 + :share)), 0)
"""


@dataclass(frozen=True, slots=True)
class GroupRow:
    """One group's figures; `key` None is an item without a value for the grouping."""

    key: str | int | None
    figures: Figures


def _figures(bucket: str, items: int, estimate: float, *actuals: float) -> Figures:
    actual_items, actual, estimate_of_actual, over = (round(value) for value in actuals)
    amount = round(estimate)
    return Figures(
        items=items,
        pending=amount if bucket == Bucket.PENDING else 0,
        approved=amount if bucket == Bucket.APPROVED else 0,
        rejected=amount if bucket == Bucket.REJECTED else 0,
        actual_items=actual_items,
        actual=actual,
        estimate_of_actual=estimate_of_actual,
        over_budget=over,
    )


def where(flt: CostFilter, prefix: str = "") -> tuple[str, dict[str, object]]:
    """The WHERE of a filter. The year range goes in too so the index's first column serves
    a date range."""
    clauses: list[str] = []
    params: dict[str, object] = {}
    if flt.start is not None:
        clauses += [f"{prefix}cost_year >= :start_year", f"{prefix}cost_date >= :start"]
        params |= {"start_year": flt.start.year, "start": flt.start.isoformat()}
    if flt.end is not None:
        clauses += [f"{prefix}cost_year <= :end_year", f"{prefix}cost_date <= :end"]
        params |= {"end_year": flt.end.year, "end": flt.end.isoformat()}
    if flt.year is not None:
        clauses.append(f"{prefix}cost_year = :year")
        params["year"] = flt.year
    if flt.kind is not None:
        clauses.append(f"{prefix}kind = :kind")
        params["kind"] = flt.kind
    if not flt.include_confidential:
        clauses.append(f"{prefix}confidential = 0")
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


class CostQueries:
    """Reads on one connection (the caller's thread's)."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._conn = connection

    def by_year_kind(self, flt: CostFilter, share: float) -> Iterator[tuple[int, str, Figures]]:
        """(year, kind, figures) per bucket, in index order: the overview's first view."""
        clause, params = where(flt)
        sql = (
            f"SELECT cost_year, kind, cost_bucket, {_FIGURES_SQL} FROM items{clause} "
            "GROUP BY cost_year, kind, cost_bucket"
        )
        for year, kind, bucket, *numbers in self._conn.execute(sql, {**params, "share": share}):
            yield year, kind, _figures(bucket, *numbers)

    def grouped(self, flt: CostFilter, grouping: Grouping, share: float) -> list[GroupRow]:
        """One row per group and bucket, summed by SQLite."""
        if grouping.shared:
            return self._shared(flt, grouping, share)
        key = KEY_SQL[grouping]
        clause, params = where(flt)
        sql = (
            f"SELECT {key} AS grouping_key, cost_bucket, {_FIGURES_SQL} FROM items{clause} "
            "GROUP BY grouping_key, cost_bucket"
        )
        return [
            GroupRow(group, _figures(bucket, *numbers))
            for group, bucket, *numbers in self._conn.execute(sql, {**params, "share": share})
        ]

    def _shared(self, flt: CostFilter, grouping: Grouping, share: float) -> list[GroupRow]:
        """Per participant or role: each item's amounts split equally over its participants
        (an item without participants is one row of its own). Item counts are distinct items."""
        clause, params = where(flt, "i.")
        weight = "(CASE WHEN p.id IS NULL THEN 1.0 ELSE 1.0 / n.people END)"
        sql = f"""
            SELECT {SHARED_KEY_SQL[grouping]} AS grouping_key, i.cost_bucket,
                count(DISTINCT i.id),
                coalesce(sum(i.cost_total * {weight}), 0),
                count(DISTINCT CASE WHEN i.actual_total IS NOT NULL THEN i.id END),
                coalesce(sum(i.actual_total * {weight}), 0),
                coalesce(sum(CASE WHEN i.actual_total IS NOT NULL
                    THEN i.cost_total * {weight} END), 0),
                count(DISTINCT CASE WHEN i.cost_bucket = 'approved'
                    AND i.actual_total > i.cost_total * (1.0 + :share) THEN i.id END)
            FROM items AS i
            LEFT JOIN participants AS p ON p.item_id = i.id
            LEFT JOIN (SELECT item_id, count(*) AS people FROM participants GROUP BY item_id)
                AS n ON n.item_id = i.id
            {clause}
            GROUP BY grouping_key, i.cost_bucket
        """
        return [
            GroupRow(NO_PARTICIPANTS if group is None else group, _figures(bucket, *numbers))
            for group, bucket, *numbers in self._conn.execute(sql, {**params, "share": share})
        ]

    def item_ids(
        self,
        flt: CostFilter,
        grouping: Grouping | None = None,
        key: str | int | None = None,
        bucket: Bucket | None = None,
        limit: int = 500,
    ) -> tuple[list[int], int]:
        """The items behind one figure, largest estimate first, and how many there are."""
        clause, params = where(flt, "items.")
        conditions = [clause.removeprefix(" WHERE ")] if clause else []
        if bucket is not None:
            conditions.append("items.cost_bucket = :bucket")
            params["bucket"] = bucket.value
        if grouping is not None and grouping.shared:
            column = SHARED_KEY_SQL[grouping].removeprefix("p.")
            if key == NO_PARTICIPANTS:
                conditions.append("NOT EXISTS (SELECT 1 FROM participants AS p "
                                  "WHERE p.item_id = items.id)")  # fmt: skip
            else:
                conditions.append(
                    f"EXISTS (SELECT 1 FROM participants AS p WHERE p.item_id = items.id "
                    f"AND p.{column} = :key)"
                )
                params["key"] = key
        elif grouping is not None:
            conditions.append(f"({KEY_SQL[grouping]}) IS :key")
            params["key"] = key
        clause = " WHERE " + " AND ".join(conditions) if conditions else ""
        (count,) = self._conn.execute(f"SELECT count(*) FROM items{clause}", params).fetchone()
        ids = [
            row[0]
            for row in self._conn.execute(
                f"SELECT items.id FROM items{clause} ORDER BY cost_total DESC, id DESC LIMIT "
                ":limit",
                {**params, "limit": limit},
            )
        ]
        return ids, count

    def largest(self, flt: CostFilter, limit: int) -> list[Commitment]:
        """The largest estimates not avstyrkta/avskrivna: the commitments the report names."""
        clause, params = where(flt)
        conjunction = " AND " if clause else " WHERE "
        sql = (
            "SELECT id, dnr, title, kind, requested_by, cost_year, status, cost_total, "
            f"actual_total FROM items{clause}{conjunction}cost_bucket != 'rejected' "
            "AND cost_total > 0 ORDER BY cost_total DESC, id DESC LIMIT :limit"
        )
        return [Commitment(*row) for row in self._conn.execute(sql, {**params, "limit": limit})]

    def plain_sum(self, flt: CostFilter) -> int:
        """`SELECT sum()` of the same filter: the benchmarks' yardstick."""
        clause, params = where(flt)
        sql = f"SELECT coalesce(sum(cost_total), 0) FROM items{clause}"
        return self._conn.execute(sql, params).fetchone()[0]
