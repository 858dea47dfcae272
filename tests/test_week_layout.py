"""How overlapping blocks share a day: full width where a block is alone, side by side
only where blocks start together, and never a long job squeezed to a sliver."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from tradesman.domain.areas import Area
from tradesman.domain.blocks import TimeBlock
from tradesman.domain.layout import Placement, place_blocks

DAY = date(2026, 11, 24)


def made(start: float, end: float, title: str, block_id: int = 0) -> TimeBlock:
    return TimeBlock(
        DAY, int(start * 60), int(end * 60), Area.PRODUCTION, title, id=block_id or None
    )


def by_title(placements: list[Placement]) -> dict[str, Placement]:
    return {p.block.title: p for p in placements}


def test_a_long_job_keeps_the_full_width_when_a_visit_lands_on_it() -> None:
    placed = by_title(place_blocks([made(8, 17, "Oakwood kitchen"), made(10, 11, "Visit")]))
    job, visit = placed["Oakwood kitchen"], placed["Visit"]
    assert (job.left, job.right) == (0.0, 1.0)
    # The visit lies over the job's right-hand side, drawn after it (on top), and
    # leaves a strip of the job showing beside it.
    assert visit.depth == 1 and visit.right == 1.0 and 0.2 <= visit.left <= 0.4


def test_a_block_alone_takes_the_full_width_even_next_to_an_overlap() -> None:
    placed = by_title(place_blocks([made(8, 9, "A"), made(8, 9.5, "B"), made(10, 12, "Alone")]))
    assert placed["Alone"].full_width
    assert placed["A"].right <= placed["B"].left or placed["B"].right <= placed["A"].left


def test_blocks_starting_together_sit_side_by_side() -> None:
    placed = by_title(place_blocks([made(9, 10, "Call"), made(9.25, 11, "Quote")]))
    call, quote = placed["Call"], placed["Quote"]
    assert call.depth == quote.depth == 0
    assert (call.left, call.right) == (0.0, 0.5) and (quote.left, quote.right) == (0.5, 1.0)


def test_a_block_takes_the_free_columns_to_its_right() -> None:
    # A, B and C start within minutes: three columns. D starts as B ends, takes B's
    # column, and C's column too, as C is over by then.
    placed = by_title(
        place_blocks(
            [made(9, 10, "A"), made(9, 9 + 1 / 3, "B"), made(9 + 1 / 12, 9.25, "C"),
             made(9 + 1 / 3, 9 + 2 / 3, "D")]
        )
    )  # fmt: skip
    assert placed["A"].left == 0.0 and placed["C"].left == 2 / 3
    assert (placed["D"].left, placed["D"].right) == (1 / 3, 1.0)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 95), st.integers(1, 40)), min_size=1, max_size=12))
def test_blocks_side_by_side_never_cover_each_other(spans: list[tuple[int, int]]) -> None:
    """Two blocks at the same depth that run at once never share any width; every
    block has a width of its own, and a block alone is full width."""
    blocks = [
        TimeBlock(DAY, s * 15, min(24 * 60, (s + n) * 15), Area.SALES, f"b{i}", id=i + 1)
        for i, (s, n) in enumerate(spans)
    ]
    placements = place_blocks(blocks)
    assert sorted(p.block.id or 0 for p in placements) == list(range(1, len(blocks) + 1))
    for p in placements:
        assert 0.0 <= p.left < p.right <= 1.0
        alone = not any(
            q is not p and q.block.start < p.block.end and p.block.start < q.block.end
            for q in placements
        )
        if alone:
            assert p.full_width
        for q in placements:
            if q is p or q.depth != p.depth:
                continue
            runs_at_once = q.block.start < p.block.end and p.block.start < q.block.end
            starts_together = abs(q.block.start - p.block.start) < 30
            if runs_at_once and starts_together:
                assert p.right <= q.left + 1e-9 or q.right <= p.left + 1e-9
    # Drawing order: nothing is drawn over a block laid over it.
    depths = [p.depth for p in placements if p.block.day == DAY]
    assert depths == sorted(depths)


def test_a_visit_at_the_start_of_a_long_job_leaves_the_job_full_width() -> None:
    placed = by_title(place_blocks([made(8, 17, "Oakwood kitchen"), made(8, 9, "Visit")]))
    job, visit = placed["Oakwood kitchen"], placed["Visit"]
    assert job.full_width and job.words_end == 0.5  # its title keeps the left half
    assert (visit.left, visit.right, visit.depth) == (0.5, 1.0, 1)


def test_two_blocks_of_about_the_same_length_starting_together_share_the_width() -> None:
    placed = by_title(place_blocks([made(8, 10, "Job"), made(8, 9.5, "Visit")]))
    assert (placed["Job"].left, placed["Job"].right) == (0.0, 0.5)
    assert (placed["Visit"].left, placed["Visit"].right) == (0.5, 1.0)
    assert placed["Job"].words_end == 0.5
