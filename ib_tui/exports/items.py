"""Items out, in the item format (docs/item-format.md), for scripts: JSON as
`{"items": [...]}` and CSV flattened the way `import` reads it (`costs.travel`, lists joined
with `;`, participants as `Namn:roll`). Both read back through `ib-tui import` to the same
items."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from typing import Any

from ib_tui.domain.itemformat import item_to_document
from ib_tui.domain.model import Item


def items_json(items: Iterable[Item]) -> str:
    documents = [item_to_document(item) for item in items]
    return json.dumps({"items": documents}, ensure_ascii=False, indent=2) + "\n"


def items_csv(items: Iterable[Item]) -> str:
    rows = [_flatten(item_to_document(item)) for item in items]
    columns: dict[str, None] = {}  # every column any row has, in first-seen order
    for row in rows:
        columns.update(dict.fromkeys(row))
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def _flatten(document: dict[str, Any]) -> dict[str, str]:
    row: dict[str, str] = {}
    for key, value in document.items():
        if isinstance(value, dict):
            for child, inner in value.items():
                row[f"{key}.{child}"] = _cell(inner)
        elif key == "participants":
            row[key] = "; ".join(_person(person) for person in value)
        else:
            row[key] = _cell(value)
    return row


def _person(person: dict[str, str]) -> str:
    return f"{person['name']}:{person['role']}" if person.get("role") else person["name"]


def _cell(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Sequence) and not isinstance(value, str):
        return ";".join(str(part) for part in value)
    return str(value)
