"""Long imports and exports say how far they have come and can be stopped: a stopped
import or export changes nothing (the import's transaction rolled back, the export's
temporary file removed, the target as it was). The command line's progress line shows
on a terminal only."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import threading
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

import pytest
from helpers import benchmark_generator, run_cli, write_json
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot

from tradesman.cli_progress import ProgressLine
from tradesman.progress import Cancelled
from tradesman.services import data_set, export_file, export_stream, transfer
from tradesman.services.export_file import export_text, export_to_file
from tradesman.services.transfer import import_from_file
from tradesman.store.backup_shelf import list_backups
from tradesman.store.database import Store
from tradesman.ui.shared import prompts


def a_year(tmp_path: Path, seed: int) -> Path:
    document = benchmark_generator().build_document(1, date(2026, 6, 1), seed)
    return write_json(tmp_path / f"year-{seed}.json", document)


def stop_after(part: float) -> Any:
    """A progress that stops the work once it has come past `part` of the way."""
    heard: list[float] = []

    def progress(done: float) -> None:
        heard.append(done)
        if done > part:
            raise Cancelled

    return progress, heard


def test_an_import_stopped_while_its_rows_go_in_changes_nothing(
    store: Store, tmp_path: Path
) -> None:
    import_from_file(store, a_year(tmp_path, 1), None)
    before = export_text(store, None)[0]
    progress, heard = stop_after(0.8)  # (past the backup: rows are going in)
    with pytest.raises(Cancelled):
        import_from_file(store, a_year(tmp_path, 2), None, progress=progress)
    assert 0.55 < heard[-2] <= 0.8 < heard[-1]
    assert export_text(store, None)[0] == before


def test_a_stop_heard_at_the_end_of_an_import_either_changes_nothing_or_none_is_said(
    store: Store, tmp_path: Path
) -> None:
    # A Cancel pressed (or the window closed) while the import commits must not be told
    # "your data is as it was" once the new data is in: after the commit nothing stops.
    first, second = a_year(tmp_path, 1), a_year(tmp_path, 2)
    calls: list[float] = []
    import_from_file(store, second, None, progress=calls.append)
    for last in (len(calls), len(calls) - 1):  # (the last heard, and the one before it)
        import_from_file(store, first, None)
        before = export_text(store, None)[0]
        heard = 0

        def progress(done: float, last: int = last) -> None:
            nonlocal heard
            heard += 1
            if heard >= last:
                raise Cancelled

        try:
            import_from_file(store, second, None, progress=progress)
        except Cancelled:
            assert export_text(store, None)[0] == before
        else:
            assert export_text(store, None)[0] != before


def test_an_import_stopped_while_the_file_is_read_makes_no_backup(
    store: Store, tmp_path: Path
) -> None:
    import_from_file(store, a_year(tmp_path, 1), None)
    backups = list_backups(store.backups)
    before = export_text(store, None)[0]
    progress, _ = stop_after(0.3)
    with pytest.raises(Cancelled):
        import_from_file(store, a_year(tmp_path, 2), None, progress=progress)
    assert list_backups(store.backups) == backups
    assert export_text(store, None)[0] == before


def test_an_export_stopped_half_way_leaves_the_target_as_it_was(
    store: Store, tmp_path: Path
) -> None:
    import_from_file(store, a_year(tmp_path, 1), None)
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / "export.json"
    target.write_bytes(b"last week's export")
    progress, heard = stop_after(0.5)
    with pytest.raises(Cancelled):
        export_to_file(store, target, None, progress)
    assert 0.4 < heard[-2] <= 0.5
    assert target.read_bytes() == b"last week's export"
    assert [path.name for path in folder.iterdir()] == ["export.json"]


def _progress_window(qtbot: QtBot, parent: Any) -> QProgressDialog:
    def shown() -> QProgressDialog | None:
        return next((d for d in parent.findChildren(QProgressDialog) if d.isVisible()), None)

    qtbot.waitUntil(lambda: shown() is not None, timeout=10_000)
    window = shown()
    assert window is not None
    return window


def _press_cancel(qtbot: QtBot, window: QProgressDialog) -> None:
    button = window.findChild(QPushButton)
    assert button is not None and button.text() == "Cancel"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.labelText() == "Stopping…"  # (until the work has stopped)


def test_cancel_in_the_window_stops_an_import_and_changes_nothing(
    planner: Any, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = export_text(planner.store, None)[0]
    source = a_year(tmp_path, 2)
    monkeypatch.setattr(prompts, "choose_file_to_open", lambda *a: source)
    monkeypatch.setattr(prompts, "confirm", lambda *a: True)
    # Every row goes in, then the import waits (in its transaction) until Cancel was
    # pressed, and tells its progress once more: that is where it stops.
    pressed = threading.Event()
    real = data_set.replace_data_set

    def held(session: Any, data: Any, now: Any, progress: Any) -> Any:
        counts = real(session, data, now)
        assert pressed.wait(10)
        progress(1.0)
        return counts

    monkeypatch.setattr(transfer, "replace_data_set", held)
    window = planner.window
    window.acts["import"].trigger()
    progress = _progress_window(qtbot, window)
    assert progress.labelText() == "Importing year-2.json…"
    _press_cancel(qtbot, progress)
    pressed.set()
    said = "Import cancelled: your data is as it was."
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == said, timeout=10_000)
    assert not progress.isVisible()
    assert export_text(planner.store, None)[0] == before


def test_closing_the_app_during_an_import_cancels_it(
    planner: Any, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Closing the window while an import runs leaves the data as it was, rather than
    finishing the import unseen after the window has gone: the close stops it first,
    before the window waits for the tasks coming due and the phone's calendar file."""
    before = export_text(planner.store, None)[0]
    source = a_year(tmp_path, 2)
    monkeypatch.setattr(prompts, "choose_file_to_open", lambda *a: source)
    monkeypatch.setattr(prompts, "confirm", lambda *a: True)
    closing = threading.Event()
    real = data_set.replace_data_set

    def held(session: Any, data: Any, now: Any, progress: Any) -> Any:
        counts = real(session, data, now)
        assert closing.wait(10)
        progress(1.0)
        return counts

    monkeypatch.setattr(transfer, "replace_data_set", held)
    window = planner.window
    window.acts["import"].trigger()
    _progress_window(qtbot, window)
    window.close()
    closing.set()
    said = "Import cancelled: your data is as it was."
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == said, timeout=10_000)
    assert export_text(planner.store, None)[0] == before


def test_cancel_in_the_window_stops_an_export_and_keeps_the_file_there(
    planner: Any, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / "export.json"
    target.write_bytes(b"last week's export")
    monkeypatch.setattr(prompts, "choose_file_to_save", lambda *a, **k: target)
    pressed = threading.Event()
    real = export_stream.write_export

    def held(session: Any, locale: Any, handle: BinaryIO, progress: Any) -> Any:
        handle.write(b'{\n "format": "tradesman",\n')  # (the start of it, then Cancel)
        assert pressed.wait(10)
        return real(session, locale, handle, progress)

    monkeypatch.setattr(export_file, "write_export", held)
    window = planner.window
    window.acts["export"].trigger()
    progress = _progress_window(qtbot, window)
    _press_cancel(qtbot, progress)
    pressed.set()
    said = "Export cancelled: nothing was saved."
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == said, timeout=10_000)
    assert not progress.isVisible()
    assert target.read_bytes() == b"last week's export"
    assert [path.name for path in folder.iterdir()] == ["export.json"]


def test_the_command_line_says_nothing_of_progress_when_stderr_is_not_a_terminal(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    done = run_cli("import", a_year(tmp_path, 1), data_dir=data)
    assert done.returncode == 0 and done.stderr == ""
    assert done.stdout.startswith("Imported ")
    out = tmp_path / "out.json"
    done = run_cli("export", "-o", out, data_dir=data)
    assert done.returncode == 0 and done.stderr == ""
    assert done.stdout.startswith("Exported ")


def test_the_command_line_shows_a_progress_line_on_a_terminal(tmp_path: Path) -> None:
    source = a_year(tmp_path, 1)
    reader, terminal = pty.openpty()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LC_ALL="en_GB.UTF-8")
    command = [sys.executable, "-m", "tradesman", "--data-dir", str(tmp_path / "data")]
    child = subprocess.Popen(
        [*command, "import", str(source)], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
        stderr=terminal, env=env,
    )  # fmt: skip
    os.close(terminal)
    said = b""
    while True:  # (read as it comes: a terminal's buffer is small)
        ready, _, _ = select.select([reader], [], [], 60)
        if not ready:
            break
        try:
            chunk = os.read(reader, 4096)
        except OSError:  # (the child is gone and the terminal closed)
            break
        if not chunk:
            break
        said += chunk
    os.close(reader)
    out, _ = child.communicate(timeout=60)
    assert child.returncode == 0 and out.startswith(b"Imported ")
    text = said.decode("utf-8")
    assert "Importing… 0 %" in text and "Importing… 100 %" in text
    assert text.endswith("\r\x1b[K")  # (wiped, so what follows starts on a clean line)


def test_the_progress_line_writes_each_percent_once_and_wipes_itself() -> None:
    class Terminal:
        def __init__(self) -> None:
            self.said: list[str] = []

        def isatty(self) -> bool:
            return True

        def write(self, text: str) -> int:
            self.said.append(text)
            return len(text)

        def flush(self) -> None:
            pass

    terminal = Terminal()
    with ProgressLine("Exporting", terminal) as line:  # type: ignore[arg-type]
        for done in (0.0, 0.001, 0.45, 0.451, 1.0):
            line(done)
    assert terminal.said == [
        "\r\x1b[KExporting… 0 %", "\r\x1b[KExporting… 45 %", "\r\x1b[KExporting… 100 %",
        "\r\x1b[K",
    ]  # fmt: skip
