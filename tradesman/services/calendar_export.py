"""The blocks of a range of days as a calendar file (.ics), for the window and the
command line alike.

The repeating blocks of the range are made first, in a step of their own (as the
window does when it shows a week), then the blocks are read in one transaction and
written out by `exchange/calendar_out.py`, outside it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from tradesman.services.blocks import blocks_between
from tradesman.services.series import catch_up_series
from tradesman.services.settings import load_settings

if TYPE_CHECKING:
    from pathlib import Path

    from tradesman.store.database import Store

# The range when none is asked for: the recent past for looking back on the phone, and
# the next three months the owner plans ahead (the four weeks and twelve).
WEEKS_BACK = 4
WEEKS_AHEAD = 12
# The file the always-current calendar keeps in the folder the owner picks.
CALENDAR_FILE_NAME = "tradesman.ics"


def written_by_someone_else(path: Path) -> bool:
    """Whether `path` holds something Tradesman did not write (a calendar of the
    owner's own, say, or a folder of that name), which keeping the calendar file there
    would write over. A file of ours names Tradesman as its maker (a PRODID line) near
    its start; no file, or an empty one, is free to write."""
    import stat

    from tradesman.identity import APP_NAME

    try:
        kind = path.stat().st_mode
    except FileNotFoundError:
        return False
    except OSError:
        return True  # (cannot be looked at: not to be written over blind)
    if not stat.S_ISREG(kind):
        return True  # (a folder, a pipe: never opened, a pipe would wait for ever)
    try:
        with path.open("rb") as file:
            start = file.read(4096)
    except OSError:
        return True
    if not start.strip():
        return False
    maker = f"PRODID:-//{APP_NAME}//".encode()
    return not any(line.strip().startswith(maker) for line in start.splitlines())


@dataclass(frozen=True)
class CalendarFile:
    data: bytes
    blocks: int  # how many events it holds
    first: date
    last: date


def default_range(today: date) -> tuple[date, date]:
    """Four weeks back to twelve ahead of `today`, both days included."""
    return today - timedelta(weeks=WEEKS_BACK), today + timedelta(weeks=WEEKS_AHEAD)


def file_key(data_file: Path) -> str:
    """The data file's part of every UID: a short hash of where the file is.

    The data file carries no id of its own, and giving it one would mean writing on
    export. Its place on this machine tells two data folders apart and stays the same
    through edits, backups and restores of that folder, which is what keeps a
    re-export's UIDs the same. (An import or restore renumbers the blocks anyway, so
    an id kept inside the file would not carry the UIDs across those either.)"""
    where = str(data_file.resolve()).encode("utf-8", "surrogateescape")
    return hashlib.sha256(where).hexdigest()[:12]


def calendar_file(
    store: Store,
    locale_name: str | None,
    first: date,
    last: date,
    today: date,
    zone: str | None,
    written: datetime,
) -> CalendarFile:
    """The blocks from `first` to `last` (both included) as iCalendar bytes, in `zone`
    (an IANA name; None writes floating times)."""
    from tradesman.exchange.calendar_out import CalendarOut, calendar_bytes

    catch_up_series(store, last, today)  # (a write of its own, when any are still due)
    with store.reading() as session:
        blocks = blocks_between(session, first, last)
        business = load_settings(session, locale_name).business_name
    name = f"{business} (Tradesman)" if business else "Tradesman"
    out = CalendarOut(name, zone, file_key(store.path), written)
    return CalendarFile(calendar_bytes(blocks, out), len(blocks), first, last)
