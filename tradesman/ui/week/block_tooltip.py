"""A block's tooltip on the week calendar: the block in full, as typed."""

from __future__ import annotations

from tradesman.domain.blocks import TimeBlock
from tradesman.domain.clock import format_clock, format_hours
from tradesman.ui.shared.literal import tooltip


def tooltip_text(block: TimeBlock) -> str:
    """The block in full: its whole title (as typed, never read as markup), area,
    times, status, and the start of its notes."""
    lines = [
        block.title,
        f"{block.area.label}, {format_clock(block.start)}–{format_clock(block.end)} "
        f"({format_hours(block.length_minutes)}), {block.status.value}",
    ]
    if block.actual_minutes is not None:
        lines.append(f"Actually took {format_hours(block.actual_minutes)}")
    if block.series_id is not None:
        lines.append("Repeats")
    if block.notes:
        lines.append(block.notes[:300])
    return tooltip("\n".join(lines))
