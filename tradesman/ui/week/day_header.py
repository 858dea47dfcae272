"""The row above the calendar: each day's name and date, and the hours planned that day."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QWidget

from tradesman.domain.clock import format_hours
from tradesman.domain.weeks import SHORT_DAY_NAMES
from tradesman.ui.shared.palette import mix, readable_accent
from tradesman.ui.week.week_canvas import WeekCanvas
from tradesman.ui.week.week_geometry import GUTTER


class DayHeader(QWidget):
    """Drawn with the canvas's own geometry, so each name sits over its column."""

    def __init__(self, canvas: WeekCanvas, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.canvas = canvas
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def sizeHint(self) -> QSize:
        return QSize(600, int(QFontMetricsF(self.font()).height() * 2.6))

    def minimumSizeHint(self) -> QSize:
        return QSize(GUTTER + 7 * 36, self.sizeHint().height())  # narrow days still show "Mon 23"

    def day_texts(self) -> list[tuple[str, str]]:
        """(name, hours) for each day: ('Tue 24', '7 h 30 min planned')."""
        planned: dict[date, int] = {}
        for block in self.canvas.blocks:
            planned[block.day] = planned.get(block.day, 0) + block.length_minutes
        return [
            (
                f"{SHORT_DAY_NAMES[day.weekday()]} {day.day}",
                f"{format_hours(planned[day])} planned" if day in planned else "",
            )
            for day in self.canvas.week.days
        ]

    def paintEvent(self, event: QPaintEvent) -> None:
        canvas = self.canvas
        geometry = canvas.geometry_
        palette = self.palette()
        painter = QPainter(self)
        window = palette.color(QPalette.ColorRole.Window)
        text = palette.color(QPalette.ColorRole.WindowText)
        painter.fillRect(self.rect(), window)
        bold = QFont(self.font())
        bold.setBold(True)
        small = QFont(self.font())
        small.setPointSizeF(self.font().pointSizeF() * 0.85)
        line = QFontMetricsF(bold).height()
        for index, (day, (name, hours)) in enumerate(
            zip(canvas.week.days, self.day_texts(), strict=True)
        ):
            left = geometry.column_left(index)
            cell = QRectF(left, 0, geometry.column_width, self.height())
            is_today = day == canvas.today
            if is_today:
                accent = readable_accent(palette)
                painter.fillRect(QRectF(left, self.height() - 3, geometry.column_width, 3), accent)
                painter.setPen(accent)
            elif day.weekday() not in canvas.settings.work_days:
                painter.setPen(mix(text, window, 0.45))
            else:
                painter.setPen(text)
            painter.setFont(bold)
            painter.drawText(
                cell.adjusted(0, 3, 0, 0),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                name + ("  today" if is_today else ""),
            )
            painter.setFont(small)
            painter.setPen(mix(text, window, 0.35))
            painter.drawText(
                cell.adjusted(0, line + 3, 0, 0),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                hours,
            )
        painter.setPen(QPen(mix(window, text, 0.2), 1))
        painter.drawLine(
            QPointF(0, self.height() - 0.5), QPointF(self.width(), self.height() - 0.5)
        )
        painter.end()
