"""Running the meeting: the position taken on each entry, remarks and jäv.

A decision moves its item's status in the same transaction and is written to the item's history
(action "decision"), so the register, the trail and the minutes never disagree.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from ib_tui.domain.meeting import (
    AbsenceReason,
    AgendaEntry,
    Decision,
    Meeting,
    Outcome,
    Remark,
    att_clauses,
    default_clauses,
)
from ib_tui.domain.model import Item
from ib_tui.domain.positions import DEFAULT_REFERRED_TO
from ib_tui.services.meetings.base import MeetingError, MeetingUseCases


@dataclass(frozen=True, slots=True)
class DecisionResult:
    entry: AgendaEntry
    item: Item | None
    tabled_to: date | None = None  # bordläggning: the meeting the item moved to


class PositionUseCases(MeetingUseCases):
    def decide(
        self,
        entry: AgendaEntry,
        outcome: Outcome,
        clauses: Sequence[str] | None = None,
        reason: str | None = None,
        referred_to: str | None = None,
    ) -> DecisionResult:
        """Records the meeting's position on an entry and moves its item: tillstyrks →
        tillstyrkt i IB, avstyrks → avstyrkt i IB, lyfts till KS → lyft till kommunstyrelsen,
        noteras → noterat i IB, återremiss → under beredning (with to whom and why),
        bordläggning → onto the next meeting's agenda, first after the opening. A deciding
        organ's bifall and avslag make the item beslutad."""
        assert entry.id is not None
        reason = (reason or "").strip() or None
        if outcome.needs_reason and not reason:
            raise MeetingError("ange skälet till återremissen")
        organ = self.repository.schedule.organ()
        decision = Decision(
            outcome,
            att_clauses(clauses or ()) or default_clauses(outcome, entry.proposal),
            reason,
            self.context.now(),
            ((referred_to or "").strip() or DEFAULT_REFERRED_TO) if outcome.needs_reason else None,
        )
        tabled_to = None
        agenda = self.repository.agenda
        with self.context.store.transaction():
            meeting = agenda.entry_meeting(entry.id)
            self.repository.positions.set_decision(entry.id, decision, user=self.context.user)
            self._audit(
                "decision", "set", entity_id=entry.id, field=entry.heading,
                old_value=_decision_text(entry.decision), new_value=_decision_text(decision),
            )  # fmt: skip
            item = entry.item
            if item is not None and item.id is not None:
                self._log(
                    item.id,
                    "decision",
                    field="decision",
                    new_value=outcome.label_for(organ),
                    note=decision.sentence(organ),
                )
                status = outcome.status_after(organ)
                if status and status is not item.status:
                    item = self.items.set_status(
                        item.id,
                        status,
                        user=self.context.user,
                        at=self.context.now(),
                        reason=decision.sentence(organ),
                        action="decision",
                    )
                if outcome is Outcome.TABLED:
                    tabled_to = self._table(item, meeting)
        stored = next(e for e in agenda.entries(self._id(meeting)) if e.id == entry.id)
        return DecisionResult(self._judged(stored), item, tabled_to)

    def _table(self, item: Item, meeting: Meeting) -> date | None:
        assert item.id is not None
        following = self.repository.schedule.following(meeting.day)
        if following is None:
            return None
        if self.repository.agenda.add_to_agenda(
            self._id(following), item.id, tabled_from=meeting.day
        ):
            self._log(item.id, "agenda", new_value=following.day.isoformat(), note="bordlagt")
        return following.day

    def add_remark(self, entry_id: int, remark: Remark) -> None:
        if not remark.text.strip():
            raise MeetingError("texten får inte vara tom")
        with self.context.store.transaction():
            self.repository.positions.add_remark(
                entry_id, replace(remark, text=remark.text.strip())
            )
            self._audit(
                "remark", "add", entity_id=entry_id, field=remark.kind.value,
                new_value=f"{remark.member}: {remark.text.strip()}",
            )  # fmt: skip

    def set_absence(self, entry_id: int, member: str, reason: AbsenceReason | None) -> None:
        with self.context.store.transaction():
            self.repository.positions.set_absence(entry_id, member, reason)
            self._audit(
                "absence", "set", entity_id=entry_id, field=member,
                new_value=reason.value if reason else None,
            )  # fmt: skip


def _decision_text(decision: Decision | None) -> str | None:
    if decision is None:
        return None
    return f"{decision.outcome.value}: {decision.sentence()}"
