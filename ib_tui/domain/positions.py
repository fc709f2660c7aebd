"""What a meeting says on an agenda entry: for a beredning its *position* (tillstyrks,
avstyrks, återremitteras, bordläggs, lyfts till kommunstyrelsen, noteras), for a deciding organ
its decision, each with the status it gives the item and the sentence the documents print.

A beredning's position is preparatory: "Beredningen tillstyrker att …", never "beslutar"; the
item becomes *beslutad* only when the deciding organ's decision is registered (docs/meetings.md).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from ib_tui.domain.model import Status
from ib_tui.domain.organ import DEFAULT_ORGAN, Organ

DEFAULT_REFERRED_TO = "stadsledningskontoret"


class Outcome(StrEnum):
    ENDORSED = "endorsed"
    OPPOSED = "opposed"
    REFERRED_BACK = "referred_back"
    TABLED = "tabled"
    RAISED_TO_KS = "raised_to_ks"
    NOTED = "noted"
    AGREED = "agreed"  # a standard entry: the agenda approved, the meeting opened, and the like

    @property
    def label(self) -> str:
        """The beredning's word for it (the meeting-mode key's label)."""
        return BEREDNING_LABELS[self]

    def label_for(self, organ: Organ) -> str:
        return (DECIDING_LABELS if organ.deciding else BEREDNING_LABELS)[self]

    def status_after(self, organ: Organ = DEFAULT_ORGAN) -> Status | None:
        """The item's status after this position; None leaves it as it is."""
        if organ.deciding and self in (Outcome.ENDORSED, Outcome.OPPOSED):
            return Status.DECIDED
        return OUTCOME_STATUS[self]

    @property
    def needs_reason(self) -> bool:
        """Återremiss sends the item back with a stated reason (what more to prepare)."""
        return self is Outcome.REFERRED_BACK


BEREDNING_LABELS = {
    Outcome.ENDORSED: "tillstyrks",
    Outcome.OPPOSED: "avstyrks",
    Outcome.REFERRED_BACK: "återremitteras",
    Outcome.TABLED: "bordläggs",
    Outcome.RAISED_TO_KS: "lyfts till kommunstyrelsen",
    Outcome.NOTED: "noteras (för kännedom)",
    Outcome.AGREED: "godkänns",
}
DECIDING_LABELS = {
    Outcome.ENDORSED: "bifall",
    Outcome.OPPOSED: "avslag",
    Outcome.REFERRED_BACK: "återremiss",
    Outcome.TABLED: "bordläggning",
    Outcome.RAISED_TO_KS: "överlämnas till kommunstyrelsen",
    Outcome.NOTED: "läggs till handlingarna",
    Outcome.AGREED: "godkänns",
}
OUTCOME_STATUS: dict[Outcome, Status | None] = {
    Outcome.ENDORSED: Status.ENDORSED,
    Outcome.OPPOSED: Status.OPPOSED,
    Outcome.REFERRED_BACK: Status.IN_PREPARATION,
    Outcome.TABLED: None,  # stays "klar för IB", and goes on the next meeting's agenda
    Outcome.RAISED_TO_KS: Status.RAISED_TO_KS,
    Outcome.NOTED: Status.NOTED,
    Outcome.AGREED: None,
}
# A beredning's sentence when no att-clause was written, and the verb that takes clauses.
BEREDNING_SENTENCES = {
    Outcome.ENDORSED: ("tillstyrker ansökan", "tillstyrker"),
    Outcome.OPPOSED: ("avstyrker ansökan", "avstyrker"),
    Outcome.TABLED: ("bordlägger ärendet till nästa sammanträde", "bordlägger ärendet och"),
    Outcome.RAISED_TO_KS: (
        "lyfter ärendet till kommunstyrelsen för beslut",
        "lyfter ärendet till kommunstyrelsen och föreslår",
    ),
    Outcome.NOTED: ("noterar informationen", "noterar"),
    Outcome.AGREED: ("godkänner punkten", "enas om"),
}
# A deciding organ's clause when none was written ("… beslutar att avslå ansökan").
DECIDING_CLAUSES = {
    Outcome.ENDORSED: "bifalla ansökan",
    Outcome.OPPOSED: "avslå ansökan",
    Outcome.TABLED: "bordlägga ärendet till nästa sammanträde",
    Outcome.RAISED_TO_KS: "överlämna ärendet till kommunstyrelsen för beslut",
    Outcome.NOTED: "lägga informationen till handlingarna",
    Outcome.AGREED: "godkänna punkten",
}


def att_clauses(lines: Iterable[str]) -> tuple[str, ...]:
    """Att-clauses as stored: one per line, without a typed leading "att", no empty ones (a
    line holding only "att" is empty too)."""
    stripped = (_without_att(line.strip()) for line in lines)
    return tuple(clause for clause in stripped if clause)


def _without_att(clause: str) -> str:
    return clause[3:].strip() if clause == "att" or clause.startswith("att ") else clause


def default_clauses(outcome: Outcome, proposal: Sequence[str] = ()) -> tuple[str, ...]:
    """The position's att-clauses as a first draft: tillstyrkan adopts the proposal as it
    stands, a standard entry its proposal; the others say it in their own sentence."""
    if outcome in (Outcome.ENDORSED, Outcome.AGREED):
        return att_clauses(proposal)
    return ()


def with_clauses(lead: str, clauses: Sequence[str]) -> str:
    """ "X tillstyrker att …", or with several clauses one "att …" per line."""
    if len(clauses) == 1:
        return _sentence_end(f"{lead} att {clauses[0]}")
    return f"{lead}\n" + "\n".join(f"att {clause}" for clause in clauses)


def _sentence_end(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?", ":")) else text + "."


@dataclass(frozen=True, slots=True)
class Decision:
    """The meeting's position on an entry (a deciding organ's decision)."""

    outcome: Outcome
    clauses: tuple[str, ...] = ()
    reason: str | None = None  # återremiss: what more is to be prepared
    decided_at: datetime | None = None
    referred_to: str | None = None  # återremiss: to whom

    def sentence(self, organ: Organ = DEFAULT_ORGAN) -> str:
        """The position in full: "Beredningen tillstyrker att …", "Beredningen avstyrker
        ansökan.", "Beredningen återremitterar ärendet till … Skäl: …"."""
        clauses = att_clauses(self.clauses)
        subject = organ.subject
        if self.outcome is Outcome.REFERRED_BACK:
            to = (self.referred_to or "").strip() or DEFAULT_REFERRED_TO
            verb = "beslutar att återremittera" if organ.deciding else "återremitterar"
            text = f"{subject} {verb} ärendet till {to} för vidare beredning."
            if self.reason and self.reason.strip():
                text += f" Skäl: {_sentence_end(self.reason)}"
            if clauses:
                text += "\n" + with_clauses(f"{subject} föreslår vidare", clauses)
            return text
        if organ.deciding:
            return with_clauses(f"{subject} beslutar", clauses or (DECIDING_CLAUSES[self.outcome],))
        plain, verb = BEREDNING_SENTENCES[self.outcome]
        if clauses:
            return with_clauses(f"{subject} {verb}", clauses)
        return f"{subject} {plain}."


def proposal_sentence(
    proposal: Sequence[str], organ: Organ = DEFAULT_ORGAN, *, matter: bool = True
) -> str:
    """The förslag as the meeting would say it if it adopted it as it stands: a matter's is
    tillstyrkt, a standard entry's agreed ("Beredningen enas om att godkänna …")."""
    if not att_clauses(proposal):
        return ""
    outcome = Outcome.ENDORSED if matter else Outcome.AGREED
    return Decision(outcome, tuple(proposal)).sentence(organ)
