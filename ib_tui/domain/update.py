"""Updating a stored item from a file: only the fields the file names change.

`ib-tui import FIL --existing update` reads a document per item. A field the document leaves
out keeps its stored value; a field set to `null` is cleared; a nested object (`costs`,
`agreement`, `aid`, `membership`, `reception`) changes key by key the same way, so
`{"costs": {"travel": 7000}}` changes the travel cost and nothing else. Lists (`participants`,
`orientation`) are replaced as a whole when named. In CSV an empty cell is "not given" and the
cell text `null` clears (docs/item-format.md).

The result is a complete document, validated like any other, so an update can never store what
a full file could not.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

NESTED_FIELDS = frozenset({"costs", "actual_costs", "agreement", "aid", "membership", "reception"})


def named_fields(update: Mapping[str, Any]) -> set[str]:
    """The fields a document names, nested ones dotted (`costs.travel`)."""
    names: set[str] = set()
    for name, value in update.items():
        if name in NESTED_FIELDS and isinstance(value, Mapping):
            names |= {f"{name}.{key}" for key in value}
        else:
            names.add(name)
    return names


def overlay(stored: Mapping[str, Any], update: Mapping[str, Any]) -> dict[str, Any]:
    """The stored item's document with the update's fields applied (None clears)."""
    merged = dict(stored)
    for name, value in update.items():
        if value is None:
            merged.pop(name, None)
        elif name in NESTED_FIELDS and isinstance(value, Mapping):
            if not value:
                continue  # names no field: nothing changes
            base = stored.get(name)
            nested = dict(base) if isinstance(base, Mapping) else {}
            for key, inner in value.items():
                if inner is None:
                    nested.pop(key, None)
                else:
                    nested[key] = inner
            merged[name] = nested  # what is left is validated as a whole
        else:
            merged[name] = value
    if not merged.get("confidential"):
        # The ground belongs to the confidentiality: lifting it drops the ground too.
        merged.pop("confidential_ground", None)
    return merged


def lifts_confidential(stored: Mapping[str, Any], merged: Mapping[str, Any]) -> bool:
    """The update would make a confidential item public."""
    return bool(stored.get("confidential")) and not merged.get("confidential")
