"""Hard cases for the data file and the import, found by trying to break them."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from helpers import digest, run_cli, write_json

from tradesman.domain.areas import Area
from tradesman.domain.blocks import TimeBlock
from tradesman.errors import UserError
from tradesman.paths import DataPaths, prepare_data_folder
from tradesman.services import blocks as block_service
from tradesman.services import edits
from tradesman.services.export_file import export_text
from tradesman.services.transfer import import_from_file
from tradesman.store import backup as backup_module
from tradesman.store.database import Store, open_store
from tradesman.store.datafile import DataFileRefused, Refusal

KITCHEN = TimeBlock(date(2026, 11, 24), 7 * 60, 12 * 60, Area.PRODUCTION, "Kitchen – Patel")


def small_export(tmp_path: Path, title: str = "Imported") -> Path:
    return write_json(tmp_path / "in.json", {
        "format": "tradesman", "version": 1,
        "blocks": [{"date": "2026-11-25", "start": "08:00", "end": "09:00", "area": "sales", "title": title}],
    })  # fmt: skip


@pytest.mark.parametrize("name", ["jobs?2026", "100%41 done", "Dübel & Söhne", "with space"])
def test_odd_folder_names_open_the_file_inside_them(tmp_path: Path, name: str) -> None:
    paths = prepare_data_folder(tmp_path / name)
    store = open_store(paths)
    with store.writing() as session:
        edits.add_blocks(session, [KITCHEN])
    store.close()
    assert sorted(p.name for p in paths.folder.iterdir() if p.is_file()) == ["tradesman.sqlite3"]
    db = sqlite3.connect(paths.database)
    assert db.execute("SELECT title FROM block").fetchall() == [("Kitchen – Patel",)]
    db.close()


def test_ids_are_never_given_out_twice_not_even_after_an_import(
    store: Store, tmp_path: Path
) -> None:
    with store.writing() as session:
        old = edits.add_blocks(session, [KITCHEN]).after_blocks[0]
    import_from_file(store, small_export(tmp_path), None)
    with store.reading() as session:
        (imported,) = block_service.blocks_between(session, date(2026, 1, 1), date(2027, 1, 1))
    assert imported.id != old.id
    with pytest.raises(block_service.BlockGone), store.writing() as session:
        edits.change_block(session, old.with_changes(title="Edited in an old window"))
    with store.reading() as session:
        assert block_service.get_block(session, imported.id or 0) == imported


def test_an_import_waits_for_a_save_that_slips_in_before_it(
    store: Store, paths: DataPaths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A save between the backup and the import must end up in the backup."""
    real = backup_module.make_backup
    calls = []

    def backup_then_someone_saves(db: sqlite3.Connection, folder: Path, reason: str) -> object:
        made = real(db, folder, reason)
        calls.append(made)
        if len(calls) == 1:
            other = sqlite3.connect(paths.database)
            other.execute("INSERT INTO setting (key, value) VALUES ('owner_name', '\"Sam\"')")
            other.commit()
            other.close()
        return made

    monkeypatch.setattr("tradesman.store.database.make_backup", backup_then_someone_saves)
    result = import_from_file(store, small_export(tmp_path), None)
    assert len(calls) == 2
    saved = sqlite3.connect(result.backup.path)
    assert saved.execute("SELECT value FROM setting WHERE key = 'owner_name'").fetchone() == (
        '"Sam"',
    )
    saved.close()


def test_a_failed_backup_stops_the_import(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with store.writing() as session:
        edits.add_blocks(session, [KITCHEN])

    def no_room(*args: object) -> None:
        raise backup_module.BackupFailed("Could not write a backup: the disk is full.")

    monkeypatch.setattr("tradesman.store.database.make_backup", no_room)
    with pytest.raises(UserError, match=r"Nothing was imported\. .*disk is full"):
        import_from_file(store, small_export(tmp_path), None)
    with store.reading() as session:
        assert [
            b.title
            for b in block_service.blocks_between(session, date(2026, 1, 1), date(2027, 1, 1))
        ] == ["Kitchen – Patel"]


def make_wal_file_from_a_newer_version(paths: DataPaths) -> None:
    """A newer Tradesman's file with its last change still in the write-ahead log."""
    open_store(paths).close()
    db = sqlite3.connect(paths.database)
    db.execute("PRAGMA wal_autocheckpoint = 0")
    db.execute("PRAGMA user_version = 99")
    # Copy the files while the log is unfolded, as after a crash of the newer app.
    (paths.folder / "keep").mkdir()
    for name in ("tradesman.sqlite3", "tradesman.sqlite3-wal"):
        (paths.folder / "keep" / name).write_bytes((paths.folder / name).read_bytes())
    db.close()
    for name in ("tradesman.sqlite3", "tradesman.sqlite3-wal"):
        (paths.folder / name).write_bytes((paths.folder / "keep" / name).read_bytes())


def test_a_newer_file_with_its_log_unfolded_keeps_both_as_they_were(paths: DataPaths) -> None:
    make_wal_file_from_a_newer_version(paths)
    before = [digest(paths.folder / n) for n in ("tradesman.sqlite3", "tradesman.sqlite3-wal")]
    with pytest.raises(DataFileRefused) as caught:
        open_store(paths)
    assert caught.value.reason is Refusal.NEWER
    assert [
        digest(paths.folder / n) for n in ("tradesman.sqlite3", "tradesman.sqlite3-wal")
    ] == before


def test_a_left_over_log_is_set_aside_not_replayed_into_a_new_file(paths: DataPaths) -> None:
    other = sqlite3.connect(paths.folder / "old.sqlite3")
    other.execute("PRAGMA journal_mode = WAL")
    other.execute("PRAGMA wal_autocheckpoint = 0")
    other.execute("CREATE TABLE foreign_stuff (x)")
    (paths.folder / "tradesman.sqlite3-wal").write_bytes(
        (paths.folder / "old.sqlite3-wal").read_bytes()
    )
    other.close()
    open_store(paths).close()
    db = sqlite3.connect(paths.database)
    assert "foreign_stuff" not in {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
    db.close()
    assert [p.name for p in paths.folder.iterdir() if "left-over" in p.name]


def test_a_folder_where_the_file_should_be_is_explained(tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "tradesman.sqlite3").mkdir(parents=True)
    result = run_cli("summary", data_dir=data)
    assert result.returncode == 1
    assert result.stderr.startswith("tradesman: ") and "is a folder" in result.stderr


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("created", "0001-01-01T00:00:00+01:00"),
        ("created", "9999-12-31T23:59:59-05:00"),
        ("completed", "2026-11-23T09:00:00"),  # no time zone
    ],
)
def test_timestamps_at_the_ends_of_time_are_refused_not_crashed_on(
    store: Store, tmp_path: Path, field: str, value: str
) -> None:
    source = write_json(tmp_path / "t.json", {
        "format": "tradesman", "version": 1,
        "tasks": [{"id": "t1", "title": "Quarterly tax", "area": "admin", field: value}],
    })  # fmt: skip
    from tradesman.exchange.json_text import BadDocument

    with pytest.raises(BadDocument, match=f'Task 1 \\(id "t1"\\), field "{field}"'):
        import_from_file(store, source, None)


def test_huge_numbers_and_odd_files_get_a_sentence(tmp_path: Path) -> None:
    huge = tmp_path / "huge.json"
    huge.write_text('{"format": "tradesman", "version": ' + "9" * 5000 + "}")
    result = run_cli("import", huge, data_dir=tmp_path / "d")
    assert result.returncode == 1 and "number too long" in result.stderr
    result = run_cli("import", "/dev/zero", data_dir=tmp_path / "d")
    assert result.returncode == 1 and "is not a file that can be imported" in result.stderr
    for week in ("9999-12-31", "9999-W52", "0001-W01"):
        result = run_cli("summary", "--week", week, data_dir=tmp_path / "d")
        assert result.returncode == 2 and "too far from today" in result.stderr, week


@pytest.mark.parametrize("title", ["\u200b", "two\u2028lines", "   \u200d  "])
def test_invisible_or_multi_line_titles_are_refused(title: str) -> None:
    from tradesman.domain.validation import InvalidInput, check_title

    with pytest.raises(InvalidInput):
        check_title(title)


def test_right_to_left_and_joined_emoji_titles_are_kept_as_typed() -> None:
    from tradesman.domain.validation import check_title

    for title in ("תיקון מטבח", "إصلاح الباب", "Team 👨\u200d👩\u200d👧"):
        assert check_title(title) == title


def test_export_to_standard_output(tmp_path: Path) -> None:
    data = tmp_path / "d"
    assert run_cli("import", small_export(tmp_path, "AT&T <b>"), data_dir=data).returncode == 0
    result = run_cli("export", "-o", "-", data_dir=data)
    assert result.returncode == 0
    assert json.loads(result.stdout)["blocks"][0]["title"] == "AT&T <b>"
    assert not (Path.cwd() / "-").exists()


def test_damaged_setting_values_fall_back_to_defaults(store: Store, paths: DataPaths) -> None:
    db = sqlite3.connect(paths.database)
    db.execute("INSERT INTO setting (key, value) VALUES ('business_name', '{oops')")
    db.commit()
    db.close()
    text, _ = export_text(store, None)
    assert json.loads(text)["settings"]["business_name"] == ""


def test_series_survive_export_and_import(store: Store, tmp_path: Path) -> None:
    from tradesman.domain.series import Series
    from tradesman.services import edits

    tuesday = Series(
        "Marketing hour", Area.MARKETING, 420, 540, frozenset({1}), first_day=date(2026, 11, 3)
    )
    with store.writing() as session:
        change = edits.add_series(session, tuesday, date(2026, 11, 25))
        edits.delete_occurrence(session, change.after_blocks[3].id or 0)
    one, _ = export_text(store, None)
    first = json.loads(one)
    from tradesman.exchange.document import FORMAT_VERSION

    assert (
        first["version"] == FORMAT_VERSION
        and len(first["series"]) == 1
        and first["series"][0]["skipped"]
    )
    (tmp_path / "one.json").write_text(one)
    other = open_store(prepare_data_folder(tmp_path / "other"))
    import_from_file(other, tmp_path / "one.json", None, now=datetime(2026, 11, 25, tzinfo=UTC))
    two, _ = export_text(other, None)
    other.close()
    from helpers import without_ids

    second = json.loads(two)
    assert without_ids(second) == without_ids(first)
    series_id = second["series"][0]["id"]
    assert all(b["series"] == series_id for b in second["blocks"])
