"""Reading a run of days' blocks with plain SQL, without SQLAlchemy.

Used for every week shown (fast) and at start-up before SQLAlchemy is loaded; the
services' `blocks_between` runs the same read inside a Session's transaction.
"""

from __future__ import annotations

import sqlite3
from datetime import date

from tradesman.domain.areas import Area
from tradesman.domain.blocks import BlockStatus, TimeBlock
from tradesman.store.reads import block_values_between


def blocks_from(db: sqlite3.Connection, first: date, last: date) -> list[TimeBlock]:
    """The blocks from `first` to `last` (both included), in the order of the days."""
    return [
        TimeBlock(
            id=row_id,
            day=date.fromisoformat(day),
            start=start,
            end=end,
            area=Area(area),
            title=title,
            notes=notes,
            status=BlockStatus(status),
            actual_minutes=actual,
            task_id=task_id,
            series_id=series_id,
        )
        for row_id, day, start, end, area, title, notes, status, actual, task_id, series_id in (
            block_values_between(db, first, last)
        )
    ]
