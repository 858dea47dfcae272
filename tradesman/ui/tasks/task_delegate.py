"""Drawing task cards: title, when it is due (overdue and this week stand out), the
estimate against the hours booked and done on the calendar."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPalette, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from tradesman.domain.clock import format_hours
from tradesman.domain.tasks import TaskCard, TaskStatus, due_state
from tradesman.domain.weeks import SHORT_DAY_NAMES, format_day
from tradesman.ui.shared.palette import area_colour, mix, readable_on
from tradesman.ui.tasks.task_model import CardRole, HeaderRole, Row

OVERDUE = QColor("#c0392b")
THIS_WEEK = QColor("#b9770e")
CARD_HEIGHT = 64
HEADER_HEIGHT = 26

Index = QModelIndex | QPersistentModelIndex


def due_text(card: TaskCard, today: date) -> str:
    due = card.task.due
    if due is None:
        return "No due date"
    days = (due - today).days
    if card.task.status is TaskStatus.DONE:
        return f"Due {format_day(due, with_year=due.year != today.year)}"
    if days < 0:
        return f"Overdue · was due {format_day(due, with_year=due.year != today.year)}"
    if days == 0:
        return "Due today"
    if days == 1:
        return "Due tomorrow"
    weekday = SHORT_DAY_NAMES[due.weekday()]
    return f"Due {weekday} {format_day(due, with_year=due.year != today.year)}"


def hours_text(card: TaskCard) -> str:
    """'Estimate 2 h · 1 h 30 min booked · 30 min done'."""
    parts = []
    if card.task.estimate_minutes is not None:
        parts.append(f"Estimate {format_hours(card.task.estimate_minutes)}")
    if card.booked_minutes:
        parts.append(f"{format_hours(card.booked_minutes)} booked")
    elif card.task.is_open:
        parts.append("not on the calendar")
    if card.done_minutes:
        parts.append(f"{format_hours(card.done_minutes)} done")
    return " · ".join(parts)


class CardDelegate(QStyledItemDelegate):
    def __init__(self, today: date, week_end: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today
        self.week_end = week_end

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        height = HEADER_HEIGHT if index.data(HeaderRole) is not None else CARD_HEIGHT
        return QSize(option.rect.width(), height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        palette = option.palette
        rect = QRectF(option.rect)
        header: Row | None = index.data(HeaderRole)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        if header is not None:
            self._paint_header(painter, rect, header, palette)
        else:
            card: TaskCard = index.data(CardRole)
            selected = bool(option.state & QStyle.StateFlag.State_Selected)
            focused = bool(option.state & QStyle.StateFlag.State_HasFocus)
            self._paint_card(painter, rect.adjusted(4, 3, -4, -3), card, palette, selected)
            if focused:
                self._paint_focus(painter, rect.adjusted(1, 1, -1, -1), palette)
        painter.restore()

    def _paint_header(self, painter: QPainter, rect: QRectF, row: Row, palette: QPalette) -> None:
        font = QFont(painter.font())
        font.setBold(True)
        painter.setFont(font)
        text = palette.color(QPalette.ColorRole.WindowText)
        painter.setPen(mix(text, palette.color(QPalette.ColorRole.Window), 0.35))
        label = {TaskStatus.DOING: "Doing", TaskStatus.OPEN: "To do", TaskStatus.DONE: "Done"}
        painter.drawText(
            rect.adjusted(8, 0, -8, 0),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
            f"{label[row.status]} · {row.count}",
        )

    def _paint_focus(self, painter: QPainter, rect: QRectF, palette: QPalette) -> None:
        """The card the keys act on: a ring around it, plain to see at a glance (the
        selection alone is a thin line, and stays when the list loses focus)."""
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 3))
        painter.drawRoundedRect(rect, 7, 7)

    def _paint_card(
        self, painter: QPainter, rect: QRectF, card: TaskCard, palette: QPalette, selected: bool
    ) -> None:
        base = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        colour = area_colour(card.task.area)
        border = palette.color(QPalette.ColorRole.Highlight) if selected else mix(base, text, 0.2)
        painter.setPen(QPen(border, 2 if selected else 1))
        painter.setBrush(base)
        painter.drawRoundedRect(rect, 5, 5)
        painter.fillRect(QRectF(rect.left() + 1, rect.top() + 4, 4, rect.height() - 8), colour)
        inner = rect.adjusted(12, 5, -8, -5)
        bold = QFont(painter.font())
        bold.setBold(True)
        done = card.task.status is TaskStatus.DONE
        bold.setStrikeOut(done)
        metrics = QFontMetricsF(bold)
        painter.setFont(bold)
        painter.setPen(mix(text, base, 0.45) if done else text)
        title = metrics.elidedText(card.task.title, Qt.TextElideMode.ElideRight, inner.width())
        painter.drawText(QPointF(inner.left(), inner.top() + metrics.ascent()), title)
        small = QFont(painter.font())
        small.setBold(False)
        small.setStrikeOut(False)
        small.setPointSizeF(max(7.0, small.pointSizeF() * 0.9))
        small_metrics = QFontMetricsF(small)
        painter.setFont(small)
        state = due_state(card.task, self.today, self.week_end)
        due_colour = {"overdue": OVERDUE, "this week": THIS_WEEK}.get(state, mix(text, base, 0.35))
        if state:  # (the red and amber of a light theme, lightened until they read on a dark one)
            due_colour = readable_on(due_colour, (base,), text)
        line = inner.top() + metrics.height() + small_metrics.ascent() + 1
        painter.setPen(due_colour)
        if state:
            font = QFont(small)
            font.setBold(True)
            painter.setFont(font)
        painter.drawText(
            QPointF(inner.left(), line),
            small_metrics.elidedText(
                due_text(card, self.today), Qt.TextElideMode.ElideRight, inner.width()
            ),
        )
        painter.setFont(small)
        painter.setPen(mix(text, base, 0.35))
        painter.drawText(
            QPointF(inner.left(), line + small_metrics.height()),
            small_metrics.elidedText(hours_text(card), Qt.TextElideMode.ElideRight, inner.width()),
        )
