"""Every edit of tasks and recurring rules, each returning the Change it made (for undo)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import select

from tradesman.domain.blocks import BlockStatus, TimeBlock
from tradesman.domain.clock import MINUTES_PER_DAY
from tradesman.domain.task_rules import TaskRule
from tradesman.domain.tasks import Task, TaskCard
from tradesman.services.blocks import to_block
from tradesman.services.changes import Change, commit
from tradesman.services.task_cards import card_for
from tradesman.services.task_rules import get_rule, make_due_tasks, put_rule
from tradesman.services.tasks import TaskGone, get_task, to_task
from tradesman.store.schema import BlockRow, TaskRow

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

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
