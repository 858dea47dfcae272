"""Checking and finding time blocks."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from tradesman.domain.blocks import TimeBlock
from tradesman.domain.validation import InvalidInput, check_block
from tradesman.domain.weeks import Week
from tradesman.errors import UserError
from tradesman.services.lead_rows import check_source_link
from tradesman.store.reads import blocks_from, dbapi_connection
from tradesman.store.tables import BLOCKS, TASKS

if TYPE_CHECKING:
    from tradesman.store.reads import Db


class BlockGone(UserError):
    """The block was removed meanwhile (another window, an import)."""


def get_block(session: Db, block_id: int) -> TimeBlock | None:
    return BLOCKS.get(session, block_id)


def blocks_between(session: Db, first: date, last: date) -> Sequence[TimeBlock]:
    """Blocks from `first` to `last` (both included), in the order of the day."""
    return blocks_from(dbapi_connection(session), first, last)


def blocks_in_week(session: Db, week: Week) -> Sequence[TimeBlock]:
    return blocks_between(session, week.start, week.end)


def checked_block(session: Db, block: TimeBlock) -> TimeBlock:
    """`block` as it is stored (its text trimmed), or InvalidInput saying what is wrong."""
    checked = check_block(block)
    if checked.task_id is not None and not TASKS.exists(session, checked.task_id):
        raise InvalidInput("task", "The task this block was linked to no longer exists.")
    check_source_link(session, checked.source_id)
    return checked
