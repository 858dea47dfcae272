"""Noticing that a new day has begun while the app stays open (past midnight)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QObject, QTimer, Signal


class DayWatcher(QObject):
    """Looks at the date once a minute and says when it has changed."""

    new_day = Signal(object)  # the new date

    def __init__(self, today: Callable[[], date], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self._seen = today()
        self._timer = QTimer(self)
        self._timer.setInterval(60_000)
        self._timer.timeout.connect(self.check)
        self._timer.start()

    def check(self) -> None:
        now = self._today()
        if now != self._seen:
            self._seen = now
            self.new_day.emit(now)
