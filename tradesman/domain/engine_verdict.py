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

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from tradesman.domain.engine_inputs import MIN_CASES, EngineInputs, EngineSettings, leads_as_of
from tradesman.domain.engine_numbers import RECENT_WEEKS, EngineFigures, Period, engine_figures
from tradesman.domain.engine_sources import SourceRow, best_hour, source_rows
from tradesman.domain.engine_words import count_of_weeks
from tradesman.domain.numbers import one_decimal, percent
from tradesman.domain.weeks import Week, format_day
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
    """The figures and source table of the `weeks` weeks up to today; the verdict now and
    week by week before it. The verdict is always judged over the same 13 weeks, so the
    Week page, the Charts page, the PDF and the command line never name different
    engines because different weeks were chosen to look at."""
    judged: list[tuple[Week, EngineFigures, tuple[SourceRow, ...]]] = []
    for back in range(strip_weeks, -1, -1):
        week = inputs.this_week.plus(-back)
        period = Period.ending(week, PERIOD_WEEKS, inputs.today)
        leads = leads_as_of(inputs, period.as_of)  # (worked out once for both)
        judged.append(
            (week, engine_figures(inputs, period, leads), tuple(source_rows(inputs, period, leads)))
        )
    raw = [judge(figures, rows, inputs.settings) for _, figures, rows in judged]
    shown = held_two_weeks(raw)
    for number, verdict in enumerate(shown):
        if verdict.changing_to is not None:
            _, figures, rows = judged[number]
            since = _held_since(raw, number, verdict.engine)
            shown[number] = _held_reason(verdict, figures, rows, inputs.settings, judged[since][0])
    strip = tuple((week, verdict) for (week, _, _), verdict in zip(judged, shown, strict=True))
    if weeks == PERIOD_WEEKS:
        _, figures, rows = judged[-1]
    else:
        period = Period.ending(inputs.this_week, weeks, inputs.today)
        leads = leads_as_of(inputs, period.as_of)
        figures = engine_figures(inputs, period, leads)
        rows = tuple(source_rows(inputs, period, leads))
    return EngineReport(figures, rows, shown[-1], strip[:-1])


def changing_words(verdict: Verdict) -> str | None:
    """What this week points to when it differs from the verdict shown, or None."""
    if verdict.changing_to is None:
        return None
    return (
        f"This week {_POINTING_TO[verdict.changing_to]}; a change is shown once it holds "
        "two weeks running."
    )


def verdict_notes(report: EngineReport) -> list[str]:
    """What to say under the verdict: a change on its way, and, when the figures shown
    cover other weeks than the verdict's 13, that they do."""
    notes = [note] if (note := changing_words(report.verdict)) is not None else []
    weeks = report.figures.period.weeks
    if weeks != PERIOD_WEEKS:
        notes.append(
            f"The verdict is judged over the last {PERIOD_WEEKS} weeks; the figures "
            f"below cover the last {weeks}."
        )
    return notes


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


def _held_since(raw: Sequence[Verdict], number: int, engine: Engine) -> int:
    """The last week up to `number` whose own verdict was `engine`."""
    return max((before for before in range(number + 1) if raw[before].engine is engine), default=0)


def _held_reason(
    held: Verdict,
    figures: EngineFigures,
    rows: Sequence[SourceRow],
    settings: EngineSettings,
    since: Week,
) -> Verdict:
    """A verdict kept while a change waits to hold: its reason in this week's numbers
    when one of its rules still holds, else the reason it had, said to be from then."""
    for rule in RULES[:-1]:  # ("nothing is stuck" holds whenever no other rule does)
        verdict = rule(figures, rows, settings)
        if verdict is not None and verdict.engine is held.engine:
            return replace(verdict, changing_to=held.changing_to)
    return replace(held, reason=f"In the week of {format_day(since.start)}: {held.reason}")


Rule = Callable[[EngineFigures, Sequence[SourceRow], EngineSettings], "Verdict | None"]


def judge(figures: EngineFigures, rows: Sequence[SourceRow], settings: EngineSettings) -> Verdict:
    """The first rule that holds (see RULES): not enough data, production, marketing,
    sales, or nothing stuck."""
    for rule in RULES:
        verdict = rule(figures, rows, settings)
        if verdict is not None:
            return verdict
    raise AssertionError("the last rule always holds")  # pragma: no cover


def too_few_enquiries(
    figures: EngineFigures, rows: Sequence[SourceRow], settings: EngineSettings
) -> Verdict | None:
    flow = figures.flow
    if flow.enquiries >= MIN_CASES:
        return None
    return Verdict(
        Engine.NOT_ENOUGH_DATA,
        f"{count_of(flow.enquiries, 'enquiry', 'enquiries')} logged in the last "
        f"{figures.period.weeks} weeks; {MIN_CASES} are needed to judge.",
        "Log every enquiry as it comes in (Ctrl+L), with where they heard of you.",
    )


def booked_too_far(
    figures: EngineFigures, rows: Sequence[SourceRow], settings: EngineSettings
) -> Verdict | None:
    booked = _booked_weeks(figures)
    if booked is None or booked <= settings.booked_weeks_limit:
        return None
    return Verdict(
        Engine.PRODUCTION,
        f"Booked {_weeks(booked)} ahead, more than the "
        f"{_weeks(settings.booked_weeks_limit)} you can sensibly promise.",
        f"Booked {_weeks(booked)} ahead: raise prices, hand off or subcontract "
        "(the hand-off list is on the Plan page).",
    )


def turned_away_busy(
    figures: EngineFigures, rows: Sequence[SourceRow], settings: EngineSettings
) -> Verdict | None:
    busy = figures.quotes.turned_away_busy
    if not busy:
        return None
    return Verdict(
        Engine.PRODUCTION,
        f"{count_of(busy, 'enquiry', 'enquiries')} turned away as too busy in the last "
        f"{figures.period.weeks} weeks.",
        "Work is there but your hours are not: raise prices, hand off or subcontract "
        "(the hand-off list is on the Plan page).",
    )


def fewer_than_needed(
    figures: EngineFigures, rows: Sequence[SourceRow], settings: EngineSettings
) -> Verdict | None:
    per_week, needed = figures.flow.per_week.value or 0.0, figures.needed_a_week
    if needed is None or per_week >= needed:
        return None
    return Verdict(
        Engine.MARKETING,
        f"{_one_place(per_week)} enquiries a week came in; {_one_place(needed)} a week "
        "keep you booked.",
        _marketing_step(rows),
    )


def short_and_quiet(
    figures: EngineFigures, rows: Sequence[SourceRow], settings: EngineSettings
) -> Verdict | None:
    booked, usual = _booked_weeks(figures), figures.usual.value
    per_week = figures.flow.per_week.value or 0.0
    if booked is None or booked >= settings.short_backlog_weeks:
        return None
    if usual is None or per_week >= usual:
        return None
    return Verdict(
        Engine.MARKETING,
        f"Booked only {_weeks(booked)} ahead, and fewer enquiries than usual "
        f"({_one_place(per_week)} a week against {_one_place(usual)}).",
        _marketing_step(rows),
    )


def few_wins(
    figures: EngineFigures, rows: Sequence[SourceRow], settings: EngineSettings
) -> Verdict | None:
    win_rate = figures.quotes.win_rate
    if not win_rate.judged or (win_rate.value or 0.0) >= settings.win_rate_floor:
        return None
    return Verdict(
        Engine.SALES,
        f"You won {percent(win_rate.value)} of the quotes decided in the last "
        f"{figures.period.weeks} weeks, under {percent(settings.win_rate_floor)}.",
        "Call every quote at 3 and 10 days, and ask why when you lose one.",
    )


def quotes_waiting(
    figures: EngineFigures, rows: Sequence[SourceRow], settings: EngineSettings
) -> Verdict | None:
    waiting = figures.quotes.to_chase
    if waiting < settings.stale_quotes_limit:
        return None
    chase, days = count_of(waiting, "quote", "quotes"), settings.chase_after_days
    return Verdict(
        Engine.SALES,
        f"{chase} waiting more than {days} days for an answer.",
        f"{chase} over {_days_words(days)} old: call them.",
    )


def slow_quotes(
    figures: EngineFigures, rows: Sequence[SourceRow], settings: EngineSettings
) -> Verdict | None:
    wait = figures.quotes.days_to_quote
    if not wait.judged or (wait.value or 0.0) <= settings.slow_quote_days:
        return None
    return Verdict(
        Engine.SALES,
        f"A quote takes {_one_place(wait.value or 0.0)} days to go out (the middle "
        f"of the last {wait.cases}).",
        "Send each quote within a few days of the visit, while they still remember you.",
    )


def too_little_to_be_sure(
    figures: EngineFigures, rows: Sequence[SourceRow], settings: EngineSettings
) -> Verdict | None:
    missing = _missing(figures)
    if not missing:
        return None
    return Verdict(
        Engine.NOT_ENOUGH_DATA,
        f"Nothing found stuck, but too little to be sure: {'; '.join(missing)}.",
        "Mark blocks done, give each customer's job an estimate and log what became "
        "of each quote: the engines are judged from those.",
    )


def nothing_stuck(
    figures: EngineFigures, rows: Sequence[SourceRow], settings: EngineSettings
) -> Verdict:
    return Verdict(
        Engine.NOTHING_STUCK,
        f"{_one_place(figures.flow.per_week.value or 0.0)} enquiries a week, quotes "
        "answered and won, and your hours booked without running over.",
        "Keep the marketing hours in the week: they are what keeps it this way.",
    )


# The rules in the order they are tried; the first that holds names the engine. Growth
# goes marketing → sales → production; a later engine is named only when no earlier
# rule holds, because an owner too busy to quote gains nothing from more enquiries.
RULES: tuple[Rule, ...] = (
    too_few_enquiries,
    booked_too_far,
    turned_away_busy,
    fewer_than_needed,
    short_and_quiet,
    few_wins,
    quotes_waiting,
    slow_quotes,
    too_little_to_be_sure,
    nothing_stuck,
)


def _booked_weeks(figures: EngineFigures) -> float | None:
    booked = figures.backlog.weeks
    return booked.value if booked.judged else None


def _missing(figures: EngineFigures) -> list[str]:
    """What "nothing is stuck" would rest on but is not there: how far ahead the owner
    is booked, and how their quotes fare."""
    missing = []
    backlog = figures.backlog
    if backlog.technician_minutes_a_week is None:
        missing.append(f"no technician hours marked done in the last {RECENT_WEEKS} weeks")
    elif backlog.technician_minutes_a_week == 0:
        missing.append("the plan gives this week no technician hours to measure a week by")
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
