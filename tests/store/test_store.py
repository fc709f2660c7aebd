"""The database file: migrations, permissions, pragmas, transactions, audit rows, listing."""

from __future__ import annotations

import sqlite3
import stat
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest

from ib_tui.domain.meeting import DelegationDecision
from ib_tui.domain.model import Status
from ib_tui.domain.query import ItemQuery, SortOrder
from ib_tui.services import Services
from ib_tui.store import (
    LATEST,
    ItemListing,
    ItemRepository,
    SchemaTooNewError,
    Store,
    VersionConflict,
    schema_version,
    search_terms,
)
from tests.conftest import make_item

AT = datetime.fromisoformat("2026-11-23T10:00:00+01:00")


@pytest.fixture
def store(db_path: Path) -> Store:
    store = Store(db_path)
    yield store
    store.close()


def add(store: Store, **fields: object) -> int:
    with store.transaction():
        return ItemRepository(store).insert(make_item(**fields), user="t", at=AT)


def test_a_new_file_is_private_in_wal_mode_at_the_latest_schema(store: Store, db_path: Path):
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600
    connection = store.connection
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert connection.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert connection.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
    assert schema_version(connection) == LATEST


def test_a_newer_schema_is_refused_with_a_clear_error(db_path: Path) -> None:
    Store(db_path).close()
    with sqlite3.connect(db_path) as connection:
        connection.execute(f"PRAGMA user_version = {LATEST + 1}")
    with pytest.raises(SchemaTooNewError, match="nyare ib-tui"):
        Store(db_path)


def test_reopening_does_not_migrate_again(db_path: Path) -> None:
    Store(db_path).close()
    store = Store(db_path)
    assert schema_version(store.connection) == LATEST
    store.close()


def test_a_failed_transaction_stores_nothing(store: Store) -> None:
    repository = ItemRepository(store)
    with pytest.raises(RuntimeError), store.transaction():
        repository.insert(make_item(title="Första"), user="t", at=AT)
        raise RuntimeError("disk full, say")
    assert repository.count() == 0
    assert store.connection.execute("SELECT count(*) FROM item_history").fetchone()[0] == 0


def test_insert_defaults_received_and_writes_history(store: Store) -> None:
    item_id = add(store, title="Eurocities årsmöte", participants=[{"name": "Anna"}])
    repository = ItemRepository(store)
    item = repository.get(item_id)
    assert item.received == AT.date()
    assert item.version == 1
    assert [p.name for p in item.participants] == ["Anna"]
    (entry,) = repository.history(item_id)
    assert (entry.action, entry.user, entry.new_value) == ("create", "t", "Eurocities årsmöte")


def test_update_records_each_changed_field_and_bumps_the_version(store: Store) -> None:
    item_id = add(store, title="Resa", costs={"travel": 1000})
    repository = ItemRepository(store)
    item = repository.get(item_id)
    edited = replace(item, title="Resa till Braga", costs=replace(item.costs, travel=1500))
    with store.transaction():
        saved = repository.update(edited, user="u", at=AT)
    assert saved.version == 2
    changes = {(e.field, e.old_value, e.new_value) for e in repository.history(item_id)[1:]}
    assert changes == {("title", "Resa", "Resa till Braga"), ("costs.travel", "1000", "1500")}


def test_a_stale_edit_is_a_conflict_not_an_overwrite(store: Store) -> None:
    item_id = add(store, title="Resa")
    repository = ItemRepository(store)
    mine = repository.get(item_id)
    with store.transaction():
        repository.update(replace(mine, title="Någon annans"), user="a", at=AT)
    with pytest.raises(VersionConflict) as conflict, store.transaction():
        repository.update(replace(mine, title="Min"), user="b", at=AT)
    assert conflict.value.current.title == "Någon annans"
    assert repository.get(item_id).title == "Någon annans"


def test_status_changes_keep_their_date_and_reason(store: Store) -> None:
    item_id = add(store)
    repository = ItemRepository(store)
    later = AT.replace(day=24)
    with store.transaction():
        repository.set_status(item_id, Status.WRITTEN_OFF, user="u", at=later, reason="Dubblett")
    item = repository.get(item_id)
    assert item.status is Status.WRITTEN_OFF
    assert item.status_changed == later
    entry = repository.history(item_id)[-1]
    assert (entry.field, entry.old_value, entry.new_value, entry.note) == (
        "status", "received", "written_off", "Dubblett",
    )  # fmt: skip


def test_negative_costs_cannot_reach_the_table(store: Store) -> None:
    add(store)
    with pytest.raises(sqlite3.IntegrityError), store.transaction():
        store.connection.execute("UPDATE items SET cost_travel = -1")


# --- listing ------------------------------------------------------------------------------------


@pytest.fixture
def listed(store: Store) -> ItemListing:
    for number, (title, kind, received, travel) in enumerate(
        [
            ("Räksmörgås i Göteborg", "conference", "2026-01-05", 500),
            ("Rakt besked från Malmö", "visit", "2026-02-05", 100),
            ("Eurocities årsmöte 2025", "conference", "2025-06-01", 9000),
            ("Eurocities årsmöte 2026", "conference", "2026-06-01", 8000),
            ("Öppet hus i Örebro", "declaration", "2026-03-01", 0),
        ]
    ):
        add(store, title=title, kind=kind, received=received, costs={"travel": travel},
            dnr=f"KS 2026/{100 + number}")  # fmt: skip
    listing = ItemListing(store)
    yield listing
    listing.close()


def titles(listing: ItemListing, **query: object) -> list[str]:
    return [item.title for item in listing.first_page(ItemQuery(**query), 50)]


def test_list_orders(listed: ItemListing) -> None:
    assert titles(listed)[0] == "Eurocities årsmöte 2026"  # newest received first
    by_cost = titles(listed, sort=SortOrder.COST)
    assert by_cost[:2] == ["Eurocities årsmöte 2025", "Eurocities årsmöte 2026"]


def test_search_is_prefix_and_keeps_swedish_letters_apart(listed: ItemListing) -> None:
    assert titles(listed, text="euro") == ["Eurocities årsmöte 2026", "Eurocities årsmöte 2025"]
    assert titles(listed, text="räk") == ["Räksmörgås i Göteborg"]
    assert titles(listed, text="rak") == ["Rakt besked från Malmö"]
    assert titles(listed, text="ÖREB") == ["Öppet hus i Örebro"]
    assert titles(listed, text="euro 2025") == ["Eurocities årsmöte 2025"]
    assert titles(listed, text="KS 2026/102") == ["Eurocities årsmöte 2025"]


def test_search_text_is_never_fts_syntax(listed: ItemListing) -> None:
    for hostile in ['"', "AND", "euro OR", "NEAR(", "*", "-euro", "a:b"]:
        titles(listed, text=hostile)  # must not raise
    assert search_terms("  ") == []


def test_filters_combine_with_search(listed: ItemListing) -> None:
    from ib_tui.domain.model import Kind

    assert titles(listed, text="euro", kinds=frozenset({Kind.VISIT})) == []
    assert len(titles(listed, kinds=frozenset({Kind.CONFERENCE}))) == 3
    assert titles(listed, statuses=frozenset({Status.DECIDED})) == []


def test_ids_give_the_exact_order_and_count(listed: ItemListing) -> None:
    ids = listed.ids(ItemQuery())
    assert len(ids) == 5
    assert [i.title for i in listed.items(ids[:2].tolist())] == titles(listed)[:2]
    assert listed.total_cost(ItemQuery(text="euro")) == 17000


def test_v2_fields_are_stored_and_read_back(store: Store) -> None:
    fields = {
        "kind": "representation", "on_behalf_of_ks": False, "budgeted": True,
        "purpose": "Stockholmsbilden", "staff_commitment": 16,
        "membership": {"type": "network", "new": False},
        "reception": {"event": "sport", "participants": 900, "participants_abroad": 700,
                      "level": "em"},
    }  # fmt: skip
    item_id = add(store, **fields)
    stored = ItemRepository(store).get(item_id)
    assert stored.reception == make_item(**fields).reception
    assert (stored.on_behalf_of_ks, stored.budgeted, stored.staff_commitment) == (
        False, True, "16 timmar",
    )  # fmt: skip
    assert stored.membership == make_item(**fields).membership
    empty = ItemRepository(store).get(add(store, kind="representation", reception={}))
    assert empty.reception is not None and empty.reception.participants is None
    assert ItemRepository(store).get(add(store)).reception is None


def test_an_edited_v2_field_is_in_the_history_by_its_dotted_name(store: Store) -> None:
    repository = ItemRepository(store)
    item_id = add(store, kind="representation", reception={"participants": 100})
    item = repository.get(item_id)
    changed = make_item(kind="representation", reception={"participants": 120})
    with store.transaction():
        repository.update(replace(changed, id=item_id, version=item.version), user="t", at=AT)
    (entry,) = [e for e in repository.history(item_id) if e.field]
    assert (entry.field, entry.old_value, entry.new_value) == (
        "reception.participants", "100", "120",
    )  # fmt: skip


def test_the_v2_migration_keeps_existing_items_as_not_stated(db_path: Path) -> None:
    """A database at the schema before v2, with an item in it, migrates and reads as v1."""
    from ib_tui.store.migrations import MIGRATION_ITEM_FORMAT_V2, MIGRATIONS

    before = list(MIGRATIONS).index(MIGRATION_ITEM_FORMAT_V2)
    connection = sqlite3.connect(db_path)
    for statement in (s for migration in MIGRATIONS[:before] for s in migration):
        connection.execute(statement)
    connection.execute(
        "INSERT INTO items (kind, title, received, status_changed, created_at, updated_at) "
        "VALUES ('membership', 'Eurocities', '2026-01-01', '2026-01-01', '2026-01-01', "
        "'2026-01-01')"
    )
    connection.execute(f"PRAGMA user_version = {before}")
    connection.commit()
    connection.close()
    store = Store(db_path)
    try:
        (item,) = ItemRepository(store).get_many([1])
        assert item.title == "Eurocities"
        assert item.membership is None and item.reception is None
        assert item.on_behalf_of_ks is None and item.budgeted is None
    finally:
        store.close()


def test_the_confidential_ground_is_stored_and_a_delegation_decision_carries_it(
    services: Services,
) -> None:
    item = services.items.register(
        make_item(title="Slutet möte", confidential=True, confidential_ground="18 kap. 8 § OSL")
    )
    assert services.items.get(item.id).confidential_ground == "18 kap. 8 § OSL"
    with services.store.transaction():
        services.meetings.repository.delegations.add_delegation(
            DelegationDecision(item.id, date(2026, 11, 20), "Finansborgarrådet", "Beviljas"),
            user="t",
            at=AT,
        )
    (decision,) = services.meetings.repository.delegations.delegations_for_item(item.id)
    assert decision.confidential and decision.confidential_ground == "18 kap. 8 § OSL"
