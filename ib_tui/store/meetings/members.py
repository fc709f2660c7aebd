"""The beredning's members (by assignment, named when known) and who is present at a meeting."""

from __future__ import annotations

from ib_tui.domain.meeting import Attendee, Member, MemberRole
from ib_tui.store.meetings.base import Repository


class MemberRepository(Repository):
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
