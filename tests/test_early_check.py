"""The data file's quick check begun before the window paints (store/early_check.py):
its answer spares the opening a second read of the whole file, but only while it is
surely about the file as it is; a damaged file is refused exactly as before."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from damage import log_with_changes, put_log_beside
from helpers import run_cli

from tradesman.paths import DataPaths
from tradesman.store.database import open_store
from tradesman.store.datafile import DataFileRefused, Refusal, open_data_file
from tradesman.store.early_check import EarlyCheck
from tradesman.store.reads import dbapi_connection

PAGE = 4096


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def with_tasks(paths: DataPaths, count: int = 2000) -> Path:
    """A closed data file with `count` tasks in it, in one file (no change log)."""
    store = open_store(paths)
    with store.writing() as db:
        dbapi_connection(db).executemany(
            "INSERT INTO task (title, area, status, created) VALUES (?, 'admin', 'open', '2026-11-30T09:00:00+00:00')",
            [(f"Task {n} " * 5,) for n in range(count)],
        )
    store.close()
    assert not Path(f"{paths.database}-wal").exists()
    return paths.database


def scribble(database: Path) -> None:
    """Overwrite the headers of a few table pages, as a bad disk or copy would."""
    data = bytearray(database.read_bytes())
    for number in range(2, 6):
        data[number * PAGE : number * PAGE + 64] = os.urandom(64)
    database.write_bytes(bytes(data))


def test_a_sound_file_is_opened_on_the_early_answer_without_reading_it_twice(
    paths: DataPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = with_tasks(paths)
    early = EarlyCheck(database)
    assert early.answer(database) == ["ok"]  # (waits for the check to end)
    seen: list[str] = []
    real = sqlite3.connect

    def connect(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        db: sqlite3.Connection = real(*args, **kwargs)
        db.set_trace_callback(seen.append)
        return db

    monkeypatch.setattr(sqlite3, "connect", connect)
    open_data_file(paths, early=early)
    assert "PRAGMA quick_check" not in seen
    assert "PRAGMA application_id" in seen  # (the rest of the opening's checks still ran)
    seen.clear()
    open_data_file(paths)  # without one, the opening checks the file itself, as ever
    assert "PRAGMA quick_check" in seen


def test_a_file_damaged_before_the_start_is_refused_and_left_as_it_was(
    paths: DataPaths,
) -> None:
    database = with_tasks(paths)
    scribble(database)
    before = digest(database)
    early = EarlyCheck(database)
    with pytest.raises(DataFileRefused) as refused:
        open_data_file(paths, early=early)
    assert refused.value.reason is Refusal.DAMAGED
    assert "damaged" in refused.value.message
    assert digest(database) == before


def test_an_answer_given_before_the_file_changed_is_not_taken(paths: DataPaths) -> None:
    database = with_tasks(paths)
    early = EarlyCheck(database)
    assert early.answer(database) == ["ok"]
    before = database.stat().st_mtime_ns
    scribble(database)  # (after the check said "ok": that answer is of another file now)
    # (A later write: on a disk that keeps times to the clock tick, one within the same
    # tick would show the same time; the next test covers that case.)
    os.utime(database, ns=(before, before + 1_000_000_000))
    assert early.answer(database) is None
    with pytest.raises(DataFileRefused) as refused:
        open_data_file(paths, early=early)
    assert refused.value.reason is Refusal.DAMAGED


def test_no_early_answer_while_a_change_log_waits_beside_the_file(paths: DataPaths) -> None:
    """After an unclean shutdown the opening checks thoroughly itself (and may move a
    log that is not the file's aside): an early quick check has nothing to say."""
    database = with_tasks(paths, count=10)
    put_log_beside(database, log_with_changes(database, ["DELETE FROM task WHERE id = 1"]))
    assert EarlyCheck(database).answer(database) is None
    assert EarlyCheck(paths.folder / "not-there.sqlite3").answer(database) is None


def test_the_real_start_refuses_a_damaged_file_in_one_sentence(paths: DataPaths) -> None:
    database = with_tasks(paths)
    scribble(database)
    before = digest(database)
    started = run_cli("--smoke-test", data_dir=paths.folder)
    assert started.returncode == 1
    assert "is damaged and cannot be opened safely" in started.stderr
    assert "Traceback" not in started.stderr
    assert digest(database) == before


def test_a_rewrite_at_the_same_size_and_time_is_told_by_sqlites_header(paths: DataPaths) -> None:
    """A disk that keeps times coarsely shows a rewrite within one tick at the same time;
    the header's change counter still tells the files apart."""
    database = with_tasks(paths)
    early = EarlyCheck(database)
    assert early.answer(database) == ["ok"]
    before = database.stat()
    data = bytearray(database.read_bytes())
    data[24:28] = (int.from_bytes(data[24:28], "big") + 1).to_bytes(4, "big")  # (a commit)
    database.write_bytes(bytes(data))
    os.utime(database, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert database.stat().st_size == before.st_size
    assert early.answer(database) is None


def test_no_early_check_of_what_is_not_a_regular_file(tmp_path: Path) -> None:
    """A pipe where the data file should be would hold the check's thread for ever."""
    pipe = tmp_path / "tradesman.sqlite3"
    os.mkfifo(pipe)
    assert EarlyCheck(pipe).answer(pipe) is None


# The real start, in a fresh process: which thread ran each quick_check.
WHO_CHECKED = """
import sqlite3, sys, threading
real = sqlite3.connect

def connect(*args, **kwargs):
    db = real(*args, **kwargs)
    who = threading.current_thread().name
    db.set_trace_callback(lambda sql: print(who, sql) if "quick_check" in sql else None)
    return db

sqlite3.connect = connect
from tradesman import cli
sys.exit(cli.main(["--data-dir", sys.argv[1], "--smoke-test"]))
"""


def test_the_real_start_takes_the_early_answer(paths: DataPaths) -> None:
    with_tasks(paths)
    done = subprocess.run(
        [sys.executable, "-c", WHO_CHECKED, str(paths.folder)],
        capture_output=True, text=True, timeout=60,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    checks = [line for line in done.stdout.splitlines() if "quick_check" in line]
    assert checks == ["quick check PRAGMA quick_check"], done.stdout
