"""Calendar files as phones write them, made in the tests (no file is shipped)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest

from tradesman.exchange.calendar_in import Appointment

LONDON_ZONE = """BEGIN:VTIMEZONE
TZID:Europe/London
X-LIC-LOCATION:Europe/London
BEGIN:DAYLIGHT
TZOFFSETFROM:+0000
TZOFFSETTO:+0100
TZNAME:BST
DTSTART:19700329T010000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
END:DAYLIGHT
BEGIN:STANDARD
TZOFFSETFROM:+0100
TZOFFSETTO:+0000
TZNAME:GMT
DTSTART:19701025T020000
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
END:STANDARD
END:VTIMEZONE"""

# As Google Calendar exports one (Settings → Import & export): a weekly round of quote
# visits with one week left out and one moved, calls booked in New York's time, a
# half-term day, a night shift past midnight and a job over three days. Across the
# week in which the UK has left summer time and the US has not (26 Oct–1 Nov 2026).
GOOGLE_EXPORT = f"""BEGIN:VCALENDAR
PRODID:-//Google Inc//Google Calendar 70.9054//EN
VERSION:2.0
CALSCALE:GREGORIAN
METHOD:PUBLISH
X-WR-CALNAME:Work
X-WR-TIMEZONE:Europe/London
{LONDON_ZONE}
BEGIN:VEVENT
DTSTART;TZID=Europe/London:20261019T080000
DTEND;TZID=Europe/London:20261019T090000
RRULE:FREQ=WEEKLY;BYDAY=MO;UNTIL=20261116T235959Z
EXDATE;TZID=Europe/London:20261102T080000
DTSTAMP:20261001T120000Z
UID:7kq2round@google.com
CREATED:20261001T115900Z
DESCRIPTION:Three houses on the estate
LAST-MODIFIED:20261001T120000Z
LOCATION:Elm Estate
SEQUENCE:0
STATUS:CONFIRMED
SUMMARY:Quote visits\\, weekly round
TRANSP:OPAQUE
END:VEVENT
BEGIN:VEVENT
DTSTART;TZID=Europe/London:20261110T100000
DTEND;TZID=Europe/London:20261110T110000
DTSTAMP:20261001T120000Z
UID:7kq2round@google.com
RECURRENCE-ID;TZID=Europe/London:20261109T080000
SEQUENCE:1
SUMMARY:Quote visits\\, weekly round
END:VEVENT
BEGIN:VEVENT
DTSTART;TZID=America/New_York:20261028T090000
DTEND;TZID=America/New_York:20261028T100000
DTSTAMP:20261001T120000Z
UID:call-ny-1@google.com
SUMMARY:Call back the timber supplier
END:VEVENT
BEGIN:VEVENT
DTSTART;TZID=America/New_York:20261104T090000
DTEND;TZID=America/New_York:20261104T100000
DTSTAMP:20261001T120000Z
UID:call-ny-2@google.com
SUMMARY:Call back the timber supplier
END:VEVENT
BEGIN:VEVENT
DTSTART;VALUE=DATE:20261023
DTEND;VALUE=DATE:20261024
DTSTAMP:20261001T120000Z
UID:half-term@google.com
SUMMARY:Half term
TRANSP:TRANSPARENT
END:VEVENT
BEGIN:VEVENT
DTSTART:20261030T220000Z
DTEND:20261031T013000Z
DTSTAMP:20261001T120000Z
UID:night@google.com
SUMMARY:Night shift at the bakery
END:VEVENT
BEGIN:VEVENT
DTSTART:20261111T080000Z
DTEND:20261113T170000Z
DTSTAMP:20261001T120000Z
UID:loft@google.com
SUMMARY:Loft conversion
END:VEVENT
END:VCALENDAR
"""

FIRST, LAST = date(2026, 10, 19), date(2026, 11, 15)

# What the export becomes for an owner in London: (day, start, end, title).
IN_LONDON = [
    (date(2026, 10, 19), "08:00", "09:00", "Quote visits, weekly round"),
    (date(2026, 10, 26), "08:00", "09:00", "Quote visits, weekly round"),  # GMT now
    (date(2026, 10, 28), "13:00", "14:00", "Call back the timber supplier"),  # New York on EDT
    (date(2026, 10, 30), "22:00", "24:00", "Night shift at the bakery"),
    (date(2026, 10, 31), "00:00", "01:30", "Night shift at the bakery"),
    (date(2026, 11, 4), "14:00", "15:00", "Call back the timber supplier"),  # on EST
    (date(2026, 11, 10), "10:00", "11:00", "Quote visits, weekly round"),  # moved
]
LOFT_SPLIT = [
    (date(2026, 11, 11), "08:00", "24:00", "Loft conversion"),
    (date(2026, 11, 12), "00:00", "24:00", "Loft conversion"),
    (date(2026, 11, 13), "00:00", "17:00", "Loft conversion"),
]


def ics(text: str) -> bytes:
    """The text with the CRLF line ends RFC 5545 asks for."""
    return text.replace("\n", "\r\n").encode("utf-8")


def write_ics(folder: Path, text: str, name: str = "calendar.ics") -> Path:
    path = folder / name
    path.write_bytes(ics(text))
    return path


def clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def as_rows(
    pieces: list[Appointment] | tuple[Appointment, ...],
) -> list[tuple[date, str, str, str]]:
    return [(p.day, clock(p.start), clock(p.end), p.title) for p in pieces]


def events(count: int) -> str:
    """A calendar of `count` one-hour events, one a day from 1 Jan 2026."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN"]
    for n in range(count):
        lines += [
            "BEGIN:VEVENT", f"UID:e{n}@test", "DTSTART:20260101T090000Z",
            "DTEND:20260101T100000Z", "SUMMARY:Job", "END:VEVENT",
        ]  # fmt: skip
    return "\n".join([*lines, "END:VCALENDAR", ""])


@contextmanager
def owner_zone(monkeypatch: pytest.MonkeyPatch, zone: str) -> Iterator[None]:
    """This process in `zone`, as the app finds the owner's: the TZ variable (or the
    system's setting), read by the C library (time.tzset) for datetime.astimezone()."""
    monkeypatch.setenv("TZ", zone)
    time.tzset()
    try:
        yield
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
