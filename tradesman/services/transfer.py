"""Export to and import from a JSON file: the whole data set, all or nothing."""

from __future__ import annotations

import stat
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from tradesman.errors import UserError
from tradesman.exchange.document import from_document, items_in
from tradesman.exchange.json_text import BadDocument, load_document
from tradesman.files import describe_os_error, shown_path
from tradesman.progress import Progress, Steps, no_progress, stretch
from tradesman.services.counts import Counts
from tradesman.services.data_set import replace_data_set
from tradesman.services.late_starts import LateStart, late_starts
from tradesman.services.lead_settings import default_lead_settings
from tradesman.services.settings import default_settings
from tradesman.store.backup import Backup, BackupFailed
from tradesman.store.database import Store

NOT_IMPORTED = "Nothing was imported"
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
