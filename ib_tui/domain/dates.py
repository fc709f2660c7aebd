"""Dates the Swedish way: "3 mars 2025" in, "onsdagen den 14 januari 2026" out.

Parsing is strict on purpose: a registry export that says "31 februari 2025" is an error to show,
not a date to guess (dateutil's fuzzy parser would roll it over or invent a day).
"""

from __future__ import annotations

import re
from datetime import date, time

from ib_tui.errors import InvalidInput

MONTHS = (
    "januari", "februari", "mars", "april", "maj", "juni",
    "juli", "augusti", "september", "oktober", "november", "december",
)  # fmt: skip
_MONTH_NUMBERS = {name: number for number, name in enumerate(MONTHS, start=1)}
_MONTH_NUMBERS.update(
    {name[:3]: number for number, name in enumerate(MONTHS, start=1)} | {"sept": 9}
)
# Years a register date can have: older or later is a typo (2205 for 2025) or a hostile file, and
# arithmetic on it (a review date four years on) must never leave Python's date range.
FIRST_YEAR, LAST_YEAR = 1900, 2200
WEEKDAYS = ("måndagen", "tisdagen", "onsdagen", "torsdagen", "fredagen", "lördagen", "söndagen")

_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_SWEDISH = re.compile(r"(?:den\s+)?(\d{1,2})\s+([a-zåäö]+)\.?\s+(\d{4})", re.IGNORECASE)


class DateError(InvalidInput):
    """A date that cannot be read; the message is Swedish and fit to show."""


def parse_date(value: object) -> date:
    """Reads an ISO date (2025-03-03) or a Swedish one (3 mars 2025, den 3 mar 2025), in the
    years FIRST_YEAR–LAST_YEAR."""
    if isinstance(value, date):
        return check_year(value)
    if not isinstance(value, str):
        raise DateError("måste vara ett datum som text, t.ex. 2025-03-03 eller 3 mars 2025")
    text = value.strip()
    if match := _ISO.fullmatch(text):
        year, month, day = (int(part) for part in match.groups())
    elif match := _SWEDISH.fullmatch(text):
        day, month_name, year = int(match[1]), match[2].lower(), int(match[3])
        if month_name not in _MONTH_NUMBERS:
            raise DateError(f"okänd månad {match[2]!r}")
        month = _MONTH_NUMBERS[month_name]
    else:
        raise DateError(f"{text!r} är inget datum; skriv t.ex. 2025-03-03 eller 3 mars 2025")
    try:
        parsed = date(year, month, day)
    except ValueError:
        raise DateError(f"{text!r} finns inte i kalendern") from None
    return check_year(parsed)


def check_year(day: date) -> date:
    """The date, if its year is one a register can mean; DateError otherwise."""
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise DateError(
            f"år {day.year} ligger utanför {FIRST_YEAR}–{LAST_YEAR}; skriv t.ex. 2025-03-03"
        )
    return day


def parse_time(text: str) -> time:
    """A meeting time as people type it: 13:00 or the Swedish 13.00."""
    try:
        return time.fromisoformat(text.strip().replace(".", ":"))
    except ValueError:
        raise DateError("skriv tiden som 13:00") from None


def format_date(day: date | None) -> str:
    """Short Swedish form for lists and panels: 3 mars 2025."""
    if day is None:
        return ""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def format_long_date(day: date) -> str:
    """The form Swedish minutes use: onsdagen den 14 januari 2026."""
    return f"{WEEKDAYS[day.weekday()]} den {format_date(day)}"


def format_amount(amount: int) -> str:
    """12 500 kr: Swedish digit grouping with a no-break space so it never wraps."""
    return f"{amount:,}".replace(",", "\u00a0") + "\u00a0kr"


def format_number(number: int) -> str:
    """1 234: Swedish digit grouping with a no-break space."""
    return f"{number:,}".replace(",", "\u00a0")


def format_count(number: int, one: str, many: str) -> str:
    """1 ärende, 2 ärenden, 1 234 ärenden: the noun agrees with the number."""
    return f"{format_number(number)} {one if number == 1 else many}"


def format_clock(at: time) -> str:
    """The Swedish way to write a time of day: 13.00."""
    return at.strftime("%H.%M")


def format_items(number: int) -> str:
    """1 ärende, 56 ärenden."""
    return format_count(number, "ärende", "ärenden")


def format_meetings(number: int) -> str:
    """1 sammanträde, 12 sammanträden."""
    return format_count(number, "sammanträde", "sammanträden")
