"""Where blocks sit in a day column: overlapping blocks side by side, and how long they overlap."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from tradesman.domain.blocks import TimeBlock


@dataclass(frozen=True)
class Placement:
    """Block `lane` of `lanes` side-by-side lanes in its group of overlapping blocks."""

    block: TimeBlock
    lane: int
    lanes: int


def place_blocks(blocks: Iterable[TimeBlock]) -> list[Placement]:
    """Lay out each day's blocks so that overlapping ones sit side by side.

    Blocks are grouped into runs that overlap one another (directly or through a
    chain); each block takes the first lane free at its start, and every block of a
    run shares the run's number of lanes, so widths line up.
    """
    by_day: dict[date, list[TimeBlock]] = {}
    for block in blocks:
        by_day.setdefault(block.day, []).append(block)
    placements: list[Placement] = []
    for day_blocks in by_day.values():
        day_blocks.sort(key=lambda b: (b.start, -b.end, b.id or 0))
        run: list[tuple[TimeBlock, int]] = []
        lane_ends: list[int] = []  # where the last block in each lane ends
        for block in day_blocks:
            if run and block.start >= max(lane_ends):  # nothing still running: a new run
                placements += _close_run(run, len(lane_ends))
                run, lane_ends = [], []
            free = [lane for lane, end in enumerate(lane_ends) if end <= block.start]
            if free:
                lane = free[0]
                lane_ends[lane] = block.end
            else:
                lane = len(lane_ends)
                lane_ends.append(block.end)
            run.append((block, lane))
        placements += _close_run(run, len(lane_ends))
    return placements


def _close_run(run: Sequence[tuple[TimeBlock, int]], lanes: int) -> list[Placement]:
    return [Placement(block, lane, lanes) for block, lane in run]


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
