"""The meetings themselves: when and where, their status and the justering dates."""

from __future__ import annotations

from datetime import date

from ib_tui.domain.meeting import DEFAULT_PLACE, Meeting, standard_entries
from ib_tui.domain.organ import Organ, OrganKind
from ib_tui.store.meetings.base import (
    MEETING_COLUMNS,
    MeetingNotFound,
    Repository,
    iso,
    meeting_from_row,
)


class ScheduleRepository(Repository):
    def ensure(
        self, day: date, time: str = "13:00", place: str = DEFAULT_PLACE
    ) -> tuple[int, bool]:
        """The meeting on `day`, created (with the standard entries) if there is none;
        returns (id, created)."""
        row = self._conn.execute(
            "SELECT id FROM meetings WHERE date = ?", (day.isoformat(),)
        ).fetchone()
        if row:
            return row[0], False
        cursor = self._conn.execute(
            "INSERT INTO meetings (date, time, place) VALUES (?, ?, ?)",
            (day.isoformat(), time, place),
        )
        meeting_id = cursor.lastrowid
        assert meeting_id is not None
        self._add_standard_entries(meeting_id)
        return meeting_id, True

    def _add_standard_entries(self, meeting_id: int) -> None:
        rows = standard_entries(self.organ().kind)
        self._conn.executemany(
            "INSERT INTO agenda_entries (meeting_id, position, kind, heading, proposal) "
            "VALUES (?, ?, ?, ?, ?)",
            [
                (meeting_id, position, kind.value, heading, "\n".join(proposal) or None)
                for position, (kind, heading, proposal) in enumerate(rows, start=1)
            ],
        )  # fmt: skip

    def organ(self) -> Organ:
        """The organ whose meetings these are (a setting; IB, a beredning, by default)."""
        row = self._conn.execute("SELECT name, kind FROM organ WHERE id = 1").fetchone()
        return Organ(row[0], OrganKind(row[1])) if row else Organ()

    def set_organ(self, organ: Organ) -> None:
        self._conn.execute(
            "INSERT INTO organ (id, name, kind) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE "
            "SET name = excluded.name, kind = excluded.kind",
            (organ.name, organ.kind.value),
        )

    def get(self, meeting_id: int) -> Meeting:
        row = self._conn.execute(
            f"SELECT {MEETING_COLUMNS} FROM meetings WHERE id = ?", (meeting_id,)
        ).fetchone()
        if row is None:
            raise MeetingNotFound(meeting_id)
        return meeting_from_row(row)

    def by_date(self, day: date) -> Meeting | None:
        row = self._conn.execute(
            f"SELECT {MEETING_COLUMNS} FROM meetings WHERE date = ?", (day.isoformat(),)
        ).fetchone()
        return meeting_from_row(row) if row else None

    def all(self) -> list[Meeting]:
        """Every meeting, oldest first: about ten a year, so a list is fine."""
        return [
            meeting_from_row(row)
            for row in self._conn.execute(f"SELECT {MEETING_COLUMNS} FROM meetings ORDER BY date")
        ]

    def following(self, day: date) -> Meeting | None:
        """The first meeting after `day`."""
        row = self._conn.execute(
            f"SELECT {MEETING_COLUMNS} FROM meetings WHERE date > ? ORDER BY date LIMIT 1",
            (day.isoformat(),),
        ).fetchone()
        return meeting_from_row(row) if row else None

    def previous(self, day: date) -> Meeting | None:
        row = self._conn.execute(
            f"SELECT {MEETING_COLUMNS} FROM meetings WHERE date < ? ORDER BY date DESC LIMIT 1",
            (day.isoformat(),),
        ).fetchone()
        return meeting_from_row(row) if row else None

    def update(self, meeting: Meeting) -> None:
        assert meeting.id is not None
        self._conn.execute(
            "UPDATE meetings SET time = ?, place = ?, status = ?, justerare = ?, "
            "adjusted_on = ?, posted_on = ? WHERE id = ?",
            (
                meeting.time.strftime("%H:%M"),
                meeting.place,
                meeting.status.value,
                meeting.justerare,
                iso(meeting.adjusted_on),
                iso(meeting.posted_on),
                meeting.id,
            ),
        )

    def agenda_costs(self) -> list[tuple[int, bool, str | None, int]]:
        """(meeting id, the item's sekretess and ground, its total cost) for every item on an
        agenda: the services total them as the sekretess rule allows."""
        return [
            (meeting_id, bool(confidential), ground, cost)
            for meeting_id, confidential, ground, cost in self._conn.execute(
                "SELECT e.meeting_id, i.confidential, i.confidential_ground, i.cost_total "
                "FROM agenda_entries e JOIN items i ON i.id = e.item_id"
            )
        ]
