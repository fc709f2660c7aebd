"""The database file among other files: other programs' databases, read-only opens, a full disk,
permissions, a busy writer, and backups that are killed midway."""

from __future__ import annotations

import hashlib
import logging
import os
import sqlite3
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from ib_tui.errors import (
    DiskFull,
    ForeignDatabase,
    OldSchema,
    ReadOnlyDatabase,
    WriteUnderWay,
)
from ib_tui.logs import configure_logging
from ib_tui.paths import data_dir, take_notices
from ib_tui.store import ItemRepository, Store, StoreError
from ib_tui.store.backup import backup_database
from ib_tui.store.db import APPLICATION_ID
from tests.conftest import make_item

AT = datetime.fromisoformat("2026-11-23T10:00:00+01:00")


def foreign(path: Path) -> Path:
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
    connection.execute("INSERT INTO photos (name) VALUES ('semester.jpg')")
    connection.commit()
    connection.close()
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def application_id(path: Path) -> int:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("PRAGMA application_id").fetchone()[0]
    finally:
        connection.close()


def add_item(store: Store, title: str = "Ärende") -> int:
    with store.transaction():
        return ItemRepository(store).insert(make_item(title=title), user="t", at=AT)


@pytest.mark.parametrize("read_only", [False, True])
def test_another_programs_database_is_refused_and_never_written(
    tmp_path: Path, read_only: bool
) -> None:
    path = foreign(tmp_path / "their.db")
    before = digest(path)
    with pytest.raises(ForeignDatabase, match="är inte en ib-tui-databas"):
        Store(path, read_only=read_only)
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["their.db"]  # no -wal either


def test_a_database_marked_by_another_program_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA application_id = 1234")
    connection.commit()
    connection.close()
    with pytest.raises(ForeignDatabase):
        Store(path)


def test_new_files_are_marked_and_old_ib_tui_files_adopted(tmp_path: Path) -> None:
    new = tmp_path / "new.db"
    Store(new).close()
    assert application_id(new) == APPLICATION_ID
    old = tmp_path / "old.db"
    store = Store(old)
    add_item(store)
    store.connection.execute("PRAGMA application_id = 0")  # as every file before this change
    store.close()
    assert application_id(old) == 0
    store = Store(old)
    assert ItemRepository(store).get(1).title == "Ärende"
    store.close()
    assert application_id(old) == APPLICATION_ID
    empty = tmp_path / "empty.db"
    empty.touch()  # an empty file is no one's database yet
    Store(empty).close()
    assert application_id(empty) == APPLICATION_ID


def test_a_read_only_open_never_writes(tmp_path: Path) -> None:
    path = tmp_path / "ib.db"
    store = Store(path)
    add_item(store)
    store.close()
    before = digest(path)
    reader = Store(path, read_only=True)
    assert ItemRepository(reader).get(1).title == "Ärende"
    with pytest.raises(StoreError, match="öppnades för läsning"):
        add_item(reader)
    reader.close()
    assert digest(path) == before
    with pytest.raises(StoreError, match="finns inte"):
        Store(tmp_path / "missing.db", read_only=True)
    assert not (tmp_path / "missing.db").exists()


def test_a_read_only_open_does_not_migrate_an_older_file(tmp_path: Path) -> None:
    path = tmp_path / "ib.db"
    Store(path).close()
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA user_version = 1")
    connection.commit()
    connection.close()
    before = digest(path)
    with pytest.raises(OldSchema, match="version 1 av"):
        Store(path, read_only=True)
    assert digest(path) == before


def test_reading_works_where_the_file_cannot_be_written(tmp_path: Path, monkeypatch) -> None:
    """On a read-only file system SQLite cannot make the -shm of a WAL file: the read-only open
    falls back to immutable=1. (Simulated: root ignores permissions, so `os.access` and a
    missing -shm stand in for the mount.)"""
    path = tmp_path / "ib.db"
    store = Store(path)
    add_item(store)
    store.close()
    monkeypatch.setattr(os, "access", lambda *_: False)
    real_connect = sqlite3.connect

    def no_shm(database: str, *args: object, **kwargs: object) -> sqlite3.Connection:
        if "immutable=1" not in str(database):
            raise sqlite3.OperationalError("unable to open database file")
        return real_connect(database, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(sqlite3, "connect", no_shm)
    reader = Store(path, read_only=True)
    assert ItemRepository(reader).get(1).title == "Ärende"
    reader.close()


def test_a_full_disk_stores_nothing_and_says_so(tmp_path: Path) -> None:
    store = Store(tmp_path / "ib.db")
    add_item(store, "Finns")
    # SQLite's own SQLITE_FULL, as a full disk gives it: the file may not grow by one page.
    pages = store.connection.execute("PRAGMA page_count").fetchone()[0]
    store.connection.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(DiskFull, match="disken är full: inget sparades"), store.transaction():
        repository = ItemRepository(store)
        for number in range(200):
            repository.insert(make_item(title="x" * 400 + str(number)), user="t", at=AT)
    assert not store.connection.in_transaction
    assert [row.title for row in ItemRepository(store).get_many([1, 2])] == ["Finns"]
    store.close()


def test_a_read_only_file_is_a_clear_error_on_write(tmp_path: Path) -> None:
    store = Store(tmp_path / "ib.db")
    store.connection.execute("PRAGMA query_only = ON")  # SQLite refuses writes, as on a ro file
    with pytest.raises(ReadOnlyDatabase, match="skrivskyddad"):
        add_item(store)
    store.close()


def test_a_full_log_disk_prints_no_logging_traceback(tmp_path: Path, capfd) -> None:
    handler = logging.FileHandler("/dev/full") if Path("/dev/full").exists() else None
    if handler is None:
        pytest.skip("no /dev/full")
    handler.close()
    path = configure_logging()
    assert path is not None
    logger = logging.getLogger("ib_tui")
    (ours,) = [h for h in logger.handlers if h.get_name() == "ib-tui-file"]
    ours.stream = open("/dev/full", "w", encoding="utf-8")  # noqa: SIM115 (the handler closes it)
    logger.error("a line the disk has no room for")
    assert "Logging error" not in capfd.readouterr().err
    assert getattr(ours, "failed", False)
    logger.removeHandler(ours)
    ours.close()


def test_open_permissions_are_tightened_with_a_notice(tmp_path: Path) -> None:
    take_notices()
    path = tmp_path / "ib.db"
    Store(path).close()
    os.chmod(path, 0o644)
    store = Store(path)
    assert (path.stat().st_mode & 0o777) == 0o600
    assert len(store.notices) == 1 and "kunde läsas av andra (behörighet 644)" in store.notices[0]
    store.close()
    directory = data_dir()
    os.chmod(directory, 0o755)
    log = directory / "ib-tui.log"
    log.touch()
    os.chmod(log, 0o666)
    assert data_dir() == directory
    configure_logging()
    assert (directory.stat().st_mode & 0o777) == 0o700
    assert (log.stat().st_mode & 0o777) == 0o600
    notices = take_notices()
    assert len(notices) == 2
    assert "behörighet 755" in notices[0] and "behörighet 666" in notices[1]


def test_the_interactive_store_says_at_once_that_another_write_is_under_way(
    tmp_path: Path,
) -> None:
    path = tmp_path / "ib.db"
    Store(path).close()
    other = sqlite3.connect(path, timeout=0)
    other.execute("BEGIN IMMEDIATE")  # a long import in another process holds the write lock
    try:
        store = Store(path, interactive=True)
        started = datetime.now()
        with pytest.raises(WriteUnderWay, match="sparar just nu"):
            add_item(store)
        assert (datetime.now() - started).total_seconds() < 2
        assert not store.connection.in_transaction
    finally:
        other.rollback()
        other.close()
    assert add_item(store) == 1  # the retry goes through once the other write is done
    store.close()


KILL_DURING_BACKUP = """
import os, signal, sqlite3, sys
from pathlib import Path
from ib_tui.store import backup as backups

real = backups._copy
def copy_then_die(source, target):
    real(source, target)
    os.kill(os.getpid(), signal.SIGKILL)  # killed between the copy and the rename
backups._copy = copy_then_die
backups.backup_database(Path(sys.argv[1]), Path(sys.argv[2]))
"""


@pytest.mark.slow
def test_a_killed_backup_leaves_no_file_and_does_not_block_the_next(tmp_path: Path) -> None:
    source = tmp_path / "ib.db"
    store = Store(source)
    add_item(store)
    store.close()
    target = tmp_path / "kopia.db"
    killed = subprocess.run(
        [sys.executable, "-c", KILL_DURING_BACKUP, str(source), str(target)], check=False
    )
    assert killed.returncode == -9
    assert not target.exists()
    assert [p.name for p in tmp_path.iterdir() if "partial" in p.name]  # the dead one's file
    check = backup_database(source, target)
    assert (check.items, check.integrity) == (1, "ok")
    assert not [p.name for p in tmp_path.iterdir() if "partial" in p.name]
    assert (target.stat().st_mode & 0o777) == 0o600


def test_a_backup_never_replaces_a_file(tmp_path: Path) -> None:
    source = tmp_path / "ib.db"
    Store(source).close()
    target = tmp_path / "kopia.db"
    target.write_text("mitt", encoding="utf-8")
    with pytest.raises(StoreError, match="finns redan"):
        backup_database(source, target)
    assert target.read_text(encoding="utf-8") == "mitt"
    with pytest.raises(ForeignDatabase):
        backup_database(foreign(tmp_path / "their.db"), tmp_path / "kopia2.db")
    assert not (tmp_path / "kopia2.db").exists()
