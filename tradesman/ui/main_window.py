"""The main window: menus, week navigation, the week's split and the status bar.

The window is built and shown before the data file is opened (so it paints at once);
`attach()` hands it the opened data, after which it shows the week.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QToolBar, QWidget

from tradesman.domain.settings import WeekStart
from tradesman.domain.weeks import Week, week_containing
from tradesman.identity import APP_NAME
from tradesman.ui.split_panel import SplitPanel
from tradesman.words import count_of

# Dialogs and background work are loaded on first use (`from tradesman.ui import ...`
# inside the methods): none of them is needed for the first paint.
if TYPE_CHECKING:  # at run time these arrive with the data, after the first paint
    from PySide6.QtGui import QCloseEvent

    from tradesman.domain.settings import Settings
    from tradesman.domain.split import WeekSplit
    from tradesman.services.first_look import FirstLook
    from tradesman.services.transfer import ImportResult
    from tradesman.ui.about import AboutDialog
    from tradesman.ui.operations import Operations

JSON_FILTER = "Tradesman export (*.json);;All files (*)"


class MainWindow(QMainWindow):
    def __init__(
        self,
        data_folder: Path,
        state: QSettings,
        week_start: WeekStart,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__()
        self.data_folder = data_folder
        self._state = state
        self._today = today
        self._week_start = week_start
        self._week = week_containing(today(), week_start)
        self._ops: Operations | None = None
        self._about: AboutDialog | None = None
        self.setWindowTitle(APP_NAME)

        self._make_actions()
        self._make_menus()
        toolbar = QToolBar("Week")
        toolbar.setObjectName("weekToolbar")
        toolbar.setMovable(False)
        for action in (self.previous_week_action, self.this_week_action, self.next_week_action):
            toolbar.addAction(action)
        self.week_label = QLabel()
        self.week_label.setContentsMargins(12, 0, 0, 0)
        toolbar.addWidget(self.week_label)
        self.addToolBar(toolbar)

        self.split_panel = SplitPanel()
        centre = QWidget()
        row = QHBoxLayout(centre)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.split_panel)
        row.addStretch(1)
        self.setCentralWidget(centre)
        self.data_label = QLabel()
        self.statusBar().addPermanentWidget(self.data_label)
        self._show_week_name()
        self._restore_geometry()

    # -- building -------------------------------------------------------------------
    def _action(
        self,
        text: str,
        slot: Callable[[], Any],
        shortcut: QKeySequence.StandardKey | str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if isinstance(shortcut, str):
            # setShortcuts (plural): setShortcut's overloads make PySide load the whole
            # Qt enum namespace (~13 ms) before the first paint.
            action.setShortcuts([QKeySequence(shortcut)])
        elif shortcut is not None:
            action.setShortcuts(QKeySequence.keyBindings(shortcut))
        action.triggered.connect(slot)
        self.addAction(action)  # shortcuts work even where no menu shows the action
        return action

    def _make_actions(self) -> None:
        self.import_action = self._action("&Import…", self.import_data, "Ctrl+Shift+I")
        self.import_action.setStatusTip("Replace all your data with a Tradesman export file")
        self.export_action = self._action("&Export…", self.export_data, "Ctrl+Shift+E")
        self.export_action.setStatusTip("Save all your data to a file")
        self.quit_action = self._action("&Quit", self.close, QKeySequence.StandardKey.Quit)
        self.previous_week_action = self._action(
            "◀ &Previous week", self.show_previous_week, "Alt+Left"
        )
        self.this_week_action = self._action("&This week", self.show_this_week, "Alt+Home")
        self.next_week_action = self._action("&Next week ▶", self.show_next_week, "Alt+Right")
        self.about_action = self._action(f"&About {APP_NAME}", self.show_about)
        for action in (self.import_action, self.export_action):
            action.setEnabled(False)  # until the data file is open

    def _make_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        file_menu.addAction(self.import_action)
        file_menu.addAction(self.export_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        go_menu = self.menuBar().addMenu("&Go")
        go_menu.addAction(self.previous_week_action)
        go_menu.addAction(self.this_week_action)
        go_menu.addAction(self.next_week_action)
        help_menu = self.menuBar().addMenu("&Help")
        help_menu.addAction(self.about_action)

    # -- data -----------------------------------------------------------------------
    def show_first_look(self, look: FirstLook) -> None:
        """Show the week read at start-up, before editing is possible (see app.py)."""
        self._week_start = look.settings.week_start
        self._week = look.week
        self._show(look.settings, look.split)

    def attach(self, ops: Operations) -> None:
        """Work with the data from now on; called once the store is loaded."""
        self._ops = ops
        ops.changed.connect(self.refresh)
        self.data_label.setText(f"Data: {ops.data_file}")
        self.data_label.setToolTip("Your data is saved here after every change.")
        for action in (self.import_action, self.export_action):
            action.setEnabled(True)
        self.refresh()

    @property
    def week(self) -> Week:
        return self._week

    def refresh(self) -> None:
        """Re-read and show the week; runs after every change."""
        if self._ops is not None:
            self._show(self._ops.settings(), self._ops.week_split(self._week))

    def _show(self, settings: Settings, split: WeekSplit) -> None:
        if settings.week_start is not self._week_start:
            self._week_start = settings.week_start
            self._week = week_containing(self._week.start, settings.week_start)
            split = self._ops.week_split(self._week) if self._ops else split
        name = settings.business_name
        self.setWindowTitle(f"{name} — {APP_NAME}" if name else APP_NAME)
        self._show_week_name()
        heading = "This week" if self._is_this_week() else self._week.label
        self.split_panel.show_week(heading, split, settings.target_business_share)

    def show_week(self, week: Week) -> None:
        self._week = week
        self._show_week_name()
        self.refresh()

    def show_previous_week(self) -> None:
        self.show_week(self._week.previous())

    def show_next_week(self) -> None:
        self.show_week(self._week.next())

    def show_this_week(self) -> None:
        self.show_week(week_containing(self._today(), self._week_start))

    def _is_this_week(self) -> bool:
        return self._week.contains(self._today())

    def _show_week_name(self) -> None:
        text = self._week.label + ("  (this week)" if self._is_this_week() else "")
        self.week_label.setText(f"<b>{text}</b>")

    # -- import and export ----------------------------------------------------------
    def import_data(self) -> None:
        from tradesman.ui import prompts
        from tradesman.ui.background import run_with_progress

        ops = self._ops
        if ops is None:
            return
        path = prompts.choose_file_to_open(self, "Import data", self._last_folder(), JSON_FILTER)
        if path is None:
            return
        self._remember_folder(path)
        if not prompts.confirm(
            self,
            "Replace all your data?",
            f"Importing {path.name} replaces all your tasks, time blocks and settings with "
            "the ones in the file. A backup of what you have now is made first.",
            "Replace my data",
        ):
            return

        def done(result: ImportResult) -> None:
            ops.changed.emit()
            message = (
                f"Imported {count_of(result.counts.tasks, 'task')} and "
                f"{count_of(result.counts.blocks, 'time block')} from {path.name}."
            )
            self.statusBar().showMessage(message, 10_000)
            prompts.tell(
                self,
                "Import finished",
                f"{message}\n\nThe data you had before is kept in the backup "
                f"{result.backup.path.name}.",
            )

        self._busy = run_with_progress(
            self, f"Importing {path.name}…", lambda: ops.import_from(path), done, self._failed
        )

    def export_data(self) -> None:
        from tradesman.ui import prompts
        from tradesman.ui.background import run_with_progress

        ops = self._ops
        if ops is None:
            return
        suggested = self._last_folder() / f"tradesman-export-{self._today().isoformat()}.json"
        path = prompts.choose_file_to_save(self, "Export data", suggested, JSON_FILTER)
        if path is None:
            return
        if not path.suffix:
            path = path.with_suffix(".json")
        self._remember_folder(path)

        def done(counts: Any) -> None:
            self.statusBar().showMessage(
                f"Exported {count_of(counts.tasks, 'task')} and "
                f"{count_of(counts.blocks, 'time block')} to {path}.",
                10_000,
            )

        self._busy = run_with_progress(
            self, f"Exporting to {path.name}…", lambda: ops.export_to(path), done, self._failed
        )

    def _failed(self, message: str) -> None:
        from tradesman.ui import prompts

        self.statusBar().showMessage(message, 10_000)
        prompts.warn(self, APP_NAME, message)

    def _last_folder(self) -> Path:
        folder = str(self._state.value("folders/last", ""))
        return Path(folder) if folder and Path(folder).is_dir() else Path.home()

    def _remember_folder(self, path: Path) -> None:
        self._state.setValue("folders/last", str(path.parent))

    # -- help -----------------------------------------------------------------------
    def show_about(self) -> None:
        if self._about is None:
            from tradesman.ui.about import AboutDialog

            self._about = AboutDialog(self.data_folder, self)
        self._about.open()

    # -- window state ---------------------------------------------------------------
    def _restore_geometry(self) -> None:
        geometry = self._state.value("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1100, 720)
        state = self._state.value("window/state")
        if state is not None:
            self.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._state.setValue("window/geometry", self.saveGeometry())
        self._state.setValue("window/state", self.saveState())
        self._state.sync()
        super().closeEvent(event)
