"""Minnesanteckningar: the shorter record IB publishes (a beredning that only prepares writes
notes, not a protokoll). Same data as the minutes, told per item."""

from __future__ import annotations

from ib_tui.domain.dates import format_date
from ib_tui.domain.meeting import MeetingRecord
from ib_tui.exports.common import (
    absent,
    by_role,
    decision_sentence,
    document,
    header,
    sentence_paragraph,
    shown_entries,
    title,
)
from ib_tui.exports.escape import inline, lines, shorten


def _present_blocks(record: MeetingRecord) -> list[str]:
    present = by_role(record.present())
    rows = [f"- {inline(member.display)}, {member.role.label}" for member in present]
    blocks = ["## Närvarande", "\n".join(rows) or "Ingen närvaro har förts."]
    if missing := absent(record):
        blocks.append("Frånvarande: " + ", ".join(inline(member.display) for member in missing))
    return blocks


def notes_markdown(record: MeetingRecord, *, include_confidential: bool = False) -> str:
    """The notes as Markdown: who was there, then per item what was discussed and the outcome."""
    blocks = [*header("Minnesanteckningar", record), *_present_blocks(record)]
    for _, entry in shown_entries(record, include_confidential):
        if entry.item is None:
            continue
        blocks.append(f"## {title(entry)}")
        if entry.dnr:
            blocks.append(f"Dnr: {inline(entry.dnr)}")
        if entry.discussion:
            blocks.append("\\\n".join(line for line in lines(entry.discussion) if line))
        elif entry.item.summary:
            blocks.append(inline(shorten(entry.item.summary)))
        if entry.decision and (sentence := decision_sentence(entry.decision, record.organ)):
            blocks.append(f"Ställningstagande: {entry.decision.outcome.label_for(record.organ)}")
            blocks.append(sentence_paragraph(sentence))
        else:
            blocks.append("Ställningstagande: inget har registrerats.")
    if record.delegation_decisions:
        blocks.append("## Anmälda delegationsbeslut")
        blocks.append(
            "\n".join(
                f"- {format_date(d.decided_on)}: {inline(d.delegate)}, "
                f"{inline(d.title)}{f' ({inline(d.dnr)})' if d.dnr else ''}: {inline(d.decision)}"
                for d in record.delegation_decisions
            )
        )
    return document(blocks)
