"""Week arithmetic: which days make a week, and how weeks are named and typed."""

from __future__ import annotations

from datetime import date

import pytest

from tradesman.domain.settings import WeekStart
from tradesman.domain.territory import locale_from_environment, territory_of, week_start_for_locale
from tradesman.domain.weeks import Week, parse_week, week_containing

MON, SUN = WeekStart.MONDAY, WeekStart.SUNDAY


@pytest.mark.parametrize(
    ("day", "start", "first"),
    [
        (date(2026, 11, 23), MON, date(2026, 11, 23)),  # a Monday starts its own week
        (date(2026, 11, 29), MON, date(2026, 11, 23)),  # Sunday ends it
        (date(2026, 11, 29), SUN, date(2026, 11, 29)),  # ...or starts the next one
        (date(2026, 11, 28), SUN, date(2026, 11, 22)),
        (date(2027, 1, 1), MON, date(2026, 12, 28)),  # a week across the new year
    ],
)
def test_week_containing(day: date, start: WeekStart, first: date) -> None:
    week = week_containing(day, start)
    assert week.start == first
    assert week.contains(day)
    assert len(week.days) == 7 and week.days[-1] == week.end


def test_weeks_follow_each_other_without_gaps_across_a_clock_change() -> None:
    # Clocks go back on 25 Oct 2026 in Europe; weeks are calendar days, so nothing shifts.
    week = week_containing(date(2026, 10, 20), MON)
    assert week.next().start == date(2026, 10, 26)
    assert week.next().previous() == week


@pytest.mark.parametrize(
    ("text", "start", "first"),
    [
        ("2026-W48", MON, date(2026, 11, 23)),
        ("2026w48", MON, date(2026, 11, 23)),
        ("2026-W48", SUN, date(2026, 11, 22)),  # the Sunday-start week holding that Monday
        ("2026-11-25", MON, date(2026, 11, 23)),
        ("2026-11-29", SUN, date(2026, 11, 29)),
        ("2026-W53", MON, date(2026, 12, 28)),  # 2026 has 53 ISO weeks
        ("2024-02-29", MON, date(2024, 2, 26)),
    ],
)
def test_parse_week(text: str, start: WeekStart, first: date) -> None:
    assert parse_week(text, start).start == first


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2025-W53", "2025 has no week 53."),
        ("next week", '"next week" is not a week'),
        ("2026-13-01", "is not a week"),
    ],
)
def test_parse_week_refuses_in_plain_words(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_week(text, MON)


@pytest.mark.parametrize(
    ("start", "label"),
    [
        (date(2026, 11, 23), "Week 48 · 23–29 Nov 2026"),
        (date(2026, 11, 30), "Week 49 · 30 Nov – 6 Dec 2026"),
        (date(2026, 12, 28), "Week 53 · 28 Dec 2026 – 3 Jan 2027"),
        (date(2026, 11, 22), "Week 48 · 22–28 Nov 2026"),  # Sunday start: numbered by its Monday
    ],
)
def test_week_label(start: date, label: str) -> None:
    assert Week(start).label == label


@pytest.mark.parametrize(
    ("locale_name", "start"),
    [
        ("en_US.UTF-8", SUN),
        ("en_GB.UTF-8", MON),
        ("de_DE@euro", MON),
        ("pt-BR", SUN),
        ("C", MON),
        (None, MON),
        ("ar_EG.UTF-8", MON),  # Saturday-first places get Monday: the app offers Mon or Sun
    ],
)
def test_week_start_follows_the_locale(locale_name: str | None, start: WeekStart) -> None:
    assert week_start_for_locale(locale_name) is start


def test_locale_is_read_the_posix_way() -> None:
    assert (
        locale_from_environment({"LANG": "en_GB.UTF-8", "LC_TIME": "en_US.UTF-8"}) == "en_US.UTF-8"
    )
    assert locale_from_environment({"LC_ALL": "fr_CA", "LC_TIME": "en_GB"}) == "fr_CA"
    assert locale_from_environment({}) is None
    assert territory_of("en") is None
