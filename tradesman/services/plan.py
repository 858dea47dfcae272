"""The doer-to-marketer plan's edits, and its hand-off list's (each a Change, for
undo), and the first plan proposed. What the Plan page and the PDF read of it is in
plan_view.py."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from tradesman.domain.plan import (
    LONGEST_WEEK_MINUTES,
    HandOff,
    Plan,
    check_plan,
)
from tradesman.domain.settings import Settings
from tradesman.domain.weeks import week_containing
from tradesman.errors import UserError
from tradesman.services.changes import Change, commit, rows
from tradesman.services.edited_tables import HAND_OFFS, PLAN
from tradesman.services.plan_baseline import baseline_of
from tradesman.services.plan_rows import get_plan
from tradesman.store import tables as stored
from tradesman.store.reads import dbapi_connection

if TYPE_CHECKING:
    from tradesman.store.reads import Db

NEW_PLAN_WEEKS = 26  # half a year: long enough to change habits, short enough to see


class PlanGone(UserError):
    """The plan or hand-off an edit was about is no longer there."""


def proposed_plan(session: Db, settings: Settings, today: date) -> Plan:
    """A first plan to start from: next week on, half a year, to the target in the
    settings, over the hours the owner has really worked lately (or their work days)."""
    start = week_containing(today, settings.week_start).next().start
    plan = Plan(
        start=start,
        weeks=NEW_PLAN_WEEKS,
        target_share=settings.target_business_share,
        capacity_minutes=min(
            max(60, (settings.day_end - settings.day_start) * len(settings.work_days)),
            LONGEST_WEEK_MINUTES,
        ),
    )
    baseline = baseline_of(dbapi_connection(session), plan, today)
    if baseline.weeks:
        average = baseline.recent.total_minutes / baseline.weeks
        hours = min(max(1, round(average / 60)), LONGEST_WEEK_MINUTES // 60)
        plan = plan.with_changes(capacity_minutes=hours * 60)
    return check_plan(plan)


# Edits: each returns the Change it made.
def save_plan(session: Db, plan: Plan) -> Change:
    before = get_plan(session)
    return commit(session, rows(PLAN, [] if before is None else [before], [plan]))


def remove_plan(session: Db) -> Change:
    """Put the plan away (its hand-off list and the calendar stay)."""
    before = get_plan(session)
    if before is None:
        raise PlanGone("There is no plan to remove.")
    return commit(session, rows(PLAN, [before]))


def add_hand_off(session: Db, hand_off: HandOff) -> Change:
    return commit(session, rows(HAND_OFFS, after=[hand_off.with_changes(id=None)]))


def change_hand_off(session: Db, hand_off: HandOff) -> Change:
    assert hand_off.id is not None
    return commit(session, rows(HAND_OFFS, [_existing_hand_off(session, hand_off.id)], [hand_off]))


def delete_hand_off(session: Db, hand_off_id: int) -> Change:
    return commit(session, rows(HAND_OFFS, [_existing_hand_off(session, hand_off_id)]))


def _existing_hand_off(session: Db, hand_off_id: int) -> HandOff:
    found = stored.HAND_OFFS.get(session, hand_off_id)
    if found is None:
        raise PlanGone("That hand-off is no longer on the list.")
    return found
