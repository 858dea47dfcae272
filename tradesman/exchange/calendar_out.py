"""The week on the phone: time blocks as an iCalendar document (RFC 5545).

Plain data in, bytes out: no Qt, no SQL, no clock or environment read here (the
caller passes the zone, the moment of writing and the data file's key), so the same
blocks always make the same events. The `icalendar` library writes the text (line
folding, escaping, the VTIMEZONE), and is loaded only when a calendar is made.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from tradesman.domain.blocks import BlockStatus, TimeBlock
from tradesman.domain.clock import format_hours
from tradesman.identity import APP_NAME, VERSION

if TYPE_CHECKING:
    from icalendar import Event

# The VTIMEZONE spells out the zone's changes this far either side of the blocks, so
# an event moved a little on the phone still finds its offset.
ZONE_MARGIN = timedelta(days=366)


@dataclass(frozen=True)
class CalendarOut:
    """What goes into one calendar file besides the blocks."""

    name: str  # the calendar's name on the phone (X-WR-CALNAME)
    zone: str | None  # the owner's IANA zone; None: floating times (see `_moment`)
    file_key: str  # tells this data file's blocks from another's (see block_uid)
    written: datetime  # the moment of writing, with its zone (DTSTAMP)


# How every event of ours ends its UID: an import of a calendar file knows our own
# blocks by it (and leaves them out, or they would be there twice).
OWN_UID_END = "@tradesman"


def block_uid(block_id: int, file_key: str) -> str:
    """The event's UID: the block's id (given out once per data file, never again) and
    the data file's key, so a re-export updates the phone's events instead of adding
    them twice, and two data files' block 7 are two events."""
    return f"b{block_id}{uid_end(file_key)}"


def uid_end(file_key: str) -> str:
    """How the UIDs of one data file's blocks end (a calendar import of that data file
    knows its own blocks by it)."""
    return f".{file_key}{OWN_UID_END}"


def calendar_bytes(blocks: Sequence[TimeBlock], out: CalendarOut) -> bytes:
    """One VEVENT a saved block, in a VCALENDAR with the zone's VTIMEZONE."""
    from icalendar import Calendar

    calendar = Calendar()
    calendar.add("prodid", f"-//{APP_NAME}//{APP_NAME} {VERSION}//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", out.name)
    if out.zone is not None:
        calendar.add("x-wr-timezone", out.zone)
    zone = None if out.zone is None else ZoneInfo(out.zone)
    for block in blocks:
        calendar.add_component(_event(block, zone, out))
    if zone is not None and blocks:
        first, last = min(b.day for b in blocks), max(b.day for b in blocks)
        calendar.add_missing_timezones(first - ZONE_MARGIN, last + ZONE_MARGIN)
    data: bytes = calendar.to_ical()
    return data


def _event(block: TimeBlock, zone: ZoneInfo | None, out: CalendarOut) -> Event:
    from icalendar import Event

    if block.id is None:
        raise ValueError("only saved blocks have a UID")
    event = Event()
    event.add("uid", block_uid(block.id, out.file_key))
    event.add("dtstamp", out.written.astimezone(UTC))  # (RFC 5545: DTSTAMP is in UTC)
    event.add("summary", block.title)
    event.add("dtstart", _moment(block.day, block.start, zone))
    event.add("dtend", _moment(block.day, block.end, zone))
    event.add("categories", [block.area.label])
    event.add("description", description(block))
    # (Cancelled shows as struck through or hidden on most phones: the time is free.)
    skipped = block.status is BlockStatus.SKIPPED
    event.add("status", "CANCELLED" if skipped else "CONFIRMED")
    event.add("transp", "TRANSPARENT" if skipped else "OPAQUE")
    return event


def _moment(day: date, minutes: int, zone: ZoneInfo | None) -> datetime:
    """The wall-clock time `minutes` after the day's midnight (24:00 is the next day's
    00:00). With a zone it is written with its TZID, so a phone in the same zone shows
    the same hours whatever the date's offset; without one it is "floating" (no TZID),
    which a phone shows at the same hours wherever it is."""
    wall = datetime.combine(day, time()) + timedelta(minutes=minutes)
    return wall if zone is None else wall.replace(tzinfo=zone)


def description(block: TimeBlock) -> str:
    """The area, the status when the block is done or skipped, and the notes."""
    lines = [f"Area: {block.area.label}"]
    if block.status is BlockStatus.DONE:
        took = block.actual_minutes
        lines.append("Done." if took is None else f"Done (took {format_hours(took)}).")
    elif block.status is BlockStatus.SKIPPED:
        lines.append("Skipped.")
    if block.notes:
        lines += ["", block.notes]
    return "\n".join(lines)
