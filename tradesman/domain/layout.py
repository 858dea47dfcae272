"""Where blocks sit in a day column when they overlap, and how long they overlap.

Laid out as the good calendars do, so a long job stays readable whatever lands on it:

- A block alone takes the day's whole width.
- A block that starts at least `NEST_AFTER` minutes after the blocks it overlaps is laid
  *over* them, shifted right by `INDENT` of the width: the blocks under it keep their
  full width (and their title, which is at their top, above the later block). A 9-hour
  job with a 1-hour visit at 10:00 is full width all day; only that hour shows the
  visit over its right-hand side.
- Blocks that start within `NEST_AFTER` of one another would hide each other's title,
  so they share the width side by side, in columns; a block then also takes any
  columns to its right that nothing beside it uses (as FullCalendar does).

The window and the printed week both draw from these shares of the width, so the
paper shows what the screen shows.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from tradesman.domain.blocks import TimeBlock

NEST_AFTER = 30  # minutes: a block starting this much later is laid over, not beside
INDENT = 0.25  # of the width left free at each level a block is laid over another


@dataclass(frozen=True)
class Placement:
    """A block's place across its day: from `left` to `right` as shares of the width
    (0 is the left edge, 1 the right), and how many blocks deep it lies over others
    (0: on the day itself). Blocks are drawn in the order given, the deeper on top."""

    block: TimeBlock
    left: float
    right: float
    depth: int = 0

    @property
    def full_width(self) -> bool:
        return self.left == 0.0 and self.right == 1.0


@dataclass
class _Group:
    """Blocks that start close together and so sit side by side, `depth` levels deep."""

    depth: int
    members: list[tuple[TimeBlock, int]] = field(default_factory=list)  # block, column
    column_ends: list[int] = field(default_factory=list)  # where each column is free again

    def add(self, block: TimeBlock) -> None:
        free = [i for i, end in enumerate(self.column_ends) if end <= block.start]
        if free:
            column = free[0]
            self.column_ends[column] = block.end
        else:
            column = len(self.column_ends)
            self.column_ends.append(block.end)
        self.members.append((block, column))

    def placements(self) -> list[Placement]:
        band_left = 1 - (1 - INDENT) ** self.depth
        columns = len(self.column_ends)
        share = (1 - band_left) / columns
        placed = []
        for block, column in self.members:
            span = 1  # and the columns to its right that nothing beside it uses
            while column + span < columns and not any(
                other_column == column + span and _overlap(block, other)
                for other, other_column in self.members
            ):
                span += 1
            left = band_left + column * share
            right = 1.0 if column + span == columns else band_left + (column + span) * share
            placed.append(Placement(block, left, right, self.depth))
        return placed


def _overlap(a: TimeBlock, b: TimeBlock) -> bool:
    return a.start < b.end and b.start < a.end


def place_blocks(blocks: Iterable[TimeBlock]) -> list[Placement]:
    """Each day's blocks placed across the day, in drawing order (deeper ones last)."""
    by_day: dict[date, list[TimeBlock]] = {}
    for block in blocks:
        by_day.setdefault(block.day, []).append(block)
    placements: list[Placement] = []
    for day_blocks in by_day.values():
        # The longer first at a tie, so the long job lies under the short visit.
        day_blocks.sort(key=lambda b: (b.start, -b.end, b.id or 0))
        groups: list[_Group] = []
        placed: list[tuple[TimeBlock, _Group]] = []
        for block in day_blocks:
            running = [(b, g) for b, g in placed if b.end > block.start and b.end > b.start]
            close = [g for b, g in running if block.start - b.start < NEST_AFTER]
            if close:  # its title would hide theirs: beside them
                group = max(close, key=lambda g: g.depth)
            else:  # alone (depth 0), or laid over the blocks still running
                group = _Group(1 + max((g.depth for _, g in running), default=-1))
                groups.append(group)
            group.add(block)
            placed.append((block, group))
        day_placements = [p for group in groups for p in group.placements()]
        day_placements.sort(key=lambda p: (p.depth, p.block.start, -p.block.end))
        placements += day_placements
    return placements


def overlap_minutes(blocks: Iterable[TimeBlock]) -> int:
    """Minutes of the week when two or more blocks run at once (each such minute once)."""
    total = 0
    by_day: dict[date, list[tuple[int, int]]] = {}
    for block in blocks:
        by_day.setdefault(block.day, []).extend(((block.start, 1), (block.end, -1)))
    for edges in by_day.values():
        edges.sort(key=lambda edge: (edge[0], edge[1]))  # ends before starts at a tie
        running, since = 0, 0
        for minute, step in edges:
            if running >= 2:
                total += minute - since
            running += step
            since = minute
    return total
