"""Meetings, their agendas (föredragningslista), decisions, attendance and delegation decisions.

Writes run inside `Store.transaction()`, like every other repository's. Positions on an agenda are
kept dense (1, 2, 3 …) so that moving an entry is a swap of two rows.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from datetime import date, datetime, time

from ib_tui.domain.meeting import (
    CLOSING_ENTRIES,
    DEFAULT_PLACE,
    OPENING_ENTRIES,
    STANDARD_PROPOSALS,
    Absence,
    AbsenceReason,
    AgendaEntry,
    Attendee,
    Decision,
    DelegationDecision,
    EntryKind,
    Meeting,
    MeetingStatus,
    Member,
    MemberRole,
    Outcome,
    Remark,
    RemarkKind,
)
from ib_tui.store.db import Store
from ib_tui.store.items import ItemRepository

_MEETING_COLUMNS = "id, date, time, place, status, justerare, adjusted_on, posted_on"


class MeetingNotFound(LookupError):
    pass


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _meeting(row: Sequence[object]) -> Meeting:
    meeting_id, day, clock, place, status, justerare, adjusted, posted = row
    return Meeting(
        id=meeting_id,  # type: ignore[arg-type]
        day=date.fromisoformat(day),  # type: ignore[arg-type]
        time=time.fromisoformat(clock),  # type: ignore[arg-type]
        place=place,  # type: ignore[arg-type]
        status=MeetingStatus(status),
        justerare=justerare,  # type: ignore[arg-type]
        adjusted_on=_date(adjusted),  # type: ignore[arg-type]
        posted_on=_date(posted),  # type: ignore[arg-type]
    )


def _lines(text: str | None) -> tuple[str, ...]:
    return tuple(line for line in (text or "").split("\n") if line.strip())


class MeetingRepository:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.items = ItemRepository(store)

    @property
    def _conn(self) -> sqlite3.Connection:
        return self.store.connection

    # --- meetings ------------------------------------------------------------------------------

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
        rows = [(EntryKind.OPENING, heading) for heading in OPENING_ENTRIES]
        rows += list(CLOSING_ENTRIES)
        self._conn.executemany(
            "INSERT INTO agenda_entries (meeting_id, position, kind, heading, proposal) "
            "VALUES (?, ?, ?, ?, ?)",
            [
                (meeting_id, position, kind.value, heading,
                 "\n".join(STANDARD_PROPOSALS.get(heading, ())) or None)
                for position, (kind, heading) in enumerate(rows, start=1)
            ],
        )  # fmt: skip

    def get(self, meeting_id: int) -> Meeting:
        row = self._conn.execute(
            f"SELECT {_MEETING_COLUMNS} FROM meetings WHERE id = ?", (meeting_id,)
        ).fetchone()
        if row is None:
            raise MeetingNotFound(meeting_id)
        return _meeting(row)

    def by_date(self, day: date) -> Meeting | None:
        row = self._conn.execute(
            f"SELECT {_MEETING_COLUMNS} FROM meetings WHERE date = ?", (day.isoformat(),)
        ).fetchone()
        return _meeting(row) if row else None

    def all(self) -> list[Meeting]:
        """Every meeting, oldest first: about ten a year, so a list is fine."""
        return [
            _meeting(row)
            for row in self._conn.execute(f"SELECT {_MEETING_COLUMNS} FROM meetings ORDER BY date")
        ]

    def following(self, day: date) -> Meeting | None:
        """The first meeting after `day`."""
        row = self._conn.execute(
            f"SELECT {_MEETING_COLUMNS} FROM meetings WHERE date > ? ORDER BY date LIMIT 1",
            (day.isoformat(),),
        ).fetchone()
        return _meeting(row) if row else None

    def previous(self, day: date) -> Meeting | None:
        row = self._conn.execute(
            f"SELECT {_MEETING_COLUMNS} FROM meetings WHERE date < ? ORDER BY date DESC LIMIT 1",
            (day.isoformat(),),
        ).fetchone()
        return _meeting(row) if row else None

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
                _iso(meeting.adjusted_on),
                _iso(meeting.posted_on),
                meeting.id,
            ),
        )

    def summaries(self) -> dict[int, tuple[int, int]]:
        """Meeting id → (items on its agenda, their total cost), for the list of meetings."""
        return {
            meeting_id: (count, cost)
            for meeting_id, count, cost in self._conn.execute(
                "SELECT e.meeting_id, count(e.item_id), coalesce(sum(i.cost_total), 0) "
                "FROM agenda_entries e JOIN items i ON i.id = e.item_id GROUP BY e.meeting_id"
            )
        }

    # --- agenda entries ------------------------------------------------------------------------

    def add_to_agenda(self, meeting_id: int, item_id: int, tabled_from: date | None = None) -> bool:
        """Places the item on the meeting's agenda where Swedish agendas put it: tabled items
        right after the opening entries, others after the last item. False if already there."""
        if self._conn.execute(
            "SELECT 1 FROM agenda_entries WHERE meeting_id = ? AND item_id = ?",
            (meeting_id, item_id),
        ).fetchone():
            return False
        kinds = [
            (position, EntryKind(kind), tabled is not None)
            for position, kind, tabled in self._conn.execute(
                "SELECT position, kind, tabled_from FROM agenda_entries WHERE meeting_id = ? "
                "ORDER BY position",
                (meeting_id,),
            )
        ]
        position = _insertion_position(kinds, tabled=tabled_from is not None)
        self._conn.execute(
            "UPDATE agenda_entries SET position = position + 1 "
            "WHERE meeting_id = ? AND position >= ?",
            (meeting_id, position),
        )
        title = self.items.get(item_id).title
        self._conn.execute(
            "INSERT INTO agenda_entries (meeting_id, position, item_id, kind, heading, "
            "tabled_from) VALUES (?, ?, ?, 'item', ?, ?)",
            (meeting_id, position, item_id, title, _iso(tabled_from)),
        )
        return True

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
        return self.get(self._entry_place(entry_id)[0])

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
        decisions = self._decisions(conn, ids)
        remarks = self._remarks(conn, ids)
        absences = self._absences(conn, ids)
        return [
            AgendaEntry(
                id=entry_id,
                position=position,
                kind=EntryKind(kind),
                item=items.get(item_id),
                heading=heading or (items[item_id].title if item_id in items else ""),
                presenter=presenter,
                proposal=_lines(proposal),
                paragraph=paragraph,
                tabled_from=_date(tabled_from),
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
        """Ids of items "klar för beslut" not on the agenda of a meeting from today on."""
        return [
            row[0]
            for row in self._conn.execute(
                "SELECT id FROM items WHERE status = 'ready' AND id NOT IN ("
                "  SELECT e.item_id FROM agenda_entries e JOIN meetings m ON m.id = e.meeting_id"
                "  WHERE e.item_id IS NOT NULL AND m.date >= ?) ORDER BY received, id",
                (today.isoformat(),),
            )
        ]

    # --- decisions, remarks, absences ----------------------------------------------------------

    def set_decision(self, entry_id: int, decision: Decision, *, user: str) -> None:
        assert decision.decided_at is not None
        self._conn.execute(
            "INSERT INTO decisions (entry_id, outcome, clauses, reason, decided_at, user) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (entry_id) DO UPDATE SET "
            "outcome = excluded.outcome, clauses = excluded.clauses, reason = excluded.reason, "
            "decided_at = excluded.decided_at, user = excluded.user",
            (
                entry_id,
                decision.outcome.value,
                "\n".join(decision.clauses),
                decision.reason,
                decision.decided_at.isoformat(timespec="seconds"),
                user,
            ),
        )

    def add_remark(self, entry_id: int, remark: Remark) -> None:
        self._conn.execute(
            "INSERT INTO remarks (entry_id, member, kind, text) VALUES (?, ?, ?, ?)",
            (entry_id, remark.member, remark.kind.value, remark.text),
        )

    def set_absence(self, entry_id: int, member: str, reason: AbsenceReason | None) -> None:
        """Marks a member as not taking part in the entry (None: takes part again)."""
        if reason is None:
            self._conn.execute(
                "DELETE FROM entry_absences WHERE entry_id = ? AND member = ?", (entry_id, member)
            )
            return
        self._conn.execute(
            "INSERT INTO entry_absences (entry_id, member, reason) VALUES (?, ?, ?) "
            "ON CONFLICT (entry_id, member) DO UPDATE SET reason = excluded.reason",
            (entry_id, member, reason.value),
        )

    @staticmethod
    def _in(ids: Sequence[int]) -> str:
        return ",".join("?" * len(ids))

    def _decisions(self, conn: sqlite3.Connection, ids: Sequence[int]) -> dict[int, Decision]:
        return {
            entry_id: Decision(
                Outcome(outcome), _lines(clauses), reason, datetime.fromisoformat(at)
            )
            for entry_id, outcome, clauses, reason, at in conn.execute(
                "SELECT entry_id, outcome, clauses, reason, decided_at FROM decisions "
                f"WHERE entry_id IN ({self._in(ids)})",
                list(ids),
            )
        }

    def _remarks(self, conn: sqlite3.Connection, ids: Sequence[int]) -> dict[int, list[Remark]]:
        found: dict[int, list[Remark]] = {}
        for entry_id, member, kind, text in conn.execute(
            f"SELECT entry_id, member, kind, text FROM remarks WHERE entry_id IN ({self._in(ids)}) "
            "ORDER BY id",
            list(ids),
        ):
            found.setdefault(entry_id, []).append(Remark(member, RemarkKind(kind), text))
        return found

    def _absences(self, conn: sqlite3.Connection, ids: Sequence[int]) -> dict[int, list[Absence]]:
        found: dict[int, list[Absence]] = {}
        for entry_id, member, reason in conn.execute(
            "SELECT entry_id, member, reason FROM entry_absences "
            f"WHERE entry_id IN ({self._in(ids)}) ORDER BY member",
            list(ids),
        ):
            found.setdefault(entry_id, []).append(Absence(member, AbsenceReason(reason)))
        return found

    # --- members and attendance ----------------------------------------------------------------

    def members(self) -> list[Member]:
        return [
            Member(title=title, role=MemberRole(role), name=name, id=member_id)
            for member_id, title, name, role in self._conn.execute(
                "SELECT id, title, name, role FROM members ORDER BY position, id"
            )
        ]

    def save_member(self, member: Member) -> int:
        if member.id is not None:
            self._conn.execute(
                "UPDATE members SET title = ?, name = ?, role = ? WHERE id = ?",
                (member.title, member.name, member.role.value, member.id),
            )
            return member.id
        cursor = self._conn.execute(
            "INSERT INTO members (position, title, name, role) VALUES ("
            "(SELECT coalesce(max(position), 0) + 1 FROM members), ?, ?, ?)",
            (member.title, member.name, member.role.value),
        )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def attendance(self, meeting_id: int) -> list[Attendee]:
        """Every member, present unless marked absent for this meeting."""
        marked = dict(
            self._conn.execute(
                "SELECT member_id, present FROM attendance WHERE meeting_id = ?", (meeting_id,)
            ).fetchall()
        )
        return [Attendee(member, bool(marked.get(member.id, 1))) for member in self.members()]

    def set_present(self, meeting_id: int, member_id: int, present: bool) -> None:
        self._conn.execute(
            "INSERT INTO attendance (meeting_id, member_id, present) VALUES (?, ?, ?) "
            "ON CONFLICT (meeting_id, member_id) DO UPDATE SET present = excluded.present",
            (meeting_id, member_id, int(present)),
        )

    # --- delegation decisions ------------------------------------------------------------------

    def add_delegation(
        self,
        item_id: int,
        decided_on: date,
        delegate: str,
        decision: str,
        *,
        user: str,
        at: datetime,
    ) -> int:
        cursor = self._conn.execute(
            "INSERT INTO delegation_decisions (item_id, decided_on, delegate, decision, "
            "created_at, user) VALUES (?, ?, ?, ?, ?, ?)",
            (item_id, decided_on.isoformat(), delegate, decision,
             at.isoformat(timespec="seconds"), user),
        )  # fmt: skip
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def delegation_decisions(self, meeting: Meeting) -> list[DelegationDecision]:
        """What the meeting's "Anmälan av delegationsbeslut" lists: the decisions frozen to it,
        and the unreported ones taken since the previous meeting's day (KL 6:40)."""
        previous = self.previous(meeting.day)
        since = previous.day.isoformat() if previous else "0000-01-01"
        return self._delegations(
            "WHERE d.reported_meeting_id = ? OR (d.reported_meeting_id IS NULL "
            "AND d.decided_on >= ? AND d.decided_on < ?)",
            [meeting.id, since, meeting.day.isoformat()],
        )

    def delegations_for_item(self, item_id: int) -> list[DelegationDecision]:
        return self._delegations("WHERE d.item_id = ?", [item_id])

    def freeze_delegations(self, meeting: Meeting) -> None:
        """Ties the listed decisions to the meeting once it is held, so a later meeting's
        dates cannot move them."""
        ids = [decision.id for decision in self.delegation_decisions(meeting)]
        self._conn.executemany(
            "UPDATE delegation_decisions SET reported_meeting_id = ? WHERE id = ?",
            [(meeting.id, decision_id) for decision_id in ids],
        )

    def _delegations(self, where: str, params: Iterable[object]) -> list[DelegationDecision]:
        cursor = self._conn.execute(
            "SELECT d.id, d.item_id, d.decided_on, d.delegate, d.decision, i.dnr, i.title, "
            "m.date FROM delegation_decisions d JOIN items i ON i.id = d.item_id "
            f"LEFT JOIN meetings m ON m.id = d.reported_meeting_id {where} "
            "ORDER BY d.decided_on, d.id",
            list(params),
        )
        return [
            DelegationDecision(
                id=decision_id,
                item_id=item_id,
                decided_on=date.fromisoformat(decided_on),
                delegate=delegate,
                decision=decision,
                dnr=dnr,
                title=title,
                reported_on=_date(reported_on),
            )
            for decision_id, item_id, decided_on, delegate, decision, dnr, title, reported_on in (
                cursor
            )
        ]


def _insertion_position(entries: Sequence[tuple[int, EntryKind, bool]], *, tabled: bool) -> int:
    """Where a new item entry goes: after the opening entries and the tabled items (for a tabled
    item), or after the last item (otherwise); before the closing entries either way."""
    position = 1
    for entry_position, kind, was_tabled in entries:
        if kind is EntryKind.OPENING or (kind is EntryKind.ITEM and (was_tabled or not tabled)):
            position = entry_position + 1
        elif kind in (EntryKind.DELEGATION, EntryKind.CLOSING):
            break
    return position


__all__ = ["MeetingNotFound", "MeetingRepository"]
