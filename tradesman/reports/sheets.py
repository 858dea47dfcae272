"""What the PDFs show, as plain data gathered by the services (services/sheets.py).

The layouts in this package take these and nothing else: no database, no Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from tradesman.domain.allocation import Trend, WeekByDay
from tradesman.domain.blocks import TimeBlock
from tradesman.domain.plan import HandOff, Plan, RampWeek, WeekProgress
from tradesman.domain.series import Series
from tradesman.domain.split import Split
from tradesman.domain.tasks import Task
from tradesman.domain.weeks import Week

if TYPE_CHECKING:
    # (Named only in annotations: the window's start reads plans through this module,
    # and must not load the engines' arithmetic before it is ready for edits.)
    from tradesman.domain.engine_verdict import EngineReport
    from tradesman.domain.work_lanes import LeadCard
    from tradesman.domain.work_weeks import WorkWeek


@dataclass(frozen=True)
class WorkComingIn:
    """What the printed week says about work coming in: the open quotes to chase, with
    what their amounts are written in; the page adds a table to write enquiries in."""

    # Open quotes, the longest waiting first (as the Work page's Quoted lane lists
    # them), each with its age on the day printed and whether it has waited too long.
    quotes: tuple[LeadCard, ...]
    currency: str  # "GBP": amounts are labelled, never converted
    decimal_mark: str  # "." or ",", as the owner's locale writes numbers
    stale_quote_days: int  # a quote older than this is marked


@dataclass(frozen=True)
class WeekSheet:
    """One week on one page: the grid of blocks, the planned split and the tasks due."""

    business_name: str
    owner_name: str
    week: Week
    # The hours the grid shows (minutes since midnight): the owner's work day, widened
    # to take in any block that starts earlier or ends later.
    day_start: int
    day_end: int
    work_days: frozenset[int]  # Monday is 0
    blocks: tuple[TimeBlock, ...]  # every block of the week, skipped ones included
    planned: Split  # the week's planned hours per area
    target_share: float  # the business share the week aims for (plan ramp or setting)
    # Open tasks due in the week or before it (late), oldest due date first.
    tasks_due: tuple[Task, ...]
    today: date
    # The settings' target, where `target_share` is a plan's for this week (else None).
    long_term_share: float | None = None
    # Quotes to chase and the enquiries table: on the printed week, not in the plan's
    # copy of the week (the plan has its own page on where the work comes from).
    coming_in: WorkComingIn | None = None


@dataclass(frozen=True)
class WorkInSheet:
    """Where the work comes from (issue 15): the engines' report of the last weeks, and
    how its amounts are written (the currency's name, the locale's decimal mark)."""

    report: EngineReport
    currency: str
    decimal_mark: str


@dataclass(frozen=True)
class PlanSheet:
    """The doer-to-marketer plan, with where the time goes now and this week's plan."""

    business_name: str
    owner_name: str
    plan: Plan
    baseline: float  # the business share the ramp starts from (0-1)
    baseline_measured: bool  # True: from the last weeks' hours; False: typed in
    ramp: tuple[RampWeek, ...]
    progress: tuple[WeekProgress, ...]  # the plan's weeks that have ended
    recent: Split  # actual hours per area over the weeks the baseline was measured on
    by_day: WeekByDay  # this week, day by day
    trend: Trend  # the business share week by week up to this week
    this_week: WeekSheet
    commitments: tuple[Series, ...]  # recurring business blocks that run in the plan
    hand_offs: tuple[HandOff, ...]
    open_tasks: tuple[Task, ...]  # every open task, due first (undated last)
    today: date
    # The weeks with hours done the baseline was measured on, oldest first (the cover
    # names them: a plan can start in the past, and fewer than four may have hours).
    baseline_weeks: tuple[Week, ...] = ()
    # The plan's weeks, each with the enquiries and jobs won that came in during it.
    work_weeks: tuple[WorkWeek, ...] = ()
    # Where the work comes from; None when no enquiry was ever logged (the page then
    # says how to start).
    where_work_comes_from: WorkInSheet | None = None

    def work_in(self, week: Week) -> WorkWeek | None:
        return work_in(self.work_weeks, week)


def work_in(work_weeks: tuple[WorkWeek, ...], week: Week) -> WorkWeek | None:
    """What came in during `week`, one of `work_weeks` (consecutive; None outside them)."""
    if not work_weeks:
        return None
    number = (week.start - work_weeks[0].week.start).days // 7
    return work_weeks[number] if 0 <= number < len(work_weeks) else None
