"""Whether the window can open here at all: asked before anything else of the window.

Qt's answer to a missing display on Linux is to abort the whole process (exit 134, a
core dump), so the window asks first, before loading PySide or reading the data file.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def missing_display(environ: dict[str, str] | None = None) -> str | None:
    """Why no window can open here, in a sentence; None when one can (or cannot tell).

    Only the plain cases are judged: no display named at all, or a local X display
    whose socket is not there.
    """
    env = os.environ if environ is None else environ
    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return None
    if env.get("QT_QPA_PLATFORM") or env.get("WAYLAND_DISPLAY"):
        return None  # (a platform chosen on purpose, or Wayland: Qt finds its own way)
    display = env.get("DISPLAY", "")
    later = "The commands still work without one; `tradesman --help` lists them."
    if not display:
        return f"No display was found, so the window cannot open. {later}"
    if display.startswith(":"):
        number = display[1:].split(".")[0]
        socket = f"/tmp/.X11-unix/X{number}"
        if not Path(socket).exists() and not _abstract_socket_listed(socket):
            return f"The display {display} cannot be reached, so the window cannot open. {later}"
    return None


def _abstract_socket_listed(name: str) -> bool:
    """Whether an X server listens on the abstract socket '@<name>' (Linux)."""
    try:
        return f"@{name}" in Path("/proc/net/unix").read_text(errors="replace")
    except OSError:
        return True  # (cannot tell: let Qt try)
