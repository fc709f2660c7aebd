"""Föredragningslista: the agenda sent out before a meeting."""

from __future__ import annotations

from ib_tui.domain.dates import format_amount, format_date
from ib_tui.domain.meeting import AgendaEntry, EntryKind, MeetingRecord
from ib_tui.exports.common import (
    HARD_BREAK,
    clause_items,
    cost_line,
    delegation_table,
    document,
    header,
    indent,
    principles_line,
    shown_entries,
    title,
)
from ib_tui.exports.escape import inline


def _entry_blocks(record: MeetingRecord, entry: AgendaEntry) -> list[str]:
    blocks = [f"**{title(entry)}**"]
    facts = []
    if entry.dnr:
        facts.append(f"Dnr: {inline(entry.dnr)}")
    if entry.presenter:
        facts.append(f"Föredragande: {inline(entry.presenter)}")
    if facts:
        blocks.append(HARD_BREAK.join(facts))
    if entry.proposal:
        blocks += ["Förslag till beslut:", "\n".join(clause_items(entry.proposal))]
    if entry.item is not None:
        lines = [cost_line(entry), principles_line(entry)]
        if entry.forum:
            lines.append(f"Forum: {entry.forum.label_for(entry.item.kind)}")
        blocks.append(HARD_BREAK.join(lines))
        if entry.starts_before(record.meeting.day) and entry.item.starts:
            blocks.append(
                f"Obs! Evenemanget börjar före sammanträdet (den {format_date(entry.item.starts)}):"
                " ett beslut i beredningen kommer för sent."
            )
    if entry.kind is EntryKind.DELEGATION:
        blocks.append(delegation_table(record.delegation_decisions))
    return blocks


def agenda_markdown(record: MeetingRecord, *, include_confidential: bool = False) -> str:
    """The agenda as Markdown: a numbered list of the entries in order, the items with their
    proposal, costs and principles, and the meeting's total cost at the end."""
    shown = shown_entries(record, include_confidential)
    items = []
    for number, (_, entry) in enumerate(shown, start=1):
        marker = f"{number}. "
        body = "\n\n".join(_entry_blocks(record, entry))
        items.append(marker + indent(body, len(marker))[len(marker) :])
    total = sum(entry.cost for _, entry in shown)
    return document(
        [
            *header("Föredragningslista", record),
            "\n\n".join(items),
            f"Sammanlagd kostnad för ärendena: {format_amount(total)}",
        ]
    )
