"""Time blocks: the owner's week, laid out in pieces of work of one area each."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum

from tradesman.domain.areas import Area
from tradesman.domain.purposes import Purpose


class BlockStatus(StrEnum):
    PLANNED = "planned"
    DONE = "done"
    SKIPPED = "skipped"


@dataclass(frozen=True)
class TimeBlock:
    """A stretch of one day given to one area.

    `start` and `end` are minutes since midnight (wall clock). `actual_minutes` is what
    a done block really took; when it is None a done block counts as planned.
    `id` is None until the block has been saved.
    """

    day: date
    start: int
    end: int
    area: Area
    title: str
    notes: str = ""
    status: BlockStatus = BlockStatus.PLANNED
    actual_minutes: int | None = None
    task_id: int | None = None
    series_id: int | None = None  # set while the block is an occurrence of a series
    id: int | None = None
    source_id: int | None = None  # a marketing block: the source of work it is for
    purpose: Purpose | None = None  # a marketing block: the ask it is, if one

    @property
    def length_minutes(self) -> int:
        """The planned length; wall-clock, so a DST change does not stretch it."""
        return self.end - self.start

    @property
    def counted_actual_minutes(self) -> int:
        """What counts as actually worked: only done blocks count."""
        if self.status is not BlockStatus.DONE:
            return 0
        return self.length_minutes if self.actual_minutes is None else self.actual_minutes

    def with_changes(self, **changes: object) -> TimeBlock:
        return replace(self, **changes)  # type: ignore[arg-type]
