"""The plan's cover: where the owner stands, the target and by when, in big numbers,
the plan in a few facts, and how to use it.
"""

from __future__ import annotations

from datetime import date

from reportlab.lib.colors import HexColor
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Spacer

from tradesman.domain.clock import format_hours
from tradesman.domain.numbers import percent
from tradesman.domain.plan import how_weeks_went, measured_from
from tradesman.domain.weeks import DAY_NAMES, format_day
from tradesman.reports.fonts import BOLD
from tradesman.reports.paper import SOFT_INK, styles
from tradesman.reports.plan_tables import cell, cut, table_of
from tradesman.reports.sheets import PlanSheet
from tradesman.reports.text import escape, one_line


def headline(sheet: PlanSheet) -> tuple[str, str]:
    """('23 % → 40 %', 'business time by week 20 · 17 May 2027')."""
    plan = sheet.plan
    by = f"week {plan.weeks} · {format_day(plan.last_week.end)}"
    if sheet.baseline >= plan.target_share:
        return percent(plan.target_share, paper=True), f"business time or more, every week to {by}"
    return (
        f"{percent(sheet.baseline, paper=True)} → {percent(plan.target_share, paper=True)}",
        f"business time by {by}",
    )


def cover(sheet: PlanSheet) -> list[Flowable]:
    style = styles()
    plan = sheet.plan
    business, owner = one_line(sheet.business_name), one_line(sheet.owner_name)
    story: list[Flowable] = [
        Paragraph("DOER-TO-MARKETER PLAN", _soft_caps()),
        Spacer(0, 6),
    ]
    if business or owner:
        story.append(Paragraph(escape(cut(business or owner, 120)), style["title"]))
    if business and owner:
        story.append(Paragraph(escape(cut(owner, 120)), style["lead"]))
    story.append(Spacer(0, 34))
    big, words = headline(sheet)
    story += [Paragraph(escape(big), style["big"]), Paragraph(escape(words), style["lead"])]

    capacity = plan.capacity_minutes
    now_minutes = round(capacity * sheet.baseline / 15) * 15
    end_minutes = sheet.ramp[-1].business_minutes if sheet.ramp else 0
    if sheet.baseline >= plan.target_share:
        hours = (
            f"You already give about {format_hours(now_minutes)} of your "
            f"{format_hours(capacity)} week to the business. The plan keeps at least "
            f"{format_hours(end_minutes)} for it every week, so the jobs do not creep back in."
        )
    else:
        hours = (
            f"That is about {format_hours(now_minutes)} of your {format_hours(capacity)} week "
            f"on the business today, and {format_hours(end_minutes)} by the last week of the "
            "plan: a little more each week, taken from the hours on the tools."
        )
    story += [Paragraph(escape(hours), style["body"]), Spacer(0, 18)]

    if sheet.baseline_measured:
        start_words = (
            f"{percent(sheet.baseline, paper=True)} business, measured from "
            f"{measured_from(sheet.baseline_weeks)}"
        )
    else:
        start_words = f"{percent(sheet.baseline, paper=True)} business, as you typed it in"
    facts = [
        ("Hours in a week", format_hours(capacity)),
        (
            "The plan",
            f"{plan.weeks} weeks, from {long_day(plan.first_week.start)} "
            f"to {long_day(plan.last_week.end)}",
        ),
        ("Where you start", start_words),
        ("Where you aim", f"{percent(plan.target_share, paper=True)} business by the last week"),
        ("So far", so_far(sheet)),
    ]
    story.append(
        table_of(
            [[cell(label, "cell_head"), cell(value)] for label, value in facts],
            [110, None],
            lines=True,
        )
    )
    story += [
        Spacer(0, 22),
        Paragraph("How to use this plan", style["h2"]),
        Paragraph(
            "Each week of the plan asks for a little more of your time on marketing, sales "
            "and admin, and a little less on the tools. Put the business hours on the "
            "calendar first, before the jobs fill the week, and keep them like an "
            "appointment with a customer. At the end of each week mark what you really did: "
            "the ramp table shows whether you kept up, and the next week shows how much "
            "further to go.",
            style["body"],
        ),
        Paragraph("In this plan", style["h3"]),
    ]
    for part in (
        "Where the time goes now",
        "Where the work comes from",
        "The ramp, week by week",
        "Commitments and what to hand off",
        "This week's plan",
        "Open tasks",
        "Keeping the three engines running",
    ):
        story.append(Paragraph(escape(part), style["bullet"], bulletText="•"))
    story += [
        Spacer(0, 10),
        Paragraph(escape(f"Printed {format_day(sheet.today)} from Tradesman."), style["soft"]),
    ]
    return story


def so_far(sheet: PlanSheet) -> str:
    plan = sheet.plan
    if sheet.today < plan.first_week.start:
        return f"The plan starts on {long_day(plan.first_week.start)}."
    ended = len(sheet.progress)
    if not ended:
        return "Week 1 is running now; nothing has ended yet."
    parts = how_weeks_went(sheet.progress)
    weeks = "1 week has" if ended == 1 else f"{ended} weeks have"
    return f"{weeks} ended: {', '.join(parts)}."


def _soft_caps() -> ParagraphStyle:
    return ParagraphStyle(
        "caps", parent=styles()["soft"], fontName=BOLD, fontSize=9, textColor=HexColor(SOFT_INK)
    )


def long_day(day: date) -> str:
    return f"{DAY_NAMES[day.weekday()]} {format_day(day)}"
