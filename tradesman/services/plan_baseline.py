"""Where the owner stands before the plan, and the plan's weeks from there: read over a
bare sqlite3 connection, so `summary` and the window's first look need no SQLAlchemy."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, replace
from datetime import date

from tradesman.domain.allocation import Trend, add_splits
from tradesman.domain.plan import (
    BASELINE_WEEKS,
    Plan,
    RampWeek,
    measured_baseline,
    ramp,
    target_for,
)
from tradesman.domain.settings import Settings, WeekStart
from tradesman.domain.split import Split
from tradesman.domain.weeks import Week, week_containing
from tradesman.services.allocation import business_trend_over
from tradesman.store.reads import plan_from

LOOK_BACK_WEEKS = 12  # how far back the baseline looks for weeks with hours done


@dataclass(frozen=True)
class Baseline:
    """Where the owner stands before the plan starts."""

    share: float | None  # None: no hours done to measure, and none typed in
    measured: bool  # True: from the weeks with hours before the plan
    recent: Split  # the actual hours of the weeks it was measured on
    # The weeks with hours done it was measured on (up to BASELINE_WEEKS, oldest first):
    # the last before the plan's first week, or before this week if that is earlier.
    measured_weeks: tuple[Week, ...] = ()

    @property
    def weeks(self) -> int:
        return len(self.measured_weeks)


def baseline_of(db: sqlite3.Connection, plan: Plan, today: date) -> Baseline:
    """The typed-in baseline if there is one, else the share of the last weeks with
    hours done before the plan's first week (and before this week, which is not over).

    A plan that starts in the past is measured from before its start, never from its
    own weeks: those are what the plan is judged on."""
    last = min(plan.first_week, week_containing(today, week_start_of(plan))).previous()
    trend = business_trend_over(db, last, LOOK_BACK_WEEKS, plan.target_share)
    # (The rule of `baseline_weeks`, keeping which weeks they were.)
    worked = [week for week in trend.weeks if week.actual.total_minutes > 0][-BASELINE_WEEKS:]
    recent = add_splits(week.actual for week in worked)
    measured_weeks = tuple(week.week for week in worked)
    if plan.typed_baseline is not None:
        return Baseline(plan.typed_baseline, False, recent, measured_weeks)
    share = measured_baseline(week.actual for week in worked)
    return Baseline(share, share is not None, recent, measured_weeks)


def plan_ramp(db: sqlite3.Connection, plan: Plan, today: date) -> tuple[RampWeek, ...]:
    baseline = baseline_of(db, plan, today)
    return () if baseline.share is None else tuple(ramp(plan, baseline.share))


def current_plan_ramp(db: sqlite3.Connection, today: date) -> tuple[RampWeek, ...]:
    """The saved plan's weeks and targets; empty with no plan, or no baseline yet."""
    plan = plan_from(db)
    return () if plan is None else plan_ramp(db, plan, today)


def target_in(ramp: tuple[RampWeek, ...], week: Week, settings: Settings) -> float:
    """The plan's target for `week` where the ramp covers it, else the settings' target."""
    target = target_for(ramp, week)
    return settings.target_business_share if target is None else target


def week_start_of(plan: Plan) -> WeekStart:
    """The week start the plan was made with: its first day is one."""
    return WeekStart.SUNDAY if plan.start.weekday() == 6 else WeekStart.MONDAY


def with_plan_targets(trend: Trend, ramp: tuple[RampWeek, ...]) -> Trend:
    """The trend with each week the plan covers aiming for the plan's share that week."""
    return Trend(
        tuple(
            # (Applied twice, the settings' target is still the one kept.)
            replace(week, target=target, long_term_target=week.long_term_target or week.target)
            if (target := target_for(ramp, week.week)) is not None
            else week
            for week in trend.weeks
        )
    )
