"""Use cases of the secretary's week, one module per aggregate: the schedule, the agenda, the
positions taken at the meeting, the members and the delegation decisions. `MeetingService`
gathers them, so the CLI and the TUI keep one entry point (`services.meetings`)."""

from __future__ import annotations

from ib_tui.services.meetings.agenda import AgendaUseCases
from ib_tui.services.meetings.base import MeetingError, SeriesInputError
from ib_tui.services.meetings.delegation import DelegationReport, DelegationUseCases
from ib_tui.services.meetings.members import MemberUseCases
from ib_tui.services.meetings.positions import DecisionResult, PositionUseCases
from ib_tui.services.meetings.schedule import REPEATS, ScheduleUseCases, series_rule
from ib_tui.store.meetings import MeetingNotFound


class MeetingService(
    ScheduleUseCases, AgendaUseCases, PositionUseCases, MemberUseCases, DelegationUseCases
):
    """Every meeting use case over one database."""


__all__ = [
    "REPEATS",
    "DecisionResult",
    "DelegationReport",
    "MeetingError",
    "MeetingNotFound",
    "MeetingService",
    "SeriesInputError",
    "series_rule",
]
