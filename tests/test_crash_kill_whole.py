"""Pulling the plug on whole-data-set work: an import, a restore, a backup, an export.

The promise (docs/ARCHITECTURE.md, "The data file"): an import or a restore replaces
all the data in one transaction, after a verified backup; a backup that exists is one
that verified; an export appears complete or not at all. A worker process (forked
by tests/crash_child_whole.py, which has the imports done already) does one of the
four again and again, through the same services as the window and the command line,
and is killed (SIGKILL) at a random moment. After every kill the test checks what
the next start would find:

- the data file passes `integrity_check` and `foreign_key_check`, and the start-up
  check opens it;
- it holds exactly the data it held before the job, or exactly what the job under way
  was putting there (a fingerprint of every table, ids aside: import gives new ids);
- every backup in the backups folder verifies; half-written ones (`*.partial`,
  `restoring-*`) are allowed only until `clear_leftovers` runs, and it clears them;
- an export target holds the old file or the whole new export, never part of it.

The same data folder is used for every round, so damage would pile up. A failure
prints its seed; run again with TRADESMAN_CRASH_SEED=<seed> for the same jobs and
delays (the moment of each kill still depends on the machine).
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import json
import os
import signal
import sqlite3
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from random import Random
from typing import Any

import pytest
from crash_kit import ROOT, complete_lines, crash_seed, end, read_line, spawn, why

from tradesman.domain.areas import Area
from tradesman.domain.series import Series
from tradesman.domain.task_rules import Every, TaskRule
from tradesman.exchange.codec import encode_settings
from tradesman.paths import DataPaths
from tradesman.services import edits
from tradesman.services.changes import commit, rows
from tradesman.services.edited_tables import RULES
from tradesman.services.export_file import export_text
from tradesman.services.settings import settings_from
from tradesman.services.transfer import import_from_file
from tradesman.store.backup import BACKUP_SUFFIX, BackupFailed, verify_backup
from tradesman.store.backup_shelf import clear_leftovers
from tradesman.store.database import Store, open_store
from tradesman.store.datafile import open_data_file

CHILD = Path(__file__).with_name("crash_child_whole.py")
JOBS = ("import", "restore", "backup", "export")
KILLS_EACH = 13  # 52 in all
OLD_EXPORT = b'{"an export": "made before this round"}\n'
# How long one turn of each job is guessed to take (seconds) until children report it.
FIRST_GUESS = {"import": 0.5, "restore": 0.9, "backup": 0.05, "export": 0.3}
# A kill lands anywhere from the worker's start to this many turns of its job later.
KILL_WINDOW_TURNS = 1.1
SHORTEST_WINDOW = 0.2  # (a quick job's turns follow one another: any moment is mid-turn)


@dataclass(frozen=True)
class Fingerprint:
    """What a data file holds, ids aside: every table's rows, links followed by content."""

    blocks: int
    tasks: int
    digest: str

    def __str__(self) -> str:
        return f"{self.blocks} blocks, {self.tasks} tasks, {self.digest[:12]}"


@dataclass
class Timings:
    """How long opening and each job's turn took in the workers so far (seconds)."""

    opening: list[float] = field(default_factory=lambda: [0.1])
    turns: dict[str, list[float]] = field(
        default_factory=lambda: {job: [guess] for job, guess in FIRST_GUESS.items()}
    )

    def window(self, job: str) -> float:
        turn = _median(self.turns[job][-7:])
        return _median(self.opening[-7:]) + max(KILL_WINDOW_TURNS * turn, SHORTEST_WINDOW)


def _median(values: list[float]) -> float:
    return sorted(values)[len(values) // 2]


def test_a_killed_import_restore_backup_or_export_leaves_old_or_new_never_half(
    paths: DataPaths, tmp_path: Path
) -> None:
    seed = crash_seed()
    rng = Random(seed)
    documents = _make_documents(paths, tmp_path)  # the data file now holds A
    fingerprints = {name: fingerprint for name, (_, fingerprint) in documents.items()}
    current, holds = fingerprints["A"], "A"
    target = tmp_path / "exports" / "export.json"
    target.parent.mkdir()
    jobs = [job for job in JOBS for _ in range(KILLS_EACH)]
    rng.shuffle(jobs)
    timings = Timings()
    verified: set[tuple[str, int, int]] = set()
    exports: dict[tuple[Any, ...], bytes] = {}
    under_way: Counter[str] = Counter()
    finished: Counter[str] = Counter()
    leftovers = 0
    started = time.monotonic()
    stderr_path = tmp_path / "server.stderr"
    server = spawn(CHILD, [str(paths.folder)], stderr_path)
    worker = None
    try:
        assert read_line(server.stdout) == {"ready": True}, why(seed, 0, stderr_path)
        for round_number, job in enumerate(jobs, start=1):
            out = tmp_path / f"round-{round_number}.jsonl"
            order: dict[str, Any] = {"job": job, "seed": rng.randrange(2**32), "out": str(out)}
            if job == "import":
                files = {name: str(path) for name, (path, _) in documents.items()}
                order |= {"files": files, "first": "B" if holds == "A" else "A"}
            elif job == "restore":
                order["backups"] = sorted(p.name for p in paths.backups.glob("*" + BACKUP_SUFFIX))
            elif job == "export":
                target.write_bytes(OLD_EXPORT)
                order["target"] = str(target)
            assert server.stdin is not None
            server.stdin.write(json.dumps(order) + "\n")
            server.stdin.flush()
            worker = read_line(server.stdout)["started"]
            time.sleep(rng.uniform(0, timings.window(job)))
            with contextlib.suppress(ProcessLookupError):  # (it died on its own: said below)
                os.kill(worker, signal.SIGKILL)
            ended = read_line(server.stdout)
            worker = None
            said = why(seed, round_number, stderr_path)
            assert ended["signal"] == signal.SIGKILL, said  # it was still working
            # (A worker killed right after the fork has not made its file yet.)
            lines = complete_lines(out.read_text(encoding="utf-8")) if out.exists() else []

            allowed, in_flight = _what_may_be_there(lines, current, fingerprints, paths, timings)
            under_way[job] += in_flight is not None
            finished[job] += sum(1 for line in lines if "done" in line)
            current = _check_data_file(paths, allowed, f"{said}\njob {job}, said {lines}")
            holds = next((name for name, fp in fingerprints.items() if fp == current), "")
            leftovers += _check_backups(paths, verified, said)
            if job == "export":
                _check_export(paths, target, exports, said)
    finally:
        if worker is not None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(worker, signal.SIGKILL)
        end(server)
    elapsed = time.monotonic() - started
    # Many kills must land with the job under way, or the test proves little.
    for job in JOBS:
        assert under_way[job] >= KILLS_EACH // 3, (
            f"only {under_way[job]} of {KILLS_EACH} kills caught a {job} under way (seed {seed})"
        )
    print(
        f"{len(jobs)} kills in {elapsed:.1f} s (seed {seed}); under way: {dict(under_way)}; "
        f"finished turns: {dict(finished)}; half-made backups cleared: {leftovers}; "
        f"{len(verified)} backups verified; half-written exports left beside the target "
        f"(never in its place): {len(list(target.parent.glob('.export.json.*')))}"
    )


def _what_may_be_there(
    lines: list[dict[str, Any]],
    current: Fingerprint,
    fingerprints: dict[str, Fingerprint],
    paths: DataPaths,
    timings: Timings,
) -> tuple[dict[str, Fingerprint], dict[str, Any] | None]:
    """What the data file may hold after the kill: the data as of the last job the child
    finished, or what the job under way was putting in place; and that job."""
    in_flight: dict[str, Any] | None = None
    for line in lines:
        if "opened" in line:
            timings.opening.append(line["seconds"])
        elif "begin" in line:
            in_flight = line
        elif "done" in line:
            timings.turns[line["done"]].append(line["seconds"])
            current = _result_of(line, current, fingerprints, paths)
            in_flight = None
    allowed = {"as before": current}
    if in_flight is not None:
        allowed["under way"] = _result_of(in_flight, current, fingerprints, paths)
    return allowed, in_flight


def _result_of(
    line: dict[str, Any],
    current: Fingerprint,
    fingerprints: dict[str, Fingerprint],
    paths: DataPaths,
) -> Fingerprint:
    if "doc" in line:
        return fingerprints[line["doc"]]
    if "backup" in line:
        name = f"backup {line['backup']}"
        if name not in fingerprints:
            fingerprints[name] = _fingerprint_of_file(paths.backups / line["backup"])
        return fingerprints[name]
    return current  # a backup or an export changes no data


def _check_data_file(paths: DataPaths, allowed: dict[str, Fingerprint], said: str) -> Fingerprint:
    # Read-only, as the start-up check reads: nothing here folds the log into the file,
    # so whatever the kill left behind is what the next child opens.
    db = sqlite3.connect(f"{paths.database.as_uri()}?mode=ro", uri=True)
    try:
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)], said
        assert db.execute("PRAGMA foreign_key_check").fetchall() == [], said
        found = fingerprint(db)
    finally:
        db.close()
    open_data_file(paths)  # the real start-up check: raises if it would refuse the file
    assert found in allowed.values(), (
        f"{said}\nthe data file holds {found}, neither "
        + " nor ".join(f"{what} ({fp})" for what, fp in allowed.items())
    )
    return found


def _check_backups(paths: DataPaths, verified: set[tuple[str, int, int]], said: str) -> int:
    """Every finished backup verifies; what is half-made goes at clear_leftovers. Returns
    how many half-made ones there were."""
    half_made = []
    for entry in paths.backups.iterdir():
        if (entry.is_dir() and entry.name.startswith("restoring-")) or ".partial" in entry.name:
            half_made.append(entry.name)
            continue
        assert entry.name.endswith(BACKUP_SUFFIX), f"{said}\na stray {entry.name} in backups"
        info = entry.stat()
        key = (entry.name, info.st_size, info.st_mtime_ns)
        if key not in verified:
            try:
                verify_backup(entry)
            except BackupFailed as failed:
                raise AssertionError(f"{said}\n{failed.message}") from None
            verified.add(key)
    clear_leftovers(paths.backups)
    still = [p.name for p in paths.backups.iterdir() if not p.name.endswith(BACKUP_SUFFIX)]
    assert still == [], f"{said}\nclear_leftovers left {still}"
    return len(half_made)


def _check_export(
    paths: DataPaths, target: Path, exports: dict[tuple[Any, ...], bytes], said: str
) -> None:
    """The target holds the file from before the round, or the whole export of the data."""
    found = target.read_bytes()
    if found == OLD_EXPORT:
        return
    try:
        json.loads(found)
    except ValueError:
        raise AssertionError(f"{said}\nhalf an export: {len(found)} bytes") from None
    assert found == _export_of(paths, exports), f"{said}\nthe export is not of the data"


def _export_of(paths: DataPaths, exports: dict[tuple[Any, ...], bytes]) -> bytes:
    """The export of the data file as it is (ids and all; kept while the data stays)."""
    db = sqlite3.connect(f"{paths.database.as_uri()}?mode=ro", uri=True)
    try:
        key = tuple(db.execute("SELECT max(id), count(*) FROM block").fetchone()) + tuple(
            db.execute("SELECT max(id), count(*) FROM task").fetchone()
        )
    finally:
        db.close()
    if key not in exports:
        store = Store(open_data_file(paths), paths.backups)
        try:
            exports[key] = export_text(store, None)[0].encode("utf-8")
        finally:
            store.close()
    return exports[key]


# -- the data -------------------------------------------------------------------------


def _make_documents(paths: DataPaths, tmp_path: Path) -> dict[str, tuple[Path, Fingerprint]]:
    """Two exports to import, A (a year of a joiner's weeks, with a repeating block and
    a recurring task) and B (half a year of another), and their fingerprints once
    imported; the data file holds A at the end, with backups of both (and of nothing)."""
    generate = _load_generator()
    store = open_store(paths)
    try:
        first = tmp_path / "generated.json"
        first.write_text(json.dumps(generate.build_document(1, date(2026, 6, 1), 1)), "utf-8")
        import_from_file(store, first, None)
        with store.writing() as session:
            monday = date(2026, 1, 5)
            edits.add_series(
                session,
                Series("Marketing hour", Area.MARKETING, 8 * 60, 9 * 60, frozenset({0}), monday,
                       until=monday + timedelta(weeks=30)),
                monday,
            )  # fmt: skip
            commit(
                session,
                rows(RULES, after=[TaskRule("Chase invoices", Area.ADMIN, Every.WEEKS, 2, monday)]),
            )
        a = tmp_path / "a.json"
        a.write_text(export_text(store, None)[0], "utf-8")
        b = tmp_path / "b.json"
        other = generate.build_document(1, date(2025, 12, 1), 2)
        other["blocks"] = other["blocks"][len(other["blocks"]) // 2 :]  # (quicker to restore)
        b.write_text(json.dumps(other), "utf-8")
        found = {}
        for name, path in (("A", a), ("B", b), ("A again", a)):
            import_from_file(store, path, None)
            found[name] = _fingerprint_of_file(paths.database, live=True)
    finally:
        store.close()
    # Importing the same file twice gives the same fingerprint (only the ids differ),
    # so "exactly the old data or exactly the new" can be told apart after a kill.
    assert found["A again"] == found["A"] != found["B"]
    assert found["A"].blocks > 2000 and found["B"].blocks > 1000
    return {"A": (a, found["A"]), "B": (b, found["B"])}


def _load_generator() -> Any:
    spec = importlib.util.spec_from_file_location("generate", ROOT / "benchmarks" / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _fingerprint_of_file(path: Path, live: bool = False) -> Fingerprint:
    # A backup is never written again: read it as immutable, so SQLite neither locks it
    # nor makes a -shm beside it. The live file's latest commits may be in its -wal.
    db = sqlite3.connect(f"{path.as_uri()}?mode=ro" + ("" if live else "&immutable=1"), uri=True)
    try:
        return fingerprint(db)
    finally:
        db.close()


def fingerprint(db: sqlite3.Connection) -> Fingerprint:
    """Every row of every data table, with ids left out and each link replaced by the
    row it points at, as a digest: equal for the same data imported twice. (The
    settings as the app reads them: a restore saves the defaults a new file left out.)"""
    tables = [
        name
        for (name,) in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
        if name != "change_count"  # (counts saves: differs for the same data)
    ]
    rows_of: dict[str, dict[Any, str]] = {}  # table -> id -> the row's content
    parts = []
    while tables:
        table = next(
            t for t in tables if all(target in rows_of for target in _links(db, t).values())
        )
        tables.remove(table)
        links = _links(db, table)
        columns = [info[1] for info in db.execute(f'PRAGMA table_info("{table}")')]
        contents: dict[Any, str] = {}
        rows = []
        for values in db.execute(f'SELECT * FROM "{table}"'):
            row = dict(zip(columns, values, strict=True))
            row_id = row.pop("id", None)
            for column, target in links.items():
                row[column] = rows_of[target].get(row[column])
            text = json.dumps(row, sort_keys=True, default=str)
            contents[row_id] = text
            rows.append(text)
        if table == "setting":  # as the app reads them: a setting never saved is its default
            rows = [json.dumps(encode_settings(settings_from(db, None)), sort_keys=True)]
        rows_of[table] = contents
        parts.append(f"{table} {len(rows)}\n" + "\n".join(sorted(rows)))
    counts = {table: len(rows) for table, rows in rows_of.items()}
    digest = hashlib.sha256("\n".join(sorted(parts)).encode("utf-8")).hexdigest()
    return Fingerprint(counts.get("block", 0), counts.get("task", 0), digest)


def _links(db: sqlite3.Connection, table: str) -> dict[str, str]:
    """Column -> the table it points at (a link to itself is not expected here)."""
    return {row[3]: row[2] for row in db.execute(f'PRAGMA foreign_key_list("{table}")')}


pytestmark = [pytest.mark.slow, pytest.mark.timeout(120)]
