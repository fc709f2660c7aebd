"""The deadlines after a meeting (justering, anslag, appeal period) as the screens show them:
each with its date, done or not, and a marked warning when one has passed undone."""

from __future__ import annotations

from datetime import date

from rich.text import Text

from ib_tui.domain.dates import format_date
from ib_tui.domain.meeting import Meeting, MeetingStatus
from ib_tui.domain.schedule import Deadline, meeting_deadlines


def _line(deadline: Deadline, today: date) -> Text:
    if deadline.is_end:
        word = "löpte ut" if deadline.passed(today) else "löper ut"
        return Text(f"Överklagandetiden {word} {format_date(deadline.due)}")
    if deadline.done_on:
        return Text(f"✔ {deadline.label}: gjord {format_date(deadline.done_on)}")
    if deadline.passed(today):
        return Text(
            f"▲ Varning: {deadline.label} senast {format_date(deadline.due)} – försenad", "bold"
        )
    return Text(f"{deadline.label} senast {format_date(deadline.due)}")


def deadline_lines(meeting: Meeting, today: date) -> Text:
    """All three, one per line; nothing for a meeting that has not been held yet."""
    if meeting.status is MeetingStatus.PLANNED and meeting.day >= today:
        return Text("")
    return Text("\n").join(_line(deadline, today) for deadline in meeting_deadlines(meeting))


def next_deadline(meeting: Meeting, today: date) -> Text:
    """The one that matters now, for the list of meetings."""
    if meeting.status is MeetingStatus.PLANNED and meeting.day >= today:
        return Text("")
    for deadline in meeting_deadlines(meeting):
        if deadline.is_end or deadline.done_on is None:
            return _line(deadline, today)
    return Text("")
