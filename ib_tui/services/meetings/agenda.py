"""Building the agenda (föredragningslista) and the meeting's record for the documents."""

from __future__ import annotations

from collections.abc import Sequence

from ib_tui.domain.dates import format_date
from ib_tui.domain.meeting import EntryKind, MeetingRecord, att_clauses
from ib_tui.domain.model import Item
from ib_tui.errors import MeetingNotFound
from ib_tui.services.meetings.base import MeetingError, MeetingUseCases


class AgendaUseCases(MeetingUseCases):
    def record(self, meeting_id: int) -> MeetingRecord:
        """The meeting with its agenda, attendance and delegation decisions; each item entry
        carries its principles and forum, and every entry a § number (provisional until the
        meeting is held)."""
        meeting = self.repository.schedule.get(meeting_id)
        entries = self._number_paragraphs(meeting, store=False)
        return MeetingRecord(
            meeting=meeting,
            entries=tuple(self._judged(entry) for entry in entries),
            attendees=tuple(self.repository.members.attendance(meeting_id)),
            delegation_decisions=tuple(self.repository.delegations.delegation_decisions(meeting)),
            organ=self.repository.schedule.organ(),
        )

    def candidates(self, meeting_id: int) -> list[Item]:
        """Items "klar för IB" that are on no agenda from this meeting's day on."""
        meeting = self.repository.schedule.get(meeting_id)
        return self.items.get_many(self.repository.agenda.unplaced_ready(meeting.day))

    def add_item(self, meeting_id: int, item_id: int) -> None:
        with self.context.store.transaction():
            meeting = self.repository.schedule.get(meeting_id)
            if not self.repository.agenda.add_to_agenda(meeting_id, item_id):
                raise MeetingError("ärendet finns redan på föredragningslistan")
            self._log(item_id, "agenda", new_value=meeting.day.isoformat())

    def add_entry(self, meeting_id: int, heading: str, position: int) -> None:
        if not heading.strip():
            raise MeetingError("rubriken får inte vara tom")
        with self.context.store.transaction():
            self.repository.agenda.add_entry(meeting_id, heading.strip(), EntryKind.ITEM, position)
            self._audit("agenda_entry", "add", entity_id=meeting_id, new_value=heading.strip())

    def remove_entry(self, entry_id: int) -> None:
        """Removes an entry, read again inside the transaction: an entry decided in another
        window since this one showed it keeps its decision."""
        with self.context.store.transaction():
            meeting = self.repository.agenda.entry_meeting(entry_id)
            assert meeting.id is not None
            entries = self.repository.agenda.entries(meeting.id)
            entry = next((entry for entry in entries if entry.id == entry_id), None)
            if entry is None:
                raise MeetingNotFound(entry_id)
            if entry.decision is not None:
                raise MeetingError("punkten har ett beslut och kan inte tas bort")
            self.repository.agenda.remove_entry(entry_id)
            self._audit("agenda_entry", "remove", entity_id=entry.id, old_value=entry.heading)
            if entry.item is not None and entry.item.id is not None:
                self._log(entry.item.id, "agenda", old_value=meeting.day.isoformat())

    def move_entry(self, entry_id: int, delta: int) -> bool:
        with self.context.store.transaction():
            moved = self.repository.agenda.move_entry(entry_id, delta)
            if moved:
                self._audit("agenda_entry", "move", entity_id=entry_id, new_value=delta)
            return moved

    def edit_entry(
        self,
        entry_id: int,
        *,
        heading: str,
        presenter: str | None,
        proposal: Sequence[str],
        discussion: str | None,
    ) -> None:
        if not heading.strip():
            raise MeetingError("rubriken får inte vara tom")
        with self.context.store.transaction():
            self.repository.agenda.update_entry(
                entry_id,
                heading=heading.strip(),
                presenter=(presenter or "").strip() or None,
                proposal=att_clauses(proposal),
                discussion=(discussion or "").strip() or None,
            )
            self._audit(
                "agenda_entry", "edit", entity_id=entry_id,
                new_value=f"{heading.strip()}; {presenter or ''}; {' / '.join(proposal)}; "
                f"{discussion or ''}",
            )  # fmt: skip

    def warnings(self, record: MeetingRecord) -> list[str]:
        """What the agenda builder warns about before the agenda goes out."""
        found = []
        if not record.items:
            found.append("Föredragningslistan har inga ärenden.")
        for entry in record.items:
            if entry.starts_before(record.meeting.day):
                assert entry.item is not None and entry.item.starts is not None
                found.append(
                    f"{entry.dnr or entry.heading}: börjar {format_date(entry.item.starts)}, före "
                    "sammanträdet – beslutet kommer för sent; ta det på delegation i stället."
                )
        return found
