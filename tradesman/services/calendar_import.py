"""Appointments from a phone's calendar file become blocks: the preview, then the import.

The reading itself is `exchange/calendar_in.py`. Here: which appointments are new (the
ones imported before are remembered, `calendar_event`), the preview the owner confirms
(how many blocks, which weeks, what is skipped and why, the area guessed), and the edit
that makes the blocks: one `Change`, so the window undoes the whole import in one step.
"""

from __future__ import annotations

import stat
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from tradesman.domain.area_guess import guess_area_of
from tradesman.domain.areas import Area
from tradesman.domain.blocks import TimeBlock
from tradesman.domain.imported_appointments import ImportedAppointment
from tradesman.domain.weeks import Week, format_day, week_containing
from tradesman.errors import UserError
from tradesman.exchange.calendar_in import (
    Appointment,
    CalendarReading,
    Skipped,
    read_calendar,
    refuse_if_too_large,
)
from tradesman.files import describe_os_error, shown_path
from tradesman.services.changes import Change, commit, rows
from tradesman.services.edited_tables import BLOCKS, IMPORTED
from tradesman.services.settings import load_settings
from tradesman.store.backup import Backup, BackupFailed
from tradesman.store.lookups import imported_events
from tradesman.store.reads import dbapi_connection
from tradesman.words import count_of

if TYPE_CHECKING:
    from tradesman.store.database import Store
    from tradesman.store.reads import Db

NOT_IMPORTED = "Nothing was imported"
WEEKS_BACK = 4  # the range an import looks at unless told: four weeks back ...
DAYS_AHEAD = 365  # ... to a year ahead (appointments are booked months out)


@dataclass(frozen=True)
class CalendarPreview:
    """What an import would do, as plain data: the window's dialog and the command line
    show it, and the import does exactly this."""

    name: str  # the file, as the owner knows it
    first: date
    last: date
    reading: CalendarReading
    already: frozenset[str]  # the appointments imported before (by their event names)
    week_start_day: date  # any first day of a week, to group the blocks by week
    split_days: bool = False

    def with_split_days(self, split_days: bool) -> CalendarPreview:
        return CalendarPreview(
            self.name, self.first, self.last, self.reading, self.already,
            self.week_start_day, split_days,
        )  # fmt: skip

    @property
    def new(self) -> tuple[Appointment, ...]:
        """The pieces that will become blocks."""
        taken = self.reading.taken(self.split_days)
        return tuple(piece for piece in taken if piece.event not in self.already)

    @property
    def imported_before(self) -> int:
        """Appointments in the range already imported (left out)."""
        taken = self.reading.taken(self.split_days)
        return len({piece.event for piece in taken if piece.event in self.already})

    @property
    def skipped(self) -> tuple[Skipped, ...]:
        """The events left out, and why (not those imported before, split)."""
        left_out = self.reading.left_out(self.split_days)
        return tuple(item for item in left_out if item.event not in self.already)

    @property
    def guessed_area(self) -> Area:
        """The area the titles' words point to: where the owner's choice starts."""
        return guess_area_of(piece.title for piece in self.new)

    def weeks(self) -> list[tuple[Week, int]]:
        """Each week that gets blocks, with how many."""
        offset = self.week_start_day.weekday()
        counts = Counter(
            Week(piece.day - timedelta(days=(piece.day.weekday() - offset) % 7))
            for piece in self.new
        )
        return sorted(counts.items(), key=lambda item: item[0].start)

    def lines(self) -> list[str]:
        """The preview in words, one line each (the dialog and the command line)."""
        new = self.new
        span = f"{format_day(self.first)} to {format_day(self.last)}"
        if new:
            weeks = self.weeks()
            lines = [
                f"{count_of(len(new), 'block')} from {self.name} ({span}), "
                f"in {count_of(len(weeks), 'week')}:"
            ]
            lines += [
                f"  week of {format_day(week.start)}: {count_of(n, 'block')}" for week, n in weeks
            ]
        else:
            lines = [f"No new appointments in {self.name} from {span}."]
        if self.imported_before:
            lines.append(
                f"Already imported, left out: {count_of(self.imported_before, 'appointment')}."
            )
        if self.skipped:
            lines.append(f"Skipped: {count_of(len(self.skipped), 'event')}:")
            lines += [
                f"  {item.title}, {format_day(item.day)}: {item.reason}" for item in self.skipped
            ]
        return lines


def default_range(today: date) -> tuple[date, date]:
    """Four weeks back to a year ahead."""
    return today - timedelta(weeks=WEEKS_BACK), today + timedelta(days=DAYS_AHEAD)


def read_calendar_file(path: Path) -> bytes:
    """The file's bytes; one that is too large is refused before it is read."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise UserError(f"{shown_path(path)} is not a file that can be imported.")
        refuse_if_too_large(info.st_size, shown_path(path.name))
        with path.open("rb") as handle:
            raw = handle.read()
    except OSError as exc:
        raise UserError(
            f"Could not read {shown_path(path)}: {describe_os_error(exc, reading=True)}."
        ) from exc
    return raw


def preview_calendar(
    session: Db, raw: bytes, name: str, first: date, last: date, split_days: bool = False
) -> CalendarPreview:
    """What importing `raw` from `first` to `last` would do (a read: nothing written).

    Times are turned into this computer's zone: the owner's."""
    if last < first:
        raise UserError(f"{NOT_IMPORTED}: the last day ({last}) is before the first ({first}).")
    reading = read_calendar(raw, name, first, last, own_uid_end=_own_uid_end(session))
    settings = load_settings(session, None)
    week = week_containing(first, settings.week_start)
    events = {piece.event for piece in reading.appointments}
    return CalendarPreview(
        name, first, last, reading, imported_events(session, events), week.start, split_days
    )


def _own_uid_end(session: Db) -> str | None:
    """How this data file's blocks' UIDs end in its own calendar file (None for a data
    base in memory, which never wrote one)."""
    from tradesman.exchange.calendar_out import uid_end
    from tradesman.services.calendar_export import file_key

    row = dbapi_connection(session).execute("PRAGMA database_list").fetchone()
    return uid_end(file_key(Path(row[2]))) if row is not None and row[2] else None


def preview_calendar_file(
    session: Db, path: Path, first: date, last: date, split_days: bool = False
) -> CalendarPreview:
    """`preview_calendar` of a file (for the window: the file is read off its thread)."""
    return preview_calendar(
        session, read_calendar_file(path), shown_path(path.name), first, last, split_days
    )


def import_calendar(session: Db, preview: CalendarPreview, area: Area) -> Change:
    """The preview's new appointments as blocks of `area`, remembered: one Change.

    Appointments imported meanwhile (another window, the command line) are left out
    here too, so nothing is added twice whatever happened since the preview."""
    already = imported_events(session, {piece.event for piece in preview.new})
    pieces = [piece for piece in preview.new if piece.event not in already]
    blocks = [
        TimeBlock(piece.day, piece.start, piece.end, area, piece.title, piece.notes)
        for piece in pieces
    ]
    made = commit(session, rows(BLOCKS, after=blocks))
    remembered = [
        ImportedAppointment(block.id, piece.event)
        for block, piece in zip(made.after_blocks, pieces, strict=True)
        if block.id is not None
    ]
    return made.then(commit(session, rows(IMPORTED, after=remembered)))


def import_calendar_after_backup(
    store: Store, preview: CalendarPreview, area: Area
) -> tuple[Change, Backup]:
    """`import_calendar` after a verified backup, as every import (the command line)."""
    try:
        return store.replace_after_backup(
            "before-import", lambda session: import_calendar(session, preview, area), NOT_IMPORTED
        )
    except BackupFailed as failed:
        raise UserError(f"{NOT_IMPORTED}. {failed.message}") from failed


def back_up_before_import(store: Store) -> Backup:
    """A verified backup, before the window imports a calendar (its edit follows)."""
    try:
        return store.backup("before-import")
    except BackupFailed as failed:
        raise UserError(f"{NOT_IMPORTED}. {failed.message}") from failed
