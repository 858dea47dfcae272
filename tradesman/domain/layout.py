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
- But a short block at the start of a long one (a visit at 08:00 on the day of a job
  from 08:00 to 17:00) is laid over the right half of it instead, and the long one's
  title keeps the left half (`text_right`): side by side, the job would be half width
  all day for the sake of one hour.

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
OUTLASTED = 60  # minutes: a block starting with one that runs this much longer lies over it
HALF = 0.5  # of the width the long one's title keeps then


@dataclass(frozen=True)
class Placement:
    """A block's place across its day: from `left` to `right` as shares of the width
    (0 is the left edge, 1 the right), and how many blocks deep it lies over others
    (0: on the day itself). Blocks are drawn in the order given, the deeper on top.
    The block's own words stop at `text_right` when a block lies over its top."""

    block: TimeBlock
    left: float
    right: float
    depth: int = 0
    text_right: float | None = None  # None: at `right`

    @property
    def words_end(self) -> float:
        return self.right if self.text_right is None else min(self.right, self.text_right)

    @property
    def full_width(self) -> bool:
        return self.left == 0.0 and self.right == 1.0


@dataclass
class _Group:
    """Blocks that start close together and so sit side by side, `depth` levels deep,
    from `band_left` to the right edge."""

    depth: int
    band_left: float
    members: list[tuple[TimeBlock, int]] = field(default_factory=list)  # block, column
    column_ends: list[int] = field(default_factory=list)  # where each column is free again
    text_stops: dict[int, float] = field(default_factory=dict)  # member index: text_right

    def add(self, block: TimeBlock) -> int:
        free = [i for i, end in enumerate(self.column_ends) if end <= block.start]
        if free:
            column = free[0]
            self.column_ends[column] = block.end
        else:
            column = len(self.column_ends)
            self.column_ends.append(block.end)
        self.members.append((block, column))
        return len(self.members) - 1

    def placements(self) -> list[Placement]:
        band_left = self.band_left
        columns = len(self.column_ends)
        share = (1 - band_left) / columns
        placed = []
        for index, (block, column) in enumerate(self.members):
            span = 1  # and the columns to its right that nothing beside it uses
            while column + span < columns and not any(
                other_column == column + span and _overlap(block, other)
                for other, other_column in self.members
            ):
                span += 1
            left = band_left + column * share
            right = 1.0 if column + span == columns else band_left + (column + span) * share
            text_right = self.text_stops.get(index)
            placed.append(Placement(block, left, right, self.depth, text_right))
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
        placed: list[tuple[TimeBlock, _Group, int]] = []  # block, its group, its index there
        for block in day_blocks:
            running = [p for p in placed if p[0].end > block.start and p[0].end > p[0].start]
            close = [p for p in running if block.start - p[0].start < NEST_AFTER]
            outlasted = bool(close) and all(b.end - block.end >= OUTLASTED for b, _, _ in close)
            if close and not outlasted:  # its title would hide theirs: beside them
                group = max((g for _, g, _ in close), key=lambda g: g.depth)
            elif not running:  # alone
                group = _Group(0, 0.0)
                groups.append(group)
            else:  # laid over the blocks still running, indented from the deepest
                under = max(running, key=lambda p: p[1].band_left)[1]
                indent = HALF if outlasted else INDENT
                band_left = under.band_left + indent * (1 - under.band_left)
                group = _Group(1 + max(g.depth for _, g, _ in running), band_left)
                groups.append(group)
                for _, long_group, index in close:  # their titles keep the room left
                    stop = long_group.text_stops.get(index, 1.0)
                    long_group.text_stops[index] = min(stop, band_left)
            placed.append((block, group, group.add(block)))
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
