"""The bundled font, registered with reportlab once per process.

reportlab's standard fonts cover Western European letters only; anything else prints
as boxes. DejaVu Sans Condensed (resources/fonts, free licence beside it) covers
Latin, Greek and Cyrillic, and its narrow letters keep a crowded week legible.
"""

from __future__ import annotations

from functools import cache

from tradesman.assets import resource_path

REGULAR = "TradesmanSans"
BOLD = "TradesmanSans-Bold"
_FILES = {REGULAR: "DejaVuSansCondensed.ttf", BOLD: "DejaVuSansCondensed-Bold.ttf"}
# How far the letters reach above and below the baseline, as shares of the size (to
# place text inside a box drawn on the canvas)
ASCENT, DESCENT = 0.76, 0.24


@cache
def register_fonts() -> None:
    """Make REGULAR and BOLD (and <b> inside Paragraphs) usable in reportlab."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for name, file in _FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", file))))
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, REGULAR)  # no italic face: italics print upright
    addMapping(REGULAR, 1, 1, BOLD)
