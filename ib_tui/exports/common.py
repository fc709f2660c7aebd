"""What the agenda, the minutes and the notes share: the header, the entries shown, and the
small pieces (clauses, costs, principles, delegation decisions, attendance) written alike."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import time

from ib_tui.domain.confidentiality import may_show, may_show_delegation, placeholder
from ib_tui.domain.dates import format_amount, format_date, format_long_date
from ib_tui.domain.meeting import (
    AbsenceReason,
    AgendaEntry,
    Decision,
    DelegationDecision,
    MeetingRecord,
    Member,
    MemberRole,
    att_clauses,
)
from ib_tui.domain.model import COST_LABELS
from ib_tui.domain.organ import Organ
from ib_tui.domain.text import clean
from ib_tui.exports.escape import cell, heading, inline, lines, shorten

HARD_BREAK = "\\\n"
SIGN_LINE = inline("_" * 36)  # escaped, or a line of underscores would be a thematic break
FILL_IN = inline("_" * 12)
CONFIDENTIAL_MARK = "(sekretess)"
UNTITLED = "(utan rubrik)"
ROLE_ORDER = (
    MemberRole.CHAIR,
    MemberRole.MEMBER,
    MemberRole.SUBSTITUTE,
    MemberRole.SECRETARY,
    MemberRole.OFFICIAL,
)


def format_time(moment: time) -> str:
    return f"kl. {moment.hour:02d}.{moment.minute:02d}"


def header(document: str, record: MeetingRecord) -> list[str]:
    meeting = record.meeting
    return [
        f"# {document} – {heading(record.body)}",
        HARD_BREAK.join(
            [
                f"{format_long_date(meeting.day)}, {format_time(meeting.time)}",
                f"Plats: {inline(meeting.place)}",
            ]
        ),
    ]


def shown_entries(
    record: MeetingRecord, include_confidential: bool
) -> list[tuple[int, AgendaEntry]]:
    """The entries to print with their running number among all entries, so a § keeps its
    number whether or not the confidential ones around it are printed."""
    return [
        (index, entry)
        for index, entry in enumerate(record.entries, start=1)
        if may_show(entry, include_confidential=include_confidential)
    ]


def title(entry: AgendaEntry) -> str:
    """The entry's heading as inline text, with its markers. Never empty: "****" around an empty
    title would be a thematic break, and a blank heading reads as a gap."""
    parts = [inline(entry.heading) or UNTITLED]
    if entry.tabled_from:
        parts.append(f"(bordlagt den {format_date(entry.tabled_from)})")
    if entry.confidential:
        parts.append(CONFIDENTIAL_MARK)
    return " ".join(parts)


def clause_items(clauses: Iterable[str]) -> list[str]:
    """Att-clauses as bullet lines: "- att …"."""
    return [f"- att {inline(clause)}" for clause in att_clauses(clauses)]


def decision_sentence(decision: Decision, organ: Organ) -> str:
    """The position's sentence with each clause on one line: a line break typed inside a clause
    would otherwise read as the start of the next one."""
    cleaned = replace(
        decision,
        clauses=tuple(clean(c) for c in decision.clauses),
        reason=clean(decision.reason) if decision.reason else None,
        referred_to=clean(decision.referred_to) if decision.referred_to else None,
    )
    return cleaned.sentence(organ)


def sentence_paragraph(sentence: str) -> str:
    """A decision sentence ("… beslutar\\natt …\\natt …") with each att-clause on its line."""
    return HARD_BREAK.join(line for line in lines(sentence) if line)


def cost_line(entry: AgendaEntry) -> str:
    text = f"Kostnad: {format_amount(entry.cost)}"
    if entry.item and (parts := entry.item.costs.nonzero()):
        text += " (" + ", ".join(f"{COST_LABELS[k]} {format_amount(v)}" for k, v in parts.items())
        text += ")"
    return text


def principles_line(entry: AgendaEntry) -> str:
    if not entry.principles:
        return "Strategins principer: inga principer berörs"
    notes = "; ".join(f"{note.verdict.marker}: {inline(note.title)}" for note in entry.principles)
    return f"Strategins principer: {notes}"


def delegation_table(decisions: Sequence[DelegationDecision], empty: str) -> str:
    """Per decision the dnr, the matter, the delegat, the date, the delegation point and the
    decision (KL 6 kap. 40 §: what an anmälan of delegation decisions says)."""
    if not decisions:
        return empty
    rows = [
        "| Dnr | Ärende | Delegat | Datum | Delegationspunkt | Beslut |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    rows += [
        "| "
        + " | ".join(
            [
                cell(d.decision_dnr or d.dnr),
                cell(d.title),
                cell(d.delegate),
                cell(format_date(d.decided_on)),
                cell(d.delegation_point or d.meeting_ref or "–"),
                cell(d.text),
            ]
        )
        + " |"
        for d in decisions
    ]
    return "\n".join(rows)


def by_role(members: Iterable[Member]) -> list[Member]:
    """The chair first, then the members, the secretary and the officials; stable within a role."""
    return sorted(members, key=lambda member: ROLE_ORDER.index(member.role))


def absent(record: MeetingRecord) -> list[Member]:
    return by_role(a.member for a in record.attendees if not a.present)


def indent(block: str, width: int) -> str:
    """A block as the content of a list item whose marker is `width` characters wide."""
    pad = " " * width
    return "\n".join(pad + line if line else "" for line in block.split("\n"))


def document(blocks: Iterable[str]) -> str:
    return "\n\n".join(block for block in blocks if block) + "\n"


def public_placeholder(entry: AgendaEntry, include_confidential: bool) -> str | None:
    """A confidential matter in a public document keeps its number and shows only this."""
    if entry.item is None or may_show(entry.item, include_confidential=include_confidential):
        return None
    return inline(placeholder(entry.item))


def event_line(entry: AgendaEntry) -> str | None:
    """ "Evenemang: 3–5 juni 2026, Lyon, Frankrike" – when and where the matter takes place."""
    item = entry.item
    if item is None:
        return None
    parts = []
    if item.starts and item.ends and item.ends != item.starts:
        same_month = (item.starts.year, item.starts.month) == (item.ends.year, item.ends.month)
        first = str(item.starts.day) if same_month else format_date(item.starts)
        parts.append(f"{first}–{format_date(item.ends)}")
    elif item.starts:
        parts.append(format_date(item.starts))
    place = ", ".join(inline(p) for p in (item.city, item.country) if p)
    if place:
        parts.append(place)
    return f"Tid och plats: {', '.join(parts)}" if parts else None


def facts_block(entry: AgendaEntry) -> str:
    """The matter's facts, one per line: dnr, who asks, when and where, cost, forum."""
    item = entry.item
    lines_ = []
    if entry.dnr:
        lines_.append(f"Dnr: {inline(entry.dnr)}")
    if item is not None and item.requested_by:
        lines_.append(f"Begärt av: {inline(item.requested_by)}")
    if event := event_line(entry):
        lines_.append(event)
    if item is not None:
        lines_.append(cost_line(entry))
    if entry.forum:
        label = entry.forum.label_for(item.kind) if item is not None else entry.forum.label
        lines_.append(f"Forum: {label}")
    if entry.presenter:
        lines_.append(f"Föredragande: {inline(entry.presenter)}")
    return HARD_BREAK.join(lines_)


def short_summary(text: str, limit: int = 300) -> str:
    """A summary for the agenda, cut at a sentence or a word, with a marker when it is cut."""
    short = shorten(text, limit)
    full = " ".join(clean(text, multiline=True).split())
    if short == full:
        return inline(short)
    return inline(short.removesuffix(" …")) + " … (förkortad; hela texten finns i ärendet)"


def paragraphs(text: str) -> list[str]:
    """Multi-line text as Markdown paragraphs, its single line breaks kept as hard breaks."""
    result, current = [], []
    for line in [*lines(text), ""]:
        if line:
            current.append(line)
        elif current:
            result.append(HARD_BREAK.join(current))
            current = []
    return result


def jav_sentences(entry: AgendaEntry) -> list[str]:
    """ "Erik Holm anmäler jäv och deltar inte i handläggningen." per member standing aside."""
    found = []
    for absence in entry.absences:
        if absence.reason is AbsenceReason.CONFLICT_OF_INTEREST:
            found.append(f"{inline(absence.member)} anmäler jäv och deltar inte i handläggningen.")
        else:
            found.append(
                f"{inline(absence.member)} lämnar sammanträdet och deltar inte i handläggningen."
            )
    return found


def shown_delegations(
    record: MeetingRecord, include_confidential: bool
) -> tuple[list[DelegationDecision], int]:
    """The delegation decisions a document may list, and how many it leaves out (sekretess)."""
    shown_ = [
        d
        for d in record.delegation_decisions
        if may_show_delegation(d, include_confidential=include_confidential)
    ]
    return shown_, len(record.delegation_decisions) - len(shown_)


def delegation_blocks(record: MeetingRecord, include_confidential: bool, empty: str) -> list[str]:
    """The anmälan entry's table of delegation decisions, and how many sekretess leaves out."""
    listed, hidden_count = shown_delegations(record, include_confidential)
    blocks = [delegation_table(listed, empty)]
    if hidden_count:
        blocks.append(f"Därtill {hidden_count} delegationsbeslut som omfattas av sekretess.")
    return blocks
