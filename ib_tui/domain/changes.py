"""Field-level differences between two versions of an item, and merging an edit onto what someone
else saved in the meantime.

The conflict dialog and undo are built on this: a conflict is the fields where the user's version
and the stored one differ, each with both values; the user picks a side per field, and `merge`
builds the item to save from the stored version plus the fields the user chose to keep.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum
from typing import Any

from ib_tui.domain.dates import format_amount, format_date
from ib_tui.domain.model import (
    COST_KEYS,
    COST_LABELS,
    FLAG_LABELS,
    ORIENTATIONS,
    Item,
    Reception,
)

FIELD_LABELS: dict[str, str] = {
    "kind": "typ",
    "title": "rubrik",
    "dnr": "dnr",
    "requested_by": "begärt av",
    "received": "inkom",
    "starts": "startar",
    "ends": "slutar",
    "summary": "sammanfattning",
    "city": "stad",
    "country": "land",
    "guests": "antal gäster",
    **{f"costs.{key}": f"kostnad {COST_LABELS[key]}" for key in COST_KEYS},
    "actual_costs": "faktiska kostnader",
    "participants": "deltagare",
    **FLAG_LABELS,
    "confidential_ground": "sekretessgrund",
    "agreement": "avtal",
    "aid": "bistånd",
    "orientation": "inriktning",
    "purpose": "syfte och nytta",
    "on_behalf_of_ks": "på kommunstyrelsens uppdrag",
    "budgeted": "budgeterat",
    "staff_commitment": "åtagande av personaltid",
    "membership": "medlemskapets art",
    "reception": "mottagningens underlag",
    "status": "status",
}
# The trail names nested columns by their dotted field (store: membership_type → membership.type).
HISTORY_LABELS: dict[str, str] = {
    "membership.type": "medlemskap: typ",
    "membership.new": "medlemskap: nytt",
    "reception.event": "mottagning: evenemang",
    "reception.participants": "mottagning: deltagare",
    "reception.participants_abroad": "mottagning: deltagare från utlandet",
    "reception.level": "mottagning: nivå",
    **{f"actual_costs.{key}": f"faktisk kostnad {COST_LABELS[key]}" for key in COST_KEYS},
}
# The fields a user edits in the form, in the form's order. Status has its own use case.
FIELDS: tuple[str, ...] = tuple(name for name in FIELD_LABELS if name != "status")


def field_label(name: str) -> str:
    """Swedish label of a field; history names (`agreement.partner`) fall back to themselves."""
    return FIELD_LABELS.get(name) or HISTORY_LABELS.get(name, name)


def get_field(item: Item, name: str) -> object:
    if name.startswith("costs."):
        return getattr(item.costs, name.removeprefix("costs."))
    return getattr(item, name)


def with_field(item: Item, name: str, value: object) -> Item:
    # The field is chosen at run time, so its type cannot be checked here: the caller passes a
    # value read from the same field (get_field) of another version of the item.
    change: dict[str, Any] = {name.removeprefix("costs."): value}
    if name.startswith("costs."):
        return replace(item, costs=replace(item.costs, **change))
    return replace(item, **change)


def changed_fields(before: Item, after: Item) -> list[str]:
    """The editable fields whose values differ, in form order."""
    return [name for name in FIELDS if get_field(before, name) != get_field(after, name)]


def field_text(item: Item, name: str) -> str:
    """A field's value as a person reads it (Swedish), `–` when empty."""
    value = get_field(item, name)
    if value is None or value == () or value == "":
        return "–"
    if name.startswith("costs."):
        return format_amount(int(value))  # type: ignore[call-overload]
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, date):
        return format_date(value)
    if name == "kind":
        return item.kind.label
    if name == "participants":
        return "; ".join(f"{person.name} ({person.role.label})" for person in item.participants)
    if name == "orientation":
        return ", ".join(ORIENTATIONS.get(key, key) for key in item.orientation)
    if name == "agreement" and (agreement := item.agreement):
        parts = [agreement.type.label]
        if agreement.partner:
            parts.append(f"med {agreement.partner}")
        if agreement.theme:
            parts.append(f"tema {agreement.theme}")
        if agreement.signed:
            parts.append(f"tecknat {format_date(agreement.signed)}")
        if agreement.ends:
            parts.append(f"till {format_date(agreement.ends)}")
        return ", ".join(parts)
    if name == "membership" and (membership := item.membership):
        return f"{membership.type.label}, {'nytt' if membership.new else 'fortsatt'}"
    if name == "reception" and (reception := item.reception):
        return reception_text(reception)
    if name == "actual_costs" and (actual := item.actual_costs) is not None:
        parts = [f"{COST_LABELS[k]} {format_amount(v)}" for k, v in actual.nonzero().items()]
        return f"{format_amount(actual.total)}" + (f" ({', '.join(parts)})" if parts else "")
    if name == "aid" and (aid := item.aid):
        funded = "helt finansierat" if aid.fully_funded else "inte helt finansierat"
        return f"{aid.funder or 'finansiär saknas'}, {funded}"
    return str(value)


def reception_text(reception: Reception) -> str:
    """ "kongress, 400 deltagare varav 300 från utlandet, VM-nivå"; unknown facts are left out."""
    parts = [reception.event.label] if reception.event else []
    if reception.participants is not None:
        people = f"{reception.participants} deltagare"
        if reception.participants_abroad is not None:
            people += f" varav {reception.participants_abroad} från utlandet"
        parts.append(people)
    elif reception.participants_abroad is not None:
        parts.append(f"{reception.participants_abroad} deltagare från utlandet")
    if reception.level:
        parts.append(reception.level.label)
    return ", ".join(parts) or "inga uppgifter"


class Side(StrEnum):
    MINE = "mine"
    THEIRS = "theirs"

    @property
    def label(self) -> str:
        return "mitt" if self is Side.MINE else "deras"


@dataclass(frozen=True, slots=True)
class FieldConflict:
    """One field where the user's version and the stored one differ."""

    name: str
    mine_changed: bool
    theirs_changed: bool

    @property
    def label(self) -> str:
        return field_label(self.name)

    @property
    def both_changed(self) -> bool:
        return self.mine_changed and self.theirs_changed

    @property
    def preset(self) -> Side | None:
        """The side to keep unless the user says otherwise: whoever changed the field. When both
        did, nobody's value wins by default: the user must choose."""
        if self.both_changed:
            return None
        return Side.MINE if self.mine_changed else Side.THEIRS


@dataclass(frozen=True, slots=True)
class Conflict:
    """The user edited `base` into `mine`; meanwhile `theirs` was saved over `base`."""

    base: Item
    mine: Item
    theirs: Item
    fields: tuple[FieldConflict, ...]

    @classmethod
    def between(cls, base: Item, mine: Item, theirs: Item) -> Conflict:
        fields = tuple(
            FieldConflict(
                name,
                mine_changed=get_field(mine, name) != get_field(base, name),
                theirs_changed=get_field(theirs, name) != get_field(base, name),
            )
            for name in FIELDS
            if get_field(mine, name) != get_field(theirs, name)
        )
        return cls(base, mine, theirs, fields)

    def presets(self) -> dict[str, Side | None]:
        return {field.name: field.preset for field in self.fields}

    def merge(self, choices: Mapping[str, Side]) -> Item:
        """The stored version with the fields chosen as MINE taken from the user's; ready to
        save over `theirs` (its id, version and status)."""
        missing = [field.name for field in self.fields if field.name not in choices]
        if missing:
            raise ValueError(f"no choice for {', '.join(missing)}")
        merged = self.theirs
        for field in self.fields:
            if choices[field.name] is Side.MINE:
                merged = with_field(merged, field.name, get_field(self.mine, field.name))
        return merged
