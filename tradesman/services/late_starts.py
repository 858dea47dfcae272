"""Rules and series that start further back than their copies are made: what the
owner is told after an import (see CATCH_UP in domain/task_rules.py and BLOCKS_BACK
in domain/series.py for the bounds and why)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from tradesman.domain import series as series_rules
from tradesman.domain import task_rules
from tradesman.domain.validation import quoted
from tradesman.domain.weeks import format_day
from tradesman.exchange.document import DataSet

MOST_NAMED = 5  # more than this many are counted, not named one by one


@dataclass(frozen=True)
class LateStart:
    """A recurring task or repeating block whose copies start later than it does."""

    title: str
    is_task: bool  # a recurring task; else a repeating block
    since: date  # its first copy not made yet
    start: date | None  # the day its copies are made from; None: it ended before that
    from_first: bool = True  # `since` is its very first day (none were made before)

    def sentence(self) -> str:
        title, since = quoted(self.title), format_day(self.since)
        if self.is_task:
            what = f"The repeating task {title} was {'first' if self.from_first else 'next'} due"
            what += f" on {since}"
            copies, not_since = "tasks", "not one for every time since"
        else:
            if self.from_first:
                what = f"The repeating block {title} starts on {since}"
            else:
                made = format_day(self.since - timedelta(days=1))
                what = f"The repeating block {title} has its blocks made up to {made}"
            copies, not_since = "blocks", "not for every day since"
        if self.start is None:
            return f"{what} and ended more than a year ago: no {copies} are made for it."
        return f"{what}: its {copies} are made from {format_day(self.start)} on, {not_since}."


def late_starts(data: DataSet, today: date) -> tuple[LateStart, ...]:
    """The rules and series of `data` that start further back than copies are made."""
    found: list[LateStart] = []
    for rule in data.rules:
        pending = rule.pending
        if pending is not None and pending < today - task_rules.CATCH_UP:
            first = rule.next_due is None or rule.next_due <= task_rules.first_occurrence(rule)
            start = task_rules.catch_up_start(rule, today)
            found.append(LateStart(rule.title, True, pending, start, first))
    for record in data.series:
        series = record.series
        since = max(series.first_day, record.made_through + timedelta(days=1))
        earliest = series_rules.earliest_block_day(today)
        if since < earliest and (series.until is None or since <= series.until):
            start = None if series.until is not None and series.until < earliest else earliest
            found.append(LateStart(series.title, False, since, start, since == series.first_day))
    return tuple(found)


def late_start_notes(found: tuple[LateStart, ...], most: int = MOST_NAMED) -> list[str]:
    """One sentence each, the first `most` of them; then how many more."""
    notes = [late.sentence() for late in found[:most]]
    more = len(found) - most
    if more == 1:
        notes.append("One more repeating task or block starts far back too; the same goes for it.")
    elif more > 1:
        notes.append(
            f"{more:,} more repeating tasks or blocks start far back too; the same goes for them."
        )
    return notes
