"""What the Plan page and the plan PDF read of the doer-to-marketer plan: its ramp,
progress, commitments, hand-offs, suggestions and the work that came in during it, in
one read (plain SQL, so `tradesman print-plan` loads no SQLAlchemy). The plan's edits
are in plan.py."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from tradesman.domain.areas import Area
from tradesman.domain.leads import Lead
from tradesman.domain.plan import (
    HandOff,
    Plan,
    RampWeek,
    Repeating,
    WeekProgress,
    progress,
    ramp,
)
from tradesman.domain.series import Series
from tradesman.domain.settings import WeekStart
from tradesman.domain.weeks import Week, week_containing
from tradesman.domain.work_weeks import WorkWeek, work_by_week
from tradesman.reports.sheets import work_in
from tradesman.services.allocation import business_trend_over
from tradesman.services.plan_baseline import Baseline, baseline_of, week_start_of
from tradesman.services.plan_rows import all_hand_offs, get_plan
from tradesman.store.engine_reads import leads_touching
from tradesman.store.reads import dbapi_connection, repeating_work
from tradesman.store.series_rows import all_records

if TYPE_CHECKING:
    import sqlite3

    from tradesman.store.reads import Db

SUGGESTION_WEEKS = 8  # the weeks looked at for work that repeats
SUGGESTIONS = 8  # the most suggestions shown


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


def read_plan_view(snapshot: Db, today: date) -> PlanView | None:
    """The plan with its ramp, progress, commitments and hand-offs; None: no plan yet."""
    plan = get_plan(snapshot)
    if plan is None:
        return None
    db = dbapi_connection(snapshot)
    baseline = baseline_of(db, plan, today)
    weeks = () if baseline.share is None else tuple(ramp(plan, baseline.share))
    judged: tuple[WeekProgress, ...] = ()
    if weeks:
        trend = business_trend_over(db, weeks[-1].week, len(weeks), plan.target_share)
        actual = {week.week.start: week.actual for week in trend.weeks}
        judged = tuple(progress(weeks, actual, today))
    hand_offs = tuple(all_hand_offs(db))
    return PlanView(
        plan=plan,
        baseline=baseline,
        ramp=weeks,
        progress=judged,
        commitments=tuple(commitments(db, plan)),
        hand_offs=hand_offs,
        suggestions=tuple(suggestions(db, today, week_start_of(plan), hand_offs)),
        work_weeks=tuple(work_by_week(leads_during(db, plan), plan.first_week, plan.weeks)),
    )


def leads_during(db: sqlite3.Connection, plan: Plan) -> list[Lead]:
    """The enquiries that came in, were quoted or were decided in the plan's weeks."""
    return leads_touching(db, plan.first_week.start, plan.last_week.end)


def commitments(db: Db, plan: Plan) -> list[Series]:
    """Repeating business blocks that run in some week of the plan."""
    first, last = plan.first_week.start, plan.last_week.end
    return [
        record.series
        for record in all_records(db)
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


def _quarter_hours(minutes: float) -> int:
    return max(15, round(minutes / 15) * 15)
