"""Protokoll: only for an organ configured as a deciding one (a nämnd, KS); a beredning writes
minnesanteckningar instead. Holds what KL 5 kap. 67–69 §§ and practice ask of it: beslutande,
ersättare and övriga närvarande apart, justerare and the justering's place and time, the
paragraphs, förslag till beslut, yrkanden, propositionsordning, omröstning, the decision,
reservations, expediering, and the anslag/bevis block from the stored dates."""

from __future__ import annotations

from datetime import timedelta

from ib_tui.domain.dates import format_date
from ib_tui.domain.meeting import (
    AgendaEntry,
    EntryKind,
    MeetingRecord,
    Member,
    MemberRole,
    RemarkKind,
    proposal_sentence,
)
from ib_tui.domain.schedule import APPEAL_DAYS
from ib_tui.exports.common import (
    FILL_IN,
    HARD_BREAK,
    SIGN_LINE,
    absent,
    by_role,
    decision_sentence,
    delegation_blocks,
    document,
    facts_block,
    format_time,
    header,
    jav_sentences,
    paragraphs,
    public_placeholder,
    sentence_paragraph,
    title,
)
from ib_tui.exports.escape import cell, inline

SERVING = (MemberRole.CHAIR, MemberRole.MEMBER)


def _table(members: list[Member]) -> str:
    rows = ["| Namn | Funktion |", "| --- | --- |"]
    rows += [f"| {cell(m.display)} | {cell(m.role.label)} |" for m in members]
    return "\n".join(rows)


def attendance_blocks(record: MeetingRecord) -> list[str]:
    present = by_role(record.present())
    deciding = [m for m in present if m.role in SERVING]
    substitutes = [m for m in present if m.role is MemberRole.SUBSTITUTE]
    others = [m for m in present if m.role in (MemberRole.SECRETARY, MemberRole.OFFICIAL)]
    blocks = ["## Beslutande", _table(deciding) if deciding else "Ingen närvaro har förts."]
    if substitutes:
        blocks += ["## Ersättare", _table(substitutes)]
    if others:
        blocks += ["## Övriga närvarande", _table(others)]
    if missing := absent(record):
        blocks.append("Frånvarande: " + ", ".join(inline(m.display) for m in missing))
    return blocks


def _paragraph_range(record: MeetingRecord) -> str:
    numbers = [e.paragraph for e in record.entries if e.paragraph is not None]
    if not numbers:
        return FILL_IN
    return f"{min(numbers)}–{max(numbers)}" if len(numbers) > 1 else str(numbers[0])


def reservations(record: MeetingRecord, entry: AgendaEntry) -> list[str]:
    """Only a serving member present at the meeting who took part in the § can reserve: not the
    secretary, an official, an absent member or one who stood aside (jäv)."""
    serving = {m.key for m in record.present() if m.role in SERVING}
    aside = {a.member for a in entry.absences}
    return [
        f"- {inline(r.member)}: {inline(r.text)}"
        for r in entry.remarks
        if r.kind is RemarkKind.RESERVATION and r.member in serving and r.member not in aside
    ]


def _voting_blocks(entry: AgendaEntry) -> list[str]:
    voting = entry.voting
    if voting is None:
        return []
    rows = ["| Ledamot | Ja | Nej | Avstår |", "| --- | --- | --- | --- |"]
    for name in (*voting.yes, *voting.no, *voting.abstained):
        marks = [
            "X" if name in group else "" for group in (voting.yes, voting.no, voting.abstained)
        ]
        rows.append(f"| {cell(name)} | " + " | ".join(marks) + " |")
    rows.append(f"| Summa | {len(voting.yes)} | {len(voting.no)} | {len(voting.abstained)} |")
    blocks = ["**Omröstning**", inline(voting.proposition), "\n".join(rows)]
    if voting.result:
        blocks.append(inline(voting.result))
    return blocks


def entry_blocks(
    record: MeetingRecord, index: int, entry: AgendaEntry, include_confidential: bool
) -> list[str]:
    number = entry.paragraph if entry.paragraph is not None else index
    if hidden := public_placeholder(entry, include_confidential):
        return [f"## § {number} {hidden}"]
    blocks = [f"## § {number} {title(entry)}"]
    if entry.item is not None:
        blocks.append(facts_block(entry))
        if entry.item.summary:
            blocks += ["**Ärendet**", *paragraphs(entry.item.summary)]
    if entry.discussion:
        blocks += paragraphs(entry.discussion)
    if entry.kind is EntryKind.DELEGATION:
        blocks += delegation_blocks(
            record, include_confidential, "Inga delegationsbeslut att anmäla."
        )
    if jav := jav_sentences(entry):
        blocks.append(HARD_BREAK.join(jav))
    if entry.proposal:
        blocks += ["**Förslag till beslut**", sentence_paragraph(
            proposal_sentence(entry.proposal, record.organ, matter=entry.item is not None)
        )]  # fmt: skip
    if entry.motions:
        blocks += ["**Yrkanden**", "\n".join(
            f"- {inline(m.member)}: {inline(m.text)}" for m in entry.motions
        )]  # fmt: skip
    if entry.propositions:
        blocks += ["**Propositionsordning**", inline(entry.propositions)]
    blocks += _voting_blocks(entry)
    decision = entry.decision
    if decision and (sentence := decision_sentence(decision, record.organ)):
        blocks += ["**Beslut**", sentence_paragraph(sentence)]
    elif entry.kind not in (EntryKind.OPENING, EntryKind.CLOSING):
        blocks += ["**Beslut**", "Inget beslut har registrerats."]
    if reserved := reservations(record, entry):
        blocks += ["**Reservationer**", "\n".join(reserved)]
    notes = [r for r in entry.remarks if r.kind is RemarkKind.NOTE]
    if notes:
        blocks += ["**Protokollsanteckningar**", "\n".join(
            f"- {inline(r.member)}: {inline(r.text)}" for r in notes
        )]  # fmt: skip
    if entry.dispatch:
        blocks.append("Expedieras till: " + ", ".join(inline(d) for d in entry.dispatch))
    return blocks


def _signer(name: str | None, role: str) -> str:
    return f"{SIGN_LINE}{HARD_BREAK}{inline(name) + ', ' if name else ''}{role}"


def signature_blocks(record: MeetingRecord) -> list[str]:
    meeting = record.meeting
    secretary = next(iter(record.present(MemberRole.SECRETARY)), None)
    chair = next(iter(record.present(MemberRole.CHAIR)), None)
    paragraphs_ = _paragraph_range(record)
    return [
        "## Underskrifter",
        f"Paragrafer {paragraphs_}",
        "Sekreterare",
        _signer(secretary.key if secretary else None, "sekreterare"),
        "Ordförande",
        _signer(chair.key if chair else None, "ordförande"),
        "Justerare",
        _signer(meeting.justerare, "justerare"),
    ]


def notice_blocks(record: MeetingRecord) -> list[str]:
    """The anslag/bevis block (KL 8 kap. 12 §), from the stored dates; lines to fill in
    where a date is not yet stored. The notice stays up until the appeal period (three weeks
    from the anslag, KL 13 kap. 5 §) has run out."""
    meeting = record.meeting
    posted = meeting.posted_on
    taken_down = posted + timedelta(days=APPEAL_DAYS + 1) if posted else None
    return [
        "## Bevis om anslag",
        HARD_BREAK.join(
            [
                "Protokollet är justerat. Justeringen har tillkännagetts genom anslag.",
                f"Organ: {inline(record.body)}",
                f"Sammanträdesdatum: {format_date(meeting.day)}",
                f"Datum då anslaget sätts upp: {format_date(posted) if posted else FILL_IN}",
                f"Datum då anslaget tas ned: {format_date(taken_down) if taken_down else FILL_IN}",
                f"Förvaringsplats för protokollet: {FILL_IN}",
            ]
        ),
        _signer(None, "underskrift"),
    ]


def minutes_markdown(record: MeetingRecord, *, include_confidential: bool = False) -> str:
    """The protokoll of a deciding organ as Markdown."""
    meeting = record.meeting
    adjusted = format_date(meeting.adjusted_on) if meeting.adjusted_on else FILL_IN
    blocks = [*header("Protokoll", record), *attendance_blocks(record)]
    blocks += [
        "## Justering",
        HARD_BREAK.join(
            [
                f"Justerare: {inline(meeting.justerare) if meeting.justerare else FILL_IN}",
                f"Justeringens plats och tid: {inline(meeting.place)}, {adjusted}",
                f"Paragrafer: {_paragraph_range(record)}",
                f"Sammanträdet började {format_time(meeting.time)}",
            ]
        ),
    ]
    for index, entry in enumerate(record.entries, start=1):
        blocks += entry_blocks(record, index, entry, include_confidential)
    blocks += signature_blocks(record)
    blocks += notice_blocks(record)
    return document(blocks)
