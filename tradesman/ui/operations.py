"""The window's one door to the data: reads, and changes that commit and announce themselves.

Every change runs in one write transaction through the services and then emits
`changed`, so every view re-reads what it shows; the window never shows an edit that
was not committed. Nothing here holds a Session beyond one call.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from tradesman.domain.settings import Settings
from tradesman.domain.split import WeekSplit
from tradesman.domain.weeks import Week
from tradesman.services.data_set import Counts
from tradesman.services.settings import load_settings
from tradesman.services.summary import week_split
from tradesman.services.transfer import ImportResult, export_to_file, import_from_file
from tradesman.store.database import Store


class Operations(QObject):
    changed = Signal()

    def __init__(self, store: Store, locale_name: str | None, parent: QObject | None = None):
        super().__init__(parent)
        self.store = store
        self.locale_name = locale_name
        self._settings: Settings | None = None
        self.changed.connect(self._forget_cached)

    @property
    def data_file(self) -> Path:
        return self.store.path

    def settings(self) -> Settings:
        if self._settings is None:
            with self.store.reading() as session:
                self._settings = load_settings(session, self.locale_name)
        return self._settings

    def week_split(self, week: Week) -> WeekSplit:
        with self.store.reading() as session:
            return week_split(session, week)

    # Whole-data-set work; these run on a worker thread (see ui/background.py), so they
    # must not touch widgets. The caller emits `changed` on the UI thread afterwards.
    def export_to(self, path: Path) -> Counts:
        return export_to_file(self.store, path, self.locale_name)

    def import_from(self, path: Path) -> ImportResult:
        return import_from_file(self.store, path, self.locale_name)

    def _forget_cached(self) -> None:
        self._settings = None
