"""Adding, changing, removing and listing tasks."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from tradesman.domain.areas import Area
from tradesman.domain.tasks import Task, TaskStatus
from tradesman.domain.validation import check_task
from tradesman.errors import UserError
from tradesman.store.schema import TaskRow


class TaskGone(UserError):
    """The task was removed meanwhile."""


def to_task(row: TaskRow) -> Task:
    return Task(
        id=row.id,
        title=row.title,
        area=Area(row.area),
        status=TaskStatus(row.status),
        due=row.due,
        estimate_minutes=row.estimate_minutes,
        notes=row.notes,
        created=row.created,
        completed=row.completed,
        rule_id=row.rule_id,
        customer_job=row.customer_job,
    )


def task_columns(task: Task, now: datetime) -> dict[str, object]:
    """The task as column values; a task marked done gets its completed time now.

    Times are kept to the second, so what is returned is exactly what was stored.
    """
    completed = task.completed
    if task.status is TaskStatus.DONE and completed is None:
        completed = now
    if task.status is not TaskStatus.DONE:
        completed = None
    return {
        "title": task.title,
        "area": task.area.value,
        "status": task.status.value,
        "due": task.due,
        "estimate_minutes": task.estimate_minutes,
        "notes": task.notes,
        "created": _to_the_second(task.created or now),
        "completed": None if completed is None else _to_the_second(completed),
        "rule_id": task.rule_id,
        "customer_job": task.customer_job,
    }


def add_task(session: Session, task: Task, now: datetime | None = None) -> Task:
    checked = check_task(task)
    row = TaskRow(**task_columns(checked, now or datetime.now(UTC)))
    if task.id is not None:
        row.id = task.id  # undoing a delete brings the task back under its own id
    session.add(row)
    session.flush()
    return to_task(row)


def put_task(session: Session, task: Task, now: datetime | None = None) -> Task:
    """Store `task` exactly under its id, whether or not its row exists now (undo, redo)."""
    assert task.id is not None
    checked = check_task(task)
    row = session.get(TaskRow, task.id)
    if row is None:
        row = TaskRow(id=task.id)
        session.add(row)
    for name, value in task_columns(checked, now or datetime.now(UTC)).items():
        setattr(row, name, value)
    session.flush()
    return to_task(row)


def get_task(session: Session, task_id: int) -> Task | None:
    row = session.get(TaskRow, task_id)
    return None if row is None else to_task(row)


def delete_task(session: Session, task_id: int) -> Task:
    """Remove a task; its blocks stay on the calendar, no longer linked."""
    row = session.get(TaskRow, task_id)
    if row is None:
        raise TaskGone("That task no longer exists.")
    removed = to_task(row)
    session.delete(row)
    session.flush()
    return removed


def all_tasks(session: Session) -> Sequence[Task]:
    return [to_task(row) for row in session.scalars(select(TaskRow).order_by(TaskRow.id))]


def _to_the_second(moment: datetime) -> datetime:
    return moment.replace(microsecond=0)
