"""The beredning's members and who is present at a meeting."""

from __future__ import annotations

from ib_tui.domain.meeting import Member
from ib_tui.services.meetings.base import MeetingError, MeetingUseCases


class MemberUseCases(MeetingUseCases):
    def set_present(self, meeting_id: int, member_id: int, present: bool) -> None:
        with self.context.store.transaction():
            before = {
                a.member.id: a.present for a in self.repository.members.attendance(meeting_id)
            }
            self.repository.members.set_present(meeting_id, member_id, present)
            self._audit(
                "attendance", "set", entity_id=meeting_id, field=f"member {member_id}",
                old_value=before.get(member_id), new_value=present,
            )  # fmt: skip

    def members(self) -> list[Member]:
        return self.repository.members.members()

    def save_member(self, member: Member) -> Member:
        if not member.title.strip():
            raise MeetingError("uppdraget (titeln) får inte vara tomt")
        with self.context.store.transaction():
            before = next((m for m in self.repository.members.members() if m.id == member.id), None)
            member_id = self.repository.members.save_member(member)
            self._audit(
                "member", "save", entity_id=member_id, old_value=_member_text(before),
                new_value=_member_text(member),
            )  # fmt: skip
        return next(m for m in self.repository.members.members() if m.id == member_id)


def _member_text(member: Member | None) -> str | None:
    if member is None:
        return None
    return f"{member.title}; {member.role.value}; {member.name or ''}"
