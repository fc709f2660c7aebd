"""Meetings, their agendas (föredragningslista), attendance and decisions, as plain values.

A meeting's agenda is a list of entries: the standard opening entries, the items (tabled ones
first), and the standard closing entries, among them "Anmälan av delegationsbeslut". Each entry
may carry a decision; the decision's outcome moves the item's status.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from enum import StrEnum

from ib_tui.domain.model import Forum, Item, Status, Verdict

BODY = "Internationella beredningen"
DEFAULT_PLACE = "Stadshuset"
DEFAULT_TIME = time(13, 0)


class MeetingStatus(StrEnum):
    PLANNED = "planned"
    HELD = "held"
    ADJUSTED = "adjusted"

    @property
    def label(self) -> str:
        return MEETING_STATUS_LABELS[self]


MEETING_STATUS_LABELS = {
    MeetingStatus.PLANNED: "planerat",
    MeetingStatus.HELD: "genomfört",
    MeetingStatus.ADJUSTED: "justerat",
}


class EntryKind(StrEnum):
    """Where an entry belongs on the agenda. Items go between the opening and closing entries."""

    OPENING = "opening"
    ITEM = "item"
    DELEGATION = "delegation"  # Anmälan av delegationsbeslut: lists the decisions made since
    CLOSING = "closing"


# The standard entries of a Swedish agenda, in order. Their headings can be edited per meeting.
OPENING_ENTRIES = (
    "Sammanträdets öppnande",
    "Val av justerare",
    "Godkännande av föredragningslistan",
)
CLOSING_ENTRIES = (
    (EntryKind.DELEGATION, "Anmälan av delegationsbeslut"),
    (EntryKind.CLOSING, "Övriga frågor"),
    (EntryKind.CLOSING, "Sammanträdets avslutande"),
)
# What the meeting is asked to decide on the standard entries that take a decision; the opening,
# "Övriga frågor" and the closing take none.
STANDARD_PROPOSALS = {
    "Val av justerare": ("utse justerare att jämte ordföranden justera dagens protokoll",),
    "Godkännande av föredragningslistan": ("godkänna föredragningslistan",),
    "Anmälan av delegationsbeslut": ("lägga anmälan av delegationsbesluten till handlingarna",),
}


class Outcome(StrEnum):
    """What the meeting decided on an entry, with the status it gives the item."""

    APPROVED = "approved"
    REJECTED = "rejected"
    REFERRED_BACK = "referred_back"
    TABLED = "tabled"
    TO_KS = "to_ks"
    TO_KF = "to_kf"
    NO_ACTION = "no_action"
    NOTED = "noted"  # a standard entry: "Beredningen godkänner föredragningslistan" and the like

    @property
    def label(self) -> str:
        return OUTCOME_LABELS[self]

    @property
    def status_after(self) -> Status | None:
        """The item's status after this decision; None leaves it as it is."""
        return OUTCOME_STATUS[self]

    @property
    def needs_reason(self) -> bool:
        """Återremiss sends the item back with a stated reason (what more to prepare)."""
        return self is Outcome.REFERRED_BACK


OUTCOME_LABELS = {
    Outcome.APPROVED: "bifall / tillstyrks",
    Outcome.REJECTED: "avslag / avstyrks",
    Outcome.REFERRED_BACK: "återremiss",
    Outcome.TABLED: "bordläggning",
    Outcome.TO_KS: "hänskjuts till KS",
    Outcome.TO_KF: "hänskjuts till KF",
    Outcome.NO_ACTION: "lämnas utan åtgärd",
    Outcome.NOTED: "antecknas",
}
OUTCOME_STATUS: dict[Outcome, Status | None] = {
    Outcome.APPROVED: Status.DECIDED,
    Outcome.REJECTED: Status.DECIDED,
    Outcome.REFERRED_BACK: Status.IN_PREPARATION,
    Outcome.TABLED: None,  # stays "klar för beslut", and goes on the next meeting's agenda
    Outcome.TO_KS: Status.DECIDED,  # IB's handling ends; KS takes it from here
    Outcome.TO_KF: Status.DECIDED,
    Outcome.NO_ACTION: Status.WRITTEN_OFF,
    Outcome.NOTED: None,
}
# The att-clause each outcome writes when the secretary has not written one.
OUTCOME_CLAUSES = {
    Outcome.REJECTED: "avslå förslaget",
    Outcome.REFERRED_BACK: "återremittera ärendet",
    Outcome.TABLED: "bordlägga ärendet till nästa sammanträde",
    Outcome.TO_KS: "hänskjuta ärendet till kommunstyrelsen",
    Outcome.TO_KF: "hänskjuta ärendet till kommunfullmäktige",
    Outcome.NO_ACTION: "lämna ärendet utan åtgärd",
    Outcome.NOTED: "anteckna informationen",
}


def default_clauses(
    outcome: Outcome, proposal: Sequence[str] = (), reason: str | None = None
) -> tuple[str, ...]:
    """The decision's att-clauses as a first draft, for the secretary to adjust.

    Bifall adopts the proposal (förslag till beslut) as it stands; återremiss names its reason."""
    if outcome is Outcome.APPROVED:
        return tuple(proposal) or ("bifalla förslaget",)
    clause = OUTCOME_CLAUSES[outcome]
    if outcome is Outcome.REFERRED_BACK and reason:
        clause = f"{clause} för {reason.strip().rstrip('.')}"
    return (clause,)


def att_clauses(lines: Iterable[str]) -> tuple[str, ...]:
    """Att-clauses as stored: one per line, without a typed leading "att", no empty ones (a
    line holding only "att" is empty too)."""
    stripped = (_without_att(line.strip()) for line in lines)
    return tuple(clause for clause in stripped if clause)


def _without_att(clause: str) -> str:
    return clause[3:].strip() if clause == "att" or clause.startswith("att ") else clause


def decision_sentence(clauses: Sequence[str], body: str = BODY) -> str:
    """ "Internationella beredningen beslutar att …", one clause or several joined as Swedish
    minutes write them."""
    clauses = att_clauses(clauses)
    if not clauses:
        return ""
    if len(clauses) == 1:
        return f"{body} beslutar att {clauses[0]}"
    return f"{body} beslutar\n" + "\n".join(f"att {clause}" for clause in clauses)


class MemberRole(StrEnum):
    CHAIR = "chair"
    MEMBER = "member"
    SECRETARY = "secretary"
    OFFICIAL = "official"

    @property
    def label(self) -> str:
        return MEMBER_ROLE_LABELS[self]


MEMBER_ROLE_LABELS = {
    MemberRole.CHAIR: "ordförande",
    MemberRole.MEMBER: "ledamot",
    MemberRole.SECRETARY: "sekreterare",
    MemberRole.OFFICIAL: "tjänsteperson",
}


@dataclass(frozen=True, slots=True)
class Member:
    """Someone who sits in IB's meetings. The strategy (section 5) names the seats by title;
    the names are the database's settings."""

    title: str
    role: MemberRole
    name: str | None = None
    id: int | None = None

    @property
    def display(self) -> str:
        return f"{self.name} ({self.title})" if self.name else self.title

    @property
    def key(self) -> str:
        """How attendance and remarks refer to the member: the name, or the seat if unnamed."""
        return self.name or self.title


# The seats named in the strategy's section 5, and the secretary.
DEFAULT_MEMBERS = (
    Member("KS ordförande", MemberRole.CHAIR),
    Member("KF ordförande", MemberRole.MEMBER),
    Member("KF 1:e vice ordförande", MemberRole.MEMBER),
    Member("KS 1:e vice ordförande", MemberRole.MEMBER),
    Member("Sekreterare", MemberRole.SECRETARY),
)


@dataclass(frozen=True, slots=True)
class Attendee:
    member: Member
    present: bool = True


class AbsenceReason(StrEnum):
    CONFLICT_OF_INTEREST = "jav"
    LEFT = "left"

    @property
    def label(self) -> str:
        return "jäv" if self is AbsenceReason.CONFLICT_OF_INTEREST else "lämnade sammanträdet"


@dataclass(frozen=True, slots=True)
class Absence:
    """A present member who takes no part in one § (jäv, or left the room)."""

    member: str
    reason: AbsenceReason


class RemarkKind(StrEnum):
    RESERVATION = "reservation"
    NOTE = "note"

    @property
    def label(self) -> str:
        return "reservation" if self is RemarkKind.RESERVATION else "protokollsanteckning"


@dataclass(frozen=True, slots=True)
class Remark:
    """A member's reservation against a decision, or a protokollsanteckning."""

    member: str
    kind: RemarkKind
    text: str


@dataclass(frozen=True, slots=True)
class Decision:
    outcome: Outcome
    clauses: tuple[str, ...]
    reason: str | None = None  # återremiss: what more is to be prepared
    decided_at: datetime | None = None

    def sentence(self, body: str = BODY) -> str:
        return decision_sentence(self.clauses, body)


@dataclass(frozen=True, slots=True)
class PrincipleNote:
    """A principle's verdict in short, as an agenda line shows it."""

    verdict: Verdict
    title: str


@dataclass(frozen=True, slots=True)
class AgendaEntry:
    heading: str
    kind: EntryKind = EntryKind.ITEM
    item: Item | None = None
    presenter: str | None = None  # föredragande
    proposal: tuple[str, ...] = ()  # förslag till beslut, as att-clauses
    paragraph: int | None = None  # § number, running per calendar year, set with the minutes
    tabled_from: date | None = None  # the meeting that tabled it (bordlagt)
    discussion: str | None = None  # what was said: the meeting notes' "ärendet i korthet"
    decision: Decision | None = None
    absences: tuple[Absence, ...] = ()
    remarks: tuple[Remark, ...] = ()
    # Filled in by the services, not stored: the item's verdicts and forum.
    principles: tuple[PrincipleNote, ...] = ()
    forum: Forum | None = None
    position: int = 0
    id: int | None = None

    @property
    def dnr(self) -> str | None:
        return self.item.dnr if self.item else None

    @property
    def cost(self) -> int:
        return self.item.costs.total if self.item else 0

    @property
    def confidential(self) -> bool:
        return bool(self.item and self.item.confidential)

    @property
    def confidential_ground(self) -> str | None:
        return self.item.confidential_ground if self.item else None

    def starts_before(self, day: date) -> bool:
        """The item's event begins before the meeting: a decision there would come too late."""
        return bool(self.item and self.item.starts and self.item.starts < day)


@dataclass(frozen=True, slots=True)
class DelegationDecision:
    """A decision taken under delegation (usually finansborgarrådet on a conference trip),
    reported to IB at its next meeting (KL 6:40)."""

    item_id: int
    decided_on: date
    delegate: str
    decision: str
    dnr: str | None = None
    title: str = ""
    reported_on: date | None = None  # the meeting it was reported to
    id: int | None = None
    # The item's sekretess, carried so an output can ask may_show_delegation without the item.
    confidential: bool = False
    confidential_ground: str | None = None

    @property
    def label(self) -> str:
        """How the item's history names it: "Delegationsbeslut 2026-11-20 av Finansborgarrådet"."""
        return delegation_label(self.decided_on, self.delegate)


def delegation_label(decided_on: date, delegate: str) -> str:
    return f"Delegationsbeslut {decided_on.isoformat()} av {delegate.strip()}"


@dataclass(frozen=True, slots=True)
class Meeting:
    day: date
    time: time = DEFAULT_TIME
    place: str = DEFAULT_PLACE
    status: MeetingStatus = MeetingStatus.PLANNED
    justerare: str | None = None
    adjusted_on: date | None = None  # the day the minutes were justerade
    posted_on: date | None = None  # the day the notice of justering went up (anslag)
    id: int | None = None


@dataclass(frozen=True, slots=True)
class MeetingRecord:
    """Everything the agenda, the minutes, the notes and meeting mode show of one meeting."""

    meeting: Meeting
    entries: tuple[AgendaEntry, ...]
    attendees: tuple[Attendee, ...] = ()
    delegation_decisions: tuple[DelegationDecision, ...] = ()
    body: str = BODY

    @property
    def items(self) -> tuple[AgendaEntry, ...]:
        return tuple(entry for entry in self.entries if entry.item is not None)

    @property
    def total_cost(self) -> int:
        return sum(entry.cost for entry in self.entries)

    def present(self, role: MemberRole | None = None) -> tuple[Member, ...]:
        return tuple(
            a.member
            for a in self.attendees
            if a.present and (role is None or a.member.role is role)
        )
