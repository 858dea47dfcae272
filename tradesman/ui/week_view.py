"""The week calendar: the day header over a scrolling canvas of 24 hours."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from tradesman.domain.blocks import TimeBlock
from tradesman.domain.settings import Settings
from tradesman.domain.weeks import Week
from tradesman.ui.day_header import DayHeader
from tradesman.ui.week_canvas import WeekCanvas


class _Scroller(QScrollArea):
    """Keeps the canvas as wide as the view, and the header's columns over it."""

    def __init__(self, canvas: WeekCanvas, header: DayHeader) -> None:
        super().__init__()
        self.header = header
        self.setWidget(canvas)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.header.setContentsMargins(0, 0, self.verticalScrollBar().width(), 0)
        self.header.update()


class WeekView(QWidget):
    def __init__(self, week: Week, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.canvas = WeekCanvas(week)
        self.header = DayHeader(self.canvas)
        self.scroller = _Scroller(self.canvas, self.header)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.scroller, 1)
        self._scrolled_to_work = False
        # The now line moves on once a minute.
        self._clock = QTimer(self)
        self._clock.timeout.connect(self._tick)
        self._clock.start(60_000)

    def show_week(
        self, week: Week, blocks: list[TimeBlock], settings: Settings, today: date, now_minute: int
    ) -> None:
        self.canvas.now_minute = now_minute
        self.canvas.show_week(week, blocks, settings, today)
        self.header.update()
        if not self._scrolled_to_work:
            self.scroll_to_minute(max(0, settings.day_start - 30))
            self._scrolled_to_work = True

    def scroll_to_minute(self, minute: int) -> None:
        y = int(self.canvas.geometry_.y_of(minute))
        self.scroller.verticalScrollBar().setValue(y)

    def _tick(self) -> None:
        from datetime import datetime

        now = datetime.now()
        self.canvas.now_minute = now.hour * 60 + now.minute
        self.canvas.update()
