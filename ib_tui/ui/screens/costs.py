"""Var pengarna går: the cost overview (year × kind or another grouping, each money bucket in
its own column, never added together), a stacked bar chart per year, and a drill-down from any
figure to its items. The figures come from SQL in a worker thread (services/costs.py)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static
from textual_plotext import PlotextPlot

from ib_tui.domain.confidentiality import for_audience
from ib_tui.domain.costs import Bucket, Column, CostFilter, CostRow, Figures, Grouping
from ib_tui.domain.dates import format_amount, format_items
from ib_tui.domain.model import Item, Kind
from ib_tui.errors import StoreError
from ib_tui.services import Services
from ib_tui.ui.text import plain, shorten

# The groupings `g` steps through; year × kind first.
GROUPINGS = (
    Grouping.YEAR, Grouping.REQUESTER, Grouping.COUNTRY, Grouping.CITY, Grouping.ORGANISATION,
    Grouping.FORUM, Grouping.MEETING, Grouping.ROLE, Grouping.PARTICIPANT, Grouping.STATUS,
)  # fmt: skip
COLUMN_BUCKET = {Column.APPROVED: Bucket.APPROVED, Column.REJECTED: Bucket.REJECTED}
# Fill patterns, so a stack's parts differ by shape and not by colour alone.
PATTERNS = ("█", "▓", "▒", "░", "▞", "▚")
STACK_BUCKETS = (Bucket.APPROVED, Bucket.PENDING, Bucket.REJECTED)
# Short headers that fit 80 columns; the help spells them out.
HEADERS = {
    Column.REQUESTED: "Begärt kr",
    Column.APPROVED: "Tillstyrkt",
    Column.REJECTED: "Avstyrkt",
    Column.ACTUAL: "Utfall",
    Column.DIFFERENCE: "Avvikelse",
}


def kronor(amount: int) -> str:
    return f"{amount:,}".replace(",", "\u00a0")


def amount_cell(figures: Figures, column: Column) -> Text:
    if column is Column.ACTUAL:
        return Text(kronor(figures.actual) if figures.actual_items else "–", justify="right")
    if column is Column.DIFFERENCE:
        if not figures.actual_items:
            return Text("–", justify="right")
        text = kronor(abs(figures.difference))
        sign = "+" if figures.difference > 0 else "−" if figures.difference < 0 else ""
        cell = Text(sign + text, justify="right")
        if figures.over_budget:
            cell.append(f" ▲{figures.over_budget}", "bold")
        return cell
    return Text(kronor(figures.amount(column)), justify="right")


@dataclass(frozen=True, slots=True)
class Cell:
    """What a table row stands for, to drill down from it."""

    flt: CostFilter
    grouping: Grouping | None
    key: str | None


@dataclass(frozen=True, slots=True)
class Loaded:
    table: dict[int, dict[str, Figures]]
    rows: list[CostRow]


class CostOverviewScreen(Screen[None]):
    HELP = """
## Kostnader – var pengarna går

Kostnaderna **per år och ärendetyp**, eller per annan gruppering (**g** byter: nämnd/bolag,
land, stad, organisation/nätverk, beslutsinstans, sammanträde, förtroendevalda/tjänstepersoner,
per deltagare, status).

Kolumnerna hålls **isär och läggs aldrig ihop**: *Begärt* är alla ärendens beräknade kostnad,
*Tillstyrkt/beslutat* och *Avstyrkt/avskrivet* är delar av det, *Utfall* är vad som redovisats
i efterhand och *Avvikelse* utfallet mot beräkningen för samma ärenden (▲N: så många
tillstyrkta ärenden överskred beräkningen med mer än inställningen
`ekonomisk-ram.max_overrun_percent`).

**Enter** på en siffra visar ärendena bakom den; Enter där öppnar ärendet.
**c** byter diagrammets staplar: per ärendetyp eller per status. Mönstren (█ ▓ ▒ ░) skiljer
delarna åt även utan färg; summan står ovanför varje stapel.

**Esc** går tillbaka. Samma siffror på kommandoraden: `ib-tui report costs`.
"""
    BINDINGS = [
        Binding("escape", "back", "Tillbaka", id="costs.back"),
        Binding("g", "grouping", "Gruppering", id="costs.grouping"),
        Binding("c", "chart", "Diagram", id="costs.chart"),
        Binding("enter", "drill", "Visa ärenden", id="costs.drill"),
    ]

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self.grouping = Grouping.YEAR
        self.stack_by_kind = True
        self.flt = CostFilter()
        self.loaded: Loaded | None = None
        self.cells: dict[str, Cell] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="costs-title", classes="section-title")
        yield DataTable(id="costs-table", cursor_type="cell", zebra_stripes=True)
        yield PlotextPlot(id="costs-chart")
        yield Static(id="costs-legend")
        yield Footer()

    def on_resize(self) -> None:
        """The chart takes a third of the height: 8 rows at 80×24, 14 on a projector."""
        self.query_one(PlotextPlot).styles.height = max(8, min(20, self.size.height // 3))

    def on_mount(self) -> None:
        self.sub_title = "Kostnader"
        table = self.query_one(DataTable)
        table.add_column("", key="label")
        for column in Column:
            table.add_column(HEADERS[column], key=column.value)
        table.focus()
        self._reload()

    def _title(self, note: str = "") -> None:
        text = Text(f"Kostnader per {self.grouping.label}", "bold")
        if self.grouping is Grouping.YEAR:
            text = Text("Kostnader per år och ärendetyp", "bold")
        text.append("  (g byter, Enter visar ärendena)", "dim")
        if note:
            text.append(f"  {note}")
        self.query_one("#costs-title", Static).update(text)

    def _reload(self) -> None:
        self._title("(räknar …)")
        self._load(self.grouping)

    @work(thread=True, exclusive=True, group="costs")
    def _load(self, grouping: Grouping) -> None:
        try:
            with self.services.cost_reader() as service:
                table = service.year_kind(self.flt)
                rows = [] if grouping is Grouping.YEAR else service.rows(self.flt, grouping)
        except StoreError as error:
            self.app.call_from_thread(self.notify, str(error), severity="error")
            return
        self.app.call_from_thread(self._show, grouping, Loaded(table, rows))

    def _show(self, grouping: Grouping, loaded: Loaded) -> None:
        if grouping is not self.grouping:
            return  # a newer grouping was asked for meanwhile
        self.loaded = loaded
        self._fill_table(loaded)
        self._draw_chart(loaded)
        self._title()

    def _fill_table(self, loaded: Loaded) -> None:
        table = self.query_one(DataTable)
        table.clear()
        self.cells = {}

        def add(label: Text | str, figures: Figures, cell: Cell) -> None:
            key = f"row{len(self.cells)}"
            self.cells[key] = cell
            table.add_row(
                label if isinstance(label, Text) else plain(label),
                *(amount_cell(figures, column) for column in Column),
                key=key,
            )

        total = Figures()
        if self.grouping is Grouping.YEAR:
            for year, kinds in loaded.table.items():
                year_total = Figures()
                for kind in Kind:
                    if kind.value in kinds:
                        figures = kinds[kind.value]
                        year_total = year_total + figures
                        cell = Cell(replace(self.flt, year=year, kind=kind.value), None, None)
                        add(f"{year} {kind.short}", figures, cell)
                add(Text(f"Summa {year}", "bold"), year_total, Cell(replace(self.flt, year=year),
                    None, None))  # fmt: skip
                total = total + year_total
        else:
            for row in loaded.rows:
                label = shorten(row.label, max(16, self.size.width - 56))
                add(label, row.figures, Cell(self.flt, self.grouping, row.key))
            for kinds in loaded.table.values():
                for figures in kinds.values():
                    total = total + figures
        if not self.cells:
            table.add_row(Text("Inga ärenden med kostnader.", "dim"), *([""] * len(Column)))
            return
        add(Text("Totalt", "bold"), total, Cell(self.flt, None, None))
        table.move_cursor(row=0, column=1)

    def _draw_chart(self, loaded: Loaded) -> None:
        chart = self.query_one(PlotextPlot)
        plt = chart.plt
        plt.clear_data()
        plt.clear_figure()
        plt.theme("clear")
        years = list(loaded.table)
        self.query_one("#costs-legend", Static).update("")
        if not years:
            plt.title("Inga kostnader att visa")
            chart.refresh()
            return
        series: list[list[float]] = []
        labels: list[str] = []
        if self.stack_by_kind:
            for kind in Kind:
                values = [
                    loaded.table[year].get(kind.value, Figures()).requested / 1000 for year in years
                ]
                if any(values):
                    series.append(values)
                    labels.append(kind.short)
            title = "Begärt per år och typ (tkr)"
        else:
            for bucket in STACK_BUCKETS:
                values = [
                    sum(getattr(f, bucket.value) for f in loaded.table[year].values()) / 1000
                    for year in years
                ]
                series.append(values)
                labels.append(bucket.label)
            title = "Begärt per år och status (tkr)"
        if not series:
            plt.title("Inga kostnader att visa")
            chart.refresh()
            return
        markers = [PATTERNS[n % len(PATTERNS)] for n in range(len(series))]
        # The legend is a line of its own under the chart: plotext's own one is drawn inside
        # the plot and disappears when the chart is only 8 rows high (80×24).
        plt.stacked_bar([str(y) for y in years], series, marker=markers)  # type: ignore[arg-type]
        legend = Text()
        for marker, label in zip(markers, labels, strict=True):
            legend.append(f"{marker * 2} {label} ")
        self.query_one("#costs-legend", Static).update(legend)
        for index in range(1, len(years) + 1):
            total = sum(values[index - 1] for values in series)
            plt.text(f"{total:,.0f}".replace(",", " "), x=index, y=total, alignment="center")
        plt.title(title)
        chart.refresh()

    # --- keys ---------------------------------------------------------------------------------

    def action_back(self) -> None:
        self.dismiss(None)

    def action_grouping(self) -> None:
        self.grouping = GROUPINGS[(GROUPINGS.index(self.grouping) + 1) % len(GROUPINGS)]
        self._reload()

    def action_chart(self) -> None:
        self.stack_by_kind = not self.stack_by_kind
        if self.loaded is not None:
            self._draw_chart(self.loaded)

    @on(DataTable.CellSelected)
    def _selected(self, event: DataTable.CellSelected) -> None:
        event.stop()
        self.action_drill()

    def action_drill(self) -> None:
        table = self.query_one(DataTable)
        if not self.cells or table.row_count == 0:
            return
        row_key, column_key = table.coordinate_to_cell_key(table.cursor_coordinate)
        cell = self.cells.get(str(row_key.value))
        if cell is None:
            return
        value = str(column_key.value)
        column = Column(value) if value in Column._value2member_map_ else Column.REQUESTED
        self.app.push_screen(
            CostItemsScreen(self.services, cell, COLUMN_BUCKET.get(column), column)
        )


class CostItemsScreen(Screen[None]):
    HELP = """
## Ärendena bakom en siffra

De ärenden som siffran i kostnadsöversikten består av, störst först, med beräknad kostnad,
utfall och avvikelse. **Enter** öppnar ärendet. Ärenden med sekretess visas med sekretessgrund.
**Esc** går tillbaka.
"""
    BINDINGS = [
        Binding("escape", "back", "Tillbaka", id="costitems.back"),
        Binding("enter", "open", "Öppna", id="costitems.open"),
    ]
    LIMIT = 500

    def __init__(
        self, services: Services, cell: Cell, bucket: Bucket | None, column: Column
    ) -> None:
        super().__init__()
        self.services = services
        self.cell = cell
        self.bucket = bucket
        self.column = column
        self.items: list[Item] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Hämtar ärendena …", id="costitems-title", classes="section-title")
        yield DataTable(id="costitems-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Kostnader · ärenden"
        table = self.query_one(DataTable)
        for label in ("Dnr", "Ärende", "Status", "Beräknat", "Utfall", "Avvikelse"):
            table.add_column(label)
        table.focus()
        self._load()

    @work(thread=True, exclusive=True, group="costitems")
    def _load(self) -> None:
        try:
            with self.services.cost_reader() as service:
                items, count = service.drill_down(
                    self.cell.flt, self.cell.grouping, self.cell.key, self.bucket, self.LIMIT
                )
        except StoreError as error:
            self.app.call_from_thread(self.notify, str(error), severity="error")
            return
        self.app.call_from_thread(self._show, items, count)

    def _show(self, items: list[Item], count: int) -> None:
        self.items = items
        table = self.query_one(DataTable)
        for item in items:
            shown = for_audience(item, include_confidential=False)
            actual = item.actual_costs.total if item.actual_costs else None
            difference = "–" if actual is None else f"{actual - item.costs.total:+,}".replace(
                ",", " ").replace("-", "−") + " kr"  # fmt: skip
            table.add_row(
                plain(shown.dnr or "–"),
                plain(shorten(shown.title, max(20, self.size.width - 62))),
                item.status.label,
                format_amount(item.costs.total),
                "–" if actual is None else format_amount(actual),
                difference,
            )
        what = self.column.label if self.bucket else "alla"
        text = Text(f"{format_items(count)} ({what})", "bold")
        if count > len(items):
            text.append(f" · visar de {len(items)} största", "dim")
        if not items:
            text = Text("Inga ärenden bakom den här siffran.", "dim")
        self.query_one("#costitems-title", Static).update(text)

    def action_back(self) -> None:
        self.dismiss(None)

    @on(DataTable.RowSelected)
    def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()

    def action_open(self) -> None:
        from ib_tui.ui.screens.item import ItemScreen

        table = self.query_one(DataTable)
        if not self.items or table.cursor_row >= len(self.items):
            return
        self.app.push_screen(ItemScreen(self.services, self.items[table.cursor_row]))
