"""Ordered schema steps, numbered by SQLite's `PRAGMA user_version`.

Why user_version and not Alembic: the schema is small and owned by one app, the steps
are plain SQL that a reader can check line by line, nothing extra is imported at
start-up, and the version lives inside the database file itself, so a copy of the file
always says which app version can read it. Each step runs in one transaction together
with its version bump (SQLite's DDL is transactional), so a crash leaves the file at
the old version or the new one, never in between. See docs/ARCHITECTURE.md.

Rules for adding a step: append a function, never edit a released one, and keep it
plain SQL (the models in schema.py may have moved on since).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence

Migration = Callable[[sqlite3.Connection], None]


def _v1_first_schema(db: sqlite3.Connection) -> None:
    """Tasks, time blocks and settings. STRICT tables refuse values of the wrong type;
    AUTOINCREMENT means an id is never given out twice, not even after an import, so
    an undo or an old window can never change a different block by mistake."""
    db.execute(
        """
        CREATE TABLE task (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            title TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 200),
            area TEXT NOT NULL CHECK (area IN ('production', 'marketing', 'sales', 'admin')),
            status TEXT NOT NULL CHECK (status IN ('open', 'doing', 'done')),
            due TEXT CHECK (due IS NULL OR date(due) IS due),
            estimate_minutes INTEGER CHECK (estimate_minutes IS NULL OR estimate_minutes > 0),
            notes TEXT NOT NULL DEFAULT '',
            created TEXT NOT NULL,
            completed TEXT
        ) STRICT
        """
    )
    db.execute(
        """
        CREATE TABLE block (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            day TEXT NOT NULL CHECK (date(day) IS day),
            start_minute INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1435),
            end_minute INTEGER NOT NULL CHECK (end_minute BETWEEN 5 AND 1440),
            area TEXT NOT NULL CHECK (area IN ('production', 'marketing', 'sales', 'admin')),
            title TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 200),
            notes TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL CHECK (status IN ('planned', 'done', 'skipped')),
            actual_minutes INTEGER
                CHECK (actual_minutes IS NULL OR actual_minutes BETWEEN 0 AND 1440),
            task_id INTEGER REFERENCES task (id) ON DELETE SET NULL,
            CHECK (end_minute > start_minute)
        ) STRICT
        """
    )
    # Every screen and report asks for a range of days; the week view most of all.
    db.execute("CREATE INDEX block_by_day ON block (day, start_minute)")
    db.execute("CREATE INDEX block_by_task ON block (task_id)")
    db.execute("CREATE INDEX task_by_status_due ON task (status, due)")
    db.execute("CREATE TABLE setting (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT")


def _v2_recurring_blocks(db: sqlite3.Connection) -> None:
    """Series of recurring blocks. Their blocks are real rows (made a year ahead and
    extended as weeks come into view), so every sum over blocks counts them as they are."""
    db.execute(
        """
        CREATE TABLE series (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            title TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 200),
            area TEXT NOT NULL CHECK (area IN ('production', 'marketing', 'sales', 'admin')),
            start_minute INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1435),
            end_minute INTEGER NOT NULL CHECK (end_minute BETWEEN 5 AND 1440),
            notes TEXT NOT NULL DEFAULT '',
            weekdays INTEGER NOT NULL CHECK (weekdays BETWEEN 1 AND 127),  -- bit 0 is Monday
            every_weeks INTEGER NOT NULL CHECK (every_weeks BETWEEN 1 AND 52),
            -- weeks are counted from this weekday (the owner's week start; Monday is 0)
            weeks_from INTEGER NOT NULL DEFAULT 0 CHECK (weeks_from IN (0, 6)),
            first_day TEXT NOT NULL CHECK (date(first_day) IS first_day),
            until TEXT CHECK (until IS NULL OR date(until) IS until),
            -- blocks exist for every occurrence up to this day
            made_through TEXT NOT NULL CHECK (date(made_through) IS made_through),
            task_id INTEGER REFERENCES task (id) ON DELETE SET NULL,
            CHECK (end_minute > start_minute)
        ) STRICT
        """
    )
    # Days a series must leave empty: an occurrence removed, or changed on its own.
    db.execute(
        """
        CREATE TABLE series_skip (
            series_id INTEGER NOT NULL REFERENCES series (id) ON DELETE CASCADE,
            day TEXT NOT NULL CHECK (date(day) IS day),
            PRIMARY KEY (series_id, day)
        ) STRICT
        """
    )
    db.execute(
        "ALTER TABLE block ADD COLUMN series_id INTEGER REFERENCES series (id) ON DELETE SET NULL"
    )
    db.execute("CREATE INDEX block_by_series ON block (series_id, day)")


def _v3_recurring_tasks(db: sqlite3.Connection) -> None:
    """Rules for recurring tasks. A rule makes one task per occurrence; `next_due` is
    the next occurrence not yet made, moved on in the same transaction that makes it."""
    db.execute(
        """
        CREATE TABLE task_rule (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            title TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 200),
            area TEXT NOT NULL CHECK (area IN ('production', 'marketing', 'sales', 'admin')),
            every TEXT NOT NULL
                CHECK (every IN ('days', 'weeks', 'months', 'weekday_of_month')),
            interval INTEGER NOT NULL CHECK (interval BETWEEN 1 AND 365),
            first_due TEXT NOT NULL CHECK (date(first_due) IS first_due),
            estimate_minutes INTEGER CHECK (estimate_minutes IS NULL OR estimate_minutes > 0),
            notes TEXT NOT NULL DEFAULT '',
            nth INTEGER NOT NULL DEFAULT 1 CHECK (nth IN (1, 2, 3, 4, -1)),
            weekday INTEGER NOT NULL DEFAULT 0 CHECK (weekday BETWEEN 0 AND 6),
            until TEXT CHECK (until IS NULL OR date(until) IS until),
            lead_days INTEGER NOT NULL DEFAULT 7 CHECK (lead_days BETWEEN 0 AND 60),
            next_due TEXT NOT NULL CHECK (date(next_due) IS next_due)
        ) STRICT
        """
    )
    db.execute(
        "ALTER TABLE task ADD COLUMN rule_id INTEGER REFERENCES task_rule (id) ON DELETE SET NULL"
    )
    db.execute("CREATE INDEX task_by_rule ON task (rule_id)")
    # The tasks page lists each area's tasks by status.
    db.execute("CREATE INDEX task_by_area_status ON task (area, status, due)")


def _v4_doer_to_marketer_plan(db: sqlite3.Connection) -> None:
    """The plan (one at a time: its row is number 1) and the hand-off list."""
    db.execute(
        """
        CREATE TABLE plan (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            start TEXT NOT NULL CHECK (date(start) IS start),
            weeks INTEGER NOT NULL CHECK (weeks BETWEEN 1 AND 104),
            target_share REAL NOT NULL CHECK (target_share BETWEEN 0 AND 1),
            capacity_minutes INTEGER NOT NULL CHECK (capacity_minutes BETWEEN 60 AND 6000),
            typed_baseline REAL CHECK (typed_baseline IS NULL OR typed_baseline BETWEEN 0 AND 1)
        ) STRICT
        """
    )
    db.execute(
        """
        CREATE TABLE hand_off (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            title TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 200),
            area TEXT NOT NULL CHECK (area IN ('production', 'marketing', 'sales', 'admin')),
            way TEXT NOT NULL CHECK (way IN ('delegate', 'subcontract', 'systemise')),
            minutes_a_week INTEGER
                CHECK (minutes_a_week IS NULL OR minutes_a_week BETWEEN 5 AND 6000),
            done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1))
        ) STRICT
        """
    )


def count_changes_to(db: sqlite3.Connection, table: str) -> None:
    """Triggers that bump the change count on every change to `table`. A step that makes
    a new table of the owner's data calls this for it (a test checks every table)."""
    for event in ("INSERT", "UPDATE", "DELETE"):
        db.execute(
            f"CREATE TRIGGER count_{event.lower()}_{table} AFTER {event} ON {table} "
            "BEGIN UPDATE change_count SET changes = changes + 1 WHERE id = 1; END"
        )


def _v5_change_count(db: sqlite3.Connection) -> None:
    """A count of every saved change, kept by SQLite itself (triggers), so a backup can
    tell whether the data changed since it was taken: the copy holds the count it had."""
    db.execute(
        "CREATE TABLE change_count (id INTEGER PRIMARY KEY CHECK (id = 1), "
        "changes INTEGER NOT NULL) STRICT"
    )
    db.execute("INSERT INTO change_count (id, changes) VALUES (1, 0)")
    # The tables there were at version 5 (fixed here: a later table gets its triggers
    # in the step that makes it, or this step would fail on files made from scratch).
    for table in (
        "task", "task_rule", "block", "series", "series_skip", "setting", "plan", "hand_off",
    ):  # fmt: skip
        count_changes_to(db, table)


def _v6_customer_jobs(db: sqlite3.Connection) -> None:
    """Whether a task (and the tasks a rule makes) is work done for a customer: only those
    production tasks are followed by the after-job marketing. Existing tasks are customer
    jobs, except the library's own-shop task as it was named at this version."""
    for table in ("task", "task_rule"):
        db.execute(
            f"ALTER TABLE {table} ADD COLUMN customer_job INTEGER NOT NULL DEFAULT 1 "
            "CHECK (customer_job IN (0, 1))"
        )
        db.execute(
            f"UPDATE {table} SET customer_job = 0 "
            "WHERE area = 'production' AND trim(title) = 'Sharpen and service tools'"
        )


def _v7_work_coming_in(db: sqlite3.Connection) -> None:
    """Where work comes from (sources, seeded in plain words), the enquiries and what
    became of them, marketing spend and the month's takings; marketing blocks, series
    and tasks may name a source, and a task its enquiry (a follow-up, or the job won).

    Amounts are whole minor units (pence, cents); at most 10,000,000 a job. The rules of
    an enquiry's states are CHECKs, so no bug can store a won job without a value."""
    db.execute(
        """
        CREATE TABLE source (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 200),
            kind TEXT NOT NULL
                CHECK (kind IN ('word_of_mouth', 'repeat', 'marketing', 'not_sure')),
            archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1))
        ) STRICT
        """
    )
    # Names differing only in case are one name (the services compare full Unicode case;
    # this catches the rest).
    db.execute("CREATE UNIQUE INDEX source_by_name ON source (lower(name))")
    db.execute(
        """
        CREATE TABLE lead (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            who TEXT NOT NULL CHECK (length(trim(who)) BETWEEN 1 AND 200),
            what TEXT NOT NULL DEFAULT '' CHECK (length(what) <= 200),
            came_in TEXT NOT NULL CHECK (date(came_in) IS came_in),
            source_id INTEGER NOT NULL REFERENCES source (id),
            referred_by TEXT NOT NULL DEFAULT '' CHECK (length(referred_by) <= 200),
            notes TEXT NOT NULL DEFAULT '',
            state TEXT NOT NULL
                CHECK (state IN ('new', 'quoted', 'won', 'lost', 'not_quoted')),
            quoted_on TEXT CHECK (quoted_on IS NULL OR date(quoted_on) IS quoted_on),
            quote INTEGER CHECK (quote IS NULL OR quote BETWEEN 1 AND 1000000000),
            decided_on TEXT CHECK (decided_on IS NULL OR date(decided_on) IS decided_on),
            value INTEGER CHECK (value IS NULL OR value BETWEEN 1 AND 1000000000),
            lost_reason TEXT CHECK (lost_reason IS NULL OR lost_reason
                IN ('price', 'timing', 'no_reply', 'went_elsewhere', 'other')),
            not_quoted_reason TEXT CHECK (not_quoted_reason IS NULL OR not_quoted_reason
                IN ('too_busy', 'not_our_work', 'other')),
            CHECK ((quote IS NULL) = (quoted_on IS NULL)),
            CHECK ((quoted_on IS NOT NULL) = (state IN ('quoted', 'won', 'lost'))),
            CHECK ((decided_on IS NOT NULL) = (state IN ('won', 'lost', 'not_quoted'))),
            CHECK ((value IS NOT NULL) = (state = 'won')),
            CHECK ((lost_reason IS NOT NULL) = (state = 'lost')),
            CHECK ((not_quoted_reason IS NOT NULL) = (state = 'not_quoted')),
            CHECK (quoted_on IS NULL OR quoted_on >= came_in),
            CHECK (decided_on IS NULL OR decided_on >= coalesce(quoted_on, came_in))
        ) STRICT
        """
    )
    db.execute("CREATE INDEX lead_by_state ON lead (state, came_in)")
    db.execute("CREATE INDEX lead_by_day ON lead (came_in)")
    db.execute("CREATE INDEX lead_by_source ON lead (source_id)")
    db.execute(
        """
        CREATE TABLE spend (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            day TEXT NOT NULL CHECK (date(day) IS day),
            amount INTEGER NOT NULL CHECK (amount BETWEEN 1 AND 1000000000),
            source_id INTEGER REFERENCES source (id),
            note TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 200)
        ) STRICT
        """
    )
    db.execute("CREATE INDEX spend_by_day ON spend (day)")
    db.execute("CREATE INDEX spend_by_source ON spend (source_id)")
    db.execute(
        """
        CREATE TABLE takings (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            -- the month's first day: one row a month
            month TEXT NOT NULL UNIQUE
                CHECK (date(month) IS month AND substr(month, 9, 2) = '01'),
            amount INTEGER NOT NULL CHECK (amount BETWEEN 0 AND 1000000000)
        ) STRICT
        """
    )
    # Only marketing work names a source. (No ON DELETE: a source in use is archived,
    # never deleted; a merge moves its work first.)
    for table in ("block", "series", "task"):
        db.execute(
            f"ALTER TABLE {table} ADD COLUMN source_id INTEGER REFERENCES source (id) "
            "CHECK (source_id IS NULL OR area = 'marketing')"
        )
        db.execute(f"CREATE INDEX {table}_by_source ON {table} (source_id)")
    db.execute(
        "ALTER TABLE task ADD COLUMN lead_id INTEGER REFERENCES lead (id) ON DELETE SET NULL"
    )
    db.execute("CREATE INDEX task_by_lead ON task (lead_id)")
    # The list every data file starts with (domain/leads.SEEDED_SOURCES as it was at
    # this version; a test checks they agree).
    db.executemany(
        "INSERT INTO source (name, kind) VALUES (?, ?)",
        [
            ("A customer's referral", "word_of_mouth"),
            ("Another trade or a merchant", "word_of_mouth"),
            ("A past customer", "repeat"),
            ("Google / business profile", "marketing"),
            ("Website", "marketing"),
            ("Van or yard sign", "marketing"),
            ("Flyers or postcards", "marketing"),
            ("A directory or lead site", "marketing"),
            ("Other marketing", "marketing"),
            ("Not sure", "not_sure"),
        ],
    )
    for table in ("source", "lead", "spend", "takings"):
        count_changes_to(db, table)


def _v8_asks_marked(db: sqlite3.Connection) -> None:
    """Marketing work may be marked as an ask: for a review or for a referral, so asks
    can be counted against what comes in. Existing asks are marked by the words the app
    gave them at this version (the after-job follow-ups and the library's two asks), and
    a block or series of such a task takes its mark."""
    for table in ("block", "series", "task"):
        db.execute(
            f"ALTER TABLE {table} ADD COLUMN purpose TEXT CHECK (purpose IS NULL OR "
            "(area = 'marketing' AND purpose IN ('review_ask', 'referral_ask')))"
        )
    for purpose, follow_up, template in (
        ("review_ask", "%: ask for a review", "Ask a past client for a review"),
        ("referral_ask", "%: ask for a referral", "Ask for a referral"),
    ):
        db.execute(
            "UPDATE task SET purpose = ? WHERE area = 'marketing' "
            "AND (trim(title) LIKE ? OR trim(title) = ?)",
            (purpose, follow_up, template),
        )
    for table in ("block", "series"):
        db.execute(
            f"UPDATE {table} SET purpose = "
            f"(SELECT task.purpose FROM task WHERE task.id = {table}.task_id) "
            "WHERE area = 'marketing' AND task_id IS NOT NULL"
        )


def _v9_marketing_floor(db: sqlite3.Connection) -> None:
    """The plan's marketing floor: of each week's planned business hours, the part that
    must be marketing for the week to be on track (admin alone brings in no work).
    Existing plans get half, the default a new plan starts with."""
    db.execute(
        "ALTER TABLE plan ADD COLUMN marketing_floor REAL NOT NULL DEFAULT 0.5 "
        "CHECK (marketing_floor BETWEEN 0 AND 1)"
    )


def _v10_calendar_appointments(db: sqlite3.Connection) -> None:
    """The blocks made from a phone calendar's appointments, each with the appointment's
    UID (and occurrence), so a calendar imported again adds nothing twice. A table of
    its own rather than a column on blocks: only imported blocks have one, and a copy or
    paste of a block must not carry it. No link to the block: the record outlives a
    deleted block (that appointment stays out), and block ids are never given twice."""
    db.execute(
        """
        CREATE TABLE calendar_event (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            block_id INTEGER NOT NULL UNIQUE,
            event TEXT NOT NULL CHECK (length(event) BETWEEN 1 AND 2000)
        ) STRICT
        """
    )
    db.execute("CREATE INDEX calendar_event_by_event ON calendar_event (event)")
    count_changes_to(db, "calendar_event")


def _v11_indexes_for_today(db: sqlite3.Connection) -> None:
    """Indexes so the reads after every edit touch only recent rows, however many years
    lie behind them (issue 17): the tasks finished since a day (the asks done and the
    customers' jobs the engines count), and the enquiries quoted or decided since a day
    (the week's work coming in, and the enquiries the engines look back on). Without
    them each of those reads went through every task or enquiry ever logged."""
    db.execute("CREATE INDEX task_by_status_completed ON task (status, completed)")
    db.execute("CREATE INDEX lead_by_quoted ON lead (quoted_on)")
    db.execute("CREATE INDEX lead_by_decided ON lead (decided_on)")


MIGRATIONS: Sequence[Migration] = (
    _v1_first_schema,
    _v2_recurring_blocks,
    _v3_recurring_tasks,
    _v4_doer_to_marketer_plan,
    _v5_change_count,
    _v6_customer_jobs,
    _v7_work_coming_in,
    _v8_asks_marked,
    _v9_marketing_floor,
    _v10_calendar_appointments,
    _v11_indexes_for_today,
)
SCHEMA_VERSION = len(MIGRATIONS)
# The tables a file at SCHEMA_VERSION has (a test checks this against the steps): one
# that is missing makes the file damaged, whatever its version number says.
TABLES = frozenset(
    {"task", "block", "setting", "series", "series_skip", "task_rule", "plan", "hand_off",
     "change_count", "source", "lead", "spend", "takings", "calendar_event"}
)  # fmt: skip


def run_migrations(
    db: sqlite3.Connection, current: int, steps: Sequence[Migration] = MIGRATIONS
) -> int:
    """Bring the file from version `current` to the newest; returns the new version.

    `db` must be in autocommit mode (isolation_level None) so that each step's BEGIN
    and COMMIT are ours.
    """
    for number in range(current + 1, len(steps) + 1):
        db.execute("BEGIN IMMEDIATE")
        try:
            steps[number - 1](db)
            # A step that rebuilt a table must not leave a block pointing at nothing.
            if db.execute("PRAGMA foreign_key_check").fetchone() is not None:
                raise sqlite3.IntegrityError(f"update step {number} broke a link between records")
            db.execute(f"PRAGMA user_version = {int(number)}")
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        current = number
    return current
