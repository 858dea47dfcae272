"""Moving, resizing and copying blocks: the arithmetic behind drags, keys and week tools."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from datetime import date, timedelta

from tradesman.domain.blocks import BlockStatus, TimeBlock
from tradesman.domain.clock import MINUTES_PER_DAY
from tradesman.domain.weeks import Week


def moved(block: TimeBlock, day: date, start: int) -> TimeBlock:
    """The block on `day` from `start`, keeping its length and staying inside the day."""
    length = block.length_minutes
    start = max(0, min(start, MINUTES_PER_DAY - length))
    return block.with_changes(day=day, start=start, end=start + length)


def resized(block: TimeBlock, start: int, end: int, smallest: int = 15) -> TimeBlock:
    """The block with new edges, never shorter than `smallest` minutes nor past the day."""
    start = max(0, min(start, MINUTES_PER_DAY - smallest))
    end = max(start + smallest, min(end, MINUTES_PER_DAY))
    return block.with_changes(start=start, end=end)


def as_new_plan(block: TimeBlock, day: date) -> TimeBlock:
    """A fresh copy of `block` on `day`: planned again, no actual time, not part of a series."""
    return block.with_changes(
        id=None, day=day, status=BlockStatus.PLANNED, actual_minutes=None, series_id=None
    )


def copied_week(
    blocks: Iterable[TimeBlock],
    source: Week,
    target: Week,
    already: Iterable[TimeBlock] = (),
    skip_days: Collection[date] = (),
) -> list[TimeBlock]:
    """Last week's plan laid onto this week, day for day, leaving out `skip_days`
    (days already gone, or days with plans of their own, as the owner chose).

    Blocks of a recurring series are left out (the series puts its own blocks into
    every week it runs), and so are blocks the target week has already (copying twice
    does not double the week).
    """
    shift = target.start - source.start
    there = {_same(block) for block in already}
    copies = [
        as_new_plan(block, block.day + shift)
        for block in blocks
        if source.contains(block.day) and block.series_id is None
    ]
    return [copy for copy in copies if _same(copy) not in there and copy.day not in skip_days]


def _same(block: TimeBlock) -> tuple[object, ...]:
    return (block.day, block.start, block.end, block.area, block.title)


def next_day_copy(block: TimeBlock) -> TimeBlock:
    """Duplicate: the same block on the following day (the next day of a multi-day job)."""
    return as_new_plan(block, block.day + timedelta(days=1))
