"""Where `-o FILE` and the window's Save dialogs may write.

A device or a named pipe (/dev/null, /dev/stdout, a FIFO) gets the bytes written
straight into it and stays what it was. Tradesman's own files, the data file, its
side files, the lock, the log, the window's state and everything in the backups
folder, are refused in one sentence before anything is written, however the path
is spelled (a symlink, `..`).
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import imported_folder, run_cli
from planner_kit import CTRL, Planner
from PySide6.QtCore import Qt

from tradesman.errors import UserError
from tradesman.files import OwnFiles, output_for, save_output

DOCUMENT = {
    "format": "tradesman", "version": 4,
    "settings": {"business_name": "Oak & Sons", "week_start": "monday"},
    "tasks": [{"id": "t1", "title": "Send the Patel invoice", "area": "admin"}],
    "blocks": [{"date": "2026-11-24", "start": "08:00", "end": "12:00",
                "area": "production", "title": "Kitchen – Patel"}],
}  # fmt: skip


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A data folder with data, one backup (from the import), a log and a lock file."""
    folder = imported_folder(tmp_path, DOCUMENT)
    (folder / "tradesman.log").write_text("2026-11-24 earlier lines\n", encoding="utf-8")
    (folder / "tradesman.lock").write_text("4242\ntradesman\nhost\n", encoding="utf-8")
    (folder / "window-state.ini").write_text("[folders]\nlast=/home\n", encoding="utf-8")
    assert len(backups_in(folder)) == 1
    return folder


def backups_in(folder: Path) -> list[Path]:
    return sorted((folder / "backups").glob("*.sqlite3"))


def everything_in(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` (the side files SQLite makes and removes aside)."""
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and not path.name.endswith(("-wal", "-shm"))
    }


def pdf_or_export(raw: bytes) -> bool:
    return raw.startswith(b"%PDF") or raw.lstrip().startswith(b"{")


# -- devices and named pipes ------------------------------------------------------------


@pytest.fixture
def null_device(tmp_path: Path) -> Path:
    """A character device that swallows what is written, as /dev/null does.

    The machine's own /dev/null only when this user could not break it: a regression
    running as root (CI is root) would otherwise turn every program's /dev/null into
    a PDF. Root makes a private one with /dev/null's device numbers instead.
    """
    if os.geteuid() != 0:
        return Path("/dev/null")
    own = tmp_path / "null"
    try:
        os.mknod(own, stat.S_IFCHR | 0o666, os.makedev(1, 3))
        with own.open("wb") as handle:
            handle.write(b"")
    except OSError:
        pytest.skip("this machine lets root neither make nor use a device node here")
    return own


def test_print_week_into_dev_null_leaves_it_a_device(data: Path, null_device: Path) -> None:
    result = run_cli("print-week", "-o", null_device, data_dir=data)
    assert result.returncode == 0, result.stderr
    assert stat.S_ISCHR(null_device.stat().st_mode)
    assert not list(null_device.parent.glob(".null.*"))  # no temp file left beside it


def test_export_into_dev_null_leaves_it_a_device(data: Path, null_device: Path) -> None:
    result = run_cli("export", "-o", null_device, data_dir=data)
    assert result.returncode == 0, result.stderr
    assert stat.S_ISCHR(null_device.stat().st_mode)


def test_a_named_pipe_gets_the_pdf_and_stays_a_pipe(data: Path, tmp_path: Path) -> None:
    pipe = tmp_path / "to-the-printer"
    os.mkfifo(pipe)
    # A second name for the pipe: if the bug replaced it with a file, the reader still
    # waiting on the pipe is let go through this name (so the test fails, not hangs).
    spare = tmp_path / "spare-name"
    os.link(pipe, spare)
    received: list[bytes] = []

    def read() -> None:
        with pipe.open("rb") as handle:
            received.append(handle.read())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    result = run_cli("print-week", "-o", pipe, data_dir=data)
    if reader.is_alive() and not stat.S_ISFIFO(os.lstat(pipe).st_mode):
        os.close(os.open(spare, os.O_WRONLY | os.O_NONBLOCK))
    reader.join(timeout=30)
    assert result.returncode == 0, result.stderr
    assert stat.S_ISFIFO(os.lstat(pipe).st_mode)
    assert received and received[0].startswith(b"%PDF-")
    assert received[0].rstrip().endswith(b"%%EOF")


def test_dev_stdout_into_a_pipe_gets_the_pdf_alone(data: Path, tmp_path: Path) -> None:
    # A private /dev/stdout (the same link to the process's own standard output): a
    # regression running as root would otherwise replace the machine's /dev/stdout
    # with a file, for every program on it.
    stdout = _link(tmp_path / "stdout", Path("/proc/self/fd/1"))
    done = subprocess.run(
        [sys.executable, "-m", "tradesman", "--data-dir", str(data), "print-week",
         "-o", str(stdout)],
        capture_output=True, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"), timeout=60,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    # Only the PDF: the "Wrote …" line would be glued to its end.
    assert done.stdout.startswith(b"%PDF-") and done.stdout.rstrip().endswith(b"%%EOF")
    assert stdout.is_symlink()


def test_a_symlink_is_followed_and_stays_a_symlink(data: Path, tmp_path: Path) -> None:
    real = tmp_path / "exports" / "latest.json"
    real.parent.mkdir()
    real.write_text("the old export")
    link = tmp_path / "latest.json"
    link.symlink_to(real)
    result = run_cli("export", "-o", link, data_dir=data)
    assert result.returncode == 0, result.stderr
    assert link.is_symlink() and link.resolve() == real
    assert '"Kitchen – Patel"' in real.read_text(encoding="utf-8")


# -- Tradesman's own files --------------------------------------------------------------

OWN_TARGETS: dict[str, Callable[[Path, Path], Path]] = {
    "the data file": lambda data, tmp: data / "tradesman.sqlite3",
    "its -wal": lambda data, tmp: data / "tradesman.sqlite3-wal",
    "its -shm": lambda data, tmp: data / "tradesman.sqlite3-shm",
    "its -journal": lambda data, tmp: data / "tradesman.sqlite3-journal",
    "the lock": lambda data, tmp: data / "tradesman.lock",
    "the log": lambda data, tmp: data / "tradesman.log",
    "the window's state": lambda data, tmp: data / "window-state.ini",
    "a backup": lambda data, tmp: backups_in(data)[0],
    "a new name in the backups folder": lambda data, tmp: data / "backups" / "week.pdf",
    "the data file through `..`": lambda data, tmp: data / "backups" / ".." / "tradesman.sqlite3",
    "the data file through a symlink": lambda data, tmp: _link(tmp / "week.pdf", data / "tradesman.sqlite3"),
    "a backup through a linked folder": lambda data, tmp: _link(tmp / "kept", data / "backups") / backups_in(data)[0].name,
    "the log through a linked data folder": lambda data, tmp: _link(tmp / "mine", data) / "tradesman.log",
}  # fmt: skip


def _link(link: Path, target: Path) -> Path:
    link.symlink_to(target)
    return link


def _refusal_words(name: str) -> str:
    if "backup" in name:
        return "Tradesman will not write into its backups folder"
    if "data file" in name or name.startswith("its"):
        return "Tradesman will not write over its own data file"
    return "Tradesman will not write over"


@pytest.mark.parametrize("name", list(OWN_TARGETS))
def test_print_week_refuses_tradesmans_own_files(data: Path, tmp_path: Path, name: str) -> None:
    target = OWN_TARGETS[name](data, tmp_path)
    before = everything_in(data)
    result = run_cli("print-week", "-o", target, data_dir=data)
    assert result.returncode == 1, result.stdout
    assert result.stderr.startswith(f"tradesman: {_refusal_words(name)}")
    assert result.stderr.strip().endswith("choose another name.") or result.stderr.strip().endswith(
        "choose another place."
    )
    assert len(result.stderr.strip().splitlines()) == 1
    assert everything_in(data) == before  # byte for byte, and nothing new
    assert not [p for p in data.rglob("*") if p.is_file() and pdf_or_export(p.read_bytes())]


@pytest.mark.parametrize("name", ["the data file", "a backup", "the data file through `..`"])
def test_export_refuses_tradesmans_own_files(data: Path, tmp_path: Path, name: str) -> None:
    target = OWN_TARGETS[name](data, tmp_path)
    before = everything_in(data)
    result = run_cli("export", "-o", target, data_dir=data)
    assert result.returncode == 1, result.stdout
    assert result.stderr.startswith(f"tradesman: {_refusal_words(name)}")
    assert everything_in(data) == before


def test_print_plan_refuses_the_data_file(data: Path) -> None:
    before = everything_in(data)
    result = run_cli("print-plan", "-o", data / "tradesman.sqlite3", data_dir=data)
    assert result.returncode == 1
    assert "will not write over its own data file" in result.stderr
    assert everything_in(data) == before


# -- the one place that decides (what the window's dialogs call) ------------------------


def test_a_name_that_only_looks_like_the_data_files_elsewhere_is_fine(tmp_path: Path) -> None:
    data = tmp_path / "data"
    own = OwnFiles(database=data / "tradesman.sqlite3", backups=data / "backups")
    elsewhere = tmp_path / "tradesman.sqlite3"
    save_output(output_for(elsewhere, own), b"a copy kept by hand")
    assert elsewhere.read_bytes() == b"a copy kept by hand"
    beside = data / "week.pdf"  # the data folder itself is not out of bounds
    data.mkdir()
    save_output(output_for(beside, own), b"%PDF-")
    assert beside.read_bytes() == b"%PDF-"


def test_a_folder_is_one_sentence(tmp_path: Path) -> None:
    own = OwnFiles(database=tmp_path / "data" / "tradesman.sqlite3", backups=tmp_path / "b")
    with pytest.raises(UserError) as refused:
        output_for(tmp_path, own)
    assert refused.value.message == f"Could not save {tmp_path}: that is a folder."


def test_the_lock_file_name_is_the_one_the_window_takes() -> None:
    from tradesman.files import OWN_FILE_NAMES
    from tradesman.instance_socket import SOCKET_NAME
    from tradesman.paths import DATABASE_NAME, DataPaths
    from tradesman.single_instance import LOCK_FILE_NAME

    folder = DataPaths(Path("/x"))
    assert set(OWN_FILE_NAMES) == {
        DATABASE_NAME, LOCK_FILE_NAME, folder.log_file.name, folder.window_state.name,
        SOCKET_NAME,
    }  # fmt: skip


# -- the window's Save dialogs -----------------------------------------------------------


@pytest.fixture
def choosing(monkeypatch: pytest.MonkeyPatch) -> Callable[[Path], list[str]]:
    """Make the Save dialog answer `path`; the warnings shown are collected."""
    from tradesman.ui.shared import prompts

    def choose(path: Path) -> list[str]:
        warned: list[str] = []
        monkeypatch.setattr(prompts, "choose_file_to_save", lambda *a, **k: path)
        monkeypatch.setattr(prompts, "warn", lambda parent, title, message: warned.append(message))
        return warned

    return choose


DATA_FILE_REFUSED = (
    "Tradesman will not write over its own data file (tradesman.sqlite3); choose another name."
)


def _data_file_untouched(planner: Planner) -> None:
    database = planner.paths.database
    assert database.read_bytes()[:16] == b"SQLite format 3\x00"
    assert not list(planner.paths.folder.glob(".tradesman.sqlite3.*"))  # no temp file beside
    with planner.store.reading() as session:  # and it still holds the week's blocks
        assert session.execute("SELECT count(*) FROM block").fetchone()[0] == 2


def test_the_window_saves_no_pdf_over_the_data_file(
    planner: Planner, choosing: Callable[[Path], list[str]]
) -> None:
    warned = choosing(planner.paths.database)
    printing = planner.window.desk.printing
    assert printing is not None
    preview = printing.preview_week(planner.window.week)
    planner.qtbot.waitUntil(lambda: preview.pdf is not None, timeout=20_000)
    preview.save()
    assert warned == [DATA_FILE_REFUSED]
    _data_file_untouched(planner)


def test_the_window_saves_no_picture_over_the_data_file(
    planner: Planner, choosing: Callable[[Path], list[str]]
) -> None:
    warned = choosing(planner.paths.database)
    planner.qtbot.keyClick(planner.window, Qt.Key.Key_3, CTRL)
    page = planner.window.desk.charts_page
    assert page is not None
    page.save_image()
    planner.qtbot.waitUntil(lambda: warned != [])
    assert warned == [DATA_FILE_REFUSED]
    _data_file_untouched(planner)


def test_the_window_exports_nothing_over_a_backup(
    planner: Planner, choosing: Callable[[Path], list[str]]
) -> None:
    backup = planner.store.backup("test").path
    kept = backup.read_bytes()
    warned = choosing(backup)
    planner.window.acts["export"].trigger()
    planner.qtbot.waitUntil(lambda: warned != [])
    assert warned == [
        f"Tradesman will not write into its backups folder ({planner.paths.backups}); "
        "choose another place."
    ]
    assert backup.read_bytes() == kept


pytestmark = pytest.mark.timeout(120)


@pytest.mark.timeout(30)
def test_the_window_saves_no_pdf_into_a_named_pipe_nobody_reads(
    planner: Planner, choosing: Callable[[Path], list[str]], tmp_path: Path
) -> None:
    """A pipe opened for writing waits for a reader: from a Save dialog it would hold the
    window until one came. It is refused in words instead (the command line's -o still
    writes into one)."""
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    warned = choosing(pipe)
    printing = planner.window.desk.printing
    assert printing is not None
    preview = printing.preview_week(planner.window.week)
    planner.qtbot.waitUntil(lambda: preview.pdf is not None, timeout=20_000)
    preview.save()
    assert warned == [f"Could not save {pipe}: that is a named pipe."]
    assert stat.S_ISFIFO(os.lstat(pipe).st_mode)
