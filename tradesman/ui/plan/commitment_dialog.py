"""The commitment dialog: business time the owner books every week of the plan, like
"Tuesday 7–9, marketing". Saving makes a repeating block on the calendar that runs to
the plan's end. Each problem shows under its own field."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from tradesman.domain.areas import AREAS, Area
from tradesman.domain.clock import format_clock
from tradesman.domain.series import Series
from tradesman.domain.validation import InvalidInput, check_series
from tradesman.domain.weeks import SHORT_DAY_NAMES, format_day
from tradesman.ui.shared.forms import FormDialog, in_a_row, read_clocks

BUSINESS_AREAS = tuple(area for area in AREAS if area.is_business)


class CommitmentDialog(FormDialog):
    """Says `chosen(Series)` when saved."""

    def __init__(
        self, first_day: date, until: date, weeks_from: int, parent: QWidget | None = None
    ) -> None:
        super().__init__("Add a commitment", "title", parent)
        self.first_day = first_day
        self.until = until
        self.weeks_from = weeks_from
        self.title = QLineEdit()
        self.title.setMaxLength(400)
        self.title.setPlaceholderText("Like “Call back leads and send quotes”")
        self.area = QComboBox()
        for area in BUSINESS_AREAS:
            self.area.addItem(area.label, area.value)
        self.days = [QCheckBox(name) for name in SHORT_DAY_NAMES]
        self.days[1].setChecked(True)  # Tuesday: a fresh start after Monday's catching up
        day_box = in_a_row(*self.days)
        self.start = QLineEdit("07:00")
        self.end = QLineEdit("09:00")
        time_box = in_a_row(self.start, QLabel("to"), self.end, stretch=True)

        form = QFormLayout()
        form.addRow("&What", self.fields.wrap("title", self.title))
        form.addRow("&Area", self.fields.wrap("area", self.area))
        form.addRow("&Days", self.fields.wrap("weekdays", day_box))
        form.addRow("&Time", self.fields.wrap("start", time_box, also=("end",)))
        self.lay_out(
            form,
            f"It goes on your calendar every week from {format_day(first_day)} until the "
            f"plan ends on {format_day(until)}. Change or stop it there like any repeating block.",
        )

    def checked(self) -> Series:
        return check_series(self.from_fields())

    def from_fields(self) -> Series:
        times = read_clocks({"start": self.start, "end": self.end})
        days = frozenset(day for day, check in enumerate(self.days) if check.isChecked())
        if not days:
            raise InvalidInput("weekdays", "Tick at least one day.")
        return Series(
            title=self.title.text(),
            area=Area(self.area.currentData()),
            start=times["start"],
            end=times["end"],
            weekdays=days,
            first_day=self.first_day,
            until=self.until,
            weeks_from=self.weeks_from,
        )


def describe_commitment(series: Series) -> str:
    """'Quotes hour · Sales · Every Tue, 07:00–09:00'."""
    times = f"{format_clock(series.start)}–{format_clock(series.end)}"
    every = series.describe().split(", until")[0]
    return f"{series.title} · {series.area.label} · {every}, {times}"
