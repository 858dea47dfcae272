"""Blocks scrolled out of view on the week calendar: each day's blocks wholly above or
below the part shown, and the marker that says so at the edge ("05:15 Early post",
"3 earlier"); a click on it scrolls to them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QRectF

from tradesman.domain.blocks import TimeBlock
from tradesman.domain.clock import format_clock
from tradesman.domain.weeks import Week
from tradesman.ui.shared.literal import tooltip
from tradesman.ui.week.week_geometry import WeekGeometry


@dataclass(frozen=True)
class HiddenBlocks:
    """A day's blocks scrolled out of view above (or below) it, and their marker."""

    day: date
    above: bool
    blocks: list[TimeBlock]
    rect: QRectF

    def words(self) -> str:
        """'05:15 Early post' for one block, '3 earlier' / '2 later' for more."""
        if len(self.blocks) == 1:
            return f"{format_clock(self.blocks[0].start)} {self.blocks[0].title}"
        return f"{len(self.blocks)} {'earlier' if self.above else 'later'}"

    def tooltip(self) -> str:
        lines = [
            f"{format_clock(b.start)}–{format_clock(b.end)} {b.title}" for b in self.blocks[:12]
        ]
        if len(self.blocks) > 12:
            lines.append(f"and {len(self.blocks) - 12} more")
        lines.append("Click to scroll to them.")
        return tooltip("\n".join(lines))


def find_hidden_blocks(
    week: Week,
    blocks: list[TimeBlock],
    geometry: WeekGeometry,
    shown: QRectF,
    marker_height: float,
) -> list[HiddenBlocks]:
    """Each day's blocks wholly above or below `shown`, with where their marker goes."""
    found = []
    for index, day in enumerate(week.days):
        on_day = sorted((b for b in blocks if b.day == day), key=lambda b: b.start)
        above = [b for b in on_day if geometry.y_of(b.end) <= shown.top() + 1]
        below = [b for b in on_day if geometry.y_of(b.start) >= shown.bottom() - 1]
        for hidden, is_above in ((above, True), (below, False)):
            if hidden:
                rect = _marker_rect(geometry, shown, index, is_above, marker_height)
                found.append(HiddenBlocks(day, is_above, hidden, rect))
    return found


def _marker_rect(
    geometry: WeekGeometry, shown: QRectF, index: int, above: bool, height: float
) -> QRectF:
    left = geometry.column_left(index) + 4
    top = shown.top() + 2 if above else shown.bottom() - height - 2
    return QRectF(left, top, geometry.column_width - 8, height)
