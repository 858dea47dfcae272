"""What came in, week by week: each step of an enquiry counts in the week it happened."""

from __future__ import annotations

from datetime import date

from tradesman.domain.leads import Lead, LostReason
from tradesman.domain.weeks import Week
from tradesman.domain.work_weeks import WorkWeek, work_by_week

MONDAY = Week(date(2026, 11, 2))


def test_each_step_counts_in_its_own_week_and_outside_weeks_are_left_out() -> None:
    leads = [
        Lead("A", date(2026, 11, 3), 1).quoted(date(2026, 11, 10), 500).won(date(2026, 11, 16)),
        Lead("B", date(2026, 11, 8), 1).quoted(date(2026, 11, 9), 900).won(date(2026, 11, 9), 1200),
        Lead("C", date(2026, 11, 4), 1)
        .quoted(date(2026, 11, 5), 70)
        .lost(date(2026, 11, 6), LostReason.PRICE),
        Lead("Before", date(2026, 10, 25), 1),  # the week before the first
        Lead("After", date(2026, 11, 23), 1),  # after the last
    ]
    assert work_by_week(leads, MONDAY, 3) == [
        WorkWeek(MONDAY, enquiries=3, quotes=1),
        WorkWeek(MONDAY.plus(1), quotes=2, won=1, won_value=1200),
        WorkWeek(MONDAY.plus(2), won=1, won_value=500),
    ]


def test_no_weeks_asked_is_an_empty_list() -> None:
    assert work_by_week([Lead("A", date(2026, 11, 3), 1)], MONDAY, 0) == []
