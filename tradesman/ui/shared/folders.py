"""The folder the owner last saved to or opened from, offered again next time."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings


class LastFolder:
    """Kept in the window state file, so file dialogs open where the owner was last."""

    def __init__(self, state: QSettings) -> None:
        self._state = state

    def get(self) -> Path:
        folder = str(self._state.value("folders/last", ""))
        return Path(folder) if folder and Path(folder).is_dir() else Path.home()

    def remember(self, path: Path) -> None:
        """Remember the folder `path` (a file the owner chose) is in."""
        self._state.setValue("folders/last", str(path.parent))
