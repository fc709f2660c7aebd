"""One item in full: its facts, the principle panel, and its latest history."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.css.query import NoMatches
from textual.screen import Screen
from textual.widgets import Header, Label, Static

from ib_tui.domain.model import HistoryEntry, Item
from ib_tui.errors import ItemNotFound, StoreError
from ib_tui.services import Judgement, Services
from ib_tui.ui.messages import DataChanged, broadcast
from ib_tui.ui.undo import UNDO_BINDINGS
from ib_tui.ui.widgets.footer import AppFooter
from ib_tui.ui.widgets.history_view import empty_history, history_table
from ib_tui.ui.widgets.item_detail import ItemDetail
from ib_tui.ui.widgets.principle_panel import PrinciplePanel

RECENT = 8
STRATEGY_BINDINGS = [
    Binding(
        str(n),
        f"strategy({n})",
        f"Strategin vid princip {n}",
        key_display=str(n),
        show=False,
        id=f"item.strategy.{n}",
    )
    for n in range(1, 10)
]  # history rows shown here; `h` opens them all


class ItemScreen(Screen[Item | None]):
    """Dismisses with the item if it changed while shown (so the list can refresh), else None."""

    HELP = """
## Ärendet

Allt om ett ärende: fakta, **strategins principer** med bedömning, skäl och citat, forum,
och de senaste ändringarna. **h** öppnar hela historiken (varje registrering, ändring och
statusändring med tid, vem och gammalt → nytt värde).
**e** redigerar, **u** (eller Ctrl+Z) ångrar din senaste ändring, **Esc** går tillbaka.
Ändrar någon annan ärendet medan det visas läses det om av sig självt.

**1**–**9** öppnar strategins fulltext vid den mening som princip nummer 1–9 i panelen
citerar (numren står före varje bedömning); **v** öppnar den vid den första.
"""
    BINDINGS = [
        Binding("escape", "back", "Tillbaka", id="item.back"),
        Binding("e", "edit", "Redigera", id="item.edit"),
        Binding("h", "history", "Historik", id="item.history"),
        Binding("v", "strategy(1)", "Strategin", id="item.strategy"),
        *STRATEGY_BINDINGS,
        *UNDO_BINDINGS,
    ]

    def __init__(self, services: Services, item: Item) -> None:
        super().__init__()
        self.services = services
        self.item = item
        self.edited: Item | None = None
        self.judgement: Judgement = services.items.judge(item)

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="item-body"):
            with VerticalScroll(id="item-facts"):
                yield ItemDetail(id="detail")
                yield Label("Historik, de senaste (h visar hela)", classes="section-title")
                yield Static("Läser historiken …", id="history")
            with VerticalScroll(id="item-principles"):
                yield Label("Strategins principer", classes="section-title")
                yield PrinciplePanel(id="principles", numbered=True)
        yield AppFooter()

    def on_mount(self) -> None:
        self._show(self.item)
        self._load(self.item.id)

    def _show(self, item: Item) -> None:
        if self.is_mounted and item.version != self.item.version:
            self.edited = item
        self.item = item
        try:
            self.sub_title = item.dnr or item.title
            self.query_one(ItemDetail).show(item)
            self.judgement = self.services.items.judge(item)
            self.query_one(PrinciplePanel).show(self.judgement)
        except NoMatches:
            # Mounted or re-read while the screen is already being closed (a fast Esc after
            # Enter): its widgets are gone, and there is nothing left to show.
            return

    @work(thread=True, exclusive=True, group="item")
    def _load(self, item_id: int | None) -> None:
        """Re-reads the item and its trail (after a change here or in another instance)."""
        if item_id is None:
            return
        try:
            item, entries = self.services.read_item_with_history(item_id)
        except (StoreError, ItemNotFound) as error:
            self.app.call_from_thread(self.notify, str(error), severity="error")
            return
        self.app.call_from_thread(self._loaded, item, entries)

    def _loaded(self, item: Item, entries: list[HistoryEntry]) -> None:
        self._show(item)
        recent = entries[-RECENT:]
        self.query_one("#history", Static).update(
            history_table(recent, limit=80) if recent else empty_history()
        )

    @on(DataChanged)
    def _changed(self, event: DataChanged) -> None:
        if event.item is not None and event.item.id == self.item.id:
            self._show(event.item)
        self._load(self.item.id)

    def action_strategy(self, number: int) -> None:
        from ib_tui.ui.screens.strategy import StrategyScreen

        assessments = self.judgement.assessments
        if not assessments:  # nothing to point at: the text from its beginning
            self.app.push_screen(StrategyScreen())
        elif number > len(assessments):
            self.notify(f"Panelen har {len(assessments)} principer (1–{len(assessments)}).")
        else:
            self.app.push_screen(StrategyScreen(assessments[number - 1]))

    def action_edit(self) -> None:
        from ib_tui.ui.screens.item_form import ItemFormScreen

        self.app.push_screen(ItemFormScreen(self.services, self.item), self._after_edit)

    def action_history(self) -> None:
        from ib_tui.ui.screens.history import HistoryScreen

        self.app.push_screen(HistoryScreen(self.services, self.item))

    def _after_edit(self, item: Item | None) -> None:
        if item is not None:
            broadcast(self.app, item)

    def action_back(self) -> None:
        self.dismiss(self.edited)
