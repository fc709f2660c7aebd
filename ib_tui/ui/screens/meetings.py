"""The meetings: the year's schedule with each meeting's agenda size, cost and deadlines.

Enter opens a meeting's agenda builder; new meetings are added one by one or as a series."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import time

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from ib_tui.domain.dates import DateError, format_amount, format_date, parse_date
from ib_tui.domain.meeting import Meeting
from ib_tui.services import MeetingError, Services
from ib_tui.store import StoreError
from ib_tui.ui.messages import DataChanged, broadcast
from ib_tui.ui.modals.fields import Field, FieldsModal, Values
from ib_tui.ui.text import plain

DATE_HINT = "2026-01-14 eller 14 januari 2026"


def parse_time(text: str) -> time:
    return time.fromisoformat(text.strip().replace(".", ":"))


class MeetingsScreen(Screen[None]):
    HELP = """
## Sammanträden

Beredningens sammanträden i datumordning, med antal ärenden på föredragningslistan, deras
sammanlagda kostnad, mötets status och nästa frist (justering inom 14 dagar, anslag inom
2 dagar efter justeringen, överklagandetiden tre veckor från anslaget).
**Enter** öppnar föredragningslistan, **n** lägger till ett sammanträde.
Markören börjar på nästa sammanträde. **Esc** går tillbaka.
"""
    BINDINGS = [
        Binding("escape", "back", "Tillbaka", id="meetings.back"),
        Binding("n", "new_meeting", "Nytt sammanträde", id="meetings.new"),
    ]

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self.meetings: list[Meeting] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable(id="meetings", cursor_type="row", zebra_stripes=True)
        yield Static(id="meetings-status")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Sammanträden"
        table = self.query_one(DataTable)
        table.add_columns("Datum", "Tid", "Plats", "Status", "Ärenden", "Kostnad", "Frister")
        self.reload(select_upcoming=True)
        table.focus()

    def reload(self, *, select_upcoming: bool = False) -> None:
        try:
            self.meetings = self.services.meetings.meetings()
            summaries = self.services.meetings.summaries()
            upcoming = self.services.meetings.upcoming()
        except StoreError as error:
            self.notify(str(error), severity="error")
            return
        table = self.query_one(DataTable)
        cursor = table.cursor_row
        table.clear()
        today = self.services.context.today()
        for meeting in self.meetings:
            count, cost = summaries.get(meeting.id or 0, (0, 0))
            table.add_row(
                format_date(meeting.day),
                meeting.time.strftime("%H.%M"),
                plain(meeting.place),
                meeting.status.label,
                str(count),
                format_amount(cost),
                self.deadline_text(meeting, today),
                key=str(meeting.id),
            )
        if select_upcoming and upcoming in self.meetings:
            cursor = self.meetings.index(upcoming)
        table.move_cursor(row=min(cursor, max(0, table.row_count - 1)))
        status = Text(f"{len(self.meetings)} sammanträden")
        if not self.meetings:
            status.append(" · n lägger till det första")
        self.query_one("#meetings-status", Static).update(status)

    def deadline_text(self, meeting: Meeting, today: object) -> str:
        return ""

    @on(DataChanged)
    def _changed(self) -> None:
        self.reload()

    @on(DataTable.RowSelected)
    def open_meeting(self) -> None:
        from ib_tui.ui.screens.agenda import AgendaScreen

        table = self.query_one(DataTable)
        if self.meetings and (meeting_id := self.meetings[table.cursor_row].id) is not None:
            self.app.push_screen(AgendaScreen(self.services, meeting_id))

    def action_new_meeting(self) -> None:
        def save(values: Values) -> Mapping[str, str]:
            try:
                day = parse_date(values["date"])
            except DateError as error:
                return {"date": str(error)}
            try:
                clock = parse_time(values["time"])
            except ValueError:
                return {"time": "skriv tiden som 13:00"}
            try:
                self.services.meetings.create(day, clock, values["place"].strip() or None)
            except (MeetingError, StoreError) as error:
                return {"date": str(error)}
            return {}

        fields = [
            Field("date", "Datum", hint=DATE_HINT),
            Field("time", "Tid", "13:00"),
            Field("place", "Plats", "Stadshuset"),
        ]
        self.app.push_screen(
            FieldsModal("Nytt sammanträde", fields, save),
            lambda values: values is not None and broadcast(self.app),
        )

    def action_back(self) -> None:
        self.dismiss(None)
