"""The owner's settings, declared in one place with their defaults."""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum

from tradesman.domain.clock import parse_clock


class WeekStart(StrEnum):
    MONDAY = "monday"
    SUNDAY = "sunday"


class AfterJob(StrEnum):
    """What happens when a production task is marked done: offer the follow-up
    marketing tasks, add them without asking, or do nothing."""

    ASK = "ask"
    AUTOMATIC = "automatic"
    OFF = "off"


# Python's weekday numbers (Monday is 0), as written in settings and in files.
WEEKDAY_NAMES: tuple[str, ...] = (
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
)


@dataclass(frozen=True)
class Settings:
    """Everything the owner can set. Times are minutes since midnight."""

    business_name: str = ""
    owner_name: str = ""
    work_days: frozenset[int] = frozenset({0, 1, 2, 3, 4})
    day_start: int = parse_clock("07:00")
    day_end: int = parse_clock("18:00")
    week_start: WeekStart = WeekStart.MONDAY
    # The share of the week the owner wants to spend running the business (0-1).
    target_business_share: float = 0.4
    after_job: AfterJob = AfterJob.ASK

    def with_changes(self, **changes: object) -> Settings:
        return replace(self, **changes)  # type: ignore[arg-type]
