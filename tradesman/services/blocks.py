"""Adding, changing, removing and finding time blocks."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from tradesman.domain.areas import Area
from tradesman.domain.blocks import BlockStatus, TimeBlock
from tradesman.domain.validation import InvalidInput, check_block
from tradesman.domain.weeks import Week
from tradesman.errors import UserError
from tradesman.services.block_reads import blocks_from
from tradesman.store.reads import dbapi_connection
from tradesman.store.schema import BlockRow, TaskRow

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


class BlockGone(UserError):
    """The block was removed meanwhile (another window, an import)."""


def to_block(row: BlockRow) -> TimeBlock:
    return TimeBlock(
        id=row.id,
        day=row.day,
        start=row.start_minute,
        end=row.end_minute,
        area=Area(row.area),
        title=row.title,
        notes=row.notes,
        status=BlockStatus(row.status),
        actual_minutes=row.actual_minutes,
        task_id=row.task_id,
        series_id=row.series_id,
    )


def block_columns(block: TimeBlock) -> dict[str, object]:
    """The block as column values, for inserts and updates."""
    return {
        "day": block.day,
        "start_minute": block.start,
        "end_minute": block.end,
        "area": block.area.value,
        "title": block.title,
        "notes": block.notes,
        "status": block.status.value,
        "actual_minutes": block.actual_minutes,
        "task_id": block.task_id,
        "series_id": block.series_id,
    }


def add_block(session: Session, block: TimeBlock) -> TimeBlock:
    """Check and save a new block; returns it with its id."""
    checked = _checked(session, block)
    row = BlockRow(**block_columns(checked))
    if block.id is not None:
        row.id = block.id  # undoing a delete puts the block back under its own id
    session.add(row)
    session.flush()
    return to_block(row)


def put_block(session: Session, block: TimeBlock) -> TimeBlock:
    """Store `block` exactly under its id, whether or not a row with that id exists now.

    This is how undo and redo put blocks back; the block is checked like any other.
    """
    assert block.id is not None
    checked = _checked(session, block)
    row = session.get(BlockRow, block.id)
    if row is None:
        row = BlockRow(id=block.id)
        session.add(row)
    for name, value in block_columns(checked).items():
        setattr(row, name, value)
    session.flush()
    return to_block(row)


def get_block(session: Session, block_id: int) -> TimeBlock | None:
    row = session.get(BlockRow, block_id)
    return None if row is None else to_block(row)


def blocks_between(session: Session, first: date, last: date) -> Sequence[TimeBlock]:
    """Blocks from `first` to `last` (both included), in the order of the day."""
    return blocks_from(dbapi_connection(session), first, last)


def blocks_in_week(session: Session, week: Week) -> Sequence[TimeBlock]:
    return blocks_between(session, week.start, week.end)


def _checked(session: Session, block: TimeBlock) -> TimeBlock:
    checked = check_block(block)
    if checked.task_id is not None and session.get(TaskRow, checked.task_id) is None:
        raise InvalidInput("task", "The task this block was linked to no longer exists.")
    return checked
