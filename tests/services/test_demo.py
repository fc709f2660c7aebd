"""The demo set: realistic, complete, and loaded with its statuses and meetings."""

from __future__ import annotations

from collections import Counter

from ib_tui.domain.itemformat import validate_documents
from ib_tui.domain.model import Kind, Status
from ib_tui.services import Services
from ib_tui.services.demo import demo_data


def test_demo_items_are_valid_item_format_over_all_kinds() -> None:
    data = demo_data()
    result = validate_documents(entry["item"] for entry in data["items"])
    assert result.ok, result.errors
    assert len(result.items) >= 40
    kinds = Counter(item.kind for item in result.items)
    assert set(kinds) == set(Kind)
    assert len({item.dnr for item in result.items}) == len(result.items)
    received = sorted(item.received for item in result.items if item.received)
    assert (received[-1] - received[1]).days > 300  # spread over a year
    assert any(item.dnr == "KS 2024/269" for item in result.items)  # the Taipei motion


def test_loading_sets_statuses_with_their_dates(demo_services: Services) -> None:
    connection = demo_services.store.connection
    statuses = dict(connection.execute("SELECT status, count(*) FROM items GROUP BY status"))
    assert set(statuses) == {status.value for status in Status}
    (taipei,) = connection.execute("SELECT id FROM items WHERE dnr = 'KS 2024/269'").fetchone()
    item = demo_services.items.get(taipei)
    assert item.status is Status.DECIDED
    assert item.status_changed.date().isoformat() == "2024-06-19"
    meetings = connection.execute("SELECT count(*) FROM meetings").fetchone()[0]
    assert meetings >= 10
    on_agenda = connection.execute("SELECT count(*) FROM agenda_entries").fetchone()[0]
    assert on_agenda > 0
