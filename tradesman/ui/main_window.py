"""The main window: it arranges the pages, the menus, the toolbar and the status bar.

It comes in three steps, each an object made whole (see app.py): the window paints
before the data file is opened; the Week page's calendar is made when the first week's
data arrives (`show_first_look`); the Desk, all that works on the open data, when the
services are loaded (`attach`). The commands are declared once (ui/window/action_table.py).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLabel, QMainWindow, QStackedWidget, QWidget

from tradesman.domain.settings import Settings, WeekStart
from tradesman.domain.weeks import MAX_YEAR, MIN_YEAR, Week, week_containing
from tradesman.identity import APP_NAME
from tradesman.ui.shared.folders import LastFolder
from tradesman.ui.week.week_page import WeekPage
from tradesman.ui.window import window_state
from tradesman.ui.window.action_table import AREA_ACTIONS, CHARTS_PAGE, PAGES, WEEK_PAGE
from tradesman.ui.window.actions import WindowActions
from tradesman.ui.window.week_toolbar import WeekToolbar

# Dialogs, the calendar and background work are loaded on first use (imports inside
# the methods): none of them is needed for the window's first paint.
if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

    from tradesman.domain.areas import Area
    from tradesman.domain.blocks import TimeBlock
    from tradesman.domain.split import WeekSplit
    from tradesman.services.first_look import FirstLook
    from tradesman.services.op_changes import OpChanges
    from tradesman.ui.shared.operations import Operations
    from tradesman.ui.week.week_canvas import WeekCanvas
    from tradesman.ui.window.about import AboutDialog
    from tradesman.ui.window.desk import Desk

COMPACT_TREND_WEEKS = 12  # the small trend beside the calendar


class MainWindow(QMainWindow):
    def __init__(
        self,
        data_folder: Path,
        state: QSettings,
        week_start: WeekStart,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__()
        self.data_folder, self.state, self.today = data_folder, state, today
        self._settings = Settings(week_start=week_start)
        self._week = week_containing(today(), week_start)
        self._desk: Desk | None = None  # made when the data is open (attach)
        self._about: AboutDialog | None = None
        self.folders = LastFolder(state)
        self.setWindowTitle(APP_NAME)
        self.undo_stack = QUndoStack(self)
        self.acts = WindowActions(self, self.undo_stack)
        self.acts.fill_menus()
        self.acts.bind("window", self)
        self.acts["undo"].triggered.connect(lambda: self._after_undo("Undone", 0))
        self.acts["redo"].triggered.connect(lambda: self._after_undo("Redone", 1))
        self.toolbar = WeekToolbar(self.acts)
        self.addToolBar(self.toolbar)
        self.week_page = WeekPage(state)
        self.split_panel = self.week_page.split_panel
        self.week_page.calendar_made.connect(self._calendar_made)
        self.week_page.trend_clicked.connect(lambda: self.show_page(CHARTS_PAGE))
        self.week_page.said.connect(self.report)
        # The pages, switched by the buttons at the toolbar's end (a QTabWidget would
        # do too, but costs more before the first paint). The Tasks, Charts and Plan
        # pages move into their places when first shown (see Desk).
        self.pages = QStackedWidget()
        for page in (self.week_page, *(QWidget() for _ in PAGES[1:])):
            self.pages.addWidget(page)
        self.pages.currentChanged.connect(self._page_changed)
        self.setCentralWidget(self.pages)
        self.data_label = QLabel()
        self.statusBar().addPermanentWidget(self.data_label)
        self._show_week_name()
        window_state.restore_geometry(self, state)

    @property
    def canvas(self) -> WeekCanvas:
        return self.week_page.canvas

    @property
    def desk(self) -> Desk:
        """What works on the open data (for the tests, and the start-up's welcome)."""
        assert self._desk is not None, "the data is not open yet"
        return self._desk

    @property
    def week(self) -> Week:
        return self._week

    def week_of_today(self) -> Week:
        return week_containing(self.today(), self._settings.week_start)

    # -- the three steps ------------------------------------------------------------
    def show_first_look(self, look: FirstLook) -> None:
        """Show the week read at start-up, before editing is possible (see app.py)."""
        self._settings, self._week = look.settings, look.week
        self._show(look.settings, look.split, look.blocks, look.settings.target_business_share)

    def _calendar_made(self) -> None:
        view = self.week_page.view
        self.acts.bind("week_view", view)
        self.acts.bind_keys()
        self.toolbar.fill(self.pages.currentIndex())
        self.canvas.paint_area = next(
            area for area, action in self.acts.area_actions.items() if action.isChecked()
        )

    def attach(self, ops: Operations) -> None:
        """Work with the data from now on; called once the store is loaded."""
        from PySide6.QtCore import Qt  # (here, not before the first paint: see above)

        from tradesman.ui.window.desk import Desk

        self.week_page.view_for(self._week)  # (made already, unless no first look came)
        self._desk = desk = Desk(self, ops)
        self.acts.bind("desk", desk)
        self.acts.bind("planner", desk.planner)
        self.acts.bind("tasks", desk.task_actions)
        for owner, made in (  # (each made the first time one of its actions is used)
            ("transfer", lambda: desk.transfer), ("calendar", lambda: desk.calendar),
            ("printing", lambda: desk.printing), ("leads", lambda: desk.lead_actions),
            ("sheets", lambda: desk.sheets), ("calendar_in", lambda: desk.calendar_import),
        ):  # fmt: skip
            self.acts.bind_on_first_use(owner, made)
        ops.changed.connect(self.refresh_all)  # (with what changed: see refresh_all)
        desk.show_side_list()
        self.data_label.setTextFormat(Qt.TextFormat.PlainText)  # a folder's name, as it is
        self.data_label.setText(f"Data: {ops.data_file}")
        self.data_label.setToolTip("Your data is saved here after every change.")
        self.canvas.setFocus()
        left_on = str(self.state.value("window/page", "week"))  # the page it was left on
        if left_on in PAGES and self.pages.currentIndex() == WEEK_PAGE:  # (unless moved)
            self.show_page(PAGES.index(left_on))
        # (Again even if the page is already on show: it may have been chosen before
        # there was data to fill it.)
        self._page_changed(self.pages.currentIndex())
        self.refresh()

    # -- showing the data -----------------------------------------------------------
    def refresh_all(self, changes: OpChanges | None = None) -> None:
        """After a change: what shows anything it touched reads again (everything when
        `changes` is not said). The week page reads once, the tasks to schedule with it."""
        from tradesman.domain.allocation import trend_weeks
        from tradesman.services.op_changes import EVERYTHING

        desk = self._desk
        if desk is None:
            return
        changes = EVERYTHING if changes is None else changes
        cards = changes.touches_cards()
        trend_days = trend_weeks(self._week, COMPACT_TREND_WEEKS)
        if changes.touches_days(trend_days[0].start, self._week.end):
            self.refresh(with_cards=cards)
        elif cards:
            desk.show_side_list()
        else:
            desk.show_charts()
            desk.show_plan()
        desk.other_pages_after(changes)

    def refresh(self, with_cards: bool = False) -> None:
        """Read and show the week (and, `with_cards`, the tasks to schedule) in one read.
        Repeating blocks not yet made for the week are made first, in a write of their own."""
        desk = self._desk
        if desk is None:
            return
        ops = desk.ops
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
            self.week_page.show_trend(screen.trend)
        if screen.cards is not None:
            desk.schedule_list.show_cards(screen.cards)
        self.week_page.side.fit()  # (the split panel may have grown a line)
        desk.show_charts()
        desk.show_plan()

    def _show(
        self, settings: Settings, split: WeekSplit, blocks: list[TimeBlock], target: float
    ) -> None:
        """The week read: `target` is the week's (the plan's, once the data is open; the
        first look, shown before, has the settings')."""
        self._settings = settings
        name = settings.business_name
        self.setWindowTitle(f"{name} — {APP_NAME}" if name else APP_NAME)
        self._show_week_name()
        heading = "This week" if self._is_this_week() else self._week.label
        self.week_page.show_week(self._week, heading, settings, split, blocks, target, self.today())

    # -- moving about ---------------------------------------------------------------
    def show_page(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        self.acts.page_actions[index].setChecked(True)

    def _page_changed(self, index: int) -> None:
        self.toolbar.follow_page(index)
        self.acts.follow_page(index)
        if self._desk is not None:
            self.desk.page_shown(index)

    def show_week(self, week: Week) -> None:
        if not (MIN_YEAR <= week.start.year <= MAX_YEAR):
            self.report("That is too far from today to plan for.")
            return
        if self.week_page.has_calendar:
            self.canvas.finish_pending_title()  # a block being named stays in its own week
        self._week = week
        self._show_week_name()
        self.refresh()

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
        self.show_week(self.week_of_today())

    def go_to_date(self) -> None:
        from tradesman.ui.shared import prompts

        day = prompts.ask_date(self, "Go to date", self.today())  # from today, as calendars do
        if day is not None:
            self.show_day(day)

    def _after_undo(self, done: str, back: int) -> None:
        """Say what undo or redo changed, and show its week if it is not the one on screen."""
        from tradesman.ui.shared.commands import EditCommand

        command = self.undo_stack.command(self.undo_stack.index() - back)
        if command is None:
            return
        words = command.words if isinstance(command, EditCommand) else command.text()
        self.report(f"{done}: {words}")
        change = command.change if isinstance(command, EditCommand) else None
        if change is not None:
            days = sorted({b.day for b in (*change.before_blocks, *change.after_blocks)})
            if days and not any(self._week.contains(day) for day in days):
                self.show_day(days[0])

    def _is_this_week(self) -> bool:
        return self._week.contains(self.today())

    def _show_week_name(self) -> None:
        self.toolbar.show_week_name(self._week, self._is_this_week())

    def report(self, message: str) -> None:
        self.statusBar().showMessage(message, 8000)

    def set_paint_area(self, area: Area) -> None:
        self.acts[AREA_ACTIONS[area]].setChecked(True)
        if self.week_page.has_calendar:
            self.canvas.paint_area = area
        self.report(f"New blocks you draw are {area.label.lower()}.")

    def show_about(self) -> None:
        if self._about is None:
            from tradesman.ui.window.about import AboutDialog

            self._about = AboutDialog(self.data_folder, self)
        self._about.open()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._desk is not None:
            self.desk.wind_down()
        window_state.remember(self, self.state, PAGES[self.pages.currentIndex()])
        super().closeEvent(event)
