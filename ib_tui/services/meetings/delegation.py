"""The decision on an item, registered afterwards by whoever has the power, and the anmälan of
the delegation decisions to kommunstyrelsen (KL 6 kap. 40 §)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from ib_tui.domain.dates import format_date
from ib_tui.domain.meeting import DecidingBody, DelegationDecision, att_clauses
from ib_tui.domain.model import Status
from ib_tui.services.meetings.base import MeetingError, MeetingUseCases


@dataclass(frozen=True, slots=True)
class DelegationReport:
    """The anmälan of the delegation decisions taken in a period, and the day it was made."""

    start: date
    end: date
    reported_on: date
    decisions: tuple[DelegationDecision, ...]


class DelegationUseCases(MeetingUseCases):
    def register_delegation(
        self,
        item_id: int,
        decided_on: date,
        delegate: str,
        decision: str = "",
        *,
        body: DecidingBody = DecidingBody.DELEGATION,
        clauses: Sequence[str] = (),
        delegation_point: str | None = None,
        meeting_ref: str | None = None,
        decision_dnr: str | None = None,
        granted: bool | None = None,
    ) -> DelegationDecision:
        """The decision taken after IB's position (finansborgarrådet on delegation, KS, KF, a
        nämnd): only now is the item beslutad. A delegation decision is later reported to
        kommunstyrelsen (`report_delegations`), and IB's next meeting lists it för kännedom."""
        clauses = att_clauses(clauses)
        if not delegate.strip() or not (decision.strip() or clauses):
            raise MeetingError("ange vem som beslutade och beslutet")
        if decided_on > self.context.today():
            raise MeetingError(
                f"beslutsdatumet {format_date(decided_on)} ligger i framtiden; registrera "
                "beslutet när det är fattat"
            )
        value = DelegationDecision(
            item_id=item_id,
            decided_on=decided_on,
            delegate=delegate.strip(),
            decision=decision.strip(),
            body=body,
            delegation_point=(delegation_point or "").strip() or None,
            meeting_ref=(meeting_ref or "").strip() or None,
            clauses=clauses,
            decision_dnr=(decision_dnr or "").strip() or None,
            granted=granted,
        )
        delegations = self.repository.delegations
        with self.context.store.transaction():
            item = self.items.get(item_id)
            decision_id = delegations.add_delegation(
                value, user=self.context.user, at=self.context.now()
            )
            stored = delegations.get(decision_id)
            self._audit(
                "delegation_decision", "register", entity_id=decision_id,
                field=f"item {item_id}",
                new_value=f"{decided_on.isoformat()}; {stored.delegate}; {stored.text}",
            )  # fmt: skip
            self._log(
                item_id, "decision", field="decision", new_value=stored.label, note=stored.text
            )
            if item.status is not Status.DECIDED:
                self.items.set_status(
                    item_id, Status.DECIDED, user=self.context.user, at=self.context.now(),
                    reason=stored.label, action="decision",
                )  # fmt: skip
        return stored

    def decisions_for_item(self, item_id: int) -> list[DelegationDecision]:
        return self.repository.delegations.delegations_for_item(item_id)

    def delegation_report(self, start: date, end: date, *, record: bool) -> DelegationReport:
        """The delegation decisions taken from `start` to `end` for the anmälan to
        kommunstyrelsen. With `record`, each is marked reported today (its first reporting
        only: the appeal clock starts from there, KL 13 kap.) and the item's history says so."""
        if end < start:
            raise MeetingError("periodens slut ligger före dess början")
        delegations = self.repository.delegations
        today = self.context.today()
        found = delegations.in_period(start, end)
        if record and found:
            with self.context.store.transaction():
                new = [d for d in found if d.reported_on is None and d.id is not None]
                delegations.mark_reported([d.id for d in new], today)  # type: ignore[misc]
                for decision in new:
                    self._audit(
                        "delegation_decision", "reported", entity_id=decision.id,
                        new_value=today.isoformat(),
                    )  # fmt: skip
                    self._log(
                        decision.item_id, "reported", field="reported_on",
                        new_value=today.isoformat(),
                        note=f"{decision.label} anmäld till kommunstyrelsen",
                    )  # fmt: skip
            found = delegations.in_period(start, end)
        return DelegationReport(start, end, today, tuple(found))
