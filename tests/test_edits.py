"""Edits as Changes: each one undoes and redoes exactly, series included."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import TYPE_CHECKING

from tradesman.domain.areas import Area
from tradesman.domain.blocks import BlockStatus, TimeBlock
from tradesman.domain.series import Series, SeriesRecord
from tradesman.domain.weeks import Week
from tradesman.services import edits
from tradesman.services.blocks import blocks_between, blocks_in_week
from tradesman.services.changes import Change, apply_change
from tradesman.services.series import extend_series_through
from tradesman.store.database import Store
from tradesman.store.series_rows import all_records

if TYPE_CHECKING:
    import sqlite3

TODAY = date(2026, 11, 25)  # Wednesday of week 48
WEEK = Week(date(2026, 11, 23))
TUESDAY_MARKETING = Series(
    "Marketing hour", Area.MARKETING, 7 * 60, 9 * 60, frozenset({1}), first_day=date(2026, 11, 3)
)


def snapshot(store: Store) -> tuple[list[TimeBlock], list[SeriesRecord]]:
    with store.reading() as session:
        return list(blocks_between(session, date(2000, 1, 1), date(2100, 1, 1))), all_records(
            session
        )


def edit(store: Store, make: Callable[[sqlite3.Connection], Change]) -> Change:
    with store.writing() as session:
        return make(session)


def undo_redo_round_trip(store: Store, change: Change, before: object, after: object) -> None:
    with store.writing() as session:
        apply_change(session, change.reversed())
    assert snapshot(store) == before
    with store.writing() as session:
        apply_change(session, change)
    assert snapshot(store) == after


def kitchen(day: date = date(2026, 11, 24)) -> TimeBlock:
    return TimeBlock(day, 7 * 60, 12 * 60, Area.PRODUCTION, "Kitchen – Patel")


def test_add_change_delete_each_undo_exactly(store: Store) -> None:
    empty = snapshot(store)
    added = edit(store, lambda s: edits.add_blocks(s, [kitchen(), kitchen(date(2026, 11, 25))]))
    after_add = snapshot(store)
    assert len(after_add[0]) == 2
    undo_redo_round_trip(store, added, empty, after_add)

    first = added.after_blocks[0]
    moved = edit(
        store, lambda s: edits.change_block(s, first.with_changes(start=8 * 60, end=13 * 60))
    )
    after_move = snapshot(store)
    undo_redo_round_trip(store, moved, after_add, after_move)

    first_id = first.id
    assert first_id is not None
    removed = edit(store, lambda s: edits.delete_blocks(s, [first_id]))
    undo_redo_round_trip(store, removed, after_move, snapshot(store))


def test_a_series_makes_a_year_of_tuesdays_and_undoes_whole(store: Store) -> None:
    empty = snapshot(store)
    change = edit(store, lambda s: edits.add_series(s, TUESDAY_MARKETING, TODAY))
    blocks, records = snapshot(store)
    assert blocks[0].day == date(2026, 11, 3) and all(b.day.weekday() == 1 for b in blocks)
    assert blocks[-1].day <= TODAY + timedelta(days=366) < blocks[-1].day + timedelta(days=7)
    assert len(records) == 1 and all(b.series_id == records[0].series.id for b in blocks)
    undo_redo_round_trip(store, change, empty, (blocks, records))


def test_later_weeks_are_made_when_looked_at(store: Store) -> None:
    edit(store, lambda s: edits.add_series(s, TUESDAY_MARKETING.with_changes(every_weeks=2), TODAY))
    far = Week(date(2029, 6, 4))
    with store.writing() as session:
        assert extend_series_through(session, far.next().end) > 0
        assert extend_series_through(session, far.next().end) == 0  # made once only
    with store.reading() as session:
        found = blocks_in_week(session, far) or blocks_in_week(session, far.next())
    assert len(found) == 1 and found[0].day.weekday() == 1


def series_blocks(store: Store) -> list[TimeBlock]:
    return [b for b in snapshot(store)[0] if b.series_id is not None]


def test_only_this_one_leaves_the_series_and_its_day_empty(store: Store) -> None:
    edit(store, lambda s: edits.add_series(s, TUESDAY_MARKETING, TODAY))
    before = snapshot(store)
    next_tuesday = next(b for b in before[0] if b.day == date(2026, 12, 1))
    change = edit(
        store,
        lambda s: edits.change_occurrence(s, next_tuesday.with_changes(start=10 * 60, end=12 * 60)),
    )
    after = snapshot(store)
    moved = next(b for b in after[0] if b.id == next_tuesday.id)
    assert (moved.series_id, moved.start) == (None, 600)
    assert date(2026, 12, 1) in after[1][0].skipped
    undo_redo_round_trip(store, change, before, after)
    with store.writing() as session:  # making later weeks does not refill the day
        extend_series_through(session, date(2030, 1, 1))
    assert [b.series_id for b in snapshot(store)[0] if b.day == date(2026, 12, 1)] == [None]


def test_undo_keeps_blocks_made_later_when_the_series_is_unchanged(store: Store) -> None:
    edit(store, lambda s: edits.add_series(s, TUESDAY_MARKETING, TODAY))
    next_tuesday = next(b for b in series_blocks(store) if b.day == date(2026, 12, 1))
    tuesday_id = next_tuesday.id
    assert tuesday_id is not None
    change = edit(store, lambda s: edits.delete_occurrence(s, tuesday_id))
    with store.writing() as session:
        extend_series_through(session, date(2030, 1, 1))
    extended = snapshot(store)
    with store.writing() as session:
        apply_change(session, change.reversed())
    blocks, records = snapshot(store)
    assert records[0].made_through == date(2030, 1, 1) and not records[0].skipped
    assert blocks == sorted([*extended[0], next_tuesday], key=lambda b: (b.day, b.start, b.id))


def test_changing_the_whole_series_moves_today_on_and_keeps_the_past(store: Store) -> None:
    edit(store, lambda s: edits.add_series(s, TUESDAY_MARKETING, TODAY))
    past = next(b for b in series_blocks(store) if b.day == date(2026, 11, 24))
    edit(store, lambda s: edits.change_block(s, past.with_changes(status=BlockStatus.DONE)))
    before = snapshot(store)
    record = before[1][0]
    change = edit(
        store,
        lambda s: edits.change_series(
            s, record.series.with_changes(start=8 * 60, end=10 * 60, weekdays=frozenset({3})), TODAY
        ),
    )
    after = series_blocks(store)
    past_ones = [b for b in after if b.day < TODAY]
    future_ones = [b for b in after if b.day >= TODAY]
    assert all(b.start == 7 * 60 and b.day.weekday() == 1 for b in past_ones)
    assert next(b for b in past_ones if b.day == date(2026, 11, 24)).status is BlockStatus.DONE
    assert future_ones[0].day == date(2026, 11, 26) and all(
        b.start == 8 * 60 and b.day.weekday() == 3 for b in future_ones
    )
    undo_redo_round_trip(store, change, before, snapshot(store))


def test_ending_a_series_keeps_its_history(store: Store) -> None:
    edit(store, lambda s: edits.add_series(s, TUESDAY_MARKETING, TODAY))
    before = snapshot(store)
    series_id = before[1][0].series.id
    assert series_id is not None
    change = edit(store, lambda s: edits.end_series(s, series_id, TODAY))
    blocks, records = snapshot(store)
    assert records == []
    assert [b.day for b in blocks] == [
        date(2026, 11, 3),
        date(2026, 11, 10),
        date(2026, 11, 17),
        date(2026, 11, 24),
    ]
    assert all(b.series_id is None for b in blocks)
    undo_redo_round_trip(store, change, before, (blocks, records))


def test_undoing_a_new_series_also_removes_blocks_made_later(store: Store) -> None:
    empty = snapshot(store)
    change = edit(store, lambda s: edits.add_series(s, TUESDAY_MARKETING, TODAY))
    with store.writing() as session:
        extend_series_through(session, date(2031, 1, 1))
    with store.writing() as session:
        apply_change(session, change.reversed())
    assert snapshot(store) == empty


def test_copying_last_weeks_plan_leaves_series_and_statuses_behind(store: Store) -> None:
    edit(store, lambda s: edits.add_series(s, TUESDAY_MARKETING, TODAY))
    last_week = WEEK.previous()
    done = kitchen(date(2026, 11, 17)).with_changes(status=BlockStatus.DONE, actual_minutes=320)
    edit(store, lambda s: edits.add_blocks(s, [done]))
    before = snapshot(store)
    change = edit(store, lambda s: edits.copy_week_plan(s, last_week, WEEK))
    (copy,) = change.after_blocks
    assert (copy.day, copy.status, copy.actual_minutes, copy.title) == (
        date(2026, 11, 24),
        BlockStatus.PLANNED,
        None,
        "Kitchen – Patel",
    )
    undo_redo_round_trip(store, change, before, snapshot(store))


def test_undoing_a_whole_series_change_remakes_later_weeks_to_match(store: Store) -> None:
    edit(store, lambda s: edits.add_series(s, TUESDAY_MARKETING, TODAY))
    record = snapshot(store)[1][0]
    change = edit(
        store,
        lambda s: edits.change_series(
            s, record.series.with_changes(start=8 * 60, end=10 * 60), TODAY
        ),
    )
    with store.writing() as session:
        extend_series_through(session, date(2030, 1, 1))  # made with the new times
    with store.writing() as session:
        apply_change(session, change.reversed())
    blocks = series_blocks(store)
    assert blocks[-1].day > date(2029, 12, 20)
    assert {b.start for b in blocks} == {7 * 60}
    assert len({b.day for b in blocks}) == len(blocks)  # no day twice


def test_changing_the_whole_series_keeps_what_was_marked_on_its_days(store: Store) -> None:
    """A block of the series already marked done (today's, or a later one marked ahead)
    or skipped stays so when the whole series moves: only its time changes."""
    edit(
        store,
        lambda s: edits.add_series(
            s, TUESDAY_MARKETING.with_changes(weekdays=frozenset({1, 2})), TODAY
        ),
    )
    marks = {
        TODAY: (BlockStatus.DONE, 100),
        date(2026, 12, 1): (BlockStatus.DONE, 95),
        date(2026, 12, 8): (BlockStatus.SKIPPED, None),
    }
    for day, (status, actual) in marks.items():
        block = next(b for b in series_blocks(store) if b.day == day)
        marked = block.with_changes(status=status, actual_minutes=actual)
        with store.writing() as session:
            edits.change_block(session, marked)
    before = snapshot(store)
    ids = {b.day: b.id for b in before[0] if b.day in marks}
    change = edit(
        store,
        lambda s: edits.change_series(
            s, before[1][0].series.with_changes(start=8 * 60, end=10 * 60), TODAY
        ),
    )
    after = {b.day: b for b in series_blocks(store)}
    for day, (status, actual) in marks.items():
        assert (after[day].id, after[day].status, after[day].actual_minutes) == (
            ids[day],
            status,
            actual,
        ), day
        assert (after[day].start, after[day].end) == (8 * 60, 10 * 60)
    assert after[date(2026, 12, 2)].status is BlockStatus.PLANNED
    undo_redo_round_trip(store, change, before, snapshot(store))


def test_an_edited_block_is_held_in_its_change_as_stored(store: Store) -> None:
    """The Change holds the title trimmed, as saved: redo then stores what was saved,
    and the change says what the owner will see."""
    (saved,) = edit(store, lambda s: edits.add_blocks(s, [kitchen()])).after_blocks
    changed = edit(store, lambda s: edits.change_block(s, saved.with_changes(title="  Tiling  ")))
    assert changed.after_blocks == (saved.with_changes(title="Tiling"),)
    assert snapshot(store)[0] == [saved.with_changes(title="Tiling")]
    assert changed.reversed().before_blocks == changed.after_blocks
    assert changed.days() == [saved.day]
