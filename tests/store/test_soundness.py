"""A corrupted database is found before it is written to (issue 12): `PRAGMA quick_check` runs
in the background when the file is opened, and the first write waits for its answer."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from ib_tui.cli import main
from ib_tui.services import Services
from ib_tui.store import Store, StoreError
from tests.conftest import make_item


def _corrupt_a_data_page(path: Path) -> None:
    """Overwrites the header of an `items` B-tree page below the root: the file still opens
    and the schema reads, but the table's pages no longer make sense."""
    connection = sqlite3.connect(path)
    page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    pages = [
        row[0]
        for row in connection.execute(
            "SELECT pageno FROM dbstat WHERE name = 'items' AND pagetype = 'leaf' ORDER BY pageno"
        )
    ]
    connection.close()
    page = pages[len(pages) // 2]
    with path.open("r+b") as file:
        file.seek((page - 1) * page_size)
        file.write(b"\xff" * 64)


@pytest.fixture
def damaged(tmp_path: Path) -> Path:
    path = tmp_path / "skadad.db"
    services = Services.open(path)
    with services.store.transaction():
        for number in range(300):
            services.items.repository.insert(
                make_item(title=f"Ärende {number}", summary="lång text " * 60),
                user="t", at=services.context.now(),
            )  # fmt: skip
    services.close()
    _corrupt_a_data_page(path)
    return path


def test_an_import_into_a_damaged_database_is_refused(
    damaged: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = damaged.read_bytes()
    file = tmp_path / "nytt.json"
    file.write_text(json.dumps([{"kind": "visit", "title": "Nytt"}]), encoding="utf-8")
    assert main(["import", str(file), "--db", str(damaged)]) == 1
    err = capsys.readouterr().err
    assert "är skadad" in err and "inget sparades" in err and "ib-tui restore" in err
    assert damaged.read_bytes() == before
    assert not Path(f"{damaged}-wal").exists() or Path(f"{damaged}-wal").stat().st_size == 0


def test_reading_still_works_and_only_a_write_waits_for_the_check(damaged: Path) -> None:
    store = Store(damaged)
    try:
        store.connection.execute("SELECT count(*) FROM settings").fetchone()
        with pytest.raises(StoreError, match="är skadad"), store.transaction():
            store.connection.execute("INSERT INTO settings VALUES ('x', '1')")
    finally:
        store.close()


def test_a_sound_database_is_written_as_usual(tmp_path: Path) -> None:
    store = Store(tmp_path / "hel.db")
    try:
        store.require_sound()
        with store.transaction():
            store.connection.execute("INSERT INTO settings VALUES ('x', '1')")
    finally:
        store.close()
