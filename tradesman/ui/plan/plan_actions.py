"""What the Plan page asks for, made into undoable edits: make or change the plan, put
it away, add commitments to the calendar, and keep the hand-off list."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from tradesman.domain.plan import HandOff, Plan
from tradesman.domain.series import Series
from tradesman.services import edits
from tradesman.services import plan as plan_edits
from tradesman.ui.plan.commitment_dialog import CommitmentDialog
from tradesman.ui.plan.hand_off_dialog import HandOffDialog
from tradesman.ui.plan.plan_dialog import PlanDialog
from tradesman.ui.shared import prompts
from tradesman.ui.shared.commands import EditActions
from tradesman.ui.shared.operations import Operations
from tradesman.ui.week.planner import quoted_title

_Dialog = TypeVar("_Dialog", PlanDialog, HandOffDialog, CommitmentDialog)


class PlanActions(EditActions):
    def __init__(
        self,
        ops: Operations,
        stack: QUndoStack,
        window: QWidget,
        report: Callable[[str], None],
    ) -> None:
        super().__init__(ops, stack, window, report)
        self.dialog: PlanDialog | HandOffDialog | CommitmentDialog | None = None  # (for tests)

    # -- the plan ---------------------------------------------------------------------------
    def edit_plan(self) -> PlanDialog:
        """Make a plan (from a proposal) or change the one there is."""
        view = self.ops.plan_view()
        plan = view.plan if view is not None else self.ops.proposed_plan()
        dialog = PlanDialog(
            plan,
            self.ops.measured_baseline,
            self.ops.settings().week_start,
            view is None,
            self.window,
        )
        text = "Make the plan" if view is None else "Change the plan"
        dialog.chosen.connect(lambda chosen: self._save_plan(text, chosen))
        return self._open(dialog)

    def _save_plan(self, text: str, plan: Plan) -> None:
        self.push(text, plan_edits.save_plan, plan)

    def remove_plan(self) -> None:
        if prompts.confirm(
            self.window,
            "Put the plan away?",
            "The plan and its week-by-week targets go; your calendar, tasks and hand-off "
            "list stay. Edit → Undo brings the plan back.",
            "Put it away",
        ):
            self.push("Put the plan away", plan_edits.remove_plan)

    # -- commitments --------------------------------------------------------------------------
    def add_commitment(self, plan: Plan) -> CommitmentDialog:
        today = self.ops.today()
        first = max(plan.start, today)
        weeks_from = plan.start.weekday()
        dialog = CommitmentDialog(first, plan.last_week.end, weeks_from, self.window)
        dialog.chosen.connect(self._add_commitment)
        return self._open(dialog)

    def _add_commitment(self, series: Series) -> None:
        today = self.ops.today()
        self.push(f"Add commitment {quoted_title(series.title)}", edits.add_series, series, today)

    def stop_commitment(self, series: Series) -> None:
        assert series.id is not None
        series_id, today = series.id, self.ops.today()
        self.push(
            f"Stop commitment {quoted_title(series.title)}", edits.end_series, series_id, today
        )

    # -- the hand-off list ------------------------------------------------------------------
    def new_hand_off(self, hand_off: HandOff) -> HandOffDialog:
        dialog = HandOffDialog(hand_off, is_new=True, parent=self.window)
        dialog.chosen.connect(self.add_hand_off)
        return self._open(dialog)

    def add_hand_off(self, hand_off: HandOff) -> None:
        self.push(f"Add hand-off {quoted_title(hand_off.title)}", plan_edits.add_hand_off, hand_off)

    def edit_hand_off(self, hand_off: HandOff) -> HandOffDialog:
        dialog = HandOffDialog(hand_off, is_new=False, parent=self.window)
        dialog.chosen.connect(
            lambda chosen: self.push(
                f"Edit hand-off {quoted_title(chosen.title)}", plan_edits.change_hand_off, chosen
            )
        )
        return self._open(dialog)

    def set_done(self, hand_off: HandOff, done: bool) -> None:
        changed = hand_off.with_changes(done=done)
        what = "handed off" if done else "not handed off"
        self.push(
            f"Mark {quoted_title(hand_off.title)} {what}", plan_edits.change_hand_off, changed
        )

    def delete_hand_off(self, hand_off: HandOff) -> None:
        assert hand_off.id is not None
        hand_off_id = hand_off.id
        self.push(
            f"Remove hand-off {quoted_title(hand_off.title)}",
            plan_edits.delete_hand_off,
            hand_off_id,
        )

    def _open(self, dialog: _Dialog) -> _Dialog:
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
        return dialog
