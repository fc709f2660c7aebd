"""The meeting tables, one repository per aggregate: the schedule (meetings), the agenda
(entries and § numbers), the positions taken on an entry (decisions, remarks, jäv), the members
and their attendance, and the delegation decisions reported onwards."""

from __future__ import annotations

from ib_tui.store.db import Store
from ib_tui.store.meetings.agenda import AgendaRepository
from ib_tui.store.meetings.base import MeetingNotFound
from ib_tui.store.meetings.delegation import DelegationRepository
from ib_tui.store.meetings.members import MemberRepository
from ib_tui.store.meetings.positions import PositionRepository
from ib_tui.store.meetings.schedule import ScheduleRepository


class MeetingRepository:
    """The five meeting repositories over one store, wired to each other once."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.schedule = ScheduleRepository(store)
        self.positions = PositionRepository(store)
        self.agenda = AgendaRepository(store, self.schedule, self.positions)
        self.members = MemberRepository(store)
        self.delegations = DelegationRepository(store, self.schedule)


__all__ = [
    "AgendaRepository",
    "DelegationRepository",
    "MeetingNotFound",
    "MeetingRepository",
    "MemberRepository",
    "PositionRepository",
    "ScheduleRepository",
]
