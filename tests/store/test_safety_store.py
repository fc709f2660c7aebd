"""The store's side of data safety: the trail records versions, writes check versions in the
UPDATE itself, a locked database becomes a Swedish StoreBusy, and backup/restore go through
SQLite's online backup API with checks first."""

from __future__ import annotations

import sqlite3
import stat
from dataclasses import replace
from pathlib import Path

import pytest

from ib_tui.domain.model import Status
from ib_tui.store import (
    LATEST,
    ItemRepository,
    Store,
    StoreBusy,
    StoreError,
    VersionConflict,
    backup_database,
    check_database,
    restore_database,
)
from ib_tui.store.migrations import MIGRATIONS, migrate
from tests.conftest import NOW, make_item


@pytest.fixture
def store(db_path: Path) -> Store:
    store = Store(db_path)
    yield store
    store.close()


def _add(store: Store, **fields: object) -> int:
    with store.transaction():
        return ItemRepository(store).insert(make_item(**fields), user="sekr", at=NOW)


def test_history_rows_carry_the_version_they_produced(store: Store) -> None:
    repository = ItemRepository(store)
    item_id = _add(store, title="A")
    with store.transaction():
        item = repository.get(item_id)
        repository.update(replace(item, title="B", city="Oslo"), user="anna", at=NOW)
        repository.set_status(item_id, Status.READY, user="anna", at=NOW)
    versions = [(entry.action, entry.field, entry.version) for entry in repository.history(item_id)]
    assert versions == [
        ("create", None, 1), ("edit", "city", 2), ("edit", "title", 2), ("status", "status", 3),
    ]  # fmt: skip
    since = repository.history(item_id, since_version=2)
    assert [(entry.field, entry.user) for entry in since] == [("status", "anna")]


def test_a_stale_version_is_refused_even_by_status(store: Store) -> None:
    repository = ItemRepository(store)
    item_id = _add(store)
    stale = repository.get(item_id)
    with store.transaction():
        repository.update(replace(stale, title="Först"), user="anna", at=NOW)
    with pytest.raises(VersionConflict) as conflict, store.transaction():
        repository.update(replace(stale, title="Sist"), user="bertil", at=NOW)
    assert conflict.value.current.title == "Först"
    with pytest.raises(VersionConflict), store.transaction():
        repository.set_status(
            item_id, Status.DECIDED, user="bertil", at=NOW, expected_version=stale.version
        )
    assert repository.get(item_id).status is Status.RECEIVED


def test_a_held_write_lock_becomes_store_busy_not_locked(
    db_path: Path, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("ib_tui.store.db.BUSY_RETRIES", 1)
    other = sqlite3.connect(db_path, timeout=0)
    other.execute("BEGIN IMMEDIATE")  # another instance holds the write lock
    store.connection.execute("PRAGMA busy_timeout = 50")
    try:
        with pytest.raises(StoreBusy) as busy, store.transaction():
            pass
    finally:
        other.rollback()
        other.close()
    assert "locked" not in str(busy.value) and "upptagen" in str(busy.value)
    assert not store.connection.in_transaction


def test_migration_adds_the_version_column_to_an_old_trail(tmp_path: Path) -> None:
    path = tmp_path / "gammal.db"
    connection = sqlite3.connect(path)
    connection.execute("BEGIN")
    for statement in MIGRATIONS[0]:
        connection.execute(statement)
    connection.execute("PRAGMA user_version = 1")
    connection.execute("COMMIT")
    assert migrate(connection) == LATEST - 1
    columns = [row[1] for row in connection.execute("PRAGMA table_info(item_history)")]
    assert "version" in columns
    connection.close()


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_backup_works_while_another_instance_writes(tmp_path: Path, store: Store) -> None:
    _add(store, title="Sparat")
    writer = Store(store.path)
    with writer.transaction():  # a write in progress in "the other terminal"
        ItemRepository(writer).insert(make_item(title="Ej sparat än"), user="x", at=NOW)
        check = backup_database(store.path, tmp_path / "kopia.db")
    writer.close()
    assert check.ok and check.items == 1
    assert _mode(tmp_path / "kopia.db") == 0o600
    assert not (tmp_path / "kopia.db-wal").exists()  # one self-contained file


def test_backup_refuses_to_overwrite(tmp_path: Path, store: Store) -> None:
    (tmp_path / "finns.db").write_text("mitt")
    with pytest.raises(StoreError, match="finns redan"):
        backup_database(store.path, tmp_path / "finns.db")
    assert (tmp_path / "finns.db").read_text() == "mitt"


def test_restore_keeps_the_replaced_data_and_open_instances_see_the_backup(
    tmp_path: Path, store: Store
) -> None:
    _add(store, title="I kopian")
    backup_database(store.path, tmp_path / "kopia.db")
    _add(store, title="Efter kopian")
    kept = tmp_path / "ersatt.db"
    restored = restore_database(store.path, tmp_path / "kopia.db", kept)
    assert restored.ok and restored.items == 1
    assert check_database(kept).items == 2 and _mode(kept) == 0o600
    # The instance that was open all along reads the restored data.
    titles = [row[0] for row in store.connection.execute("SELECT title FROM items")]
    assert titles == ["I kopian"]


def test_restore_refuses_a_damaged_file_and_touches_nothing(tmp_path: Path, store: Store) -> None:
    _add(store)
    backup_database(store.path, tmp_path / "kopia.db")
    connection = sqlite3.connect(tmp_path / "kopia.db")
    sql = "SELECT rootpage FROM sqlite_master WHERE name = 'items'"
    (root,) = connection.execute(sql).fetchone()
    (page_size,) = connection.execute("PRAGMA page_size").fetchone()
    connection.close()
    data = bytearray((tmp_path / "kopia.db").read_bytes())
    start = (root - 1) * page_size
    data[start + 8 : start + page_size] = b"\xa5" * (page_size - 8)  # scribble over the table
    (tmp_path / "kopia.db").write_bytes(bytes(data))
    kept = tmp_path / "ersatt.db"
    with pytest.raises(StoreError, match=r"skadad|ingen ib-tui"):
        restore_database(store.path, tmp_path / "kopia.db", kept)
    assert not kept.exists()
    assert check_database(store.path).items == 1


def test_restore_refuses_a_newer_schema_and_a_foreign_database(
    tmp_path: Path, store: Store
) -> None:
    newer = tmp_path / "nyare.db"
    backup_database(store.path, newer)
    connection = sqlite3.connect(newer)
    connection.execute(f"PRAGMA user_version = {LATEST + 1}")
    connection.close()
    with pytest.raises(StoreError, match="schemaversion"):
        restore_database(store.path, newer, tmp_path / "k1.db")
    foreign = tmp_path / "annan.db"
    connection = sqlite3.connect(foreign)
    connection.execute("CREATE TABLE t (x)")
    connection.close()
    with pytest.raises(StoreError, match="ingen ib-tui-databas"):
        restore_database(store.path, foreign, tmp_path / "k2.db")
    not_a_db = tmp_path / "text.db"
    not_a_db.write_text("hej " * 2000)
    with pytest.raises(StoreError):
        restore_database(store.path, not_a_db, tmp_path / "k3.db")
    assert not any((tmp_path / name).exists() for name in ("k1.db", "k2.db", "k3.db"))


def test_database_wal_and_shm_are_owner_only(store: Store) -> None:
    _add(store)
    for suffix in ("", "-wal", "-shm"):
        path = Path(f"{store.path}{suffix}")
        assert _mode(path) == 0o600, path


def test_migration_adds_the_confidential_ground_and_keeps_the_items(tmp_path: Path) -> None:
    path = tmp_path / "före-sekretessgrund.db"
    connection = sqlite3.connect(path)
    from ib_tui.store.migrations import MIGRATION_CONFIDENTIAL_GROUND

    before = list(MIGRATIONS).index(MIGRATION_CONFIDENTIAL_GROUND)
    for number, statements in enumerate(MIGRATIONS[:before], start=1):
        for statement in statements:
            connection.execute(statement)
        connection.execute(f"PRAGMA user_version = {number}")
    connection.execute(
        "INSERT INTO items (kind, title, received, confidential, status_changed, created_at, "
        "updated_at) VALUES ('visit', 'Slutet besök', '2026-01-01', 1, 'x', 'x', 'x')"
    )
    connection.commit()
    migrate(connection)
    row = connection.execute(
        "SELECT title, confidential, confidential_ground FROM items"
    ).fetchone()
    assert row == ("Slutet besök", 1, None)
    connection.close()
