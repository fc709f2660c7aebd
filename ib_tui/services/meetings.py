"""Use cases of the secretary's week: schedule meetings, build the agenda, run the meeting,
record decisions and attendance, and make the meeting's record for the exports.

A decision moves its item's status in the same transaction and is written to the item's history
(action "decision"), so the register, the trail and the minutes never disagree.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, time

from ib_tui.domain.dates import DateError, format_date, parse_date, parse_time
from ib_tui.domain.meeting import (
    DEFAULT_PLACE,
    DEFAULT_TIME,
    AbsenceReason,
    AgendaEntry,
    Decision,
    DelegationDecision,
    EntryKind,
    Meeting,
    MeetingRecord,
    MeetingStatus,
    Member,
    Outcome,
    PrincipleNote,
    Remark,
    att_clauses,
    default_clauses,
    delegation_label,
)
from ib_tui.domain.model import Item, Status
from ib_tui.domain.schedule import (
    Frequency,
    ScheduleError,
    SeriesPlan,
    SeriesRule,
    parse_weekday,
    plan_series,
)
from ib_tui.services.context import ServiceContext
from ib_tui.services.items import ItemService
from ib_tui.store import ItemRepository
from ib_tui.store.meetings import MeetingNotFound, MeetingRepository


class MeetingError(ValueError):
    """A meeting use case that cannot be done as asked; the message is Swedish."""


class SeriesInputError(MeetingError):
    """A series request with a bad field; `field` names it for the form."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


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


@dataclass(frozen=True, slots=True)
class DecisionResult:
    entry: AgendaEntry
    item: Item | None
    tabled_to: date | None = None  # bordläggning: the meeting the item moved to


class MeetingService:
    def __init__(self, context: ServiceContext) -> None:
        self.context = context
        self.repository = MeetingRepository(context.store)
        self.items = ItemRepository(context.store)
        self.judge = ItemService(context).judge  # the principle panel's own judgement

    # --- schedule ------------------------------------------------------------------------------

    def meetings(self) -> list[Meeting]:
        return self.repository.all()

    def summaries(self) -> dict[int, tuple[int, int]]:
        """Meeting id → (items on the agenda, their total cost)."""
        return self.repository.summaries()

    def get(self, meeting_id: int) -> Meeting:
        return self.repository.get(meeting_id)

    def on(self, day: date) -> Meeting:
        meeting = self.repository.by_date(day)
        if meeting is None:
            raise MeetingError(f"det finns inget sammanträde den {format_date(day)}")
        return meeting

    def upcoming(self) -> Meeting | None:
        """The next meeting from today on, or the last one if all are past."""
        today = self.context.today()
        meetings = self.repository.all()
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
        created: list[int] = []
        existing: list[date] = []
        with self.context.store.transaction():
            for day in days:
                meeting_id, new = self.repository.ensure(
                    day, (at or DEFAULT_TIME).strftime("%H:%M"), place or DEFAULT_PLACE
                )
                if new:
                    created.append(meeting_id)
                else:
                    existing.append(day)
        return [self.repository.get(meeting_id) for meeting_id in created], existing

    def plan_series(self, rule: SeriesRule) -> SeriesPlan:
        """The series' dates (holidays and the summer break skipped, each with its reason),
        without creating anything: the caller shows it, then `create_many`."""
        try:
            return plan_series(rule)
        except ScheduleError as error:
            raise SeriesInputError("start", str(error)) from None

    def update(self, meeting: Meeting) -> Meeting:
        assert meeting.id is not None
        with self.context.store.transaction():
            self.repository.update(meeting)
        return self.repository.get(meeting.id)

    def set_status(self, meeting_id: int, status: MeetingStatus) -> Meeting:
        """Held: the § numbers are given and the delegation decisions tied to the meeting.
        Justerat: the day of justering is recorded (today, unless already set)."""
        with self.context.store.transaction():
            meeting = self.repository.get(meeting_id)
            if status is not MeetingStatus.PLANNED:
                self._number_paragraphs(meeting, store=True)
                self.repository.freeze_delegations(meeting)
            if status is MeetingStatus.ADJUSTED and meeting.adjusted_on is None:
                meeting = replace(meeting, adjusted_on=self.context.today())
            self.repository.update(replace(meeting, status=status))
        return self.repository.get(meeting_id)

    # --- the agenda ----------------------------------------------------------------------------

    def record(self, meeting_id: int) -> MeetingRecord:
        """The meeting with its agenda, attendance and delegation decisions; each item entry
        carries its principles and forum, and every entry a § number (provisional until the
        meeting is held)."""
        meeting = self.repository.get(meeting_id)
        entries = self._number_paragraphs(meeting, store=False)
        return MeetingRecord(
            meeting=meeting,
            entries=tuple(self._judged(entry) for entry in entries),
            attendees=tuple(self.repository.attendance(meeting_id)),
            delegation_decisions=tuple(self.repository.delegation_decisions(meeting)),
        )

    def _judged(self, entry: AgendaEntry) -> AgendaEntry:
        if entry.item is None:
            return entry
        judgement = self.judge(entry.item)
        notes = tuple(PrincipleNote(a.verdict, a.title) for a in judgement.assessments)
        return replace(entry, principles=notes, forum=judgement.forum)

    def _number_paragraphs(self, meeting: Meeting, *, store: bool) -> list[AgendaEntry]:
        """§ numbers run through the calendar year: entries without one continue from the
        highest number given so far this year."""
        entries = self.repository.entries(self._id(meeting))
        given = [entry.paragraph for entry in entries if entry.paragraph]
        following = max(
            given, default=self.repository.last_paragraph(meeting.day.year, meeting.day)
        )
        numbered, new = [], {}
        for entry in entries:
            if entry.paragraph is None:
                following += 1
                new[entry.id] = following
                entry = replace(entry, paragraph=following)
            numbered.append(entry)
        if store and new:
            self.repository.set_paragraphs(new)  # type: ignore[arg-type]
        return numbered

    def candidates(self, meeting_id: int) -> list[Item]:
        """Items "klar för beslut" that are on no agenda from this meeting's day on."""
        meeting = self.repository.get(meeting_id)
        return self.items.get_many(self.repository.unplaced_ready(meeting.day))

    def add_item(self, meeting_id: int, item_id: int) -> None:
        with self.context.store.transaction():
            meeting = self.repository.get(meeting_id)
            if not self.repository.add_to_agenda(meeting_id, item_id):
                raise MeetingError("ärendet finns redan på föredragningslistan")
            self._log(item_id, "agenda", new_value=meeting.day.isoformat())

    def add_entry(self, meeting_id: int, heading: str, position: int) -> None:
        if not heading.strip():
            raise MeetingError("rubriken får inte vara tom")
        with self.context.store.transaction():
            self.repository.add_entry(meeting_id, heading.strip(), EntryKind.ITEM, position)

    def remove_entry(self, entry: AgendaEntry) -> None:
        assert entry.id is not None
        if entry.decision is not None:
            raise MeetingError("punkten har ett beslut och kan inte tas bort")
        with self.context.store.transaction():
            meeting = self.repository.entry_meeting(entry.id)
            self.repository.remove_entry(entry.id)
            if entry.item is not None and entry.item.id is not None:
                self._log(entry.item.id, "agenda", old_value=meeting.day.isoformat())

    def move_entry(self, entry_id: int, delta: int) -> bool:
        with self.context.store.transaction():
            return self.repository.move_entry(entry_id, delta)

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
            self.repository.update_entry(
                entry_id,
                heading=heading.strip(),
                presenter=(presenter or "").strip() or None,
                proposal=att_clauses(proposal),
                discussion=(discussion or "").strip() or None,
            )

    # --- the meeting ---------------------------------------------------------------------------

    def decide(
        self,
        entry: AgendaEntry,
        outcome: Outcome,
        clauses: Sequence[str] | None = None,
        reason: str | None = None,
    ) -> DecisionResult:
        """Records the decision on an entry and moves its item: bifall/avslag/hänskjuts →
        beslutad, återremiss → under beredning (with the reason), lämnas utan åtgärd →
        avskriven, bordläggning → onto the next meeting's agenda, first after the opening."""
        assert entry.id is not None
        reason = (reason or "").strip() or None
        if outcome.needs_reason and not reason:
            raise MeetingError("ange skälet till återremissen")
        decision = Decision(
            outcome,
            att_clauses(clauses or ()) or default_clauses(outcome, entry.proposal, reason),
            reason,
            self.context.now(),
        )
        tabled_to = None
        with self.context.store.transaction():
            meeting = self.repository.entry_meeting(entry.id)
            self.repository.set_decision(entry.id, decision, user=self.context.user)
            item = entry.item
            if item is not None and item.id is not None:
                self._log(
                    item.id,
                    "decision",
                    field="decision",
                    new_value=outcome.label,
                    note=decision.sentence(),
                )
                if outcome.status_after and outcome.status_after is not item.status:
                    note = reason or decision.sentence()
                    item = self.items.set_status(
                        item.id,
                        outcome.status_after,
                        user=self.context.user,
                        at=self.context.now(),
                        reason=note,
                        action="decision",
                    )
                if outcome is Outcome.TABLED:
                    tabled_to = self._table(item, meeting)
        stored = next(e for e in self.repository.entries(self._id(meeting)) if e.id == entry.id)
        return DecisionResult(self._judged(stored), item, tabled_to)

    def _table(self, item: Item, meeting: Meeting) -> date | None:
        assert item.id is not None
        following = self.repository.following(meeting.day)
        if following is None:
            return None
        if self.repository.add_to_agenda(self._id(following), item.id, tabled_from=meeting.day):
            self._log(item.id, "agenda", new_value=following.day.isoformat(), note="bordlagt")
        return following.day

    def add_remark(self, entry_id: int, remark: Remark) -> None:
        if not remark.text.strip():
            raise MeetingError("texten får inte vara tom")
        with self.context.store.transaction():
            self.repository.add_remark(entry_id, replace(remark, text=remark.text.strip()))

    def set_absence(self, entry_id: int, member: str, reason: AbsenceReason | None) -> None:
        with self.context.store.transaction():
            self.repository.set_absence(entry_id, member, reason)

    def set_present(self, meeting_id: int, member_id: int, present: bool) -> None:
        with self.context.store.transaction():
            self.repository.set_present(meeting_id, member_id, present)

    def members(self) -> list[Member]:
        return self.repository.members()

    def save_member(self, member: Member) -> Member:
        if not member.title.strip():
            raise MeetingError("uppdraget (titeln) får inte vara tomt")
        with self.context.store.transaction():
            member_id = self.repository.save_member(member)
        return next(m for m in self.repository.members() if m.id == member_id)

    # --- delegation ----------------------------------------------------------------------------

    def register_delegation(
        self, item_id: int, decided_on: date, delegate: str, decision: str
    ) -> DelegationDecision:
        """A decision taken under delegation (finansborgarrådet on a conference trip): the item
        is beslutad, and the decision is listed at the next meeting's "Anmälan av
        delegationsbeslut"."""
        if not delegate.strip() or not decision.strip():
            raise MeetingError("ange delegat och beslut")
        with self.context.store.transaction():
            item = self.items.get(item_id)
            decision_id = self.repository.add_delegation(
                item_id, decided_on, delegate.strip(), decision.strip(),
                user=self.context.user, at=self.context.now(),
            )  # fmt: skip
            note = delegation_label(decided_on, delegate)
            self._log(item_id, "decision", field="decision", new_value=note, note=decision.strip())
            if item.status is not Status.DECIDED:
                self.items.set_status(
                    item_id, Status.DECIDED, user=self.context.user, at=self.context.now(),
                    reason=note, action="decision",
                )  # fmt: skip
        return next(d for d in self.repository.delegations_for_item(item_id) if d.id == decision_id)

    # --- checks --------------------------------------------------------------------------------

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

    # --- helpers -------------------------------------------------------------------------------

    def _log(self, item_id: int, action: str, **values: str | None) -> None:
        self.items.log(
            item_id, user=self.context.user, at=self.context.now(), action=action, **values
        )

    @staticmethod
    def _id(meeting: Meeting) -> int:
        if meeting.id is None:
            raise MeetingNotFound(meeting.day)
        return meeting.id


__all__ = [
    "REPEATS",
    "DecisionResult",
    "MeetingError",
    "MeetingNotFound",
    "MeetingService",
    "SeriesInputError",
    "series_rule",
]
