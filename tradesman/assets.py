"""Finding the files shipped in resources/ (installed as the package tradesman.resources)."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING

from tradesman.identity import APP_ID

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon

# The app icon's sizes in resources/icons/hicolor/ (made by packaging/make_icons.py).
ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def resource_path(*parts: str) -> Path:
    """The path of a shipped file, e.g. resource_path("icons", "tradesman.svg")."""
    return _shipped_folder().joinpath(*parts)


@functools.cache
def _shipped_folder() -> Path:
    """The folder of the package tradesman.resources: where a wheel, an editable install
    (which maps resources/ in) and the PyInstaller bundle all put the shipped files.
    importlib.resources finds the same folder (a test checks it), but loading it costs
    the window's start about 7 ms, before it is ready for edits."""
    from importlib import import_module

    # (By name: the package is resources/, mapped in by the install, not a folder here.)
    where = import_module("tradesman.resources").__file__
    assert where is not None, "tradesman.resources is a regular package (it has __init__.py)"
    return Path(where).parent


def app_icon_path(size: int | None = None) -> Path:
    """The app icon as drawn for `size` pixels (a PNG), or the scalable SVG."""
    if size is None:
        return resource_path("icons", "hicolor", "scalable", "apps", f"{APP_ID}.svg")
    return resource_path("icons", "hicolor", f"{size}x{size}", "apps", f"{APP_ID}.png")


def app_icon() -> QIcon:
    """The app icon with every drawn size, so Qt picks the one made for each place
    (the 16 px one is drawn for 16 px, not shrunk), and without QtSvg's plugin."""
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QIcon

    icon = QIcon()
    for size in ICON_SIZES:
        # (With its size given, a file is read only when that size is first drawn.)
        icon.addFile(str(app_icon_path(size)), QSize(size, size))
    return icon
