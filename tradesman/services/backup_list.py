"""The backups as the window and the command line show them: when, why, what each
holds, and whether this version of Tradesman can restore it.

The backups folder itself is the store's (store/backup_shelf.py); here its entries
become a plain services type, so the window never handles a store type.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from tradesman.store.backup_shelf import ShelvedBackup, list_backups
from tradesman.store.migrations import SCHEMA_VERSION


@dataclass(frozen=True)
class KeptBackup:
    """One backup in the backups folder, with what it holds."""

    path: Path
    taken: datetime  # local time, from its name
    reason: str  # "automatic", "before-import", ...
    blocks: int
    tasks: int
    # Written by a newer Tradesman: this version cannot read it (install that one).
    newer: bool
    # Why it cannot be restored, in a few words (None: it could be read).
    damage: str | None = None

    @staticmethod
    def of(shelved: ShelvedBackup) -> KeptBackup:
        return KeptBackup(
            shelved.path,
            shelved.taken,
            shelved.reason,
            shelved.blocks,
            shelved.tasks,
            shelved.schema_version > SCHEMA_VERSION,
            shelved.damage,
        )


def kept_backups(folder: Path) -> list[KeptBackup]:
    """The backups in `folder`, newest first (one that cannot be read with its `damage`)."""
    return [KeptBackup.of(shelved) for shelved in list_backups(folder)]


def restorable_here(backups: list[KeptBackup]) -> list[KeptBackup]:
    """The backups this version of Tradesman can go back to: not one a newer version
    wrote. (A damaged one stays in the list, so the owner sees it, but cannot be picked.)"""
    return [backup for backup in backups if not backup.newer]
