"""The list of sources, read with plain SQL (see store/rows.py): apart from sources.py's
edits, so the reads that need the list (the engines, the plan PDF) load no SQLAlchemy."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tradesman.domain.leads import Source, SourceKind
from tradesman.store.tables import SOURCES

if TYPE_CHECKING:
    from tradesman.store.reads import Db

_KIND_ORDER = {kind: index for index, kind in enumerate(SourceKind)}


def all_sources(db: Db, *, archived: bool = True) -> list[Source]:
    """The sources grouped by kind as the list is seeded, each kind in the order made;
    without the archived ones unless `archived`."""
    found = [source for source in SOURCES.all(db) if archived or not source.archived]
    return sorted(found, key=lambda source: (_KIND_ORDER[source.kind], source.id or 0))
