"""The cost tests' items, loaded from their files, and the sums computed independently from
those files (plain Python over the JSON, no project code), to check the SQL against."""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import datetime, time
from pathlib import Path
from typing import Any

from ib_tui.domain.itemformat import validate_document
from ib_tui.domain.model import Status
from ib_tui.services import Services

FIXTURES = Path(__file__).resolve().parent / "fixtures"
COSTS_FILE = FIXTURES / "costs-items.json"
DEMO_FILE = Path(__file__).resolve().parent.parent / "ib_tui" / "data" / "demo.json"
APPROVED = {"endorsed", "decided"}
REJECTED = {"opposed", "written_off"}


def entries(path: Path) -> list[dict[str, Any]]:
    return json.loads(path.read_text("utf-8"))["items"]


def load(services: Services, path: Path = COSTS_FILE) -> None:
    """Stores each entry's item and moves it to its status, as the demo loader does."""
    repository = services.items.repository
    with services.store.transaction():
        for entry in entries(path):
            item, errors = validate_document(entry["item"])
            assert item is not None, errors
            at = datetime.combine(item.received, time(9), services.context.now().tzinfo)
            item_id = repository.insert(item, user="test", at=at)
            if entry["status"] != "received":
                repository.set_status(item_id, Status(entry["status"]), user="test", at=at)


def bucket(status: str) -> str:
    return "approved" if status in APPROVED else "rejected" if status in REJECTED else "pending"


def independent_sums(path: Path, key: str) -> dict[tuple[str, str], int]:
    """(group, bucket) → estimate, straight from the file. `key` is an item-format field,
    `year` (of starts, else received) or `status`."""
    sums: dict[tuple[str, str], int] = defaultdict(int)
    for entry in entries(path):
        item = entry["item"]
        if key == "year":
            group = (item.get("starts") or item["received"])[:4]
        elif key == "status":
            group = entry["status"]
        elif key == "organisation":
            group = (item.get("agreement") or {}).get("partner") or ""
        else:
            group = item.get(key) or ""
        sums[(group, bucket(entry["status"]))] += sum(item.get("costs", {}).values())
    return dict(sums)
