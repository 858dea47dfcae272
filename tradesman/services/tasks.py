"""Storing and finding tasks."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tradesman.store.reads import Db

from datetime import UTC, datetime

from tradesman.domain.tasks import Task, TaskStatus
from tradesman.domain.validation import check_task
from tradesman.errors import UserError
from tradesman.services.lead_rows import check_source_link
from tradesman.store.tables import TASKS


class TaskGone(UserError):
    """The task was removed meanwhile."""


def stamped(task: Task, now: datetime) -> Task:
    """The task as it is stored: one marked done gets its completed time now, one not
    done has none, and times are kept to the second (so what is returned is exactly
    what was stored)."""
    completed = task.completed
    if task.status is TaskStatus.DONE and completed is None:
        completed = now
    if task.status is not TaskStatus.DONE:
        completed = None
    return task.with_changes(
        created=_to_the_second(task.created or now),
        completed=None if completed is None else _to_the_second(completed),
    )


def checked_task(session: Db, task: Task, now: datetime | None = None) -> Task:
    """`task` as it is stored, or InvalidInput saying what is wrong."""
    checked = stamped(check_task(task), now or datetime.now(UTC))
    check_source_link(session, checked.source_id)
    return checked


def add_task(session: Db, task: Task, now: datetime | None = None) -> Task:
    """Check and store a task (a new one when it has no id); returns it as stored."""
    return TASKS.put(session, checked_task(session, task, now))


def get_task(session: Db, task_id: int) -> Task | None:
    return TASKS.get(session, task_id)


def _to_the_second(moment: datetime) -> datetime:
    return moment.replace(microsecond=0)
