"""The installed command ends its process at once (entry.py), skipping Python's slow
clean-up; what that clean-up would have done must still be done: the data file closed
(no write-ahead log left beside it), the folder's claim given up, threads ended, and a
reader that goes away early not reported as a bug."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from helpers import benchmark_generator, run_cli, write_json

from tradesman import cli
from tradesman.single_instance import LOCK_FILE_NAME

ENV = dict(os.environ, QT_QPA_PLATFORM="offscreen", LC_ALL="en_GB.UTF-8")

# The real window, through the installed command's entry, with an export that goes on
# until it is stopped: once it is under way (holding its read of the data file), the
# window is closed as its close button would close it.
CLOSED_DURING_AN_EXPORT = """
import sys, threading, time
from pathlib import Path
from PySide6.QtCore import QTimer
from tradesman import app, entry, cli
from tradesman.services import export_file
from tradesman.ui.shared import prompts

target = Path(sys.argv[2])
prompts.choose_file_to_save = lambda *a, **k: target
under_way = threading.Event()

def endless_export(session, locale_name, handle, progress=None, checked=True):
    session.execute("SELECT count(*) FROM block").fetchone()  # (the read it holds)
    under_way.set()
    while True:  # (a long export: it tells its progress, and stops when told to)
        progress(0.5)
        time.sleep(0.01)

export_file.write_export = endless_export
mark = app._Startup._mark

def at_ready(self, step):
    mark(self, step)
    if step != "ready":
        return
    self.window.acts["export"].trigger()
    def close_once_under_way():
        if under_way.is_set():
            self.window.close()
        else:
            QTimer.singleShot(10, close_once_under_way)
    close_once_under_way()

app._Startup._mark = at_ready
sys.argv = ["tradesman", "--data-dir", sys.argv[1]]
entry.run()
"""


def test_closing_the_window_during_an_export_closes_the_data_file(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    target = tmp_path / "export.json"
    done = subprocess.run(
        [sys.executable, "-c", CLOSED_DURING_AN_EXPORT, str(folder), str(target)],
        capture_output=True, text=True, env=ENV, timeout=60,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert not target.exists()  # (stopped, not finished unseen)
    assert (folder / "tradesman.sqlite3").exists()
    assert not (folder / "tradesman.sqlite3-wal").exists()
    assert not (folder / LOCK_FILE_NAME).exists()


IDLE_WORKERS = """
from concurrent.futures import ThreadPoolExecutor
from tradesman import entry

workers = ThreadPoolExecutor(2)
print(workers.submit(lambda: 6 * 7).result(), flush=True)
entry.end_process(0)  # (its idle workers wait for work until told there is no more)
"""


def test_the_process_ends_with_idle_worker_threads_about(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", IDLE_WORKERS], capture_output=True, text=True, env=ENV, timeout=60
    )
    assert (done.returncode, done.stdout) == (0, "42\n"), done.stderr


def test_a_reader_that_stops_early_is_not_a_bug(tmp_path: Path) -> None:
    """`tradesman export -o - | head -c 10`: the export ends quietly, no bug reported."""
    folder = tmp_path / "data"
    document = benchmark_generator().build_document(1, date(2026, 6, 1), 1)
    loaded = run_cli("import", write_json(tmp_path / "year.json", document), data_dir=folder)
    assert loaded.returncode == 0, loaded.stderr
    with subprocess.Popen(
        [sys.executable, "-m", "tradesman", "--data-dir", str(folder), "export", "-o", "-"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV,
    ) as export:  # fmt: skip
        assert export.stdout is not None and export.stderr is not None
        assert export.stdout.read(10) == b'{\n "format'
        export.stdout.close()  # (as `head` does once it has its ten bytes)
        said = export.stderr.read().decode()
        assert export.wait(timeout=60) == 1
    assert said == ""
    log = folder / "tradesman.log"  # (made only when something is logged)
    assert not log.exists() or "unexpected error" not in log.read_text(encoding="utf-8")


# The installed command's entry, as a user starts it, stopped just after the window is
# ready: the cycle collector was off during the start and works again from then on.
COLLECTOR_AT_READY = """
import gc, sys
from tradesman import app, entry

def at_ready(self):
    print("collector on:", gc.isenabled(), "start's objects set aside:", gc.get_freeze_count() > 0)
    app.QApplication.exit(0)

starting = []
app._Startup.answer_later_starts = at_ready  # (called right after "ready")
mark = app._Startup._mark
app._Startup._mark = lambda self, step: (starting.append(gc.isenabled()), mark(self, step))
sys.argv = ["tradesman", "--data-dir", sys.argv[1]]
entry.end_process = lambda code: print("collector on while starting:", any(starting)) or sys.exit(code)
entry.run()
"""


def test_the_collector_waits_until_the_window_is_ready(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", COLLECTOR_AT_READY, str(tmp_path / "data")],
        capture_output=True, text=True, env=ENV, timeout=60,
    )  # fmt: skip
    assert done.stdout.splitlines() == [
        "collector on: True start's objects set aside: True",
        "collector on while starting: False",
    ], done.stderr


def test_a_command_works_with_the_collector_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A command (an import of a large file, say) must never run with it off."""
    seen: list[bool] = []

    def command(args: object, paths: object) -> int:
        seen.append(gc.isenabled())
        return 0

    monkeypatch.setattr(cli, "_run_command", command)
    gc.disable()  # (as the installed command's entry does)
    try:
        assert cli.main(["--data-dir", str(tmp_path / "data"), "backups"]) == 0
    finally:
        gc.enable()
    assert seen == [True]


# The window started in process (as tests and tools do, not through entry.py): the
# collector was never turned off, so the start leaves it as it is (nothing frozen).
IN_PROCESS_START = """
import gc, sys
from pathlib import Path
from tradesman import app
from tradesman.paths import prepare_data_folder

def at_ready(self):
    print("collector on:", gc.isenabled(), "frozen:", gc.get_freeze_count())
    app.QApplication.exit(0)

app._Startup.answer_later_starts = at_ready
sys.exit(app.run_window(prepare_data_folder(Path(sys.argv[1]))))
"""


def test_a_start_that_did_not_turn_the_collector_off_leaves_it_alone(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", IN_PROCESS_START, str(tmp_path / "data")],
        capture_output=True, text=True, env=ENV, timeout=60,
    )  # fmt: skip
    assert done.stdout.splitlines() == ["collector on: True frozen: 0"], done.stderr
