"""One bar for a week's hours: production first, then the business areas, with the target marked.

Painted without the `Qt` enum namespace: PySide builds that whole namespace (about
13 ms) the first time any module touches it, and this bar paints before the data loads.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize
from PySide6.QtGui import QBrush, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from tradesman.domain.areas import AREAS
from tradesman.domain.clock import format_hours
from tradesman.domain.numbers import percent
from tradesman.domain.split import Split
from tradesman.ui.shared.palette import area_colour


class SplitBar(QWidget):
    """Segments per area in proportion to their hours; a line where the business share
    should begin if the week met its target."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._split = Split()
        self._target: float | None = None
        self._plans = False  # the target is a plan's, for this week
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(self._label_height() + 24)

    def _label_height(self) -> int:
        return self.fontMetrics().height()

    def sizeHint(self) -> QSize:
        return QSize(240, self._label_height() + 24)

    def show_split(self, split: Split, target_share: float | None, plans: bool = False) -> None:
        self._plans = plans
        self._split = split
        self._target = target_share
        parts = [
            f"{area.label}: {format_hours(split.minutes(area))}"
            for area in AREAS
            if split.minutes(area)
        ]
        self.setToolTip("\n".join(parts) if parts else "No hours")
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        label_height = self._label_height()
        outer = QRectF(self.rect()).adjusted(0.5, label_height + 3.5, -0.5, -3.5)
        frame = self.palette().color(QPalette.ColorRole.Mid)
        total = self._split.total_minutes
        no_fill = QBrush()  # (Qt.BrushStyle.NoBrush, without loading the Qt namespace)
        if total == 0:
            dashed = QPen(frame, 1)
            dashed.setDashPattern([4.0, 3.0])
            painter.setPen(dashed)
            painter.setBrush(no_fill)
            painter.drawRoundedRect(outer, 3, 3)
        else:
            x = outer.left()
            for area in AREAS:
                minutes = self._split.minutes(area)
                if not minutes:
                    continue
                width = outer.width() * minutes / total
                painter.fillRect(QRectF(x, outer.top(), width, outer.height()), area_colour(area))
                x += width
            painter.setPen(QPen(frame, 1))
            painter.setBrush(no_fill)
            painter.drawRect(outer)
        if self._target is not None:
            # Technician time fills the bar from the left, so the target line sits
            # where business time should start; its label says so above the bar.
            x = outer.left() + outer.width() * (1 - self._target)
            text = self.palette().color(QPalette.ColorRole.WindowText)
            painter.setPen(QPen(text, 2))
            painter.drawLine(QPointF(x, label_height), QPointF(x, self.height()))
            caption = ("plan's " if self._plans else "") + f"{percent(self._target)} target"
            width = self.fontMetrics().horizontalAdvance(caption)
            # Beside the line, on the left where it fits, so it reads as "target |".
            left = x - width - 4 if x - width - 4 >= 0 else x + 4
            painter.setPen(QPen(text, 1))
            painter.drawText(QPointF(left, label_height - 3), caption)
        painter.end()
