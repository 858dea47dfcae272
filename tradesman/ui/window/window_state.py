"""The window's size, place and page, remembered between runs (in QSettings)."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMainWindow

# Room kept for what the window manager adds around the window (borders, title bar).
FRAME_ALLOWANCE = 16
TITLE_BAR_ALLOWANCE = 40
DEFAULT_SIZE = (1280, 800)


def restore_geometry(window: QMainWindow, state: QSettings) -> None:
    geometry = state.value("window/geometry")
    if geometry is None or not window.restoreGeometry(geometry):
        window.resize(*DEFAULT_SIZE)
    fit_on_screen(window)
    toolbars = state.value("window/state")
    if toolbars is not None:
        window.restoreState(toolbars)


def fit_on_screen(window: QMainWindow) -> None:
    """Open within the screen's free space: a laptop's 1366x768 or 1280x720 screen
    (less the panel) cannot show 800 pixels of window, and a size remembered from a
    bigger monitor must not push the status bar off the bottom either."""
    screen = window.screen()
    if screen is None:
        return
    free = screen.availableGeometry()
    # The title bar and borders are not known before the window is shown: leave room.
    width = min(window.width(), free.width() - FRAME_ALLOWANCE)
    height = min(window.height(), free.height() - TITLE_BAR_ALLOWANCE)
    if (width, height) != (window.width(), window.height()):
        window.resize(max(width, window.minimumSizeHint().width()), max(height, 1))
    x = min(max(window.x(), free.left()), free.right() - window.width())
    y = min(max(window.y(), free.top()), free.bottom() - window.height() - TITLE_BAR_ALLOWANCE)
    if (x, y) != (window.x(), window.y()):
        window.move(max(x, free.left()), max(y, free.top()))


def remember(window: QMainWindow, state: QSettings, page: str) -> None:
    state.setValue("window/geometry", window.saveGeometry())
    state.setValue("window/page", page)
    state.setValue("window/state", window.saveState())
    state.sync()
