"""One agenda entry as the agenda builder and meeting mode show it: what is proposed, what it
costs, what the strategy says in short, and what was decided."""

from __future__ import annotations

from rich.console import Group, RenderableType

from ib_tui.domain.dates import format_amount, format_date
from ib_tui.domain.meeting import AgendaEntry, MeetingRecord, proposal_sentence
from ib_tui.domain.model import COST_LABELS
from ib_tui.ui.text import plain
from ib_tui.ui.widgets.item_detail import fact_table


def verdicts_short(entry: AgendaEntry) -> str:
    """The most serious verdict as symbol and word, and how many more principles apply."""
    if entry.item is None:
        return ""
    if not entry.principles:
        return "–"
    worst = entry.principles[0].verdict  # assessments come most serious first
    more = len(entry.principles) - 1
    return worst.marker + (f" +{more}" if more else "")


def entry_number(record: MeetingRecord, entry: AgendaEntry) -> str:
    return f"§ {entry.paragraph}" if entry.paragraph else f"{record.entries.index(entry) + 1}."


def render_entry(
    entry: AgendaEntry, record: MeetingRecord, *, with_heading: bool = True
) -> RenderableType:
    facts, fact = fact_table("bold")

    item = entry.item
    if item is not None:
        fact("Dnr", item.dnr or "utan dnr")
        fact("Typ", f"{item.kind.label} · {item.status.label}")
        fact("Begärt av", item.requested_by)
        if item.starts:
            warning = "  ▲ före sammanträdet" if entry.starts_before(record.meeting.day) else ""
            fact("Startar", format_date(item.starts) + warning)
        costs = ", ".join(
            f"{COST_LABELS[key]} {format_amount(value)}"
            for key, value in item.costs.nonzero().items()
        )
        fact("Kostnad", format_amount(item.costs.total) + (f" ({costs})" if costs else ""))
        if entry.forum:
            fact("Forum", entry.forum.label_for(item.kind))
        if entry.principles:
            fact(
                "Principer",
                "; ".join(f"{note.verdict.marker} {note.title}" for note in entry.principles),
            )
    fact("Föredragande", entry.presenter)
    if entry.tabled_from:
        fact("Bordlagt", format_date(entry.tabled_from))
    if entry.proposal:
        fact("Förslag", proposal_sentence(entry.proposal, record.organ))
    if entry.decision:
        label = entry.decision.outcome.label_for(record.organ).upper()
        title = "Beslut" if record.organ.deciding else "Ställningstagande"
        fact(title, f"{label}: {entry.decision.sentence(record.organ)}")
    fact("Deltar inte", ", ".join(f"{a.member} ({a.reason.label})" for a in entry.absences))
    for remark in entry.remarks:
        fact(remark.kind.label.capitalize(), f"{remark.member}: {remark.text}")
    fact("Diskussion", entry.discussion)
    return Group(plain(entry.heading, "bold"), facts) if with_heading else facts
