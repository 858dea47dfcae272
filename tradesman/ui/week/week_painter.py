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
from tradesman.ui.shared.palette import area_colour, mix, text_on
from tradesman.ui.week.week_geometry import GUTTER, WeekGeometry


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
    raised: bool = False,
    words_right: float | None = None,
) -> None:
    """Planned: a light wash of the area colour with a solid edge; done: solid, with a
    tick; skipped: only a dashed outline, the title struck through. A block `raised`
    over another gets a thin rim of the background, so its edge shows on the one under;
    the words stop at `words_right` (short of a block laid over this one's top)."""
    colour = area_colour(block.area)
    base = palette.color(QPalette.ColorRole.Base)
    text_colour = palette.color(QPalette.ColorRole.Text)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    inner = rect.adjusted(0.5, 0.5, -0.5, -0.5)
    if raised:
        painter.setPen(QPen(base, 2))
        painter.setBrush(base)
        painter.drawRoundedRect(inner.adjusted(-1, -1, 1, 1), 5, 5)
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
    if words_right is not None and words_right < inner.right():
        inner.setRight(max(inner.left(), words_right - 2))
    _draw_block_text(painter, inner, block, text_colour, repeating, fonts)


class LineFonts:
    """A bold and a regular font of one size, with their metrics."""

    def __init__(self, base: QFont, pixel_size: int | None = None) -> None:
        self.regular = QFont(base)
        if pixel_size is not None:
            self.regular.setPixelSize(pixel_size)
        self.bold = QFont(self.regular)
        self.bold.setBold(True)
        self.struck = QFont(self.bold)
        self.struck.setStrikeOut(True)
        self.bold_metrics = QFontMetricsF(self.bold)
        self.regular_metrics = QFontMetricsF(self.regular)


SMALLEST_PIXELS = 7  # a one-line title smaller than this does not read
TITLE_ROOM = 110  # pixels of a shortened title worth keeping beside the start time


class BlockFonts(LineFonts):
    """The fonts a block's text uses, made once per paint rather than once per block;
    smaller ones for the one line of a short block are made when first needed."""

    def __init__(self, base: QFont) -> None:
        super().__init__(base)
        self._base = base
        self._smaller: dict[int, LineFonts | None] = {}

    def for_one_line(self, height: float) -> LineFonts | None:
        """The largest fonts whose line fits in `height` pixels, or None."""
        if self.bold_metrics.height() <= height + 1:
            return self
        room = int(height)
        if room not in self._smaller:
            fitting = None
            for pixels in range(max(SMALLEST_PIXELS, room), SMALLEST_PIXELS - 1, -1):
                fonts = LineFonts(self._base, pixels)
                if fonts.bold_metrics.height() <= height + 1.5:
                    fitting = fonts
                    break
            self._smaller[room] = fitting
        return self._smaller[room]


def _draw_block_text(
    painter: QPainter,
    inner: QRectF,
    block: TimeBlock,
    colour: QColor,
    repeating: bool,
    fonts: BlockFonts,
) -> None:
    area = inner.adjusted(7, 2, -4, -2)
    if area.width() < 12:
        return
    marks = ("✓ " if block.status is BlockStatus.DONE else "") + ("↻ " if repeating else "")
    line = fonts.bold_metrics.height()
    if area.height() < 2 * line:  # a short block: title and time on one line
        _draw_one_line(painter, inner.adjusted(7, 0, -3, 0), block, marks, colour, fonts)
        return
    painter.save()
    painter.setClipRect(area)
    bold = fonts.struck if block.status is BlockStatus.SKIPPED else fonts.bold
    metrics = fonts.bold_metrics
    times = f"{format_clock(block.start)}–{format_clock(block.end)}"
    painter.setPen(colour)
    painter.setFont(bold)
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


def one_line_text(block: TimeBlock, marks: str, width: float, fonts: LineFonts) -> tuple[str, str]:
    """What a short block shows on its one line: its title (bold) and, when the title
    still has room, its start time after it: ("Call back Mrs Patel", "  09:00").

    The title comes first: the time is also said by where the block sits, and the
    tooltip has both in full."""
    title = f"{marks}{block.title}"
    time = f"  {format_clock(block.start)}"
    time_width = fonts.regular_metrics.horizontalAdvance(time)
    if fonts.bold_metrics.horizontalAdvance(title) + time_width <= width:
        return title, time
    if width - time_width >= TITLE_ROOM:  # a good part of the title, and the time
        elided = fonts.bold_metrics.elidedText(
            title, Qt.TextElideMode.ElideRight, width - time_width
        )
        return elided, time
    return fonts.bold_metrics.elidedText(title, Qt.TextElideMode.ElideRight, width), ""


def _draw_one_line(
    painter: QPainter, area: QRectF, block: TimeBlock, marks: str, colour: QColor,
    fonts: BlockFonts,
) -> None:  # fmt: skip
    line_fonts = fonts.for_one_line(area.height())
    if line_fonts is None or area.width() < 12:
        return
    title, time = one_line_text(block, marks, area.width(), line_fonts)
    metrics = line_fonts.bold_metrics
    baseline = area.top() + (area.height() - metrics.height()) / 2 + metrics.ascent()
    painter.save()
    painter.setClipRect(area)
    painter.setPen(colour)
    skipped = block.status is BlockStatus.SKIPPED
    painter.setFont(line_fonts.struck if skipped else line_fonts.bold)
    painter.drawText(QPointF(area.left(), baseline), title)
    if time:
        painter.setFont(line_fonts.regular)
        painter.drawText(QPointF(area.left() + metrics.horizontalAdvance(title), baseline), time)
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


def marker_height(font: QFont) -> float:
    return QFontMetricsF(font).height() + 4


def draw_marker(
    painter: QPainter, rect: QRectF, words: str, above: bool, palette: QPalette
) -> None:
    """A tab at the top (or bottom) of a day saying it has blocks scrolled out of view:
    '▲ 05:15 Early post', '▼ 2 later'."""
    highlight = palette.color(QPalette.ColorRole.Highlight)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(QPen(highlight, 1))
    painter.setBrush(mix(palette.color(QPalette.ColorRole.Base), highlight, 0.18))
    painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.setPen(palette.color(QPalette.ColorRole.Text))
    text = f"{'▲' if above else '▼'} {words}"
    metrics = QFontMetricsF(painter.font())
    painter.drawText(
        rect.adjusted(6, 0, -6, 0),
        Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
        metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width() - 12),
    )


def draw_cursor(painter: QPainter, rect: QRectF, palette: QPalette) -> None:
    """Where a new block would go from the keyboard (Enter or Ctrl+N)."""
    pen = QPen(palette.color(QPalette.ColorRole.Highlight), 1.5)
    pen.setStyle(Qt.PenStyle.DotLine)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(rect)
