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
    id: int | None = None

    def with_changes(self, **changes: object) -> Task:
        return replace(self, **changes)  # type: ignore[arg-type]
