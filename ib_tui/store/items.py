"""Items in SQLite: rows ↔ `Item`, writes with their audit trail, reads by id."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from ib_tui.domain.model import (
    COST_KEYS,
    Agreement,
    AgreementType,
    Aid,
    Costs,
    EventLevel,
    HistoryEntry,
    Item,
    Kind,
    Membership,
    MembershipType,
    Participant,
    Reception,
    ReceptionEvent,
    Role,
    Status,
)
from ib_tui.errors import ItemNotFound, VersionConflict
from ib_tui.store.db import Store

_TEXT = (
    "title", "dnr", "requested_by", "summary", "city", "country", "purpose", "staff_commitment",
    "confidential_ground",
)  # fmt: skip
_DATES = ("received", "starts", "ends")
_FLAGS = (
    "digital", "invitation_letter", "priority_visit", "political_level", "foreign_policy",
    "extra_resources", "city_wide", "eu_project", "confidential",
)  # fmt: skip
_OPTIONAL_FLAGS = ("on_behalf_of_ks", "budgeted")  # NULL = not stated


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _flag(value: bool | None) -> int | None:
    return None if value is None else int(value)


def _bool(value: int | None) -> bool | None:
    return None if value is None else bool(value)


def item_to_row(item: Item) -> dict[str, Any]:
    """The item's own columns (not id, status, version or timestamps)."""
    row: dict[str, Any] = {"kind": item.kind.value}
    row.update({name: getattr(item, name) for name in _TEXT})
    row.update({name: _iso(getattr(item, name)) for name in _DATES})
    row.update({name: int(getattr(item, name)) for name in _FLAGS})
    row["guests"] = item.guests
    row.update({f"cost_{key}": getattr(item.costs, key) for key in COST_KEYS})
    actual = item.actual_costs
    row.update({f"actual_{key}": getattr(actual, key) if actual else None for key in COST_KEYS})
    agreement = item.agreement
    row["agreement_type"] = agreement.type.value if agreement else None
    row["agreement_partner"] = agreement.partner if agreement else None
    row["agreement_theme"] = agreement.theme if agreement else None
    row["agreement_ends"] = _iso(agreement.ends) if agreement else None
    row["agreement_signed"] = _iso(agreement.signed) if agreement else None
    row["aid_funder"] = item.aid.funder if item.aid else None
    row["aid_fully_funded"] = int(item.aid.fully_funded) if item.aid else None
    row["orientation"] = ",".join(item.orientation) or None
    row.update({name: _flag(getattr(item, name)) for name in _OPTIONAL_FLAGS})
    membership = item.membership
    row["membership_type"] = membership.type.value if membership else None
    row["membership_new"] = int(membership.new) if membership else None
    reception = item.reception
    row["reception_event"] = reception.event.value if reception and reception.event else None
    row["reception_level"] = reception.level.value if reception and reception.level else None
    row["reception_participants"] = reception.participants if reception else None
    row["reception_participants_abroad"] = reception.participants_abroad if reception else None
    # A reception with nothing known yet is still a reception: the marker keeps it apart from
    # "no reception facts at all" (only the event can carry it without a number).
    if reception is not None and not any(
        row[f"reception_{key}"] is not None
        for key in ("event", "level", "participants", "participants_abroad")
    ):
        row["reception_event"] = ""
    return row


def _membership(row: Mapping[str, Any]) -> Membership | None:
    if row["membership_type"] is None:
        return None
    return Membership(MembershipType(row["membership_type"]), bool(row["membership_new"]))


def _reception(row: Mapping[str, Any]) -> Reception | None:
    columns = ("event", "level", "participants", "participants_abroad")
    if all(row[f"reception_{key}"] is None for key in columns):
        return None
    event, level = row["reception_event"], row["reception_level"]
    return Reception(
        event=ReceptionEvent(event) if event else None,
        participants=row["reception_participants"],
        participants_abroad=row["reception_participants_abroad"],
        level=EventLevel(level) if level else None,
    )


def row_to_item(row: Mapping[str, Any], participants: Sequence[Participant] = ()) -> Item:
    agreement = None
    if row["agreement_type"]:
        agreement = Agreement(
            type=AgreementType(row["agreement_type"]),
            partner=row["agreement_partner"],
            theme=row["agreement_theme"],
            ends=_date(row["agreement_ends"]),
            signed=_date(row["agreement_signed"]),
        )
    aid = None
    if row["aid_fully_funded"] is not None:
        aid = Aid(funder=row["aid_funder"], fully_funded=bool(row["aid_fully_funded"]))
    # Columns named by the tuples above: their values' types follow from the column lists.
    columns: dict[str, Any] = {
        **{name: row[name] for name in _TEXT},
        **{name: _date(row[name]) for name in _DATES},
        **{name: bool(row[name]) for name in _FLAGS},
        **{name: _bool(row[name]) for name in _OPTIONAL_FLAGS},
    }
    return Item(
        id=row["id"],
        kind=Kind(row["kind"]),
        **columns,
        guests=row["guests"],
        costs=Costs(**{key: row[f"cost_{key}"] for key in COST_KEYS}),
        actual_costs=_actual_costs(row),
        participants=tuple(participants),
        agreement=agreement,
        aid=aid,
        orientation=tuple(row["orientation"].split(",")) if row["orientation"] else (),
        membership=_membership(row),
        reception=_reception(row),
        status=Status(row["status"]),
        status_changed=datetime.fromisoformat(row["status_changed"]),
        version=row["version"],
        created_at=datetime.fromisoformat(row["created_at"]),
        updated_at=datetime.fromisoformat(row["updated_at"]),
    )


def _actual_costs(row: Mapping[str, Any]) -> Costs | None:
    """None until reported: then every key holds a number (0 for nothing spent)."""
    values = {key: row.get(f"actual_{key}") for key in COST_KEYS}
    if all(value is None for value in values.values()):
        return None
    return Costs(**{key: value or 0 for key, value in values.items()})


def _field_name(column: str) -> str:
    """Column → item-format field name, as the history shows it (cost_travel → costs.travel)."""
    prefixes = (
        ("cost_", "costs"), ("actual_", "actual_costs"), ("agreement_", "agreement"),
        ("aid_", "aid"), ("membership_", "membership"), ("reception_", "reception"),
    )  # fmt: skip
    for prefix, group in prefixes:
        if column.startswith(prefix):
            return f"{group}.{column.removeprefix(prefix)}"
    return column


def _participants_text(people: Iterable[Participant]) -> str | None:
    return "; ".join(f"{person.name} ({person.role.value})" for person in people) or None


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


class ItemRepository:
    """Reads and writes items. Writes must run inside `Store.transaction()`."""

    def __init__(self, store: Store) -> None:
        self.store = store

    @property
    def _conn(self) -> sqlite3.Connection:
        return self.store.connection

    # --- writes --------------------------------------------------------------------------------

    def insert(
        self,
        item: Item,
        *,
        user: str,
        at: datetime,
        action: str = "create",
        status: Status = Status.RECEIVED,
        note: str | None = None,
    ) -> int:
        stamp = at.isoformat(timespec="seconds")
        row = item_to_row(item)
        row["received"] = row["received"] or at.date().isoformat()
        row.update(status=status.value, status_changed=stamp, version=1)
        row.update(created_at=stamp, updated_at=stamp)
        # Plain SQL: sqlite-utils' insert re-inspects the table per row, 4× slower on imports.
        columns = ", ".join(row)
        marks = ", ".join(f":{column}" for column in row)
        cursor = self._conn.execute(f"INSERT INTO items ({columns}) VALUES ({marks})", row)
        item_id = cursor.lastrowid
        assert item_id is not None
        self._write_participants(item_id, item.participants)
        self.log(item_id, user=user, at=at, action=action, new_value=item.title, note=note)
        if status is not Status.RECEIVED:
            self.log(
                item_id, user=user, at=at, action="status", field="status",
                old_value=Status.RECEIVED.value, new_value=status.value, note=note,
            )  # fmt: skip
        return item_id

    def update(
        self,
        item: Item,
        *,
        user: str,
        at: datetime,
        action: str = "edit",
        note: str | None = None,
    ) -> Item:
        """Saves the item's fields if nobody saved it since `item.version` was read.

        `action` names the change in the trail: "edit", or "undo", "redo", "import"."""
        item_id = self._require_id(item)
        current = self.get(item_id)
        if current.version != item.version:
            raise VersionConflict(current)
        old_row, new_row = item_to_row(current), item_to_row(item)
        new_row["received"] = new_row["received"] or old_row["received"]
        changed = {column for column in new_row if new_row[column] != old_row[column]}
        people_changed = current.participants != item.participants
        if not changed and not people_changed:
            return current
        stamp = at.isoformat(timespec="seconds")
        assignments = ", ".join(f"{column} = :{column}" for column in sorted(changed))
        cursor = self._conn.execute(
            f"UPDATE items SET {assignments}{', ' if assignments else ''}"
            "version = version + 1, updated_at = :stamp WHERE id = :id AND version = :version",
            {**{c: new_row[c] for c in changed}, "stamp": stamp, "id": item.id,
             "version": item.version},
        )  # fmt: skip
        if cursor.rowcount != 1:  # changed between our read and write (another process)
            raise VersionConflict(self.get(item_id))
        for column in sorted(changed):
            self.log(
                item_id, user=user, at=at, action=action, field=_field_name(column),
                old_value=_text(old_row[column]), new_value=_text(new_row[column]), note=note,
            )  # fmt: skip
        if people_changed:
            self._write_participants(item_id, item.participants, replace_existing=True)
            self.log(
                item_id, user=user, at=at, action=action, field="participants",
                old_value=_participants_text(current.participants),
                new_value=_participants_text(item.participants), note=note,
            )  # fmt: skip
        return self.get(item_id)

    def set_status(
        self,
        item_id: int,
        status: Status,
        *,
        user: str,
        at: datetime,
        reason: str | None = None,
        expected_version: int | None = None,
        action: str = "status",
        status_changed: datetime | None = None,
    ) -> Item:
        """`status_changed`: the status date to store (undo puts back the one it had);
        by default the change's own time."""
        current = self.get(item_id)
        if expected_version is not None and current.version != expected_version:
            raise VersionConflict(current)
        if current.status is status and not reason:
            return current
        stamp = at.isoformat(timespec="seconds")
        since = status_changed or at
        cursor = self._conn.execute(
            "UPDATE items SET status = ?, status_changed = ?, version = version + 1, "
            "updated_at = ? WHERE id = ? AND version = ?",
            (status.value, since.isoformat(timespec="seconds"), stamp, item_id, current.version),
        )
        if cursor.rowcount != 1:  # changed between our read and write (another process)
            raise VersionConflict(self.get(item_id))
        self.log(
            item_id, user=user, at=at, action=action, field="status",
            old_value=current.status.value, new_value=status.value, note=reason,
        )  # fmt: skip
        return replace(
            current, status=status, status_changed=since, version=current.version + 1,
            updated_at=at,
        )  # fmt: skip

    def log(
        self,
        item_id: int,
        *,
        user: str,
        at: datetime,
        action: str,
        field: str | None = None,
        old_value: str | None = None,
        new_value: str | None = None,
        note: str | None = None,
    ) -> None:
        # The row records the version the change produced: callers log after their UPDATE.
        self._conn.execute(
            "INSERT INTO item_history (item_id, at, user, action, field, old_value, new_value,"
            " note, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?,"
            " (SELECT version FROM items WHERE id = ?))",
            (item_id, at.isoformat(timespec="seconds"), user, action, field, old_value,
             new_value, note, item_id),
        )  # fmt: skip

    def _write_participants(
        self, item_id: int, people: Sequence[Participant], replace_existing: bool = False
    ) -> None:
        if replace_existing:
            self._conn.execute("DELETE FROM participants WHERE item_id = ?", (item_id,))
        self._conn.executemany(
            "INSERT INTO participants (item_id, position, name, role) VALUES (?, ?, ?, ?)",
            [(item_id, n, person.name, person.role.value) for n, person in enumerate(people)],
        )

    @staticmethod
    def _require_id(item: Item) -> int:
        if item.id is None:
            raise ValueError("the item has not been stored yet")
        return item.id

    # --- reads ---------------------------------------------------------------------------------

    def get(self, item_id: int) -> Item:
        items = self.get_many([item_id])
        if not items:
            raise ItemNotFound(item_id)
        return items[0]

    def get_many(
        self, ids: Sequence[int], connection: sqlite3.Connection | None = None
    ) -> list[Item]:
        """Items in the order of `ids` (missing ones skipped), with their participants."""
        if not ids:
            return []
        connection = connection or self._conn
        marks = ",".join("?" * len(ids))
        cursor = connection.execute(f"SELECT * FROM items WHERE id IN ({marks})", list(ids))
        names = [column[0] for column in cursor.description]
        rows = {row[0]: dict(zip(names, row, strict=True)) for row in cursor}
        people: dict[int, list[Participant]] = {}
        for item_id, name, role in connection.execute(
            f"SELECT item_id, name, role FROM participants WHERE item_id IN ({marks}) "
            "ORDER BY item_id, position",
            list(ids),
        ):
            people.setdefault(item_id, []).append(Participant(name, Role(role)))
        return [row_to_item(rows[i], people.get(i, ())) for i in ids if i in rows]

    def find_by_dnr(self, dnr: str) -> Item | None:
        row = self._conn.execute(
            "SELECT id FROM items WHERE dnr = ? ORDER BY id LIMIT 1", (dnr,)
        ).fetchone()
        return self.get(row[0]) if row else None

    def history(self, item_id: int, *, since_version: int | None = None) -> list[HistoryEntry]:
        """The item's trail, oldest first; with `since_version`, only the changes after it."""
        sql = (
            "SELECT at, user, action, field, old_value, new_value, note, version "
            "FROM item_history WHERE item_id = ?"
        )
        params: list[object] = [item_id]
        if since_version is not None:
            sql += " AND version > ?"
            params.append(since_version)
        return [
            HistoryEntry(datetime.fromisoformat(at), *rest)
            for at, *rest in self._conn.execute(sql + " ORDER BY id", params)
        ]

    def ids_by_dnr(self, dnrs: Iterable[str]) -> dict[str, int]:
        """dnr → the first stored item with it, for the given dnrs (re-import by dnr)."""
        wanted = sorted(set(dnrs))
        found: dict[str, int] = {}
        for start in range(0, len(wanted), 500):  # stay under SQLite's parameter limit
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for dnr, item_id in self._conn.execute(
                f"SELECT dnr, min(id) FROM items WHERE dnr IN ({marks}) GROUP BY dnr", chunk
            ):
                found[dnr] = item_id
        return found

    def count(self) -> int:
        return self._conn.execute("SELECT count(*) FROM items").fetchone()[0]
