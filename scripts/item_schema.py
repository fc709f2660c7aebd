"""Writes docs/item-format.schema.json from the validator (ib_tui.domain.itemschema).

Run after changing the item format: `python scripts/item_schema.py`. The tests fail while the
file and the validator disagree."""

from __future__ import annotations

from pathlib import Path

from ib_tui.domain.itemschema import schema_json

TARGET = Path(__file__).resolve().parent.parent / "docs" / "item-format.schema.json"


if __name__ == "__main__":
    TARGET.write_text(schema_json(), encoding="utf-8")
    print(f"wrote {TARGET}")
