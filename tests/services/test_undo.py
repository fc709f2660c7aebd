"""Undo and redo of this session's changes: recorded in the trail, and respecting versions."""

from __future__ import annotations

from dataclasses import replace

import pytest

from ib_tui.domain.changes import Side
from ib_tui.domain.model import Costs, Item, Status
from ib_tui.services import Direction, NothingToUndo, Services, UndoConflict
from tests.conftest import NOW, make_item


@pytest.fixture
def item(services: Services) -> Item:
    return services.items.register(make_item(title="Eurocities", costs={"travel": 5000}))


def _other(services: Services, user: str = "bertil") -> Services:
    """A second instance on the same file, as another person."""
    other = Services.open(services.store.path, user)
    other.context.clock = lambda: NOW
    return other


def test_undo_reverts_an_edit_and_redo_applies_it_again(services: Services, item: Item) -> None:
    edited = services.items.update(replace(item, title="Ny rubrik", costs=Costs(travel=6000)))
    step = services.undo.next(Direction.UNDO)
    assert step is not None and step.describe() == "Eurocities: rubrik, kostnad resor"
    undone = services.undo.undo()
    assert (undone.title, undone.costs.travel) == ("Eurocities", 5000)
    assert undone.version == edited.version + 1  # undo is a change like any other
    redone = services.undo.redo()
    assert (redone.title, redone.costs.travel) == ("Ny rubrik", 6000)
    actions = [(e.action, e.field) for e in services.items.history(item.id)]
    assert actions[-4:] == [
        ("undo", "costs.travel"), ("undo", "title"),
        ("redo", "costs.travel"), ("redo", "title"),
    ]  # fmt: skip


def test_undo_of_a_status_change_and_a_write_off_keeps_the_reason(
    services: Services, item: Item
) -> None:
    services.items.set_status(item.id, Status.WRITTEN_OFF, "Ingen budget")
    assert services.undo.undo().status is Status.RECEIVED
    assert services.undo.redo().status is Status.WRITTEN_OFF
    notes = [(e.action, e.new_value, e.note) for e in services.items.status_history(item.id)]
    assert notes == [
        ("status", "written_off", "Ingen budget"),
        ("undo", "received", None),
        ("redo", "written_off", "Ingen budget"),
    ]


def test_undo_goes_back_step_by_step_and_a_new_change_forgets_redo(
    services: Services, item: Item
) -> None:
    services.items.set_status(item.id, Status.IN_PREPARATION)
    services.items.set_status(item.id, Status.READY)
    assert services.undo.undo().status is Status.IN_PREPARATION
    assert services.undo.undo().status is Status.RECEIVED
    with pytest.raises(NothingToUndo):
        services.undo.undo()
    services.undo.redo()
    services.items.update(replace(services.items.get(item.id), city="Bryssel"))
    with pytest.raises(NothingToUndo, match="göra om"):
        services.undo.redo()


def test_undo_after_someone_else_changed_the_field_is_a_conflict(
    services: Services, item: Item
) -> None:
    mine = services.items.update(replace(item, title="Min rubrik"))
    other = _other(services)
    try:
        other.items.update(replace(mine, title="Bertils rubrik", city="Lissabon"))
    finally:
        other.close()
    with pytest.raises(UndoConflict) as raised:
        services.undo.undo()
    conflict = raised.value.conflict
    assert conflict is not None
    fields = {field.name: field for field in conflict.fields}
    assert fields["title"].both_changed  # undo wants "Eurocities", Bertil wrote his own
    assert services.items.get(item.id).title == "Bertils rubrik"  # nothing reverted silently
    # The user keeps Bertil's title: the undo writes nothing over his work.
    result = services.undo.resolve(raised.value, {"title": Side.THEIRS, "city": Side.THEIRS})
    assert (result.title, result.city) == ("Bertils rubrik", "Lissabon")
    with pytest.raises(NothingToUndo):
        services.undo.undo()


def test_undo_conflict_resolved_to_mine_reverts_only_the_chosen_field(
    services: Services, item: Item
) -> None:
    mine = services.items.update(replace(item, title="Min rubrik"))
    other = _other(services)
    try:
        other.items.update(replace(mine, title="Bertils rubrik", city="Lissabon"))
    finally:
        other.close()
    with pytest.raises(UndoConflict) as raised:
        services.undo.undo()
    result = services.undo.resolve(raised.value, {"title": Side.MINE, "city": Side.THEIRS})
    assert (result.title, result.city) == ("Eurocities", "Lissabon")
    assert services.items.history(item.id)[-1].action == "undo"


def test_undo_of_a_status_someone_changed_since_needs_a_yes(services: Services, item: Item) -> None:
    services.items.set_status(item.id, Status.READY)
    other = _other(services)
    try:
        other.items.set_status(item.id, Status.DECIDED)
    finally:
        other.close()
    with pytest.raises(UndoConflict) as raised:
        services.undo.undo()
    assert raised.value.conflict is None and raised.value.current.status is Status.DECIDED
    assert services.items.get(item.id).status is Status.DECIDED
    assert services.undo.resolve(raised.value).status is Status.RECEIVED


def test_a_conflict_resolution_is_saved_over_the_stored_version(
    services: Services, item: Item
) -> None:
    other = _other(services)
    try:
        theirs = other.items.update(replace(item, city="Lissabon"))
    finally:
        other.close()
    conflict = services.items.conflict(item, replace(item, title="Min rubrik"), theirs)
    saved = services.items.save_resolved(conflict, conflict.presets())  # type: ignore[arg-type]
    assert (saved.title, saved.city, saved.version) == ("Min rubrik", "Lissabon", 3)
    # ... and it is undoable like any save: back to what was stored when I saved.
    assert services.undo.undo().title == "Eurocities"


def test_undo_restores_the_status_date_too(services: Services) -> None:
    """The attack: after 10 undos, 6 of 6 items read "inkommen sedan" the day of the undo."""
    from datetime import timedelta

    clock = {"now": NOW}
    services.context.clock = lambda: clock["now"]
    items = [services.items.register(make_item(title=f"Ärende {n}")) for n in range(6)]
    registered = {item.id: item.status_changed for item in items}
    clock["now"] = NOW + timedelta(days=9)
    for item in items:
        services.items.set_status(item.id, Status.IN_PREPARATION)
    changed_at = services.items.get(items[0].id).status_changed
    clock["now"] = NOW + timedelta(days=30)
    for _ in range(6):
        services.undo.undo()
    for item in items:
        stored = services.items.get(item.id)
        assert stored.status is Status.RECEIVED
        assert stored.status_changed == registered[item.id]
    services.undo.redo()
    redone = [services.items.get(item.id) for item in items]
    assert [i.status_changed for i in redone if i.status is Status.IN_PREPARATION] == [changed_at]
