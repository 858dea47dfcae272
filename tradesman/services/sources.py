"""Where work comes from: the list of sources, its edits (each a `Change`, so undo and
redo need nothing new) and the reads the Work page and the command line make."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from tradesman.domain.lead_checks import check_source_name
from tradesman.domain.leads import Source, SourceCount, SourceKind, sources_named
from tradesman.domain.validation import InvalidInput, quoted
from tradesman.errors import UserError
from tradesman.services.changes import Change, Row, commit, rows
from tradesman.services.edited_tables import BLOCKS, LEADS, SERIES, SOURCES, SPEND, TASKS
from tradesman.services.source_list import all_sources
from tradesman.store import tables
from tradesman.store.lookups import rows_per_source
from tradesman.store.series_rows import get_record, series_naming_source

if TYPE_CHECKING:
    from tradesman.store.reads import Db


class SourceGone(UserError):
    """The source was removed meanwhile (merged, or an undo)."""


def get_source(session: Db, source_id: int) -> Source:
    source = tables.SOURCES.get(session, source_id)
    if source is None:
        raise SourceGone("That source no longer exists.")
    return source


def sources_with_counts(session: Db) -> list[SourceCount]:
    """Every source with how many enquiries, blocks, series, tasks and spend name it."""
    counted = {
        name: rows_per_source(session, table)
        for name, table in (
            ("leads", "lead"), ("blocks", "block"), ("series", "series"), ("tasks", "task"),
            ("spend", "spend"),
        )
    }  # fmt: skip
    return [
        SourceCount(source, **{name: counts.get(source.id, 0) for name, counts in counted.items()})
        for source in all_sources(session)
    ]


def find_source(session: Db, text: str) -> Source:
    """The one source `text` names (see `sources_named`); refused in words when none or
    more than one does, naming them."""
    if not " ".join(text.split()):
        raise InvalidInput("source", "Where did they hear of you? Pick one, or Not sure.")
    found = sources_named(text, all_sources(session))
    if len(found) == 1:
        return found[0]
    if not found:
        raise InvalidInput(
            "source", f"No source starts with {quoted(text)}; `tradesman sources` lists them."
        )
    names = ", ".join(quoted(source.name) for source in found)
    raise InvalidInput("source", f"{quoted(text)} could be {names}; type more of the name.")


def add_source(session: Db, name: str, kind: SourceKind) -> Change:
    checked = check_source_name(name, all_sources(session))
    return commit(session, rows(SOURCES, after=[Source(checked, kind)]))


def rename_source(session: Db, source_id: int, name: str) -> Change:
    source = get_source(session, source_id)
    others = [other for other in all_sources(session) if other.id != source_id]
    renamed = source.with_changes(name=check_source_name(name, others))
    return commit(session, rows(SOURCES, [source], [renamed]))


def change_kind(session: Db, source_id: int, kind: SourceKind) -> Change:
    source = get_source(session, source_id)
    return commit(session, rows(SOURCES, [source], [source.with_changes(kind=kind)]))


def archive_source(session: Db, source_id: int, archived: bool = True) -> Change:
    """Hide a source from the choices (or bring it back); what names it keeps it."""
    source = get_source(session, source_id)
    return commit(session, rows(SOURCES, [source], [source.with_changes(archived=archived)]))


def merge_sources(session: Db, merged_id: int, kept_id: int) -> Change:
    """Everything `merged_id` names (enquiries, blocks, series, tasks, spend) moves to
    `kept_id`, and the merged source goes: one Change, one undo step."""
    if merged_id == kept_id:
        raise InvalidInput("source", "Pick another source to merge it into.")
    merged = get_source(session, merged_id)
    get_source(session, kept_id)
    touched: list[Row[Any]] = []
    for edited, stored in (
        (LEADS, tables.LEADS), (TASKS, tables.TASKS), (BLOCKS, tables.BLOCKS),
        (SPEND, tables.SPEND),
    ):  # fmt: skip
        before = stored.all(session, "source_id = ?", (merged_id,))
        touched += rows(edited, before, [item.with_changes(source_id=kept_id) for item in before])
    records = [get_record(session, key) for key in series_naming_source(session, merged_id)]
    moved = [replace(r, series=r.series.with_changes(source_id=kept_id)) for r in records]
    touched += rows(SERIES, records, moved)
    return commit(session, [*touched, *rows(SOURCES, [merged])])


def sources_cleared(change: Change) -> list[str]:
    """The titles of the blocks, series and tasks whose source the edit cleared (their
    area moved away from marketing), for the window to say so."""
    cleared: list[str] = []
    for row in change.rows:
        if row.table not in (BLOCKS, TASKS, SERIES) or row.before is None or row.after is None:
            continue
        before, after = row.before, row.after
        if row.table is SERIES:
            before, after = before.series, after.series
        if before.source_id is not None and after.source_id is None:
            cleared.append(after.title)
    return cleared
