"""The item format v1: every field, every error names item and field, nothing half-valid."""

from __future__ import annotations

from datetime import date

import pytest

from ib_tui.domain.itemfile import documents_from_csv, documents_from_json
from ib_tui.domain.itemformat import (
    FormatError,
    item_to_document,
    validate_document,
    validate_documents,
)
from ib_tui.domain.model import AgreementType, Kind, Role

FULL = {
    "kind": "visit",
    "title": "Delegation från Guangzhou",
    "dnr": "KS 2026/1912",
    "requested_by": "Stadsledningskontoret",
    "received": "17 november 2026",
    "starts": "2027-03-10",
    "ends": "2027-03-12",
    "summary": "Besök om avfallshantering.",
    "city": "Guangzhou",
    "country": "Kina",
    "digital": False,
    "participants": [{"name": "Anna Berg", "role": "politician"}, {"name": "Ola Ek"}],
    "guests": 12,
    "costs": {"meals": 4800, "gifts": 1200},
    "invitation_letter": True,
    "priority_visit": False,
    "political_level": False,
    "foreign_policy": False,
    "agreement": {"type": "cooperation", "partner": "Guangzhou", "theme": "Avfall",
                  "ends": "2028-12-31", "signed": "2027-03-11"},
    "extra_resources": False,
    "aid": {"funder": "Sida", "fully_funded": True},
    "city_wide": False,
    "eu_project": False,
    "orientation": ["samverkan", "omvarldsbevakning"],
    "confidential": False,
    "meeting": "2026-12-09",
}  # fmt: skip


def errors_of(document: object) -> list[str]:
    _, errors = validate_document(document, index=3)
    return [str(error) for error in errors]


def test_reads_every_field() -> None:
    item, errors = validate_document(FULL)
    assert errors == []
    assert item is not None
    assert item.kind is Kind.VISIT
    assert item.received == date(2026, 11, 17)
    assert item.participants[0].role is Role.POLITICIAN
    assert item.participants[1].role is Role.OFFICIAL  # the role may be left out
    assert item.costs.total == 6000
    assert item.agreement is not None and item.agreement.type is AgreementType.COOPERATION
    assert item.aid is not None and item.aid.fully_funded
    assert item.orientation == ("omvarldsbevakning", "samverkan")  # the strategy's order
    assert item.meeting == date(2026, 12, 9)


def test_round_trips_through_the_document_form() -> None:
    item, _ = validate_document(FULL)
    again, errors = validate_document(item_to_document(item))
    assert errors == []
    assert again == item


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"colour": "red"}, 'item 3: field "colour": okänt fält'),
        ({"kind": "party"}, 'item 3: field "kind": okänd typ'),
        ({"kind": None}, 'item 3: field "kind": saknas'),
        ({"title": None}, 'item 3: field "title": saknas'),
        ({"title": "   "}, 'item 3: field "title": får inte vara tomt'),
        ({"title": 12}, 'item 3: field "title": måste vara text'),
        ({"starts": "31 februari 2025"}, 'item 3: field "starts": \'31 februari 2025\' finns inte'),
        ({"ends": "2027-03-01"}, 'item 3: field "ends": ligger före starts'),
        ({"costs": {"travel": -1}}, 'item 3: field "costs.travel": måste vara ≥ 0'),
        ({"costs": {"travel": 12.5}}, 'item 3: field "costs.travel": måste vara ett heltal'),
        ({"costs": {"travel": True}}, 'item 3: field "costs.travel": måste vara ett heltal'),
        ({"costs": {"fuel": 1}}, 'item 3: field "costs.fuel": okänt fält'),
        ({"costs": {"travel": 10**12}}, 'item 3: field "costs.travel": är orimligt stort'),
        ({"guests": -2}, 'item 3: field "guests": måste vara ≥ 0'),
        ({"digital": "ja"}, 'item 3: field "digital": måste vara true eller false'),
        ({"participants": [{"name": "A", "role": "king"}]},
         'item 3: field "participants.1.role": okänt värde'),
        ({"participants": [{"role": "official"}]}, 'item 3: field "participants.1.name": saknas'),
        ({"agreement": {"partner": "Oslo"}}, 'item 3: field "agreement.type": saknas'),
        ({"agreement": {"type": "marriage"}}, 'item 3: field "agreement.type": okänt värde'),
        ({"aid": {"fully_funded": "yes"}},
         'item 3: field "aid.fully_funded": måste vara true eller false'),
        ({"orientation": ["fika"]}, 'item 3: field "orientation": okänd inriktning'),
        ({"orientation": [["nested"]]}, 'item 3: field "orientation": okänd inriktning'),
        ({"meeting": "i morgon"}, 'item 3: field "meeting": \'i morgon\' är inget datum'),
    ],
)  # fmt: skip
def test_names_item_and_field_for_each_error(change: dict, expected: str) -> None:
    document = {k: v for k, v in (FULL | change).items() if v is not None}
    errors = errors_of(document)
    assert any(error.startswith(expected) for error in errors), errors


def test_collects_every_error_of_an_item() -> None:
    errors = errors_of({"kind": "x", "costs": {"travel": -1}, "colour": 1})
    assert len(errors) == 4  # colour, kind, title, costs.travel


def test_a_non_object_is_an_error() -> None:
    assert errors_of(["not", "an", "item"]) == ["item 3: måste vara ett objekt med fält"]


def test_one_bad_item_means_no_items() -> None:
    result = validate_documents([FULL, {"kind": "visit"}, FULL])
    assert not result.ok
    assert result.items == []
    assert [str(e) for e in result.errors] == ['item 2: field "title": saknas']


def test_json_shapes() -> None:
    assert documents_from_json('{"kind": "visit", "title": "A"}') == [
        {"kind": "visit", "title": "A"}
    ]
    assert len(documents_from_json('[{"title": "A"}, {"title": "B"}]')) == 2
    assert len(documents_from_json('{"items": [{"title": "A"}]}')) == 1
    with pytest.raises(FormatError, match="rad 1"):
        documents_from_json("{nope")
    with pytest.raises(FormatError):
        documents_from_json('"just text"')


def test_csv_flattens_nested_fields_and_types_cells() -> None:
    text = (
        "kind,title,costs.travel,costs.meals,digital,agreement.type,agreement.ends,"
        "orientation,participants,guests\n"
        'conference,Eurocities årsmöte,"12 500",,ja,cooperation,3 mars 2027,'
        "profilering;samverkan,Anna Berg:politician; Ola Ek,3\n"
    )
    (document,) = documents_from_csv(text)
    item, errors = validate_document(document)
    assert errors == []
    assert item is not None
    assert item.costs.travel == 12500
    assert item.digital is True
    assert item.agreement is not None and item.agreement.ends == date(2027, 3, 3)
    assert item.orientation == ("profilering", "samverkan")
    assert [p.name for p in item.participants] == ["Anna Berg", "Ola Ek"]
    assert item.guests == 3


def test_csv_errors_name_the_field() -> None:
    (document,) = documents_from_csv("kind,title,costs.travel\nconference,A,-5\n")
    assert errors_of(document) == ['item 3: field "costs.travel": måste vara ≥ 0']
    (document,) = documents_from_csv("kind,title,costs.travel\nconference,A,mycket\n")
    assert errors_of(document) == ['item 3: field "costs.travel": måste vara ett heltal (kronor)']


def test_csv_with_shifted_cells_is_rejected_whole() -> None:
    with pytest.raises(FormatError, match="rad 2"):
        documents_from_csv("kind,title\nconference,A,extra\n")


def test_actual_costs_use_the_cost_keys() -> None:
    from ib_tui.domain.itemformat import item_to_document, validate_document
    from ib_tui.domain.model import Costs

    item, errors = validate_document(
        {"kind": "conference", "title": "Resa", "actual_costs": {"travel": 1200}}
    )
    assert not errors and item is not None
    assert item.actual_costs == Costs(travel=1200)
    assert item_to_document(item)["actual_costs"] == {"travel": 1200}
    _, errors = validate_document({"kind": "conference", "title": "R", "actual_costs": {"x": 1}})
    assert [str(e) for e in errors] == ['item 1: field "actual_costs.x": okänt fält']
    missing, _ = validate_document({"kind": "conference", "title": "Resa"})
    assert missing is not None and missing.actual_costs is None
