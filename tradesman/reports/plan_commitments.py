"""The plan's commitments (business time booked every week, as repeating blocks) and
the work to hand off, each as a table, or a sentence on where to begin.
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable, Paragraph, Spacer

from tradesman.area_colours import AREA_HEX
from tradesman.domain.clock import format_clock, format_hours
from tradesman.domain.series import Series
from tradesman.reports.paper import styles
from tradesman.reports.plan_tables import (
    CELL_CHARACTERS,
    Checkbox,
    area_cell,
    cell,
    cut,
    table_of,
)
from tradesman.reports.sheets import PlanSheet
from tradesman.reports.text import escape


def series_minutes_a_week(series: Series) -> float:
    """What a series takes in an average week."""
    return (series.end - series.start) * len(series.weekdays) / max(series.every_weeks, 1)


def commitments_and_hand_offs(sheet: PlanSheet) -> list[Flowable]:
    style = styles()
    story: list[Flowable] = [
        Paragraph("Commitments: business time every week", style["h1"]),
    ]
    if sheet.commitments:
        total = sum(series_minutes_a_week(series) for series in sheet.commitments)
        story.append(
            Paragraph(
                escape(
                    "These repeat on the calendar while the plan runs: about "
                    f"{format_hours(round(total))} a week of business time already booked."
                ),
                style["body"],
            )
        )
        rows: list[list[Any]] = [
            [cell(words, "cell_head") for words in ("What", "Area", "When", "Time", "A week")]
        ]
        for series in sheet.commitments:
            rows.append(
                [
                    cell(cut(series.title, CELL_CHARACTERS)),
                    area_cell(series.area.label, AREA_HEX[series.area]),
                    cell(series.describe()),
                    cell(f"{format_clock(series.start)}–{format_clock(series.end)}"),
                    cell(format_hours(round(series_minutes_a_week(series)))),
                ]
            )
        story.append(table_of(rows, [None, 66, 120, 62, 48], header=True, zebra=True))
    else:
        story.append(
            Paragraph(
                "No commitments yet. A fixed marketing morning every week is a "
                "good first one: it turns the plan into time on the calendar.",
                style["body"],
            )
        )

    story += [Spacer(0, 10), Paragraph("What to hand off", style["h1"])]
    if sheet.hand_offs:
        waiting = sum(h.minutes_a_week or 0 for h in sheet.hand_offs if not h.done)
        freed = sum(h.minutes_a_week or 0 for h in sheet.hand_offs if h.done)
        words = "Work that a helper, another trade or a checklist could take off your hands."
        if waiting or freed:
            words += f" Still to hand off: about {format_hours(waiting)} a week"
            words += f"; already handed off: {format_hours(freed)} a week." if freed else "."
        story.append(Paragraph(escape(words), style["body"]))
        rows = [[cell(words, "cell_head") for words in ("", "What", "Area", "How", "A week", "")]]
        for hand_off in sheet.hand_offs:
            minutes = hand_off.minutes_a_week
            rows.append(
                [
                    Checkbox(ticked=hand_off.done),
                    cell(cut(hand_off.title, CELL_CHARACTERS)),
                    area_cell(hand_off.area.label, AREA_HEX[hand_off.area]),
                    cell(hand_off.way.label),
                    cell(format_hours(minutes) if minutes else "–"),
                    cell("handed off" if hand_off.done else "to do", soft=not hand_off.done),
                ]
            )
        story.append(table_of(rows, [16, None, 66, 72, 48, 58], header=True, zebra=True))
    else:
        story.append(
            Paragraph(
                "Nothing on the hand-off list yet. Look at what comes back every week, such "
                "as fetching materials, clearing up or typing invoices: each thing someone "
                "else can do is an hour back for the business.",
                style["body"],
            )
        )
    return story
