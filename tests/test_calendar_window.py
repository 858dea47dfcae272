"""The calendar in the window: File → Export calendar…, and the always-current file the
Settings dialog turns on (rewritten after each change, off the UI thread, coalesced,
never seen half-written)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import icalendar
import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from pytestqt.qtbot import QtBot

from tradesman.domain.areas import Area
from tradesman.domain.blocks import TimeBlock
from tradesman.domain.settings import WeekStart
from tradesman.paths import DataPaths
from tradesman.services.data import Data
from tradesman.services.edits import add_blocks, change_block
from tradesman.services.first_look import first_look
from tradesman.store.database import Store
from tradesman.ui.main_window import MainWindow
from tradesman.ui.shared import prompts
from tradesman.ui.shared.operations import Operations
from tradesman.ui.window.action_table import MENUS
from tradesman.ui.window.calendar_keeper import EVERY_MS, FOLDER_KEY, KEEP_KEY, CalendarKeeper
from tradesman.ui.window.settings_dialog import SettingsDialog

TODAY = date(2026, 11, 25)  # default range: 28 Oct 2026 to 17 Feb 2027


def _block(day: date, hour: int, title: str) -> TimeBlock:
    return TimeBlock(day, hour * 60, hour * 60 + 60, Area.PRODUCTION, title)


def _seed(store: Store) -> None:
    with store.writing() as session:
        add_blocks(
            session,
            [
                _block(date(2026, 10, 27), 8, "Too long ago"),
                _block(date(2026, 11, 23), 8, "Kitchen"),
                _block(date(2026, 11, 24), 13, "Photos"),
                _block(date(2027, 2, 17), 9, "Last day in"),
            ],
        )


def titles(data: bytes) -> list[str]:
    return sorted(str(e["summary"]) for e in icalendar.Calendar.from_ical(data).walk("VEVENT"))


@pytest.fixture
def window(qtbot: QtBot, store: Store, paths: DataPaths) -> Iterator[MainWindow]:
    _seed(store)
    state = QSettings(str(paths.window_state), QSettings.Format.IniFormat)
    shown = MainWindow(paths.folder, state, WeekStart.MONDAY, today=lambda: TODAY)
    qtbot.addWidget(shown)
    shown.show_first_look(first_look(paths.database, "en_GB", TODAY))
    shown.attach(Operations(Data(store, "en_GB"), today=lambda: TODAY))
    shown.show()
    qtbot.waitExposed(shown)
    yield shown


def test_export_calendar_writes_the_range_and_says_so(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    written = tmp_path / "phone.ics"
    asked: list[tuple[str, Path]] = []

    def choose(parent: object, title: str, suggested: Path, filter_text: str, suffix: str) -> Path:
        asked.append((title, suggested))
        assert suffix == "ics" and "*.ics" in filter_text
        return written

    monkeypatch.setattr(prompts, "choose_file_to_save", choose)
    assert MENUS[0][0] == "&File" and "export_calendar" in MENUS[0][1]
    window.acts["export_calendar"].trigger()
    qtbot.waitUntil(written.exists, timeout=10_000)
    assert titles(written.read_bytes()) == ["Kitchen", "Last day in", "Photos"]
    assert asked[0][0] == "Export calendar" and asked[0][1].name == "tradesman-2026-11-25.ics"
    qtbot.waitUntil(
        lambda: (
            window.statusBar().currentMessage()
            == f"Exported 3 time blocks (28 Oct 2026 to 17 Feb 2027) to {written}."
        )
    )


def test_export_calendar_refuses_the_data_file_in_a_sentence(
    window: MainWindow, qtbot: QtBot, paths: DataPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    warned: list[str] = []
    monkeypatch.setattr(prompts, "choose_file_to_save", lambda *a, **k: paths.database)
    monkeypatch.setattr(prompts, "warn", lambda parent, title, message: warned.append(message))
    before = paths.database.read_bytes()
    window.acts["export_calendar"].trigger()
    assert warned and "will not write over its own data file" in warned[0]
    assert paths.database.read_bytes() == before


def test_the_always_current_file_is_off_by_default_and_turned_on_in_settings(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    keeper = window.desk.calendar_keeper
    assert keeper.folder is None and EVERY_MS <= 5_000  # ("at most every few seconds")
    phone = tmp_path / "Phone sync"
    phone.mkdir()
    monkeypatch.setattr(prompts, "choose_folder", lambda parent, title, start: phone)
    window.desk.edit_settings()
    dialog = window.findChild(SettingsDialog)
    assert dialog is not None and not dialog.calendar_file.keep.isChecked()
    dialog.calendar_file.keep.setChecked(True)  # no folder yet: the folder is asked for
    assert dialog.calendar_file.chosen() == (True, phone)
    with qtbot.waitSignal(keeper.written, timeout=10_000) as signal:
        dialog.save()
    assert signal.args == [phone / "tradesman.ics"]
    assert titles((phone / "tradesman.ics").read_bytes()) == ["Kitchen", "Last day in", "Photos"]
    state = window.state
    assert state.value(KEEP_KEY, type=bool) is True and state.value(FOLDER_KEY) == str(phone)

    # An edit: the file is rewritten, a moment later rather than at once.
    ops = window.desk.ops
    ops.run(add_blocks, [_block(date(2026, 11, 26), 10, "Site visit")])
    assert keeper.timer.isActive() and "Site visit" not in titles(
        (phone / "tradesman.ics").read_bytes()
    )
    keeper.timer.setInterval(0)  # (the test need not wait the few seconds)
    with qtbot.waitSignal(keeper.written, timeout=10_000):
        keeper.timer.start()
    assert "Site visit" in titles((phone / "tradesman.ics").read_bytes())

    # Turned off: edits leave the file as it was; the folder is remembered.
    window.desk.edit_settings()
    dialog = [d for d in window.findChildren(SettingsDialog) if d.isVisible()][-1]
    assert dialog.calendar_file.keep.isChecked()
    dialog.calendar_file.keep.setChecked(False)
    dialog.save()
    assert keeper.folder is None and keeper.chosen_folder == phone
    ops.run(add_blocks, [_block(date(2026, 11, 27), 10, "Not in the file")])
    assert not keeper.timer.isActive()


def test_closing_the_window_writes_the_last_edits(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    keeper = window.desk.calendar_keeper
    with qtbot.waitSignal(keeper.written, timeout=10_000):
        keeper.choose(True, tmp_path)
        keeper.timer.setInterval(0)
    keeper.timer.setInterval(60_000)  # an edit whose turn would come after the close
    window.desk.ops.run(add_blocks, [_block(date(2026, 11, 26), 17, "Last edit")])
    assert keeper.timer.isActive()
    window.close()
    assert "Last edit" in titles((tmp_path / "tradesman.ics").read_bytes())


def test_many_quick_edits_are_one_rewrite(store: Store, qtbot: QtBot, tmp_path: Path) -> None:
    keeper, ops = _keeper(store, tmp_path, every_ms=50)
    writes: list[object] = []
    keeper.written.connect(writes.append)
    with qtbot.waitSignal(keeper.written, timeout=10_000):
        keeper.start()
    writes.clear()
    for n in range(20):  # (no event is handled between them: as fast as a script)
        ops.run(add_blocks, [_block(TODAY + timedelta(days=n % 7), 6 + n % 12, f"Quick {n}")])
    with qtbot.waitSignal(keeper.written, timeout=10_000):
        pass
    assert len(writes) == 1
    assert (
        sum(t.startswith("Quick") for t in titles((tmp_path / "tradesman.ics").read_bytes())) == 20
    )


def _keeper(store: Store, folder: Path, every_ms: int) -> tuple[CalendarKeeper, Operations]:
    """A keeper on its own (no window: 1,000 edits need not repaint a week each)."""
    _seed(store)
    ops = Operations(Data(store, "en_GB"), today=lambda: TODAY)
    state = QSettings(str(folder / "state.ini"), QSettings.Format.IniFormat)
    # (Its parent is the Operations the test keeps: the two live and go together.)
    keeper = CalendarKeeper(ops, state, lambda: TODAY, lambda words: None, ops, every_ms)
    keeper.choose(True, folder)
    return keeper, ops


@pytest.mark.slow
def test_a_reader_polling_during_1000_edits_never_sees_half_a_file(
    store: Store, qtbot: QtBot, tmp_path: Path
) -> None:
    keeper, ops = _keeper(store, tmp_path, every_ms=5)
    # Enough blocks that the file takes more than one write() call's worth of bytes.
    with store.writing() as session:
        add_blocks(
            session,
            [
                _block(TODAY + timedelta(days=n % 80), 6 + n % 14, f"Job {n} " + "x" * 60)
                for n in range(400)
            ],
        )
    target = tmp_path / "tradesman.ics"
    with qtbot.waitSignal(keeper.written, timeout=20_000):
        keeper.start()
    writes: list[object] = []
    keeper.written.connect(writes.append)
    stop, reads, bad = threading.Event(), [0], list[str]()

    def read_all_the_time() -> None:
        while not stop.is_set():
            data = target.read_bytes()
            try:
                calendar = icalendar.Calendar.from_ical(data)
                assert len(list(calendar.walk("VEVENT"))) == 403  # (3 seeded in range)
                assert data.endswith(b"END:VCALENDAR\r\n")
            except Exception as exc:  # (every read must parse whole)
                bad.append(f"{type(exc).__name__}: {exc} ({len(data)} bytes)")
            reads[0] += 1

    reader = threading.Thread(target=read_all_the_time)
    reader.start()
    try:
        (moved,) = [b for b in ops.read(_blocks_on, date(2026, 11, 23))]
        for n in range(1000):
            moved = ops.run(change_block, moved.with_changes(title=f"Edit {n}")).after_blocks[0]
            QCoreApplication.processEvents()  # (the keeper's turn comes when it comes)
        qtbot.waitUntil(lambda: "Edit 999" in titles(target.read_bytes()), timeout=30_000)
    finally:
        stop.set()
        reader.join()
    assert bad == []
    assert len(writes) >= 3 and reads[0] >= 10, (len(writes), reads[0])


def _blocks_on(session: object, day: date) -> list[TimeBlock]:
    from tradesman.services.blocks import blocks_between

    return list(blocks_between(session, day, day))  # type: ignore[arg-type]


def warnings_choosing(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, folder: Path
) -> list[str]:
    """The warnings given when `folder` is chosen in Settings for the calendar file,
    once it is checked that no folder was taken."""
    warned: list[str] = []
    monkeypatch.setattr(prompts, "choose_folder", lambda parent, title, start: folder)
    monkeypatch.setattr(prompts, "warn", lambda parent, title, message: warned.append(message))
    window.desk.edit_settings()
    dialog = [d for d in window.findChildren(SettingsDialog) if d.isVisible()][-1]
    dialog.calendar_file.keep.setChecked(True)
    assert dialog.calendar_file.chosen() == (False, None)
    dialog.reject()
    return warned


FOREIGN = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Hand//Test//EN\r\nEND:VCALENDAR\r\n"


def test_a_calendar_tradesman_did_not_write_is_never_written_over(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    phone = tmp_path / "Phone sync"
    phone.mkdir()
    theirs = phone / "tradesman.ics"
    theirs.write_bytes(FOREIGN)
    # Chosen in Settings: the owner is told, and no folder is taken.
    warned = warnings_choosing(window, monkeypatch, phone)
    assert warned == [
        f"{phone}/tradesman.ics is there already and Tradesman did not write it. Keeping "
        "the calendar file there would write over it, so choose another folder, or move "
        "that file out of the folder first."
    ]

    # Kept there from before (the file put there since): left as it is, and said once.
    keeper = window.desk.calendar_keeper
    keeper.timer.setInterval(0)
    keeper.choose(True, phone)
    qtbot.waitUntil(lambda: keeper.failing)
    assert theirs.read_bytes() == FOREIGN
    assert "is there already and Tradesman did not write it, so it is left as it is" in (
        window.statusBar().currentMessage()
    )


def test_a_folder_that_cannot_be_written_to_is_not_taken(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """(Root may write anywhere: the folder's answer is given here as an owner's
    read-only folder would give it.)"""
    import os

    closed = tmp_path / "closed"
    closed.mkdir()
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda path, mode: path != closed and real_access(path, mode))
    assert warnings_choosing(window, monkeypatch, closed) == [
        f"Tradesman cannot write in {closed}, so the calendar file could not be kept there. "
        "Choose a folder of yours."
    ]


def test_what_counts_as_a_calendar_file_of_someone_else_s(tmp_path: Path) -> None:
    import os

    from tradesman.services.calendar_export import written_by_someone_else

    ours = calendar_file_bytes_of_ours()
    cases = {
        "missing": None,
        "empty": b"",
        "ours": ours,
        "ours, with LF line ends": ours.replace(b"\r\n", b"\n"),
        "theirs": FOREIGN,
        "theirs, naming us in a note": FOREIGN.replace(
            b"END:VCALENDAR", b"X-NOTE:copied from PRODID:-//Tradesman//\r\nEND:VCALENDAR"
        ),
    }
    found = {}
    for name, content in cases.items():
        path = tmp_path / name / "tradesman.ics"
        path.parent.mkdir()
        if content is not None:
            path.write_bytes(content)
        found[name] = written_by_someone_else(path)
    folder = tmp_path / "a folder" / "tradesman.ics"
    folder.mkdir(parents=True)
    pipe = tmp_path / "a pipe"
    pipe.mkdir()
    os.mkfifo(pipe / "tradesman.ics")  # (opened, it would wait for a writer for ever)
    assert found == {
        "missing": False, "empty": False, "ours": False, "ours, with LF line ends": False,
        "theirs": True, "theirs, naming us in a note": True,
    }  # fmt: skip
    assert written_by_someone_else(folder) and written_by_someone_else(pipe / "tradesman.ics")


def calendar_file_bytes_of_ours() -> bytes:
    from datetime import UTC, datetime

    from tradesman.exchange.calendar_out import CalendarOut, calendar_bytes

    return calendar_bytes(
        [], CalendarOut("Tradesman", None, "k", datetime(2026, 11, 1, tzinfo=UTC))
    )
