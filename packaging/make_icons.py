"""Render the app's icon set for the desktop (hicolor theme layout), offscreen.

    python packaging/make_icons.py

Reads resources/icons/tradesman.svg (and tradesman-small.svg, a pixel-aligned
drawing with a thicker try square that stays readable at 16-32 px) and writes
resources/icons/hicolor/<N>x<N>/apps/<APP_ID>.png for every size in
tradesman.assets.ICON_SIZES, plus
resources/icons/hicolor/scalable/apps/<APP_ID>.svg. Run it again after changing
either SVG and commit the results; the app and the packages use the files as they are.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
SMALL_UP_TO = 32  # sizes up to this one are drawn from the small variant
SNAPPED = ("stock", "blade")  # the try square's rectangles, put on whole pixels


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    from tradesman.assets import ICON_SIZES
    from tradesman.identity import APP_ID

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderers = {
        name: QSvgRenderer(str(ICONS / name)) for name in ("tradesman.svg", "tradesman-small.svg")
    }
    for name, renderer in renderers.items():
        missing = [e for e in ("tile", *SNAPPED) if not renderer.elementExists(e)]
        if not renderer.isValid() or missing:
            print(f"make_icons: cannot read {name} {missing or ''}", file=sys.stderr)
            return 1
    for size in ICON_SIZES:
        source = "tradesman-small.svg" if size <= SMALL_UP_TO else "tradesman.svg"
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer = renderers[source]
        scale = size / renderer.viewBoxF().width()
        for element in ("tile", *SNAPPED):
            box = renderer.boundsOnElement(element)
            edges = [edge * scale for edge in (box.left(), box.top(), box.right(), box.bottom())]
            if element in SNAPPED:
                # The square's rectangles with their edges rounded to whole pixels: where
                # they fall between pixels (22, 24, 48 px) they would otherwise go soft.
                edges = [round(edge) for edge in edges]
            left, top, right, bottom = edges
            renderer.render(painter, element, QRectF(left, top, right - left, bottom - top))
        painter.end()
        target = ICONS / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(target), "PNG"):
            print(f"make_icons: cannot write {target}", file=sys.stderr)
            return 1
        print(f"{target.relative_to(ROOT)} (from {source})")
    scalable = ICONS / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(ICONS / "tradesman.svg", scalable)
    print(scalable.relative_to(ROOT))
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
