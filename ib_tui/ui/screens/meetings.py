"""The meetings: the year's schedule with each meeting's agenda size, cost and deadlines.

Enter opens a meeting's agenda builder; new meetings are added one by one or as a series."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from ib_tui.domain.dates import (
    DateError,
    format_amount,
    format_count,
    format_date,
    format_meetings,
    parse_date,
    parse_time,
)
from ib_tui.domain.meeting import Meeting, Member, MemberRole
from ib_tui.domain.schedule import SeriesPlan
from ib_tui.errors import StoreError
from ib_tui.services import MeetingError, Services
from ib_tui.services.meetings import REPEATS, SeriesInputError, series_rule
from ib_tui.ui.answers import on_yes
from ib_tui.ui.messages import DataChanged, broadcast
from ib_tui.ui.modals.confirm import ConfirmModal
from ib_tui.ui.modals.fields import Field, FieldsModal, Values, open_form
from ib_tui.ui.text import plain, shorten
from ib_tui.ui.widgets.deadlines import next_deadline
from ib_tui.ui.widgets.footer import HELP_BINDING, AppFooter

DATE_HINT = "2026-01-14 eller 14 januari 2026"
PLACE_WIDTH = 20  # so that the cost and the deadline stay in view at 80 columns


class MeetingsScreen(Screen[None]):
    HELP = """
## Sammanträden

Beredningens sammanträden i datumordning, med antal ärenden på föredragningslistan, deras
sammanlagda kostnad, mötets status och nästa frist (justering inom 14 dagar, anslag inom
2 dagar efter justeringen, överklagandetiden tre veckor från anslaget).
**Enter** öppnar föredragningslistan, **n** lägger till ett sammanträde, **r** en hel serie
(t.ex. varannan onsdag kl. 13 från 14 januari till 17 juni, eller första tisdagen i månaden):
svenska helgdagar och ett sommaruppehåll du anger hoppas över, och du ser vilka dagar och
varför innan något skapas. **x** exporterar schemat som en iCalendar-fil (.ics) som
ledamöterna kan prenumerera på. **l** visar ledamöterna (strategins avsnitt 5: KS ordförande
som ordförande, KF ordförande, KF 1:e vice ordförande och KS 1:e vice ordförande) och
sekreteraren: skriv in deras namn, och lägg till tjänstepersoner som brukar närvara.
Markören börjar på nästa sammanträde. **Esc** går tillbaka.
"""
    BINDINGS = [
        HELP_BINDING,
        Binding("escape", "back", "Tillbaka", id="meetings.back"),
        Binding("j", "cursor(1)", "Nästa", show=False, id="meetings.cursor_down"),
        Binding("k", "cursor(-1)", "Föregående", show=False, id="meetings.cursor_up"),
        Binding("n", "new_meeting", "Nytt sammanträde", id="meetings.new"),
        Binding("r", "new_series", "Serie", id="meetings.series"),
        Binding("x", "export_calendar", "Kalender (.ics)", id="meetings.calendar"),
        Binding("l", "members", "Ledamöter", id="meetings.members"),
    ]

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self.meetings: list[Meeting] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable(id="meetings", cursor_type="row", zebra_stripes=True)
        yield Static(id="meetings-status")
        yield AppFooter()

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
        today = self.services.today()
        for meeting in self.meetings:
            count, cost = summaries.get(meeting.id or 0, (0, 0))
            table.add_row(
                format_date(meeting.day),
                meeting.time.strftime("%H.%M"),
                plain(shorten(meeting.place, PLACE_WIDTH)),
                meeting.status.label,
                str(count),
                format_amount(cost),
                next_deadline(meeting, today),
                key=str(meeting.id),
            )
        if select_upcoming and upcoming in self.meetings:
            cursor = self.meetings.index(upcoming)
        table.move_cursor(row=min(cursor, max(0, table.row_count - 1)))
        status = Text(format_meetings(len(self.meetings)))
        if not self.meetings:
            status.append(" · n lägger till det första")
        self.query_one("#meetings-status", Static).update(status)

    def action_cursor(self, delta: int) -> None:
        table = self.query_one(DataTable)
        table.move_cursor(row=table.cursor_row + delta)

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
            except DateError as error:
                return {"time": str(error)}
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
        open_form(self.app, FieldsModal("Nytt sammanträde", fields, save))

    def action_new_series(self) -> None:
        planned: list[SeriesPlan] = []

        def save(values: Values) -> Mapping[str, str]:
            try:
                rule = series_rule(
                    start=values["start"], until=values["until"], weekday=values["weekday"],
                    repeat=values["repeat"], at=values["time"],
                    summer_from=values["summer_from"], summer_to=values["summer_to"],
                )  # fmt: skip
                plan = self.services.meetings.plan_series(rule)
            except SeriesInputError as error:
                return {error.field: str(error)}
            if not plan.dates:
                return {"": "Regeln ger inga sammanträden i perioden."}
            planned[:] = [plan]
            return {}

        fields = [
            Field("start", "Från", hint=DATE_HINT),
            Field("until", "Till och med", hint=DATE_HINT),
            Field("weekday", "Veckodag", "onsdag"),
            Field("repeat", "Upprepning", "w2", options=[(v, k) for k, v in REPEATS.items()]),
            Field("time", "Tid", "13:00"),
            Field("place", "Plats", "Stadshuset"),
            Field("summer_from", "Sommaruppehåll från", hint="Tomt om inget uppehåll."),
            Field("summer_to", "Sommaruppehåll till och med"),
        ]

        def confirm(values: Values | None) -> None:
            if values is None or not planned:
                return
            plan, place = planned[0], values["place"].strip() or "Stadshuset"
            days = ", ".join(format_date(day) for day in plan.dates)
            question = f"Skapa {format_meetings(len(plan.dates))}: {days}?"
            if plan.skipped:
                skipped = "; ".join(f"{format_date(day)} ({why})" for day, why in plan.skipped)
                question += f" Hoppar över: {skipped}."
            self.app.push_screen(
                ConfirmModal(question, yes="Skapa", no="Avbryt"),
                on_yes(lambda: self._create_series(plan, place)),
            )

        self.app.push_screen(FieldsModal("Ny serie av sammanträden", fields, save), confirm)

    def _create_series(self, plan: SeriesPlan, place: str) -> None:
        try:
            created, existing = self.services.meetings.create_many(
                plan.dates, plan.rule.time, place
            )
        except StoreError as error:
            self.notify(str(error), severity="error")
            return
        message = format_count(len(created), "sammanträde skapat", "sammanträden skapade")
        if existing:
            message += f"; {format_count(len(existing), 'dag', 'dagar')} hade redan ett"
        self.notify(message, timeout=4)
        broadcast(self.app)

    def action_export_calendar(self) -> None:
        from ib_tui.ui.deliver import deliver

        documents = self.services.documents
        try:
            deliver(self, documents.calendar_path(), documents.calendar(), "Kalendern")
        except (StoreError, OSError) as error:
            self.notify(f"Kunde inte exportera: {error}", severity="error")

    def action_members(self) -> None:
        members = self.services.meetings.members()
        roles = [(role.label, role.value) for role in MemberRole]

        def save(values: Values) -> Mapping[str, str]:
            if values["new_name"].strip() and not values["new_title"].strip():
                return {"new_title": "ange uppdraget, t.ex. ”Internationell strateg”"}
            try:
                for member in members:
                    name = values[f"m{member.id}"].strip() or None
                    if name != member.name:
                        self.services.meetings.save_member(replace(member, name=name))
                if values["new_title"].strip():
                    self.services.meetings.save_member(
                        Member(
                            values["new_title"].strip(),
                            MemberRole(values["new_role"] or MemberRole.OFFICIAL),
                            values["new_name"].strip() or None,
                        )
                    )
            except (MeetingError, StoreError) as error:
                return {"": str(error)}
            return {}

        fields = [Field(f"m{m.id}", f"{m.title} ({m.role.label})", m.name or "") for m in members]
        fields += [
            Field(
                "new_title", "Ny: uppdrag", hint="T.ex. ”Internationell strateg”; tomt om ingen."
            ),
            Field("new_name", "Ny: namn"),
            Field("new_role", "Ny: roll", MemberRole.OFFICIAL.value, options=roles),
        ]
        open_form(self.app, FieldsModal("Ledamöter och tjänstepersoner", fields, save))

    def action_back(self) -> None:
        self.dismiss(None)
