"""The area colours (tradesman/area_colours.py) as Qt colours and swatches; text drawn
on them is chosen for contrast by `text_on`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QColor

from tradesman.area_colours import AREA_HEX
from tradesman.domain.areas import Area

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon


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
