"""The printed week: one landscape page for the shop wall or the truck.

The page has a header (whose week it is), the week grid (seven day columns, hour
rows, the blocks in their area colours) and a side column with the planned split,
the tasks due and a ruled box for notes. Everything is sized to the page and shortened
to fit, so any week, however crowded, prints on exactly one page.

The grid is drawn straight onto the canvas, where positions are exact; wrapped text
in the side column uses Paragraphs. `draw_week` draws grid and side column into any
box, so the plan PDF prints the same week (`WeekFlowable`).

Black and white: every block carries its time and its area's name or first letter,
done blocks a tick, skipped ones a dashed edge and struck-through text; the legend
says which is which.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import BinaryIO

from reportlab.lib.colors import HexColor, white
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph

from tradesman.area_colours import AREA_HEX
from tradesman.domain.areas import AREAS, Area
from tradesman.domain.blocks import BlockStatus, TimeBlock
from tradesman.domain.clock import MINUTES_PER_DAY, format_clock, format_hours
from tradesman.domain.layout import place_blocks
from tradesman.domain.numbers import percent
from tradesman.domain.split import Split
from tradesman.domain.tasks import Task
from tradesman.domain.weeks import DAY_NAMES, SHORT_DAY_NAMES, format_day
from tradesman.reports.fonts import BOLD, REGULAR, register_fonts
from tradesman.reports.paper import (
    FAINT_RULE,
    INK,
    MM,
    RULE,
    SHADE,
    SOFT_INK,
    Paper,
    author_of,
    fit,
    set_metadata,
    styles,
    tint,
)
from tradesman.reports.sheets import WeekSheet
from tradesman.reports.text import ELLIPSIS, escape, one_line, shorten

MARGIN = 10 * MM
HEADER_HEIGHT = 40.0

# The grid
HOUR_LABEL_WIDTH = 27.0
DAY_HEADER_HEIGHT = 24.0
LEGEND_HEIGHT = 14.0
# Text inside blocks: sized to read at arm's length on a wall (about 8-9 pt)
TITLE_SIZE = 8.5
HEAD_SIZE = 8.0  # the times, in bold
LINE_STEP = 9.6
SMALLEST_SIZE = 5.0  # smaller than this does not read on paper
# Blocks this far outside the work day print in a compact band, not as hours of grid
STRAY_AFTER = 120  # minutes
BAND_SIZE = 7.0
BAND_LINE = 9.0
BAND_LINES = 3  # per day; more are counted ("+2 more")
ASCENT, DESCENT = 0.76, 0.24  # the bundled font's, as shares of its size

# The side column
SIDE_SHARE = 0.28  # of the width
SIDE_GAP = 14.0
SPLIT_BAR_HEIGHT = 11.0
TASK_GAP = 2.5
TASK_HEADING_HEIGHT = 13.0
TASK_LINES = 5  # a task's title is printed in full up to this many lines
NOTES_MIN_HEIGHT = 64.0
NOTES_LINE_STEP = 17.0

LETTERS = {area: area.label[0] for area in AREAS}  # P, M, S, A


def write_week_pdf(sheet: WeekSheet, out: BinaryIO, paper: Paper) -> None:
    """The week as one landscape page of `paper`, written to `out`."""
    register_fonts()
    width, height = paper.landscape
    # The initial font is ours, or reportlab names Helvetica on the page (the stubs
    # type initialFontName as a number by mistake).
    canvas = Canvas(
        out,
        pagesize=(width, height),
        initialFontName=REGULAR,  # type: ignore[arg-type]
        initialFontSize=9,
    )
    set_metadata(
        canvas,
        title=f"Week plan · {sheet.week.label}",
        author=author_of(sheet.business_name, sheet.owner_name),
        subject="The week's plan: technician and business hours, and the tasks due",
    )
    _draw_header(canvas, sheet, MARGIN, height - MARGIN, width - 2 * MARGIN)
    draw_week(
        canvas, sheet, MARGIN, MARGIN, width - 2 * MARGIN, height - 2 * MARGIN - HEADER_HEIGHT
    )
    canvas.showPage()
    canvas.save()


def draw_week(canvas: Canvas, sheet: WeekSheet, x: float, y: float, w: float, h: float) -> None:
    """The grid on the left and the side column (split, tasks, notes) on the right."""
    side = max(150.0, w * SIDE_SHARE)
    grid_w = w - side - SIDE_GAP
    draw_week_grid(canvas, sheet, x, y, grid_w, h)
    _draw_side(canvas, sheet, x + grid_w + SIDE_GAP, y, side, h)


class WeekFlowable(Flowable):
    """The week (grid and side column) filling the space it is given in a frame."""

    def __init__(self, sheet: WeekSheet) -> None:
        super().__init__()
        self.sheet = sheet

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width, self.height = available_width, available_height
        return available_width, available_height

    def draw(self) -> None:
        draw_week(self.canv, self.sheet, 0, 0, self.width, self.height)


# -- the header ------------------------------------------------------------------------


def _draw_header(canvas: Canvas, sheet: WeekSheet, x: float, top: float, w: float) -> None:
    business, owner = one_line(sheet.business_name), one_line(sheet.owner_name)
    name = business or owner
    label = sheet.week.label
    label_w = stringWidth(label, BOLD, 13)
    name_room = w - label_w - 24
    canvas.setFillColor(HexColor(INK))
    if name:
        _text(canvas, fit(name, BOLD, 16, name_room), x, top - 15, BOLD, 16)
    if business and owner:
        canvas.setFillColor(HexColor(SOFT_INK))
        _text(canvas, fit(owner, REGULAR, 8.5, name_room), x, top - 27, REGULAR, 8.5)
    canvas.setFillColor(HexColor(INK))
    canvas.setFont(BOLD, 13)
    canvas.drawRightString(x + w, top - 14, label)
    canvas.setFillColor(HexColor(SOFT_INK))
    canvas.setFont(REGULAR, 7.5)
    canvas.drawRightString(x + w, top - 26, f"Printed {format_day(sheet.today)} from Tradesman")
    canvas.setStrokeColor(HexColor(RULE))
    canvas.setLineWidth(0.8)
    canvas.line(x, top - HEADER_HEIGHT + 7, x + w, top - HEADER_HEIGHT + 7)


# -- the grid --------------------------------------------------------------------------


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


@dataclass(frozen=True)
class BlockBox:
    """Where a block is drawn on the page; `raised` when it lies over another; its
    words within `words_w` (short of a block laid over its top)."""

    block: TimeBlock
    x: float
    y: float
    w: float
    h: float
    raised: bool
    words_w: float


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
        _draw_block(canvas, box)
    _draw_legend(canvas, cols_x, y)
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
    _text(canvas, name, shape.cols_x - 2.5 - stringWidth(name, REGULAR, 6.5),
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
            _text(canvas, time, x, baseline, BOLD, BAND_SIZE)
            used = stringWidth(time + " ", BOLD, BAND_SIZE)
            title = fit(one_line(block.title), REGULAR, BAND_SIZE, room - used)
            _text(canvas, title, x + used, baseline, REGULAR, BAND_SIZE)
            baseline -= BAND_LINE
        if more:
            canvas.setFillColor(HexColor(SOFT_INK))
            _text(canvas, f"+{more} more", x, baseline, REGULAR, BAND_SIZE)


def _draw_day_head(
    canvas: Canvas, day: date, x: float, top: float, w: float, sheet: WeekSheet
) -> None:
    name = DAY_NAMES[day.weekday()]
    if stringWidth(name, BOLD, 8.5) > w - 4:
        name = SHORT_DAY_NAMES[day.weekday()]
    canvas.setFillColor(HexColor(INK))
    _text(canvas, fit(name, BOLD, 8.5, w - 4), x + 3, top + 13, BOLD, 8.5)
    note = format_day(day, with_year=False)
    if day.weekday() not in sheet.work_days:
        note += " · day off"
    if day == sheet.today:
        note += " · today"
    canvas.setFillColor(HexColor(SOFT_INK))
    _text(canvas, fit(note, REGULAR, 7, w - 4), x + 3, top + 4, REGULAR, 7)


def _draw_block(canvas: Canvas, box: BlockBox) -> None:
    block, x, y, w, h = box.block, box.x, box.y, box.w, box.h
    colour = HexColor(AREA_HEX[block.area])
    skipped = block.status is BlockStatus.SKIPPED
    done = block.status is BlockStatus.DONE
    canvas.saveState()
    if box.raised:  # a white rim, so its edge shows on the block under it
        canvas.setStrokeColor(white)
        canvas.setLineWidth(2.2)
        canvas.rect(x, y, w, h, stroke=1, fill=0)
    canvas.setLineWidth(0.6)
    canvas.setStrokeColor(colour)
    canvas.setFillColor(white if skipped else tint(colour, 0.24))
    if skipped:
        canvas.setDash(2, 1.5)
    canvas.rect(x, y, w, h, stroke=1, fill=1)
    canvas.setDash()
    bar = min(2.6, w / 4)
    if not skipped:
        canvas.setFillColor(colour)
        canvas.rect(x, y, bar, h, stroke=0, fill=1)
    # Nothing drawn below may leave the block, whatever the fitting decides.
    clip = canvas.beginPath()
    clip.rect(x, y, w, h)
    canvas.clipPath(clip, stroke=0, fill=0)

    text_x = x + bar + 1.6
    text_w = box.words_w - bar - 3.0
    tick_w = 7.0 if done and w >= 8 and h >= 6.5 else 0.0
    if tick_w:
        _draw_tick(canvas, x + w - 1.5, y + h - 1.5, INK)
    size, lines = block_lines(block, text_w, h, first_line_less=tick_w)
    head_size = size * HEAD_SIZE / TITLE_SIZE
    colour_of_text = HexColor(SOFT_INK if skipped else INK)
    line_top = y + h - 0.9
    for index, (head, title) in enumerate(lines):
        baseline = line_top - ASCENT * size - index * line_step(size)
        canvas.setFillColor(colour_of_text)
        cursor = text_x
        if head:
            canvas.setFont(BOLD, head_size)
            canvas.drawString(cursor, baseline, head)
            cursor += stringWidth(head + " ", BOLD, head_size)
        if title:
            canvas.setFont(REGULAR, size)
            canvas.drawString(cursor, baseline, title)
            cursor += stringWidth(title, REGULAR, size)
        if skipped:
            canvas.setStrokeColor(colour_of_text)
            canvas.setLineWidth(0.5)
            canvas.line(text_x - 0.5, baseline + size / 3, cursor + 0.5, baseline + size / 3)
    canvas.restoreState()


def block_lines(
    block: TimeBlock, width: float, height: float, first_line_less: float = 0.0
) -> tuple[float, list[tuple[str, str]]]:
    """What a block of `width` × `height` points shows: the text size, and a bold head
    and a title for each line.

    The head is the time and the area (name, else first letter); the title wraps
    below it, and its last line ends in "…" when the rest does not fit. A block with
    room for one line shows its start time, letter and as much of the title as fits,
    in smaller letters if it must (a quarter hour on a long day); a block too small
    even for that shows nothing (its colour and place still say it). The text is
    `TITLE_SIZE`, or a little smaller when that shows the whole title.
    """
    chosen = _lines_at(TITLE_SIZE, block, width, height, first_line_less)
    if _cut_short(chosen[1]):
        for size in SMALLER_SIZES:
            smaller = _lines_at(size, block, width, height, first_line_less)
            if smaller[1] and not _cut_short(smaller[1]):
                return smaller
    return chosen


SMALLER_SIZES = (8.0, 7.5)  # tried when the title does not fit whole at TITLE_SIZE


def _cut_short(lines: list[tuple[str, str]]) -> bool:
    return not lines or lines[-1][1].endswith(ELLIPSIS) or not any(t for _, t in lines)


def line_step(size: float) -> float:
    return LINE_STEP * size / TITLE_SIZE


def _lines_at(
    preferred: float, block: TimeBlock, width: float, height: float, first_line_less: float
) -> tuple[float, list[tuple[str, str]]]:
    room = height - 1.5 - (ASCENT + DESCENT) * preferred
    size = preferred
    if room < 0:  # one line, smaller, if it stays readable
        size = min(preferred, (height - 1.4) / (ASCENT + DESCENT))
        room = 0
    if size < SMALLEST_SIZE or width < 4:
        return size, []
    count = int(room // line_step(size)) + 1
    head_size = size * HEAD_SIZE / TITLE_SIZE
    first_w = width - first_line_less
    title = one_line(block.title)
    letter, label = LETTERS[block.area], block.area.label
    start, end = format_clock(block.start), format_clock(block.end)

    def head_fits(text: str) -> bool:
        return stringWidth(text, BOLD, head_size) <= first_w

    def title_fits(room: float) -> Callable[[str], bool]:
        return lambda text: stringWidth(text, REGULAR, size) <= room

    if count == 1:
        head = next((c for c in (f"{start} {letter}", letter) if head_fits(c)), "")
        room_left = first_w - (stringWidth(head + " ", BOLD, head_size) if head else 0)
        rest = shorten(title, title_fits(room_left)) if title and room_left > 0 else ""
        if rest == ELLIPSIS and head:
            rest = ""
        return size, [(head, rest)] if head or rest else []

    candidates = (f"{start}–{end} · {label}", f"{start}–{end} {letter}", f"{start} {letter}")
    head = next((c for c in (*candidates, letter) if head_fits(c)), "")
    result: list[tuple[str, str]] = [(head, "")]
    wrapped = wrap_text(title, REGULAR, size, width)
    room_lines = count - 1
    if len(wrapped) > room_lines:
        rest = " ".join(wrapped[room_lines - 1 :])
        wrapped = [*wrapped[: room_lines - 1], shorten(rest, title_fits(width))]
    for line in wrapped:  # a letter wider than a very narrow block ends the text
        if not line or not title_fits(width)(line):
            break
        result.append(("", line))
    return size, result


def wrap_text(text: str, font: str, size: float, width: float) -> list[str]:
    """Greedy line breaking at spaces. A word is never broken inside ("Oakw / ood"
    reads as two words): one wider than the line is shortened with "…"."""
    lines: list[str] = []
    current = ""

    def fits(candidate: str) -> bool:
        return stringWidth(candidate, font, size) <= width

    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if fits(candidate):
            current = candidate
            continue
        if current:
            lines.append(current)
        current = word if fits(word) else shorten(word, fits)
    if current:
        lines.append(current)
    return lines


def _draw_tick(canvas: Canvas, right: float, top: float, colour: str) -> None:
    canvas.saveState()
    canvas.setStrokeColor(HexColor(colour))
    canvas.setLineWidth(1.1)
    canvas.setLineCap(1)
    canvas.setLineJoin(1)
    path = canvas.beginPath()
    path.moveTo(right - 5.5, top - 3.2)
    path.lineTo(right - 3.6, top - 5.0)
    path.lineTo(right - 0.3, top - 0.6)
    canvas.drawPath(path, stroke=1, fill=0)
    canvas.restoreState()


def _draw_legend(canvas: Canvas, x: float, y: float) -> None:
    """What the colours, letters, tick and dashes mean, under the grid."""
    size = 6.5
    cursor = x
    base = y + 3
    canvas.setFont(REGULAR, size)
    for area in AREAS:
        colour = HexColor(AREA_HEX[area])
        canvas.setFillColor(tint(colour, 0.24))
        canvas.setStrokeColor(colour)
        canvas.setLineWidth(0.6)
        canvas.rect(cursor, base - 1, 9, 7, stroke=1, fill=1)
        canvas.setFillColor(colour)
        canvas.rect(cursor, base - 1, 2, 7, stroke=0, fill=1)
        canvas.setFillColor(HexColor(INK))
        canvas.setFont(BOLD, size)
        canvas.drawString(cursor + 12, base, LETTERS[area])
        cursor += 12 + stringWidth(LETTERS[area] + " ", BOLD, size)
        canvas.setFont(REGULAR, size)
        canvas.drawString(cursor, base, area.label)
        cursor += stringWidth(area.label, REGULAR, size) + 10
    _draw_tick(canvas, cursor + 6, base + 6, INK)
    canvas.setFillColor(HexColor(INK))
    canvas.drawString(cursor + 9, base, "done")
    cursor += 9 + stringWidth("done", REGULAR, size) + 10
    canvas.setStrokeColor(HexColor(SOFT_INK))
    canvas.setDash(2, 1.5)
    canvas.rect(cursor, base - 1, 9, 7, stroke=1, fill=0)
    canvas.setDash()
    canvas.setFillColor(HexColor(SOFT_INK))
    canvas.drawString(cursor + 12, base, "skipped")
    width = stringWidth("skipped", REGULAR, size)
    canvas.line(cursor + 11.5, base + 2.2, cursor + 12.5 + width, base + 2.2)


# -- the side column -------------------------------------------------------------------


def _draw_side(canvas: Canvas, sheet: WeekSheet, x: float, y: float, w: float, h: float) -> None:
    top = _draw_split(canvas, sheet.planned, sheet.target_share, x, y + h, w, sheet.long_term_share)
    top -= 12
    notes_room = NOTES_MIN_HEIGHT + 10
    top = _draw_tasks(canvas, sheet, x, top, w, y + notes_room)
    _draw_notes(canvas, x, y, w, top - 10 - y)


def split_sentence(planned: Split, target: float, long_term: float | None = None) -> str:
    """'Technician 31 h · Business 9 h · 23 % business, target 40 %'; in a plan's week,
    '…, plan's target 30 % (40 % in the long run)'."""
    whose = "plan's " if long_term is not None else ""
    beside = f" ({percent(long_term, paper=True)} in the long run)" if long_term is not None else ""
    aim = f"{whose}target {percent(target, paper=True)}{beside}"
    if planned.total_minutes == 0:
        return (
            f"No hours planned yet · {whose}target {percent(target, paper=True)} business{beside}"
        )
    return (
        f"Technician {format_hours(planned.technician_minutes)} · "
        f"Business {format_hours(planned.business_minutes)} · "
        f"{percent(planned.business_share, paper=True)} business, {aim}"
    )


def _draw_split(
    canvas: Canvas,
    planned: Split,
    target: float,
    x: float,
    top: float,
    w: float,
    long_term: float | None = None,
) -> float:
    """The planned hours as a bar, technician on the left and business on the right,
    with the target marked. Returns where the next part may start."""
    canvas.setFillColor(HexColor(INK))
    _text(canvas, "Planned hours", x, top - 9, BOLD, 9.5)
    bar_top = top - 26
    bar_y = bar_top - SPLIT_BAR_HEIGHT
    total = planned.total_minutes
    cursor = x
    canvas.setLineWidth(0.5)
    for area in AREAS:
        minutes = planned.minutes(area)
        if not total or not minutes:
            continue
        part = w * minutes / total
        colour = HexColor(AREA_HEX[area])
        canvas.setFillColor(tint(colour, 0.35) if area is Area.PRODUCTION else colour)
        canvas.rect(cursor, bar_y, part, SPLIT_BAR_HEIGHT, stroke=0, fill=1)
        cursor += part
    canvas.setStrokeColor(HexColor(INK))
    canvas.rect(x, bar_y, w, SPLIT_BAR_HEIGHT, stroke=1, fill=0)
    if total:  # where technician hours end and business hours begin
        edge = x + w * planned.technician_minutes / total
        canvas.setLineWidth(1.2)
        canvas.line(edge, bar_y, edge, bar_top)
    # The target: a marker above the bar, with its share
    mark = x + w * (1 - target)
    canvas.setFillColor(HexColor(INK))
    path = canvas.beginPath()
    path.moveTo(mark - 3.2, bar_top + 5)
    path.lineTo(mark + 3.2, bar_top + 5)
    path.lineTo(mark, bar_top + 0.5)
    path.close()
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.setLineWidth(0.9)
    canvas.setDash(1.5, 1)
    canvas.line(mark, bar_y - 2, mark, bar_top)
    canvas.setDash()
    canvas.setFont(REGULAR, 6.5)
    label = ("plan's " if long_term is not None else "") + f"target {percent(target, paper=True)}"
    label_w = stringWidth(label, REGULAR, 6.5)
    label_x = min(max(mark - label_w / 2, x), x + w - label_w)
    canvas.drawString(label_x, bar_top + 7, label)
    canvas.setFillColor(HexColor(SOFT_INK))
    canvas.drawString(x, bar_y - 8, "Technician")
    canvas.drawRightString(x + w, bar_y - 8, "Business")

    text_top = bar_y - 12
    style = styles()["small"]
    sentence = Paragraph(escape(split_sentence(planned, target, long_term)), style)
    _, height = sentence.wrap(w, 200)
    sentence.drawOn(canvas, x, text_top - height)
    text_top -= height
    if planned.business_minutes:
        parts = [
            f"{area.label} {format_hours(planned.minutes(area))}"
            for area in AREAS
            if area.is_business and planned.minutes(area)
        ]
        detail = Paragraph(escape(" · ".join(parts)), styles()["soft"])
        _, height = detail.wrap(w, 200)
        detail.drawOn(canvas, x, text_top - height - 1)
        text_top -= height + 1
    return text_top


def _due_words(task: Task, sheet: WeekSheet) -> tuple[str, bool]:
    """('Thu 26', False) for a task due in the week; ('3 Nov', True) for a late one."""
    if task.due is None:
        return "", False
    late = task.due < sheet.week.start or task.due < sheet.today
    if late:
        return format_day(task.due, with_year=task.due.year != sheet.week.end.year), True
    return f"{SHORT_DAY_NAMES[task.due.weekday()]} {task.due.day}", False


def _due_label(task: Task, sheet: WeekSheet) -> tuple[str, bool]:
    """The due date as printed beside the task: 'Thu 26', 'late · 3 Nov'."""
    due, late = _due_words(task, sheet)
    return (f"late · {due}" if late else due), late


def _due_width(task: Task, sheet: WeekSheet) -> float:
    label, late = _due_label(task, sheet)
    return stringWidth(label, BOLD if late else REGULAR, 7)


def tasks_by_area(tasks: Iterable[Task]) -> list[tuple[Area, list[Task]]]:
    """Tasks grouped by area in the usual order of areas, each group in its given order."""
    groups: dict[Area, list[Task]] = {area: [] for area in AREAS}
    for task in tasks:
        groups[task.area].append(task)
    return [(area, items) for area, items in groups.items() if items]


def task_paragraph(title: str, width: float, lines: int = TASK_LINES) -> Paragraph:
    """A task's title wrapped to `width`, shortened with "…" past `lines` lines."""
    style = styles()["small"]
    text = one_line(title)

    def fits(candidate: str) -> bool:
        paragraph = Paragraph(escape(candidate), style)
        return paragraph.wrap(width, 10_000)[1] <= lines * style.leading + 0.1

    return Paragraph(escape(shorten(text, fits)), style)


def _draw_tasks(
    canvas: Canvas, sheet: WeekSheet, x: float, top: float, w: float, floor: float
) -> float:
    """The open tasks due this week or late, by area, as many as fit above `floor`."""
    tasks = list(sheet.tasks_due)
    canvas.setFillColor(HexColor(INK))
    _text(canvas, "Tasks due", x, top - 9, BOLD, 9.5)
    if tasks:
        canvas.setFillColor(HexColor(SOFT_INK))
        canvas.setFont(REGULAR, 7.5)
        canvas.drawRightString(x + w, top - 9, f"{len(tasks)} open")
    top -= 14
    soft = styles()["soft"]
    if not tasks:
        empty = Paragraph("Nothing due this week.", soft)
        _, height = empty.wrap(w, 100)
        empty.drawOn(canvas, x, top - height)
        return top - height

    # As wide as the widest due date as printed ("late · 27 Oct 2025" in bold), so
    # none is cut short; two fifths of the column at most, to leave the titles room.
    due_w = min(w * 0.4, max(_due_width(t, sheet) for t in tasks) + 2)
    title_x = x + 11
    title_w = w - 11 - due_w - 4
    more_h = soft.leading + 2
    # The most pressing tasks (the sheet lists them oldest due first) that fit,
    # then shown by area.
    chosen: list[tuple[Task, Paragraph, float]] = []
    areas_seen: set[Area] = set()
    used = 0.0
    for task in tasks:
        paragraph = task_paragraph(task.title, title_w)
        height = paragraph.wrap(title_w, 10_000)[1]
        need = height + TASK_GAP + (0 if task.area in areas_seen else TASK_HEADING_HEIGHT)
        more = more_h if len(chosen) + 1 < len(tasks) else 0
        if top - used - need - more < floor:
            break
        chosen.append((task, paragraph, height))
        areas_seen.add(task.area)
        used += need
    for area in AREAS:
        group = [row for row in chosen if row[0].area is area]
        if not group:
            continue
        _draw_task_heading(canvas, area, x, top, w)
        top -= TASK_HEADING_HEIGHT
        for task, paragraph, height in group:
            _draw_checkbox(canvas, x + 1, top - 7.8)
            paragraph.drawOn(canvas, title_x, top - height)
            due, late = _due_label(task, sheet)
            font = BOLD if late else REGULAR
            canvas.setFont(font, 7)
            canvas.setFillColor(HexColor(INK if late else SOFT_INK))
            canvas.drawRightString(x + w, top - 7.6, fit(due, font, 7, due_w))
            top -= height + TASK_GAP
    if len(chosen) < len(tasks):
        top = _draw_more(canvas, len(tasks) - len(chosen), x, top)
    return top


def _draw_more(canvas: Canvas, count: int, x: float, top: float) -> float:
    canvas.setFillColor(HexColor(SOFT_INK))
    _text(canvas, f"and {count} more in Tradesman", x + 11, top - 8, REGULAR, 7.5)
    return top - styles()["soft"].leading - 2


def _draw_task_heading(canvas: Canvas, area: Area, x: float, top: float, w: float) -> None:
    colour = HexColor(AREA_HEX[area])
    canvas.setFillColor(colour)
    canvas.rect(x, top - 9.5, 3, 8, stroke=0, fill=1)
    canvas.setFillColor(HexColor(INK))
    _text(canvas, area.label, x + 6, top - 8.5, BOLD, 8)
    canvas.setStrokeColor(HexColor(FAINT_RULE))
    canvas.setLineWidth(0.5)
    label_end = x + 6 + stringWidth(area.label, BOLD, 8) + 4
    canvas.line(label_end, top - 6, x + w, top - 6)


def _draw_checkbox(canvas: Canvas, x: float, y: float) -> None:
    canvas.setStrokeColor(HexColor(INK))
    canvas.setLineWidth(0.7)
    canvas.rect(x, y, 6.5, 6.5, stroke=1, fill=0)


def _draw_notes(canvas: Canvas, x: float, y: float, w: float, h: float) -> None:
    """A box with ruled lines for writing on, filling what is left."""
    if h < 30:
        return
    canvas.setStrokeColor(HexColor(RULE))
    canvas.setLineWidth(0.7)
    canvas.roundRect(x, y, w, h, 3, stroke=1, fill=0)
    canvas.setFillColor(HexColor(INK))
    _text(canvas, "Notes", x + 5, y + h - 11, BOLD, 8.5)
    canvas.setStrokeColor(HexColor(FAINT_RULE))
    canvas.setLineWidth(0.5)
    line_y = y + h - 16 - NOTES_LINE_STEP
    while line_y > y + 6:
        canvas.line(x + 5, line_y, x + w - 5, line_y)
        line_y -= NOTES_LINE_STEP


# -- small pieces ----------------------------------------------------------------------


def _text(canvas: Canvas, text: str, x: float, y: float, font: str, size: float) -> None:
    canvas.setFont(font, size)
    canvas.drawString(x, y, text)
