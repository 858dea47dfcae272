"""Reading repeating series with their skipped days and how far their blocks are made
(plain SQL: see store/rows.py), apart from series.py's writes, so the commands that
only read load no SQLAlchemy."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from tradesman.domain.series import SeriesRecord
from tradesman.errors import UserError
from tradesman.store.columns import SERIES
from tradesman.store.reads import dbapi_connection

if TYPE_CHECKING:
    from tradesman.store.reads import Db

_RECORDS = f"SELECT {SERIES.names()}, made_through FROM series"


class SeriesGone(UserError):
    """The series was removed meanwhile."""


def get_record(db: Db, series_id: int) -> SeriesRecord:
    found = _records(db, "WHERE id = ?", (series_id,))
    if not found:
        raise SeriesGone("That repeating block no longer exists.")
    return found[0]


def records_of(db: Db, series_ids: list[int]) -> list[SeriesRecord]:
    """The series with these ids that are still there, by id."""
    marks = ", ".join("?" for _ in series_ids)
    return _records(db, f"WHERE id IN ({marks}) ORDER BY id", tuple(series_ids))


def all_records(db: Db) -> list[SeriesRecord]:
    """Every series, in the order they were made."""
    return _records(db, "ORDER BY id")


def _records(db: Db, rest: str, params: tuple[int, ...] = ()) -> list[SeriesRecord]:
    connection = dbapi_connection(db)
    skipped: dict[int, set[date]] = {}
    width = len(SERIES.columns)
    rows = connection.execute(f"{_RECORDS} {rest}", params).fetchall()
    if rows:
        picked = "" if len(rows) > 1 else f" WHERE series_id = {int(rows[0][0])}"
        for series_id, day in connection.execute(f"SELECT series_id, day FROM series_skip{picked}"):
            skipped.setdefault(series_id, set()).add(date.fromisoformat(day))
    return [
        SeriesRecord(
            SERIES.from_values(row[:width]),
            date.fromisoformat(row[width]),
            frozenset(skipped.get(row[0], ())),
        )
        for row in rows
    ]
