"""One set of area colours for the whole app: calendar, split bar, charts and PDFs.

Mid-tone colours that stay readable on light and dark window themes; text drawn on
them is chosen for contrast by `text_on`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QColor

from tradesman.domain.areas import Area

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon

AREA_HEX: dict[Area, str] = {
    Area.PRODUCTION: "#c7772e",  # timber orange: the work itself
    Area.MARKETING: "#2f9e68",  # green: what brings the leads
    Area.SALES: "#3a78c9",  # blue
    Area.ADMIN: "#8a6cc0",  # violet
}


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
