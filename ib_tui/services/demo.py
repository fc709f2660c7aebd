"""The demo database: realistic items and meetings from ib_tui/data/demo.json."""

from __future__ import annotations

import json
from datetime import datetime, time
from importlib import resources
from typing import Any

from ib_tui.domain.itemformat import validate_documents
from ib_tui.domain.model import Status
from ib_tui.services.context import ServiceContext
from ib_tui.store import ItemRepository, MeetingRepository


def demo_data() -> dict[str, Any]:
    text = resources.files("ib_tui").joinpath("data/demo.json").read_text("utf-8")
    return json.loads(text)


def load_demo(context: ServiceContext) -> int:
    """Fills an empty database with the demo set; returns the number of items.

    Each item is registered on its `received` date and moved to its status on `status_date`,
    so the history and the list's dates look like a real year."""
    data = demo_data()
    result = validate_documents(entry["item"] for entry in data["items"])
    if not result.ok:  # the shipped file is tested; this guards against edits
        raise ValueError("demo.json: " + "; ".join(str(error) for error in result.errors))
    repository = ItemRepository(context.store)
    meetings = MeetingRepository(context.store)
    zone = context.now().tzinfo
    with context.store.transaction():
        for meeting in data["meetings"]:
            meetings.ensure(
                datetime.fromisoformat(meeting["date"]).date(), meeting["time"], meeting["place"]
            )
        for entry, item in zip(data["items"], result.items, strict=True):
            registered = datetime.combine(item.received, time(9, 0), zone)
            item_id = repository.insert(item, user="demo", at=registered)
            if item.meeting:
                meeting_id, _ = meetings.ensure(item.meeting)
                meetings.add_to_agenda(meeting_id, item_id)
            status = Status(entry["status"])
            if status is not Status.RECEIVED:
                changed = datetime.combine(
                    datetime.fromisoformat(entry["status_date"]).date(), time(15, 0), zone
                )
                repository.set_status(
                    item_id, status, user="demo", at=changed, reason=entry.get("status_reason")
                )
    return len(result.items)
