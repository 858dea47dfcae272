"""Export to a JSON file or stream: the whole data set, in one snapshot, known to
import back before anything is kept.

Plain SQL only (services/export_stream.py), so `tradesman export` reads over a bare
sqlite3 connection (store/plain_file.py) and never loads SQLAlchemy; the window exports
through its Store the same way.
"""

from __future__ import annotations

import contextlib
import io
import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from tradesman.errors import UserError
from tradesman.exchange.json_text import BadDocument
from tradesman.files import Output, output_for, save_output_from
from tradesman.progress import Progress, stretch
from tradesman.services.counts import Counts
from tradesman.services.export_stream import write_export
from tradesman.store.checks import damage_found
from tradesman.store.reads import dbapi_connection

if TYPE_CHECKING:
    from tradesman.store.plain_file import Readable
    from tradesman.store.reads import Db

NOT_EXPORTED = "Nothing was exported"


def export_text(data_file: Readable, locale_name: str | None) -> tuple[str, Counts]:
    """Everything as the JSON text of an export, once it is known to import back whole
    (the whole text in memory: for small data and tests; a file is written as it is
    read, by `export_to_file`)."""
    buffer = io.BytesIO()
    counts = export_to_stream(data_file, buffer, locale_name, checked_first=False)
    return buffer.getvalue().decode("utf-8"), counts


def export_to_file(
    data_file: Readable,
    path: Path | Output,
    locale_name: str | None,
    progress: Progress | None = None,
) -> Counts:
    """Write everything to `path` as JSON; the file appears complete or not at all.

    Tradesman's own files (the data file, its backups…) are refused before anything
    is read or written; a device or named pipe gets the JSON written straight in. (An
    `Output` is a path already judged by `files.output_for`.) The text is written as
    it is read, to a temporary file beside the target that is renamed into place once
    whole: a damaged file, an item that would not import back, or `Cancelled` from
    `progress` leave the target as it was and no temporary file behind.
    """
    output = path if isinstance(path, Output) else output_for(path, data_file.own_files())
    if output.stream:  # (nothing may reach a pipe before all of it is known to import)
        return save_output_from(
            output, lambda handle: export_to_stream(data_file, handle, locale_name, progress)
        )
    with _exporting(data_file) as snapshot:
        return save_output_from(
            output, lambda handle: write_export(snapshot, locale_name, handle, progress)
        )


def export_to_stream(
    data_file: Readable,
    handle: BinaryIO,
    locale_name: str | None,
    progress: Progress | None = None,
    checked_first: bool = True,
) -> Counts:
    """Write the export into `handle`, which cannot be taken back (standard output, a
    pipe): with `checked_first`, every item is read back as the import reads it in a
    first pass that writes nothing, and the text written in a second, both in one
    snapshot. Without it, the caller keeps what was written only if this returns."""
    with _exporting(data_file) as snapshot:
        if not checked_first:
            return write_export(snapshot, locale_name, handle, progress)
        with Path(os.devnull).open("wb") as nowhere:
            write_export(snapshot, locale_name, nowhere, _half(progress, 0.0))
        return write_export(snapshot, locale_name, handle, _half(progress, 0.5), checked=False)


@contextlib.contextmanager
def _exporting(data_file: Readable) -> Iterator[Db]:
    """A read of the whole data set for an export, refused in words when the file is
    damaged or the data would not import back.

    The file is checked thoroughly first (integrity_check, in the same snapshot that is
    read): a damaged index reads rows twice or not at all, and such an export could not
    be imported, or would bring the damage along. Nothing is kept from a file that
    fails; the owner is told how to get a sound copy back.
    """
    with data_file.reading() as snapshot:
        damage = damage_found(dbapi_connection(snapshot))
        if damage is not None:
            raise UserError(
                f"{NOT_EXPORTED}: your data file is damaged ({damage}). Put your newest good "
                "backup in its place (File → Restore from backup…, or `tradesman restore "
                "newest`; the damaged file is kept), then export again."
            )
        try:  # (the import's own checks, item by item: what is exported must import)
            yield snapshot
        except BadDocument as exc:
            raise UserError(
                f"{NOT_EXPORTED}: your data would not import back ({exc.message})"
            ) from exc


def _half(progress: Progress | None, start: float) -> Progress | None:
    return None if progress is None else stretch(progress, start, start + 0.5)
