"""The row above the calendar: each day's name and date, and the hours planned that day."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, QSize, Qt
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


def _fitting(days: Sequence[Sequence[str]], metrics: QFontMetricsF, room: float) -> list[str]:
    """For each day, the form (longest first) of the first kind that fits `room` on
    every day; if none does, each day's shortest form, cut at its end where it must
    be (so what shows is at least the start of the words)."""
    for kind in range(len(days[0])):
        chosen = [forms[kind] for forms in days]
        if all(metrics.horizontalAdvance(words) <= room for words in chosen):
            return chosen
    return [metrics.elidedText(forms[-1], Qt.TextElideMode.ElideRight, room) for forms in days]


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
        """The minutes of blocks on each day of the week shown that has any."""
        planned: dict[date, int] = {}
        for block in self.canvas.blocks:
            planned[block.day] = planned.get(block.day, 0) + block.length_minutes
        return planned

    def shown_texts(self) -> list[tuple[str, str]]:
        """(name, hours) for each day as drawn, from ('Tue 24  today', '7 h 30 min
        planned') on a wide window down to ('24', '7h30') on a narrow one. Each line
        takes the longest form that fits every day's column, so the row reads alike
        from day to day; only where even the shortest does not fit is a day's words
        cut, at their end. Never words cut off at both ends."""
        bold, small = self.fonts()
        room = self.canvas.geometry_.column_width - 2 * SIDE_ROOM
        names, hours = zip(*self._day_forms(), strict=True)
        return list(
            zip(
                _fitting(names, QFontMetricsF(bold), room),
                _fitting(hours, QFontMetricsF(small), room),
                strict=True,
            )
        )

    def _day_forms(self) -> list[tuple[tuple[str, str, str], tuple[str, str, str]]]:
        """Each day's name and planned hours in three forms, longest first."""
        planned = self.planned_minutes()
        forms = []
        for day in self.canvas.week.days:
            name = f"{SHORT_DAY_NAMES[day.weekday()]} {day.day}"
            # ("today" goes first when room is short: the accent line marks it too.)
            today = f"{name}  today" if day == self.canvas.today else name
            minutes = planned.get(day)
            hours = (
                ("", "", "")
                if minutes is None
                else (
                    f"{format_hours(minutes)} planned",
                    format_hours(minutes),
                    format_hours_short(minutes),
                )
            )
            forms.append(((today, name, str(day.day)), hours))
        return forms

    def fonts(self) -> tuple[QFont, QFont]:
        """The day's name in bold; the hours planned a little smaller."""
        bold = QFont(self.font())
        bold.setBold(True)
        small = QFont(self.font())
        if small.pointSizeF() > 0:
            small.setPointSizeF(small.pointSizeF() * 0.85)
        else:  # (a font sized in pixels has no point size)
            small.setPixelSize(max(1, round(small.pixelSize() * 0.85)))
        return bold, small

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            self._show_day_tip(cast("QHelpEvent", event))
            return True
        return super().event(event)

    def _show_day_tip(self, event: QHelpEvent) -> None:
        """The day under the pointer in full words, for when its column is too narrow
        for them. Shown for as long as the pointer stays over that day."""
        from PySide6.QtWidgets import QToolTip  # (only once the owner hovers here)

        x = event.pos().x()
        geometry = self.canvas.geometry_
        # (Left of the first day is the hours' gutter; right of the last, the room
        # kept over the calendar's scroll bar.)
        if not geometry.column_left(0) <= x < geometry.column_left(7):
            QToolTip.hideText()
            return
        index = geometry.day_index_at(x)
        day = self.canvas.week.days[index]
        minutes = self.planned_minutes().get(day)
        planned = "nothing planned" if minutes is None else f"{format_hours(minutes)} planned"
        today = " (today)" if day == self.canvas.today else ""
        text = f"{DAY_NAMES[day.weekday()]} {format_day(day)}{today}: {planned}"
        column = QRect(
            round(geometry.column_left(index)), 0, round(geometry.column_width), self.height()
        )
        QToolTip.showText(event.globalPos(), text, self, column)

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
