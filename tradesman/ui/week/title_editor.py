"""Naming a block just drawn on the week calendar: a line edit over it, where Enter
saves it, Escape drops it, and clicking elsewhere keeps what was typed. Left empty, the
block is named after its area."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QRectF, Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from tradesman.domain.blocks import TimeBlock


class TitleEditor(QObject):
    """The line edit over the new block on `canvas`; `named` gets the titled block."""

    def __init__(self, canvas: QWidget, named: Callable[[TimeBlock], None]) -> None:
        super().__init__(canvas)
        self._canvas = canvas
        self._named = named
        self.line_edit: QLineEdit | None = None
        self.pending: TimeBlock | None = None  # the block being named, drawn in outline

    def ask(self, block: TimeBlock, rect: QRectF) -> None:
        """Open the line edit over `rect`, where `block` is drawn."""
        self.pending = block
        editor = QLineEdit(self._canvas)
        editor.setPlaceholderText(f"{block.area.label}: what is it?")
        editor.setFrame(True)
        editor.setGeometry(
            int(rect.left()) + 2, int(rect.top()) + 2, int(rect.width()) - 4,
            editor.sizeHint().height(),
        )  # fmt: skip
        editor.installEventFilter(self)  # Enter and Escape are handled in eventFilter
        self.line_edit = editor
        editor.show()
        editor.setFocus()
        self._canvas.update()

    def finish_pending(self) -> None:
        """Save the block being named (if it has a title typed), else drop it."""
        if self.line_edit is not None:
            if self.line_edit.text().strip():
                self.finish()
            else:
                self.close()

    def finish(self) -> None:
        editor, new = self.line_edit, self.pending
        self.close()
        if editor is None or new is None:
            return
        title = editor.text().strip() or new.area.label
        self._named(new.with_changes(title=title))

    def close(self) -> None:
        editor = self.line_edit
        self.line_edit = None
        self.pending = None
        if editor is not None:
            editor.removeEventFilter(self)
            editor.hide()
            editor.deleteLater()
            self._canvas.setFocus()
        self._canvas.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        editor = self.line_edit
        if editor is not None and watched is editor:
            key = event.key() if isinstance(event, QKeyEvent) else None
            if event.type() == QEvent.Type.KeyPress and key == Qt.Key.Key_Escape:
                self.close()
                return True
            if event.type() == QEvent.Type.KeyPress and key in (
                Qt.Key.Key_Return,
                Qt.Key.Key_Enter,
            ):
                # Taken here, not through returnPressed: the line edit passes Return on
                # to the canvas, which would read it as "edit the selected block".
                self.finish()
                return True
            if event.type() == QEvent.Type.FocusOut and isinstance(event, QFocusEvent):
                # Clicking elsewhere keeps what was typed, as most calendars do.
                if editor.text().strip():
                    self.finish()
                else:
                    self.close()
        return False
