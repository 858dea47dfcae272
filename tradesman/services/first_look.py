"""What the window shows first: the settings and this week's split, read without SQLAlchemy.

Loading SQLAlchemy takes longer than painting the whole window, so start-up reads
these few numbers over a bare sqlite3 connection with the same queries the services
use, shows them, and loads SQLAlchemy afterwards for editing.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from tradesman.domain.blocks import TimeBlock
from tradesman.domain.settings import Settings
from tradesman.domain.split import WeekSplit
from tradesman.domain.weeks import Week, week_containing
from tradesman.services.settings import settings_from
from tradesman.services.summary import split_of_days
from tradesman.store.datafile import connect
from tradesman.store.reads import blocks_from


@dataclass(frozen=True)
class FirstLook:
    settings: Settings
    week: Week
    split: WeekSplit
    blocks: list[TimeBlock]
    # Nothing saved yet, not even the settings: a new owner's first start (welcome them).
    first_start: bool = False


def first_look(database: Path, locale_name: str | None, today: date) -> FirstLook:
    """The settings, the week holding `today`, and its split, from one consistent read."""
    with contextlib.closing(connect(database)) as db:
        db.execute("BEGIN")
        try:
            settings = settings_from(db, locale_name)
            week = week_containing(today, settings.week_start)
            split = split_of_days(db, week.start, week.end)
            blocks = blocks_from(db, week.start, week.end)
            (untouched,) = db.execute(
                "SELECT NOT EXISTS (SELECT 1 FROM setting) AND NOT EXISTS (SELECT 1 FROM block)"
                " AND NOT EXISTS (SELECT 1 FROM task)"
            ).fetchone()
        finally:
            db.execute("ROLLBACK")
    return FirstLook(settings, week, split, blocks, first_start=bool(untouched))
