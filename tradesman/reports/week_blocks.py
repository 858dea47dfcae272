"""One block on the printed week: its area colour, its tick or dashed edge, and the
words that fit inside it (time, area, title), with the legend that explains them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reportlab.lib.colors import HexColor, white
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from tradesman.area_colours import AREA_HEX
from tradesman.domain.areas import AREAS
from tradesman.domain.blocks import BlockStatus, TimeBlock
from tradesman.domain.clock import format_clock
from tradesman.reports.fonts import ASCENT, BOLD, DESCENT, REGULAR
from tradesman.reports.paper import INK, SOFT_INK, tint
from tradesman.reports.text import ELLIPSIS, one_line, shorten

# Text inside blocks: sized to read at arm's length on a wall (about 8-9 pt)
TITLE_SIZE = 8.5
HEAD_SIZE = 8.0  # the times, in bold
LINE_STEP = 9.6
SMALLEST_SIZE = 5.0  # smaller than this does not read on paper

LETTERS = {area: area.label[0] for area in AREAS}  # P, M, S, A


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


def draw_block(canvas: Canvas, box: BlockBox) -> None:
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
        draw_tick(canvas, x + w - 1.5, y + h - 1.5, INK)
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


def draw_tick(canvas: Canvas, right: float, top: float, colour: str) -> None:
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


def draw_legend(canvas: Canvas, x: float, y: float) -> None:
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
    draw_tick(canvas, cursor + 6, base + 6, INK)
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
