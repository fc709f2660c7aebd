from datetime import date

import pytest

from ib_tui.domain.dates import (
    DateError,
    format_amount,
    format_count,
    format_date,
    format_items,
    format_long_date,
    parse_date,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-03-03", date(2025, 3, 3)),
        ("3 mars 2025", date(2025, 3, 3)),
        ("den 3 mars 2025", date(2025, 3, 3)),
        ("3 Mars 2025", date(2025, 3, 3)),
        ("14 jan 2026", date(2026, 1, 14)),
        ("1 sept. 2026", date(2026, 9, 1)),
        ("29 februari 2024", date(2024, 2, 29)),
        ("  31 december 2025 ", date(2025, 12, 31)),
    ],
)
def test_reads_iso_and_swedish_dates(text: str, expected: date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("31 februari 2025", "finns inte i kalendern"),
        ("29 februari 2025", "finns inte i kalendern"),
        ("2025-02-30", "finns inte i kalendern"),
        ("3 mar-s 2025", "inget datum"),
        ("3 marsch 2025", "okänd månad"),
        ("03/03/2025", "inget datum"),
        ("", "inget datum"),
    ],
)
def test_rejects_impossible_or_unreadable_dates(text: str, message: str) -> None:
    with pytest.raises(DateError, match=message):
        parse_date(text)


def test_rejects_non_text() -> None:
    with pytest.raises(DateError):
        parse_date(20250303)


def test_formats_the_swedish_way() -> None:
    assert format_date(date(2026, 1, 14)) == "14 januari 2026"
    assert format_long_date(date(2026, 1, 14)) == "onsdagen den 14 januari 2026"
    assert format_amount(12500) == "12\u00a0500\u00a0kr"
    assert format_amount(0) == "0\u00a0kr"


def test_meeting_times_are_read_with_a_colon_or_the_swedish_dot() -> None:
    from datetime import time

    from ib_tui.domain.dates import parse_time

    assert parse_time(" 13:00 ") == parse_time("13.00") == time(13, 0)
    for bad in ("25:00", "kl 13", ""):
        with pytest.raises(DateError, match="skriv tiden som 13:00"):
            parse_time(bad)


@pytest.mark.parametrize(
    ("number", "expected"),
    [(0, "0 ärenden"), (1, "1 ärende"), (2, "2 ärenden"), (1234, "1\u00a0234 ärenden")],
)
def test_the_noun_agrees_with_the_number(number: int, expected: str) -> None:
    assert format_items(number) == expected
    assert format_count(number, "ärende", "ärenden") == expected
