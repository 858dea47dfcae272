"""Backups thinned by age: all of today, then one a day, a week, a month."""

from __future__ import annotations

from datetime import datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from tradesman.domain.retention import backups_to_keep

NOW = datetime(2026, 11, 23, 18, 0)


def test_everything_from_the_last_day_stays() -> None:
    recent = [NOW - timedelta(minutes=30 * n) for n in range(40)]  # 20 hours, every half hour
    assert backups_to_keep(recent, NOW) == set(recent)


def test_one_a_day_for_a_week_one_a_week_for_a_month_one_a_month_for_a_year() -> None:
    # Three backups a day, every day, for two years.
    taken = [NOW - timedelta(days=d, hours=h) for d in range(1, 730) for h in (1, 5, 9)]
    kept = sorted(backups_to_keep(taken, NOW), reverse=True)
    days = {moment.date() for moment in kept}
    # The newest of each of the last 7 days...
    assert all((NOW - timedelta(days=d, hours=1)) in kept for d in range(1, 8))
    # ...one per ISO week for a month, one per month for a year: whatever is younger than
    # a month has its week's newest kept, younger than a year its month's.
    for moment in taken:
        if NOW - moment < timedelta(days=31):
            assert any(k.isocalendar()[:2] == moment.isocalendar()[:2] for k in kept)
        if NOW - moment < timedelta(days=366):
            assert any((k.year, k.month) == (moment.year, moment.month) for k in kept)
    assert len(kept) <= 8 + 6 + 13
    assert min(kept) > NOW - timedelta(days=366)  # nothing older than a year
    assert len(days) == len(kept)  # never two from one day once past the first day


def test_the_newest_backup_stays_however_old_it_is() -> None:
    ancient = datetime(2019, 5, 1, 9, 0)
    assert backups_to_keep([ancient], NOW) == {ancient}


@given(st.lists(st.datetimes(datetime(2020, 1, 1), NOW), max_size=200))
def test_thinning_twice_keeps_what_it_kept(taken: list[datetime]) -> None:
    kept = backups_to_keep(taken, NOW)
    assert kept <= set(taken)
    assert backups_to_keep(kept, NOW) == kept  # stable: nothing more goes on a second pass
    if taken:
        assert max(taken) in kept


def test_a_copy_from_before_an_import_stays_a_month() -> None:
    yesterday = NOW - timedelta(days=1)
    before_import = yesterday.replace(hour=10)
    taken = [yesterday.replace(hour=8), before_import, yesterday.replace(hour=10, minute=30)]
    assert before_import not in backups_to_keep(taken, NOW)  # (an ordinary one would go)
    assert before_import in backups_to_keep(taken, NOW, [before_import])
    assert before_import not in backups_to_keep(taken, NOW + timedelta(days=31), [before_import])


def test_one_a_week_stays_for_a_whole_month_and_one_a_month_for_a_whole_year() -> None:
    """By age: counting this week as one of "the last 4 weeks" let the newest copy of a
    week only 22 days back go, and counting this month as one of twelve, the newest of
    a month 358 days back."""
    taken = [datetime(2026, 11, 23, 10, 0) - timedelta(days=d) for d in range(400)]
    kept = backups_to_keep(taken, NOW)
    newest_of_week_44 = datetime(2026, 11, 1, 10, 0)  # Sunday, 22 days before NOW
    newest_of_november_2025 = datetime(2025, 11, 30, 10, 0)  # 358 days before NOW
    assert newest_of_week_44 in kept
    assert newest_of_november_2025 in kept
    assert datetime(2025, 10, 31, 10, 0) not in kept  # more than a year: gone
