"""An item's audit trail as a table: when, who, what, and old value → new value.

The field rows of one save share a version; the time and the person are shown once per save so
the trail reads as a list of changes rather than a list of cells."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from ib_tui.domain.changes import field_label
from ib_tui.domain.model import HISTORY_ACTIONS, HistoryEntry, Status
from ib_tui.ui.text import plain

VALUE_LIMIT = 300  # characters of an old or new value shown; `ib-tui history --json` has all


def _value(value: str | None, limit: int) -> Text:
    if value is None or value == "":
        return Text("–", "dim")
    if len(value) > limit:
        return plain(value[:limit] + f" … ({len(value)} tecken)")
    return plain(value)


def _status(value: str | None) -> str:
    try:
        return Status(value).label if value else "–"
    except ValueError:
        return value or "–"


def change_text(entry: HistoryEntry, limit: int = VALUE_LIMIT) -> Text:
    if entry.field == "status":
        change = Text(f"status: {_status(entry.old_value)} → {_status(entry.new_value)}")
    elif entry.field:
        change = plain(f"{field_label(entry.field)}: ")
        change.append_text(_value(entry.old_value, limit))
        change.append(" → ")
        change.append_text(_value(entry.new_value, limit))
    else:
        change = _value(entry.new_value, limit) if entry.new_value else Text("")
    if entry.note:
        change.append("  ")
        change.append_text(plain(f"({entry.note})", "italic"))
    return change


def history_table(entries: list[HistoryEntry], *, limit: int = VALUE_LIMIT) -> Table:
    table = Table(box=None, padding=(0, 1), show_edge=False, expand=True)
    table.add_column("Tid", style="dim", no_wrap=True)
    table.add_column("Vem", no_wrap=True, max_width=14)
    table.add_column("Händelse", no_wrap=True)
    table.add_column("v", justify="right", no_wrap=True)
    table.add_column("Ändring", ratio=1, overflow="fold")
    previous: tuple[object, ...] | None = None
    for entry in entries:
        group = (entry.version, entry.user, entry.action, entry.at)
        first = group != previous or entry.version is None
        previous = group
        what = HISTORY_ACTIONS.get(entry.action, entry.action)
        table.add_row(
            entry.at.strftime("%Y-%m-%d %H:%M") if first else "",
            plain(entry.user) if first else "",
            what if first else "",
            f"{entry.version}" if first and entry.version else "",
            change_text(entry, limit),
        )
    return table


def empty_history() -> Text:
    return Text("Ingen historik.", "dim")
