"""The column beside the calendar: the week's split, the small trend of the last weeks
when there is room for it, and the tasks to schedule.

The small trend is left out when the window is too short for it and the whole split
panel: the split is what the column is for. Whether it fits depends only on the
column's height, so showing or hiding it never makes the layout flicker.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, QTimer
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from PySide6.QtGui import QResizeEvent

    from tradesman.ui.charts.chart_trend import TrendChart
    from tradesman.ui.week.split_panel import SplitPanel


# The small trend with its legend and week labels: its title and frame, and the
# 100 px chart_trend.ROOMY_HEIGHT keeps them at. Shorter, it would drop them: better
# not shown (the Charts page has it in full).
TREND_LEAST_HEIGHT = 150
TREND_MARGIN = 6  # under the small trend
# The list of tasks to schedule: its title, its hint and at least one whole card (with
# less it showed only its group headings).
SCHEDULE_LEAST_HEIGHT = 150


class SideColumn(QWidget):
    def __init__(self, split_panel: SplitPanel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.split_panel = split_panel
        # Fitted again when the panel's words change, not only when the column resizes:
        # once the layouts have taken the new words in (the event loop's next turn).
        self._fit_soon = QTimer(self)
        self._fit_soon.setSingleShot(True)
        self._fit_soon.setInterval(0)
        self._fit_soon.timeout.connect(self.fit)
        split_panel.words_changed.connect(self._fit_soon.start)
        self.trend: TrendChart | None = None
        self._trend_holder: QWidget | None = None
        self._schedule: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(split_panel)

    def add_trend(self, trend: TrendChart) -> None:
        holder = _TrendHolder()
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(8, 0, 8, TREND_MARGIN)  # (in line with the panel's text)
        layout.addWidget(trend)
        self._layout.insertWidget(1, holder)
        self.trend, self._trend_holder = trend, holder
        self.fit()

    def add_schedule(self, schedule: QWidget) -> None:
        # The list takes what is left once the split and the small trend have their
        # room (it scrolls), but never less than its own minimum.
        schedule.setMinimumHeight(max(SCHEDULE_LEAST_HEIGHT, schedule.minimumSizeHint().height()))
        policy = schedule.sizePolicy()
        policy.setVerticalPolicy(QSizePolicy.Policy.Ignored)
        schedule.setSizePolicy(policy)
        self._layout.addWidget(schedule, 1)
        self._schedule = schedule
        self.fit()

    def fit(self) -> None:
        """Keep the whole split panel on screen, and show the small trend only if the
        split panel and the schedule keep their room."""
        if self._schedule is None:
            return  # nothing below the panel yet (and the window's first paint waits)
        panel = self.split_panel
        # Its wrapped lines make its height depend on its width, which a main window's
        # layouts do not pass on: say it outright, or a short window would squeeze it.
        panel_height = panel.heightForWidth(panel.width())
        if panel_height <= 0:
            panel_height = panel.sizeHint().height()
        if panel.minimumHeight() != panel_height:
            panel.setMinimumHeight(panel_height)
        holder = self._trend_holder
        if holder is None:
            return
        needed = (
            panel_height
            + TREND_LEAST_HEIGHT
            + TREND_MARGIN
            + self._schedule.minimumHeight()
            + 2 * self._layout.spacing()
        )
        holder.setVisible(self.height() >= needed)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()


class _TrendHolder(QWidget):
    """Asks for the small trend's readable height. Asked for, not insisted on (that
    would be a minimum, and a window could then never get short enough to hide it):
    the column shows it only when that height is there to give."""

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), TREND_LEAST_HEIGHT + TREND_MARGIN)
