"""The history view: an item's whole audit trail, newest at the bottom, re-read when it changes."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Static

from ib_tui.domain.model import HistoryEntry, Item
from ib_tui.errors import ItemNotFound, StoreError
from ib_tui.services import Services
from ib_tui.ui.messages import DataChanged
from ib_tui.ui.text import plain
from ib_tui.ui.undo import UNDO_BINDINGS
from ib_tui.ui.widgets.footer import AppFooter
from ib_tui.ui.widgets.history_view import empty_history, history_table


class HistoryScreen(Screen[None]):
    HELP = """
## Historik

Ärendets hela ändringshistorik: varje registrering, import, ändring (fält för fält, gammalt
värde → nytt), statusändring, ångring och plats på föredragningslistan, med tid, vem och
version. Listan läses om när ärendet ändras, här eller i en annan instans.
**u** (eller Ctrl+Z) ångrar din senaste ändring. **Esc** går tillbaka.
Hela värden, också långa texter: `ib-tui history DNR --json`.
"""
    BINDINGS = [
        Binding("escape,h", "back", "Tillbaka", id="history.back"),
        *UNDO_BINDINGS,
        Binding("g,home", "top", "Först", show=False, id="history.top"),
        Binding("G,end", "bottom", "Sist", show=False, id="history.bottom"),
    ]

    def __init__(self, services: Services, item: Item) -> None:
        super().__init__()
        self.services = services
        self.item = item
        self.entries: list[HistoryEntry] | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="history-title", classes="section-title")
        with VerticalScroll(id="history-scroll"):
            yield Static("Läser historiken …", id="history")
        yield AppFooter()

    def on_mount(self) -> None:
        self._show_title(self.item)
        self.query_one("#history-scroll").focus()
        self._load(self.item.id)

    def _show_title(self, item: Item) -> None:
        self.sub_title = f"Historik: {item.dnr or item.title}"
        title = Text("Historik · ")
        title.append_text(plain(item.dnr or "utan dnr"))
        title.append(" · ")
        title.append_text(plain(item.title))
        title.append(f" (version {item.version})", "dim")
        self.query_one("#history-title", Static).update(title)

    @work(thread=True, exclusive=True, group="history")
    def _load(self, item_id: int | None) -> None:
        if item_id is None:
            return
        try:
            item, entries = self.services.read_item_with_history(item_id)
        except (StoreError, ItemNotFound) as error:
            self.app.call_from_thread(self.notify, str(error), severity="error")
            return
        self.app.call_from_thread(self._show, item, entries)

    def _show(self, item: Item, entries: list[HistoryEntry]) -> None:
        self.item = item
        self.entries = entries
        self._show_title(item)
        self.query_one("#history", Static).update(
            history_table(entries) if entries else empty_history()
        )
        self.query_one("#history-scroll", VerticalScroll).scroll_end(animate=False)

    @on(DataChanged)
    def _changed(self) -> None:
        self._load(self.item.id)

    def action_top(self) -> None:
        self.query_one("#history-scroll", VerticalScroll).scroll_home(animate=False)

    def action_bottom(self) -> None:
        self.query_one("#history-scroll", VerticalScroll).scroll_end(animate=False)

    def action_back(self) -> None:
        self.dismiss(None)
