"""Registering the decision on an item, taken after IB's position: finansborgarrådet's on
delegation (the usual route), or kommunstyrelsen's, kommunfullmäktige's or a nämnd's."""

from __future__ import annotations

from collections.abc import Mapping

from ib_tui.domain.dates import DateError, format_date, parse_date
from ib_tui.domain.meeting import DecidingBody
from ib_tui.domain.model import Item
from ib_tui.errors import StoreError
from ib_tui.services import MeetingError, Services
from ib_tui.ui.modals.fields import Field, FieldsModal, Values

DEFAULT_DELEGATE = "Finansborgarrådet"
DEFAULT_CLAUSE = "att godkänna deltagande i enlighet med ansökan"
DEFAULT_POINT = "Kommunstyrelsens delegationsordning"
GRANTED = {"yes": True, "no": False, "": None}


def delegation_modal(services: Services, item: Item) -> FieldsModal:
    assert item.id is not None
    item_id = item.id

    def save(values: Values) -> Mapping[str, str]:
        try:
            decided_on = parse_date(values["decided_on"])
        except DateError as error:
            return {"decided_on": str(error)}
        body = DecidingBody(values["body"])
        try:
            services.meetings.register_delegation(
                item_id,
                decided_on,
                values["delegate"],
                body=body,
                clauses=values["clauses"].splitlines(),
                delegation_point=values["point"] if body is DecidingBody.DELEGATION else None,
                meeting_ref=values["point"] if body is not DecidingBody.DELEGATION else None,
                decision_dnr=values["dnr"],
                granted=GRANTED[values["granted"]],
            )
        except (MeetingError, StoreError) as error:
            return {"": str(error)}
        return {}

    fields = [
        Field("decided_on", "Beslutsdatum", format_date(services.today())),
        Field(
            "body",
            "Beslutat av",
            DecidingBody.DELEGATION.value,
            options=[(body.label, body.value) for body in DecidingBody],
        ),
        Field("delegate", "Beslutsfattare", DEFAULT_DELEGATE, hint="Den som undertecknar."),
        Field(
            "point",
            "Delegationspunkt eller sammanträde och §",
            DEFAULT_POINT,
            hint="Delegation: punkten i delegationsordningen. KS/KF: t.ex. ”KS 2026-12-16 § 12”.",
        ),
        Field(
            "clauses",
            "Beslut (att-satser)",
            DEFAULT_CLAUSE,
            multiline=True,
            hint="En att-sats per rad.",
        ),
        Field(
            "granted",
            "Utfall",
            "yes",
            options=[("bifall (ansökan beviljas)", "yes"), ("avslag", "no"), ("anges inte", "")],
        ),
        Field("dnr", "Beslutets dnr", item.dnr or ""),
    ]
    title = f"Registrera beslut: {item.dnr or item.title}"
    return FieldsModal(title, fields, save, wide=True)
