"""The doer-to-marketer plan: what the Plan page, the plan PDF and the charts read,
and the edits of the plan and its hand-off list (each a Change, for undo)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import select, union

from tradesman.domain.areas import Area
from tradesman.domain.leads import Lead
from tradesman.domain.plan import (
    LONGEST_WEEK_MINUTES,
    HandOff,
    Plan,
    RampWeek,
    Repeating,
    WeekProgress,
    check_plan,
    progress,
    ramp,
)
from tradesman.domain.series import Series
from tradesman.domain.settings import Settings, WeekStart
from tradesman.domain.weeks import Week, week_containing
from tradesman.domain.work_weeks import WorkWeek, work_by_week
from tradesman.errors import UserError
from tradesman.reports.sheets import work_in
from tradesman.services.allocation import business_trend_over
from tradesman.services.changes import Change, commit, rows
from tradesman.services.edited_tables import HAND_OFFS, PLAN
from tradesman.services.plan_baseline import Baseline, baseline_of, week_start_of
from tradesman.services.plan_rows import all_hand_offs, get_plan
from tradesman.services.series import all_records
from tradesman.store import tables as stored
from tradesman.store.reads import dbapi_connection, repeating_work
from tradesman.store.schema import LeadRow

if TYPE_CHECKING:
    import sqlite3

    from sqlalchemy.orm import Session

SUGGESTION_WEEKS = 8  # the weeks looked at for work that repeats
SUGGESTIONS = 8  # the most suggestions shown
NEW_PLAN_WEEKS = 26  # half a year: long enough to change habits, short enough to see


class PlanGone(UserError):
    """The plan or hand-off an edit was about is no longer there."""


@dataclass(frozen=True)
class PlanView:
    """Everything the Plan page shows."""

    plan: Plan
    baseline: Baseline
    ramp: tuple[RampWeek, ...]  # empty while the baseline is unknown
    progress: tuple[WeekProgress, ...]
    commitments: tuple[Series, ...]
    hand_offs: tuple[HandOff, ...]
    suggestions: tuple[Repeating, ...]
    # The plan's weeks, each with the enquiries and wins that came in during it.
    work_weeks: tuple[WorkWeek, ...] = ()

    def work_in(self, week: Week) -> WorkWeek | None:
        return work_in(self.work_weeks, week)


def read_plan_view(session: Session, today: date) -> PlanView | None:
    """The plan with its ramp, progress, commitments and hand-offs; None: no plan yet."""
    plan = get_plan(session)
    if plan is None:
        return None
    db = dbapi_connection(session)
    baseline = baseline_of(db, plan, today)
    weeks = () if baseline.share is None else tuple(ramp(plan, baseline.share))
    judged: tuple[WeekProgress, ...] = ()
    if weeks:
        trend = business_trend_over(db, weeks[-1].week, len(weeks), plan.target_share)
        actual = {week.week.start: week.actual for week in trend.weeks}
        judged = tuple(progress(weeks, actual, today))
    hand_offs = tuple(all_hand_offs(session))
    return PlanView(
        plan=plan,
        baseline=baseline,
        ramp=weeks,
        progress=judged,
        commitments=tuple(commitments(session, plan)),
        hand_offs=hand_offs,
        suggestions=tuple(suggestions(db, today, week_start_of(plan), hand_offs)),
        work_weeks=tuple(work_by_week(leads_during(session, plan), plan.first_week, plan.weeks)),
    )


def leads_during(session: Session, plan: Plan) -> list[Lead]:
    """The enquiries that came in, were quoted or were decided in the plan's weeks."""
    first, last = plan.first_week.start, plan.last_week.end
    # Each way in through its own index (the v11 ones for quoted_on and decided_on):
    # one OR, ordered by id, would walk every enquiry ever logged.
    picked = union(
        select(LeadRow.id).where(LeadRow.came_in.between(first, last)),
        select(LeadRow.id).where(LeadRow.quoted_on.between(first, last)),
        select(LeadRow.id).where(LeadRow.decided_on.between(first, last)),
    )
    return stored.LEADS.all(session, LeadRow.id.in_(picked))


def commitments(session: Session, plan: Plan) -> list[Series]:
    """Repeating business blocks that run in some week of the plan."""
    first, last = plan.first_week.start, plan.last_week.end
    return [
        record.series
        for record in all_records(session)
        if record.series.area.is_business
        and record.series.first_day <= last
        and (record.series.until is None or record.series.until >= first)
    ]


def suggestions(
    db: sqlite3.Connection, today: date, week_start: WeekStart, listed: tuple[HandOff, ...] = ()
) -> list[Repeating]:
    """Technician and admin work that came back in at least half of the last weeks,
    leaving out what is on the hand-off list already."""
    last = week_containing(today, week_start).previous()
    first = last.plus(1 - SUGGESTION_WEEKS)
    taken = {(hand_off.title.strip().lower(), hand_off.area) for hand_off in listed}
    found = []
    for title, area, weeks, minutes in repeating_work(
        db, first.start, last.end, SUGGESTION_WEEKS // 2, SUGGESTIONS + len(taken)
    ):
        if (title.strip().lower(), Area(area)) in taken:
            continue
        found.append(Repeating(title.strip(), Area(area), weeks, _quarter_hours(minutes / weeks)))
    return found[:SUGGESTIONS]


def proposed_plan(session: Session, settings: Settings, today: date) -> Plan:
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
def save_plan(session: Session, plan: Plan) -> Change:
    before = get_plan(session)
    return commit(session, rows(PLAN, [] if before is None else [before], [plan]))


def remove_plan(session: Session) -> Change:
    """Put the plan away (its hand-off list and the calendar stay)."""
    before = get_plan(session)
    if before is None:
        raise PlanGone("There is no plan to remove.")
    return commit(session, rows(PLAN, [before]))


def add_hand_off(session: Session, hand_off: HandOff) -> Change:
    return commit(session, rows(HAND_OFFS, after=[hand_off.with_changes(id=None)]))


def change_hand_off(session: Session, hand_off: HandOff) -> Change:
    assert hand_off.id is not None
    return commit(session, rows(HAND_OFFS, [_existing_hand_off(session, hand_off.id)], [hand_off]))


def delete_hand_off(session: Session, hand_off_id: int) -> Change:
    return commit(session, rows(HAND_OFFS, [_existing_hand_off(session, hand_off_id)]))


def _existing_hand_off(session: Session, hand_off_id: int) -> HandOff:
    found = stored.HAND_OFFS.get(session, hand_off_id)
    if found is None:
        raise PlanGone("That hand-off is no longer on the list.")
    return found


def _quarter_hours(minutes: float) -> int:
    return max(15, round(minutes / 15) * 15)
