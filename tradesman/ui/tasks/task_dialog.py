"""The task dialog: what the task is, its area and status, when it is due, how long it
should take, notes, and whether it comes back (every N days, weeks or months, or the
n-th weekday of the month). Each problem is shown under its own field; nothing is
saved until everything checks out."""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from tradesman.domain.areas import AREAS, Area
from tradesman.domain.clock import format_hours, parse_duration
from tradesman.domain.leads import Source
from tradesman.domain.task_rules import Every, TaskRule, late_start
from tradesman.domain.tasks import Task, TaskStatus
from tradesman.domain.validation import InvalidInput, check_task, check_task_rule
from tradesman.domain.weeks import DAY_NAMES, format_day
from tradesman.ui.shared.forms import FormDialog, save_cancel_buttons
from tradesman.ui.week.block_dialog import (
    chosen_purpose,
    from_qdate,
    purpose_choice,
    source_choice,
    to_qdate,
)

REPEATS = (
    ("Does not repeat", None),
    ("Every … days", Every.DAYS),
    ("Every … weeks", Every.WEEKS),
    ("Every … months", Every.MONTHS),
    ("A weekday of the month, every … months", Every.WEEKDAY_OF_MONTH),
)
NTH = (("first", 1), ("second", 2), ("third", 3), ("fourth", 4), ("last", -1))


@dataclass(frozen=True)
class TaskChoice:
    task: Task
    rule: TaskRule | None = None  # a new task is to repeat, or its rule as changed
    stop_repeating: bool = False  # the task's rule was set to "Does not repeat"


def duration_text(minutes: int | None) -> str:
    # "20 h", not "20:00": a length, never to be read as a time of day.
    return "" if minutes is None else format_hours(minutes)


class TaskDialog(FormDialog):
    """Says `chosen(TaskChoice)` when saved."""

    def __init__(
        self,
        task: Task,
        today: date,
        is_new: bool,
        parent: QWidget | None = None,
        rule: TaskRule | None = None,
        rule_only: bool = False,
        sources: Sequence[Source] = (),
    ) -> None:
        """`rule`: the repeating task that made `task`, shown and changeable here.
        `rule_only`: there is no task yet (the Repeating list): `task` is its next one.
        `sources`: for a marketing task to name the source of work it is for."""
        title = "New task" if is_new else "Repeating task" if rule_only else "Edit task"
        super().__init__(title, "title", parent)
        self.task = task
        self.today = today
        self.is_new = is_new
        self.rule = rule
        self.rule_only = rule_only

        self.title = QLineEdit(task.title)
        self.title.setMaxLength(400)
        self.title.setPlaceholderText("What needs doing, in a few words")
        self.area = QComboBox()
        for area in AREAS:
            self.area.addItem(area.label, area.value)
        self.area.setCurrentIndex(AREAS.index(task.area))
        # Only work done for a customer is followed by the marketing after the job; the
        # owner's own (servicing the tools) is not. Asked of production tasks alone.
        self.customer_job = QCheckBox("A job for a customer")
        self.customer_job.setChecked(task.customer_job)
        self.area.currentIndexChanged.connect(lambda _: self._follow_area())
        self.status = QComboBox()
        for status, text in (
            (TaskStatus.OPEN, "To do"),
            (TaskStatus.DOING, "Doing"),
            (TaskStatus.DONE, "Done"),
        ):
            self.status.addItem(text, status.value)
        self.status.setCurrentIndex(
            [TaskStatus.OPEN, TaskStatus.DOING, TaskStatus.DONE].index(task.status)
        )
        self.has_due = QCheckBox("Due by")
        self.due = QDateEdit(to_qdate(task.due or today))
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("ddd d MMM yyyy")
        self.has_due.setChecked(task.due is not None)
        self.due.setEnabled(task.due is not None)
        self.has_due.toggled.connect(self.due.setEnabled)
        due_row = QHBoxLayout()
        due_row.setContentsMargins(0, 0, 0, 0)
        due_row.addWidget(self.has_due)
        due_row.addWidget(self.due, 1)
        due_box = QWidget()
        due_box.setLayout(due_row)
        if rule_only:  # a repeating task is always due: no box to untick (only to refuse)
            self.has_due.setChecked(True)
            self.has_due.hide()
        self.estimate = QLineEdit(duration_text(task.estimate_minutes))
        self.estimate.setPlaceholderText("how long it should take, like 1 h 30 min or 45 min")
        self.notes = QPlainTextEdit(task.notes)
        self.notes.setTabChangesFocus(True)
        self.notes.setMinimumHeight(70)

        form = QFormLayout()
        form.addRow("&Title", self.fields.wrap("title", self.title))
        form.addRow("&Area", self.fields.wrap("area", self.area))
        self.source = source_choice(sources, task.source_id)
        self.source_row = self.fields.wrap("source_id", self.source)
        form.addRow("Works &for", self.source_row)
        self.purpose = purpose_choice(task.purpose)
        self.purpose_row = self.fields.wrap("purpose", self.purpose)
        form.addRow("&Counts as", self.purpose_row)
        self.form = form
        form.addRow("", self.customer_job)
        if not rule_only:
            form.addRow("&Status", self.fields.wrap("status", self.status))
        form.addRow("&When" if not rule_only else "Next &due", self.fields.wrap("due", due_box))
        form.addRow("&Estimate", self.fields.wrap("estimate_minutes", self.estimate))
        form.addRow("&Notes", self.fields.wrap("notes", self.notes))

        self.repeat = QComboBox()
        for text, every in REPEATS:
            self.repeat.addItem(text, None if every is None else every.value)
        self.interval = QSpinBox()
        self.interval.setRange(1, 365)
        self.nth = QComboBox()
        for text, value in NTH:
            self.nth.addItem(text, value)
        self.weekday = QComboBox()
        self.weekday.addItems(DAY_NAMES)
        self.weekday.setCurrentIndex(today.weekday())
        self.until_on = QCheckBox("until")
        self.until = QDateEdit(to_qdate(today))
        self.until.setCalendarPopup(True)
        self.until.setDisplayFormat("d MMM yyyy")
        repeat_row = QHBoxLayout()
        for widget in (
            self.repeat,
            self.interval,
            self.nth,
            self.weekday,
            self.until_on,
            self.until,
        ):
            repeat_row.addWidget(widget)
        repeat_row.addStretch(1)
        repeat_box = QWidget()
        repeat_row.setContentsMargins(0, 0, 0, 0)
        repeat_box.setLayout(repeat_row)
        self.repeat_row = self.fields.wrap(
            "interval", repeat_box, also=("nth", "weekday", "until", "every")
        )
        # Said before saving: a first due date far back makes only the recent tasks.
        self.catch_up_note = QLabel()
        self.catch_up_note.setWordWrap(True)
        self.catch_up_note.hide()
        if is_new or rule is not None:
            form.addRow("&Repeat", self.repeat_row)
            hint = QLabel(
                "A repeating task appears in your list a week before each due date."
                if rule is None
                else "Changing how it repeats changes the tasks still to come; the ones "
                "already made stay as they are."
                + (
                    ""
                    if rule_only
                    else " What you write here is this task's own: the ones to come keep "
                    "theirs (change those under Repeating on the Tasks page)."
                )
            )
            hint.setWordWrap(True)
            form.addRow("", hint)
            form.addRow("", self.catch_up_note)
        if rule is not None:
            self._show_rule(rule)
        self.repeat.currentIndexChanged.connect(self._follow_repeat)
        self.until_on.toggled.connect(lambda _: self._follow_repeat())
        for changed in (self.due.dateChanged, self.interval.valueChanged,
                        self.nth.currentIndexChanged, self.weekday.currentIndexChanged,
                        self.until.dateChanged):  # fmt: skip
            changed.connect(lambda _: self._follow_first_due())
        self._follow_repeat()
        self._follow_area()

        buttons = save_cancel_buttons(self, self.save)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.title.selectAll()
        self.title.setFocus()
        self.setMinimumWidth(520)

    def _show_rule(self, rule: TaskRule) -> None:
        self.repeat.setCurrentIndex([every for _, every in REPEATS].index(rule.every))
        self.interval.setValue(rule.interval)
        self.nth.setCurrentIndex([value for _, value in NTH].index(rule.nth))
        self.weekday.setCurrentIndex(rule.weekday)
        self.until_on.setChecked(rule.until is not None)
        if rule.until is not None:
            self.until.setDate(to_qdate(rule.until))

    def _follow_area(self) -> None:
        area = Area(self.area.currentData())
        self.customer_job.setVisible(area is Area.PRODUCTION)
        # (Only marketing work works for a source or is an ask; a repeating task has
        # neither, so the rows are not there for it.)
        marketing = area is Area.MARKETING and not self.rule_only
        self.form.setRowVisible(self.source_row, marketing)
        self.form.setRowVisible(self.purpose_row, marketing)

    def _source_id_allowed(self) -> bool:
        return Area(self.area.currentData()) is Area.MARKETING and not self.rule_only

    def _source_id(self) -> int | None:
        if not self._source_id_allowed():
            return None
        source_id: int | None = self.source.currentData()
        return source_id

    def _customer_job(self) -> bool:
        """The box as ticked, for production; another area keeps what the task had."""
        if Area(self.area.currentData()) is Area.PRODUCTION:
            return self.customer_job.isChecked()
        return self.task.customer_job

    def _rule_choice(self, task: Task) -> TaskChoice:
        """The task, and its rule as the repeat row now says. The rule counts from this
        task's due date when how it repeats changed (or, with no task yet, when its next
        due date was moved); otherwise from where it always did."""
        assert self.rule is not None
        every = self.repeats()
        if every is None:
            return TaskChoice(task, stop_repeating=True)
        if task.due is None:
            raise InvalidInput("due", "A repeating task needs a due date to count from.")
        old = self.rule
        shown = self._rule(every, task.due, task.title)
        moved = (shown.every, shown.interval, shown.nth, shown.weekday) != (
            old.every, old.interval, old.nth, old.weekday,
        ) or (self.rule_only and task.due != self.task.due)  # fmt: skip
        # The words go to the rule only when the rule itself is edited (under Repeating):
        # a note on this month's van service is not one for every van service to come.
        words = task if self.rule_only else old
        rule = old.with_changes(
            title=words.title,
            area=words.area,
            estimate_minutes=words.estimate_minutes,
            notes=words.notes,
            customer_job=words.customer_job,
            every=every,
            interval=shown.interval,
            nth=shown.nth,
            weekday=shown.weekday,
            until=shown.until,
            first_due=task.due if moved else old.first_due,
        )
        return TaskChoice(task, check_task_rule(rule))

    def repeats(self) -> Every | None:
        value = self.repeat.currentData()
        return None if value is None else Every(value)

    def _follow_repeat(self) -> None:
        every = self.repeats()
        self.interval.setVisible(every is not None)
        self.nth.setVisible(every is Every.WEEKDAY_OF_MONTH)
        self.weekday.setVisible(every is Every.WEEKDAY_OF_MONTH)
        self.until_on.setVisible(every is not None)
        self.until.setVisible(every is not None)
        self.until.setEnabled(self.until_on.isChecked())
        if every is not None:
            self.has_due.setChecked(True)  # a repeating task counts from its first due date
        self._follow_first_due()

    def _follow_first_due(self) -> None:
        """Say so when the first due date is so far back that the tasks are made only
        from a recent day (see CATCH_UP in domain/task_rules.py)."""
        every = self.repeats() if self.is_new else None
        start = appears = None
        if every is not None:
            first_due = from_qdate(self.due.date())
            with contextlib.suppress(ValueError, OverflowError):  # (a date past year 9999)
                rule = self._rule(every, first_due, self.task.title)
                start = late_start(rule, self.today)
                pending = rule.pending
                if pending is not None and pending - timedelta(rule.lead_days) > self.today:
                    appears = pending - timedelta(rule.lead_days)
        if appears is not None:
            # Said before saving, or a task due weeks ahead seems to vanish.
            self.catch_up_note.setText(
                f"Its first task appears in your list on {format_day(appears)}; till then "
                "it is under Repeating on the Tasks page."
            )
            self.catch_up_note.show()
            return
        if start is None:
            self.catch_up_note.hide()
            return
        self.catch_up_note.setText(
            f"{format_day(first_due)} is long past: its tasks are made from "
            f"{format_day(start)} on, not one for every time since."
        )
        self.catch_up_note.show()

    def _rule(self, every: Every, first_due: date, title: str) -> TaskRule:
        return TaskRule(
            title=title,
            area=Area(self.area.currentData()),
            every=every,
            interval=self.interval.value(),
            first_due=first_due,
            nth=int(self.nth.currentData()),
            weekday=self.weekday.currentIndex(),
            until=from_qdate(self.until.date()) if self.until_on.isChecked() else None,
        )

    def checked(self) -> TaskChoice:
        return self._choice()

    def _choice(self) -> TaskChoice:
        text = self.estimate.text().strip()
        try:
            estimate = parse_duration(text) if text else None
        except ValueError as exc:
            raise InvalidInput("estimate_minutes", str(exc)) from None
        task = check_task(
            self.task.with_changes(
                title=self.title.text(),
                area=Area(self.area.currentData()),
                status=TaskStatus(self.status.currentData()),
                due=from_qdate(self.due.date()) if self.has_due.isChecked() else None,
                estimate_minutes=estimate,
                notes=self.notes.toPlainText(),
                customer_job=self._customer_job(),
                source_id=self._source_id(),
                purpose=chosen_purpose(self.purpose) if self._source_id_allowed() else None,
            )
        )
        if self.rule is not None:
            return self._rule_choice(task)
        every = self.repeats() if self.is_new else None
        if every is None:
            return TaskChoice(task)
        assert task.due is not None
        rule = self._rule(every, task.due, task.title).with_changes(
            area=task.area,
            estimate_minutes=task.estimate_minutes,
            notes=task.notes,
            customer_job=task.customer_job,
        )
        return TaskChoice(task, check_task_rule(rule))
