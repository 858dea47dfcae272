"""Every edit of tasks and recurring rules, each returning the Change it made (for undo)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING, TypeVar

from sqlalchemy import select

from tradesman.domain.blocks import BlockStatus, TimeBlock
from tradesman.domain.clock import MINUTES_PER_DAY
from tradesman.domain.task_rules import TaskRule, first_occurrence, next_occurrence
from tradesman.domain.tasks import Task, TaskCard
from tradesman.services.blocks import to_block
from tradesman.services.changes import Change, commit
from tradesman.services.task_cards import card_for
from tradesman.services.task_rules import get_rule, make_due_tasks, put_rule
from tradesman.services.tasks import TaskGone, get_task, to_task
from tradesman.store.schema import BlockRow, TaskRow

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

_Row = TypeVar("_Row", Task, TaskRule)

DEFAULT_BLOCK_MINUTES = 60  # a task with no estimate left gets an hour on the calendar


def add_tasks(session: Session, tasks: Iterable[Task]) -> Change:
    return commit(session, after_tasks=[task.with_changes(id=None) for task in tasks])


def change_task(session: Session, task: Task) -> Change:
    """Save changes to a task (its completed time is stamped when it is marked done)."""
    assert task.id is not None
    return commit(session, before_tasks=[_existing(session, task.id)], after_tasks=[task])


def delete_task(session: Session, task_id: int, with_blocks: bool) -> Change:
    """Remove a task; its blocks go too, or stay on the calendar unlinked."""
    task = _existing(session, task_id)
    linked = _linked_blocks(session, task_id)
    kept = [] if with_blocks else [block.with_changes(task_id=None) for block in linked]
    return commit(session, before_tasks=[task], before_blocks=linked, after_blocks=kept)


def block_length(card: TaskCard) -> int:
    """How long a block booked for a task is: what is left of its estimate (an hour if
    it has none), in whole quarter hours, rounding up."""
    length = card.remaining_minutes or DEFAULT_BLOCK_MINUTES
    return -(-length // 15) * 15


def schedule_task(session: Session, task_id: int, day: date, start: int) -> Change:
    """A block on the calendar for a task: its title and area, as long as what is left
    of its estimate (an hour if it has none), ending by midnight."""
    card = card_for(session, task_id)
    if card is None:
        raise TaskGone("That task no longer exists.")
    length = block_length(card)
    start = max(0, min(start, MINUTES_PER_DAY - 15))
    end = min(MINUTES_PER_DAY, start + length)
    task = card.task
    block = TimeBlock(day, start, end, task.area, task.title, task_id=task.id)
    return commit(session, after_blocks=[block])


def skip_future_blocks(session: Session, task_id: int, today: date) -> Change:
    """Mark a finished task's blocks still planned from today on as skipped."""
    future = [
        block
        for block in _linked_blocks(session, task_id)
        if block.day >= today and block.status is BlockStatus.PLANNED
    ]
    skipped = [block.with_changes(status=BlockStatus.SKIPPED) for block in future]
    return commit(session, before_blocks=future, after_blocks=skipped)


def add_rule(session: Session, rule: TaskRule, today: date) -> Change:
    """A new recurring task; the tasks already due (within its lead days) are made now."""
    saved = put_rule(session, rule.with_changes(id=None, next_due=None))
    made = make_due_tasks(session, today, rule_id=saved.id)
    return Change(after_rules=(get_rule(session, saved.id or 0),), after_tasks=tuple(made))


def change_rule(session: Session, rule: TaskRule, today: date) -> Change:
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
        made = session.scalars(
            select(TaskRow.due).where(TaskRow.rule_id == rule.id, TaskRow.due.is_not(None))
        ).all()
        latest = max((due for due in made if due is not None), default=None)
        fresh = after.with_changes(next_due=None)
        next_due = first_occurrence(fresh) if latest is None else next_occurrence(fresh, latest)
        after = fresh.with_changes(next_due=next_due)
    commit(session, before_rules=[before], after_rules=[after])
    made_now = make_due_tasks(session, today, rule_id=rule.id)
    return Change(
        before_rules=(before,),
        after_rules=(get_rule(session, rule.id),),
        after_tasks=tuple(made_now),
    )


def _schedule(rule: TaskRule) -> tuple[object, ...]:
    return (rule.every, rule.interval, rule.first_due, rule.nth, rule.weekday)


def joined(first: Change, second: Change) -> Change:
    """Two edits of tasks and rules made one after the other, as one Change (one undo
    step): each row as it was before the first touched it, and as the last left it."""

    assert not (first.before_blocks or first.after_blocks or second.before_blocks)
    assert not (second.after_blocks or first.before_series or second.before_series)
    return Change(
        before_tasks=_first_before(first.before_tasks, first.after_tasks, second.before_tasks),
        after_tasks=_last_after(first.after_tasks, second.before_tasks, second.after_tasks),
        before_rules=_first_before(first.before_rules, first.after_rules, second.before_rules),
        after_rules=_last_after(first.after_rules, second.before_rules, second.after_rules),
    )


def _first_before(
    before: Sequence[_Row], after: Sequence[_Row], then: Sequence[_Row]
) -> tuple[_Row, ...]:
    """Rows as they were: the first edit's, then the second's that the first never touched."""
    known = {row.id for row in before} | {row.id for row in after}
    return tuple(before) + tuple(row for row in then if row.id not in known)


def _last_after(
    after: Sequence[_Row], then_before: Sequence[_Row], then_after: Sequence[_Row]
) -> tuple[_Row, ...]:
    """Rows as they end: the second edit's, and the first's that the second left alone."""
    touched = {row.id for row in then_before} | {row.id for row in then_after}
    return tuple(row for row in after if row.id not in touched) + tuple(then_after)


def end_rule(session: Session, rule_id: int) -> Change:
    """Stop a task recurring; the tasks it made stay, no longer linked to it."""
    rule = get_rule(session, rule_id)
    rows = session.scalars(select(TaskRow).where(TaskRow.rule_id == rule_id))
    made = [to_task(row) for row in rows]
    unlinked = [task.with_changes(rule_id=None) for task in made]
    return commit(session, before_rules=[rule], before_tasks=made, after_tasks=unlinked)


def _existing(session: Session, task_id: int) -> Task:
    task = get_task(session, task_id)
    if task is None:
        raise TaskGone("That task no longer exists.")
    return task


def _linked_blocks(session: Session, task_id: int) -> list[TimeBlock]:
    rows = session.scalars(
        select(BlockRow).where(BlockRow.task_id == task_id).order_by(BlockRow.day)
    )
    return [to_block(row) for row in rows]
