"""Registering a decision taken under delegation (finansborgarrådet on a conference trip)."""

from __future__ import annotations

from collections.abc import Mapping

from ib_tui.domain.dates import DateError, format_date, parse_date
from ib_tui.domain.model import Item
from ib_tui.errors import StoreError
from ib_tui.services import MeetingError, Services
from ib_tui.ui.modals.fields import Field, FieldsModal, Values

DEFAULT_DELEGATE = "Finansborgarrådet"
DEFAULT_DECISION = "Finansborgarrådet beslutar att godkänna deltagande i enlighet med ansökan."


def delegation_modal(services: Services, item: Item) -> FieldsModal:
    assert item.id is not None
    item_id = item.id

    def save(values: Values) -> Mapping[str, str]:
        try:
            decided_on = parse_date(values["decided_on"])
        except DateError as error:
            return {"decided_on": str(error)}
        try:
            services.meetings.register_delegation(
                item_id, decided_on, values["delegate"], values["decision"]
            )
        except (MeetingError, StoreError) as error:
            return {"": str(error)}
        return {}

    fields = [
        Field("decided_on", "Beslutsdatum", format_date(services.context.today())),
        Field("delegate", "Delegat", DEFAULT_DELEGATE),
        Field("decision", "Beslut", DEFAULT_DECISION, multiline=True),
    ]
    title = f"Delegationsbeslut: {item.dnr or item.title}"
    return FieldsModal(title, fields, save, wide=True)
