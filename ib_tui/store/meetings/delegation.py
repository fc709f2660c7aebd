"""The decisions registered on items after IB's position: finansborgarrådet's on delegation
(reported to kommunstyrelsen), or kommunstyrelsen's, kommunfullmäktige's or a nämnd's."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime

from ib_tui.domain.meeting import DecidingBody, DelegationDecision, Meeting, MeetingStatus
from ib_tui.store.db import Store
from ib_tui.store.meetings.base import MeetingNotFound, Repository, in_list, iso, lines, to_date
from ib_tui.store.meetings.schedule import ScheduleRepository

_COLUMNS = (
    "d.id, d.item_id, d.decided_on, d.delegate, d.decision, i.dnr, i.title, m.date, d.body, "
    "d.delegation_point, d.meeting_ref, d.clauses, d.decision_dnr, d.granted, d.reported_on, "
    "i.confidential, i.confidential_ground"
)


class DelegationRepository(Repository):
    def __init__(self, store: Store, schedule: ScheduleRepository) -> None:
        super().__init__(store)
        self.schedule = schedule

    def add_delegation(self, decision: DelegationDecision, *, user: str, at: datetime) -> int:
        cursor = self._conn.execute(
            "INSERT INTO delegation_decisions (item_id, decided_on, delegate, decision, "
            "created_at, user, body, delegation_point, meeting_ref, clauses, decision_dnr, "
            "granted) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                decision.item_id, decision.decided_on.isoformat(), decision.delegate,
                decision.decision, at.isoformat(timespec="seconds"), user, decision.body.value,
                decision.delegation_point, decision.meeting_ref,
                "\n".join(decision.clauses) or None, decision.decision_dnr,
                None if decision.granted is None else int(decision.granted),
            ),
        )  # fmt: skip
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def get(self, decision_id: int) -> DelegationDecision:
        found = self._delegations("WHERE d.id = ?", [decision_id])
        if not found:
            raise MeetingNotFound(f"decision {decision_id}")
        return found[0]

    def delegation_decisions(self, meeting: Meeting) -> list[DelegationDecision]:
        """What the meeting lists för kännedom: the decisions frozen to it and, while it is
        still planned, the delegation decisions not yet listed that were taken before its day.
        A held meeting's list never changes (a decision registered later, dated before it, goes
        to the next meeting's list)."""
        if meeting.status is not MeetingStatus.PLANNED:
            return self._delegations("WHERE d.reported_meeting_id = ?", [meeting.id])
        return self._delegations(
            "WHERE d.reported_meeting_id = ? OR (d.reported_meeting_id IS NULL "
            "AND d.body = 'delegation' AND d.decided_on < ?)",
            [meeting.id, meeting.day.isoformat()],
        )

    def delegations_for_item(self, item_id: int) -> list[DelegationDecision]:
        return self._delegations("WHERE d.item_id = ?", [item_id])

    def in_period(self, start: date, end: date) -> list[DelegationDecision]:
        """The delegation decisions taken from `start` to `end`, both days included: what an
        anmälan to kommunstyrelsen lists."""
        return self._delegations(
            "WHERE d.body = ? AND d.decided_on >= ? AND d.decided_on <= ?",
            [DecidingBody.DELEGATION.value, start.isoformat(), end.isoformat()],
        )

    def mark_reported(self, ids: Sequence[int], day: date) -> None:
        """Records the day the decisions were reported to kommunstyrelsen (the first time only:
        a later copy of the same anmälan does not move the appeal clock)."""
        if ids:
            self._conn.execute(
                f"UPDATE delegation_decisions SET reported_on = ? WHERE id IN ({in_list(ids)}) "
                "AND reported_on IS NULL",
                [iso(day), *ids],
            )

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
            f"SELECT {_COLUMNS} FROM delegation_decisions d JOIN items i ON i.id = d.item_id "
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
                listed_on=to_date(listed_on),
                body=DecidingBody(body),
                delegation_point=point,
                meeting_ref=meeting_ref,
                clauses=lines(clauses),
                decision_dnr=decision_dnr,
                granted=None if granted is None else bool(granted),
                reported_on=to_date(reported_on),
                confidential=bool(confidential),
                confidential_ground=ground,
            )
            for (
                decision_id, item_id, decided_on, delegate, decision, dnr, title, listed_on, body,
                point, meeting_ref, clauses, decision_dnr, granted, reported_on, confidential,
                ground,
            ) in cursor
        ]  # fmt: skip
