"""Work coming in, week by week (issue 15): a bar of the week's enquiries, word of mouth
and repeat below those from marketing; a line of the owner's marketing hours; a dot for
the jobs won. Pointing at a week says its figures exactly.

Enquiries are counted on the left axis, marketing hours on the right, so an owner sees
whether the weeks with marketing hours are the weeks the phone rings.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QWidget

from tradesman.domain.areas import Area
from tradesman.domain.clock import format_hours
from tradesman.domain.engine_weeks import EngineWeek
from tradesman.domain.weeks import format_day
from tradesman.ui.charts.chart_base import (
    Chart,
    ChartColours,
    Hit,
    LegendItem,
    axis_label,
    draw_empty,
    draw_legend,
    legend_height,
)
from tradesman.ui.shared.palette import area_colour, mix
from tradesman.words import count_of

WORD_OF_MOUTH_COLOUR = QColor("#8d6e63")  # warm brown: the work talking
JOBS_WON_COLOUR = QColor("#e0a100")  # gold


class WorkChart(Chart):
    file_name = "work-coming-in"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.weeks: Sequence[EngineWeek] = ()
        self.money: Callable[[int], str] = str
        self.title = "Enquiries and jobs won, week by week"
        self.setMinimumSize(360, 220)

    def show_weeks(self, weeks: Sequence[EngineWeek], money: Callable[[int], str]) -> None:
        self.weeks, self.money = weeks, money
        if weeks:
            self.title = (
                "Enquiries and jobs won, week by week · the "
                f"{len(weeks)} weeks to {format_day(weeks[-1].week.end)}"
            )
        self.forget_hover()

    def legend(self, colours: ChartColours) -> list[LegendItem]:
        return [
            ("Word of mouth and repeat", WORD_OF_MOUTH_COLOUR, "box"),
            ("From marketing", area_colour(Area.MARKETING), "box"),
            ("Not sure", colours.axis, "box"),
            ("Marketing hours (right)", colours.actual_line, "line"),
            ("Jobs won", JOBS_WON_COLOUR, "box"),
        ]

    def week_text(self, week: EngineWeek) -> str:
        """What pointing at a week says, every figure exact."""
        parts = [
            f"Week of {format_day(week.week.start)}: "
            + count_of(week.enquiries, "enquiry", "enquiries")
        ]
        if week.enquiries:
            parts[0] += (
                f" ({week.word_of_mouth} word of mouth or repeat, {week.marketing} from "
                f"marketing, {week.other} not sure)"
            )
        parts.append(
            f"marketing {format_hours(week.marketing_minutes)}"
            if week.marketing_minutes
            else "no marketing hours"
        )
        won = count_of(week.won, "job") + " won"
        parts.append(f"{won} ({self.money(week.won_value)})" if week.won else won)
        return " · ".join(parts)

    def draw(
        self, painter: QPainter, area: QRectF, colours: ChartColours, hover: int | None
    ) -> list[Hit]:
        legend = self.legend(colours)
        legend_top = area.bottom() - legend_height(painter, legend, area.width())
        draw_legend(painter, legend, area.left(), legend_top, area.width(), colours)
        chart = QRectF(area.left(), area.top(), area.width(), legend_top - 8 - area.top())
        weeks = self.weeks
        if not any(week.enquiries or week.won or week.marketing_minutes for week in weeks):
            draw_empty(
                painter, chart,
                "Nothing came in these weeks yet.\nLog each enquiry as it comes in (Ctrl+L), "
                "with where they heard of you, and this chart shows week by week where your "
                "work comes from.",
                colours,
            )  # fmt: skip
            return []
        metrics = QFontMetricsF(painter.font())
        most = max(max(week.enquiries for week in weeks), max(week.won for week in weeks), 1)
        top = _round_up(most)
        steps = _steps(top)
        # The right axis's lines are the left's: a round number of hours on each.
        most_hours = max(week.marketing_minutes for week in weeks) / 60
        per_line = _round_up(max(1, -(-most_hours // (top // steps))))
        hours_top = per_line * (top // steps)
        left_width = metrics.horizontalAdvance(str(top)) + 8
        right_width = metrics.horizontalAdvance(f"{hours_top} h") + 8
        plot = QRectF(
            chart.left() + left_width, chart.top() + metrics.height() / 2,
            chart.width() - left_width - right_width,
            chart.height() - metrics.height() / 2 - metrics.height() - 8,
        )  # fmt: skip
        if plot.width() < 40 or plot.height() < 30:
            return []

        def y_count(count: float) -> float:
            return plot.bottom() - plot.height() * count / top

        def y_hours(minutes: float) -> float:
            return plot.bottom() - plot.height() * minutes / (hours_top * 60)

        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        for count in range(0, top + 1, steps):
            y = round(y_count(count)) + 0.5
            painter.setPen(QPen(colours.axis if count == 0 else colours.grid, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            axis_label(painter, str(count), QPointF(plot.left() - 6, y),
                       Qt.AlignmentFlag.AlignRight, colours)  # fmt: skip
            hours = per_line * count // steps
            axis_label(painter, f"{hours} h", QPointF(plot.right() + 6, y),
                       Qt.AlignmentFlag.AlignLeft, colours)  # fmt: skip

        column = plot.width() / len(weeks)
        bar = min(column * 0.6, 40.0)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        hits: list[Hit] = []
        line = QPainterPath()
        label_every = max(1, round(len(weeks) / max(1, plot.width() // 70)))
        for index, week in enumerate(weeks):
            centre = plot.left() + (index + 0.5) * column
            below = 0
            for count, colour in (
                (week.word_of_mouth, WORD_OF_MOUTH_COLOUR),
                (week.marketing, area_colour(Area.MARKETING)),
                (week.other, colours.axis),
            ):
                if count:
                    rect = QRectF(centre - bar / 2, y_count(below + count), bar,
                                  y_count(below) - y_count(below + count))  # fmt: skip
                    painter.setPen(QPen(colour.darker(125), 1))
                    painter.setBrush(colour)
                    painter.drawRect(rect.adjusted(0.5, 0.5, -0.5, 0))
                    below += count
            point = QPointF(centre, y_hours(week.marketing_minutes))
            line.moveTo(point) if index == 0 else line.lineTo(point)
            if index % label_every == 0 or index == len(weeks) - 1:
                day = week.week.start
                axis_label(painter, f"{day.day} {day:%b}", QPointF(centre, plot.bottom() + 4),
                           Qt.AlignmentFlag.AlignHCenter, colours)  # fmt: skip
            hits.append(
                Hit(QRectF(centre - column / 2, plot.top(), column, plot.height()),
                    self.week_text(week))
            )  # fmt: skip
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(colours.actual_line, 2.2))
        painter.drawPath(line)
        for index, week in enumerate(weeks):
            if week.won:
                centre = plot.left() + (index + 0.5) * column
                painter.setPen(QPen(mix(colours.card, JOBS_WON_COLOUR, 0.2), 1.5))
                painter.setBrush(JOBS_WON_COLOUR)
                painter.drawEllipse(QPointF(centre, y_count(week.won)), 5.0, 5.0)
        if hover is not None and hover < len(hits):
            painter.setPen(QPen(colours.hover, 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(hits[hover].bounds.adjusted(-1, -1, 1, 1))
        return hits


def _round_up(number: float) -> int:
    """A round number at or above `number`: 4 for 3, 10 for 9, 20 for 17, 60 for 51."""
    for top in (1, 2, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30, 40, 50, 60, 80, 100):
        if number <= top:
            return top
    return int(-(-number // 50) * 50)


def _steps(top: int) -> int:
    """A step between grid lines: at most about five lines."""
    # (Each step divides the top exactly: the right axis's hours are scaled to the
    # top line, so a top of 12 with lines at 0, 5 and 10 would draw the hours wrong.)
    for step in (1, 2, 3, 4, 5, 10, 20, 25, 50):
        if top % step == 0 and top // step <= 5:
            return step
    return top
