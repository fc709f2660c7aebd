"""The trail: every change, chained so that an edit afterwards shows.

Two tables hold it: `item_history` (changes to items) and `audit` (every other change: settings,
meetings, members, attendance, remarks, positions, decisions, delegation decisions, restores,
and the moments sekretess was lifted on a screen). Each row carries `hash`, the SHA-256 of the
previous row's hash and the row's own content; a trigger computes it inside the very INSERT, so
no code path can write a row without its link (`chain_hash` is registered on every connection
the app opens; a foreign tool that cannot compute it cannot insert either).

`verify` recomputes each table's chain and names the first row whose hash does not follow: a row
edited, inserted or deleted by anything but the app. The chain has no secret: someone who
rewrites every hash after the edit leaves a consistent chain, which only the head hash recorded
elsewhere (`ib-tui verify` prints it; docs/safety.md) can expose.
"""

from __future__ import annotations

import hashlib
import sqlite3
from dataclasses import dataclass
from datetime import datetime

CHAIN_FUNCTION = "ib_chain"
GENESIS = "0" * 64
HISTORY_FIELDS = (
    "id", "item_id", "at", "user", "action", "field", "old_value", "new_value", "note", "version",
)  # fmt: skip
AUDIT_FIELDS = (
    "id", "at", "user", "entity", "entity_id", "action", "field", "old_value", "new_value", "note",
)  # fmt: skip
CHAINED_TABLES = {"item_history": HISTORY_FIELDS, "audit": AUDIT_FIELDS}
_SEPARATOR = "\x1f"  # unit separator: cannot be confused with text that merely contains "|"


def chain_hash(previous: str | None, *values: object) -> str:
    """SHA-256 over the previous link and the row's values, each tagged with its type so that
    None, "" and "None" differ."""
    parts = [previous or GENESIS]
    for value in values:
        parts.append("N" if value is None else f"{type(value).__name__[0]}{value}")
    return hashlib.sha256(_SEPARATOR.join(parts).encode("utf-8", "surrogatepass")).hexdigest()


def register(connection: sqlite3.Connection) -> None:
    """Makes `ib_chain(previous, values…)` callable in SQL on this connection."""
    connection.create_function(CHAIN_FUNCTION, -1, chain_hash, deterministic=True)


def trigger_sql(table: str) -> str:
    fields = ", ".join(f"NEW.{name}" for name in CHAINED_TABLES[table])
    return (
        f"CREATE TRIGGER {table}_chain AFTER INSERT ON {table} BEGIN "
        f"UPDATE {table} SET hash = {CHAIN_FUNCTION}("
        f"(SELECT hash FROM {table} WHERE id < NEW.id ORDER BY id DESC LIMIT 1), {fields}) "
        f"WHERE id = NEW.id; END"
    )


def chain_existing(connection: sqlite3.Connection, table: str) -> int:
    """Links every row already in `table`, in id order (the migration that adds the chain)."""
    register(connection)
    previous: str | None = None
    updates: list[tuple[str, int]] = []
    columns = ", ".join(CHAINED_TABLES[table])
    for row in connection.execute(f"SELECT {columns} FROM {table} ORDER BY id"):
        previous = chain_hash(previous, *row)
        updates.append((previous, row[0]))
    connection.executemany(f"UPDATE {table} SET hash = ? WHERE id = ?", updates)
    return len(updates)


@dataclass(frozen=True, slots=True)
class BrokenLink:
    """The first row whose hash does not follow from the one before it."""

    table: str
    row_id: int
    at: str | None
    reason: str

    def __str__(self) -> str:
        where = "ärendehistoriken" if self.table == "item_history" else "ändringsloggen"
        when = f" ({self.at})" if self.at else ""
        return f"{where}, rad {self.row_id}{when}: {self.reason}"


@dataclass(frozen=True, slots=True)
class ChainReport:
    table: str
    rows: int
    head: str | None  # the last row's hash: record it to detect a rewrite of the whole chain
    broken: BrokenLink | None


def verify_chain(connection: sqlite3.Connection, table: str) -> ChainReport:
    """Walks `table` in id order and recomputes every link."""
    previous: str | None = None
    rows = 0
    columns = ", ".join(CHAINED_TABLES[table])
    for row in connection.execute(f"SELECT {columns}, hash FROM {table} ORDER BY id"):
        rows += 1
        *values, stored = row
        expected = chain_hash(previous, *values)
        if stored != expected:
            reason = (
                "saknar kedjesumma (skriven utanför ib-tui)"
                if stored is None
                else "stämmer inte med raden före: raden har ändrats, eller en rad före den "
                "har tagits bort eller lagts till"
            )
            at = values[CHAINED_TABLES[table].index("at")]
            return ChainReport(table, rows, previous, BrokenLink(table, values[0], at, reason))
        previous = stored
    return ChainReport(table, rows, previous, None)


def verify_all(connection: sqlite3.Connection) -> list[ChainReport]:
    return [verify_chain(connection, table) for table in CHAINED_TABLES]


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One non-item change: what (entity, id), who, when, before and after."""

    at: datetime
    user: str
    entity: str
    action: str
    entity_id: str | None = None
    field: str | None = None
    old_value: str | None = None
    new_value: str | None = None
    note: str | None = None


class AuditRepository:
    """Writes and reads the `audit` table. Writes run inside the caller's transaction."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._conn = connection

    def record(
        self,
        entity: str,
        action: str,
        *,
        user: str,
        at: datetime,
        entity_id: object = None,
        field: str | None = None,
        old_value: object = None,
        new_value: object = None,
        note: str | None = None,
    ) -> None:
        self._conn.execute(
            "INSERT INTO audit (at, user, entity, entity_id, action, field, old_value, "
            "new_value, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (at.isoformat(timespec="seconds"), user, entity, _text(entity_id), action, field,
             _text(old_value), _text(new_value), note),
        )  # fmt: skip

    def entries(self, entity: str | None = None, entity_id: object = None) -> list[AuditEntry]:
        sql = "SELECT at, user, entity, action, entity_id, field, old_value, new_value, note "
        sql += "FROM audit"
        clauses: list[str] = []
        params: list[str | None] = []
        if entity is not None:
            clauses.append("entity = ?")
            params.append(entity)
        if entity_id is not None:
            clauses.append("entity_id = ?")
            params.append(_text(entity_id))
        if clauses:
            sql += " WHERE " + " AND ".join(clauses)
        return [
            AuditEntry(datetime.fromisoformat(at), *rest)
            for at, *rest in self._conn.execute(sql + " ORDER BY id", params)
        ]


def _text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(value)
