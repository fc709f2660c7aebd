"""Migration 4 on a database written by the old schema (version 3): IB's "decisions" become its
positions, delegation decisions stay decisions, and nothing is lost."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ib_tui.domain.meeting import DecidingBody, Outcome
from ib_tui.domain.model import Status
from ib_tui.services import Services
from ib_tui.store.migrations import MIGRATION_BEREDNING, MIGRATIONS

OLD_VERSION = MIGRATIONS.index(MIGRATION_BEREDNING)  # the schema before this migration
NOW = "2026-02-18T15:00:00+01:00"


def _old_database(path: Path) -> None:
    connection = sqlite3.connect(path, isolation_level=None)
    for statements in MIGRATIONS[:OLD_VERSION]:
        for statement in statements:
            if callable(statement):  # a step in Python (the trail chains existing rows)
                statement(connection)
            else:
                connection.execute(statement)
    connection.execute(f"PRAGMA user_version = {OLD_VERSION}")
    items = [
        (1, "conference", "Resa godkänd på delegation", "KS 2026/1", "decided"),
        (2, "conference", "Tillstyrkt i IB", "KS 2026/2", "decided"),
        (3, "declaration", "Avstyrkt i IB", "KS 2026/3", "decided"),
        (4, "cooperation", "Hänskjutet till KF", "KS 2026/4", "decided"),
        (5, "visit", "Utan åtgärd", "KS 2026/5", "written_off"),
        (6, "visit", "Återremitterat", "KS 2026/6", "in_preparation"),
        (7, "membership", "Beslutat utan möte", "KS 2026/7", "decided"),
    ]
    connection.executemany(
        "INSERT INTO items (id, kind, title, dnr, received, status, status_changed, created_at, "
        "updated_at) VALUES (?, ?, ?, ?, '2026-01-10', ?, ?, ?, ?)",
        [(*row, NOW, NOW, NOW) for row in items],
    )
    connection.execute(
        "INSERT INTO meetings (id, date, status) VALUES (1, '2026-02-18', 'adjusted')"
    )
    entries = [
        (10, 1, None, "opening", "Val av justerare", "utse justerare"),
        (11, 2, 2, "item", "Tillstyrkt i IB", "tillstyrka deltagande"),
        (12, 3, 3, "item", "Avstyrkt i IB", None),
        (13, 4, 4, "item", "Hänskjutet till KF", None),
        (14, 5, 5, "item", "Utan åtgärd", None),
        (15, 6, 6, "item", "Återremitterat", None),
        (16, 7, None, "delegation", "Anmälan av delegationsbeslut", "till handlingarna"),
        (17, 8, 1, "item", "Resa godkänd på delegation", None),
    ]  # fmt: skip
    connection.executemany(
        "INSERT INTO agenda_entries (id, meeting_id, position, item_id, kind, heading, proposal)"
        " VALUES (?, 1, ?, ?, ?, ?, ?)",
        entries,
    )
    decisions = [
        (10, "approved", "utse justerare", None),
        (11, "approved", "tillstyrka deltagande", None),
        (12, "rejected", "avslå förslaget", None),
        (13, "to_kf", "hänskjuta ärendet till kommunfullmäktige", None),
        (14, "no_action", "lämna ärendet utan åtgärd", None),
        (15, "referred_back", "återremittera ärendet för en kalkyl", "en kalkyl"),
        (16, "approved", "till handlingarna", None),
        (17, "approved", "bifalla förslaget", None),
    ]
    connection.executemany(
        "INSERT INTO decisions (entry_id, outcome, clauses, reason, decided_at, user) "
        "VALUES (?, ?, ?, ?, ?, 'sekr')",
        [(*row[:4], NOW) for row in decisions],
    )
    connection.execute(
        "INSERT INTO delegation_decisions (id, item_id, decided_on, delegate, decision, "
        "reported_meeting_id, created_at, user) VALUES (1, 1, '2026-02-10', "
        "'Finansborgarrådet', 'Finansborgarrådet beslutar att godkänna resan.', 1, ?, 'sekr')",
        (NOW,),
    )
    connection.close()


def test_old_decisions_become_positions_and_delegation_decisions_stay(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    _old_database(path)
    services = Services.open(path, user="testare")
    try:
        status = {item.dnr: services.items.get(item.id).status for item in _items(services)}
        assert status == {
            "KS 2026/1": Status.DECIDED,  # a delegation decision: still decided
            "KS 2026/2": Status.ENDORSED,
            "KS 2026/3": Status.OPPOSED,
            "KS 2026/4": Status.RAISED_TO_KS,  # KF is always prepared by KS
            "KS 2026/5": Status.WRITTEN_OFF,
            "KS 2026/6": Status.IN_PREPARATION,
            "KS 2026/7": Status.DECIDED,  # decided without a meeting: left as it was
        }
        record = services.meetings.record(1)
        by_heading = {entry.heading: entry for entry in record.entries}
        assert by_heading["Val av justerare"].decision.outcome is Outcome.AGREED
        endorsed = by_heading["Tillstyrkt i IB"].decision
        assert endorsed.outcome is Outcome.ENDORSED
        assert endorsed.clauses == ("tillstyrka deltagande",)  # typed by the secretary: kept
        assert by_heading["Avstyrkt i IB"].decision.sentence() == "Beredningen avstyrker ansökan."
        assert by_heading["Utan åtgärd"].decision.outcome is Outcome.NOTED
        referred = by_heading["Återremitterat"].decision
        assert referred.sentence().count("en kalkyl") == 1  # the reason said once
        listed = by_heading["Delegationsbeslut för kännedom"]
        assert listed.decision.outcome is Outcome.NOTED and listed.proposal == ()
        (delegation,) = record.delegation_decisions
        assert delegation.body is DecidingBody.DELEGATION and delegation.reported_on is None
        assert delegation.text == "Finansborgarrådet beslutar att godkänna resan."
        trail = services.items.history(2)
        (change,) = [e for e in trail if e.action == "migration"]
        assert (change.old_value, change.new_value) == ("decided", "endorsed")
        assert "inte ett beslut" in change.note
        assert not [e for e in services.items.history(1) if e.action == "migration"]
        assert services.meetings.organ().name == "Internationella beredningen"
    finally:
        services.close()


def _items(services: Services):
    return [services.items.get(item_id) for item_id in range(1, 8)]
