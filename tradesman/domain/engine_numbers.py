"""The numbers of the three engines over a period: is work coming in steadily, how much
of it is word of mouth, how quotes turn into jobs, what it is worth, how far ahead the
owner is booked, and how many enquiries a week keep them booked (issue 15).

A period is the owner's last N weeks, ending with a given week; every figure is as it
stood at `as_of` (the end of that week, or today if sooner). A rate is a `Ratio`: it
shows "—" when there is nothing to divide by, and is "too few to judge" when it rests on
fewer than three cases, so no rule acts on two enquiries' worth of evidence.
"""

from __future__ import annotations

import calendar
import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cached_property

from tradesman.domain.engine_inputs import MIN_CASES, EngineInputs, Job, leads_as_of
from tradesman.domain.leads import Lead, LeadState, NotQuotedReason, SourceKind
from tradesman.domain.purposes import Purpose
from tradesman.domain.weeks import Week

WORD_OF_MOUTH_KINDS = frozenset({SourceKind.WORD_OF_MOUTH, SourceKind.REPEAT})
ALL_TALK_SHARE = 0.9  # this much word of mouth and no marketing: the work talking
PERIODS = (4, 13, 26, 52)  # the periods the figures are offered over, in weeks
RECENT_WEEKS = 4  # technician hours a week, when no plan says: the last 4 weeks worked


@dataclass(frozen=True)
class Ratio:
    """`part` ÷ `whole`, resting on `cases` cases."""

    part: float
    whole: float
    cases: int

    @property
    def value(self) -> float | None:
        return None if self.whole == 0 else self.part / self.whole

    @property
    def judged(self) -> bool:
        return self.value is not None and self.cases >= MIN_CASES

    @classmethod
    def median_of(cls, values: Sequence[float]) -> Ratio:
        """The median of `values`, as a ratio over one resting on as many cases ("—"
        when there are none)."""
        if not values:
            return cls(0, 0, 0)
        return cls(statistics.median(values), 1, len(values))


@dataclass(frozen=True)
class Period:
    """The `weeks` weeks ending with `last`, seen as at `as_of`."""

    last: Week
    weeks: int
    as_of: date

    @cached_property
    def first(self) -> Week:
        return self.last.plus(1 - self.weeks)

    @cached_property
    def _days(self) -> tuple[date, date]:
        return self.first.start, min(self.last.end, self.as_of)

    def contains(self, day: date | None) -> bool:
        # (Asked thousands of times a report: the first and last day are worked out once.)
        first, last = self._days
        return day is not None and first <= day <= last

    @classmethod
    def ending(cls, last: Week, weeks: int, today: date) -> Period:
        return cls(last, weeks, min(last.end, today))


@dataclass(frozen=True)
class Flow:
    """How steadily enquiries came in.

    Only the weeks the owner was logging count: weeks before their first enquiry are
    not gaps, and this week, while under way, counts only once one has come. A week
    a day old is a seventh of a week, so "a week" is not read low on a Monday."""

    enquiries: int
    weeks: int  # the weeks counted
    weeks_with: int  # weeks in which at least one came
    longest_gap: int  # the longest run of weeks without one
    elapsed_weeks: float | None = None  # the time counted, in weeks (else `weeks`)
    since_first: bool = False  # the first enquiry came in the period: counted from it

    @property
    def per_week(self) -> Ratio:
        elapsed = self.weeks if self.elapsed_weeks is None else self.elapsed_weeks
        return Ratio(self.enquiries, elapsed, self.weeks)


@dataclass(frozen=True)
class WordOfMouth:
    from_word_of_mouth: int  # referrals and repeat customers
    from_marketing: int
    enquiries: int
    referrals_in: int  # from word-of-mouth sources (a customer's, another trade's)
    referral_asks: int
    review_asks: int

    @property
    def share(self) -> Ratio:
        return Ratio(self.from_word_of_mouth, self.enquiries, self.enquiries)

    @property
    def all_talk(self) -> bool:
        """Nearly all work by word of mouth and none from marketing: the work talking,
        which cannot be turned up when it goes quiet."""
        share = self.share
        return share.judged and (share.value or 0) >= ALL_TALK_SHARE and not self.from_marketing


@dataclass(frozen=True)
class Quotes:
    quote_rate: Ratio  # of the period's enquiries, those quoted so far
    win_rate: Ratio  # won ÷ (won + lost), of decisions made in the period
    open_count: int
    open_total: int  # minor units
    oldest_open_days: int | None
    days_to_quote: Ratio  # the median days from enquiry to quote, of quotes given
    to_chase: int  # open quotes older than the settings' chase_after_days
    turned_away_busy: int  # not quoted: too busy, in the period


@dataclass(frozen=True)
class Money:
    won_count: int
    won_value: int
    spend: int
    revenue: int
    revenue_is_takings: bool  # else the work won stands in for it
    # The spend set against the takings: that of the days the takings cover (a month
    # not yet over has no takings typed in, so its days are left out of both).
    spend_against_takings: int | None = None

    @property
    def average_job(self) -> Ratio:
        return Ratio(self.won_value, self.won_count, self.won_count)

    @property
    def spend_share(self) -> Ratio:
        if self.revenue_is_takings:
            spend = self.spend if self.spend_against_takings is None else self.spend_against_takings
            return Ratio(spend, self.revenue, MIN_CASES)
        return Ratio(self.spend, self.revenue, self.won_count)


@dataclass(frozen=True)
class Backlog:
    """Booked customer work not yet done, in weeks of technician time."""

    remaining_minutes: int
    technician_minutes_a_week: int | None
    from_plan: bool  # the plan's hours for the week, else the recent average
    unestimated: tuple[str, ...]  # open jobs without an estimate, by title

    @property
    def weeks(self) -> Ratio:
        per_week = self.technician_minutes_a_week or 0
        return Ratio(self.remaining_minutes, per_week, MIN_CASES if per_week else 0)


@dataclass(frozen=True)
class EngineFigures:
    period: Period
    flow: Flow
    usual: Ratio  # enquiries a week over the longer run (settings.usual_weeks)
    word_of_mouth: WordOfMouth
    quotes: Quotes
    money: Money
    backlog: Backlog
    job_hours: Ratio  # minutes a finished customer job took, on average
    needed_a_week: float | None  # enquiries a week that keep the owner booked


def engine_figures(
    inputs: EngineInputs, period: Period, leads: Sequence[Lead] | None = None
) -> EngineFigures:
    """Every figure of `period`, from `inputs` as they stood at `period.as_of`.
    `leads`: the enquiries as they stood then, when already worked out
    (`leads_as_of`)."""
    if leads is None:
        leads = leads_as_of(inputs, period.as_of)
    # (Each figure below looks at the enquiries that came in, or were decided, in the
    # period: picked out once here, not once a figure; a report asks for 27 periods.)
    came = [lead for lead in leads if period.contains(lead.came_in)]
    decided = [lead for lead in leads if period.contains(lead.decided_on)]
    logging_since = _logging_since(leads, inputs.first_enquiry)
    flow = _flow(came, period, logging_since)
    longer = Period(period.last, inputs.settings.usual_weeks, period.as_of)
    usual_count = sum(1 for lead in leads if longer.contains(lead.came_in))
    usual_weeks = _elapsed_weeks(longer, logging_since)
    quotes = _quotes(inputs, leads, came, decided, period)
    backlog = _backlog(inputs, period)
    job_hours = _job_hours(inputs.jobs, period)
    return EngineFigures(
        period, flow, Ratio(usual_count, usual_weeks, math.ceil(usual_weeks)),
        _word_of_mouth(inputs, came, period), quotes, _money(inputs, decided, period),
        backlog, job_hours, _needed(backlog, job_hours, quotes),
    )  # fmt: skip


def _logging_since(leads: Sequence[Lead], first_ever: date | None) -> date | None:
    """The day of the first enquiry logged (of `leads`, as seen then): before its week,
    the owner was not yet logging, so those weeks say nothing about how work comes in."""
    first = min((lead.came_in for lead in leads), default=None)
    if first is not None and first_ever is not None:
        return min(first, first_ever)
    return first


def _counted_from(period: Period, since: date | None) -> date:
    first = period.first.start
    if since is None or since <= first:
        return first
    return first + timedelta(days=7 * ((since - first).days // 7))  # that week's first day


def _elapsed_weeks(period: Period, since: date | None) -> float:
    """The weeks from the start of logging (or of the period, if later) to `as_of`."""
    start = _counted_from(period, since)
    return max(1, (min(period.last.end, period.as_of) - start).days + 1) / 7


def _flow(came: Sequence[Lead], period: Period, since: date | None) -> Flow:
    """`came`: the enquiries that came in in the period."""
    counts = [0] * period.weeks
    for lead in came:
        counts[(lead.came_in - period.first.start).days // 7] += 1
    counts = counts[(_counted_from(period, since) - period.first.start).days // 7 :]
    if period.as_of < period.last.end and counts and counts[-1] == 0:
        counts.pop()  # this week is under way: no enquiry yet is not yet a gap
    longest = run = 0
    for count in counts:
        run = run + 1 if count == 0 else 0
        longest = max(longest, run)
    if since is None:  # nothing logged yet: the whole period, empty
        return Flow(0, period.weeks, 0, period.weeks)
    elapsed = _elapsed_weeks(period, since)
    started = _counted_from(period, since) > period.first.start
    return Flow(sum(counts), len(counts), sum(1 for c in counts if c), longest, elapsed, started)


def _word_of_mouth(inputs: EngineInputs, came: Sequence[Lead], period: Period) -> WordOfMouth:
    """`came`: the enquiries that came in in the period."""
    kinds = [
        source.kind
        for lead in came
        if (source := inputs.sources.get(lead.source_id or 0)) is not None
    ]  # fmt: skip
    asks = [ask.purpose for ask in inputs.asks if period.contains(ask.day)]
    return WordOfMouth(
        from_word_of_mouth=sum(1 for kind in kinds if kind in WORD_OF_MOUTH_KINDS),
        from_marketing=sum(1 for kind in kinds if kind is SourceKind.MARKETING),
        enquiries=len(came),
        referrals_in=sum(1 for kind in kinds if kind is SourceKind.WORD_OF_MOUTH),
        referral_asks=asks.count(Purpose.REFERRAL_ASK),
        review_asks=asks.count(Purpose.REVIEW_ASK),
    )


def _quotes(
    inputs: EngineInputs,
    leads: Sequence[Lead],
    came: Sequence[Lead],
    decided: Sequence[Lead],
    period: Period,
) -> Quotes:
    """`came` and `decided`: those of `leads` that came in, and that were decided, in
    the period."""
    quoted = sum(1 for lead in came if lead.quoted_on is not None)
    won = sum(1 for lead in decided if lead.state is LeadState.WON)
    lost = sum(1 for lead in decided if lead.state is LeadState.LOST)
    waits = [
        (lead.quoted_on - lead.came_in).days
        for lead in leads
        if lead.quoted_on is not None and period.contains(lead.quoted_on)
    ]
    open_quotes = [lead for lead in leads if lead.state is LeadState.QUOTED]
    ages = [(period.as_of - (lead.quoted_on or lead.came_in)).days for lead in open_quotes]
    busy = sum(
        1 for lead in decided if lead.not_quoted_reason is NotQuotedReason.TOO_BUSY
    )  # fmt: skip
    return Quotes(
        quote_rate=Ratio(quoted, len(came), len(came)),
        win_rate=Ratio(won, won + lost, won + lost),
        open_count=len(open_quotes),
        open_total=sum(lead.quote or 0 for lead in open_quotes),
        oldest_open_days=max(ages) if ages else None,
        days_to_quote=Ratio.median_of(waits),
        to_chase=sum(1 for age in ages if age > inputs.settings.chase_after_days),
        turned_away_busy=busy,
    )


def _money(inputs: EngineInputs, decided: Sequence[Lead], period: Period) -> Money:
    """`decided`: the enquiries decided in the period."""
    won = [lead for lead in decided if lead.state is LeadState.WON]
    won_value = sum(lead.value or 0 for lead in won)
    spend = sum(item.amount for item in inputs.spend if period.contains(item.day))
    covered = _takings_in(inputs, period)
    if covered is None:
        return Money(len(won), won_value, spend, won_value, False)
    takings, last_day = covered
    against = sum(
        item.amount for item in inputs.spend if period.contains(item.day) and item.day <= last_day
    )
    return Money(len(won), won_value, spend, takings, True, against)


def _takings_in(inputs: EngineInputs, period: Period) -> tuple[int, date] | None:
    """The takings of the period, each month's share by the days of it in the period,
    and the last day they cover; None unless every month the period touches has its
    takings. A month not yet over without its takings (they are typed in once it ends)
    is left out, its days with it."""
    by_month = {months.month: months.amount for months in inputs.takings}
    first, last = period.first.start, min(period.last.end, period.as_of)
    this_month = last.replace(day=1)
    month_over = last.day == calendar.monthrange(last.year, last.month)[1]
    if this_month not in by_month and not month_over and this_month > first:
        last = this_month - timedelta(days=1)
    total = 0.0
    month = first.replace(day=1)
    while month <= last:
        if month not in by_month:
            return None
        days_in_month = calendar.monthrange(month.year, month.month)[1]
        month_end = month + timedelta(days=days_in_month - 1)
        days = (min(month_end, last) - max(month, first)).days + 1
        total += by_month[month] * days / days_in_month
        month = month_end + timedelta(days=1)
    return round(total), last


def technician_minutes_a_week(inputs: EngineInputs, week: Week) -> tuple[int | None, bool]:
    """The technician minutes of a week: the plan's when a plan runs that week, else the
    average of the last weeks worked before it. Says which (True: the plan's)."""
    planned = inputs.technician_planned.get(week.start)
    if planned is not None:
        return planned, True
    worked = [
        minutes
        for back in range(1, RECENT_WEEKS + 1)
        if (minutes := inputs.technician_done.get(week.plus(-back).start, 0)) > 0
    ]
    return (round(sum(worked) / len(worked)) if worked else None), False


def _backlog(inputs: EngineInputs, period: Period) -> Backlog:
    day = period.as_of
    open_jobs = [job for job in inputs.jobs if job.is_open_on(day)]
    remaining = [job.remaining_on(day) for job in open_jobs]
    per_week, from_plan = technician_minutes_a_week(inputs, period.last)
    return Backlog(
        remaining_minutes=sum(minutes or 0 for minutes in remaining),
        technician_minutes_a_week=per_week,
        from_plan=from_plan,
        unestimated=tuple(
            job.title for job, minutes in zip(open_jobs, remaining, strict=True) if minutes is None
        ),
    )


def _job_hours(jobs: Sequence[Job], period: Period) -> Ratio:
    """How long a customer job takes: the minutes done on those finished in the period."""
    done = [job.minutes_done() for job in jobs if period.contains(job.completed)]
    done = [minutes for minutes in done if minutes > 0]
    return Ratio(sum(done), len(done), len(done))


def _needed(backlog: Backlog, job_hours: Ratio, quotes: Quotes) -> float | None:
    """Enquiries a week that keep the owner booked: the jobs a week their hours allow,
    over the share of enquiries that become jobs. None until all of it is judged."""
    per_week = backlog.technician_minutes_a_week
    if not (per_week and job_hours.judged and quotes.quote_rate.judged and quotes.win_rate.judged):
        return None
    minutes_a_job = job_hours.value or 0.0
    becoming_jobs = (quotes.quote_rate.value or 0.0) * (quotes.win_rate.value or 0.0)
    if minutes_a_job <= 0 or becoming_jobs <= 0:
        return None
    return per_week / minutes_a_job / becoming_jobs
