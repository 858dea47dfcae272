"""The data file in trouble, round two: a change log that is not the file's own, an empty
file, an index damaged in a way the quick check misses, a broken data version, a
missing table. Each is made for real on disk and met by the real command line; the
owner's data is never lost, and every answer is one sentence."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from damage import (
    another_programs_log,
    checks,
    drop_table,
    flip_a_day_in_an_index,
    log_with_changes,
    put_log_beside,
    set_version,
)
from helpers import digest, exported, run_cli, write_json

from tradesman.paths import DataPaths
from tradesman.store.database import Store, open_store
from tradesman.store.datafile import open_data_file

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

KITCHEN = {"date": "2026-11-24", "start": "08:00", "end": "12:00", "area": "production",
           "title": "Kitchen – Patel"}  # fmt: skip


def document(*titles: str) -> dict[str, object]:
    blocks = [{**KITCHEN, "title": title} for title in titles]
    return {"format": "tradesman", "version": 4, "blocks": blocks, "tasks": []}


def imported(folder: Path, tmp_path: Path, *titles: str) -> None:
    result = run_cli("import", write_json(tmp_path / "in.json", document(*titles)), data_dir=folder)
    assert result.returncode == 0, result.stderr


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    imported(folder, tmp_path, "Kitchen – Patel", "Loft – Jones")
    return folder


def titles(folder: Path) -> list[str]:
    return sorted(block["title"] for block in exported(folder)["blocks"])


def tables(database: Path) -> set[str]:
    db = sqlite3.connect(f"{database.as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        return {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
    finally:
        db.close()


def set_aside_logs(folder: Path) -> list[Path]:
    found = folder.glob("tradesman.sqlite3-wal.not-this-file-*")
    return sorted(path for path in found if not path.name.endswith("-shm"))


def one_line(text: str) -> str:
    lines = text.strip().splitlines()
    assert len(lines) == 1, text
    assert "Traceback" not in text and "bug" not in text, text
    return lines[0]


# 1. A change log that is not this file's


def test_another_programs_log_is_moved_aside_and_kept_not_folded_into_the_data(
    data: Path,
) -> None:
    log = another_programs_log(data.parent)
    put_log_beside(data / "tradesman.sqlite3", log)
    result = run_cli("summary", data_dir=data)
    assert result.returncode == 0, result.stderr
    told = one_line(result.stderr)
    assert "was not this file's" in told and "moved aside" in told and "kept" in told
    assert titles(data) == ["Kitchen – Patel", "Loft – Jones"]
    assert "their_stuff" not in tables(data / "tradesman.sqlite3")
    (aside,) = set_aside_logs(data)
    assert aside.read_bytes() == log  # kept exactly, under a name that says what it is


def test_a_log_left_by_a_crash_of_another_copy_is_not_folded_into_this_one(
    data: Path, tmp_path: Path
) -> None:
    """A crash leaves a log; then an older copy of the file is put in its place. SQLite
    would fold the log of the newer copy into the old one (all blocks renamed)."""
    database = data / "tradesman.sqlite3"
    older_copy = tmp_path / "older-copy.sqlite3"
    shutil.copyfile(database, older_copy)
    imported(data, tmp_path, *(f"Job {n}" for n in range(400)))  # the file moves on
    log = log_with_changes(database, ["UPDATE block SET title = 'renamed'"])
    shutil.copyfile(older_copy, database)
    put_log_beside(database, log)
    result = run_cli("export", "-o", "-", data_dir=data)
    assert result.returncode == 0, result.stderr
    assert "was not this file's" in one_line(result.stderr)
    blocks = json.loads(result.stdout)["blocks"]
    assert sorted(b["title"] for b in blocks) == ["Kitchen – Patel", "Loft – Jones"]
    assert [p.read_bytes() for p in set_aside_logs(data)] == [log]


def test_the_files_own_log_left_by_a_crash_is_folded_in_as_ever(data: Path) -> None:
    database = data / "tradesman.sqlite3"
    put_log_beside(database, log_with_changes(database, ["UPDATE block SET title = 'Saved'"]))
    result = run_cli("summary", data_dir=data)
    assert result.returncode == 0 and result.stderr == "", result.stderr
    assert titles(data) == ["Saved", "Saved"]  # the last edits before the crash are kept
    assert set_aside_logs(data) == []


def test_a_log_in_use_by_a_running_program_is_never_moved(paths: DataPaths) -> None:
    """A window has the file open and its last change in the log: a command started
    beside it must leave that log alone, whatever it finds."""
    running = open_store(paths)
    try:
        with running.writing() as session:
            session.execute("UPDATE change_count SET changes = changes + 1")
        assert Path(f"{paths.database}-wal").stat().st_size > 0
        log_before = Path(f"{paths.database}-wal").read_bytes()
        open_data_file(paths)  # the command's opening check
        assert Path(f"{paths.database}-wal").read_bytes() == log_before
        assert set_aside_logs(paths.folder) == []
    finally:
        running.close()


def test_the_window_says_so_too(data: Path) -> None:
    put_log_beside(data / "tradesman.sqlite3", another_programs_log(data.parent))
    result = run_cli("--smoke-test", data_dir=data)
    assert result.returncode == 0, result.stderr
    assert "was not this file's" in result.stderr and "ready for edits" in result.stdout


# 2. An empty data file


def test_an_empty_file_with_backups_is_refused_and_the_newest_backup_with_data_offered(
    data: Path, tmp_path: Path
) -> None:
    imported(data, tmp_path)  # nothing: the backup before it holds the two blocks
    imported(data, tmp_path, "Bathroom – Singh")  # the newest backup holds no data at all
    database = data / "tradesman.sqlite3"
    database.write_bytes(b"")  # a bad copy, a disk that filled up
    backups_before = sorted((data / "backups").iterdir())
    result = run_cli("summary", data_dir=data)
    assert result.returncode == 1
    assert "is empty" in result.stderr and "restore newest" in result.stderr
    assert database.stat().st_size == 0  # kept as it was
    assert sorted((data / "backups").iterdir()) == backups_before  # no empty "backup"
    restored = run_cli("restore", "newest", data_dir=data)
    assert restored.returncode == 0, restored.stderr
    assert titles(data) == ["Kitchen – Patel", "Loft – Jones"]  # not the empty copy
    assert [p.stat().st_size for p in data.glob("tradesman.sqlite3.damaged-*")] == [0]


def test_an_empty_file_with_no_backups_is_a_new_start(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "tradesman.sqlite3").write_bytes(b"")
    result = run_cli("summary", data_dir=folder)
    assert result.returncode == 0, result.stderr


# 5. An index damaged in a way quick_check does not see


@pytest.fixture
def damaged_index(data: Path) -> Path:
    database = data / "tradesman.sqlite3"
    flip_a_day_in_an_index(database)
    quick, thorough = checks(database)
    assert quick == "ok" and thorough != "ok"  # (the damage the quick check misses)
    return data


def test_nothing_is_exported_from_a_damaged_file(damaged_index: Path, tmp_path: Path) -> None:
    result = run_cli("export", "-o", tmp_path / "all.json", data_dir=damaged_index)
    assert result.returncode == 1
    told = one_line(result.stderr)
    assert "Nothing was exported" in told and "damaged" in told and "restore newest" in told
    assert not (tmp_path / "all.json").exists()


def test_an_import_into_a_damaged_file_is_refused_in_words(
    damaged_index: Path, tmp_path: Path
) -> None:
    database = damaged_index / "tradesman.sqlite3"
    before = digest(database)
    result = run_cli(
        "import", write_json(tmp_path / "new.json", document("New")), data_dir=damaged_index
    )
    assert result.returncode == 1
    told = one_line(result.stderr)
    assert "Nothing was imported" in told and "damaged" in told and "restore newest" in told
    assert digest(database) == before


def test_restoring_over_a_damaged_file_keeps_it_aside_and_works(
    damaged_index: Path, tmp_path: Path
) -> None:
    database = damaged_index / "tradesman.sqlite3"
    before = digest(database)
    result = run_cli("restore", "newest", data_dir=damaged_index)
    assert result.returncode == 0, result.stderr
    assert "damaged" in result.stdout and "kept" in result.stdout
    assert checks(database) == ("ok", "ok")
    (kept,) = damaged_index.glob("tradesman.sqlite3.damaged-*")
    assert digest(kept) == before


def test_a_damaged_newest_backup_is_listed_as_such_and_passed_over(
    data: Path, tmp_path: Path
) -> None:
    imported(data, tmp_path, "Bathroom – Singh")  # the newest backup holds the two blocks
    backups = sorted((data / "backups").glob("*.sqlite3"))
    newest = max(backups, key=lambda p: p.stat().st_mtime_ns)
    flip_a_day_in_an_index(newest)
    listed = run_cli("backups", data_dir=data)
    assert listed.returncode == 0, listed.stderr
    (line,) = [line for line in listed.stdout.splitlines() if newest.name in line]
    assert "damaged, cannot be restored" in line
    restored = run_cli("restore", "newest", data_dir=data)
    assert restored.returncode == 0, restored.stderr
    assert newest.name not in restored.stdout  # the next good one was taken
    assert titles(data) == []  # the older backup: from before the first import


def test_after_a_crash_the_file_is_checked_thoroughly(data: Path) -> None:
    """A log left behind means the last run ended badly: the quick check is not enough."""
    database = data / "tradesman.sqlite3"
    log = log_with_changes(database, ["UPDATE setting SET value = value"])
    flip_a_day_in_an_index(database)
    put_log_beside(database, log)
    result = run_cli("summary", data_dir=data)
    assert result.returncode == 1
    assert "damaged" in one_line(result.stderr)
    assert Path(f"{database}-wal").read_bytes() == log  # refused: everything left as it was


# 10. Our application id, but a data version of 0 or less, or a table missing


@pytest.mark.parametrize("breakage", ["version 0", "version -1", "no block table"])
def test_a_file_with_a_broken_version_or_a_missing_table_is_damaged_and_restorable(
    data: Path, breakage: str
) -> None:
    database = data / "tradesman.sqlite3"
    if breakage == "no block table":
        drop_table(database, "block")
    else:
        set_version(database, int(breakage.split()[1]))
    before = digest(database)
    result = run_cli("summary", data_dir=data)
    assert result.returncode == 1
    assert "damaged" in result.stderr and "restore newest" in result.stderr
    assert digest(database) == before
    restored = run_cli("restore", "newest", data_dir=data)
    assert restored.returncode == 0, restored.stderr
    assert run_cli("summary", data_dir=data).returncode == 0


def test_the_window_restores_over_a_damaged_file_and_carries_on(
    planner: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Found damaged while the window is open (its own backup fails the check): File →
    Restore from backup… keeps the damaged file aside, puts the backup in its place, and
    the window goes on working on the restored file."""
    from planner_kit import LEFT, Planner
    from PySide6.QtCore import Qt

    from tradesman.ui.shared import prompts
    from tradesman.ui.window.restore_dialog import RestoreDialog

    assert isinstance(planner, Planner)
    planner.store.backup("automatic")  # with both seeded blocks
    planner.store.close()  # (everything on disk, no connection holding old pages)
    database = planner.paths.database
    flip_a_day_in_an_index(database)
    damaged = digest(database)
    told: list[str] = []
    monkeypatch.setattr(prompts, "confirm", lambda *args: True)
    monkeypatch.setattr(prompts, "tell", lambda parent, title, message: told.append(message))
    planner.window.acts["restore"].trigger()
    assert planner.window.desk.transfer is not None
    dialog = planner.window.desk.transfer.dialog
    assert isinstance(dialog, RestoreDialog)
    planner.qtbot.mouseClick(dialog.restore_button, LEFT)
    planner.qtbot.waitUntil(lambda: bool(told), timeout=10_000)
    assert "Your data file was damaged; it is kept beside the restored one" in told[0]
    (kept,) = database.parent.glob("tradesman.sqlite3.damaged-*")
    assert digest(kept) == damaged
    assert checks(database) == ("ok", "ok")
    # The window works on the restored file: an edit is saved there.
    planner.qtbot.mouseClick(planner.canvas, LEFT, pos=planner.middle_of("Site visit"))
    planner.keys(Qt.Key.Key_Delete)
    assert [t[0] for t in planner.titles()] == ["Kitchen – Patel"]
    db = sqlite3.connect(f"{database.as_uri()}?mode=ro", uri=True)
    try:
        assert db.execute("SELECT title FROM block").fetchall() == [("Kitchen – Patel",)]
    finally:
        db.close()


def test_the_tables_a_file_must_have_are_the_ones_the_steps_make() -> None:
    from tradesman.store.migrations import MIGRATIONS, TABLES, run_migrations

    db = sqlite3.connect(":memory:", isolation_level=None)
    run_migrations(db, 0, MIGRATIONS)
    made = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert made - {"sqlite_sequence"} == TABLES


def test_the_restore_dialog_shows_a_backup_that_cannot_be_read_greyed_out(
    qtbot: QtBot, store: Store, paths: DataPaths
) -> None:
    from planner_kit import cell
    from PySide6.QtCore import Qt

    from tradesman.services.backup_list import kept_backups
    from tradesman.ui.window.restore_dialog import RestoreDialog

    good = store.backup("automatic")
    broken = paths.backups / "tradesman-2099-01-01T000000-automatic.sqlite3"
    broken.write_bytes(b"not a database at all" * 100)  # the newest, and unreadable
    dialog = RestoreDialog(kept_backups(paths.backups))
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 2
    assert cell(dialog.table, 0, 2).text() == "damaged"
    assert not cell(dialog.table, 0, 0).flags() & Qt.ItemFlag.ItemIsSelectable
    chosen = dialog.chosen_backup()
    assert chosen is not None and chosen.path == good.path  # the good one is picked
    assert dialog.restore_button.isEnabled()


@pytest.mark.parametrize("ask", ["tell", "warn", "confirm"])
def test_a_message_shows_the_owners_words_as_written(
    qapp: object, monkeypatch: pytest.MonkeyPatch, ask: str
) -> None:
    """Titles and folder names reach messages (an import's report, a damaged file's
    name): "AT&T <b>x</b>" must not lose its tags as markup."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLabel, QMessageBox

    from tradesman.ui.shared import prompts

    shown: list[str] = []

    def look(box: QMessageBox) -> int:
        label = next(w for w in box.findChildren(QLabel) if w.objectName() == "qt_msgbox_label")
        shown.append(label.text() if label.textFormat() == Qt.TextFormat.PlainText else "")
        return 0

    monkeypatch.setattr(QMessageBox, "exec", look)
    for static in ("information", "warning", "question"):  # (these decide the format alone)
        monkeypatch.setattr(QMessageBox, static, lambda *args, **kwargs: shown.append("?"))
    words = "Imported “AT&T <b>x</b> & &amp; Дерево”."
    if ask == "confirm":
        prompts.confirm(None, "Tradesman", words, "Go on")  # type: ignore[arg-type]
    else:
        getattr(prompts, ask)(None, "Tradesman", words)
    assert shown == [words]
