"""A drag on the week calendar: what the press grabbed (a block, one of its edges, or an
empty slot to draw a new block in) and where the block would go if let go now.

Plain state and arithmetic in minutes and days; the canvas feeds it the mouse and
draws its preview, and nothing is saved until the mouse is let go.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum

from PySide6.QtCore import QPointF

from tradesman.domain.blocks import TimeBlock
from tradesman.domain.clock import MINUTES_PER_DAY, SNAP_MINUTES, snap, snap_shift
from tradesman.domain.planning import moved, resized

EDGE = 5  # pixels at a block's top and bottom that grab the edge instead of the block


class DragKind(Enum):
    MOVE = "move"
    TOP = "top"
    BOTTOM = "bottom"
    CREATE = "create"


def slot_start(minute: float) -> int:
    """Where a block put at `minute` starts: the nearest quarter hour at or before it,
    so the block is under the mouse, and a quarter hour before midnight at the latest."""
    return min(snap(minute - SNAP_MINUTES / 2), MINUTES_PER_DAY - SNAP_MINUTES)


@dataclass
class Drag:
    kind: DragKind
    press: QPointF
    press_minute: float
    press_day: date
    block: TimeBlock | None = None  # the block as it was (move and resize)
    preview: TimeBlock | None = None
    create_end: int = 0
    active: bool = False  # past the start-drag distance

    def follow(self, day: date, minute: float) -> None:
        """The mouse is over `day` at `minute`: the new block's end, or the block's preview."""
        if self.kind is DragKind.CREATE:
            self.create_end = snap(minute)
        elif self.block is not None:
            block = self.block
            shift = snap_shift(minute - self.press_minute)
            if self.kind is DragKind.MOVE:
                self.preview = moved(block, day, block.start + shift)
            elif self.kind is DragKind.TOP:  # the top edge stops a quarter hour above the end
                self.preview = resized(
                    block, min(snap(minute), block.end - SNAP_MINUTES), block.end
                )
            else:  # and the bottom edge a quarter hour below the start
                self.preview = resized(
                    block, block.start, max(snap(minute), block.start + SNAP_MINUTES)
                )

    def create_span(self) -> tuple[int, int]:
        """The new block's start and end: the press and the mouse, a quarter hour at least."""
        pressed = snap(self.press_minute - SNAP_MINUTES / 2)
        current = self.create_end
        start, end = min(pressed, current), max(pressed, current)
        if end - start < SNAP_MINUTES:
            end = start + SNAP_MINUTES
        if end > MINUTES_PER_DAY:
            start, end = MINUTES_PER_DAY - SNAP_MINUTES, MINUTES_PER_DAY
        return start, end
