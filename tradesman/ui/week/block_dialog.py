"""The block dialog: title, area, day, times, status, actual time, notes, and repeating.

Nothing is saved until every field checks out; each problem is shown in plain words
under its own field. For a block of a series, the owner chooses whether the change is
for this block only or for the whole series from today on.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from tradesman.domain.areas import AREAS, Area
from tradesman.domain.blocks import BlockStatus, TimeBlock
from tradesman.domain.clock import format_clock, format_hours, parse_clock, parse_duration
from tradesman.domain.leads import Source, SourceKind
from tradesman.domain.purposes import PURPOSE_WORDS, Purpose
from tradesman.domain.series import Series, earliest_block_day
from tradesman.domain.settings import WeekStart
from tradesman.domain.validation import InvalidInput, check_block, check_series
from tradesman.domain.weeks import SHORT_DAY_NAMES, format_day
from tradesman.ui.shared.forms import FormDialog, save_cancel_buttons
from tradesman.ui.shared.palette import swatch

REPEATS = ("Does not repeat", "Every week", "Every 2 weeks", "Every 3 weeks", "Every 4 weeks")


@dataclass(frozen=True)
class BlockChoice:
    """What the dialog decided: the block, and the series it should make or change."""

    block: TimeBlock
    series: Series | None = None  # a new series, or the whole series changed
    stop_repeating: bool = False  # end the block's series from today on


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class BlockDialog(FormDialog):
    """Says `chosen(BlockChoice)` when saved."""

    def __init__(
        self,
        block: TimeBlock,
        series: Series | None,
        is_new: bool,
        parent: QWidget | None = None,
        week_start: WeekStart = WeekStart.MONDAY,
        today: date | None = None,
        sources: Sequence[Source] = (),
    ) -> None:
        """`sources`: where work comes from, for a marketing block to name the one it
        works for (its hours then count for that source)."""
        super().__init__("New block" if is_new else "Edit block", "title", parent)
        self.week_start = week_start
        self.today = today or date.today()
        self.block = block
        self.series = series
        self.is_new = is_new

        self.title = QLineEdit(block.title)
        self.title.setMaxLength(400)  # the check says 200; let it say so in words
        self.area = QComboBox()
        for area in AREAS:
            suffix = " (technician time)" if not area.is_business else " (business time)"
            self.area.addItem(swatch(area), area.label + suffix, area)
        self.area.setCurrentIndex(AREAS.index(block.area))
        self.source = source_choice(sources, block.source_id)
        self.purpose = purpose_choice(block.purpose)
        self.day = QDateEdit(to_qdate(block.day))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("ddd d MMM yyyy")
        self.start = QLineEdit(format_clock(block.start))
        self.end = QLineEdit(format_clock(block.end))
        for edit in (self.start, self.end):
            edit.setPlaceholderText("07:30")
            edit.setMaximumWidth(90)
        self.status = QComboBox()
        for status in BlockStatus:
            self.status.addItem(status.value.capitalize(), status)
        self.status.setCurrentIndex(list(BlockStatus).index(block.status))
        self.actual = QLineEdit(
            "" if block.actual_minutes is None else format_hours(block.actual_minutes)
        )
        self.actual.setPlaceholderText(f"as planned ({format_hours(block.length_minutes)})")
        self.notes = QPlainTextEdit(block.notes)
        self.notes.setTabChangesFocus(True)
        self.notes.setMinimumHeight(70)

        form = QFormLayout()
        form.addRow("&Title", self.fields.wrap("title", self.title))
        form.addRow("&Area", self.fields.wrap("area", self.area))
        self.source_row = self.fields.wrap("source_id", self.source)
        form.addRow("Works &for", self.source_row)
        self.purpose_row = self.fields.wrap("purpose", self.purpose)
        form.addRow("&Counts as", self.purpose_row)
        form.addRow("&Day", self.fields.wrap("date", self.day))
        times = QHBoxLayout()
        times.addWidget(self.start)
        times.addWidget(QLabel("to"))
        times.addWidget(self.end)
        times.addStretch(1)
        times_box = QWidget()
        times_box.setLayout(times)
        times.setContentsMargins(0, 0, 0, 0)
        form.addRow("&From", self.fields.wrap("start", times_box, also=("end",)))
        self.status_row = self.fields.wrap("status", self.status)
        form.addRow("&Status", self.status_row)
        self.actual_row = self.fields.wrap("actual_minutes", self.actual)
        form.addRow("Actual &time", self.actual_row)
        form.addRow("&Notes", self.fields.wrap("notes", self.notes))
        self.form = form

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self._repeat_section())
        buttons = save_cancel_buttons(self, self.save)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        layout.addWidget(buttons)
        self.status.currentIndexChanged.connect(self._follow_status)
        self.area.currentIndexChanged.connect(self._follow_area)
        self._follow_status()
        self._follow_area()
        self._follow_scope()
        self.title.selectAll()
        self.title.setFocus()
        self.setMinimumWidth(460)

    def _follow_area(self) -> None:
        """Only marketing time works for a source, or is an ask: the choices are there
        only then."""
        marketing = self.chosen_area() is Area.MARKETING
        self.form.setRowVisible(self.source_row, marketing)
        self.form.setRowVisible(self.purpose_row, marketing)

    # -- building ---------------------------------------------------------------------
    def _repeat_section(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 6, 0, 0)
        self.scope_group = QButtonGroup(self)
        self.only_this = QRadioButton("Only this block")
        self.whole_series = QRadioButton("Every block in the series, from today on")
        self.scope_group.addButton(self.only_this)
        self.scope_group.addButton(self.whole_series)
        self.only_this.setChecked(True)
        self.repeat = QComboBox()
        self.repeat.addItems(REPEATS)
        self.weekdays = [QCheckBox(name) for name in SHORT_DAY_NAMES]
        self.until_on = QCheckBox("until")
        self.until = QDateEdit(to_qdate(self.block.day))
        self.until.setCalendarPopup(True)
        self.until.setDisplayFormat("d MMM yyyy")

        if self.series is not None:
            layout.addWidget(QLabel(f"<b>This block repeats:</b> {self.series.describe()}"))
            layout.addWidget(self.only_this)
            layout.addWidget(self.whole_series)
            # For the whole series, the first choice ends it rather than "does not repeat".
            self.repeat.setItemText(0, "Stop repeating from today on")
            self._fill_repeat(self.series)
            self.only_this.toggled.connect(self._follow_scope)
        else:
            self.repeat.setCurrentIndex(0)
            self.weekdays[self.block.day.weekday()].setChecked(True)
            self.only_this.hide()
            self.whole_series.hide()
            if not self.is_new:
                self.repeat.setToolTip("Make this block repeat from its day on")
        self.repeat_controls = QWidget()
        controls = QVBoxLayout(self.repeat_controls)
        controls.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        repeat_label = QLabel("&Repeat")
        repeat_label.setBuddy(self.repeat)  # Alt+R: the & is a shortcut, not a character
        row.addWidget(repeat_label)
        row.addWidget(self.repeat)
        row.addWidget(self.until_on)
        row.addWidget(self.until)
        row.addStretch(1)
        controls.addLayout(row)
        days = QHBoxLayout()
        days.addWidget(QLabel("On"))
        for check in self.weekdays:
            days.addWidget(check)
        days.addStretch(1)
        controls.addWidget(
            self.fields.wrap("weekdays", self._row_widget(days), also=("every_weeks",))
        )
        controls.addWidget(self.fields.wrap("until", QWidget()))
        # Said before saving: a series started far back gets only a year of past blocks.
        self.catch_up_note = QLabel()
        self.catch_up_note.setWordWrap(True)
        self.catch_up_note.hide()
        controls.addWidget(self.catch_up_note)
        layout.addWidget(self.repeat_controls)
        self.repeat.currentIndexChanged.connect(self._follow_repeat)
        self.day.dateChanged.connect(lambda _: self._follow_first_day())
        self.until_on.toggled.connect(self.until.setEnabled)
        self.until.setEnabled(self.until_on.isChecked())
        self._follow_repeat()
        return box

    @staticmethod
    def _row_widget(layout: QHBoxLayout) -> QWidget:
        widget = QWidget()
        layout.setContentsMargins(0, 0, 0, 0)
        widget.setLayout(layout)
        return widget

    def _fill_repeat(self, series: Series) -> None:
        if series.every_weeks >= self.repeat.count():  # (from an import: every 6 weeks, say)
            for weeks in range(self.repeat.count(), series.every_weeks + 1):
                self.repeat.addItem(f"Every {weeks} weeks")
        self.repeat.setCurrentIndex(series.every_weeks)
        for day, check in enumerate(self.weekdays):
            check.setChecked(day in series.weekdays)
        self.until_on.setChecked(series.until is not None)
        if series.until is not None:
            self.until.setDate(to_qdate(series.until))

    # -- reacting -------------------------------------------------------------------
    def chosen_status(self) -> BlockStatus:
        # (Qt hands enum data back as plain strings; make them enums again.)
        return BlockStatus(self.status.currentData())

    def chosen_area(self) -> Area:
        return Area(self.area.currentData())

    def _follow_status(self) -> None:
        self.actual.setEnabled(self.chosen_status() is BlockStatus.DONE)

    def _follow_scope(self) -> None:
        if self.series is None:
            return
        whole = self.whole_series.isChecked()
        self.repeat_controls.setVisible(whole)
        # Status and actual time belong to one block, never to a whole series; and a
        # series' days are its weekdays (below), not this block's date.
        self.status_row.setEnabled(not whole)
        self.actual_row.setEnabled(not whole)
        self.day.setEnabled(not whole)

    def _follow_repeat(self) -> None:
        repeating = self.repeat.currentIndex() > 0
        for check in self.weekdays:
            check.setEnabled(repeating)
        self.until_on.setEnabled(repeating)
        self.until.setEnabled(repeating and self.until_on.isChecked())
        self._follow_first_day()

    def _follow_first_day(self) -> None:
        """Say so when a new series starts so far back that its blocks are made only
        from a year ago (see BLOCKS_BACK in domain/series.py)."""
        day = from_qdate(self.day.date())
        earliest = earliest_block_day(self.today)
        if self.series is not None or self.repeat.currentIndex() == 0 or day >= earliest:
            self.catch_up_note.hide()
            return
        self.catch_up_note.setText(
            f"{format_day(day)} is long past: its blocks are made from "
            f"{format_day(earliest)} on, not for every week since."
        )
        self.catch_up_note.show()

    # -- saving ---------------------------------------------------------------------
    def checked(self) -> BlockChoice:
        return self._choice()

    def _choice(self) -> BlockChoice:
        block = check_block(self._block_from_fields())
        if self.series is not None and self.whole_series.isChecked():
            if self.repeat.currentIndex() == 0:
                return BlockChoice(self.block, None, stop_repeating=True)
            series = self._series_from_fields(block, self.series)
            return BlockChoice(block, check_series(series))
        if self.series is None and self.repeat.currentIndex() > 0:
            return BlockChoice(block, check_series(self._series_from_fields(block, None)))
        return BlockChoice(block)

    def _block_from_fields(self) -> TimeBlock:
        start = _clock(self.start.text(), "start")
        end = _clock(self.end.text(), "end")
        actual_text = self.actual.text().strip()
        status = self.chosen_status()
        actual = self.block.actual_minutes
        if status is BlockStatus.DONE:
            actual = None
            if actual_text:
                try:
                    actual = parse_duration(actual_text)
                except ValueError as exc:
                    raise InvalidInput("actual_minutes", str(exc)) from None
        # For the whole series the day stays: a series' days are its weekdays.
        whole_series = self.series is not None and self.whole_series.isChecked()
        return self.block.with_changes(
            title=self.title.text(),
            area=self.chosen_area(),
            day=self.block.day if whole_series else from_qdate(self.day.date()),
            start=start,
            end=end,
            status=status,
            actual_minutes=actual,
            notes=self.notes.toPlainText(),
            source_id=self.source.currentData() if self.chosen_area() is Area.MARKETING else None,
            purpose=chosen_purpose(self.purpose) if self.chosen_area() is Area.MARKETING else None,
        )

    def _series_from_fields(self, block: TimeBlock, existing: Series | None) -> Series:
        weekdays = frozenset(day for day, check in enumerate(self.weekdays) if check.isChecked())
        until = from_qdate(self.until.date()) if self.until_on.isChecked() else None
        every = max(1, self.repeat.currentIndex())
        base = existing or Series(
            block.title, block.area, block.start, block.end, weekdays, first_day=block.day,
            weeks_from=6 if self.week_start is WeekStart.SUNDAY else 0,
        )  # fmt: skip
        return base.with_look_of(block, weekdays=weekdays, every_weeks=every, until=until)


def source_choice(sources: Sequence[Source], chosen: int | None) -> QComboBox:
    """The sources a marketing block or task may work for — marketing ones, and word of
    mouth and repeat work (asking for a referral works for referrals) — an archived one
    only when it is chosen already, with "General marketing" for none in particular."""
    box = QComboBox()
    box.addItem("General marketing (no one source)", None)
    for source in sources:
        if source.kind is not SourceKind.NOT_SURE and (not source.archived or source.id == chosen):
            box.addItem(source.name, source.id)
    box.setCurrentIndex(max(0, box.findData(chosen)))
    return box


def purpose_choice(chosen: Purpose | None) -> QComboBox:
    """Whether a piece of marketing work is one of the asks worth counting (a review, a
    referral), or other marketing work."""
    box = QComboBox()
    box.addItem("Other marketing work", "")
    for purpose, words in PURPOSE_WORDS.items():
        box.addItem(words, purpose.value)
    box.setCurrentIndex(max(0, box.findData("" if chosen is None else chosen.value)))
    return box


def chosen_purpose(box: QComboBox) -> Purpose | None:
    value = box.currentData()  # (kept as text: Qt hands a StrEnum back as a str)
    return Purpose(value) if value else None


def _clock(text: str, field: str) -> int:
    try:
        return parse_clock(text)
    except ValueError as exc:
        raise InvalidInput(field, str(exc)) from None
