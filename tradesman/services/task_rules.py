"""Recurring task rules: storing them, and making their tasks exactly once each."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import select

from tradesman.domain.areas import Area
from tradesman.domain.task_rules import (
    Every,
    TaskRule,
    due_to_make,
    first_occurrence,
    next_occurrence,
)
from tradesman.domain.tasks import Task
from tradesman.domain.validation import check_task_rule
from tradesman.errors import UserError
from tradesman.services.tasks import add_task
from tradesman.store.schema import TaskRuleRow

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from tradesman.store.database import Store

# A long catch-up is saved in steps of this many tasks, each step one transaction that
# also moves its rules' `next_due` on: stopped half-way (the app closed, the power cut),
# what was made stays made and is never made again. Small enough that an edit made
# meanwhile waits a moment at most.
CATCH_UP_STEP = 200


class RuleGone(UserError):
    """The recurring rule was removed meanwhile."""


def to_rule(row: TaskRuleRow) -> TaskRule:
    return TaskRule(
        id=row.id,
        title=row.title,
        area=Area(row.area),
        every=Every(row.every),
        interval=row.interval,
        first_due=row.first_due,
        estimate_minutes=row.estimate_minutes,
        notes=row.notes,
        nth=row.nth,
        weekday=row.weekday,
        until=row.until,
        lead_days=row.lead_days,
        next_due=row.next_due,
        customer_job=row.customer_job,
    )


def rule_columns(rule: TaskRule) -> dict[str, object]:
    return {
        "title": rule.title,
        "area": rule.area.value,
        "every": rule.every.value,
        "interval": rule.interval,
        "first_due": rule.first_due,
        "estimate_minutes": rule.estimate_minutes,
        "notes": rule.notes,
        "nth": rule.nth,
        "weekday": rule.weekday,
        "until": rule.until,
        "lead_days": rule.lead_days,
        "next_due": rule.next_due or first_occurrence(rule),
        "customer_job": rule.customer_job,
    }


def get_rule(session: Session, rule_id: int) -> TaskRule:
    row = session.get(TaskRuleRow, rule_id)
    if row is None:
        raise RuleGone("That recurring task no longer exists.")
    return to_rule(row)


def all_rules(session: Session) -> list[TaskRule]:
    return [to_rule(row) for row in session.scalars(select(TaskRuleRow).order_by(TaskRuleRow.id))]


def rules_to_come(session: Session) -> list[TaskRule]:
    """The repeating tasks that will still make a task, the soonest next one first (the
    Repeating list: where a rule is seen before, and between, the tasks it makes)."""
    going = [rule for rule in all_rules(session) if rule.pending is not None]
    return sorted(going, key=lambda rule: (rule.pending or date.max, rule.id or 0))


def put_rule(session: Session, rule: TaskRule) -> TaskRule:
    """Store `rule` exactly under its id (insert or overwrite); a new rule gets an id."""
    checked = check_task_rule(rule)
    row = session.get(TaskRuleRow, rule.id) if rule.id is not None else None
    if row is None:
        row = TaskRuleRow() if rule.id is None else TaskRuleRow(id=rule.id)
        session.add(row)
    for name, value in rule_columns(checked).items():
        setattr(row, name, value)
    session.flush()
    return to_rule(row)


def make_due_tasks(
    session: Session,
    today: date,
    now: datetime | None = None,
    rule_id: int | None = None,
    limit: int | None = None,
) -> list[Task]:
    """Make every recurring task that has come due by `today` (of one rule, if given;
    at most `limit` of them, if given: the rest the next time); returns the new tasks.

    Runs in the caller's write transaction: the tasks and each rule's moved-on
    `next_due` are saved together or not at all, so no occurrence is made twice, after
    any number of restarts, and none is skipped (none within CATCH_UP of today: see
    domain/task_rules.py).
    """
    moment = now or datetime.now(UTC)
    made: list[Task] = []
    query = select(TaskRuleRow).order_by(TaskRuleRow.id)
    if rule_id is not None:
        query = query.where(TaskRuleRow.id == rule_id)
    for row in session.scalars(query).all():
        left = None if limit is None else limit - len(made)
        if left == 0:
            break
        rule = to_rule(row)
        days = due_to_make(rule, today, left)
        if not days:
            continue
        made += [add_task(session, rule.task_for(day), moment) for day in days]
        row.next_due = next_occurrence(rule, days[-1])
    session.flush()
    return made


def catch_up_tasks(
    store: Store,
    today: date,
    keep_going: Callable[[], bool] = lambda: True,
    step: int = CATCH_UP_STEP,
) -> int:
    """Make every recurring task that has come due, `step` at a time, each step saved
    on its own; returns how many were made. Stops between steps once `keep_going()`
    says no (the window closing): the rest are made the next time."""
    total = 0
    while keep_going():
        with store.writing() as session:
            made = len(make_due_tasks(session, today, limit=step))
        total += made
        if made < step:
            break
    return total
