"""The beredning's members and who is present at a meeting."""

from __future__ import annotations

from ib_tui.domain.meeting import Member
from ib_tui.services.meetings.base import MeetingError, MeetingUseCases


class MemberUseCases(MeetingUseCases):
    def set_present(self, meeting_id: int, member_id: int, present: bool) -> None:
        with self.context.store.transaction():
            self.repository.members.set_present(meeting_id, member_id, present)

    def members(self) -> list[Member]:
        return self.repository.members.members()

    def save_member(self, member: Member) -> Member:
        if not member.title.strip():
            raise MeetingError("uppdraget (titeln) får inte vara tomt")
        with self.context.store.transaction():
            member_id = self.repository.members.save_member(member)
        return next(m for m in self.repository.members.members() if m.id == member_id)
