"""The printed week's grid: seven day columns and the hours of the day, with the
week's blocks placed in them as the window places them.

Blocks far outside the work day (an alarm call-out at 2 in the morning) print as
lines in a band above or below the hours instead of stretching every day's hours.
How one block looks and what words it shows is week_blocks.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.lib.colors import HexColor
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from tradesman.domain.blocks import TimeBlock
from tradesman.domain.clock import MINUTES_PER_DAY, format_clock
from tradesman.domain.layout import place_blocks
from tradesman.domain.weeks import DAY_NAMES, SHORT_DAY_NAMES, format_day
from tradesman.reports.fonts import ASCENT, BOLD, REGULAR
from tradesman.reports.paper import FAINT_RULE, INK, RULE, SHADE, SOFT_INK, draw_text, fit
from tradesman.reports.sheets import WeekSheet
from tradesman.reports.text import one_line
from tradesman.reports.week_blocks import BlockBox, draw_block, draw_legend

HOUR_LABEL_WIDTH = 27.0
DAY_HEADER_HEIGHT = 24.0
LEGEND_HEIGHT = 14.0
# Blocks this far outside the work day print in a compact band, not as hours of grid
STRAY_AFTER = 120  # minutes
BAND_SIZE = 7.0
BAND_LINE = 9.0
BAND_LINES = 3  # per day; more are counted ("+2 more")


def hours_shown(sheet: WeekSheet) -> tuple[int, int]:
    """The whole hours the grid runs over: the work day, widened to every block that is
    not a stray far outside it (see `stray_blocks`)."""
    blocks = [b for b in sheet.blocks if sheet.week.contains(b.day) and not _stray(sheet, b)]
    first = min([sheet.day_start, *(b.start for b in blocks)])
    last = max([sheet.day_end, *(b.end for b in blocks)])
    first = max(0, min(first, MINUTES_PER_DAY - 60)) // 60 * 60
    last = min(MINUTES_PER_DAY, -(-max(last, first + 60) // 60) * 60)
    return first, last


def _stray(sheet: WeekSheet, block: TimeBlock) -> bool:
    """A block that ends long before the work day starts or starts long after it ends:
    an alarm call-out at 2 in the morning would otherwise squash every hour of the week."""
    return block.end <= sheet.day_start - STRAY_AFTER or block.start >= sheet.day_end + STRAY_AFTER


def stray_blocks(
    sheet: WeekSheet, first: int, last: int
) -> tuple[list[TimeBlock], list[TimeBlock]]:
    """The week's blocks wholly before `first` (early) and wholly after `last` (late),
    each by day and time."""
    blocks = sorted(
        (b for b in sheet.blocks if sheet.week.contains(b.day)), key=lambda b: (b.day, b.start)
    )
    return [b for b in blocks if b.end <= first], [b for b in blocks if b.start >= last]


@dataclass(frozen=True)
class GridShape:
    """Where the parts of the week grid go on the page."""

    first: int  # the minutes the hours run over
    last: int
    cols_x: float
    col_w: float
    top: float  # of the hours
    bottom: float
    early: list[TimeBlock]
    late: list[TimeBlock]
    early_h: float  # the bands for stray blocks (0 when there are none)
    late_h: float

    @property
    def per_minute(self) -> float:
        return (self.top - self.bottom) / (self.last - self.first)

    def column_x(self, day_index: int) -> float:
        return self.cols_x + day_index * self.col_w


def grid_shape(sheet: WeekSheet, x: float, y: float, w: float, h: float) -> GridShape:
    first, last = hours_shown(sheet)
    early, late = stray_blocks(sheet, first, last)
    early_h, late_h = _band_height(sheet, early), _band_height(sheet, late)
    return GridShape(
        first=first,
        last=last,
        cols_x=x + HOUR_LABEL_WIDTH,
        col_w=(w - HOUR_LABEL_WIDTH) / 7,
        top=y + h - DAY_HEADER_HEIGHT - early_h,
        bottom=y + LEGEND_HEIGHT + late_h,
        early=early,
        late=late,
        early_h=early_h,
        late_h=late_h,
    )


def _band_height(sheet: WeekSheet, blocks: list[TimeBlock]) -> float:
    if not blocks:
        return 0.0
    most = max(sum(1 for b in blocks if b.day == day) for day in sheet.week.days)
    return min(most, BAND_LINES) * BAND_LINE + 4


def block_boxes(sheet: WeekSheet, x: float, y: float, w: float, h: float) -> list[BlockBox]:
    """The week's blocks in the hours, placed as the window places them (the long job
    full width, a later visit laid over its right-hand side), in drawing order."""
    shape = grid_shape(sheet, x, y, w, h)
    first, last = shape.first, shape.last
    blocks = [b for b in sheet.blocks if sheet.week.contains(b.day)]
    blocks = [b for b in blocks if b.end > first and b.start < last]
    boxes = []
    for placement in place_blocks(blocks):
        block = placement.block
        usable = shape.col_w - 2
        left = shape.column_x((block.day - sheet.week.start).days) + 1 + placement.left * usable
        width = (placement.right - placement.left) * usable - (0.8 if placement.right < 1 else 0)
        start, end = max(block.start, first), min(max(block.end, block.start), last)
        block_top = shape.top - (start - first) * shape.per_minute
        # A hair's gap at the bottom keeps back-to-back blocks apart.
        block_h = max((end - start) * shape.per_minute - 0.7, 1.2)
        width = max(width, 0.8)
        words_w = width
        if placement.words_end < placement.right:  # a block lies over its top
            words_w = (placement.words_end - placement.left) * usable - 0.8
        raised = placement.depth > 0
        boxes.append(BlockBox(block, left, block_top - block_h, width, block_h, raised, words_w))
    return boxes


def draw_week_grid(
    canvas: Canvas, sheet: WeekSheet, x: float, y: float, w: float, h: float
) -> None:
    """Seven day columns and the hours of the day, with the week's blocks in them."""
    shape = grid_shape(sheet, x, y, w, h)
    first, last = shape.first, shape.last
    cols_x, col_w = shape.cols_x, shape.col_w
    top, bottom = shape.top, shape.bottom
    per_minute = shape.per_minute
    per_hour = per_minute * 60
    heads_top = y + h - DAY_HEADER_HEIGHT
    floor = y + LEGEND_HEIGHT

    canvas.saveState()
    # Days off, shaded
    canvas.setFillColor(HexColor(SHADE))
    for column, day in enumerate(sheet.week.days):
        if day.weekday() not in sheet.work_days:
            canvas.rect(cols_x + column * col_w, floor, col_w, y + h - floor, 0, 1)
    # Day names and dates
    for column, day in enumerate(sheet.week.days):
        _draw_day_head(canvas, day, cols_x + column * col_w, heads_top, col_w, sheet)
    # Hour lines and labels, half hours when there is room
    label_every = 1 if per_hour >= 13 else 2 if per_hour >= 6.5 else 3
    for minute in range(first, last + 1, 30):
        line_y = top - (minute - first) * per_minute
        if minute % 60:
            if per_hour < 28:
                continue
            canvas.setStrokeColor(HexColor(FAINT_RULE))
            canvas.setDash(1, 2)
        else:
            canvas.setStrokeColor(HexColor(RULE))
        canvas.setLineWidth(0.4)
        canvas.line(cols_x, line_y, cols_x + 7 * col_w, line_y)
        canvas.setDash()
        hour = minute // 60
        if minute % 60 == 0 and minute < last and hour % label_every == 0:
            canvas.setFillColor(HexColor(SOFT_INK))
            canvas.setFont(REGULAR, 6.5)
            size = min(6.5, per_hour * label_every - 1)
            canvas.setFont(REGULAR, size)
            canvas.drawRightString(cols_x - 2.5, line_y - size * ASCENT - 1, format_clock(minute))
    # The bands for stray blocks, above and below the hours
    if shape.early:
        _draw_band(canvas, sheet, shape, shape.early, heads_top, "early")
    if shape.late:
        _draw_band(canvas, sheet, shape, shape.late, bottom + shape.late_h, "late")
    # Day columns
    canvas.setStrokeColor(HexColor(RULE))
    canvas.setLineWidth(0.6)
    for column in range(8):
        line_x = cols_x + column * col_w
        canvas.line(line_x, floor, line_x, heads_top + DAY_HEADER_HEIGHT)
    canvas.line(cols_x, floor, cols_x + 7 * col_w, floor)
    canvas.line(
        cols_x, heads_top + DAY_HEADER_HEIGHT, cols_x + 7 * col_w, heads_top + DAY_HEADER_HEIGHT
    )
    # Blocks: alone full width, laid over a longer one, or side by side
    for box in block_boxes(sheet, x, y, w, h):
        draw_block(canvas, box)
    draw_legend(canvas, cols_x, y)
    canvas.restoreState()


def _draw_band(
    canvas: Canvas,
    sheet: WeekSheet,
    shape: GridShape,
    blocks: list[TimeBlock],
    band_top: float,
    name: str,
) -> None:
    """Stray blocks as lines of text ('02:00 Alarm call-out'), in a shaded band with
    `name` ('early', 'late') where the hour labels are."""
    height = shape.early_h if name == "early" else shape.late_h
    canvas.setFillColor(HexColor(SHADE))
    canvas.rect(shape.cols_x, band_top - height, 7 * shape.col_w, height, stroke=0, fill=1)
    canvas.setStrokeColor(HexColor(RULE))
    canvas.setLineWidth(0.6)
    edge = band_top - height if name == "early" else band_top
    canvas.line(shape.cols_x, edge, shape.cols_x + 7 * shape.col_w, edge)
    canvas.setFillColor(HexColor(SOFT_INK))
    draw_text(canvas, name, shape.cols_x - 2.5 - stringWidth(name, REGULAR, 6.5),
          band_top - 2 - 6.5 * ASCENT - 1, REGULAR, 6.5)  # fmt: skip
    for column, day in enumerate(sheet.week.days):
        on_day = [b for b in blocks if b.day == day]
        if len(on_day) > BAND_LINES:
            shown, more = on_day[: BAND_LINES - 1], len(on_day) - BAND_LINES + 1
        else:
            shown, more = on_day, 0
        x = shape.column_x(column) + 2
        room = shape.col_w - 3.5
        baseline = band_top - 2 - BAND_SIZE * ASCENT
        for block in shown:
            time = format_clock(block.start)
            canvas.setFillColor(HexColor(INK))
            draw_text(canvas, time, x, baseline, BOLD, BAND_SIZE)
            used = stringWidth(time + " ", BOLD, BAND_SIZE)
            title = fit(one_line(block.title), REGULAR, BAND_SIZE, room - used)
            draw_text(canvas, title, x + used, baseline, REGULAR, BAND_SIZE)
            baseline -= BAND_LINE
        if more:
            canvas.setFillColor(HexColor(SOFT_INK))
            draw_text(canvas, f"+{more} more", x, baseline, REGULAR, BAND_SIZE)


def _draw_day_head(
    canvas: Canvas, day: date, x: float, top: float, w: float, sheet: WeekSheet
) -> None:
    name = DAY_NAMES[day.weekday()]
    if stringWidth(name, BOLD, 8.5) > w - 4:
        name = SHORT_DAY_NAMES[day.weekday()]
    canvas.setFillColor(HexColor(INK))
    draw_text(canvas, fit(name, BOLD, 8.5, w - 4), x + 3, top + 13, BOLD, 8.5)
    note = format_day(day, with_year=False)
    if day.weekday() not in sheet.work_days:
        note += " · day off"
    if day == sheet.today:
        note += " · today"
    canvas.setFillColor(HexColor(SOFT_INK))
    draw_text(canvas, fit(note, REGULAR, 7, w - 4), x + 3, top + 4, REGULAR, 7)
