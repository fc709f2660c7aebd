"""The trail (issue 12): every change recorded, chained, verified; restores in the trail."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from ib_tui.cli import main
from ib_tui.domain.meeting import MeetingStatus, Remark, RemarkKind
from ib_tui.services import Services
from ib_tui.store.migrations import MIGRATION_TRAIL, MIGRATIONS, migrate
from tests.conftest import make_item

EXIT_BROKEN = 3


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "ib.db"
    services = Services.open(path, user="anna")
    for number in range(3):
        services.items.register(make_item(title=f"Ärende {number}", dnr=f"KS 2026/{number}"))
    services.close()
    return path


def _tamper(path: Path, sql: str) -> None:
    """What someone with sqlite3 and the file could do (no ib-tui function registered)."""
    connection = sqlite3.connect(path)
    connection.execute(sql)
    connection.commit()
    connection.close()


def test_verify_passes_an_untouched_database(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["verify", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "Integritetskontroll: ok" in out and "allt stämmer" in out
    assert main(["verify", "--db", str(db), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] and report["chains"][0]["rows"] == 3 and report["chains"][0]["head"]


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE item_history SET user = 'bertil' WHERE id = 2",
        "DELETE FROM item_history WHERE id = 2",
    ],
)
def test_verify_names_the_first_broken_link(
    db: Path, capsys: pytest.CaptureFixture[str], sql: str
) -> None:
    _tamper(db, sql)
    assert main(["verify", "--db", str(db)]) == EXIT_BROKEN
    captured = capsys.readouterr()
    assert "BRUTEN" in captured.out
    row = 2 if sql.startswith("UPDATE") else 3  # a deleted row breaks the next one's link
    assert f"ärendehistoriken, rad {row}" in captured.err


def test_a_row_written_outside_the_app_cannot_be_inserted(db: Path) -> None:
    with pytest.raises(sqlite3.OperationalError, match="ib_chain"):
        _tamper(
            db,
            "INSERT INTO item_history (item_id, at, user, action) "
            "VALUES (1, '2026-01-01', 'x', 'edit')",
        )


def test_the_migration_chains_the_rows_already_there(tmp_path: Path) -> None:
    path = tmp_path / "före-kedjan.db"
    connection = sqlite3.connect(path)
    before = list(MIGRATIONS).index(MIGRATION_TRAIL)
    for number, statements in enumerate(MIGRATIONS[:before], start=1):
        for statement in statements:
            connection.execute(statement)
        connection.execute(f"PRAGMA user_version = {number}")
    connection.execute(
        "INSERT INTO items (kind, title, received, status_changed, created_at, updated_at) "
        "VALUES ('visit', 'Gammalt', '2026-01-01', 'x', 'x', 'x')"
    )
    for action in ("create", "edit", "status"):
        connection.execute(
            "INSERT INTO item_history (item_id, at, user, action) VALUES (1, '2026-01-01', 'a', ?)",
            (action,),
        )
    connection.commit()
    migrate(connection)
    hashes = [row[0] for row in connection.execute("SELECT hash FROM item_history ORDER BY id")]
    assert len(hashes) == 3 and all(hashes) and len(set(hashes)) == 3
    connection.close()
    assert main(["verify", "--db", str(path)]) == 0


def test_settings_meetings_members_attendance_and_remarks_are_in_the_trail(db: Path) -> None:
    services = Services.open(db, user="anna")
    try:
        services.settings.set("intentionsavtal.review_years", 3)
        services.settings.reset("intentionsavtal.review_years")
        meeting = services.meetings.create(date(2026, 12, 9))
        services.meetings.add_item(meeting.id, 1)
        member = services.meetings.members()[0]
        services.meetings.set_present(meeting.id, member.id, False)
        record = services.meetings.record(meeting.id)
        entry = next(e for e in record.entries if e.item is not None)
        services.meetings.add_remark(entry.id, Remark("Anna", RemarkKind.NOTE, "Bra."))
        services.meetings.set_status(meeting.id, MeetingStatus.HELD)
        trail = services.audit.entries()
    finally:
        services.close()
    seen = [(e.entity, e.action) for e in trail]
    for expected in [
        ("setting", "set"), ("setting", "reset"), ("meeting", "create"),
        ("attendance", "set"), ("remark", "add"), ("meeting", "status"),
    ]:  # fmt: skip
        assert expected in seen
    setting = next(e for e in trail if e.entity == "setting" and e.action == "set")
    assert (setting.user, setting.entity_id, setting.new_value) == (
        "anna", "intentionsavtal.review_years", "3",
    )  # fmt: skip
    status = next(e for e in trail if e.entity == "meeting" and e.action == "status")
    assert (status.old_value, status.new_value) == ("planned", "held")


def test_restore_is_in_the_trail_and_a_tampered_backup_is_refused_unless_forced(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good, bad = tmp_path / "bra.db", tmp_path / "ändrad.db"
    assert main(["backup", str(good), "--db", str(db)]) == 0
    assert main(["backup", str(bad), "--db", str(db)]) == 0
    _tamper(bad, "UPDATE item_history SET new_value = 'Något annat' WHERE id = 1")
    capsys.readouterr()

    assert main(["restore", str(bad), "--db", str(db), "--user", "anna"]) == 1
    err = capsys.readouterr().err
    assert "historiken i" in err and "stämmer inte" in err and "--force" in err
    assert main(["verify", "--db", str(db)]) == 0  # nothing was restored

    assert main(["restore", str(good), "--db", str(db), "--user", "anna"]) == 0
    services = Services.open(db)
    try:
        (restore,) = services.audit.entries("database")
        assert (restore.action, restore.user, restore.note) == (
            "restore",
            "anna",
            "kedjan verifierad",
        )
    finally:
        services.close()
    assert main(["verify", "--db", str(db)]) == 0

    assert main(["restore", str(bad), "--db", str(db), "--user", "anna", "--force"]) == 0
    services = Services.open(db)
    try:
        forced = services.audit.entries("database")[-1]
        assert forced.action == "restore_forced" and "--force" in forced.note
    finally:
        services.close()
    capsys.readouterr()
    # The forced copy's history is still not what was written: verify keeps saying so.
    assert main(["verify", "--db", str(db)]) == EXIT_BROKEN
