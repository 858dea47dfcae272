"""Reading a phone's calendar file (exchange/calendar_in.py): pure, no database."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from calendar_kit import FIRST, GOOGLE_EXPORT, IN_LONDON, LAST, LOFT_SPLIT, as_rows, events, ics

from tradesman.domain.area_guess import guess_area, guess_area_of
from tradesman.domain.areas import Area
from tradesman.exchange.calendar_in import (
    ALL_DAY,
    CANCELLED,
    MAX_EVENTS,
    NO_LENGTH,
    OURS,
    SEVERAL_DAYS,
    BadCalendar,
    Skipped,
    read_calendar,
)

LONDON = ZoneInfo("Europe/London")


def test_a_google_export_becomes_the_owners_hours_in_london() -> None:
    reading = read_calendar(ics(GOOGLE_EXPORT), "work.ics", FIRST, LAST, LONDON)
    assert as_rows(reading.taken(split_days=False)) == IN_LONDON
    assert reading.left_out(split_days=False) == (
        Skipped("Half term", date(2026, 10, 23), ALL_DAY),
        Skipped("Loft conversion", date(2026, 11, 11), SEVERAL_DAYS, "loft@google.com"),
    )


def test_ticking_split_makes_a_block_of_each_day_of_a_long_event() -> None:
    reading = read_calendar(ics(GOOGLE_EXPORT), "work.ics", FIRST, LAST, LONDON)
    assert as_rows(reading.taken(split_days=True)) == sorted(IN_LONDON + LOFT_SPLIT)
    assert reading.left_out(split_days=True) == (Skipped("Half term", date(2026, 10, 23), ALL_DAY),)


def test_an_owner_in_new_york_gets_the_same_events_at_new_york_hours() -> None:
    reading = read_calendar(
        ics(GOOGLE_EXPORT), "work.ics", FIRST, LAST, ZoneInfo("America/New_York")
    )
    rows = as_rows(reading.taken(split_days=False))
    assert (date(2026, 10, 28), "09:00", "10:00", "Call back the timber supplier") in rows
    assert (date(2026, 10, 19), "03:00", "04:00", "Quote visits, weekly round") in rows
    # 22:00 UTC is 18:00 in New York that day: no longer past midnight.
    assert (date(2026, 10, 30), "18:00", "21:30", "Night shift at the bakery") in rows


def test_each_occurrence_of_a_repeating_event_has_a_name_of_its_own() -> None:
    reading = read_calendar(ics(GOOGLE_EXPORT), "work.ics", FIRST, LAST, LONDON)
    round_trips = [p.event for p in reading.appointments if p.title.startswith("Quote")]
    assert len(set(round_trips)) == 3
    assert all(event.startswith("7kq2round@google.com ") for event in round_trips)
    night = [p.event for p in reading.appointments if p.title.startswith("Night")]
    assert night == ["night@google.com", "night@google.com"]  # one event, two blocks


def test_location_and_description_become_the_notes() -> None:
    reading = read_calendar(ics(GOOGLE_EXPORT), "work.ics", FIRST, LAST, LONDON)
    assert reading.appointments[0].notes == "Elm Estate\n\nThree houses on the estate"


def test_times_off_the_five_minute_grid_are_widened_to_it() -> None:
    text = GOOGLE_EXPORT.replace("20261028T090000", "20261028T090700").replace(
        "20261028T100000", "20261028T095800"
    )
    reading = read_calendar(ics(text), "work.ics", FIRST, LAST, LONDON)
    call = next(p for p in reading.appointments if p.day == date(2026, 10, 28))
    assert (call.start, call.end) == (13 * 60 + 5, 14 * 60)


def test_odd_but_readable_events_are_read_or_skipped_in_words() -> None:
    text = GOOGLE_EXPORT.replace(
        "END:VCALENDAR",
        "BEGIN:VEVENT\nUID:a\nDTSTART:20261103T150000\nDTEND;VALUE=DATE:20261104\n"
        "SUMMARY:Ends on a day\nEND:VEVENT\n"
        "BEGIN:VEVENT\nUID:b\nDTSTART:20261105T090000\nDURATION:PT1H30M\n"
        "SUMMARY:  \nEND:VEVENT\n"
        "BEGIN:VEVENT\nUID:c\nDTSTART:20261106T090000\nDTEND:20261106T100000\n"
        "STATUS:CANCELLED\nSUMMARY:Called off\nEND:VEVENT\n"
        "BEGIN:VEVENT\nUID:d\nDTSTART:20261107T090000\nSUMMARY:A moment\nEND:VEVENT\n"
        "END:VCALENDAR",
    )
    reading = read_calendar(ics(text), "x.ics", FIRST, LAST, LONDON)
    rows = as_rows(reading.taken(split_days=False))
    assert (date(2026, 11, 3), "15:00", "24:00", "Ends on a day") in rows
    assert (date(2026, 11, 5), "09:00", "10:30", "Appointment") in rows  # no title given
    assert Skipped("Called off", date(2026, 11, 6), CANCELLED) in reading.skipped
    assert Skipped("A moment", date(2026, 11, 7), NO_LENGTH) in reading.skipped


@pytest.mark.parametrize(
    ("raw", "sentence"),
    [
        (b"Name,Date\r\nBob,2026-11-02\r\n", "Nothing was imported from x.ics: it is not a calendar file (.ics)."),
        (ics(GOOGLE_EXPORT.replace("SUMMARY:Half term", "this line is broken")),
         "Nothing was imported from x.ics: an event in it is damaged (a line in it cannot be "
         "read: “half-term@google.com”)."),
        (ics(GOOGLE_EXPORT.replace("DTSTART:20261030T220000Z", "DTSTART:2026103")),
         "Nothing was imported from x.ics: an event in it is damaged (its DTSTART cannot be "
         "read: “Night shift at the bakery”)."),
        (ics(GOOGLE_EXPORT.replace("America/New_York:20261104", "Mars/Olympus:20261104")),
         "Nothing was imported from x.ics: it names a time zone Tradesman does not know "
         "(“Mars/Olympus”), so its times cannot be put into your hours."),
        (ics(GOOGLE_EXPORT.replace("X-WR-TIMEZONE:Europe/London", "X-WR-TIMEZONE:Mars/Base")),
         "Nothing was imported from x.ics: it names a time zone Tradesman does not know "
         "(“Mars/Base”), so its times cannot be put into your hours."),
        (ics(GOOGLE_EXPORT.replace("DTSTART:20261030T220000Z", "DTSTART:20261030T220000Z\n"
                                   "DTSTART:20261030T230000Z")),
         "Nothing was imported from x.ics: an event in it is damaged (its DTSTART is given "
         "twice: “Night shift at the bakery”)."),
        (ics(GOOGLE_EXPORT.replace("END:VEVENT\nEND:VCALENDAR", "END:VCALENDAR")),
         "Nothing was imported from x.ics: it is damaged and cannot be read as a calendar (a "
         "part of it is missing or cut short)."),
        (ics(events(100_000)),
         f"Nothing was imported from x.ics: it holds 100,000 events, and Tradesman imports "
         f"at most {MAX_EVENTS:,} from one file."),
        (b"BEGIN:VCALENDAR\r\n" + b"X" * 50_000_000,
         "Nothing was imported from x.ics: it is 50 MB, and a calendar file can be at most 20 MB."),
    ],
    ids=["not a calendar", "broken line", "broken time", "unknown zone", "unknown calendar zone",
         "a start twice", "cut short",
         "100,000 events", "50 MB"],
)  # fmt: skip
def test_a_bad_file_is_one_sentence(raw: bytes, sentence: str) -> None:
    with pytest.raises(BadCalendar) as refused:
        read_calendar(raw, "x.ics", FIRST, LAST, LONDON)
    assert refused.value.message == sentence


def test_a_zone_of_outlooks_own_name_defined_in_the_file_is_read() -> None:
    text = GOOGLE_EXPORT.replace("TZID:Europe/London\nX-LIC", "TZID:GMT Standard Time\nX-LIC")
    text = text.replace("TZID=Europe/London", "TZID=GMT Standard Time")
    reading = read_calendar(ics(text), "x.ics", FIRST, LAST, LONDON)
    assert as_rows(reading.taken(split_days=False)) == IN_LONDON


def test_a_range_longer_than_three_years_is_refused_in_words() -> None:
    with pytest.raises(BadCalendar, match="choose at most 3 years at once"):
        read_calendar(ics(GOOGLE_EXPORT), "x.ics", date(2026, 1, 1), date(2029, 1, 1), LONDON)


@pytest.mark.parametrize(
    ("title", "area"),
    [
        ("Quote for Mrs Hale's kitchen", Area.SALES),
        ("Site visit – Elm Estate", Area.SALES),
        ("Estimate: loft", Area.SALES),
        ("Send invoices", Area.ADMIN),
        ("Accounts with Jo", Area.ADMIN),
        ("Tax return", Area.ADMIN),
        ("Flyers round the estate", Area.MARKETING),
        ("Post before/after photos", Area.MARKETING),
        ("Networking breakfast", Area.MARKETING),
        ("Fit kitchen, 12 Oak Road", Area.PRODUCTION),
    ],
)
def test_the_area_is_guessed_from_the_titles_words(title: str, area: Area) -> None:
    assert guess_area(title) is area


def test_one_guess_for_an_import_is_what_most_titles_say() -> None:
    assert guess_area_of(["Quote A", "Quote B", "Fit kitchen"]) is Area.SALES
    assert guess_area_of(["Quote A", "Fit kitchen"]) is Area.PRODUCTION  # a tie: the work
    assert guess_area_of([]) is Area.PRODUCTION


def test_our_own_calendar_file_read_back_adds_nothing() -> None:
    """tradesman.ics imported by mistake (it sits in the phone's folder): every block
    of it is on the week already, so none is taken twice; a phone event beside is."""
    from tradesman.domain.areas import Area as Areas
    from tradesman.domain.blocks import TimeBlock
    from tradesman.exchange.calendar_out import CalendarOut, calendar_bytes, uid_end

    ours = TimeBlock(date(2026, 11, 3), 9 * 60, 10 * 60, Areas.SALES, "Site visit", id=7)
    out = CalendarOut("Tradesman", "Europe/London", "k", datetime(2026, 11, 1, tzinfo=LONDON))
    text = (
        calendar_bytes([ours], out)
        .decode()
        .replace(
            "END:VCALENDAR",
            "BEGIN:VEVENT\r\nUID:phone-1\r\nDTSTART:20261104T090000\r\n"
            "DTEND:20261104T100000\r\nSUMMARY:Dentist\r\nEND:VEVENT\r\nEND:VCALENDAR",
        )
    )
    reading = read_calendar(text.encode(), "tradesman.ics", FIRST, LAST, LONDON, uid_end("k"))
    assert [a.title for a in reading.taken(split_days=False)] == ["Dentist"]
    assert reading.skipped == (Skipped("Site visit", date(2026, 11, 3), OURS),)
    # Another data file's calendar (another folder's key): its blocks are not ours.
    elsewhere = read_calendar(text.encode(), "theirs.ics", FIRST, LAST, LONDON, uid_end("j"))
    assert [a.title for a in elsewhere.taken(split_days=False)] == ["Site visit", "Dentist"]
