"""Decisions taken under delegation (finansborgarrådet on a conference trip) and the meeting
they are reported to."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from ib_tui.domain.meeting import DelegationDecision, Meeting
from ib_tui.store.db import Store
from ib_tui.store.meetings.base import Repository, to_date
from ib_tui.store.meetings.schedule import ScheduleRepository


class DelegationRepository(Repository):
    def __init__(self, store: Store, schedule: ScheduleRepository) -> None:
        super().__init__(store)
        self.schedule = schedule

    def add_delegation(
        self,
        item_id: int,
        decided_on: date,
        delegate: str,
        decision: str,
        *,
        user: str,
        at: datetime,
    ) -> int:
        cursor = self._conn.execute(
            "INSERT INTO delegation_decisions (item_id, decided_on, delegate, decision, "
            "created_at, user) VALUES (?, ?, ?, ?, ?, ?)",
            (item_id, decided_on.isoformat(), delegate, decision,
             at.isoformat(timespec="seconds"), user),
        )  # fmt: skip
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def delegation_decisions(self, meeting: Meeting) -> list[DelegationDecision]:
        """What the meeting's "Anmälan av delegationsbeslut" lists: the decisions frozen to it,
        and the unreported ones taken since the previous meeting's day (KL 6:40)."""
        previous = self.schedule.previous(meeting.day)
        since = previous.day.isoformat() if previous else "0000-01-01"
        return self._delegations(
            "WHERE d.reported_meeting_id = ? OR (d.reported_meeting_id IS NULL "
            "AND d.decided_on >= ? AND d.decided_on < ?)",
            [meeting.id, since, meeting.day.isoformat()],
        )

    def delegations_for_item(self, item_id: int) -> list[DelegationDecision]:
        return self._delegations("WHERE d.item_id = ?", [item_id])

    def freeze_delegations(self, meeting: Meeting) -> None:
        """Ties the listed decisions to the meeting once it is held, so a later meeting's
        dates cannot move them."""
        ids = [decision.id for decision in self.delegation_decisions(meeting)]
        self._conn.executemany(
            "UPDATE delegation_decisions SET reported_meeting_id = ? WHERE id = ?",
            [(meeting.id, decision_id) for decision_id in ids],
        )

    def _delegations(self, where: str, params: Iterable[object]) -> list[DelegationDecision]:
        cursor = self._conn.execute(
            "SELECT d.id, d.item_id, d.decided_on, d.delegate, d.decision, i.dnr, i.title, "
            "m.date, i.confidential, i.confidential_ground "
            "FROM delegation_decisions d JOIN items i ON i.id = d.item_id "
            f"LEFT JOIN meetings m ON m.id = d.reported_meeting_id {where} "
            "ORDER BY d.decided_on, d.id",
            list(params),
        )
        return [
            DelegationDecision(
                id=decision_id,
                item_id=item_id,
                decided_on=date.fromisoformat(decided_on),
                delegate=delegate,
                decision=decision,
                dnr=dnr,
                title=title,
                reported_on=to_date(reported_on),
                confidential=bool(confidential),
                confidential_ground=ground,
            )
            for (
                decision_id,
                item_id,
                decided_on,
                delegate,
                decision,
                dnr,
                title,
                reported_on,
                confidential,
                ground,
            ) in cursor
        ]
