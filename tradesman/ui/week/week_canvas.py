"""The week calendar's drawing surface: blocks you can draw, drag, stretch and key around.

The canvas never changes data. It shows a week and says what the user means through
signals (a block moved, a block drawn, delete this one); the planner (ui/week/planner.py)
turns those into undoable edits, and the new data comes back through `show_week`.
While a drag is under way only the preview moves; nothing is saved until the mouse
is let go.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QFocusEvent,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
)
from PySide6.QtWidgets import QApplication, QLineEdit, QSizePolicy, QToolTip, QWidget

from tradesman.domain.areas import Area
from tradesman.domain.blocks import TimeBlock
from tradesman.domain.clock import MINUTES_PER_DAY, SNAP_MINUTES, format_clock
from tradesman.domain.layout import Placement, place_blocks
from tradesman.domain.planning import moved, resized
from tradesman.domain.settings import Settings
from tradesman.domain.weeks import Week
from tradesman.ui.shared.palette import area_colour
from tradesman.ui.tasks.task_model import task_id_in
from tradesman.ui.week import week_painter
from tradesman.ui.week.block_drag import EDGE, Drag, DragKind, slot_start
from tradesman.ui.week.block_tooltip import tooltip_text
from tradesman.ui.week.hidden_blocks import HiddenBlocks, find_hidden_blocks
from tradesman.ui.week.title_editor import TitleEditor
from tradesman.ui.week.week_geometry import WeekGeometry


class WeekCanvas(QWidget):
    block_changed = Signal(object, object)  # old TimeBlock, new TimeBlock (moved, resized)
    block_drawn = Signal(object)  # a new TimeBlock, titled, not yet saved
    edit_requested = Signal(object)  # TimeBlock
    new_block_requested = Signal(object, int)  # day, start minute
    delete_requested = Signal(object)  # TimeBlock
    context_requested = Signal(object, QPoint)  # TimeBlock, global position
    selection_changed = Signal(object)  # TimeBlock or None
    task_dropped = Signal(int, object, int)  # task id, day, start minute
    reveal_requested = Signal(int)  # a minute to scroll to (a marker of hidden blocks clicked)

    def __init__(self, week: Week, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setAcceptDrops(True)  # tasks dragged in from the task lists
        self.week = week
        self.blocks: list[TimeBlock] = []
        self.placements: list[Placement] = []
        self.repeating: set[int] = set()
        self.settings = Settings()
        self.today = date.today()
        self.now_minute: int | None = None
        self.paint_area = Area.PRODUCTION
        self.hour_height = 44.0
        self.selected_id: int | None = None
        self.cursor_day = week.start
        self.cursor_minute = self.settings.day_start
        self._drag: Drag | None = None
        self._title = TitleEditor(self, self.block_drawn.emit)
        self._drop_slot: tuple[date, int] | None = None  # where a dragged task would go
        self.setMinimumHeight(int(24 * self.hour_height))

    # -- what is shown ------------------------------------------------------------
    @property
    def geometry_(self) -> WeekGeometry:
        return WeekGeometry(self.week, self.width(), self.hour_height)

    def sizeHint(self) -> QSize:
        return QSize(900, int(24 * self.hour_height))

    def show_week(
        self, week: Week, blocks: list[TimeBlock], settings: Settings, today: date
    ) -> None:
        if week != self.week:
            self.cursor_day = week.days[0] if not week.contains(today) else today
            self._title.close()  # a block being named belongs to the week left behind
        self.week = week
        self.blocks = list(blocks)
        self.placements = place_blocks(self.blocks)
        self.repeating = {b.id for b in self.blocks if b.series_id is not None and b.id}
        self.settings = settings
        self.today = today
        if self.selected_id is not None and self.selected() is None:
            self.select(None)
        self.update()

    @property
    def title_editor(self) -> QLineEdit | None:
        """The line edit naming a block just drawn, while it is open."""
        return self._title.line_edit

    def selected(self) -> TimeBlock | None:
        return next((b for b in self.blocks if b.id == self.selected_id), None)

    def select(self, block: TimeBlock | None) -> None:
        new_id = None if block is None else block.id
        if new_id == self.selected_id:
            return
        self.selected_id = new_id
        if block is not None:
            self.cursor_day, self.cursor_minute = block.day, block.start
        self.selection_changed.emit(block)
        self.update()

    def block_rect(self, block_id: int) -> QRectF:
        """Where a block is drawn (for tests and for placing the title editor)."""
        for placement in self.placements:
            if placement.block.id == block_id:
                return self.geometry_.block_rect(placement)
        raise KeyError(block_id)

    def set_hour_height(self, hour_height: float) -> None:
        """Zoom the hours: taller hours give short blocks room for their titles."""
        self.hour_height = hour_height
        self.setMinimumHeight(int(24 * hour_height))
        self.resize(self.width(), int(24 * hour_height))  # the scroll area follows at once
        self.updateGeometry()
        self.update()

    def shown_rect(self) -> QRectF:
        """The part of the canvas the scroll area shows now."""
        shown = self.visibleRegion().boundingRect()
        return QRectF(shown if not shown.isEmpty() else self.rect())

    def hidden_blocks(self) -> list[HiddenBlocks]:
        """Each day's blocks wholly above or below the part scrolled into view."""
        height = week_painter.marker_height(self.font())
        return find_hidden_blocks(self.week, self.blocks, self.geometry_, self.shown_rect(), height)

    def point_at(self, day: date, minute: int) -> QPoint:
        """The middle of `day`'s column at `minute` (for tests that drag with the mouse)."""
        geometry = self.geometry_
        index = (day - self.week.start).days
        x = geometry.column_left(index) + geometry.column_width / 2
        return QPoint(int(x), int(geometry.y_of(minute)))

    # -- painting -------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        geometry = self.geometry_
        visible = QRectF(event.rect())
        palette = self.palette()
        week_painter.draw_grid(
            painter, geometry, palette, self.today, self.settings.work_days,
            self.settings.day_start, self.settings.day_end, visible,
        )  # fmt: skip
        fonts = week_painter.BlockFonts(self.font())
        drag = self._drag
        hidden = drag.block.id if drag and drag.active and drag.block else None
        for placement in self.placements:
            block = placement.block
            if block.id == hidden:
                continue
            rect = geometry.block_rect(placement)
            if rect.intersects(visible):
                week_painter.draw_block(
                    painter, rect, block, palette, block.id == self.selected_id,
                    block.id in self.repeating, fonts, raised=placement.depth > 0,
                    words_right=geometry.words_right(placement),
                )  # fmt: skip
        if drag and drag.active and drag.preview is not None:
            preview = drag.preview
            if self.week.contains(preview.day):
                rect = geometry.slot_rect(preview.day, preview.start, preview.end)
                week_painter.draw_block(painter, rect, preview, palette, True, False, fonts)
        if drag and drag.active and drag.kind is DragKind.CREATE:
            start, end = drag.create_span()
            rect = geometry.slot_rect(drag.press_day, start, end)
            label = f"{self.paint_area.label} {format_clock(start)}–{format_clock(end)}"
            week_painter.draw_new_block(painter, rect, area_colour(self.paint_area), label)
        if self._drop_slot is not None:
            day, start = self._drop_slot
            rect = geometry.slot_rect(day, start, min(MINUTES_PER_DAY, start + 60))
            highlight = palette.color(palette.ColorRole.Highlight)
            week_painter.draw_new_block(
                painter, rect, highlight, f"Book it from {format_clock(start)}"
            )
        if self._title.pending is not None:
            new = self._title.pending
            rect = geometry.slot_rect(new.day, new.start, new.end)
            week_painter.draw_new_block(painter, rect, area_colour(new.area), "")
        if self.week.contains(self.today) and self.now_minute is not None:
            week_painter.draw_now_line(
                painter, geometry, (self.today - self.week.start).days, self.now_minute
            )
        if self.hasFocus() and self.selected_id is None and self.week.contains(self.cursor_day):
            end = min(MINUTES_PER_DAY, self.cursor_minute + 60)
            rect = geometry.slot_rect(self.cursor_day, self.cursor_minute, end)
            week_painter.draw_cursor(painter, rect, palette)
        for out in self.hidden_blocks():  # markers of blocks scrolled out of view
            week_painter.draw_marker(painter, out.rect, out.words(), out.above, palette)
        painter.end()

    # -- finding things under the mouse --------------------------------------------
    def hit(self, point: QPointF) -> tuple[TimeBlock | None, DragKind | None]:
        geometry = self.geometry_
        for placement in reversed(self.placements):  # the last drawn is on top
            rect = geometry.block_rect(placement)
            if rect.contains(point):
                if point.y() - rect.top() <= EDGE and rect.height() > 3 * EDGE:
                    return placement.block, DragKind.TOP
                if rect.bottom() - point.y() <= EDGE:
                    return placement.block, DragKind.BOTTOM
                return placement.block, DragKind.MOVE
        return None, None

    # -- the mouse ------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        point = event.position()
        if event.button() != Qt.MouseButton.LeftButton or not self.geometry_.in_columns(point):
            return super().mousePressEvent(event)
        geometry = self.geometry_
        marker = self._marker_at(point)
        if marker is not None:  # show the hidden blocks
            self.reveal_requested.emit(max(0, marker.blocks[0].start - 30))
            return
        block, kind = self.hit(point)
        day = geometry.day_at(point.x())
        minute = geometry.minute_at(point.y())
        if block is not None and kind is not None:
            self.select(block)
            self._drag = Drag(kind, point, minute, day, block=block)
        else:
            self.select(None)
            self.cursor_day = day
            self.cursor_minute = slot_start(minute)
            self._drag = Drag(DragKind.CREATE, point, minute, day)
            self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        point = event.position()
        drag = self._drag
        if drag is None:
            self._set_hover_cursor(point)
            return
        if not drag.active:
            distance = (point - drag.press).manhattanLength()
            if distance < QApplication.startDragDistance():
                return
            drag.active = True
        geometry = self.geometry_
        drag.follow(geometry.day_at(point.x()), geometry.minute_at(point.y()))
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        drag, self._drag = self._drag, None
        if drag is None or event.button() != Qt.MouseButton.LeftButton:
            return super().mouseReleaseEvent(event)
        if not drag.active:
            self.update()
            return
        if drag.kind is DragKind.CREATE:
            start, end = drag.create_span()
            new = TimeBlock(drag.press_day, start, end, self.paint_area, self.paint_area.label)
            self._title.ask(new, self.geometry_.slot_rect(new.day, new.start, new.end))
        elif drag.block is not None and drag.preview is not None and drag.preview != drag.block:
            self.block_changed.emit(drag.block, drag.preview)
        self.update()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        point = event.position()
        if not self.geometry_.in_columns(point):
            return
        self._drag = None
        block, _ = self.hit(point)
        if block is not None:
            self.edit_requested.emit(block)
        else:
            geometry = self.geometry_
            start = slot_start(geometry.minute_at(point.y()))
            self.new_block_requested.emit(geometry.day_at(point.x()), start)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if event.reason() == QContextMenuEvent.Reason.Keyboard:  # the Menu key, Shift+F10
            block = self.selected()
            if block is not None:
                centre = self.block_rect(block.id or 0).center().toPoint()
                self.context_requested.emit(block, self.mapToGlobal(centre))
            return
        block, _ = self.hit(QPointF(event.pos()))
        if block is not None:
            self.select(block)
            self.context_requested.emit(block, event.globalPos())

    def _marker_at(self, point: QPointF) -> HiddenBlocks | None:
        return next((h for h in self.hidden_blocks() if h.rect.contains(point)), None)

    def _set_hover_cursor(self, point: QPointF) -> None:
        if self._marker_at(point) is not None:
            self.setCursor(Qt.CursorShape.PointingHandCursor)
            return
        _, kind = self.hit(point)
        if kind in (DragKind.TOP, DragKind.BOTTOM):
            self.setCursor(Qt.CursorShape.SizeVerCursor)
        elif kind is DragKind.MOVE:
            self.setCursor(Qt.CursorShape.OpenHandCursor)
        else:
            self.unsetCursor()

    # -- a title for a drawn block --------------------------------------------------
    def finish_pending_title(self) -> None:
        """Save a block being named (if it has a title typed), before the view moves on."""
        self._title.finish_pending()

    # -- tasks dragged in from the task lists ------------------------------------------------
    def _slot_under(self, point: QPointF) -> tuple[date, int] | None:
        geometry = self.geometry_
        if not geometry.in_columns(point):
            return None
        return geometry.day_at(point.x()), slot_start(geometry.minute_at(point.y()))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if task_id_in(event.mimeData()) is not None:
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        slot = self._slot_under(event.position())
        if slot is None or task_id_in(event.mimeData()) is None:
            event.ignore()
            return
        event.acceptProposedAction()
        if slot != self._drop_slot:
            self._drop_slot = slot
            self.update()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self._drop_slot = None
        self.update()

    def dropEvent(self, event: QDropEvent) -> None:
        task_id = task_id_in(event.mimeData())
        slot = self._slot_under(event.position())
        self._drop_slot = None
        self.update()
        if task_id is None or slot is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.task_dropped.emit(task_id, *slot)

    # -- the keyboard ---------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, mods = Qt.Key(event.key()), event.modifiers()
        block = self.selected()
        shift = bool(mods & Qt.KeyboardModifier.ShiftModifier)
        steps = {Qt.Key.Key_Up: -SNAP_MINUTES, Qt.Key.Key_Down: SNAP_MINUTES}
        days = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1}
        if key == Qt.Key.Key_Escape:
            self._drag = None
            self.select(None)
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and block is not None:
            self.delete_requested.emit(block)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2):
            if block is not None:
                self.edit_requested.emit(block)
            else:
                self.new_block_requested.emit(self.cursor_day, self.cursor_minute)
        elif key in steps and block is not None:
            if shift:
                self.block_changed.emit(block, resized(block, block.start, block.end + steps[key]))
            else:
                self.block_changed.emit(block, moved(block, block.day, block.start + steps[key]))
        elif key in days and block is not None:
            self.block_changed.emit(
                block, moved(block, block.day + timedelta(days=days[key]), block.start)
            )
        elif key in steps:
            self.cursor_minute = max(
                0, min(MINUTES_PER_DAY - SNAP_MINUTES, self.cursor_minute + steps[key])
            )
            self.update()
        elif key in days:
            index = max(0, min(6, (self.cursor_day - self.week.start).days + days[key]))
            self.cursor_day = self.week.days[index]
            self.update()
        else:
            super().keyPressEvent(event)

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab and Shift+Tab step through the week's blocks in time order; past the last
        (or before the first) they leave the calendar, as Tab does anywhere else."""
        ordered = sorted(self.blocks, key=lambda b: (b.day, b.start, b.id or 0))
        current = self.selected()
        if current is None and ordered:
            self.select(ordered[0] if next else ordered[-1])
            return True
        if current is not None:
            index = ordered.index(current) + (1 if next else -1)
            if 0 <= index < len(ordered):
                self.select(ordered[index])
                return True
            self.select(None)
        return super().focusNextPrevChild(next)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusOutEvent(event)

    # -- tooltips -------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            marker = self._marker_at(QPointF(event.pos()))
            block, _ = self.hit(QPointF(event.pos()))
            if marker is not None:
                QToolTip.showText(event.globalPos(), marker.tooltip(), self)
            elif block is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), tooltip_text(block), self)
            return True
        return super().event(event)
