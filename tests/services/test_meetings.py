"""Meetings through the service layer: agenda order, IB's positions and what they do to items,
§ numbers, attendance, remarks, and the decisions registered afterwards."""

from __future__ import annotations

from datetime import date

import pytest

from ib_tui.domain.meeting import (
    AbsenceReason,
    DecidingBody,
    EntryKind,
    MeetingStatus,
    Outcome,
    Remark,
    RemarkKind,
)
from ib_tui.domain.model import Item, Status
from ib_tui.domain.organ import OrganKind
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
        "Godkännande av föredragningslistan",
        "Delegationsbeslut för kännedom",
        "Övriga frågor",
        "Sammanträdets avslutande",
    ]
    with pytest.raises(MeetingError, match="finns redan"):
        services.meetings.create(DAY)


def test_a_deciding_organ_elects_a_justerare_and_has_delegation_decisions_reported(
    services: Services,
) -> None:
    organ = services.meetings.set_organ("Kulturnämnden", OrganKind.DECIDING)
    assert organ.deciding and services.meetings.organ().name == "Kulturnämnden"
    meeting = services.meetings.create(DAY)
    assert headings(services, meeting.id) == [
        "Sammanträdets öppnande",
        "Val av justerare",
        "Godkännande av föredragningslistan",
        "Anmälan av delegationsbeslut",
        "Övriga frågor",
        "Sammanträdets avslutande",
    ]
    item = ready(services, title="Bidrag")
    services.meetings.add_item(meeting.id, item.id)
    entry = services.meetings.record(meeting.id).items[0]
    result = services.meetings.decide(entry, Outcome.ENDORSED)
    assert result.item.status is Status.DECIDED  # the meeting's bifall is the decision
    assert result.entry.decision.sentence(organ) == "Kulturnämnden beslutar att bifalla ansökan."
    with pytest.raises(MeetingError, match="namn"):
        services.meetings.set_organ(" ", OrganKind.BEREDNING)


def test_items_go_between_opening_and_closing_and_can_be_moved(
    services: Services, meeting_id: int
) -> None:
    first = ready(services, title="Första", dnr="KS 2026/1")
    second = ready(services, title="Andra", dnr="KS 2026/2")
    assert [i.title for i in services.meetings.candidates(meeting_id)] == ["Första", "Andra"]
    services.meetings.add_item(meeting_id, first.id)
    services.meetings.add_item(meeting_id, second.id)
    assert headings(services, meeting_id)[2:4] == ["Första", "Andra"]
    assert services.meetings.candidates(meeting_id) == []
    with pytest.raises(MeetingError, match="redan"):
        services.meetings.add_item(meeting_id, first.id)

    entry = services.meetings.record(meeting_id).items[1]
    assert services.meetings.move_entry(entry.id, -1)
    assert headings(services, meeting_id)[2:4] == ["Andra", "Första"]
    top = services.meetings.record(meeting_id).entries[0]
    assert not services.meetings.move_entry(top.id, -1)  # already first

    services.meetings.remove_entry(services.meetings.record(meeting_id).items[0].id)
    assert headings(services, meeting_id)[2] == "Första"
    assert [i.title for i in services.meetings.candidates(meeting_id)] == ["Andra"]
    trail = [(e.action, e.new_value, e.old_value) for e in services.items.history(second.id)]
    assert ("agenda", DAY.isoformat(), None) in trail and ("agenda", None, DAY.isoformat()) in trail


def test_each_outcome_moves_the_item_and_is_in_its_history(
    services: Services, meeting_id: int
) -> None:
    # IB's position never makes an item beslutad: only the decision registered afterwards does.
    expected = {
        Outcome.ENDORSED: Status.ENDORSED,
        Outcome.OPPOSED: Status.OPPOSED,
        Outcome.REFERRED_BACK: Status.IN_PREPARATION,
        Outcome.TABLED: Status.READY,
        Outcome.RAISED_TO_KS: Status.RAISED_TO_KS,
        Outcome.NOTED: Status.NOTED,
    }
    sentences = {
        Outcome.ENDORSED: "Beredningen tillstyrker ansökan.",
        Outcome.OPPOSED: "Beredningen avstyrker ansökan.",
        Outcome.REFERRED_BACK: "Beredningen återremitterar ärendet till kansliet för vidare "
        "beredning. Skäl: en kostnadskalkyl saknas.",
        Outcome.TABLED: "Beredningen bordlägger ärendet till nästa sammanträde.",
        Outcome.RAISED_TO_KS: "Beredningen lyfter ärendet till kommunstyrelsen för beslut.",
        Outcome.NOTED: "Beredningen noterar informationen.",
    }
    for number, outcome in enumerate(expected, start=1):
        item = ready(services, title=f"Ärende {outcome.value}", dnr=f"KS 2026/{number}")
        services.meetings.add_item(meeting_id, item.id)
    for entry, (outcome, status) in zip(
        services.meetings.record(meeting_id).items, expected.items(), strict=True
    ):
        reason = "en kostnadskalkyl saknas" if outcome.needs_reason else None
        to = "kansliet" if outcome.needs_reason else None
        result = services.meetings.decide(entry, outcome, reason=reason, referred_to=to)
        assert result.item.status is status, outcome
        assert result.entry.decision.outcome is outcome
        assert result.entry.decision.sentence() == sentences[outcome]
        trail = services.items.history(entry.item.id)
        decision = next(e for e in trail if e.action == "decision")
        assert decision.new_value == outcome.label
        assert decision.note == sentences[outcome]
        assert "beslutar" not in decision.note
    referred = services.meetings.record(meeting_id).items[2]
    assert referred.decision.reason == "en kostnadskalkyl saknas"
    assert referred.decision.referred_to == "kansliet"
    assert referred.decision.clauses == ()


def test_approval_adopts_the_proposal_and_återremiss_needs_a_reason(
    services: Services, meeting_id: int
) -> None:
    item = ready(services, title="Konferens")
    services.meetings.add_item(meeting_id, item.id)
    entry = services.meetings.record(meeting_id).items[0]
    services.meetings.edit_entry(
        entry.id, heading="Konferens i Oslo", presenter="Erik Sandberg",
        proposal=["att deltagande beviljas", "kontoret redovisar resan"], discussion="",
    )  # fmt: skip
    entry = services.meetings.record(meeting_id).items[0]
    assert entry.heading == "Konferens i Oslo"
    assert entry.proposal == ("deltagande beviljas", "kontoret redovisar resan")
    with pytest.raises(MeetingError, match="skälet"):
        services.meetings.decide(entry, Outcome.REFERRED_BACK)
    result = services.meetings.decide(entry, Outcome.ENDORSED)
    assert result.entry.decision.sentence() == (
        "Beredningen tillstyrker\natt deltagande beviljas\natt kontoret redovisar resan"
    )
    with pytest.raises(MeetingError, match="beslut"):
        services.meetings.remove_entry(result.entry.id)


def test_removing_an_entry_reads_it_again_first(services: Services, meeting_id: int) -> None:
    """Shown undecided here, decided in another window since: the removal is refused."""
    item = ready(services, title="Konferens")
    services.meetings.add_item(meeting_id, item.id)
    shown = services.meetings.record(meeting_id).items[0]
    other = Services.open(services.store.path, user="bertil")
    try:
        other.meetings.decide(other.meetings.record(meeting_id).items[0], Outcome.NOTED)
    finally:
        other.close()
    assert shown.decision is None
    with pytest.raises(MeetingError, match="beslut"):
        services.meetings.remove_entry(shown.id)
    assert services.meetings.record(meeting_id).items[0].decision is not None


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
    assert [e.kind for e in following.entries[:2]] == [EntryKind.OPENING] * 2


def test_paragraphs_run_through_the_year_and_are_fixed_when_held(
    services: Services, meeting_id: int
) -> None:
    record = services.meetings.record(meeting_id)
    assert [e.paragraph for e in record.entries] == [1, 2, 3, 4, 5]  # provisional
    services.meetings.set_status(meeting_id, MeetingStatus.HELD)
    following = services.meetings.record(services.meetings.on(NEXT).id)
    assert following.entries[0].paragraph == 1  # a new calendar year starts at § 1
    later = services.meetings.create(date(2026, 12, 16))
    assert services.meetings.record(later.id).entries[0].paragraph == 6
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


def test_delegation_decisions_are_listed_for_information_at_the_next_meeting(
    services: Services, meeting_id: int
) -> None:
    trip = services.items.register(make_item(title="Resa", dnr="KS 2026/77"))
    decided = services.meetings.register_delegation(
        trip.id, date(2026, 11, 20), "Finansborgarrådet", "Godkänner resan."
    )
    assert decided.dnr == "KS 2026/77"
    assert services.items.get(trip.id).status is Status.DECIDED
    record = services.meetings.record(meeting_id)
    assert [d.decision for d in record.delegation_decisions] == ["Godkänner resan."]
    # Held: the decision stays with this meeting, and the next one does not list it again.
    services.meetings.set_status(meeting_id, MeetingStatus.HELD)
    assert services.meetings.record(services.meetings.on(NEXT).id).delegation_decisions == ()
    assert services.meetings.record(meeting_id).delegation_decisions[0].listed_on == DAY
    # Listing it at IB is not reporting it to kommunstyrelsen.
    assert decided.reported_on is None


def test_an_item_is_decided_only_when_the_decision_is_registered(
    services: Services, meeting_id: int
) -> None:
    item = ready(services, title="Konferens i Wien", dnr="KS 2026/80")
    services.meetings.add_item(meeting_id, item.id)
    entry = services.meetings.record(meeting_id).items[0]
    assert services.meetings.decide(entry, Outcome.ENDORSED).item.status is Status.ENDORSED
    with pytest.raises(MeetingError, match="framtiden"):
        services.meetings.register_delegation(
            item.id, date(2026, 12, 24), "Finansborgarrådet", clauses=["godkänna resan"]
        )
    with pytest.raises(MeetingError, match="beslutet"):
        services.meetings.register_delegation(item.id, date(2026, 11, 20), "Finansborgarrådet")
    decision = services.meetings.register_delegation(
        item.id, date(2026, 11, 20), "Finansborgarrådet",
        clauses=["att godkänna deltagande för två personer"],
        delegation_point="KS delegationsordning", decision_dnr="KS 2026/80-2", granted=True,
    )  # fmt: skip
    assert services.items.get(item.id).status is Status.DECIDED
    assert decision.text == "Finansborgarrådet beslutar att godkänna deltagande för två personer."
    assert (decision.delegation_point, decision.decision_dnr, decision.granted) == (
        "KS delegationsordning", "KS 2026/80-2", True,
    )  # fmt: skip
    trail = [(e.action, e.new_value) for e in services.items.history(item.id)]
    assert ("decision", "Delegationsbeslut 2026-11-20 av Finansborgarrådet") in trail
    ks = services.meetings.register_delegation(
        item.id, date(2026, 11, 21), "Kommunstyrelsen", clauses=["godkänna avtalet"],
        body=DecidingBody.KS, meeting_ref="KS 2026-11-21 § 4",
    )  # fmt: skip
    assert not ks.reportable and ks.label == "Beslut 2026-11-21 av Kommunstyrelsen"


def test_the_report_to_ks_lists_the_period_and_records_the_day_once(services: Services) -> None:
    trips = [
        services.items.register(make_item(title=f"Resa {n}", dnr=f"KS 2026/9{n}"))
        for n in (1, 2, 3)
    ]
    days = (date(2026, 10, 31), date(2026, 11, 2), date(2026, 11, 20))
    for trip, day in zip(trips, days, strict=True):
        services.meetings.register_delegation(trip.id, day, "Finansborgarrådet", "Godkänt.")
    services.meetings.register_delegation(
        trips[1].id, date(2026, 11, 3), "Kommunstyrelsen", "Godkänt.", body=DecidingBody.KS
    )
    report = services.meetings.delegation_report(
        date(2026, 11, 1), date(2026, 11, 30), record=False
    )
    assert [d.dnr for d in report.decisions] == ["KS 2026/92", "KS 2026/93"]  # KS's own is not
    assert all(d.reported_on is None for d in report.decisions)
    report = services.meetings.delegation_report(date(2026, 11, 1), date(2026, 11, 30), record=True)
    assert {d.reported_on for d in report.decisions} == {date(2026, 11, 23)}
    assert ("reported", "2026-11-23") in [
        (e.action, e.new_value) for e in services.items.history(trips[1].id)
    ]
    with pytest.raises(MeetingError, match="före"):
        services.meetings.delegation_report(date(2026, 11, 30), date(2026, 11, 1), record=False)


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
