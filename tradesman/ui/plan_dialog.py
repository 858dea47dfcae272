"""The plan dialog: where the owner stands today, where they aim, from when, over how
many weeks, and the hours of their week. Each problem shows under its own field."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QButtonGroup,
    QDateEdit,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QRadioButton,
    QSpinBox,
    QWidget,
)

from tradesman.domain.plan import LONGEST_PLAN_WEEKS, LONGEST_WEEK_MINUTES, Plan, check_plan
from tradesman.domain.settings import WeekStart
from tradesman.domain.weeks import week_containing
from tradesman.ui.block_dialog import from_qdate, to_qdate
from tradesman.ui.forms import FormDialog


class PlanDialog(FormDialog):
    """Says `chosen(Plan)` when saved."""

    def __init__(
        self,
        plan: Plan,
        measured: float | None,
        week_start: WeekStart,
        is_new: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Make a plan" if is_new else "Change the plan", "start", parent)
        self.plan = plan
        self.week_start = week_start

        # Where the owner stands: measured from their weeks, or typed in.
        self.use_measured = QRadioButton(
            f"Measured from my last weeks: {measured:.0%} business"
            if measured is not None
            else "Measured from my last weeks (no hours are marked done yet)"
        )
        self.use_measured.setEnabled(measured is not None)
        self.use_typed = QRadioButton("I'll say:")
        self.typed = QSpinBox()
        self.typed.setRange(0, 100)
        self.typed.setSuffix(" % business")
        start_from = plan.typed_baseline if plan.typed_baseline is not None else measured
        self.typed.setValue(round(100 * (0.1 if start_from is None else start_from)))
        group = QButtonGroup(self)
        group.addButton(self.use_measured)
        group.addButton(self.use_typed)
        typed = plan.typed_baseline is not None or measured is None
        (self.use_typed if typed else self.use_measured).setChecked(True)
        self.typed.setEnabled(typed)
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
        self.target.setValue(round(plan.target_share * 100))
        self.start = QDateEdit(to_qdate(plan.start))
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat("ddd d MMM yyyy")
        self.start.setToolTip("The plan starts with the week holding this day.")
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

        form = QFormLayout()
        form.addRow("Where you stand &today", self.fields.wrap("baseline", baseline_box))
        form.addRow("Where you &aim to be", self.fields.wrap("target_share", self.target))
        form.addRow("&Starting the week of", self.fields.wrap("start", self.start))
        form.addRow("&Over", self.fields.wrap("weeks", self.weeks))
        form.addRow("Your working &week", self.fields.wrap("capacity", self.hours))
        self.lay_out(
            form,
            "The plan raises your business hours a little every week, so that by its last "
            "week marketing, sales and admin take the share you aim for.",
        )

    def checked(self) -> Plan:
        return check_plan(self.from_fields())

    def from_fields(self) -> Plan:
        first_day: date = from_qdate(self.start.date())
        return self.plan.with_changes(
            start=week_containing(first_day, self.week_start).start,
            weeks=self.weeks.value(),
            target_share=self.target.value() / 100,
            capacity_minutes=round(self.hours.value() * 4) * 15,  # to the quarter hour
            typed_baseline=self.typed.value() / 100 if self.use_typed.isChecked() else None,
        )
