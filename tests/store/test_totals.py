"""The kept counts and cost sums behind the list's footer stay exact through every writer."""

from __future__ import annotations

import json
import threading
from dataclasses import replace
from pathlib import Path

from ib_tui.cli import main
from ib_tui.domain.model import Costs, Kind, Status
from ib_tui.domain.query import ItemQuery
from ib_tui.services import Services
from ib_tui.services.generate import generate
from ib_tui.store import totals
from tests.conftest import make_item


def scanned(services: Services, where: str = "", params: tuple = ()) -> tuple[int, int]:
    return services.store.connection.execute(
        f"SELECT count(*), coalesce(sum(cost_total), 0) FROM items {where}", params
    ).fetchone()


def assert_exact(services: Services) -> None:
    """Every group, and the queries the list asks, equal a plain scan."""
    connection = services.store.connection
    assert totals.differences(connection) == []
    assert totals.totals(connection) == totals.Totals(*scanned(services))
    listing = services.listing()
    try:
        for kind in Kind:
            query = ItemQuery(kinds=frozenset({kind}))
            assert listing.summary(query) == scanned(services, "WHERE kind = ?", (kind.value,))
        for status in Status:
            query = ItemQuery(statuses=frozenset({status}), include_confidential=False)
            expected = scanned(services, "WHERE status = ? AND confidential = 0", (status.value,))
            assert listing.summary(query) == expected
        assert listing.summary(ItemQuery(text="euro")) is None  # a search counts its ids
    finally:
        listing.close()


def test_register_edit_status_and_undo_keep_the_totals_exact(services: Services) -> None:
    first = services.items.register(make_item(title="Eurocities", costs={"travel": 9000}))
    second = services.items.register(
        make_item(kind="visit", title="Delegation från Oslo", confidential=True)
    )
    assert_exact(services)
    edited = services.items.update(
        replace(first, kind=Kind.VISIT, costs=Costs(travel=100, fees=2500))
    )
    assert_exact(services)
    services.items.set_status(edited.id, Status.IN_PREPARATION)
    services.items.set_status(second.id, Status.WRITTEN_OFF, reason="Dubblett")
    assert_exact(services)
    services.undo.undo()  # the write-off
    services.undo.undo()  # the status
    services.undo.undo()  # the edit: kind and costs back
    assert services.items.get(first.id).costs.travel == 9000
    assert_exact(services)
    with services.store.transaction():  # a delete (the app has none; the triggers must)
        services.store.connection.execute("DELETE FROM items WHERE id = ?", (second.id,))
    assert_exact(services)
    assert scanned(services) == (1, 9000)


def test_a_status_code_nobody_planned_for_is_counted(services: Services) -> None:
    item = services.items.register(make_item(costs={"fees": 700}))
    with services.store.transaction():  # a later release's status, stored as its code
        services.store.connection.execute(
            "UPDATE items SET status = 'referred_elsewhere' WHERE id = ?", (item.id,)
        )
    assert totals.totals(services.store.connection, statuses=["referred_elsewhere"]) == (
        totals.Totals(1, 700)
    )
    assert_exact(services)


def test_import_and_demo_generate_keep_the_totals_exact(tmp_path: Path, capsys) -> None:
    db = tmp_path / "ib.db"
    generate_into = Services.open(tmp_path / "big.db", user="t")
    try:
        generate(generate_into.context, 500)  # the bulk load rebuilds the totals once
        assert_exact(generate_into)
    finally:
        generate_into.close()
    items = [
        {"kind": "conference", "title": f"Konferens {n}", "costs": {"travel": 100 * n}}
        for n in range(30)
    ] + [{"kind": "visit", "title": "Besök", "meeting": "2027-01-20"}]
    path = tmp_path / "items.json"
    path.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    assert main(["import", str(path), "--db", str(db)]) == 0
    bad = tmp_path / "bad.json"  # a failed import stores nothing, totals included
    bad.write_text(json.dumps([*items, {"kind": "nonsense"}]), encoding="utf-8")
    assert main(["import", str(bad), "--db", str(db)]) == 2
    services = Services.open(db)
    try:
        assert scanned(services) == (31, sum(100 * n for n in range(30)))
        assert_exact(services)
    finally:
        services.close()


def test_concurrent_writers_keep_the_totals_exact(db_path: Path, services: Services) -> None:
    errors: list[BaseException] = []

    def write(number: int) -> None:
        other = Services.open(db_path, user=f"skrivare {number}")
        try:
            for n in range(15):
                item = other.items.register(make_item(title=f"{number}-{n}", costs={"fees": n}))
                if n % 3 == 0:
                    item = other.items.set_status(item.id, Status.IN_PREPARATION)
                if n % 5 == 0:
                    other.items.update(replace(item, costs=Costs(fees=n + 1000)))
        except BaseException as error:
            errors.append(error)
        finally:
            other.close()

    threads = [threading.Thread(target=write, args=(number,)) for number in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert scanned(services)[0] == 60
    assert_exact(services)


def test_recount_reports_and_repairs_totals_that_drifted(db_path: Path, capsys) -> None:
    services = Services.open(db_path)
    try:
        services.items.register(make_item(costs={"travel": 1200}))
        with services.store.transaction():  # damage: what a bug or a hand edit could leave
            services.store.connection.execute("UPDATE item_totals SET items = 7, cost = 1")
    finally:
        services.close()
    assert main(["recount", "--db", str(db_path)]) == 0
    out = capsys.readouterr().out
    assert "conference/received: 7 ärenden, 1\u00a0kr (rätt: 1 ärenden, 1\u00a0200\u00a0kr)" in out
    assert "1 grupper skilde sig" in out
    assert main(["recount", "--db", str(db_path)]) == 0
    assert "Antal och kostnadssummor stämmer." in capsys.readouterr().out
