"""Item file format (v1 and its backward-compatible v2 fields): read JSON/CSV text, validate
every item, build `Item`s. The whole format is in docs/item-format.md.

One validator serves `ib-tui check`, `ib-tui import` and the edit form, so a field that is wrong in
a file is wrong in the form with the same words. Every error names the item (1-based, as a person
counts rows) and the field, dotted for nested ones: `item 3: field "costs.travel": måste vara ≥ 0`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any, TypeVar

from ib_tui.domain.confidentiality import ground_problem
from ib_tui.domain.dates import DateError, parse_date
from ib_tui.domain.model import (
    COST_KEYS,
    ORIENTATIONS,
    Agreement,
    AgreementType,
    Aid,
    Costs,
    EventLevel,
    Item,
    Kind,
    Membership,
    MembershipType,
    Participant,
    Reception,
    ReceptionEvent,
    Role,
)
from ib_tui.errors import InvalidInput

MAX_TITLE = 500
MAX_TEXT = 100_000
MAX_SHORT_TEXT = 500
MAX_AMOUNT = 10_000_000_000  # ten billion kronor: larger is a typo, not a trip
MAX_GUESTS = 1_000_000
MAX_HOURS = 1_000_000

TEXT_FIELDS = (
    "title", "dnr", "requested_by", "summary", "city", "country", "purpose",
    "confidential_ground",
)  # fmt: skip
LONG_TEXT_FIELDS = ("summary", "purpose")
DATE_FIELDS = ("received", "starts", "ends", "meeting")
BOOL_FIELDS = (
    "digital", "invitation_letter", "priority_visit", "political_level", "foreign_policy",
    "extra_resources", "city_wide", "eu_project", "confidential",
)  # fmt: skip
# v2 flags where "not stated" differs from false: a v1 file that says nothing judges as before.
OPTIONAL_BOOL_FIELDS = ("on_behalf_of_ks", "budgeted")
ALL_FIELDS = frozenset(
    {"kind", "guests", "participants", "costs", "actual_costs", "agreement", "aid"}
    | {"orientation"}
    | {"membership", "reception", "staff_commitment"}
    | set(TEXT_FIELDS) | set(DATE_FIELDS) | set(BOOL_FIELDS) | set(OPTIONAL_BOOL_FIELDS)
)  # fmt: skip
AGREEMENT_FIELDS = frozenset({"type", "partner", "theme", "ends", "signed"})
AID_FIELDS = frozenset({"funder", "fully_funded"})
PARTICIPANT_FIELDS = frozenset({"name", "role"})
MEMBERSHIP_FIELDS = frozenset({"type", "new"})
RECEPTION_FIELDS = frozenset({"event", "participants", "participants_abroad", "level"})
RECEPTION_COUNTS = ("participants", "participants_abroad")

E = TypeVar("E", bound=StrEnum)


@dataclass(frozen=True, slots=True)
class FieldError:
    """One thing wrong with one item. `index` is 1-based; `field` is dotted or None."""

    index: int
    field: str | None
    message: str

    def __str__(self) -> str:
        # An empty field name (a CSV header cell left blank) is still named: field "".
        has_field = self.field is not None
        where = f'item {self.index}: field "{self.field}"' if has_field else f"item {self.index}"
        return f"{where}: {self.message}"


class FormatError(InvalidInput):
    """The file as a whole cannot be read (bad JSON, wrong shape, empty CSV)."""


@dataclass
class ValidationResult:
    items: list[Item] = field(default_factory=list)
    errors: list[FieldError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


# --- validating ---------------------------------------------------------------------------------


def validate_documents(documents: Iterable[Any]) -> ValidationResult:
    """Validates every document; items only when all of them are valid, so nothing half-stores."""
    result = ValidationResult()
    built: list[Item] = []
    for index, document in enumerate(documents, start=1):
        item, errors = validate_document(document, index)
        result.errors.extend(errors)
        if item is not None:
            built.append(item)
    if result.ok:
        result.items = built
    return result


def validate_document(document: Any, index: int = 1) -> tuple[Item | None, list[FieldError]]:
    checker = _Checker(index)
    item = checker.item(document)
    return (item if not checker.errors else None), checker.errors


class _Checker:
    """Collects every error of one document rather than stopping at the first."""

    def __init__(self, index: int) -> None:
        self.index = index
        self.errors: list[FieldError] = []

    def fail(self, name: str | None, message: str) -> None:
        self.errors.append(FieldError(self.index, name, message))

    def item(self, document: Any) -> Item | None:
        if not isinstance(document, Mapping):
            self.fail(None, "måste vara ett objekt med fält")
            return None
        for name in document:
            if name not in ALL_FIELDS:
                self.fail(str(name), "okänt fält")
        values: dict[str, Any] = {}
        values["kind"] = self.kind(document.get("kind"))
        values["title"] = self.text("title", document.get("title"), MAX_TITLE, required=True)
        for name in TEXT_FIELDS[1:]:
            limit = MAX_TEXT if name in LONG_TEXT_FIELDS else MAX_SHORT_TEXT
            values[name] = self.text(name, document.get(name), limit)
        for name in DATE_FIELDS:
            values[name] = self.date(name, document.get(name))
        for name in BOOL_FIELDS + OPTIONAL_BOOL_FIELDS:
            values[name] = self.flag(name, document.get(name))
        values["guests"] = self.count("guests", document.get("guests"), MAX_GUESTS)
        values["costs"] = self.costs(document.get("costs"))
        if (actual := document.get("actual_costs")) is not None:
            values["actual_costs"] = self.costs(actual, "actual_costs")
        values["participants"] = self.participants(document.get("participants"))
        values["agreement"] = self.agreement(document.get("agreement"))
        values["aid"] = self.aid(document.get("aid"))
        values["orientation"] = self.orientation(document.get("orientation"))
        values["membership"] = self.membership(document.get("membership"))
        values["reception"] = self.reception(document.get("reception"))
        values["staff_commitment"] = self.staff_commitment(document.get("staff_commitment"))
        self.order("starts", values["starts"], "ends", values["ends"])
        if problem := ground_problem(bool(values["confidential"]), values["confidential_ground"]):
            self.fail("confidential_ground", problem)
        if self.errors:
            return None
        for name in BOOL_FIELDS:
            values[name] = bool(values[name])
        return Item(**values)

    def order(self, first: str, start: date | None, last: str, end: date | None) -> None:
        if start and end and end < start:
            self.fail(last, f"ligger före {first} ({start.isoformat()})")

    def kind(self, value: Any) -> Kind | None:
        if value is None:
            self.fail("kind", "saknas; ange en av " + ", ".join(kind.value for kind in Kind))
            return None
        try:
            return Kind(value)
        except (ValueError, TypeError):
            self.fail("kind", f"okänd typ {value!r}; giltiga: " + ", ".join(k.value for k in Kind))
            return None

    def text(self, name: str, value: Any, limit: int, required: bool = False) -> str | None:
        if value is None:
            if required:
                self.fail(name, "saknas")
            return None
        if not isinstance(value, str):
            self.fail(name, "måste vara text")
            return None
        value = value.strip()
        if required and not value:
            self.fail(name, "får inte vara tomt")
            return None
        if len(value) > limit:
            self.fail(name, f"är för långt ({len(value)} tecken; högst {limit})")
            return None
        return value or None

    def date(self, name: str, value: Any) -> date | None:
        if value is None:
            return None
        try:
            return parse_date(value)
        except DateError as error:
            self.fail(name, str(error))
            return None

    def flag(self, name: str, value: Any) -> bool | None:
        if value is None or isinstance(value, bool):
            return value
        self.fail(name, "måste vara true eller false")
        return None

    def count(self, name: str, value: Any, limit: int, unit: str = "") -> int | None:
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(name, "måste vara ett heltal" + (f" ({unit})" if unit else ""))
            return None
        if value < 0:
            self.fail(name, "måste vara ≥ 0")
            return None
        if value > limit:
            self.fail(name, f"är orimligt stort (högst {limit:,})".replace(",", " "))
            return None
        return value

    def nested(self, name: str, value: Any, allowed: frozenset[str]) -> Mapping[str, Any] | None:
        if value is None:
            return None
        if not isinstance(value, Mapping):
            self.fail(name, "måste vara ett objekt")
            return None
        for key in value:
            if key not in allowed:
                self.fail(f"{name}.{key}", "okänt fält")
        return value

    def costs(self, value: Any, name: str = "costs") -> Costs:
        costs = self.nested(name, value, frozenset(COST_KEYS))
        if costs is None:
            return Costs()
        amounts = {
            key: self.count(f"{name}.{key}", costs.get(key), MAX_AMOUNT, "kronor") or 0
            for key in COST_KEYS
        }
        return Costs(**amounts)

    def participants(self, value: Any) -> tuple[Participant, ...]:
        if value is None:
            return ()
        if not isinstance(value, list):
            self.fail("participants", "måste vara en lista av {name, role}")
            return ()
        people = []
        for number, person in enumerate(value, start=1):
            where = f"participants.{number}"
            if not isinstance(person, Mapping):
                self.fail(where, "måste vara ett objekt {name, role}")
                continue
            for key in person:
                if key not in PARTICIPANT_FIELDS:
                    self.fail(f"{where}.{key}", "okänt fält")
            name = self.text(f"{where}.name", person.get("name"), MAX_SHORT_TEXT, required=True)
            role = self.choice(f"{where}.role", person.get("role", Role.OFFICIAL.value), Role)
            if name and role:
                people.append(Participant(name=name, role=role))
        return tuple(people)

    def agreement(self, value: Any) -> Agreement | None:
        agreement = self.nested("agreement", value, AGREEMENT_FIELDS)
        if agreement is None:
            return None
        if agreement.get("type") is None:
            self.fail("agreement.type", "saknas; ange cooperation, intent eller twin_city")
            return None
        kind = self.choice("agreement.type", agreement.get("type"), AgreementType)
        partner = self.text("agreement.partner", agreement.get("partner"), MAX_SHORT_TEXT)
        theme = self.text("agreement.theme", agreement.get("theme"), MAX_SHORT_TEXT)
        ends = self.date("agreement.ends", agreement.get("ends"))
        signed = self.date("agreement.signed", agreement.get("signed"))
        self.order("agreement.signed", signed, "agreement.ends", ends)
        if kind is None:
            return None
        return Agreement(type=kind, partner=partner, theme=theme, ends=ends, signed=signed)

    def aid(self, value: Any) -> Aid | None:
        aid = self.nested("aid", value, AID_FIELDS)
        if aid is None:
            return None
        funder = self.text("aid.funder", aid.get("funder"), MAX_SHORT_TEXT)
        fully_funded = self.flag("aid.fully_funded", aid.get("fully_funded"))
        return Aid(funder=funder, fully_funded=bool(fully_funded))

    def orientation(self, value: Any) -> tuple[str, ...]:
        if value is None:
            return ()
        if not isinstance(value, list):
            self.fail("orientation", 'måste vara en lista, t.ex. ["profilering", "samverkan"]')
            return ()
        for entry in value:
            if not isinstance(entry, str) or entry not in ORIENTATIONS:
                valid = ", ".join(ORIENTATIONS)
                self.fail("orientation", f"okänd inriktning {entry!r}; giltiga: {valid}")
        # The strategy's order, so the same choice is always stored (and compared) the same way.
        return tuple(key for key in ORIENTATIONS if key in value)

    def membership(self, value: Any) -> Membership | None:
        membership = self.nested("membership", value, MEMBERSHIP_FIELDS)
        if membership is None:
            return None
        kind = self.choice(
            "membership.type", membership.get("type", MembershipType.ORGANISATION.value),
            MembershipType,
        )  # fmt: skip
        new = self.flag("membership.new", membership.get("new"))
        if kind is None:
            return None
        return Membership(type=kind, new=True if new is None else new)

    def reception(self, value: Any) -> Reception | None:
        reception = self.nested("reception", value, RECEPTION_FIELDS)
        if reception is None:
            return None
        event = level = None
        if reception.get("event") is not None:
            event = self.choice("reception.event", reception["event"], ReceptionEvent)
        if reception.get("level") is not None:
            level = self.choice("reception.level", reception["level"], EventLevel)
        total, abroad = (
            self.count(f"reception.{key}", reception.get(key), MAX_GUESTS, "personer")
            for key in RECEPTION_COUNTS
        )
        if total is not None and abroad is not None and abroad > total:
            self.fail(
                "reception.participants_abroad",
                f"fler ({abroad}) än deltagarna totalt (reception.participants: {total})",
            )
        return Reception(event=event, participants=total, participants_abroad=abroad, level=level)

    def staff_commitment(self, value: Any) -> str | None:
        """Free text ("en handläggare 20 % under 2026"), or a number of hours (stored as text).
        Zero hours is no commitment."""
        if isinstance(value, int) and not isinstance(value, bool):
            hours = self.count("staff_commitment", value, MAX_HOURS, "timmar")
            return f"{hours} timmar" if hours else None
        if value is not None and not isinstance(value, str):
            self.fail("staff_commitment", "måste vara text eller ett antal timmar (heltal)")
            return None
        return self.text("staff_commitment", value, MAX_SHORT_TEXT)

    def choice(self, name: str, value: Any, enum: type[E]) -> E | None:
        try:
            return enum(value)
        except (ValueError, TypeError):
            options = ", ".join(member.value for member in enum)
            self.fail(name, f"okänt värde {value!r}; giltiga: {options}")
            return None


# --- writing ------------------------------------------------------------------------------------


def item_to_document(item: Item) -> dict[str, Any]:
    """The item as an item-format document: the inverse of validation (round-trips)."""
    document: dict[str, Any] = {"kind": item.kind.value, "title": item.title}
    for name in TEXT_FIELDS[1:]:
        if (value := getattr(item, name)) is not None:
            document[name] = value
    for name in DATE_FIELDS:
        if (value := getattr(item, name)) is not None:
            document[name] = value.isoformat()
    for name in BOOL_FIELDS:
        if getattr(item, name):
            document[name] = True
    for name in OPTIONAL_BOOL_FIELDS:
        if (flag := getattr(item, name)) is not None:
            document[name] = flag
    if item.guests is not None:
        document["guests"] = item.guests
    if costs := item.costs.nonzero():
        document["costs"] = costs
    if item.actual_costs is not None:
        document["actual_costs"] = item.actual_costs.nonzero()
    if item.participants:
        document["participants"] = [
            {"name": person.name, "role": person.role.value} for person in item.participants
        ]
    if agreement := item.agreement:
        document["agreement"] = {"type": agreement.type.value} | {
            key: (value.isoformat() if isinstance(value, date) else value)
            for key in ("partner", "theme", "ends", "signed")
            if (value := getattr(agreement, key)) is not None
        }
    if aid := item.aid:
        document["aid"] = {"fully_funded": aid.fully_funded} | (
            {"funder": aid.funder} if aid.funder else {}
        )
    if item.orientation:
        document["orientation"] = list(item.orientation)
    if membership := item.membership:
        document["membership"] = {"type": membership.type.value, "new": membership.new}
    if reception := item.reception:
        document["reception"] = {
            key: (value.value if isinstance(value, StrEnum) else value)
            for key in ("event", "participants", "participants_abroad", "level")
            if (value := getattr(reception, key)) is not None
        }
    if item.staff_commitment:
        document["staff_commitment"] = item.staff_commitment
    return document
