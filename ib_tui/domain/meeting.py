"""Meetings, their agendas (föredragningslista), attendance and decisions, as plain values.

A meeting's agenda is a list of entries: the standard opening entries, the items (tabled ones
first), and the standard closing entries, among them "Anmälan av delegationsbeslut". Each entry
may carry the meeting's position (domain.positions), which moves the item's status.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time
from enum import StrEnum

from ib_tui.domain.model import Forum, Item, Verdict
from ib_tui.domain.organ import DEFAULT_ORGAN, Organ, OrganKind

# Re-exported: the meeting's values and its positions are used together everywhere.
from ib_tui.domain.positions import Decision as Decision
from ib_tui.domain.positions import Outcome as Outcome
from ib_tui.domain.positions import att_clauses as att_clauses
from ib_tui.domain.positions import default_clauses as default_clauses
from ib_tui.domain.positions import proposal_sentence as proposal_sentence
from ib_tui.domain.positions import with_clauses

BODY = DEFAULT_ORGAN.name
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


# The standard entries of a Swedish agenda, in order; their headings can be edited per meeting.
# A deciding organ elects a justerare and has delegation decisions reported to it (KL 6:40); a
# beredning has neither: its notes are approved by the chair, and the finansborgarråd's
# delegation decisions are reported to kommunstyrelsen, so IB lists them only för kännedom.
OPENING_ENTRIES = (
    "Sammanträdets öppnande",
    "Godkännande av föredragningslistan",
)
DECIDING_OPENING_ENTRIES = (
    "Sammanträdets öppnande",
    "Val av justerare",
    "Godkännande av föredragningslistan",
)
CLOSING_ENTRIES = (
    (EntryKind.DELEGATION, "Delegationsbeslut för kännedom"),
    (EntryKind.CLOSING, "Övriga frågor"),
    (EntryKind.CLOSING, "Sammanträdets avslutande"),
)
DECIDING_CLOSING_ENTRIES = (
    (EntryKind.DELEGATION, "Anmälan av delegationsbeslut"),
    (EntryKind.CLOSING, "Övriga frågor"),
    (EntryKind.CLOSING, "Sammanträdets avslutande"),
)
# What the meeting is asked to agree on the standard entries that take a position; the opening,
# "Övriga frågor" and the closing take none.
STANDARD_PROPOSALS = {
    "Val av justerare": ("utse justerare att jämte ordföranden justera dagens protokoll",),
    "Godkännande av föredragningslistan": ("godkänna föredragningslistan",),
    "Anmälan av delegationsbeslut": ("lägga anmälan av delegationsbesluten till handlingarna",),
}


def standard_entries(kind: OrganKind) -> list[tuple[EntryKind, str, tuple[str, ...]]]:
    """A new meeting's standard entries for an organ of this kind: (kind, heading, proposal)."""
    deciding = kind is OrganKind.DECIDING
    opening = DECIDING_OPENING_ENTRIES if deciding else OPENING_ENTRIES
    closing = DECIDING_CLOSING_ENTRIES if deciding else CLOSING_ENTRIES
    rows = [(EntryKind.OPENING, heading) for heading in opening] + list(closing)
    return [(entry, heading, STANDARD_PROPOSALS.get(heading, ())) for entry, heading in rows]


class MemberRole(StrEnum):
    CHAIR = "chair"
    MEMBER = "member"
    SUBSTITUTE = "substitute"  # ersättare: serves only when tjänstgörande
    SECRETARY = "secretary"
    OFFICIAL = "official"

    @property
    def label(self) -> str:
        return MEMBER_ROLE_LABELS[self]


MEMBER_ROLE_LABELS = {
    MemberRole.CHAIR: "ordförande",
    MemberRole.MEMBER: "ledamot",
    MemberRole.SUBSTITUTE: "ersättare",
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
class Motion:
    """A yrkande at a deciding organ's meeting: who moved what."""

    member: str
    text: str


@dataclass(frozen=True, slots=True)
class Voting:
    """An omröstning (KL 5 kap. 54–55 §§): the proposition put, and who voted how."""

    proposition: str  # the propositionsordning / voteringsproposition as read out
    yes: tuple[str, ...]
    no: tuple[str, ...]
    abstained: tuple[str, ...] = ()
    result: str = ""  # e.g. "Nämnden har beslutat enligt ordförandens förslag."


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
    motions: tuple[Motion, ...] = ()  # a deciding organ's yrkanden
    propositions: str | None = None  # propositionsordning, when there was more than one yrkande
    voting: Voting | None = None
    dispatch: tuple[str, ...] = ()  # expedieras till
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


class DecidingBody(StrEnum):
    """Who takes the decision after IB's position (strategy section 5)."""

    DELEGATION = "delegation"
    KS = "ks"
    KF = "kf"
    NAMND = "namnd"

    @property
    def label(self) -> str:
        return DECIDING_BODY_LABELS[self]


DECIDING_BODY_LABELS = {
    DecidingBody.DELEGATION: "finansborgarrådet på delegation",
    DecidingBody.KS: "kommunstyrelsen",
    DecidingBody.KF: "kommunfullmäktige",
    DecidingBody.NAMND: "nämnd eller bolag",
}


@dataclass(frozen=True, slots=True)
class DelegationDecision:
    """The decision on an item, registered after IB's position: usually finansborgarrådet's on
    delegation (reported to kommunstyrelsen, KL 6 kap. 40 §), or KS's, KF's or a nämnd's."""

    item_id: int
    decided_on: date
    delegate: str  # who decided: "Finansborgarrådet", "Kommunstyrelsen"
    decision: str  # the decision in words (older records hold only this)
    dnr: str | None = None  # the item's
    title: str = ""
    listed_on: date | None = None  # the IB meeting that listed it för kännedom
    id: int | None = None
    # The item's sekretess, carried so an output can ask may_show_delegation without the item.
    confidential: bool = False
    confidential_ground: str | None = None
    body: DecidingBody = DecidingBody.DELEGATION
    delegation_point: str | None = None  # the delegationsordning's point
    meeting_ref: str | None = None  # KS/KF: the meeting and its §
    clauses: tuple[str, ...] = ()
    decision_dnr: str | None = None  # the decision's own dnr, if it has one
    granted: bool | None = None  # positive (bifall) or negative; None when not said
    reported_on: date | None = None  # the day it was reported to kommunstyrelsen

    @property
    def label(self) -> str:
        """How the item's history names it: "Delegationsbeslut 2026-11-20 av Finansborgarrådet"."""
        if self.body is DecidingBody.DELEGATION:
            return delegation_label(self.decided_on, self.delegate)
        return f"Beslut {self.decided_on.isoformat()} av {self.delegate.strip()}"

    @property
    def reportable(self) -> bool:
        """Only a delegation decision is reported to kommunstyrelsen."""
        return self.body is DecidingBody.DELEGATION

    @property
    def text(self) -> str:
        """The decision as the record prints it: the att-clauses if there are any."""
        clauses = att_clauses(self.clauses)
        return with_clauses(f"{self.delegate} beslutar", clauses) if clauses else self.decision


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
    organ: Organ = field(default=DEFAULT_ORGAN)

    @property
    def body(self) -> str:
        return self.organ.name

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
