"""A phone's calendar imported as blocks (services/calendar_import.py, the v10 table that
remembers the appointments, and `tradesman import-calendar`)."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from calendar_kit import (
    FIRST,
    GOOGLE_EXPORT,
    IN_LONDON,
    LAST,
    LOFT_SPLIT,
    clock,
    events,
    ics,
    owner_zone,
    write_ics,
)
from helpers import orm_writing, run_cli

from tradesman.domain.areas import Area
from tradesman.paths import DataPaths
from tradesman.services.blocks import blocks_between
from tradesman.services.calendar_import import (
    CalendarPreview,
    import_calendar,
    preview_calendar,
)
from tradesman.services.changes import apply_change
from tradesman.services.data_set import read_data_set, replace_data_set
from tradesman.store import tables
from tradesman.store.database import Store
from tradesman.store.migrations import MIGRATIONS, run_migrations


def _preview(store: Store, text: str = GOOGLE_EXPORT, split: bool = False) -> CalendarPreview:
    with store.reading() as session:
        return preview_calendar(session, ics(text), "work.ics", FIRST, LAST, split)


def _blocks(store: Store) -> list[tuple[date, str, str, str, Area]]:
    with store.reading() as session:
        return [
            (b.day, clock(b.start), clock(b.end), b.title, b.area)
            for b in blocks_between(session, FIRST, LAST)
        ]


def test_the_import_makes_the_blocks_the_preview_said(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    with owner_zone(monkeypatch, "Europe/London"):
        preview = _preview(store)
    assert preview.lines() == [
        "7 blocks from work.ics (19 Oct 2026 to 15 Nov 2026), in 4 weeks:",
        "  week of 19 Oct 2026: 1 block",
        "  week of 26 Oct 2026: 4 blocks",
        "  week of 2 Nov 2026: 1 block",
        "  week of 9 Nov 2026: 1 block",
        "Skipped: 2 events:",
        "  Half term, 23 Oct 2026: an all-day event has no hours to plan",
        "  Loft conversion, 11 Nov 2026: it runs over several days (it can be split into a "
        "block a day)",
    ]
    assert preview.guessed_area is Area.SALES  # quote visits and call-backs: 5 of 7
    with store.writing() as session:
        import_calendar(session, preview, Area.SALES)
    assert _blocks(store) == [(*row, Area.SALES) for row in IN_LONDON]


def test_the_owners_zone_is_this_computers(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    with owner_zone(monkeypatch, "America/New_York"):
        preview = _preview(store)
    calls = [p for p in preview.new if p.title == "Call back the timber supplier"]
    assert [(p.day.isoformat(), clock(p.start)) for p in calls] == [
        ("2026-10-28", "09:00"),
        ("2026-11-04", "09:00"),
    ]


def test_importing_the_same_file_again_adds_nothing(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    with owner_zone(monkeypatch, "Europe/London"):
        with store.writing() as session:
            import_calendar(session, _preview(store, split=True), Area.PRODUCTION)
        before = _blocks(store)
        again = _preview(store, split=True)
        assert again.new == ()
        assert again.lines()[:2] == [
            "No new appointments in work.ics from 19 Oct 2026 to 15 Nov 2026.",
            "Already imported, left out: 7 appointments.",
        ]
        # Even a preview made before the first import adds nothing after it.
        with store.writing() as session:
            change = import_calendar(session, _preview(store, split=True), Area.PRODUCTION)
    assert change.is_empty
    assert _blocks(store) == before
    assert len(before) == len(IN_LONDON) + len(LOFT_SPLIT)


def test_a_new_appointment_in_the_file_is_the_only_one_added(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    added = GOOGLE_EXPORT.replace(
        "END:VCALENDAR",
        "BEGIN:VEVENT\nDTSTART:20261112T150000Z\nDTEND:20261112T160000Z\nUID:new@google.com\n"
        "SUMMARY:Invoice the loft\nEND:VEVENT\nEND:VCALENDAR",
    )
    with owner_zone(monkeypatch, "Europe/London"):
        with store.writing() as session:
            import_calendar(session, _preview(store), Area.SALES)
        preview = _preview(store, added)
    assert [(p.title, clock(p.start)) for p in preview.new] == [("Invoice the loft", "15:00")]
    assert preview.guessed_area is Area.ADMIN


def test_undoing_the_import_takes_back_the_blocks_and_what_was_remembered(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    with owner_zone(monkeypatch, "Europe/London"):
        with store.writing() as session:
            change = import_calendar(session, _preview(store), Area.SALES)
        with store.writing() as session:
            apply_change(session, change.reversed())
        assert _blocks(store) == []
        assert len(_preview(store).new) == len(IN_LONDON)  # (so it can be imported again)
        with store.writing() as session:
            apply_change(session, change)  # redo
    assert len(_blocks(store)) == len(IN_LONDON)
    assert _preview(store).new == ()


def test_a_restored_backup_keeps_what_was_imported_from_the_calendar(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    with owner_zone(monkeypatch, "Europe/London"):
        with store.writing() as session:
            import_calendar(session, _preview(store), Area.SALES)
        with store.reading() as session:
            data = read_data_set(session, "en_GB")
        assert len(data.imported) == len(IN_LONDON)
        with orm_writing(store) as session:  # (the restore's road: every block a new id)
            replace_data_set(session, data, datetime.now(UTC))
        assert _preview(store).new == ()
    with store.reading() as session:
        kept = tables.CALENDAR_EVENTS.all(session)
        block_ids = {b.id for b in blocks_between(session, FIRST, LAST)}
    assert {item.block_id for item in kept} == block_ids


def test_a_file_of_version_9_gets_the_table_and_keeps_its_blocks(tmp_path: Path) -> None:
    db = sqlite3.connect(tmp_path / "old.sqlite3", isolation_level=None)
    db.execute("PRAGMA foreign_keys = ON")
    run_migrations(db, 0, MIGRATIONS[:9])
    db.execute(
        "INSERT INTO block (day, start_minute, end_minute, area, title, status) "
        "VALUES ('2026-11-02', 540, 600, 'sales', 'Quote', 'planned')"
    )
    assert run_migrations(db, 9, MIGRATIONS[:10]) == 10
    assert db.execute("SELECT title FROM block").fetchall() == [("Quote",)]
    assert db.execute("SELECT count(*) FROM calendar_event").fetchone() == (0,)
    db.execute("INSERT INTO calendar_event (block_id, event) VALUES (1, 'uid@phone')")
    with pytest.raises(sqlite3.IntegrityError):  # one record a block
        db.execute("INSERT INTO calendar_event (block_id, event) VALUES (1, 'other@phone')")
    db.close()


# The command line, as a person would run it: a preview first, then --yes.


def _backups(paths: DataPaths) -> list[Path]:
    return sorted(paths.backups.glob("*")) if paths.backups.exists() else []


def _count(paths: DataPaths, table: str) -> int:
    db = sqlite3.connect(paths.database)
    try:
        return int(db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        db.close()


def test_the_command_waits_for_an_open_window_to_close_before_importing(
    paths: DataPaths, tmp_path: Path
) -> None:
    from tradesman.single_instance import SingleInstance

    source = write_ics(tmp_path, GOOGLE_EXPORT, "work.ics")
    span = ("--from", FIRST.isoformat(), "--to", LAST.isoformat())
    window = SingleInstance(paths.folder)  # as an open window holds its folder
    assert window.claim()
    try:
        looked = run_cli("import-calendar", source, *span, data_dir=paths.folder)
        refused = run_cli("import-calendar", source, *span, "--yes", data_dir=paths.folder)
    finally:
        window.release()
    assert looked.returncode == 0 and "Nothing imported yet" in looked.stdout  # a look is fine
    assert refused.returncode == 1
    assert refused.stderr.startswith(
        "tradesman: Tradesman is open on this data folder; close it, then import the "
        "calendar (or use File → Import calendar… in the window)."
    )
    assert _count(paths, "block") == 0


def test_the_command_previews_without_yes_and_imports_with_it(
    paths: DataPaths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", "Europe/London")  # (the child's zone; this process keeps its own)
    source = write_ics(tmp_path, GOOGLE_EXPORT, "work.ics")
    span = ("--from", FIRST.isoformat(), "--to", LAST.isoformat())
    looked = run_cli("import-calendar", source, *span, data_dir=paths.folder)
    assert looked.returncode == 0, looked.stderr
    assert looked.stdout.startswith("7 blocks from work.ics (19 Oct 2026 to 15 Nov 2026)")
    assert "Nothing imported yet. To import as sales blocks, run this again with --yes" in (
        looked.stdout
    )
    assert _count(paths, "block") == 0
    done = run_cli(
        "import-calendar", source, *span, "--split-days", "--area", "admin", "--yes",
        data_dir=paths.folder,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "Imported 10 blocks as admin from" in done.stdout
    assert "before-import" in done.stdout  # the backup made first
    assert _count(paths, "block") == 10
    again = run_cli(
        "import-calendar", source, *span, "--split-days", "--yes", data_dir=paths.folder
    )
    assert again.returncode == 0, again.stderr
    assert "Already imported, left out: 7 appointments." in again.stdout
    assert _count(paths, "block") == 10
    assert len(list(paths.backups.glob("*before-import*"))) == 1


@pytest.mark.parametrize(
    ("content", "sentence"),
    [
        (b"BEGIN:VCARD\r\nFN:Bob\r\nEND:VCARD\r\n", "it is not a calendar file (.ics)."),
        (ics(GOOGLE_EXPORT.replace("SUMMARY:Loft conversion", "Loft conversion")),
         "an event in it is damaged (a line in it cannot be read: “loft@google.com”)."),
        (ics(events(100_000)), "it holds 100,000 events, and Tradesman imports at most 20,000"),
        (ics(GOOGLE_EXPORT.replace("America/New_York", "Europe/Atlantis")),
         "it names a time zone Tradesman does not know (“Europe/Atlantis”)"),
        (None, "it is 50 MB, and a calendar file can be at most 20 MB."),
    ],
    ids=["not a calendar", "broken line", "100,000 events", "unknown zone", "50 MB"],
)  # fmt: skip
def test_a_bad_file_gets_one_sentence_and_changes_nothing(
    paths: DataPaths, tmp_path: Path, content: bytes | None, sentence: str
) -> None:
    source = tmp_path / "phone.ics"
    if content is None:  # (a sparse file: 50 MB on paper, nothing on the disk)
        with source.open("wb") as handle:
            handle.truncate(50_000_000)
    else:
        source.write_bytes(content)
    first = run_cli("summary", data_dir=paths.folder)  # (the data file, made)
    assert first.returncode == 0
    before = (_count(paths, "block"), _count(paths, "calendar_event"), _backups(paths))
    refused = run_cli("import-calendar", source, "--yes", data_dir=paths.folder)
    assert refused.returncode == 1
    assert refused.stdout == ""
    lines = refused.stderr.splitlines()
    assert len(lines) == 1 and sentence in lines[0], refused.stderr
    assert lines[0].startswith("tradesman: Nothing was imported from phone.ics: ")
    after = (_count(paths, "block"), _count(paths, "calendar_event"), _backups(paths))
    assert after == before


def test_an_appointment_whose_key_holds_a_nul_is_still_known_the_second_time(
    store: Store,
) -> None:
    """A malformed file's UID with a NUL in it is kept whole, and found whole: importing
    the same file again adds nothing."""
    raw = (
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:phone\r\nBEGIN:VEVENT\r\nUID:abc\x00def\r\n"
        b"DTSTART:20261021T100000Z\r\nDTEND:20261021T110000Z\r\nSUMMARY:Boiler\r\nEND:VEVENT\r\n"
        b"END:VCALENDAR\r\n"
    )
    for _ in range(2):
        with store.reading() as session:
            preview = preview_calendar(session, raw, "phone.ics", FIRST, LAST)
        with store.writing() as session:
            import_calendar(session, preview, Area.PRODUCTION)
    assert [row[3] for row in _blocks(store)] == ["Boiler"]
    assert preview.new == () and preview.imported_before == 1
