"""The JSON export written as it is read: from the SQLite cursor to the file, table by
table and row by row, each item checked as the import will read it on its way out.

Memory stays that of the short tables (settings, plan, rules, series, sources) and the
ids that links name, whatever the years; the bytes are those the whole-document writer
(`json_text.dump_document`) makes for the same data.
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from datetime import UTC, datetime
from typing import TYPE_CHECKING, BinaryIO

from tradesman.exchange.document_out import ExportParts, head_of, write_document
from tradesman.exchange.export_check import ImportCheck
from tradesman.progress import Progress, Steps
from tradesman.services.counts import Counts
from tradesman.services.lead_settings import default_lead_settings, load_lead_settings
from tradesman.services.plan_rows import all_hand_offs, get_plan
from tradesman.services.settings import default_settings, load_settings
from tradesman.store import export_reads
from tradesman.store.columns import BLOCK, TASK
from tradesman.store.lead_columns import LEAD, SPEND, TAKINGS
from tradesman.store.reads import dbapi_connection
from tradesman.store.series_rows import all_records
from tradesman.store.tables import SOURCES, TASK_RULES

if TYPE_CHECKING:
    from tradesman.store.reads import Db


def export_parts(snapshot: Db, locale_name: str | None) -> ExportParts:
    """The data set of `snapshot`: the long tables as cursors not yet read. (Plain SQL
    only: `tradesman export` loads no SQLAlchemy.)"""
    db = dbapi_connection(snapshot)
    return ExportParts(
        settings=load_settings(db, locale_name),
        lead_settings=load_lead_settings(db, locale_name),
        plan=get_plan(db),
        rules=TASK_RULES.all(db),
        tasks=export_reads.rows_of(db, TASK),
        series=all_records(db),
        blocks=export_reads.rows_of(db, BLOCK, export_reads.BLOCK_ORDER),
        hand_offs=all_hand_offs(db),
        sources=SOURCES.all(db),
        leads=export_reads.rows_of(db, LEAD),
        spend=export_reads.rows_of(db, SPEND),
        takings=export_reads.rows_of(db, TAKINGS),
        lead_ids=export_reads.ids_of(db, LEAD),
    )


def write_export(
    snapshot: Db,
    locale_name: str | None,
    handle: BinaryIO,
    progress: Progress | None = None,
    checked: bool = True,
) -> Counts:
    """Write everything in `snapshot` to `handle` as the export's JSON text.

    With `checked`, each item is read back as the import reads it first, and a
    `BadDocument` stops the writing at the first that would not import."""
    parts = export_parts(snapshot, locale_name)
    check = None
    if checked:
        check = ImportCheck(
            head_of(parts), default_settings(locale_name), default_lead_settings(locale_name),
            datetime.now(UTC),
        )  # fmt: skip
    step: Callable[[], None] | None = None
    if progress is not None:
        db = dbapi_connection(snapshot)
        short = len(parts.rules) + len(parts.series) + len(parts.hand_offs) + len(parts.sources)
        long = export_reads.rows_in(db, *export_reads.LONG_TABLES)
        step = Steps(progress, short + long).step
    text = _Utf8Out(handle)
    try:
        counts = write_document(text, parts, check, step)
    finally:  # (a cursor left half-read would be closed later, by then without its connection)
        for rows in (parts.tasks, parts.blocks, parts.leads, parts.spend, parts.takings):
            if isinstance(rows, Generator):
                rows.close()
    text.flush()
    if progress is not None:
        progress(1.0)
    return Counts(
        counts["tasks"], counts["blocks"], counts["series"], counts["task_rules"],
        counts["leads"],
    )  # fmt: skip


class _Utf8Out:
    """Text to a binary handle as UTF-8, gathered into writes of about 64 KB."""

    def __init__(self, handle: BinaryIO) -> None:
        self._handle = handle
        self._parts: list[str] = []
        self._size = 0

    def write(self, text: str) -> None:
        self._parts.append(text)
        self._size += len(text)
        if self._size >= 65_536:
            self.flush()

    def flush(self) -> None:
        self._handle.write("".join(self._parts).encode("utf-8"))
        self._parts.clear()
        self._size = 0
