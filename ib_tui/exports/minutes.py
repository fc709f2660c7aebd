"""Protokoll: the formal minutes, with § numbers, decisions as att-clauses, and signatures."""

from __future__ import annotations

from ib_tui.domain.meeting import AgendaEntry, EntryKind, MeetingRecord, MemberRole, RemarkKind
from ib_tui.exports.common import (
    FILL_IN,
    SIGN_LINE,
    absent,
    by_role,
    decision_sentence,
    delegation_table,
    document,
    header,
    sentence_paragraph,
    shown_entries,
    title,
)
from ib_tui.exports.escape import cell, inline, lines, shorten


def attendance_blocks(record: MeetingRecord) -> list[str]:
    rows = ["| Namn | Funktion |", "| --- | --- |"]
    rows += [
        f"| {cell(member.display)} | {cell(member.role.label)} |"
        for member in by_role(record.present())
    ]
    blocks = ["## Närvarande", "\n".join(rows) if record.present() else "Ingen närvaro har förts."]
    if missing := absent(record):
        blocks.append("Frånvarande: " + ", ".join(inline(member.display) for member in missing))
    return blocks


def _decision_blocks(record: MeetingRecord, entry: AgendaEntry) -> list[str]:
    decision = entry.decision
    sentence = decision_sentence(decision, record.organ) if decision else ""
    if decision is None and entry.kind in (EntryKind.OPENING, EntryKind.CLOSING):
        return []  # "Sammanträdets öppnande" and the like are minuted by their heading alone
    if decision is None or not sentence:
        return ["**Beslut**", "Inget beslut har registrerats."]
    return ["**Beslut**", sentence_paragraph(sentence)]


def _summary_blocks(entry: AgendaEntry) -> list[str]:
    paragraphs = []
    if entry.item and entry.item.summary:
        paragraphs.append(inline(shorten(entry.item.summary)))
    if entry.discussion:
        paragraphs += _paragraphs(entry.discussion)
    return ["**Ärendet i korthet**", *paragraphs] if paragraphs else []


def _paragraphs(text: str) -> list[str]:
    """Multi-line text as Markdown paragraphs, its single line breaks kept as hard breaks."""
    result, current = [], []
    for line in [*lines(text), ""]:
        if line:
            current.append(line)
        elif current:
            result.append("\\\n".join(current))
            current = []
    return result


def _remark_blocks(entry: AgendaEntry) -> list[str]:
    blocks = []
    for kind, label in (
        (RemarkKind.RESERVATION, "Reservationer"),
        (RemarkKind.NOTE, "Protokollsanteckningar"),
    ):
        remarks = [remark for remark in entry.remarks if remark.kind is kind]
        if remarks:
            blocks.append(f"**{label}**")
            blocks.append(
                "\n".join(f"- {inline(remark.member)}: {inline(remark.text)}" for remark in remarks)
            )
    if entry.absences:
        names = ", ".join(
            f"{inline(absence.member)} ({absence.reason.label})" for absence in entry.absences
        )
        blocks.append(f"Deltar inte: {names}")
    return blocks


def entry_blocks(record: MeetingRecord, index: int, entry: AgendaEntry) -> list[str]:
    number = entry.paragraph if entry.paragraph is not None else index
    blocks = [f"## § {number} {title(entry)}"]
    if entry.dnr:
        blocks.append(f"Dnr: {inline(entry.dnr)}")
    blocks += _decision_blocks(record, entry)
    blocks += _summary_blocks(entry)
    if entry.kind is EntryKind.DELEGATION:
        blocks += ["**Anmälda delegationsbeslut**", delegation_table(record.delegation_decisions)]
    blocks += _remark_blocks(entry)
    return blocks


def _signer(member_name: str | None, role: str) -> str:
    name = f"{inline(member_name)}, {role}" if member_name else role
    return f"{SIGN_LINE}\\\n{name}"


def signature_blocks(record: MeetingRecord) -> list[str]:
    secretary = next(iter(record.present(MemberRole.SECRETARY)), None)
    chair = next(iter(record.present(MemberRole.CHAIR)), None)
    return [
        "## Underskrifter",
        "Vid protokollet",
        _signer(secretary.key if secretary else None, "sekreterare"),
        "Justeras",
        _signer(chair.key if chair else None, "ordförande"),
        _signer(record.meeting.justerare, "justerare"),
        f"Justeringen har tillkännagivits genom anslag den {FILL_IN}",
        f"Protokollet förvaras hos {FILL_IN}",
    ]


def minutes_markdown(record: MeetingRecord, *, include_confidential: bool = False) -> str:
    """The protokoll as Markdown: attendance, justerare, one "§ N" section per entry, and the
    signature block."""
    blocks = [*header("Protokoll", record), *attendance_blocks(record)]
    blocks += [
        "## Justerare",
        inline(record.meeting.justerare) if record.meeting.justerare else "Ingen justerare vald.",
    ]
    for index, entry in shown_entries(record, include_confidential):
        blocks += entry_blocks(record, index, entry)
    blocks += signature_blocks(record)
    return document(blocks)
