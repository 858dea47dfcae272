"""Plain sentences under form fields: how every dialog says what is wrong, and where."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from tradesman.domain.clock import parse_clock
from tradesman.domain.validation import InvalidInput
from tradesman.ui.shared.palette import warning_style


class FieldErrors:
    """An error line under each field; `show` puts a sentence under the field it names."""

    def __init__(self, fallback: str) -> None:
        self.labels: dict[str, QLabel] = {}
        self._fallback = fallback  # where a sentence about an unknown field goes

    def wrap(self, field: str, widget: QWidget, also: tuple[str, ...] = ()) -> QWidget:
        """`widget` with an (empty, hidden) error line under it, for `field` and `also`."""
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        # A label's Alt+letter focuses its buddy only if the buddy takes focus: this box
        # takes it as the field does, and hands it on (Tab skips the box itself).
        box.setFocusPolicy(widget.focusPolicy())
        box.setFocusProxy(widget)
        error = QLabel()
        error.setWordWrap(True)
        error.setStyleSheet(warning_style(error.palette()))
        error.hide()
        column.addWidget(error)
        for name in (field, *also):
            self.labels[name] = error
        return box

    def clear(self) -> None:
        for label in self.labels.values():
            label.hide()

    def show(self, field: str, message: str) -> None:
        label = self.labels.get(field) or self.labels[self._fallback]
        label.setText(message)
        label.show()
        _make_room(label.window())

    def text(self, field: str) -> str:
        label = self.labels[field]
        return label.text() if not label.isHidden() else ""


def _make_room(window: QWidget) -> None:
    """A sentence shown under a field may wrap onto a second line; an open dialog does
    not grow for that by itself (its layout's least size ignores wrapping), so the
    sentence was cut through. Grow it to the height its width needs."""
    layout = window.layout()
    if layout is None:
        return
    layout.activate()
    needed = (
        layout.totalHeightForWidth(window.width())
        if layout.hasHeightForWidth()
        else layout.totalSizeHint().height()
    )
    if needed > window.height():
        window.resize(window.width(), needed)


def in_a_row(*widgets: QWidget, stretch: bool = False) -> QWidget:
    """Widgets side by side as one form field (with room left over at the end, if asked)."""
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        row.addWidget(widget)
    if stretch:
        row.addStretch(1)
    return box


def read_clocks(edits: dict[str, QLineEdit]) -> dict[str, int]:
    """Times of day typed into fields ("07:30"), by field name; InvalidInput naming the
    first field that does not hold one."""
    times = {}
    for field, edit in edits.items():
        try:
            times[field] = parse_clock(edit.text())
        except ValueError as exc:
            raise InvalidInput(field, str(exc)) from None
    return times


def save_cancel_buttons(dialog: QDialog, save: Callable[[], object]) -> QDialogButtonBox:
    """The Save / Cancel row every editing dialog ends with: Save runs `save` (which
    accepts only when the input is good), Cancel and Esc close without changing anything."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(save)
    buttons.rejected.connect(dialog.reject)
    return buttons


class FormDialog(QDialog):
    """A dialog of fields that saves nothing until everything checks out: Save asks
    `checked()` for the result; a problem shows under its field and the dialog stays."""

    chosen = Signal(object)  # what `checked` returned

    def __init__(self, title: str, fallback: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.fields = FieldErrors(fallback)
        # Asked, with the checked value, just before saving: a question only the owner
        # can answer ("the same enquiry again?"). No keeps the dialog open with all
        # that was typed, to be changed or cancelled.
        self.agrees: Callable[[Any], bool] | None = None

    def lay_out(self, form: QFormLayout, note: str, width: int = 480) -> None:
        """The fields, a note in plain words under them, and Save / Cancel."""
        buttons = save_cancel_buttons(self, self.save)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        words = QLabel(note)
        words.setWordWrap(True)
        layout.addWidget(words)
        layout.addWidget(buttons)
        self.setMinimumWidth(width)

    def checked(self) -> object:
        """The fields as a checked value, or InvalidInput naming the field."""
        raise NotImplementedError

    def error_text(self, field: str) -> str:
        return self.fields.text(field)

    def save(self) -> None:
        self.fields.clear()
        try:
            chosen = self.checked()
        except InvalidInput as exc:
            self.fields.show(exc.field, exc.message)
            return
        if self.agrees is not None and not self.agrees(chosen):
            return
        self.chosen.emit(chosen)
        self.accept()
