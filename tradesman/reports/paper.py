"""Paper sizes, and what the two PDFs share: paragraph styles, colours, metadata,
fitting text into a width, and the tasks by area. (Shares as percents:
`tradesman.domain.numbers.percent`.)

`Paper` and the choice of size import nothing heavy, so a settings page may use them;
reportlab is imported inside the functions that need it, only when a PDF is made.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from enum import StrEnum
from functools import cache
from typing import TYPE_CHECKING, Any

from tradesman.domain.areas import AREAS, Area
from tradesman.domain.territory import territory_of
from tradesman.reports.fonts import BOLD, REGULAR, register_fonts
from tradesman.reports.text import one_line, shorten

if TYPE_CHECKING:
    from reportlab.lib.colors import Color
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfgen.canvas import Canvas

    from tradesman.domain.tasks import Task

MM = 72 / 25.4  # points in a millimetre

# Where US Letter is the everyday paper (the rest of the world uses A4).
_LETTER_TERRITORIES = frozenset(
    ("US", "CA", "MX", "PH", "CL", "CO", "VE", "GT", "CR", "PA", "DO", "PR", "SV", "NI", "HN")
)

CREATOR = "Tradesman"

# Colours for paper, as hex: dark text, secondary text, rules and shading that still
# show on a black-and-white printer.
INK = "#1d1d1b"
SOFT_INK = "#5c5c58"
RULE = "#b9b9b4"
FAINT_RULE = "#deded9"
SHADE = "#efefeb"


class Paper(StrEnum):
    A4 = "a4"
    LETTER = "letter"

    @property
    def label(self) -> str:
        return "A4" if self is Paper.A4 else "Letter"

    @property
    def size(self) -> tuple[float, float]:
        """Width and height in points, upright (portrait)."""
        if self is Paper.A4:
            return (210 * MM, 297 * MM)
        return (612.0, 792.0)

    @property
    def landscape(self) -> tuple[float, float]:
        width, height = self.size
        return (height, width)


def paper_for_territory(code: str | None) -> Paper:
    """Letter where it is the local paper (ISO 3166 two-letter code), A4 elsewhere."""
    return Paper.LETTER if code and code.strip().upper() in _LETTER_TERRITORIES else Paper.A4


def paper_from_environment(environ: Mapping[str, str] | None = None) -> Paper:
    """The paper of the locale that governs it: LC_ALL, then LC_PAPER, then LANG."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_PAPER", "LANG"):
        value = env.get(name)
        if value:
            return paper_for_territory(territory_of(value))
    return Paper.A4


def fit(text: str, font: str, size: float, width: float) -> str:
    """`text` on one line within `width` points in `font` at `size`: whole, or shortened
    with "…" (cut at a word where it can)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return shorten(text, lambda candidate: stringWidth(candidate, font, size) <= width)


def draw_text(canvas: Canvas, text: str, x: float, y: float, font: str, size: float) -> None:
    """`text` on one line from (`x`, `y`) in `font` at `size` (what every label on the
    printed week takes)."""
    canvas.setFont(font, size)
    canvas.drawString(x, y, text)


def tint(colour: Color, amount: float) -> Color:
    """`colour` washed towards white: amount 1 is the colour itself, 0 is white. (How a
    planned block, the technician part of a bar and a wash of an area all look.)"""
    from reportlab.lib.colors import Color

    return Color(*(1 - amount * (1 - part) for part in (colour.red, colour.green, colour.blue)))


@cache
def styles() -> dict[str, ParagraphStyle]:
    """The named paragraph styles, all in the bundled font."""
    from reportlab.lib.colors import HexColor
    from reportlab.lib.styles import ParagraphStyle

    register_fonts()
    ink, soft = HexColor(INK), HexColor(SOFT_INK)
    base = ParagraphStyle(
        "body",
        fontName=REGULAR,
        fontSize=9.5,
        leading=12.5,
        textColor=ink,
        bulletFontName=REGULAR,
        spaceAfter=4,
    )

    def like(name: str, **changes: Any) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **changes)

    return {
        "body": base,
        "small": like("small", fontSize=8, leading=10, spaceAfter=0),
        "soft": like("soft", fontSize=8, leading=10, textColor=soft, spaceAfter=0),
        "cell": like("cell", fontSize=8.5, leading=10.5, spaceAfter=0),
        "cell_head": like("cell_head", fontName=BOLD, fontSize=8, leading=10, spaceAfter=0),
        # A table with many columns (the ramp): a size smaller, so each week keeps to a line.
        "cell_tight": like("cell_tight", fontSize=7.5, leading=9.5, spaceAfter=0),
        "cell_head_tight": like(
            "cell_head_tight", fontName=BOLD, fontSize=7.5, leading=9, spaceAfter=0
        ),
        "title": like("title", fontName=BOLD, fontSize=26, leading=31, spaceAfter=6),
        "h1": like("h1", fontName=BOLD, fontSize=16, leading=20, spaceBefore=16, spaceAfter=8),
        "h2": like("h2", fontName=BOLD, fontSize=11.5, leading=14, spaceBefore=8, spaceAfter=4),
        "h3": like("h3", fontName=BOLD, fontSize=9.5, leading=12, spaceBefore=6, spaceAfter=2),
        "big": like("big", fontName=BOLD, fontSize=40, leading=46, spaceAfter=2),
        "lead": like("lead", fontSize=13, leading=17, spaceAfter=10),
        "bullet": like("bullet", leftIndent=12, bulletIndent=2, spaceAfter=3),
    }


def set_metadata(canvas: Canvas, title: str, author: str, subject: str) -> None:
    """The PDF's document information: what it is, whose it is, and that we made it."""
    canvas.setTitle(title)
    canvas.setAuthor(author)
    canvas.setSubject(subject)
    canvas.setCreator(CREATOR)


def author_of(business_name: str, owner_name: str) -> str:
    """The owner's name, or the business's when the owner left theirs empty."""
    return one_line(owner_name) or one_line(business_name)


def tasks_by_area(tasks: Iterable[Task]) -> list[tuple[Area, list[Task]]]:
    """Tasks grouped by area in the usual order of areas, each group in its given order."""
    groups: dict[Area, list[Task]] = {area: [] for area in AREAS}
    for task in tasks:
        groups[task.area].append(task)
    return [(area, items) for area, items in groups.items() if items]
