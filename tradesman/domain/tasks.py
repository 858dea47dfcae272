"""Tasks: what must happen in each area, with a status and an optional due date."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from enum import StrEnum

from tradesman.domain.areas import Area


class TaskStatus(StrEnum):
    OPEN = "open"
    DOING = "doing"
    DONE = "done"


@dataclass(frozen=True)
class Task:
    """Something to get done in one area. Times are timezone-aware (UTC when stored)."""

    title: str
    area: Area
    status: TaskStatus = TaskStatus.OPEN
    due: date | None = None
    estimate_minutes: int | None = None
    notes: str = ""
    created: datetime | None = None
    completed: datetime | None = None
    rule_id: int | None = None  # the recurring rule that made it, if any
    id: int | None = None

    def with_changes(self, **changes: object) -> Task:
        return replace(self, **changes)  # type: ignore[arg-type]

    @property
    def is_open(self) -> bool:
        return self.status is not TaskStatus.DONE


@dataclass(frozen=True)
class TaskCard:
    """A task with what the calendar says about it: hours booked in blocks, and done."""

    task: Task
    booked_minutes: int = 0  # every linked block that is not skipped
    done_minutes: int = 0  # what linked done blocks really took
    future_blocks: int = 0  # linked blocks still planned from today on

    @property
    def remaining_minutes(self) -> int | None:
        """What is left of the estimate to book on the calendar (None: no estimate)."""
        estimate = self.task.estimate_minutes
        return None if estimate is None else max(0, estimate - self.booked_minutes)


def due_state(task: Task, today: date, week_end: date) -> str:
    """'overdue', 'this week' or '' (for cards to stand out)."""
    if task.due is None or not task.is_open:
        return ""
    if task.due < today:
        return "overdue"
    if task.due <= week_end:
        return "this week"
    return ""
