"""Recurring tasks: "chase unpaid invoices every 2 weeks", "quarterly tax every 3 months",
"bookkeeping hour on the last Friday of the month".

A rule makes one open task per occurrence. The task appears a few days before it is
due (`lead_days`), so it shows up among "due this week". The rule remembers the next
occurrence it has not yet made (`next_due`); making a task and moving that pointer on
happen together, so each occurrence is made exactly once, whenever the app runs.

Catching up is bounded into the past (`CATCH_UP`): a rule whose next occurrence is far
back (first due in 1900, or the app closed for a season) makes its tasks from a recent
day on, not one for every day since.
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
# How far back a rule's tasks are made when it is behind: a year, as for the blocks of a
# series (BLOCKS_BACK in series.py). The owner back from months away still finds every
# weekly, monthly and yearly task missed meanwhile, overdue; older copies help nobody,
# and a daily rule first due in 1900 would make 46,000 of them (the window froze making
# them). The occurrences before are never made: `next_due` moves past them.
CATCH_UP = timedelta(days=366)
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
    customer_job: bool = True  # as for a task: its production tasks are customer jobs
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
            customer_job=self.customer_job,
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
    return occurrence_after(rule, _index_after(rule, after))


def _index_after(rule: TaskRule, after: date) -> int:
    """The number of the first occurrence strictly after `after`.

    Worked out from the calendar, then corrected by a step or two (months differ in
    length), never counted from occurrence 0: a rule first due in 1900 costs what one
    first due last week does.
    """
    first = rule.first_due
    if rule.every is Every.DAYS or rule.every is Every.WEEKS:
        step = rule.interval * (7 if rule.every is Every.WEEKS else 1)
        index = max(0, (after - first).days // step + 1)
    else:
        months = (after.year - first.year) * 12 + after.month - first.month
        index = max(0, months // rule.interval)
    # Occurrences only ever move forward, so the first one after `after` is found by
    # stepping back while the one before is still after it, then forward past it.
    while index > 0 and occurrence_after(rule, index - 1) > after:
        index -= 1
    while occurrence_after(rule, index) <= after:
        index += 1
    return index


def catch_up_start(rule: TaskRule, today: date) -> date | None:
    """The first occurrence whose task is still to be made: the rule's next one, or,
    when that is more than CATCH_UP before `today`, the first one since. None when the
    rule has ended (its end date passed before that)."""
    pending = rule.pending
    bound = today - CATCH_UP
    if pending is None or pending >= bound:
        return pending
    start = next_occurrence(rule, bound - timedelta(days=1))
    return None if rule.until is not None and start > rule.until else start


def late_start(rule: TaskRule, today: date) -> date | None:
    """The day a rule's tasks are made from, when that is later than its next
    occurrence (it was behind by more than CATCH_UP); None when nothing is left out, or
    nothing is made at all (it ended more than CATCH_UP ago)."""
    start = catch_up_start(rule, today)
    return start if start is not None and start != rule.pending else None


def due_to_make(rule: TaskRule, today: date, limit: int | None = None) -> list[date]:
    """The occurrences whose tasks should exist by `today` but have not been made, from
    the catch-up start on (`limit`: at most that many, the first ones).

    Each is found from the one before (one step along the calendar), so the work grows
    with the number of tasks made, not with the square of it.
    """
    made: list[date] = []
    due = catch_up_start(rule, today)
    if due is None:
        return made
    index = _index_after(rule, due)  # (the start may be a next_due off the rule's days)
    while (limit is None or len(made) < limit) and due - timedelta(days=rule.lead_days) <= today:
        if rule.until is not None and due > rule.until:
            break
        made.append(due)
        due = occurrence_after(rule, index)
        index += 1
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
