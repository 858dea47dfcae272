"""The small parts the paper charts (drawings.py) are built from: colours, text, hatching,
legends, axes and label thinning.

Everything is measured in points with the bundled font, so a label's box is known before
it is drawn and nothing has to be guessed. Areas are told apart by colour *and* by a
hatch pattern, so a chart printed in black and white still says which area is which.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, Rect, String
from reportlab.lib import colors
from reportlab.lib.colors import Color
from reportlab.pdfbase.pdfmetrics import stringWidth

from tradesman.area_colours import AREA_HEX
from tradesman.domain.areas import Area
from tradesman.reports import fonts
from tradesman.reports.paper import tint

PAD = 2.0  # kept free round the edge, so strokes never cross the drawing's border
SIZE = 7.5  # labels, legends, axes
SENTENCE_SIZE = 9.0  # the sentence shown instead of an empty chart
ROW = SIZE * 1.3  # one line of labels
GAP = 4.0  # between two labels side by side

INK = colors.HexColor("#222222")  # text, the done line, on-track dots
FAINT = colors.HexColor("#5c5c5c")  # axis labels, secondary text
AXIS = colors.HexColor("#8c8c8c")  # the zero line, frames
GRID = colors.HexColor("#dcdcdc")  # the other grid lines
PLANNED_LINE = colors.HexColor("#8c8c8c")
TARGET_LINE = colors.HexColor("#444444")
BUSINESS_FILL = colors.HexColor("#5a5a5a")  # business hours, when not split by area
WHITE = colors.white
TARGET_DASH = [3.0, 2.0]
# The settings' long-term target beside a plan's weekly one: faint and dotted.
LONG_TERM_LINE = colors.HexColor("#9a9a9a")
LONG_TERM_DASH = [1.0, 1.5]

Anchor = Literal["start", "middle", "end"]


def font(bold: bool = False) -> str:
    fonts.register_fonts()
    return fonts.BOLD if bold else fonts.REGULAR


def width_of(text: str, size: float = SIZE, bold: bool = False) -> float:
    return float(stringWidth(text, font(bold), size))


def hours_text(minutes: int) -> str:
    """Hours to a tenth, rounded half up: 1890 -> '31.5 h', 1860 -> '31 h'."""
    tenths = (minutes * 10 + 30) // 60
    whole, tenth = divmod(tenths, 10)
    return f"{whole} h" if tenth == 0 else f"{whole}.{tenth} h"


def area_colour(area: Area) -> Color:
    return colors.HexColor(AREA_HEX[area])


def planned_fill(area: Area) -> Color:
    """A planned bar: a wash of the area's colour, as planned blocks look on the calendar."""
    return tint(area_colour(area), 0.32)


def text(
    drawing: Drawing,
    x: float,
    y: float,
    words: str,
    size: float = SIZE,
    anchor: Anchor = "start",
    colour: Color = INK,
    bold: bool = False,
) -> String:
    """One line of text with its baseline at `y`."""
    shape = String(
        x, y, words, fontName=font(bold), fontSize=size, fillColor=colour, textAnchor=anchor
    )
    drawing.add(shape)
    return shape


def text_in_row(
    drawing: Drawing,
    x: float,
    bottom: float,
    words: str,
    anchor: Anchor = "start",
    colour: Color = INK,
    bold: bool = False,
) -> String:
    """One line of text sitting in a row of height ROW whose lower edge is `bottom`."""
    baseline = bottom + (ROW - SIZE) / 2 + 0.2 * SIZE
    return text(drawing, x, baseline, words, SIZE, anchor, colour, bold)


def canvas_of(width: float, height: float) -> Drawing:
    """An empty drawing whose starting font is ours: reportlab otherwise starts every
    drawing in Helvetica and lists it among the page's fonts, used or not."""
    drawing = Drawing(width, height)
    drawing.initialFontName = font()  # type: ignore[attr-defined]  # read by renderPDF
    return drawing


def empty(width: float, height: float, sentence: str) -> Drawing:
    """A drawing that says, in one centred sentence, why there is no chart."""
    drawing = canvas_of(width, height)
    size = SENTENCE_SIZE
    while size > 7 and width_of(sentence, size) > width - 2 * PAD:
        size -= 0.5
    text(drawing, width / 2, height / 2 - 0.35 * size, sentence, size, "middle", FAINT)
    return drawing


# -- hatching: how areas differ on a black-and-white print --------------------------------

HATCH_SPACING = 3.2
_HATCH: dict[Area, str] = {
    Area.PRODUCTION: "",  # plain: the work itself
    Area.MARKETING: "/",
    Area.SALES: "-",
    Area.ADMIN: "\\",
}


def hatch(x: float, y: float, w: float, h: float, area: Area, colour: Color) -> list[Line]:
    """The area's hatch lines clipped to a rectangle; lines sit on one grid for the whole
    page, so the pieces of a stacked bar hatch as one."""
    kind, step = _HATCH[area], HATCH_SPACING
    lines: list[Line] = []
    if not kind or w <= 0 or h <= 0:
        return lines

    def add(x1: float, y1: float, x2: float, y2: float) -> None:
        if abs(x2 - x1) + abs(y2 - y1) > 0.3:
            lines.append(Line(x1, y1, x2, y2, strokeColor=colour, strokeWidth=0.5))

    if kind == "-":
        level = (int(y / step) + 1) * step
        while level < y + h:
            add(x, level, x + w, level)
            level += step
        return lines
    if kind == "/":  # y = x - c
        c = (int((x - y - h) / step) - 1) * step
        while c < x + w - y:
            start, end = max(x, y + c), min(x + w, y + h + c)
            if start < end:
                add(start, start - c, end, end - c)
            c += step
        return lines
    c = (int((x + y) / step) - 1) * step  # "\": y = c - x
    while c < x + w + y + h:
        start, end = max(x, c - y - h), min(x + w, c - y)
        if start < end:
            add(start, c - start, end, c - end)
        c += step
    return lines


def rect(
    x: float,
    y: float,
    w: float,
    h: float,
    fill: Color | None,
    stroke: Color | None = None,
    stroke_width: float = 0.6,
) -> Rect:
    """A rectangle (its attributes set one by one: the stubs miss Rect's keywords)."""
    box = Rect(x, y, w, h)
    box.fillColor, box.strokeColor, box.strokeWidth = fill, stroke, stroke_width
    return box


def area_box(
    drawing: Drawing, x: float, y: float, w: float, h: float, area: Area, planned: bool = False
) -> Rect:
    """A piece of a bar in an area's colour and pattern: solid when done, a wash when planned."""
    colour = area_colour(area)
    if planned:
        box = rect(x, y, w, h, planned_fill(area), colour, 0.6)
    else:
        box = rect(x, y, w, h, colour, WHITE, 0.4)
    drawing.add(box)
    for line in hatch(x, y, w, h, area, colour if planned else WHITE):
        drawing.add(line)
    return box


# -- legends ------------------------------------------------------------------------------

Swatch = Callable[[Drawing, float, float], None]  # draws at (left, middle of the row)
SWATCH = 9.0  # a swatch box's side
LINE_SWATCH = 16.0  # a line swatch's length


@dataclass(frozen=True)
class LegendItem:
    words: str
    draw: Swatch
    swatch_width: float = SWATCH

    @property
    def width(self) -> float:
        return self.swatch_width + 3 + width_of(self.words)


def area_item(area: Area) -> LegendItem:
    def draw(drawing: Drawing, x: float, middle: float) -> None:
        area_box(drawing, x, middle - SWATCH / 2, SWATCH, SWATCH, area)

    return LegendItem(area.label, draw)


def box_item(words: str, fill: Color, stroke: Color | None = None) -> LegendItem:
    def draw(drawing: Drawing, x: float, middle: float) -> None:
        drawing.add(rect(x, middle - SWATCH / 2, SWATCH, SWATCH, fill, stroke))

    return LegendItem(words, draw)


def line_item(
    words: str,
    colour: Color,
    width: float,
    dash: list[float] | None = None,
    marker: str = "",
) -> LegendItem:
    def draw(drawing: Drawing, x: float, middle: float) -> None:
        line = Line(x, middle, x + LINE_SWATCH, middle, strokeColor=colour, strokeWidth=width)
        if dash:
            line.strokeDashArray = dash
        drawing.add(line)
        if marker:
            drawing.add(dot(x + LINE_SWATCH / 2, middle, 2.2, marker))

    return LegendItem(words, draw, LINE_SWATCH)


def marker_item(words: str, kind: str) -> LegendItem:
    def draw(drawing: Drawing, x: float, middle: float) -> None:
        drawing.add(dot(x + SWATCH / 2, middle, 2.8, kind))

    return LegendItem(words, draw)


def dot(x: float, y: float, r: float, kind: str) -> Circle | Polygon:
    """A point on a line: 'filled' (done), 'hollow' (planned) or 'behind' (a hollow
    triangle pointing down)."""
    if kind == "behind":
        points = [x - r * 1.15, y + r * 0.8, x + r * 1.15, y + r * 0.8, x, y - r * 1.2]
        return Polygon(points, fillColor=WHITE, strokeColor=INK, strokeWidth=0.9)
    if kind == "hollow":
        return Circle(x, y, r, fillColor=WHITE, strokeColor=PLANNED_LINE, strokeWidth=1.0)
    return Circle(x, y, r, fillColor=INK, strokeColor=WHITE, strokeWidth=0.5)


def legend_rows(items: Sequence[LegendItem], width: float) -> list[list[LegendItem]]:
    """Items in rows that fit `width`, in order."""
    rows: list[list[LegendItem]] = [[]]
    used = 0.0
    for item in items:
        need = item.width + (3 * GAP if rows[-1] else 0)
        if rows[-1] and used + need > width:
            rows.append([])
            used, need = 0.0, item.width
        rows[-1].append(item)
        used += need
    return rows


def legend_height(items: Sequence[LegendItem], width: float) -> float:
    return len(legend_rows(items, width)) * ROW


def draw_legend(
    drawing: Drawing, items: Sequence[LegendItem], left: float, bottom: float, width: float
) -> None:
    """The legend in rows, the last row's lower edge at `bottom`, each row centred."""
    rows = legend_rows(items, width)
    for index, row in enumerate(rows):
        row_bottom = bottom + (len(rows) - 1 - index) * ROW
        used = sum(item.width for item in row) + 3 * GAP * (len(row) - 1)
        x = left + max(0.0, (width - used) / 2)
        for item in row:
            item.draw(drawing, x, row_bottom + ROW / 2)
            text_in_row(drawing, x + item.swatch_width + 3, row_bottom, item.words, colour=FAINT)
            x += item.width + 3 * GAP


# -- axes -----------------------------------------------------------------------------------


def grid_line(drawing: Drawing, left: float, right: float, y: float, zero: bool) -> None:
    colour, weight = (AXIS, 0.6) if zero else (GRID, 0.5)
    drawing.add(Line(left, y, right, y, strokeColor=colour, strokeWidth=weight))


def axis_label(drawing: Drawing, x: float, y: float, words: str, anchor: Anchor = "end") -> String:
    """A label beside an axis, centred on height `y`."""
    return text(drawing, x, y - 0.35 * SIZE, words, SIZE, anchor, FAINT)


def share_levels(plot_height: float) -> tuple[float, ...]:
    """The share axis' lines: every quarter when there is room, else halves, else the ends."""
    if plot_height >= 4 * ROW * 1.2:
        return (0.0, 0.25, 0.5, 0.75, 1.0)
    if plot_height >= 2 * ROW:
        return (0.0, 0.5, 1.0)
    return (0.0, 1.0)


def label_step(label_width: float, spacing: float) -> int:
    """Label every item, every second, fourth… so that labels keep GAP between them."""
    step = 1
    while step * spacing < label_width + GAP:
        step *= 2
    return step
