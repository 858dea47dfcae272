"""Every edit the week planner makes, each returning the Change it made (for undo).

All of these run inside the caller's write transaction. `today` decides where a
series' past ends: changes to a whole series apply from today on, and what is
already in the past stays as it happened.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tradesman.store.reads import Db

from collections.abc import Collection, Iterable, Sequence
from datetime import date

from tradesman.domain.blocks import BlockStatus, TimeBlock
from tradesman.domain.planning import copied_week
from tradesman.domain.series import Series, SeriesRecord
from tradesman.domain.validation import check_series
from tradesman.domain.weeks import Week
from tradesman.services import blocks as block_rows
from tradesman.services.changes import Change, commit, rows
from tradesman.services.edited_tables import BLOCKS, SERIES
from tradesman.services.series import (
    attached_blocks,
    blocks_to_make,
    first_new_block_day,
    horizon,
    new_series_id,
)
from tradesman.store.series_rows import get_record


def add_blocks(session: Db, blocks: Iterable[TimeBlock]) -> Change:
    """New blocks (pasted, duplicated, copied from last week, or drawn)."""
    return commit(session, rows(BLOCKS, after=[block.with_changes(id=None) for block in blocks]))


def change_block(session: Db, block: TimeBlock) -> Change:
    """Save changes to one block; a block of a series stays in its series."""
    before = _existing(session, block)
    return commit(session, rows(BLOCKS, [before], [block]))


def delete_blocks(session: Db, block_ids: Sequence[int]) -> Change:
    """Remove blocks. For a block of a series, use `delete_occurrence` (its day must
    stay empty) or `end_series`."""
    before = [_existing_id(session, block_id) for block_id in block_ids]
    return commit(session, rows(BLOCKS, before))


def change_occurrence(session: Db, block: TimeBlock) -> Change:
    """ "Only this one": the block leaves its series, and the series leaves its day empty."""
    before = _existing(session, block)
    record, skipping = _skipping(session, before)
    return commit(
        session,
        rows(SERIES, [record], [skipping])
        + rows(BLOCKS, [before], [block.with_changes(series_id=None)]),
    )


def delete_occurrence(session: Db, block_id: int) -> Change:
    """Remove one block of a series; the series will not fill its day again."""
    before = _existing_id(session, block_id)
    assert before.series_id is not None
    record = get_record(session, before.series_id)
    skipping = SeriesRecord(record.series, record.made_through, record.skipped | {before.day})
    return commit(session, rows(SERIES, [record], [skipping]) + rows(BLOCKS, [before]))


def add_series(session: Db, series: Series, today: date, first: TimeBlock | None = None) -> Change:
    """A new repeating block, with its blocks made a year ahead (and a year back at
    most, for one first dated further back). `first`, the block the owner filled in,
    is kept as the series' block on its day: its status and actual time included."""
    saved = new_series_id(session, check_series(series))
    record = SeriesRecord(saved, horizon(today, saved))
    made = blocks_to_make(record, first_new_block_day(today, saved), record.made_through)
    if first is not None:
        made = _with_first(made, saved, first)
    # (The row exists already, to give the series its id; the Change still treats the
    # series as new, so that undo removes it.)
    return commit(session, rows(SERIES, after=[record]) + rows(BLOCKS, after=made))


def repeat_block(session: Db, edited: TimeBlock, series: Series, today: date) -> Change:
    """Make a plain block repeat: the series takes over, starting on the block's day.

    `edited` is the block as the dialog left it. It becomes the series' first block
    under its own id, with its status, actual time and task (a block marked done while
    being made to repeat is still done), even on a day before the series' others."""
    assert edited.id is not None
    old = _existing_id(session, edited.id)
    saved = new_series_id(session, check_series(series.with_changes(first_day=edited.day)))
    record = SeriesRecord(saved, horizon(today, saved))
    days = blocks_to_make(record, first_new_block_day(today, saved), record.made_through)
    made = _with_first(days, saved, edited.with_changes(task_id=edited.task_id or old.task_id))
    return commit(session, rows(SERIES, after=[record]) + rows(BLOCKS, [old], made))


def _with_first(made: list[TimeBlock], series: Series, first: TimeBlock) -> list[TimeBlock]:
    """The series' blocks with `first` standing as its block on its own day, added
    when the series would not put one there (a day long past, or not one of its
    weekdays): what the owner typed for that block is never dropped."""
    kept = series.block_on(first.day).with_changes(
        id=first.id,
        status=first.status,
        actual_minutes=first.actual_minutes,
        task_id=first.task_id,
    )
    others = [block for block in made if block.day != first.day]
    return sorted([kept, *others], key=lambda block: block.day)


def change_series(session: Db, series: Series, today: date) -> Change:
    """Change a whole series from today on: its blocks from today are made afresh,
    keeping the status of any that fall on the same day as before."""
    assert series.id is not None
    record = get_record(session, series.id)
    changed = check_series(series.with_changes(first_day=record.series.first_day))
    # Only as far ahead as the series was made already: later weeks are made when they
    # are looked at. (Making more here would leave blocks no undo knows about.)
    new_record = SeriesRecord(changed, record.made_through, record.skipped)
    old_from_today = attached_blocks(session, series.id, first=today)
    same_day = {block.day: block for block in old_from_today}
    remade = []
    for block in blocks_to_make(new_record, today, new_record.made_through):
        old = same_day.get(block.day)
        if old is not None:  # keep its id, status and actual time
            block = block.with_changes(
                id=old.id, status=old.status, actual_minutes=old.actual_minutes
            )
        remade.append(block)
    return commit(
        session, rows(SERIES, [record], [new_record]) + rows(BLOCKS, old_from_today, remade)
    )


def end_series(session: Db, series_id: int, today: date) -> Change:
    """Delete a whole series: its blocks still planned from today on go; the past, and
    today's blocks already marked done or skipped, stay as history."""
    record = get_record(session, series_id)
    every = attached_blocks(session, series_id)
    history = [
        block.with_changes(series_id=None)
        for block in every
        if block.day < today or (block.day == today and block.status is not BlockStatus.PLANNED)
    ]
    return commit(session, rows(SERIES, [record]) + rows(BLOCKS, every, history))


def copy_week_plan(
    session: Db, source: Week, target: Week, skip_days: Collection[date] = ()
) -> Change:
    """Lay `source` week's plan onto `target` (but not onto `skip_days`): planned
    again, series blocks left out."""
    copies = copied_week(
        block_rows.blocks_in_week(session, source),
        source,
        target,
        already=block_rows.blocks_in_week(session, target),
        skip_days=skip_days,
    )
    return add_blocks(session, copies)


def _skipping(session: Db, block: TimeBlock) -> tuple[SeriesRecord, SeriesRecord]:
    """A block's series as it is, and as it will be with the block's day left empty."""
    assert block.series_id is not None
    record = get_record(session, block.series_id)
    return record, SeriesRecord(record.series, record.made_through, record.skipped | {block.day})


def _existing(session: Db, block: TimeBlock) -> TimeBlock:
    assert block.id is not None
    return _existing_id(session, block.id)


def _existing_id(session: Db, block_id: int) -> TimeBlock:
    found = block_rows.get_block(session, block_id)
    if found is None:
        raise block_rows.BlockGone("That block no longer exists.")
    return found
