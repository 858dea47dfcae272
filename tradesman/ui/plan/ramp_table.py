"""The Plan page's ramp table: the plan week by week, with each week's target and hours
(of which marketing at least how much), and for the weeks that ended what came in and
how the week went."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from tradesman.domain.clock import format_hours
from tradesman.domain.numbers import percent, points_apart
from tradesman.domain.plan import Standing, WeekProgress, marketing_done_of_needed
from tradesman.domain.weeks import Week, format_day, format_span
from tradesman.services.plan_view import PlanView
from tradesman.ui.shared.palette import readable_on

# (heading, tip): the tips say what a short heading stands for.
HEADINGS = (
    ("Week", "The week of the plan"),
    ("Dates", ""),
    ("Target", "The business share the week aims for"),
    ("Business", "The business hours the week aims for: marketing, sales and admin"),
    ("Marketing\nat least", "Of the business hours, at least this much marketing"),
    ("Technician", "The hours left for the tools"),
    ("Done", "The business share of the hours marked done"),
    ("Came in", "Enquiries that came in during the week"),
    ("Won", "Jobs won during the week"),
    ("How it went", ""),
)
COLUMNS = tuple(heading for heading, _ in HEADINGS)
WEEK, DATES, TARGET, BUSINESS, MARKETING, TECHNICIAN, DONE, ENQUIRIES, WON, HOW = range(
    len(COLUMNS)
)
NUMBERS = frozenset({WEEK, TARGET, BUSINESS, MARKETING, TECHNICIAN, DONE, ENQUIRIES, WON})
BEHIND_COLOUR = "#c0392b"
ON_TRACK_COLOUR = "#2f9e68"


def standing_text(judged: WeekProgress) -> str:
    if judged.standing is Standing.NO_HOURS:
        return "No hours marked done"
    if judged.standing is Standing.ON_TRACK:
        return "On track"
    if not judged.share_short:  # the share was reached, the marketing was not
        return f"Behind: {marketing_done_of_needed(judged)}"
    # Counted from the two percents shown beside it, so the row adds up.
    points = points_apart(judged.ramp.target_share, judged.actual_share or 0.0)
    return f"Behind by {points} points"


def dates_text(week: Week, first: bool) -> str:
    """'30 Nov – 6 Dec 2026' in the first row and the first week of a new year, else
    '7–13 Dec': the year said once, as on a calendar, leaves the table room to read."""
    if first or week.end.timetuple().tm_yday <= 7:
        return (
            f"{format_day(week.start, with_year=False)} – {format_day(week.end)}"
            if (week.start.month != week.end.month)
            else format_span(week.start, week.end)
        )
    return format_span(week.start, week.end, with_year=False)


class RampTable(QTableWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(COLUMNS), parent)
        self.setHorizontalHeaderLabels(COLUMNS)
        for column, (_, tip) in enumerate(HEADINGS):
            heading = self.horizontalHeaderItem(column)
            if heading is not None and tip:
                heading.setToolTip(tip)
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.setMinimumWidth(420)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)

    def fill(self, view: PlanView, this_week: Week, scroll: bool) -> None:
        """Show the plan's weeks; `scroll`: bring this week into sight."""
        judged = {p.ramp.number: p for p in view.progress}
        palette = self.palette()
        grounds = (palette.color(QPalette.ColorRole.Base),
                   palette.color(QPalette.ColorRole.AlternateBase))  # fmt: skip
        words = palette.color(QPalette.ColorRole.Text)
        # Sized to the contents once, after the fill: left on, the header measured every
        # row again after each cell set (140 ms for a 26-week plan, on every edit).
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.setRowCount(len(view.ramp))
        current_row = None
        for row, week in enumerate(view.ramp):
            done = judged.get(week.number)
            share = "" if done is None or done.actual_share is None else percent(done.actual_share)
            is_this_week = week.week == this_week
            how = "This week" if is_this_week else "" if done is None else standing_text(done)
            came = None if done is None else view.work_in(week.week)
            cells = {
                WEEK: str(week.number),
                DATES: dates_text(week.week, first=row == 0),
                TARGET: percent(week.target_share),
                BUSINESS: format_hours(week.business_minutes),
                MARKETING: format_hours(week.marketing_floor_minutes),
                TECHNICIAN: format_hours(week.technician_minutes),
                DONE: share,
                ENQUIRIES: "" if came is None else str(came.enquiries),
                WON: "" if came is None else str(came.won),
                HOW: how,
            }
            for column, text in cells.items():
                item = QTableWidgetItem(text)
                if column in NUMBERS:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if column == HOW and done is not None and done.standing is not Standing.NO_HOURS:
                    on_track = done.standing is Standing.ON_TRACK
                    colour = QColor(ON_TRACK_COLOUR if on_track else BEHIND_COLOUR)
                    item.setForeground(QBrush(readable_on(colour, grounds, words)))
                    item.setToolTip(text)  # (whole, should the column cut it short)
                if is_this_week:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.setItem(row, column, item)
            if is_this_week:
                current_row = row
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        this_week_cell = None if current_row is None else self.item(current_row, 0)
        if this_week_cell is not None and scroll:
            self.scrollToItem(this_week_cell, QAbstractItemView.ScrollHint.PositionAtCenter)
