"""Every edit of tasks and recurring rules, each returning the Change it made (for undo)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from tradesman.domain.blocks import BlockStatus, TimeBlock
from tradesman.domain.clock import MINUTES_PER_DAY
from tradesman.domain.task_rules import TaskRule, due_to_make, first_occurrence, next_occurrence
from tradesman.domain.tasks import Task, TaskCard
from tradesman.services.changes import Change, commit, rows
from tradesman.services.edited_tables import BLOCKS, RULES, TASKS
from tradesman.services.task_cards import card_for
from tradesman.services.task_rules import get_rule
from tradesman.services.tasks import TaskGone, get_task
from tradesman.store import tables as stored
from tradesman.store.lookups import last_due_of_rule

if TYPE_CHECKING:
    from tradesman.store.reads import Db

DEFAULT_BLOCK_MINUTES = 60  # a task with no estimate left gets an hour on the calendar


def add_tasks(session: Db, tasks: Iterable[Task]) -> Change:
    return commit(session, rows(TASKS, after=[task.with_changes(id=None) for task in tasks]))


def change_task(session: Db, task: Task) -> Change:
    """Save changes to a task (its completed time is stamped when it is marked done)."""
    assert task.id is not None
    return commit(session, rows(TASKS, [_existing(session, task.id)], [task]))


def delete_task(session: Db, task_id: int, with_blocks: bool) -> Change:
    """Remove a task; its blocks go too, or stay on the calendar unlinked."""
    task = _existing(session, task_id)
    linked = _linked_blocks(session, task_id)
    kept = [] if with_blocks else [block.with_changes(task_id=None) for block in linked]
    return commit(session, rows(TASKS, [task]) + rows(BLOCKS, linked, kept))


def block_length(card: TaskCard) -> int:
    """How long a block booked for a task is: what is left of its estimate (an hour if
    it has none), in whole quarter hours, rounding up."""
    length = card.remaining_minutes or DEFAULT_BLOCK_MINUTES
    return -(-length // 15) * 15


def schedule_task(session: Db, task_id: int, day: date, start: int) -> Change:
    """A block on the calendar for a task: its title and area, as long as what is left
    of its estimate (an hour if it has none), ending by midnight."""
    card = card_for(session, task_id)
    if card is None:
        raise TaskGone("That task no longer exists.")
    length = block_length(card)
    start = max(0, min(start, MINUTES_PER_DAY - 15))
    end = min(MINUTES_PER_DAY, start + length)
    task = card.task
    # (A marketing task's source, and the ask it is, go with it onto the calendar.)
    block = TimeBlock(
        day, start, end, task.area, task.title,
        task_id=task.id, source_id=task.source_id, purpose=task.purpose,
    )  # fmt: skip
    return commit(session, rows(BLOCKS, after=[block]))


def skip_future_blocks(session: Db, task_id: int, today: date) -> Change:
    """Mark a finished task's blocks still planned from today on as skipped."""
    future = [
        block
        for block in _linked_blocks(session, task_id)
        if block.day >= today and block.status is BlockStatus.PLANNED
    ]
    skipped = [block.with_changes(status=BlockStatus.SKIPPED) for block in future]
    return commit(session, rows(BLOCKS, future, skipped))


def add_rule(session: Db, rule: TaskRule, today: date) -> Change:
    """A new recurring task; the tasks already due (within its lead days) are made now."""
    added = commit(session, rows(RULES, after=[rule.with_changes(id=None, next_due=None)]))
    return added.then(_make_due(session, added.after_rules[0], today))


def change_rule(session: Db, rule: TaskRule, today: date) -> Change:
    """Change a repeating task: what its next tasks will say, or how and when it repeats.

    The tasks already made stay as they are. When the repeat itself changed, the next
    task to make is the new rule's first occurrence after the last one made (or its
    first, if none was made yet), so nothing is made twice; any that are due within
    the rule's lead days are made now, in the same step.
    """
    assert rule.id is not None
    before = get_rule(session, rule.id)
    after = rule.with_changes(next_due=before.next_due)
    if _schedule(after) != _schedule(before):
        latest = last_due_of_rule(session, rule.id)
        fresh = after.with_changes(next_due=None)
        next_due = first_occurrence(fresh) if latest is None else next_occurrence(fresh, latest)
        after = fresh.with_changes(next_due=next_due)
    changed = commit(session, rows(RULES, [before], [after]))
    return changed.then(_make_due(session, changed.after_rules[0], today))


def _make_due(session: Db, rule: TaskRule, today: date) -> Change:
    """The tasks of `rule` due by `today` made (within its lead days), and the rule
    moved on past them."""
    days = due_to_make(rule, today)
    if not days:
        return Change()
    made = [rule.task_for(day) for day in days]
    moved = rule.with_changes(next_due=next_occurrence(rule, days[-1]))
    return commit(session, rows(RULES, [rule], [moved]) + rows(TASKS, after=made))


def _schedule(rule: TaskRule) -> tuple[object, ...]:
    return (rule.every, rule.interval, rule.first_due, rule.nth, rule.weekday)


def joined(first: Change, second: Change) -> Change:
    """Two edits of tasks and rules made one after the other, as one Change (one undo
    step)."""
    return first.then(second)


def end_rule(session: Db, rule_id: int) -> Change:
    """Stop a task recurring; the tasks it made stay, no longer linked to it."""
    rule = get_rule(session, rule_id)
    made = stored.TASKS.all(session, "rule_id = ?", (rule_id,))
    unlinked = [task.with_changes(rule_id=None) for task in made]
    return commit(session, rows(RULES, [rule]) + rows(TASKS, made, unlinked))


def _existing(session: Db, task_id: int) -> Task:
    task = get_task(session, task_id)
    if task is None:
        raise TaskGone("That task no longer exists.")
    return task


def _linked_blocks(session: Db, task_id: int) -> list[TimeBlock]:
    return stored.BLOCKS.all(session, "task_id = ?", (task_id,), order="day")
