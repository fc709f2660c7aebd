"""`ib-tui precedent DNR|ID`: earlier similar items and what was decided on them."""

from __future__ import annotations

import argparse

from ib_tui.cli.common import EXIT_OK, db_path, existing, find, print_json, say
from ib_tui.domain.confidentiality import MARK, placeholder
from ib_tui.domain.dates import format_amount, format_count
from ib_tui.domain.model import Item
from ib_tui.domain.precedent import Precedents
from ib_tui.domain.text import clean
from ib_tui.services.precedent import find_precedents


def add_parsers(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    precedent = commands.add_parser(
        "precedent", parents=[common], help="visa tidigare liknande ärenden och deras beslut"
    )
    precedent.add_argument("reference", metavar="DNR|ID", help="diarienummer eller id")
    precedent.add_argument("--json", action="store_true", help="skriv ett JSON-dokument på stdout")
    precedent.add_argument(
        "--include-confidential", action="store_true",
        help="visa ärenden med sekretess i sin helhet (annars bara nummer och sekretessgrund)",
    )  # fmt: skip


def precedent(args: argparse.Namespace) -> int:
    with existing(db_path(args)) as services:
        item = find(services, args.reference)
        found = find_precedents(
            services.context, item, include_confidential=args.include_confidential
        )
    if args.json:
        print_json(_precedents_json(found))
        return EXIT_OK
    subject = found.item
    say(f"{clean(subject.dnr or 'utan dnr')} · {clean(subject.title)}{_mark(subject)}")
    say(f"Tidigare ärenden av samma typ med {clean(found.basis)}: {found.matched}")
    if found.hidden:
        say(
            f"Därtill {found.hidden} med sekretess: visas bara med nummer, kostnaden räknas inte "
            "(--include-confidential visar dem)."
        )
    for entry in found.similar:
        other = entry.item
        day = entry.outcome_date.date().isoformat() if entry.outcome_date else ""
        received = other.received.isoformat() if other.received else ""
        cost = format_amount(other.costs.total) if other.costs.total else "–"
        say(clean(f"  {other.dnr or '–':<14} {received:<10}  {other.title}") + _mark(other))
        say(clean(f"  {'':<14} {other.status.label} · {cost} · {entry.outcome} ({day})"))
        if entry.decision_text:
            say(f"  {'':<14} {clean(entry.decision_text)}")
    if found.per_year:
        say("Kostnad per år:")
        for year in found.per_year:
            count = format_count(year.items, "ärende ", "ärenden")
            say(f"  {year.year}  {count:>13}  {format_amount(year.total):>14}")
    return EXIT_OK


def _mark(item: Item) -> str:
    """Marks a confidential item shown in full (with --include-confidential)."""
    return f" {MARK}" if item.confidential and item.title != placeholder(item) else ""


def _precedents_json(found: Precedents) -> dict[str, object]:
    def day(value: object) -> str | None:
        return value.isoformat() if value is not None else None  # type: ignore[attr-defined]

    return {
        "id": found.item.id,
        "dnr": found.item.dnr,
        "title": found.item.title,
        "confidential": found.item.confidential,
        "basis": found.basis,
        "matched": found.matched,
        "hidden_confidential": found.hidden,
        "similar": [
            {
                "id": entry.item.id,
                "dnr": entry.item.dnr,
                "title": entry.item.title,
                "confidential": entry.item.confidential,
                "received": day(entry.item.received),
                "status": entry.item.status.value,
                "status_changed": day(entry.item.status_changed),
                "total_cost": entry.item.costs.total,
                "decision": entry.decision,
                "decision_text": entry.decision_text,
                "decided_at": day(entry.decided_at),
                "outcome": entry.outcome,
            }
            for entry in found.similar
        ],
        "per_year": [
            {"year": year.year, "items": year.items, "total_cost": year.total}
            for year in found.per_year
        ],
    }


COMMANDS = {"precedent": precedent}
