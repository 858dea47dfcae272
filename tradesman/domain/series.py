"""Recurring blocks: "every Tuesday 07:00-09:00, marketing", every N weeks, until a date."""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta

from tradesman.domain.areas import Area
from tradesman.domain.blocks import TimeBlock
from tradesman.domain.purposes import Purpose
from tradesman.domain.weeks import DAY_NAMES, SHORT_DAY_NAMES, format_day

# How far back a series' blocks are made: a year, as far as they are made ahead when it
# is created. Enough for every chart and the plan's look back (the trend's weeks, the
# four weeks before a plan); a series first dated in 1900 (an import, a slip of the
# date) must not write 46,000 blocks a weekday, nor freeze the window writing them.
# The days before are left empty for good: `made_through` only moves forward.
BLOCKS_BACK = timedelta(days=366)
# A series' blocks are made for the weeks looked at, never more than this far from
# today (a week in 2500 must not write 24,000 rows).
LOOK_AHEAD = timedelta(days=3 * 366)


@dataclass(frozen=True)
class Series:
    """What repeats. "Every 2 weeks" counts weeks from the week of `first_day`, weeks
    starting on `weeks_from` (Monday is 0, Sunday 6: the owner's week start when the
    series was made), so a Sunday-and-Monday series stays in one week of the calendar."""

    title: str
    area: Area
    start: int
    end: int
    weekdays: frozenset[int]  # Monday is 0
    first_day: date
    every_weeks: int = 1
    until: date | None = None
    notes: str = ""
    task_id: int | None = None
    weeks_from: int = 0
    id: int | None = None
    source_id: int | None = None  # a marketing series: the source of work it is for
    purpose: Purpose | None = None  # a marketing series: the ask it is, if one

    def with_changes(self, **changes: object) -> Series:
        return replace(self, **changes)  # type: ignore[arg-type]

    def with_look_of(self, block: TimeBlock, **changes: object) -> Series:
        """The series taking `block`'s title, area, times and notes (and `changes`)."""
        return self.with_changes(
            title=block.title,
            area=block.area,
            start=block.start,
            end=block.end,
            notes=block.notes,
            source_id=block.source_id,
            purpose=block.purpose,
            **changes,
        )

    def block_on(self, day: date) -> TimeBlock:
        """The block this series puts on `day` (not yet saved)."""
        return TimeBlock(
            day=day,
            start=self.start,
            end=self.end,
            area=self.area,
            title=self.title,
            notes=self.notes,
            task_id=self.task_id,
            series_id=self.id,
            source_id=self.source_id,
            purpose=self.purpose,
        )

    def describe(self) -> str:
        """'Every Tue and Thu' / 'Every 2 weeks on Mon', for menus and dialogs."""
        names = ", ".join(SHORT_DAY_NAMES[d] for d in sorted(self.weekdays))
        if self.every_weeks == 1:
            text = f"Every {names}"
        else:
            text = f"Every {self.every_weeks} weeks on {names}"
        if self.until is not None:
            text += f", until {format_day(self.until)}"
        return text


@dataclass(frozen=True)
class SeriesRecord:
    """Everything stored about one series apart from its blocks: the series, how far
    ahead its blocks have been made, and the days it must leave empty."""

    series: Series
    made_through: date
    skipped: frozenset[date] = frozenset()


def earliest_block_day(today: date) -> date:
    """The first day on which series blocks are still made."""
    return today - BLOCKS_BACK


def first_day_to_make(record: SeriesRecord, today: date) -> date:
    """The first day whose block the series has still to make."""
    after_made = record.made_through + timedelta(days=1)
    return max(after_made, record.series.first_day, earliest_block_day(today))


def occurrence_days(
    series: Series, first: date, last: date, skipped: Collection[date] = ()
) -> Iterator[date]:
    """The days from `first` to `last` (included) on which the series has a block."""
    start = max(first, series.first_day)
    end = last if series.until is None else min(last, series.until)
    anchor = series.first_day - timedelta(days=(series.first_day.weekday() - series.weeks_from) % 7)
    day = start
    while day <= end:
        weeks_since = (day - anchor).days // 7
        if (
            day.weekday() in series.weekdays
            and weeks_since % series.every_weeks == 0
            and day not in skipped
        ):
            yield day
        day += timedelta(days=1)


def series_following(series: Series, old: TimeBlock, new: TimeBlock) -> Series:
    """The series after one of its blocks was changed "for the whole series".

    It takes the block's new title, area, times and notes; moved to another weekday,
    the series moves that weekday too (Tuesdays become Wednesdays).
    """
    weekdays = series.weekdays
    if new.day.weekday() != old.day.weekday():
        if new.day.weekday() in weekdays:
            # Tuesdays moved onto Thursdays of a Tue-and-Thu series would merge two days.
            raise ValueError(
                f"The series is already on {DAY_NAMES[new.day.weekday()]}s; move it to a "
                "day it is not on, or change only this block."
            )
        weekdays = (weekdays - {old.day.weekday()}) | {new.day.weekday()}
    return series.with_look_of(new, weekdays=weekdays)
