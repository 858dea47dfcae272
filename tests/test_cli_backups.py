"""`tradesman backups` and `tradesman restore`, as a separate process: a damaged data file
is explained in one line with the way back, and restoring keeps what it replaces."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import imported_folder, run_cli, write_json

DOCUMENT = {
    "format": "tradesman", "version": 4,
    "blocks": [{"date": "2026-11-24", "start": "08:00", "end": "12:00", "area": "production",
                "title": "Kitchen – Patel"}],
    "tasks": [{"id": "t1", "title": "Invoice Patel", "area": "admin"}],
}  # fmt: skip


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return imported_folder(tmp_path, DOCUMENT)


def exported_titles(data: Path) -> list[str]:
    result = run_cli("export", "-o", "-", data_dir=data)
    assert result.returncode == 0, result.stderr
    return [block["title"] for block in json.loads(result.stdout)["blocks"]]


def test_backups_are_listed_with_what_they_hold(data: Path) -> None:
    result = run_cli("backups", data_dir=data)
    assert result.returncode == 0, result.stderr
    (line,) = result.stdout.strip().splitlines()  # the one taken before the import
    assert "before-import" in line and "0 blocks" in line and line.endswith(".sqlite3")


def test_a_damaged_file_is_one_line_with_the_way_back_and_restore_keeps_it(
    data: Path, tmp_path: Path
) -> None:
    # A backup with the kitchen in it: the second import's backup holds the first's data.
    again = run_cli("import", write_json(tmp_path / "empty.json", {"format": "tradesman",
                                                                    "version": 4}), data_dir=data)  # fmt: skip
    assert again.returncode == 0, again.stderr
    database = data / "tradesman.sqlite3"
    damaged = bytearray(database.read_bytes())
    damaged[4096:8192] = b"\xee" * 4096
    database.write_bytes(bytes(damaged))

    result = run_cli("summary", data_dir=data)
    assert result.returncode == 1
    (line,) = result.stderr.strip().splitlines()
    assert "damaged" in line and "`tradesman restore newest` puts it back" in line
    assert database.read_bytes() == bytes(damaged)  # untouched

    result = run_cli("restore", "newest", data_dir=data)
    assert result.returncode == 0, result.stderr
    kept = [
        p
        for p in data.iterdir()
        if p.name.startswith("tradesman.sqlite3.damaged-") and not p.name.endswith(("-wal", "-shm"))
    ]  # (SQLite's files beside it go with it)
    assert len(kept) == 1 and kept[0].read_bytes() == bytes(damaged)
    assert f"kept as {kept[0].name}" in result.stdout
    assert exported_titles(data) == ["Kitchen – Patel"]


def test_restoring_over_good_data_backs_it_up_first(data: Path, tmp_path: Path) -> None:
    run_cli("import", write_json(tmp_path / "other.json", {
        "format": "tradesman", "version": 4,
        "blocks": [{"date": "2026-11-25", "start": "09:00", "end": "10:00", "area": "sales",
                    "title": "Quote – Nowak"}]}), data_dir=data)  # fmt: skip
    listed = run_cli("backups", data_dir=data).stdout.strip().splitlines()
    with_kitchen = next(line.split()[-1] for line in listed if " 1 block " in line)
    result = run_cli("restore", with_kitchen, data_dir=data)
    assert result.returncode == 0, result.stderr
    assert "What you had just before is kept in" in result.stdout
    assert exported_titles(data) == ["Kitchen – Patel"]
    before = result.stdout.rsplit(" ", 1)[1].rstrip(".\n")
    assert run_cli("restore", before, data_dir=data).returncode == 0
    assert exported_titles(data) == ["Quote – Nowak"]


def test_restoring_a_backup_that_is_not_there_is_one_line(data: Path) -> None:
    result = run_cli("restore", "tradesman-1999-01-01T000000-automatic.sqlite3", data_dir=data)
    assert result.returncode == 1
    assert "There is no backup called" in result.stderr


def test_restore_waits_for_an_open_window_to_close(data: Path) -> None:
    from tradesman.single_instance import SingleInstance

    window = SingleInstance(data)  # as an open window holds its folder
    assert window.claim()
    try:
        result = run_cli("restore", "newest", data_dir=data)
    finally:
        window.release()
    assert result.returncode == 1
    assert "Tradesman is open on this data folder; close it, then restore." in result.stderr
    assert exported_titles(data) == ["Kitchen – Patel"]


def test_import_waits_for_an_open_window_to_close(data: Path, tmp_path: Path) -> None:
    from tradesman.single_instance import SingleInstance

    window = SingleInstance(data)
    assert window.claim()
    try:
        empty = write_json(tmp_path / "empty.json", {"format": "tradesman", "version": 4})
        result = run_cli("import", empty, data_dir=data)
    finally:
        window.release()
    assert result.returncode == 1
    assert "Tradesman is open on this data folder; close it, then import." in result.stderr
    assert exported_titles(data) == ["Kitchen – Patel"]
