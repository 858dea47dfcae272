"""The owner's time zone by its IANA name ("Europe/London"), for the calendar file.

The app itself keeps wall-clock times and never needs a zone; a calendar does, so a
phone shows the same hours. Python's standard library gives the local offset but not
the zone's name, and a name is what a VTIMEZONE and a phone need. It is found without
extra packages, in the order the C library itself follows: the TZ variable, then the
/etc/localtime link (systemd, macOS), then /etc/timezone (Debian). Where none names a
zone Python knows (Windows, a TZ written as a POSIX rule like "EST5EDT,M3.2.0,M11.1.0"),
the answer is None, and the calendar is written in floating times: the same hours on
any phone, which is what the blocks mean; only the moment in absolute time is unsaid.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

LOCALTIME = Path("/etc/localtime")
TIMEZONE_FILE = Path("/etc/timezone")


def owner_zone(
    environ: Mapping[str, str] | None = None,
    localtime: Path = LOCALTIME,
    timezone_file: Path = TIMEZONE_FILE,
) -> str | None:
    """The IANA name of the owner's zone, or None when nothing names one reliably."""
    environ = os.environ if environ is None else environ
    tz = environ.get("TZ", "")
    if tz:
        # TZ wins over the system's setting, so a TZ we cannot read is no zone at all:
        # /etc/localtime would name another zone than the one the clock shows.
        return _known(_after_zoneinfo(tz.removeprefix(":")))
    try:
        if localtime.is_symlink():
            return _known(_after_zoneinfo(str(localtime.readlink())))
    except OSError:
        pass
    try:
        return _known(timezone_file.read_text(encoding="utf-8").strip())
    except (OSError, UnicodeDecodeError):
        return None


def _after_zoneinfo(name: str) -> str:
    """ "/usr/share/zoneinfo/Europe/London" (or ".../zoneinfo/posix/Europe/London") ->
    "Europe/London"; a bare name stays as it is."""
    if "zoneinfo/" in name:
        name = name.rsplit("zoneinfo/", 1)[1]
        for prefix in ("posix/", "right/"):
            name = name.removeprefix(prefix)
    return name


def _known(name: str) -> str | None:
    if not name or name.startswith("/") or ".." in name or name == "localtime":
        return None
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None
    return name
