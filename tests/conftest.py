"""Shared fixtures: a temporary data folder for every test, offscreen Qt, no real dialogs."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tradesman.paths import DATA_DIR_ENV, DataPaths, prepare_data_folder

if TYPE_CHECKING:  # (the fixtures import these inside: a test that needs none, loads none)
    from planner_kit import Planner
    from pytestqt.qtbot import QtBot

    from tradesman.store.database import Store


@pytest.fixture(autouse=True)
def _never_the_real_data_folder(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Anything that forgets --data-dir lands in a temporary folder, never in ~/.local."""
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path_factory.mktemp("default-data")))
    monkeypatch.setenv("HOME", str(tmp_path_factory.mktemp("home")))


@pytest.fixture
def paths(tmp_path: Path) -> DataPaths:
    return prepare_data_folder(tmp_path / "data")


@pytest.fixture
def store(paths: DataPaths) -> Iterator[Store]:
    from tradesman.store.database import open_store

    opened = open_store(paths)
    yield opened
    opened.close()


@pytest.fixture(autouse=True)
def _no_unexpected_dialogs(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """A modal dialog would hang an offscreen test: every prompt fails unless a test
    replaces it with an answer of its own."""
    if "qtbot" not in request.fixturenames:
        return
    from tradesman.ui.shared import prompts

    def unexpected(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"unexpected dialog: {args[1:3]}")

    for name in (
        "choose_file_to_open",
        "choose_file_to_save",
        "choose_folder",
        "confirm",
        "tell",
        "warn",
        "choose_printer",
        "offer_restore",
    ):
        monkeypatch.setattr(prompts, name, unexpected)


@pytest.fixture
def planner(qtbot: QtBot, store: Store, paths: DataPaths) -> Planner:
    """The main window on a seeded data file, shown and focused (see planner_kit)."""
    from planner_kit import Planner, open_window, seed

    seed(store)
    return Planner(open_window(qtbot, paths, store), store, paths, qtbot)
