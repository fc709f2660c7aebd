"""One item in full: its facts, the principle panel, and its status history."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Label, Static

from ib_tui.domain.model import HISTORY_ACTIONS, HistoryEntry, Item, Status
from ib_tui.services import Services
from ib_tui.ui.text import plain
from ib_tui.ui.widgets.item_detail import ItemDetail
from ib_tui.ui.widgets.principle_panel import PrinciplePanel


def history_table(entries: list[HistoryEntry]) -> Table:
    table = Table.grid(padding=(0, 1))
    table.add_column(style="dim", no_wrap=True)
    table.add_column(no_wrap=True)
    table.add_column()
    for entry in entries:
        what = HISTORY_ACTIONS.get(entry.action, entry.action)
        if entry.field == "status":
            old = Status(entry.old_value).label if entry.old_value else "–"
            change = Text(f"{old} → {Status(entry.new_value or 'received').label}")
        elif entry.field:
            change = plain(f"{entry.field}: {entry.old_value or '–'} → {entry.new_value or '–'}")
        else:
            change = plain(entry.new_value or "")
        if entry.note:
            change.append("  ")
            change.append_text(plain(f"({entry.note})", "italic"))
        table.add_row(entry.at.strftime("%Y-%m-%d %H:%M"), f"{what} ({entry.user})", change)
    return table


class ItemScreen(Screen[Item | None]):
    """Dismisses with the item if it was edited here (so the list can refresh), else None."""

    HELP = """
## Ärendet

Allt om ett ärende: fakta, **strategins principer** med bedömning, skäl och citat, forum,
och historiken (varje registrering, ändring och statusändring med datum och vem).
**e** redigerar, **Esc** går tillbaka till listan.
"""
    BINDINGS = [
        Binding("escape", "back", "Tillbaka", id="item.back"),
        Binding("e", "edit", "Redigera", id="item.edit"),
    ]

    def __init__(self, services: Services, item: Item) -> None:
        super().__init__()
        self.services = services
        self.item = item
        self.edited: Item | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="item-body"):
            with VerticalScroll(id="item-facts"):
                yield ItemDetail(id="detail")
                yield Label("Historik", classes="section-title")
                yield Static("Läser historiken …", id="history")
            with VerticalScroll(id="item-principles"):
                yield Label("Strategins principer", classes="section-title")
                yield PrinciplePanel(id="principles")
        yield Footer()

    def on_mount(self) -> None:
        self._show(self.item)

    def _show(self, item: Item) -> None:
        self.item = item
        self.sub_title = item.dnr or item.title
        self.query_one(ItemDetail).show(item)
        self.query_one(PrinciplePanel).show(self.services.items.judge(item))
        self._load_history(item.id)

    @work(thread=True, exclusive=True, group="history")
    def _load_history(self, item_id: int | None) -> None:
        if item_id is None:
            return
        # A thread needs its own connection (SQLite objects stay in the thread that made them).
        services = Services.open(self.services.store.path)
        try:
            entries = services.items.history(item_id)
        finally:
            services.close()
        self.app.call_from_thread(self._show_history, entries)

    def _show_history(self, entries: list[HistoryEntry]) -> None:
        self.query_one("#history", Static).update(
            history_table(entries) if entries else Text("Ingen historik.", "dim")
        )

    def action_edit(self) -> None:
        from ib_tui.ui.screens.item_form import ItemFormScreen

        self.app.push_screen(ItemFormScreen(self.services, self.item), self._after_edit)

    def _after_edit(self, item: Item | None) -> None:
        if item is not None:
            self.edited = item
            self._show(item)

    def action_back(self) -> None:
        self.dismiss(self.edited)
