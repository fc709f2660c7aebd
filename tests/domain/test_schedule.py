"""Holidays, meeting series and the deadlines after a meeting."""

from __future__ import annotations

from datetime import date, time

import pytest

from ib_tui.domain.meeting import Meeting
from ib_tui.domain.schedule import (
    Deadline,
    Frequency,
    ScheduleError,
    SeriesRule,
    meeting_deadlines,
    next_working_day,
    parse_weekday,
    plan_series,
    swedish_holidays,
)

HOLIDAYS_2026 = {
    date(2026, 1, 1): "nyårsdagen",
    date(2026, 1, 6): "trettondedag jul",
    date(2026, 4, 3): "långfredagen",
    date(2026, 4, 4): "påskafton",
    date(2026, 4, 5): "påskdagen",
    date(2026, 4, 6): "annandag påsk",
    date(2026, 5, 1): "första maj",
    date(2026, 5, 14): "Kristi himmelsfärdsdag",
    date(2026, 5, 24): "pingstdagen",
    date(2026, 6, 6): "nationaldagen",
    date(2026, 6, 19): "midsommarafton",
    date(2026, 6, 20): "midsommardagen",
    date(2026, 10, 31): "alla helgons dag",
    date(2026, 12, 24): "julafton",
    date(2026, 12, 25): "juldagen",
    date(2026, 12, 26): "annandag jul",
    date(2026, 12, 31): "nyårsafton",
}


def test_holidays_2026():
    assert swedish_holidays(2026) == HOLIDAYS_2026


def test_holidays_2027():
    days = swedish_holidays(2027)
    assert len(days) == 17
    assert days[date(2027, 3, 26)] == "långfredagen"
    assert days[date(2027, 3, 28)] == "påskdagen"
    assert days[date(2027, 3, 29)] == "annandag påsk"
    assert days[date(2027, 5, 6)] == "Kristi himmelsfärdsdag"
    assert days[date(2027, 5, 16)] == "pingstdagen"
    assert days[date(2027, 6, 25)] == "midsommarafton"
    assert days[date(2027, 6, 26)] == "midsommardagen"
    assert days[date(2027, 11, 6)] == "alla helgons dag"


def test_coinciding_holidays_keep_both_names():
    # 2008: Kristi himmelsfärd fell on the first of May.
    assert swedish_holidays(2008)[date(2008, 5, 1)] == "första maj och Kristi himmelsfärdsdag"


def test_midsummer_and_all_saints_are_saturdays_in_their_windows():
    for year in range(2020, 2040):
        days = {name: day for day, name in swedish_holidays(year).items()}
        assert days["midsommardagen"].weekday() == 5
        assert date(year, 6, 20) <= days["midsommardagen"] <= date(year, 6, 26)
        assert days["alla helgons dag"].weekday() == 5
        assert date(year, 10, 31) <= days["alla helgons dag"] <= date(year, 11, 6)


def test_every_second_wednesday():
    rule = SeriesRule(
        start=date(2026, 1, 14), until=date(2026, 6, 17), weekday=2, interval=2, time=time(13)
    )
    plan = plan_series(rule)
    assert plan.dates[0] == date(2026, 1, 14)
    assert plan.dates[-1] == date(2026, 6, 17)
    assert all(day.weekday() == 2 for day in plan.dates)
    assert all((b - a).days == 14 for a, b in zip(plan.dates, plan.dates[1:], strict=False))
    assert len(plan.dates) == 12 and plan.skipped == []
    assert plan.rule.time == time(13)
    meetings = plan.meetings()
    assert [m.day for m in meetings] == plan.dates
    assert {(m.time, m.place) for m in meetings} == {(time(13), "Stadshuset")}


def test_every_second_week_counts_from_the_first_meeting_day():
    # Thursday 15 January: the first Wednesday after it is the 21st, then every second week.
    rule = SeriesRule(date(2026, 1, 15), date(2026, 2, 28), weekday=2, interval=2)
    assert plan_series(rule).dates == [date(2026, 1, 21), date(2026, 2, 4), date(2026, 2, 18)]


def test_a_series_with_no_meeting_day_in_its_range_is_empty():
    # Thursday to Tuesday holds no Wednesday.
    plan = plan_series(SeriesRule(date(2026, 1, 15), date(2026, 1, 20), weekday=2))
    assert plan.dates == [] and plan.skipped == []


def test_first_tuesday_of_the_month_over_a_year():
    rule = SeriesRule(
        date(2026, 1, 1), date(2026, 12, 31), weekday=1, frequency=Frequency.MONTHLY, nth=1
    )
    plan = plan_series(rule)
    kept_and_skipped = sorted(plan.dates + [day for day, _ in plan.skipped])
    assert len(kept_and_skipped) == 12
    assert all(day.weekday() == 1 and day.day <= 7 for day in kept_and_skipped)
    assert kept_and_skipped[0] == date(2026, 1, 6)
    # 6 January 2026 is trettondedag jul, a Tuesday.
    assert plan.skipped == [(date(2026, 1, 6), "trettondedag jul")]


def test_last_thursday_of_the_month():
    rule = SeriesRule(
        date(2026, 1, 1), date(2026, 3, 31), weekday=3, frequency=Frequency.MONTHLY, nth=-1
    )
    assert plan_series(rule).dates == [date(2026, 1, 29), date(2026, 2, 26), date(2026, 3, 26)]


def test_a_holiday_on_a_meeting_day_is_skipped_with_its_name():
    rule = SeriesRule(date(2026, 5, 7), date(2026, 5, 21), weekday=3)  # Thursdays
    plan = plan_series(rule)
    assert plan.dates == [date(2026, 5, 7), date(2026, 5, 21)]
    assert plan.skipped == [(date(2026, 5, 14), "Kristi himmelsfärdsdag")]


def test_summer_break():
    rule = SeriesRule(
        date(2026, 6, 3), date(2026, 8, 26), weekday=2,
        summer_break=(date(2026, 6, 22), date(2026, 8, 16)),
    )  # fmt: skip
    plan = plan_series(rule)
    assert plan.dates == [
        date(2026, 6, 3), date(2026, 6, 10), date(2026, 6, 17), date(2026, 8, 19),
        date(2026, 8, 26),
    ]  # fmt: skip
    assert {reason for _, reason in plan.skipped} == {"sommaruppehåll"}
    assert plan.skipped[0] == (date(2026, 6, 24), "sommaruppehåll")
    assert plan.skipped[-1] == (date(2026, 8, 12), "sommaruppehåll")


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        (SeriesRule(date(2026, 2, 1), date(2026, 1, 1), weekday=2), "före startdatumet"),
        (SeriesRule(date(2026, 1, 1), date(2026, 2, 1), weekday=2, interval=0), "minst 1"),
        (SeriesRule(date(2026, 1, 1), date(2026, 2, 1), weekday=7), "veckodagen"),
        (
            SeriesRule(date(2026, 1, 1), date(2026, 2, 1), 2, Frequency.MONTHLY, nth=5),
            "sista i månaden",
        ),
        (
            SeriesRule(date(2026, 1, 1), date(2026, 2, 1), 2, Frequency.MONTHLY, nth=None),
            "sista i månaden",
        ),
        (SeriesRule(date(2026, 1, 1), date(2026, 2, 1), 2, nth=1), "varje månad"),
        (
            SeriesRule(
                date(2026, 1, 1), date(2026, 2, 1), 2,
                summer_break=(date(2026, 8, 1), date(2026, 6, 1)),
            ),
            "sommaruppehållet",
        ),
    ],
)  # fmt: skip
def test_validation_errors(rule, message):
    with pytest.raises(ScheduleError, match=message):
        plan_series(rule)
    assert issubclass(ScheduleError, ValueError)


def test_the_same_day_is_a_series_of_one():
    day = date(2026, 1, 14)
    assert plan_series(SeriesRule(day, day, weekday=2)).dates == [day]


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("onsdag", 2), ("ons", 2), ("Onsdagar", 2), ("onsdagen", 2), (" Ons. ", 2),
        ("måndag", 0), ("mån", 0), ("mandag", 0), ("tis", 1), ("tors", 3), ("to", 3),
        ("fredagar", 4), ("lör", 5), ("Söndag", 6), ("sondag", 6),
    ],
)  # fmt: skip
def test_parse_weekday(text, number):
    assert parse_weekday(text) == number


@pytest.mark.parametrize("text", ["", "x", "onsdagx", "wednesday", "t", "s"])
def test_parse_weekday_rejects(text):
    with pytest.raises(ScheduleError, match="ingen veckodag"):
        parse_weekday(text)


def test_deadlines_of_a_planned_meeting():
    # Wednesday 14 January 2026: justering by the 28th, anslag by the 30th, appeal to 20 February.
    justering, anslag, appeal = meeting_deadlines(Meeting(date(2026, 1, 14)))
    assert justering == Deadline("Justering", date(2026, 1, 28), None)
    assert anslag == Deadline("Anslag om justering", date(2026, 1, 30), None)
    assert appeal.label == "Överklagandetiden löper ut"
    assert appeal.due == date(2026, 2, 20) and appeal.is_end and appeal.done_on is None
    assert not justering.is_end and not anslag.is_end


def test_deadlines_follow_what_was_done():
    meeting = Meeting(date(2026, 1, 14), adjusted_on=date(2026, 1, 20), posted_on=date(2026, 1, 21))
    justering, anslag, appeal = meeting_deadlines(meeting)
    assert justering.done_on == date(2026, 1, 20)
    assert anslag.due == date(2026, 1, 22) and anslag.done_on == date(2026, 1, 21)
    assert appeal.due == date(2026, 2, 11)


def test_deadline_boundaries():
    justering = meeting_deadlines(Meeting(date(2026, 1, 14)))[0]
    assert not justering.passed(date(2026, 1, 28))  # the last day itself is in time
    assert justering.passed(date(2026, 1, 29))
    done = Deadline("Justering", date(2026, 1, 28), done_on=date(2026, 2, 2))
    assert not done.passed(date(2026, 3, 1))


def test_appeal_period_ending_on_a_holiday_runs_to_the_next_working_day():
    # Anslag 3 December 2026 + 3 weeks = 24 December (julafton); the next working day is the 28th.
    meeting = Meeting(
        date(2026, 11, 25), adjusted_on=date(2026, 12, 1), posted_on=date(2026, 12, 3)
    )
    assert meeting_deadlines(meeting)[2].due == date(2026, 12, 28)
    assert next_working_day(date(2026, 4, 3)) == date(2026, 4, 7)
