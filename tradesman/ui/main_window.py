"""The main window: the week calendar, the split panel beside it, menus, toolbar, status bar.

The window is shown before the data file is opened, so that it paints at once; the
calendar itself is built when the first week's data arrives (`show_first_look`), and
editing starts when the services are loaded (`attach`). See app.py.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QKeySequence,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QStackedWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from tradesman.domain.areas import AREAS, Area
from tradesman.domain.settings import Settings, WeekStart
from tradesman.domain.weeks import MAX_YEAR, MIN_YEAR, Week, week_containing
from tradesman.identity import APP_NAME
from tradesman.ui.shared.folders import LastFolder
from tradesman.ui.shared.palette import swatch
from tradesman.ui.week.side_column import SideColumn
from tradesman.ui.week.split_panel import SplitPanel

# Dialogs, the calendar and background work are loaded on first use (imports inside
# the methods): none of them is needed for the window's first paint.
if TYPE_CHECKING:  # at run time these arrive with the data, after the first paint
    from PySide6.QtGui import QCloseEvent

    from tradesman.domain.blocks import TimeBlock
    from tradesman.domain.split import WeekSplit
    from tradesman.services.first_look import FirstLook
    from tradesman.services.op_changes import OpChanges
    from tradesman.ui.charts.chart_trend import TrendChart
    from tradesman.ui.charts.charts_page import ChartsPage
    from tradesman.ui.plan.plan_actions import PlanActions
    from tradesman.ui.plan.plan_page import PlanPage
    from tradesman.ui.shared.operations import Operations
    from tradesman.ui.shared.toolbar_fit import ToolbarFitter
    from tradesman.ui.tasks.task_actions import TaskActions
    from tradesman.ui.tasks.task_catch_up import TaskCatchUp
    from tradesman.ui.tasks.tasks_page import TasksPage
    from tradesman.ui.week.planner import Planner
    from tradesman.ui.week.schedule_list import ScheduleList
    from tradesman.ui.week.week_view import WeekView
    from tradesman.ui.window.about import AboutDialog
    from tradesman.ui.window.print_actions import PrintActions
    from tradesman.ui.window.transfer_actions import DataTransfer

Shortcut = str | tuple[str, ...] | None
# Keys written out, not QKeySequence.StandardKey: touching that enum makes PySide build
# all its ~70 members before the first paint. (Qt reads "Ctrl" as Cmd on macOS.)
UNDO, REDO = ("Ctrl+Z",), ("Ctrl+Shift+Z", "Ctrl+Y")
# In the order of the stack; the names are remembered.
PAGES = ("week", "tasks", "charts", "plan")
# Room kept for what the window manager adds around the window (borders, title bar).
FRAME_ALLOWANCE = 16
TITLE_BAR_ALLOWANCE = 40
WEEK_PAGE, TASKS_PAGE, CHARTS_PAGE, PLAN_PAGE = range(4)
COMPACT_TREND_WEEKS = 12  # the small trend beside the calendar


def _move_in(page: QWidget, holder: QWidget, margin: int = 0) -> None:
    """A page made on first show takes the place kept for it in the stack."""
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(margin, margin, margin, margin)
    layout.addWidget(page)
    page.show()  # (a child added to a widget already on screen is hidden until shown)


def set_keys(action: QAction, keys: tuple[str, ...]) -> None:
    # setShortcuts (plural): setShortcut's overloads make PySide load the whole Qt enum
    # namespace (~13 ms) before the first paint.
    action.setShortcuts([QKeySequence(key) for key in keys])


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
        self._settings = Settings(week_start=week_start)
        self._week = week_containing(today(), week_start)
        self._ops: Operations | None = None
        self.planner: Planner | None = None
        self._week_view: WeekView | None = None
        self._toolbar_fitter: ToolbarFitter | None = None  # made with the Draw buttons
        self._short_week_name = False  # "(this week)" left out to fit the toolbar
        self._about: AboutDialog | None = None
        self._transfer: DataTransfer | None = None
        self.task_catch_up: TaskCatchUp | None = None
        self.folders = LastFolder(state)
        self.setWindowTitle(APP_NAME)

        self._make_actions()
        self._make_menus()
        self._make_toolbar()
        self.split_panel = SplitPanel()
        self._centre = QWidget()
        self._row = QHBoxLayout(self._centre)
        self._row.setContentsMargins(0, 0, 0, 0)
        self._row.setSpacing(0)
        self._row.addStretch(1)  # the calendar takes this place when the data arrives
        self.side = SideColumn(self.split_panel)  # and the tasks to schedule, with the data
        self._row.addWidget(self.side)
        # The pages, switched by the Week and Tasks buttons at the toolbar's left (a
        # QTabWidget would do too, but costs more before the first paint).
        self.pages = QStackedWidget()
        self.pages.addWidget(self._centre)
        self._tasks_holder = QWidget()  # the tasks page moves in once the data is open
        self.pages.addWidget(self._tasks_holder)
        self._charts_holder = QWidget()  # and the charts page, the first time it is shown
        self.pages.addWidget(self._charts_holder)
        self._plan_holder = QWidget()  # and the plan page, likewise
        self.pages.addWidget(self._plan_holder)
        self.pages.currentChanged.connect(self._page_changed)
        self.setCentralWidget(self.pages)
        self.tasks_page: TasksPage | None = None
        self.charts_page: ChartsPage | None = None
        self.plan_page: PlanPage | None = None
        self.plan_actions: PlanActions | None = None
        self.printing: PrintActions | None = None
        self.compact_trend: TrendChart | None = None  # under the split, once there is data
        self.schedule_list: ScheduleList | None = None
        self.task_actions: TaskActions | None = None
        self.data_label = QLabel()
        self.statusBar().addPermanentWidget(self.data_label)
        self._show_week_name()
        self._restore_geometry()

    # -- building -------------------------------------------------------------------
    def _action(self, text: str, slot: Callable[[], Any], shortcut: Shortcut = None) -> QAction:
        # QAction(parent) then setText: the (text, parent) overload makes PySide build the
        # QIcon.ThemeIcon enum (151 members) while choosing between constructors.
        action = QAction(self)
        action.setText(text)
        if shortcut is not None:
            self._keys.append((action, (shortcut,) if isinstance(shortcut, str) else shortcut))
        action.triggered.connect(slot)
        self.addAction(action)  # shortcuts work even where no menu shows the action
        return action

    def _planner_action(
        self, text: str, method: str, shortcut: Shortcut = None, *args: Any
    ) -> QAction:
        """An action that asks the planner to do something, once there is one."""

        def run() -> None:
            if self.planner is not None:
                getattr(self.planner, method)(*args)

        action = self._action(text, run, shortcut)
        self._editing_actions.append(action)
        return action

    def _make_actions(self) -> None:
        self._editing_actions: list[QAction] = []
        # Keys are bound when the data arrives (`_bind_keys`): making ~40 key sequences
        # costs a few ms the window's first paint need not wait for.
        self._keys: list[tuple[QAction, tuple[str, ...]]] = []
        self.import_action = self._action("&Import…", self.import_data, "Ctrl+Shift+I")
        self.import_action.setStatusTip("Replace all your data with a Tradesman export file")
        self.export_action = self._action("&Export…", self.export_data, "Ctrl+Shift+E")
        self.export_action.setStatusTip("Save all your data to a file")
        self.restore_action = self._action("&Restore from backup…", self.restore_backup)
        self.restore_action.setStatusTip("Go back to one of the backups Tradesman keeps")
        self.settings_action = self._action("&Settings…", self.edit_settings, "Ctrl+,")
        self.quit_action = self._action("&Quit", self.close, "Ctrl+Q")
        # Qt's own undo actions follow the stack: "Undo Move 'Kitchen job'", enabled or not.
        self.undo_stack = QUndoStack(self)
        self.undo_action = self.undo_stack.createUndoAction(self, "&Undo")
        self.redo_action = self.undo_stack.createRedoAction(self, "&Redo")
        for action, keys in ((self.undo_action, UNDO), (self.redo_action, REDO)):
            self._keys.append((action, keys))
            self.addAction(action)
        self.undo_action.triggered.connect(
            lambda: self._after_undo("Undone", self.undo_stack.index())
        )
        self.redo_action.triggered.connect(
            lambda: self._after_undo("Redone", self.undo_stack.index() - 1)
        )
        self.new_block_action = self._action("&New block…", self.new_block, "Ctrl+N")
        self.edit_block_action = self._planner_action("&Edit block…", "edit_selected", "F2")
        self.copy_action = self._action("&Copy", self.copy, "Ctrl+C")
        self._editing_actions.append(self.copy_action)
        self.save_charts_action = self._action(
            "Save charts as &PNG…", self.save_charts, "Ctrl+Shift+S"
        )
        self.save_charts_action.setStatusTip("Save the three charts as one picture")
        self.print_week_action = self._action("&Print week…", self.print_week, "Ctrl+P")
        self.print_week_action.setStatusTip(
            "Preview the week on one page, then print it or save a PDF"
        )
        self.plan_pdf_action = self._action(
            "Export p&lan as PDF…", self.export_plan_pdf, "Ctrl+Shift+P"
        )
        self.plan_pdf_action.setStatusTip(
            "Preview your doer-to-marketer plan as a PDF, then save or print it"
        )
        self.paste_action = self._planner_action("&Paste", "paste", "Ctrl+V")
        self.duplicate_action = self._planner_action(
            "D&uplicate to next day", "duplicate", "Ctrl+D"
        )
        self.delete_action = self._planner_action("&Delete", "delete_selected", "Del")
        self.done_action = self._planner_action(
            "Mark &done", "mark", ("Ctrl+Return", "Ctrl+Enter"), "done"
        )
        self.skipped_action = self._planner_action("Mark s&kipped", "mark", "Ctrl+K", "skipped")
        self.planned_action = self._planner_action("Mark &planned", "mark", None, "planned")
        self.actual_action = self._planner_action("Set &actual time…", "set_actual_time", "Ctrl+T")
        self.previous_week_action = self._action(
            "◀ &Previous week", self.show_previous_week, "Alt+Left"
        )
        self.this_week_action = self._action("&This week", self.show_this_week, "Alt+Home")
        self.next_week_action = self._action("&Next week ▶", self.show_next_week, "Alt+Right")
        self.go_to_date_action = self._action("&Go to date…", self.go_to_date, "Ctrl+G")
        self.copy_week_action = self._planner_action(
            "&Copy last week's plan", "copy_last_week", "Ctrl+Shift+C"
        )
        self.copy_week_action.setStatusTip(
            "Put last week's blocks into this week again, as planned "
            "(repeating blocks are there already)"
        )
        self.about_action = self._action(f"&About {APP_NAME}", self.show_about)
        self.week_page_action = self._action("&Week", lambda: self.show_page(WEEK_PAGE), "Ctrl+1")
        self.tasks_page_action = self._action(
            "T&asks", lambda: self.show_page(TASKS_PAGE), "Ctrl+2"
        )
        self.charts_page_action = self._action(
            "C&harts", lambda: self.show_page(CHARTS_PAGE), "Ctrl+3"
        )
        self.plan_page_action = self._action("P&lan", lambda: self.show_page(PLAN_PAGE), "Ctrl+4")
        self.page_actions = (
            self.week_page_action, self.tasks_page_action, self.charts_page_action,
            self.plan_page_action,
        )  # fmt: skip
        self.page_group = QActionGroup(self)
        for action in self.page_actions:
            action.setCheckable(True)
            self.page_group.addAction(action)
        self.week_page_action.setChecked(True)
        self.new_task_action = self._action("&New task…", self.new_task, "Ctrl+Shift+N")
        self.new_task_action.setEnabled(False)
        self.area_actions: dict[Area, QAction] = {}
        self.area_group = QActionGroup(self)
        for number, area in enumerate(AREAS, start=1):
            action = self._action(area.label, partial(self.set_paint_area, area), str(number))
            action.setCheckable(True)
            kind = "technician" if not area.is_business else "business"
            action.setToolTip(f"Draw {area.label.lower()} blocks ({kind} time) — key {number}")
            self.area_group.addAction(action)
            self.area_actions[area] = action
        self.area_actions[Area.PRODUCTION].setChecked(True)
        for action in (self.import_action, self.export_action, self.settings_action,
                       self.print_week_action, self.plan_pdf_action, self.restore_action,
                       self.new_block_action, *self._editing_actions):  # fmt: skip
            action.setEnabled(False)  # until the data file is open
        self.save_charts_action.setEnabled(False)  # while the charts are not on screen

    def _make_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        for action in (
            self.import_action,
            self.export_action,
            self.restore_action,
            None,
            self.save_charts_action,
            None,
            self.print_week_action,
            self.plan_pdf_action,
            None,
            self.settings_action,
            None,
            self.quit_action,
        ):
            file_menu.addSeparator() if action is None else file_menu.addAction(action)
        edit_menu = bar.addMenu("&Edit")
        self.edit_menu = edit_menu
        for action in (
            self.undo_action, self.redo_action, None, self.new_block_action, self.edit_block_action,
            None, self.copy_action, self.paste_action, self.duplicate_action, self.delete_action,
            None, self.done_action, self.skipped_action, self.planned_action, self.actual_action,
        ):  # fmt: skip
            edit_menu.addSeparator() if action is None else edit_menu.addAction(action)
        week_menu = bar.addMenu("&Week")
        for action in (
            self.previous_week_action, self.this_week_action, self.next_week_action,
            self.go_to_date_action, None, self.copy_week_action,
        ):  # fmt: skip
            week_menu.addSeparator() if action is None else week_menu.addAction(action)
        tasks_menu = bar.addMenu("&Tasks")
        tasks_menu.addAction(self.new_task_action)

        def schedule_chosen() -> None:  # the card chosen on the Tasks page, without a drag
            if self.task_actions is not None:
                self.task_actions.schedule_chosen()

        self.schedule_task_action = tasks_menu.addAction("Sc&hedule…", schedule_chosen)
        view_menu = bar.addMenu("&View")
        for action in self.page_actions:
            view_menu.addAction(action)
        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self.about_action)

    def _make_toolbar(self) -> None:
        toolbar = QToolBar("Week")
        toolbar.setObjectName("weekToolbar")
        toolbar.setMovable(False)
        for action in (self.previous_week_action, self.this_week_action, self.next_week_action):
            toolbar.addAction(action)
        self.week_label = QLabel()
        self.week_label.setContentsMargins(12, 0, 12, 0)
        toolbar.addWidget(self.week_label)
        self.addToolBar(toolbar)
        self._toolbar = toolbar  # more buttons join it with the calendar: _fill_toolbar
        self._week_items = list(toolbar.actions())  # shown on the pages about a week
        self._draw_items: list[QAction] = []  # shown on the calendar only

    def _bind_keys(self) -> None:
        for action, keys in self._keys:
            set_keys(action, keys)
        self._keys.clear()

    def _fill_toolbar(self) -> None:
        """The Draw buttons, and Week / Tasks at the far end: added after the first paint
        (to the right, so nothing on screen moves), as they need the data anyway."""
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QSizePolicy

        toolbar = self._toolbar
        self._draw_items.append(toolbar.addSeparator())
        draw_label = QLabel("  Draw: ")
        self._draw_items.append(toolbar.addWidget(draw_label))
        for area, action in self.area_actions.items():
            action.setIcon(swatch(area))
            toolbar.addAction(action)
            self._draw_items.append(action)
        gap = QWidget()
        gap.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(gap)
        for action in self.page_actions:
            toolbar.addAction(action)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self._toolbar_fitter = self._make_toolbar_fitter(draw_label)
        self._fit_toolbar(self.pages.currentIndex())

    def _make_toolbar_fitter(self, draw_label: QLabel) -> ToolbarFitter:
        """The ways the toolbar narrows when its buttons do not fit, least needed first:
        the Draw buttons keep only their colour (the tooltip and keys 1-4 name them),
        the week buttons only their arrows, then "Draw:", the year and "(this week)" go."""
        from PySide6.QtCore import Qt

        from tradesman.ui.shared.toolbar_fit import ToolbarFitter

        def draw_colours_only(on: bool) -> None:
            style = Qt.ToolButtonStyle
            for action in self.area_actions.values():
                button = self._toolbar.widgetForAction(action)
                if isinstance(button, QToolButton):
                    button.setToolButtonStyle(
                        style.ToolButtonIconOnly if on else style.ToolButtonTextBesideIcon
                    )

        def arrows_only(on: bool) -> None:
            self.previous_week_action.setIconText("◀" if on else "")  # ("": from the text)
            self.next_week_action.setIconText("▶" if on else "")

        def fewer_words(on: bool) -> None:
            draw_label.setText(" " if on else "  Draw: ")
            self._short_week_name = on
            self.week_label.setContentsMargins(*((4, 0, 4, 0) if on else (12, 0, 12, 0)))
            self._show_week_name()

        return ToolbarFitter(self._toolbar, (draw_colours_only, arrows_only, fewer_words))

    # -- the calendar ---------------------------------------------------------------
    @property
    def week_view(self) -> WeekView:
        """The calendar, made on first use (after the window's first paint)."""
        if self._week_view is None:
            from PySide6.QtWidgets import QMenu

            from tradesman.ui.week.week_view import WeekView

            self._week_view = view = WeekView(self._week, self._state)  # zoom remembered there
            menus = self.menuBar().findChildren(QMenu)
            view_menu = next(m for m in menus if m.title() == "&View")
            view_menu.addSeparator()  # (its keys are bound just below, with the others)
            view_menu.addAction(self._action("Zoom &in", view.zoom_in, ("Ctrl++", "Ctrl+=")))
            view_menu.addAction(self._action("Zoom &out", view.zoom_out, "Ctrl+-"))
            self._bind_keys()
            self._row.insertWidget(0, self._week_view, 1)
            self._row.takeAt(1)  # the stretch that held its place
            self._fill_toolbar()
        return self._week_view

    @property
    def canvas(self) -> Any:
        return self.week_view.canvas

    # -- data -----------------------------------------------------------------------
    def show_first_look(self, look: FirstLook) -> None:
        """Show the week read at start-up, before editing is possible (see app.py)."""
        self._settings = look.settings
        self._week = look.week
        self._show(look.settings, look.split, look.blocks)

    def attach(self, ops: Operations) -> None:
        """Work with the data from now on; called once the store is loaded."""
        from tradesman.ui.shared.day_watcher import DayWatcher
        from tradesman.ui.tasks.task_actions import TaskActions
        from tradesman.ui.week.planner import Planner
        from tradesman.ui.week.schedule_list import ScheduleList
        from tradesman.ui.window.print_actions import PrintActions
        from tradesman.ui.window.transfer_actions import DataTransfer

        self._ops = ops
        self.planner = Planner(
            ops, self.canvas, self, self.undo_stack, self.report, lambda: self._week,
            self.show_day,
        )  # fmt: skip
        self.task_actions = actions = TaskActions(ops, self.undo_stack, self, self.report)
        self.printing = PrintActions(ops, self, self.folders, self._state, self.report)
        self._transfer = DataTransfer(ops, self, self.folders, self._today, self._after_import)
        self.canvas.task_dropped.connect(actions.schedule)
        self.schedule_list = ScheduleList(self._today, lambda: self._week_of_today().end)
        self.schedule_list.view.doubleClicked.connect(self._edit_card_at)
        actions.serve_side_list(self.schedule_list)
        self.side.add_schedule(self.schedule_list)
        self.new_task_action.setEnabled(True)
        self.day_watcher = DayWatcher(self._today, self)
        self.day_watcher.new_day.connect(self._new_day)
        from tradesman.ui.tasks.task_catch_up import TaskCatchUp

        self.task_catch_up = catch_up = TaskCatchUp(ops, self.report, self)
        app = QCoreApplication.instance()
        if app is not None:  # (quitting without closing the window: --smoke-test)
            app.aboutToQuit.connect(catch_up.stop)
        catch_up.make_due()
        ops.changed.connect(self.refresh_all)  # (with what changed: see refresh_all)
        self._reload_tasks()
        from PySide6.QtCore import Qt  # (here, not before the first paint: see above)

        self.data_label.setTextFormat(Qt.TextFormat.PlainText)  # a folder's name, as it is
        self.data_label.setText(f"Data: {ops.data_file}")
        self.data_label.setToolTip("Your data is saved here after every change.")
        for action in (self.import_action, self.export_action, self.settings_action,
                       self.print_week_action, self.plan_pdf_action,
                       self.restore_action):  # fmt: skip
            action.setEnabled(True)
        from tradesman.ui.window.backup_keeper import BackupKeeper

        self.backup_keeper = BackupKeeper(ops, self.report, self)
        self.backup_warning = QLabel()  # stays until a backup works again
        self.backup_warning.setStyleSheet("color: #c0392b;")
        self.backup_warning.hide()
        self.statusBar().addWidget(self.backup_warning)
        self.backup_keeper.warning.connect(self._show_backup_warning)
        self.backup_keeper.start()
        self.canvas.setFocus()
        left_on = str(self._state.value("window/page", "week"))  # the page it was left on
        if left_on in PAGES and self.pages.currentIndex() == WEEK_PAGE:  # (unless moved)
            self.show_page(PAGES.index(left_on))
        # (Again even if the page is already on show: it may have been chosen before
        # there was data to fill it, and the edit actions now follow the page.)
        self._page_changed(self.pages.currentIndex())
        self.refresh()

    @property
    def week(self) -> Week:
        return self._week

    def _week_of_today(self) -> Week:
        return week_containing(self._today(), self._settings.week_start)

    def refresh_all(self, changes: OpChanges | None = None) -> None:
        """After a change: what shows anything it touched reads again (everything when
        `changes` is not said). The week page reads once, the tasks to schedule with it."""
        from tradesman.domain.allocation import trend_weeks
        from tradesman.services.op_changes import EVERYTHING

        changes = EVERYTHING if changes is None else changes
        cards = changes.touches_cards()
        trend_days = trend_weeks(self._week, COMPACT_TREND_WEEKS)
        if changes.touches_days(trend_days[0].start, self._week.end):
            self.refresh(with_cards=cards)
        elif cards:
            self._reload_tasks()
        else:
            self._show_charts()
            self._show_plan()
        if cards and self.tasks_page is not None and self.pages.currentIndex() == TASKS_PAGE:
            self.tasks_page.reload()

    def _reload_tasks(self) -> None:
        if self._ops is None:
            return
        if self.schedule_list is not None:
            self.schedule_list.show_cards(self._ops.cards_to_schedule())
        if self.tasks_page is not None and self.pages.currentIndex() == TASKS_PAGE:
            self.tasks_page.reload()

    def show_page(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        self.page_actions[index].setChecked(True)

    def _fit_toolbar(self, index: int) -> None:
        # The week's buttons mean nothing on the tasks and plan pages, and Draw only on
        # the calendar.
        for action in self._week_items:
            action.setVisible(index in (WEEK_PAGE, CHARTS_PAGE))
        for action in self._draw_items:
            action.setVisible(index == WEEK_PAGE)
        if self._toolbar_fitter is not None:
            self._toolbar_fitter.remeasure()

    def _page_changed(self, index: int) -> None:
        self._fit_toolbar(index)
        self._fit_actions(index)
        self.save_charts_action.setEnabled(index == CHARTS_PAGE and self._ops is not None)
        if index == TASKS_PAGE:
            self._ensure_tasks_page()
            if self.tasks_page is not None:
                self.tasks_page.reload()
        elif index == CHARTS_PAGE:
            self._ensure_charts_page()
            self._show_charts()
        elif index == PLAN_PAGE:
            self._ensure_plan_page()
            self._show_plan()
        elif self._week_view is not None:
            self.canvas.setFocus()

    def _fit_actions(self, index: int) -> None:
        """Calendar edits only where the calendar is: a key pressed on the tasks or the
        charts page must not change a block that is not on screen. Ctrl+C copies the
        charts on the charts page."""
        attached = self._ops is not None
        for action in (self.new_block_action, *self._editing_actions):
            action.setEnabled(attached and index == WEEK_PAGE)
        self.copy_action.setEnabled(attached and index in (WEEK_PAGE, CHARTS_PAGE))

    def _ensure_charts_page(self) -> None:
        """The charts page, made the first time it is shown."""
        if self.charts_page is not None or self._ops is None:
            return
        from tradesman.ui.charts.charts_page import ChartsPage

        page = ChartsPage(
            self._ops.week_charts, self.folders, self._state, self.report, self._ops.own_files
        )
        _move_in(page, self._charts_holder)
        self.charts_page = page

    def _show_charts(self) -> None:
        if self.charts_page is not None and self.pages.currentIndex() == CHARTS_PAGE:
            # (The week by name, not "this week": pictures of the charts are kept.)
            self.charts_page.show_week(self._week, self._week.label)

    def _ensure_plan_page(self) -> None:
        """The plan page, made the first time it is shown."""
        if self.plan_page is not None or self._ops is None or self.printing is None:
            return
        from tradesman.ui.plan.plan_actions import PlanActions
        from tradesman.ui.plan.plan_page import PlanPage

        self.plan_actions = PlanActions(self._ops, self.undo_stack, self, self.report)
        page = PlanPage(
            self.plan_actions, self._ops.trend, self.export_plan_pdf, self._week_of_today
        )
        _move_in(page, self._plan_holder, margin=8)
        self.plan_page = page

    def _show_plan(self) -> None:
        shown = self.pages.currentIndex() == PLAN_PAGE
        if self.plan_page is not None and self._ops is not None and shown:
            self.plan_page.show_plan(self._ops.plan_view())

    def print_week(self) -> None:
        """File → Print week…: the week on show, previewed on one page, then printed."""
        if self.printing is not None:
            self.printing.preview_week(self._week)

    def export_plan_pdf(self) -> None:
        if self.printing is not None:
            self.printing.preview_plan()

    def _small_trend(self) -> TrendChart:
        """The last weeks' business share under the split panel; a click opens the charts."""
        if self.compact_trend is None:
            from tradesman.ui.charts.chart_trend import TrendChart

            self.compact_trend = TrendChart(compact=True)
            self.compact_trend.clicked.connect(lambda: self.show_page(CHARTS_PAGE))
            self.compact_trend.copied.connect(self.report)
            self.side.add_trend(self.compact_trend)
        return self.compact_trend

    def copy(self) -> None:
        """Ctrl+C: the charts as a picture on the charts page, the chosen block elsewhere."""
        if self.pages.currentIndex() == CHARTS_PAGE:
            if self.charts_page is not None:
                self.charts_page.copy_image()
        elif self.planner is not None:
            self.planner.copy()

    def save_charts(self) -> None:
        if self.charts_page is not None and self.pages.currentIndex() == CHARTS_PAGE:
            self.charts_page.save_image()

    def _ensure_tasks_page(self) -> None:
        """The tasks page, made the first time it is shown."""
        if self.tasks_page is not None or self._ops is None or self.task_actions is None:
            return
        from tradesman.services.templates import templates
        from tradesman.ui.tasks.tasks_page import TasksPage

        ops, actions = self._ops, self.task_actions
        page = TasksPage(
            ops.all_task_cards, templates(), self._today, lambda: self._week_of_today().end
        )
        page.new_requested.connect(actions.new_task)
        page.edit_requested.connect(actions.edit_task)
        page.menu_requested.connect(actions.show_card_menu)
        page.template_chosen.connect(actions.add_template)
        page.move_requested.connect(actions.move)
        actions.serve(page)  # its keys and its repeating tasks
        _move_in(page, self._tasks_holder)
        self.tasks_page = page

    def _edit_card_at(self, index: Any) -> None:
        from tradesman.ui.tasks.task_model import CardRole

        card = index.data(CardRole)
        if card is not None and self.task_actions is not None:
            self.task_actions.edit_task(card.task)

    def new_task(self) -> None:
        if self.task_actions is not None:
            self.task_actions.new_task()

    def _new_day(self, _: date) -> None:
        """Past midnight with the app open: today moves on, and recurring tasks come due."""
        if self._ops is not None:
            self._ops.forget_cached()  # (a plan's weeks are judged against today)
            self._make_due_tasks()
            self.refresh_all()  # (today's column and the trend move on too)

    def _after_import(self) -> None:
        self.undo_stack.clear()  # (the undo history was of the data now replaced)
        self._make_due_tasks()  # the imported rules' tasks, as at start-up

    def _make_due_tasks(self) -> int:
        return 0 if self.task_catch_up is None else self.task_catch_up.make_due()

    def refresh(self, with_cards: bool = False) -> None:
        """Read and show the week (and, `with_cards`, the tasks to schedule) in one read.
        Repeating blocks not yet made for the week are made first, in a write of their own."""
        ops = self._ops
        if ops is None:
            return
        settings = ops.settings()
        if settings.week_start is not self._settings.week_start:
            # Stay on the week that holds the same Monday (Sun 22-Sat 28 <-> Mon 23-Sun 29).
            self._week = week_containing(self._week.monday, settings.week_start)
        screen = ops.week_screen(self._week, COMPACT_TREND_WEEKS, with_cards)
        if screen.series_behind:
            ops.make_series_for(self._week)
            screen = ops.week_screen(self._week, COMPACT_TREND_WEEKS, with_cards)
        if screen.settings.week_start is not settings.week_start:  # (changed in between)
            self._week = week_containing(self._week.monday, screen.settings.week_start)
            screen = ops.week_screen(self._week, COMPACT_TREND_WEEKS, with_cards)
        self._show(screen.settings, screen.split, screen.blocks, screen.target)
        if screen.trend is not None:
            self._small_trend().show_trend(screen.trend)
        if screen.cards is not None and self.schedule_list is not None:
            self.schedule_list.show_cards(screen.cards)
        self.side.fit()  # (the split panel may have grown a line)
        self._show_charts()
        self._show_plan()

    def _show(
        self,
        settings: Settings,
        split: WeekSplit,
        blocks: list[TimeBlock],
        target: float | None = None,
    ) -> None:
        """`target`: the week's, as read with it (the first look has the settings')."""
        from tradesman.domain.layout import overlap_minutes

        self._settings = settings
        name = settings.business_name
        self.setWindowTitle(f"{name} — {APP_NAME}" if name else APP_NAME)
        self._show_week_name()
        heading = "This week" if self._is_this_week() else self._week.label
        # (The plan's target for the week once the data is open; the first look, shown
        # before, has the settings' target.)
        if target is None:
            target = settings.target_business_share
        # A plan's own target for the week is said to be the plan's (see split_panel).
        long_term = (
            None if target == settings.target_business_share else settings.target_business_share
        )
        self.split_panel.show_week(heading, split, target, overlap_minutes(blocks), long_term)
        now = datetime.now()
        self.week_view.show_week(
            self._week, blocks, settings, self._today(), now.hour * 60 + now.minute
        )

    def show_week(self, week: Week) -> None:
        if not (MIN_YEAR <= week.start.year <= MAX_YEAR):
            self.report("That is too far from today to plan for.")
            return
        if self._week_view is not None:
            self.canvas.finish_pending_title()  # a block being named stays in its own week
        self._week = week
        self._show_week_name()
        self.refresh()

    def _after_undo(self, done: str, index: int) -> None:
        """Say what undo or redo changed, and show its week if it is not the one on screen."""
        from tradesman.ui.shared.commands import EditCommand

        command = self.undo_stack.command(index)
        if command is None:
            return
        words = command.words if isinstance(command, EditCommand) else command.text()
        self.report(f"{done}: {words}")
        change = command.change if isinstance(command, EditCommand) else None
        if change is not None:
            days = sorted({b.day for b in (*change.before_blocks, *change.after_blocks)})
            if days and not any(self._week.contains(day) for day in days):
                self.show_day(days[0])

    def show_day(self, day: date) -> None:
        """Show the week holding `day`."""
        if not MIN_YEAR <= day.year <= MAX_YEAR:  # (before any week arithmetic overflows)
            self.report("That is too far from today to plan for.")
            return
        self.show_week(week_containing(day, self._settings.week_start))

    def show_previous_week(self) -> None:
        self.show_day(self._week.start - timedelta(days=7))

    def show_next_week(self) -> None:
        self.show_day(self._week.start + timedelta(days=7))

    def show_this_week(self) -> None:
        self.show_week(week_containing(self._today(), self._settings.week_start))

    def go_to_date(self) -> None:
        from tradesman.ui.shared import prompts

        day = prompts.ask_date(self, "Go to date", self._today())  # from today, as calendars do
        if day is not None:
            self.show_day(day)

    def _is_this_week(self) -> bool:
        return self._week.contains(self._today())

    def _show_week_name(self) -> None:
        if self._short_week_name:
            text = self._week.short_label
        else:
            text = self._week.label + ("  (this week)" if self._is_this_week() else "")
        self.week_label.setText(f"<b>{text}</b>")
        if self._toolbar_fitter is not None:
            self._toolbar_fitter.words_changed()

    def _show_backup_warning(self, message: str) -> None:
        self.backup_warning.setText(message)
        self.backup_warning.setToolTip(
            "Your changes are saved; only the extra copy in the backups folder failed. "
            "Tradesman tries again at the next half hour."
        )
        self.backup_warning.setVisible(bool(message))

    def report(self, message: str) -> None:
        self.statusBar().showMessage(message, 8000)

    # -- editing --------------------------------------------------------------------
    def set_paint_area(self, area: Area) -> None:
        self.area_actions[area].setChecked(True)
        if self._week_view is not None:
            self.canvas.paint_area = area
        self.report(f"New blocks you draw are {area.label.lower()}.")

    def new_block(self) -> None:
        if self.planner is not None:
            canvas = self.canvas
            self.planner.new_block(canvas.cursor_day, canvas.cursor_minute)

    def edit_settings(self) -> None:
        from tradesman.ui.shared.commands import SettingsCommand
        from tradesman.ui.window.settings_dialog import SettingsDialog

        ops, planner = self._ops, self.planner
        if ops is None or planner is None:
            return
        before = ops.settings()
        dialog = SettingsDialog(before, self)

        def save(after: Settings) -> None:
            if after != before:
                planner.stack.push(SettingsCommand(ops, before, after, self.report))

        dialog.chosen.connect(save)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def welcome(self) -> None:
        """The first start: ask the few settings the week needs (see WelcomeDialog).
        Either answer is saved, so the welcome is shown once."""
        from tradesman.ui.window.welcome_dialog import WelcomeDialog

        ops = self._ops
        if ops is None:
            return
        dialog = WelcomeDialog(ops.settings(), self)
        dialog.chosen.connect(ops.save_settings)
        dialog.rejected.connect(lambda: ops.save_settings(ops.settings()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    # -- import and export ----------------------------------------------------------
    def import_data(self) -> None:
        if self._transfer is not None:
            self._transfer.import_data()

    def export_data(self) -> None:
        if self._transfer is not None:
            self._transfer.export_data()

    def restore_backup(self) -> None:
        if self._transfer is not None:
            self._transfer.restore_backup()

    # -- help -----------------------------------------------------------------------
    def show_about(self) -> None:
        if self._about is None:
            from tradesman.ui.window.about import AboutDialog

            self._about = AboutDialog(self.data_folder, self)
        self._about.open()

    # -- window state ---------------------------------------------------------------
    def _restore_geometry(self) -> None:
        geometry = self._state.value("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 800)
        self._fit_on_screen()
        state = self._state.value("window/state")
        if state is not None:
            self.restoreState(state)

    def _fit_on_screen(self) -> None:
        """Open within the screen's free space: a laptop's 1366x768 or 1280x720 screen
        (less the panel) cannot show 800 pixels of window, and a size remembered from a
        bigger monitor must not push the status bar off the bottom either."""
        screen = self.screen()
        if screen is None:
            return
        free = screen.availableGeometry()
        # The title bar and borders are not known before the window is shown: leave room.
        width = min(self.width(), free.width() - FRAME_ALLOWANCE)
        height = min(self.height(), free.height() - TITLE_BAR_ALLOWANCE)
        if (width, height) != (self.width(), self.height()):
            self.resize(max(width, self.minimumSizeHint().width()), max(height, 1))
        x = min(max(self.x(), free.left()), free.right() - self.width())
        y = min(max(self.y(), free.top()), free.bottom() - self.height() - TITLE_BAR_ALLOWANCE)
        if (x, y) != (self.x(), self.y()):
            self.move(max(x, free.left()), max(y, free.top()))

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.task_catch_up is not None:
            self.task_catch_up.stop()
        self._state.setValue("window/geometry", self.saveGeometry())
        self._state.setValue("window/page", PAGES[self.pages.currentIndex()])
        self._state.setValue("window/state", self.saveState())
        self._state.sync()
        super().closeEvent(event)
