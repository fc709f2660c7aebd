"""The agenda builder: one meeting's föredragningslista beside the items that are ready for
decision and not yet placed (docs/scenarios.md 2). Add, remove and order entries, write the
proposals, see the total cost and the warnings, then export or open meeting mode."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Header, Label, Static

from ib_tui.domain.dates import (
    DateError,
    format_amount,
    format_clock,
    format_date,
    format_items,
    format_long_date,
    parse_date,
    parse_time,
)
from ib_tui.domain.meeting import AgendaEntry, MeetingRecord, MeetingStatus
from ib_tui.domain.model import Item
from ib_tui.errors import IbTuiError, StoreError
from ib_tui.services import MeetingError, Services
from ib_tui.ui.answers import on_yes
from ib_tui.ui.messages import DataChanged, broadcast
from ib_tui.ui.modals.confirm import ConfirmModal
from ib_tui.ui.modals.fields import Field, FieldsModal, Values, open_form
from ib_tui.ui.text import plain, shorten
from ib_tui.ui.widgets.deadlines import deadline_lines
from ib_tui.ui.widgets.entry_view import entry_number, render_entry, verdicts_short
from ib_tui.ui.widgets.footer import HELP_BINDING, AppFooter

NARROW = 110
HEADING_WIDTH = 30  # the rubrik column: the rest (dnr, cost, verdicts) must stay in view


NEXT_STATUS = {
    MeetingStatus.PLANNED: MeetingStatus.HELD,
    MeetingStatus.HELD: MeetingStatus.ADJUSTED,
    MeetingStatus.ADJUSTED: MeetingStatus.PLANNED,
}


def meeting_line(record: MeetingRecord) -> Text:
    meeting = record.meeting
    line = Text()
    line.append(f"{record.body} · ", "bold")
    line.append(f"{format_long_date(meeting.day)} kl. {format_clock(meeting.time)} · ")
    line.append_text(plain(meeting.place))
    line.append(f" · {meeting.status.label}")
    if meeting.justerare:
        line.append_text(plain(f" · justerare {meeting.justerare}"))
    return line


class AgendaScreen(Screen[None]):
    HELP = """
## Föredragningslistan

Till vänster sammanträdets föredragningslista i ordning, till höger ärendena som är
**klara för IB** och ännu inte ligger på någon lista. **Tab** byter mellan dem.

**a** (eller Enter i högra listan) lägger det markerade ärendet på listan: bordlagda ärenden
hamnar först efter de inledande punkterna, andra efter det sista ärendet.
**d** tar bort en punkt, **K/J** (eller Shift+↑/↓) flyttar den upp och ned, **e** redigerar
rubrik, föredragande och förslag (en att-sats per rad, som i ”Beredningen tillstyrker att …”),
**+** lägger till en egen punkt. Under listan syns mötets totala kostnad och varningar: ett
evenemang som börjar före sammanträdet (beslutet kommer för sent) och en tom lista.

**m** öppnar mötesläget för projektorn, **v** visar föredragningslistan, protokollet och
minnesanteckningarna, **x** exporterar föredragningslistan till en Markdown-fil.
**i** ändrar tid, plats, justerare och dagarna för justering och anslag; **s** stegar mötets status
(planerat → genomfört → justerat); när mötet är genomfört fastställs §-numren.
"""
    BINDINGS = [
        HELP_BINDING,
        Binding("escape", "back", "Tillbaka", id="agenda.back"),
        Binding("j", "cursor(1)", "Nästa", show=False, id="agenda.cursor_down"),
        Binding("k", "cursor(-1)", "Föregående", show=False, id="agenda.cursor_up"),
        Binding("a", "add", "Lägg till", id="agenda.add"),
        Binding("d,delete", "remove", "Ta bort", id="agenda.remove"),
        Binding("K,shift+up", "move(-1)", "Flytta", key_display="K/J", id="agenda.up"),
        Binding("J,shift+down", "move(1)", "Flytta ned", show=False, id="agenda.down"),
        Binding("e", "edit", "Redigera", id="agenda.edit"),
        Binding("plus", "new_entry", "Ny punkt", show=False, id="agenda.new"),
        Binding("m", "meeting_mode", "Mötesläge", id="agenda.meeting"),
        Binding("v", "documents", "Dokument", id="agenda.documents"),
        Binding("x", "export", "Exportera", id="agenda.export"),
        Binding("i", "details", "Tid och plats", show=False, id="agenda.details"),
        Binding("s", "cycle_status", "Mötesstatus", show=False, id="agenda.status"),
    ]

    def __init__(self, services: Services, meeting_id: int) -> None:
        super().__init__()
        self.services = services
        self.meeting_id = meeting_id
        self.record: MeetingRecord | None = None
        self.candidates: list[Item] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="meeting-line")
        with Horizontal(id="agenda-body"):
            with Vertical(id="agenda-pane"):
                yield Label("Föredragningslista", classes="section-title")
                yield DataTable(id="agenda", cursor_type="row", zebra_stripes=True)
                yield Static(id="agenda-status")
            with Vertical(id="candidates-pane"):
                yield Label("Klara för IB, inte placerade", classes="section-title")
                yield DataTable(id="candidates", cursor_type="row")
                with VerticalScroll(id="entry-scroll"):
                    yield Static(id="entry-detail")
        yield AppFooter()

    def on_mount(self) -> None:
        agenda = self.query_one("#agenda", DataTable)
        agenda.add_columns("§", "Rubrik", "Dnr", "Kostnad", "Principer")
        self.query_one("#candidates", DataTable).add_columns("Dnr", "Rubrik", "Kostnad")
        self.reload()
        agenda.focus()

    def on_resize(self) -> None:
        self.set_class(self.size.width < NARROW, "narrow")

    # --- reading -------------------------------------------------------------------------------

    def reload(self) -> None:
        """Re-reads the meeting: a few dozen rows, milliseconds, so on the UI thread."""
        try:
            self.record = self.services.meetings.record(self.meeting_id)
            self.candidates = self.services.meetings.candidates(self.meeting_id)
        except StoreError as error:
            self.notify(str(error), severity="error")
            return
        record = self.record
        self.sub_title = f"Föredragningslista {format_date(record.meeting.day)}"
        self.query_one("#meeting-line", Static).update(meeting_line(record))
        agenda = self.query_one("#agenda", DataTable)
        cursor = agenda.cursor_row
        agenda.clear()
        for entry in record.entries:
            warning = " ▲" if entry.starts_before(record.meeting.day) else ""
            decided = " ✔" if entry.decision else ""
            agenda.add_row(
                entry_number(record, entry),
                plain(shorten(entry.heading, HEADING_WIDTH) + warning + decided),
                plain(entry.dnr or ""),
                format_amount(entry.cost) if entry.item else "",
                verdicts_short(entry),
                key=str(entry.id),
            )
        agenda.move_cursor(row=min(cursor, max(0, agenda.row_count - 1)))
        candidates = self.query_one("#candidates", DataTable)
        cursor = candidates.cursor_row
        candidates.clear()
        for item in self.candidates:
            candidates.add_row(
                plain(item.dnr or ""),
                plain(shorten(item.title, HEADING_WIDTH)),
                format_amount(item.costs.total),
                key=str(item.id),
            )  # fmt: skip
        candidates.move_cursor(row=min(cursor, max(0, candidates.row_count - 1)))
        self._show_status(record)
        self._show_detail()

    def _show_status(self, record: MeetingRecord) -> None:
        status = Text(
            f"{format_items(len(record.items))} · kostnad {format_amount(record.total_cost)}",
            "bold",
        )
        for warning in self.services.meetings.warnings(record):
            status.append("\n▲ Varning: ", "bold")
            status.append_text(plain(warning))
        if deadlines := deadline_lines(record.meeting, self.services.today()):
            status.append("\n")
            status.append_text(deadlines)
        self.query_one("#agenda-status", Static).update(status)

    def current_entry(self) -> AgendaEntry | None:
        agenda = self.query_one("#agenda", DataTable)
        if self.record is None or not agenda.row_count:
            return None
        return self.record.entries[agenda.cursor_row]

    def current_candidate(self) -> Item | None:
        table = self.query_one("#candidates", DataTable)
        return self.candidates[table.cursor_row] if self.candidates else None

    @on(DataTable.RowHighlighted)
    def _show_detail(self) -> None:
        detail = self.query_one("#entry-detail", Static)
        candidates = self.query_one("#candidates", DataTable)
        if candidates.has_focus and (item := self.current_candidate()):
            text = Text.assemble(plain(item.title, "bold"), "\n", plain(item.dnr or "utan dnr"))
            text.append(f"\n{item.kind.label} · {format_amount(item.costs.total)}")
            text.append("\n\na lägger ärendet på föredragningslistan.", "dim")
            detail.update(text)
        elif candidates.has_focus:
            detail.update(Text("Inga ärenden är klara för IB och oplacerade.", "italic"))
        elif self.record and (entry := self.current_entry()):
            detail.update(render_entry(entry, self.record))
        else:
            detail.update("")

    def on_descendant_focus(self) -> None:
        self._show_detail()

    @on(DataChanged)
    def _changed(self) -> None:
        self.reload()

    # --- editing the agenda --------------------------------------------------------------------

    def _run(self, change: Callable[[], object]) -> bool:
        """Runs a service call; a Swedish message instead of a crash when it cannot be done."""
        try:
            change()
        except IbTuiError as error:  # a removed entry (another window) too: MeetingNotFound
            self.notify(str(error), severity="error")
            return False
        broadcast(self.app)
        return True

    @on(DataTable.RowSelected, "#candidates")
    def action_add(self) -> None:
        item = self.current_candidate()
        if item is None or item.id is None:
            self.notify("Inga ärenden är klara för IB och oplacerade.", severity="warning")
            return
        item_id = item.id
        if self._run(lambda: self.services.meetings.add_item(self.meeting_id, item_id)):
            self.notify(f"{item.dnr or item.title} lagt på föredragningslistan", timeout=2)

    def action_remove(self) -> None:
        entry = self.current_entry()
        if entry is None or entry.id is None:
            return
        entry_id = entry.id
        self.app.push_screen(
            ConfirmModal(f"Ta bort ”{entry.heading}” från föredragningslistan?", yes="Ta bort"),
            on_yes(lambda: self._run(lambda: self.services.meetings.remove_entry(entry_id))),
        )

    def action_cursor(self, delta: int) -> None:
        """j/k move in whichever list has focus, as in the item list."""
        table = self.focused if isinstance(self.focused, DataTable) else None
        if table is not None:
            table.move_cursor(row=table.cursor_row + delta)

    def action_move(self, delta: int) -> None:
        entry = self.current_entry()
        if entry is None or entry.id is None:
            return
        agenda = self.query_one("#agenda", DataTable)
        row = agenda.cursor_row
        try:
            moved = self.services.meetings.move_entry(entry.id, delta)
        except StoreError as error:
            self.notify(str(error), severity="error")
            return
        if moved:
            agenda.move_cursor(row=row + delta)
            broadcast(self.app)

    def action_edit(self) -> None:
        entry = self.current_entry()
        if entry is None or entry.id is None:
            return
        entry_id = entry.id

        def save(values: Values) -> Mapping[str, str]:
            try:
                self.services.meetings.edit_entry(
                    entry_id,
                    heading=values["heading"],
                    presenter=values["presenter"],
                    proposal=values["proposal"].splitlines(),
                    discussion=values["discussion"],
                )
            except MeetingError as error:
                return {"heading": str(error)}
            except StoreError as error:
                return {"": str(error)}
            return {}

        fields = [
            Field("heading", "Rubrik", entry.heading),
            Field("presenter", "Föredragande", entry.presenter or ""),
            Field(
                "proposal", "Förslag (att-satser)", "\n".join(entry.proposal), multiline=True,
                hint="En att-sats per rad, t.ex. ”tillstyrka deltagande”.",
            ),
            Field("discussion", "Ärendet i korthet / diskussion", entry.discussion or "",
                  multiline=True),
        ]  # fmt: skip
        open_form(
            self.app, FieldsModal(f"Redigera punkt: {entry.heading}", fields, save, wide=True)
        )

    def action_new_entry(self) -> None:
        entry = self.current_entry()
        position = entry.position + 1 if entry else 1

        def save(values: Values) -> Mapping[str, str]:
            try:
                self.services.meetings.add_entry(self.meeting_id, values["heading"], position)
            except MeetingError as error:
                return {"heading": str(error)}
            return {}

        open_form(
            self.app,
            FieldsModal("Ny punkt efter den markerade", [Field("heading", "Rubrik")], save),
        )

    # --- the meeting ---------------------------------------------------------------------------

    def action_details(self) -> None:
        if self.record is None:
            return
        meeting = self.record.meeting
        names = [(a.member.display, a.member.key) for a in self.record.attendees]

        def save(values: Values) -> Mapping[str, str]:
            try:
                clock = parse_time(values["time"])
            except DateError as error:
                return {"time": str(error)}
            if not values["place"].strip():
                return {"place": "platsen får inte vara tom"}
            dates: dict[str, Any] = {}  # adjusted_on, posted_on: date | None
            for name in ("adjusted_on", "posted_on"):
                try:
                    dates[name] = parse_date(values[name]) if values[name].strip() else None
                except DateError as error:
                    return {name: str(error)}
            changed = replace(
                meeting, time=clock, place=values["place"].strip(),
                justerare=values["justerare"] or None, **dates,
            )  # fmt: skip
            try:
                self.services.meetings.update(changed)
            except StoreError as error:
                return {"": str(error)}
            return {}

        fields = [
            Field("time", "Tid", meeting.time.strftime("%H:%M")),
            Field("place", "Plats", meeting.place),
            Field("justerare", "Justerare", meeting.justerare or "", options=names),
            Field(
                "adjusted_on",
                "Justerat den",
                format_date(meeting.adjusted_on),
                hint="Tomt om protokollet inte är justerat.",
            ),
            Field(
                "posted_on",
                "Anslaget den",
                format_date(meeting.posted_on),
                hint="Dagen tillkännagivandet om justering sattes upp på anslagstavlan.",
            ),
        ]
        open_form(self.app, FieldsModal(f"Sammanträdet {format_date(meeting.day)}", fields, save))

    def action_cycle_status(self) -> None:
        if self.record is None:
            return
        following = NEXT_STATUS[self.record.meeting.status]
        question = f"Ändra mötets status till ”{following.label}”?"
        if following is MeetingStatus.HELD:
            question += " §-numren fastställs och delegationsbesluten knyts till mötet."
        self.app.push_screen(
            ConfirmModal(question, yes=following.label.capitalize(), no="Avbryt"),
            on_yes(
                lambda: self._run(
                    lambda: self.services.meetings.set_status(self.meeting_id, following)
                )
            ),
        )

    def action_meeting_mode(self) -> None:
        from ib_tui.ui.screens.meeting_mode import MeetingModeScreen

        entry = self.current_entry()
        self.app.push_screen(
            MeetingModeScreen(self.services, self.meeting_id, entry.id if entry else None)
        )

    def action_documents(self) -> None:
        from ib_tui.ui.screens.documents import DocumentScreen

        self.app.push_screen(DocumentScreen(self.services, self.meeting_id))

    def action_export(self) -> None:
        from ib_tui.ui.screens.documents import export_document

        export_document(self, self.services, self.meeting_id, "agenda")

    def action_back(self) -> None:
        self.dismiss(None)
