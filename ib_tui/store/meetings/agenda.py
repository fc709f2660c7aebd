"""A meeting's agenda (föredragningslista): its entries, their order and § numbers.

Positions on an agenda are kept dense (1, 2, 3 …) so that moving an entry is a swap of two rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from ib_tui.domain.meeting import AgendaEntry, EntryKind, Meeting
from ib_tui.store.db import Store
from ib_tui.store.items import ItemRepository
from ib_tui.store.meetings.base import MeetingNotFound, Repository, iso, lines, to_date
from ib_tui.store.meetings.positions import PositionRepository
from ib_tui.store.meetings.schedule import ScheduleRepository


class AgendaRepository(Repository):
    def __init__(
        self, store: Store, schedule: ScheduleRepository, positions: PositionRepository
    ) -> None:
        super().__init__(store)
        self.schedule = schedule
        self.positions = positions
        self.items = ItemRepository(store)

    def add_to_agenda(self, meeting_id: int, item_id: int, tabled_from: date | None = None) -> bool:
        """Places the item on the meeting's agenda where Swedish agendas put it: tabled items
        right after the opening entries, others after the last item. False if already there."""
        if self._conn.execute(
            "SELECT 1 FROM agenda_entries WHERE meeting_id = ? AND item_id = ?",
            (meeting_id, item_id),
        ).fetchone():
            return False
        position = self._insertion_position(meeting_id, tabled=tabled_from is not None)
        self._conn.execute(
            "UPDATE agenda_entries SET position = position + 1 "
            "WHERE meeting_id = ? AND position >= ?",
            (meeting_id, position),
        )
        title = self.items.get(item_id).title
        self._conn.execute(
            "INSERT INTO agenda_entries (meeting_id, position, item_id, kind, heading, "
            "tabled_from) VALUES (?, ?, ?, 'item', ?, ?)",
            (meeting_id, position, item_id, title, iso(tabled_from)),
        )
        return True

    def _insertion_position(self, meeting_id: int, *, tabled: bool) -> int:
        """Where a new item entry goes: after the opening entries and the tabled items (for a
        tabled item), or after the last item (otherwise); before the first delegation or
        closing entry either way. Index seeks in agenda_entries_by_kind, not a read of the
        whole agenda per item: an import of 20,000 items onto one meeting was quadratic
        (6 min 25 s against 2 s without the meeting)."""
        (position,) = self._conn.execute(
            "SELECT 1 + coalesce(max(position), 0) FROM agenda_entries "
            "WHERE meeting_id = :meeting AND position < coalesce(("
            "  SELECT min(position) FROM agenda_entries WHERE meeting_id = :meeting"
            "  AND kind IN ('delegation', 'closing')), 9223372036854775807) "
            "AND (kind = 'opening' "
            "  OR (kind = 'item' AND (tabled_from IS NOT NULL OR NOT :tabled)))",
            {"meeting": meeting_id, "tabled": tabled},
        ).fetchone()
        return position

    def add_entry(self, meeting_id: int, heading: str, kind: EntryKind, position: int) -> int:
        """A free entry (an extra "Information om …") at `position`, pushing the rest down."""
        self._conn.execute(
            "UPDATE agenda_entries SET position = position + 1 "
            "WHERE meeting_id = ? AND position >= ?",
            (meeting_id, position),
        )
        cursor = self._conn.execute(
            "INSERT INTO agenda_entries (meeting_id, position, kind, heading) VALUES (?, ?, ?, ?)",
            (meeting_id, position, kind.value, heading),
        )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def remove_entry(self, entry_id: int) -> None:
        meeting_id, position = self._entry_place(entry_id)
        self._conn.execute("DELETE FROM agenda_entries WHERE id = ?", (entry_id,))
        self._conn.execute(
            "UPDATE agenda_entries SET position = position - 1 "
            "WHERE meeting_id = ? AND position > ?",
            (meeting_id, position),
        )

    def move_entry(self, entry_id: int, delta: int) -> bool:
        """Swaps the entry with its neighbour above (-1) or below (+1); False at either end."""
        meeting_id, position = self._entry_place(entry_id)
        other = self._conn.execute(
            "SELECT id FROM agenda_entries WHERE meeting_id = ? AND position = ?",
            (meeting_id, position + delta),
        ).fetchone()
        if other is None:
            return False
        self._conn.execute(
            "UPDATE agenda_entries SET position = ? WHERE id = ?", (position, other[0])
        )
        self._conn.execute(
            "UPDATE agenda_entries SET position = ? WHERE id = ?", (position + delta, entry_id)
        )
        return True

    def update_entry(
        self,
        entry_id: int,
        *,
        heading: str,
        presenter: str | None,
        proposal: Sequence[str],
        discussion: str | None,
    ) -> None:
        self._conn.execute(
            "UPDATE agenda_entries SET heading = ?, presenter = ?, proposal = ?, discussion = ? "
            "WHERE id = ?",
            (heading, presenter, "\n".join(proposal) or None, discussion, entry_id),
        )

    def set_paragraphs(self, numbers: dict[int, int]) -> None:
        self._conn.executemany(
            "UPDATE agenda_entries SET paragraph = ? WHERE id = ?",
            [(number, entry_id) for entry_id, number in numbers.items()],
        )

    def last_paragraph(self, year: int, before: date) -> int:
        """The highest § given at an earlier meeting the same calendar year (0 if none)."""
        row = self._conn.execute(
            "SELECT max(e.paragraph) FROM agenda_entries e JOIN meetings m ON m.id = e.meeting_id "
            "WHERE m.date >= ? AND m.date < ?",
            (f"{year}-01-01", before.isoformat()),
        ).fetchone()
        return row[0] or 0

    def _entry_place(self, entry_id: int) -> tuple[int, int]:
        row = self._conn.execute(
            "SELECT meeting_id, position FROM agenda_entries WHERE id = ?", (entry_id,)
        ).fetchone()
        if row is None:
            raise MeetingNotFound(f"entry {entry_id}")
        return row[0], row[1]

    def entry_meeting(self, entry_id: int) -> Meeting:
        return self.schedule.get(self._entry_place(entry_id)[0])

    def entries(self, meeting_id: int) -> list[AgendaEntry]:
        """The agenda in order, with items, decisions, remarks and absences."""
        conn = self._conn
        rows = conn.execute(
            "SELECT id, position, kind, item_id, heading, presenter, proposal, paragraph, "
            "tabled_from, discussion FROM agenda_entries WHERE meeting_id = ? ORDER BY position",
            (meeting_id,),
        ).fetchall()
        ids = [row[0] for row in rows]
        items = {
            item.id: item for item in self.items.get_many([row[3] for row in rows if row[3]], conn)
        }
        decisions = self.positions.decisions(conn, ids)
        remarks = self.positions.remarks(conn, ids)
        absences = self.positions.absences(conn, ids)
        return [
            AgendaEntry(
                id=entry_id,
                position=position,
                kind=EntryKind(kind),
                item=items.get(item_id),
                heading=heading or (items[item_id].title if item_id in items else ""),
                presenter=presenter,
                proposal=lines(proposal),
                paragraph=paragraph,
                tabled_from=to_date(tabled_from),
                discussion=discussion,
                decision=decisions.get(entry_id),
                remarks=tuple(remarks.get(entry_id, ())),
                absences=tuple(absences.get(entry_id, ())),
            )
            for (
                entry_id, position, kind, item_id, heading, presenter, proposal, paragraph,
                tabled_from, discussion,
            ) in rows
        ]  # fmt: skip

    def unplaced_ready(self, today: date) -> list[int]:
        """Ids of items "klar för IB" not on the agenda of a meeting from today on."""
        return [
            row[0]
            for row in self._conn.execute(
                "SELECT id FROM items WHERE status = 'ready' AND id NOT IN ("
                "  SELECT e.item_id FROM agenda_entries e JOIN meetings m ON m.id = e.meeting_id"
                "  WHERE e.item_id IS NOT NULL AND m.date >= ?) ORDER BY received, id",
                (today.isoformat(),),
            )
        ]
