"""The bulk generator: many varied items with their history, one transaction, empty DB only."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

import pytest

from ib_tui.domain.model import Kind, Status
from ib_tui.domain.query import ItemQuery
from ib_tui.services import Services
from ib_tui.services.generate import DatabaseNotEmpty, generate
from tests.conftest import make_item


def test_generates_n_items_across_every_kind_and_status(services: Services) -> None:
    assert generate(services.context, 3000) == 3000
    connection = services.store.connection
    assert connection.execute("SELECT count(*) FROM items").fetchone()[0] == 3000
    kinds = {row[0] for row in connection.execute("SELECT DISTINCT kind FROM items")}
    statuses = {row[0] for row in connection.execute("SELECT DISTINCT status FROM items")}
    assert kinds == {kind.value for kind in Kind}
    assert statuses == {status.value for status in Status}
    first, last = connection.execute("SELECT min(received), max(received) FROM items").fetchone()
    assert int(last[:4]) - int(first[:4]) >= 19  # twenty years of items
    assert connection.execute("SELECT count(DISTINCT dnr) FROM items").fetchone()[0] == 3000
    assert connection.execute("SELECT count(*) FROM items WHERE cost_total > 0").fetchone()[0]
    # Every item has its 'create' row; every status change and decision its own row.
    trail = dict(connection.execute("SELECT action, count(*) FROM item_history GROUP BY action"))
    assert trail["create"] == 3000
    moved = connection.execute("SELECT count(*) FROM items WHERE status != 'received'")
    assert trail["status"] == moved.fetchone()[0]
    decided = connection.execute("SELECT count(*) FROM items WHERE status = 'decided'")
    assert trail["decision"] == decided.fetchone()[0]
    # Items read back through the ordinary repository, with their status.
    item = services.items.find("1")
    assert item.title and item.dnr and item.status_changed is not None
    note = connection.execute(
        "SELECT note FROM item_history WHERE action = 'decision' LIMIT 1"
    ).fetchone()[0]
    assert note.startswith("Beredningen ") and "beslutar" not in note  # IB's position


def test_the_search_index_is_complete_after_the_bulk_load(services: Services) -> None:
    generate(services.context, 2000)
    listing = services.listing()
    try:
        ids = listing.ids(ItemQuery(text="eurocities"))
        expected = services.store.connection.execute(
            "SELECT count(*) FROM items WHERE title || summary LIKE '%eurocities%'"
        ).fetchone()[0]
        assert len(ids) == expected > 0
        # The triggers are back: an edit after the load is searchable at once.
        item = services.items.find("1")
        services.items.update(replace(item, title="Zygotkonferens"))
        assert list(listing.ids(ItemQuery(text="zygot"))) == [item.id]
    finally:
        listing.close()


def test_refuses_a_database_that_holds_items(services: Services) -> None:
    services.items.register(make_item(title="Riktigt ärende"))
    with pytest.raises(DatabaseNotEmpty, match="innehåller redan 1 ärende;"):
        generate(services.context, 10)
    assert services.store.connection.execute("SELECT count(*) FROM items").fetchone()[0] == 1


def test_same_seed_same_items(tmp_path) -> None:
    titles = []
    for name in ("a.db", "b.db"):
        services = Services.open(tmp_path / name, user="demo")
        generate(services.context, 200, seed=7)
        titles.append(
            [row[0] for row in services.store.connection.execute("SELECT title FROM items")]
        )
        services.close()
    assert titles[0] == titles[1]


def test_a_failed_load_leaves_nothing(services: Services, monkeypatch) -> None:
    from ib_tui.store import bulk

    def broken(self, items, history):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(bulk.BulkWriter, "write", broken)
    with pytest.raises(sqlite3.OperationalError):
        generate(services.context, 100)
    connection = services.store.connection
    assert connection.execute("SELECT count(*) FROM items").fetchone()[0] == 0
    # The FTS triggers dropped for the load were restored by the rollback.
    triggers = connection.execute("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'")
    assert triggers.fetchone()[0] >= 3


def test_the_load_leaves_the_file_in_wal_with_the_fts_defaults(services: Services) -> None:
    """The load may use a rollback journal and a big FTS buffer; afterwards the file is as the
    app expects it, also when another connection kept it open (then WAL all along)."""
    other = sqlite3.connect(services.store.path)
    other.execute("SELECT count(*) FROM items").fetchone()
    generate(services.context, 500)
    assert other.execute("SELECT count(*) FROM items").fetchone()[0] == 500
    other.close()
    connection = services.store.connection
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    config = dict(connection.execute("SELECT k, v FROM items_fts_config"))
    assert config.get("hashsize", 1024 * 1024) == 1024 * 1024
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
