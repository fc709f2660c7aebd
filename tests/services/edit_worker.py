"""One of the concurrency test's processes: applies edits to shared items through the service
layer and reports, as JSON on stdout, every edit it applied and every conflict it met.

    python -m tests.services.edit_worker DB NUMBER EDITS START_AT
"""

from __future__ import annotations

import json
import random
import sqlite3
import sys
import time
from dataclasses import replace

from ib_tui.domain.model import Status
from ib_tui.services import Services
from ib_tui.store import StoreBusy, StoreError, VersionConflict

STATUSES = [Status.RECEIVED, Status.IN_PREPARATION, Status.READY, Status.DECIDED]


def run(db: str, number: int, edits: int, start_at: float) -> dict[str, object]:
    services = Services.open(db, user=f"p{number}")
    rng = random.Random(number)
    ids = [row[0] for row in services.store.connection.execute("SELECT id FROM items")]
    applied: list[list[object]] = []
    conflicts = locked = 0
    errors: list[str] = []
    time.sleep(max(0.0, start_at - time.time()))
    for n in range(edits):
        item_id = rng.choice(ids)
        try:
            item = services.items.get(item_id)
            time.sleep(rng.random() * 0.002)  # a moment of thought between reading and saving
            if rng.random() < 0.8:  # a counter: a lost update would lose an increment
                saved = services.items.update(
                    replace(item, guests=(item.guests or 0) + 1, summary=f"p{number} #{n}")
                )
                kind = "edit"
            else:
                status = rng.choice([s for s in STATUSES if s is not item.status])
                saved = services.items.set_status(item_id, status, expected_version=item.version)
                kind = "status"
            applied.append([item_id, saved.version, kind])
        except VersionConflict:
            conflicts += 1
        except StoreBusy:
            locked += 1
        except (StoreError, sqlite3.Error) as error:
            if "locked" in str(error) or "busy" in str(error):
                locked += 1
            else:
                errors.append(repr(error))
    services.close()
    return {"applied": applied, "conflicts": conflicts, "locked": locked, "errors": errors}


if __name__ == "__main__":
    db, number, edits, start_at = sys.argv[1:5]
    print(json.dumps(run(db, int(number), int(edits), float(start_at))))
