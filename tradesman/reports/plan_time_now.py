"""The plan's "Where the time goes now": the mix of the recent weeks' hours, this week
by day, and the business share week by week, each chart with a sentence that says
what it shows (or, with nothing to show, only the sentence).
"""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from tradesman.domain.clock import format_hours
from tradesman.domain.numbers import percent
from tradesman.domain.plan import target_for
from tradesman.reports import drawings
from tradesman.reports.paper import styles
from tradesman.reports.sheets import PlanSheet
from tradesman.reports.text import escape

CHART_GAP = 6.0


def where_the_time_goes(sheet: PlanSheet, width: float) -> list[Flowable]:
    style = styles()
    story: list[Flowable] = [Paragraph("Where the time goes now", style["h1"])]

    recent = sheet.recent
    if recent.total_minutes:
        share = percent(recent.business_share, paper=True)
        words = (
            f"In your recent weeks {format_hours(recent.total_minutes)} were marked done: "
            f"{format_hours(recent.technician_minutes)} on the tools and "
            f"{format_hours(recent.business_minutes)} on the business, {share} business."
        )
    elif sheet.baseline_measured:
        words = "No hours are marked done in recent weeks."
    else:
        words = (
            "No hours are marked done in recent weeks, so the plan starts from the share "
            "you typed in. Mark blocks done each week and a chart of them appears here."
        )
    # An empty chart would only repeat the sentence: it is left out.
    mix = drawings.area_mix(recent, width, 150) if recent.total_minutes else None
    story.append(_chart_part("Your recent weeks", words, mix))

    by_day = sheet.by_day
    planned, done = by_day.total.planned, by_day.total.actual
    if by_day.is_empty:
        words = "Nothing is planned for this week yet."
    else:
        words = (
            f"This week has {format_hours(planned.total_minutes)} planned, "
            f"{percent(planned.business_share, paper=True)} of it on the business; "
            f"{format_hours(done.total_minutes)} are marked done so far."
        )
    story.append(
        _chart_part(
            f"This week by day · {by_day.week.label}",
            words,
            None if by_day.is_empty else drawings.day_bars(by_day, width, 170),
        )
    )

    trend = sheet.trend
    targets = [target_for(sheet.ramp, week.week) for week in trend.weeks]
    aims = [
        week.target if target is None else target
        for week, target in zip(trend.weeks, targets, strict=True)
    ]
    # The settings' target, beside each week the plan sets its own for.
    long_term = [
        None if target is None else (week.long_term_target or week.target)
        for week, target in zip(trend.weeks, targets, strict=True)
    ]
    chart = None if trend.is_empty else drawings.trend_lines(trend, width, 170, aims, long_term)
    story.append(_chart_part("Business share, week by week", trend_sentence(sheet), chart))
    return story


def trend_sentence(sheet: PlanSheet) -> str:
    weeks = sheet.trend.weeks
    # (This week is not over: the latest week to speak of is the last one that ended.)
    worked = [
        week
        for week in weeks
        if week.actual.business_share is not None and week.week.end < sheet.today
    ]
    if not worked:
        count = f"the last {len(weeks)} weeks" if len(weeks) > 1 else "recent weeks"
        if sheet.trend.is_empty:
            return f"No hours are planned or marked done in {count} yet."
        return f"No hours are marked done in {count} yet; the chart shows what was planned."
    latest = worked[-1]
    target = target_for(sheet.ramp, latest.week)
    if target is None:
        against = f"against a target of {percent(latest.target, paper=True)}"
    else:
        # The plan's early weeks aim under the long-term target: both are named, so a
        # lower figure does not read as a lowered target.
        long_term = latest.target if latest.long_term_target is None else latest.long_term_target
        against = (
            f"against the plan's target of {percent(target, paper=True)} for that week "
            f"({percent(long_term, paper=True)} in the long run)"
        )
    return (
        f"{len(worked)} of the last {len(weeks)} weeks "
        f"{'has' if len(worked) == 1 else 'have'} hours marked done. The latest, "
        f"week {latest.week.number}, was "
        f"{percent(latest.actual.business_share, paper=True)} business "
        f"{against}."
    )


def _chart_part(heading: str, sentence: str, chart: Flowable | None) -> Flowable:
    style = styles()
    part: list[Flowable] = [
        Paragraph(escape(heading), style["h2"]),
        Paragraph(escape(sentence), style["body"]),
    ]
    if chart is not None:
        part += [Spacer(0, 2), chart]
    return KeepTogether([*part, Spacer(0, CHART_GAP)])
