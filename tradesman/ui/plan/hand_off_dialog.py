"""The hand-off dialog: a piece of work to get off the owner's hands, how, and what it
takes now. Each problem shows under its own field."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from tradesman.domain.areas import AREAS
from tradesman.domain.clock import parse_duration
from tradesman.domain.plan import HandOff, HandOffWay, check_hand_off
from tradesman.domain.validation import InvalidInput
from tradesman.ui.shared.forms import FormDialog
from tradesman.ui.tasks.task_dialog import duration_text

WAYS = (
    (HandOffWay.DELEGATE, "Delegate: a helper or someone on the team does it"),
    (HandOffWay.SUBCONTRACT, "Subcontract: another trade does it for a price"),
    (HandOffWay.SYSTEMISE, "Systemise: a checklist, template or tool makes it quick"),
)


class HandOffDialog(FormDialog):
    """Says `chosen(HandOff)` when saved."""

    def __init__(self, hand_off: HandOff, is_new: bool, parent: QWidget | None = None) -> None:
        super().__init__("Hand off some work" if is_new else "Edit hand-off", "title", parent)
        self.hand_off = hand_off
        self.title = QLineEdit(hand_off.title)
        self.title.setMaxLength(400)
        self.title.setPlaceholderText("The work, like “Collect materials from the yard”")
        self.area = QComboBox()
        for area in AREAS:
            self.area.addItem(area.label, area.value)
        self.area.setCurrentIndex(AREAS.index(hand_off.area))
        self.way = QComboBox()
        for way, text in WAYS:
            self.way.addItem(text, way.value)
        self.way.setCurrentIndex(list(HandOffWay).index(hand_off.way))
        self.time = QLineEdit(duration_text(hand_off.minutes_a_week))
        self.time.setPlaceholderText("what it takes you a week now, like 2:30 (if you know)")
        self.handed_off = QCheckBox("Handed off already")
        self.handed_off.setChecked(hand_off.done)

        form = QFormLayout()
        form.addRow("&Work", self.fields.wrap("title", self.title))
        form.addRow("&Area", self.fields.wrap("area", self.area))
        form.addRow("&How", self.fields.wrap("way", self.way))
        form.addRow("&Time a week", self.fields.wrap("minutes_a_week", self.time))
        form.addRow("", self.handed_off)
        self.lay_out(
            form,
            "Every hour of technician or admin work you hand off is an hour you can give "
            "to finding and winning the next job.",
            width=460,
        )

    def checked(self) -> HandOff:
        return check_hand_off(self.from_fields())

    def from_fields(self) -> HandOff:
        text = self.time.text().strip()
        try:
            minutes = parse_duration(text) if text else None
        except ValueError as exc:
            raise InvalidInput("minutes_a_week", str(exc)) from None
        return self.hand_off.with_changes(
            title=self.title.text(),
            area=AREAS[self.area.currentIndex()],
            way=HandOffWay(self.way.currentData()),
            minutes_a_week=minutes,
            done=self.handed_off.isChecked(),
        )
