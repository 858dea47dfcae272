"""Tasks: what must happen in each area, with a status and an optional due date."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from enum import StrEnum

from tradesman.domain.areas import Area
from tradesman.domain.purposes import Purpose

# The library's production tasks done in the owner's own shop, for no customer: a file or
# data folder from before `customer_job` existed counts these as not customer jobs.
OWN_SHOP_TITLES = frozenset({"Sharpen and service tools"})


def customer_job_by_default(area: Area, title: str) -> bool:
    """Whether a task that does not say is a customer job: production work is, unless it
    is one of the library's own-shop tasks."""
    return area is Area.PRODUCTION and title.strip() not in OWN_SHOP_TITLES


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
    # Work done for a customer: only such a production task, once done, is followed by
    # the marketing after the job (a review, a referral). Meaningless in other areas.
    customer_job: bool = True
    id: int | None = None
    source_id: int | None = None  # a marketing task: the source of work it is for
    lead_id: int | None = None  # the enquiry it follows up, or the job it was won as
    purpose: Purpose | None = None  # a marketing task: the ask it is, if one

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
