"""Recurring tasks: "chase unpaid invoices every 2 weeks", "quarterly tax every 3 months",
"bookkeeping hour on the last Friday of the month".

A rule makes one open task per occurrence. The task appears a few days before it is
due (`lead_days`), so it shows up among "due this week". The rule remembers the next
occurrence it has not yet made (`next_due`); making a task and moving that pointer on
happen together, so each occurrence is made exactly once, whenever the app runs.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import StrEnum

from tradesman.domain.areas import Area
from tradesman.domain.tasks import Task
from tradesman.domain.weeks import DAY_NAMES

LEAD_DAYS = 7  # a task made by a rule appears this many days before it is due
_ORDINALS = {1: "first", 2: "second", 3: "third", 4: "fourth", -1: "last"}


class Every(StrEnum):
    DAYS = "days"
    WEEKS = "weeks"
    MONTHS = "months"
    WEEKDAY_OF_MONTH = "weekday_of_month"  # the n-th (or last) weekday, every N months


@dataclass(frozen=True)
class TaskRule:
    """What a recurring task looks like, and when it falls due."""

    title: str
    area: Area
    every: Every
    interval: int  # every `interval` days / weeks / months
    first_due: date
    estimate_minutes: int | None = None
    notes: str = ""
    nth: int = 1  # for WEEKDAY_OF_MONTH: 1 to 4, or -1 for the last
    weekday: int = 0  # for WEEKDAY_OF_MONTH: Monday is 0
    until: date | None = None
    lead_days: int = LEAD_DAYS
    next_due: date | None = None  # the next occurrence not yet made; None = first_due
    id: int | None = None

    def with_changes(self, **changes: object) -> TaskRule:
        return replace(self, **changes)  # type: ignore[arg-type]

    @property
    def pending(self) -> date | None:
        """The next occurrence still to be made, or None when the rule has ended."""
        due = self.next_due or first_occurrence(self)
        return None if self.until is not None and due > self.until else due

    def task_for(self, due: date) -> Task:
        return Task(
            title=self.title,
            area=self.area,
            due=due,
            estimate_minutes=self.estimate_minutes,
            notes=self.notes,
            rule_id=self.id,
        )

    def describe(self) -> str:
        """'Every 2 weeks', 'Every month on the last Friday'."""
        unit = {Every.DAYS: "day", Every.WEEKS: "week", Every.MONTHS: "month"}.get(self.every)
        if unit is not None:
            return f"Every {unit}" if self.interval == 1 else f"Every {self.interval} {unit}s"
        months = "month" if self.interval == 1 else f"{self.interval} months"
        return f"Every {months} on the {_ORDINALS[self.nth]} {DAY_NAMES[self.weekday]}"


def occurrence_after(rule: TaskRule, index: int) -> date:
    """The due date of occurrence number `index` (0 is the first)."""
    first = rule.first_due
    if rule.every is Every.DAYS:
        return first + timedelta(days=index * rule.interval)
    if rule.every is Every.WEEKS:
        return first + timedelta(weeks=index * rule.interval)
    year, month = _add_months(first.year, first.month, index * rule.interval)
    if rule.every is Every.MONTHS:
        # The 31st falls on the 30th in April and on the 28th or 29th in February, and
        # is back on the 31st in May: each month is counted from the first due date.
        last = calendar.monthrange(year, month)[1]
        return date(year, month, min(first.day, last))
    return weekday_of_month(year, month, rule.weekday, rule.nth)


def first_occurrence(rule: TaskRule) -> date:
    """The first occurrence on or after `first_due` ("the last Friday" of the first
    month may come before the day the rule was started; then it is the next month's)."""
    return next_occurrence(rule, rule.first_due - timedelta(days=1))


def next_occurrence(rule: TaskRule, after: date) -> date:
    """The first occurrence strictly after `after`."""
    index = 0
    while (due := occurrence_after(rule, index)) <= after:
        index += 1
    return due


def due_to_make(rule: TaskRule, today: date) -> list[date]:
    """The occurrences whose tasks should exist by `today` but have not been made."""
    made: list[date] = []
    due = rule.pending
    while due is not None and due - timedelta(days=rule.lead_days) <= today:
        made.append(due)
        due = next_occurrence(rule, due)
        if rule.until is not None and due > rule.until:
            due = None
    return made


def weekday_of_month(year: int, month: int, weekday: int, nth: int) -> date:
    """The `nth` `weekday` of a month (nth -1 is the last one)."""
    days = [
        day
        for day in range(1, calendar.monthrange(year, month)[1] + 1)
        if date(year, month, day).weekday() == weekday
    ]
    return date(year, month, days[-1] if nth == -1 else days[nth - 1])


def _add_months(year: int, month: int, months: int) -> tuple[int, int]:
    total = year * 12 + (month - 1) + months
    return total // 12, total % 12 + 1
