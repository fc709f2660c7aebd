"""Hypothesis fuzzing of the item-format validator: valid and broken documents (wrong types,
unknown fields, odd dates, huge numbers, control characters). The validator never crashes; it
answers with an item, or with errors that each name the item and a field of the document; and
a file with a broken item stores nothing."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from ib_tui.cli import main
from ib_tui.domain.itemfile import read_documents
from ib_tui.domain.itemformat import (
    ALL_FIELDS,
    BOOL_FIELDS,
    OPTIONAL_BOOL_FIELDS,
    FormatError,
    item_to_document,
    validate_document,
    validate_documents,
)
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

HOSTILE = ["\x1b[2J", "\x1b]0;owned\x07", "[bold red]röd[/]", "\u202eemordnilap", "\x00", "\r\n"]
ODD_DATES = [
    "2025-02-30", "31 februari 2025", "0000-00-00", "", "2025-1-1", "9999-12-31T00:00",
    "3 smörgåsar 2025", "den 3 mars", 20250303, None, [], {"år": 2025}, 1e308,
]  # fmt: skip
HUGE = [10**19, -(10**19), 2**63, 10**100, -1, 1.5, float("inf"), True, "12 500", "1e9"]

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=6), children, max_size=3)
    ),
    max_leaves=6,
)
texts = st.text(max_size=40) | st.sampled_from(HOSTILE) | st.text(max_size=3).map(lambda t: t * 300)
dates = st.dates(date(1900, 1, 1), date(2200, 12, 31)).map(lambda d: d.isoformat()) | (
    st.sampled_from(["3 mars 2025", "den 1 jan 2026"])
)


@st.composite
def valid_documents(draw: st.DrawFn) -> dict[str, Any]:
    title = draw(st.text(min_size=1, max_size=80).filter(lambda t: t.strip()))
    document: dict[str, Any] = {"kind": draw(st.sampled_from(list(Kind))).value, "title": title}
    for name in ("dnr", "requested_by", "city", "country", "summary"):
        if draw(st.booleans()):
            document[name] = draw(st.sampled_from(HOSTILE) | st.text(max_size=40))
    for name in ("received", "starts"):
        if draw(st.booleans()):
            document[name] = draw(dates)
    for name in BOOL_FIELDS:
        if draw(st.integers(0, 3)) == 0:
            document[name] = draw(st.booleans())
    if draw(st.booleans()):
        document["guests"] = draw(st.integers(0, 1_000_000))
    if draw(st.booleans()):
        keys = draw(st.lists(st.sampled_from(COST_KEYS), unique=True, max_size=3))
        document["costs"] = {key: draw(st.integers(0, 10_000_000_000)) for key in keys}
    if draw(st.booleans()):
        document["participants"] = [
            {"name": draw(st.text(min_size=1, max_size=20).filter(str.strip)),
             "role": draw(st.sampled_from(list(Role))).value}
            for _ in range(draw(st.integers(0, 3)))
        ]  # fmt: skip
    if draw(st.booleans()):
        document["agreement"] = {"type": draw(st.sampled_from(list(AgreementType))).value}
    if draw(st.booleans()):
        document["orientation"] = draw(st.lists(st.sampled_from(list(ORIENTATIONS)), max_size=4))
    document.update(draw(v2_fields()))
    return document


@st.composite
def v2_fields(draw: st.DrawFn) -> dict[str, Any]:
    """The item format's v2 fields, each present or not."""
    fields: dict[str, Any] = {}
    for name in OPTIONAL_BOOL_FIELDS:
        if draw(st.booleans()):
            fields[name] = draw(st.booleans())
    if draw(st.booleans()):
        fields["purpose"] = draw(st.sampled_from(HOSTILE) | st.text(max_size=40))
    if draw(st.booleans()):
        fields["staff_commitment"] = draw(st.integers(0, 1_000_000) | st.text(max_size=30))
    if draw(st.booleans()):
        membership = {}
        if draw(st.booleans()):
            membership["type"] = draw(st.sampled_from(list(MembershipType))).value
        if draw(st.booleans()):
            membership["new"] = draw(st.booleans())
        fields["membership"] = membership
    if draw(st.booleans()):
        reception: dict[str, Any] = {}
        if draw(st.booleans()):
            reception["event"] = draw(st.sampled_from(list(ReceptionEvent))).value
        if draw(st.booleans()):
            reception["level"] = draw(st.sampled_from(list(EventLevel))).value
        total = draw(st.none() | st.integers(0, 1_000_000))
        if total is not None:
            reception["participants"] = total
        if draw(st.booleans()):
            reception["participants_abroad"] = draw(
                st.integers(0, 1_000_000 if total is None else total)
            )
        fields["reception"] = reception
    return fields


V2_FAULTS = [
    ("membership", {"type": "förening"}, "membership.type"),
    ("membership", {"new": "ja"}, "membership.new"),
    ("membership", {"typ": "network"}, "membership.typ"),
    ("reception", {"event": "fest"}, "reception.event"),
    ("reception", {"level": "SM"}, "reception.level"),
    ("reception", {"participants": -1}, "reception.participants"),
    ("reception", {"participants_abroad": -5}, "reception.participants_abroad"),
    ("reception", {"participants": 100, "participants_abroad": 101},
     "reception.participants_abroad"),
    ("reception", "kongress", "reception"),
    ("on_behalf_of_ks", "ja", "on_behalf_of_ks"),
    ("budgeted", 1, "budgeted"),
    ("staff_commitment", -8, "staff_commitment"),
    ("staff_commitment", 2.5, "staff_commitment"),
    ("purpose", ["lära"], "purpose"),
]  # fmt: skip


@st.composite
def broken_documents(draw: st.DrawFn) -> Any:
    """A valid document with one or more faults, or something that is not a document at all."""
    if draw(st.integers(0, 9)) == 0:
        return draw(json_values)
    document = draw(valid_documents())
    for _ in range(draw(st.integers(1, 3))):
        faults = ["type", "unknown", "date", "number", "missing", "nested", "v2"]
        fault = draw(st.sampled_from(faults))
        if fault == "type":
            document[draw(st.sampled_from(sorted(ALL_FIELDS)))] = draw(json_values)
        elif fault == "unknown":
            name = draw(st.text(min_size=1, max_size=12) | st.sampled_from(HOSTILE))
            document[name] = draw(json_values)
        elif fault == "date":
            name = draw(st.sampled_from(["received", "starts", "ends", "meeting"]))
            document[name] = draw(st.sampled_from(ODD_DATES))
        elif fault == "number":
            key = draw(st.sampled_from(COST_KEYS))
            costs = document.get("costs")
            document["costs"] = {**(costs if isinstance(costs, dict) else {}), key: 0}
            document["costs"][key] = draw(st.sampled_from(HUGE))
        elif fault == "v2":
            name, value, _ = draw(st.sampled_from(V2_FAULTS))
            document[name] = value
        elif fault == "missing":
            document.pop(draw(st.sampled_from(["kind", "title"])), None)
        else:
            nested = ["agreement", "aid", "costs", "membership", "reception"]
            document[draw(st.sampled_from(nested))] = {draw(st.text(max_size=6)): draw(json_values)}
    return document


def assert_well_formed(document: Any, index: int) -> None:
    """Valid, or errors that each name the item and a field the document has (or lacks)."""
    item, errors = validate_document(document, index)
    assert (item is None) == bool(errors)
    for error in errors:
        assert error.index == index
        assert str(error).startswith(f"item {index}")
        assert error.message
        if isinstance(document, dict):
            assert error.field is not None, error
            assert f'field "{error.field}"' in str(error)
            top = error.field.split(".")[0]
            assert error.field in document or top in document or top in ("kind", "title"), error


@settings(max_examples=300, deadline=None)
@given(valid_documents())
def test_valid_documents_validate_and_round_trip(document: dict[str, Any]) -> None:
    item, errors = validate_document(document)
    assert errors == [] and item is not None
    again, errors = validate_document(item_to_document(item))
    assert errors == [] and again == item


@settings(max_examples=500, deadline=None)
@given(broken_documents(), st.integers(1, 10_000))
def test_the_validator_never_crashes_and_names_item_and_field(document: Any, index: int) -> None:
    assert_well_formed(document, index)


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.sampled_from(sorted(ALL_FIELDS)), json_values, max_size=6))
def test_any_json_value_in_any_field_is_answered(document: dict[str, Any]) -> None:
    assert_well_formed(document, 1)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300), st.sampled_from(["json", "csv"]))
def test_any_file_text_is_read_or_refused_with_a_format_error(text: str, fmt: str) -> None:
    try:
        documents = read_documents(text, fmt)
    except FormatError as error:
        assert str(error)
        return
    result = validate_documents(documents)
    assert result.ok or all(str(error).startswith("item ") for error in result.errors)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(few_valid := st.lists(valid_documents(), max_size=4), broken_documents(), few_valid)
def test_a_file_with_a_broken_item_stores_nothing(
    tmp_path: Path, before: list[Any], broken: Any, after: list[Any]
) -> None:
    _, errors = validate_document(broken)
    assume(errors)
    db = tmp_path / "ib.db"
    if not db.exists():  # one register for all examples, with something already in it
        assert main(["import", str(_write(tmp_path, [{"kind": "visit", "title": "Finns"}])),
                     "--db", str(db)]) == 0  # fmt: skip
    count = _count(db)
    assert main(["import", str(_write(tmp_path, [*before, broken, *after])), "--db", str(db)]) == 2
    assert _count(db) == count


def _write(tmp_path: Path, documents: list[Any]) -> Path:
    path = tmp_path / "fil.json"
    path.write_text(json.dumps(documents, ensure_ascii=False), encoding="utf-8")
    return path


def _count(db: Path) -> int:
    connection = sqlite3.connect(db)
    try:
        return connection.execute("SELECT count(*) FROM items").fetchone()[0]
    finally:
        connection.close()


@settings(max_examples=200, deadline=None)
@given(valid_documents(), st.sampled_from(V2_FAULTS), st.integers(1, 500))
def test_each_bad_v2_field_is_named_with_its_dotted_path(
    document: dict[str, Any], fault: tuple[str, Any, str], index: int
) -> None:
    name, value, field = fault
    document[name] = value
    item, errors = validate_document(document, index)
    assert item is None
    assert any(str(error).startswith(f'item {index}: field "{field}": ') for error in errors), [
        str(error) for error in errors
    ]
