"""The printed week's parts on work coming in, in its side column: the open quotes to
chase (a box to tick, who and what, the amount, how long each has waited) and a small
ruled table to write in the enquiries taken on site, to be copied into Tradesman when
the week is reviewed.

Who decides how much room each part gets is week_side_column.py; these only draw into
the room they are given and say how tall they are. The owner's words are drawn as
plain strings on the canvas (never Paragraph markup), so `&` and `<b>` print as typed.
"""

from __future__ import annotations

from reportlab.lib.colors import HexColor
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from tradesman.domain.money import format_amount
from tradesman.domain.weeks import DAY_NAMES, Week
from tradesman.domain.work_lanes import LeadCard
from tradesman.reports.fonts import BOLD, REGULAR
from tradesman.reports.paper import FAINT_RULE, INK, RULE, SOFT_INK, draw_text, fit
from tradesman.reports.sheets import WorkComingIn
from tradesman.reports.text import one_line

HEADING_HEIGHT = 14.0  # as the tasks' heading
QUOTE_HEIGHT = 20.0  # two lines: who and what with the amount, then its age
MORE_HEIGHT = 12.0  # "and 4 more on the Work page"

WRITE_IN_ROWS = 4  # rows to write in, when the column has room
WRITE_IN_FEWEST = 3  # and when it is short
WRITE_IN_ROW = 16.0  # tall enough to write in by hand with a pencil
_WRITE_IN_TOP = 36.0  # heading, its second line and the column heads


def quotes_height(shown: int, waiting: int) -> float:
    """How tall the quotes part is with `shown` of `waiting` quotes (0 when none wait:
    the part is left out)."""
    if waiting == 0:
        return 0.0
    return HEADING_HEIGHT + shown * QUOTE_HEIGHT + (MORE_HEIGHT if shown < waiting else 0.0)


def quotes_that_fit(room: float, waiting: int, most: int) -> int:
    """How many quotes, at most `most`, fit in `room` points with the count of the rest."""
    shown = min(waiting, most)
    while shown > 0 and quotes_height(shown, waiting) > room:
        shown -= 1
    return shown


def money(minor: int, coming_in: WorkComingIn) -> str:
    """'GBP 3,200' (or 'EUR 3.200,50'): the amount with its currency, as the Work page
    and `tradesman leads` write it."""
    return f"{coming_in.currency} {format_amount(minor, coming_in.decimal_mark)}"


def waited_words(card: LeadCard) -> str:
    """'quoted today', 'quoted yesterday', 'quoted 12 days ago'."""
    days = card.age_days
    if days == 0:
        return "quoted today"
    return "quoted yesterday" if days == 1 else f"quoted {days} days ago"


def draw_quotes(
    canvas: Canvas, coming_in: WorkComingIn, x: float, top: float, w: float, shown: int
) -> float:
    """The first `shown` quotes (the longest waiting) under a heading, the rest counted.
    Returns where the next part may start."""
    quotes = coming_in.quotes
    canvas.setFillColor(HexColor(INK))
    draw_text(canvas, "Quotes to chase", x, top - 9, BOLD, 9.5)
    total = sum(card.amount or 0 for card in quotes)
    count = f"{len(quotes)} open" + (f" · {money(total, coming_in)}" if total else "")
    canvas.setFillColor(HexColor(SOFT_INK))
    canvas.setFont(REGULAR, 7.5)
    canvas.drawRightString(x + w, top - 9, count)
    top -= HEADING_HEIGHT
    for card in quotes[:shown]:
        _draw_quote(canvas, card, coming_in, x, top, w)
        top -= QUOTE_HEIGHT
    rest = len(quotes) - shown
    if rest:
        words = f"and {rest} more on the Work page" if shown else f"{rest} on the Work page"
        canvas.setFillColor(HexColor(SOFT_INK))
        draw_text(canvas, words, x + 11, top - 8, REGULAR, 7.5)
        top -= MORE_HEIGHT
    return top


def _draw_quote(
    canvas: Canvas, card: LeadCard, coming_in: WorkComingIn, x: float, top: float, w: float
) -> None:
    lead = card.lead
    canvas.setStrokeColor(HexColor(INK))
    canvas.setLineWidth(0.7)
    canvas.rect(x + 1, top - 7.8, 6.5, 6.5, stroke=1, fill=0)
    amount = "" if card.amount is None else money(card.amount, coming_in)
    amount_w = stringWidth(amount, BOLD, 7.5)
    canvas.setFillColor(HexColor(INK))
    who = one_line(lead.who) + (f" – {one_line(lead.what)}" if one_line(lead.what) else "")
    room = w - 11 - (amount_w + 6 if amount else 0)
    draw_text(canvas, fit(who, REGULAR, 8, room), x + 11, top - 7.4, REGULAR, 8)
    if amount:
        canvas.setFont(BOLD, 7.5)
        canvas.drawRightString(x + w, top - 7.4, amount)
    # A quote that has waited longer than the owner's limit is marked in words and in
    # bold, as the Work page marks it: on a black-and-white print, colour would not show.
    words = waited_words(card)
    if card.stale:
        words += " · chase it, or mark it lost"
    font = BOLD if card.stale else REGULAR
    canvas.setFillColor(HexColor(INK if card.stale else SOFT_INK))
    draw_text(canvas, fit(words, font, 7, w - 11), x + 11, top - 16, font, 7)


def write_in_height(rows: int) -> float:
    return _WRITE_IN_TOP + rows * WRITE_IN_ROW + 5


def draw_write_in(canvas: Canvas, week: Week, x: float, y: float, w: float, rows: int) -> None:
    """A box of `rows` ruled empty rows (day, who and what, where they heard of us) from
    `y` up, for the enquiries taken on site during the week."""
    h = write_in_height(rows)
    canvas.setStrokeColor(HexColor(RULE))
    canvas.setLineWidth(0.7)
    canvas.roundRect(x, y, w, h, 3, stroke=1, fill=0)
    top = y + h
    canvas.setFillColor(HexColor(INK))
    draw_text(canvas, "Enquiries taken this week", x + 5, top - 11, BOLD, 8.5)
    # The review is the week's last evening: Sunday for a Monday-to-Sunday week.
    review_day = DAY_NAMES[week.end.weekday()]
    canvas.setFillColor(HexColor(SOFT_INK))
    hint = f"Copy them in on {review_day}, in Week → Review the week."
    draw_text(canvas, fit(hint, REGULAR, 7, w - 10), x + 5, top - 20, REGULAR, 7)
    inner_x, inner_w = x + 5, w - 10
    day_w = 30.0
    heard_w = round(inner_w * 0.36)
    who_x = inner_x + day_w
    heard_x = inner_x + inner_w - heard_w
    heads_y = top - 31
    for text, left, width in (
        ("Day", inner_x, day_w),
        ("Who / what", who_x, heard_x - who_x),
        ("Heard of us from", heard_x, heard_w),
    ):
        draw_text(canvas, fit(text, BOLD, 7, width - 3), left + 1, heads_y, BOLD, 7)
    canvas.setStrokeColor(HexColor(RULE))
    canvas.setLineWidth(0.5)
    rows_top = top - _WRITE_IN_TOP
    canvas.line(inner_x, rows_top, inner_x + inner_w, rows_top)
    canvas.setStrokeColor(HexColor(FAINT_RULE))
    bottom = rows_top - rows * WRITE_IN_ROW
    for row in range(1, rows + 1):
        line_y = rows_top - row * WRITE_IN_ROW
        canvas.line(inner_x, line_y, inner_x + inner_w, line_y)
    for left in (who_x, heard_x):
        canvas.line(left - 2, rows_top + 9, left - 2, bottom)
