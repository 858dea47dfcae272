"""What the window's pages read, each in one transaction: the week page (blocks,
split, target, small trend, tasks to schedule), the trend of the business share, the
plan's ramp and the baseline measured before a plan.

Each is a function over a read Db, called through the data door
(services/data.py). What the window keeps between reads (the settings, the plan's
ramp) it passes in, so it is not read again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from tradesman.domain.allocation import Trend
from tradesman.domain.blocks import TimeBlock
from tradesman.domain.plan import Plan, RampWeek
from tradesman.domain.series import LOOK_AHEAD
from tradesman.domain.settings import Settings
from tradesman.domain.split import WeekSplit, split_blocks
from tradesman.domain.tasks import TaskCard
from tradesman.domain.weeks import Week
from tradesman.services.allocation import business_trend
from tradesman.services.blocks import blocks_in_week
from tradesman.services.plan_baseline import baseline_of, plan_ramp, target_in, with_plan_targets
from tradesman.services.plan_rows import get_plan
from tradesman.services.series import needs_extending
from tradesman.services.settings import load_settings
from tradesman.services.task_cards import open_task_cards
from tradesman.store.reads import dbapi_connection

if TYPE_CHECKING:
    from tradesman.store.reads import Db


@dataclass(frozen=True)
class WeekScreen:
    """What the week page shows, read in one transaction: the split is worked out from
    the same blocks the calendar draws, so the two can never disagree."""

    settings: Settings
    blocks: list[TimeBlock]
    split: WeekSplit
    target: float  # the plan's for the week, or the settings'
    trend: Trend | None  # the small trend's weeks up to this one, when asked for
    cards: list[TaskCard] | None  # the tasks to schedule, when asked for
    series_behind: bool  # repeating blocks still to be made for this week (then read again)
    ramp: tuple[RampWeek, ...] = ()  # the plan's weeks (none without a plan)


@dataclass(frozen=True)
class Known:
    """What the window keeps between reads till a change; None: read it now, in the
    same transaction."""

    locale_name: str | None
    settings: Settings | None = None
    ramp: tuple[RampWeek, ...] | None = None


def week_screen(
    session: Db,
    week: Week,
    trend_weeks: int | None,
    with_cards: bool,
    today: date,
    known: Known,
) -> WeekScreen:
    """Everything the week page shows (see WeekScreen). Writes nothing: if
    `series_behind`, the caller makes the series' blocks first and reads again."""
    settings = known.settings or load_settings(session, known.locale_name)
    ramp = known.ramp
    if ramp is None:
        ramp = current_ramp(session, today)
    blocks = list(blocks_in_week(session, week))
    trend = None if trend_weeks is None else trend_in(session, week, trend_weeks, settings, ramp)
    cards = to_schedule(open_task_cards(session, today)) if with_cards else None
    behind = needs_extending(session, min(week.end, today + LOOK_AHEAD))
    target = target_in(ramp, week, settings)
    return WeekScreen(settings, blocks, split_blocks(blocks), target, trend, cards, behind, ramp)


def current_ramp(session: Db, today: date) -> tuple[RampWeek, ...]:
    """The plan's weeks and their targets; none without a plan."""
    plan = get_plan(session)
    return () if plan is None else plan_ramp(dbapi_connection(session), plan, today)


def trend_in(
    session: Db, last: Week, weeks: int, settings: Settings, ramp: tuple[RampWeek, ...]
) -> Trend:
    """The business share of `weeks` weeks up to `last`, each against its target: the
    plan's where the plan runs, else the settings'."""
    trend = business_trend(session, last, weeks, settings.target_business_share)
    return with_plan_targets(trend, ramp)


def measured_baseline(session: Db, plan: Plan, today: date) -> float | None:
    """The business share measured before `plan` (whatever was typed in)."""
    measured = plan.with_changes(typed_baseline=None)
    return baseline_of(dbapi_connection(session), measured, today).share


def to_schedule(cards: list[TaskCard]) -> list[TaskCard]:
    """Open tasks with time still to book: estimate left over, or no block yet."""
    return [
        card
        for card in cards
        if (card.remaining_minutes or 0) > 0
        or (card.task.estimate_minutes is None and card.booked_minutes == 0)
    ]
