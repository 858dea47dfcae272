"""The split: technician against business hours for the week, planned and actual, as two
rings with the target share marked.

Each ring starts at twelve o'clock with the business areas (marketing, sales, admin)
and goes round clockwise; production fills the rest. The target is a tick across the
ring: when the business part reaches past it, the week met the target.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QWidget

from tradesman.domain.areas import AREAS, Area
from tradesman.domain.clock import format_hours
from tradesman.domain.numbers import area_percents, percent, written
from tradesman.domain.split import Split, WeekSplit
from tradesman.ui.charts.chart_base import (
    Chart,
    ChartColours,
    Hit,
    LegendItem,
    area_legend,
    draw_empty,
    draw_legend,
    legend_height,
)
from tradesman.ui.shared.palette import area_colour
from tradesman.ui.week.split_panel import target_gap_text

# Business areas first, so the business share is one unbroken arc from twelve o'clock.
RING_ORDER: tuple[Area, ...] = (*(a for a in AREAS if a.is_business), Area.PRODUCTION)


class SplitChart(Chart):
    file_name = "split"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.split: WeekSplit | None = None
        self.target = 0.4
        self.plan_target = False  # True: `target` is the plan's for this week
        self.title = "Technician and business hours"
        self.setMinimumSize(240, 220)

    def show_split(
        self, split: WeekSplit, target: float, heading: str, plan_target: bool = False
    ) -> None:
        self.split = split
        self.target = target
        self.plan_target = plan_target
        self.title = f"Technician and business hours · {heading}"
        self.forget_hover()

    def legend(self, colours: ChartColours) -> list[LegendItem]:
        # (A plan's early weeks aim under the settings' target: named as the plan's, so a
        # lower figure does not read as a lowered target.)
        name = "Plan's target" if self.plan_target else "Target"
        return [
            *area_legend(colours),
            (f"{name} {percent(self.target)}", colours.target_line, "line"),
        ]

    def draw(
        self, painter: QPainter, area: QRectF, colours: ChartColours, hover: int | None
    ) -> list[Hit]:
        legend = self.legend(colours)
        legend_top = area.bottom() - legend_height(painter, legend, area.width())
        draw_legend(painter, legend, area.left(), legend_top, area.width(), colours)
        room = QRectF(area.left(), area.top(), area.width(), legend_top - 8 - area.top())
        if self.split is None:
            draw_empty(painter, room, "Opening your week…", colours)
            return []
        hits: list[Hit] = []
        half = room.width() / 2
        for index, (name, split) in enumerate(
            (("Planned", self.split.planned), ("Actual", self.split.actual))
        ):
            column = QRectF(room.left() + index * half, room.top(), half, room.height())
            hits += self._draw_ring(painter, column.adjusted(6, 0, -6, 0), name, split, colours)
        if hover is not None and hover < len(hits):
            painter.setPen(QPen(colours.hover, 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            shape = hits[hover].shape
            if isinstance(shape, QPainterPath):
                painter.drawPath(shape)
        return hits

    def _draw_ring(
        self, painter: QPainter, column: QRectF, name: str, split: Split, colours: ChartColours
    ) -> list[Hit]:
        """One ring in `column`: its caption, the pieces, the share in the middle, and the
        hours and the distance to the target under it."""
        line = QFontMetricsF(painter.font()).height()
        caption = name
        long_caption = "Actual (blocks marked done)"
        if name == "Actual" and _fits(painter, long_caption, column.width(), bold=True):
            caption = long_caption
        _draw_centred(painter, QRectF(column.left(), column.top(), column.width(), line),
                      caption, colours.text, bold=True)  # fmt: skip
        under = 4 * line + 6  # two lines of hours and up to two about the target
        diameter = max(40.0, min(column.width() - 4 * line, column.height() - line - 16 - under))
        outer = diameter / 2
        inner = outer * 0.62
        centre = QPointF(column.center().x(), column.top() + line + 10 + outer)
        hits = self._draw_pieces(painter, centre, outer, inner, name, split, colours)
        self._draw_target(painter, centre, outer, inner, colours)
        self._draw_middle(painter, centre, inner, diameter, split, colours)
        middle = QPainterPath()
        middle.addEllipse(centre, inner, inner)
        hits.append(Hit(middle, ring_summary(name, split, self.target, self.plan_target)))
        top = centre.y() + outer + 8
        if split.total_minutes == 0:
            texts = [("No hours yet", colours.faint_text)]
        else:
            gap = target_gap_text(split, self.target).split(": ", 1)[-1]  # (share: in the middle)
            gap = gap[:1].upper() + gap[1:]
            texts = [
                (f"Business {format_hours(split.business_minutes)}", colours.text),
                (f"Technician {format_hours(split.technician_minutes)}", colours.text),
                (gap, colours.faint_text),
            ]
        for index, (text, colour) in enumerate(texts):
            row = QRectF(column.left(), top + index * line, column.width(), line)
            if index == 2:  # the sentence about the target may take two lines
                painter.setPen(colour)
                flags = Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap
                painter.drawText(row.adjusted(0, 0, 0, line), flags, text)
            else:
                _draw_centred(painter, row, text, colour)
        return hits

    def _draw_pieces(
        self,
        painter: QPainter,
        centre: QPointF,
        outer: float,
        inner: float,
        name: str,
        split: Split,
        colours: ChartColours,
    ) -> list[Hit]:
        total = split.total_minutes
        if total == 0:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colours.grid)
            painter.drawPath(ring_segment(centre, outer, inner, 90, -360))
            return []
        hits: list[Hit] = []
        shares = area_percents(split)  # the pieces of one ring add up to 100
        angle = 90.0  # twelve o'clock, going clockwise
        for area in RING_ORDER:
            minutes = split.minutes(area)
            if minutes == 0:
                continue
            sweep = -360.0 * minutes / total
            path = ring_segment(centre, outer, inner, angle, sweep)
            painter.setPen(QPen(colours.card, 1.5))  # a thin gap between the pieces
            painter.setBrush(area_colour(area))
            painter.drawPath(path)
            hits.append(
                Hit(
                    path,
                    f"{name} · {area.label}: {format_hours(minutes)} "
                    f"({written(shares[area])} of {format_hours(total)})",
                )
            )
            angle += sweep
        return hits

    def _draw_middle(
        self,
        painter: QPainter,
        centre: QPointF,
        inner: float,
        diameter: float,
        split: Split,
        colours: ChartColours,
    ) -> None:
        """The business share, large, in the middle of the ring."""
        base = painter.font()
        line = QFontMetricsF(base).height()
        share = split.business_share
        big = QFont(base)
        big.setBold(True)
        size = max(base.pointSizeF(), 8) * 1.9
        big.setPointSizeF(size)
        while size > 7 and QFontMetricsF(big).horizontalAdvance("100%") > 1.6 * inner:
            size -= 1  # as large as fits inside the ring
            big.setPointSizeF(size)
        big_height = QFontMetricsF(big).height()
        words = "business" if share is not None else "no hours"
        if not _fits(painter, words, 1.7 * inner):
            words, line = "", 0.0
        top = centre.y() - (big_height + line) / 2
        painter.setFont(big)
        painter.setPen(colours.text)
        painter.drawText(
            QRectF(centre.x() - inner, top, 2 * inner, big_height),
            Qt.AlignmentFlag.AlignCenter,
            percent(share),
        )
        painter.setFont(base)
        painter.setPen(colours.faint_text)
        painter.drawText(
            QRectF(centre.x() - inner, top + big_height, 2 * inner, line),
            Qt.AlignmentFlag.AlignCenter,
            words,
        )

    def _draw_target(
        self, painter: QPainter, centre: QPointF, outer: float, inner: float, colours: ChartColours
    ) -> None:
        """A tick across the ring where the target share ends. (Its label is the legend's
        "Target": beside the ring it would sit on the words above or below it.)"""
        radians = math.radians(90 - 360 * self.target)
        direction = QPointF(math.cos(radians), -math.sin(radians))
        pen = QPen(colours.target_line, 3, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.drawLine(centre + direction * (inner - 5), centre + direction * (outer + 5))


def _fits(painter: QPainter, text: str, width: float, bold: bool = False) -> bool:
    font = QFont(painter.font())
    font.setBold(bold)
    return QFontMetricsF(font).horizontalAdvance(text) <= width


def _draw_centred(
    painter: QPainter, row: QRectF, text: str, colour: QColor, bold: bool = False
) -> None:
    """One line of text centred in `row`, shortened with … when it does not fit."""
    base = painter.font()
    font = QFont(base)
    font.setBold(bold)
    painter.setFont(font)
    painter.setPen(colour)
    painter.drawText(
        row,
        Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter,
        QFontMetricsF(font).elidedText(text, Qt.TextElideMode.ElideRight, row.width()),
    )
    painter.setFont(base)


def ring_segment(
    centre: QPointF, outer: float, inner: float, start: float, sweep: float
) -> QPainterPath:
    """A piece of a ring from `start` degrees (counter-clockwise from three o'clock)
    through `sweep` degrees (negative: clockwise)."""
    outer_box = QRectF(centre.x() - outer, centre.y() - outer, 2 * outer, 2 * outer)
    inner_box = QRectF(centre.x() - inner, centre.y() - inner, 2 * inner, 2 * inner)
    path = QPainterPath()
    path.arcMoveTo(outer_box, start)
    path.arcTo(outer_box, start, sweep)
    path.arcTo(inner_box, start + sweep, -sweep)
    path.closeSubpath()
    return path


def ring_summary(name: str, split: Split, target: float, plan_target: bool = False) -> str:
    """What pointing at the middle of a ring says."""
    if split.total_minutes == 0:
        return f"{name}: no hours this week"
    share = split.business_share or 0.0
    aim = "Plan's target this week" if plan_target else "Target"
    return (
        f"{name}: {format_hours(split.business_minutes)} business of "
        f"{format_hours(split.total_minutes)} ({percent(share)})\n"
        f"Technician: {format_hours(split.technician_minutes)}\n"
        f"{aim}: {percent(target)} business"
    )
