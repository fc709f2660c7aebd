"""Scheduling meetings: one at a time or a series (holidays and the summer break skipped), and
moving a meeting through planerat → genomfört → justerat."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, time

from ib_tui.domain.confidentiality import Flags, may_show
from ib_tui.domain.dates import DateError, check_year, format_date, parse_date, parse_time
from ib_tui.domain.meeting import DEFAULT_PLACE, DEFAULT_TIME, Meeting, MeetingStatus
from ib_tui.domain.organ import Organ, OrganKind
from ib_tui.domain.schedule import (
    Frequency,
    ScheduleError,
    SeriesPlan,
    SeriesRule,
    parse_weekday,
    plan_series,
)
from ib_tui.services.meetings.base import MeetingError, MeetingUseCases, SeriesInputError

# How often a series repeats: a code for the CLI and the form, and its Swedish label.
REPEATS = {
    "w1": "varje vecka",
    "w2": "varannan vecka",
    "w3": "var tredje vecka",
    "w4": "var fjärde vecka",
    "m1": "första i månaden",
    "m2": "andra i månaden",
    "m3": "tredje i månaden",
    "m4": "fjärde i månaden",
    "m-1": "sista i månaden",
}


def series_rule(
    *,
    start: str,
    until: str,
    weekday: str,
    repeat: str,
    at: str = "13:00",
    summer_from: str = "",
    summer_to: str = "",
) -> SeriesRule:
    """A series from what the user typed (CLI or form); SeriesInputError names the bad field.

    `repeat` is a code of REPEATS: "w2" every second week, "m1" the first weekday of the
    month, "m-1" the last."""
    dates: dict[str, date] = {}
    for name, text in (("start", start), ("until", until)):
        try:
            dates[name] = parse_date(text)
        except DateError as error:
            raise SeriesInputError(name, str(error)) from None
    try:
        day = parse_weekday(weekday)
    except ScheduleError as error:
        raise SeriesInputError("weekday", str(error)) from None
    if repeat not in REPEATS:
        raise SeriesInputError("repeat", f"okänd upprepning {repeat!r}; välj {', '.join(REPEATS)}")
    try:
        clock = parse_time(at)
    except DateError as error:
        raise SeriesInputError("time", str(error)) from None
    summer = None
    if summer_from.strip() or summer_to.strip():
        try:
            summer = (parse_date(summer_from), parse_date(summer_to))
        except DateError as error:
            raise SeriesInputError("summer_from", f"sommaruppehållet: {error}") from None
    frequency = Frequency.WEEKLY if repeat.startswith("w") else Frequency.MONTHLY
    number = int(repeat[1:])
    return SeriesRule(
        start=dates["start"],
        until=dates["until"],
        weekday=day,
        frequency=frequency,
        interval=number if frequency is Frequency.WEEKLY else 1,
        nth=number if frequency is Frequency.MONTHLY else None,
        summer_break=summer,
        time=clock,
    )


class ScheduleUseCases(MeetingUseCases):
    def organ(self) -> Organ:
        return self.repository.schedule.organ()

    def set_organ(self, name: str, kind: OrganKind) -> Organ:
        """The organ's name and kind (IB, a beredning, by default): a deciding organ gets a
        protokoll with justering, new meetings get its standard entries."""
        if not name.strip():
            raise MeetingError("organets namn får inte vara tomt")
        with self.context.store.transaction():
            old = self.repository.schedule.organ()
            self.repository.schedule.set_organ(Organ(name.strip(), kind))
            self._audit(
                "organ", "set", old_value=f"{old.name}; {old.kind.value}",
                new_value=f"{name.strip()}; {kind.value}",
            )  # fmt: skip
        return self.repository.schedule.organ()

    def meetings(self) -> list[Meeting]:
        return self.repository.schedule.all()

    def summaries(self, *, include_confidential: bool = False) -> dict[int, tuple[int, int]]:
        """Meeting id → (items on the agenda, their total cost), counting only what the
        sekretess rule lets a public total include (domain/confidentiality.py)."""
        totals: dict[int, tuple[int, int]] = {}
        for meeting_id, confidential, ground, cost in self.repository.schedule.agenda_costs():
            count, total = totals.get(meeting_id, (0, 0))
            if may_show(Flags(confidential, ground), include_confidential=include_confidential):
                count, total = count + 1, total + cost
            totals[meeting_id] = (count, total)
        return totals

    def get(self, meeting_id: int) -> Meeting:
        return self.repository.schedule.get(meeting_id)

    def on(self, day: date) -> Meeting:
        meeting = self.repository.schedule.by_date(day)
        if meeting is None:
            raise MeetingError(f"det finns inget sammanträde den {format_date(day)}")
        return meeting

    def upcoming(self) -> Meeting | None:
        """The next meeting from today on, or the last one if all are past."""
        today = self.context.today()
        meetings = self.repository.schedule.all()
        return next((m for m in meetings if m.day >= today), meetings[-1] if meetings else None)

    def create(self, day: date, at: time | None = None, place: str | None = None) -> Meeting:
        created, _ = self.create_many([day], at, place)
        if not created:
            raise MeetingError(f"det finns redan ett sammanträde den {format_date(day)}")
        return created[0]

    def create_many(
        self, days: Sequence[date], at: time | None = None, place: str | None = None
    ) -> tuple[list[Meeting], list[date]]:
        """Creates a meeting on each day that has none, in one transaction; returns the meetings
        created and the days that already had one."""
        for day in days:  # the parsers check this too; a date object from anywhere is checked here
            check_year(day)
        schedule = self.repository.schedule
        created: list[int] = []
        existing: list[date] = []
        with self.context.store.transaction():
            for day in days:
                meeting_id, new = schedule.ensure(
                    day, (at or DEFAULT_TIME).strftime("%H:%M"), place or DEFAULT_PLACE
                )
                if new:
                    created.append(meeting_id)
                    self._audit("meeting", "create", entity_id=meeting_id, new_value=day)
                else:
                    existing.append(day)
        return [schedule.get(meeting_id) for meeting_id in created], existing

    def plan_series(self, rule: SeriesRule) -> SeriesPlan:
        """The series' dates (holidays and the summer break skipped, each with its reason),
        without creating anything: the caller shows it, then `create_many`."""
        try:
            return plan_series(rule)
        except ScheduleError as error:
            raise SeriesInputError("start", str(error)) from None

    def update(self, meeting: Meeting) -> Meeting:
        assert meeting.id is not None
        check_year(meeting.day)
        with self.context.store.transaction():
            before = self.repository.schedule.get(meeting.id)
            self.repository.schedule.update(meeting)
            self._audit(
                "meeting", "update", entity_id=meeting.id, old_value=_meeting_text(before),
                new_value=_meeting_text(meeting),
            )  # fmt: skip
        return self.repository.schedule.get(meeting.id)

    def set_status(self, meeting_id: int, status: MeetingStatus) -> Meeting:
        """Held: the § numbers are given and the delegation decisions tied to the meeting.
        Justerat: the day of justering is recorded (today, unless already set)."""
        schedule = self.repository.schedule
        with self.context.store.transaction():
            meeting = schedule.get(meeting_id)
            if status is not MeetingStatus.PLANNED:
                self._number_paragraphs(meeting, store=True)
                self.repository.delegations.freeze_delegations(meeting)
            if status is MeetingStatus.ADJUSTED and meeting.adjusted_on is None:
                meeting = replace(meeting, adjusted_on=self.context.today())
            schedule.update(replace(meeting, status=status))
            self._audit(
                "meeting", "status", entity_id=meeting_id, field="status",
                old_value=meeting.status.value, new_value=status.value,
            )  # fmt: skip
        return schedule.get(meeting_id)


def _meeting_text(meeting: Meeting) -> str:
    """A meeting's stored facts on one line, for the trail's before and after."""
    return "; ".join(
        str(value) if value is not None else ""
        for value in (
            meeting.day, meeting.time.strftime("%H:%M"), meeting.place, meeting.status.value,
            meeting.justerare, meeting.adjusted_on, meeting.posted_on,
        )
    )  # fmt: skip
