"""The plan's ramp: the chart, then a table week by week with each week's target and
hours (of which marketing at least how much), and for each ended week what came in and
how it went.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.colors import HexColor
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, TableStyle

from tradesman.domain.clock import format_hours
from tradesman.domain.numbers import percent, points_apart
from tradesman.domain.plan import Plan, Standing, WeekProgress, marketing_done_of_needed
from tradesman.domain.weeks import format_span
from tradesman.reports import drawings
from tradesman.reports.paper import SHADE, styles
from tradesman.reports.plan_cover import so_far
from tradesman.reports.plan_tables import cell, table_of
from tradesman.reports.sheets import PlanSheet
from tradesman.reports.text import escape


def standing_words(progress: WeekProgress) -> str:
    """'on track', 'behind by 4 points', 'behind: marketing 1 h of 4 h' or 'no hours
    marked done'."""
    if progress.standing is Standing.ON_TRACK:
        return "on track"
    if progress.standing is Standing.BEHIND and not progress.share_short:
        # (An amount is not split from its unit where the narrow column wraps.)
        words = marketing_done_of_needed(progress)
        return "behind: " + words.replace(" h", "\u00a0h").replace(" min", "\u00a0min")
    if progress.standing is Standing.BEHIND:
        # Counted from the two percents printed beside it, so the row adds up.
        points = max(1, points_apart(progress.ramp.target_share, progress.actual_share or 0.0))
        return f"behind by {points} point" + ("" if points == 1 else "s")
    return "no hours marked done"


def the_ramp(sheet: PlanSheet, width: float) -> list[Flowable]:
    style = styles()
    plan = sheet.plan
    intro = (
        f"Each week aims a little higher, from {percent(sheet.baseline, paper=True)} to "
        f"{percent(plan.target_share, paper=True)} of a "
        f"{format_hours(plan.capacity_minutes)} week. "
        "Business hours are rounded to the quarter hour."
    )
    if sheet.baseline >= plan.target_share:
        intro = (
            f"You already spend {percent(sheet.baseline, paper=True)} of your hours on the "
            "business, so "
            f"every week holds at least {percent(plan.target_share, paper=True)} of a "
            f"{format_hours(plan.capacity_minutes)} week."
        )
    intro += floor_words(plan)
    story: list[Flowable] = [
        KeepTogether(
            [
                Paragraph("The ramp, week by week", style["h1"]),
                Paragraph(escape(intro), style["body"]),
                Spacer(0, 2),
                drawings.ramp_chart(sheet.ramp, sheet.progress, width, 200),
                Spacer(0, 8),
                Paragraph(escape(so_far(sheet)), style["body"]),
            ]
        )
    ]
    ended = {week.ramp.week: week for week in sheet.progress}
    head = ["Week", "Calendar week", "Target", "Business", "Marketing at least", "Technician",
            "Done", "Enquiries", "Won", "How it went"]  # fmt: skip
    rows: list[list[Any]] = [[cell(words, "cell_head_tight") for words in head]]
    current: list[int] = []
    for index, week in enumerate(sheet.ramp, start=1):
        result = ended.get(week.week)
        now = week.week.contains(sheet.today)
        came = sheet.work_in(week.week) if result else None
        if now:
            current.append(index)
        rows.append(
            [
                tight(str(week.number)),
                tight(f"{week.week.number} · {format_span(week.week.start, week.week.end)}"),
                tight(percent(week.target_share, paper=True)),
                tight(format_hours(week.business_minutes)),
                tight(format_hours(week.marketing_floor_minutes)),
                tight(format_hours(week.technician_minutes)),
                tight(percent(result.actual_share, paper=True) if result else ""),
                tight("" if came is None else str(came.enquiries)),
                tight("" if came is None else str(came.won)),
                tight(standing_words(result) if result else ("this week" if now else "")),
            ]
        )
    widths: list[float | None] = [30, 96, 34, 47, 47, 47, 28, 42, 24, None]
    table = table_of(rows, widths, header=True, zebra=True)
    for index in current:
        table.setStyle(TableStyle([("BACKGROUND", (0, index), (-1, index), HexColor(SHADE))]))
    story += [Spacer(0, 4), table]
    return story


def tight(text: str) -> Flowable:
    return cell(text, "cell_tight")


def floor_words(plan: Plan) -> str:
    """The sentence on the marketing floor, after the ramp's introduction ('' when off)."""
    if plan.marketing_floor <= 0:
        return ""
    return (
        f" Of each week's business hours, at least {percent(plan.marketing_floor, paper=True)}"
        " is marketing: without it, more business hours bring in no more work, so a week "
        "short of it is behind even when its share is reached."
    )
