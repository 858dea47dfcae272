"""The row above the calendar: each day's name and date, and the hours planned that day."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QWidget

from tradesman.domain.clock import format_hours, format_hours_short
from tradesman.domain.weeks import DAY_NAMES, SHORT_DAY_NAMES, format_day
from tradesman.ui.shared.palette import mix, readable_accent
from tradesman.ui.week.week_canvas import WeekCanvas
from tradesman.ui.week.week_geometry import GUTTER

if TYPE_CHECKING:
    from PySide6.QtGui import QHelpEvent

SIDE_ROOM = 2  # pixels kept clear at each side of a day's words, off its neighbours'


def _fitting(forms: Sequence[str], metrics: QFontMetricsF, room: float) -> str:
    """The first of `forms` (longest first) that fits `room`; else the last, cut short
    at its end, so what shows is at least the start of the words."""
    for form in forms:
        if metrics.horizontalAdvance(form) <= room:
            return form
    if not forms:
        return ""
    return metrics.elidedText(forms[-1], Qt.TextElideMode.ElideRight, room)


class DayHeader(QWidget):
    """Drawn with the canvas's own geometry, so each name sits over its column."""

    def __init__(self, canvas: WeekCanvas, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.canvas = canvas
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def sizeHint(self) -> QSize:
        return QSize(600, int(QFontMetricsF(self.font()).height() * 2.6))

    def minimumSizeHint(self) -> QSize:
        return QSize(GUTTER + 7 * 36, self.sizeHint().height())  # narrow days still show their date

    def planned_minutes(self) -> dict[date, int]:
        planned: dict[date, int] = {}
        for block in self.canvas.blocks:
            planned[block.day] = planned.get(block.day, 0) + block.length_minutes
        return planned

    def day_texts(self) -> list[tuple[str, str]]:
        """(name, hours) for each day in full: ('Tue 24', '7 h 30 min planned')."""
        return [(names[0], hours[0] if hours else "") for names, hours in self._day_forms()]

    def shown_texts(self) -> list[tuple[str, str]]:
        """(name, hours) for each day as drawn: the longest form that fits its column,
        ('Tue 24  today', '7 h 30 min planned') on a wide window down to ('24', '7h30')
        on a narrow one. Never a word cut off at both ends."""
        bold, small = self.fonts()
        room = self.canvas.geometry_.column_width - 2 * SIDE_ROOM
        bold_metrics, small_metrics = QFontMetricsF(bold), QFontMetricsF(small)
        return [
            (_fitting(names, bold_metrics, room), _fitting(hours, small_metrics, room))
            for names, hours in self._day_forms()
        ]

    def _day_forms(self) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
        """Each day's name and planned hours, longest form first."""
        planned = self.planned_minutes()
        forms: list[tuple[tuple[str, ...], tuple[str, ...]]] = []
        for day in self.canvas.week.days:
            name = f"{SHORT_DAY_NAMES[day.weekday()]} {day.day}"
            names: tuple[str, ...] = (name, str(day.day))
            if day == self.canvas.today:
                names = (f"{name}  today", *names)  # (the accent line under it marks it too)
            minutes = planned.get(day)
            hours: tuple[str, ...] = (
                ()
                if minutes is None
                else (
                    f"{format_hours(minutes)} planned",
                    format_hours(minutes),
                    format_hours_short(minutes),
                )
            )
            forms.append((names, hours))
        return forms

    def fonts(self) -> tuple[QFont, QFont]:
        bold = QFont(self.font())
        bold.setBold(True)
        small = QFont(self.font())
        small.setPointSizeF(self.font().pointSizeF() * 0.85)
        return bold, small

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            self._show_day_tip(cast("QHelpEvent", event))
            return True
        return super().event(event)

    def _show_day_tip(self, event: QHelpEvent) -> None:
        """The day under the pointer in full words, for when its column is too narrow
        for them."""
        from PySide6.QtWidgets import QToolTip  # (only once the owner hovers here)

        x = event.pos().x()
        geometry = self.canvas.geometry_
        if x < GUTTER:
            QToolTip.hideText()
            return
        day = geometry.day_at(x)
        minutes = self.planned_minutes().get(day)
        planned = "nothing planned" if minutes is None else f"{format_hours(minutes)} planned"
        text = f"{DAY_NAMES[day.weekday()]} {format_day(day)}: {planned}"
        QToolTip.showText(event.globalPos(), text, self)

    def paintEvent(self, event: QPaintEvent) -> None:
        canvas = self.canvas
        geometry = canvas.geometry_
        palette = self.palette()
        painter = QPainter(self)
        window = palette.color(QPalette.ColorRole.Window)
        text = palette.color(QPalette.ColorRole.WindowText)
        painter.fillRect(self.rect(), window)
        bold, small = self.fonts()
        line = QFontMetricsF(bold).height()
        for index, (day, (name, hours)) in enumerate(
            zip(canvas.week.days, self.shown_texts(), strict=True)
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
                name,
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
