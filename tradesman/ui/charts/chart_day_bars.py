"""This week by day: a stacked bar of hours per area for each day, planned beside actual.

Planned bars are a wash of the area colour with a solid edge, actual bars solid: the
way planned and done blocks look on the calendar.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QWidget

from tradesman.domain.allocation import DayHours, WeekByDay, hours_axis
from tradesman.domain.areas import AREAS, Area
from tradesman.domain.clock import format_hours
from tradesman.domain.split import Split
from tradesman.domain.weeks import DAY_NAMES, SHORT_DAY_NAMES, format_day
from tradesman.ui.charts.chart_base import (
    Chart,
    ChartColours,
    Hit,
    LegendItem,
    area_legend,
    axis_label,
    draw_empty,
    draw_legend,
    draw_vertical_title,
    legend_height,
)
from tradesman.ui.shared.palette import area_colour


class BarsShow(StrEnum):
    BOTH = "both"
    PLANNED = "planned"
    ACTUAL = "actual"

    @property
    def label(self) -> str:
        return {"both": "Planned and actual", "planned": "Planned", "actual": "Actual"}[self.value]


class DayBarsChart(Chart):
    file_name = "hours-by-day"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data: WeekByDay | None = None
        self.show_mode = BarsShow.BOTH
        self.title = "Hours by day"
        self.setMinimumSize(300, 220)

    def show_week(self, data: WeekByDay, heading: str) -> None:
        self.data = data
        self.title = f"Hours by day · {heading}"
        self.forget_hover()

    def set_show(self, mode: BarsShow) -> None:
        self.show_mode = mode
        self.forget_hover()

    def bars(self) -> list[str]:
        """Which bars each day has, left to right: 'planned', 'actual' or both."""
        if self.show_mode is BarsShow.BOTH:
            return ["planned", "actual"]
        return [self.show_mode.value]

    def legend(self) -> list[LegendItem]:
        items = area_legend(ChartColours.from_palette(self.palette()))
        if self.show_mode is BarsShow.BOTH:
            grey = ChartColours.from_palette(self.palette()).axis
            items += [("Planned (left)", grey, "wash"), ("Actual (right)", grey, "box")]
        return items

    def empty_message(self) -> str:
        """What shows instead of bars when there are none to draw ("" when there are)."""
        if self.data is None:
            return "Opening your week…"
        if self.data.is_empty:
            return (
                "Nothing is planned for this week yet.\nTime blocks you put on the calendar "
                "show here, day by day."
            )
        if self.show_mode is BarsShow.ACTUAL and self.data.total.actual.total_minutes == 0:
            return (
                "No blocks are marked done this week yet.\nMark a block done on the "
                "calendar (Ctrl+Enter) and its hours show here."
            )
        return ""

    def draw(
        self, painter: QPainter, area: QRectF, colours: ChartColours, hover: int | None
    ) -> list[Hit]:
        data = self.data
        legend = self.legend()
        legend_top = area.bottom() - legend_height(painter, legend, area.width())
        draw_legend(painter, legend, area.left(), legend_top, area.width(), colours)
        chart = QRectF(area.left(), area.top(), area.width(), legend_top - 8 - area.top())
        empty = self.empty_message()
        if empty or data is None:
            draw_empty(painter, chart, empty, colours)
            return []
        metrics = QFontMetricsF(painter.font())
        step, top = hours_axis(data.most_minutes_in_a_day)
        label_width = max(metrics.horizontalAdvance(f"{h} h") for h in (top // 60, 0))
        plot = QRectF(
            chart.left() + metrics.height() + 6 + label_width + 8,
            chart.top() + metrics.height() / 2,
            0,
            0,
        )
        plot.setRight(chart.right())
        plot.setBottom(chart.bottom() - 2 * metrics.height() - 6)
        if plot.width() < 20 or plot.height() < 20:
            return []  # (too small to draw anything readable)

        def y_of(minutes: float) -> float:
            return plot.bottom() - plot.height() * minutes / top

        # The hours axis: a line for each step, labelled.
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        for minutes in range(0, top + 1, step):
            y = round(y_of(minutes)) + 0.5
            painter.setPen(QPen(colours.axis if minutes == 0 else colours.grid, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            axis_label(
                painter,
                f"{minutes // 60} h",
                QPointF(plot.left() - 6, y),
                Qt.AlignmentFlag.AlignRight,
                colours,
            )
        draw_vertical_title(
            painter, "Hours", QRectF(chart.left(), plot.top(), 0, plot.height()), colours
        )

        hits: list[Hit] = []
        columns: list[Hit] = []
        column_width = plot.width() / 7
        kinds = self.bars()
        bar_width = min(column_width * (0.34 if len(kinds) == 2 else 0.5), 56.0)
        gap = 4.0 if len(kinds) == 2 else 0.0
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        for index, day in enumerate(data.days):
            column_left = plot.left() + index * column_width
            centre = column_left + column_width / 2
            first_left = centre - (len(kinds) * bar_width + gap * (len(kinds) - 1)) / 2
            for position, kind in enumerate(kinds):
                left = first_left + position * (bar_width + gap)
                split = day.planned if kind == "planned" else day.actual
                hits += self._draw_bar(painter, day, kind, split, left, bar_width, y_of, colours)
            label = f"{SHORT_DAY_NAMES[day.day.weekday()]} {day.day.day}"
            axis_label(
                painter,
                label,
                QPointF(centre, plot.bottom() + 4),
                Qt.AlignmentFlag.AlignHCenter,
                colours,
            )
            columns.append(
                Hit(QRectF(column_left, plot.top(), column_width, plot.height()), day_text(day))
            )
        hits += columns  # pointing between the bars tells the day's totals
        if hover is not None and hover < len(hits):
            painter.setPen(QPen(colours.hover, 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(hits[hover].bounds.adjusted(-1, -1, 1, 1))
        return hits

    def _draw_bar(
        self,
        painter: QPainter,
        day: DayHours,
        kind: str,
        split: Split,
        left: float,
        width: float,
        y_of: Callable[[float], float],
        colours: ChartColours,
    ) -> list[Hit]:
        hits: list[Hit] = []
        below = 0
        for area in AREAS:
            minutes = split.minutes(area)
            if minutes == 0:
                continue
            top_y = y_of(below + minutes)
            bottom_y = y_of(below)
            rect = QRectF(left, top_y, width, bottom_y - top_y)
            colour = area_colour(area)
            painter.setPen(QPen(colour.darker(125) if kind == "actual" else colour, 1))
            painter.setBrush(colour if kind == "actual" else colours.planned_fill(area))
            painter.drawRect(rect.adjusted(0.5, 0.5, -0.5, 0))
            hits.append(Hit(rect, segment_text(day, area)))
            below += minutes
        return hits


def day_heading(day: DayHours) -> str:
    return f"{DAY_NAMES[day.day.weekday()]} {format_day(day.day)}"


def segment_text(day: DayHours, area: Area) -> str:
    """What pointing at one area's piece of a day's bar says."""
    planned = day.planned.minutes(area)
    actual = day.actual.minutes(area)
    return (
        f"{day_heading(day)} · {area.label}\n"
        f"Planned: {format_hours(planned)}\n"
        f"Actual: {format_hours(actual)}" + ("" if actual else " (no blocks marked done)")
    )


def day_text(day: DayHours) -> str:
    """What pointing at a day (not at a bar) says: its totals."""
    planned, actual = day.planned, day.actual
    if planned.total_minutes == 0:
        return f"{day_heading(day)}\nNothing planned"
    return (
        f"{day_heading(day)}\n"
        f"Planned: {format_hours(planned.total_minutes)} "
        f"({format_hours(planned.business_minutes)} business)\n"
        f"Actual: {format_hours(actual.total_minutes)} "
        f"({format_hours(actual.business_minutes)} business)"
    )
