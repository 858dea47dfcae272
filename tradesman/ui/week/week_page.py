"""The Week page: the calendar, and beside it the week's split, the small trend of the
last weeks and the tasks to schedule.

The split panel is there for the window's first paint; the calendar is made when the
first week's data arrives (its module is not needed before), the small trend with the
first trend read, and the To schedule list when the data is open for edits.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import QHBoxLayout, QWidget

from tradesman.ui.week.side_column import SideColumn
from tradesman.ui.week.split_panel import SplitPanel

if TYPE_CHECKING:
    from tradesman.domain.allocation import Trend
    from tradesman.domain.blocks import TimeBlock
    from tradesman.domain.settings import Settings
    from tradesman.domain.split import WeekSplit
    from tradesman.domain.weeks import Week
    from tradesman.ui.charts.chart_trend import TrendChart
    from tradesman.ui.week.week_canvas import WeekCanvas
    from tradesman.ui.week.week_view import WeekView


class WeekPage(QWidget):
    calendar_made = Signal()  # the first time the calendar is made (see `view`)
    trend_clicked = Signal()  # the small trend: a click opens the charts
    said = Signal(str)  # for the status bar ("Copied the chart")

    def __init__(self, state: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state = state
        self._view: WeekView | None = None
        self._first_week: Week | None = None
        self.compact_trend: TrendChart | None = None
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(0, 0, 0, 0)
        self._row.setSpacing(0)
        self._row.addStretch(1)  # the calendar takes this place when the data arrives
        self.split_panel = SplitPanel()
        self.side = SideColumn(self.split_panel)  # and the tasks to schedule, with the data
        self._row.addWidget(self.side)

    def view_for(self, week: Week) -> WeekView:
        """The calendar, made on first use (after the window's first paint) on `week`."""
        if self._view is None:
            from tradesman.ui.week.week_view import WeekView

            self._view = WeekView(week, self._state)  # the zoom is remembered there
            self._row.insertWidget(0, self._view, 1)
            self._row.takeAt(1)  # the stretch that held its place
            self.calendar_made.emit()
        return self._view

    @property
    def has_calendar(self) -> bool:
        return self._view is not None

    @property
    def view(self) -> WeekView:
        assert self._view is not None, "the calendar is made with the first week shown"
        return self._view

    @property
    def canvas(self) -> WeekCanvas:
        return self.view.canvas

    def show_week(
        self,
        week: Week,
        heading: str,
        settings: Settings,
        split: WeekSplit,
        blocks: list[TimeBlock],
        target: float,
        today: date,
    ) -> None:
        """`target`: the week's (the plan's where it runs); a plan's own target is said
        to be the plan's, beside the long-term one in the settings (see split_panel)."""
        from tradesman.domain.layout import overlap_minutes

        long_term = settings.target_business_share
        self.split_panel.show_week(
            heading, split, target, overlap_minutes(blocks),
            None if target == long_term else long_term,
        )  # fmt: skip
        now = datetime.now()
        view = self.view_for(week)
        view.show_week(week, blocks, settings, today, now.hour * 60 + now.minute)

    def show_work(self, this_week: str, verdict: str, reason: str, next_step: str) -> None:
        """The note of work coming in, under the week's hours (see work_note.py); the
        column then gives the panel the height its new lines need."""
        from PySide6.QtCore import QTimer

        self.split_panel.show_work(this_week, verdict, reason, next_step)
        # (Once the new lines are laid out: their height is known only then. The column
        # is the timer's context, so a window closed meanwhile cancels it.)
        QTimer.singleShot(0, self.side, self.side.fit)

    def show_trend(self, trend: Trend) -> None:
        if self.compact_trend is None:
            from tradesman.ui.charts.chart_trend import TrendChart

            self.compact_trend = TrendChart(compact=True)
            self.compact_trend.clicked.connect(self.trend_clicked)
            self.compact_trend.copied.connect(self.said)
            self.side.add_trend(self.compact_trend)
        self.compact_trend.show_trend(trend)
