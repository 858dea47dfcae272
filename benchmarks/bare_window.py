"""A bare PySide6 window: the yardstick for Tradesman's start-up (see startup.py).

Prints the milliseconds from process start (TRADESMAN_T0, set by startup.py) to the
first paint of an empty QMainWindow, then exits.
"""

from __future__ import annotations

import os
import sys
import time

_IMPORTED_AT = time.time()

from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow  # noqa: E402


class _Watch(QObject):
    def __init__(self, started: float) -> None:
        super().__init__()
        self.started = started

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, self.report)
        return False

    def report(self) -> None:
        print(f"first paint: {(time.time() - self.started) * 1000:.0f} ms")
        QApplication.exit(0)


def main() -> int:
    started = float(os.environ.get("TRADESMAN_T0") or _IMPORTED_AT)
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("Bare window")
    window.resize(1100, 720)
    watch = _Watch(started)
    window.installEventFilter(watch)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
