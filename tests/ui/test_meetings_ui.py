"""A whole meeting through the TUI (docs/scenarios.md 2–4): build the agenda, run meeting mode with
attendance, jäv, a reservation and one position of each kind, then preview and export."""

from __future__ import annotations

import stat
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, Markdown, Select, TextArea

from ib_tui.domain.dates import format_amount
from ib_tui.domain.meeting import AbsenceReason, MeetingStatus, Outcome, RemarkKind
from ib_tui.domain.model import Status
from ib_tui.services import Services
from ib_tui.ui.app import IBApp
from ib_tui.ui.modals.confirm import ConfirmModal
from ib_tui.ui.modals.fields import FieldsModal
from ib_tui.ui.modals.help import HelpModal
from ib_tui.ui.screens.agenda import AgendaScreen
from ib_tui.ui.screens.documents import DocumentScreen
from ib_tui.ui.screens.meeting_mode import DECISION_KEYS, MeetingModeScreen
from ib_tui.ui.screens.meetings import MeetingsScreen
from tests.conftest import make_item
from tests.ui.pilot import notifications, screen_text, wait_for, wait_for_list

DAY = date(2026, 12, 9)
NEXT = date(2027, 1, 20)
OUTCOME_KEYS = {outcome: key for key, outcome in DECISION_KEYS.items()}
ITEM_OUTCOMES = [outcome for outcome in Outcome if outcome is not Outcome.AGREED]


@pytest.fixture
def services_with_meeting(services: Services) -> Services:
    """Two meetings and six items ready for IB, one per position, one starting early."""
    services.meetings.create(DAY)
    services.meetings.create(NEXT)
    for number, outcome in enumerate(ITEM_OUTCOMES, start=1):
        starts = "2026-12-03" if number == 1 else "2027-02-01"
        item = services.items.register(
            make_item(title=f"Ärende {number} {outcome.value}", dnr=f"KS 2026/{number}",
                      starts=starts, costs={"travel": 1000 * number})
        )  # fmt: skip
        services.items.set_status(item.id, Status.READY)
    return services


async def open_agenda(pilot) -> AgendaScreen:
    await wait_for_list(pilot)
    await pilot.press("m")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, MeetingsScreen))
    meetings = pilot.app.screen.query_one(DataTable)
    assert meetings.cursor_row == 0  # the upcoming meeting (the fixture's today is 23 Nov)
    await pilot.press("enter")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, AgendaScreen))
    return pilot.app.screen


async def fill(pilot, values: dict[str, str]) -> None:
    """Types into the open FieldsModal's fields and saves with F2."""
    modal = pilot.app.screen
    assert isinstance(modal, FieldsModal)
    for name, value in values.items():
        widget = modal.query_one(f"#field-{name}")
        if isinstance(widget, Select):
            widget.value = value
        elif isinstance(widget, TextArea):
            widget.text = value
        else:
            assert isinstance(widget, Input)
            widget.value = value
    await pilot.press("f2")
    await pilot.pause()


async def test_build_the_agenda(services_with_meeting: Services) -> None:
    services = services_with_meeting
    app = IBApp(services)
    async with app.run_test(size=(120, 40)) as pilot:
        agenda = await open_agenda(pilot)
        assert "onsdagen den 9 december 2026" in screen_text(pilot)
        assert "Föredragningslistan har inga ärenden." in screen_text(pilot)
        await pilot.press("tab")  # to the items ready for decision
        for _ in range(6):
            await pilot.press("a")
        await pilot.pause()
        record = agenda.record
        assert [e.dnr for e in record.items] == [f"KS 2026/{n}" for n in range(1, 7)]
        text = screen_text(pilot)
        assert f"6 ärenden · kostnad {format_amount(21000)}" in text
        assert "KS 2026/1: börjar 3 december 2026, före sammanträdet" in text
        assert "Inga ärenden är klara för IB" in text

        # Order: move the second item above the first.
        await pilot.press("shift+tab")
        agenda_table = agenda.query_one("#agenda", DataTable)
        agenda_table.move_cursor(row=3)
        await pilot.press("K")
        await pilot.pause()
        assert [e.dnr for e in agenda.record.items][:2] == ["KS 2026/2", "KS 2026/1"]
        assert agenda_table.cursor_row == 2

        # Write the proposal as att-clauses; an empty rubrik is refused next to its field.
        await pilot.press("e")
        await fill(pilot, {"heading": "  "})
        assert isinstance(app.screen, FieldsModal)
        assert "rubriken får inte vara tom" in screen_text(pilot)
        await fill(
            pilot,
            {"heading": "Konferens i Oslo", "presenter": "Erik Sandberg",
             "proposal": "att deltagande beviljas\nkontoret redovisar resan"},
        )  # fmt: skip
        assert isinstance(app.screen, AgendaScreen)
        entry = agenda.record.entries[2]
        assert entry.heading == "Konferens i Oslo"
        assert entry.proposal == ("deltagande beviljas", "kontoret redovisar resan")

        # Remove one after confirming; it goes back to the ready list.
        agenda_table.move_cursor(row=7)
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("y")
        await pilot.pause()
        assert len(agenda.record.items) == 5
        assert [item.dnr for item in agenda.candidates] == ["KS 2026/6"]


async def test_a_whole_meeting_in_meeting_mode(
    services_with_meeting: Services, data_dir: Path
) -> None:
    services = services_with_meeting
    meeting = services.meetings.on(DAY)
    for item_id in services.meetings.repository.agenda.unplaced_ready(DAY):
        services.meetings.add_item(meeting.id, item_id)
    app = IBApp(services)
    async with app.run_test(size=(120, 35)) as pilot:
        agenda = await open_agenda(pilot)
        await pilot.press("m")
        await wait_for(pilot, lambda: isinstance(app.screen, MeetingModeScreen))
        mode = app.screen
        # Meeting mode opens at the first matter, not at "Sammanträdets öppnande".
        assert "§ 3 · punkt 3 av 11" in screen_text(pilot)
        assert "Ärende 1 endorsed" in screen_text(pilot)

        # Attendance and the justerare.
        await pilot.press("N")
        members = services.meetings.members()
        await fill(pilot, {f"m{members[2].id}": "0", "justerare": members[1].key})
        record = services.meetings.record(meeting.id)
        assert [a.present for a in record.attendees] == [True, True, False, True, True]
        assert record.meeting.justerare == "KF ordförande"

        # Every position, one key each.
        assert "Strategins principer" in screen_text(pilot)
        for outcome in ITEM_OUTCOMES:
            await pilot.press(OUTCOME_KEYS[outcome])
            if outcome is Outcome.REFERRED_BACK:
                assert isinstance(app.screen, FieldsModal)
                await fill(pilot, {"reason": "en kostnadskalkyl saknas"})
            await pilot.pause()
            assert mode.entry.decision.outcome is outcome
            await pilot.press("right")

        statuses = {
            entry.dnr: entry.item.status for entry in services.meetings.record(meeting.id).items
        }
        assert statuses == {
            "KS 2026/1": Status.ENDORSED, "KS 2026/2": Status.OPPOSED,
            "KS 2026/3": Status.IN_PREPARATION, "KS 2026/4": Status.READY,
            "KS 2026/5": Status.RAISED_TO_KS, "KS 2026/6": Status.NOTED,
        }  # fmt: skip
        referred = services.meetings.record(meeting.id).items[2].decision
        assert referred.sentence().count("en kostnadskalkyl saknas") == 1
        following = services.meetings.record(services.meetings.on(NEXT).id)
        assert [e.dnr for e in following.items] == ["KS 2026/4"]  # tabled, on the next agenda

        # Back to the first item: change the decision text, jäv and a reservation.
        await pilot.press("home", "right", "right")
        await pilot.press("t")  # same position again: no question asked
        await pilot.press("e")
        await fill(pilot, {"clauses": "att resan genomförs\natt en rapport lämnas"})
        await pilot.press("j")
        await fill(pilot, {"member": members[1].key, "reason": AbsenceReason.CONFLICT_OF_INTEREST})
        await pilot.press("R")
        await fill(pilot, {"member": members[3].key, "text": "För dyrt."})
        await pilot.pause()
        entry = services.meetings.record(meeting.id).entries[2]
        assert entry.decision.clauses == ("resan genomförs", "en rapport lämnas")
        assert [(a.member, a.reason) for a in entry.absences] == [
            ("KF ordförande", AbsenceReason.CONFLICT_OF_INTEREST)
        ]
        assert [(r.member, r.kind) for r in entry.remarks] == [
            ("KS 1:e vice ordförande", RemarkKind.RESERVATION)
        ]
        text = screen_text(pilot)
        assert "KF ordförande (jäv)" in text and "För dyrt." in text

        # Changing a recorded decision to another outcome asks first.
        await pilot.press("a")
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("n")
        assert mode.entry.decision.outcome is Outcome.ENDORSED

        # The record: previews switch with one key; exports say where the file went.
        await pilot.press("escape")
        assert app.screen is agenda
        await pilot.press("v")
        await wait_for(pilot, lambda: isinstance(app.screen, DocumentScreen))
        documents = app.screen
        assert "Föredragningslista" in screen_text(pilot)
        await pilot.press("v")
        # A beredning writes no protokoll: v goes from the agenda to the minnesanteckningar.
        assert documents.kind.value == "notes"
        assert "Minnesanteckningar" in documents.query_one("#document-title").render().plain
        markdown = documents.query_one(Markdown).source
        assert "Avvikande mening från KS 1:e vice ordförande: För dyrt." in markdown
        assert "KF ordförande anmäler jäv och deltar inte i handläggningen." in markdown
        await pilot.press("x")
        exported = data_dir / "exporter" / "2026-12-09-minnesanteckningar.md"
        assert exported.read_text("utf-8") == markdown
        assert stat.S_IMODE(exported.stat().st_mode) == 0o600
        assert any(str(exported) in message for message in notifications(pilot))
        await pilot.press("v")
        assert documents.kind.value == "agenda"

        # The meeting is held: § numbers are fixed.
        await pilot.press("escape", "s")
        await pilot.press("y")
        await pilot.pause()
        assert services.meetings.get(meeting.id).status is MeetingStatus.HELD
        assert "genomfört" in screen_text(pilot)


async def test_a_series_of_meetings_and_the_calendar(services: Services, data_dir: Path) -> None:
    app = IBApp(services)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_list(pilot)
        await pilot.press("m")
        await wait_for(pilot, lambda: isinstance(app.screen, MeetingsScreen))
        assert "0 sammanträden · n lägger till det första" in screen_text(pilot)
        await pilot.press("r")
        await fill(pilot, {"start": "31 februari 2027", "until": "2027-06-30"})
        assert "finns inte i kalendern" in screen_text(pilot)
        await fill(
            pilot,
            {"start": "2027-01-01", "until": "2027-12-31", "weekday": "tisdag",
             "repeat": "m1", "summer_from": "2027-06-15", "summer_to": "2027-08-15"},
        )  # fmt: skip
        assert isinstance(app.screen, ConfirmModal)
        question = app.screen.question
        assert "Skapa 10 sammanträden" in question
        assert "5 januari 2027 (trettondedag jul)" not in question  # 5 Jan is no holiday
        assert "6 juli 2027 (sommaruppehåll)" in question
        await pilot.press("y")
        await pilot.pause()
        days = [m.day for m in services.meetings.meetings()]
        assert len(days) == 10 and all(day.weekday() == 1 and day.day <= 7 for day in days)
        await pilot.press("x")
        calendar = (data_dir / "exporter" / "sammantraden.ics").read_text("utf-8")
        assert calendar.count("BEGIN:VEVENT") == 10


async def test_meeting_screens_at_80x24_and_without_meetings(services: Services) -> None:
    """An empty register: the screens open, say what to do, and meeting mode does not crash."""
    meeting = services.meetings.create(DAY)
    app = IBApp(services)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_agenda(pilot)
        text = screen_text(pilot)
        assert "Föredragningslistan har inga ärenden." in text
        assert "Hjälp" in text.splitlines()[-1] or "?" in text.splitlines()[-1]
        await pilot.press("m")
        await wait_for(pilot, lambda: isinstance(app.screen, MeetingModeScreen))
        await pilot.press("end", "right", "g")
        await pilot.pause()
        entry = services.meetings.record(meeting.id).entries[-1]
        assert entry.decision.outcome is Outcome.AGREED  # a standard entry takes a position
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpModal)
        assert "Återremiss" in screen_text(pilot)  # the keys, built from the live bindings
        assert app.screen.target.HELP.lstrip().startswith("## Mötesläge")


async def test_member_names_are_edited_on_the_meetings_screen(services: Services) -> None:
    app = IBApp(services)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_list(pilot)
        await pilot.press("m")
        await wait_for(pilot, lambda: isinstance(app.screen, MeetingsScreen))
        await pilot.press("l")
        chair = services.meetings.members()[0]
        await fill(pilot, {"new_name": "Lars Öberg"})
        assert "ange uppdraget" in screen_text(pilot)  # a name without a seat is refused
        await fill(pilot, {f"m{chair.id}": "Anna Lindqvist", "new_title": "Internationell strateg"})
        members = services.meetings.members()
        assert members[0].display == "Anna Lindqvist (KS ordförande)"
        assert members[-1].display == "Lars Öberg (Internationell strateg)"


HOSTILE = "[bold red]Röd[/] \x1b[2J\u202eTaipei"


async def test_hostile_text_is_plain_on_the_meeting_screens(services: Services) -> None:
    meeting = services.meetings.create(DAY)
    item = services.items.register(make_item(title=HOSTILE, dnr="KS [link=x]1[/link]"))
    services.items.set_status(item.id, Status.READY)
    services.meetings.add_item(meeting.id, item.id)
    chair = services.meetings.members()[0]
    services.meetings.save_member(replace(chair, name="[blink]Ordf[/blink]"))
    app = IBApp(services)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_agenda(pilot)
        await pilot.press("j", "j", "j")
        text = screen_text(pilot)
        assert "[bold red]Röd[/] ␛[2J" in text and "KS [link=x]1[/link]" in text
        assert "\x1b" not in text
        await pilot.press("m")
        await wait_for(pilot, lambda: isinstance(app.screen, MeetingModeScreen))
        assert "[bold red]Röd[/] ␛[2J�Taipei" in screen_text(pilot)
        await pilot.press("N")
        assert "[blink]Ordf[/blink] (KS ordförande)" in screen_text(pilot)
