"""Export to and import from a JSON file: the whole data set, all or nothing."""

from __future__ import annotations

import contextlib
import io
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import BinaryIO

from sqlalchemy.orm import Session

from tradesman.errors import UserError
from tradesman.exchange.document import from_document, items_in
from tradesman.exchange.json_text import BadDocument, load_document
from tradesman.files import Output, describe_os_error, output_for, save_output_from, shown_path
from tradesman.progress import Progress, Steps, no_progress, stretch
from tradesman.services.data_set import Counts, replace_data_set
from tradesman.services.export_stream import write_export
from tradesman.services.late_starts import LateStart, late_starts
from tradesman.services.lead_settings import default_lead_settings
from tradesman.services.settings import default_settings
from tradesman.store.backup import Backup, BackupFailed
from tradesman.store.checks import damage_found
from tradesman.store.database import Store
from tradesman.store.reads import dbapi_connection

NOT_IMPORTED = "Nothing was imported"
NOT_EXPORTED = "Nothing was exported"
# Whatever the app exports, it must import. The largest data set we promise to take is
# a million blocks and 300,000 tasks (a busy working life is about 100,000 blocks), every
# title at its longest in four-byte characters: about 1.34 GB exported
# (tests/test_exchange_exact.py works it out). The limit leaves room above that for
# notes; it is there only to refuse, in a sentence, a file too large to hold in memory,
# since an import reads the whole file at once.
MAX_IMPORT_BYTES = 2 * 1024**3


@dataclass(frozen=True)
class ImportResult:
    counts: Counts
    backup: Backup
    # Rules and series starting further back than their copies are made (to tell the owner).
    late_starts: tuple[LateStart, ...] = ()


def export_text(store: Store, locale_name: str | None) -> tuple[str, Counts]:
    """Everything as the JSON text of an export, once it is known to import back whole
    (the whole text in memory: for small data and tests; a file is written as it is
    read, by `export_to_file`)."""
    buffer = io.BytesIO()
    counts = export_to_stream(store, buffer, locale_name, checked_first=False)
    return buffer.getvalue().decode("utf-8"), counts


def export_to_file(
    store: Store, path: Path | Output, locale_name: str | None, progress: Progress | None = None
) -> Counts:
    """Write everything to `path` as JSON; the file appears complete or not at all.

    Tradesman's own files (the data file, its backups…) are refused before anything
    is read or written; a device or named pipe gets the JSON written straight in. (An
    `Output` is a path already judged by `files.output_for`.) The text is written as
    it is read, to a temporary file beside the target that is renamed into place once
    whole: a damaged file, an item that would not import back, or `Cancelled` from
    `progress` leave the target as it was and no temporary file behind.
    """
    output = path if isinstance(path, Output) else output_for(path, store.own_files())
    if output.stream:  # (nothing may reach a pipe before all of it is known to import)
        return save_output_from(
            output, lambda handle: export_to_stream(store, handle, locale_name, progress)
        )
    with _exporting(store) as session:
        return save_output_from(
            output, lambda handle: write_export(session, locale_name, handle, progress)
        )


def export_to_stream(
    store: Store,
    handle: BinaryIO,
    locale_name: str | None,
    progress: Progress | None = None,
    checked_first: bool = True,
) -> Counts:
    """Write the export into `handle`, which cannot be taken back (standard output, a
    pipe): with `checked_first`, every item is read back as the import reads it in a
    first pass that writes nothing, and the text written in a second, both in one
    snapshot. Without it, the caller keeps what was written only if this returns."""
    with _exporting(store) as session:
        if not checked_first:
            return write_export(session, locale_name, handle, progress)
        with Path(os.devnull).open("wb") as nowhere:
            write_export(session, locale_name, nowhere, _half(progress, 0.0))
        return write_export(session, locale_name, handle, _half(progress, 0.5), checked=False)


@contextlib.contextmanager
def _exporting(store: Store) -> Iterator[Session]:
    """A read of the whole data set for an export, refused in words when the file is
    damaged or the data would not import back.

    The file is checked thoroughly first (integrity_check, in the same snapshot that is
    read): a damaged index reads rows twice or not at all, and such an export could not
    be imported, or would bring the damage along. Nothing is kept from a file that
    fails; the owner is told how to get a sound copy back.
    """
    with store.reading() as session:
        damage = damage_found(dbapi_connection(session))
        if damage is not None:
            raise UserError(
                f"{NOT_EXPORTED}: your data file is damaged ({damage}). Put your newest good "
                "backup in its place (File → Restore from backup…, or `tradesman restore "
                "newest`; the damaged file is kept), then export again."
            )
        try:  # (the import's own checks, item by item: what is exported must import)
            yield session
        except BadDocument as exc:
            raise UserError(
                f"{NOT_EXPORTED}: your data would not import back ({exc.message})"
            ) from exc


def _half(progress: Progress | None, start: float) -> Progress | None:
    return None if progress is None else stretch(progress, start, start + 0.5)


def import_from_file(
    store: Store,
    path: Path,
    locale_name: str | None,
    now: datetime | None = None,
    today: date | None = None,
    progress: Progress | None = None,
) -> ImportResult:
    """Replace everything with the contents of `path`, after a verified backup.

    The whole file is checked first; a bad file raises a UserError naming the item and
    field, and the database is not touched. `progress` hears how far it has come, and
    may stop it with `Cancelled`: before the backup nothing has been done, after it the
    one transaction is rolled back (the backup stays, a copy of the data as it still is).
    """
    moment = now or datetime.now(UTC)
    told = progress or no_progress
    told(0.0)
    raw = _read_import_file(path)
    told(_READ)
    try:
        document = load_document(raw)
        del raw  # (the text is not needed once parsed: fifty years of it are 40 MB)
        told(_PARSED)
        data = from_document(
            document, default_settings(locale_name), moment, default_lead_settings(locale_name),
            Steps(told, items_in(document), _PARSED, _CHECKED).step,
        )  # fmt: skip
    except BadDocument as exc:
        raise BadDocument(
            f"Nothing was imported from {shown_path(path.name)}. {exc.message}"
        ) from None
    del document
    try:
        counts, backup = store.replace_after_backup(
            "before-import",
            lambda session: replace_data_set(session, data, moment, stretch(told, _BACKED_UP, 1.0)),
            NOT_IMPORTED,
        )
    except BackupFailed as failed:
        if not failed.of_the_data:
            raise UserError(f"{NOT_IMPORTED}. {failed.message}") from failed
        raise UserError(
            f"{NOT_IMPORTED}: your data file is damaged ({failed.detail}). Put your newest "
            "good backup in its place first (File → Restore from backup…, or `tradesman "
            "restore newest`; the damaged file is kept), then import again."
        ) from failed
    # (Nothing is told after the commit: a stop heard now would say "nothing changed"
    # of data that has changed.)
    return ImportResult(counts, backup, late_starts(data, today or date.today()))


# How far an import has come after each stretch of it, roughly in proportion to the
# time each takes (measured on fifty years of benchmarks/generate.py's weeks).
_READ, _PARSED, _CHECKED, _BACKED_UP = 0.02, 0.1, 0.5, 0.55


def _read_import_file(path: Path) -> bytes:
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise UserError(f"{shown_path(path)} is not a file that can be imported.")
        with path.open("rb") as handle:
            raw = handle.read(MAX_IMPORT_BYTES + 1)
    except OSError as exc:
        raise UserError(
            f"Could not read {shown_path(path)}: {describe_os_error(exc, reading=True)}."
        ) from exc
    if len(raw) > MAX_IMPORT_BYTES:
        raise UserError(
            f"Nothing was imported from {shown_path(path.name)}. It is "
            f"{_size(max(info.st_size, len(raw)))}, more than Tradesman can import at once "
            f"({_size(MAX_IMPORT_BYTES)})."
        )
    return raw


def _size(size: int) -> str:
    """A file size as people say it: '2,147 MB', '35 KB', '120 bytes'."""
    if size >= 1_000_000:
        return f"{size / 1_000_000:,.0f} MB"
    if size >= 1_000:
        return f"{size / 1_000:,.0f} KB"
    return f"{size:,} bytes"
