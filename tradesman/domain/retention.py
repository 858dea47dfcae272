"""Which backups to keep as they age: every one from the last day, then the newest of
each of the last 7 days, 4 weeks and 12 months that have one. Older ones go.

Pure rules on the times backups were taken, so they are easy to test; the store
applies them to the files.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from datetime import datetime, timedelta

KEEP_ALL_FOR = timedelta(days=1)  # a bad edit is usually noticed the same day
DAILY, WEEKLY, MONTHLY = 7, 4, 12
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
    for count, period in (
        (DAILY, lambda moment: moment.date()),
        (WEEKLY, lambda moment: moment.isocalendar()[:2]),
        (MONTHLY, lambda moment: (moment.year, moment.month)),
    ):
        kept |= _newest_per_period(newest_first, period, count)
    return kept


def _newest_per_period(
    newest_first: list[datetime], period: Callable[[datetime], Hashable], count: int
) -> set[datetime]:
    """The newest moment in each of the `count` most recent periods that have one."""
    chosen: dict[Hashable, datetime] = {}
    for moment in newest_first:
        key = period(moment)
        if key not in chosen:
            if len(chosen) == count:
                break
            chosen[key] = moment
    return set(chosen.values())
