"""Gathering what the PDFs show (reports/sheets.py) from the data file, in one read
(plain SQL: `print-week` and `print-plan` load no SQLAlchemy)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from tradesman.domain.allocation import add_splits
from tradesman.domain.plan import baseline_weeks
from tradesman.domain.settings import Settings
from tradesman.domain.split import split_blocks
from tradesman.domain.tasks import Task
from tradesman.domain.weeks import Week, week_containing
from tradesman.errors import UserError
from tradesman.reports.sheets import PlanSheet, WeekSheet
from tradesman.services.allocation import business_trend_over, week_by_day_over
from tradesman.services.plan_baseline import current_plan_ramp, target_in, with_plan_targets
from tradesman.services.plan_view import read_plan_view
from tradesman.store.reads import blocks_from, dbapi_connection
from tradesman.store.tables import TASKS

if TYPE_CHECKING:
    from tradesman.store.reads import Db

PLAN_TREND_WEEKS = 12  # the weeks of history the plan PDF shows


class NoPlan(UserError):
    """The plan PDF was asked for, but there is no plan to print (yet)."""


def week_sheet(
    db: Db, settings: Settings, week: Week, today: date, target: float | None = None
) -> WeekSheet:
    """Everything the printed week shows; the target is `target`, or else the plan's for
    that week if the plan covers it, else the target share in the settings."""
    blocks = tuple(blocks_from(dbapi_connection(db), week.start, week.end))
    start = min([settings.day_start, *(block.start for block in blocks)])
    end = max([settings.day_end, *(block.end for block in blocks)])
    aim = week_target(db, settings, week, today) if target is None else target
    long_term = settings.target_business_share
    return WeekSheet(
        business_name=settings.business_name,
        owner_name=settings.owner_name,
        week=week,
        day_start=start // 60 * 60,  # whole hours, so the grid's lines fall on the hour
        day_end=min(24 * 60, -(-end // 60) * 60),
        work_days=settings.work_days,
        blocks=blocks,
        planned=split_blocks(blocks).planned,
        target_share=aim,
        # (Said beside a plan's target for the week, as the window does.)
        long_term_share=None if aim == long_term else long_term,
        tasks_due=tuple(_open_tasks(db, due_by=week.end)),
        today=today,
    )


def plan_sheet(snapshot: Db, settings: Settings, today: date) -> PlanSheet:
    """Everything the plan PDF shows. NoPlan, in words, when there is nothing to print."""
    view = read_plan_view(snapshot, today)
    if view is None:
        raise NoPlan("There is no plan yet: make one on the Plan page first.")
    if view.baseline.share is None:
        raise NoPlan(
            "The plan needs to know where you stood before it: no hours are marked done in "
            "the weeks before its first week, so say your business share with Change plan… "
            "on the Plan page."
        )
    db = dbapi_connection(snapshot)
    this_week = week_containing(today, settings.week_start)
    trend = business_trend_over(db, this_week, PLAN_TREND_WEEKS, settings.target_business_share)
    return PlanSheet(
        business_name=settings.business_name,
        owner_name=settings.owner_name,
        plan=view.plan,
        baseline=view.baseline.share,
        baseline_measured=view.baseline.measured,
        baseline_weeks=view.baseline.measured_weeks,
        work_weeks=view.work_weeks,
        ramp=view.ramp,
        progress=view.progress,
        # The last weeks with hours done before this one (the baseline's weeks are
        # those before the plan began, which may be long ago).
        recent=add_splits(baseline_weeks(week.actual for week in trend.weeks[:-1])),
        by_day=week_by_day_over(db, this_week),
        trend=with_plan_targets(trend, view.ramp),
        this_week=week_sheet(
            db, settings, this_week, today, target_in(view.ramp, this_week, settings)
        ),
        commitments=view.commitments,
        hand_offs=view.hand_offs,
        open_tasks=tuple(_open_tasks(db, due_by=None)),
        today=today,
    )


def week_target(db: Db, settings: Settings, week: Week, today: date) -> float:
    """The business share a week aims for: the plan's ramp where it runs, else the setting."""
    ramp = current_plan_ramp(dbapi_connection(db), today)
    return target_in(ramp, week, settings)


def _open_tasks(db: Db, due_by: date | None) -> list[Task]:
    """Open tasks, soonest due first (undated last); with `due_by`, only those due by then."""
    where, params = "status != 'done'", {}
    if due_by is not None:
        where += " AND due IS NOT NULL AND due <= :due_by"
        params = {"due_by": due_by.isoformat()}
    return TASKS.all(db, where, params, order="due IS NULL, due, area, id")
