"""One edit as data: the rows it touched, before and after, so it can be undone and redone.

Every edit the window makes returns a `Change`. Applying it makes the touched rows look
like `after`; applying `change.reversed()` puts them back as they were. Because a
Change names rows by id and holds their whole contents, undo and redo never have to
know what kind of edit it was: a move, a paste, a whole series or a week copied.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy import delete
from sqlalchemy.orm import Session

from tradesman.domain.blocks import TimeBlock
from tradesman.domain.series import SeriesRecord
from tradesman.services.blocks import put_block
from tradesman.services.series import extend_one_series, put_record, to_series
from tradesman.store.schema import BlockRow, SeriesRow


@dataclass(frozen=True)
class Change:
    before_blocks: tuple[TimeBlock, ...] = ()
    after_blocks: tuple[TimeBlock, ...] = ()
    before_series: tuple[SeriesRecord, ...] = ()
    after_series: tuple[SeriesRecord, ...] = ()

    def reversed(self) -> Change:
        return Change(self.after_blocks, self.before_blocks, self.after_series, self.before_series)

    @property
    def is_empty(self) -> bool:
        return self.before_blocks == self.after_blocks and self.before_series == self.after_series


def _put_series(session: Session, record: SeriesRecord, kept_blocks: set[int | None]) -> None:
    """Store a series as `record` says, minding the blocks made since the change.

    Looking at later weeks makes a series' blocks further ahead than the change knew.
    If the series is the same as it is now, those blocks are still right and stay; if
    it differs (undoing a change to the whole series), they are made again to match.
    """
    series_id = record.series.id
    assert series_id is not None
    row = session.get(SeriesRow, series_id)
    made_since = row.made_through if row is not None else record.made_through
    if made_since <= record.made_through:
        put_record(session, record)
        return
    if row is not None and to_series(row) == record.series:
        put_record(session, replace(record, made_through=made_since))
        return
    put_record(session, record)
    session.execute(
        delete(BlockRow).where(
            BlockRow.series_id == series_id,
            BlockRow.day > record.made_through,
            BlockRow.id.not_in(kept_blocks),
        )
    )
    extend_one_series(session, series_id, made_since)


def apply_change(session: Session, change: Change) -> None:
    """Make the rows `change` touched look like its `after` side."""
    kept_blocks = {block.id for block in change.after_blocks}
    kept_series = {record.series.id for record in change.after_series}
    # Series first, so that blocks can point at them.
    for record in change.after_series:
        _put_series(session, record, kept_blocks)
    for block in change.before_blocks:
        if block.id not in kept_blocks:
            session.execute(delete(BlockRow).where(BlockRow.id == block.id))
    for block in change.after_blocks:
        put_block(session, block)
    for record in change.before_series:
        series_id = record.series.id
        if series_id not in kept_series:
            # Blocks still made by a series that goes away go with it; blocks the
            # change keeps (history) were detached above.
            session.execute(
                delete(BlockRow).where(
                    BlockRow.series_id == series_id, BlockRow.id.not_in(kept_blocks)
                )
            )
            session.execute(delete(SeriesRow).where(SeriesRow.id == series_id))
    session.flush()
