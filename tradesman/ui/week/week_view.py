"""The week calendar: the day header over a scrolling canvas of 24 hours, zoomable."""

from __future__ import annotations

import sys
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPalette, QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from tradesman.domain.blocks import TimeBlock
from tradesman.domain.settings import Settings
from tradesman.domain.weeks import Week
from tradesman.ui.week.day_header import DayHeader
from tradesman.ui.week.week_canvas import WeekCanvas

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings

# Pixels per hour, from a whole day on a small screen to a quarter hour with room for
# two lines of title. 44 fits a work day on a laptop, as before zooming was possible.
HOUR_HEIGHTS = (24.0, 32.0, 44.0, 56.0, 72.0, 96.0, 128.0)
DEFAULT_HOUR_HEIGHT = 44.0
ZOOM_KEY = "calendar/hour_height"  # in the window state file, beside the window's size

EMPTY_WEEK_HINT = (
    "Nothing planned this week yet.\n"
    "Drag down a day to draw a block, then type its title and press Enter.\n"
    "Keys 1–4 choose what you draw: production, marketing, sales or admin.\n"
    "Double-click for the full form; Ctrl+Shift+C copies last week's plan."
)


def own_viewport() -> QWidget:
    """A scroll area's viewport, made as a QScrollArea makes its own.

    Asked for the viewport Qt made, PySide cannot tell what kind of widget it is without
    loading every kind of widget there is to compare (and making all their enums): 10 ms
    or so of the window's start. One made here is known to be a plain QWidget."""
    viewport = QWidget()
    viewport.setObjectName("qt_scrollarea_viewport")
    viewport.setBackgroundRole(QPalette.ColorRole.NoRole)  # (the scroll area's own)
    viewport.setAutoFillBackground(True)
    return viewport


class _Scroller(QScrollArea):
    """Keeps the canvas as wide as the view, and the header's columns over it."""

    def __init__(self, canvas: WeekCanvas, header: DayHeader) -> None:
        super().__init__()
        viewport = own_viewport()
        self.setViewport(viewport)
        if sys.platform == "darwin":
            # (setViewport grabs the pan gesture everywhere; Qt's own viewport does not
            # on macOS, where the trackpad scrolls it: as Qt's, there too.)
            viewport.ungrabGesture(Qt.GestureType.PanGesture)
        self.header = header
        self.setWidget(canvas)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.header.setContentsMargins(0, 0, self.verticalScrollBar().width(), 0)
        self.header.update()
        self.place_hint()

    def place_hint(self) -> None:
        """The empty week's hint, in the middle of what is on view (it does not scroll)."""
        hint = self.findChild(QLabel, "emptyWeekHint")
        if hint is not None:
            hint.adjustSize()
            room = self.viewport().rect()
            hint.move(room.center().x() - hint.width() // 2, room.height() // 3)


class WeekView(QWidget):
    def __init__(
        self, week: Week, state: QSettings | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._state = state
        self.canvas = WeekCanvas(week)
        self.canvas.set_hour_height(remembered_hour_height(state))
        self.header = DayHeader(self.canvas)
        self.scroller = _Scroller(self.canvas, self.header)
        # Said over an empty week: a new owner sees a blank grid and not what to do.
        self.empty_hint = QLabel(EMPTY_WEEK_HINT, self.scroller.viewport())
        self.empty_hint.setObjectName("emptyWeekHint")
        self.empty_hint.setTextFormat(Qt.TextFormat.PlainText)
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_hint.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.empty_hint.setStyleSheet(  # a card over the grid, in the theme's colours
            "#emptyWeekHint { background: palette(base); border: 1px solid palette(mid);"
            " border-radius: 6px; padding: 10px 14px; }"
        )
        self.empty_hint.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.scroller, 1)
        self._scrolled_to_work = False
        # The markers of blocks out of view sit at the view's edges: redraw on scrolling.
        self.scroller.verticalScrollBar().valueChanged.connect(self.canvas.update)
        self.canvas.reveal_requested.connect(self.scroll_to_minute)
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
        self.empty_hint.setVisible(not blocks)
        if not blocks:
            self.empty_hint.raise_()
            self.scroller.place_hint()
        if not self._scrolled_to_work:
            self.scroll_to_minute(max(0, settings.day_start - 30))
            self._scrolled_to_work = True

    def scroll_to_minute(self, minute: int) -> None:
        y = int(self.canvas.geometry_.y_of(minute))
        self.scroller.verticalScrollBar().setValue(y)

    # -- zoom -----------------------------------------------------------------------
    def zoom_in(self) -> None:
        self.zoom_by(1)

    def zoom_out(self) -> None:
        self.zoom_by(-1)

    def zoom_by(self, steps: int) -> None:
        """Taller or shorter hours, keeping the time in the middle of the view in place;
        remembered for the next start."""
        current = self.canvas.hour_height
        index = min(range(len(HOUR_HEIGHTS)), key=lambda i: abs(HOUR_HEIGHTS[i] - current))
        chosen = HOUR_HEIGHTS[max(0, min(len(HOUR_HEIGHTS) - 1, index + steps))]
        if chosen == current:
            return
        bar = self.scroller.verticalScrollBar()
        middle = self.scroller.viewport().height() / 2
        minute_in_middle = self.canvas.geometry_.minute_at(bar.value() + middle)
        self.canvas.set_hour_height(chosen)
        bar.setValue(int(self.canvas.geometry_.y_of(minute_in_middle) - middle))
        if self._state is not None:
            self._state.setValue(ZOOM_KEY, chosen)

    def _tick(self) -> None:
        from datetime import datetime

        now = datetime.now()
        self.canvas.now_minute = now.hour * 60 + now.minute
        self.canvas.update()


def remembered_hour_height(state: QSettings | None) -> float:
    """The zoom the owner left the calendar at; the usual one if none, or if the file
    holds something else (an edited or older state file)."""
    if state is None:
        return DEFAULT_HOUR_HEIGHT
    try:
        value = float(str(state.value(ZOOM_KEY, DEFAULT_HOUR_HEIGHT)))
    except ValueError:
        return DEFAULT_HOUR_HEIGHT
    return value if value in HOUR_HEIGHTS else DEFAULT_HOUR_HEIGHT
