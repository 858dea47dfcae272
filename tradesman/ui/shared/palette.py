"""The area colours (tradesman/area_colours.py) as Qt colours and swatches; text drawn
on them is chosen for contrast by `text_on`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QColor

from tradesman.area_colours import AREA_HEX
from tradesman.domain.areas import Area

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon, QPalette

# WCAG's contrast for normal text: words in this colour read on the window's colour.
READABLE_CONTRAST = 4.5


def area_colour(area: Area) -> QColor:
    return QColor(AREA_HEX[area])


def swatch(area: Area, size: int = 14) -> QIcon:
    """A small square of the area's colour, for menus, lists and buttons."""
    from PySide6.QtGui import QIcon, QPixmap  # (not needed before the first paint)

    pixmap = QPixmap(size, size)
    pixmap.fill(area_colour(area))
    return QIcon(pixmap)


def text_on(background: QColor) -> QColor:
    """Black or white, whichever reads better on `background`."""
    r, g, b = background.redF(), background.greenF(), background.blueF()
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return QColor("#111111") if luminance > 0.55 else QColor("#ffffff")


def contrast(a: QColor, b: QColor) -> float:
    """The WCAG contrast ratio of two colours: 1 (the same) to 21 (black on white)."""
    lighter, darker = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _luminance(colour: QColor) -> float:
    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.03928 else ((channel + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in (colour.redF(), colour.greenF(), colour.blueF()))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def readable_accent(palette: QPalette) -> QColor:
    """The theme's highlight colour for words like "today", moved towards the text
    colour until it reads on the window: a dark theme's dark blue on dark grey does not."""
    from PySide6.QtGui import QPalette

    return readable_on(
        palette.color(QPalette.ColorRole.Highlight),
        (palette.color(QPalette.ColorRole.Window),),
        palette.color(QPalette.ColorRole.WindowText),
    )


WARNING_RED = "#c0392b"  # a problem said in words: a field's, a failed backup's


def warning_style(palette: QPalette) -> str:
    """The style sheet of words that warn: red, lightened on a dark theme until it reads
    on the window."""
    from PySide6.QtGui import QPalette

    red = readable_on(
        QColor(WARNING_RED),
        (palette.color(QPalette.ColorRole.Window),),
        palette.color(QPalette.ColorRole.WindowText),
    )
    return f"color: {red.name()};"


def readable_on(colour: QColor, backgrounds: tuple[QColor, ...], text: QColor) -> QColor:
    """`colour` moved towards the theme's `text` colour until it reads on every one of
    `backgrounds`: a warning red that reads on white does not on a dark theme's grey."""
    shown = QColor(colour)
    for step in range(1, 11):
        if all(contrast(shown, ground) >= READABLE_CONTRAST for ground in backgrounds):
            break
        shown = mix(colour, text, step / 10)
    return shown


def mix(a: QColor, b: QColor, share_of_b: float) -> QColor:
    """`a` with `share_of_b` of `b` mixed in (0 to 1)."""
    keep = 1 - share_of_b
    return QColor.fromRgbF(
        a.redF() * keep + b.redF() * share_of_b,
        a.greenF() * keep + b.greenF() * share_of_b,
        a.blueF() * keep + b.blueF() * share_of_b,
    )
