"""The planner under test: a real window on a real data file, and ways to drive it
as a user does (drags, keys, the dialogs). Shared by the planner test modules; the
`planner` fixture itself is in conftest.py."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QPoint, QRectF, QSettings, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QLineEdit, QTableWidget, QTableWidgetItem
from pytestqt.qtbot import QtBot

from tradesman.domain.areas import Area
from tradesman.domain.blocks import TimeBlock
from tradesman.domain.settings import Settings, WeekStart
from tradesman.paths import DataPaths
from tradesman.services import edits
from tradesman.services.data import Data
from tradesman.services.first_look import first_look
from tradesman.services.settings import save_settings
from tradesman.store.database import Store
from tradesman.ui.main_window import MainWindow
from tradesman.ui.shared.operations import Operations
from tradesman.ui.week.block_dialog import BlockDialog
from tradesman.ui.week.week_canvas import WeekCanvas

TODAY = date(2026, 11, 25)  # Wednesday of week 48: Mon 23 to Sun 29 Nov 2026
MON, TUE, WED, THU, FRI = (date(2026, 11, 23) + timedelta(days=n) for n in range(5))
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
LEFT = Qt.MouseButton.LeftButton


@dataclass
class Planner:
    """The window and what a test needs beside it."""

    window: MainWindow
    store: Store
    paths: DataPaths
    qtbot: QtBot

    @property
    def canvas(self) -> WeekCanvas:
        canvas: WeekCanvas = self.window.canvas  # (the window hands it out untyped)
        return canvas

    def titles(self) -> list[tuple[str, date, int, int]]:
        return [(b.title, b.day, b.start, b.end) for b in self.canvas.blocks]

    def block(self, title: str) -> TimeBlock:
        return next(b for b in self.canvas.blocks if b.title == title)

    def row(self, name: str) -> tuple[str, str]:
        return next((p, a) for label, p, a in self.window.split_panel.rows if label == name)

    def keys(
        self, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
    ) -> None:
        self.qtbot.keyClick(self.canvas, key, modifiers)

    def undo(self) -> None:
        self.keys(Qt.Key.Key_Z, CTRL)

    def redo(self) -> None:
        self.keys(Qt.Key.Key_Z, CTRL | SHIFT)

    def drag(self, start: QPoint, end: QPoint) -> None:
        """Press, move in steps past the drag distance, and let go: as a hand would."""
        self.qtbot.mousePress(self.canvas, LEFT, pos=start)
        for step in range(1, 7):
            self.qtbot.mouseMove(self.canvas, start + (end - start) * step / 6)
        self.qtbot.mouseRelease(self.canvas, LEFT, pos=end)

    def at(self, day: date, hours: float) -> QPoint:
        """A point on the calendar: `day`'s weekday in the week on show, at `hours`."""
        shown = self.canvas.week.days[(day.weekday() - self.canvas.week.start.weekday()) % 7]
        return self.canvas.point_at(shown, int(hours * 60))

    def selected(self) -> TimeBlock:
        """The block selected on the calendar (a test that asks expects one)."""
        block = self.canvas.selected()
        assert block is not None, "no block is selected"
        return block

    def rect_of(self, title: str) -> QRectF:
        block_id = self.block(title).id
        assert block_id is not None  # (a block on the calendar is a saved one)
        return self.canvas.block_rect(block_id)

    def middle_of(self, title: str) -> QPoint:
        return self.rect_of(title).center().toPoint()

    def dialog(self) -> BlockDialog:
        """The block dialog on screen (a closed one may still wait to be deleted)."""

        def showing() -> list[BlockDialog]:
            return [d for d in self.window.findChildren(BlockDialog) if d.isVisible()]

        self.qtbot.waitUntil(lambda: bool(showing()))
        return showing()[-1]

    def type_into(self, edit: QLineEdit | QAbstractSpinBox, text: str) -> None:
        edit.selectAll()
        self.qtbot.keyClicks(edit, text)


def cell(table: QTableWidget, row: int, column: int) -> QTableWidgetItem:
    """What a table shows in one cell (a test that looks there expects something)."""
    item = table.item(row, column)
    assert item is not None, f"nothing in row {row}, column {column}"
    return item


def seed(store: Store) -> None:
    with store.writing() as session:
        save_settings(session, Settings(business_name="Oak & Sons", target_business_share=0.3))
        edits.add_blocks(session, [
            TimeBlock(TUE, 8 * 60, 12 * 60, Area.PRODUCTION, "Kitchen – Patel"),
            TimeBlock(THU, 9 * 60, 10 * 60, Area.SALES, "Site visit"),
        ])  # fmt: skip


def open_window(qtbot: QtBot, paths: DataPaths, store: Store) -> MainWindow:
    state = QSettings(str(paths.window_state), QSettings.Format.IniFormat)
    window = MainWindow(paths.folder, state, WeekStart.MONDAY, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.show_first_look(first_look(paths.database, "en_GB", TODAY))
    window.attach(Operations(Data(store, "en_GB"), today=lambda: TODAY))
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.canvas.setFocus()
    return window


def add_tuesday_series(planner: Planner) -> None:
    planner.qtbot.mouseDClick(planner.canvas, LEFT, pos=planner.at(TUE, 15))
    dialog = planner.dialog()
    planner.type_into(dialog.title, "Marketing hour")
    dialog.area.setCurrentIndex(1)
    planner.type_into(dialog.start, "15:00")
    planner.type_into(dialog.end, "16:00")
    dialog.repeat.setCurrentIndex(1)  # every week; Tuesday is ticked already
    planner.qtbot.mouseClick(dialog.save_button, LEFT)
    planner.qtbot.waitUntil(lambda: not dialog.isVisible())
