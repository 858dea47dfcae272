"""Backups that can be trusted: taken when the data changed, verified, thinned by age,
listed with what they hold, and restored all or nothing after a backup of the present."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from tradesman.domain.areas import Area
from tradesman.domain.blocks import TimeBlock
from tradesman.domain.tasks import Task
from tradesman.domain.weeks import Week
from tradesman.errors import UserError
from tradesman.paths import DataPaths
from tradesman.services import backups as backup_service
from tradesman.services.blocks import blocks_in_week
from tradesman.services.edits import add_blocks, delete_blocks
from tradesman.services.task_edits import add_tasks
from tradesman.store.backup import backup_name
from tradesman.store.backup_shelf import list_backups
from tradesman.store.database import Store, open_store
from tradesman.store.datafile import DataFileRefused, open_data_file

MONDAY = date(2026, 11, 23)


def add_kitchen(store: Store, title: str = "Kitchen") -> None:
    with store.writing() as session:
        add_blocks(session, [TimeBlock(MONDAY, 420, 720, Area.PRODUCTION, title)])


def titles(store: Store) -> list[str]:
    with store.reading() as session:
        return [block.title for block in blocks_in_week(session, Week(MONDAY))]


def test_a_backup_is_taken_only_when_the_data_changed(store: Store) -> None:
    first = backup_service.back_up_if_changed(store)
    assert first is not None  # no backup yet: the data counts as changed
    assert backup_service.back_up_if_changed(store) is None  # nothing new since
    add_kitchen(store)
    second = backup_service.back_up_if_changed(store)
    assert second is not None and second.path != first.path
    assert backup_service.back_up_if_changed(store) is None


def test_the_shelf_lists_backups_newest_first_with_what_they_hold(store: Store) -> None:
    backup_service.back_up_if_changed(store)
    add_kitchen(store)
    with store.writing() as session:
        add_tasks(session, [Task("Invoice Patel", Area.ADMIN), Task("Photos", Area.MARKETING)])
    backup_service.back_up_if_changed(store)
    shelf = backup_service.backups(store)
    assert [(b.blocks, b.tasks) for b in shelf] == [(1, 2), (0, 0)]
    assert shelf[0].taken >= shelf[1].taken and shelf[0].reason == "automatic"


def test_old_backups_are_thinned_by_age_and_the_rest_stay(store: Store) -> None:
    made = store.backup("automatic")
    now = datetime(2026, 11, 23, 18, 0)
    # Pretend backups were taken three times a day for 60 days: copies of a real one.
    for day in range(1, 61):
        for hour in (8, 12, 16):
            taken = now - timedelta(days=day) + timedelta(hours=hour - 18)
            (store.backups / backup_name(taken, "automatic")).write_bytes(made.path.read_bytes())
    add_kitchen(store)
    backup_service.back_up_if_changed(store, now=now)
    kept = list_backups(store.backups)
    # Today's (two), then one a day for 7 days, one a week and one a month further back.
    assert 7 < len(kept) <= 2 + 7 + 4 + 12
    assert len({b.taken.date() for b in kept}) == len(kept) - 1
    assert min(b.taken for b in kept) < now - timedelta(days=45)  # the monthly ones stay


def test_restoring_puts_the_backup_back_after_keeping_the_present(store: Store) -> None:
    add_kitchen(store, "Kitchen – Patel")
    old = store.backup("automatic")
    with store.writing() as session:
        (kept,) = blocks_in_week(session, Week(MONDAY))
        assert kept.id is not None
        delete_blocks(session, [kept.id])
    add_kitchen(store, "Bathroom – Nowak")
    restored = backup_service.restore_backup(store, old.path, "en_GB")
    assert titles(store) == ["Kitchen – Patel"]
    assert restored.counts.blocks == 1
    # What was there before the restore is a backup of its own: restoring it undoes it.
    assert restored.backup_of_current is not None
    assert restored.backup_of_current.reason == "before-restore"
    backup_service.restore_backup(store, restored.backup_of_current.path, "en_GB")
    assert titles(store) == ["Bathroom – Nowak"]


def test_a_damaged_backup_is_refused_and_nothing_changes(store: Store, tmp_path: Path) -> None:
    add_kitchen(store)
    store.backups.mkdir(exist_ok=True)
    broken = store.backups / backup_name(datetime(2026, 11, 1, 9, 0), "automatic")
    broken.write_bytes(b"SQLite format 3\x00" + b"\x00" * 2000)
    with pytest.raises(UserError):
        backup_service.restore_backup(store, broken, "en_GB")
    assert titles(store) == ["Kitchen"]


def test_a_backup_from_before_an_update_is_brought_up_to_date(
    paths: DataPaths, tmp_path: Path
) -> None:
    from tradesman.store.migrations import MIGRATIONS, SCHEMA_VERSION

    old_paths = DataPaths(tmp_path / "old")
    old_paths.folder.mkdir()
    old_store = open_store(old_paths, MIGRATIONS[:3])  # a version-3 file, before the plan
    with old_store.writing() as session:
        session.execute(
            "INSERT INTO block (day, start_minute, end_minute, area, title, status) "
            "VALUES ('2026-11-23', 420, 480, 'sales', 'Old quote', 'planned')"
        )
    old_backup = old_store.backup("automatic")
    old_store.close()
    store = open_store(paths)
    try:
        assert list_backups(old_paths.backups)[0].schema_version == 3
        backup_service.restore_backup(store, old_backup.path, "en_GB")
        assert titles(store) == ["Old quote"]
        db = sqlite3.connect(paths.database)
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        db.close()
    finally:
        store.close()


def test_a_refused_data_file_is_kept_aside_and_the_newest_backup_takes_its_place(
    paths: DataPaths,
) -> None:
    store = open_store(paths)
    add_kitchen(store, "Kitchen – Patel")
    store.backup("automatic")
    store.close()
    damaged = bytearray(paths.database.read_bytes())
    damaged[4096:8192] = b"\xff" * 4096  # a page of garbage
    paths.database.write_bytes(bytes(damaged))
    with pytest.raises(DataFileRefused):
        open_data_file(paths)
    newest = backup_service.newest_good_backup(paths)
    assert newest is not None and newest.blocks == 1
    aside = backup_service.restore_refused_file(paths, newest.path, "damaged")
    assert aside.name.startswith("tradesman.sqlite3.damaged-")
    assert aside.read_bytes() == bytes(damaged)  # kept exactly as it was
    store = open_store(paths)
    try:
        assert titles(store) == ["Kitchen – Patel"]
    finally:
        store.close()


def test_a_backup_from_a_newer_tradesman_is_not_offered(paths: DataPaths) -> None:
    store = open_store(paths)
    made = store.backup("automatic")
    store.close()
    db = sqlite3.connect(made.path)
    db.execute("PRAGMA user_version = 99")
    db.commit()
    db.close()
    assert backup_service.newest_good_backup(paths) is None
    with pytest.raises(UserError, match="newer Tradesman"):
        backup_service.restore_refused_file(paths, made.path, "damaged")
    assert not any(p.name.endswith(".restoring") for p in paths.folder.iterdir())


def test_a_restored_file_counts_on_past_every_backup(paths: DataPaths) -> None:
    """Else its older count could come to equal a newer backup's and hide a change."""
    from tradesman.store.backup_shelf import change_count, highest_change_count
    from tradesman.store.datafile import connect

    store = open_store(paths)
    add_kitchen(store, "Old")
    older = store.backup("automatic")
    for n in range(5):
        add_kitchen(store, f"Later {n}")
    store.backup("automatic")
    store.close()
    paths.database.write_bytes(b"SQLite format 3\x00" + b"\x01" * 5000)  # now damaged
    backup_service.restore_refused_file(paths, older.path, "damaged")
    db = connect(paths.database)
    try:
        assert change_count(db) == highest_change_count(paths.backups) + 1
    finally:
        db.close()


def test_a_damaged_newest_backup_is_passed_over_for_the_next_good_one(paths: DataPaths) -> None:
    store = open_store(paths)
    add_kitchen(store)
    good = store.backup("automatic")
    add_kitchen(store, "Bathroom")
    bad = store.backup("automatic")
    store.close()
    bad.path.write_bytes(bad.path.read_bytes()[:3000])  # cut short
    newest = backup_service.newest_good_backup(paths)
    assert newest is not None and newest.path == good.path


def test_what_a_crash_left_in_the_backups_folder_is_cleared(store: Store) -> None:
    made = store.backup("automatic")
    partial = store.backups / (made.path.name + ".partial")
    partial.write_bytes(b"half a copy")
    scratch = store.backups / "restoring-x1y2"
    scratch.mkdir()
    (scratch / "backup.sqlite3").write_bytes(b"scratch")
    add_kitchen(store)
    backup_service.back_up_if_changed(store)
    assert not partial.exists() and not scratch.exists()
    assert made.path.exists()  # finished backups are never touched
