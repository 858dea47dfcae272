"""Recurring task rules: storing them, and making their tasks exactly once each."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from tradesman.domain.task_rules import (
    TaskRule,
    due_to_make,
    first_occurrence,
    next_occurrence,
)
from tradesman.domain.tasks import Task
from tradesman.domain.validation import check_task_rule
from tradesman.errors import UserError
from tradesman.services.tasks import add_task
from tradesman.store.tables import TASK_RULES

if TYPE_CHECKING:
    from tradesman.store.database import Store
    from tradesman.store.reads import Db

# A long catch-up is saved in steps of this many tasks, each step one transaction that
# also moves its rules' `next_due` on: stopped half-way (the app closed, the power cut),
# what was made stays made and is never made again. Small enough that an edit made
# meanwhile waits a moment at most.
CATCH_UP_STEP = 200


class RuleGone(UserError):
    """The recurring rule was removed meanwhile."""


def prepared_rule(rule: TaskRule) -> TaskRule:
    """`rule` as it is stored (a new one's next task due on its first occurrence), or
    InvalidInput saying what is wrong."""
    checked = check_task_rule(rule)
    return checked.with_changes(next_due=checked.next_due or first_occurrence(checked))


def get_rule(session: Db, rule_id: int) -> TaskRule:
    rule = TASK_RULES.get(session, rule_id)
    if rule is None:
        raise RuleGone("That recurring task no longer exists.")
    return rule


def all_rules(session: Db) -> list[TaskRule]:
    return TASK_RULES.all(session)


def rules_to_come(session: Db) -> list[TaskRule]:
    """The repeating tasks that will still make a task, the soonest next one first (the
    Repeating list: where a rule is seen before, and between, the tasks it makes)."""
    going = [rule for rule in all_rules(session) if rule.pending is not None]
    return sorted(going, key=lambda rule: (rule.pending or date.max, rule.id or 0))


def make_due_tasks(
    session: Db,
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
    rules = (
        TASK_RULES.all(session)
        if rule_id is None
        else TASK_RULES.all(session, "id = ?", (rule_id,))
    )
    for rule in rules:
        left = None if limit is None else limit - len(made)
        if left == 0:
            break
        days = due_to_make(rule, today, left)
        if not days:
            continue
        made += [add_task(session, rule.task_for(day), moment) for day in days]
        TASK_RULES.write(session, rule.with_changes(next_due=next_occurrence(rule, days[-1])))
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
