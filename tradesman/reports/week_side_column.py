"""The printed week's side column: the planned hours as a bar against the target, the
tasks due (the most pressing that fit, by area, with a box to tick), the quotes to
chase, a ruled box for notes in what is left, and at the foot a table to write in the
enquiries taken on site (the last two parts: week_coming_in.py). The plan's copy of
the week has no quotes and no enquiries table, and keeps the notes' room as before.
"""

from __future__ import annotations

from reportlab.lib.colors import HexColor
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from tradesman.area_colours import AREA_HEX
from tradesman.domain.areas import AREAS, Area
from tradesman.domain.clock import format_hours
from tradesman.domain.numbers import percent
from tradesman.domain.split import Split
from tradesman.domain.tasks import Task
from tradesman.domain.weeks import SHORT_DAY_NAMES, format_day
from tradesman.reports.fonts import BOLD, REGULAR
from tradesman.reports.paper import FAINT_RULE, INK, RULE, SOFT_INK, draw_text, fit, styles, tint
from tradesman.reports.sheets import WeekSheet, WorkComingIn
from tradesman.reports.text import escape, one_line, shorten
from tradesman.reports.week_coming_in import (
    WRITE_IN_FEWEST,
    WRITE_IN_ROWS,
    draw_quotes,
    draw_write_in,
    quotes_height,
    quotes_that_fit,
    write_in_height,
)

SPLIT_BAR_HEIGHT = 11.0
TASK_GAP = 2.5
TASK_HEADING_HEIGHT = 13.0
TASK_LINES = 5  # a task's title is printed in full up to this many lines
NOTES_MIN_HEIGHT = 64.0
NOTES_LINE_STEP = 17.0
NOTES_FEWEST = 45.0  # a notes box with at least a line to write on, or none
PART_GAP = 10.0  # between the parts below the split
QUOTES_KEPT = 3  # the quotes shown however many tasks are due
QUOTES_MOST = 6  # and at most: the Work page lists them all


def draw_side_column(
    canvas: Canvas, sheet: WeekSheet, x: float, y: float, w: float, h: float
) -> None:
    """The split bar at the top, the tasks due below it, then (on the printed week) the
    quotes to chase, notes in what is left, and the enquiries table at the foot."""
    top = _draw_split(canvas, sheet.planned, sheet.target_share, x, y + h, w, sheet.long_term_share)
    top -= 12
    if sheet.coming_in is None:
        notes_room = NOTES_MIN_HEIGHT + 10
        top = _draw_tasks(canvas, sheet, x, top, w, y + notes_room)
        _draw_notes(canvas, x, y, w, top - 10 - y)
        return
    _draw_with_coming_in(canvas, sheet, sheet.coming_in, x, y, w, top)


def _draw_with_coming_in(
    canvas: Canvas,
    sheet: WeekSheet,
    coming_in: WorkComingIn,
    x: float,
    y: float,
    w: float,
    top: float,
) -> None:
    """Tasks, quotes, notes and the enquiries table below the split, from `top` down.

    The calendar never gives way to these: it has the page's left side to itself
    whatever the column holds. When the column is short, its parts give way in this
    order: the notes box first (to nothing: the enquiries table is room to write in
    too), then the enquiries table (from 4 rows to 3), then the quotes (down to the 3
    longest waiting, the rest counted: all are on the Work page), and the tasks last
    (the rest counted: all are in Tradesman). So a crowded week still shows what is
    due, what to chase, and where to write down a new enquiry.
    """
    waiting = len(coming_in.quotes)
    fewest_table = write_in_height(WRITE_IN_FEWEST)
    kept = quotes_height(min(waiting, QUOTES_KEPT), waiting)
    floor = y + fewest_table + PART_GAP + (kept + PART_GAP if waiting else 0)
    top = _draw_tasks(canvas, sheet, x, top, w, floor)
    if waiting:
        top -= PART_GAP
        room = top - (y + fewest_table + PART_GAP)
        shown = quotes_that_fit(room, waiting, QUOTES_MOST)
        top = draw_quotes(canvas, coming_in, x, top, w, shown)
    # A quote list with nothing waiting would be one more heading to read on the van's
    # dashboard; it is left out, and its room goes to the notes.
    roomy = top - PART_GAP - y >= write_in_height(WRITE_IN_ROWS)
    rows = WRITE_IN_ROWS if roomy else WRITE_IN_FEWEST
    table_top = y + write_in_height(rows)
    notes_h = top - PART_GAP - (table_top + PART_GAP)
    if notes_h >= NOTES_FEWEST:
        _draw_notes(canvas, x, table_top + PART_GAP, w, notes_h)
    draw_write_in(canvas, sheet.week, x, y, w, rows)


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
    draw_text(canvas, "Planned hours", x, top - 9, BOLD, 9.5)
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
    draw_text(canvas, "Tasks due", x, top - 9, BOLD, 9.5)
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
    draw_text(canvas, f"and {count} more in Tradesman", x + 11, top - 8, REGULAR, 7.5)
    return top - styles()["soft"].leading - 2


def _draw_task_heading(canvas: Canvas, area: Area, x: float, top: float, w: float) -> None:
    colour = HexColor(AREA_HEX[area])
    canvas.setFillColor(colour)
    canvas.rect(x, top - 9.5, 3, 8, stroke=0, fill=1)
    canvas.setFillColor(HexColor(INK))
    draw_text(canvas, area.label, x + 6, top - 8.5, BOLD, 8)
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
    draw_text(canvas, "Notes", x + 5, y + h - 11, BOLD, 8.5)
    canvas.setStrokeColor(HexColor(FAINT_RULE))
    canvas.setLineWidth(0.5)
    line_y = y + h - 16 - NOTES_LINE_STEP
    while line_y > y + 6:
        canvas.line(x + 5, line_y, x + w - 5, line_y)
        line_y -= NOTES_LINE_STEP
