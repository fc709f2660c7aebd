"""What the meeting says on an entry: the decision (IB's position), remarks and who stood
aside (jäv)."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import datetime

from ib_tui.domain.meeting import (
    Absence,
    AbsenceReason,
    Decision,
    Outcome,
    Remark,
    RemarkKind,
)
from ib_tui.store.meetings.base import Repository, in_list, lines


class PositionRepository(Repository):
    def set_decision(self, entry_id: int, decision: Decision, *, user: str) -> None:
        assert decision.decided_at is not None
        self._conn.execute(
            "INSERT INTO decisions (entry_id, outcome, clauses, reason, decided_at, user, "
            "referred_to) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (entry_id) DO UPDATE SET "
            "outcome = excluded.outcome, clauses = excluded.clauses, reason = excluded.reason, "
            "decided_at = excluded.decided_at, user = excluded.user, "
            "referred_to = excluded.referred_to",
            (
                entry_id,
                decision.outcome.value,
                "\n".join(decision.clauses),
                decision.reason,
                decision.decided_at.isoformat(timespec="seconds"),
                user,
                decision.referred_to,
            ),
        )

    def add_remark(self, entry_id: int, remark: Remark) -> None:
        self._conn.execute(
            "INSERT INTO remarks (entry_id, member, kind, text) VALUES (?, ?, ?, ?)",
            (entry_id, remark.member, remark.kind.value, remark.text),
        )

    def set_absence(self, entry_id: int, member: str, reason: AbsenceReason | None) -> None:
        """Marks a member as not taking part in the entry (None: takes part again)."""
        if reason is None:
            self._conn.execute(
                "DELETE FROM entry_absences WHERE entry_id = ? AND member = ?", (entry_id, member)
            )
            return
        self._conn.execute(
            "INSERT INTO entry_absences (entry_id, member, reason) VALUES (?, ?, ?) "
            "ON CONFLICT (entry_id, member) DO UPDATE SET reason = excluded.reason",
            (entry_id, member, reason.value),
        )

    def decisions(self, conn: sqlite3.Connection, ids: Sequence[int]) -> dict[int, Decision]:
        return {
            entry_id: Decision(
                Outcome(outcome), lines(clauses), reason, datetime.fromisoformat(at), referred_to
            )
            for entry_id, outcome, clauses, reason, at, referred_to in conn.execute(
                "SELECT entry_id, outcome, clauses, reason, decided_at, referred_to FROM decisions "
                f"WHERE entry_id IN ({in_list(ids)})",
                list(ids),
            )
        }

    def remarks(self, conn: sqlite3.Connection, ids: Sequence[int]) -> dict[int, list[Remark]]:
        found: dict[int, list[Remark]] = {}
        for entry_id, member, kind, text in conn.execute(
            f"SELECT entry_id, member, kind, text FROM remarks WHERE entry_id IN ({in_list(ids)}) "
            "ORDER BY id",
            list(ids),
        ):
            found.setdefault(entry_id, []).append(Remark(member, RemarkKind(kind), text))
        return found

    def absences(self, conn: sqlite3.Connection, ids: Sequence[int]) -> dict[int, list[Absence]]:
        found: dict[int, list[Absence]] = {}
        for entry_id, member, reason in conn.execute(
            "SELECT entry_id, member, reason FROM entry_absences "
            f"WHERE entry_id IN ({in_list(ids)}) ORDER BY member",
            list(ids),
        ):
            found.setdefault(entry_id, []).append(Absence(member, AbsenceReason(reason)))
        return found
