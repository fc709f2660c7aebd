"""Tidigare ärenden: earlier items like the selected one, their decisions and costs per year.

docs/scenarios.md scenario 5 ("what did we do last time?"). The query runs in a worker with its own
connection; the screen shows a placeholder until it is done."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from ib_tui.domain.confidentiality import MARK, for_audience, placeholder
from ib_tui.domain.dates import format_amount, format_count
from ib_tui.domain.model import Item
from ib_tui.domain.precedent import Precedents
from ib_tui.errors import StoreError
from ib_tui.services import Services
from ib_tui.ui.modals.confirm import ConfirmModal
from ib_tui.ui.text import plain


def precedent_table(found: Precedents) -> Table:
    table = Table(box=None, padding=(0, 1), show_edge=False, expand=True)
    table.add_column("Dnr", no_wrap=True)
    table.add_column("Inkom", no_wrap=True, style="dim")
    table.add_column("Rubrik", ratio=2, overflow="fold")
    table.add_column("Status", no_wrap=True)
    table.add_column("Kostnad", justify="right", no_wrap=True)
    table.add_column("Beslut", ratio=3, overflow="fold")
    for entry in found.similar:
        item = entry.item
        outcome = plain(entry.outcome, "bold")
        if entry.outcome_date:
            outcome.append(f" {entry.outcome_date.date().isoformat()}", "dim")
        if entry.decision_text:
            outcome.append("\n")
            outcome.append_text(plain(entry.decision_text, "italic"))
        heading = plain(item.title, "italic" if item.title == placeholder(item) else "")
        if item.confidential and item.title != placeholder(item):
            heading.append(f" {MARK}", "bold")
        table.add_row(
            plain(item.dnr or "–"),
            item.received.isoformat() if item.received else "",
            heading,
            item.status.label,
            format_amount(item.costs.total) if item.costs.total else "–",
            outcome,
        )
    return table


def cost_table(found: Precedents) -> Table:
    table = Table(title="Kostnad per år", title_justify="left", box=None, padding=(0, 1))
    table.add_column("År")
    table.add_column("Ärenden", justify="right")
    table.add_column("Kostnad", justify="right")
    for year in found.per_year:
        table.add_row(str(year.year), str(year.items), format_amount(year.total))
    total = sum(year.total for year in found.per_year)
    table.add_row(Text("Totalt", "bold"), str(found.matched), Text(format_amount(total), "bold"))
    if found.hidden:
        table.caption = f"{found.hidden} ärenden med sekretess är inte medräknade."
        table.caption_justify = "left"
    return table


class PrecedentScreen(Screen[None]):
    HELP = """
## Tidigare ärenden

Tidigare ärenden av **samma typ** som liknar det markerade: samma ord i rubriken (forumets
namn, årtal räknas inte), samma avtalspart, eller för besök och samarbeten samma ort.
De senaste visas först, med dnr, datum, status, total kostnad och **beslutet**
(utfall och beslutsmening) om ett sådant är protokollfört, annars status och datum
(och skälet om ärendet skrevs av). Under listan: **kostnad per år** för alla liknande ärenden.

Ärenden med **sekretess** visas bara med dnr och sekretessgrund, och deras kostnad räknas
inte. **c** visar dem i sin helhet (frågar först, och visningen skrivs i historiken); **c**
igen döljer dem.

**Esc** eller **p** går tillbaka. **g/G** till början/slutet.
Samma sak på kommandoraden: `ib-tui precedent DNR --json`.
"""
    BINDINGS = [
        Binding("escape,p", "back", "Tillbaka", id="precedent.back"),
        Binding("g,home", "top", "Först", show=False, id="precedent.top"),
        Binding("G,end", "bottom", "Sist", show=False, id="precedent.bottom"),
        Binding("c", "confidential", "Sekretess", id="precedent.confidential"),
    ]

    def __init__(self, services: Services, item: Item) -> None:
        super().__init__()
        self.services = services
        self.item = item
        self.found: Precedents | None = None
        self.include_confidential = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="precedent-title", classes="section-title")
        with VerticalScroll(id="precedent-scroll"):
            yield Static("Söker tidigare ärenden …", id="precedents")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = f"Tidigare ärenden: {self.item.dnr or self.item.title}"
        self._title()
        self.query_one("#precedent-scroll").focus()
        self._load()

    def _title(self) -> None:
        item = for_audience(self.item, include_confidential=self.include_confidential)
        title = Text("Tidigare ärenden · ")
        title.append_text(plain(item.dnr or "utan dnr"))
        title.append(" · ")
        title.append_text(plain(item.title))
        self.query_one("#precedent-title", Static).update(title)

    def action_confidential(self) -> None:
        if self.include_confidential:
            self.include_confidential = False
            self._title()
            self._load()
            return
        self.app.push_screen(
            ConfirmModal(
                "Visa ärenden med sekretess i sin helhet? Se till att ingen obehörig ser "
                "skärmen. Visningen skrivs i historiken.",
                yes="Visa",
                no="Avbryt",
            ),
            self._reveal,
        )

    def _reveal(self, yes: bool | None) -> None:
        if not yes:
            return
        self.include_confidential = True
        self.services.audit.record_reveal("precedent", self.item)
        self._title()
        self._load()

    @work(thread=True, exclusive=True, group="precedent")
    def _load(self) -> None:
        try:
            with self.services.worker() as services:
                found = services.find_precedents(
                    self.item, include_confidential=self.include_confidential
                )
        except StoreError as error:
            self.app.call_from_thread(self.notify, str(error), severity="error")
            return
        self.app.call_from_thread(self._show, found)

    def _show(self, found: Precedents) -> None:
        self.found = found
        shown = len(found.similar)
        heading = plain(
            f"{format_count(found.matched, 'tidigare ärende', 'tidigare ärenden')} av typen "
            f"{found.item.kind.label} med "
            f"{found.basis}" + (f"; de {shown} senaste visas." if shown < found.matched else ".")
        )
        if not found.similar:
            body = Group(heading, Text("Inga tidigare liknande ärenden.", "dim"))
        else:
            body = Group(heading, Text(""), precedent_table(found), Text(""), cost_table(found))
        self.query_one("#precedents", Static).update(body)

    def action_top(self) -> None:
        self.query_one("#precedent-scroll", VerticalScroll).scroll_home(animate=False)

    def action_bottom(self) -> None:
        self.query_one("#precedent-scroll", VerticalScroll).scroll_end(animate=False)

    def action_back(self) -> None:
        self.dismiss(None)
