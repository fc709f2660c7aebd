"""Meetings and their agendas (föredragningslista) in SQLite."""

from __future__ import annotations

from datetime import date

from ib_tui.store.db import Store


class MeetingRepository:
    def __init__(self, store: Store) -> None:
        self.store = store

    def ensure(self, day: date, time: str = "13:00", place: str = "Stadshuset") -> tuple[int, bool]:
        """The meeting on `day`, created if there is none; returns (id, created)."""
        row = self.store.connection.execute(
            "SELECT id FROM meetings WHERE date = ?", (day.isoformat(),)
        ).fetchone()
        if row:
            return row[0], False
        cursor = self.store.connection.execute(
            "INSERT INTO meetings (date, time, place) VALUES (?, ?, ?)",
            (day.isoformat(), time, place),
        )
        return cursor.lastrowid, True

    def add_to_agenda(self, meeting_id: int, item_id: int) -> bool:
        """Appends the item to the meeting's agenda; False if it is already there."""
        connection = self.store.connection
        exists = connection.execute(
            "SELECT 1 FROM agenda_entries WHERE meeting_id = ? AND item_id = ?",
            (meeting_id, item_id),
        ).fetchone()
        if exists:
            return False
        (position,) = connection.execute(
            "SELECT coalesce(max(position), 0) + 1 FROM agenda_entries WHERE meeting_id = ?",
            (meeting_id,),
        ).fetchone()
        connection.execute(
            "INSERT INTO agenda_entries (meeting_id, position, item_id) VALUES (?, ?, ?)",
            (meeting_id, position, item_id),
        )
        return True

    def dates(self) -> list[date]:
        return [
            date.fromisoformat(row[0])
            for row in self.store.connection.execute("SELECT date FROM meetings ORDER BY date")
        ]

    def agenda_item_ids(self, day: date) -> list[int]:
        return [
            row[0]
            for row in self.store.connection.execute(
                "SELECT e.item_id FROM agenda_entries e JOIN meetings m ON m.id = e.meeting_id "
                "WHERE m.date = ? AND e.item_id IS NOT NULL ORDER BY e.position",
                (day.isoformat(),),
            )
        ]
