"""Finding room on the calendar: the first gap in a working day long enough for a task.

Used to suggest where "Schedule…" books a task, so booking needs no mouse drag and the
owner mostly just says yes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from tradesman.domain.blocks import BlockStatus, TimeBlock

STEP = 15  # suggestions start on the quarter hour, as blocks dropped on the calendar do


def quarter_after(minute: int) -> int:
    """`minute` rounded up to the quarter hour."""
    return -(-minute // STEP) * STEP


def next_free_slot(
    blocks: Iterable[TimeBlock],
    days: Sequence[date],
    day_start: int,
    day_end: int,
    length: int,
    earliest: tuple[date, int],
) -> tuple[date, int] | None:
    """The first (day, start minute) from `earliest` on, among `days` (the working days,
    in order), where `length` minutes fit between `day_start` and `day_end` without
    touching a block. Skipped blocks leave their time free. None when nothing fits."""
    busy: dict[date, list[tuple[int, int]]] = {}
    for block in blocks:
        if block.status is not BlockStatus.SKIPPED:
            busy.setdefault(block.day, []).append((block.start, block.end))
    first_day, first_minute = earliest
    for day in days:
        if day < first_day:
            continue
        start = quarter_after(max(day_start, first_minute if day == first_day else 0))
        for block_start, block_end in sorted(busy.get(day, [])):
            if block_end <= start:
                continue
            if block_start - start >= length:
                break
            start = quarter_after(max(start, block_end))
        if start + length <= day_end:
            return day, start
    return None
