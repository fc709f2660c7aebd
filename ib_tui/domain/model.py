"""The things IB works with, as plain immutable values.

Codes (enum values) are English and stable: they go into the database, the JSON format and the
tests. Every enum also carries the Swedish label the user sees.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum


class Kind(StrEnum):
    CONFERENCE = "conference"
    DECLARATION = "declaration"
    VISIT = "visit"
    REPRESENTATION = "representation"
    COOPERATION = "cooperation"
    MEMBERSHIP = "membership"

    @property
    def label(self) -> str:
        return KIND_LABELS[self]

    @property
    def short(self) -> str:
        """A label that fits the list's narrow kind column."""
        return KIND_SHORT[self]


KIND_LABELS = {
    Kind.CONFERENCE: "konferensresa",
    Kind.DECLARATION: "deklaration/initiativ",
    Kind.VISIT: "delegationsbesök",
    Kind.REPRESENTATION: "representationsmottagning",
    Kind.COOPERATION: "samarbete/avtal",
    Kind.MEMBERSHIP: "medlemskap",
}
KIND_SHORT = {
    Kind.CONFERENCE: "konferens",
    Kind.DECLARATION: "deklaration",
    Kind.VISIT: "besök",
    Kind.REPRESENTATION: "mottagning",
    Kind.COOPERATION: "samarbete",
    Kind.MEMBERSHIP: "medlemskap",
}


class Status(StrEnum):
    """Where an item is in the beredning chain (docs/meetings.md): registered, prepared, IB's
    position at a meeting, then the deciding organ's decision."""

    RECEIVED = "received"
    IN_PREPARATION = "in_preparation"
    READY = "ready"
    ENDORSED = "endorsed"
    OPPOSED = "opposed"
    RAISED_TO_KS = "raised_to_ks"
    NOTED = "noted"
    DECIDED = "decided"
    WRITTEN_OFF = "written_off"

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]


STATUS_LABELS = {
    Status.RECEIVED: "inkommen",
    Status.IN_PREPARATION: "under beredning",
    Status.READY: "klar för IB",
    Status.ENDORSED: "tillstyrkt i IB",
    Status.OPPOSED: "avstyrkt i IB",
    Status.RAISED_TO_KS: "lyft till kommunstyrelsen",
    Status.NOTED: "noterat i IB",
    Status.DECIDED: "beslutad",
    Status.WRITTEN_OFF: "avskriven",
}


class Verdict(StrEnum):
    CONFLICT = "conflict"
    WARNING = "warning"
    OK = "ok"

    @property
    def label(self) -> str:
        return VERDICT_LABELS[self]

    @property
    def symbol(self) -> str:
        """A shape that carries the meaning without colour (projectors, colour blindness)."""
        return VERDICT_SYMBOLS[self]

    @property
    def severity(self) -> int:
        return VERDICT_SEVERITY[self]

    @property
    def marker(self) -> str:
        return f"{self.symbol} {self.label}"


VERDICT_LABELS = {Verdict.CONFLICT: "Konflikt", Verdict.WARNING: "Varning", Verdict.OK: "OK"}
VERDICT_SYMBOLS = {Verdict.CONFLICT: "✖", Verdict.WARNING: "▲", Verdict.OK: "✔"}
VERDICT_SEVERITY = {Verdict.CONFLICT: 2, Verdict.WARNING: 1, Verdict.OK: 0}


class Forum(StrEnum):
    IB = "ib"
    KS = "ks"
    KF = "kf"
    NAMND = "namnd"

    @property
    def label(self) -> str:
        return FORUM_LABELS[self]

    def label_for(self, kind: Kind) -> str:
        """The forum as shown for an item of `kind`. A reception in Stadshuset is treated in IB,
        but the strategy does not make it a delegation decision, so it is not labelled one."""
        if self is Forum.IB and kind is Kind.REPRESENTATION:
            return "IB (beredningen behandlar ansökan)"
        return self.label


FORUM_LABELS = {
    Forum.IB: "IB (finansborgarrådet på delegation)",
    Forum.KS: "Kommunstyrelsen",
    Forum.KF: "Kommunfullmäktige",
    Forum.NAMND: "Nämnd/bolagsstyrelse",
}


class Role(StrEnum):
    POLITICIAN = "politician"
    OFFICIAL = "official"

    @property
    def label(self) -> str:
        return "förtroendevald" if self is Role.POLITICIAN else "tjänsteperson"


class AgreementType(StrEnum):
    COOPERATION = "cooperation"
    INTENT = "intent"
    TWIN_CITY = "twin_city"

    @property
    def label(self) -> str:
        return AGREEMENT_LABELS[self]


AGREEMENT_LABELS = {
    AgreementType.COOPERATION: "samarbetsavtal",
    AgreementType.INTENT: "intentionsavtal",
    AgreementType.TWIN_CITY: "vänortsavtal",
}


class MembershipType(StrEnum):
    """Section 5 tells the two apart: KF decides new memberships in city-wide *organisations*,
    KS decides participation in city-wide *networks* and cooperation initiatives."""

    ORGANISATION = "organisation"
    NETWORK = "network"

    @property
    def label(self) -> str:
        if self is MembershipType.ORGANISATION:
            return "organisation"
        return "nätverk/samarbetsinitiativ"


class ReceptionEvent(StrEnum):
    CONGRESS = "congress"
    SPORT = "sport"
    OTHER = "other"

    @property
    def label(self) -> str:
        return RECEPTION_EVENT_LABELS[self]


RECEPTION_EVENT_LABELS = {
    ReceptionEvent.CONGRESS: "kongress",
    ReceptionEvent.SPORT: "idrottsevenemang",
    ReceptionEvent.OTHER: "annat evenemang",
}


class EventLevel(StrEnum):
    VM = "vm"
    EM = "em"
    OTHER = "other"

    @property
    def label(self) -> str:
        return EVENT_LEVEL_LABELS[self]


EVENT_LEVEL_LABELS = {
    EventLevel.VM: "VM-nivå",
    EventLevel.EM: "EM-nivå",
    EventLevel.OTHER: "annan nivå",
}

# The item's yes/no markings, as the form, the item view and the trail name them.
FLAG_LABELS = {
    "digital": "digitalt deltagande",
    "invitation_letter": "ber om inbjudningsbrev",
    "priority_visit": "särskilt prioriterat besök",
    "political_level": "hög politisk nivå",
    "foreign_policy": "utrikespolitisk karaktär",
    "extra_resources": "ökad resursbörda",
    "city_wide": "stadsövergripande",
    "eu_project": "EU-projekt",
    "confidential": "sekretess",
}

ORIENTATIONS = {
    "profilering": "profilering",
    "omvarldsbevakning": "omvärldsbevakning",
    "samverkan": "samverkan",
    "paverkan": "påverkan",
}

COST_KEYS = ("travel", "accommodation", "fees", "meals", "gifts", "transport", "other")
COST_LABELS = {
    "travel": "resor",
    "accommodation": "logi",
    "fees": "avgifter",
    "meals": "måltider",
    "gifts": "gåvor",
    "transport": "transporter",
    "other": "övrigt",
}


@dataclass(frozen=True, slots=True)
class Costs:
    """Amounts in whole SEK. Costs are first-class: IB exists to show how tax money is used."""

    travel: int = 0
    accommodation: int = 0
    fees: int = 0
    meals: int = 0
    gifts: int = 0
    transport: int = 0
    other: int = 0

    @property
    def total(self) -> int:
        return sum(self.as_dict().values())

    def as_dict(self) -> dict[str, int]:
        return {key: getattr(self, key) for key in COST_KEYS}

    def nonzero(self) -> dict[str, int]:
        return {key: value for key, value in self.as_dict().items() if value}


@dataclass(frozen=True, slots=True)
class Participant:
    name: str
    role: Role = Role.OFFICIAL


@dataclass(frozen=True, slots=True)
class Agreement:
    type: AgreementType
    partner: str | None = None
    theme: str | None = None
    ends: date | None = None
    signed: date | None = None


@dataclass(frozen=True, slots=True)
class Aid:
    funder: str | None = None
    fully_funded: bool = False


@dataclass(frozen=True, slots=True)
class Membership:
    """What kind of membership a `membership` item is. The defaults are what a v1 file meant."""

    type: MembershipType = MembershipType.ORGANISATION
    new: bool = True


@dataclass(frozen=True, slots=True)
class Reception:
    """The facts the city's rules for a representation reception in Stadshuset ask for. Any of
    them may be unknown (None): the assessment then says which one is missing."""

    event: ReceptionEvent | None = None
    participants: int | None = None
    participants_abroad: int | None = None
    level: EventLevel | None = None


@dataclass(frozen=True, slots=True)
class Item:
    """One request IB prepares. Field names follow the item file format (docs/design.md)."""

    kind: Kind
    title: str
    dnr: str | None = None
    requested_by: str | None = None
    received: date | None = None
    starts: date | None = None
    ends: date | None = None
    summary: str | None = None
    city: str | None = None
    country: str | None = None
    digital: bool = False
    participants: tuple[Participant, ...] = ()
    guests: int | None = None
    costs: Costs = field(default_factory=Costs)
    # What it really cost, reported by the requester afterwards (same keys); None until then.
    actual_costs: Costs | None = None
    invitation_letter: bool = False
    priority_visit: bool = False
    political_level: bool = False
    foreign_policy: bool = False
    agreement: Agreement | None = None
    extra_resources: bool = False
    aid: Aid | None = None
    city_wide: bool = False
    eu_project: bool = False
    orientation: tuple[str, ...] = ()
    confidential: bool = False
    # The OSL provision the confidentiality rests on ("18 kap. 8 § OSL"); what public outputs
    # show in the item's place (domain/confidentiality.py).
    confidential_ground: str | None = None
    # Item format v2. None means "not stated": the item then judges as a v1 item did.
    on_behalf_of_ks: bool | None = None
    purpose: str | None = None
    membership: Membership | None = None
    reception: Reception | None = None
    budgeted: bool | None = None
    staff_commitment: str | None = None
    # An import directive ("put it on that meeting's agenda"), not a property of the item.
    meeting: date | None = None
    # Set by the store.
    id: int | None = None
    status: Status = Status.RECEIVED
    status_changed: datetime | None = None
    version: int = 0
    created_at: datetime | None = None
    updated_at: datetime | None = None

    @property
    def text(self) -> str:
        """Title and summary together: what the hint rules read."""
        return f"{self.title}\n{self.summary or ''}"

    @property
    def place(self) -> str:
        return ", ".join(part for part in (self.city, self.country) if part)


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One line of an item's audit trail: who changed what, from what, to what."""

    at: datetime
    user: str
    action: str
    field: str | None = None
    old_value: str | None = None
    new_value: str | None = None
    note: str | None = None
    # The item's version after the change; None for rows logged before the trail kept it.
    version: int | None = None


HISTORY_ACTIONS = {
    "create": "registrerat",
    "edit": "ändrat",
    "status": "status",
    "import": "importerat",
    "agenda": "föredragningslista",
    "decision": "beslut",
    "undo": "ångrat",
    "redo": "gjort om",
}
