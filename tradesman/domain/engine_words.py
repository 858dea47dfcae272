"""The engines' figures in sentences a carpenter reads at a glance (issue 15), the same
in the window, on paper and on the command line.

A figure with nothing to divide by is "—"; one resting on fewer than three cases is
"too few to judge". Amounts are written by the `money` the caller gives (the currency
and the locale's decimal mark are the caller's to know).
"""

from __future__ import annotations

from collections.abc import Callable

from tradesman.domain.clock import format_hours
from tradesman.domain.engine_inputs import MIN_CASES
from tradesman.domain.engine_numbers import EngineFigures, Ratio
from tradesman.domain.engine_sources import SourceRow
from tradesman.domain.numbers import NO_SHARE_ON_SCREEN, one_decimal, percent
from tradesman.domain.weeks import format_span
from tradesman.domain.work_weeks import WorkWeek
from tradesman.words import count_of

Money = Callable[[int], str]
TOO_FEW = "too few to judge"
TOO_FEW_SHORT = "too few"
USUAL_SPEND = "owners usually name 1–10 %"


def this_week_words(
    work: WorkWeek, marketing_minutes: int, money: Money, floor_minutes: int | None = None
) -> str:
    """This week's line: 2 enquiries, 1 quote out, 1 job won (with its worth), and the
    marketing done, against the plan's least for the week (`floor_minutes`) where a
    plan runs: "marketing 2 h of at least 3 h"."""
    won = count_of(work.won, "job") + " won"
    if work.won:
        won += f" ({money(work.won_value)})"
    marketing = f"marketing {format_hours(marketing_minutes)}" if marketing_minutes else ""
    if floor_minutes:
        done = format_hours(marketing_minutes) if marketing_minutes else "0 h"
        marketing = f"marketing {done} of at least {format_hours(floor_minutes)}"
    parts = [
        count_of(work.enquiries, "enquiry", "enquiries"),
        f"{count_of(work.quotes, 'quote')} out",
        won,
        marketing or "no marketing yet",
    ]
    return "This week: " + " · ".join(parts)


def shown(ratio: Ratio, as_text: Callable[[float], str]) -> str:
    """The figure as the owner reads it: "—", "too few to judge", or its value."""
    value = ratio.value
    if value is None:
        return NO_SHARE_ON_SCREEN
    if not ratio.judged:
        return TOO_FEW
    return as_text(value)


def period_words(figures: EngineFigures) -> str:
    period = figures.period
    return f"The last {period.weeks} weeks ({format_span(period.first.start, period.as_of)})"


def flow_words(figures: EngineFigures) -> str:
    flow = figures.flow
    if not flow.enquiries:
        return f"No enquiries logged in the last {figures.period.weeks} weeks."
    per_week = one_decimal(flow.per_week.value or 0.0)
    # Weeks before the first enquiry was logged are not counted: say it is a short run.
    weeks = (
        f"the {count_of(flow.weeks, 'week')} since the first was logged"
        if flow.since_first
        else f"the last {count_of(flow.weeks, 'week')}"
    )
    if not flow.longest_gap:  # ("the longest gap was 0 weeks" says it the hard way)
        every = "every one of " if flow.weeks > 1 else ""
        return f"Enquiries came in {every}{weeks}, {per_week} a week."
    gap = count_of(flow.longest_gap, "week")
    return (
        f"Enquiries came in {flow.weeks_with} of {weeks}, {per_week} a week; "
        f"the longest gap was {gap}."
    )


def word_of_mouth_words(figures: EngineFigures) -> str:
    talk = figures.word_of_mouth
    if not talk.enquiries:
        return "No enquiries yet to say where work comes from."
    if talk.share.judged:
        said = (
            f"{shown(talk.share, percent)} of enquiries came by word of mouth or from past "
            f"customers ({talk.from_word_of_mouth} of {talk.enquiries}); "
            f"{talk.from_marketing} from marketing."
        )
    else:  # (no share to give: the counts, said as counts)
        said = (
            f"{talk.from_word_of_mouth} of {count_of(talk.enquiries, 'enquiry', 'enquiries')} "
            f"came by word of mouth or from past customers ({TOO_FEW}); "
            f"{talk.from_marketing} from marketing."
        )
    if talk.all_talk:
        said += (
            " Nearly all your work is the work talking: good, but it cannot be turned up "
            "when it goes quiet."
        )
    return said


def asks_words(figures: EngineFigures) -> str:
    talk = figures.word_of_mouth
    asked = count_of(talk.referral_asks, "customer", "customers")
    came = count_of(talk.referrals_in, "referral")
    reviews = count_of(talk.review_asks, "review ask", "review asks")
    return f"You asked {asked} for a referral; {came} came in. {reviews} done."


def quotes_words(figures: EngineFigures, money: Money) -> str:
    quotes = figures.quotes
    quoted, won = quotes.quote_rate, quotes.win_rate
    said = (
        f"Quoted {_of(quoted, 'enquiry', 'enquiries')}; "
        f"won {_of(won, 'quote decided', 'quotes decided')}."
    )
    if quotes.open_count:
        said += (
            f" {count_of(quotes.open_count, 'quote')} waiting, worth {money(quotes.open_total)}; "
            f"the oldest {count_of(quotes.oldest_open_days or 0, 'day')}."
        )
    wait = quotes.days_to_quote
    if wait.judged:
        said += f" A quote goes out {shown(wait, _days)} after the enquiry (the middle case)."
    elif wait.value is not None:  # ("goes out too few to judge after" said nothing)
        said += " Too few quotes yet to say how soon one goes out."
    return said


def money_words(figures: EngineFigures, money: Money) -> str:
    cash = figures.money
    base = "takings" if cash.revenue_is_takings else "work won"
    average = cash.average_job
    # (An average in whole units: "3,964 on average", not "3,964.29".)
    whole = round((average.value or 0) / 100) * 100
    each = f", {money(whole)} on average" if average.judged else ""
    share = cash.spend_share
    if share.value is None:
        of_revenue = f"no {base} to set it against"
    elif share.judged:
        of_revenue = f"{_share_one_place(share.value)} of {base} ({USUAL_SPEND})"
    else:
        of_revenue = f"too few jobs won to judge it against {base}"
    return (
        f"Work won {money(cash.won_value)} ({count_of(cash.won_count, 'job')}{each}). "
        f"Marketing spend {money(cash.spend)}: {of_revenue}."
    )


def backlog_words(figures: EngineFigures) -> str:
    backlog = figures.backlog
    weeks = backlog.weeks
    if backlog.technician_minutes_a_week is None:
        return "Booked ahead: — (no technician hours done lately to measure a week by)."
    ahead = shown(weeks, lambda value: count_of_weeks(value))
    hours = "the plan's" if backlog.from_plan else "your recent"
    said = f"Booked {ahead} ahead, at {hours} technician hours a week"
    if backlog.unestimated:
        no_estimate = count_of(len(backlog.unestimated), "job has", "jobs have")
        said = f"Booked at least {ahead} ahead, at {hours} technician hours a week; "
        said += f"{no_estimate} no estimate ({', '.join(backlog.unestimated[:3])})"
    return said + "."


def needed_words(figures: EngineFigures) -> str:
    needed = figures.needed_a_week
    if needed is None:
        return "Enquiries needed a week to stay booked: — (too few jobs and quotes to judge)."
    return f"{one_decimal(needed)} enquiries a week keep you booked."


def source_cells(row: SourceRow, money: Money, *, short: bool = False) -> list[str]:
    """A row of the table of sources: name, enquiries, won, work won, spend, hours,
    hours per enquiry, work won per hour, return per unit spent, cost per job won.

    `short`: "too few" for "too few to judge", where narrow columns need it (the
    printed table, with TABLE_KEY under it to say what it means)."""
    cost = row.cost_per_job
    cells = [
        row.name, str(row.enquiries), str(row.won), money(row.won_value), money(row.spend),
        one_decimal(row.hours), shown(row.hours_per_enquiry, one_decimal),
        shown(row.won_per_hour, lambda value: money(round(value))),
        shown(row.return_on_spend, lambda value: f"{one_decimal(value)}×"),
        NO_SHARE_ON_SCREEN if cost is None else shown(cost, lambda value: money(round(value))),
    ]  # fmt: skip
    if short:
        return [cells[0], *(TOO_FEW_SHORT if cell == TOO_FEW else cell for cell in cells[1:])]
    return cells


SOURCE_HEADINGS = [
    "Source", "Enquiries", "Won", "Work won", "Spend", "Hours", "Hours per enquiry",
    "Won per hour", "Back per 1 spent", "Cost per job",
]  # fmt: skip
ATTRIBUTION = "Each enquiry counts for the one source it was logged with."
NO_SOURCES = "Nothing came in, was spent or was done for a source in these weeks."
TABLE_KEY = (
    f"“{TOO_FEW_SHORT}”: fewer than {MIN_CASES} enquiries or jobs won to judge by. "
    f"“{NO_SHARE_ON_SCREEN}”: nothing to divide by, such as no hours or no spend."
)


def _of(ratio: Ratio, thing: str, things: str) -> str:
    """ "3 of 5 enquiries (60%)", "2 of the 2 quotes decided (too few to judge)", or
    "none of 0 …" said as "no quotes decided yet"."""
    part, whole = int(ratio.part), int(ratio.whole)
    if not whole:
        return f"no {things} yet"
    the = "the " if thing.startswith("quote") else ""
    return f"{part} of {the}{count_of(whole, thing, things)} ({shown(ratio, percent)})"


def count_of_weeks(value: float) -> str:
    shown_value = one_decimal(value).removesuffix(".0")
    return f"{shown_value} week" if shown_value == "1" else f"{shown_value} weeks"


def _days(value: float) -> str:
    shown_value = one_decimal(value).removesuffix(".0")
    return f"{shown_value} day" if shown_value == "1" else f"{shown_value} days"


def _share_one_place(value: float) -> str:
    return f"{one_decimal(100 * value)}%"
