"""The plan dialog: where the owner stands today, where they aim, from when, over how
many weeks, the hours of their week, and how much of the business hours must be
marketing. Each problem shows under its own field."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import (
    QButtonGroup,
    QDateEdit,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QRadioButton,
    QSpinBox,
    QWidget,
)

from tradesman.domain.numbers import percent, whole_percent
from tradesman.domain.plan import LONGEST_PLAN_WEEKS, LONGEST_WEEK_MINUTES, Plan, check_plan
from tradesman.domain.settings import WeekStart
from tradesman.domain.validation import InvalidInput
from tradesman.domain.weeks import format_day, week_containing
from tradesman.ui.shared.forms import FormDialog
from tradesman.ui.week.block_dialog import from_qdate, to_qdate


class PlanDialog(FormDialog):
    """Says `chosen(Plan)` when saved.

    `measure(plan)` is the business share measured before `plan`'s first week (None:
    no hours done in the weeks before it). It is asked again whenever the start date
    moves, because a plan that starts in the past is measured from the weeks before
    it, not from the weeks just gone."""

    def __init__(
        self,
        plan: Plan,
        measure: Callable[[Plan], float | None],
        week_start: WeekStart,
        is_new: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Make a plan" if is_new else "Change the plan", "start", parent)
        self.plan = plan
        self.week_start = week_start
        self._measure = measure
        self.measured: float | None = None

        # Where the owner stands: measured from their weeks, or typed in.
        self.use_measured = QRadioButton()
        self.use_typed = QRadioButton("I'll say:")
        self.typed = QSpinBox()
        self.typed.setRange(0, 100)
        self.typed.setSuffix(" % business")
        group = QButtonGroup(self)
        group.addButton(self.use_measured)
        group.addButton(self.use_typed)
        self.use_typed.toggled.connect(self.typed.setEnabled)
        baseline = QGridLayout()
        baseline.setContentsMargins(0, 0, 0, 0)
        baseline.addWidget(self.use_measured, 0, 0, 1, 2)
        baseline.addWidget(self.use_typed, 1, 0)
        baseline.addWidget(self.typed, 1, 1)
        baseline_box = QWidget()
        baseline_box.setLayout(baseline)

        self.target = QSpinBox()
        self.target.setRange(0, 100)
        self.target.setSuffix(" % business")
        self.target.setValue(whole_percent(plan.target_share))
        self.start = QDateEdit(to_qdate(plan.start))
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat("ddd d MMM yyyy")
        self.start.setToolTip("The plan starts with the week holding this day.")
        self._measure_before(plan.start)
        start_from = plan.typed_baseline if plan.typed_baseline is not None else self.measured
        # (As the measured share is written beside it: one rounding rule.)
        self.typed.setValue(whole_percent(0.1 if start_from is None else start_from))
        typed = plan.typed_baseline is not None or self.measured is None
        (self.use_typed if typed else self.use_measured).setChecked(True)
        self.typed.setEnabled(typed)
        # Typed only because nothing could be measured: measured again once there is.
        self._typed_for_lack = self.measured is None and plan.typed_baseline is None
        self.use_typed.clicked.connect(self._typed_by_choice)
        self.start.dateChanged.connect(lambda day: self._start_moved(from_qdate(day)))
        self.weeks = QSpinBox()
        self.weeks.setRange(1, LONGEST_PLAN_WEEKS)
        self.weeks.setSuffix(" weeks")
        self.weeks.setValue(plan.weeks)
        self.hours = QDoubleSpinBox()
        self.hours.setRange(1, LONGEST_WEEK_MINUTES // 60)
        self.hours.setDecimals(2)
        self.hours.setSingleStep(0.25)
        self.hours.setSuffix(" hours")
        self.hours.setValue(plan.capacity_minutes / 60)
        self.hours.setToolTip("All the hours you work in a week: on the tools and off them.")
        self.floor = QSpinBox()
        self.floor.setRange(0, 100)
        self.floor.setSuffix(" % of the business hours")
        self.floor.setValue(whole_percent(plan.marketing_floor))
        self.floor.setToolTip(
            "A week is on track only when this much of its business hours is marketing "
            "(0 %: the share alone decides)."
        )
        floor_hint = QLabel("Without marketing, more business hours bring in no more work.")
        # (One line: the dialog widens a little rather than break the reason in two.)
        floor_hint.setEnabled(False)  # (the soft grey of a hint, in every theme)

        form = QFormLayout()
        form.addRow("Where you stand &today", self.fields.wrap("baseline", baseline_box))
        form.addRow("Where you &aim to be", self.fields.wrap("target_share", self.target))
        form.addRow("&Starting the week of", self.fields.wrap("start", self.start))
        form.addRow("&Over", self.fields.wrap("weeks", self.weeks))
        form.addRow("Your working &week", self.fields.wrap("capacity", self.hours))
        form.addRow(
            "&Marketing at least",
            self.fields.wrap("marketing_floor", self.floor),
        )
        form.addRow("", floor_hint)
        self.lay_out(
            form,
            "The plan raises your business hours a little every week, so that by its last "
            "week marketing, sales and admin take the share you aim for.",
        )

    def _measure_before(self, first_day: date) -> None:
        start = week_containing(first_day, self.week_start).start
        self.measured = self._measure(self.plan.with_changes(start=start, typed_baseline=None))
        # (Short: a radio button does not wrap, and the dialog keeps its width.)
        if self.measured is None:
            self.use_measured.setText(f"Measured: no hours done before {format_day(start)}")
        else:
            self.use_measured.setText(
                f"Measured before the plan: {percent(self.measured)} business"
            )
        self.use_measured.setEnabled(self.measured is not None)

    def _start_moved(self, first_day: date) -> None:
        self._measure_before(first_day)
        if self.measured is None and self.use_measured.isChecked():
            self.use_typed.setChecked(True)
            self._typed_for_lack = True
        elif self.measured is not None and self._typed_for_lack:
            self.use_measured.setChecked(True)
            self._typed_for_lack = False

    def _typed_by_choice(self) -> None:
        self._typed_for_lack = False

    def checked(self) -> Plan:
        plan = check_plan(self.from_fields())
        if plan.typed_baseline is None and self.measured is None:
            raise InvalidInput(
                "baseline",
                "No hours are marked done before the plan's first week: say where you stand.",
            )
        return plan

    def from_fields(self) -> Plan:
        first_day: date = from_qdate(self.start.date())
        return self.plan.with_changes(
            start=week_containing(first_day, self.week_start).start,
            weeks=self.weeks.value(),
            target_share=self.target.value() / 100,
            capacity_minutes=round(self.hours.value() * 4) * 15,  # to the quarter hour
            typed_baseline=self.typed.value() / 100 if self.use_typed.isChecked() else None,
            marketing_floor=self.floor.value() / 100,
        )
