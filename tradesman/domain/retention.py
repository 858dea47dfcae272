"""Which backups to keep as they age: every one from the last day, then one a day for
a week, one a week for a month and one a month for a year — the newest of each day,
week or month among the backups younger than a week, a month or a year. Older ones go.

By age, not by counting periods: "the last 4 weeks" counted as this week and three
before it let a 26-day-old weekly copy go, though a month had not passed.

Pure rules on the times backups were taken, so they are easy to test; the store
applies them to the files.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from datetime import datetime, timedelta

KEEP_ALL_FOR = timedelta(days=1)  # a bad edit is usually noticed the same day
DAILY_FOR = timedelta(days=8)  # today, and each of the 7 days before it
WEEKLY_FOR = timedelta(days=31)  # a month, the longest
MONTHLY_FOR = timedelta(days=366)  # a year, a leap year too
# A copy taken just before an import, a restore or an update is the only copy of the
# data as it was before a big change: it stays a month whatever else is thinned.
KEEP_BEFORE_BIG_CHANGES_FOR = timedelta(days=30)


def backups_to_keep(
    taken: Iterable[datetime], now: datetime, before_big_changes: Iterable[datetime] = ()
) -> set[datetime]:
    """The times (from `taken`) whose backups stay; `before_big_changes` are those taken
    before an import, restore or update."""
    newest_first = sorted(set(taken), reverse=True)
    kept = {moment for moment in newest_first if now - moment < KEEP_ALL_FOR}
    kept |= {
        moment
        for moment in before_big_changes
        if moment in newest_first and now - moment < KEEP_BEFORE_BIG_CHANGES_FOR
    }
    if newest_first:
        kept.add(newest_first[0])  # the newest stays, however old
    for keep_for, period in (
        (DAILY_FOR, lambda moment: moment.date()),
        (WEEKLY_FOR, lambda moment: moment.isocalendar()[:2]),
        (MONTHLY_FOR, lambda moment: (moment.year, moment.month)),
    ):
        young = [moment for moment in newest_first if now - moment < keep_for]
        kept |= _newest_per_period(young, period)
    return kept


def _newest_per_period(
    newest_first: list[datetime], period: Callable[[datetime], Hashable]
) -> set[datetime]:
    """The newest moment in each period that has one."""
    chosen: dict[Hashable, datetime] = {}
    for moment in newest_first:
        chosen.setdefault(period(moment), moment)
    return set(chosen.values())
