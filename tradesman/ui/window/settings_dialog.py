"""File → Settings: the business, the working week, and the share of it for the business."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from tradesman.domain.clock import format_clock
from tradesman.domain.settings import AfterJob, Settings, WeekStart
from tradesman.domain.validation import check_settings
from tradesman.domain.weeks import SHORT_DAY_NAMES
from tradesman.ui.shared.forms import FormDialog, in_a_row, read_clocks
from tradesman.ui.window.calendar_file_row import CalendarFileRow


class SettingsDialog(FormDialog):
    """Says `chosen(Settings)` when saved."""

    def __init__(
        self,
        settings: Settings,
        parent: QWidget | None = None,
        calendar_file: tuple[bool, Path | None] = (False, None),
    ) -> None:
        super().__init__("Settings", "business_name", parent)
        self.settings = settings
        # (This machine's choice, not a setting of the data: see calendar_keeper.py.)
        self.calendar_file = CalendarFileRow(*calendar_file)
        self.business_name = QLineEdit(settings.business_name)
        self.business_name.setPlaceholderText("shown on the window and on printed plans")
        self.owner_name = QLineEdit(settings.owner_name)
        self.work_days = [QCheckBox(name) for name in SHORT_DAY_NAMES]
        for day, check in enumerate(self.work_days):
            check.setChecked(day in settings.work_days)
        days_box = in_a_row(*self.work_days)
        self.day_start = QLineEdit(format_clock(settings.day_start))
        self.day_end = QLineEdit(format_clock(settings.day_end))
        hours_box = in_a_row(self.day_start, QLabel("to"), self.day_end, stretch=True)
        self.week_start = QComboBox()
        self.week_start.addItem("Monday", WeekStart.MONDAY)
        self.week_start.addItem("Sunday", WeekStart.SUNDAY)
        self.week_start.setCurrentIndex(0 if settings.week_start is WeekStart.MONDAY else 1)
        self.target = QSpinBox()
        self.target.setRange(0, 100)
        self.target.setSuffix(" %")
        self.target.setValue(round(settings.target_business_share * 100))
        self.target.setToolTip(
            "The share of your working week you want to spend on marketing, sales and admin."
        )
        self.after_job = QComboBox()
        for choice, text in (
            (AfterJob.ASK, "Offer the follow-up marketing tasks"),
            (AfterJob.AUTOMATIC, "Add the follow-up marketing tasks"),
            (AfterJob.OFF, "Do nothing"),
        ):
            self.after_job.addItem(text, choice.value)
        self.after_job.setCurrentIndex(list(AfterJob).index(settings.after_job))
        self.after_job.setToolTip(
            "Photos, a review request, a referral ask and a six-month call, due over the "
            "following days and months."
        )

        form = QFormLayout()
        form.addRow("&Business name", self.fields.wrap("business_name", self.business_name))
        self.owner_name_row = self.fields.wrap("owner_name", self.owner_name)
        form.addRow("&Your name", self.owner_name_row)
        form.addRow("&Work days", self.fields.wrap("work_days", days_box))
        form.addRow("Work &hours", self.fields.wrap("day_start", hours_box, also=("day_end",)))
        form.addRow("Week &starts on", self.week_start)
        form.addRow(
            "&Target business share", self.fields.wrap("target_business_share", self.target)
        )
        self.after_job_row = self.fields.wrap("after_job", self.after_job)
        form.addRow("&After a job is done", self.after_job_row)
        form.addRow("&Phone calendar", self.calendar_file)
        self.form = form
        self.lay_out(
            form,
            "Business time is marketing, sales and admin; technician time is production. "
            "A first target of 20–40 % is common for a one-person trade business.",
        )

    def checked(self) -> Settings:
        return check_settings(self._from_fields())

    def _from_fields(self) -> Settings:
        times = read_clocks({"day_start": self.day_start, "day_end": self.day_end})
        return self.settings.with_changes(
            business_name=self.business_name.text(),
            owner_name=self.owner_name.text(),
            work_days=frozenset(d for d, check in enumerate(self.work_days) if check.isChecked()),
            day_start=times["day_start"],
            day_end=times["day_end"],
            week_start=WeekStart(self.week_start.currentData()),
            target_business_share=self.target.value() / 100,
            after_job=AfterJob(self.after_job.currentData()),
        )
