"""`ib-tui import FIL --existing update` changes only the fields the file names (issue 12).

The attack: a partial file over a demo item cleared sekretess, the summary, the requester and two
participants, and the item then appeared in the public agenda."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from ib_tui.cli import main
from ib_tui.services import Services
from ib_tui.services.demo import load_demo

SECRET = "KS 2026/1763"  # the demo's closed meeting for security chiefs


@pytest.fixture
def demo_db(tmp_path: Path) -> Path:
    path = tmp_path / "demo.db"
    services = Services.open(path, user="testare")
    load_demo(services.context)
    services.close()
    return path


def _write(tmp_path: Path, items: list[dict[str, Any]], name: str = "uppdatering.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    return path


def _item(db: Path, dnr: str):
    services = Services.open(db)
    try:
        item = services.items.find(dnr)
        return item, services.items.history(item.id)
    finally:
        services.close()


def test_a_partial_update_changes_only_the_named_field(
    tmp_path: Path, demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before, _ = _item(demo_db, SECRET)
    assert before.confidential and before.summary and len(before.participants) == 2
    path = _write(tmp_path, [{"dnr": SECRET, "costs": {"travel": 9900}}])
    assert main(["import", str(path), "--db", str(demo_db), "--existing", "update"]) == 0
    assert "1 befintliga (samma dnr) uppdaterade" in capsys.readouterr().out
    after, history = _item(demo_db, SECRET)
    assert after.confidential and after.confidential_ground == before.confidential_ground
    assert (after.summary, after.requested_by, after.participants, after.title) == (
        before.summary, before.requested_by, before.participants, before.title,
    )  # fmt: skip
    assert after.costs.travel == 9900 and after.costs.accommodation == before.costs.accommodation
    changed = [entry.field for entry in history if entry.version == after.version]
    assert changed == ["costs.travel"]


def test_null_clears_a_field(
    tmp_path: Path, demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, [{"dnr": SECRET, "summary": None, "costs": {"travel": None}}])
    assert main(["import", str(path), "--db", str(demo_db), "--existing", "update"]) == 0
    after, _ = _item(demo_db, SECRET)
    assert after.summary is None and after.costs.travel == 0 and after.costs.accommodation
    assert after.confidential


def test_sekretess_is_lifted_only_with_a_reason_that_the_trail_keeps(
    tmp_path: Path, demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for lift in ({"confidential": False}, {"confidential": None}):
        path = _write(tmp_path, [{"dnr": SECRET} | lift])
        assert main(["import", str(path), "--db", str(demo_db), "--existing", "update"]) == 2
        err = capsys.readouterr().err
        assert 'item 1: field "confidential"' in err and "--lift-confidential" in err
        assert "inget importerades" in err
        assert _item(demo_db, SECRET)[0].confidential

    reason = "Arrangören har publicerat programmet"
    args = ["--existing", "update", "--lift-confidential", reason]
    assert main(["import", str(path), "--db", str(demo_db), *args]) == 0
    after, history = _item(demo_db, SECRET)
    assert not after.confidential and after.confidential_ground is None
    (lifted,) = [entry for entry in history if entry.field == "confidential"]
    assert (lifted.old_value, lifted.new_value) == ("1", "0")
    assert reason in lifted.note and "uppdatering.json" in lifted.note


def test_in_csv_an_empty_cell_is_not_given_and_null_clears(
    tmp_path: Path, demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before, _ = _item(demo_db, SECRET)
    path = tmp_path / "uppdatering.csv"
    path.write_text(
        f"dnr,title,summary,requested_by,confidential,city\n{SECRET},,,,,null\n",
        encoding="utf-8",
    )
    assert main(["import", str(path), "--db", str(demo_db), "--existing", "update"]) == 0
    after, _ = _item(demo_db, SECRET)
    assert after.city is None
    assert (after.title, after.summary, after.requested_by, after.confidential) == (
        before.title, before.summary, before.requested_by, True,
    )  # fmt: skip


def test_a_partial_document_for_a_new_item_is_still_an_error(
    tmp_path: Path, demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, [{"dnr": "KS 2099/1", "summary": "ny"}, {"dnr": SECRET, "title": ""}])
    assert main(["import", str(path), "--db", str(demo_db), "--existing", "update"]) == 2
    err = capsys.readouterr().err
    assert 'item 1: field "kind": saknas' in err and 'item 2: field "title"' in err
    assert _item(demo_db, SECRET)[0].title
