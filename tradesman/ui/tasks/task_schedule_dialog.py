"""Schedule…: book time for a task without dragging it, by picking a day and a start.

The dialog opens on the next free stretch of the right length this week, so booking a
task is mostly one key: Enter.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QTime
from PySide6.QtWidgets import QDateEdit, QFormLayout, QTimeEdit, QWidget

from tradesman.domain.clock import format_hours
from tradesman.domain.tasks import TaskCard
from tradesman.domain.validation import InvalidInput
from tradesman.ui.shared.forms import FormDialog
from tradesman.ui.shared.literal import plain_label
from tradesman.ui.week.block_dialog import from_qdate, to_qdate


class ScheduleDialog(FormDialog):
    """Says `chosen((day, start minute))` when saved."""

    def __init__(
        self,
        card: TaskCard,
        length: int,
        suggested: tuple[date, int],
        free: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Schedule", "start", parent)
        self.card = card
        day, start = suggested
        self.task_title = plain_label(card.task.title)  # (the owner's words, as typed)
        self.task_title.setWordWrap(True)
        self.day = QDateEdit(to_qdate(day))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("ddd d MMM yyyy")
        self.start = QTimeEdit(QTime(start // 60, start % 60))
        self.start.setDisplayFormat("HH:mm")
        form = QFormLayout()
        form.addRow("Task", self.task_title)
        form.addRow("&Day", self.fields.wrap("day", self.day))
        form.addRow("&Start", self.fields.wrap("start", self.start))
        where = (
            "The first free time of that length this week is filled in."
            if free
            else "No free time of that length is left this week: pick a day and a start."
        )
        self.lay_out(
            form,
            f"Books {format_hours(length)} on the calendar (what is left of its estimate, "
            f"or an hour). {where}",
        )
        self.save_button.setText("&Book")  # (what it does; the status bar says "Booked")
        self.start.setFocus()

    def checked(self) -> tuple[date, int]:
        time = self.start.time()
        start = time.hour() * 60 + time.minute()
        if start % 5:
            raise InvalidInput("start", "Start on a five-minute mark, like 09:05.")
        return from_qdate(self.day.date()), start
