"""Watching the data file's connections from a test: every transaction a store begins,
and SQLite's work on it. Counted with hooks on the connections, never with a timer.

The store opens its connections through `store.database.connect` and keeps idle ones
for the next transaction; `hooked` closes the idle ones first, so every transaction
inside runs on a connection it has seen opened.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from unittest.mock import patch

from tradesman.store import database
from tradesman.store.database import Store


@contextmanager
def hooked(store: Store, hook: Callable[[sqlite3.Connection], None]) -> Iterator[None]:
    """`hook` is called on each connection `store` opens while inside."""
    opened = database.connect  # type: ignore[attr-defined]

    def hooked_connect(path: Path) -> sqlite3.Connection:
        db = opened(path)
        hook(db)
        return db

    store.close()  # (its idle connections go: each transaction opens a hooked one)
    with patch.object(database, "connect", hooked_connect):
        yield
    store.close()  # (and the hooked ones are not used again)


@contextmanager
def transactions(store: Store) -> Iterator[list[str]]:
    """Each transaction begun on the data file while inside: 'read' or 'write'."""
    seen: list[str] = []

    def traced(statement: str) -> None:
        if statement.startswith("BEGIN IMMEDIATE"):
            seen.append("write")
        elif statement.startswith("BEGIN"):
            seen.append("read")

    with hooked(store, lambda db: db.set_trace_callback(traced)):
        yield seen


@contextmanager
def sqlite_work(store: Store, step: int) -> Iterator[list[int]]:
    """SQLite's work (in `step`s of instructions) on every transaction begun inside."""
    counted = [0]

    def count() -> int:
        counted[0] += 1
        return 0  # (go on)

    with hooked(store, lambda db: db.set_progress_handler(count, step)):
        yield counted
