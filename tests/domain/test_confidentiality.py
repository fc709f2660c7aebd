"""Sekretess: the one rule every output asks (domain/confidentiality.py)."""

from __future__ import annotations

from datetime import date

import pytest

from ib_tui.domain.confidentiality import (
    hidden_count,
    may_show,
    may_show_delegation,
    placeholder,
    shown,
)
from ib_tui.domain.itemformat import item_to_document, validate_document
from ib_tui.domain.meeting import AgendaEntry, DelegationDecision
from tests.conftest import make_item


def test_a_public_output_hides_a_confidential_item_and_shows_the_rest() -> None:
    secret = make_item(
        title="Slutet möte", confidential=True, confidential_ground="18 kap. 8 § OSL"
    )
    public = make_item(title="Eurocities")
    assert not may_show(secret)
    assert may_show(secret, include_confidential=True)
    assert may_show(public)
    assert shown([secret, public]) == [public]
    assert hidden_count([secret, public]) == 1
    assert may_show(None)  # a standard agenda entry has no item


def test_the_placeholder_names_the_ground_and_nothing_else() -> None:
    secret = make_item(
        title="Slutet möte", confidential=True, confidential_ground="18 kap. 8 § OSL"
    )
    assert placeholder(secret) == "Ärende som omfattas av sekretess enligt 18 kap. 8 § OSL"
    # An item stored before the field existed: the law, never an invented paragraph.
    old = make_item(title="Slutet möte", confidential=True)
    assert placeholder(old) == (
        "Ärende som omfattas av sekretess enligt offentlighets- och sekretesslagen (OSL)"
    )
    entry = AgendaEntry("Slutet möte", item=secret)
    assert not may_show(entry)
    assert placeholder(entry) == placeholder(secret)


def test_a_delegation_decision_on_a_confidential_item_is_hidden() -> None:
    decision = DelegationDecision(
        item_id=1, decided_on=date(2026, 11, 20), delegate="Finansborgarrådet",
        decision="Beviljas", title="Slutet möte", confidential=True,
    )  # fmt: skip
    assert not may_show_delegation(decision)
    assert may_show_delegation(decision, include_confidential=True)
    open_decision = DelegationDecision(
        item_id=2, decided_on=date(2026, 11, 20), delegate="Finansborgarrådet", decision="Ja"
    )
    assert may_show_delegation(open_decision)


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ({"confidential_ground": "18 kap. 8 § OSL"}, "bara för ett ärende med sekretess"),
        ({"confidential": True, "confidential_ground": "för att"}, "ange lagrummet"),
        ({"confidential": True, "confidential_ground": "18 kap.\n8 §"}, "på en rad"),
        ({"confidential": True, "confidential_ground": "§" * 201}, "för långt"),
    ],
)
def test_a_wrong_ground_is_named(document: dict[str, object], message: str) -> None:
    _, errors = validate_document({"kind": "visit", "title": "Besök"} | document)
    assert [error.field for error in errors] == ["confidential_ground"]
    assert message in errors[0].message


def test_the_ground_round_trips_through_the_item_format() -> None:
    item = make_item(confidential=True, confidential_ground="15 kap. 1 § OSL")
    document = item_to_document(item)
    assert document["confidential_ground"] == "15 kap. 1 § OSL"
    again, errors = validate_document(document)
    assert not errors and again == item
