"""Issue 14's tables (schema v7): the update step from v6, and the CHECKs that keep the
rules of enquiries, spend, takings and sources even against a bug in Python."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest

from tradesman.domain.leads import SEEDED_SOURCES
from tradesman.paths import DataPaths
from tradesman.store.database import open_store
from tradesman.store.migrations import MIGRATIONS, run_migrations

V7 = 7


def _v6_file(paths: DataPaths) -> None:
    open_store(paths, MIGRATIONS[:6]).close()
    db = sqlite3.connect(paths.database)
    db.execute(
        "INSERT INTO task (title, area, status, created) "
        "VALUES ('Flyers', 'marketing', 'open', '2026-11-23T09:00:00+00:00')"
    )
    db.execute(
        "INSERT INTO block (day, start_minute, end_minute, area, title, status, task_id) "
        "VALUES ('2026-11-23', 420, 480, 'marketing', 'Flyers', 'planned', 1)"
    )
    db.commit()
    db.close()


def test_a_v6_file_is_backed_up_then_gains_the_work_coming_in(paths: DataPaths) -> None:
    _v6_file(paths)
    open_store(paths, MIGRATIONS[:V7]).close()
    db = sqlite3.connect(paths.database)
    assert db.execute("PRAGMA user_version").fetchone()[0] == V7
    assert db.execute("SELECT source_id FROM block").fetchall() == [(None,)]
    assert db.execute("SELECT source_id, lead_id FROM task").fetchall() == [(None, None)]
    seeded = db.execute("SELECT name, kind, archived FROM source ORDER BY id").fetchall()
    assert seeded == [(name, kind.value, 0) for name, kind in SEEDED_SOURCES]
    for table in ("lead", "spend", "takings"):
        assert db.execute(f"SELECT count(*) FROM {table}").fetchone() == (0,)
    db.close()
    (backup,) = paths.backups.iterdir()
    assert backup.name.endswith("before-update-to-v7.sqlite3")
    copy = sqlite3.connect(backup)
    assert copy.execute("PRAGMA user_version").fetchone()[0] == 6
    copy.close()


def test_a_failed_v7_step_leaves_the_file_at_v6(paths: DataPaths) -> None:
    """Another program's `source` table makes the step fail half-way: nothing of it stays."""
    _v6_file(paths)
    db = sqlite3.connect(paths.database, isolation_level=None)
    db.execute("CREATE TABLE lead (x)")
    with pytest.raises(sqlite3.OperationalError):
        run_migrations(db, 6)
    assert db.execute("PRAGMA user_version").fetchone()[0] == 6
    names = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
    assert "source" not in names and "spend" not in names
    assert "source_id" not in [row[1] for row in db.execute("PRAGMA table_info(block)")]
    db.close()


@pytest.fixture
def db(paths: DataPaths) -> Iterator[sqlite3.Connection]:
    open_store(paths).close()
    connection = sqlite3.connect(paths.database, isolation_level=None)
    connection.execute("PRAGMA foreign_keys = ON")
    yield connection
    connection.close()


LEAD = "INSERT INTO lead (who, came_in, source_id, state, quoted_on, quote, decided_on, value, "
LEAD += "lost_reason, not_quoted_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
GOOD = ("Mrs Patel", "2026-11-20", 1, "new", None, None, None, None, None, None)


def test_the_tables_take_what_the_rules_allow(db: sqlite3.Connection) -> None:
    db.execute(LEAD, GOOD)
    db.execute(LEAD, ("A", "2026-11-20", 2, "quoted", "2026-11-21", 320050, None, None, None, None))
    db.execute(LEAD, ("B", "2026-11-20", 2, "won", "2026-11-20", 5, "2026-11-20", 7, None, None))
    db.execute(LEAD, ("C", "2026-11-20", 2, "lost", "2026-11-21", 5, "2026-11-22", None, "price",
                      None))  # fmt: skip
    db.execute(LEAD, ("D", "2026-11-20", 2, "not_quoted", None, None, "2026-11-20", None, None,
                      "too_busy"))  # fmt: skip
    db.execute(
        "INSERT INTO spend (day, amount, source_id, note) VALUES ('2026-11-20', 4500, 7, '')"
    )
    db.execute("INSERT INTO takings (month, amount) VALUES ('2026-11-01', 0)")


@pytest.mark.parametrize(
    "changes",
    [
        {0: " "},  # no who
        {1: "2026-13-01"},  # no such day
        {2: None},  # no source
        {2: 99},  # a source that does not exist
        {3: "maybe"},
        {3: "quoted"},  # quoted without a quote
        {3: "quoted", 4: "2026-11-21", 5: 0},  # a quote of nothing
        {3: "quoted", 4: "2026-11-21", 5: 1_000_000_001},  # more than any job
        {3: "quoted", 4: "2026-11-19", 5: 100},  # a quote before the enquiry
        {3: "won", 4: "2026-11-21", 5: 100, 6: "2026-11-22"},  # won without a value
        {3: "won", 4: "2026-11-21", 5: 100, 6: "2026-11-20", 7: 100},  # won before the quote
        {3: "lost", 4: "2026-11-21", 5: 100, 6: "2026-11-22"},  # lost without a reason
        {3: "lost", 4: "2026-11-21", 5: 100, 6: "2026-11-22", 8: "bored"},
        {3: "not_quoted", 6: "2026-11-19", 9: "too_busy"},  # decided before it came in
        {3: "not_quoted", 4: "2026-11-21", 5: 100, 6: "2026-11-22", 9: "other"},
        {5: 100},  # new, with a quote
        {8: "price"},  # new, with a reason
    ],
)
def test_a_lead_breaking_a_rule_is_refused(
    db: sqlite3.Connection, changes: dict[int, object]
) -> None:
    values: list[object] = list(GOOD)
    for index, value in changes.items():
        values[index] = value
    with pytest.raises(sqlite3.IntegrityError):
        db.execute(LEAD, values)


@pytest.mark.parametrize(
    "statement",
    [
        "INSERT INTO source (name, kind) VALUES ('WEBSITE', 'marketing')",  # case only
        "INSERT INTO source (name, kind) VALUES ('Radio', 'radio')",
        "INSERT INTO source (name, kind) VALUES ('  ', 'marketing')",
        "INSERT INTO spend (day, amount) VALUES ('2026-11-20', 0)",
        "INSERT INTO spend (day, amount) VALUES ('2026-11-20', -5)",
        "INSERT INTO spend (day, amount, source_id) VALUES ('2026-11-20', 5, 99)",
        "INSERT INTO takings (month, amount) VALUES ('2026-11-02', 5)",
        "INSERT INTO takings (month, amount) VALUES ('2026-11-01', -1)",
        "INSERT INTO block (day, start_minute, end_minute, area, title, status, source_id) "
        "VALUES ('2026-11-23', 420, 480, 'production', 'Job', 'planned', 1)",
        "INSERT INTO task (title, area, status, created, source_id) "
        "VALUES ('Job', 'sales', 'open', '2026-11-23T09:00:00+00:00', 1)",
        "INSERT INTO series (title, area, start_minute, end_minute, weekdays, every_weeks, "
        "first_day, made_through, source_id) "
        "VALUES ('Job', 'admin', 420, 480, 1, 1, '2026-11-23', '2026-11-23', 1)",
        "DELETE FROM source WHERE id = 7",  # in use by the spend below: archived, not deleted
    ],
)
def test_what_breaks_a_rule_of_the_other_tables_is_refused(
    db: sqlite3.Connection, statement: str
) -> None:
    db.execute("INSERT INTO spend (day, amount, source_id) VALUES ('2026-11-20', 5, 7)")
    with pytest.raises(sqlite3.IntegrityError):
        db.execute(statement)


def test_a_marketing_block_may_name_a_source_and_a_task_its_enquiry(db: sqlite3.Connection) -> None:
    db.execute(LEAD, GOOD)
    db.execute(
        "INSERT INTO task (title, area, status, created, lead_id) "
        "VALUES ('Call back', 'sales', 'open', '2026-11-23T09:00:00+00:00', 1)"
    )
    db.execute(
        "INSERT INTO block (day, start_minute, end_minute, area, title, status, source_id) "
        "VALUES ('2026-11-23', 420, 480, 'marketing', 'Sign', 'planned', 6)"
    )
    db.execute("DELETE FROM lead")  # (an undone enquiry: its tasks stay, unlinked)
    assert db.execute("SELECT lead_id FROM task").fetchall() == [(None,)]
