"""Meetings through the service layer: agenda order, decisions and what they do to items,
§ numbers, attendance, remarks and delegation decisions."""

from __future__ import annotations

from datetime import date

import pytest

from ib_tui.domain.meeting import (
    AbsenceReason,
    EntryKind,
    MeetingStatus,
    Outcome,
    Remark,
    RemarkKind,
)
from ib_tui.domain.model import Item, Status
from ib_tui.services import MeetingError, Services
from tests.conftest import make_item

DAY = date(2026, 12, 9)
NEXT = date(2027, 1, 20)


def ready(services: Services, **fields: object) -> Item:
    item = services.items.register(make_item(**fields))
    assert item.id is not None
    return services.items.set_status(item.id, Status.READY)


@pytest.fixture
def meeting_id(services: Services) -> int:
    meeting = services.meetings.create(DAY)
    services.meetings.create(NEXT)
    assert meeting.id is not None
    return meeting.id


def headings(services: Services, meeting_id: int) -> list[str]:
    return [entry.heading for entry in services.meetings.record(meeting_id).entries]


def test_a_new_meeting_has_the_standard_entries_in_swedish_order(
    services: Services, meeting_id: int
) -> None:
    assert headings(services, meeting_id) == [
        "Sammanträdets öppnande",
        "Val av justerare",
        "Godkännande av föredragningslistan",
        "Anmälan av delegationsbeslut",
        "Övriga frågor",
        "Sammanträdets avslutande",
    ]
    with pytest.raises(MeetingError, match="finns redan"):
        services.meetings.create(DAY)


def test_items_go_between_opening_and_closing_and_can_be_moved(
    services: Services, meeting_id: int
) -> None:
    first = ready(services, title="Första", dnr="KS 2026/1")
    second = ready(services, title="Andra", dnr="KS 2026/2")
    assert [i.title for i in services.meetings.candidates(meeting_id)] == ["Första", "Andra"]
    services.meetings.add_item(meeting_id, first.id)
    services.meetings.add_item(meeting_id, second.id)
    assert headings(services, meeting_id)[3:5] == ["Första", "Andra"]
    assert services.meetings.candidates(meeting_id) == []
    with pytest.raises(MeetingError, match="redan"):
        services.meetings.add_item(meeting_id, first.id)

    entry = services.meetings.record(meeting_id).items[1]
    assert services.meetings.move_entry(entry.id, -1)
    assert headings(services, meeting_id)[3:5] == ["Andra", "Första"]
    top = services.meetings.record(meeting_id).entries[0]
    assert not services.meetings.move_entry(top.id, -1)  # already first

    services.meetings.remove_entry(services.meetings.record(meeting_id).items[0])
    assert headings(services, meeting_id)[3] == "Första"
    assert [i.title for i in services.meetings.candidates(meeting_id)] == ["Andra"]
    trail = [(e.action, e.new_value, e.old_value) for e in services.items.history(second.id)]
    assert ("agenda", DAY.isoformat(), None) in trail and ("agenda", None, DAY.isoformat()) in trail


def test_each_outcome_moves_the_item_and_is_in_its_history(
    services: Services, meeting_id: int
) -> None:
    expected = {
        Outcome.APPROVED: Status.DECIDED,
        Outcome.REJECTED: Status.DECIDED,
        Outcome.REFERRED_BACK: Status.IN_PREPARATION,
        Outcome.TABLED: Status.READY,
        Outcome.TO_KS: Status.DECIDED,
        Outcome.TO_KF: Status.DECIDED,
        Outcome.NO_ACTION: Status.WRITTEN_OFF,
    }
    for number, outcome in enumerate(expected, start=1):
        item = ready(services, title=f"Ärende {outcome.value}", dnr=f"KS 2026/{number}")
        services.meetings.add_item(meeting_id, item.id)
    for entry, (outcome, status) in zip(
        services.meetings.record(meeting_id).items, expected.items(), strict=True
    ):
        reason = "en kostnadskalkyl" if outcome.needs_reason else None
        result = services.meetings.decide(entry, outcome, reason=reason)
        assert result.item.status is status, outcome
        assert result.entry.decision.outcome is outcome
        trail = services.items.history(entry.item.id)
        decision = next(e for e in trail if e.action == "decision")
        assert decision.new_value == outcome.label
        assert decision.note.startswith("Internationella beredningen beslutar att")
    referred = services.meetings.record(meeting_id).items[2]
    assert referred.decision.clauses == ("återremittera ärendet för en kostnadskalkyl",)


def test_approval_adopts_the_proposal_and_återremiss_needs_a_reason(
    services: Services, meeting_id: int
) -> None:
    item = ready(services, title="Konferens")
    services.meetings.add_item(meeting_id, item.id)
    entry = services.meetings.record(meeting_id).items[0]
    services.meetings.edit_entry(
        entry.id, heading="Konferens i Oslo", presenter="Erik Sandberg",
        proposal=["att tillstyrka deltagande", "uppdra åt kontoret att redovisa"], discussion="",
    )  # fmt: skip
    entry = services.meetings.record(meeting_id).items[0]
    assert entry.heading == "Konferens i Oslo"
    assert entry.proposal == ("tillstyrka deltagande", "uppdra åt kontoret att redovisa")
    with pytest.raises(MeetingError, match="skälet"):
        services.meetings.decide(entry, Outcome.REFERRED_BACK)
    result = services.meetings.decide(entry, Outcome.APPROVED)
    assert result.entry.decision.sentence() == (
        "Internationella beredningen beslutar\n"
        "att tillstyrka deltagande\n"
        "att uppdra åt kontoret att redovisa"
    )
    with pytest.raises(MeetingError, match="beslut"):
        services.meetings.remove_entry(result.entry)


def test_tabling_puts_the_item_first_on_the_next_agenda(
    services: Services, meeting_id: int
) -> None:
    waiting = ready(services, title="Väntar redan", dnr="KS 2026/8")
    tabled = ready(services, title="Bordläggs", dnr="KS 2026/9")
    next_id = services.meetings.on(NEXT).id
    services.meetings.add_item(next_id, waiting.id)
    services.meetings.add_item(meeting_id, tabled.id)
    entry = services.meetings.record(meeting_id).items[0]
    result = services.meetings.decide(entry, Outcome.TABLED)
    assert result.tabled_to == NEXT
    following = services.meetings.record(next_id)
    assert [e.heading for e in following.items] == ["Bordläggs", "Väntar redan"]
    assert following.items[0].tabled_from == DAY
    assert [e.kind for e in following.entries[:3]] == [EntryKind.OPENING] * 3


def test_paragraphs_run_through_the_year_and_are_fixed_when_held(
    services: Services, meeting_id: int
) -> None:
    record = services.meetings.record(meeting_id)
    assert [e.paragraph for e in record.entries] == [1, 2, 3, 4, 5, 6]  # provisional
    services.meetings.set_status(meeting_id, MeetingStatus.HELD)
    following = services.meetings.record(services.meetings.on(NEXT).id)
    assert following.entries[0].paragraph == 1  # a new calendar year starts at § 1
    later = services.meetings.create(date(2026, 12, 16))
    assert services.meetings.record(later.id).entries[0].paragraph == 7
    adjusted = services.meetings.set_status(meeting_id, MeetingStatus.ADJUSTED)
    assert adjusted.adjusted_on == date(2026, 11, 23)  # the fixture's today


def test_attendance_jav_and_remarks(services: Services, meeting_id: int) -> None:
    members = services.meetings.members()
    assert [m.title for m in members][:4] == [
        "KS ordförande", "KF ordförande", "KF 1:e vice ordförande", "KS 1:e vice ordförande",
    ]  # fmt: skip
    services.meetings.set_present(meeting_id, members[2].id, False)
    record = services.meetings.record(meeting_id)
    assert [a.present for a in record.attendees] == [True, True, False, True, True]
    item = ready(services, title="Besök")
    services.meetings.add_item(meeting_id, item.id)
    entry = services.meetings.record(meeting_id).items[0]
    services.meetings.set_absence(entry.id, members[1].key, AbsenceReason.CONFLICT_OF_INTEREST)
    services.meetings.add_remark(entry.id, Remark(members[3].key, RemarkKind.RESERVATION, " Nej "))
    with pytest.raises(MeetingError):
        services.meetings.add_remark(entry.id, Remark(members[3].key, RemarkKind.NOTE, "  "))
    entry = services.meetings.record(meeting_id).items[0]
    assert [(a.member, a.reason) for a in entry.absences] == [
        ("KF ordförande", AbsenceReason.CONFLICT_OF_INTEREST)
    ]
    assert entry.remarks == (Remark("KS 1:e vice ordförande", RemarkKind.RESERVATION, "Nej"),)
    services.meetings.set_absence(entry.id, members[1].key, None)
    assert services.meetings.record(meeting_id).items[0].absences == ()


def test_delegation_decisions_are_listed_at_the_next_meeting(
    services: Services, meeting_id: int
) -> None:
    trip = services.items.register(make_item(title="Resa", dnr="KS 2026/77"))
    decided = services.meetings.register_delegation(
        trip.id, date(2026, 12, 1), "Finansborgarrådet", "Godkänner resan."
    )
    assert decided.dnr == "KS 2026/77"
    assert services.items.get(trip.id).status is Status.DECIDED
    record = services.meetings.record(meeting_id)
    assert [d.decision for d in record.delegation_decisions] == ["Godkänner resan."]
    # Held: the decision stays with this meeting, and the next one does not list it again.
    services.meetings.set_status(meeting_id, MeetingStatus.HELD)
    assert services.meetings.record(services.meetings.on(NEXT).id).delegation_decisions == ()
    assert services.meetings.record(meeting_id).delegation_decisions[0].reported_on == DAY


def test_warnings_for_an_empty_agenda_and_a_late_decision(
    services: Services, meeting_id: int
) -> None:
    record = services.meetings.record(meeting_id)
    assert services.meetings.warnings(record) == ["Föredragningslistan har inga ärenden."]
    early = ready(services, title="Tidig konferens", dnr="KS 2026/5", starts="2026-12-03")
    services.meetings.add_item(meeting_id, early.id)
    (warning,) = services.meetings.warnings(services.meetings.record(meeting_id))
    assert "KS 2026/5" in warning and "före sammanträdet" in warning


def test_the_record_carries_verdicts_forum_and_cost(services: Services, meeting_id: int) -> None:
    item = ready(
        services, kind="cooperation", title="Vänortsavtal med Taipei",
        agreement={"type": "twin_city", "partner": "Taipei"}, costs={"travel": 12500},
    )  # fmt: skip
    services.meetings.add_item(meeting_id, item.id)
    entry = services.meetings.record(meeting_id).items[0]
    assert entry.principles[0].verdict.value == "conflict"
    assert entry.forum is not None and entry.forum.value == "ks"
    assert services.meetings.record(meeting_id).total_cost == 12500


def test_att_clauses_drop_a_typed_att_and_empty_lines() -> None:
    from ib_tui.domain.meeting import att_clauses

    assert att_clauses(["att tillstyrka", "  ", " uppdra åt kontoret ", "att "]) == (
        "tillstyrka",
        "uppdra åt kontoret",
    )
