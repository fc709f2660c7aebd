"""The meetings calendar: golden file, RFC 5545 shape, and a round trip through icalendar."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar

from ib_tui.domain.meeting import Meeting
from ib_tui.exports import calendar_ics
from ib_tui.exports.ics import MEETING_LENGTH
from tests.exports.fixtures import STAMP, meetings
from tests.exports.golden import check_golden

STOCKHOLM = ZoneInfo("Europe/Stockholm")


def test_golden():
    check_golden("meetings.ics", calendar_ics(meetings(), stamp=STAMP))


def test_crlf_and_required_properties():
    text = calendar_ics(meetings(), stamp=STAMP)
    assert text.endswith("\r\n")
    assert "\n" not in text.replace("\r\n", "")
    lines = text.split("\r\n")
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-2] == "END:VCALENDAR"
    assert "VERSION:2.0" in lines and any(line.startswith("PRODID:") for line in lines)
    assert all(len(line.encode()) <= 75 for line in lines)
    assert lines.count("BEGIN:VTIMEZONE") == 1 and "TZID:Europe/Stockholm" in lines


def test_round_trip():
    calendar = Calendar.from_ical(calendar_ics(meetings(), stamp=STAMP))
    events = calendar.walk("VEVENT")
    assert [str(e["uid"]) for e in events] == [
        "ib-2026-01-14@ib-tui", "ib-2026-02-11@ib-tui", "ib-2026-06-17@ib-tui",
    ]  # fmt: skip
    first, _, summer = events
    assert first["dtstart"].dt == datetime(2026, 1, 14, 13, tzinfo=STOCKHOLM)
    assert first["dtend"].dt - first["dtstart"].dt == MEETING_LENGTH == timedelta(hours=2)
    assert first["dtstart"].params["TZID"] == "Europe/Stockholm"
    assert str(first["summary"]) == "Internationella beredningen"
    assert str(first["status"]) == "CONFIRMED"
    assert first["dtstamp"].dt == datetime(2026, 2, 1, 9, 30, tzinfo=UTC)
    # Summer time: 09.30 in Stockholm is 07.30 UTC.
    assert summer["dtstart"].dt.astimezone(UTC) == datetime(2026, 6, 17, 7, 30, tzinfo=UTC)
    assert str(summer["location"]) == "Digitalt möte; länk skickas"
    timezone = calendar.walk("VTIMEZONE")[0]
    assert [c.name for c in timezone.subcomponents] == ["DAYLIGHT", "STANDARD"]


def test_uid_is_stable_and_the_stamp_is_the_only_moving_part():
    one = calendar_ics(meetings(), stamp=STAMP)
    other = calendar_ics(list(reversed(meetings())), stamp=STAMP + timedelta(days=3))
    assert one.replace("20260201T093000Z", "X") == other.replace("20260204T093000Z", "X")


def test_hostile_place_and_body_are_escaped_not_injected():
    meeting = Meeting(date(2026, 3, 4), time(13), "Rum 1\r\nEND:VEVENT\r\nBEGIN:VEVENT; x, y")
    text = calendar_ics([meeting], stamp=STAMP, body="IB\nSUMMARY:hack")
    calendar = Calendar.from_ical(text)
    (event,) = calendar.walk("VEVENT")
    assert str(event["location"]) == "Rum 1 END:VEVENT BEGIN:VEVENT; x, y"
    assert str(event["summary"]) == "IB SUMMARY:hack"


def test_empty_calendar_is_valid():
    calendar = Calendar.from_ical(calendar_ics([], stamp=STAMP))
    assert calendar.walk("VEVENT") == []
