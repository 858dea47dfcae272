"""Drawing the week: the grid, the blocks (planned, done, skipped look different), the now line.

Plain functions over a QPainter; the canvas decides what to draw, these decide how.
Colours come from the one area palette and from the window palette, so the calendar
reads on light and dark themes alike.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPalette, QPen

from tradesman.domain.blocks import BlockStatus, TimeBlock
from tradesman.domain.clock import format_clock
from tradesman.ui.palette import area_colour, text_on
from tradesman.ui.week_geometry import GUTTER, WeekGeometry


def mix(a: QColor, b: QColor, share_of_b: float) -> QColor:
    """`a` with `share_of_b` of `b` mixed in (0 to 1)."""
    keep = 1 - share_of_b
    return QColor.fromRgbF(
        a.redF() * keep + b.redF() * share_of_b,
        a.greenF() * keep + b.greenF() * share_of_b,
        a.blueF() * keep + b.blueF() * share_of_b,
    )


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightnessF() < 0.5


def draw_grid(
    painter: QPainter,
    geometry: WeekGeometry,
    palette: QPalette,
    today: date,
    work_days: frozenset[int],
    day_start: int,
    day_end: int,
    visible: QRectF,
) -> None:
    base = palette.color(QPalette.ColorRole.Base)
    text = palette.color(QPalette.ColorRole.Text)
    off_hours = mix(base, text, 0.05)
    painter.fillRect(visible, base)
    for index, day in enumerate(geometry.week.days):
        left = geometry.column_left(index)
        column = QRectF(left, 0, geometry.column_width, geometry.height)
        if day.weekday() not in work_days:
            painter.fillRect(column, off_hours)
        else:
            painter.fillRect(
                QRectF(left, 0, geometry.column_width, geometry.y_of(day_start)), off_hours
            )
            painter.fillRect(
                QRectF(left, geometry.y_of(day_end), geometry.column_width,
                       geometry.height - geometry.y_of(day_end)),
                off_hours,
            )  # fmt: skip
        if day == today:
            highlight = QColor(palette.color(QPalette.ColorRole.Highlight))
            highlight.setAlphaF(0.10)
            painter.fillRect(column, highlight)

    line = mix(base, text, 0.16)
    half_line = mix(base, text, 0.07)
    label_pen = QPen(mix(base, text, 0.6))
    metrics = QFontMetricsF(painter.font())
    first_hour = max(0, int(visible.top() // geometry.hour_height) - 1)
    last_hour = min(24, int(visible.bottom() // geometry.hour_height) + 1)
    for hour in range(first_hour, last_hour + 1):
        y = geometry.y_of(hour * 60)
        painter.setPen(QPen(line, 1))
        painter.drawLine(QPointF(GUTTER - 6, y + 0.5), QPointF(geometry.width, y + 0.5))
        if hour < 24:
            half = y + geometry.hour_height / 2
            painter.setPen(QPen(half_line, 1))
            painter.drawLine(QPointF(GUTTER, half + 0.5), QPointF(geometry.width, half + 0.5))
        if 0 < hour < 24:
            painter.setPen(label_pen)
            label = format_clock(hour * 60)
            width = metrics.horizontalAdvance(label)
            painter.drawText(QPointF(GUTTER - 10 - width, y + metrics.capHeight() / 2), label)
    painter.setPen(QPen(line, 1))
    for index in range(8):
        x = geometry.column_left(index) + 0.5
        painter.drawLine(QPointF(x, visible.top()), QPointF(x, visible.bottom()))


def draw_block(
    painter: QPainter,
    rect: QRectF,
    block: TimeBlock,
    palette: QPalette,
    selected: bool,
    repeating: bool,
    fonts: BlockFonts,
) -> None:
    """Planned: a light wash of the area colour with a solid edge; done: solid, with a
    tick; skipped: only a dashed outline, the title struck through."""
    colour = area_colour(block.area)
    base = palette.color(QPalette.ColorRole.Base)
    text_colour = palette.color(QPalette.ColorRole.Text)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    inner = rect.adjusted(0.5, 0.5, -0.5, -0.5)
    if block.status is BlockStatus.DONE:
        painter.setPen(QPen(colour.darker(130), 1))
        painter.setBrush(colour)
        painter.drawRoundedRect(inner, 4, 4)
        text_colour = text_on(colour)
    elif block.status is BlockStatus.SKIPPED:
        pen = QPen(colour, 1.5)
        pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(QBrush(mix(base, colour, 0.06)))
        painter.drawRoundedRect(inner, 4, 4)
        text_colour = mix(text_colour, base, 0.45)
    else:
        wash = mix(base, colour, 0.38 if is_dark(palette) else 0.24)
        painter.setPen(QPen(colour, 1))
        painter.setBrush(wash)
        painter.drawRoundedRect(inner, 4, 4)
        painter.fillRect(QRectF(inner.left(), inner.top() + 1, 4, inner.height() - 2), colour)
    if selected:
        highlight = palette.color(QPalette.ColorRole.Highlight)
        painter.setPen(QPen(highlight, 2.5))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 4, 4)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    _draw_block_text(painter, inner.adjusted(7, 2, -4, -2), block, text_colour, repeating, fonts)


class BlockFonts:
    """The fonts a block's text uses, made once per paint rather than once per block."""

    def __init__(self, base: QFont) -> None:
        self.regular = QFont(base)
        self.bold = QFont(base)
        self.bold.setBold(True)
        self.struck = QFont(self.bold)
        self.struck.setStrikeOut(True)
        self.bold_metrics = QFontMetricsF(self.bold)
        self.regular_metrics = QFontMetricsF(self.regular)


def _draw_block_text(
    painter: QPainter,
    area: QRectF,
    block: TimeBlock,
    colour: QColor,
    repeating: bool,
    fonts: BlockFonts,
) -> None:
    if area.height() < 8 or area.width() < 12:
        return
    painter.save()
    painter.setClipRect(area)
    bold = fonts.struck if block.status is BlockStatus.SKIPPED else fonts.bold
    metrics = fonts.bold_metrics
    line = metrics.height()
    marks = ("✓ " if block.status is BlockStatus.DONE else "") + ("↻ " if repeating else "")
    times = f"{format_clock(block.start)}–{format_clock(block.end)}"
    painter.setPen(colour)
    painter.setFont(bold)
    if area.height() < 2 * line:  # a short block: everything on one line
        title = metrics.elidedText(
            f"{marks}{block.title}", Qt.TextElideMode.ElideRight, area.width()
        )
        painter.drawText(QPointF(area.left(), area.top() + metrics.ascent()), title)
        painter.restore()
        return
    lines_for_title = max(1, int((area.height() - line) // line))
    words = f"{marks}{block.title}".split(" ")
    y = area.top() + metrics.ascent()
    for number in range(lines_for_title):
        if not words:
            break
        text = words.pop(0)
        while words and metrics.horizontalAdvance(f"{text} {words[0]}") <= area.width():
            text = f"{text} {words.pop(0)}"
        if number == lines_for_title - 1 and words:
            text = f"{text} {' '.join(words)}"
            words = []
        painter.drawText(
            QPointF(area.left(), y),
            metrics.elidedText(text, Qt.TextElideMode.ElideRight, area.width()),
        )
        y += line
    painter.setFont(fonts.regular)
    status = " · skipped" if block.status is BlockStatus.SKIPPED else ""
    painter.drawText(
        QPointF(area.left(), y),
        fonts.regular_metrics.elidedText(times + status, Qt.TextElideMode.ElideRight, area.width()),
    )
    painter.restore()


def draw_new_block(painter: QPainter, rect: QRectF, colour: QColor, label: str) -> None:
    """The box drawn while dragging out a new block."""
    fill = QColor(colour)
    fill.setAlphaF(0.35)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    pen = QPen(colour, 1.5)
    pen.setStyle(Qt.PenStyle.DashLine)
    painter.setPen(pen)
    painter.setBrush(fill)
    painter.drawRoundedRect(rect, 4, 4)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.setPen(text_on(colour) if colour.alphaF() > 0.5 else QColor("#111"))
    painter.drawText(
        rect.adjusted(7, 2, -4, -2), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, label
    )


def draw_now_line(painter: QPainter, geometry: WeekGeometry, index: int, minute: int) -> None:
    red = QColor("#d7263d")
    y = geometry.y_of(minute)
    left = geometry.column_left(index)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(QPen(red, 2))
    painter.drawLine(QPointF(left, y), QPointF(left + geometry.column_width, y))
    painter.setBrush(red)
    painter.drawEllipse(QPointF(left, y), 4, 4)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)


def draw_cursor(painter: QPainter, rect: QRectF, palette: QPalette) -> None:
    """Where a new block would go from the keyboard (Enter or Ctrl+N)."""
    pen = QPen(palette.color(QPalette.ColorRole.Highlight), 1.5)
    pen.setStyle(Qt.PenStyle.DotLine)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(rect)
