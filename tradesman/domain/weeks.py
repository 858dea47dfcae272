"""Week arithmetic: which days make up a week, and how a week is named."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from tradesman.domain.settings import WeekStart

DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
SHORT_DAY_NAMES = tuple(name[:3] for name in DAY_NAMES)  # "Mon", ...; Monday is 0
MIN_YEAR, MAX_YEAR = 1900, 9998  # dates outside these are typing mistakes, not plans
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_ISO_WEEK = re.compile(r"^(\d{4})-?W(\d{1,2})$", re.IGNORECASE | re.ASCII)
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$", re.ASCII)


@dataclass(frozen=True, order=True)
class Week:
    """Seven days from `start`, which is a Monday or a Sunday depending on the settings."""

    start: date

    @property
    def end(self) -> date:
        """The last day of the week (inclusive)."""
        return self.start + timedelta(days=6)

    @property
    def days(self) -> tuple[date, ...]:
        return tuple(self.start + timedelta(days=i) for i in range(7))

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def next(self) -> Week:
        return Week(self.start + timedelta(days=7))

    def previous(self) -> Week:
        return Week(self.start - timedelta(days=7))

    def plus(self, weeks: int) -> Week:
        """The week `weeks` on (or back, when negative)."""
        return Week(self.start + timedelta(days=7 * weeks))

    @property
    def monday(self) -> date:
        """The Monday inside this week: it gives the week its ISO number."""
        return self.start + timedelta(days=(7 - self.start.weekday()) % 7)

    @property
    def iso_year_and_number(self) -> tuple[int, int]:
        iso = self.monday.isocalendar()
        return iso.year, iso.week

    @property
    def number(self) -> int:
        return self.iso_year_and_number[1]

    @property
    def iso_name(self) -> str:
        """'2026-W48', the form `--week` accepts."""
        year, number = self.iso_year_and_number
        return f"{year}-W{number:02d}"

    @property
    def label(self) -> str:
        """'Week 48 · 23–29 Nov 2026', or across months '30 Nov – 6 Dec 2026'."""
        return f"Week {self.number} · {format_span(self.start, self.end)}"

    @property
    def short_label(self) -> str:
        """'Week 48 · 23–29 Nov': the label without its year, where room is short."""
        return f"Week {self.number} · {format_span(self.start, self.end, with_year=False)}"


def format_day(day: date, with_year: bool = True) -> str:
    """'23 Nov 2026' (or '23 Nov')."""
    text = f"{day.day} {_MONTHS[day.month - 1]}"
    return f"{text} {day.year}" if with_year else text


def format_span(first: date, last: date, with_year: bool = True) -> str:
    """'23–29 Nov 2026', '30 Nov – 6 Dec 2026'; without the year when asked, unless the
    span crosses into a new year."""
    if first.year != last.year:
        return f"{format_day(first)} – {format_day(last)}"
    if first.month != last.month:
        return f"{format_day(first, with_year=False)} – {format_day(last, with_year)}"
    year = f" {last.year}" if with_year else ""
    return f"{first.day}–{last.day} {_MONTHS[last.month - 1]}{year}"


def week_containing(day: date, week_start: WeekStart) -> Week:
    """The week (starting on Monday or Sunday) that contains `day`."""
    if week_start is WeekStart.SUNDAY:
        back = (day.weekday() + 1) % 7
    else:
        back = day.weekday()
    return Week(day - timedelta(days=back))


def parse_week(text: str, week_start: WeekStart) -> Week:
    """'2026-W48' or '2026-11-23' (the week containing that date). ValueError in plain words.

    An ISO week number names the week holding that ISO week's Monday, so a
    Sunday-start week and a Monday-start week with the same number overlap by six days.
    """
    text = text.strip()
    match = _ISO_WEEK.match(text)
    if match:
        year, number = int(match.group(1)), int(match.group(2))
        if not MIN_YEAR <= year <= MAX_YEAR:
            raise ValueError(f"{year} is too far from today to plan for.")
        try:
            monday = date.fromisocalendar(year, number, 1)
        except ValueError:
            raise ValueError(f"{year} has no week {number}.") from None
        return week_containing(monday, week_start)
    try:
        day = date.fromisoformat(text) if _ISO_DATE.match(text) else None
    except ValueError:
        day = None
    if day is None:
        raise ValueError(
            f'"{text}" is not a week; write it like 2026-W48 or as a date like 2026-11-23.'
        )
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise ValueError(f"{day.year} is too far from today to plan for.")
    return week_containing(day, week_start)
