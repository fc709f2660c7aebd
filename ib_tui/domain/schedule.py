"""Meeting series, Swedish public holidays, and the deadlines that follow a meeting.

A series is planned, not stored: `plan_series` turns a rule ("every second Wednesday at 13.00,
not in the summer") into the dates to create and the dates left out, each with its reason, so the
user sees why a Wednesday is missing before anything is written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time, timedelta
from enum import StrEnum

from dateutil.easter import easter
from dateutil.relativedelta import relativedelta
from dateutil.rrule import MONTHLY, WEEKLY, rrule, weekday

from ib_tui.domain.meeting import DEFAULT_PLACE, DEFAULT_TIME, Meeting
from ib_tui.errors import InvalidInput

SUMMER_BREAK = "sommaruppehåll"

WEEKDAY_NAMES = ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag")


class ScheduleError(InvalidInput):
    """A rule that cannot be planned; the message is Swedish and fit to show."""


def swedish_holidays(year: int) -> dict[date, str]:
    """Sweden's public holidays (lag 1989:253 om allmänna helgdagar) of one year, with the
    national day (nationaldagen) and the de facto non-working eves.

    Påskafton, midsommarafton, julafton and nyårsafton are not helgdagar in law, but the city's
    offices are closed and lag (1930:173) om beräkning av lagstadgad tid treats them as holidays,
    so no meeting should fall on them: they are included on purpose."""
    easter_day = easter(year)
    # Midsommardagen is the Saturday 20-26 June; alla helgons dag the Saturday 31 Oct - 6 Nov.
    midsummer = date(year, 6, 20) + relativedelta(weekday=5)
    all_saints = date(year, 10, 31) + relativedelta(weekday=5)
    days = [
        (date(year, 1, 1), "nyårsdagen"),
        (date(year, 1, 6), "trettondedag jul"),
        (easter_day - timedelta(days=2), "långfredagen"),
        (easter_day - timedelta(days=1), "påskafton"),
        (easter_day, "påskdagen"),
        (easter_day + timedelta(days=1), "annandag påsk"),
        (date(year, 5, 1), "första maj"),
        (easter_day + timedelta(days=39), "Kristi himmelsfärdsdag"),
        (easter_day + timedelta(days=49), "pingstdagen"),
        (date(year, 6, 6), "nationaldagen"),
        (midsummer - timedelta(days=1), "midsommarafton"),
        (midsummer, "midsommardagen"),
        (all_saints, "alla helgons dag"),
        (date(year, 12, 24), "julafton"),
        (date(year, 12, 25), "juldagen"),
        (date(year, 12, 26), "annandag jul"),
        (date(year, 12, 31), "nyårsafton"),
    ]
    holidays: dict[date, str] = {}
    for day, name in days:
        # Two can coincide (Kristi himmelsfärd on första maj in 2008, pingst on nationaldagen):
        # keep both names rather than lose one.
        holidays[day] = f"{holidays[day]} och {name}" if day in holidays else name
    return dict(sorted(holidays.items()))


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in swedish_holidays(day.year)


def next_working_day(day: date) -> date:
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


class Frequency(StrEnum):
    WEEKLY = "weekly"
    MONTHLY = "monthly"

    @property
    def label(self) -> str:
        return "varje vecka" if self is Frequency.WEEKLY else "varje månad"


@dataclass(frozen=True)
class SeriesRule:
    """A recurring meeting: weekly every `interval` weeks, or monthly on the `nth` weekday
    (1..4, or -1 for the last one)."""

    start: date
    until: date
    weekday: int  # 0 = Monday, as datetime.date.weekday()
    frequency: Frequency = Frequency.WEEKLY
    interval: int = 1
    nth: int | None = None
    summer_break: tuple[date, date] | None = None  # inclusive
    time: time = DEFAULT_TIME


@dataclass(frozen=True)
class SeriesPlan:
    rule: SeriesRule
    dates: list[date] = field(default_factory=list)
    skipped: list[tuple[date, str]] = field(default_factory=list)

    def meetings(self, place: str = DEFAULT_PLACE) -> list[Meeting]:
        """The planned meetings, at the rule's time, for the services to create."""
        return [Meeting(day, self.rule.time, place) for day in self.dates]


def _validate(rule: SeriesRule) -> None:
    if rule.until < rule.start:
        raise ScheduleError("slutdatumet ligger före startdatumet")
    if not 0 <= rule.weekday <= 6:
        raise ScheduleError("veckodagen måste vara 0 (måndag) till 6 (söndag)")
    if rule.interval < 1:
        raise ScheduleError("intervallet måste vara minst 1")
    if rule.frequency is Frequency.MONTHLY:
        if rule.nth is None or rule.nth not in (1, 2, 3, 4, -1):
            raise ScheduleError(
                "ange vilken veckodag i månaden: 1–4, eller -1 för den sista i månaden"
            )
    elif rule.nth is not None:
        raise ScheduleError("”vilken i månaden” gäller bara sammanträden varje månad")
    if rule.summer_break and rule.summer_break[1] < rule.summer_break[0]:
        raise ScheduleError("sommaruppehållet slutar före det börjar")


def plan_series(rule: SeriesRule) -> SeriesPlan:
    """The dates of a series, with holidays and the summer break left out and named."""
    _validate(rule)
    if rule.frequency is Frequency.WEEKLY:
        # Count the weeks from the first meeting day, not from the start date's week: "every
        # second Wednesday from Thursday the 15th" begins on the 21st, not the 28th.
        first = rule.start + relativedelta(weekday=rule.weekday)
        dates = rrule(
            WEEKLY, interval=rule.interval, byweekday=rule.weekday, dtstart=first,
            until=rule.until,
        )  # fmt: skip
    else:
        dates = rrule(
            MONTHLY, interval=rule.interval, byweekday=weekday(rule.weekday, rule.nth),
            dtstart=rule.start, until=rule.until,
        )  # fmt: skip
    plan = SeriesPlan(rule)
    holidays: dict[int, dict[date, str]] = {}
    for moment in dates:
        day = moment.date()
        names = holidays.setdefault(day.year, swedish_holidays(day.year))
        if day in names:
            plan.skipped.append((day, names[day]))
        elif rule.summer_break and rule.summer_break[0] <= day <= rule.summer_break[1]:
            plan.skipped.append((day, SUMMER_BREAK))
        else:
            plan.dates.append(day)
    return plan


def _fold(text: str) -> str:
    return text.replace("å", "a").replace("ä", "a").replace("ö", "o")


def parse_weekday(text: str) -> int:
    """0..6 from a Swedish weekday: "onsdag", "Onsdagar", "onsdagen", "ons", "on" (also without
    å/ä/ö, as typed on a foreign keyboard)."""
    word = _fold(text.strip().lower().rstrip("."))
    for number, name in enumerate(WEEKDAY_NAMES):
        plain = _fold(name)
        if word in (plain, plain + "ar", plain + "en", plain + "s"):
            return number
        # The first two letters already tell the seven apart (må ti on to fr lö sö).
        if len(word) >= 2 and plain.startswith(word):
            return number
    raise ScheduleError(f"{text.strip()!r} är ingen veckodag; skriv t.ex. onsdag eller ons")


JUSTERING_DAYS = 14  # KL 6:35
ANSLAG_DAYS = 2  # KL 8:12
APPEAL_DAYS = 21  # KL 13:5: three weeks from the anslag


@dataclass(frozen=True)
class Deadline:
    label: str
    due: date
    done_on: date | None = None
    # An end date (the appeal period runs out), not a task anyone does: the UI shows it as a date,
    # and passed() then means the period is over, not that something is late.
    is_end: bool = False

    def passed(self, today: date) -> bool:
        return self.done_on is None and today > self.due


def meeting_deadlines(meeting: Meeting) -> list[Deadline]:
    """What follows a meeting, per kommunallagen (2017:725):

    - Justering: the chair and the justerare sign within 14 days (KL 6:35, for nämnder;
      IB follows it for its protokoll).
    - Anslag om justering: the notice on the anslagstavla within 2 days after the justering
      (KL 8:12), counted from the real justering if it is done, else from its last day.
    - Överklagandetiden löper ut: three weeks after the anslag (KL 13 kap., 13:5), counted from
      the real anslag if done, else from its last day. A period ending on a weekend or holiday
      runs to the next working day (lag 1930:173); the tasks before it keep their strict day,
      since doing them early is never wrong."""
    justering = Deadline(
        "Justering", meeting.day + timedelta(days=JUSTERING_DAYS), meeting.adjusted_on
    )
    anslag = Deadline(
        "Anslag om justering",
        (meeting.adjusted_on or justering.due) + timedelta(days=ANSLAG_DAYS),
        meeting.posted_on,
    )
    appeal_end = next_working_day((meeting.posted_on or anslag.due) + timedelta(days=APPEAL_DAYS))
    appeal = Deadline("Överklagandetiden löper ut", appeal_end, None, is_end=True)
    return [justering, anslag, appeal]
