"""Pulling the plug: a process editing the data file is killed (SIGKILL) again and again.

The promise (docs/ARCHITECTURE.md, "The data file"): one edit is one commit, and a
committed edit survives a crash. A child process (tests/crash_child.py) opens the file
as the app does and edits it through the services, saying on stdout what it has
committed. The parent kills it at random moments, and after every kill checks the
file as the next start of the app would: SQLite finds it sound, the start-up check
opens it, and every edit the child reported is there in its last state, with the edit
that was under way either wholly there or not at all. The same file is used for every
round, so damage would pile up.

A failure prints its seed; run again with TRADESMAN_CRASH_SEED=<seed> for the same
edits and delays (the moment of each kill still depends on the machine).
"""

from __future__ import annotations

import json
import random
import signal
import sqlite3
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from crash_kit import complete_lines, crash_seed, end, read_line, spawn, why

from tradesman.domain.settings import Settings
from tradesman.exchange.codec import encode_settings
from tradesman.paths import DataPaths
from tradesman.store.datafile import open_data_file

CHILD = Path(__file__).with_name("crash_child.py")
KILLS = 55
LONGEST_RUN_SECONDS = 0.12  # how long a child may edit before it is killed
FROM_GO = 0.5  # the share of kills timed from "go" rather than from the first edit
SETTINGS_ROWS = len(encode_settings(Settings()))  # saving settings writes every one


@dataclass
class Data:
    """What the data file holds, as far as the test can tell (ids to contents)."""

    blocks: dict[int, tuple[str, str, str]] = field(default_factory=dict)  # title, status, notes
    tasks: dict[int, str] = field(default_factory=dict)
    series: dict[int, tuple[str, int]] = field(default_factory=dict)  # title, blocks made
    hand_offs: dict[int, str] = field(default_factory=dict)
    plan_weeks: int | None = None
    business_name: str = ""
    settings_rows: int = 0  # all of them or none


def test_a_killed_editor_never_loses_a_committed_edit_nor_damages_the_file(
    paths: DataPaths, tmp_path: Path
) -> None:
    seed = crash_seed()
    rng = random.Random(seed)
    open_data_file(paths)  # the app's first start made the file
    expected = Data()
    reported = before_open = mid_edit = 0
    started = time.monotonic()
    waiting = _spawn(paths, rng.randrange(2**32), 1, tmp_path)
    child = waiting[0]
    try:
        for round_number in range(1, KILLS + 1):
            child, stderr_path = waiting
            assert read_line(child.stdout) == {"ready": True}, why(seed, round_number, stderr_path)
            assert child.stdin is not None
            child.stdin.write("go\n")
            child.stdin.flush()
            # The next child imports while this one edits.
            waiting = _spawn(paths, rng.randrange(2**32), round_number + 1, tmp_path)
            # Some kills are timed from "go", so they fall while the file is opened or
            # its first edit made; the rest from the first edit committed, so the child
            # is editing when it dies however slow the machine is to open the file.
            heard = "" if rng.random() < FROM_GO else _until_first_edit(child)
            time.sleep(rng.uniform(0, LONGEST_RUN_SECONDS))
            child.send_signal(signal.SIGKILL)
            assert child.stdout is not None
            output = heard + child.stdout.read()
            end(child)
            said = why(seed, round_number, stderr_path)
            assert child.returncode == -signal.SIGKILL, said  # it was still editing
            lines = complete_lines(output)
            reported += sum(1 for line in lines if "done" in line)
            before_open += {"opened": True} not in lines
            in_flight = _apply_reported(expected, lines)
            mid_edit += in_flight is not None
            _check_file(paths, expected, in_flight, said)
    finally:
        for process in (waiting[0], child):
            end(process)
    elapsed = time.monotonic() - started
    assert reported >= KILLS, (
        f"only {reported} edits were committed in {KILLS} rounds (seed {seed})"
    )
    # After all that, the app itself reads everything back through its services.
    _export_holds_everything(paths, expected, tmp_path, seed)
    print(
        f"{KILLS} kills ({before_open} while opening the file, {mid_edit} with an edit under "
        f"way), {reported} edits reported, in {elapsed:.1f} s (seed {seed})"
    )


def _until_first_edit(child: subprocess.Popen[str]) -> str:
    """What the child says up to the first edit it reports committed (or until it ends)."""
    assert child.stdout is not None
    heard = []
    while line := child.stdout.readline():
        heard.append(line)
        if line.endswith("\n") and "done" in json.loads(line):
            break
    return "".join(heard)


def _spawn(
    paths: DataPaths, seed: int, round_number: int, tmp_path: Path
) -> tuple[subprocess.Popen[str], Path]:
    stderr_path = tmp_path / f"child-{round_number}.stderr"
    args = [str(paths.folder), str(seed), str(round_number)]
    return spawn(CHILD, args, stderr_path), stderr_path


def _apply_reported(expected: Data, lines: list[dict[str, Any]]) -> dict[str, Any] | None:
    """Apply every edit reported as committed; return the one begun but not reported."""
    in_flight = None
    for line in lines:
        if "begin" in line:
            in_flight = line
        elif "done" in line:
            _apply(expected, line["done"], line, line.get("ids"))
            in_flight = None
    return in_flight


def _apply(expected: Data, op: str, line: dict[str, Any], ids: list[int] | None) -> None:
    if op == "add_blocks":
        assert ids is not None
        for block_id, title in zip(ids, line["titles"], strict=True):
            expected.blocks[block_id] = (title, "planned", "")
    elif op == "change_block":
        expected.blocks[line["id"]] = (line["title"], line["status"], line["notes"])
    elif op == "delete_blocks":
        for block_id in line["ids"]:
            del expected.blocks[block_id]
    elif op == "add_tasks":
        assert ids is not None
        expected.tasks.update(zip(ids, line["titles"], strict=True))
    elif op == "add_series":
        expected.series[line["id"]] = (line["title"], line["blocks"])
    elif op == "add_hand_off":
        expected.hand_offs[line["id"]] = line["title"]
    elif op == "plan":
        expected.plan_weeks = line["weeks"]
    elif op == "settings":
        expected.business_name = f"Oak & Sons {line['name']}"
        expected.settings_rows = SETTINGS_ROWS
    else:
        raise AssertionError(f"unknown edit {op}")


def _check_file(
    paths: DataPaths, expected: Data, in_flight: dict[str, Any] | None, why: str
) -> None:
    database = paths.database
    # Read-only, as the start-up check reads: nothing here folds the log into the file,
    # so whatever the kill left behind is what the next child opens.
    db = sqlite3.connect(f"{database.as_uri()}?mode=ro", uri=True)
    try:
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)], why
        assert db.execute("PRAGMA foreign_key_check").fetchall() == [], why
        found = _read(db)
    finally:
        db.close()
    open_data_file(paths)  # the real start-up check: raises if it would refuse the file
    if in_flight is not None:
        _resolve(expected, found, in_flight, why)
    assert found == expected, f"{why}\nin flight: {in_flight}\n{_differences(expected, found)}"


def _differences(expected: Data, found: Data) -> str:
    """What the file holds that it should not, and lacks that it should, in short."""
    lines = []
    for name in ("blocks", "tasks", "series", "hand_offs"):
        want, got = getattr(expected, name), getattr(found, name)
        for key in sorted(want.keys() | got.keys()):
            if want.get(key) != got.get(key):
                lines.append(f"{name} {key}: expected {want.get(key)}, found {got.get(key)}")
    for name in ("plan_weeks", "business_name", "settings_rows"):
        if getattr(expected, name) != getattr(found, name):
            lines.append(
                f"{name}: expected {getattr(expected, name)}, found {getattr(found, name)}"
            )
    return "\n".join(lines)


def _read(db: sqlite3.Connection) -> Data:
    settings = dict(db.execute("SELECT key, value FROM setting").fetchall())
    plan = db.execute("SELECT weeks FROM plan").fetchone()
    return Data(
        blocks={
            row[0]: tuple(row[1:])
            for row in db.execute(
                "SELECT id, title, status, notes FROM block WHERE series_id IS NULL"
            )
        },
        tasks=dict(db.execute("SELECT id, title FROM task").fetchall()),
        series={
            series_id: (title, count)
            for series_id, title, count in db.execute(
                "SELECT s.id, s.title, count(b.id) FROM series s "
                "LEFT JOIN block b ON b.series_id = s.id GROUP BY s.id"
            )
        },
        hand_offs=dict(db.execute("SELECT id, title FROM hand_off").fetchall()),
        plan_weeks=None if plan is None else plan[0],
        business_name=json.loads(settings.get("business_name", '""')),
        settings_rows=len(settings),
    )


def _resolve(expected: Data, found: Data, line: dict[str, Any], why: str) -> None:
    """The edit under way at the kill: take it as committed if the file shows any of it.
    (The comparison that follows then fails unless it is there whole.)"""
    op = line["begin"]
    new_ids = {
        "add_blocks": sorted(found.blocks.keys() - expected.blocks.keys()),
        "add_tasks": sorted(found.tasks.keys() - expected.tasks.keys()),
        "add_series": sorted(found.series.keys() - expected.series.keys()),
        "add_hand_off": sorted(found.hand_offs.keys() - expected.hand_offs.keys()),
    }.get(op, [])
    shows = {
        "change_block": found.blocks.get(line.get("id", 0), ("",))[0] == line.get("title"),
        "delete_blocks": any(block_id not in found.blocks for block_id in line.get("ids", ())),
        "plan": found.plan_weeks == line.get("weeks"),
        "settings": found.business_name == f"Oak & Sons {line.get('name')}",
    }.get(op, bool(new_ids))
    if not shows:
        return
    if op == "add_blocks":
        titles = [found.blocks[k][0] for k in new_ids]
        assert titles == line["titles"], f"{why}\nhalf an edit: {titles} of {line}"
    elif op == "add_tasks":
        titles = [found.tasks[k] for k in new_ids]
        assert titles == line["titles"], f"{why}\nhalf an edit: {titles} of {line}"
    elif op in ("add_series", "add_hand_off"):
        line = {**line, "id": new_ids[0]}
    _apply(expected, op, line, new_ids)


def _export_holds_everything(paths: DataPaths, expected: Data, tmp_path: Path, seed: int) -> None:
    from tradesman.services.export_file import export_to_file
    from tradesman.store.database import open_store

    store = open_store(paths)
    try:
        export = tmp_path / "after-the-kills.json"
        export_to_file(store, export, None)
    finally:
        store.close()
    document = json.loads(export.read_text(encoding="utf-8"))
    titles = {block["title"] for block in document["blocks"]}
    assert {title for title, _, _ in expected.blocks.values()} <= titles, f"seed {seed}"
    assert sorted(task["title"] for task in document["tasks"]) == sorted(expected.tasks.values()), (
        f"seed {seed}"
    )
    assert [h["title"] for h in document["hand_offs"]] == list(expected.hand_offs.values())
    if expected.plan_weeks is not None:
        assert document["plan"]["weeks"] == expected.plan_weeks, f"seed {seed}"


pytestmark = pytest.mark.timeout(90)
