"""The printed week: one landscape page for the shop wall or the truck.

The page has a header (whose week it is), the week grid (seven day columns, hour
rows, the blocks in their area colours: week_grid.py, each block drawn by
week_blocks.py) and a side column with the planned split, the tasks due, the quotes
to chase, a ruled box for notes and a table to write in the enquiries taken on site
(week_side_column.py). Everything is sized to the page and shortened to fit, so any
week, however crowded, prints on exactly one page; the side column gives way inside
itself, never taking room from the grid.

The grid is drawn straight onto the canvas, where positions are exact; wrapped text
in the side column uses Paragraphs. `draw_week` draws grid and side column into any
box, so the plan PDF prints the same week (`WeekFlowable`).

Black and white: every block carries its time and its area's name or first letter,
done blocks a tick, skipped ones a dashed edge and struck-through text; the legend
says which is which.
"""

from __future__ import annotations

from typing import BinaryIO

from reportlab.lib.colors import HexColor
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from tradesman.domain.weeks import format_day
from tradesman.reports.fonts import BOLD, REGULAR, register_fonts
from tradesman.reports.paper import (
    INK,
    MM,
    RULE,
    SOFT_INK,
    Paper,
    author_of,
    draw_text,
    fit,
    set_metadata,
)
from tradesman.reports.sheets import WeekSheet
from tradesman.reports.text import one_line
from tradesman.reports.week_grid import draw_week_grid
from tradesman.reports.week_side_column import draw_side_column

MARGIN = 10 * MM
HEADER_HEIGHT = 40.0

# The side column, beside the grid
SIDE_SHARE = 0.28  # of the width
SIDE_GAP = 14.0


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
    draw_side_column(canvas, sheet, x + grid_w + SIDE_GAP, y, side, h)


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
        draw_text(canvas, fit(name, BOLD, 16, name_room), x, top - 15, BOLD, 16)
    if business and owner:
        canvas.setFillColor(HexColor(SOFT_INK))
        draw_text(canvas, fit(owner, REGULAR, 8.5, name_room), x, top - 27, REGULAR, 8.5)
    canvas.setFillColor(HexColor(INK))
    canvas.setFont(BOLD, 13)
    canvas.drawRightString(x + w, top - 14, label)
    canvas.setFillColor(HexColor(SOFT_INK))
    canvas.setFont(REGULAR, 7.5)
    canvas.drawRightString(x + w, top - 26, f"Printed {format_day(sheet.today)} from Tradesman")
    canvas.setStrokeColor(HexColor(RULE))
    canvas.setLineWidth(0.8)
    canvas.line(x, top - HEADER_HEIGHT + 7, x + w, top - HEADER_HEIGHT + 7)
