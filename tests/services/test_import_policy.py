"""Import: all or nothing, progress, and re-importing by dnr (skip or update, never twice)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from ib_tui.domain.model import Status
from ib_tui.services import InvalidFile, OnExisting, Services
from ib_tui.services.files import import_items, plan_import
from tests.conftest import make_item

FILE = [
    make_item(dnr="KS 2026/1", title="Eurocities", costs={"travel": 5000}),
    make_item(dnr="KS 2026/2", title="Nordiska huvudstäder"),
    make_item(title="Utan dnr"),
]


def _count(services: Services) -> int:
    return services.items.repository.count()


def test_import_reports_progress_for_every_item(services: Services) -> None:
    seen: list[tuple[int, int]] = []
    report = import_items(FILE, services.context, progress=lambda *p: seen.append(p))
    assert seen == [(1, 3), (2, 3), (3, 3)]
    assert len(report.created) == 3 and report.summary().startswith("3 ärenden importerade")


def test_reimporting_skips_items_whose_dnr_exists(services: Services) -> None:
    import_items(FILE, services.context)
    plan = plan_import(FILE, services.context)
    assert sorted(plan.existing) == [0, 1] and plan.new_count == 1  # no dnr: always new
    report = import_items(FILE, services.context, on_existing=OnExisting.SKIP)
    assert report.skipped == ["KS 2026/1", "KS 2026/2"]
    assert "2 fanns redan (samma dnr) och hoppades över" in report.summary()
    assert _count(services) == 4  # only the item without a dnr came in again


def test_reimporting_with_update_changes_fields_in_the_trail(services: Services) -> None:
    first = import_items(FILE, services.context)
    services.items.set_status(first.created[0], Status.READY)
    changed = [replace(FILE[0], costs=replace(FILE[0].costs, travel=7000)), FILE[1]]
    report = import_items(
        changed, services.context, on_existing=OnExisting.UPDATE, source="inkorg.json"
    )
    assert report.updated == [first.created[0]] and report.unchanged == [first.created[1]]
    stored = services.items.get(first.created[0])
    assert stored.costs.travel == 7000 and stored.status is Status.READY  # status kept
    last = services.items.history(stored.id)[-1]
    assert (last.action, last.field, last.old_value, last.new_value, last.note) == (
        "import", "costs.travel", "5000", "7000", "inkorg.json",
    )  # fmt: skip
    assert _count(services) == 3


def test_the_same_dnr_twice_in_one_file_is_an_error_and_stores_nothing(
    services: Services,
) -> None:
    twice = [*FILE, make_item(dnr="KS 2026/1", title="Dubblett")]
    with pytest.raises(InvalidFile) as invalid:
        import_items(twice, services.context)
    assert str(invalid.value) == 'item 4: field "dnr": samma dnr som item 1 (KS 2026/1)'
    assert _count(services) == 0


def test_an_error_in_the_middle_of_storing_rolls_everything_back(services: Services) -> None:
    import_items(FILE[:1], services.context)

    def fail_on_third(done: int, total: int) -> None:
        if done == 3:
            raise OSError("disken tog slut")

    with pytest.raises(OSError):
        import_items([*FILE[1:], make_item(title="Fyra")], services.context, progress=fail_on_third)
    assert _count(services) == 1
