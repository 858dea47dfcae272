"""Appointments read from a calendar file (.ics, RFC 5545), as the pieces of days they fill.

Pure reading: bytes in, plain data out, no Qt and no database. What to do with what it
reads (which pieces are new, the blocks they become) is the services' job
(`services/calendar_import.py`).

Recurring events are expanded by `recurring-ical-events`, not by icalendar's RRULE
parsing with dateutil: a phone's export also has EXDATEs, RDATEs and single
occurrences moved (RECURRENCE-ID), each with its own zone and DST rules, and that
library is made for exactly this (icalendar's own docs point to it). Both libraries
load only when a file is read, so the app's start never pays for them.

Times become the owner's wall clock: an event's zone (its TZID, or UTC) is turned into
the owner's zone (`zone`; None: this computer's), since a block is hours on the owner's
day. A floating time (no zone) is already wall clock and stays as it is.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import TYPE_CHECKING, Any, NoReturn
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from tradesman.domain.clock import MINUTES_PER_DAY, STEP_MINUTES
from tradesman.domain.validation import NOTES_MAX, TITLE_MAX
from tradesman.errors import UserError

if TYPE_CHECKING:
    from icalendar import Component

# The limits, checked before the whole file is parsed (a phone's export of ten busy
# years is a few MB and some thousands of events): a larger file is not a calendar
# export but something that would hold the window for minutes.
MAX_BYTES = 20_000_000
MAX_EVENTS = 20_000
# Blocks from one import: a year of ten appointments a day is 3,650.
MAX_BLOCKS = 5_000
# The days one import reaches over, so a rule repeating daily for ever stays a few
# thousand occurrences.
MAX_DAYS = 3 * 365
NO_TITLE = "Appointment"

ALL_DAY = "an all-day event has no hours to plan"
SEVERAL_DAYS = "it runs over several days (it can be split into a block a day)"
NO_LENGTH = "it has no length"
CANCELLED = "it was cancelled"
OURS = "it is one of your own blocks, from Tradesman's calendar file of this data"


class BadCalendar(UserError):
    """A file that cannot be imported: one sentence, and nothing changed."""


@dataclass(frozen=True)
class Appointment:
    """One day's piece of an event: what becomes one block.

    `event` names the event (its UID, and for a recurring one which occurrence), so the
    same appointment imported again is known; the pieces of one event share it."""

    event: str
    day: date
    start: int  # minutes since midnight, wall clock
    end: int
    title: str
    notes: str = ""
    several_days: bool = False  # a piece of an event over several days


@dataclass(frozen=True)
class Skipped:
    """An event left out, and why (in words that follow "skipped because")."""

    title: str
    day: date
    reason: str
    event: str = ""  # (for an event over several days: which, as in Appointment)


@dataclass(frozen=True)
class CalendarReading:
    """What a file holds in the range. The pieces of events over several days are
    among `appointments`, marked, so ticking "split" needs no second reading."""

    appointments: tuple[Appointment, ...]
    skipped: tuple[Skipped, ...]

    def taken(self, split_days: bool) -> tuple[Appointment, ...]:
        """The pieces that become blocks."""
        if split_days:
            return self.appointments
        return tuple(piece for piece in self.appointments if not piece.several_days)

    def left_out(self, split_days: bool) -> tuple[Skipped, ...]:
        """The events skipped, and why: with "split" unticked, each event over several
        days too (once, on its first day in the range)."""
        if split_days:
            return self.skipped
        seen: dict[str, Skipped] = {}
        for piece in self.appointments:
            if piece.several_days and piece.event not in seen:
                seen[piece.event] = Skipped(piece.title, piece.day, SEVERAL_DAYS, piece.event)
        return tuple(sorted((*self.skipped, *seen.values()), key=lambda item: item.day))


def refuse_if_too_large(size: int, name: str) -> None:
    """Refuse a file over MAX_BYTES before it is read."""
    if size > MAX_BYTES:
        raise BadCalendar(
            f"Nothing was imported from {name}: it is {size / 1_000_000:,.0f} MB, and a "
            f"calendar file can be at most {MAX_BYTES // 1_000_000} MB."
        )


def read_calendar(
    raw: bytes,
    name: str,
    first: date,
    last: date,
    zone: tzinfo | None = None,
    own_uid_end: str | None = None,
) -> CalendarReading:
    """The appointments from `first` to `last` (days, inclusive) in an .ics file's bytes.

    `name` is the file as the owner knows it, for the sentences. Events whose UID ends
    with `own_uid_end` (calendar_out.uid_end: the blocks of the data being imported
    into, read back from its own calendar file) are left out, each said why. Raises
    BadCalendar (one sentence) for a file that is not a calendar, is damaged, too large
    or too full, or names a zone nobody knows.
    """
    refuse_if_too_large(len(raw), name)
    if (last - first).days >= MAX_DAYS:
        raise BadCalendar(
            f"Nothing was imported from {name}: choose at most {MAX_DAYS // 365} years "
            f"at once ({first.isoformat()} to {last.isoformat()} is longer)."
        )
    events = len(re.findall(rb"(?im)^BEGIN:VEVENT", raw))
    if events > MAX_EVENTS:
        raise BadCalendar(
            f"Nothing was imported from {name}: it holds {events:,} events, and Tradesman "
            f"imports at most {MAX_EVENTS:,} from one file."
        )
    calendar = _parse(raw, name)
    recurring = _check_events(calendar, name)
    reader = _Reader(first, last, zone, own_uid_end)
    for occurrence in _occurrences(calendar, first, last, name):
        reader.add(occurrence, recurring)
        if len(reader.appointments) > MAX_BLOCKS:
            raise BadCalendar(
                f"Nothing was imported from {name}: it has more than {MAX_BLOCKS:,} "
                f"appointments from {first.isoformat()} to {last.isoformat()}. "
                "Choose fewer weeks."
            )
    in_order = sorted(reader.appointments, key=lambda piece: (piece.day, piece.start))
    return CalendarReading(tuple(in_order), tuple(reader.skipped))


def _parse(raw: bytes, name: str) -> Component:
    from icalendar import Calendar

    if not re.match(rb"(?i)\s*(\xef\xbb\xbf)?BEGIN:VCALENDAR", raw):
        raise BadCalendar(f"Nothing was imported from {name}: it is not a calendar file (.ics).")
    try:
        calendar = Calendar.from_ical(raw)
    except (ValueError, UnicodeDecodeError, IndexError, KeyError):
        # (The library's own words quote the file's bytes: of no use to the owner.)
        raise BadCalendar(
            f"Nothing was imported from {name}: it is damaged and cannot be read as a "
            "calendar (a part of it is missing or cut short)."
        ) from None
    return calendar


def _check_events(calendar: Component, name: str) -> set[str]:
    """Refuse damaged events and unknown zones; the UIDs of recurring events."""
    _check_zone(str(calendar.get("X-WR-TIMEZONE", "")), name)
    recurring: set[str] = set()
    for event in calendar.walk("VEVENT"):
        for field, _problem in event.errors:  # (icalendar keeps what it could not read)
            what = f"its {field} cannot be read" if field else "a line in it cannot be read"
            raise BadCalendar(
                f"Nothing was imported from {name}: an event in it is damaged ({what}: "
                f"“{_short(_event_title(event))}”)."
            )
        for field in ("DTSTART", "DTEND", "RECURRENCE-ID"):
            value = event.get(field)
            if value is None:
                continue
            if isinstance(value, list):  # (the library gives a list for a field twice)
                raise BadCalendar(
                    f"Nothing was imported from {name}: an event in it is damaged (its "
                    f"{field} is given twice: “{_short(_event_title(event))}”)."
                )
            zone_name = value.params.get("TZID")
            moment = getattr(value, "dt", None)
            if zone_name and isinstance(moment, datetime) and moment.tzinfo is None:
                _unknown_zone(str(zone_name), name)
        if "DTSTART" not in event:
            raise BadCalendar(
                f"Nothing was imported from {name}: an event in it has no start time."
            )
        if any(field in event for field in ("RRULE", "RDATE", "RECURRENCE-ID")):
            recurring.add(str(event.get("UID", "")))
    return recurring


def _check_zone(zone_name: str, name: str) -> None:
    """Google's calendar-wide zone (X-WR-TIMEZONE), which the expansion applies to the
    times that name none: it must be one the zone database knows."""
    if not zone_name:
        return
    try:
        ZoneInfo(zone_name)
    except (ZoneInfoNotFoundError, ValueError):
        _unknown_zone(zone_name, name)


def _unknown_zone(zone_name: str, name: str) -> NoReturn:
    raise BadCalendar(
        f"Nothing was imported from {name}: it names a time zone Tradesman does not know "
        f"(“{_short(zone_name)}”), so its times cannot be put into your hours."
    )


def _occurrences(calendar: Component, first: date, last: date, name: str) -> list[Any]:
    """Every occurrence that may touch the range (a day either side: the zones'
    offsets). `between`, not the lazy `after`: `after` looks on for ever once the
    last occurrence is passed; the range is bounded by the caller (MAX_DAYS)."""
    import recurring_ical_events

    try:
        return list(
            recurring_ical_events.of(calendar).between(
                first - timedelta(days=1), last + timedelta(days=2)
            )
        )
    except ValueError as exc:  # (InvalidCalendar and dateutil's rule errors among them)
        raise BadCalendar(
            f"Nothing was imported from {name}: an event's repeat rule is damaged "
            f"({_short(str(exc))})."
        ) from None


class _Reader:
    """Turns occurrences into appointments and skipped events for one range."""

    def __init__(
        self, first: date, last: date, zone: tzinfo | None, own_uid_end: str | None
    ) -> None:
        self.first, self.last, self.zone = first, last, zone
        self.own_uid_end = own_uid_end
        self.appointments: list[Appointment] = []
        self.skipped: list[Skipped] = []

    def add(self, event: Component, recurring: set[str]) -> None:
        title = _title(event)
        start = event.get("DTSTART").dt
        end_field = event.get("DTEND")
        if not isinstance(start, datetime):
            if self.first <= start <= self.last:
                self.skipped.append(Skipped(title, start, ALL_DAY))
            return
        if end_field is not None:
            end = end_field.dt
        elif "DURATION" in event:
            end = start + event.get("DURATION").dt
        else:  # (RFC 5545: a DTSTART alone is a moment, no time to plan)
            end = start
        if not isinstance(end, datetime):  # (a day as the end of a timed event: its start)
            end = datetime.combine(end, time(), start.tzinfo)
        begins, ends = self._local(start), self._local(end)
        day = begins.date()
        if str(event.get("STATUS", "")).upper() == "CANCELLED":
            self._skip(title, day, CANCELLED)
            return
        own = self.own_uid_end
        if own and str(event.get("UID", "")).endswith(own):  # (tradesman.ics, read back)
            self._skip(title, day, OURS)
            return
        if ends <= begins:
            self._skip(title, day, NO_LENGTH)
            return
        last_day = (ends - timedelta(minutes=1)).date()  # (ending at midnight: that day)
        # Past midnight and under a day: the night's work, split at midnight. Longer:
        # an event over several days, split only if the owner ticks it.
        several = last_day > day + timedelta(days=1) or ends - begins >= timedelta(days=1)
        key = _event_key(event, recurring, title, start)
        notes = _notes(event)
        while day <= last_day:
            piece_start = _minutes(begins) if day == begins.date() else 0
            piece_end = _minutes(ends) if day == ends.date() else MINUTES_PER_DAY
            start_step = piece_start - piece_start % STEP_MINUTES
            end_step = min(MINUTES_PER_DAY, -(-piece_end // STEP_MINUTES) * STEP_MINUTES)
            if self.first <= day <= self.last and end_step > start_step:
                self.appointments.append(
                    Appointment(key, day, start_step, end_step, title, notes, several)
                )
            day += timedelta(days=1)

    def _skip(self, title: str, day: date, reason: str) -> None:
        if self.first <= day <= self.last:
            self.skipped.append(Skipped(title, day, reason))

    def _local(self, moment: datetime) -> datetime:
        """The owner's wall clock: zoned times converted, floating ones as they are."""
        if moment.tzinfo is None:
            return moment
        return moment.astimezone(self.zone).replace(tzinfo=None)


def _minutes(moment: datetime) -> int:
    return moment.hour * 60 + moment.minute + (1 if moment.second else 0)


def _event_key(event: Component, recurring: set[str], title: str, start: datetime) -> str:
    """The UID, and for an event that repeats, which occurrence (the RECURRENCE-ID the
    library gives it: the slot's original start, kept when one occurrence is moved)."""
    uid = str(event.get("UID", "")).strip()
    if not uid:  # (not allowed by RFC 5545, but seen: the title and start stand in)
        return f"no-uid {title} {start.isoformat()}"
    if uid not in recurring:
        return uid
    slot = event.get("RECURRENCE-ID")
    moment = slot.dt if slot is not None else start
    if isinstance(moment, datetime) and moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return f"{uid} {moment.isoformat()}"


def _event_title(event: Component) -> str:
    """The event's title as written, to say which event is damaged."""
    return str(event.get("SUMMARY", "")) or str(event.get("UID", "")) or "untitled"


def _title(event: Component) -> str:
    words = " ".join(_storable(str(event.get("SUMMARY", ""))).split())
    if not any(char.isalnum() or unicodedata.category(char)[0] in "LNPS" for char in words):
        return NO_TITLE
    return words[:TITLE_MAX].rstrip()


def _notes(event: Component) -> str:
    parts = [str(event.get(field, "")).strip() for field in ("LOCATION", "DESCRIPTION")]
    return _storable("\n\n".join(part for part in parts if part))[:NOTES_MAX]


def _storable(text: str) -> str:
    """Without the control characters and broken Unicode no block may hold."""
    return "".join(
        char
        for char in text
        if char in "\n\t" or unicodedata.category(char) not in ("Cc", "Cs", "Zl", "Zp")
    )


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 80 else text[:79] + "…"
