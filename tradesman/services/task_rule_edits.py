"""Edits that change a task and its repeating rule in one go, as the task dialog
saves them: one undo step, one Change."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from tradesman.domain.task_rules import TaskRule
from tradesman.domain.tasks import Task
from tradesman.services.changes import Change
from tradesman.services.task_edits import change_rule, change_task, end_rule, joined

if TYPE_CHECKING:
    from tradesman.store.reads import Db


def change_task_and_rule(
    session: Db, old: Task, new: Task, rule_id: int, rule: TaskRule | None, today: date
) -> Change:
    """The task saved as `new` (if it changed from `old`), and its rule `rule_id` changed
    to `rule` — or ended, when `rule` is None (the owner stopped the repeating)."""
    first = change_task(session, new) if new != old else Change()
    if rule is None:
        return joined(first, end_rule(session, rule_id))
    return joined(first, change_rule(session, rule, today))
