"""Backups from the window: taken in the background when the data changed, and File →
Restore from backup… puts one back, after keeping the present, with undo history gone."""

from __future__ import annotations

import pytest
from planner_kit import CTRL, LEFT, Planner, cell
from PySide6.QtCore import Qt

from tradesman.store.backup_shelf import list_backups
from tradesman.ui.shared import prompts
from tradesman.ui.window.backup_keeper import BackupKeeper
from tradesman.ui.window.restore_dialog import RestoreDialog


def keeper_of(planner: Planner) -> BackupKeeper:
    return planner.window.desk.backup_keeper


def test_a_backup_is_taken_at_start_and_after_work_only_when_something_changed(
    planner: Planner,
) -> None:
    keeper = keeper_of(planner)
    assert keeper.timer.isActive() and keeper.timer.interval() == 30 * 60 * 1000
    keeper.back_up_at_start()
    planner.qtbot.waitUntil(lambda: keeper.taken == 1)
    (first,) = list_backups(planner.paths.backups)
    assert first.reason == "at-start" and first.blocks == 2  # the seeded week

    keeper.back_up_after_work()  # nothing done since: nothing taken
    assert keeper._busy is None and len(list_backups(planner.paths.backups)) == 1

    planner.qtbot.mouseClick(planner.canvas, LEFT, pos=planner.middle_of("Site visit"))
    planner.keys(Qt.Key.Key_Delete)
    assert keeper.worked
    keeper.back_up_after_work()
    planner.qtbot.waitUntil(lambda: keeper.taken == 2)
    newest = list_backups(planner.paths.backups)[0]
    assert (newest.reason, newest.blocks) == ("automatic", 1)


def test_restoring_from_the_file_menu_brings_the_week_back(
    planner: Planner, monkeypatch: pytest.MonkeyPatch
) -> None:
    planner.store.backup("automatic")  # with both seeded blocks
    planner.qtbot.mouseClick(planner.canvas, LEFT, pos=planner.middle_of("Site visit"))
    planner.keys(Qt.Key.Key_Delete)
    assert [t[0] for t in planner.titles()] == ["Kitchen – Patel"]
    asked: list[str] = []
    told: list[str] = []

    def confirm(parent: object, title: str, question: str, action: str) -> bool:
        asked.append(question)
        return True

    monkeypatch.setattr(prompts, "confirm", confirm)
    monkeypatch.setattr(prompts, "tell", lambda parent, title, message: told.append(message))

    planner.window.acts["restore"].trigger()
    transfer = planner.window.desk.transfer
    assert transfer is not None
    dialog = transfer.dialog
    assert isinstance(dialog, RestoreDialog) and dialog.isVisible()
    assert dialog.table.rowCount() == 1
    assert [cell(dialog.table, 0, c).text() for c in (1, 2, 3)] == ["While you worked", "2", "0"]
    planner.qtbot.mouseClick(dialog.restore_button, LEFT)
    assert "2 time blocks and 0 tasks" in asked[0]
    planner.qtbot.waitUntil(lambda: len(planner.titles()) == 2, timeout=10_000)
    assert sorted(t[0] for t in planner.titles()) == ["Kitchen – Patel", "Site visit"]
    assert told and "What you had just before is kept in the backup" in told[0]
    # The data it replaced is a backup of its own; undo has nothing of the old data left.
    assert list_backups(planner.paths.backups)[0].reason == "before-restore"
    assert not planner.window.undo_stack.canUndo()
    planner.qtbot.keyClick(planner.canvas, Qt.Key.Key_Z, CTRL)
    assert len(planner.titles()) == 2


def test_no_backups_yet_says_so(planner: Planner) -> None:
    planner.window.acts["restore"].trigger()
    transfer = planner.window.desk.transfer
    assert transfer is not None
    dialog = transfer.dialog
    assert isinstance(dialog, RestoreDialog)
    assert not dialog.table.isVisible() and not dialog.restore_button.isEnabled()
    dialog.reject()


def test_a_failed_backup_is_said_until_one_works_again(
    planner: Planner, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tradesman.services import backups as backup_service
    from tradesman.store import backup as backup_module

    keeper = keeper_of(planner)
    real = backup_service.back_up_if_changed

    def full_disk(*args: object, **kwargs: object) -> None:
        raise backup_module.BackupFailed("Could not write a backup: the disk is full.")

    monkeypatch.setattr(backup_service, "back_up_if_changed", full_disk)
    keeper.back_up_at_start()
    warning = planner.window.desk.backup_warning
    planner.qtbot.waitUntil(warning.isVisible)
    assert warning.text() == (
        "The last automatic backup failed: Could not write a backup: the disk is full."
    )
    assert keeper.worked  # it tries again at the next look
    monkeypatch.setattr(backup_service, "back_up_if_changed", real)
    keeper.back_up_after_work()
    planner.qtbot.waitUntil(lambda: not warning.isVisible())
    assert keeper.taken == 1
