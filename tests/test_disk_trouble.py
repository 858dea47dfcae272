"""A disk that will not take a change: the change is refused whole, in plain words, and
the data stays as it was; a data folder that cannot be used is said so, not crashed on."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tradesman.domain.areas import Area
from tradesman.domain.blocks import TimeBlock
from tradesman.domain.weeks import Week
from tradesman.errors import UserError
from tradesman.paths import prepare_data_folder
from tradesman.services.blocks import blocks_in_week
from tradesman.services.edits import add_blocks
from tradesman.store.database import Store

MONDAY = date(2026, 11, 23)


def blocks(count: int, title: str = "Job") -> list[TimeBlock]:
    return [
        TimeBlock(
            MONDAY, 5 * (n % 280), 5 * (n % 280) + 5, Area.PRODUCTION, f"{title} {n} " + "x" * 150
        )
        for n in range(count)
    ]


def stored(store: Store) -> int:
    with store.reading() as session:
        return len(blocks_in_week(session, Week(MONDAY)))


def test_a_full_disk_refuses_the_change_whole_and_says_so(store: Store) -> None:
    with store.writing() as session:
        add_blocks(session, blocks(3, "Kept"))
        pages = session.execute("PRAGMA page_count").fetchone()[0]
    # The file may grow by a few pages only: as good as a full disk.
    with pytest.raises(UserError, match="not saved: the disk is full"), store.writing() as session:
        session.execute(f"PRAGMA max_page_count = {int(pages) + 2}")
        add_blocks(session, blocks(2000))
    with store.writing() as session:
        session.execute("PRAGMA max_page_count = 1073741823")
    assert stored(store) == 3  # nothing of the refused change


def test_a_read_only_file_refuses_the_change_in_words(store: Store) -> None:
    with store.reading() as session:  # (the pool hands this connection to the writer next)
        session.execute("PRAGMA query_only = ON")
    refused = pytest.raises(UserError, match="not saved: the data file cannot be written")
    with refused, store.writing() as session:
        add_blocks(session, blocks(1))
    with store.reading() as session:
        session.execute("PRAGMA query_only = OFF")
    assert stored(store) == 0


def test_a_data_folder_that_cannot_be_written_is_said_in_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    monkeypatch.setattr("os.access", lambda *args, **kwargs: False)  # (root can write anywhere)
    with pytest.raises(UserError, match=r"cannot write to its data folder .* not read-only"):
        prepare_data_folder(folder)


def test_a_missing_data_folder_is_made_owner_only(tmp_path: Path) -> None:
    folder = tmp_path / "not" / "there" / "yet"
    paths = prepare_data_folder(folder)
    assert paths.folder.is_dir() and (folder.stat().st_mode & 0o777) == 0o700
