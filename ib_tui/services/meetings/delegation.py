"""Decisions taken under delegation, registered on the item afterwards."""

from __future__ import annotations

from datetime import date

from ib_tui.domain.meeting import DelegationDecision, delegation_label
from ib_tui.domain.model import Status
from ib_tui.services.meetings.base import MeetingError, MeetingUseCases


class DelegationUseCases(MeetingUseCases):
    def register_delegation(
        self, item_id: int, decided_on: date, delegate: str, decision: str
    ) -> DelegationDecision:
        """A decision taken under delegation (finansborgarrådet on a conference trip): the item
        is beslutad, and the decision is listed at the next meeting's "Anmälan av
        delegationsbeslut"."""
        if not delegate.strip() or not decision.strip():
            raise MeetingError("ange delegat och beslut")
        delegations = self.repository.delegations
        with self.context.store.transaction():
            item = self.items.get(item_id)
            decision_id = delegations.add_delegation(
                item_id, decided_on, delegate.strip(), decision.strip(),
                user=self.context.user, at=self.context.now(),
            )  # fmt: skip
            self._audit(
                "delegation_decision", "register", entity_id=decision_id,
                field=f"item {item_id}", new_value=f"{decided_on.isoformat()}; {delegate.strip()}; "
                f"{decision.strip()}",
            )  # fmt: skip
            note = delegation_label(decided_on, delegate)
            self._log(item_id, "decision", field="decision", new_value=note, note=decision.strip())
            if item.status is not Status.DECIDED:
                self.items.set_status(
                    item_id, Status.DECIDED, user=self.context.user, at=self.context.now(),
                    reason=note, action="decision",
                )  # fmt: skip
        return next(d for d in delegations.delegations_for_item(item_id) if d.id == decision_id)
