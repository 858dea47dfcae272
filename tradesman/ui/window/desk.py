"""The window ready for edits: everything that works on the open data, made whole at once.

The window paints before the data file is open and shows the first week before the
services are loaded (see app.py); a Desk is made when they are, so nothing in it ever
waits for the data or asks whether it has come. The Tasks, Charts and Plan pages are
made the first time they are shown.
"""

from __future__ import annotations

from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from tradesman.ui.shared.palette import warning_style
from tradesman.ui.window.action_table import CHARTS_PAGE, PLAN_PAGE, TASKS_PAGE, WORK_PAGE

if TYPE_CHECKING:
    from tradesman.domain.settings import Settings
    from tradesman.services.op_changes import OpChanges
    from tradesman.ui.charts.charts_page import ChartsPage
    from tradesman.ui.main_window import MainWindow
    from tradesman.ui.plan.plan_actions import PlanActions
    from tradesman.ui.plan.plan_page import PlanPage
    from tradesman.ui.shared.operations import Operations
    from tradesman.ui.tasks.tasks_page import TasksPage
    from tradesman.ui.week.work_note import WorkNoteKeeper
    from tradesman.ui.window.calendar_actions import CalendarActions
    from tradesman.ui.window.calendar_import_actions import CalendarImport
    from tradesman.ui.window.print_actions import PrintActions
    from tradesman.ui.window.sheet_export import SheetExport
    from tradesman.ui.window.transfer_actions import DataTransfer
    from tradesman.ui.work.lead_actions import LeadActions
    from tradesman.ui.work.work_page import WorkPage


def _move_in(page: QWidget, holder: QWidget | None, margin: int = 0) -> None:
    """A page made on first show takes the place kept for it in the stack."""
    assert holder is not None, "the window keeps a place for every page"
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(margin, margin, margin, margin)
    layout.addWidget(page)
    page.show()  # (a child added to a widget already on screen is hidden until shown)


class Desk(QObject):
    def __init__(self, window: MainWindow, ops: Operations) -> None:
        from tradesman.ui.shared.day_watcher import DayWatcher
        from tradesman.ui.tasks.task_actions import TaskActions
        from tradesman.ui.tasks.task_catch_up import TaskCatchUp
        from tradesman.ui.week.planner import Planner
        from tradesman.ui.week.schedule_list import ScheduleList
        from tradesman.ui.window.backup_keeper import BackupKeeper
        from tradesman.ui.window.calendar_keeper import CalendarKeeper

        super().__init__(window)
        self.window, self.ops, report = window, ops, window.report
        self.planner = Planner(
            ops, window.canvas, window, window.undo_stack, report, lambda: window.week,
            window.show_day,
        )  # fmt: skip
        self.task_actions = actions = TaskActions(ops, window.undo_stack, window, report)
        # What the menus do beyond the week (printing, import and export, work coming in)
        # is made the first time it is asked for (the cached properties below), so the
        # start need not load it before it is ready for edits.
        self.calendar_keeper = CalendarKeeper(ops, window.state, window.today, report, self)
        self.calendar_keeper.start()
        window.canvas.task_dropped.connect(actions.schedule)
        self.schedule_list = ScheduleList(window.today, lambda: window.week_of_today().end)
        self.schedule_list.view.doubleClicked.connect(self._edit_card_at)
        actions.serve_side_list(self.schedule_list)
        window.week_page.side.add_schedule(self.schedule_list)
        self.tasks_page: TasksPage | None = None  # each page made on its first show
        self.charts_page: ChartsPage | None = None
        self.plan_page: PlanPage | None = None
        self.plan_actions: PlanActions | None = None
        self.work_page: WorkPage | None = None
        self.day_watcher = DayWatcher(window.today, self)
        self.day_watcher.new_day.connect(self._new_day)
        self.task_catch_up = TaskCatchUp(ops, report, self)
        app = QCoreApplication.instance()
        if app is not None:  # (quitting without closing the window: --smoke-test)
            app.aboutToQuit.connect(self.task_catch_up.stop)
        self.task_catch_up.make_due()
        self.backup_keeper = BackupKeeper(ops, report, self)
        self.backup_warning = QLabel()  # stays until a backup works again
        self.backup_warning.setStyleSheet(warning_style(self.backup_warning.palette()))
        self.backup_warning.hide()
        window.statusBar().addWidget(self.backup_warning)
        self.backup_keeper.warning.connect(self._show_backup_warning)
        self.backup_keeper.start()
        self.work_note: WorkNoteKeeper | None = None
        # (After the start is ready: the engines' code and their first read wait for it.)
        QTimer.singleShot(0, self._start_work_note)

    def _start_work_note(self) -> None:
        from tradesman.ui.week.work_note import WorkNoteKeeper

        self.work_note = WorkNoteKeeper(self.ops, self.window.week_page, self)
        self.window.split_panel.work_asked.connect(self.show_work_coming_in)
        self.work_note.show_now()

    def show_work_coming_in(self) -> None:
        """The Charts page's Work coming in tab (the note's "More…")."""
        self._charts_page().tabs.setCurrentIndex(1)
        self.window.show_page(CHARTS_PAGE)

    def other_pages_after(self, changes: OpChanges) -> None:
        """After a change, the pages beside the week that show what it touched read
        again, and the note of work coming in once the change settles (hours, tasks and
        enquiries: the engines count them all)."""
        cards = changes.touches_cards()
        if cards:
            self.reload_tasks_page()
        if changes.touches_work_coming_in() or cards:  # (a follow-up done shows there too)
            self.reload_work_page()
        if self.work_note is not None:
            self.work_note.changed()

    @cached_property
    def printing(self) -> PrintActions:
        """Printing and the PDF previews."""
        from tradesman.ui.window.print_actions import PrintActions

        window = self.window
        return PrintActions(self.ops, window, window.folders, window.state, window.report)

    @cached_property
    def transfer(self) -> DataTransfer:
        """File → Import, Export and Restore."""
        from tradesman.ui.window.transfer_actions import DataTransfer

        window = self.window
        return DataTransfer(self.ops, window, window.folders, window.today, self._imported)

    @cached_property
    def calendar(self) -> CalendarActions:
        """File → Export calendar…"""
        from tradesman.ui.window.calendar_actions import CalendarActions

        window = self.window
        return CalendarActions(self.ops, window, window.folders, window.today)

    @cached_property
    def lead_actions(self) -> LeadActions:
        """The edits of work coming in (the enquiries' dialogs and services)."""
        from tradesman.ui.work.lead_actions import LeadActions

        window = self.window
        actions = LeadActions(self.ops, window.undo_stack, window, window.report)
        actions.print_week = self.printing.preview_week
        return actions

    @cached_property
    def sheets(self) -> SheetExport:
        """File → Export for a spreadsheet…"""
        from tradesman.ui.window.sheet_export import SheetExport

        window = self.window
        return SheetExport(
            self.ops, window, window.folders, window.state, window.report, window.today
        )

    @cached_property
    def calendar_import(self) -> CalendarImport:
        """File → Import calendar…"""
        from tradesman.ui.window.calendar_import_actions import CalendarImport

        window = self.window
        return CalendarImport(
            self.ops, window, window.undo_stack, window.folders, window.today, window.report
        )

    # -- the pages ------------------------------------------------------------------
    def page_shown(self, index: int) -> None:
        """Fill the page now on show (made the first time), or give the calendar the keys."""
        if index == TASKS_PAGE:
            self._tasks_page().reload()
        elif index == CHARTS_PAGE:
            self._charts_page()
            self.show_charts()
        elif index == PLAN_PAGE:
            self._plan_page()
            self.show_plan()
        elif index == WORK_PAGE:
            self._work_page().reload()
        else:
            self.window.canvas.setFocus()

    def _tasks_page(self) -> TasksPage:
        if self.tasks_page is None:
            from tradesman.services.templates import templates
            from tradesman.ui.tasks.tasks_page import TasksPage

            ops, actions, window = self.ops, self.task_actions, self.window
            page = TasksPage(
                ops.page_task_cards, templates(), window.today,
                lambda: window.week_of_today().end,
            )  # fmt: skip
            page.new_requested.connect(actions.new_task)
            page.edit_requested.connect(actions.edit_task)
            page.menu_requested.connect(actions.show_card_menu)
            page.template_chosen.connect(actions.add_template)
            page.move_requested.connect(actions.move)
            actions.serve(page)  # its keys and its repeating tasks
            _move_in(page, window.pages.widget(TASKS_PAGE))
            self.tasks_page = page
        return self.tasks_page

    def _charts_page(self) -> ChartsPage:
        if self.charts_page is None:
            from tradesman.ui.charts.charts_page import ChartsPage
            from tradesman.ui.charts.work_tab import read_work_screen

            window, ops = self.window, self.ops
            self.charts_page = ChartsPage(
                ops.week_charts, window.folders, window.state, window.report, ops.own_files,
                lambda weeks: read_work_screen(ops, weeks),
            )  # fmt: skip
            self.charts_page.plan_asked.connect(lambda: window.show_page(PLAN_PAGE))
            _move_in(self.charts_page, window.pages.widget(CHARTS_PAGE))
        return self.charts_page

    def _plan_page(self) -> PlanPage:
        if self.plan_page is None:
            from tradesman.ui.plan.plan_actions import PlanActions
            from tradesman.ui.plan.plan_page import PlanPage

            window = self.window
            self.plan_actions = PlanActions(self.ops, window.undo_stack, window, window.report)
            self.plan_page = PlanPage(
                self.plan_actions,
                self.ops.plan_view,
                self.ops.trend,
                self.printing.preview_plan,
                window.week_of_today,
            )
            _move_in(self.plan_page, window.pages.widget(PLAN_PAGE), margin=8)
        return self.plan_page

    def _work_page(self) -> WorkPage:
        if self.work_page is None:
            from tradesman.ui.work.work_page import WorkPage

            self.work_page = WorkPage(self.lead_actions.read_screen)
            self.lead_actions.serve(self.work_page)
            _move_in(self.work_page, self.window.pages.widget(WORK_PAGE), margin=4)
        return self.work_page

    def reload_work_page(self) -> None:
        if self.work_page is not None and self._on_show(WORK_PAGE):
            self.work_page.reload()

    def _on_show(self, index: int) -> bool:
        return self.window.pages.currentIndex() == index

    def show_charts(self) -> None:
        if self.charts_page is not None and self._on_show(CHARTS_PAGE):
            # (The week by name, not "this week": pictures of the charts are kept.)
            week = self.window.week
            self.charts_page.show_week(week, week.label)

    def show_plan(self) -> None:
        if self.plan_page is not None and self._on_show(PLAN_PAGE):
            self.plan_page.reload()

    def show_side_list(self) -> None:
        """The tasks to schedule, beside the calendar."""
        self.schedule_list.show_cards(self.ops.cards_to_schedule())

    def reload_tasks_page(self) -> None:
        if self.tasks_page is not None and self._on_show(TASKS_PAGE):
            self.tasks_page.reload()

    def _edit_card_at(self, index: Any) -> None:
        from tradesman.ui.tasks.task_model import CardRole

        card = index.data(CardRole)
        if card is not None:
            self.task_actions.edit_task(card.task)

    # -- what the menus ask for -----------------------------------------------------
    def new_block(self) -> None:
        canvas = self.window.canvas
        self.planner.new_block(canvas.cursor_day, canvas.cursor_minute)

    def copy(self) -> None:
        """Ctrl+C: the charts as a picture on the charts page, the chosen block elsewhere."""
        if self._on_show(CHARTS_PAGE):
            self._charts_page().copy_image()
        else:
            self.planner.copy()

    def save_charts(self) -> None:
        if self._on_show(CHARTS_PAGE):
            self._charts_page().save_image()

    def print_week(self) -> None:
        """File → Print week…: the week on show, previewed on one page, then printed."""
        self.printing.preview_week(self.window.week)

    def edit_settings(self) -> None:
        from tradesman.ui.shared.commands import settings_command
        from tradesman.ui.window.settings_dialog import SettingsDialog

        ops, window, keeper = self.ops, self.window, self.calendar_keeper
        before = ops.settings()
        dialog = SettingsDialog(before, window, (keeper.folder is not None, keeper.chosen_folder))

        def save(after: Settings) -> None:
            if after != before:
                window.undo_stack.push(settings_command(ops, before, after, window.report))
            keeper.choose(*dialog.calendar_file.chosen())  # (this machine's, not undone)

        dialog.chosen.connect(save)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def welcome(self) -> None:
        """The first start: ask the few settings the week needs (see WelcomeDialog).
        Either answer is saved, so the welcome is shown once."""
        from tradesman.ui.window.welcome_dialog import WelcomeDialog

        ops = self.ops
        dialog = WelcomeDialog(ops.settings(), self.window)
        dialog.chosen.connect(ops.save_settings)
        dialog.rejected.connect(lambda: ops.save_settings(ops.settings()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    # -- what happens by itself -----------------------------------------------------
    def wind_down(self) -> None:
        """The window is closing. An import or export under way is stopped first (as
        Cancel would), so it cannot commit unseen while the waits below run; then the
        tasks coming due are left, and the last edits go into the phone's calendar file."""
        from tradesman.ui.shared.background import stop_cancellable_work

        stop_cancellable_work()
        self.task_catch_up.stop()
        self.calendar_keeper.finish()

    def _new_day(self, _: date) -> None:
        """Past midnight with the app open: today moves on, and recurring tasks come due."""
        self.ops.forget_cached()  # (a plan's weeks are judged against today)
        self.task_catch_up.make_due()
        self.window.refresh_all()  # (today's column and the trend move on too)

    def _imported(self) -> None:
        self.window.undo_stack.clear()  # (the undo history was of the data now replaced)
        self.task_catch_up.make_due()  # the imported rules' tasks, as at start-up

    def _show_backup_warning(self, message: str) -> None:
        self.backup_warning.setText(message)
        self.backup_warning.setToolTip(
            "Your changes are saved; only the extra copy in the backups folder failed. "
            "Tradesman tries again at the next half hour."
        )
        self.backup_warning.setVisible(bool(message))
