"""Where the hours go, for the charts and the PDF reports: added up by SQLite in grouped
sums (one query for a week by day, one for a whole trend), never block by block."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from typing import TYPE_CHECKING

from tradesman.domain.allocation import DayHours, Trend, WeekByDay, WeekShare, trend_weeks
from tradesman.domain.areas import Area
from tradesman.domain.split import Split
from tradesman.domain.weeks import Week
from tradesman.store.reads import (
    dbapi_connection,
    minutes_per_day_and_area,
    minutes_per_week_and_area,
)

if TYPE_CHECKING:
    from tradesman.store.reads import Db

Minutes = dict[Area, int]


def week_by_day(session: Db, week: Week) -> WeekByDay:
    return week_by_day_over(dbapi_connection(session), week)


def week_by_day_over(db: sqlite3.Connection, week: Week) -> WeekByDay:
    """Each day of `week` with its planned and actual minutes per area."""
    planned: defaultdict[int, Minutes] = defaultdict(dict)
    actual: defaultdict[int, Minutes] = defaultdict(dict)
    for day, area, planned_minutes, actual_minutes in minutes_per_day_and_area(
        db, week.start, week.end
    ):
        offset = (day - week.start).days
        planned[offset][Area(area)] = planned_minutes
        actual[offset][Area(area)] = actual_minutes
    days = tuple(
        DayHours(day, Split.from_minutes(planned[i]), Split.from_minutes(actual[i]))
        for i, day in enumerate(week.days)
    )
    return WeekByDay(week, days)


def business_trend(session: Db, last: Week, count: int, target: float) -> Trend:
    return business_trend_over(dbapi_connection(session), last, count, target)


def business_trend_over(db: sqlite3.Connection, last: Week, count: int, target: float) -> Trend:
    """The `count` weeks up to and including `last`, each with its split and the target."""
    weeks = trend_weeks(last, count)
    planned: defaultdict[int, Minutes] = defaultdict(dict)
    actual: defaultdict[int, Minutes] = defaultdict(dict)
    for index, area, planned_minutes, actual_minutes in minutes_per_week_and_area(
        db, weeks[0].start, last.end
    ):
        planned[index][Area(area)] = planned_minutes
        actual[index][Area(area)] = actual_minutes
    return Trend(
        tuple(
            WeekShare(week, Split.from_minutes(planned[i]), Split.from_minutes(actual[i]), target)
            for i, week in enumerate(weeks)
        )
    )
