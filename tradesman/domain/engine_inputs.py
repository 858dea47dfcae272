"""What the three engines' numbers are worked out from, as plain data (issue 15).

The services read these from the store; everything after is pure arithmetic
(engine_numbers.py, engine_sources.py, engine_verdict.py), so every figure can be
worked by hand from a small example and tested without a database.

A figure "as it stood" at a past day (the stuck-engine strip looks back 26 weeks) is
worked out from the same rows: an enquiry is seen in the state it was in that day
(`lead_as_of`), a job with what was left of it that day (`Job.remaining_on`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from tradesman.domain.leads import Lead, LeadState, Source, Spend, Takings
from tradesman.domain.purposes import Purpose
from tradesman.domain.weeks import Week

# Fewer cases than this and a rate is "too few to judge".
MIN_CASES = 3


@dataclass(frozen=True)
class MarketingTime:
    """Marketing time done on the calendar: a done block's day, minutes and source."""

    day: date
    minutes: int
    source_id: int | None = None  # None: general marketing, for no one source


@dataclass(frozen=True)
class AskDone:
    """A review or referral ask done (a marked task finished, or a marked block done)."""

    day: date
    purpose: Purpose


@dataclass(frozen=True)
class Job:
    """A customer's job (a production task done for a customer): when it was made, when
    finished, its estimate, and the minutes done on it, day by day."""

    title: str
    created: date
    completed: date | None
    estimate_minutes: int | None
    done: tuple[tuple[date, int], ...] = ()  # (day, minutes) of its done blocks

    def is_open_on(self, day: date) -> bool:
        return self.created <= day and (self.completed is None or self.completed > day)

    def remaining_on(self, day: date) -> int | None:
        """What was left of its estimate at the end of `day`; None without an estimate."""
        if self.estimate_minutes is None:
            return None
        worked = sum(minutes for when, minutes in self.done if when <= day)
        return max(0, self.estimate_minutes - worked)

    def minutes_done(self) -> int:
        return sum(minutes for _, minutes in self.done)


@dataclass(frozen=True)
class EngineSettings:
    """Where each rule draws its line (the issue's defaults)."""

    booked_weeks_limit: float = 8.0  # booked further ahead than this: production
    win_rate_floor: float = 0.25  # winning fewer than this of the decided quotes: sales
    chase_after_days: int = 14  # an open quote older than this wants a call
    stale_quotes_limit: int = 3  # this many quotes wanting a call: sales
    slow_quote_days: float = 7.0  # a median wait for a quote longer than this: sales
    short_backlog_weeks: float = 2.0  # booked less than this, with fewer enquiries: marketing
    usual_weeks: int = 52  # "fewer enquiries than usual": than over this many weeks


@dataclass(frozen=True)
class EngineInputs:
    """Everything the numbers need, read once. Weeks are the owner's weeks.

    `technician_planned` maps a week's first day to the technician minutes the plan
    gives it (weeks in a running plan); `technician_done` to the technician minutes
    done in it. `hourly_rate` is in minor units, None when not set."""

    today: date
    this_week: Week
    leads: Sequence[Lead]
    sources: Mapping[int, Source]
    spend: Sequence[Spend] = ()
    takings: Sequence[Takings] = ()
    marketing: Sequence[MarketingTime] = ()
    asks: Sequence[AskDone] = ()
    jobs: Sequence[Job] = ()
    technician_planned: Mapping[date, int] = field(default_factory=dict)
    technician_done: Mapping[date, int] = field(default_factory=dict)
    hourly_rate: int | None = None
    settings: EngineSettings = EngineSettings()
    # The first enquiry ever logged, when it came before the leads read (None: the
    # first of `leads`): weeks before it are not gaps, the owner was not logging yet.
    first_enquiry: date | None = None


def leads_as_of(inputs: EngineInputs, day: date) -> list[Lead]:
    """The enquiries of `inputs` come in by the end of `day`, each as it stood then."""
    return [seen for lead in inputs.leads if (seen := lead_as_of(lead, day))]


def lead_as_of(lead: Lead, day: date) -> Lead | None:
    """The enquiry as it stood at the end of `day`: None if it had not come in yet; a
    quote or decision made later is not yet there."""
    if lead.came_in > day:
        return None
    if lead.decided_on is not None and lead.decided_on > day:
        if lead.quoted_on is not None and lead.quoted_on <= day:
            return lead.with_changes(
                state=LeadState.QUOTED, decided_on=None, value=None, lost_reason=None,
                not_quoted_reason=None,
            )  # fmt: skip
        return _new(lead)
    if lead.quoted_on is not None and lead.quoted_on > day:
        return _new(lead)
    return lead


def _new(lead: Lead) -> Lead:
    return lead.with_changes(
        state=LeadState.NEW, quoted_on=None, quote=None, decided_on=None, value=None,
        lost_reason=None, not_quoted_reason=None,
    )  # fmt: skip
