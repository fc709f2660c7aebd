"""`ib-tui precedent DNR|ID`: earlier similar items and what was decided on them."""

from __future__ import annotations

import argparse

from ib_tui.cli.common import EXIT_OK, db_path, existing, find, print_json
from ib_tui.domain.dates import format_amount
from ib_tui.domain.precedent import Precedents
from ib_tui.domain.text import clean
from ib_tui.services.precedent import find_precedents


def add_parsers(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    precedent = commands.add_parser(
        "precedent", parents=[common], help="visa tidigare liknande ärenden och deras beslut"
    )
    precedent.add_argument("reference", metavar="DNR|ID", help="diarienummer eller id")
    precedent.add_argument("--json", action="store_true", help="skriv ett JSON-dokument på stdout")


def precedent(args: argparse.Namespace) -> int:
    with existing(db_path(args)) as services:
        item = find(services, args.reference)
        found = find_precedents(services.context, item)
    if args.json:
        print_json(_precedents_json(found))
        return EXIT_OK
    print(f"{clean(item.dnr or 'utan dnr')} · {clean(item.title)}")
    print(f"Tidigare ärenden av samma typ med {clean(found.basis)}: {found.matched}")
    for entry in found.similar:
        other = entry.item
        day = entry.outcome_date.date().isoformat() if entry.outcome_date else ""
        received = other.received.isoformat() if other.received else ""
        cost = format_amount(other.costs.total) if other.costs.total else "–"
        print(clean(f"  {other.dnr or '–':<14} {received:<10}  {other.title}"))
        print(clean(f"  {'':<14} {other.status.label} · {cost} · {entry.outcome} ({day})"))
        if entry.decision_text:
            print(f"  {'':<14} {clean(entry.decision_text)}")
    if found.per_year:
        print("Kostnad per år:")
        for year in found.per_year:
            print(f"  {year.year}  {year.items:>5} ärenden  {format_amount(year.total):>14}")
    return EXIT_OK


def _precedents_json(found: Precedents) -> dict[str, object]:
    def day(value: object) -> str | None:
        return value.isoformat() if value is not None else None  # type: ignore[attr-defined]

    return {
        "id": found.item.id,
        "dnr": found.item.dnr,
        "title": found.item.title,
        "basis": found.basis,
        "matched": found.matched,
        "similar": [
            {
                "id": entry.item.id,
                "dnr": entry.item.dnr,
                "title": entry.item.title,
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
