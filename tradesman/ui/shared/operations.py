"""The window's one door to the data: reads, and changes that commit and announce themselves.

Every change runs in one write transaction through the services and then emits
`changed` with what it changed (an `OpChanges`), so each view re-reads what it shows
only when the edit touched it; the window never shows an edit that was not committed.
Nothing here holds a Session beyond one call.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from sqlalchemy.orm import Session

from tradesman.domain.allocation import Trend, WeekCharts
from tradesman.domain.blocks import TimeBlock
from tradesman.domain.plan import Plan, RampWeek
from tradesman.domain.series import SeriesRecord
from tradesman.domain.settings import Settings
from tradesman.domain.split import WeekSplit, split_blocks
from tradesman.domain.tasks import TaskCard
from tradesman.domain.weeks import Week
from tradesman.files import Output, OwnFiles
from tradesman.services.allocation import business_trend, week_by_day
from tradesman.services.backups import Restored, restore_backup
from tradesman.services.blocks import blocks_in_week
from tradesman.services.changes import Change, apply_change
from tradesman.services.data_set import Counts
from tradesman.services.op_changes import EVERYTHING, SETTINGS, OpChanges
from tradesman.services.pdfs import plan_pdf, week_pdf
from tradesman.services.plan import (
    PlanView,
    baseline_of,
    plan_ramp,
    proposed_plan,
    read_plan_view,
)
from tradesman.services.plan_rows import get_plan
from tradesman.services.series import LOOK_AHEAD, catch_up_series, get_record, needs_extending
from tradesman.services.settings import load_settings, save_settings
from tradesman.services.sheets import target_in, with_plan_targets
from tradesman.services.task_cards import TaskFilter, all_task_cards, card_for, task_cards
from tradesman.services.task_rules import catch_up_tasks, make_due_tasks
from tradesman.services.transfer import ImportResult, export_to_file, import_from_file
from tradesman.store.backup_shelf import ShelvedBackup, list_backups
from tradesman.store.database import Store
from tradesman.store.reads import dbapi_connection

if TYPE_CHECKING:
    from tradesman.reports.paper import Paper


@dataclass(frozen=True)
class WeekScreen:
    """What the week page shows, read in one transaction: the split is worked out from
    the same blocks the calendar draws, so the two can never disagree."""

    settings: Settings
    blocks: list[TimeBlock]
    split: WeekSplit
    target: float  # the plan's for the week, or the settings'
    trend: Trend | None  # the small trend's weeks up to this one, when asked for
    cards: list[TaskCard] | None  # the tasks to schedule, when asked for
    series_behind: bool  # repeating blocks still to be made for this week (then read again)


class Operations(QObject):
    changed = Signal(object)  # OpChanges: what the change touched

    def __init__(
        self,
        store: Store,
        locale_name: str | None,
        parent: QObject | None = None,
        today: Callable[[], date] = date.today,
    ):
        super().__init__(parent)
        self.store = store
        self.locale_name = locale_name
        self.today = today
        self._settings: Settings | None = None
        self._ramp: tuple[RampWeek, ...] | None = None
        self.changed.connect(self.forget_cached)

    def announce(self, changes: OpChanges) -> None:
        """Tell every view what changed (after work done elsewhere: an import, say)."""
        self.changed.emit(changes)

    @property
    def data_file(self) -> Path:
        return self.store.path

    @property
    def own_files(self) -> OwnFiles:
        """The files no Save dialog may write over (the data file, its backups…)."""
        return self.store.own_files()

    def settings(self) -> Settings:
        if self._settings is None:
            with self.store.reading() as session:
                self._settings = load_settings(session, self.locale_name)
        return self._settings

    def week_screen(self, week: Week, trend_weeks: int | None, with_cards: bool) -> WeekScreen:
        """Everything the week page shows, in one read (see WeekScreen). Writes nothing:
        if `series_behind`, make the series' blocks (`make_series_for`) and read again."""
        with self.store.reading() as session:
            if self._settings is None:
                self._settings = load_settings(session, self.locale_name)
            settings = self._settings
            ramp = self._plan_ramp_in(session)
            blocks = list(blocks_in_week(session, week))
            target = target_in(ramp, week, settings)
            trend = None
            if trend_weeks is not None:
                trend = _trend_in(session, week, trend_weeks, settings, ramp)
            cards = (
                _to_schedule(task_cards(session, TaskFilter(), self.today()))
                if with_cards
                else None
            )
            behind = needs_extending(session, min(week.end, self.today() + LOOK_AHEAD))
        return WeekScreen(settings, blocks, split_blocks(blocks), target, trend, cards, behind)

    def make_series_for(self, week: Week) -> None:
        """Make the repeating blocks `week` needs (a write, on its own, before a read)."""
        catch_up_series(self.store, week.end, self.today())

    def week_charts(self, week: Week, trend_weeks: int) -> WeekCharts:
        """The week by day, and the business share of the `trend_weeks` weeks up to it."""
        trend = self.trend(week, trend_weeks)
        with self.store.reading() as session:
            return WeekCharts(week_by_day(session, week), trend, self.week_target(week))

    def trend(self, last: Week, weeks: int) -> Trend:
        """The business share week by week, each week against the plan's target for it
        (where the plan runs) or the target in the settings."""
        settings, ramp = self.settings(), self.plan_ramp()
        with self.store.reading() as session:
            return _trend_in(session, last, weeks, settings, ramp)

    # The plan.
    def plan_ramp(self) -> tuple[RampWeek, ...]:
        """The plan's weeks and their targets (none without a plan); kept until a change."""
        if self._ramp is None:
            with self.store.reading() as session:
                return self._plan_ramp_in(session)
        return self._ramp

    def _plan_ramp_in(self, session: Session) -> tuple[RampWeek, ...]:
        if self._ramp is None:
            plan = get_plan(session)
            self._ramp = (
                () if plan is None else plan_ramp(dbapi_connection(session), plan, self.today())
            )
        return self._ramp

    def week_target(self, week: Week) -> float:
        """The business share `week` aims for: the plan's, or the settings' outside it."""
        return target_in(self.plan_ramp(), week, self.settings())

    def plan_view(self) -> PlanView | None:
        with self.store.reading() as session:
            return read_plan_view(session, self.today())

    def measured_baseline(self, plan: Plan) -> float | None:
        """The business share measured before `plan` (whatever was typed in)."""
        with self.store.reading() as session:
            measured = plan.with_changes(typed_baseline=None)
            return baseline_of(dbapi_connection(session), measured, self.today()).share

    def proposed_plan(self) -> Plan:
        with self.store.reading() as session:
            return proposed_plan(session, self.settings(), self.today())

    # The PDFs; these run on a worker thread (see ui/shared/pdf_preview.py).
    def week_pdf(self, week: Week, paper: Paper) -> bytes:
        return week_pdf(self.store, self.locale_name, week, paper, self.today())

    def plan_pdf(self, paper: Paper) -> bytes:
        return plan_pdf(self.store, self.locale_name, paper, self.today())

    def week_blocks(self, week: Week) -> Sequence[TimeBlock]:
        """The week's blocks, after making any repeating blocks not yet made that far."""
        catch_up_series(self.store, week.end, self.today())
        with self.store.reading() as session:
            return blocks_in_week(session, week)

    # Tasks.
    def task_cards(self, chosen: TaskFilter) -> list[TaskCard]:
        with self.store.reading() as session:
            return task_cards(session, chosen, self.today())

    def all_task_cards(self) -> list[TaskCard]:
        with self.store.reading() as session:
            return all_task_cards(session, self.today())

    def task_card(self, task_id: int) -> TaskCard | None:
        with self.store.reading() as session:
            return card_for(session, task_id, self.today())

    def cards_to_schedule(self) -> list[TaskCard]:
        """Open tasks with time still to book: estimate left over, or no block yet."""
        return _to_schedule(self.task_cards(TaskFilter()))

    def make_due_tasks(self, at_most: int) -> int:
        """Make up to `at_most` of the recurring tasks that have come due, in one
        transaction (at start-up and each new day); returns how many. The caller emits
        `changed`, and hands a longer catch-up to `catch_up_tasks`."""
        with self.store.writing() as session:
            return len(make_due_tasks(session, self.today(), limit=at_most))

    def catch_up_tasks(self, keep_going: Callable[[], bool] = lambda: True) -> int:
        """Make all the recurring tasks that have come due, in steps each saved on its
        own; returns how many. Runs on a worker thread (see ui/shared/background.py), so it
        must not touch widgets; the caller emits `changed` on the UI thread afterwards."""
        return catch_up_tasks(self.store, self.today(), keep_going)

    def series(self, series_id: int) -> SeriesRecord:
        with self.store.reading() as session:
            return get_record(session, series_id)

    # Edits: each is one write transaction, then `changed`.
    def run(self, edit: Callable[[Session], Change]) -> Change:
        """Run one edit (a function from services.edits) and commit it."""
        with self.store.writing() as session:
            change = edit(session)
        self.changed.emit(OpChanges.of(change))
        return change

    def apply(self, change: Change) -> None:
        """Make the data look like `change`'s after side (redo), or before (undo, reversed)."""
        with self.store.writing() as session:
            apply_change(session, change)
        self.changed.emit(OpChanges.of(change))

    def save_settings(self, settings: Settings) -> Settings:
        with self.store.writing() as session:
            saved = save_settings(session, settings)
        self.changed.emit(SETTINGS)
        return saved

    # Whole-data-set work; these run on a worker thread (see ui/shared/background.py), so they
    # must not touch widgets. The caller emits `changed` on the UI thread afterwards.
    def export_to(self, output: Output) -> Counts:
        """Everything, to a place already judged by `files.output_for`."""
        return export_to_file(self.store, output, self.locale_name)

    def import_from(self, path: Path) -> ImportResult:
        return import_from_file(self.store, path, self.locale_name, today=self.today())

    def restore(self, backup: Path) -> Restored:
        return restore_backup(self.store, backup, self.locale_name)

    def backups(self) -> list[ShelvedBackup]:
        return list_backups(self.store.backups)

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


def _trend_in(
    session: Session, last: Week, weeks: int, settings: Settings, ramp: tuple[RampWeek, ...]
) -> Trend:
    """The business share of `weeks` weeks up to `last`, each against its target."""
    trend = business_trend(session, last, weeks, settings.target_business_share)
    return with_plan_targets(trend, ramp)


def _to_schedule(cards: list[TaskCard]) -> list[TaskCard]:
    """Open tasks with time still to book: estimate left over, or no block yet."""
    return [
        card
        for card in cards
        if (card.remaining_minutes or 0) > 0
        or (card.task.estimate_minutes is None and card.booked_minutes == 0)
    ]
