"""Two people, one database: 8 processes each apply 200 edits to the same 4 items through the
service layer. Every edit is either applied or reported as a conflict: 0 lost updates, 0
"database is locked" errors."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from ib_tui.services import Services
from tests.conftest import make_item

PROCESSES = 8
EDITS = 200
ITEMS = 4
ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_eight_processes_lose_no_update(db_path: Path) -> None:
    services = Services.open(db_path, user="sekr")
    shared = [make_item(title=f"Delat {n}", guests=0) for n in range(ITEMS)]
    ids = [services.items.register(item).id for item in shared]
    services.close()

    start_at = time.time() + 2.0  # all processes start editing at the same moment
    worker = [sys.executable, "-m", "tests.services.edit_worker", str(db_path)]
    workers = [
        subprocess.Popen(
            [*worker, str(n), str(EDITS), str(start_at)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(PROCESSES)
    ]
    results = []
    for process in workers:
        out, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
        results.append(json.loads(out))

    applied = [tuple(edit) for result in results for edit in result["applied"]]
    conflicts = sum(result["conflicts"] for result in results)
    locked = sum(result["locked"] for result in results)
    assert [error for result in results for error in result["errors"]] == []
    assert len(applied) + conflicts == PROCESSES * EDITS  # each edit applied or a conflict
    assert locked == 0

    services = Services.open(db_path)
    try:
        lost = 0
        for item_id in ids:
            item = services.items.get(item_id)
            mine = [edit for edit in applied if edit[0] == item_id]
            increments = sum(1 for edit in mine if edit[2] == "edit")
            # Every applied change made exactly one new version, none overwrote another...
            versions = sorted(edit[1] for edit in mine)
            assert versions == list(range(2, item.version + 1))
            # ... and every increment is in the counter: a lost update would be missing.
            lost += increments - item.guests
            trail = Counter(e.version for e in services.items.history(item_id) if e.version > 1)
            assert sorted(trail) == versions
    finally:
        services.close()
    assert lost == 0
    print(
        f"\nconcurrency: {PROCESSES} processes × {EDITS} edits on {ITEMS} items: "
        f"{len(applied)} applied, {conflicts} conflicts, {lost} lost, {locked} locked"
    )
