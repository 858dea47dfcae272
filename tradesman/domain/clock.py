"""Wall-clock times of day, kept as whole minutes since midnight.

Blocks are planned in local wall-clock time: a 07:00-09:00 block is two hours even on
the day the clocks change, and days line up in the calendar. 24:00 is allowed as an
end time so that a block can run up to midnight.
"""

from __future__ import annotations

import re

MINUTES_PER_DAY = 24 * 60
STEP_MINUTES = 5  # the finest resolution of a block's start and end

_CLOCK = re.compile(r"^(\d{1,2}):(\d{2})$", re.ASCII)


def parse_clock(text: str) -> int:
    """'07:30' -> 450. Accepts 00:00 to 24:00; raises ValueError with a plain sentence."""
    match = _CLOCK.match(text.strip()) if isinstance(text, str) else None
    if match is None:
        raise ValueError(f'"{text}" is not a time of day; write it like 07:30.')
    hours, minutes = int(match.group(1)), int(match.group(2))
    if minutes >= 60 or hours > 24 or (hours == 24 and minutes != 0):
        raise ValueError(f'"{text}" is not a time of day; use 00:00 to 24:00.')
    return hours * 60 + minutes


def format_clock(minutes: int) -> str:
    """450 -> '07:30'; 1440 -> '24:00'."""
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def format_hours(minutes: int) -> str:
    """A duration the way people say it: 90 -> '1 h 30 min', 120 -> '2 h', 45 -> '45 min'."""
    return _duration(minutes, "{h} h {m} min", "{h} h", "{m} min")


def format_hours_short(minutes: int) -> str:
    """The same, where room is short: 90 -> '1h30', 120 -> '2h', 45 -> '0h45' (not
    '45m': a tradesperson reads that as metres)."""
    return _duration(minutes, "{h}h{m:02d}", "{h}h", "0h{m:02d}")


def _duration(minutes: int, hours_and_minutes: str, hours_only: str, minutes_only: str) -> str:
    hours, rest = divmod(abs(minutes), 60)
    sign = "-" if minutes < 0 else ""
    form = hours_and_minutes if hours and rest else hours_only if hours else minutes_only
    return sign + form.format(h=hours, m=rest)


SNAP_MINUTES = 15  # dragging on the calendar moves in quarter hours


def snap(minutes: float, step: int = SNAP_MINUTES) -> int:
    """A time of day: the nearest multiple of `step`, kept within the day (0 to 24:00)."""
    return max(0, min(MINUTES_PER_DAY, snap_shift(minutes, step)))


def snap_shift(minutes: float, step: int = SNAP_MINUTES) -> int:
    """A difference of times (how far a drag moves a block): the nearest multiple of
    `step`, earlier or later. Not held to the day, unlike `snap`."""
    return round(minutes / step) * step


# "2:30", "2h30", "2 h 30 min" (as the app shows a length), "2 h", "3", "45 min".
_DURATION = re.compile(
    r"^(?:(\d{1,2})\s*(?::|h\s*)\s*(\d{1,2})?(?:\s*m(?:in)?)?|(\d{1,4})\s*(h|m|min)?)$",
    re.ASCII,
)


def parse_duration(text: str) -> int:
    """How long something took: '2:30', '2h30', '2 h 30 min', '2 h', '3' (hours) or
    '45 min' -> minutes. Takes back whatever `format_hours` writes."""
    cleaned = text.strip().lower().replace("mins", "min")
    match = _DURATION.match(cleaned)
    if match is None:
        raise ValueError(f'"{text}" is not a length of time; write it like 2:30 or 45 min.')
    hours, minutes, number, unit = match.groups()
    if number is not None:
        total = int(number) * (1 if unit in ("m", "min") else 60)
        if unit is None and total > MINUTES_PER_DAY:
            raise ValueError(f'"{text}" would be {number} hours; for minutes write "{number} min".')
    else:
        total = int(hours) * 60 + int(minutes or 0)
        if minutes is not None and int(minutes) >= 60:
            raise ValueError(f'"{text}" is not a length of time; minutes go up to 59.')
    if total > MINUTES_PER_DAY:
        raise ValueError("A block can take at most 24 hours.")
    return total
