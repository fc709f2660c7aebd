"""What the meeting repositories share: the connection, the row converters and the error."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import date, time

from ib_tui.domain.meeting import Meeting, MeetingStatus
from ib_tui.errors import MeetingNotFound as MeetingNotFound  # re-exported
from ib_tui.store.db import Store

MEETING_COLUMNS = "id, date, time, place, status, justerare, adjusted_on, posted_on"


def to_date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def lines(text: str | None) -> tuple[str, ...]:
    return tuple(line for line in (text or "").split("\n") if line.strip())


def in_list(ids: Sequence[int]) -> str:
    """The placeholders of an `IN (…)` over `ids`."""
    return ",".join("?" * len(ids))


def meeting_from_row(row: Sequence[object]) -> Meeting:
    meeting_id, day, clock, place, status, justerare, adjusted, posted = row
    return Meeting(
        id=meeting_id,  # type: ignore[arg-type]
        day=date.fromisoformat(day),  # type: ignore[arg-type]
        time=time.fromisoformat(clock),  # type: ignore[arg-type]
        place=place,  # type: ignore[arg-type]
        status=MeetingStatus(str(status)),
        justerare=justerare,  # type: ignore[arg-type]
        adjusted_on=to_date(adjusted),  # type: ignore[arg-type]
        posted_on=to_date(posted),  # type: ignore[arg-type]
    )


class Repository:
    """A repository over one aggregate of the meeting tables; writes run inside
    `Store.transaction()`, like every other repository's."""

    def __init__(self, store: Store) -> None:
        self.store = store

    @property
    def _conn(self) -> sqlite3.Connection:
        return self.store.connection
