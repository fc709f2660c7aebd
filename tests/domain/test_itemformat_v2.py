"""Item format v2: the new fields read from JSON and CSV, default to "not stated", round-trip,
and a bad value is named with its dotted field, as in v1."""

from __future__ import annotations

import json

import pytest

from ib_tui.domain.itemfile import documents_from_csv
from ib_tui.domain.itemformat import item_to_document, validate_document
from ib_tui.domain.model import EventLevel, Membership, MembershipType, Reception, ReceptionEvent

V2 = {
    "kind": "representation",
    "title": "Mottagning för världskongressen i hepatologi",
    "on_behalf_of_ks": True,
    "purpose": "Stärka Stockholmsbilden hos 2 000 forskare.",
    "membership": {"type": "network", "new": False},
    "reception": {
        "event": "congress", "participants": 2000, "participants_abroad": 1600, "level": "other",
    },
    "budgeted": False,
    "staff_commitment": "en handläggare 20 % under 2027",
}  # fmt: skip


def errors_of(document: object) -> list[str]:
    _, errors = validate_document(document, index=4)
    return [str(error) for error in errors]


def test_reads_every_v2_field() -> None:
    item, errors = validate_document(V2)
    assert errors == [] and item is not None
    assert item.on_behalf_of_ks is True
    assert item.purpose == "Stärka Stockholmsbilden hos 2 000 forskare."
    assert item.membership == Membership(MembershipType.NETWORK, new=False)
    assert item.reception == Reception(ReceptionEvent.CONGRESS, 2000, 1600, EventLevel.OTHER)
    assert item.budgeted is False
    assert item.staff_commitment == "en handläggare 20 % under 2027"
    again, errors = validate_document(item_to_document(item))
    assert errors == [] and again == item


def test_a_v1_document_leaves_every_v2_field_unstated() -> None:
    item, _ = validate_document({"kind": "membership", "title": "Eurocities"})
    assert item is not None
    assert (item.on_behalf_of_ks, item.budgeted, item.purpose, item.staff_commitment) == (
        None, None, None, None,
    )  # fmt: skip
    assert item.membership is None and item.reception is None
    assert set(item_to_document(item)) == {"kind", "title"}


def test_membership_defaults_to_a_new_organisation() -> None:
    item, _ = validate_document({"kind": "membership", "title": "M", "membership": {}})
    assert item is not None and item.membership == Membership(MembershipType.ORGANISATION, True)


def test_staff_commitment_in_hours_is_kept_as_text_and_zero_is_none() -> None:
    item, _ = validate_document({"kind": "declaration", "title": "D", "staff_commitment": 40})
    assert item is not None and item.staff_commitment == "40 timmar"
    item, _ = validate_document({"kind": "declaration", "title": "D", "staff_commitment": 0})
    assert item is not None and item.staff_commitment is None


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"reception": {"participants": 100, "participants_abroad": 150}},
         'item 4: field "reception.participants_abroad": fler (150) än deltagarna totalt'),
        ({"reception": {"participants": -3}},
         'item 4: field "reception.participants": måste vara ≥ 0'),
        ({"reception": {"participants_abroad": "många"}},
         'item 4: field "reception.participants_abroad": måste vara ett heltal'),
        ({"reception": {"event": "gala"}},
         "item 4: field \"reception.event\": okänt värde 'gala'; giltiga: congress, sport, other"),
        ({"reception": {"level": "sm"}},
         "item 4: field \"reception.level\": okänt värde 'sm'; giltiga: vm, em, other"),
        ({"reception": {"guests": 3}}, 'item 4: field "reception.guests": okänt fält'),
        ({"membership": {"type": "club"}},
         "item 4: field \"membership.type\": okänt värde 'club'; giltiga: organisation, network"),
        ({"membership": {"new": "yes"}}, 'item 4: field "membership.new": måste vara true'),
        ({"membership": ["network"]}, 'item 4: field "membership": måste vara ett objekt'),
        ({"on_behalf_of_ks": "ja"}, 'item 4: field "on_behalf_of_ks": måste vara true'),
        ({"budgeted": 1}, 'item 4: field "budgeted": måste vara true eller false'),
        ({"staff_commitment": -1}, 'item 4: field "staff_commitment": måste vara ≥ 0'),
        ({"staff_commitment": True}, 'item 4: field "staff_commitment": måste vara text'),
        ({"purpose": 12}, 'item 4: field "purpose": måste vara text'),
    ],
)  # fmt: skip
def test_bad_v2_input_names_item_and_dotted_field(change: dict, expected: str) -> None:
    assert any(message.startswith(expected) for message in errors_of(V2 | change)), errors_of(
        V2 | change
    )


def test_csv_flattens_the_v2_objects_and_types_their_cells() -> None:
    text = (
        "kind,title,on_behalf_of_ks,budgeted,staff_commitment,membership.type,membership.new,"
        "reception.event,reception.participants,reception.participants_abroad,reception.level,"
        "participants\n"
        "representation,VM i friidrott,nej,ja,12,network,nej,sport,3 000,2 100,vm,Anna Berg\n"
    )
    (document,) = documents_from_csv(text)
    assert document["reception"] == {
        "event": "sport", "participants": 3000, "participants_abroad": 2100, "level": "vm",
    }  # fmt: skip
    assert document["participants"] == [{"name": "Anna Berg"}]  # the list, not the count
    assert document["membership"] == {"type": "network", "new": False}
    assert (document["on_behalf_of_ks"], document["budgeted"]) == (False, True)
    item, errors = validate_document(document)
    assert errors == [] and item is not None
    assert item.staff_commitment == "12 timmar"


def test_csv_bad_count_is_named_with_the_column() -> None:
    (document,) = documents_from_csv(
        "kind,title,reception.participants,reception.participants_abroad\n"
        "representation,X,100,ett hundra\n"
    )
    assert errors_of(document)[0].startswith(
        'item 4: field "reception.participants_abroad": måste vara ett heltal'
    )


def test_the_v2_document_is_plain_json() -> None:
    item, _ = validate_document(V2)
    assert item is not None
    assert json.loads(json.dumps(item_to_document(item))) == item_to_document(item)
