"""Count and cost sum per (kind, status, sekretess), kept by triggers in the writes' own
transactions, so the list's footer never scans the table (issue 14).

The key is the stored codes as they are, whatever statuses and kinds exist: a new status is a
new row, not a schema change. `recount` compares the table with a fresh `GROUP BY` and
rebuilds it (`ib-tui recount`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

_GROUPED = (
    "SELECT kind, status, confidential, count(*), coalesce(sum(cost_total), 0) FROM items "
    "GROUP BY kind, status, confidential"
)

_COLUMNS = "(kind, status, confidential, items, cost)"


@dataclass(frozen=True, slots=True)
class Totals:
    count: int
    cost: int


def totals(
    connection: sqlite3.Connection,
    *,
    kinds: Iterable[str] = (),
    statuses: Iterable[str] = (),
    include_confidential: bool = True,
) -> Totals:
    """The count and cost sum of the items with these kinds and statuses (all when empty):
    a sum over at most (kinds × statuses × 2) rows, whatever the table's size."""
    clauses, params = [], []
    for column, values in (("kind", sorted(kinds)), ("status", sorted(statuses))):
        if values:
            clauses.append(f"{column} IN ({','.join('?' * len(values))})")
            params.extend(values)
    if not include_confidential:
        clauses.append("confidential = 0")
    where = " WHERE " + " AND ".join(clauses) if clauses else ""
    count, cost = connection.execute(
        f"SELECT coalesce(sum(items), 0), coalesce(sum(cost), 0) FROM item_totals{where}", params
    ).fetchone()
    return Totals(count, cost)


def rebuild(connection: sqlite3.Connection) -> None:
    """Recomputes the table from the items (inside the caller's transaction)."""
    connection.execute("DELETE FROM item_totals")
    connection.execute(
        f"INSERT INTO item_totals (kind, status, confidential, items, cost) {_GROUPED}"
    )


def differences(connection: sqlite3.Connection) -> list[tuple[object, ...]]:
    """The (kind, status, confidential) keys whose kept count or sum differs from the items."""
    kept = {
        row[:3]: row[3:]
        for row in connection.execute(
            "SELECT kind, status, confidential, items, cost FROM item_totals WHERE items != 0"
        )
    }
    actual = {row[:3]: row[3:] for row in connection.execute(_GROUPED)}
    return sorted(
        (*key, *kept.get(key, (0, 0)), *actual.get(key, (0, 0)))
        for key in kept.keys() | actual.keys()
        if kept.get(key) != actual.get(key)
    )


_ADD = """
INSERT INTO item_totals (kind, status, confidential, items, cost)
VALUES (new.kind, new.status, new.confidential, 1, new.cost_total)
ON CONFLICT (kind, status, confidential)
DO UPDATE SET items = items + 1, cost = cost + excluded.cost;"""
_SUBTRACT = """
UPDATE item_totals SET items = items - 1, cost = cost - old.cost_total
WHERE kind = old.kind AND status = old.status AND confidential = old.confidential;"""

MIGRATION_TOTALS = (
    """
CREATE TABLE item_totals (
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    confidential INTEGER NOT NULL,
    items INTEGER NOT NULL,
    cost INTEGER NOT NULL,
    PRIMARY KEY (kind, status, confidential)
) WITHOUT ROWID
""",
    f"INSERT INTO item_totals {_COLUMNS} {_GROUPED}",
    f"CREATE TRIGGER item_totals_insert AFTER INSERT ON items BEGIN {_ADD} END",
    f"CREATE TRIGGER item_totals_delete AFTER DELETE ON items BEGIN {_SUBTRACT} END",
    # cost_total is generated from the cost columns: one comparison covers them all.
    f"""CREATE TRIGGER item_totals_update AFTER UPDATE ON items
WHEN old.kind IS NOT new.kind OR old.status IS NOT new.status
    OR old.confidential IS NOT new.confidential OR old.cost_total IS NOT new.cost_total
BEGIN {_SUBTRACT} {_ADD} END""",
)
