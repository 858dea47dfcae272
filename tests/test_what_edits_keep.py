"""Edits that remake rows keep what the owner put on them.

Making a block repeat, "only this one", making a series' later weeks, deleting a task
but keeping its blocks, copying a week, and a repeating task making (and being
reworded) all build new rows from old ones. Each test marks a row (done, its actual
time, its task, its notes, its estimate), makes the edit, and looks for the marks where
the owner would: a field the remake forgets shows up here, not in someone's week.
(Changing a whole series is in test_edits.py.)
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date

from tradesman.domain.areas import Area
from tradesman.domain.blocks import BlockStatus, TimeBlock
from tradesman.domain.series import Series, SeriesRecord
from tradesman.domain.task_rules import Every, TaskRule
from tradesman.domain.tasks import Task
from tradesman.domain.weeks import Week
from tradesman.services import edits, task_edits
from tradesman.services.blocks import blocks_between
from tradesman.services.changes import Change, apply_change
from tradesman.services.series import extend_series_through
from tradesman.store.database import Store
from tradesman.store.series_rows import all_records
from tradesman.store.tables import TASKS

TODAY = date(2026, 11, 25)  # a Wednesday
WEDNESDAYS = Series(
    "Quotes", Area.MARKETING, 7 * 60, 9 * 60, frozenset({2}), first_day=date(2026, 11, 4)
)


def snapshot(store: Store) -> tuple[list[TimeBlock], list[SeriesRecord]]:
    with store.reading() as session:
        blocks = list(blocks_between(session, date(2000, 1, 1), date(2100, 1, 1)))
        return blocks, list(all_records(session))


def edit(store: Store, make: Callable[[sqlite3.Connection], Change]) -> Change:
    with store.writing() as session:
        return make(session)


def undo_brings_back(
    store: Store, change: Change, before: tuple[list[TimeBlock], list[SeriesRecord]]
) -> None:
    after = snapshot(store)
    with store.writing() as session:
        apply_change(session, change.reversed())
    assert snapshot(store) == before
    with store.writing() as session:
        apply_change(session, change)
    assert snapshot(store) == after


def a_task(store: Store, title: str = "Quote – Okafor") -> int:
    change = edit(store, lambda s: task_edits.add_tasks(s, [Task(title, Area.MARKETING)]))
    task_id = change.after_tasks[0].id
    assert task_id is not None
    return task_id


def test_a_block_made_to_repeat_keeps_its_actual_time_and_task(store: Store) -> None:
    task_id = a_task(store)
    plain = TimeBlock(TODAY, 7 * 60, 9 * 60, Area.MARKETING, "Quotes", task_id=task_id)
    (saved,) = edit(store, lambda s: edits.add_blocks(s, [plain])).after_blocks
    done = saved.with_changes(status=BlockStatus.DONE, actual_minutes=135)
    edit(store, lambda s: edits.change_block(s, done))
    before = snapshot(store)
    # The dialog leaves the task out (it does not show one): the block's own stays.
    change = edit(
        store, lambda s: edits.repeat_block(s, done.with_changes(task_id=None), WEDNESDAYS, TODAY)
    )
    first = next(b for b in snapshot(store)[0] if b.day == TODAY)
    assert (first.id, first.status, first.actual_minutes, first.task_id) == (
        saved.id,
        BlockStatus.DONE,
        135,
        task_id,
    )
    assert first.series_id is not None
    undo_brings_back(store, change, before)


def test_only_this_one_keeps_everything_the_dialog_changed(store: Store) -> None:
    edit(store, lambda s: edits.add_series(s, WEDNESDAYS, TODAY))
    today = next(b for b in snapshot(store)[0] if b.day == TODAY)
    changed = today.with_changes(
        start=10 * 60, end=11 * 60, title="Quotes and invoices", notes="Bring the tablet",
        status=BlockStatus.DONE, actual_minutes=50,
    )  # fmt: skip
    before = snapshot(store)
    change = edit(store, lambda s: edits.change_occurrence(s, changed))
    moved = next(b for b in snapshot(store)[0] if b.id == today.id)
    assert moved == changed.with_changes(series_id=None)
    undo_brings_back(store, change, before)


def test_later_weeks_of_a_series_carry_its_notes_and_task(store: Store) -> None:
    task_id = a_task(store)
    series = WEDNESDAYS.with_changes(notes="Price list in the van", task_id=task_id)
    edit(store, lambda s: edits.add_series(s, series, TODAY))
    with store.writing() as session:
        extend_series_through(session, date(2029, 1, 1))
    later = [b for b in snapshot(store)[0] if b.day > date(2028, 1, 1)]
    assert later and all((b.notes, b.task_id) == ("Price list in the van", task_id) for b in later)


def test_deleting_a_task_but_keeping_its_blocks_keeps_them_as_marked(store: Store) -> None:
    task_id = a_task(store)
    block = TimeBlock(
        date(2026, 11, 23), 7 * 60, 12 * 60, Area.MARKETING, "Quote – Okafor",
        status=BlockStatus.DONE, actual_minutes=290, notes="Measured up", task_id=task_id,
    )  # fmt: skip
    (saved,) = edit(store, lambda s: edits.add_blocks(s, [block])).after_blocks
    before = snapshot(store)
    change = edit(store, lambda s: task_edits.delete_task(s, task_id, with_blocks=False))
    (kept,) = snapshot(store)[0]
    assert kept == saved.with_changes(task_id=None)
    undo_brings_back(store, change, before)


def test_a_copied_week_keeps_each_blocks_notes_and_task(store: Store) -> None:
    task_id = a_task(store)
    block = TimeBlock(
        date(2026, 11, 17), 7 * 60, 12 * 60, Area.PRODUCTION, "Kitchen – Patel",
        notes="Side gate", task_id=task_id, status=BlockStatus.DONE, actual_minutes=300,
    )  # fmt: skip
    edit(store, lambda s: edits.add_blocks(s, [block]))
    change = edit(
        store, lambda s: edits.copy_week_plan(s, Week(date(2026, 11, 16)), Week(date(2026, 11, 23)))
    )
    (copy,) = change.after_blocks
    assert (copy.day, copy.notes, copy.task_id, copy.status, copy.actual_minutes) == (
        date(2026, 11, 24),
        "Side gate",
        task_id,
        BlockStatus.PLANNED,
        None,
    )


def test_a_repeating_task_makes_tasks_with_its_estimate_and_notes(store: Store) -> None:
    rule = TaskRule(
        "Service the van", Area.PRODUCTION, Every.WEEKS, 1, first_due=TODAY,
        estimate_minutes=45, notes="Check the tyres", customer_job=False,
    )  # fmt: skip
    edit(store, lambda s: task_edits.add_rule(s, rule, TODAY))
    with store.reading() as session:
        made = [task for task in TASKS.all(session) if task.rule_id is not None]
    assert made and all(
        (task.title, task.estimate_minutes, task.notes, task.customer_job)
        == ("Service the van", 45, "Check the tyres", False)
        for task in made
    )


def test_changing_a_repeating_tasks_words_makes_no_task_twice(store: Store) -> None:
    """The task dialog has no box for the next due date: a rule handed back without one
    keeps where it had got to, so the tasks made already are not made again."""
    rule = TaskRule("Service the van", Area.PRODUCTION, Every.WEEKS, 1, first_due=TODAY)
    (saved,) = edit(store, lambda s: task_edits.add_rule(s, rule, TODAY)).after_rules
    with store.reading() as session:
        made = sorted(task.due for task in TASKS.all(session) if task.due is not None)
    assert made and saved.next_due is not None
    reworded = saved.with_changes(notes="Check the tyres", next_due=None)
    change = edit(store, lambda s: task_edits.change_rule(s, reworded, TODAY))
    with store.reading() as session:
        assert sorted(task.due for task in TASKS.all(session) if task.due is not None) == made
    assert change.after_rules[0].next_due == saved.next_due
