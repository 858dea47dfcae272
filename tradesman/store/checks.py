"""Is the database damaged, and in what words: SQLite's checks and errors, read one way
everywhere (opening the data file, verifying a backup, before an export).

Damage must be told apart from trouble that passes: "disk I/O error", "unable to open
database file" (too many files open, no memory), "database is locked" are not damage,
and a file must never be set aside as damaged, nor a backup put in its place, for them.
"""

from __future__ import annotations

import logging
import sqlite3

# What SQLite says of a file whose pages or schema are wrong (not of a passing problem).
_DAMAGE_WORDS = (
    "malformed", "not a database", "no such table", "no such column", "already exists",
    "duplicate column",
)  # fmt: skip


def is_damage(exc: sqlite3.Error) -> bool:
    """Whether SQLite's error says the file is damaged (not busy, locked, or short of
    disk, memory or file handles)."""
    text = str(exc).lower()
    return any(words in text for words in _DAMAGE_WORDS)


def damage_in_words(detail: str) -> str:
    """The first telling line of SQLite's report of damage, short (its own words can run
    to pages, "Page 208 is never used"...; the log keeps them all)."""
    lines = [line.strip() for line in detail.splitlines() if line.strip()]
    telling = [line for line in lines if not line.startswith("***")] or lines
    return telling[0][:120] if telling else "no detail"


def damage_found(db: sqlite3.Connection) -> str | None:
    """What is wrong with the open database, in a few words (None: it is sound), from
    SQLite's thorough check: every page, and every index against its table. An error
    that is not damage (a read the disk refused, say) is raised as it is."""
    try:
        report = "\n".join(str(row[0]) for row in db.execute("PRAGMA integrity_check"))
    except sqlite3.DatabaseError as exc:
        if not is_damage(exc):
            raise
        report = str(exc)
    if report == "ok":
        return None
    logging.getLogger(__name__).warning("a database failed its check: %s", report)
    return damage_in_words(report)
