"""Recurring series: storing them and making their blocks.

A series' blocks are ordinary block rows linked by `series_id`. They are made a year
ahead when the series is created, and further ahead whenever a later week is looked at
(`extend_series_through`), so sums over blocks never have to know about series. Into
the past they are made a year back at most (`BLOCKS_BACK` in domain/series.py).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from tradesman.domain.blocks import TimeBlock
from tradesman.domain.series import (
    LOOK_AHEAD,
    Series,
    SeriesRecord,
    earliest_block_day,
    first_day_to_make,
    occurrence_days,
)
from tradesman.domain.validation import check_series
from tradesman.store.reads import dbapi_connection, series_behind
from tradesman.store.series_rows import get_record as get_record  # (the window reads it here)
from tradesman.store.series_rows import made_through, series_behind_ids
from tradesman.store.tables import BLOCKS, SERIES

if TYPE_CHECKING:
    from tradesman.store.database import Store
    from tradesman.store.reads import Db

# How far ahead a new series makes its blocks; later weeks are made when looked at,
# but never more than LOOK_AHEAD (domain/series.py) from today.
AHEAD = timedelta(days=366)
# A long catch-up (a series far behind, or a week years ahead) is saved in steps of this
# many days of every series, each step one transaction that also moves `made_through`
# on: stopped half-way, what was made stays and is never made twice.
STEP = timedelta(days=92)


def new_series_id(session: Db, series: Series) -> Series:
    """`series` with the id its row will have (the row is written by `put_record`)."""
    key = SERIES.write(
        session, check_series(series).with_changes(id=None), made_through=series.first_day
    )
    return series.with_changes(id=key)


def attached_blocks(session: Db, series_id: int, first: date | None = None) -> list[TimeBlock]:
    """The blocks of a series (from `first` on, if given), in day order."""
    if first is None:
        return BLOCKS.all(session, "series_id = ?", (series_id,), order="day")
    return BLOCKS.all(
        session, "series_id = ? AND day >= ?", (series_id, first.isoformat()), order="day"
    )


def blocks_to_make(record: SeriesRecord, first: date, last: date) -> list[TimeBlock]:
    """The blocks the series puts on the days from `first` to `last` (not yet saved)."""
    days = occurrence_days(record.series, first, last, record.skipped)
    return [record.series.block_on(day) for day in days]


def extend_series_through(
    session: Db, last: date, today: date | None = None, step: timedelta | None = None
) -> int:
    """Make the blocks of every series up to `last`; returns how many were made.

    With `today`, no block is made before BLOCKS_BACK from it; with `step`, each series
    goes at most that many days further (call again until `needs_extending` says no).
    """
    behind = series_behind_ids(session, last)
    return sum(extend_one_series(session, key, last, today, step) for key in behind)


def extend_one_series(
    session: Db,
    series_id: int,
    last: date,
    today: date | None = None,
    step: timedelta | None = None,
) -> int:
    """Make one series' blocks from the day after its `made_through` up to `last`
    (from a year before `today` at the earliest, and `step` days at most, if given).
    Without `today`, every day: an undo putting back blocks that were there before."""
    record = get_record(session, series_id)
    if record.made_through >= last:
        return 0
    first = record.made_through + timedelta(days=1)
    if today is not None:
        first = first_day_to_make(record, today)
    through = last if step is None else min(last, first + step - timedelta(days=1))
    blocks = blocks_to_make(record, first, through)
    BLOCKS.add_all(session, blocks)  # (one statement: a year of a daily series is 366 rows)
    made_through(session, series_id, through)
    return len(blocks)


def catch_up_series(store: Store, week_end: date, today: date) -> int:
    """Make the repeating blocks a week needs, up to three years from today at most and
    from a year before today at the earliest, in steps each saved on its own (see
    STEP); returns how many blocks were made. Writes nothing when the week's blocks
    are made already."""
    last = min(week_end, today + LOOK_AHEAD)
    with store.reading() as session:
        behind = needs_extending(session, last)
    made = 0
    while behind:
        with store.writing() as session:
            made += extend_series_through(session, last, today, STEP)
            behind = needs_extending(session, last)
    return made


def needs_extending(session: Db, last: date) -> bool:
    """Whether any series still has blocks to make up to `last` (a cheap read)."""
    return series_behind(dbapi_connection(session), last)


def horizon(today: date, series: Series) -> date:
    """How far ahead a series' blocks are made when it is created or changed."""
    ahead = max(today, series.first_day) + AHEAD
    return ahead if series.until is None else min(ahead, series.until)


def first_new_block_day(today: date, series: Series) -> date:
    """The first day a new series puts a block on: its first day, or a year before
    today when it starts further back (see BLOCKS_BACK)."""
    return max(series.first_day, earliest_block_day(today))
