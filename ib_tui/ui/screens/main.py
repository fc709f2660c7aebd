"""The main screen: the item list, filters and search, and beside it the selected item's facts
and principle panel. Triage happens here: one key per status."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Input, Label, Static

from ib_tui.domain.dates import format_amount, format_items
from ib_tui.domain.model import Item, Kind, Status
from ib_tui.domain.query import ItemQuery, SortOrder
from ib_tui.errors import StoreError, VersionConflict
from ib_tui.services import ListRow, ReasonRequired, Services
from ib_tui.ui.answers import on_answer
from ib_tui.ui.messages import DataChanged, broadcast
from ib_tui.ui.modals.reason import ReasonModal
from ib_tui.ui.undo import UNDO_BINDINGS
from ib_tui.ui.widgets.footer import HELP_BINDING, AppFooter
from ib_tui.ui.widgets.item_detail import ItemDetail
from ib_tui.ui.widgets.item_table import ItemTable
from ib_tui.ui.widgets.principle_panel import PrinciplePanel

STATUS_KEYS = {
    "1": Status.RECEIVED,
    "2": Status.IN_PREPARATION,
    "3": Status.READY,
    "4": Status.DECIDED,
    "5": Status.WRITTEN_OFF,
}
# The open cases: not yet at IB, or waiting for the decision after IB's position.
ACTIVE = frozenset(
    {
        Status.RECEIVED,
        Status.IN_PREPARATION,
        Status.READY,
        Status.ENDORSED,
        Status.OPPOSED,
        Status.RAISED_TO_KS,
    }
)
# What `s` steps through: everything, the open cases, then each status on its own.
STATUS_FILTERS: list[tuple[str, frozenset[Status]]] = [
    ("alla", frozenset()),
    ("pågående", ACTIVE),
    *((status.label, frozenset({status})) for status in Status),
]
KIND_FILTERS: list[tuple[str, frozenset[Kind]]] = [
    ("alla", frozenset()),
    *((kind.label, frozenset({kind})) for kind in Kind),
]
NARROW = 110  # below this width the side panel goes under the list


class MainScreen(Screen[None]):
    HELP = """
## Ärendelistan

Flytta med **j/k** eller piltangenterna, **PgUp/PgDn**, **g/G** (första/sista).
Den högra panelen (under listan i smala fönster) visar det markerade ärendets fakta och
**strategins principer**: vilka som gäller, bedömningen (✖ Konflikt, ▲ Varning, ✔ OK),
skälet och strategins egen mening, och var ärendet beslutas (forum). **v** öppnar strategins
fulltext vid den första principens mening (i ärendet, **Enter**, öppnar **1**–**9** vid var och en).

**1–5** sätter status: 1 inkommen, 2 under beredning, 3 klar för IB, 4 beslutad (öppnar
registreringen av beslutet: datum, vem som beslutade, delegationspunkt, att-satser, dnr),
5 avskriven (kräver ett skäl). Datum för varje ändring sparas. Beredningens ställningstagande
(tillstyrkt, avstyrkt, lyft till KS, noterat) sätts i mötesläget.

**/** söker i rubrik, sammanfattning, dnr, stad, land och beställare medan du skriver.
**t** och **s** stegar genom typ- och statusfilter, **o** byter sortering, **Esc** rensar.

**p** visar tidigare liknande ärenden (samma typ och forum, part eller ort), deras beslut
och kostnaden per år: "vad gjorde vi förra gången?".
**h** visar ärendets historik: varje ändring med tid, vem och gammalt → nytt värde.
**u** (eller Ctrl+Z) ångrar din senaste ändring, **U** (eller Ctrl+Y) gör om den; ångrandet
syns också i historiken. Har någon annan ändrat ärendet efter dig får du välja vad som gäller.
**i** importerar ärenden från en JSON- eller CSV-fil.

**m** öppnar sammanträdena: föredragningslistor, mötesläget, beslut och protokoll.
**c** visar kostnaderna: per år och typ eller annan gruppering, med diagram.
**D** (eller **4**) registrerar beslutet som fattas efter beredningen, oftast
finansborgarrådets på delegation: först då blir ärendet beslutat. Delegationsbeslut anmäls
till kommunstyrelsen (`ib-tui export delegations`) och visas för kännedom på nästa möte.

Arbetar flera i samma databas syns deras ändringar i listan inom någon sekund.
"""

    BINDINGS = [
        HELP_BINDING,
        Binding("slash", "search", "Sök", id="main.search"),
        Binding("n", "new_item", "Nytt", id="item.new"),
        Binding("e", "edit_item", "Redigera", id="item.edit"),
        Binding("1", "status('1')", "Status", key_display="1–5", id="item.status.received"),
        *(
            Binding(
                key,
                f"status('{key}')",
                f"Status: {status.label}",
                show=False,
                id=f"item.status.{status.value}",
            )
            for key, status in list(STATUS_KEYS.items())[1:]
        ),
        Binding("t", "cycle_kind", "Typ", id="filter.kind"),
        Binding("s", "cycle_status", "Statusfilter", id="filter.status"),
        Binding("o", "cycle_sort", "Sortering", show=False, id="filter.sort"),
        Binding("escape", "clear_filters", "Rensa filter", show=False, id="filter.clear"),
        Binding("h", "history", "Historik", id="item.history"),
        Binding("p", "precedent", "Tidigare ärenden", show=False, id="item.precedent"),
        Binding("v", "strategy", "Strategin", show=False, id="main.strategy"),
        *UNDO_BINDINGS,
        Binding("i", "import_items", "Importera", show=False, id="main.import"),
        Binding("m", "meetings", "Möten", id="main.meetings"),
        Binding("c", "costs", "Kostnader", show=False, id="main.costs"),
        Binding("D", "delegation", "Registrera beslut", show=False, id="item.delegation"),
    ]

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self.listing = services.listing()
        self.query_state = ItemQuery()
        self._kind_filter = 0
        self._status_filter = 0
        self._highlighted: ListRow | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="search-bar"):
            yield Input(placeholder="/ sök: rubrik, dnr, stad, land …", id="search")
            yield Static(id="filters")
        with Horizontal(id="body"):
            with Vertical(id="list-pane"):
                yield ItemTable(self.listing, id="items")
                yield Static(id="list-status")
            # Principles first: walking the inbox, the verdict is what the secretary reads.
            with VerticalScroll(id="side"):
                yield Label("Strategins principer", classes="section-title")
                yield PrinciplePanel(id="principles")
                yield Label("Ärendet", classes="section-title")
                yield ItemDetail(id="detail")
        yield AppFooter()

    def on_mount(self) -> None:
        self._show_filters()
        table = self.query_one(ItemTable)
        # The first screen's rows are read here, on the UI thread: an indexed LIMIT of a few
        # ms. In a worker the read waited for the GIL while the UI thread drew the first frame,
        # and the rows came one frame later (~100 ms of start-up, benchmarks/run.py). Every
        # later query, and this one's count, runs in the list's workers.
        try:
            first = self.listing.first_page(self.query_state, table.first_page_size)
        except Exception:  # the worker reads it again and reports the problem
            first = None
        table.load(self.query_state, first=first)
        table.focus()

    def on_unmount(self) -> None:
        self.listing.close()

    def on_resize(self) -> None:
        self.set_class(self.size.width < NARROW, "narrow")

    # --- list and panels ----------------------------------------------------------------------

    @on(ItemTable.Highlighted)
    def show_item(self, event: ItemTable.Highlighted) -> None:
        # The panels follow right after the list is painted: rebuilding them (principles,
        # facts) cost as much as drawing the new rows, and a keystroke's rows come first.
        self._highlighted = event.row
        self.call_after_refresh(self._show_panels, event.row)

    def _show_panels(self, row: ListRow | None) -> None:
        if row is not self._highlighted:
            return  # the cursor moved on before the list was painted
        item = row.item if row else None
        self.query_one(ItemDetail).show(item)
        self.query_one(PrinciplePanel).show(self.services.items.judge(item) if item else None)
        self.query_one("#side", VerticalScroll).scroll_home(animate=False)

    def action_strategy(self) -> None:
        """The strategy's full text at the highlighted item's first (most serious) principle."""
        from ib_tui.ui.screens.strategy import StrategyScreen

        row = self._highlighted
        assessments = self.services.items.judge(row.item).assessments if row else []
        self.app.push_screen(StrategyScreen(assessments[0] if assessments else None))

    @on(ItemTable.Counted)
    def show_count(self, event: ItemTable.Counted) -> None:
        count = format_items(event.count)
        text = count if event.exact else f"minst {count} (räknar …)"
        if event.total_cost is not None:
            text += f" · kostnad {format_amount(event.total_cost)}"
        self.query_one("#list-status", Static).update(text)

    @on(ItemTable.Selected)
    def open_item(self, event: ItemTable.Selected) -> None:
        from ib_tui.ui.screens.item import ItemScreen

        self.app.push_screen(ItemScreen(self.services, event.row.item), self._after_edit)

    # --- search and filters -------------------------------------------------------------------

    def action_search(self) -> None:
        self.query_one("#search", Input).focus()

    @on(Input.Changed, "#search")
    def search(self, event: Input.Changed) -> None:
        self._reload(text=event.value)

    @on(Input.Submitted, "#search")
    def leave_search(self) -> None:
        self.query_one(ItemTable).focus()

    def action_cycle_kind(self) -> None:
        self._kind_filter = (self._kind_filter + 1) % len(KIND_FILTERS)
        self._reload(kinds=KIND_FILTERS[self._kind_filter][1])

    def action_cycle_status(self) -> None:
        self._status_filter = (self._status_filter + 1) % len(STATUS_FILTERS)
        self._reload(statuses=STATUS_FILTERS[self._status_filter][1])

    def action_cycle_sort(self) -> None:
        orders = list(SortOrder)
        following = orders[(orders.index(self.query_state.sort) + 1) % len(orders)]
        self._reload(sort=following)

    def action_clear_filters(self) -> None:
        search = self.query_one("#search", Input)
        self._kind_filter = self._status_filter = 0
        with search.prevent(Input.Changed):
            search.value = ""
        self._reload(text="", kinds=frozenset(), statuses=frozenset())
        self.query_one(ItemTable).focus()

    def _reload(self, **changes: object) -> None:
        from dataclasses import replace

        self.query_state = replace(self.query_state, **changes)  # type: ignore[arg-type]
        self._show_filters()
        self.query_one(ItemTable).load(self.query_state)

    def _show_filters(self) -> None:
        kind = KIND_FILTERS[self._kind_filter][0]
        status = STATUS_FILTERS[self._status_filter][0]
        self.query_one("#filters", Static).update(
            f"Typ: {kind} · Status: {status} · Sortering: {self.query_state.sort.label}"
        )

    # --- triage -------------------------------------------------------------------------------

    def _current(self) -> Item | None:
        row = self.query_one(ItemTable).current_row
        if row is None:
            self.notify("Inget ärende är markerat.", severity="warning")
        return row.item if row else None

    def action_status(self, key: str) -> None:
        item = self._current()
        if item is None:
            return
        status = STATUS_KEYS[key]
        if status is Status.DECIDED:  # only a registered decision makes an item beslutad
            self.action_delegation()
            return
        if status is Status.WRITTEN_OFF:

            def write_off(reason: str) -> None:
                self._set_status(item, status, reason)

            self.app.push_screen(
                ReasonModal(
                    f"Skriv av {item.dnr or item.title}", "Skäl till att ärendet skrivs av"
                ),
                on_answer(write_off),
            )
        else:
            self._set_status(item, status, None)

    def _set_status(self, item: Item, status: Status, reason: str | None) -> None:
        assert item.id is not None
        try:
            updated = self.services.items.set_status(
                item.id, status, reason, expected_version=item.version
            )
        except VersionConflict as conflict:
            self.notify(
                "Ärendet har ändrats av någon annan; listan läses om. Försök igen.",
                severity="warning",
            )
            self._refresh_row(conflict.current)
            return
        except (ReasonRequired, StoreError) as error:
            self.notify(str(error), severity="error")
            return
        broadcast(self.app, updated)
        self.notify(f"{updated.dnr or updated.title}: {status.label}", timeout=2)

    def _refresh_row(self, item: Item) -> None:
        table = self.query_one(ItemTable)
        table.replace_item(ListRow(item, self.services.items.judge(item).worst))
        table.load(self.query_state, keep_position=True)

    @on(DataChanged)
    def _data_changed(self, event: DataChanged) -> None:
        """A change here (shown at once) or in another instance: re-read the rows on screen,
        keeping the cursor; the reading runs in the list's workers."""
        if event.item is not None:
            self._refresh_row(event.item)
        else:
            self.query_one(ItemTable).load(self.query_state, keep_position=True)

    # --- history and import -------------------------------------------------------------------

    def action_history(self) -> None:
        from ib_tui.ui.screens.history import HistoryScreen

        if item := self._current():
            self.app.push_screen(HistoryScreen(self.services, item))

    def action_precedent(self) -> None:
        from ib_tui.ui.screens.precedent import PrecedentScreen

        if item := self._current():
            self.app.push_screen(PrecedentScreen(self.services, item))

    def action_costs(self) -> None:
        from ib_tui.ui.screens.costs import CostOverviewScreen

        self.app.push_screen(CostOverviewScreen(self.services))

    def action_import_items(self) -> None:
        from ib_tui.ui.screens.import_items import ImportScreen

        self.app.push_screen(ImportScreen(self.services))

    # --- meetings -----------------------------------------------------------------------------

    def action_meetings(self) -> None:
        from ib_tui.ui.screens.meetings import MeetingsScreen

        self.app.push_screen(MeetingsScreen(self.services))

    def action_delegation(self) -> None:
        from ib_tui.ui.modals.delegation import delegation_modal
        from ib_tui.ui.modals.fields import open_form

        if item := self._current():
            open_form(self.app, delegation_modal(self.services, item))

    # --- register and edit --------------------------------------------------------------------

    def action_new_item(self) -> None:
        from ib_tui.ui.screens.item_form import ItemFormScreen

        self.app.push_screen(ItemFormScreen(self.services, None), self._after_edit)

    def action_edit_item(self) -> None:
        from ib_tui.ui.screens.item_form import ItemFormScreen

        if item := self._current():
            self.app.push_screen(ItemFormScreen(self.services, item), self._after_edit)

    def _after_edit(self, item: Item | None) -> None:
        if item is not None:
            broadcast(self.app, item)
