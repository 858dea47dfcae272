"""The calendar file (.ics): every block comes back from two independent readers with
its day, start, end and title, across the changes of the clocks, with stable UIDs."""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta, tzinfo
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
import pytest
import vobject

from tradesman.domain.areas import Area
from tradesman.domain.blocks import BlockStatus, TimeBlock
from tradesman.exchange.calendar_out import CalendarOut, block_uid, calendar_bytes, description
from tradesman.services.calendar_export import calendar_file, default_range, file_key
from tradesman.services.edits import add_blocks
from tradesman.services.owner_zone import owner_zone
from tradesman.store.database import Store

WRITTEN = datetime(2026, 12, 5, 13, 0, tzinfo=UTC)


def _block(day: date, start: str, end: str, title: str, **more: Any) -> TimeBlock:
    def minutes(clock: str) -> int:
        hours, mins = clock.split(":")
        return int(hours) * 60 + int(mins)

    area = more.pop("area", Area.PRODUCTION)
    return TimeBlock(day, minutes(start), minutes(end), area, title, **more)


# The weeks around the clocks' changes: Europe/London on the last Sundays of March and
# October 2026 (29 March, 25 October), the US on 8 March and 1 November 2026. Blocks on
# the Friday before, the Sunday itself and the Monday after, one to midnight (24:00),
# and one in the hour that is lived twice in autumn.
def _dst_blocks(spring: date, autumn: date) -> list[TimeBlock]:
    blocks: list[TimeBlock] = []
    for sunday in (spring, autumn):
        friday, monday = sunday - timedelta(days=2), sunday + timedelta(days=1)
        blocks += [
            _block(friday, "09:00", "10:30", f"Fit kitchen {sunday:%b}"),
            _block(sunday, "06:00", "07:00", "Photos for the profile", area=Area.MARKETING),
            _block(sunday, "20:00", "24:00", "Quote the loft", area=Area.SALES),
            _block(monday, "07:30", "16:00", "Stairs, site; visit", notes="Bring the level"),
            _block(monday + timedelta(days=7), "09:00", "12:00", "Invoices", area=Area.ADMIN),
        ]
    blocks.append(_block(autumn, "01:15", "01:45", "Night call-out, twice-lived hour"))
    return blocks


ZONES = {
    "Europe/London": (date(2026, 3, 29), date(2026, 10, 25)),
    "America/New_York": (date(2026, 3, 8), date(2026, 11, 1)),
}


def _saved(store: Store, blocks: Sequence[TimeBlock]) -> list[TimeBlock]:
    with store.writing() as session:
        change = add_blocks(session, blocks)
    return sorted(change.after_blocks, key=lambda b: (b.day, b.start))


def _wall(day: date, minutes: int) -> datetime:
    return datetime.combine(day, datetime.min.time()) + timedelta(minutes=minutes)


def _by_icalendar(data: bytes) -> dict[str, tuple[datetime, datetime, str, Any]]:
    calendar = icalendar.Calendar.from_ical(data)
    return {
        str(event["uid"]): (
            event.decoded("dtstart"),
            event.decoded("dtend"),
            str(event["summary"]),
            event,
        )
        for event in calendar.walk("VEVENT")
    }


def _by_vobject(data: bytes) -> dict[str, tuple[datetime, datetime, str]]:
    calendar = vobject.readOne(io.StringIO(data.decode("utf-8")))
    return {
        event.uid.value: (event.dtstart.value, event.dtend.value, event.summary.value)
        for event in calendar.vevent_list
    }


def _zone_as_written(data: bytes) -> tzinfo:
    """The file's own VTIMEZONE, read by vobject (through dateutil's tzical), not looked
    up by its name: vobject itself reads a known TZID from its own zone database."""
    written: tzinfo = vobject.readOne(io.StringIO(data.decode("utf-8"))).vtimezone.gettzinfo()
    return written


@pytest.mark.parametrize("zone", sorted(ZONES))
def test_two_readers_give_back_every_block_across_the_clock_changes(
    store: Store, monkeypatch: pytest.MonkeyPatch, zone: str
) -> None:
    monkeypatch.setenv("TZ", zone)
    assert owner_zone() == zone
    blocks = _saved(store, _dst_blocks(*ZONES[zone]))
    first, last = blocks[0].day, blocks[-1].day
    made = calendar_file(store, None, first, last, first, owner_zone(), WRITTEN)
    assert made.blocks == len(blocks)
    assert f"TZID:{zone}".encode() in made.data  # a VTIMEZONE of its own
    key = file_key(store.path)
    one, other = _by_icalendar(made.data), _by_vobject(made.data)
    assert set(one) == set(other) == {block_uid(b.id or 0, key) for b in blocks}
    zone_info, as_written = ZoneInfo(zone), _zone_as_written(made.data)
    for block in blocks:
        uid = block_uid(block.id or 0, key)
        start, end = _wall(block.day, block.start), _wall(block.day, block.end)
        for reader, (got_start, got_end, title, *_) in (
            ("icalendar", one[uid]),
            ("vobject", other[uid]),
        ):
            assert (got_start.replace(tzinfo=None), got_end.replace(tzinfo=None), title) == (
                start, end, block.title,
            ), reader  # fmt: skip
            if not block.title.startswith("Night"):  # (its hour is lived twice)
                # The right moment too: each reader's reading of the zone gives the
                # offset that wall time has in that zone on that date.
                assert got_start.utcoffset() == start.replace(tzinfo=zone_info).utcoffset(), (
                    reader, block.title,
                )  # fmt: skip
        if not block.title.startswith("Night"):
            # ... and so does the VTIMEZONE the file carries, for a phone that reads it.
            for moment in (start, end):
                expected = moment.replace(tzinfo=zone_info).utcoffset()
                assert moment.replace(tzinfo=as_written).utcoffset() == expected, block.title
    # The summer offset differs from the winter one, so the file crossed a change.
    offsets = {one[block_uid(b.id or 0, key)][0].utcoffset() for b in blocks}
    assert len(offsets) == 2


def test_what_a_block_says_area_notes_and_status(store: Store) -> None:
    day = date(2026, 6, 1)
    done, skipped, planned = _saved(
        store,
        [
            _block(day, "08:00", "09:00", "Done job", status=BlockStatus.DONE, actual_minutes=75),
            _block(day, "10:00", "11:00", "Skipped ask", area=Area.MARKETING,
                   status=BlockStatus.SKIPPED, notes="Rain; next week"),
            _block(day, "12:00", "13:00", "Plain, with; marks\\ and = sign", area=Area.SALES),
        ],
    )  # fmt: skip
    local_now = WRITTEN.astimezone(ZoneInfo("Asia/Kolkata"))  # (DTSTAMP is in UTC)
    made = calendar_file(store, None, day, day, day, "Europe/London", local_now)
    assert b"DTSTAMP:20261205T130000Z" in made.data
    events = {title: event for _, _, title, event in _by_icalendar(made.data).values()}
    assert set(events) == {"Done job", "Skipped ask", "Plain, with; marks\\ and = sign"}
    skipped_event = events["Skipped ask"]
    assert str(skipped_event["status"]) == "CANCELLED"
    assert [str(c) for c in skipped_event.categories] == ["Marketing"]
    assert str(skipped_event["description"]) == "Area: Marketing\nSkipped.\n\nRain; next week"
    assert str(events["Done job"]["description"]) == "Area: Production\nDone (took 1 h 15 min)."
    assert str(events["Done job"]["status"]) == "CONFIRMED"
    assert description(planned) == "Area: Sales"
    assert done.status is BlockStatus.DONE and skipped.status is BlockStatus.SKIPPED


def test_a_re_export_gives_the_same_uids_and_another_data_file_others(
    store: Store, tmp_path: Path
) -> None:
    day = date(2026, 6, 1)
    blocks = _saved(store, [_block(day, "08:00", "09:00", "A"), _block(day, "09:00", "10:00", "B")])
    first = calendar_file(store, None, day, day, day, "Europe/London", WRITTEN)
    with store.writing() as session:  # an edit between the two exports
        add_blocks(session, [_block(day, "11:00", "12:00", "C")])
    later = WRITTEN + timedelta(hours=1)
    second = calendar_file(store, None, day, day, day, "Europe/London", later)
    uids_first = set(_by_icalendar(first.data))
    uids_second = set(_by_icalendar(second.data))
    assert len(uids_first) == 2 and uids_first < uids_second
    assert {block_uid(b.id or 0, file_key(store.path)) for b in blocks} == uids_first
    assert file_key(tmp_path / "elsewhere" / "tradesman.sqlite3") != file_key(store.path)


def test_without_a_zone_the_times_float_at_the_same_hours() -> None:
    block = _block(date(2026, 3, 29), "09:00", "10:00", "Floating").with_changes(id=3)
    data = calendar_bytes([block], CalendarOut("Tradesman", None, "k", WRITTEN))
    assert b"VTIMEZONE" not in data and b"TZID" not in data
    ((start, end, title, _),) = _by_icalendar(data).values()
    assert (start, end, title) == (datetime(2026, 3, 29, 9), datetime(2026, 3, 29, 10), "Floating")
    assert start.tzinfo is None


def test_an_empty_range_is_a_calendar_with_no_events() -> None:
    data = calendar_bytes([], CalendarOut("Tradesman", "Europe/London", "k", WRITTEN))
    assert list(icalendar.Calendar.from_ical(data).walk("VEVENT")) == []
    assert vobject.readOne(io.StringIO(data.decode())).name == "VCALENDAR"


def test_the_default_range_is_four_weeks_back_to_twelve_ahead() -> None:
    assert default_range(date(2026, 12, 5)) == (date(2026, 11, 7), date(2027, 2, 27))
