"""Swedish all the way through the command line: argparse's own texts, the no-terminal message,
the rotating log, the copy taken before a migration and the too-new message."""

from __future__ import annotations

import argparse
import logging
import sqlite3
import subprocess
import sys
from pathlib import Path

from ib_tui.cli import main
from ib_tui.logs import LOG_BACKUPS, LOG_BYTES, configure_logging
from ib_tui.store import Store, trail
from ib_tui.store.migrations import LATEST, MIGRATIONS, schema_version


def run(*args: str, stdin: int | None = subprocess.DEVNULL) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "ib_tui", *args],
        capture_output=True, text=True, stdin=stdin, timeout=60,
    )  # fmt: skip


def test_help_and_usage_errors_are_swedish() -> None:
    helped = run("--help")
    assert helped.stdout.startswith("användning: ib-tui")
    assert "flaggor:" in helped.stdout and "visa den här hjälpen och avsluta" in helped.stdout
    assert "usage:" not in helped.stdout and "options:" not in helped.stdout
    wrong = run("--bogus")
    assert wrong.returncode == 2
    assert "ib-tui: fel: okända argument: --bogus" in wrong.stderr
    missing = run("export")
    assert "de här argumenten saknas: DOKUMENT" in missing.stderr
    choice = run("import", "x.json", "--existing", "maybe")
    assert "ogiltigt val: 'maybe'" in choice.stderr and "välj bland" in choice.stderr


def test_without_a_terminal_the_tui_refuses_with_exit_2(tmp_path: Path) -> None:
    """cron or a pipe: a clear message at once instead of a TUI spinning on no terminal."""
    done = run("--db", str(tmp_path / "ib.db"))
    assert done.returncode == 2
    assert "appen behöver en terminal" in done.stderr
    assert "ib-tui items --json" in done.stderr


def test_the_log_rotates_and_stays_owner_only(data_dir: Path) -> None:
    path = configure_logging()
    assert path is not None
    logger = logging.getLogger("ib_tui.test")
    line = "x" * 1000
    for _ in range(LOG_BYTES * (LOG_BACKUPS + 2) // 1000):
        logger.info(line)
    rotated = sorted(p.name for p in path.parent.glob("ib-tui.log*"))
    assert rotated == ["ib-tui.log"] + [f"ib-tui.log.{n}" for n in range(1, LOG_BACKUPS + 1)]
    for file in path.parent.glob("ib-tui.log*"):
        assert file.stat().st_size <= LOG_BYTES + 2000
        assert file.stat().st_mode & 0o077 == 0


def old_database(path: Path, version: int) -> None:
    connection = sqlite3.connect(path)
    trail.register(connection)
    for number in range(1, version + 1):
        for statement in MIGRATIONS[number - 1]:
            if callable(statement):
                statement(connection)
            else:
                connection.execute(statement)
    connection.execute(f"PRAGMA user_version = {version}")
    connection.execute(
        "INSERT INTO items (kind, title, received, status_changed, created_at, updated_at) "
        "VALUES ('conference', 'Gammalt ärende', '2025-01-01', '2025-01-01', '2025-01-01', "
        "'2025-01-01')"
    )
    connection.commit()
    connection.close()


def test_a_migration_first_copies_the_file_and_names_the_copy(tmp_path: Path, capsys) -> None:
    db = tmp_path / "ib.db"
    old_database(db, LATEST - 1)
    # A writing command migrates; a reading one (settings list) leaves an older file alone.
    assert main(["settings", "reset", "mattfullhet.max_gifts_per_guest", "--db", str(db)]) == 0
    err = capsys.readouterr().err
    copies = list(tmp_path.glob(f"ib.kopia-schema{LATEST - 1}-*.db"))
    assert len(copies) == 1
    assert f"En kopia från före uppgraderingen finns i {copies[0]}" in err
    copy = sqlite3.connect(copies[0])
    assert schema_version(copy) == LATEST - 1  # the copy holds the data as it was
    assert copy.execute("SELECT title FROM items").fetchone() == ("Gammalt ärende",)
    copy.close()
    assert copies[0].stat().st_mode & 0o077 == 0
    # Opened again: nothing left to migrate, no second copy.
    store = Store(db)
    assert store.migration_backup is None and store.migration_notice() is None
    store.close()
    assert len(list(tmp_path.glob("ib.kopia-*.db"))) == 1


def test_a_new_database_gets_no_copy(tmp_path: Path) -> None:
    store = Store(tmp_path / "ny.db")
    assert store.migration_backup is None
    store.close()
    assert list(tmp_path.glob("*kopia*")) == []


def test_the_too_new_message_says_what_to_do_here(tmp_path: Path, capsys) -> None:
    db = tmp_path / "ib.db"
    with sqlite3.connect(db) as connection:
        connection.execute("PRAGMA user_version = 999")
    assert main(["settings", "list", "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert "pip install -U" not in err
    assert "git pull" in err and "ib-tui restore" in err and "Filen har inte ändrats" in err


def test_every_sub_command_help_is_swedish() -> None:
    from ib_tui.cli import build_parser

    parser = build_parser()
    pending = [parser]
    while pending:
        current = pending.pop()
        text = current.format_help()
        assert "usage" not in text and "positional arguments" not in text, current.prog
        assert "show this help" not in text, current.prog
        for action in current._actions:
            if isinstance(action, argparse._SubParsersAction):
                pending.extend(action.choices.values())
