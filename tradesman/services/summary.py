"""The split of a week's hours, added up by SQLite rather than in Python, and what came
in during a week."""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import TYPE_CHECKING

from tradesman.domain.areas import Area
from tradesman.domain.split import Split, WeekSplit
from tradesman.domain.weeks import Week
from tradesman.store.reads import dbapi_connection, minutes_per_area

if TYPE_CHECKING:
    from tradesman.domain.work_weeks import WorkWeek
    from tradesman.store.reads import Db


def week_split(session: Db, week: Week) -> WeekSplit:
    """Planned and actual minutes per area for the days of `week`."""
    return split_of_days(dbapi_connection(session), week.start, week.end)


def split_of_days(db: sqlite3.Connection, first: date, last: date) -> WeekSplit:
    """As `week_split`, for any run of days, over a bare connection."""
    planned: dict[Area, int] = {}
    actual: dict[Area, int] = {}
    for area, planned_minutes, actual_minutes in minutes_per_area(db, first, last):
        planned[Area(area)] = planned_minutes
        actual[Area(area)] = actual_minutes
    return WeekSplit(Split.from_minutes(planned), Split.from_minutes(actual))


def work_of_week_over(db: sqlite3.Connection, week: Week) -> WorkWeek:
    """The enquiries, quotes given and jobs won of one week, over a bare connection."""
    # (Imported here: the window's first look reads this module, and the enquiries'
    # code waits until the week is on screen.)
    from tradesman.domain.work_weeks import work_by_week
    from tradesman.store import engine_reads

    return work_by_week(engine_reads.leads_touching(db, week.start, week.end), week, 1)[0]
