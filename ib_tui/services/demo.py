"""The demo database: realistic items and meetings from ib_tui/data/demo.json."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime, time, timedelta, tzinfo
from importlib import resources
from typing import Any

from ib_tui.domain.itemformat import validate_documents
from ib_tui.domain.meeting import (
    DecidingBody,
    Decision,
    DelegationDecision,
    EntryKind,
    MeetingStatus,
    Outcome,
    default_clauses,
)
from ib_tui.domain.model import Kind, Status
from ib_tui.services.context import ServiceContext
from ib_tui.services.meetings import MeetingService
from ib_tui.store import ItemRepository, MeetingRepository

# IB's position on an item at a past demo meeting, by the status the item ended in: a decided
# item was tillstyrkt first, a written-off one avstyrkt.
DEMO_OUTCOMES = {
    Status.ENDORSED: Outcome.ENDORSED,
    Status.OPPOSED: Outcome.OPPOSED,
    Status.RAISED_TO_KS: Outcome.RAISED_TO_KS,
    Status.NOTED: Outcome.NOTED,
    Status.DECIDED: Outcome.ENDORSED,
    Status.WRITTEN_OFF: Outcome.OPPOSED,
}
JUSTERING_AFTER = timedelta(days=7)
PRESENTER = "Erik Sandberg, stadsledningskontoret"
# The proposal the demo's agenda entries carry, by kind, as clauses of "Beredningen
# tillstyrker att …".
DEMO_PROPOSALS = {
    Kind.CONFERENCE: ("deltagande beviljas i enlighet med ansökan",),
    Kind.DECLARATION: ("staden ställer sig bakom deklarationen",),
    Kind.VISIT: ("staden tar emot delegationen",),
    Kind.REPRESENTATION: ("mottagningen hålls i Stadshuset",),
    Kind.COOPERATION: (
        "nämnden ingår samarbetet",
        "stadsledningskontoret följer upp det",
    ),
    Kind.MEMBERSHIP: ("staden ansluter sig som medlem",),
}


def demo_data() -> dict[str, Any]:
    text = resources.files("ib_tui").joinpath("data/demo.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def load_demo(context: ServiceContext) -> int:
    """Fills an empty database with the demo set; returns the number of items.

    Each item is registered on its `received` date and moved to its status on `status_date`,
    so the history and the list's dates look like a real year."""
    data = demo_data()
    result = validate_documents(entry["item"] for entry in data["items"])
    if not result.ok:  # the shipped file is tested; this guards against edits
        raise ValueError("demo.json: " + "; ".join(str(error) for error in result.errors))
    repository = ItemRepository(context.store)
    meetings = MeetingRepository(context.store)
    zone = context.now().tzinfo
    with context.store.transaction():
        for meeting in data["meetings"]:
            meetings.schedule.ensure(
                datetime.fromisoformat(meeting["date"]).date(), meeting["time"], meeting["place"]
            )
        for entry, item in zip(data["items"], result.items, strict=True):
            assert item.received is not None  # every demo item has one (tests/services)
            registered = datetime.combine(item.received, time(9, 0), zone)
            item_id = repository.insert(item, user="demo", at=registered)
            if item.meeting:
                meeting_id, _ = meetings.schedule.ensure(item.meeting)
                meetings.agenda.add_to_agenda(meeting_id, item_id)
            status = Status(entry["status"])
            if status is not Status.RECEIVED:
                changed = datetime.combine(
                    datetime.fromisoformat(entry["status_date"]).date(), time(15, 0), zone
                )
                repository.set_status(
                    item_id, status, user="demo", at=changed, reason=entry.get("status_reason")
                )
        _name_members(meetings, data["members"])
        _prepare_agendas(meetings)
        _hold_past_meetings(context, zone)
        for delegation in data["delegations"]:
            decided = repository.find_by_dnr(delegation["dnr"])
            assert decided is not None and decided.id is not None, delegation["dnr"]
            decided_on = date.fromisoformat(delegation["decided_on"])
            at = datetime.combine(decided_on, time(11, 0), zone)
            value = DelegationDecision(
                item_id=decided.id, decided_on=decided_on, delegate=delegation["delegate"],
                decision=delegation.get("decision", ""),
                body=DecidingBody(delegation.get("body", "delegation")),
                delegation_point=delegation.get("delegation_point"),
                meeting_ref=delegation.get("meeting_ref"),
                clauses=tuple(delegation.get("clauses", ())), decision_dnr=decided.dnr,
                granted=delegation.get("granted"),
            )  # fmt: skip
            decision_id = meetings.delegations.add_delegation(value, user="demo", at=at)
            stored = meetings.delegations.get(decision_id)
            repository.log(
                decided.id, user="demo", at=at, action="decision", field="decision",
                new_value=stored.label, note=stored.text,
            )  # fmt: skip
            if reported := delegation.get("reported_on"):
                meetings.delegations.mark_reported([decision_id], date.fromisoformat(reported))
    return len(result.items)


def _name_members(meetings: MeetingRepository, names: list[dict[str, str]]) -> None:
    by_title = {entry["title"]: entry["name"] for entry in names}
    for member in meetings.members.members():
        if member.title in by_title:
            meetings.members.save_member(replace(member, name=by_title[member.title]))


def _prepare_agendas(meetings: MeetingRepository) -> None:
    for meeting in meetings.schedule.all():
        assert meeting.id is not None
        for entry in meetings.agenda.entries(meeting.id):
            if entry.item is not None and entry.id is not None:
                meetings.agenda.update_entry(
                    entry.id, heading=entry.heading, presenter=PRESENTER,
                    proposal=DEMO_PROPOSALS[entry.item.kind], discussion=None,
                )  # fmt: skip


def _hold_past_meetings(context: ServiceContext, zone: tzinfo | None) -> None:
    """Past meetings were held: their items carry decisions that match their statuses, their
    § numbers run through the year, and those older than the justering period are justerade."""
    service = MeetingService(context)
    meetings, repository, today = service.repository, service.items, context.today()
    for meeting in meetings.schedule.all():
        if meeting.day >= today:
            continue
        at = datetime.combine(meeting.day, meeting.time, zone)
        assert meeting.id is not None
        for entry in meetings.agenda.entries(meeting.id):
            if entry.item is None and entry.proposal:  # the agenda approved
                decision = Decision(Outcome.AGREED, entry.proposal, None, at)
                meetings.positions.set_decision(entry.id, decision, user="demo")  # type: ignore[arg-type]
            elif entry.kind is EntryKind.DELEGATION:  # the delegation decisions, för kännedom
                decision = Decision(Outcome.NOTED, (), None, at)
                meetings.positions.set_decision(entry.id, decision, user="demo")  # type: ignore[arg-type]
            outcome = DEMO_OUTCOMES.get(entry.item.status) if entry.item else None
            if outcome is None or entry.item is None or entry.item.id is None:
                continue
            decision = Decision(outcome, default_clauses(outcome, entry.proposal), None, at)
            meetings.positions.set_decision(entry.id, decision, user="demo")  # type: ignore[arg-type]
            repository.log(
                entry.item.id, user="demo", at=at, action="decision", field="decision",
                new_value=outcome.label, note=decision.sentence(),
            )  # fmt: skip
        service.set_status(meeting.id, MeetingStatus.HELD)  # § numbers, as a real meeting
        meeting = meetings.schedule.get(meeting.id)
        adjusted = meeting.day + JUSTERING_AFTER
        done = adjusted < today
        meetings.schedule.update(
            replace(
                meeting,
                status=MeetingStatus.ADJUSTED if done else MeetingStatus.HELD,
                # A beredning's notes are approved by the chair: no justerare, no anslag.
                adjusted_on=adjusted if done else None,
            )
        )
