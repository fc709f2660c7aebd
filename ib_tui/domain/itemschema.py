"""A JSON Schema of the item format, generated from the validator's own field lists, enums and
limits (ib_tui/domain/itemformat.py), so the two cannot drift apart.

The schema says what a document may look like; a few rules only the validator can check: a date
that is in the calendar ("31 februari" is not), `ends` not before `starts`, at most as many
participants from abroad as participants, a sekretess ground when `confidential` is set, and text
that is empty once trimmed. tests/domain/test_itemschema.py holds the two against each other,
and against docs/item-format.schema.json (`python scripts/item_schema.py` rewrites it).
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from ib_tui.domain import itemformat as fmt
from ib_tui.domain.model import (
    COST_KEYS,
    ORIENTATIONS,
    AgreementType,
    EventLevel,
    Kind,
    MembershipType,
    ReceptionEvent,
    Role,
)

SCHEMA_ID = "https://github.com/stockholm/ib-tui/docs/item-format.schema.json"
# ISO (2025-03-03) or Swedish (3 mars 2025, den 3 mar. 2025), as dates.parse_date reads them.
DATE_PATTERN = r"^\s*(\d{4}-\d{2}-\d{2}|(den\s+)?\d{1,2}\s+[A-Za-zÅÄÖåäö]+\.?\s+\d{4})\s*$"
NOT_BLANK = r"\S"


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    """Every field may be null: the validator reads null as "not given"."""
    kinds = schema.get("type")
    if isinstance(kinds, str):
        return {**schema, "type": [kinds, "null"]}
    if "enum" in schema:
        return {**schema, "enum": [*schema["enum"], None]}
    return {"anyOf": [schema, {"type": "null"}]}


def _enum(enum: type[StrEnum]) -> dict[str, Any]:
    return {"type": "string", "enum": [member.value for member in enum]}


def _text(limit: int, *, required: bool = False) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "string", "maxLength": limit}
    if required:
        schema["pattern"] = NOT_BLANK
    return schema


def _date() -> dict[str, Any]:
    return {"type": "string", "pattern": DATE_PATTERN}


def _count(limit: int) -> dict[str, Any]:
    return {"type": "integer", "minimum": 0, "maximum": limit}


def _object(
    properties: dict[str, dict[str, Any]], required: tuple[str, ...] = ()
) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "type": "object",
        "properties": properties,
        "additionalProperties": False,
    }
    if required:
        schema["required"] = list(required)
    return schema


def _field(name: str) -> dict[str, Any]:
    """The schema of one top-level field."""
    if name == "kind":
        return _enum(Kind)
    if name == "title":
        return _text(fmt.MAX_TITLE, required=True)
    if name in fmt.TEXT_FIELDS:
        limit = fmt.MAX_TEXT if name in fmt.LONG_TEXT_FIELDS else fmt.MAX_SHORT_TEXT
        return _nullable(_text(limit))
    if name in fmt.DATE_FIELDS:
        return _nullable(_date())
    if name in fmt.BOOL_FIELDS or name in fmt.OPTIONAL_BOOL_FIELDS:
        return _nullable({"type": "boolean"})
    if name == "guests":
        return _nullable(_count(fmt.MAX_GUESTS))
    if name in ("costs", "actual_costs"):
        amount = _nullable(_count(fmt.MAX_AMOUNT))
        return _nullable(_object({key: amount for key in COST_KEYS}))
    if name == "participants":
        person = _object(
            {"name": _text(fmt.MAX_SHORT_TEXT, required=True), "role": _enum(Role)},
            required=("name",),
        )
        assert set(person["properties"]) == fmt.PARTICIPANT_FIELDS
        return _nullable({"type": "array", "items": person})
    if name == "agreement":
        properties = {
            "type": _enum(AgreementType),
            "partner": _nullable(_text(fmt.MAX_SHORT_TEXT)),
            "theme": _nullable(_text(fmt.MAX_SHORT_TEXT)),
            "ends": _nullable(_date()),
            "signed": _nullable(_date()),
        }
        assert set(properties) == fmt.AGREEMENT_FIELDS
        return _nullable(_object(properties, required=("type",)))
    if name == "aid":
        properties = {
            "funder": _nullable(_text(fmt.MAX_SHORT_TEXT)),
            "fully_funded": _nullable({"type": "boolean"}),
        }
        assert set(properties) == fmt.AID_FIELDS
        return _nullable(_object(properties))
    if name == "orientation":
        return _nullable({"type": "array", "items": {"enum": list(ORIENTATIONS)}})
    if name == "membership":
        properties = {"type": _enum(MembershipType), "new": _nullable({"type": "boolean"})}
        assert set(properties) == fmt.MEMBERSHIP_FIELDS
        return _nullable(_object(properties))
    if name == "reception":
        properties = {
            "event": _nullable(_enum(ReceptionEvent)),
            "participants": _nullable(_count(fmt.MAX_GUESTS)),
            "participants_abroad": _nullable(_count(fmt.MAX_GUESTS)),
            "level": _nullable(_enum(EventLevel)),
        }
        assert set(properties) == fmt.RECEPTION_FIELDS
        return _nullable(_object(properties))
    if name == "staff_commitment":
        return _nullable({"anyOf": [_text(fmt.MAX_SHORT_TEXT), _count(fmt.MAX_HOURS)]})
    raise KeyError(f"no schema for item field {name!r}")


def _item() -> dict[str, Any]:
    order = ["kind", "title", *sorted(fmt.ALL_FIELDS - {"kind", "title"})]
    return _object({name: _field(name) for name in order}, required=("kind", "title"))


def item_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of an item-format JSON file: one item, a list of items,
    or {"items": [...]}."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "ib-tui item format (v1 and v2)",
        "description": (
            "Generated from ib_tui/domain/itemformat.py by scripts/item_schema.py; see "
            "docs/item-format.md. Calendar dates, ends ≥ starts, participants_abroad ≤ "
            "participants and the sekretess ground are checked by the validator only."
        ),
        "$defs": {"item": _item()},
        "anyOf": [
            {"$ref": "#/$defs/item"},
            {"type": "array", "items": {"$ref": "#/$defs/item"}},
            _object({"items": {"type": "array", "items": {"$ref": "#/$defs/item"}}}, ("items",)),
        ],
    }


def schema_json() -> str:
    """The schema as docs/item-format.schema.json holds it."""
    import json

    return json.dumps(item_schema(), ensure_ascii=False, indent=2) + "\n"
