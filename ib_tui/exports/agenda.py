"""Föredragningslista: the agenda sent out before a meeting, numbered as on the screen."""

from __future__ import annotations

from ib_tui.domain.dates import format_amount, format_date
from ib_tui.domain.meeting import AgendaEntry, EntryKind, MeetingRecord, proposal_sentence
from ib_tui.exports.common import (
    HARD_BREAK,
    delegation_blocks,
    document,
    facts_block,
    header,
    indent,
    principles_line,
    public_placeholder,
    sentence_paragraph,
    short_summary,
    title,
)


def _entry_blocks(
    record: MeetingRecord, entry: AgendaEntry, include_confidential: bool
) -> list[str]:
    if hidden := public_placeholder(entry, include_confidential):
        return [f"**{hidden}**"]
    blocks = [f"**{title(entry)}**"]
    if entry.item is not None:
        blocks.append(HARD_BREAK.join([facts_block(entry), principles_line(entry)]))
        if entry.item.summary:
            blocks.append(short_summary(entry.item.summary))
    elif entry.presenter:
        blocks.append(f"Föredragande: {entry.presenter}")
    if entry.proposal:
        label = "Förslag till beslut" if record.organ.deciding else "Förslag till ställningstagande"
        blocks += [
            f"{label}:",
            sentence_paragraph(
                proposal_sentence(entry.proposal, record.organ, matter=entry.item is not None)
            ),
        ]
    if entry.starts_before(record.meeting.day) and entry.item and entry.item.starts:
        blocks.append(
            f"Obs! Evenemanget börjar före sammanträdet (den {format_date(entry.item.starts)}):"
            " beredningens ställningstagande kommer för sent."
        )
    if entry.kind is EntryKind.DELEGATION:
        blocks += delegation_blocks(
            record, include_confidential, "Inga delegationsbeslut sedan förra sammanträdet."
        )
    return blocks


def agenda_markdown(record: MeetingRecord, *, include_confidential: bool = False) -> str:
    """The agenda as Markdown: every entry numbered as on the screen (a confidential matter
    keeps its number and shows only its OSL ground), each matter with who asks, a short
    summary, when and where, its cost lines and principles, and the total at the end."""
    items, total, hidden = [], 0, 0
    for number, entry in enumerate(record.entries, start=1):
        marker = f"{number}. "
        body = "\n\n".join(_entry_blocks(record, entry, include_confidential))
        items.append(marker + indent(body, len(marker))[len(marker) :])
        if public_placeholder(entry, include_confidential):
            hidden += 1
        else:
            total += entry.cost
    line = f"Sammanlagd kostnad för ärendena: {format_amount(total)}"
    if hidden:
        line += f" (ärenden som omfattas av sekretess ingår inte, {hidden} st.)"
    return document([*header("Föredragningslista", record), "\n\n".join(items), line])
