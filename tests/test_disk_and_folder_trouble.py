"""The disk and the folder in trouble, round two: a full disk, a read-only data file, a
folder name that is not UTF-8, an empty --data-dir, a folder left open to others,
leftovers of killed work, things that are not files where files should be, and no
display at all. Real disks and real processes; one sentence each, nothing lost."""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from damage import flip_a_day_in_an_index
from helpers import (
    digest,
    exported,
    imported_folder,
    run_cli,
    run_without_root_powers,
    write_json,
)

ROOT = Path(__file__).resolve().parent.parent
DOCUMENT: dict[str, Any] = {  # (as JSON: any shape)
    "format": "tradesman", "version": 4,
    "blocks": [{"date": "2026-11-24", "start": "08:00", "end": "12:00", "area": "production",
                "title": f"Job {n} " + "x" * 150} for n in range(300)],
    "tasks": [{"id": "t1", "title": "Invoice Patel", "area": "admin"}],
}  # fmt: skip


def one_line(text: str) -> str:
    lines = text.strip().splitlines()
    assert len(lines) == 1, text
    assert "Traceback" not in text and "bug" not in text, text
    return lines[0]


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return imported_folder(tmp_path, DOCUMENT)


def block_count(folder: Path) -> int:
    return len(exported(folder)["blocks"])


# 8. A full disk


@contextlib.contextmanager
def small_disk(where: Path, size: str) -> Iterator[Path]:
    """A little disk of its own (tmpfs) at `where`; skips where this machine cannot."""
    where.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("making a small disk needs root and mount (a tmpfs); not here")
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)], capture_output=True
    )
    if made.returncode != 0:
        pytest.skip(f"this machine does not let a test mount a tmpfs: {made.stderr!r}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def fill(disk: Path) -> None:
    with (disk / "filler").open("wb") as handle, contextlib.suppress(OSError):
        while True:
            handle.write(b"\0" * 65536)
            handle.flush()


def test_on_a_full_disk_reading_works_and_changes_are_refused_in_words(
    data: Path, tmp_path: Path
) -> None:
    with small_disk(tmp_path / "disk", "3m") as disk:
        folder = disk / "data"
        shutil.copytree(data, folder)
        fill(disk)
        before = digest(folder / "tradesman.sqlite3")
        summary = run_cli("summary", data_dir=folder)
        assert summary.returncode == 0, summary.stderr
        window = run_cli("--smoke-test", data_dir=folder)
        assert window.returncode == 0 and "ready for edits" in window.stdout, window.stderr
        exported = run_cli("export", "-o", tmp_path / "elsewhere.json", data_dir=folder)
        assert exported.returncode == 0, exported.stderr
        assert (tmp_path / "elsewhere.json").read_text(encoding="utf-8").count('"date"') == 300
        new = write_json(tmp_path / "new.json", {**DOCUMENT, "blocks": DOCUMENT["blocks"][:5]})
        for command in (["import", str(new)], ["restore", "newest"]):
            refused = run_cli(*command, data_dir=folder)
            assert refused.returncode == 1, command
            # (The log cannot be written either: that is said once, and its lines come
            # to stderr; the answer is the last line, in words.)
            assert "Traceback" not in refused.stderr and "bug" not in refused.stderr
            assert "disk is full" in refused.stderr.strip().splitlines()[-1], command
        assert digest(folder / "tradesman.sqlite3") == before
        (disk / "filler").unlink()
        assert block_count(folder) == 300


# 9. A read-only data file


def test_a_read_only_data_file_is_said_so_and_no_backup_is_made(data: Path, tmp_path: Path) -> None:
    database = data / "tradesman.sqlite3"
    database.chmod(0o400)
    backups_before = sorted((data / "backups").iterdir())
    new = write_json(tmp_path / "new.json", {**DOCUMENT, "blocks": []})
    for command in (["import", new], ["restore", "newest"]):
        refused = run_without_root_powers(*command, data_dir=data)
        assert refused.returncode == 1, (command, refused.stderr)
        told = one_line(refused.stderr)
        assert "read-only" in told and "kept changing" not in told, told
    assert sorted((data / "backups").iterdir()) == backups_before
    assert run_without_root_powers("summary", data_dir=data).returncode == 0


# 11. A folder name that is not UTF-8


def test_a_folder_whose_name_is_not_utf8_gets_backups_and_imports(tmp_path: Path) -> None:
    folder = Path(os.fsdecode(bytes(tmp_path) + b"/data-\xff\xfe"))
    try:
        folder.mkdir()
    except OSError:
        pytest.skip("this file system refuses names that are not UTF-8")
    done = run_cli("import", write_json(tmp_path / "all.json", DOCUMENT), data_dir=folder)
    assert done.returncode == 0, done.stderr
    assert "\\udcff" in done.stdout  # (the name, shown with escapes, on one line)
    again = run_cli("import", tmp_path / "all.json", data_dir=folder)
    assert again.returncode == 0, again.stderr
    listed = run_cli("backups", data_dir=folder)
    assert listed.returncode == 0 and len(listed.stdout.strip().splitlines()) == 2, listed.stderr
    assert len(list((folder / "backups").glob("*.sqlite3"))) == 2
    assert block_count(folder) == 300


# 4. An empty --data-dir


def test_an_empty_data_folder_name_is_a_mistake_in_the_command(tmp_path: Path) -> None:
    home = Path(os.environ["HOME"])
    for command, env in ((["--data-dir", "", "summary"], {}),
                         (["summary"], {"TRADESMAN_DATA_DIR": ""})):  # fmt: skip
        done = subprocess.run(
            [sys.executable, "-m", "tradesman", *command],
            capture_output=True, text=True, env=dict(os.environ, **env), timeout=60,
        )  # fmt: skip
        assert done.returncode == 2, done.stderr
        assert "empty" in one_line(done.stderr)
    assert not any(home.rglob("*.sqlite3"))  # the usual folder was not touched


# 13. A folder left open to others; files whatever the umask


def test_the_data_folder_is_closed_to_others_and_every_file_is_owner_only(
    data: Path,
) -> None:
    data.chmod(0o755)
    done = subprocess.run(
        [sys.executable, "-m", "tradesman", "--data-dir", str(data), "summary"],
        capture_output=True, text=True, timeout=60, preexec_fn=lambda: os.umask(0),
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE(data.stat().st_mode) == 0o700
    for path in data.rglob("*"):
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode & 0o077 == 0, f"{path.name} is open to others: {oct(mode)}"


def test_a_folder_that_is_not_tradesmans_is_not_locked_up(tmp_path: Path) -> None:
    """--data-dir at a folder with other things in it (a home folder, say): our files in
    it are owner-only, the folder is left as the owner had it."""
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o755)
    shared.chmod(0o755)
    (shared / "their-notes.txt").write_text("not ours")
    done = run_cli("summary", data_dir=shared)
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE(shared.stat().st_mode) == 0o755
    assert stat.S_IMODE((shared / "tradesman.sqlite3").stat().st_mode) == 0o600


# 16. Leftovers of killed work, cleared by any start, not only the window's


def test_leftovers_of_killed_work_are_cleared_by_a_command_once_they_are_old(
    data: Path,
) -> None:
    backups = data / "backups"
    finished = sorted(backups.iterdir())
    partial = backups / "tradesman-2026-11-23T101500-automatic.sqlite3.partial"
    scratch = backups / "restoring-a1b2c3"
    half_restored = data / "tradesman.sqlite3.restoring.left-over-2026-11-23T101500"
    fresh = backups / "tradesman-2026-12-01T090000-automatic.sqlite3.partial"
    for path in (partial, half_restored, fresh):
        path.write_bytes(b"half a copy")
    scratch.mkdir()
    (scratch / "backup.sqlite3").write_bytes(b"scratch")
    an_hour_and_more = time.time() - 3700
    for path in (partial, half_restored, scratch):
        os.utime(path, (an_hour_and_more, an_hour_and_more))
    done = run_cli("summary", data_dir=data)
    assert done.returncode == 0, done.stderr
    assert not partial.exists() and not scratch.exists() and not half_restored.exists()
    assert fresh.exists()  # (maybe a backup under way in a window: not pulled from under it)
    assert all(path.exists() for path in finished)


# 17. Words: things that are not files, names on one line, no tuples, no display


@pytest.mark.parametrize("thing", ["named pipe", "link to /dev/null"])
def test_what_is_in_the_data_files_place_is_named_for_what_it_is(
    tmp_path: Path, thing: str
) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    database = folder / "tradesman.sqlite3"
    if thing == "named pipe":
        os.mkfifo(database)
    else:
        database.symlink_to("/dev/null")
    done = run_cli("summary", data_dir=folder)
    assert done.returncode == 1
    told = one_line(done.stderr)
    assert ("a named pipe" if thing == "named pipe" else "a device") in told
    assert "a folder" not in told
    assert stat.S_ISFIFO(database.stat().st_mode) or stat.S_ISCHR(database.stat().st_mode)


def test_a_data_folder_that_is_a_named_pipe_is_called_one(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "data")
    done = run_cli("summary", data_dir=tmp_path / "data")
    assert done.returncode == 1
    assert "is a named pipe, not a folder" in one_line(done.stderr)


def test_a_damaged_backup_is_told_in_words_not_as_python(data: Path, tmp_path: Path) -> None:
    again = run_cli("import", tmp_path / "data.json", data_dir=data)  # a backup with blocks
    assert again.returncode == 0, again.stderr
    backup = max((data / "backups").glob("*.sqlite3"), key=lambda p: p.stat().st_mtime_ns)
    flip_a_day_in_an_index(backup)
    done = run_cli("restore", backup.name, data_dir=data)
    assert done.returncode == 1
    told = one_line(done.stderr)
    assert "is damaged" in told and "('" not in told and "',)" not in told


def test_a_folder_name_with_a_line_break_stays_on_one_line(tmp_path: Path) -> None:
    folder = tmp_path / "two\nlines"
    folder.mkdir()
    (folder / "tradesman.sqlite3").write_bytes(b"not a database at all" * 10)
    done = run_cli("summary", data_dir=folder)
    assert done.returncode == 1
    assert "two\\nlines" in one_line(done.stderr)


def test_with_no_display_the_window_says_so_in_one_line(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    done = subprocess.run(
        [sys.executable, "-m", "tradesman", "--data-dir", str(tmp_path / "data")],
        capture_output=True, text=True, env=env, timeout=60,
    )  # fmt: skip
    assert done.returncode == 1
    told = one_line(done.stderr)
    assert "No display was found" in told and "commands still work" in told
