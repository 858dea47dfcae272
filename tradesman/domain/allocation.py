"""Where the hours go, as plain data for the charts and the PDF reports: a week day by day,
and the business share week by week against the target.

Planned counts every block's length; actual counts what done blocks really took (the
same rule as the split panel and `tradesman summary`). A week without hours has no
share (None), so a trend line shows a gap there rather than a fall to nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from tradesman.domain.split import Split, WeekSplit
from tradesman.domain.weeks import Week

TREND_LENGTHS: tuple[int, ...] = (12, 26, 52)  # the weeks a trend can look back over


@dataclass(frozen=True)
class DayHours:
    """One day's hours per area, planned and actual."""

    day: date
    planned: Split
    actual: Split


@dataclass(frozen=True)
class WeekByDay:
    """The seven days of a week, in order, each with its hours per area."""

    week: Week
    days: tuple[DayHours, ...]

    @property
    def total(self) -> WeekSplit:
        return WeekSplit(
            add_splits(day.planned for day in self.days),
            add_splits(day.actual for day in self.days),
        )

    @property
    def is_empty(self) -> bool:
        return all(d.planned.total_minutes == 0 and d.actual.total_minutes == 0 for d in self.days)

    @property
    def most_minutes_in_a_day(self) -> int:
        """The longest day, planned or actual: what the hours axis must reach."""
        return max(
            (max(d.planned.total_minutes, d.actual.total_minutes) for d in self.days), default=0
        )


@dataclass(frozen=True)
class WeekShare:
    """One week of a trend: its split planned and actual, and the share aimed for."""

    week: Week
    planned: Split
    actual: Split
    # The business share the week is measured against (0-1): the target in the
    # settings, or where a doer-to-marketer plan runs, the plan's target for the week.
    target: float
    # Where the plan set `target`: the settings' target it stands in for, so a chart can
    # show both (a plan's first weeks aim lower; that is not a lowered target). None
    # outside a plan.
    long_term_target: float | None = None

    @property
    def in_plan(self) -> bool:
        return self.long_term_target is not None


@dataclass(frozen=True)
class Trend:
    """The business share week by week, oldest week first."""

    weeks: tuple[WeekShare, ...]

    @property
    def planned_shares(self) -> list[float | None]:
        return [week.planned.business_share for week in self.weeks]

    @property
    def actual_shares(self) -> list[float | None]:
        return [week.actual.business_share for week in self.weeks]

    @property
    def is_empty(self) -> bool:
        return all(w.planned.total_minutes == 0 and w.actual.total_minutes == 0 for w in self.weeks)


@dataclass(frozen=True)
class WeekCharts:
    """What the charts of one week show: its days, the trend up to it, and the target."""

    by_day: WeekByDay
    trend: Trend
    target: float


def add_splits(splits: Iterable[Split]) -> Split:
    """The area-by-area sum of some splits."""
    total = Split()
    for split in splits:
        total = Split(
            production=total.production + split.production,
            marketing=total.marketing + split.marketing,
            sales=total.sales + split.sales,
            admin=total.admin + split.admin,
        )
    return total


def trend_weeks(last: Week, count: int) -> list[Week]:
    """`count` weeks ending with `last`, oldest first."""
    weeks = [last]
    for _ in range(count - 1):
        weeks.append(weeks[-1].previous())
    return weeks[::-1]


def hours_axis(most_minutes: int, lines: int = 6) -> tuple[int, int]:
    """(step, top) in minutes for an hours axis that reaches `most_minutes` with at most
    `lines` steps of a round number of hours (1, 2, 3, 4, 6, 8, 12 or 24 h)."""
    hours = max(1, -(-most_minutes // 60))  # whole hours, rounded up
    for step in (1, 2, 3, 4, 6, 8, 12, 24):
        if -(-hours // step) <= lines:
            break
    top = -(-hours // step) * step
    return step * 60, top * 60


def unbroken_runs(values: Sequence[float | None]) -> list[list[tuple[int, float]]]:
    """The unbroken stretches of a line drawn week by week, as (index, value) pairs:
    a week without a value (no hours, no target) breaks the line there."""
    runs: list[list[tuple[int, float]]] = [[]]
    for index, value in enumerate(values):
        if value is None:
            if runs[-1]:
                runs.append([])
        else:
            runs[-1].append((index, value))
    return [run for run in runs if run]
