"""Where things are on the week calendar: minutes to pixels, days to columns, blocks to boxes.

The canvas, the day header and the tests all use this one object, so a drag lands on
the day and time the user sees under the mouse.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QPointF, QRectF

from tradesman.domain.clock import MINUTES_PER_DAY
from tradesman.domain.layout import Placement
from tradesman.domain.weeks import Week

GUTTER = 56  # the hour labels on the left
BLOCK_GAP = 2  # pixels between side-by-side blocks and the column edges


@dataclass(frozen=True)
class WeekGeometry:
    week: Week
    width: float
    hour_height: float = 44.0

    @property
    def height(self) -> float:
        return 24 * self.hour_height

    @property
    def column_width(self) -> float:
        return max(1.0, (self.width - GUTTER) / 7)

    def column_left(self, index: int) -> float:
        return GUTTER + index * self.column_width

    def y_of(self, minute: float) -> float:
        return minute * self.hour_height / 60

    def minute_at(self, y: float) -> float:
        return max(0.0, min(float(MINUTES_PER_DAY), y * 60 / self.hour_height))

    def day_index_at(self, x: float) -> int:
        """The column under `x`, held to the week (a drag past the edge stays on it)."""
        return max(0, min(6, int((x - GUTTER) // self.column_width)))

    def day_at(self, x: float) -> date:
        return self.week.days[self.day_index_at(x)]

    def in_columns(self, point: QPointF) -> bool:
        return point.x() >= GUTTER

    def block_rect(self, placement: Placement) -> QRectF:
        block = placement.block
        index = (block.day - self.week.start).days
        usable = self.column_width - 2 * BLOCK_GAP
        column_left = self.column_left(index) + BLOCK_GAP
        left = column_left + placement.left * usable
        right = column_left + placement.right * usable
        if placement.right < 1:  # a gap before the block beside it
            right -= BLOCK_GAP
        top = self.y_of(block.start)
        height = max(6.0, self.y_of(block.end) - top - 1)
        return QRectF(left, top, max(1.0, right - left), height)

    def words_right(self, placement: Placement) -> float:
        """Where the block's words must stop: short of a block laid over its top."""
        index = (placement.block.day - self.week.start).days
        usable = self.column_width - 2 * BLOCK_GAP
        return self.column_left(index) + BLOCK_GAP + placement.words_end * usable

    def slot_rect(self, day: date, start: int, end: int) -> QRectF:
        """A box for a stretch of a day that is not (yet) a block: a new block, the cursor."""
        index = (day - self.week.start).days
        left = self.column_left(index) + BLOCK_GAP
        top = self.y_of(start)
        return QRectF(left, top, self.column_width - 2 * BLOCK_GAP, self.y_of(end) - top - 1)
