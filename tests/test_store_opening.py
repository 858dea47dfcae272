"""Opening the data file: new files, our pragmas, and files that must be refused untouched."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
from pathlib import Path

import pytest
from helpers import orm_writing
from sqlalchemy import inspect

from tradesman.paths import DataPaths, prepare_data_folder
from tradesman.store.database import Store, open_store
from tradesman.store.datafile import DataFileRefused, Refusal
from tradesman.store.header import APPLICATION_ID
from tradesman.store.migrations import MIGRATIONS, SCHEMA_VERSION
from tradesman.store.reads import dbapi_connection
from tradesman.store.schema import Base


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_new_data_folder_and_file_are_private(tmp_path: Path) -> None:
    paths = prepare_data_folder(tmp_path / "fresh" / "data")
    open_store(paths).close()
    assert stat.S_IMODE(paths.folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(paths.database.stat().st_mode) == 0o600
    assert not (paths.folder / "tradesman.sqlite3.new").exists()


def test_every_connection_gets_our_pragmas(store: Store) -> None:
    with store.reading() as session:
        db = dbapi_connection(session)
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert db.execute("PRAGMA busy_timeout").fetchone()[0] == 5000
        assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_the_migrations_build_the_tables_the_models_describe(store: Store) -> None:
    """The models (schema.py) and the SQL steps (migrations.py) must never drift apart."""
    with orm_writing(store) as session:
        inspector = inspect(session.connection())
        for table in Base.metadata.sorted_tables:
            columns = inspector.get_columns(table.name)
            assert {c["name"] for c in columns} == {c.name for c in table.columns}, table.name
            # (SQLite reports primary keys as nullable; compare the other columns.)
            keys = inspector.get_pk_constraint(table.name)["constrained_columns"]
            on_disk = {c["name"]: c["nullable"] for c in columns if c["name"] not in keys}
            in_model = {c.name: c.nullable for c in table.columns if not c.primary_key}
            assert on_disk == in_model, table.name
        db = dbapi_connection(session)
        for table in Base.metadata.sorted_tables:
            links_on_disk = {
                (row[2], row[3], row[6])  # referred table, column, on delete
                for row in db.execute(f"PRAGMA foreign_key_list({table.name})")
            }
            links_in_model = {
                (fk.column.table.name, fk.parent.name, fk.ondelete or "NO ACTION")
                for fk in table.foreign_keys
            }
            assert links_on_disk == links_in_model, table.name


def refused(paths: DataPaths) -> DataFileRefused:
    with pytest.raises(DataFileRefused) as caught:
        open_store(paths)
    return caught.value


def test_random_bytes_are_refused_and_left_alone(paths: DataPaths) -> None:
    paths.database.write_bytes(os.urandom(64 * 1024))
    before = digest(paths.database)
    error = refused(paths)
    assert error.reason is Refusal.NOT_TRADESMAN
    assert "is not a Tradesman data file" in error.message
    assert digest(paths.database) == before
    assert sorted(p.name for p in paths.folder.iterdir()) == ["tradesman.sqlite3"]


def test_another_programs_database_is_refused_and_left_alone(paths: DataPaths) -> None:
    other = sqlite3.connect(paths.database)
    other.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY)")
    other.commit()
    other.close()
    before = digest(paths.database)
    assert refused(paths).reason is Refusal.NOT_TRADESMAN
    assert digest(paths.database) == before


def make_newer(paths: DataPaths) -> None:
    open_store(paths).close()
    db = sqlite3.connect(paths.database)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.execute("PRAGMA journal_mode = DELETE")  # write it home, as a newer app would have
    db.close()


def test_a_file_from_a_newer_version_is_refused_and_left_alone(paths: DataPaths) -> None:
    make_newer(paths)
    before = digest(paths.database)
    error = refused(paths)
    assert error.reason is Refusal.NEWER
    assert "newer version of Tradesman" in error.message
    assert digest(paths.database) == before


def damage(paths: DataPaths, backed_up: bool) -> None:
    """Two thousand tasks, a backup of them if `backed_up`, then pages scribbled over."""
    store = open_store(paths)
    with store.writing() as session:
        dbapi_connection(session).executemany(
            "INSERT INTO task (title, area, status, created) VALUES (?, 'admin', 'open', 'x')",
            [(f"Task {n}" * 5,) for n in range(2000)],
        )
    if backed_up:
        store.backup("automatic")
    store.close()
    db = sqlite3.connect(paths.database)
    db.execute("PRAGMA journal_mode = DELETE")
    db.close()
    data = bytearray(paths.database.read_bytes())
    for number in range(2, 6):  # scribble over the headers of some table pages
        data[number * 4096 : number * 4096 + 64] = os.urandom(64)
    paths.database.write_bytes(bytes(data))


@pytest.mark.parametrize(
    ("backed_up", "said"),
    [
        (True, "It has been left as it is; your backups are in the backups folder beside it."),
        (False, "It has been left as it is; there is no backup of it to go back to yet."),
    ],
)
def test_a_damaged_file_names_backups_only_where_there_are_some(
    paths: DataPaths, backed_up: bool, said: str
) -> None:
    damage(paths, backed_up)
    error = refused(paths)
    assert error.reason is Refusal.DAMAGED
    assert error.message.endswith(said), error.message


def test_a_damaged_file_is_refused_and_left_alone(paths: DataPaths) -> None:
    damage(paths, backed_up=False)
    before = digest(paths.database)
    error = refused(paths)
    assert error.reason is Refusal.DAMAGED
    assert "damaged" in error.message
    assert digest(paths.database) == before


def add_notes_column(db: sqlite3.Connection) -> None:
    db.execute("ALTER TABLE setting ADD COLUMN note TEXT")


def test_an_older_file_is_backed_up_then_migrated(paths: DataPaths) -> None:
    store = open_store(paths)
    with store.writing() as session:
        dbapi_connection(session).execute(
            "INSERT INTO setting (key, value) VALUES ('business_name', '\"Oak\"')"
        )
    store.close()
    open_store(paths, (*MIGRATIONS, add_notes_column)).close()

    db = sqlite3.connect(paths.database)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1
    assert "note" in [row[1] for row in db.execute("PRAGMA table_info(setting)")]
    db.close()
    backups = list(paths.backups.iterdir())
    assert [
        b.name.endswith(f"before-update-to-v{SCHEMA_VERSION + 1}.sqlite3") for b in backups
    ] == [True]
    copy = sqlite3.connect(backups[0])
    assert copy.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert copy.execute("SELECT value FROM setting").fetchone()[0] == '"Oak"'
    assert copy.execute("PRAGMA quick_check").fetchone()[0] == "ok"


def broken_step(db: sqlite3.Connection) -> None:
    db.execute("ALTER TABLE setting ADD COLUMN half_done TEXT")
    raise sqlite3.OperationalError("the disk went away")


def test_a_failed_migration_step_changes_nothing(paths: DataPaths) -> None:
    open_store(paths).close()
    with pytest.raises(DataFileRefused):
        open_store(paths, (*MIGRATIONS, broken_step))
    db = sqlite3.connect(paths.database)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert "half_done" not in [row[1] for row in db.execute("PRAGMA table_info(setting)")]
    db.close()
    open_store(paths).close()  # and the file still opens as before


def test_an_empty_file_is_set_up_as_new(paths: DataPaths) -> None:
    paths.database.write_bytes(b"")
    open_store(paths).close()
    db = sqlite3.connect(paths.database)
    assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    db.close()


def test_every_table_of_the_owners_data_counts_its_changes(store: Store) -> None:
    """A table without the triggers would let a change go without a backup."""
    with store.reading() as session:
        db = dbapi_connection(session)
        triggers = {
            (row[0], row[1])
            for row in db.execute("SELECT tbl_name, name FROM sqlite_master WHERE type = 'trigger'")
        }
    for table in Base.metadata.sorted_tables:
        if table.name == "change_count":
            continue
        for event in ("insert", "update", "delete"):
            assert (table.name, f"count_{event}_{table.name}") in triggers, table.name
