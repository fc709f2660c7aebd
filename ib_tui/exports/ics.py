"""The meetings as an iCalendar file (RFC 5545), for Outlook and phone calendars.

icalendar does the format's fiddly parts (line folding at 75 octets, text escaping, CRLF); the
VTIMEZONE is written by hand with the EU's yearly rule rather than generated from tzdata, so the
file is the same on every machine and does not grow a line per past year.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard

from ib_tui.domain.meeting import BODY, Meeting
from ib_tui.domain.text import clean

TZID = "Europe/Stockholm"
STOCKHOLM = ZoneInfo(TZID)
MEETING_LENGTH = timedelta(hours=2)  # IB's meetings are booked for two hours
PRODID = "-//Stockholms stad//ib-tui//SV"
UID_DOMAIN = "ib-tui"


def _stockholm_timezone() -> Timezone:
    timezone = Timezone()
    timezone.add("tzid", TZID)
    for part, name, starts, month, offsets in (
        (TimezoneDaylight, "CEST", datetime(1970, 3, 29, 2), 3, ("+0100", "+0200")),
        (TimezoneStandard, "CET", datetime(1970, 10, 25, 3), 10, ("+0200", "+0100")),
    ):
        rule = part()
        rule.add("tzname", name)
        rule.add("dtstart", starts)
        rule.add("rrule", {"freq": "yearly", "bymonth": month, "byday": "-1su"})
        # icalendar writes UTC offsets from timedelta; the sign is the offset's own.
        rule.add("tzoffsetfrom", _offset(offsets[0]))
        rule.add("tzoffsetto", _offset(offsets[1]))
        timezone.add_component(rule)
    return timezone


def _offset(text: str) -> timedelta:
    return timedelta(hours=int(text[1:3]), minutes=int(text[3:])) * (-1 if text[0] == "-" else 1)


def meeting_uid(meeting: Meeting) -> str:
    """Stable from the date (IB meets at most once a day): re-importing updates, never doubles."""
    return f"ib-{meeting.day.isoformat()}@{UID_DOMAIN}"


def calendar_ics(meetings: Sequence[Meeting], *, stamp: datetime, body: str = BODY) -> str:
    """One VEVENT per meeting, times in Europe/Stockholm, CRLF line endings."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", clean(body))
    calendar.add("x-wr-timezone", TZID)
    calendar.add_component(_stockholm_timezone())
    stamp_utc = stamp.astimezone(UTC) if stamp.tzinfo else stamp.replace(tzinfo=UTC)
    for meeting in sorted(meetings, key=lambda m: m.day):
        starts = datetime.combine(meeting.day, meeting.time, tzinfo=STOCKHOLM)
        event = Event()
        event.add("uid", meeting_uid(meeting))
        event.add("dtstamp", stamp_utc)
        event.add("dtstart", starts)
        event.add("dtend", starts + MEETING_LENGTH)
        event.add("summary", clean(body))
        event.add("location", clean(meeting.place))
        event.add("status", "CONFIRMED")
        calendar.add_component(event)
    text: str = calendar.to_ical().decode("utf-8")
    return text
