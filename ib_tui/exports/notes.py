"""Minnesanteckningar: the record IB publishes of its meetings — which matters were taken up and
what the beredning said on each. IB is a beredning, so this is its main document: no justering,
no appeal clock; the notes are approved by the chair (docs/meetings.md)."""

from __future__ import annotations

from ib_tui.domain.dates import format_amount, format_date
from ib_tui.domain.meeting import (
    AgendaEntry,
    EntryKind,
    MeetingRecord,
    Member,
    MemberRole,
    RemarkKind,
)
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
    header,
    jav_sentences,
    paragraphs,
    public_placeholder,
    sentence_paragraph,
    title,
)
from ib_tui.exports.escape import inline


def _names(members: list[Member]) -> str:
    return "\n".join(f"- {inline(m.display)}, {m.role.label}" for m in members)


def present_blocks(record: MeetingRecord) -> list[str]:
    """Ledamöter, adjungerade and tjänstepersoner apart, the secretary on a line of its own."""
    present = by_role(record.present())
    members = [m for m in present if m.role in (MemberRole.CHAIR, MemberRole.MEMBER)]
    substitutes = [m for m in present if m.role is MemberRole.SUBSTITUTE]
    officials = [m for m in present if m.role is MemberRole.OFFICIAL]
    secretaries = [m for m in present if m.role is MemberRole.SECRETARY]
    blocks = ["## Närvarande"]
    if not present:
        return [*blocks, "Ingen närvaro har förts."]
    for label, group in (
        ("Ledamöter", members),
        ("Adjungerade", substitutes),
        ("Tjänstepersoner", officials),
    ):
        if group:
            blocks += [f"**{label}**", _names(group)]
    if secretaries:
        blocks.append("Sekreterare: " + ", ".join(inline(m.key) for m in secretaries))
    if missing := absent(record):
        blocks.append("Frånvarande: " + ", ".join(inline(m.display) for m in missing))
    return blocks


def _entry_blocks(
    record: MeetingRecord, index: int, entry: AgendaEntry, include_confidential: bool
) -> list[str]:
    number = entry.paragraph if entry.paragraph is not None else index
    if hidden := public_placeholder(entry, include_confidential):
        return [f"## § {number} {hidden}"]
    blocks = [f"## § {number} {title(entry)}"]
    if entry.item is not None:
        blocks.append(facts_block(entry))
        if entry.item.summary:
            blocks += ["**Ärendet i korthet**", *paragraphs(entry.item.summary)]
    if entry.discussion:
        blocks += ["**Diskussion**" if entry.item else "**Anteckningar**"]
        blocks += paragraphs(entry.discussion)
    if entry.kind is EntryKind.DELEGATION:
        blocks += delegation_blocks(
            record, include_confidential, "Inga delegationsbeslut att notera."
        )
    if jav := jav_sentences(entry):
        blocks.append(HARD_BREAK.join(jav))
    if entry.decision and (sentence := decision_sentence(entry.decision, record.organ)):
        if entry.item is not None:
            blocks.append("**Beredningens ställningstagande**")
        blocks.append(sentence_paragraph(sentence))
    elif entry.item is not None:
        blocks.append("Beredningen har inte tagit ställning i ärendet.")
    for kind, label in (
        (RemarkKind.RESERVATION, "Avvikande mening"),
        (RemarkKind.NOTE, "Protokollsanteckning"),
    ):
        for remark in (r for r in entry.remarks if r.kind is kind):
            blocks.append(f"{label} från {inline(remark.member)}: {inline(remark.text)}")
    return blocks


def notes_markdown(record: MeetingRecord, *, include_confidential: bool = False) -> str:
    """The notes as Markdown: who was there, every § with its facts, costs and the beredning's
    position in full sentences, the total cost, and "Vid anteckningarna" / the chair's
    approval."""
    blocks = [*header("Minnesanteckningar", record), *present_blocks(record)]
    total, hidden_total = 0, 0
    for index, entry in enumerate(record.entries, start=1):
        blocks += _entry_blocks(record, index, entry, include_confidential)
        if public_placeholder(entry, include_confidential):
            hidden_total += 1
        else:
            total += entry.cost
    cost = f"Sammanlagd kostnad för ärendena: {format_amount(total)}"
    if hidden_total:
        cost += f" (ärenden som omfattas av sekretess ingår inte, {hidden_total} st.)"
    blocks.append(cost)
    blocks += approval_blocks(record)
    return document(blocks)


def approval_blocks(record: MeetingRecord) -> list[str]:
    secretary = next(iter(record.present(MemberRole.SECRETARY)), None)
    chair = next(iter(record.present(MemberRole.CHAIR)), None)
    approved = record.meeting.adjusted_on
    return [
        "Vid anteckningarna",
        f"{SIGN_LINE}{HARD_BREAK}{inline(secretary.key) + ', ' if secretary else ''}sekreterare",
        f"Godkända av ordföranden den {format_date(approved) if approved else FILL_IN}",
        f"{SIGN_LINE}{HARD_BREAK}{inline(chair.key) + ', ' if chair else ''}ordförande",
    ]
