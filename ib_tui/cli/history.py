"""`ib-tui history DNR|ID`: an item's trail of changes."""

from __future__ import annotations

import argparse

from ib_tui.cli.common import EXIT_OK, db_path, existing, find, print_json, say
from ib_tui.domain.changes import field_label
from ib_tui.domain.confidentiality import may_show, redact, redact_entry
from ib_tui.domain.model import HISTORY_ACTIONS, HistoryEntry, Status
from ib_tui.domain.text import clean


def add_parsers(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    history = commands.add_parser(
        "history", parents=[common], help="visa ett ärendes ändringshistorik"
    )
    history.add_argument("reference", metavar="DNR|ID", help="diarienummer eller id")
    history.add_argument("--json", action="store_true", help="skriv ett JSON-dokument på stdout")
    history.add_argument(
        "--include-confidential", action="store_true",
        help="visa värdena även för ett ärende med sekretess "
        "(annars bara vem, när och vilket fält)",
    )  # fmt: skip


def history(args: argparse.Namespace) -> int:
    with existing(db_path(args)) as services:
        item = find(services, args.reference)
        entries = services.items.history(item.id or 0)
    if not may_show(item, include_confidential=args.include_confidential):
        item, entries = redact(item), [redact_entry(entry) for entry in entries]
    if args.json:
        print_json(
            {
                "id": item.id,
                "dnr": item.dnr,
                "title": item.title,
                "confidential": item.confidential,
                "version": item.version,
                "history": [_history_json(entry) for entry in entries],
            }
        )
        return EXIT_OK
    say(f"{clean(item.dnr or 'utan dnr')} · {clean(item.title)} (id {item.id}, v{item.version})")
    for entry in entries:
        say(history_line(entry))
    return EXIT_OK


def _history_json(entry: HistoryEntry) -> dict[str, object]:
    return {
        "at": entry.at.isoformat(),
        "user": entry.user,
        "action": entry.action,
        "field": entry.field,
        "old": entry.old_value,
        "new": entry.new_value,
        "note": entry.note,
        "version": entry.version,
    }


def history_line(entry: HistoryEntry) -> str:
    """One line of the trail for a terminal: time, who, what, and old → new."""
    what = HISTORY_ACTIONS.get(entry.action, entry.action)
    version = f"v{entry.version}" if entry.version else ""
    if entry.field == "status":
        change = f"status: {_status_label(entry.old_value)} → {_status_label(entry.new_value)}"
    elif entry.field:
        change = f"{field_label(entry.field)}: {entry.old_value or '–'} → {entry.new_value or '–'}"
    else:
        change = entry.new_value or ""
    if entry.note:
        change += f" ({entry.note})"
    stamp = entry.at.strftime("%Y-%m-%d %H:%M")
    return clean(f"{stamp}  {entry.user:<12} {what:<18} {version:>4}  {change}")


def _status_label(value: str | None) -> str:
    try:
        return Status(value).label if value else "–"
    except ValueError:
        return value or "–"


COMMANDS = {"history": history}
