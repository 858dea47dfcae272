"""The owner's zone by name: TZ first, then /etc/localtime, then /etc/timezone; no
reliable name means floating times (None), never a guess."""

from __future__ import annotations

from pathlib import Path

import pytest

from tradesman.services.owner_zone import owner_zone


@pytest.fixture
def system(tmp_path: Path) -> tuple[Path, Path]:
    """A /etc/localtime and /etc/timezone of the test's own (neither there yet)."""
    return tmp_path / "localtime", tmp_path / "timezone"


@pytest.mark.parametrize(
    ("tz", "zone"),
    [
        ("Europe/London", "Europe/London"),
        (":America/New_York", "America/New_York"),
        ("/usr/share/zoneinfo/Australia/Sydney", "Australia/Sydney"),
        ("Etc/UTC", "Etc/UTC"),
    ],
)
def test_tz_names_the_zone(system: tuple[Path, Path], tz: str, zone: str) -> None:
    assert owner_zone({"TZ": tz}, *system) == zone


@pytest.mark.parametrize(
    "tz", ["EST5EDT,M3.2.0,M11.1.0", "Mars/Olympus", "../../etc/passwd", "localtime"]
)
def test_a_tz_no_zone_database_knows_is_no_name_even_with_a_system_zone(
    system: tuple[Path, Path], tz: str
) -> None:
    # (TZ rules the clock, so the system's zone would be another zone than the clock's.)
    localtime, timezone = system
    localtime.symlink_to("/usr/share/zoneinfo/Europe/Paris")
    assert owner_zone({"TZ": tz}, localtime, timezone) is None


def test_the_localtime_link_names_the_zone(system: tuple[Path, Path]) -> None:
    localtime, timezone = system
    localtime.symlink_to("../usr/share/zoneinfo/posix/Europe/Berlin")
    timezone.write_text("Europe/Lisbon\n", encoding="utf-8")
    assert owner_zone({}, localtime, timezone) == "Europe/Berlin"


def test_debian_s_timezone_file_when_localtime_is_a_copy(system: tuple[Path, Path]) -> None:
    localtime, timezone = system
    localtime.write_bytes(b"TZif2 a copy, not a link: it names nothing")
    timezone.write_text("America/Chicago\n", encoding="utf-8")
    assert owner_zone({"TZ": ""}, localtime, timezone) == "America/Chicago"


def test_nothing_reliable_is_none_and_the_calendar_floats(system: tuple[Path, Path]) -> None:
    """The documented fallback: with no zone name (Windows, a copied /etc/localtime and
    no /etc/timezone) the calendar's times are floating, shown at the same hours."""
    localtime, timezone = system
    localtime.write_bytes(b"TZif2")
    assert owner_zone({}, localtime, timezone) is None
    timezone.write_text("Not/AZone\n", encoding="utf-8")
    assert owner_zone({}, localtime, timezone) is None
