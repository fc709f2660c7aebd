"""The JSON Schema (docs/item-format.schema.json) and the validator agree: the file is what the
generator makes, every document the validator accepts the schema accepts, and what the schema
refuses the validator refuses too (the schema is never the stricter one, and it names the same
fields, kinds and codes)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from ib_tui.domain import itemformat as fmt
from ib_tui.domain.itemformat import ALL_FIELDS, validate_document
from ib_tui.domain.itemschema import item_schema, schema_json
from tests.domain.test_itemformat_fuzz import V2_FAULTS, json_values, valid_documents

DOCS = Path(__file__).resolve().parents[2] / "docs"
SCHEMA = Draft202012Validator(item_schema())
ITEM = item_schema()["$defs"]["item"]


def schema_accepts(document: Any) -> bool:
    return SCHEMA.is_valid(document)


def test_the_shipped_schema_file_is_the_generated_one() -> None:
    shipped = (DOCS / "item-format.schema.json").read_text(encoding="utf-8")
    assert shipped == schema_json(), "run: python scripts/item_schema.py"
    Draft202012Validator.check_schema(json.loads(shipped))


def test_the_schema_names_exactly_the_validators_fields() -> None:
    assert set(ITEM["properties"]) == ALL_FIELDS
    assert ITEM["required"] == ["kind", "title"]
    nested = {
        "agreement": fmt.AGREEMENT_FIELDS, "aid": fmt.AID_FIELDS,
        "membership": fmt.MEMBERSHIP_FIELDS, "reception": fmt.RECEPTION_FIELDS,
    }  # fmt: skip
    for name, fields in nested.items():
        shape = ITEM["properties"][name]
        assert shape["type"] == ["object", "null"]
        assert set(shape["properties"]) == fields, name


@settings(max_examples=300, deadline=None)
@given(valid_documents())
def test_every_valid_document_is_valid_by_the_schema(document: dict[str, Any]) -> None:
    assert validate_document(document)[1] == []
    assert schema_accepts(document)
    assert schema_accepts([document, document]) and schema_accepts({"items": [document]})


@settings(max_examples=400, deadline=None)
@given(st.dictionaries(st.sampled_from(sorted(ALL_FIELDS)), json_values, max_size=6))
def test_the_schema_is_never_stricter_than_the_validator(document: dict[str, Any]) -> None:
    document = {"kind": "visit", "title": "Besök"} | document
    item, _ = validate_document(document)
    if item is not None:
        assert schema_accepts(document), document


@pytest.mark.parametrize(
    ("name", "value", "field"),
    [fault for fault in V2_FAULTS if fault[2] != "reception.participants_abroad"
     or fault[1].get("participants_abroad", 0) < 0],
)  # fmt: skip
def test_bad_v2_input_is_refused_by_both(name: str, value: Any, field: str) -> None:
    document = {"kind": "representation", "title": "Mottagning", name: value}
    assert validate_document(document)[1]
    assert not schema_accepts(document)


@pytest.mark.parametrize(
    "document",
    [
        {"kind": "ufo", "title": "A"},
        {"title": "A"},
        {"kind": "visit", "title": "   "},
        {"kind": "visit", "title": "A", "colour": "röd"},
        {"kind": "visit", "title": "A", "costs": {"travel": -5}},
        {"kind": "visit", "title": "A", "costs": {"taxi": 5}},
        {"kind": "visit", "title": "A", "starts": "nästa tisdag"},
        {"kind": "visit", "title": "A", "participants": [{"role": "politician"}]},
        {"kind": "visit", "title": "A", "orientation": ["turism"]},
        {"kind": "visit", "title": "A", "agreement": {"partner": "Oslo"}},
        {"kind": "visit", "title": "A", "guests": True},
    ],
)
def test_bad_v1_input_is_refused_by_both(document: dict[str, Any]) -> None:
    assert validate_document(document)[1]
    assert not schema_accepts(document)


def test_what_only_the_validator_checks_is_said() -> None:
    """The rules no JSON Schema can state pass the schema; the validator names them."""
    for document, field in [
        ({"starts": "31 februari 2027"}, "starts"),
        ({"starts": "2027-03-02", "ends": "2027-03-01"}, "ends"),
        ({"reception": {"participants": 10, "participants_abroad": 11}},
         "reception.participants_abroad"),
    ]:  # fmt: skip
        document = {"kind": "representation", "title": "Mottagning"} | document
        assert schema_accepts(document)
        assert [error.field for error in validate_document(document)[1]] == [field]
    assert "participants_abroad ≤ participants" in item_schema()["description"]
