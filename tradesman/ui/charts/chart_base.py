"""What every chart shares: drawn with QPainter on a card, the same drawing on screen, in a
PNG and on the clipboard; hovering shows the exact figures under the mouse.

Why QPainter and not Qt Charts or Qt Graphs: see docs/ARCHITECTURE.md ("Charts").
A chart subclass implements `draw`, which paints into any rectangle and returns the
places the mouse can point at, each with the sentence to show for it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QMenu, QToolTip, QWidget

from tradesman.domain.areas import AREAS, Area
from tradesman.ui.shared.palette import area_colour, mix
from tradesman.ui.week.week_painter import is_dark

PADDING = 14.0  # inside the card, around everything drawn
EXPORT_SCALE = 2.0  # pictures are saved at twice the screen's size, sharp when printed


@dataclass(frozen=True)
class Hit:
    """A place on the chart the mouse can point at, and what it says about it."""

    shape: QRectF | QPainterPath
    text: str

    def contains(self, point: QPointF) -> bool:
        return self.shape.contains(point)

    @property
    def bounds(self) -> QRectF:
        shape = self.shape
        return shape if isinstance(shape, QRectF) else shape.boundingRect()


@dataclass(frozen=True)
class ChartColours:
    """The colours a chart draws with, taken from the window's palette (light or dark)."""

    card: QColor
    border: QColor
    text: QColor
    faint_text: QColor
    grid: QColor
    axis: QColor
    planned_line: QColor
    actual_line: QColor
    target_line: QColor
    hover: QColor
    dark: bool

    @classmethod
    def from_palette(cls, palette: QPalette) -> ChartColours:
        base = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        dark = is_dark(palette)
        return cls(
            card=base,
            border=mix(base, text, 0.16),
            text=text,
            faint_text=mix(base, text, 0.62),
            grid=mix(base, text, 0.10),
            axis=mix(base, text, 0.35),
            planned_line=mix(base, text, 0.50),
            actual_line=QColor("#4aa3df" if dark else "#1d6fa5"),
            target_line=QColor("#ff7b6b" if dark else "#c0392b"),
            hover=palette.color(QPalette.ColorRole.Highlight),
            dark=dark,
        )

    @property
    def long_term_line(self) -> QColor:
        """The settings' target beside a plan's: the target's colour, faint."""
        return mix(self.card, self.target_line, 0.45)

    def planned_fill(self, area: Area) -> QColor:
        """A planned bar: a wash of the area's colour, as planned blocks on the calendar."""
        return mix(self.card, area_colour(area), 0.45 if self.dark else 0.32)


class Chart(QWidget):
    """A chart on a card. Right-click offers Copy and Save as PNG for this chart alone."""

    save_requested = Signal(object)  # this chart; the page asks where and saves it
    copied = Signal(str)  # what to tell the owner after a copy

    title = ""  # what the chart is called, drawn at its top
    file_name = "chart"  # what a saved picture of it is called, before the week
    padding = PADDING

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMouseTracking(True)
        self._hits: list[Hit] = []
        self._hover: int | None = None
        self.paints = 0  # how many times it has been drawn (tests wait on it)

    # -- to be drawn by each chart --------------------------------------------------
    def draw(
        self, painter: QPainter, area: QRectF, colours: ChartColours, hover: int | None
    ) -> list[Hit]:
        raise NotImplementedError

    # -- painting ---------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            self._hits = self.paint_card(painter, QRectF(self.rect()), self._hover)
        finally:
            painter.end()  # (even when drawing failed: an open painter takes Qt down)
        self.paints += 1

    def paint_card(self, painter: QPainter, rect: QRectF, hover: int | None) -> list[Hit]:
        colours = ChartColours.from_palette(self.palette())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(colours.border, 1))
        painter.setBrush(colours.card)
        painter.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), 6, 6)
        painter.setFont(self.font())
        inner = rect.adjusted(self.padding, self.padding, -self.padding, -self.padding)
        top = draw_title(painter, inner, self.title, colours)
        return self.draw(painter, inner.adjusted(0, top, 0, 0), colours, hover)

    def image(self, scale: float = EXPORT_SCALE) -> QImage:
        """The chart as a picture, at `scale` times its size on screen, without hover marks."""
        size = self.size()
        if size.isEmpty():
            return QImage()  # (nothing to draw on; a painter on it would only complain)
        picture = QImage(
            round(size.width() * scale),
            round(size.height() * scale),
            QImage.Format.Format_ARGB32_Premultiplied,
        )
        picture.setDevicePixelRatio(scale)
        picture.fill(Qt.GlobalColor.transparent)
        painter = QPainter(picture)
        try:
            self.paint_card(painter, QRectF(0, 0, size.width(), size.height()), None)
        finally:
            painter.end()  # (an open painter on a picture being freed takes Qt down)
        return picture

    def copy_image(self) -> None:
        QGuiApplication.clipboard().setImage(self.image())
        self.copied.emit("The chart is copied: paste it into a message or a document.")

    def forget_hover(self) -> None:
        """After new data, another layout or a resize, what was pointed at is gone."""
        self._hover = None
        if QToolTip.isVisible():
            QToolTip.hideText()
        self.update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.forget_hover()

    # -- pointing -------------------------------------------------------------------
    def hit_at(self, point: QPointF) -> int | None:
        for index, hit in enumerate(self._hits):
            if hit.contains(point):
                return index
        return None

    @property
    def hits(self) -> tuple[Hit, ...]:
        """The places the mouse can point at, as last drawn."""
        return tuple(self._hits)

    def hover_text(self) -> str:
        """What the mouse points at now, in words ("" when nothing)."""
        return "" if self._hover is None else self._hits[self._hover].text

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        point = event.position()
        index = self.hit_at(point)
        if index != self._hover:
            self._hover = index
            self.update()
        if index is None:
            QToolTip.hideText()
        else:
            hit = self._hits[index]
            QToolTip.showText(
                event.globalPosition().toPoint(), hit.text, self, hit.bounds.toAlignedRect()
            )
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: object) -> None:
        if self._hover is not None:
            self._hover = None
            self.update()
        QToolTip.hideText()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        self.context_menu().popup(event.globalPos())  # (popup: no nested event loop)

    def context_menu(self) -> QMenu:
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addAction("&Copy this chart", self.copy_image)
        menu.addAction("&Save this chart as PNG…", lambda: self.save_requested.emit(self))
        return menu

    def sizeHint(self) -> QSize:
        return QSize(480, 320)


# -- drawing helpers shared by the charts -------------------------------------------------
def title_font(base: QFont) -> QFont:
    font = QFont(base)
    font.setBold(True)
    font.setPointSizeF(base.pointSizeF() * 1.15 if base.pointSizeF() > 0 else 11)
    return font


def draw_title(painter: QPainter, rect: QRectF, title: str, colours: ChartColours) -> float:
    """The chart's name at the top left; returns the height it took."""
    if not title:
        return 0.0
    base = painter.font()
    font = title_font(base)
    painter.setFont(font)
    painter.setPen(colours.text)
    metrics = QFontMetricsF(font)
    if metrics.horizontalAdvance(title) > rect.width():
        title = title.split(" · ")[0]  # the chart's name without the week, when narrow
    painter.drawText(
        QRectF(rect.left(), rect.top(), rect.width(), metrics.height()),
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
        metrics.elidedText(title, Qt.TextElideMode.ElideRight, rect.width()),
    )
    painter.setFont(base)
    return metrics.height() + 8


def draw_empty(painter: QPainter, rect: QRectF, message: str, colours: ChartColours) -> None:
    """A friendly sentence where the chart would be, when there is nothing to chart."""
    painter.setPen(colours.faint_text)
    painter.drawText(
        rect.adjusted(12, 0, -12, 0),
        Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
        message,
    )


# (label, colour, kind: "box", "wash", "line", "dash", "dot")
LegendItem = tuple[str, QColor, str]


def area_legend(colours: ChartColours) -> list[LegendItem]:
    return [(area.label, area_colour(area), "box") for area in AREAS]


def legend_height(painter: QPainter, items: Sequence[LegendItem], width: float) -> float:
    return _legend_rows(painter, items, width)[1]


def draw_legend(
    painter: QPainter,
    items: Sequence[LegendItem],
    left: float,
    top: float,
    width: float,
    colours: ChartColours,
) -> float:
    """A row (or rows, when narrow) of swatches with their names; returns its height."""
    rows, height = _legend_rows(painter, items, width)
    metrics = QFontMetricsF(painter.font())
    line = metrics.height() + 4
    for row_index, row in enumerate(rows):
        x = left
        y = top + row_index * line
        for label, colour, kind, item_width in row:
            swatch = QRectF(x, y + (line - 12) / 2, 12, 12)
            _draw_swatch(painter, swatch, colour, kind, colours)
            painter.setPen(colours.text)
            painter.drawText(
                QRectF(x + 17, y, item_width - 17, line),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                label,
            )
            x += item_width
    return height


def _legend_rows(
    painter: QPainter, items: Sequence[LegendItem], width: float
) -> tuple[list[list[tuple[str, QColor, str, float]]], float]:
    metrics = QFontMetricsF(painter.font())
    rows: list[list[tuple[str, QColor, str, float]]] = [[]]
    used = 0.0
    for label, colour, kind in items:
        item_width = 17 + metrics.horizontalAdvance(label) + 18
        if rows[-1] and used + item_width > width:
            rows.append([])
            used = 0.0
        rows[-1].append((label, colour, kind, item_width))
        used += item_width
    return rows, len(rows) * (metrics.height() + 4)


def _draw_swatch(
    painter: QPainter, rect: QRectF, colour: QColor, kind: str, colours: ChartColours
) -> None:
    if kind in ("line", "dash", "dot"):
        pen = QPen(colour, 2.5)
        if kind == "dash":
            pen.setStyle(Qt.PenStyle.DashLine)
        elif kind == "dot":
            pen.setStyle(Qt.PenStyle.DotLine)
        painter.setPen(pen)
        middle = rect.center().y()
        painter.drawLine(QPointF(rect.left() - 2, middle), QPointF(rect.right() + 2, middle))
        return
    painter.setPen(QPen(colour, 1))
    painter.setBrush(mix(colours.card, colour, 0.32) if kind == "wash" else colour)
    painter.drawRect(rect.adjusted(0.5, 0.5, -0.5, -0.5))


def axis_label(
    painter: QPainter, text: str, point: QPointF, align: Qt.AlignmentFlag, colours: ChartColours
) -> None:
    """Small grey text beside an axis, aligned to `point` (right, centre or left of it)."""
    metrics = QFontMetricsF(painter.font())
    width = metrics.horizontalAdvance(text) + 2
    height = metrics.height()
    if align & Qt.AlignmentFlag.AlignRight:
        rect = QRectF(point.x() - width, point.y() - height / 2, width, height)
    elif align & Qt.AlignmentFlag.AlignHCenter:
        rect = QRectF(point.x() - width / 2, point.y(), width, height)
    else:
        rect = QRectF(point.x(), point.y() - height / 2, width, height)
    painter.setPen(colours.faint_text)
    painter.drawText(rect, align | Qt.AlignmentFlag.AlignVCenter, text)


def draw_vertical_title(painter: QPainter, text: str, rect: QRectF, colours: ChartColours) -> None:
    """An axis title written upwards along the left edge of `rect`; left out when the
    axis is too short to hold it whole (a cut title reads worse than none)."""
    if QFontMetricsF(painter.font()).horizontalAdvance(text) > rect.height():
        return
    painter.save()
    painter.setPen(colours.faint_text)
    painter.translate(rect.left(), rect.bottom())
    painter.rotate(-90)
    painter.drawText(
        QRectF(0, 0, rect.height(), QFontMetricsF(painter.font()).height()),
        Qt.AlignmentFlag.AlignCenter,
        text,
    )
    painter.restore()
