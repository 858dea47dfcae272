"""Which engine holds the business back now: marketing, sales or production (issue 15).

Growth comes in phases: fix marketing until enquiries flow, then sales becomes the
bottleneck, then production, then marketing again. The rules below are tried in order
and the first that holds names the stuck engine, with its reason in numbers and one
next step in plain words. A change is shown only once it has held two weeks running,
so one odd week does not send the owner off in a new direction (no flapping); the strip
shows the verdict week by week over the last 26 weeks, each worked out from the data as
it stood at that week's end, so the owner sees the cycle.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from tradesman.domain.engine_inputs import MIN_CASES, EngineInputs, EngineSettings
from tradesman.domain.engine_numbers import RECENT_WEEKS, EngineFigures, Period, engine_figures
from tradesman.domain.engine_sources import SourceRow, best_hour, source_rows
from tradesman.domain.engine_words import count_of_weeks
from tradesman.domain.numbers import one_decimal, percent
from tradesman.domain.weeks import Week
from tradesman.words import count_of

PERIOD_WEEKS = 13
STRIP_WEEKS = 26


class Engine(StrEnum):
    NOT_ENOUGH_DATA = "not_enough_data"
    PRODUCTION = "production"
    MARKETING = "marketing"
    SALES = "sales"
    NOTHING_STUCK = "nothing_stuck"


ENGINE_WORDS = {
    Engine.NOT_ENOUGH_DATA: "Not enough to judge yet",
    Engine.PRODUCTION: "Production is stuck",
    Engine.MARKETING: "Marketing is stuck",
    Engine.SALES: "Sales is stuck",
    Engine.NOTHING_STUCK: "Nothing is stuck",
}


# A different engine this week, not yet shown: "This week {…}".
_POINTING_TO = {
    Engine.NOT_ENOUGH_DATA: "there is too little to judge",
    Engine.PRODUCTION: "production looks stuck",
    Engine.MARKETING: "marketing looks stuck",
    Engine.SALES: "sales looks stuck",
    Engine.NOTHING_STUCK: "nothing looks stuck",
}


@dataclass(frozen=True)
class Verdict:
    engine: Engine
    reason: str  # in numbers
    next_step: str  # one thing to do, in plain words
    # A different engine this week, not yet held two weeks running: shown, not acted on.
    changing_to: Engine | None = None


@dataclass(frozen=True)
class EngineReport:
    """The figures and source table of the period ending this week, the verdict now,
    and the strip of past weeks (oldest first) that led to it."""

    figures: EngineFigures
    sources: tuple[SourceRow, ...]
    verdict: Verdict
    strip: tuple[tuple[Week, Verdict], ...]


def engine_report(
    inputs: EngineInputs, weeks: int = PERIOD_WEEKS, strip_weeks: int = STRIP_WEEKS
) -> EngineReport:
    """The engines now (the `weeks` weeks up to today), and week by week before it."""
    raw: list[tuple[Week, Verdict]] = []
    for back in range(strip_weeks, 0, -1):
        week = inputs.this_week.plus(-back)
        period = Period.ending(week, weeks, inputs.today)
        figures = engine_figures(inputs, period)
        raw.append((week, judge(figures, source_rows(inputs, period), inputs.settings)))
    now_period = Period.ending(inputs.this_week, weeks, inputs.today)
    figures = engine_figures(inputs, now_period)
    rows = tuple(source_rows(inputs, now_period))
    raw.append((inputs.this_week, judge(figures, rows, inputs.settings)))
    shown = held_two_weeks([verdict for _, verdict in raw])
    strip = tuple((week, verdict) for (week, _), verdict in zip(raw, shown, strict=True))
    return EngineReport(figures, rows, shown[-1], strip[:-1])


def changing_words(verdict: Verdict) -> str | None:
    """What this week points to when it differs from the verdict shown, or None."""
    if verdict.changing_to is None:
        return None
    return (
        f"This week {_POINTING_TO[verdict.changing_to]}; a change is shown once it holds "
        "two weeks running."
    )


def held_two_weeks(raw: Sequence[Verdict]) -> list[Verdict]:
    """The verdicts to show: a new engine only once it has held two weeks running; until
    then the one before stays, saying what may be coming."""
    shown: list[Verdict] = []
    for number, verdict in enumerate(raw):
        if number == 0 or verdict.engine is raw[number - 1].engine:
            shown.append(verdict)
        elif verdict.engine is shown[-1].engine:
            shown.append(verdict)  # back to the engine shown: nothing changes
        else:
            shown.append(replace(shown[-1], changing_to=verdict.engine))
    return shown


def judge(figures: EngineFigures, rows: Sequence[SourceRow], settings: EngineSettings) -> Verdict:
    """The first rule that holds: not enough data, production, marketing, sales, or
    nothing stuck."""
    flow, quotes, backlog = figures.flow, figures.quotes, figures.backlog
    weeks = figures.period.weeks
    if flow.enquiries < MIN_CASES:
        return Verdict(
            Engine.NOT_ENOUGH_DATA,
            f"{count_of(flow.enquiries, 'enquiry', 'enquiries')} logged in the last "
            f"{weeks} weeks; {MIN_CASES} are needed to judge.",
            "Log every enquiry as it comes in (Ctrl+L), with where they heard of you.",
        )
    booked = backlog.weeks
    booked_weeks = booked.value if booked.judged else None
    if booked_weeks is not None and booked_weeks > settings.booked_weeks_limit:
        return Verdict(
            Engine.PRODUCTION,
            f"Booked {_weeks(booked_weeks)} ahead, more than the "
            f"{_weeks(settings.booked_weeks_limit)} you can sensibly promise.",
            f"Booked {_weeks(booked_weeks)} ahead: raise prices, hand off or subcontract "
            "(the hand-off list is on the Plan page).",
        )
    if quotes.turned_away_busy:
        turned = count_of(quotes.turned_away_busy, "enquiry", "enquiries")
        return Verdict(
            Engine.PRODUCTION,
            f"{turned} turned away as too busy in the last {weeks} weeks.",
            "Work is there but your hours are not: raise prices, hand off or subcontract "
            "(the hand-off list is on the Plan page).",
        )
    per_week = flow.per_week.value or 0.0
    needed = figures.needed_a_week
    usual = figures.usual.value
    if needed is not None and per_week < needed:
        return Verdict(
            Engine.MARKETING,
            f"{_one_place(per_week)} enquiries a week came in; {_one_place(needed)} a week "
            "keep you booked.",
            _marketing_step(rows),
        )
    if (
        booked_weeks is not None
        and booked_weeks < settings.short_backlog_weeks
        and usual is not None
        and per_week < usual
    ):
        return Verdict(
            Engine.MARKETING,
            f"Booked only {_weeks(booked_weeks)} ahead, and fewer enquiries than usual "
            f"({_one_place(per_week)} a week against {_one_place(usual)}).",
            _marketing_step(rows),
        )
    if quotes.win_rate.judged and (quotes.win_rate.value or 0.0) < settings.win_rate_floor:
        return Verdict(
            Engine.SALES,
            f"You won {percent(quotes.win_rate.value)} of the quotes decided in the last "
            f"{weeks} weeks, under {percent(settings.win_rate_floor)}.",
            "Call every quote at 3 and 10 days, and ask why when you lose one.",
        )
    if quotes.to_chase >= settings.stale_quotes_limit:
        chase = count_of(quotes.to_chase, "quote", "quotes")
        days = settings.chase_after_days
        return Verdict(
            Engine.SALES,
            f"{chase} waiting more than {days} days for an answer.",
            f"{chase} over {_days_words(days)} old: call them.",
        )
    wait = quotes.days_to_quote
    if wait.judged and (wait.value or 0.0) > settings.slow_quote_days:
        return Verdict(
            Engine.SALES,
            f"A quote takes {_one_place(wait.value or 0.0)} days to go out (the middle "
            f"of the last {wait.cases}).",
            "Send each quote within a few days of the visit, while they still remember you.",
        )
    missing = _missing(figures)
    if missing:
        return Verdict(
            Engine.NOT_ENOUGH_DATA,
            f"Nothing found stuck, but too little to be sure: {'; '.join(missing)}.",
            "Mark blocks done, give each customer's job an estimate and log what became "
            "of each quote: the engines are judged from those.",
        )
    return Verdict(
        Engine.NOTHING_STUCK,
        f"{_one_place(per_week)} enquiries a week, quotes answered and won, and your "
        "hours booked without running over.",
        "Keep the marketing hours in the week: they are what keeps it this way.",
    )


def _missing(figures: EngineFigures) -> list[str]:
    """What "nothing is stuck" would rest on but is not there: how far ahead the owner
    is booked, and how their quotes fare."""
    missing = []
    backlog = figures.backlog
    if backlog.technician_minutes_a_week is None:
        missing.append(f"no technician hours marked done in the last {RECENT_WEEKS} weeks")
    elif not backlog.weeks.judged:
        missing.append("no customer's job booked to measure how far ahead you are")
    decided = figures.quotes.win_rate.cases
    if decided < MIN_CASES:
        missing.append(f"{count_of(decided, 'quote')} decided ({MIN_CASES} needed)")
    return missing


def _marketing_step(rows: Sequence[SourceRow]) -> str:
    best = best_hour(rows)
    if best is None:
        return "Book a marketing hour this week, and ask your last customers for a referral."
    return f"Book the marketing hour that brought most work per hour: {best.name}."


def _one_place(number: float) -> str:
    return one_decimal(number)


def _weeks(number: float) -> str:
    return count_of_weeks(number)


def _days_words(days: int) -> str:
    return "two weeks" if days == 14 else f"{days} days"
