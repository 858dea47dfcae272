"""The trend: the business share week by week, planned and actual, against the target.

A week without hours has no share, so the lines break there instead of dropping to
nothing. Where a plan runs, the target line is the plan's target for each week (it
starts low and climbs), and the long-term target from the settings is drawn faintly
beside it: a plan's first week aiming lower is not a lowered target.

The compact form (beside the calendar) leaves out the axis titles and most labels, and
opens the Charts page when clicked.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QFontMetricsF, QMouseEvent, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QMenu, QWidget

from tradesman.domain.allocation import Trend, WeekShare, unbroken_runs
from tradesman.domain.clock import format_hours
from tradesman.domain.numbers import percent
from tradesman.domain.split import Split
from tradesman.domain.weeks import format_day
from tradesman.ui.charts.chart_base import (
    Chart,
    ChartColours,
    Hit,
    LegendItem,
    axis_label,
    draw_empty,
    draw_legend,
    draw_vertical_title,
    legend_height,
)

SHARE_LINES = (0.0, 0.25, 0.5, 0.75, 1.0)
ROOMY_HEIGHT = 100  # room inside the small trend for its legend and week labels


class _Scale:
    """Where a week and a share go on the plot: weeks side by side, 0-100 % upwards."""

    def __init__(self, plot: QRectF, weeks: int) -> None:
        self.plot = plot
        self.spacing = plot.width() / weeks

    def x_of(self, index: int) -> float:
        return self.plot.left() + self.spacing * (index + 0.5)

    def y_of(self, share: float) -> float:
        return self.plot.bottom() - self.plot.height() * share

    def column(self, index: int) -> QRectF:
        plot = self.plot
        return QRectF(plot.left() + self.spacing * index, plot.top(), self.spacing, plot.height())


class TrendChart(Chart):
    clicked = Signal()

    file_name = "business-share"

    def __init__(self, compact: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.compact = compact
        self.trend: Trend | None = None
        self.title = "Business share, week by week"
        if compact:
            # (No minimum height: the side column hides it when it would be too short
            # to read, rather than keep the window from shrinking.)
            self.setMinimumSize(200, 0)
            self.setCursor(Qt.CursorShape.PointingHandCursor)
            self.padding = 9.0
        else:
            self.setMinimumSize(320, 200)

    def show_trend(self, trend: Trend) -> None:
        self.trend = trend
        count = len(trend.weeks)
        end = trend.weeks[-1].week.end
        self.title = (
            f"Business share · {count} weeks to {format_day(end, with_year=False)}"
            if self.compact
            else f"Business share, week by week · the {count} weeks to {format_day(end)}"
        )
        if self.compact:
            self.setToolTip(compact_tooltip(trend))
        self.forget_hover()

    def legend(self, colours: ChartColours) -> list[LegendItem]:
        lines: list[LegendItem] = [
            ("Planned", colours.planned_line, "line"),
            ("Actual", colours.actual_line, "line"),
        ]
        long_term = None if self.trend is None else long_term_target(self.trend)
        if long_term is not None:
            # (Shorter beside the calendar, where the legend would squeeze the lines.)
            plan_words = "Plan's target" if self.compact else "Plan's target for the week"
            long_words = "Long-term" if self.compact else "Long-term target"
            return [
                *lines,
                (plan_words, colours.target_line, "dash"),
                (f"{long_words} {percent(long_term)}", colours.long_term_line, "dot"),
            ]
        # (The settings' target: the same every week.)
        target = (
            "Target" if self.trend is None else f"Target {percent(self.trend.weeks[-1].target)}"
        )
        return [*lines, (target, colours.target_line, "dash")]

    def empty_message(self) -> str:
        """What shows instead of lines when there are none to draw ("" when there are)."""
        if self.trend is None:
            return "Opening your weeks…"
        if self.trend.is_empty:
            return (
                f"No time blocks in these {len(self.trend.weeks)} weeks yet. As you plan "
                "your weeks, the share of business hours shows here."
            )
        return ""

    def draw(
        self, painter: QPainter, area: QRectF, colours: ChartColours, hover: int | None
    ) -> list[Hit]:
        # Short (the small trend in a short window): no legend or week labels; its
        # tooltip says what the lines are.
        roomy = not self.compact or area.height() >= ROOMY_HEIGHT
        chart = QRectF(area)
        if roomy:
            legend = self.legend(colours)
            legend_top = area.bottom() - legend_height(painter, legend, area.width())
            draw_legend(painter, legend, area.left(), legend_top, area.width(), colours)
            chart.setBottom(legend_top - 6)
        trend = self.trend
        empty = self.empty_message()
        if empty or trend is None:
            draw_empty(painter, chart, empty, colours)
            return []
        metrics = QFontMetricsF(painter.font())
        axis_title = 0.0 if self.compact else metrics.height() + 6
        plot = QRectF(chart)
        plot.setLeft(chart.left() + axis_title + metrics.horizontalAdvance("100%") + 8)
        plot.setTop(chart.top() + metrics.height() / 2)
        plot.setRight(chart.right() - 6)
        if roomy:
            plot.setBottom(chart.bottom() - metrics.height() - 4)
        if not self.compact:
            plot.setBottom(plot.bottom() - metrics.height() - 4)  # for "Week starting"
        if plot.width() < 20 or plot.height() < 10:
            return []  # (too small to draw anything readable)
        scale = _Scale(plot, len(trend.weeks))
        levels = SHARE_LINES if not self.compact else (0.0, 0.5, 1.0) if roomy else (0.0, 1.0)
        self._draw_share_axis(painter, scale, levels, colours)
        if not self.compact:
            draw_vertical_title(
                painter, "Business share", QRectF(chart.left(), plot.top(), 0, plot.height()),
                colours,
            )  # fmt: skip
        if roomy:
            self._draw_week_labels(painter, scale, trend, colours)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self._draw_lines(painter, scale, trend, colours)
        hits = [Hit(scale.column(index), week_text(week)) for index, week in enumerate(trend.weeks)]
        if hover is not None and hover < len(hits) and not self.compact:
            x = scale.x_of(hover)
            painter.setPen(QPen(colours.hover, 1))
            painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
        return hits

    def _draw_share_axis(
        self, painter: QPainter, scale: _Scale, levels: Sequence[float], colours: ChartColours
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        plot = scale.plot
        for level in levels:
            y = round(scale.y_of(level)) + 0.5
            painter.setPen(QPen(colours.axis if level == 0 else colours.grid, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            right = Qt.AlignmentFlag.AlignRight
            axis_label(painter, percent(level), QPointF(plot.left() - 6, y), right, colours)

    def _draw_week_labels(
        self, painter: QPainter, scale: _Scale, trend: Trend, colours: ChartColours
    ) -> None:
        """Week start dates along the bottom: every week, or every second, fourth… as fit;
        on the small trend only the first and the last week."""
        metrics = QFontMetricsF(painter.font())
        count = len(trend.weeks)
        step = _label_step(metrics.horizontalAdvance("30 Nov") + 14, scale.spacing)
        below = scale.plot.bottom() + 3
        for index, week in enumerate(trend.weeks):
            text = format_day(week.week.start, with_year=False)
            if self.compact:
                if index not in (0, count - 1):
                    continue
                align = Qt.AlignmentFlag.AlignRight if index else Qt.AlignmentFlag.AlignLeft
                x = scale.plot.right() if index else scale.plot.left()
                axis_label(painter, text, QPointF(x, below + metrics.height() / 2), align, colours)
            elif (count - 1 - index) % step == 0:
                centre = Qt.AlignmentFlag.AlignHCenter
                axis_label(painter, text, QPointF(scale.x_of(index), below), centre, colours)
        if not self.compact:
            painter.setPen(colours.faint_text)
            painter.drawText(
                QRectF(scale.plot.left(), below + metrics.height() + 4, scale.plot.width(),
                       metrics.height()),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter,
                "Week starting",
            )  # fmt: skip

    def _draw_lines(
        self, painter: QPainter, scale: _Scale, trend: Trend, colours: ChartColours
    ) -> None:
        """The long-term target faint under the plan's weeks, the target dashed (the same
        every week, or rising with a plan), then planned, then actual on top."""
        self._draw_long_term(painter, scale, trend, colours)
        target = QPainterPath()
        target.moveTo(scale.plot.left(), scale.y_of(trend.weeks[0].target))
        for index, week in enumerate(trend.weeks):
            target.lineTo(scale.x_of(index), scale.y_of(week.target))
        target.lineTo(scale.plot.right(), scale.y_of(trend.weeks[-1].target))
        painter.setPen(QPen(colours.target_line, 1.5, Qt.PenStyle.DashLine))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(target)
        dot = 2.5 if self.compact else 3.5
        for shares, colour, filled in (
            (trend.planned_shares, colours.planned_line, False),
            (trend.actual_shares, colours.actual_line, True),
        ):
            painter.setPen(QPen(colour, 2 if self.compact else 2.5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            for run in unbroken_runs(shares):
                path = QPainterPath()
                path.moveTo(scale.x_of(run[0][0]), scale.y_of(run[0][1]))
                for index, level in run[1:]:
                    path.lineTo(scale.x_of(index), scale.y_of(level))
                painter.drawPath(path)
            painter.setBrush(colour if filled else colours.card)
            for index, maybe in enumerate(shares):
                if maybe is not None:
                    painter.drawEllipse(QPointF(scale.x_of(index), scale.y_of(maybe)), dot, dot)

    def _draw_long_term(
        self, painter: QPainter, scale: _Scale, trend: Trend, colours: ChartColours
    ) -> None:
        """The settings' target, dotted and faint, across each week a plan aims for."""
        painter.setPen(QPen(colours.long_term_line, 1.5, Qt.PenStyle.DotLine))
        for index, week in enumerate(trend.weeks):
            if week.long_term_target is None:
                continue
            column = scale.column(index)
            y = scale.y_of(week.long_term_target)
            painter.drawLine(QPointF(column.left(), y), QPointF(column.right(), y))

    def context_menu(self) -> QMenu:
        if not self.compact:
            return super().context_menu()
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addAction("&Copy this chart", self.copy_image)
        menu.addAction("&Open the charts", self.clicked.emit)
        return menu

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self.compact and event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self.compact:  # small: its tooltip says what clicking does, not the figures
            return
        super().mouseMoveEvent(event)

    def sizeHint(self) -> QSize:
        return QSize(300, 170) if self.compact else QSize(800, 280)


def _label_step(label_width: float, spacing: float) -> int:
    """Label every week, every second, fourth… so that labels do not touch."""
    if spacing <= 0:
        return 1
    step = 1
    while step * spacing < label_width:
        step *= 2
    return step


def _share_words(split: Split) -> str:
    share = split.business_share
    if share is None:
        return "no hours"
    return (
        f"{percent(share)} business ({format_hours(split.business_minutes)} of "
        f"{format_hours(split.total_minutes)})"
    )


def long_term_target(trend: Trend) -> float | None:
    """The settings' target where a plan sets the trend's targets (None: no plan in view)."""
    return next((week.long_term_target for week in reversed(trend.weeks) if week.in_plan), None)


def target_words(share: WeekShare) -> str:
    """'Target: 30%', or in a plan's week 'Plan's target this week: 10%' with the
    long-term target beside it."""
    if share.long_term_target is None:
        return f"Target: {percent(share.target)}"
    return (
        f"Plan's target this week: {percent(share.target)}\n"
        f"Long-term target: {percent(share.long_term_target)}"
    )


def week_text(share: WeekShare) -> str:
    """What pointing at a week of the trend says."""
    actual = _share_words(share.actual) if share.actual.total_minutes else "no blocks marked done"
    return (
        f"{share.week.label}\n"
        f"Planned: {_share_words(share.planned)}\n"
        f"Actual: {actual}\n"
        f"{target_words(share)}"
    )


def compact_tooltip(trend: Trend) -> str:
    """The small trend's tooltip: the lines named, the latest week's figures, the click."""
    last = trend.weeks[-1]
    planned, actual = last.planned.business_share, last.actual.business_share
    if long_term_target(trend) is None:
        target_line = "red dashed the target"
    else:
        target_line = "red dashed the plan's target for each week, faint dotted the long-term one"
    if last.long_term_target is None:
        aim = f"target {percent(last.target)}"
    else:
        aim = f"plan's target {percent(last.target)} (long-term {percent(last.long_term_target)})"
    return (
        f"Business share of your hours, week by week: grey planned, blue actual, "
        f"{target_line}.\n{last.week.label}: planned {percent(planned)}, "
        f"actual {percent(actual)}, {aim}.\nClick to open the charts."
    )
