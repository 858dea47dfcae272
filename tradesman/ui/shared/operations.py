"""The window's one door to the data: reads, and changes that commit and announce themselves.

Every change runs in one write transaction through the services and then emits
`changed` with what it changed (an `OpChanges`), so each view re-reads what it shows
only when the edit touched it; the window never shows an edit that was not committed.
Reads and edits go by function and arguments through the services' door
(services/data.py), which supplies the transaction: nothing here sees a connection.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, ParamSpec, TypeVar

from PySide6.QtCore import QObject, Signal

from tradesman.domain.allocation import Trend, WeekCharts
from tradesman.domain.blocks import TimeBlock
from tradesman.domain.leads import LeadSettings
from tradesman.domain.plan import Plan, RampWeek
from tradesman.domain.series import SeriesRecord
from tradesman.domain.settings import Settings
from tradesman.domain.tasks import TaskCard
from tradesman.domain.weeks import Week
from tradesman.files import Output, OwnFiles
from tradesman.services.allocation import week_by_day
from tradesman.services.blocks import blocks_in_week
from tradesman.services.changes import Change
from tradesman.services.data import Data, Edit, Read
from tradesman.services.lead_settings import load_lead_settings, save_lead_settings
from tradesman.services.op_changes import EVERYTHING, SETTINGS, OpChanges
from tradesman.services.plan_baseline import target_in
from tradesman.services.screens import (
    Known,
    WeekScreen,
    current_ramp,
    measured_baseline,
    to_schedule,
    trend_in,
    week_screen,
)
from tradesman.services.series import get_record
from tradesman.services.settings import load_settings, save_settings
from tradesman.services.task_cards import (
    TaskFilter,
    all_task_cards,
    card_for,
    open_task_cards,
    task_cards,
)
from tradesman.services.task_rules import make_due_tasks

if TYPE_CHECKING:
    from tradesman.progress import Progress
    from tradesman.reports.csv_file import CsvStyle
    from tradesman.reports.paper import Paper
    from tradesman.services.backup_list import KeptBackup
    from tradesman.services.backups import Restored
    from tradesman.services.calendar_export import CalendarFile
    from tradesman.services.counts import Counts
    from tradesman.services.plan_view import PlanView
    from tradesman.services.transfer import ImportResult

P = ParamSpec("P")
R = TypeVar("R")


class Operations(QObject):
    changed = Signal(object)  # OpChanges: what the change touched

    def __init__(
        self,
        data: Data,
        parent: QObject | None = None,
        today: Callable[[], date] = date.today,
    ):
        super().__init__(parent)
        self.data = data
        self.today = today
        self._settings: Settings | None = None
        self._ramp: tuple[RampWeek, ...] | None = None
        self.changed.connect(self.forget_cached)

    def announce(self, changes: OpChanges) -> None:
        """Tell every view what changed (after work done elsewhere: an import, say)."""
        self.changed.emit(changes)

    @property
    def data_file(self) -> Path:
        return self.data.path

    @property
    def own_files(self) -> OwnFiles:
        """The files no Save dialog may write over (the data file, its backups…)."""
        return self.data.own_files()

    def read(self, read: Read[P, R], *args: P.args, **kwargs: P.kwargs) -> R:
        """A services read by function and arguments, in one read transaction."""
        return self.data.read(read, *args, **kwargs)

    def settings(self) -> Settings:
        if self._settings is None:
            self._settings = self.data.read(load_settings, self.data.locale_name)
        return self._settings

    def week_screen(self, week: Week, trend_weeks: int | None, with_cards: bool) -> WeekScreen:
        """Everything the week page shows, in one read (see WeekScreen). Writes nothing:
        if `series_behind`, make the series' blocks (`make_series_for`) and read again."""
        known = Known(self.data.locale_name, self._settings, self._ramp)
        screen = self.data.read(week_screen, week, trend_weeks, with_cards, self.today(), known)
        self._settings, self._ramp = screen.settings, screen.ramp
        return screen

    def make_series_for(self, week: Week) -> None:
        """Make the repeating blocks `week` needs (a write, on its own, before a read)."""
        self.data.make_series_for(week, self.today())

    def week_charts(self, week: Week, trend_weeks: int) -> WeekCharts:
        """The week by day, and the business share of the `trend_weeks` weeks up to it."""
        trend = self.trend(week, trend_weeks)
        return WeekCharts(self.data.read(week_by_day, week), trend, self.week_target(week))

    def trend(self, last: Week, weeks: int) -> Trend:
        """The business share week by week, each week against the plan's target for it
        (where the plan runs) or the target in the settings."""
        settings, ramp = self.settings(), self.plan_ramp()
        return self.data.read(trend_in, last, weeks, settings, ramp)

    # The plan.
    def plan_ramp(self) -> tuple[RampWeek, ...]:
        """The plan's weeks and their targets (none without a plan); kept until a change."""
        if self._ramp is None:
            self._ramp = self.data.read(current_ramp, self.today())
        return self._ramp

    def week_target(self, week: Week) -> float:
        """The business share `week` aims for: the plan's, or the settings' outside it."""
        return target_in(self.plan_ramp(), week, self.settings())

    def plan_view(self) -> PlanView | None:
        from tradesman.services.plan_view import read_plan_view  # (the Plan page's, first)

        return self.data.read(read_plan_view, self.today())

    def measured_baseline(self, plan: Plan) -> float | None:
        """The business share measured before `plan` (whatever was typed in)."""
        return self.data.read(measured_baseline, plan, self.today())

    def proposed_plan(self) -> Plan:
        from tradesman.services.plan import proposed_plan

        return self.data.read(proposed_plan, self.settings(), self.today())

    # The PDFs; these run on a worker thread (see ui/shared/pdf_preview.py). Each is a
    # read: the window has made the week's repeating blocks when it showed the week.
    def week_pdf(self, week: Week, paper: Paper) -> bytes:
        return self.data.week_pdf(week, paper, self.today())

    def plan_pdf(self, paper: Paper) -> bytes:
        return self.data.plan_pdf(paper, self.today())

    def week_blocks(self, week: Week) -> Sequence[TimeBlock]:
        """The week's blocks, as they are (a read: make its series first if need be)."""
        return self.data.read(blocks_in_week, week)

    # Tasks.
    def task_cards(self, chosen: TaskFilter) -> list[TaskCard]:
        return self.data.read(task_cards, chosen, self.today())

    def all_task_cards(self) -> list[TaskCard]:
        return self.data.read(all_task_cards, self.today())

    def page_task_cards(self, with_done: bool) -> list[TaskCard]:
        """The open tasks, or `with_done` every task (the Tasks page, showing done ones)."""
        return self.data.read(all_task_cards if with_done else open_task_cards, self.today())

    def task_card(self, task_id: int) -> TaskCard | None:
        return self.data.read(card_for, task_id, self.today())

    def cards_to_schedule(self) -> list[TaskCard]:
        """Open tasks with time still to book: estimate left over, or no block yet (read
        through the status index: the done tasks of past years are never read)."""
        return to_schedule(self.data.read(open_task_cards, self.today()))

    def make_due_tasks(self, at_most: int) -> int:
        """Make up to `at_most` of the recurring tasks that have come due, in one
        transaction (at start-up and each new day); returns how many. The caller emits
        `changed`, and hands a longer catch-up to `catch_up_tasks`."""
        return len(self.data.write(make_due_tasks, self.today(), limit=at_most))

    def catch_up_tasks(self, keep_going: Callable[[], bool] = lambda: True) -> int:
        """Make all the recurring tasks that have come due, in steps each saved on its
        own; returns how many. Runs on a worker thread (see ui/shared/background.py), so it
        must not touch widgets; the caller emits `changed` on the UI thread afterwards."""
        return self.data.catch_up_tasks(self.today(), keep_going)

    def series(self, series_id: int) -> SeriesRecord:
        return self.data.read(get_record, series_id)

    # Edits: each is one write transaction, then `changed`.
    def run(self, edit: Edit[P], *args: P.args, **kwargs: P.kwargs) -> Change:
        """Run one edit (a function from services, with its arguments) and commit it."""
        change = self.data.edit(edit, *args, **kwargs)
        self.changed.emit(OpChanges.of(change))
        return change

    def apply(self, change: Change) -> None:
        """Make the data look like `change`'s after side (redo), or before (undo, reversed)."""
        self.data.apply(change)
        self.changed.emit(OpChanges.of(change))

    def save_settings(self, settings: Settings) -> Settings:
        saved = self.data.write(save_settings, settings)
        self.changed.emit(SETTINGS)
        return saved

    def lead_settings(self) -> LeadSettings:
        """The currency, when a quote stands out, and the owner's hourly rate."""
        return self.data.read(load_lead_settings, self.data.locale_name)

    def save_lead_settings(self, settings: LeadSettings) -> LeadSettings:
        saved = self.data.write(save_lead_settings, settings)
        self.changed.emit(SETTINGS)
        return saved

    # Whole-data-set work; these run on a worker thread (see ui/shared/background.py), so they
    # must not touch widgets. The caller emits `changed` on the UI thread afterwards.
    def calendar(self, first: date, last: date) -> CalendarFile:
        """The blocks from `first` to `last` as a calendar file's bytes (safe to call on
        a worker thread: one transaction of its own, nothing cached)."""
        return self.data.calendar(first, last, self.today())

    def export_to(self, output: Output, progress: Progress | None = None) -> Counts:
        """Everything, to a place already judged by `files.output_for`."""
        return self.data.export_to(output, progress)

    def export_sheet(self, kind: str, output: Output, style: CsvStyle) -> int:
        """One kind of rows for a spreadsheet, to a place judged by `files.output_for`."""
        return self.data.export_sheet(kind, output, style, self.today())

    def import_from(self, path: Path, progress: Progress | None = None) -> ImportResult:
        return self.data.import_from(path, self.today(), progress)

    def restore(self, backup: Path) -> Restored:
        return self.data.restore(backup)

    def back_up_before_import(self) -> Path:
        """A verified backup before a calendar import (worker thread); where it went."""
        return self.data.back_up_before_import()

    def backups(self) -> list[KeptBackup]:
        return self.data.backups()

    def back_up_if_changed(self, reason: str) -> Path | None:
        """A backup if the data changed since the newest (worker thread); where it went."""
        return self.data.back_up_if_changed(reason)

    def forget_cached(self, changes: OpChanges = EVERYTHING) -> None:
        """Read the settings and the plan afresh next time, when a change (or a new day)
        may have changed them: the plan's ramp is measured from the weeks before it."""
        if changes.everything or changes.settings:
            self._settings = None
        ramp = self._ramp
        first_week = ramp[0].week.start if ramp else None
        if (
            changes.everything
            or changes.settings
            or changes.plan
            or (first_week is not None and changes.touches_before(first_week))
        ):
            self._ramp = None
